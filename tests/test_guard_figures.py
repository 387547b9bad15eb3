"""wrong_fact on figures: a slip of a recorded figure is caught; recorded, derived and reworded figures pass.

The scenarios are invented for these tests (not from a benchmark set).
"""

from __future__ import annotations

import pytest
from guard_scenarios import finding_kinds, notes_context

from bot.guard import check_text
from bot.guard.current import slip_of as _slip_of

KITCHEN = notes_context(
    "Moira Dunn",
    ("moira dunn, cafe in ayr. quoted 2,480 for the combi oven fitted, deposit 600 paid", 20),
    ("moira: extraction hood 375 + vat, wants it with the oven. 24 covers, 6 veg", 10),
    ("moira's oven is the 2019 model, 1,650 hrs on it", 5),
)


@pytest.mark.parametrize(
    ("value", "recorded", "slip"),
    [(430, 340, True), (2590, 2950, True), (89, 98, True), (15.5, 11.5, True), (85500, 87500, True),
     (2480, 2480, False), (120, 1200, False), (4560, 2480, False)],
)  # fmt: skip
def test_a_slip_is_two_digits_swapped_or_one_changed(value: float, recorded: float, slip: bool) -> None:
    assert _slip_of(value, recorded) is slip


@pytest.mark.parametrize(
    "text",
    [
        "Hi Moira, the extraction hood comes to £357 + VAT.",
        "Hi Moira, the combi oven is £2,840 fitted.",
    ],
)
def test_a_slipped_figure_is_a_wrong_fact(text: str) -> None:
    assert "wrong_fact" in finding_kinds(text, KITCHEN)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Moira, the oven is £2,480 fitted; less the £600 deposit that leaves £1,880.",  # worked out
        "Hi Moira, the hood is three hundred and seventy-five pounds plus VAT.",  # in words
        "Hi Moira, your 2019 oven has 1,650 hours on it, so a service is due.",  # a year as the notes write it
        "Hi Moira, for 24 covers including 6 vegetarian we'd suggest the larger hood.",  # veg is vegetarian
    ],
)
def test_recorded_derived_and_reworded_figures_pass(text: str) -> None:
    assert "wrong_fact" not in {f.kind for f in check_text(text, KITCHEN).findings}


def test_a_number_too_long_to_be_a_figure_is_no_slip_and_no_crash() -> None:
    assert not _slip_of(float("inf"), 2480)
    text = "Hi Moira, " + "9" * 400 + " covers."
    assert check_text(text, KITCHEN).verdict in ("pass", "warn", "block")
