"""Choices typed the short way: a kind with a number in it ("the 2-seat ones not the 1-seat", "the 50ml not the
30ml") and an option accepted later ("silver is enough", "oak will do", "the 30ml works for her").

Class: FACTS / QAPARTIAL (a kind with a digit was read as a count and dropped; "X is enough" / "X will do" after a
change of mind left the old choice current). Sentences are our own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from memory.extract import extract_facts
from memory.records import FactKind
from memory.service import NoteInput

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "chosen", "declined"),
    [
        ("mara wants 6 kayaks, the 2-seat ones not the 1-seat", "2-seat", "1-seat"),
        ("the 50ml not the 30ml, same quantity", "50ml", "30ml"),
        ("wants the 4-door model not the 2-door", "4-door", "2-door"),
    ],
)
def test_a_kind_with_a_number_is_a_choice(text: str, chosen: str, declined: str) -> None:
    facts = extract_facts(text, AT)
    chose = [f.value for f in facts if f.kind is FactKind.PREFERENCE]
    assert len(chose) == 1 and chose[0].startswith(chosen), facts  # "4-door model": the kind, as typed
    assert [f.value for f in facts if f.kind is FactKind.DISLIKE] == [declined]


@pytest.mark.parametrize("text", ["wants 40 units not 30", "tickets for 40 not 30 people"])
def test_a_count_against_a_count_is_no_choice(text: str) -> None:
    assert not [f for f in extract_facts(text, AT) if f.kind in (FactKind.PREFERENCE, FactKind.DISLIKE)]


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("she changed her mind, silver is enough", "silver"),
        ("he changed his mind: oak will do", "oak"),
        ("the 30ml works for her", "30ml"),
    ],
)
def test_an_option_accepted_later_is_a_preference(text: str, accepted: str) -> None:
    assert [f.value for f in extract_facts(text, AT) if f.kind is FactKind.PREFERENCE] == [accepted]


def test_an_accepted_option_supersedes_the_choice_that_declined_it(tmp_path: Path) -> None:
    """ "menu Gold not Silver", then "changed her mind, silver is enough": silver current, gold and the refusal history."""
    runtime = Runtime(Settings(chet_data_dir=tmp_path, chet_offline=True, _env_file=None))
    mem = runtime.memory("local")
    first = AT - timedelta(days=3)
    mem.import_notes(
        [
            NoteInput(
                "Rosa Lima",
                "rosa lima - party in May, menu Gold not Silver, 90 guests",
                first,
                first.isoformat(),
                "r1",
                "import",
            ),
            NoteInput("Rosa Lima", "rosa changed her mind, silver is enough", AT, AT.isoformat(), "r2", "import"),
        ]
    )
    client = mem.find_client("Rosa Lima")
    assert client is not None
    current = {(f.kind, f.value.casefold()) for f in mem.facts(client.id)}
    assert (FactKind.PREFERENCE, "silver") in current
    assert not any(kind is FactKind.DISLIKE and "silver" in value for kind, value in current)
    assert not any("gold" in value for _, value in current)
