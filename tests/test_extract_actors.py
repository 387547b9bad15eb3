"""memory.extract, issue 13: who does what in a clause, and whose date a date is (sentences in our own words)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from memory.extract import extract_facts
from memory.records import ExtractedFact, FactKind
from memory.service import NoteInput
from tests.helpers import facts_at

# Monday 1 December 2025, 10:00 in Lisbon.
AT = datetime(2025, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Lisbon"))


facts = facts_at(AT)


def promises(text: str) -> list[ExtractedFact]:
    return [f for f in facts(text) if f.kind is FactKind.COMMITMENT and f.detail.get("status") == "open"]


def birthdays(text: str) -> dict[str, ExtractedFact]:
    return {f.key: f for f in facts(text) if f.kind is FactKind.PERSONAL_DATE}


# --- the client's order is never my promise --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "wieczorek bakery - order 30 sacks of rye flour, delivery by friday",
        "rosa promised to order 12 pallets of tiles next week",
        "will buy 5 licences once the budget clears on monday",
        "reorder 200 labels, need them before dec 12",
    ],
)
def test_a_counted_purchase_is_the_clients_order_not_my_promise(text: str) -> None:
    assert promises(text) == []


def test_a_clients_promised_order_is_waited_for() -> None:
    waiting = [f for f in facts("rosa promised to order 12 pallets of tiles next week") if f.key.startswith("waiting:")]
    assert waiting and "order 12 pallets" in waiting[0].value


@pytest.mark.parametrize(
    "text",
    [
        "I'll order 12 pallets of tiles for her by friday",
        "promised to order the spare filters by thursday",
        "promised to send 3 samples by friday",
        "I promised to order 60 mugs",
        "order 60 mugs by monday",
        "promised to buy 8 demo kits for him by thursday",
        "then promised to order 60 mugs",
    ],
)
def test_my_own_order_or_an_uncounted_one_stays_my_promise(text: str) -> None:
    assert len(promises(text)) == 1
    assert not [f for f in facts(text) if f.key.startswith("waiting:")]


# --- a relative's date stays the relative's ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("helping pick a bike for her nephew tomas, he turns 9 on march 4", "birthday:nephew"),
        ("shopping for his daughter. she turns 16 on june 2, wants it before then", "birthday:daughter"),
        ("fitting a cot for the grandson - he's turning 2 on april 20", "birthday:grandson"),
        ("their niece yu-na turns 5 on may 30", "birthday:niece"),
    ],
)
def test_a_pronoun_after_a_relative_binds_the_birthday_to_that_relative(text: str, key: str) -> None:
    found = birthdays(text)
    assert key in found, found
    assert "birthday" not in found


def test_a_pronoun_that_does_not_fit_the_relative_stays_the_client() -> None:
    found = birthdays("he turns 60 on march 3, his wife is planning a party")
    assert "birthday" in found and "birthday:wife" not in found


def test_a_hyphenated_lower_case_name_of_a_relative_is_kept() -> None:
    fact = birthdays("ok so dr lim's son jae-won turns 11 on february 8")["birthday:son"]
    assert fact.detail.get("name") == "Jae-won"


# --- an absence over time is no refusal; where we last spoke is where we met --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no reply for three weeks, tried her twice",
        "hamid (harbour dental) no answer in months",
        "no callbacks since the open day",
        "still no response after 2 weeks",
    ],
)
def test_no_answer_for_a_while_is_no_dislike(text: str) -> None:
    assert not [f for f in facts(text) if f.kind is FactKind.DISLIKE]


def test_a_refused_thing_is_still_a_dislike() -> None:
    assert [f for f in facts("no onions please, since her son is allergic") if f.kind is FactKind.DISLIKE]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no gluten since last spring, her doctor said so", "gluten"),
        ("no nuts since the hospital visit", "nuts"),
        ("no pork for years, her choice", "pork"),
    ],
)
def test_a_refusal_over_time_is_still_a_dislike(text: str, value: str) -> None:
    """Only a reply word ("no answer for weeks") makes "no X since/for <time>" an absence; food is still refused."""
    disliked = [f.value for f in facts(text) if f.kind is FactKind.DISLIKE]
    assert disliked == [value], facts(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("quiet lately, last spoke at the rotary dinner", "rotary dinner"),
        ("chatted with him at the Leeds trade fair", "Leeds trade fair"),
        ("saw her at the chamber breakfast last month", "chamber breakfast"),
    ],
)
def test_where_we_last_spoke_is_where_we_met(text: str, event: str) -> None:
    met = [f for f in facts(text) if f.key == "met_at"]
    assert met and met[0].detail["event"] == event


# --- family and pets typed the phone way ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("wants the hybrid in grey, son dawit drives her to the clinic", "family:son", "Dawit"),
        ("buying a desk for daughter anouk, starts uni in sept", "family:daughter", "Anouk"),
        ("came in with wife marit and the twins", "family:wife", "Marit"),
    ],
)
def test_a_relatives_lower_case_name_without_a_possessive(text: str, key: str, value: str) -> None:
    found = {f.key: f.value for f in facts(text) if f.kind is FactKind.FAMILY}
    assert found.get(key) == value, found


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("they have a beagle, so no cream carpets", "family:dog", "beagle"),
        ("has three cats and a greyhound", "family:dog", "greyhound"),
        ("just got a rescue puppy named pixel", "family:dog", "Pixel"),
        ("keeps two horses at the farm, owns a pony too", "family:horse", "pony"),
    ],
)
def test_the_clients_animals_are_kept(text: str, key: str, value: str) -> None:
    found = {f.key: f.value for f in facts(text) if f.kind is FactKind.FAMILY}
    assert found.get(key) == value, found


def test_my_own_dog_is_not_the_clients() -> None:
    assert not [f for f in facts("told her I have a spaniel too") if f.kind is FactKind.FAMILY]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("husband bday june 9, she wants a surprise", "birthday:husband"),
        ("daughter birthday on the 4th of april", "birthday:daughter"),
        ("the birthday of her father falls on march 22", "birthday:father"),
    ],
)
def test_a_relation_word_beside_a_birthday_binds_it(text: str, key: str) -> None:
    found = birthdays(text)
    assert key in found and "birthday" not in found, found


def test_my_own_relatives_birthday_is_not_kept() -> None:
    assert birthdays("my wife bday is march 3 so I'm off that day") == {}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mr bogdan's wife grace passed away last week", "Grace"),
        ("her father has died", "father"),
        ("his wife then passed away", "wife"),
        ("her husband soon passed away, she is selling the boat", "husband"),
        ("his mother once died in march", "mother"),
        ("her brother teodor died in october", "Teodor"),
        ("his wife sadly passed away", "wife"),
        ("her dad recently died", "father"),
    ],
)
def test_a_lower_case_name_before_a_death_word_is_the_relatives_name(text: str, value: str) -> None:
    died = [f for f in facts(text) if f.kind is FactKind.FAMILY and f.detail.get("status") == "passed away"]
    assert died and died[0].value == value, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "said he'll email us once legal signs off",
        "he'll send the signed PO on friday",
        "they'll call me back after the board meets",
    ],
)
def test_the_clients_own_ll_is_waited_for_never_my_promise(text: str) -> None:
    assert promises(text) == []
    assert [f for f in facts(text) if f.key.startswith("waiting:")], facts(text)


def test_a_birthday_said_of_someone_by_name_is_theirs(memory: Any) -> None:
    """ "orla's birthday": the client's own only when Orla is the client; a known relative's, or a plain fact."""
    at = datetime(2026, 12, 7, 10, tzinfo=UTC)
    for text in ["wife aoibhe, 2 kids", "kieran said aoibhe's birthday is 19 december", "Cathal's birthday is 2 feb"]:
        memory.add_note(NoteInput("Kieran Doyle", text, at, at.isoformat()), index=False)
    memory.add_note(NoteInput("Saoirse Kane", "saoirse's birthday is 3 may", at, at.isoformat()), index=False)
    kieran = {(f.kind, f.key) for f in memory.facts(memory.find_client("Kieran Doyle").id)}
    assert (FactKind.PERSONAL_DATE, "birthday:wife") in kieran and (FactKind.PERSONAL_DATE, "birthday") not in kieran
    assert (FactKind.OTHER, "date:cathal_birthday") in kieran
    saoirse = {(f.kind, f.key) for f in memory.facts(memory.find_client("Saoirse Kane").id)}
    assert (FactKind.PERSONAL_DATE, "birthday") in saoirse


@pytest.mark.parametrize(
    "text",
    [
        "with partner agency, they handle the ads",
        "for sister company, same billing",
        "with brother printers, same address",
        "ship it with partner freight",
    ],
)
def test_a_relation_word_with_no_possessive_before_a_trade_noun_is_no_relative(text: str) -> None:
    """'sister company', 'partner agency': without 'her/his' only a name (a known first name or a rare word) makes a relative."""
    assert not [f for f in facts(text) if f.kind is FactKind.FAMILY], facts(text)


def test_a_relation_with_no_possessive_before_a_first_name_is_still_a_relative() -> None:
    named = [f for f in facts("buying it for son oskar") if f.kind is FactKind.FAMILY]
    assert [f.value for f in named] == ["Oskar"]


@pytest.mark.parametrize(
    "text",
    [
        "saw imre about his son's football club. he turns 50 on june 9",
        "met eitan about his son. he turns 70 on april 2",
        "lunch with marit, her daughter's recital went well. she turns 45 on may 20",
    ],
)
def test_a_pronoun_that_fits_the_client_is_not_bound_to_an_earlier_relative(text: str) -> None:
    """Only a relative of the same sentence, or one the pronoun cannot be the client for, takes "he turns ..."."""
    assert set(birthdays(text)) == {"birthday"}, birthdays(text)


@pytest.mark.parametrize(
    "text",
    [
        "pickup for thursday and friday",
        "invoice for june and july",
        "samples for the lounge and the patio",
        "training for the crew and the supervisors",
        "the warehouse still shut",
    ],
)
def test_a_when_an_action_or_a_state_is_no_per_item_choice(text: str) -> None:
    """Days and months are no items, actions and documents no choice, and a bare "still" keeps nothing."""
    assert not [f for f in facts(text) if f.key.startswith("for:")], facts(text)


def test_a_value_for_two_items_is_still_scoped() -> None:
    scoped = {f.key: f.value for f in facts("wants matte for the 500ml and the 250ml") if f.key.startswith("for:")}
    assert scoped == {"for:500ml": "matte", "for:250ml": "matte"}


@pytest.mark.parametrize(
    "text", ["we have a horse trailer to sell them", "she has a pug mug on her desk", "they own a rabbit hutch company"]
)
def test_an_animal_word_as_a_modifier_is_no_pet(text: str) -> None:
    assert not [f for f in facts(text) if f.kind is FactKind.FAMILY], facts(text)


@pytest.mark.parametrize(
    ("text", "key"), [("they keep a spaniel", "family:dog"), ("has two cats and a labrador", "family:dog")]
)
def test_an_animal_that_ends_its_noun_phrase_is_a_pet(text: str, key: str) -> None:
    assert key in [f.key for f in facts(text)]


def test_a_relative_named_before_the_possessive_owns_the_date() -> None:
    """ "his wife ana's birthday": the wife's birthday, and she is Ana."""
    [fact] = [
        f
        for f in extract_facts("his wife ines's birthday is 3 june", datetime(2026, 12, 7, tzinfo=UTC))
        if f.kind is FactKind.PERSONAL_DATE
    ]
    assert fact.key == "birthday:wife" and fact.detail["name"] == "Ines"
