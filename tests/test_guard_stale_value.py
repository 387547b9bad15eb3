"""A figure or date a later note replaced, stated as current, is wrong_fact (worlds invented here).

The notes are replayed as typed slots (`bot.guard.slots`): "went with the 55 litre after all",
"chairs down to 24", "moved the fitting to 18 mar", "launch 3 feb, not january" replace the earlier
value of the same slot. The stale value in a draft is wrong; the current one passes, and so does the
old one named as the past or a value of another slot.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from guard_cli import World

from bot.guard.slots import mentions, stale_values

AT = "2026-05-20T10:00:00"


def _world(tmp_path: Path, notes: list[str]) -> World:
    return World(tmp_path, "Ines Alvarez", [(f"2026-05-0{i + 1}T10:00:00", t) for i, t in enumerate(notes)])


@pytest.mark.parametrize(
    ("notes", "stale", "current"),
    [
        (
            [
                "ines alvarez, camping shop in leon. wants the 40L cooler box",
                "ines: went with the 55 litre one after all",
            ],
            "Hi Ines, your forty-litre cooler box ships on Monday. Pablo",
            "Hi Ines, your 55-litre cooler box ships on Monday. Pablo",
        ),
        (
            ["ines alvarez, cafe terrace. order of 30 folding chairs", "ines: chairs down to 24, terrace is smaller"],
            "Hi Ines, the 30 folding chairs are ready for collection. Pablo",
            "Hi Ines, the 24 folding chairs are ready for collection. Pablo",
        ),
        (
            [
                "ines alvarez. kitchen fitting booked 14 may",
                "fitter off sick, moved the fitting to 18 may. ines ok with it",
            ],
            "Hi Ines, just confirming the kitchen fitting on 14 May. Pablo",
            "Hi Ines, just confirming the kitchen fitting on 18 May. Pablo",
        ),
        (
            ["ines alvarez, bakery chain. wants the app launch early", "ines: launch 3 jun, not july, summer rush"],
            "Hi Ines, all set for the app launch on 10 July. Pablo",
            "Hi Ines, all set for the app launch on 3 June. Pablo",
        ),
        (
            ["ines alvarez, buying the flat on calle mayor. offered 240k", "vendor countered 255k, ines accepted"],
            "Hi Ines, great news that your 240k offer went through. Pablo",
            "Hi Ines, great news that the flat is agreed at 255k. Pablo",
        ),
    ],
)
def test_a_replaced_value_is_wrong_and_the_current_one_passes(
    tmp_path: Path, notes: list[str], stale: str, current: str
) -> None:
    w = _world(tmp_path, notes)
    found = [f for f in w.check(stale, AT)["findings"] if f["kind"] == "wrong_fact"]
    assert found and any("n1" in f["sources"] for f in found)  # cites the note that changed it
    assert "wrong_fact" not in w.kinds(current, AT)


@pytest.mark.parametrize(
    ("notes", "draft"),
    [
        # the old value named as the past, beside the new one
        (
            ["ines alvarez, cafe terrace. order of 30 folding chairs", "ines: chairs down to 24, terrace is smaller"],
            "Hi Ines, noted: 24 folding chairs instead of 30. Pablo",
        ),
        # a cue about another slot does not replace an unrelated figure of a different size
        (
            ["ines alvarez, gym owner. budget 50k for the rowing machines", "ines: deposit raised to 5k"],
            "Hi Ines, the rowing machines fit within your 50k budget. Pablo",
        ),
        # a difference is not the new value
        (
            ["ines alvarez. van listed at 31,000, her ceiling is 32k", "seller agreed to knock 2k off"],
            "Hi Ines, that still leaves the van under your 32k ceiling. Pablo",
        ),
    ],
)
def test_truthful_values_pass(tmp_path: Path, notes: list[str], draft: str) -> None:
    assert "wrong_fact" not in _world(tmp_path, notes).kinds(draft, AT)


def test_mentions_read_units_currencies_and_rejections() -> None:
    found = {
        (m.kind, m.value, m.unit, m.rejected)
        for m in mentions("the 23-litre tank, R3.5 million cover, 1 jan, not december")
    }
    assert ("measure", 23.0, "l", False) in found
    assert ("money", 3_500_000.0, "zar", False) in found
    assert ("date", (1, 1), "", False) in found
    assert ("month", (12, 0), "", True) in found


def test_a_value_stated_again_after_its_change_is_current() -> None:
    notes = [
        (datetime(2026, 1, 1), "a", "12 bouquets for the gala"),
        (datetime(2026, 1, 8), "b", "make it 15 bouquets"),
        (datetime(2026, 1, 15), "c", "back to 12 bouquets, budget cut"),
    ]
    assert stale_values(notes) == []
    assert [s.old.value for s in stale_values(notes[:2])] == [12.0]


def test_a_cue_replaces_the_nearest_figure_of_its_slot_only() -> None:
    notes = [
        (datetime(2026, 1, 1), "a", "budget up to $850k for a 2br condo"),
        (datetime(2026, 1, 8), "b", "offer $815k on unit 12"),
        (datetime(2026, 1, 15), "c", "seller countered $830k, accepted"),
    ]
    stale = {(s.old.value, s.new.value) for s in stale_values(notes)}
    assert stale == {(815_000.0, 830_000.0)}


@pytest.mark.parametrize(
    ("notes", "wrong", "right"),
    [
        (
            # 50k is 100 x 500 of the note's own figures: a product of a short form is no working-out
            ["ines alvarez, nut roaster. pouches in 250g and 500g, 100k units, matte"],
            "Hi Ines, the sample run ships soon: 50k units in matte. Pablo",
            "Hi Ines, the sample run ships soon: 100k units in matte. Pablo",
        ),
        (
            ["ines alvarez, florist supply. wants 100k paper sleeves, kraft, artwork by june"],
            "Hi Ines, the sample run of 50k paper sleeves ships next week. Pablo",
            "Hi Ines, the sample run for your 100k paper sleeves ships next week. Pablo",
        ),
        (
            ["ines alvarez, 41, two kids. wants term life cover of R3.5 million over 20 years"],
            "Hi Ines, confirming your term life cover of R2.5 million. Pablo",
            "Hi Ines, confirming your term life cover of R3.5 million. Pablo",
        ),
        (
            ["ines alvarez, marina in cadiz. wants a 9m rib for the dive school"],
            "Hi Ines, the 11-metre rib for the dive school is ready to view. Pablo",
            "Hi Ines, the 9-metre rib for the dive school is ready to view. Pablo",
        ),
    ],
)
def test_a_figure_the_notes_give_otherwise_is_wrong(tmp_path: Path, notes: list[str], wrong: str, right: str) -> None:
    w = _world(tmp_path, notes)
    assert "wrong_fact" in w.kinds(wrong, AT)
    assert "wrong_fact" not in w.kinds(right, AT)


@pytest.mark.parametrize(
    "draft",
    [
        # worked out from the notes' figures: a total and a saving
        "Hi Ines, 6 boxes at €45 each comes to €270 for the paper sleeves. Pablo",
        # the figure written glued in the note ("400tc") or short ("1.2 mi")
        "Hi Ines, the 400-thread-count sheets are back in stock. Pablo",
        "Hi Ines, the warehouse unit is listed at 1.2 million. Pablo",
    ],
)
def test_figures_the_notes_hold_pass(tmp_path: Path, draft: str) -> None:
    notes = [
        "ines alvarez, hotel in cadiz. 6 boxes of paper sleeves at €45 each. likes the 400tc sheets",
        "ines: warehouse unit listed 1.2 mi, she may buy it",
    ]
    assert "wrong_fact" not in _world(tmp_path, notes).kinds(draft, AT)


def test_a_value_replaced_by_the_same_nouns_blocks_and_one_replaced_as_the_nearest_warns(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    named = _world(tmp_path / "a", ["ines alvarez, cafe terrace. 30 folding chairs", "ines: chairs down to 24"])
    verdicts = [f["verdict"] for f in named.check("Hi Ines, the 30 folding chairs are ready. Pablo", AT)["findings"]]
    assert "block" in verdicts
    nearest = _world(tmp_path / "b", ["ines alvarez, flat on calle mayor. offered 240k", "vendor countered 255k"])
    found = [
        f for f in nearest.check("Hi Ines, your 240k offer is in. Pablo", AT)["findings"] if f["kind"] == "wrong_fact"
    ]
    assert found and {f["verdict"] for f in found} == {"warn"}


def test_notes_of_one_minute_are_read_in_the_order_they_were_written() -> None:
    at = datetime(2026, 3, 2, 9, 30)
    newest_first = [(at, "b", "make it 8 bikes"), (at, "a", "5 cargo bikes on lease")]
    assert [(s.old.value, s.new.value) for s in stale_values(newest_first)] == [(5.0, 8.0)]
