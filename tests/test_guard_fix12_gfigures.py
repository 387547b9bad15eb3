"""Review fixes (session 12): a refused day for an activity still flags a draft proposing it on that day, and a value
only asked about ("whether we can do 150") changes no recorded figure."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"


@pytest.mark.parametrize(
    ("client", "note", "draft"),
    [
        (
            "Pieter de Vries",
            "pieter de vries, flower shop in utrecht. no sunday deliveries, the shop is shut",
            "Hi Pieter, our van can deliver the tulips on Sunday 22 March.",
        ),
        (
            "Aiko Tanaka",
            "aiko runs a dental clinic. no evening visits, she leaves at five",
            "Hi Aiko, I can do an evening visit on Thursday to show the new scaler.",
        ),
        (
            "Gustavo Lima",
            "gustavo lima, tailor's client. no saturday fittings, he coaches football then",
            "Hi Gustavo, shall we book your fitting for Saturday morning?",
        ),
    ],
)
def test_a_refused_day_for_an_activity_still_flags_it(tmp_path: Path, client: str, note: str, draft: str) -> None:
    world = World(tmp_path, client, [("2026-03-01T10:00:00", note)])
    assert "contradicts_preference" in world.kinds(draft, AT)


@pytest.mark.parametrize(
    ("client", "note", "draft"),
    [
        (
            "Hamid Rahimi",
            "hamid buys 80 chef jackets at GBP 32 each. he asked whether we can do 100 jackets by spring",
            "Dear Hamid, your 80 chef jackets at GBP 32 each come to GBP 2,560.",
        ),
        (
            "Sofia Moreau",
            "sofia orders 40 crates of apples at EUR 18. asked if we can do 60 crates in october",
            "Bonjour Sofia, the 40 crates of apples at EUR 18 each come to EUR 720.",
        ),
        (
            "Tomas Novak",
            "tomas takes 300 m of copper pipe. can we do 450 m for his next site?",
            "Hi Tomas, the 300 m of copper pipe is booked for Tuesday.",
        ),
    ],
)
def test_a_value_asked_about_changes_nothing(tmp_path: Path, client: str, note: str, draft: str) -> None:
    world = World(tmp_path, client, [("2026-03-01T10:00:00", note)])
    assert "wrong_fact" not in world.kinds(draft, AT)


def test_an_answered_counter_still_changes_the_value(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Hamid Rahimi",
        [
            ("2026-03-01T10:00:00", "hamid buys 80 chef jackets at GBP 32 each"),
            ("2026-03-05T10:00:00", "told hamid we can do 100 chef jackets, he agreed"),
        ],
    )
    assert "wrong_fact" in world.kinds("Dear Hamid, your 80 chef jackets come to GBP 2,560.", AT)
