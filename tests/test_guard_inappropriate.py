"""inappropriate: an event far from the client (any town of the gazetteer), a business ask after bad news.

The worlds are invented for these tests (not from a benchmark set).
"""

from __future__ import annotations

from pathlib import Path

from guard_cli import World

from bot.guard.geo import _near, delimited_towns, wide_place


def test_a_town_given_as_a_whole_segment_of_a_note_is_found() -> None:
    towns = [name for name, _ in delimited_towns("ros penhale, owns Penhale Pottery, truro. wants 2 kilns")]
    assert towns == ["truro"]
    assert list(delimited_towns("wedding in march. wants the deal by may")) == []


def test_a_name_borne_by_several_towns_is_read_as_the_nearest() -> None:
    whitby, scarborough = wide_place("Whitby"), wide_place("Scarborough")
    assert whitby is not None and scarborough is not None
    assert _near(whitby, scarborough)  # Whitby, Yorkshire, not Whitby, Ontario


def test_an_invitation_far_from_the_client_warns_and_a_near_one_passes(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Ros Penhale",
        [
            ("2026-02-02T10:00:00", "ros penhale, owns Penhale Pottery, truro. wants 2 electric kilns, 80L"),
            ("2026-02-09T10:00:00", "quoted ros 4,200 for both kilns fitted"),
        ],
    )
    far = "Hi Ros, we're holding a kiln open day at our Aberdeen workshop on 3 March - would you like to come up?"
    near = "Hi Ros, we're holding a kiln open day at our Plymouth workshop on 3 March - would you like to come along?"
    assert world.kinds(far, "2026-02-12T10:00") == {"inappropriate"}
    assert world.kinds(near, "2026-02-12T10:00") == set()


def test_a_business_ask_after_bad_news_warns_and_a_gentle_note_passes(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Colm Baird",
        [
            ("2026-05-04T10:00:00", "colm baird, bakery in sligo, looking at a new 10-tray deck oven, 9,800"),
            ("2026-05-20T10:00:00", "colm's wife was rushed into hospital, he's closed the bakery for now"),
        ],
    )
    pushy = "Hi Colm, so sorry to hear about your wife. The deck oven is still available - shall I reserve it for you?"
    gentle = "Hi Colm, so sorry to hear about your wife. Thinking of you both - the oven can wait, no rush at all."
    assert world.kinds(pushy, "2026-05-22T10:00") == {"inappropriate"}
    assert world.kinds(gentle, "2026-05-22T10:00") == set()
