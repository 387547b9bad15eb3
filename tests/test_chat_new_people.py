"""Several new people in one note: each full name that opens a clause of its own becomes its own client, with the
facts of its own clause; names from several cultures keep their particles ("dela", "della", "binti")."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from tests.helpers import client_facts, client_names

U = "47"


def test_two_new_people_in_one_note_are_two_clients(chat: Conversation, runtime: Runtime) -> None:
    said = " ".join(
        r.text
        for r in chat.handle_text(
            U,
            "long day at the home show. Hemi Parata wants the cedar decking, 40 m2; "
            "Sofia Lindqvist from Nordic Build wants a quote for 2 pergolas",
        )
    )
    assert client_names(runtime, U) == ["Hemi Parata", "Sofia Lindqvist"], said
    assert "pergola" in client_facts(runtime, U, "Sofia Lindqvist") and "cedar" not in client_facts(
        runtime, U, "Sofia Lindqvist"
    )
    assert "pergola" not in client_facts(runtime, U, "Hemi Parata")
    assert runtime.memory(U).find_client("Sofia Lindqvist").company == "Nordic Build"


def test_a_new_person_met_mid_note_gets_their_own_facts(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Olu Bakare: runs the Ikeja pharmacy, wants the catalogue")
    chat.handle_text(
        U, "trade fair today: saw Olu, he liked the shelving. also met a new lady, ines carvalho, wants 2 laser units"
    )
    assert client_names(runtime, U) == ["Ines Carvalho", "Olu Bakare"]
    assert "laser" in client_facts(runtime, U, "Ines Carvalho") and "laser" not in client_facts(
        runtime, U, "Olu Bakare"
    )


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("benjie dela cruz - runs 6 tricycles, wants fleet insurance", "Benjie dela Cruz"),
        ("siti binti abdullah - bakery in Ipoh, wants 3 deck trays", "Siti binti Abdullah"),
        ("marco della rosa: tile shop, wants 200 m2 of terracotta", "Marco della Rosa"),
    ],
)
def test_a_particle_keeps_the_given_name(chat: Conversation, runtime: Runtime, note: str, name: str) -> None:
    chat.handle_text(U, note)
    assert client_names(runtime, U) == [name]


@pytest.mark.parametrize(
    "note",
    [
        "Hemi Parata from Te Awa Builders wants the cedar decking",
        "met Dana Lee at the expo, she mentioned Carl Jones liked our stand",
    ],
)
def test_a_company_or_an_aside_is_no_new_client(chat: Conversation, runtime: Runtime, note: str) -> None:
    chat.handle_text(U, note)
    assert len(client_names(runtime, U)) == 1, client_names(runtime, U)
