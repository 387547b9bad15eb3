"""name_misuse: a person the notes designate as the contact or handler is a valid addressee; a stranger is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

CASES = [
    (
        "Nuria Vidal",
        "nuria in hospital, her son jordi is the contact meanwhile",
        "Hola Jordi, the intercom quote for your mother's block is attached.",
        "Hi Marc, the quote is attached.",
    ),
    (
        "Nora Vance",
        "lab manager keith obi handles POs, cc him",
        "Hi Keith, the PO paperwork for Nora's freezer is ready.",
        "Hi Kevin, the PO paperwork is ready.",
    ),
    (
        "Hélène Martin",
        "sa gouvernante Sophie s'occupe des livraisons",
        "Bonjour Sophie, la livraison des matelas est prévue mardi.",
        "Bonjour Sandrine, la livraison est prévue mardi.",
    ),
    (
        "Max Huber",
        "seine Sekretärin Anna kümmert sich um die Termine",
        "Hallo Anna, passt Dienstag für Max?",
        "Hallo Petra, passt Dienstag?",
    ),
]


@pytest.mark.parametrize(("client", "note", "to_contact", "to_stranger"), CASES)
def test_the_designated_contact_is_a_valid_addressee(
    tmp_path: Path, client: str, note: str, to_contact: str, to_stranger: str
) -> None:
    world = World(tmp_path, client, [("2026-03-01T10:00:00", f"{client.lower()}, new account"),
                                     ("2026-03-02T10:00:00", note)])  # fmt: skip
    assert "name_misuse" not in world.kinds(to_contact, "2026-03-10T10:00")
    assert "name_misuse" in world.kinds(to_stranger, "2026-03-10T10:00")


def test_a_handler_of_one_thing_is_an_addressee_for_that_thing_only(tmp_path: Path) -> None:
    world = World(tmp_path, "Maria Costa", [("2026-03-01T10:00:00", "maria costa, wine shop in porto"),
                                            ("2026-03-02T10:00:00", "her nephew Rui handles instagram")])  # fmt: skip
    assert "name_misuse" in world.kinds("Olá Rui, confirmo a encomenda de 40 caixas.", "2026-03-10T10:00")
    assert "name_misuse" not in world.kinds("Hi Rui, here are the instagram photos of the labels.", "2026-03-10T10:00")


def test_a_role_in_the_deal_with_nothing_named_is_no_addressee(tmp_path: Path) -> None:
    world = World(tmp_path, "Ines Moreau", [("2026-03-01T10:00:00", "ines moreau runs a bakery chain, wants 3 ovens"),
                                            ("2026-03-02T10:00:00", "her business partner's husband luc approves")])  # fmt: skip
    assert "name_misuse" in world.kinds("Hi Luc, the ovens are ready for your sign-off.", "2026-03-10T10:00")
