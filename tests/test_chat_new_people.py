"""Several new people in one note: each full name that opens a clause of its own becomes its own client, with the
facts of its own clause; names from several cultures keep their particles ("dela", "della", "binti")."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime

U = "47"


def facts(runtime: Runtime, name: str) -> str:
    memory = runtime.memory(U)
    client = memory.find_client(name)
    return " | ".join(f.text for f in memory.facts(client.id)).casefold()


def names(runtime: Runtime) -> list[str]:
    return sorted(c.name for c in runtime.memory(U).clients())


def test_two_new_people_in_one_note_are_two_clients(chat: Conversation, runtime: Runtime) -> None:
    said = " ".join(
        r.text
        for r in chat.handle_text(
            U,
            "long day at the home show. Hemi Parata wants the cedar decking, 40 m2; "
            "Sofia Lindqvist from Nordic Build wants a quote for 2 pergolas",
        )
    )
    assert names(runtime) == ["Hemi Parata", "Sofia Lindqvist"], said
    assert "pergola" in facts(runtime, "Sofia Lindqvist") and "cedar" not in facts(runtime, "Sofia Lindqvist")
    assert "pergola" not in facts(runtime, "Hemi Parata")
    assert runtime.memory(U).find_client("Sofia Lindqvist").company == "Nordic Build"


def test_a_new_person_met_mid_note_gets_their_own_facts(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Olu Bakare: runs the Ikeja pharmacy, wants the catalogue")
    chat.handle_text(
        U, "trade fair today: saw Olu, he liked the shelving. also met a new lady, ines carvalho, wants 2 laser units"
    )
    assert names(runtime) == ["Ines Carvalho", "Olu Bakare"]
    assert "laser" in facts(runtime, "Ines Carvalho") and "laser" not in facts(runtime, "Olu Bakare")


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
    assert names(runtime) == [name]


@pytest.mark.parametrize(
    "note",
    [
        "Hemi Parata from Te Awa Builders wants the cedar decking",
        "met Dana Lee at the expo, she mentioned Carl Jones liked our stand",
    ],
)
def test_a_company_or_an_aside_is_no_new_client(chat: Conversation, runtime: Runtime, note: str) -> None:
    chat.handle_text(U, note)
    assert len(names(runtime)) == 1, names(runtime)
