"""A trim or model code switched "instead" replaces the recorded code of the same shape; a currency code after a
product is no variant of it (NOTES-guard10 W5, W10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"


@pytest.mark.parametrize(
    ("notes", "right", "wrong"),
    [
        (
            ["emeka obi wants the Tucson SEL in blue", "emeka: switching to the XRT trim instead, for the roof rails"],
            "Hi Emeka, the Tucson XRT in blue is ready for a test drive.",
            "Hi Emeka, the Tucson SEL in blue is ready for a test drive.",
        ),
        (
            ["emeka obi, ebike shop: wants the Cargo GX frames", "emeka went with the LT frame instead of the GX"],
            "Hi Emeka, the Cargo LT frames arrive Friday.",
            "Hi Emeka, the Cargo GX frames arrive Friday.",
        ),
    ],
)
def test_a_switched_code_replaces_the_old_one(tmp_path: Path, notes: list[str], right: str, wrong: str) -> None:
    world = World(tmp_path, "Emeka Obi", [(f"2026-03-0{i + 1}T10:00:00", n) for i, n in enumerate(notes)])
    assert "wrong_fact" not in world.kinds(right, AT)
    assert "wrong_fact" in world.kinds(wrong, AT)


def test_a_currency_code_is_no_variant(tmp_path: Path) -> None:
    world = World(
        tmp_path, "Emeka Obi", [("2026-03-01T10:00:00", "emeka obi: flyers A5, 2,000 of them, print in singapore")]
    )
    assert "wrong_fact" not in world.kinds("Hi Emeka, 2,000 flyers SGD 540 all in.", AT)
    assert "wrong_fact" in world.kinds("Hi Emeka, the flyers A4 are ready.", AT)
