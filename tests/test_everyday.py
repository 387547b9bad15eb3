"""Everyday phrasing: birthdays of relatives with an age, companies in brackets, where we met, deadlines,
sign-off thresholds, quantities and contact times — as salespeople type them, and the near misses."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from memory.extract import extract_facts
from memory.records import ExtractedFact
from memory.service import Memory, NoteInput

AT = datetime(2026, 1, 5, 10, tzinfo=UTC)


def _found(text: str) -> dict[str, ExtractedFact]:
    return {f.key: f for f in extract_facts(text, AT)}


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Her son Max turns 8 on March 3.", "birthday:son", "2018-03-03"),
        ("daughter Ana turns 7 on April 2, big party planned", "birthday:daughter", "2019-04-02"),
        ("his wife turns 40 on Oct 12", "birthday:wife", "1986-10-12"),
        ("turns 50 on 14 Feb", "birthday", "1976-02-14"),
        ("Met at the Hilton lunch in Chicago.", "met_at", "the Hilton lunch in Chicago"),
        ("met him at the Austin expo last spring", "met_at", "the Austin expo"),
        ("We first met at the NRF show in New York, hit it off", "met_at", "the NRF show in New York"),
        ("Needs delivery before Jan 15.", "deadline:delivery", "2026-01-15"),
        ("install needs to be done by Feb 20", "deadline:install", "2026-02-20"),
        ("deadline is March 1", "deadline:deadline", "2026-03-01"),
        ("the CFO signs off anything over $40k", "decision_maker", "CFO"),
        ("anything over 25k needs the board's approval", "decision_maker", "board"),
        ("her boss has the final say", "decision_maker", "boss"),
        ("They need 20 units.", "quantity:unit", "20"),
        ("quote for 12 dental chairs", "quantity:chair", "12"),
        ("wants fifty licenses for the team", "quantity:license", "50"),
        ("Calls after 3pm.", "contact_time", "after 3pm"),
        ("best time to reach him is mornings", "contact_time", "mornings"),
        ("only takes calls between 9am and 11am", "contact_time", "between 9am and 11am"),
        ("Don't call him before 10am.", "contact_time", "after 10am"),
    ],
)
def test_everyday_phrasing(text: str, key: str, value: str) -> None:
    found = _found(text)
    assert key in found, (text, list(found.values()))
    assert found[key].value == value


def test_threshold_and_due_details() -> None:
    assert _found("the CFO signs off anything over $40k")["decision_maker"].detail == {
        "role": "CFO",
        "threshold": "40000",
    }
    assert _found("Needs delivery before Jan 15.")["deadline:delivery"].due == date(2026, 1, 15)
    son = _found("Her son Max turns 8 on March 3.")["birthday:son"]
    assert son.detail == {"relation": "son", "age": "8", "name": "Max"} and son.text == "son Max turns 8 on 3 March"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my son turns 8 on March 3", "birthday:son"),
        ("I turn 40 on March 3", "birthday"),
        ("We will meet at the Denver conference next month.", "met_at"),
        ("met her at 3pm", "met_at"),
        ("I'm free after 3pm", "contact_time"),
        ("delivery was late in December", "deadline:delivery"),
        ("the CFO does not sign off anything", "decision_maker"),
        ("company of 200 employees", "quantity:employee"),
        ("budget is $20k", "quantity:unit"),
    ],
)
def test_near_misses(text: str, key: str) -> None:
    assert key not in _found(text), _found(text)


@pytest.mark.parametrize(
    ("client", "text", "name", "company"),
    [
        ("Tom Reyes", "Called Tom Reyes (Northgate Dental) about the chairs.", "Tom Reyes", "Northgate Dental"),
        ("Tom Reyes (Northgate Dental)", "Wants 12 chairs.", "Tom Reyes", "Northgate Dental"),
        (
            "Carla Mendes",
            "Met Carla Mendes from Bluepine Logistics at the Austin expo.",
            "Carla Mendes",
            "Bluepine Logistics",
        ),
        ("Dana Lee", "Coffee with Dana Lee at Blue Bottle; her daughter Sofia (9) loves tennis.", "Dana Lee", None),
        ("Dana Lee", "Dana Lee (CFO) wants the quote.", "Dana Lee", None),
    ],
)
def test_a_company_beside_the_clients_name(
    memory: Memory, client: str, text: str, name: str, company: str | None
) -> None:
    stored = memory.add_note(NoteInput(client=client, text=text, at=AT, at_raw="2026-01-05"), index=False)
    assert (stored.client.name, stored.client.company) == (name, company)


@pytest.mark.parametrize(
    ("text", "role", "threshold"),
    [
        ("the GM must sign off anything above 2 million", "GM", "2000000"),
        ("her boss will need to approve anything over 50k", "boss", "50000"),
        ("the owner should approve anything over 8k", "owner", "8000"),
    ],
)
def test_a_sign_off_said_with_a_modal(text: str, role: str, threshold: str) -> None:
    """FACTS: "must sign off", "will need to approve": the approver and the threshold, as "signs off" gives them."""
    fact = _found(text)["decision_maker"]
    assert (fact.value, fact.detail.get("threshold")) == (role, threshold)


@pytest.mark.parametrize(
    ("text", "wanted", "declined"),
    [
        ("40 sets of queen sheets, 400 thread count percale, not sateen", "400 thread count percale", "sateen"),
        ("20 rolls, 12mm braided rope, not twisted", "12mm braided rope", "twisted"),
    ],
)
def test_a_choice_led_by_a_count_is_still_a_choice(text: str, wanted: str, declined: str) -> None:
    """FACTS: "300 thread count sateen, not percale": the count is part of the thing chosen, no bare count."""
    facts = extract_facts(text, AT)
    assert any(f.kind.value == "preference" and f.value == wanted for f in facts), facts
    assert any(f.kind.value == "dislike" and f.value == declined for f in facts), facts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("80 pairs of steel-toe boots, sizes 39 to 46", "39 to 46"),
        ("school polos in sizes S-XL, navy only", "S to XL"),
        ("pinafores, sizes 6 through 14", "6 to 14"),
    ],
)
def test_a_range_of_sizes_is_a_fact(text: str, value: str) -> None:
    """FACTS: "sizes 38 to 45" is the range an order spans."""
    assert _found(text)["size_range"].value == value


def test_a_counted_item_of_two_words_and_a_cooling_capacity() -> None:
    """FACTS: "250 pairs of dielectric boots" names the boots; "400TR" is a chiller's capacity in tons of
    refrigeration."""
    assert (
        _found("needs 120 pairs of rubber gloves for the plant")["quantity:pair"].text == "120 pairs of rubber gloves"
    )
    assert any(f.value == "220 TR" for f in extract_facts("cold store upgrade, 220TR, screw type", AT))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("3-bed semi, garden mandatory, max 450k", "wants:garden"),
        ("for the clinic: step-free access is essential", "wants:step_free_access"),
        ("a lift is non-negotiable for her mum", "wants:lift"),
    ],
)
def test_a_requirement_said_as_mandatory_or_essential(text: str, key: str) -> None:
    """FACTS: "sea view mandatory" is a requirement, as "a must" is."""
    assert key in _found(text)


def test_a_pet_listed_after_the_children() -> None:
    """FACTS: "they have 2 kids and a spaniel": the dog is theirs too."""
    found = _found("viewing the flat on saturday, they have 3 kids and a beagle")
    assert found["family:dog"].value == "beagle" and found["family:children"].value == "3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it was the corner suite she wants, i misread", "the corner suite"),
        ("its the 3rd floor they want", "the 3rd floor"),
    ],
)
def test_a_wish_with_its_object_put_first(text: str, value: str) -> None:
    """FACTS: "it was the 1st floor she wants" says what she wants."""
    assert any(f.value == value for f in extract_facts(text, AT)), extract_facts(text, AT)


def test_promised_a_lower_case_name_what_i_would_do() -> None:
    """PROMISEMISS: "promised rafael id ship the samples": the promise is to ship the samples, not "rafael I'd"."""
    [promise] = [
        f for f in extract_facts("promised kofi id ship the swatches by friday", AT) if f.key.startswith("promise")
    ]
    assert promise.text == "promised to ship the swatches by Fri 9 Jan"
