"""A relative named between the relation word and the date word owns the date (usertest 9, finding 9).

Sentences written for this test (issue 13, session 9), several trades; not taken from a benchmark set.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from guard_cli import World

from memory.extract import extract_facts
from memory.records import FactKind


def _dates(text: str) -> list[tuple[str, str, str | None]]:
    facts = extract_facts(text, datetime(2026, 12, 7, tzinfo=UTC))
    return [(f.key, f.value, f.detail.get("name")) for f in facts if f.kind is FactKind.PERSONAL_DATE]


@pytest.mark.parametrize(
    ("text", "key", "value", "name"),
    [
        ("owns a café in fitzroy, his wife Yuki bday is march 3", "birthday:wife", "--03-03", "Yuki"),
        ("plumber, her husband tom birthday is 4 may, wants a quote", "birthday:husband", "--05-04", "Tom"),
        ("the birthday of her son Max is june 2, needs a new bike", "birthday:son", "--06-02", "Max"),
        ("runs the bakery; their daughter Aroha b-day 9 august", "birthday:daughter", "--08-09", "Aroha"),
    ],
)
def test_relation_then_name_then_date_word_is_the_relatives_date(text: str, key: str, value: str, name: str) -> None:
    assert _dates(text) == [(key, value, name)]


def test_the_salespersons_own_named_relative_is_not_filed() -> None:
    assert _dates("my wife Ana bday is march 3, so I'm off that day") == []


def test_a_verb_after_the_relation_is_no_name() -> None:
    """ "her daughter is ... birthday": 'is' is not the daughter's name, and no relation is claimed by it."""
    assert all(name is None for _, _, name in _dates("his wife and he share a birthday, 3 march"))


def test_the_guard_flags_happy_birthday_to_the_client_on_the_wifes_day(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Hiroshi Tanaka",
        [("2026-12-01T10:00:00", "hiroshi tanaka-san from Kissa Tanaka in fitzroy, his wife Yuki bday is march 3")],
    )
    at = "2027-03-03T10:00"
    assert world.kinds("Hi Hiroshi, happy birthday for March 3! Jo", at) == {"wrong_fact"}
    assert world.kinds("Hi Hiroshi, please wish Yuki a happy birthday from us! Jo", at) == set()
