"""A product list is no contact list, a mild dislike no opt-out (session 11 review regressions)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from guard_cli import World

from memory.consent_scope import ContactScope, note_scopes

AT = datetime(2026, 5, 4, 9, 0)


def closed(note: str) -> list[ContactScope]:
    """The closures one note states."""
    return [s for s in note_scopes("n1", note, AT)[0] if s.kind == "closed"]


@pytest.mark.parametrize(
    "note",
    [
        "she wants the oak bench taken off the list, rest of the order stays",
        "asked us to take 15% off the list price if he orders 40 chairs",
        "remove the second compressor from the list and resend the quote",
        "quitar la mesa de roble de la lista, el resto igual",
        "retirer le store banne de la liste du devis",
    ],
)
def test_an_item_or_price_taken_off_a_list_closes_nothing(note: str) -> None:
    assert closed(note) == []


@pytest.mark.parametrize(
    ("note", "channel"),
    [
        ("asked us to take her off the list", "any"),
        ("remove him from our list please", "any"),
        ("wants to be taken off the marketing list", "any"),
        ("took them off the mailing list", "email"),
        ("pidió quitarla de la lista", "any"),
    ],
)
def test_a_person_taken_off_a_contact_list_is_an_opt_out(note: str, channel: str) -> None:
    assert [s.channel for s in closed(note)] == [channel]


@pytest.mark.parametrize(
    "note",
    [
        "Tom Reyes doesn't like email much, call instead",
        "she does not really like phone calls, text is better",
        "no le gusta mucho el correo, mejor llamar",
        "elle n'aime pas trop le téléphone, plutôt email",
    ],
)
def test_a_negated_liking_is_a_preference_never_a_closure(note: str) -> None:
    assert closed(note) == []


def test_a_quote_edit_note_lets_the_revised_quote_through(tmp_path: Path) -> None:
    shop = World(
        tmp_path,
        "Lena Brandt",
        [
            ("2026-03-02T10:00:00", "lena brandt, architect office in bremen, quote for 6 desks and a cabinet"),
            ("2026-03-09T10:00:00", "wants us to take the cabinet off the list, keep the rest of the quote"),
        ],
    )
    assert "no_consent" not in shop.kinds("Hi Lena, here is the revised quote for the 6 desks.", "2026-03-12T10:00")
