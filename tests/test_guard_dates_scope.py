"""Dates the guard must not read: 'may' the verb beside a number, a birthday taken for a delivery date.

Worlds invented for these tests (issue 14, session 8), not taken from a benchmark set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

from bot.guard.when import _TIME_RE


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("all 14 may join the training", []),
        ("the 5 may arrive late", []),
        ("room for 20 may not be enough", []),
        ("the training is on 14 may.", ["14 may"]),
        ("on 3 may visit the depot", ["3 may"]),
        ("delivery may 14, all good", ["may 14"]),
    ],
)
def test_may_the_verb_beside_a_number_is_no_date(text: str, dates: list[str]) -> None:
    assert [m.group(0).rstrip(".") for m in _TIME_RE.finditer(text) if m.group("md")] == dates


@pytest.fixture
def school(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Greta Lind",
        [
            (
                "2026-03-02T10:00:00",
                "greta lind, school bursar in uppsala, wants 14 laptops. son oskar's birthday 3 may",
            ),
            ("2026-03-09T10:00:00", "greta: staff training on 21 may, all 14 teachers may join"),
        ],
    )


def test_a_number_before_may_the_verb_is_not_checked_as_a_date(school: World) -> None:
    assert school.kinds("Hi Greta, all 14 may join the training, see you then. Sam", "2026-03-12T10:00") == set()
    assert school.kinds("Hi Greta, the training is on 14 May. Sam", "2026-03-12T10:00") == {"wrong_fact"}


def test_a_birthday_in_the_notes_is_no_event_a_delivery_date_is_compared_with(school: World) -> None:
    # the note names the laptops and the son's birthday together: the delivery day is not the birthday's
    assert school.kinds("Hi Greta, your laptops arrive on the 20th. Sam", "2026-04-30T10:00") == set()
