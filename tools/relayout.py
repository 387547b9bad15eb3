"""Rewrite references to moved modules (issue 16's layout) across the project; idempotent.

Run from the project root after merging a branch written against the old layout:

    python3 tools/relayout.py          # rewrite in place, list the files changed
    python3 tools/relayout.py --check  # list what would change; exit 1 if anything would

It rewrites dotted paths (`from bot.ask import answer`, `"bot.cli"` in `python -m bot.cli`),
`from bot import ask`, file paths in docs (`bot/ask.py`), and imports of names that moved
between modules (`from bot.interfaces.telegram_app import send_replies`). Afterwards run
`ruff check --fix` and `ruff format` to re-sort the imports it touched.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

# Old dotted module -> new dotted module (the layers of bot/: usecases, engines, interfaces).
MODULES: dict[str, str] = {
    "bot.ask": "bot.usecases.ask",
    "bot.ask_intents": "bot.usecases.ask_intents",
    "bot.llm_answer": "bot.usecases.ask_llm",  # renamed: it is ask's LLM path, not a twin of `ask`
    "bot.drafting": "bot.usecases.drafting",
    "bot.compose": "bot.usecases.draft_offline",  # renamed: the offline drafting engine, beside `drafting`
    "bot.context": "bot.usecases.draft_context",  # renamed: it holds DraftContext
    "bot.context_builder": "bot.usecases.context_from_memory",  # renamed: it reads a DraftContext from Memory
    "bot.usecases.draft_context_builder": "bot.usecases.context_from_memory",  # not a twin of draft_context
    "bot.approval": "bot.usecases.approval",
    "bot.ask_notes": "bot.usecases.ask_notes",  # added on the answers branch beside the old layout
    "bot.draft_details": "bot.usecases.draft_details",  # added on the answers branch beside the old layout
    "bot.digest": "bot.usecases.digest",
    "bot.llm": "bot.engines.llm",
    "bot.llm_extract": "bot.engines.llm_extract",
    "bot.llm_deadline": "bot.engines.llm_deadline",
    "bot.voice": "bot.engines.voice",
    "bot.channels": "bot.engines.channels",
    "bot.tokens": "bot.engines.tokens",
    "bot.redact": "bot.interfaces.redact",
    "bot.cli": "bot.interfaces.cli",
    "bot.commands": "bot.interfaces.commands",
    "bot.console": "bot.interfaces.console",
    "bot.telegram_app": "bot.interfaces.telegram_app",
    "bot.scheduler": "bot.interfaces.scheduler",
    "bot.verify": "bot.usecases.check_llm",  # renamed: the check's LLM path, as ask_llm is ask's
    "bot.conversation": "bot.chat.conversation",  # the conversation core, beside its parts
}

# Old modules whose dotted name is also an attribute in code (a test's `bot.conversation`, the Conversation on a
# bot fixture) or a logger's name: rewritten in import statements only.
IMPORT_ONLY = {"bot.conversation"}

# Data files that moved with their module (read through Path(__file__).parent / "data").
FILES: dict[str, str] = {
    "bot/data/ask_intents.json": "bot/usecases/data/ask_intents.json",
    "bot/data/draft_words.json": "bot/usecases/data/draft_words.json",
}

# Names that moved from one module to another: (new module, name) -> module that now holds it.
SYMBOLS: dict[tuple[str, str], str] = {
    **{
        ("bot.interfaces.telegram_app", name): "bot.interfaces.telegram_send"  # the scheduler sends too
        for name in ("send_replies", "SEND_ATTEMPTS", "SEND_BACKOFF_S", "RETRY_AFTER_CAP_S", "MAX_TEXT")
    },
    **{("bot.interfaces.cli", name): "bot.interfaces.cli_io" for name in ("emit", "read_input")},  # cli <-> commands
    **{("bot.usecases.ask", name): "bot.usecases.answer" for name in ("Answer", "ABSTAIN")},  # ask <-> ask_llm
}

ROOTS = ["bot", "memory", "tests", "benchmarks", "prompts", "tools", "docs"]
TOP_FILES = ["README.md", "Makefile", "pyproject.toml", ".ci/run", ".env.example"]
SUFFIXES = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".sh", ""}
SKIP = (
    "benchmarks/data/",  # the blind sets' own files, kept as their writers left them
    "tests/test_relayout.py",  # its examples name the old paths on purpose
)


def _dotted(old: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(old)}(?!\w)")


def _path(old: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/.]){re.escape(old)}(?![\w/])")


_DOTTED = [
    (_dotted(old), new) for old, new in sorted(MODULES.items(), key=lambda kv: -len(kv[0])) if old not in IMPORT_ONLY
]
_IMPORTED = [
    (re.compile(rf"^(?P<lead>[ \t]*(?:from|import)[ \t]+){re.escape(old)}(?!\w)", re.M), new)
    for old, new in MODULES.items()
    if old in IMPORT_ONLY
]
_PATHS = [
    (_path(old.replace(".", "/") + ".py"), new.replace(".", "/") + ".py")
    for old, new in sorted(MODULES.items(), key=lambda kv: -len(kv[0]))
] + [(_path(old), new) for old, new in FILES.items()]
_FROM_BOT = re.compile(r"^(?P<indent>[ \t]*)from bot import (?P<names>[\w, ]+?)[ \t]*$", re.M)
_FROM_ANY = re.compile(
    r"^(?P<indent>[ \t]*)from (?P<mod>[\w.]+) import (?:\((?P<multi>[^)]*)\)|(?P<one>[^\n#(]+?))[ \t]*(?P<comment>#[^\n]*)?$",
    re.M,
)


def _split_names(text: str) -> list[str]:
    return [n.strip() for n in text.replace("\n", ",").split(",") if n.strip() and not n.strip().startswith("#")]


def _from_bot(match: re.Match[str]) -> str:
    """`from bot import ask, settings` -> `from bot.usecases import ask` + `from bot import settings`."""
    groups: dict[str, list[str]] = {}
    for name in _split_names(match["names"]):
        target = MODULES.get(f"bot.{name.split(' as ')[0].strip()}")
        package, _, new_name = (target or f"bot.{name}").rpartition(".")
        alias = name.split(" as ")[1].strip() if " as " in name else None
        old_name = name.split(" as ")[0].strip()
        shown = new_name if target else old_name
        if target and new_name != old_name:
            shown += f" as {alias or old_name}"
        elif alias:
            shown += f" as {alias}"
        groups.setdefault(package if target else "bot", []).append(shown)
    return "\n".join(f"{match['indent']}from {pkg} import {', '.join(ns)}" for pkg, ns in groups.items())


def _moved_symbols(match: re.Match[str]) -> str:
    """Split `from M import a, b` when some of the names now live in another module."""
    module = match["mod"]
    names = _split_names(match["multi"] if match["multi"] is not None else match["one"])
    if not any((module, n.split(" as ")[0].strip()) in SYMBOLS for n in names):
        return match[0]
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(SYMBOLS.get((module, name.split(" as ")[0].strip()), module), []).append(name)
    comment = f"  {match['comment']}" if match["comment"] else ""
    lines = [f"{match['indent']}from {mod} import {', '.join(ns)}" for mod, ns in groups.items()]
    lines[0] += comment
    return "\n".join(lines)


def rewrite(text: str, python: bool) -> str:
    """The text with every reference to a moved module or file pointed at its new place."""
    if python:
        text = _FROM_BOT.sub(_from_bot, text)
    for pattern, new in _DOTTED:
        text = pattern.sub(new, text)
    for pattern, new in _IMPORTED:
        text = pattern.sub(lambda m, new=new: m["lead"] + new, text)
    for pattern, new in _PATHS:
        text = pattern.sub(new, text)
    if python and SYMBOLS:
        text = _FROM_ANY.sub(_moved_symbols, text)
    return text


def targets(root: Path) -> list[Path]:
    """The files to rewrite: sources, tests, benchmarks, docs and build files (never this script)."""
    found: list[Path] = []
    for name in ROOTS:
        base = root / name
        if base.is_dir():
            found += [p for p in sorted(base.rglob("*")) if p.is_file() and p.suffix in SUFFIXES]
    found += [root / name for name in TOP_FILES if (root / name).is_file()]
    me = Path(__file__).resolve()
    return [
        p
        for p in found
        if p.resolve() != me
        and "__pycache__" not in p.parts
        and not any(p.relative_to(root).as_posix().startswith(s) for s in SKIP)
    ]


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with --check, list) every file that still names an old module."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would change")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    changed = []
    for path in targets(args.root):
        try:
            old = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        new = rewrite(old, python=path.suffix == ".py")
        if new != old:
            changed.append(path.relative_to(args.root).as_posix())
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for name in changed:
        print(name)
    if args.check:
        return 1 if changed else 0
    if changed:
        print("now run: ruff check --fix bot memory prompts tests benchmarks tools && ruff format ...", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
