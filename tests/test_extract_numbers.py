"""memory.extract and memory.dates, issue 13: number grammar (fractions, separators, ranges, currencies)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from memory.dates import find_dates
from memory.extract import extract_facts
from tests.helpers import facts_at

# Monday 1 December 2025, 10:00 in Johannesburg.
AT = datetime(2025, 12, 1, 10, 0, tzinfo=ZoneInfo("Africa/Johannesburg"))


facts = facts_at(AT)


@pytest.mark.parametrize(
    "text",
    [
        "her boy needs a 1/2 size violin",
        "wants the 3/4 sleeve linen shirt",
        "ordering 40 lengths of 3/4 inch copper pipe",
        "a 3/4 cello for the youth orchestra",
        "size 1/2 please",
        "runs a 1/2 day workshop for new staff",
    ],
)
def test_a_fraction_with_a_measure_or_an_article_is_no_date(text: str) -> None:
    assert find_dates(text) == []
    assert not [f for f in facts(text) if f.key.startswith(("date:", "deadline:")) or f.due is not None]


@pytest.mark.parametrize("text", ["delivery on 3/4 please", "install by 1/2", "call her 12/3 about the quote"])
def test_a_slash_date_after_a_date_word_stays_a_date(text: str) -> None:
    assert len(find_dates(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "fitting on 4/9 in the afternoon",
        "warehouse walk-through 2/3 in phoenix",
        "pickup 7/8 full truck",
        "ship by 4/9 in the am",
        "she asked about 4/9 for the pickup",
        "ask him about the 7/11 in-store launch",
        "crew 2/3 off site",
        "tasting 8/9 over lunch",
        "friday 4/9 day shift only",
    ],
)
def test_a_slash_date_before_a_function_word_stays_a_date(text: str) -> None:
    """Only a size or a unit after 'n/m' makes a fraction: 'in', 'full', 'off', 'about', 'over' follow dates."""
    assert len(find_dates(text)) == 1


@pytest.mark.parametrize(
    ("text", "value", "amount", "low"),
    [
        ("family of five, budget €35-40k for the kitchen", "€35-40k", "40000", "35000"),
        ("budget 12-15k eur all in", "12-15k eur", "15000", "12000"),
        ("budget between 30 and 45k", "30 and 45k", "45000", "30000"),
        ("budget is around 2,800 a month", "2,800", "2800", None),
        ("budget 60M won tops", "60M won", "60000000", None),
    ],
)
def test_a_budget_keeps_its_range_separators_and_currency(text: str, value: str, amount: str, low: str | None) -> None:
    budget = [f for f in facts(text) if f.key == "budget"]
    assert budget, facts(text)
    assert budget[0].value == value
    assert budget[0].detail.get("amount") == amount
    assert budget[0].detail.get("low") == low


@pytest.mark.parametrize(
    ("text", "amount", "per"),
    [
        ("currently paying R2,450 pm on the old cover", "2450", "pm"),
        ("she spends 3,000 a month on ads", "3000", "a month"),
        ("quoted A$1,950 for the install", "1950", None),
    ],
)
def test_an_amount_keeps_its_thousands_and_its_period(text: str, amount: str, per: str | None) -> None:
    amounts = [f for f in facts(text) if f.key.startswith("amount:")]
    assert amounts, facts(text)
    assert amounts[0].detail["amount"] == amount
    assert amounts[0].detail.get("per") == per


@pytest.mark.parametrize(
    "text", ["on hold till feb 9 pls", "site visit moved to march 14 thx", "renewal due oct 30 pls confirm"]
)
def test_the_day_of_a_date_is_no_count(text: str) -> None:
    assert not [f for f in facts(text) if f.key.startswith("quantity")], facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("yard crew, 2 loaders and a forklift, needs a quote", "quantity:forklift"),
        ("3 forklifts and a sweeper for the depot", "quantity:sweeper"),
    ],
)
def test_the_last_thing_of_a_counted_list_is_counted(text: str, key: str) -> None:
    assert key in [f.key for f in facts(text)], facts(text)


def test_and_a_half_is_no_thing() -> None:
    assert "quantity:half" not in [f.key for f in facts("wants 6 tacomas and a half")]


def test_only_speaking_on_the_phone_is_the_channel() -> None:
    channel = [f for f in facts("only talks to me in greek over the phone, not by email") if f.key == "channel"]
    assert channel and channel[0].value == "phone"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("quoted them R3,450", "3,450"),
        ("promised her the 4,200 quote by friday", "4,200"),
        ("will send the 7,500 estimate tomorrow", "7,500"),
    ],
)
def test_a_phrase_never_ends_inside_a_number(text: str, number: str) -> None:
    done = [f for f in facts(text) if f.key.startswith("promise:")]
    assert done and number in done[0].value, facts(text)


def test_an_amount_after_for_is_no_scoped_item() -> None:
    assert not [f for f in facts("invoice for 2,800 sent") if f.key.startswith("for:")]


def test_a_long_run_of_digits_after_budget_costs_linear_time() -> None:
    import time

    start = time.perf_counter()
    facts("budget " + "1," * 2000 + " x")
    assert time.perf_counter() - start < 3.0  # a range's first number once backtracked from every digit (8 s)


@pytest.mark.parametrize("text", ["ordered 40 cases a year ago, reorder due", "bought 3 vans a month ago"])
def test_a_period_followed_by_ago_is_when_not_a_rate(text: str) -> None:
    counted = [f for f in facts(text) if f.key.startswith("quantity:")]
    assert counted and all("per" not in f.detail for f in counted), counted


@pytest.mark.parametrize(
    "text", ["loves the Nikon Z8 and the Canon R5 body, ordering soon", "upgrade to R2 tier next quarter"]
)
def test_a_model_name_with_a_capital_r_is_no_rand_amount(text: str) -> None:
    assert not [f for f in facts(text) if "amount" in f.detail], facts(text)


@pytest.mark.parametrize(("text", "amount"), [("paying R2,450 pm", "2450"), ("budget R15k", "15000")])
def test_a_rand_amount_that_looks_like_money_is_still_money(text: str, amount: str) -> None:
    assert [f.detail["amount"] for f in facts(text) if "amount" in f.detail] == [amount]


def budgets(text: str) -> list[tuple[str, dict[str, str]]]:
    return [(f.value, dict(f.detail)) for f in facts(text) if f.key == "budget"]


def test_a_bare_budget_range_keeps_both_ends() -> None:
    assert budgets("budget 2,300 to 2,900 a month") == [
        ("2,300 to 2,900", {"amount": "2900", "low": "2300", "per": "month"})
    ]


def test_a_year_after_budget_is_no_sum() -> None:
    assert budgets("budget is 2018 figures, check again") == []


def test_and_joins_a_range_only_after_between() -> None:
    assert budgets("budget $40k and 4k for extras") == [("$40k", {"amount": "40000"})]
    assert budgets("budget between 30 and 45k") == [("30 and 45k", {"amount": "45000", "low": "30000"})]


@pytest.mark.parametrize(
    ("text", "key"), [("60 boxes of the usual", "quantity:boxe"), ("4 rooms of the house need blinds", "quantity:room")]
)
def test_an_everyday_word_after_of_does_not_key_the_count(text: str, key: str) -> None:
    """Only a product's name keys a count by item; "of the usual" keeps the plain key a later "make it 70" updates."""
    assert [f.key for f in facts(text) if f.key.startswith("quantity:")] == [key]


def test_a_product_after_of_keys_the_count() -> None:
    assert [f.key for f in facts("7 crates of the pinot not 5") if f.key.startswith("quantity:")] == [
        "quantity:crate:pinot"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("budget aed 60k for the fit-out", "aed 60k"),
        ("budget KES 900,000 max", "KES 900,000"),
        ("budget 45k sgd", "45k sgd"),
    ],
)
def test_a_currency_code_before_or_after_the_amount_is_part_of_the_budget(text: str, value: str) -> None:
    """ISO codes and local abbreviations (memory/data/currency_codes.tsv) mark money on either side of the figure."""
    [budget] = [f for f in extract_facts(text, datetime(2026, 12, 7, 9, tzinfo=UTC)) if f.key == "budget"]
    assert budget.value == value
