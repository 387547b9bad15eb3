"""memory.numbers is the one reader of grouped thousands: the extractor's and the guard's views of a figure agree."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.guard.normalise import normalise
from memory.extract import extract_facts
from memory.numbers import figures, group_thousands

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

# typed, as the extractor's rules read it (group_thousands), the figures the guard reads in it
TABLE = [
    ("€ 21.500", "€ 21,500", {21500.0}),
    ("12 000 kr", "12,000 kr", {12000.0}),
    ("Rp 320.000.000", "Rp 320,000,000", {320000000.0}),
    ("$1.250m", "$1.250m", {1250000.0}),
    ("€2.500k", "€2.500k", {2500.0}),
    ("R10 000", "R10,000", {10000.0}),
    ("CHF 12'400", "CHF 12,400", {12400.0}),
    ("CHF 12\u2009400", "CHF 12,400", {12400.0}),
    ("2,000 miles", "2,000 miles", {2000.0}),
    ("call 0412 555 019", "call 0412 555 019", {412.0, 555.0, 19.0}),
    ("1,8 km", "1.8 km", {1.8}),
    ("9.6 kWp", "9.6 kWp", {9.6}),
    ("a fleet worth 1 250 000", "a fleet worth 1,250,000", {1250000.0}),
    ("ordered 12 250 ml jars", "ordered 12 250 ml jars", {12.0, 250.0}),
]


@pytest.mark.parametrize(("typed", "read", "values"), TABLE)
def test_the_extractor_and_the_guard_read_one_figure_the_same_way(typed: str, read: str, values: set[float]) -> None:
    """The extractor's text, the guard's normalised text and the guard's figures all say the same figure."""
    assert group_thousands(typed) == read
    assert len(read) == len(typed)  # offsets kept: a finding's span still points into the typed text
    guard = normalise(typed).text
    assert guard.replace(" ", "") == read.replace(" ", "")  # the guard parts a glued code: "R10,000" -> "R 10,000"
    assert figures(guard) == values
    assert figures(typed) == values
    assert figures(read) == values  # a figure already written the English way reads the same


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("budget € 21.500 for the oven", "21500"),
        ("budget 12 000 kr for the boat", "12000"),
        ("budget Rp 320.000.000 for the cold room", "320000000"),
        ("budget R10 000 for the gate", "10000"),
        ("budget CHF 12'400 for shelving", "12400"),
    ],
)
def test_a_noted_budget_is_the_figure_the_guard_reads(typed: str, amount: str) -> None:
    """The budget fact filed from a note has the value the guard finds in the same note."""
    budget = [f for f in extract_facts(typed, AT) if f.key == "budget"]
    assert budget and budget[0].detail["amount"] == amount
    assert float(amount) in figures(typed)
