"""A call plan written as an order to oneself ("Ring him Tuesday", "Llamar a Pedro") is a call: invented worlds."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

from bot.guard.rules.base import Draft
from bot.guard.rules.channel_consent import draft_uses


@pytest.mark.parametrize(
    ("text", "channel", "weekday"),
    [
        ("Call Wren about the boiler service. She wanted a date.", "phone", None),
        ("Ring him Thursday 11am re the roof tiles", "phone", 3),
        ("Llamar a Benito el viernes por el presupuesto de la cocina", "phone", 4),
        ("Appeler Mme Caron mercredi pour le devis des fenêtres", "phone", 2),
        ("Anruf bei Herrn Kessler wegen der Heizung", "phone", None),
        ("Herrn Kessler anrufen", "phone", None),
        ("Text Oskar the delivery slot", "text", None),
    ],
)
def test_an_imperative_opening_is_a_use_of_its_channel(text: str, channel: str, weekday: int | None) -> None:
    uses = draft_uses(Draft(text))
    assert uses and uses[0].channel == channel and uses[0].day_offset == weekday


@pytest.mark.parametrize(
    "text",
    [
        "Call me if anything changes, Wren. Best, Jo",  # the writer, not the client
        "Hi Wren, the boiler service is booked for the 4th.",
        "Great call yesterday, thanks Wren.",
        "Calling to confirm the roof tiles arrived.",  # no person object: not read here
    ],
)
def test_other_openings_are_not_a_planned_call(text: str) -> None:
    assert [u for u in draft_uses(Draft(text)) if u.channel == "phone" and u.start == 0 and u.end > 20] == []


@pytest.fixture
def plumber(tmp_path: Path) -> World:
    """A plumbing client who closed the phone and named morning hours off."""
    return World(
        tmp_path,
        "Wren Ashby",
        [
            ("2026-05-04T10:00:00", "wren ashby, landlord, 6 flats in hull, boiler service contract"),
            ("2026-05-05T10:00:00", "wren: please don't call her, she's in tenant meetings all day. email only"),
        ],
    )


def test_a_closed_phone_catches_an_imperative_call_plan(plumber: World) -> None:
    at = "2026-05-06T10:00"
    assert "no_consent" in plumber.kinds("Call Wren re the boiler contract renewal, Thursday.", at)
    assert "no_consent" in plumber.kinds("Ring her tomorrow about the flat 3 leak", at)
    assert plumber.kinds("Hi Wren, the boiler contract renewal is attached. Jo", at) == set()


def test_spanish_and_french_plans_are_calls(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Benito Ruiz",
        [
            ("2026-05-04T10:00:00", "benito ruiz, restaurante en sevilla, quiere una cocina nueva"),
            ("2026-05-05T10:00:00", "benito: no llamar por teléfono, solo correo"),
        ],
    )
    at = "2026-05-06T10:00"
    assert "no_consent" in world.kinds("Llamar a Benito el viernes por el presupuesto", at)
    assert "no_consent" in world.kinds("Appeler M. Ruiz vendredi pour le devis", at)
