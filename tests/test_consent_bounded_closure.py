"""A closure the fallback reads only in part: a bound it reads ends it, a non-contact act is no scope, and what it
cannot read warns and ends (issue 14: a slot it cannot read never widens the scope). Invented worlds and notes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from guard_cli import World

from memory.consent_scope import note_scopes

NOTED = datetime(2026, 11, 3, 9)

KILNS = [
    ("2026-11-01T10:00:00", "tomasz wrona, pottery studio in leeds, wants 2 electric kilns"),
    ("2026-11-03T09:00:00", "tomasz: leave him alone until 14 dec, he'll ring us when the studio is open"),
]
KILN_DRAFT = "Hi Tomasz, could you confirm the order for the 2 electric kilns this week? Best, Ruth"


def test_a_bounded_leave_alone_is_a_pause_that_ends(tmp_path: Path) -> None:
    world = World(tmp_path, "Tomasz Wrona", KILNS)
    assert world.kinds(KILN_DRAFT, "2026-11-20T10:00") == {"too_frequent"}  # a rest during the bound, no block
    assert world.kinds(KILN_DRAFT, "2026-12-20T10:00") == set()  # over after it: never a permanent closure


def test_a_return_ends_a_bounded_leave_alone_sooner(tmp_path: Path) -> None:
    back = ("2026-11-18T10:00:00", "tomasz called, he's back at the studio and wants the kiln quote")
    assert World(tmp_path, "Tomasz Wrona", [*KILNS, back]).kinds(KILN_DRAFT, "2026-11-20T10:00") == set()


@pytest.mark.parametrize(
    "note",
    [
        "parish council votes on the roof on 9 feb, not before",
        "nothing ordered before 20 jan, budget freeze",
        "la junta de vecinos vota el 12 de enero, no antes",
        "o conselho decide a 3 de fevereiro, não antes",
        "the partners decide feb 2, not before",
    ],
)
def test_a_negation_of_a_non_contact_act_is_no_contact_scope(note: str) -> None:
    scopes, _ = note_scopes("n", note, NOTED)
    assert not [s for s in scopes if s.kind == "closed"]


def test_a_vote_date_does_not_block_a_truthful_draft(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Ines Duarte",
        [
            ("2026-11-01T10:00:00", "ines duarte, cooperative winery in evora, 6 steel tanks quoted"),
            ("2026-11-02T10:00:00", "ines: the co-op board votes 12 jan, not before"),
        ],
    )
    draft = "Hi Ines, here is the tank quote again for the board meeting on 12 January. Best, Rui"
    assert "no_consent" not in world.kinds(draft, "2026-11-10T10:00")


def test_an_unread_bare_refusal_warns_and_ends() -> None:
    (scope,) = [s for s in note_scopes("n", "nothing before the audit, she said", NOTED)[0] if s.kind == "closed"]
    assert scope.qualified and scope.end is not None


def test_an_elliptic_not_before_of_a_contact_act_closes_that_channel_until_its_date() -> None:
    (scope,) = note_scopes("n", "ring her 3 mar, not before", NOTED)[0]
    assert scope.kind == "closed" and scope.channel == "phone" and scope.end is not None and scope.end.month == 3
