"""Month and weekday words live once, in memory/data/calendar_words.json (read by memory/lexicon.py).

Static: no module of memory/ or bot/ spells out its own list of month or weekday names in code (docstrings
and examples in comments may name a few).
"""

from __future__ import annotations

import ast
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
