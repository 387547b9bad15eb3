"""A value for some days only is a sub-slot beside the rest of the week's; a container word ("dozen", "boxes") is not
what two counts share (NOTES-guard10 W9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"
BAKERY = [
    ("2026-03-01T10:00:00", "lucía ferrer, café in valencia: 5 dozen bagels a day, 2 dozen muffins"),
    ("2026-03-05T10:00:00", "lucía: bagels down to 3 dozen on sundays, the rest of the week stays the same"),
]


@pytest.mark.parametrize(
    "draft",
    [
        "Hi Lucía, the usual 5 dozen bagels for Monday.",
        "Hi Lucía, 5 dozen bagels at $9 a dozen, and 2 dozen cinnamon rolls at $12 a dozen.",
        "Hi Lucía, just 3 dozen bagels this Sunday.",
    ],
)
def test_a_value_for_some_days_keeps_the_weekly_value(tmp_path: Path, draft: str) -> None:
    world = World(tmp_path, "Lucía Ferrer", BAKERY)
    assert "wrong_fact" not in world.kinds(draft, AT)


def test_another_count_of_the_slot_still_flags(tmp_path: Path) -> None:
    world = World(tmp_path, "Lucía Ferrer", BAKERY)
    assert "wrong_fact" in world.kinds("Hi Lucía, 8 dozen bagels for Monday then.", AT)


def test_the_weekly_value_on_the_scoped_day_flags(tmp_path: Path) -> None:
    world = World(tmp_path, "Lucía Ferrer", BAKERY)
    assert "wrong_fact" in world.kinds("Hi Lucía, so that's 5 dozen bagels on Sundays too.", AT)
