"""Contact limits read precisely (issue 14, session 11): a liking is a way, an hours window is hours, a cap is a cap."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from guard_cli import World

from memory.consent_scope import ContactScope, note_scopes

AT = datetime(2026, 5, 4, 9, 0)


def scopes(note: str) -> list[ContactScope]:
    """The scopes one note states."""
    return list(note_scopes("n1", note, AT)[0])


@pytest.mark.parametrize(
    ("note", "channel"),
    [
        ("she likes phone calls best, hates forms", "phone"),
        ("le gusta que le llamen por teléfono", "phone"),
        ("elle aime bien les appels", "phone"),
        ("er mag E-Mails lieber", "email"),
        ("gosta de whatsapp", "text"),
    ],
)
def test_a_liking_for_a_channel_is_an_open_way(note: str, channel: str) -> None:
    assert [(s.kind, s.channel) for s in scopes(note)] == [("open", channel)]


@pytest.mark.parametrize(
    ("note", "hours"),
    [
        ("no calls during service 11-15 pls", (11, 15)),
        ("keine Anrufe während der Sprechstunde 8-12", (8, 12)),
        ("no llamar durante la consulta 9-14", (9, 14)),
        ("pas d'appels pendant le marché 6-13", (6, 13)),
        ("no calls 8-12", (8, 12)),
    ],
)
def test_an_hours_window_anywhere_in_the_clause_is_hours_not_a_closure(note: str, hours: tuple[int, int]) -> None:
    found = scopes(note)
    assert [s.kind for s in found] == ["hours"] and found[0].hours == hours and found[0].channel == "phone"


@pytest.mark.parametrize("note", ["max 3-4 emails", "no more than 2 calls", "höchstens 2 Anrufe"])
def test_a_cap_whose_period_is_not_read_closes_nothing(note: str) -> None:
    assert not [s for s in scopes(note) if s.kind == "closed"]


@pytest.mark.parametrize(
    "note",
    [
        "asked us to stop chasing, said one message a week max",
        "told me to quit hassling him, at most one email a month",
        "deja de perseguirla, como mucho un mensaje por semana",
    ],
)
def test_a_cap_in_the_same_sentence_turns_stop_chasing_into_the_cap(note: str) -> None:
    kinds = [s.kind for s in scopes(note)]
    assert "limit" in kinds and "pause" not in kinds


def test_an_unstated_draft_passes_when_the_client_named_an_open_way_and_warns_when_none(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    opticians = World(
        tmp_path / "a",
        "Ines Vidal",
        [
            ("2026-03-02T10:00:00", "ines vidal, optician in girona, 2 shops, wants a new lens edger"),
            ("2026-03-09T10:00:00", "no whatsapp please, she likes phone calls"),
        ],
    )
    assert (
        opticians.kinds("Hi Ines, the edger demo unit is free on the 20th if you want it.", "2026-03-20T10:00") == set()
    )
    farm = World(
        tmp_path / "b",
        "Colm Duffy",
        [
            ("2026-03-02T10:00:00", "colm duffy, sheep farm in kerry, wants a quad bike"),
            ("2026-03-09T10:00:00", "do not email or call him again, bought elsewhere"),
        ],
    )
    doc = farm.check("Hi Colm, how is the new quad running?", "2026-03-20T10:00")
    assert doc["verdict"] == "warn" and {f["kind"] for f in doc["findings"]} == {"no_consent"}


def test_a_call_outside_the_service_window_passes_and_inside_it_warns(tmp_path: Path) -> None:
    cafe = World(
        tmp_path,
        "Rosa Lind",
        [
            ("2026-03-02T10:00:00", "rosa lind runs the harbour cafe, wants a second espresso machine"),
            ("2026-03-03T10:00:00", "asked me not to ring the cafe phone during service 8-12"),
        ],
    )
    assert "no_consent" not in cafe.kinds("Call plan for Rosa: ring after 1pm about the machine.", "2026-03-20T09:00")


def _consent_facts(world: World) -> dict[str, str]:
    """The client's consent facts in `chet profile --json`, key -> value."""
    from guard_cli import _chet

    doc = _chet(world.data, "profile", world.client, "--json")
    return {f["key"]: f["value"] for f in doc["facts"] if f["kind"] == "consent"}


@pytest.mark.parametrize(
    ("note", "wanted"),
    [
        ("se dio de baja del boletín, whatsapp ok", {"consent:email": "opted_out"}),
        ("took him off the mailing list last week", {"consent:email": "opted_out"}),
        ("keine Anrufe zwischen 12 und 14 Uhr", {"consent:phone:hours": "opted_out"}),
        ("never her work email, cell is fine", {"consent:email:work": "opted_out"}),
        ("pls no sales pitch right now, she is swamped", {"consent:any:marketing": "opted_out"}),
        ("opted out of the extended warranty", {}),
        ("no emails to her since june, will call", {}),
    ],
)
def test_the_profile_reads_consent_with_the_guards_parser(tmp_path: Path, note: str, wanted: dict[str, str]) -> None:
    """Profile, drafting and the digest read the consent facts; those come from the parser the guard reads."""
    world = World(tmp_path, "Noor Haddad", [("2026-03-02T10:00:00", "noor haddad, florist, wants a cold room"),
                                            ("2026-03-03T10:00:00", note)])  # fmt: skip
    assert _consent_facts(world) == wanted


def test_profile_and_guard_agree_on_a_closed_channel(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Piet Smit",
        [
            ("2026-03-02T10:00:00", "piet smit, dairy in friesland, wants a robot milker"),
            ("2026-03-03T10:00:00", "hij wil niet meer gebeld worden, e-mail is prima"),
        ],
    )
    closed = [k for k, v in _consent_facts(world).items() if v == "opted_out"]
    assert closed == ["consent:phone"]
    assert world.kinds("Call plan for Piet: ring about the robot milker trial.", "2026-03-20T10:00") == {"no_consent"}
    assert (
        world.kinds("Subject: robot milker trial\n\nHi Piet, how is the herd doing this month?", "2026-03-20T10:00")
        == set()
    )
