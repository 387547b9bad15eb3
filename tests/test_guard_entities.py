"""Entity-aware guard rules: each swap is caught when planted and silent on the truthful wording.

The scenarios are invented for these tests (not taken from any benchmark set): the rules compare
entities by the frame they sit in, so a new client, product or city must work the same way.
"""

from __future__ import annotations

import pytest
from guard_scenarios import finding_kinds, notes_context

from bot.guard import check_text

KITCHEN = notes_context(
    "Nora Quinn",
    ("Nora Quinn bought a Breville espresso machine for the Portland cafe. Budget was tight.", 20),
    ("nora: her 2018 sprinter van needs a shelf fit-out. son Ezra is at college in Boston, "
     "daughter Ivy starts swim camp in july.", 12),
    ("nora - tasting booked for thurs 6/12 at the cafe. she's vegan, ezra isn't.", 6),
    ("nora asked to move the tasting to fri 6/13, staff short on thurs", 2),
    ("installer visit set for mon. ivy + ezra help out at the cafe on weekends", 1),
)  # fmt: skip

CASES = [
    # (what is generalised, planted text, the truthful text it was made from)
    ("brand in a product frame", "How is the De'Longhi espresso machine working out?",
     "How is the Breville espresso machine working out?"),
    ("city in a site frame", "Any news from the Seattle cafe?", "Any news from the Portland cafe?"),
    ("model after a year", "Ready to book the shelf fit-out for your 2018 Transit?",
     "Ready to book the shelf fit-out for your 2018 Sprinter?"),
    ("a detail swapped between two relatives", "Hope Ivy is enjoying college in Boston!",
     "Hope Ezra is enjoying college in Boston!"),
    ("a client's detail given to a relative", "We'll have a vegan plate ready for Ezra.",
     "We'll have a vegan plate ready for you."),
    ("an unknown name paired with a known relative", "Thanks to Ivy and Milo for helping out!",
     "Thanks to Ivy and Ezra for helping out!"),
    ("a day a later note moved", "See you Thursday for the tasting!", "See you Friday for the tasting!"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "planted", "truthful"), CASES, ids=[c[0] for c in CASES])
def test_entity_swap_caught_and_truth_passes(what: str, planted: str, truthful: str) -> None:
    assert "wrong_fact" in finding_kinds(planted, KITCHEN), what
    assert check_text(truthful, KITCHEN).findings == (), what


def test_weekday_attached_to_another_thing() -> None:
    ctx = notes_context(
        "Omar Haddad", ("omar - venue quote sent, fri rate 9,200 and sun rate 7,900. deciding by july.", 3)
    )
    assert "wrong_fact" in finding_kinds("Quick note: the Saturday rate is 9,200.", ctx)
    assert check_text("Quick note: the Friday rate is 9,200.", ctx).findings == ()


@pytest.mark.xfail(
    reason="lost with the current-value figure model (session 10): a count noun and its abbreviation ('depts') are different slots",
    strict=True,
)
def test_units_match_their_abbreviations() -> None:
    ctx = notes_context("Pia Lund", ("pia lund - pilot of the scheduler across 5 depts, then company-wide.", 4))
    assert "wrong_fact" in finding_kinds("Hope the pilot is going well across your 6 departments.", ctx)
    assert check_text("Hope the pilot is going well across your 5 departments.", ctx).findings == ()


def test_money_swap_next_to_an_unrelated_recorded_figure() -> None:
    ctx = notes_context(
        "Ravi Shah", ("ravi - quoted the $2M liability cover at $540/yr. he'll decide after the audit.", 5)
    )
    assert "wrong_fact" in finding_kinds("Ravi, the $2M liability cover comes to $450 a year.", ctx)
    assert check_text("Ravi, the $2M liability cover comes to $540 a year.", ctx).findings == ()


def test_a_total_worked_out_from_recorded_figures_passes() -> None:
    ctx = notes_context("Lena Falk", ("lena falk - 12 welcome kits for new hires, $40 per kit, invoice on delivery", 3))
    assert check_text("Lena, 12 kits at $40 each comes to $480.", ctx).findings == ()
    assert "wrong_fact" in finding_kinds("Lena, 12 kits at $40 each comes to $520.", ctx)


def test_a_courtesy_drink_is_not_a_commitment() -> None:
    ctx = notes_context("Tess Moy", ("tess moy - likes the linen range, birthday in june", 10))
    assert check_text("Tess, come by on your birthday for a cup of coffee, on the house.", ctx).findings == ()
    assert "invented_commitment" in finding_kinds("Tess, the linen duvet is on the house this month.", ctx)
