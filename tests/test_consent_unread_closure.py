"""A closure the parser cannot fully read never becomes permanent or all-channel: invented worlds and notes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from guard_cli import World

from memory.consent_scope import note_scopes

NOTED = datetime(2026, 10, 20, 10)


@pytest.mark.parametrize(
    "note",
    [
        "don't push anything, her father died last week",
        "pls don't push him into anything, cash is tight this quarter",
        "no presionar nada, acaba de perder a su madre",
        "nicht drängen, nichts verkaufen, Trauerfall",
    ],
)
def test_a_pressure_verb_is_a_pause_on_selling_not_a_closure(note: str) -> None:
    scopes, _ = note_scopes("n", note, NOTED)
    assert not [s for s in scopes if s.kind == "closed"]
    assert [s for s in scopes if s.kind == "pause" and s.topic == "asks"]


def test_a_pressure_verb_listed_with_a_contact_act_still_closes() -> None:
    scopes, _ = note_scopes("n", "don't chase or contact her, she will call us", NOTED)
    assert [s.channel for s in scopes if s.kind == "closed"] == ["any"]


@pytest.mark.parametrize(
    ("note", "channel"),
    [
        ("do not email her till the audit wraps up", "email"),
        ("no calls until after the harvest festival", "phone"),
        ("no llamar hasta después de la feria de muestras", "phone"),
        ("pas d'appels jusqu'après les vendanges", "phone"),
        ("nicht anrufen bis nach dem Umzug", "phone"),
    ],
)
def test_an_unread_end_is_qualified_and_ends(note: str, channel: str) -> None:
    (scope,) = [s for s in note_scopes("n", note, NOTED)[0] if s.kind == "closed"]
    assert scope.channel == channel and scope.qualified and scope.until_back and scope.end is not None


def test_a_readable_end_stays_certain() -> None:
    (scope,) = note_scopes("n", "no calls until 3 june", NOTED)[0]
    assert not scope.qualified and scope.end is not None and scope.end.month == 6


VINTNER = [
    ("2026-10-01T10:00:00", "marco bellini, wine shop in bristol, wants 40 cases of the 2022 barbera"),
    ("2026-10-02T10:00:00", "marco: do not contact him until after the harvest festival, he's at the vineyard"),
]
BARBERA = "Hi Marco, the 40 cases of barbera are ready to ship. Best, Ana"


def test_an_unread_event_warns(tmp_path: Path) -> None:
    doc = World(tmp_path, "Marco Bellini", VINTNER).check(BARBERA, "2026-10-05T10:00")
    assert doc["verdict"] == "warn" and {f["kind"] for f in doc["findings"]} == {"no_consent"}


def test_a_later_return_ends_an_unread_event(tmp_path: Path) -> None:
    back = ("2026-10-09T10:00:00", "marco back. wants the barbera delivered next week")
    assert World(tmp_path, "Marco Bellini", [*VINTNER, back]).kinds(BARBERA, "2026-10-10T10:00") == set()


def test_a_grieving_client_can_receive_condolences(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Hana Novak",
        [
            ("2026-10-01T10:00:00", "hana novak, florist in brno, 3 cold rooms on order"),
            ("2026-10-02T10:00:00", "hana: don't push anything, her mother passed away on sunday"),
        ],
    )
    text = "Dear Hana, I was so sorry to hear about your mother. Thinking of you. Ana"
    assert world.kinds(text, "2026-10-05T10:00") == set()
