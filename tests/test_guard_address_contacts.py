"""name_misuse on correct forms of address: a religious title before a name, and a greeting to the person the
notes make the client's point of contact or someone to copy. A wrong name beside them still blocks.

Worlds invented for these tests (issue 13, session 9), not taken from a benchmark set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-04-14T10:00"


@pytest.mark.parametrize(
    ("client", "note", "greeting"),
    [
        (
            "Tomasz Nowak",
            "father tomasz, parish priest in lodz, wants 60 folding chairs for the hall",
            "Dear Fr. Tomasz",
        ),
        (
            "Tomasz Nowak",
            "father tomasz, parish priest in lodz, wants 60 folding chairs for the hall",
            "Hi Father Tomasz",
        ),
        (
            "Grace Adeyemi",
            "rev grace adeyemi, minister at a church in leeds, wants 60 folding chairs",
            "Dear Rev. Adeyemi",
        ),
        (
            "Bernadette Quinn",
            "sister bernadette runs the convent school in cork, wants 60 folding chairs",
            "Dear Sister Bernadette",
        ),
    ],
)
def test_a_religious_title_before_either_name_is_polite(tmp_path: Path, client: str, note: str, greeting: str) -> None:
    world = World(tmp_path, client, [("2026-04-02T10:00:00", note)])
    assert world.kinds(f"{greeting}, the 60 folding chairs arrive Friday. Sam", AT) == set()


def test_a_religious_title_before_a_wrong_name_still_blocks(tmp_path: Path) -> None:
    world = World(tmp_path, "Tomasz Nowak", [("2026-04-02T10:00:00", "father tomasz wants 60 folding chairs")])
    assert world.kinds("Dear Fr. Marek, the 60 folding chairs arrive Friday. Sam", AT) == {"name_misuse"}


@pytest.mark.parametrize(
    ("note", "greeting"),
    [
        ("wants the 3 dental chairs serviced; her practice manager Ines books all visits", "Hi Ines"),
        ("wants the 3 dental chairs serviced. PA: Colm, he keeps her diary", "Hello Colm"),
        ("wants the 3 dental chairs serviced - book through Wiremu at the front desk", "Kia ora Wiremu"),
        ("wants the 3 dental chairs serviced, cc Yasmin (office) on every quote", "Hi Yasmin"),
        ("Rafael, her business partner, signs off on the 3 dental chairs", "Dear Rafael"),
    ],
)
def test_writing_to_the_contact_the_notes_name_is_no_misuse(tmp_path: Path, note: str, greeting: str) -> None:
    world = World(tmp_path, "Dr. Helen Price", [("2026-04-02T10:00:00", note)])
    assert world.kinds(f"{greeting},\nthe service of the 3 dental chairs is booked for Friday. Sam", AT) == set()


def test_a_relative_or_a_stranger_is_still_the_wrong_name(tmp_path: Path) -> None:
    notes = [("2026-04-02T10:00:00", "wants the 3 dental chairs serviced; her son Oisin starts at uni in June")]
    world = World(tmp_path, "Dr. Helen Price", notes)
    for greeting in ("Hi Oisin", "Hi Brendan"):
        assert world.kinds(f"{greeting},\nthe service of the 3 dental chairs is booked for Friday. Sam", AT) == {
            "name_misuse"
        }


@pytest.mark.parametrize(
    ("client", "note", "greeting"),
    [
        # a referrer: the note says how the client came, not whom to write to
        ("Sarah Lee", "Sarah came to us through Jessica at the gym. Wants the grey sectional.", "Hi Jessica"),
        # someone the client refuses to deal with
        ("Sarah Lee", "She doesn't want to deal with Mark again after the late delivery.", "Hi Mark"),
        ("Sarah Lee", "never ask for Bruno when she calls, wants the grey sectional", "Hi Bruno"),
        ("Sarah Lee", "won't go via Priya any more, wants the grey sectional", "Hi Priya"),
        # an ex-partner's contact
        ("Paul Adams", "Paul's ex-wife Claire used to speak to Marta at our Leeds branch.", "Hi Marta"),
        # a role under a negation is no contact either
        ("Paul Adams", "no longer uses his assistant Dermot, wants the grey sectional", "Hi Dermot"),
        ("Paul Adams", "do not cc Fintan on anything, wants the grey sectional", "Hi Fintan"),
    ],
)
def test_a_name_after_through_or_under_a_negation_is_no_contact(
    tmp_path: Path, client: str, note: str, greeting: str
) -> None:
    world = World(tmp_path, client, [("2026-04-02T10:00:00", note)])
    assert "name_misuse" in world.kinds(f"{greeting},\nthe grey sectional is in stock. Sam", AT)


@pytest.mark.parametrize(
    ("note", "greeting"),
    [
        ("Marta (his PA) books all visits", "Hi Marta"),
        ("all orders go through Keiko in purchasing", "Hi Keiko"),
        ("cc Leo on quotes", "Hi Leo"),
    ],
)
def test_a_role_or_an_instruction_still_makes_a_contact(tmp_path: Path, note: str, greeting: str) -> None:
    world = World(tmp_path, "Paul Adams", [("2026-04-02T10:00:00", note)])
    assert world.kinds(f"{greeting},\nthe grey sectional is in stock. Sam", AT) == set()
