"""Superseded figures and invented shared meals, each on a world invented here.

A later note that changes a figure ("make it 24 units") makes the old one history: a draft that
still states it is wrong_fact, the current one passes. A meal or coffee "together" that no note
records is unsupported_claim; one a note records passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-04-20T10:00:00"


@pytest.mark.parametrize(
    ("notes", "old", "new"),
    [
        (
            ["tomas berg, oslo. wants 20 units of the standing desk", "tomas called: make it 24 units"],
            "Hi Tomas, the 20 units of the standing desk ship on Friday. Kari",
            "Hi Tomas, the 24 units of the standing desk ship on Friday. Kari",
        ),
        (
            ["tomas berg, oslo hostel. ordering 4 mattresses, queen size", "tomas: 6 now not 4"],
            "Hi Tomas, your 4 mattresses are packed and ready. Kari",
            "Hi Tomas, your 6 mattresses are packed and ready. Kari",
        ),
        (
            ["tomas berg, oslo. budget 15k for the boat engine", "tomas: budget went up to 18k"],
            "Hi Tomas, this engine fits your 15k budget nicely. Kari",
            "Hi Tomas, this engine fits your 18k budget nicely. Kari",
        ),
        (
            ["tomas berg, oslo. laptops for 40 employees", "tomas: they are now 45 people"],
            "Hi Tomas, the quote covers laptops for 40 employees. Kari",
            "Hi Tomas, the quote covers laptops for 45 employees. Kari",
        ),
    ],
)
def test_a_superseded_figure_is_wrong_and_the_current_one_passes(
    tmp_path: Path, notes: list[str], old: str, new: str
) -> None:
    w = World(tmp_path, "Tomas Berg", [(f"2026-04-0{i + 1}T10:00:00", t) for i, t in enumerate(notes)])
    found = [f for f in w.check(old, AT)["findings"] if f["kind"] == "wrong_fact"]
    assert any(f"n{len(notes) - 1}" in f["sources"] for f in found)  # cites the note that changed it
    assert "wrong_fact" not in w.kinds(new, AT)


@pytest.mark.parametrize(
    "draft",
    [
        "Hi Lucia, great lunch last week in Zaragoza! The tile samples are on their way. Marc",
        "Hi Lucia, lovely to have dinner with you and your husband on Saturday. The tile samples ship today. Marc",
        "Hi Lucia, thanks again for the coffee on Tuesday. The tile samples ship today. Marc",
    ],
)
def test_an_invented_shared_meal_is_unsupported(tmp_path: Path, draft: str) -> None:
    w = World(
        tmp_path,
        "Lucia Ferrer",
        [
            ("2026-04-01T10:00:00", "lucia ferrer, zaragoza, married. tile showroom, wants terracotta samples"),
            ("2026-04-08T10:00:00", "lucia: samples approved, ship 40 boxes"),
        ],
    )
    assert "unsupported_claim" in w.kinds(draft, AT)


def test_a_meal_the_notes_record_passes(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Lucia Ferrer",
        [
            ("2026-04-01T10:00:00", "lucia ferrer, zaragoza. tile showroom, wants terracotta samples"),
            ("2026-04-14T10:00:00", "lunch with lucia in zaragoza, she liked the terracotta"),
        ],
    )
    text = "Hi Lucia, great lunch last week in Zaragoza! The terracotta samples are on their way. Marc"
    assert "unsupported_claim" not in w.kinds(text, AT)


def test_the_old_figure_named_as_past_or_for_another_thing_passes(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Tomas Berg",
        [
            ("2026-04-01T10:00:00", "tomas berg, oslo. wants 20 units of the standing desk"),
            ("2026-04-02T10:00:00", "tomas called: make it 24 units"),
        ],
    )
    assert "wrong_fact" not in w.kinds("Hi Tomas, the order is now 24 units, up from 20 units. Kari", AT)
    assert "wrong_fact" not in w.kinds("Hi Tomas, the 24 units ship Friday; assembly takes 20 minutes each. Kari", AT)


def test_a_meal_still_to_come_passes(tmp_path: Path) -> None:
    w = World(tmp_path, "Lucia Ferrer", [("2026-04-01T10:00:00", "lucia ferrer, zaragoza. tile showroom")])
    text = "Hi Lucia, it would be lovely to have dinner with you when I'm next in Zaragoza. Marc"
    assert "unsupported_claim" not in w.kinds(text, AT)
