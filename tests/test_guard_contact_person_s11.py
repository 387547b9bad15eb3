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


NOT_DESIGNATED = [
    (
        "Clara Weiss",
        "her brother Felix manages the rival bakery on the corner, never contact him",
        "Hi Felix, the new proofing cabinet for Clara's bakery is ready.",
    ),
    (
        "Sam Okafor",
        "Dario handles nothing on the business side but loves fishing",
        "Hi Dario, the invoice for the business chillers is attached.",
    ),
    (
        "Lucía Prat",
        "su socia Marta lleva 3 años en la empresa",
        "Hola Marta, le paso el presupuesto de la empresa.",
    ),
    (
        "Jonas Beck",
        "Paul verwaltet die Konkurrenz nebenan",
        "Hallo Paul, das Angebot für die Konkurrenz nebenan ist fertig.",
    ),
    (
        "Rita Lopes",
        "Leo is the contact for deliveries but not for anything else, don't write to him",
        "Hi Leo, the delivery of the shelving is on Friday.",
    ),
]


@pytest.mark.parametrize(("client", "note", "draft"), NOT_DESIGNATED)
def test_a_negated_or_foreign_designation_makes_no_addressee(
    tmp_path: Path, client: str, note: str, draft: str
) -> None:
    world = World(tmp_path, client, [("2026-03-01T10:00:00", f"{client.lower()}, new account"),
                                     ("2026-03-02T10:00:00", note)])  # fmt: skip
    assert "name_misuse" in world.kinds(draft, "2026-03-10T10:00")
