"""An amount off that is the difference of two recorded figures, or a recorded percentage of one, is arithmetic,
not an invented discount (NOTES-guard10 C1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            "quoted £1,480 for the oak desk; after the showroom visit he agreed £1,390 instead, ex-display",
            "Hi Tom, confirming the oak desk at £1,390 instead of £1,480, so that's £90 off the first quote.",
        ),
        (
            "quote $48,000 for the panels. the 10% state rebate applies to installs this year",
            "Hi Tom, the 10% state rebate takes $4,800 off the $48,000 for the panels.",
        ),
    ],
)
def test_an_amount_off_worked_out_from_recorded_figures_passes(tmp_path: Path, note: str, draft: str) -> None:
    world = World(
        tmp_path, "Tom Harte", [("2026-03-01T10:00:00", "tom harte, home office"), ("2026-03-02T10:00:00", note)]
    )
    assert "invented_commitment" not in world.kinds(draft, AT)


def test_an_amount_off_nothing_records_still_blocks(tmp_path: Path) -> None:
    world = World(tmp_path, "Tom Harte", [("2026-03-01T10:00:00", "quoted £1,480 for the oak desk")])
    assert "invented_commitment" in world.kinds("Hi Tom, I can take £90 off the oak desk if you sign this week.", AT)
