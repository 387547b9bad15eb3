"""A date Chet itself read from the notes (a promise's due day) is evidence: its own draft is not a wrong fact."""

from __future__ import annotations

from pathlib import Path

from tests.guard_cli import World


def test_a_promised_day_beside_a_relatives_birthday_is_no_wrong_date(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Odile Marchand",
        [
            (
                "2026-12-07T10:00:00",
                "lunch w odile marchand, wants the oak shelving. her daughter lena turns 6 on april 9. "
                "promised a shipping quote by thursday",
            )
        ],
    )
    doc = world.check(
        "Hi Odile, as promised, the shipping quote will be with you by Thursday 10 December.", "2026-12-07T15:00:00"
    )
    assert doc["verdict"] == "pass", doc
