"""A birthday wish that names the day of the month: checked against the birthday, not against today.

World invented for this test (issue 14, session 8), not taken from a benchmark set.
"""

from __future__ import annotations

from pathlib import Path

from guard_cli import World


def test_an_early_wish_that_names_the_day_is_judged_by_that_day(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Marisol Peña",
        [
            ("2026-02-02T10:00:00", "marisol peña, physio clinic in valencia, wants 2 treatment tables"),
            ("2026-02-02T10:05:00", "marisol's birthday is march 14"),
        ],
    )
    at = "2026-03-03T10:00"  # eleven days before it
    assert world.kinds("Hi Marisol, happy birthday in advance for the 14th! Jorge", at) == set()
    assert world.kinds("Hi Marisol, happy birthday in advance for the 12th! Jorge", at) == {"wrong_fact"}
    assert world.kinds("Hi Marisol, happy birthday! Jorge", at) == {"wrong_fact"}  # not her day, no day named


def test_another_day_in_a_birthday_sentence_is_not_the_birthday(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Dana Whitfield",
        [
            (
                "2026-05-02T10:00:00",
                "dana whitfield wants a pizza oven for the garden, a gift - her wife jo's bday is 9 june",
            ),
            ("2026-05-09T10:00:00", "oven install booked for 4 june"),
        ],
    )
    at = "2026-05-20T10:00"
    for text in (
        "Hi Dana, the oven goes in on 4 June, comfortably before Jo's birthday. Kit",
        "Hi Dana, install is 4 June, in time for Jo's birthday on 9 June. Kit",
        "Hi Dana, we're booked for the 4th, five days ahead of Jo's birthday. Kit",
    ):
        assert world.kinds(text, at) == set(), text
    assert world.kinds("Hi Dana, all ready for Jo's birthday on 11 June. Kit", at) == {"wrong_fact"}
