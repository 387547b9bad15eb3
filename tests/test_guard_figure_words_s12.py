"""Closed figure words: carats, "both", "each", spec tokens between a figure and its noun, "juta" (NOTES-guard10 W3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"


@pytest.mark.parametrize(
    ("note", "wrong", "right"),
    [
        (
            "engagement ring: 0.9 ct oval diamond on a yellow gold band",
            "Hi Noor, the 1.1 ct oval diamond is set and ready.",
            "Hi Noor, the 0.9 ct oval diamond is set and ready.",
        ),
        (
            "wants 3 recliners in charcoal for the den",
            "Hi Noor, both recliners in charcoal are ready for delivery.",
            "Hi Noor, the 3 recliners in charcoal are ready for delivery.",
        ),
        (
            "40 e-bikes for the hotel at €1,150 per bike",
            "Hi Noor, the price is €1,350 each for the 40 e-bikes.",
            "Hi Noor, the price is €1,150 each for the 40 e-bikes.",
        ),
        (
            "5,000 A6 postcards on 350gsm for the launch",
            "Hi Noor, the 3,000 A6 postcards go to print Monday.",
            "Hi Noor, the 5,000 A6 postcards go to print Monday.",
        ),
        (
            "laptops for the school: IDR 12.5 juta per laptop",
            "Hi Noor, confirming IDR 14.5 juta per laptop for the school.",
            "Hi Noor, confirming IDR 12.5 juta per laptop for the school.",
        ),
    ],
)
def test_a_figure_word_binds_the_figure(tmp_path: Path, note: str, wrong: str, right: str) -> None:
    world = World(
        tmp_path, "Noor Haddad", [("2026-03-01T10:00:00", "noor haddad, client"), ("2026-03-02T10:00:00", note)]
    )
    assert "wrong_fact" in world.kinds(wrong, AT)
    assert "wrong_fact" not in world.kinds(right, AT)
