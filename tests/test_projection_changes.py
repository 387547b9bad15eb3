"""Facts as a projection, issue 13: later notes that change, accept or scope an earlier choice (our own sentences)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from memory.extract import extract_facts
from memory.projection import NoteFacts, replay

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def current(*notes: str) -> set[tuple[str, str]]:
    """(kind, value) of the current facts after replaying `notes` a day apart."""
    replayed = replay(
        NoteFacts(str(i), T0 + timedelta(days=i), tuple(extract_facts(text, T0 + timedelta(days=i))))
        for i, text in enumerate(notes)
    )
    return {(f.kind.value, f.value.casefold()) for f in replayed if f.valid_to is None}


@pytest.mark.parametrize(
    ("first", "later", "accepted"),
    [
        ("wants the slate worktop not the quartz one", "ok with quartz after all", "quartz"),
        ("prefers the leather sofa, not the fabric ones", "actually fine with fabric now", "fabric"),
        ("wants the oak deck, not the composite one", "happy with composite after all", "composite"),
    ],
)
def test_a_later_acceptance_ends_the_refusal(first: str, later: str, accepted: str) -> None:
    facts = current(first, later)
    assert ("dislike", accepted) not in facts, facts
    assert any(kind == "preference" and accepted in value for kind, value in facts), facts


@pytest.mark.parametrize(
    ("text", "chosen", "declined"),
    [
        ("wants the cordless drill in red not the yellow", "red", "yellow"),
        ("maple, definitely not cherry, the kitchen is small", "maple", "cherry"),
        ("loves the wool coat in navy, not the black one", "navy", "black"),
    ],
)
def test_a_choice_with_its_refusal_is_kept(text: str, chosen: str, declined: str) -> None:
    facts = current(text)
    assert any(kind == "preference" and chosen in value for kind, value in facts), facts
    assert ("dislike", declined) in facts, facts


def test_either_with_named_options_leaves_an_unrelated_choice_alone() -> None:
    facts = current("prefers the oak table, not the pine", "chairs in green or blue, either is fine")
    assert ("preference", "oak table") in facts and ("dislike", "pine") in facts, facts
    assert ("preference", "green or blue") in facts, facts


def test_either_after_two_named_wines_names_them() -> None:
    facts = current("wants a red for the dinner, rioja or barolo either is fine")
    assert ("preference", "rioja or barolo") in facts, facts


@pytest.mark.parametrize(
    ("first", "later", "now", "was"),
    [
        (
            "kiln works - 12,000 bricks/month from march",
            "they called, volume goes up to 15,000/month",
            "15000",
            "12000",
        ),
        ("ships about 400 pallets a week", "now 650 pallets per week", "650", "400"),
        ("runs 2,500 meals per day across the sites", "meals up to 3,000 a day", "3000", "2500"),
    ],
)
def test_a_later_rate_supersedes_the_earlier_one(first: str, later: str, now: str, was: str) -> None:
    facts = current(first, later)
    values = {value for kind, value in facts if kind == "other"}
    assert now in values and was not in values, facts


def test_a_rate_leaves_a_plain_count_alone() -> None:
    facts = current("fleet of 40 vans, 2,000 deliveries/week", "deliveries now 2,600/week")
    values = {value for kind, value in facts if kind == "other"}
    assert "40" in values and "2600" in values and "2000" not in values, facts


def test_a_priced_rate_stays_money() -> None:
    facts = current("rent is 2,800/month on the unit")
    assert not [value for kind, value in facts if value == "2800"], facts


@pytest.mark.parametrize(
    ("first", "later", "changed", "kept"),
    [
        (
            "wants brushed brass for the taps and the handles",
            "chrome for the taps, handles stay brushed brass",
            ("chrome", "brushed brass"),
            "brushed brass",
        ),
        (
            "wants gloss for the 1l tins and the 5l tins",
            "satin for the 5l, the 1l still gloss",
            ("satin", "gloss"),
            "gloss",
        ),
        (
            "prefers long sleeves for the blazer and the shirt",
            "short sleeves for the shirt, blazer stays long sleeves",
            ("short sleeves", "long sleeves"),
            "long sleeves",
        ),
    ],
)
def test_a_scoped_change_moves_one_item_and_keeps_the_other(
    first: str, later: str, changed: tuple[str, str], kept: str
) -> None:
    facts = current(first, later)
    prefs = sorted(value for kind, value in facts if kind == "preference")
    assert prefs == sorted([changed[0], kept]), facts


def test_one_thing_for_one_item_is_no_scope() -> None:
    facts = current("wants a quote for the roof")
    assert not [value for kind, value in facts if kind == "preference"], facts


def test_one_amount_per_item_so_a_change_of_one_leaves_the_other() -> None:
    facts = current(
        "wants 10 crates of the pinot 2021 and 5 of the riesling", "actually make it 12 crates of the pinot not 10"
    )
    values = {value for kind, value in facts if kind == "other"}
    assert values == {"12", "5"}, facts


def test_a_long_list_of_items_costs_linear_time() -> None:
    import time

    text = "wants red for " + " and ".join(["the tile"] * 40) + " !x"
    start = time.perf_counter()
    extract_facts(text, T0)
    assert time.perf_counter() - start < 2.0  # nested repeats over "and" were exponential (24 s at 20 items)
