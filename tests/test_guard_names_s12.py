"""A bare short form in brackets right after the client's name is how they go by; a colleague who handles the
deal meanwhile is a contact, not a wrong name (NOTES-guard10 N1/N2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"


@pytest.mark.parametrize(
    ("client", "note", "draft"),
    [
        ("Maria Fernanda Lopez", "maria fernanda lopez (mafe) owns two cafés in bogotá", "Hi Mafe, the grinder is in."),
        (
            "Oluwaseun Adeyemi",
            "oluwaseun adeyemi (seun), practice manager, wants 3 chairs",
            "Hi Seun, chairs ship Friday.",
        ),
        ("Johannes de Vries", "johannes de vries (hans), fleet manager, 12 vans", "Hallo Hans, die Vans sind bereit."),
    ],
)
def test_a_bracketed_short_form_is_a_goes_by_name(tmp_path: Path, client: str, note: str, draft: str) -> None:
    world = World(tmp_path, client, [("2026-03-01T10:00:00", note)])
    assert "name_misuse" not in world.kinds(draft, AT)


def test_another_name_still_flags(tmp_path: Path) -> None:
    world = World(
        tmp_path, "Maria Fernanda Lopez", [("2026-03-01T10:00:00", "maria fernanda lopez (mafe) owns two cafés")]
    )
    assert "name_misuse" in world.kinds("Hi Pilar, the grinder is in.", AT)


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            "anika on leave from 1 march; her colleague tomasz is covering her accounts meanwhile",
            "Hi Tomasz, the quote for the shelving is attached.",
        ),
        (
            "anika de baja hasta abril. mientras tanto su compañero pablo se encarga de la cuenta",
            "Hola Pablo, te envío la oferta de las estanterías.",
        ),
    ],
)
def test_a_stand_in_is_a_contact(tmp_path: Path, note: str, draft: str) -> None:
    world = World(
        tmp_path, "Anika Weber", [("2026-03-01T10:00:00", "anika weber, shop fit-out"), ("2026-03-02T10:00:00", note)]
    )
    assert "name_misuse" not in world.kinds(draft, AT)
