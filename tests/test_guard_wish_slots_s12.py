"""A figure the client wants, hopes for or asked for is a wish, a slot of its own: it never replaces what is paid or
agreed now, and a draft that gives the wish as the agreed figure is flagged (NOTES-guard10 W1/W2, usertest11 H8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"


@pytest.mark.parametrize(
    ("client", "note", "draft"),
    [
        (
            "Kofi Mensah",
            "kofi pays GHS 48,000 a year for the current maintenance contract. wants it below GHS 40,000",
            "Hi Kofi, your current maintenance contract runs at GHS 48,000 a year; I think we can beat it.",
        ),
        (
            "Lena Brandt",
            "current supplier charges her €14,500 for the linen contract, hoping to get under €12k",
            "Hi Lena, your current supplier charges €14,500 for the linen contract.",
        ),
        (
            "Marta Gil",
            "marta paga 900 € al mes por la limpieza, quiere bajar a 750 €",
            "Hola Marta, hoy pagas 900 € al mes por la limpieza; te paso una propuesta.",
        ),
    ],
)
def test_a_target_never_makes_the_current_figure_wrong(tmp_path: Path, client: str, note: str, draft: str) -> None:
    world = World(tmp_path, client, [("2026-03-01T10:00:00", note)])
    assert "wrong_fact" not in world.kinds(draft, AT)


@pytest.mark.parametrize(
    ("notes", "wish", "truthful"),
    [
        (
            ["boat trade-in appraised at $31,000. he was hoping for $35k"],
            "Hi Dev, good news, we can give you $35,000 for the trade-in as discussed.",
            "Hi Dev, I know you were hoping for $35,000; the appraisal came in at $31,000 for the trade-in.",
        ),
        (
            ["asked for 90 days payment terms on the pallets order, finance approved 60"],
            "Hi Dev, great news: we can do the 90-day payment terms on the pallets order.",
            "Hi Dev, finance approved 60-day payment terms on the pallets order.",
        ),
    ],
)
def test_a_wish_given_as_agreed_is_flagged(tmp_path: Path, notes: list[str], wish: str, truthful: str) -> None:
    world = World(
        tmp_path,
        "Dev Patel",
        [("2026-03-01T10:00:00", "dev patel, marina"), *(("2026-03-02T10:00:00", n) for n in notes)],
    )
    assert "wrong_fact" in world.kinds(wish, AT)
    assert world.kinds(truthful, AT) == set()


def test_a_wish_named_as_something_to_prepare_passes(tmp_path: Path) -> None:
    notes = ["quote $52,000 for the boiler room with 1yr service. dev asked for a 3 yr service option"]
    world = World(
        tmp_path, "Dev Patel", [("2026-03-01T10:00:00", "dev patel, marina"), ("2026-03-02T10:00:00", notes[0])]
    )
    assert "wrong_fact" not in world.kinds("Hi Dev, I'll price the 3-year service option this week.", AT)
