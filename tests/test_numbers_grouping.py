"""memory.numbers: digits grouped with a space, a dot or an apostrophe are thousands next to a currency."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from memory.extract import extract_facts
from memory.numbers import group_thousands

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("Lotte runs the bakery in Gent, budget about € 7.500 for the new oven", "7500"),
        ("budget roughly kr 95 000 for the boat engine", "95000"),
        ("the co-op set a budget of CHF 12'400 for shelving", "12400"),
        ("budget Rp 320.000.000 for the cold room", "320000000"),
        ("budget is 2 750 000 pesos for the whole fit-out", "2750000"),
        ("gate motors for the estate, R 95 000 budget", "95000"),
    ],
)
def test_a_grouped_budget_keeps_its_thousands(typed: str, amount: str) -> None:
    """A budget typed the continental way is the whole sum, never its first group ("€ 7" of "€ 7.500")."""
    budget = [f for f in extract_facts(typed, AT) if f.key == "budget"]
    assert budget and budget[0].detail["amount"] == amount


@pytest.mark.parametrize(
    "typed",
    [
        "the array is 9.6 kWp",
        "wants the 1.5T magnet",
        "needs 2 300mm shelves",
        "coffee was €3.50 each",
        "runs firmware v2.100 on the tills",
        "meet at 3.30 pm",
    ],
)
def test_decimals_and_lists_stay_as_typed(typed: str) -> None:
    """A decimal point, a version or two numbers side by side are no thousands."""
    assert group_thousands(typed) == typed


def test_a_sum_followed_by_a_comma_ends_at_its_digits() -> None:
    """ "budget $18,000, her boss ...": the comma after the sum is punctuation, not part of the amount."""
    budget = [f for f in extract_facts("budget $18,000, her boss approves the rest", AT) if f.key == "budget"]
    assert budget[0].value == "$18,000"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("a boundary wall of 1,8 km", "1.8 km"), ("battery 2,5 kWh for the shed", "2.5 kWh"), ("a 3,5 m² rug", "3.5 m²")],
)
def test_a_decimal_comma_before_a_unit_is_a_decimal(typed: str, value: str) -> None:
    """ "1,8 km" is one point eight kilometres, never 18 nor 1 and 8."""
    assert [f.value for f in extract_facts(typed, AT) if f.key.startswith("measure:")] == [value]


@pytest.mark.parametrize("typed", ["sizes 8,10 and 12", "the Canon R5 body", "on the R2 tier plan", "2,500 units"])
def test_lists_models_and_thousands_are_not_decimals_or_rand(typed: str) -> None:
    assert group_thousands(typed) == typed


@pytest.mark.parametrize(
    "typed",
    [
        "Ahmed says the tower deal is worth $1.250m, budget approved",
        "budget €2.500k for phase one",
        "capex of EUR 3.750 million next year",
        "the plant costs ₹1.200 crore",
        "a $2.500 mm facility",
        "roughly £4.500bn of assets under management",
    ],
)
def test_a_dot_before_a_multiplier_is_a_decimal_point(typed: str) -> None:
    """ "$1.250m" is one and a quarter million: a single dot group followed by k, m, bn or million is a decimal."""
    assert group_thousands(typed) == typed


def test_a_decimal_million_is_never_cut_to_its_first_digit() -> None:
    """The deal worth "$1.250m" is never filed as "$1", and its amount is the whole 1.25 million."""
    facts = extract_facts("Ahmed says the tower deal is worth $1.250m, budget approved", AT)
    amounts = {f.detail.get("amount") for f in facts if "amount" in f.detail}
    assert "1" not in amounts
    assert all("1.250m" in f.value for f in facts if f.key.startswith("amount:"))


def test_a_decimal_thousand_is_one_budget_and_no_phantom_amount() -> None:
    """ "€2.500k" is two and a half thousand: no 2.5 million budget and no stray "500k" amount beside it."""
    facts = extract_facts("budget €2.500k for phase one", AT)
    amounts = [f.detail.get("amount") for f in facts if "amount" in f.detail]
    assert "2500000" not in amounts
    assert "500000" not in amounts
    assert [f.detail.get("amount") for f in facts if f.key == "budget"] in ([], ["2500"])


@pytest.mark.parametrize(
    ("typed", "grouped"),
    [
        ("budget € 21.500 for the oven", "budget € 21,500 for the oven"),
        ("budget Rp 1.200.000m is a typo", "budget Rp 1,200,000m is a typo"),
        ("CHF 1'250k for the fit-out", "CHF 1,250k for the fit-out"),
    ],
)
def test_grouping_without_a_decimal_reading_is_still_thousands(typed: str, grouped: str) -> None:
    """A dot group with no multiplier, two dot groups, or an apostrophe are still thousands."""
    assert group_thousands(typed) == grouped
