"""contradicts_preference on a change of mind: typed slots (colour, material, finish, pattern, sleeves).

The worlds are invented for these tests (not from a benchmark set).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

from bot.guard.rules.changed_choice import changes


def test_a_change_of_mind_names_the_new_value_and_the_ones_given_up() -> None:
    (c,) = changes(
        [("a", "tess wants the walnut dining table in a satin finish"), ("b", "tess changed her mind - oak after all")]
    )
    assert (c.slot, c.new, c.old) == ("material", {"oak"}, {"walnut"})
    (c,) = changes([("a", "first said chevron, then decided herringbone for the hall")])
    assert (c.new, c.old) == ({"herringbone"}, {"chevron"})
    assert changes([("a", "wants oak and a satin finish"), ("b", "also wants brass handles")]) == []


@pytest.fixture
def table(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Tess Okoro",
        [
            ("2026-01-05T10:00:00", "tess okoro wants a walnut dining table, seats 8, in a satin finish, not gloss"),
            ("2026-01-12T10:00:00", "tess now wants oak after all, her partner vetoed the walnut. still satin"),
        ],
    )


def test_the_value_given_up_is_flagged_and_the_current_one_passes(table: World) -> None:
    assert "contradicts_preference" in table.kinds("Hi Tess, your walnut table is ready to order!", "2026-01-15T10:00")
    assert table.kinds("Hi Tess, your oak table in satin is ready to order.", "2026-01-15T10:00") == set()
    truthful = "Hi Tess, good call switching to oak from walnut - the oak table is ready to order."
    assert table.kinds(truthful, "2026-01-15T10:00") == set()
