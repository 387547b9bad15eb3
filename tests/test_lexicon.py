"""Month and weekday words live once, in memory/data/calendar_words.json (read by memory/lexicon.py).

Static: no module of memory/ or bot/ spells out its own list of month or weekday names in code (docstrings
and examples in comments may name a few).
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from memory import dates, lexicon

ROOT = Path(__file__).resolve().parent.parent
NAMES = (*lexicon.MONTH_NAMES, *lexicon.WEEKDAYS)
MOST_NAMED = 3  # a file naming more distinct month or weekday names in its code holds a list of its own


def _code_strings(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def _named(path: Path) -> set[str]:
    text = " ".join(_code_strings(path)).casefold()
    return {n for n in NAMES if re.search(rf"\b{n}\b", text)}


def test_no_module_keeps_its_own_month_or_weekday_list() -> None:
    own = {
        path.relative_to(ROOT).as_posix(): sorted(found)
        for package in ("bot", "memory")
        for path in sorted((ROOT / package).rglob("*.py"))
        if len(found := _named(path)) > MOST_NAMED
    }
    assert not own, f"read months and weekdays from memory.lexicon instead of listing them: {own}"


def test_the_check_sees_a_list(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text('"""Monday to Friday."""\nDAYS = "monday tuesday wednesday thursday"\n', encoding="utf-8")
    assert _named(sample) == {"monday", "tuesday", "wednesday", "thursday"}


def test_the_calendar_words_are_whole_and_in_order() -> None:
    assert [lexicon.MONTHS[m] for m in lexicon.MONTH_NAMES] == list(range(1, 13))
    assert list(lexicon.WEEKDAYS.values()) == list(range(7))
    assert set(lexicon.WEEKDAY_ABBREVIATIONS.values()) == set(range(7))
    assert set(lexicon.MONTH_NAMES) >= lexicon.MONTH_FIRST_NAMES
    assert dates.MONTHS is lexicon.MONTHS and dates.WEEKDAYS is lexicon.WEEKDAYS  # one list, re-exported


GROUPED = ("stopwords", "colours")  # memory/data/<name>.json: groups of words, each with its reason
MOST_LITERAL_WORDS = 5  # a set, list or tuple of more string constants than this in lexicon.py is a word list


def _literal_word_lists(path: Path) -> list[int]:
    """Lines of `path` where a set, list or tuple of many string constants is written out (`__all__` aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exports = {
        id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "__all__"
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Set | ast.List | ast.Tuple)
        and id(node) not in exports
        and sum(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts) > MOST_LITERAL_WORDS
    ]


def test_memorys_lexicon_keeps_no_word_list_in_code() -> None:
    found = _literal_word_lists(ROOT / "memory" / "lexicon.py")
    assert not found, f"a word list written in memory/lexicon.py (move it to memory/data with a reason): {found}"


def test_the_literal_check_sees_a_list(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text('A = frozenset(["a", "b", "c", "d", "e", "f"])\nB = ("x", "y")\n', encoding="utf-8")
    assert _literal_word_lists(sample) == [1]


@pytest.mark.parametrize("name", GROUPED)
def test_every_listed_word_has_a_reason(name: str) -> None:
    doc = json.loads((ROOT / "memory" / "data" / f"{name}.json").read_text(encoding="utf-8"))
    assert doc["_about"].strip()
    seen: list[str] = []
    for group in doc["groups"]:
        assert len(group["why"].split()) >= 4, group  # a reason, not a label
        assert group["words"] and all(w == w.strip().lower() and w for w in group["words"]), group
        seen += group["words"]
    assert len(seen) == len(set(seen)), f"listed twice in {name}.json: {sorted(w for w in seen if seen.count(w) > 1)}"


def test_the_grouped_lists_are_read() -> None:
    assert {"the", "what", "remember", "chet"} <= lexicon.STOPWORDS and "blue" not in lexicon.STOPWORDS
    assert {"grey", "gray", "navy", "gold"} <= lexicon.COLOURS and "the" not in lexicon.COLOURS


# One date parser: the guard reads "March 5", "5th of March", "3/14", "25/12" as memory.dates does.
SAMPLE_DATES = ("March 5", "5th of march", "2025-03-05", "3/14", "3/14/2026", "25/12", "feb 30", "sept 3rd")


@pytest.mark.parametrize("text", SAMPLE_DATES)
def test_the_guard_reads_a_date_as_memory_does(text: str) -> None:
    from bot.guard import when

    found = dates.parse_personal_date(text)
    assert when._month_day(text) == (None if found is None else found[1:])


def _imports_names_package(path: Path) -> bool:
    """Whether `path` imports the `names` package (the US census name files)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(n, ast.Import) and any(a.name == "names" for a in n.names) for n in ast.walk(tree))


def test_one_loader_reads_the_census_names() -> None:
    readers = [
        p.relative_to(ROOT).as_posix()
        for package in ("bot", "memory")
        for p in sorted((ROOT / package).rglob("*.py"))
        if _imports_names_package(p)
    ]
    assert readers == ["memory/dictionaries.py"], f"read the census names through memory.lexicon: {readers}"
    assert {"mary", "john", "kim"} <= lexicon.census_first_names()
    assert 0.005 < lexicon.census_surname_shares()["smith"] < 0.02  # 1.006 % in the file: a share, not a percent


# Words that are never a person's name live once, in memory/data/not_names.json (read by memory.lexicon.not_names),
# and the PHRASE | KIND | REASON files through one reader (memory.lexicon.phrase_entries).
NOT_A_NAME_LIST = re.compile(r"NOT_NAME|NOT_ENTIT|TITLE")  # the names such a list was kept under in code


def _not_a_name_lists(path: Path) -> list[str]:
    """`NAME:line` of each assignment in `path` of a literal word list to a not-a-name or title name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = [ast.unparse(t) for t in targets]
        literal_words = max(
            (
                sum(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in n.elts)
                for n in ast.walk(node.value)
                if isinstance(n, ast.Set | ast.List | ast.Tuple)
            ),
            default=0,
        )
        spelled = any(
            isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value.split()) > MOST_LITERAL_WORDS
            for n in ast.walk(node.value)
        )
        if any(NOT_A_NAME_LIST.search(n) for n in names) and (literal_words > MOST_LITERAL_WORDS or spelled):
            found.append(f"{names[0]}:{node.lineno}")
    return found


def test_no_module_keeps_its_own_not_a_name_list() -> None:
    own = {
        path.relative_to(ROOT).as_posix(): found
        for package in ("bot", "memory")
        for path in sorted((ROOT / package).rglob("*.py"))
        if (found := _not_a_name_lists(path))
    }
    assert not own, f"read words that are never a name from memory.lexicon.not_names: {own}"


def test_the_not_a_name_check_sees_a_list(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text(
        '_NOT_NAMES = {"passed", "died", "is", "was", "has", "had"}\n_NOT_NAMES |= _wordset("The A An I He She They")\n'
        '_TITLE_RX = "|".join(sorted({"mr", "mrs", "ms", "miss", "mx", "dr", "prof"}))\nOTHER = {"a", "b", "c", "d", "e", "f"}\n'
        '_NOT_NAME = not_names("code_lead_words")\n',
        encoding="utf-8",
    )
    assert _not_a_name_lists(sample) == ["_NOT_NAMES:1", "_NOT_NAMES:2", "_TITLE_RX:3"]


def test_every_not_a_name_group_has_a_reason_and_a_reader() -> None:
    doc = json.loads((ROOT / "memory" / "data" / "not_names.json").read_text(encoding="utf-8"))
    assert doc["_about"].strip()
    code = " ".join(p.read_text(encoding="utf-8") for pkg in ("bot", "memory") for p in (ROOT / pkg).rglob("*.py"))
    for group in doc["groups"]:
        assert len(group["why"].split()) >= 4, group  # a reason, not a label
        assert group["words"] and all(w == w.strip().lower() and w for w in group["words"]), group
        assert len(group["words"]) == len(set(group["words"])), group["name"]
        assert f'"{group["name"]}"' in code, f"no module reads the group {group['name']!r}"
    assert len({g["name"] for g in doc["groups"]}) == len(doc["groups"])


def test_not_names_reads_the_groups_and_refuses_an_unknown_one() -> None:
    assert lexicon.not_names("courtesy_titles") == {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"}
    assert lexicon.not_names("courtesy_titles") <= lexicon.titles()  # memory's full title list holds them
    assert {"italian", "the", "dear"} <= lexicon.not_names(
        "nationalities_and_faiths", "sentence_openers", "salutation_words"
    )
    with pytest.raises(KeyError):
        lexicon.not_names("no_such_group")


def _reads_not_clients_itself(path: Path) -> bool:
    """Whether the code of `path` (docstrings aside) names the not_clients.txt file: it would read it on its own."""
    return any(s.endswith("not_clients.txt") for s in _code_strings(path))


def test_one_reader_reads_the_not_clients_file() -> None:
    readers = [
        p.relative_to(ROOT).as_posix()
        for pkg in ("bot", "memory")
        for p in sorted((ROOT / pkg).rglob("*.py"))
        if _reads_not_clients_itself(p) and p.name != "lexicon.py"
    ]
    assert not readers, f"read memory/data/not_clients.txt through memory.lexicon.phrase_entries: {readers}"
    entries = lexicon.phrase_entries(lexicon.NOT_CLIENTS)
    assert ("undo", "command:undo") in {(e.phrase, e.kind) for e in entries}
    assert all(e.reason for e in entries)


def test_a_malformed_phrase_line_names_its_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# comment\nhi | greeting | small talk\nhello | greeting\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt line 3"):
        lexicon.phrase_entries(bad)


# P11b: bot/chat's WORD | REASON and WORD | KIND | REASON files are read by memory.lexicon.rows alone. The digests
# were taken from the readers each module had before (commit 4f40b93), so any change in validation or folding
# that changes what a file yields fails here. Sets and tables are sorted first; a regex keeps its alternation order.
OLD_READERS = {
    "lead_words": "3926d88d67b1b9a5",
    "question_words": "006d4021640aecd3",
    "on_behalf": "152d8dcbd4dc4bfc",
    "colleague_patterns": "12f5ca4eefcfa11b",
    "colleague_words": "69d1108a9d90bc7e",
    "chat_words": "844e7f69341732cf",
    "fillers": "b2d7fdecd529245f",
    "corrections": "52f0eeb7db6a25a5",
    "not_a_client": "ef905869f967af2e",
    "cue_kinds": "cbd2ea53e4864a35",
    "name_parts": "e04d86d37dd2e923",
    "company_words": "3beba033bee9aa7e",
}


def _digest(value: object) -> str:
    if isinstance(value, (set, frozenset)):
        value = sorted(value)
    elif isinstance(value, dict):
        value = sorted((k, sorted(v)) for k, v in value.items())
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def test_chat_word_lists_load_exactly_as_their_old_readers_did() -> None:
    from bot.chat import mentions, routing, words

    loaded = {
        "lead_words": routing.LEAD_WORDS,
        "question_words": routing.other_question_words(),
        "on_behalf": routing.ON_BEHALF.pattern,
        "colleague_patterns": [p.pattern for p in routing.colleague_patterns()],
        "colleague_words": routing.colleague_words(),
        "chat_words": words.chat_words(),
        "fillers": words._fillers(),
        # the correction pattern joins a set in hash order, so its phrases (in file order) are what is pinned
        "corrections": [phrase for phrase, _ in lexicon.rows(words.CORRECTIONS, "PHRASE | REASON")],
        "not_a_client": words.NOT_A_CLIENT,
        "cue_kinds": mentions.cue_kinds(),
        "name_parts": mentions._name_parts(),
        "company_words": mentions.company_words(),
    }
    assert {k: _digest(v) for k, v in loaded.items()} == OLD_READERS


def test_chat_modules_read_no_pipe_file_themselves() -> None:
    for name in ("routing", "words", "mentions"):
        source = (ROOT / "bot" / "chat" / f"{name}.py").read_text(encoding="utf-8")
        assert ".read_text(" not in source, f"bot/chat/{name}.py reads a data file itself: use memory.lexicon.rows"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("hi | greeting\n", None),  # a column missing
        ("hi | greeting | small talk | more\n", None),  # a column too many
        ("hi |  | small talk\n", None),  # an empty column
        ("hi | shout | small talk\n", frozenset({"greeting"})),  # a kind not listed
    ],
)
def test_a_malformed_row_names_its_file_and_line(tmp_path: Path, text: str, kinds: frozenset[str] | None) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# comment\n\n" + text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt line 3: expected WORD \| KIND \| REASON"):
        lexicon.rows(bad, "WORD | KIND | REASON", kinds)


def test_the_guards_function_words_are_read_once_and_as_before() -> None:
    from bot.guard import slots, values
    from bot.guard.rules import language, relative_name

    readers = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "bot" / "guard").rglob("*.py")
        if '"stopwords.json"' in p.read_text(encoding="utf-8")
    )
    assert readers == ["bot/guard/values.py"], (
        "read bot/guard/data/stopwords.json through values.function_word_languages"
    )
    loaded = [
        sorted(slots._function_words()),
        sorted(values.function_words()),
        sorted(relative_name._FUNCTION_WORDS),
        sorted((code, name, sorted(words)) for code, (name, words) in language._languages().items()),
    ]
    # the digest of what the four readers loaded before they were folded (commit 4f40b93)
    assert hashlib.sha256(repr(loaded).encode()).hexdigest()[:16] == "12e8b78770abd4d6"
