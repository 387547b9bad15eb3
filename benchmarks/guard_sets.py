"""Guard case sets as data: JSON Lines files under `benchmarks/data/`, read by one loader.

A line is one case: `{"id", "group", "client", "notes": [{"id","client","text","at"}], "text", "at",
"expect": "pass"|"flag", "kinds": [...], "severity"?}`. The notes of a group are imported once with
`chet import`, then every case of the group is checked with `chet check CLIENT --text-file F --at T`.
`kinds[0]` is the primary label; any listed kind counts as caught.

The three `dev` sets were first written blind (their first-run results are kept in
`benchmarks/results/guard_heldout*_firstrun.json`) and the guard was then tuned on them, so they are
development data now, not a measure of unseen text. A fresh blind set is run with `--cases PATH`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from benchmarks.jsonl import numbered_lines

DATA = Path(__file__).parent / "data"
DEV_SETS: dict[str, Path] = {
    "dev1": DATA / "guard_dev1.jsonl",
    "dev2": DATA / "guard_dev2.jsonl",
    "dev3": DATA / "guard_dev3.jsonl",
    "dev4": DATA / "guard_dev4.jsonl",
    "dev5": DATA / "guard_dev5.jsonl",  # blind set 5, first run 2026-12-07; dev data since
    "dev6": DATA / "guard_dev6.jsonl",  # blind set 6, first run 2026-12-07 (session 7); dev data since
    "dev7": DATA / "guard_dev7.jsonl",  # blind set 7, first run 2026-12-07 (session 8); dev data since
    "dev8": DATA / "guard_dev8.jsonl",  # blind set 8, first run 2026-12-07 (session 9); dev data since
    "dev9": DATA / "guard_dev9.jsonl",  # blind set 9, first run 2026-12-07 (session 10); dev data since
    "dev10": DATA / "guard_dev10.jsonl",  # blind set 10, first run 2026-12-07 (session 11); dev data since
    "dev11": DATA / "guard_dev11.jsonl",  # blind set 11, first run 2026-12-07 (session 12); dev data since
    "days": DATA / "guard_days.jsonl",
}
_REQUIRED = ("id", "group", "client", "notes", "text", "at", "expect", "kinds")


class CaseFormatError(ValueError):
    """A cases file line that is not a case of the documented format."""


def load_cases(path: Path) -> list[dict[str, Any]]:
    """Every case of a JSON Lines set, checked for the required fields (the error names the line)."""
    cases = []
    for number, case in numbered_lines(path, CaseFormatError):
        missing = [k for k in _REQUIRED if k not in case]
        if missing:
            raise CaseFormatError(f"{path}:{number}: missing {', '.join(missing)}")
        if case["expect"] not in ("pass", "flag") or (case["expect"] == "flag") != bool(case["kinds"]):
            raise CaseFormatError(f"{path}:{number}: expect must be 'pass' with no kinds or 'flag' with kinds")
        cases.append(case)
    return cases


def group_cases(cases: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Cases by scenario group, in file order (a group shares one import of notes)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        groups[case["group"]].append(case)
    return dict(groups)
