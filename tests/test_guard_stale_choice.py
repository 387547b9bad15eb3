"""Stale values read the way the profile reads them (usertest 9 findings 4, 5, 17; worlds invented here).

A number inside a model or kind name ("the 2-seat sofa not the 3 seat") is part of a choice: the
choice a later note makes current passes and the one it replaced is flagged, never backwards. A
correction whose old value lacks its unit ("60 litres not 45", "$9,800 is too steep ... at 9,200
each") still makes the old value stale. An ordinal day ("for the 22nd") is a date, not an age.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from guard_cli import World

AT = "2026-05-20T10:00:00"


def _world(tmp_path: Path, client: str, notes: list[str]) -> World:
    return World(tmp_path, client, [(f"2026-05-0{i + 1}T10:00:00", t) for i, t in enumerate(notes)])


def _wrong(doc: dict[str, Any]) -> list[dict[str, str]]:
    """The wrong_fact findings of a `chet check --json` document."""
    return [f for f in doc["findings"] if f["kind"] == "wrong_fact"]


@pytest.mark.parametrize(
    ("client", "notes", "current", "stale"),
    [
        (  # furniture: a seat count names the sofa model
            "Ada Berg",
            ["wants the 2-seat oslo sofa not the 3 seat", "she wants the 3 seat after all, living room is bigger"],
            "Hi Ada, confirming the 3 seat Oslo sofa in grey.",
            "Hi Ada, confirming the 2-seat Oslo sofa in grey.",
        ),
        (  # coffee machines: group heads name the model
            "Mai Tran",
            ["wants the 2-group linea not the 3 group", "she wants the 3 group after all, budget went up to 24k"],
            "Hi Mai, confirming the 3 group Linea for the new site.",
            "Hi Mai, confirming the 2-group Linea for the new site.",
        ),
        (  # bikes: a gear count names the drivetrain
            "Ravi Shah",
            ["going for the 11-speed groupset not the 12 speed", "ravi: the 12 speed after all, he races now"],
            "Hi Ravi, the 12 speed groupset is in stock.",
            "Hi Ravi, the 11-speed groupset is in stock.",
        ),
    ],
)
def test_a_number_in_a_model_name_is_a_choice_read_forwards(
    tmp_path: Path, client: str, notes: list[str], current: str, stale: str
) -> None:
    world = _world(tmp_path, client, notes)
    assert _wrong(world.check(current, AT)) == []
    found = _wrong(world.check(stale, AT))
    assert found, stale
    # The finding names the current choice as the change, never the stale one.
    now = current.split(" the ", 1)[1].split()[0]
    assert all(f"changed this to {now}" in f["message"] for f in found if "changed this to" in f["message"]), found


@pytest.mark.parametrize(
    ("client", "notes", "stale", "current"),
    [
        (  # coffee roaster: a unitless old weight
            "Siobhan Kelly",
            ["siobhan, cafe in galway. monthly order of beans", "now wants 50kg not 40"],
            "Hi Siobhan, quick whatsapp to confirm your 40kg monthly order.",
            "Hi Siobhan, quick whatsapp to confirm your 50kg monthly order.",
        ),
        (  # brewery: a unitless old volume
            "Olaf Lund",
            ["olaf, taproom. weekly cask order", "olaf: now 60 litres a week not 45"],
            "Hi Olaf, your 45 litres are on the van this week.",
            "Hi Olaf, your 60 litres are on the van this week.",
        ),
        (  # espresso machines: a price ruled too high, then agreed without its currency
            "Tomasz Nowak",
            ["tomasz, bakery. quoted 2 eagle ones, he said $14,500 is too high", "agreed 2 eagle ones at 13,900 each"],
            "Hi Tomasz, thanks for agreeing to 2 Eagle Ones at $14,500 each.",
            "Hi Tomasz, thanks for agreeing to 2 Eagle Ones at $13,900 each.",
        ),
        (  # cars: a price the client found too steep
            "Lena Vogt",
            ["lena wants the estate, said €32,000 is too steep", "settled at 30,500 each for the two estates"],
            "Hi Lena, the two estates at €32,000 each are ready.",
            "Hi Lena, the two estates at €30,500 each are ready.",
        ),
    ],
)
def test_an_old_value_without_its_unit_is_still_stale(
    tmp_path: Path, client: str, notes: list[str], stale: str, current: str
) -> None:
    world = _world(tmp_path, client, notes)
    assert _wrong(world.check(stale, AT)), stale
    assert _wrong(world.check(current, AT)) == []


@pytest.mark.parametrize(
    ("note", "truthful", "wrong_age"),
    [
        (
            "her daughter Linh turns 10 on 19 May",
            "Happy early birthday to Linh for the 19th!",
            "Happy early 11th birthday to Linh!",
        ),
        (
            "her son Bo turns 7 on 22 May",
            "Hi Hoa, a happy early birthday to Bo for the 22nd!",
            "Hi Hoa, happy 8th birthday to Bo!",
        ),
    ],
)
def test_an_ordinal_day_is_a_date_not_an_age(tmp_path: Path, note: str, truthful: str, wrong_age: str) -> None:
    world = _world(tmp_path, "Hoa Pham", ["hoa pham, toy shop owner", note])
    assert _wrong(world.check(truthful, "2026-05-12T10:00:00")) == []
    assert _wrong(world.check(wrong_age, "2026-05-12T10:00:00")), wrong_age
