"""A later clause supersedes an earlier one only when it changes the same thing; each clause is stemmed once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.usecases import ask_notes
from bot.usecases.ask_notes import Clause, superseded_by
from memory.records import Note
from memory.timeutil import now_utc

NOW = now_utc()


def _clause(note_id: str, text: str, days_ago: int) -> Clause:
    at = NOW - timedelta(days=days_ago)
    return Clause(Note(note_id, 1, "Ada Pike", text, "import", at, at), 0, text)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("budget is 40k for the fleet", "now runs the fleet team"),
        ("wants the walnut shelving", "actually the shelving install slipped a week, walnut still fine"),
        ("likes the quiet corner office", "rather busy week, office move on Friday"),
    ],
)
def test_a_loose_change_word_with_a_shared_word_changes_nothing(old: str, new: str) -> None:
    assert superseded_by(_clause("a", old, 20), [_clause("b", new, 2)], set()) is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("prefers email for quotes", "now prefers phone for quotes"),
        ("wants the walnut shelving", "actually wants the oak shelving"),
        ("budget is 40k", "switched the budget to 55k"),
    ],
)
def test_a_change_of_the_same_slot_supersedes(old: str, new: str) -> None:
    later = _clause("b", new, 2)
    assert superseded_by(_clause("a", old, 20), [later], set()) is later


def test_each_clause_is_stemmed_once_however_many_pairs_are_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = ask_notes.stem_set

    def counting(text: str) -> Any:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(ask_notes, "stem_set", counting)
    units = [_clause(f"n{i}", f"order {i} of the teak benches for site {i}", 100 - i) for i in range(60)]
    for unit in units:
        superseded_by(unit, units, {"zz"})
    assert len(calls) <= len(units)
