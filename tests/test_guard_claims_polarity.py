"""Two claim rules on worlds invented here: a draft that reverses a recorded term ("delivery not included"
when the note says it is) warns as wrong_fact; a draft that changes a figure to one no note gives ("will
bring your premium down to 900") warns as unsupported_claim. Truthful drafts pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-06-20T10:00:00"


def _world(tmp_path: Path, notes: list[str]) -> World:
    return World(tmp_path, "Oskar Lind", [(f"2026-06-0{i + 1}T10:00:00", t) for i, t in enumerate(notes)])


@pytest.mark.parametrize(
    ("notes", "reversed_", "kept"),
    [
        (
            ["oskar lind, sauna builder. quote for 3 cabins, delivery included, wants cedar"],
            "Hi Oskar, the quote for the 3 cedar cabins is attached; delivery is not included. Maja",
            "Hi Oskar, the quote for the 3 cedar cabins is attached, delivery included. Maja",
        ),
        (
            ["oskar lind, bakery van. the van is insured through us since march"],
            "Hi Oskar, a reminder that the bakery van isn't insured yet. Maja",
            "Hi Oskar, a reminder that the bakery van is insured with us. Maja",
        ),
        (
            ["oskar lind. the loft conversion plans were approved by the council last week"],
            "Hi Oskar, sorry the loft conversion plans were not approved. Maja",
            "Hi Oskar, great that the council approved the loft conversion plans. Maja",
        ),
    ],
)
def test_a_reversed_term_warns(tmp_path: Path, notes: list[str], reversed_: str, kept: str) -> None:
    w = _world(tmp_path, notes)
    found = [f for f in w.check(reversed_, AT)["findings"] if f["kind"] == "wrong_fact"]
    assert found and all(f["verdict"] == "warn" for f in found)
    assert "wrong_fact" not in w.kinds(kept, AT)


@pytest.mark.parametrize(
    ("notes", "draft"),
    [
        # the latest note says no as well
        (
            ["oskar lind. install included in the price", "oskar: install not included after all, his own fitter"],
            "Hi Oskar, as agreed the install is not included. Maja",
        ),
        # a note says no in its own words
        (
            ["oskar lind. rejected the extended warranty, too pricey"],
            "Hi Oskar, the extended warranty is not included, as you wished. Maja",
        ),
        # "not" before a thing, not a state
        (
            ["oskar lind. wants the walnut desk, delivered to the office"],
            "Hi Oskar, not the oak after all, the walnut desk it is. Maja",
        ),
    ],
)
def test_a_term_the_notes_agree_with_passes(tmp_path: Path, notes: list[str], draft: str) -> None:
    assert "wrong_fact" not in _world(tmp_path, notes).kinds(draft, AT)


def test_a_figure_no_note_gives_warns_and_a_recorded_one_passes(tmp_path: Path) -> None:
    w = _world(tmp_path, ["oskar lind, fleet of 4 vans. premium 1,400 a year, wants it lower. quoted 1,150 with us"])
    found = [f for f in w.check("Hi Oskar, we will bring your premium down to 900. Maja", AT)["findings"]]
    assert [f["verdict"] for f in found if f["kind"] == "unsupported_claim"] == ["warn"]
    assert "unsupported_claim" not in w.kinds("Hi Oskar, we can bring your premium down to 1,150. Maja", AT)
    assert "unsupported_claim" not in w.kinds("Hi Oskar, switching saves you 250 a year on the premium. Maja", AT)
