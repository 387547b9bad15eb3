"""Issue 13, FACTS: a restated amount supersedes the earlier one; multipliers and "per" stay with the amount; a
detail belongs to the item it is said of (our own sentences, several trades and countries)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from memory.extract import extract_facts
from memory.service import Memory, NoteInput

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _notes(memory: Memory, client: str, *texts: str) -> tuple[list[str], list[str]]:
    """The client's current and superseded fact texts after the notes, a day apart."""
    for i, text in enumerate(texts):
        at = T0 + timedelta(days=i)
        memory.add_note(NoteInput(client=client, text=text, at=at, at_raw=at.isoformat()), index=False)
    c = memory.find_client(client)
    now = [f.text for f in memory.ledger.facts(c.id, current=True)]
    old = [f.text for f in memory.ledger.facts(c.id, current=False)]
    return now, old


def _facts(text: str) -> dict[str, str]:
    return {f.key: f.text for f in extract_facts(text, T0)}


@pytest.mark.parametrize(
    ("client", "first", "later", "new", "was"),
    [
        (
            "Ruth Abebe",
            "Ruth Abebe wants 1200kg arabica green beans, washed process",
            "ruth: make it 1500kg",
            "1500",
            "1200",
        ),
        ("Lars Dahl", "lars dahl needs 40 m3 of ready-mix for the slab", "lars - make it 55 m3", "55", "40"),
        ("Priya Nair", "Priya Nair - 300 litres of the hand sanitiser gel", "priya: make it 450 litres", "450", "300"),
    ],
)
def test_a_restated_measure_supersedes_the_earlier_one(
    memory: Memory, client: str, first: str, later: str, new: str, was: str
) -> None:
    now, old = _notes(memory, client, first, later)
    assert any(new in t for t in now), now
    assert not any(was in t for t in now), now  # the earlier amount is history, not current beside the new one
    assert any(was in t for t in old), old


@pytest.mark.parametrize(
    ("client", "first", "later", "new", "was"),
    [
        (
            "Hana Novak",
            "Hana Novak, dental clinic, 14 seats for the booking software",
            "hana: seats up to 18",
            "18",
            "14",
        ),
        (
            "Tomas Ruiz",
            "tomas ruiz - wedding in may, 120 guests, buffet",
            "tomas says guest list went up to 150",
            "150",
            "120",
        ),
        ("Aiko Sato", "aiko sato wants 30 licences for the design suite", "aiko: licences now 45", "45", "30"),
    ],
)
def test_a_count_restated_noun_first_supersedes_the_earlier_count(
    memory: Memory, client: str, first: str, later: str, new: str, was: str
) -> None:
    now, old = _notes(memory, client, first, later)
    assert any(new in t for t in now), now
    assert not any(re.search(rf"\b{was}\b", t) for t in now), now
    assert any(was in t for t in old), old


@pytest.mark.parametrize(
    ("client", "first", "later", "agreed", "asked"),
    [
        (
            "Sipho Dlamini",
            "Sipho Dlamini wants the solar geyser, quoted R 38 500 installed",
            "sipho says R 38 500 is too high, agreed R 35 900",
            "35,900",
            "38,500",
        ),
        (
            "Marco Bianchi",
            "marco bianchi - 2 espresso machines, quoted him €9,800",
            "marco: settled on €9,200 for both",
            "9,200",
            "9,800",
        ),
        ("Dana Cole", "dana cole, used Tacoma, asking $31,500", "dana - closed at $29,750", "29,750", "31,500"),
    ],
)
def test_an_agreed_price_replaces_the_asked_one(
    memory: Memory, client: str, first: str, later: str, agreed: str, asked: str
) -> None:
    now, old = _notes(memory, client, first, later)
    assert any(agreed in t for t in now), now
    assert not any(asked in t for t in now), now
    assert any(asked in t for t in old), old


@pytest.mark.parametrize(
    ("client", "first", "later", "new", "was"),
    [
        ("Noor Khan", "noor khan looking for a 3 bed villa, max AED 2.1m", "noor: max now AED 2.4m", "2.4m", "2.1m"),
        ("Eva Lindgren", "eva lindgren - family car, budget SEK 250k", "eva can go up to SEK 290k", "290k", "250k"),
    ],
)
def test_a_ceiling_is_the_budget_and_a_new_one_supersedes_it(
    memory: Memory, client: str, first: str, later: str, new: str, was: str
) -> None:
    now, old = _notes(memory, client, first, later)
    assert any("budget" in t and new in t for t in now), now
    assert not any(was in t for t in now), now
    assert any(was in t for t in old), old


@pytest.mark.parametrize(
    "text",
    [
        "the trailer takes max 4m of pipe per load",
        "old compressor does max 9 cr per shift",
        "the lift tops 2m per second",
        "ceiling is 3m high in the showroom",
        "the printer can go up to 600 sheets an hour",
    ],
)
def test_a_measure_after_a_ceiling_word_is_never_the_budget(text: str) -> None:
    assert "budget" not in _facts(text), _facts(text)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Max paid $450 for the first install", "450"),
        ("Tops Hardware quoted R12,000 for the racking", "12000"),
    ],
)
def test_a_name_that_is_a_ceiling_word_keeps_its_amount(text: str, amount: str) -> None:
    facts = [f for f in extract_facts(text, T0) if f.detail.get("amount") == amount]
    assert facts and all(f.key != "budget" for f in facts), facts


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("max ₹12 cr for the plant", "120000000"),
        ("she can stretch to 1.5 crore", "15000000"),
        ("tops 2 lakh", "200000"),
    ],
)
def test_a_ceiling_in_money_is_the_budget(text: str, amount: str) -> None:
    budget = [f for f in extract_facts(text, T0) if f.key == "budget"]
    assert budget and budget[0].detail["amount"] == amount, budget


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("budget 12 lakh for the kitchen fit-out", "1200000"),
        ("his budget is 1.5 crore for the plot", "15000000"),
        ("budget 2-3 lakh", "300000"),
    ],
)
def test_lakh_and_crore_multiply_the_budget(text: str, amount: str) -> None:
    budget = [f for f in extract_facts(text, T0) if f.key == "budget"]
    assert budget and budget[0].detail["amount"] == amount, budget


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("corporate dinner, budget $85 a head, 40 people", "person"),
        ("budget ₹1,200 per pax for the sangeet", "person"),
        ("budget R4,500 a month for the fleet tracking", "month"),
        ("budget NOK 60k/yr for support", "year"),
    ],
)
def test_a_budget_per_person_or_period_is_never_read_as_the_total(text: str, per: str) -> None:
    budget = [f for f in extract_facts(text, T0) if f.key == "budget"]
    assert budget and budget[0].detail.get("per") == per and f"per {per}" in budget[0].text, budget


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("wants the walnut worktop not the birch, 6 m2 for the island", "birch"),
        ("she picked the wool carpet, not the sisal, 40 m2 for the landing and stairs", "sisal"),
        ("prefers the 2-tonne hoist over the 1-tonne, 12 ft for the workshop beam", "1-tonne"),
    ],
)
def test_a_measure_after_a_choice_never_belongs_to_the_declined_item(text: str, declined: str) -> None:
    measures = [f for f in extract_facts(text, T0) if f.key.startswith("measure:")]
    assert measures, extract_facts(text, T0)
    assert all(declined not in f.text and declined not in f.key for f in measures), measures
    assert all(" for the " in f.text for f in measures), measures  # what it is for stays with it


@pytest.mark.parametrize(
    ("client", "first", "later", "name"),
    [
        (
            "Cristina Reyes",
            "cristina reyes wants life cover for her 2 boys Migo and Paolo",
            "Migo turns 7 on december 12",
            "Migo",
        ),
        (
            "Omar Farouk",
            "omar farouk, school fees plan for the twins Laila and Sami",
            "Laila turns 10 on 3 march",
            "Laila",
        ),
    ],
)
def test_a_named_persons_birthday_is_never_the_clients_own(
    memory: Memory, client: str, first: str, later: str, name: str
) -> None:
    _notes(memory, client, first, later)
    c = memory.find_client(client)
    facts = memory.ledger.facts(c.id, current=True)
    assert not any(f.key == "birthday" for f in facts), [(f.key, f.text) for f in facts]
    assert any(name in f.text and "turns" in f.text for f in facts), [(f.key, f.text) for f in facts]


def test_the_clients_own_name_turning_an_age_is_the_clients_birthday(memory: Memory) -> None:
    _notes(
        memory, "Svetlana Orlova", "Svetlana Orlova - villa rental, 12 guests", "Svetlana turns 60 on 2 feb, big party"
    )
    facts = memory.ledger.facts(memory.find_client("Svetlana Orlova").id, current=True)
    assert any(f.key == "birthday" and f.detail.get("age") == "60" for f in facts), [(f.key, f.text) for f in facts]


@pytest.mark.parametrize(
    "text",
    [
        "delivery on 3 pallets",
        "install on 2 floors",
        "delivery 12 crates of the pinot",
        "setup 4 rooms, same as last year",
    ],
)
def test_a_count_after_an_event_word_is_never_its_day(text: str) -> None:
    facts = _facts(text)
    assert not any(k.startswith(("deadline", "date")) for k in facts), facts


@pytest.mark.parametrize(
    ("text", "day"),
    [("delivery 14 jan", "2027-01-14"), ("install on 19 may", "2026-05-19"), ("delivery thursday", "2026-05-07")],
)
def test_a_day_after_an_event_word_is_its_day(text: str, day: str) -> None:
    assert any(day in v for v in [f.value for f in extract_facts(text, T0)]), _facts(text)
