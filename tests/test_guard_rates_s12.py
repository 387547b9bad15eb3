"""A rate per X multiplies the count of X, not the nearest number; a "per X" that follows another figure is that
figure's (NOTES-guard10 W8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"
CHAIRS = "ruth okafor, hotel refit: 120 oak chairs at $85 a chair, seat heights 45 to 48 cm"
LICENCES = "ruth okafor: 30 licences at $12 per licence per month, 30-day payment terms"


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            CHAIRS,
            "Hi Ruth, for reference: 120 oak chairs in the natural finish with matching cushions, seat heights 45 to 48, at $85 a chair, $10,200 in total.",
        ),
        (
            LICENCES,
            "Hi Ruth, 30 licences at $12 per licence per month comes to $360 a month, $4,320 a year, on 30-day terms.",
        ),
    ],
)
def test_a_product_of_the_counted_noun_passes(tmp_path: Path, note: str, draft: str) -> None:
    world = World(tmp_path, "Ruth Okafor", [("2026-03-01T10:00:00", note)])
    assert "wrong_fact" not in world.kinds(draft, AT)


def test_a_wrong_product_still_flags(tmp_path: Path) -> None:
    world = World(tmp_path, "Ruth Okafor", [("2026-03-01T10:00:00", CHAIRS)])
    draft = "Hi Ruth, for reference: 120 oak chairs in the natural finish with matching cushions, seat heights 45 to 48, at $85 a chair, $12,000 in total."
    assert "wrong_fact" in world.kinds(draft, AT)
