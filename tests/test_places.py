"""Issue 13, FACTS: a place after a client's name is not their company; a company suffix makes a company (our own
names, several countries)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from memory.places import is_company_name, is_place
from memory.service import Memory, NoteInput

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("name", ["Austin TX", "Denver CO", "Istanbul", "Kenya", "Lisbon", "Izmir, Turkey", "Dubai"])
def test_known_places(name: str) -> None:
    assert is_place(name)


@pytest.mark.parametrize(
    "name", ["Northgate Dental", "Tegelwerk BV", "Skogsbyrån AB", "PT Sinar Jaya", "Acme", "Glow Lab"]
)
def test_companies_are_no_places(name: str) -> None:
    assert not is_place(name)


def test_a_suffix_makes_a_company() -> None:
    assert is_company_name("Nordvik AB") and is_company_name("Bakkerij Jansen BV") and not is_company_name("Austin TX")


@pytest.mark.parametrize(
    ("client", "text", "company"),
    [
        ("Mary Quinn", "Mary Quinn from Boise ID wants the 2 ton mini split", None),
        ("Kofi Mensah", "Kofi Mensah from Ghana, 40 solar lanterns", None),
        ("Lena Vogel", "Lena Vogel (Vogel Bau GmbH) wants 12 pallets of screed", "Vogel Bau GmbH"),
        ("Tariq Aziz", "Tariq Aziz from Karachi, 3 looms", None),
    ],
)
def test_a_place_after_the_name_is_not_the_company(memory: Memory, client: str, text: str, company: Any) -> None:
    memory.add_note(NoteInput(client=client, text=text, at=T0, at_raw=T0.isoformat()), index=False)
    assert memory.find_client(client).company == company


@pytest.mark.parametrize(
    ("display", "name"), [("Ray Tan from Singapore", "Ray Tan"), ("Ana Lima from Lisbon", "Ana Lima")]
)
def test_a_client_typed_with_a_place_keeps_the_place_out_of_the_company(
    memory: Memory, display: str, name: str
) -> None:
    memory.add_note(
        NoteInput(client=display, text="wants a quote for 2 looms", at=T0, at_raw=T0.isoformat()), index=False
    )
    client = memory.find_client(name)
    assert client.name == name and client.company is None


@pytest.mark.parametrize("name", ["Mumbai", "Boston", "Munich", "Gothenburg", "Phoenix AZ", "Victoria, Canada"])
def test_business_cities_the_zone_list_misses_are_places(name: str) -> None:
    assert is_place(name)


@pytest.mark.parametrize(
    "name", ["Phoenix", "Stanley", "Victoria", "Acme CA", "Globex NY", "Initech, TX", "Brightwave WA"]
)
def test_a_first_name_city_alone_or_a_company_with_a_region_code_is_no_place(name: str) -> None:
    assert not is_place(name)


def test_a_company_named_like_a_zone_city_stays_the_company(memory: Memory) -> None:
    text = "wants 3 forklifts serviced"
    memory.add_note(
        NoteInput(client="Dana Whitlock from Phoenix", text=text, at=T0, at_raw=T0.isoformat()), index=False
    )
    client = memory.find_client("Dana Whitlock")
    assert client.name == "Dana Whitlock" and client.company == "Phoenix"
