"""The truth guard on a sample of each held-out set, through `chet import` + `chet check` in-process.

The sets were written without looking at the guard's rules: `heldout` (benchmarks/guard_heldout.jsonl)
and `heldout2` (benchmarks/guard_heldout2.py, new domains: insurance, renewals, real estate, cars,
weddings, medical devices, wine, freight, fitness, recruiting). The full runs, through subprocesses,
are `python -m benchmarks.bench_guard_cli [--set heldout2]`. These samples keep regressions visible.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root, for `benchmarks` (not installed)

from benchmarks.bench_guard_cli import SETS, group_cases, load_cases, run_group, summarise

MIN_CATCH = 0.9
MAX_FALSE_ALARMS = 0.1


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHET_OFFLINE", "1")  # conftest's clean_env already cleared keys, data dirs and .env


@pytest.mark.parametrize(("name", "first"), [("heldout", 0), ("heldout2", 1)])
def test_heldout_sample_meets_the_goal(name: str, first: int) -> None:
    groups = list(group_cases(load_cases(SETS[name][0])).values())
    sample = groups[first::2]  # every other scenario: about half the cases, both kinds in each
    outcomes = [o for g in sample for o in run_group(g, fast=True)]
    summary = summarise(outcomes)
    misses = [
        (o.case["id"], o.case["kinds"], [f["kind"] for f in o.findings])
        for o in outcomes
        if o.case["kinds"] and not o.caught
    ]
    alarms = [(o.case["id"], [f["kind"] for f in o.findings]) for o in outcomes if not o.case["kinds"] and o.flagged]
    assert summary["errors"] == 0
    assert summary["planted"] >= 60 and summary["truthful"] >= 60
    assert summary["catch_rate"] >= MIN_CATCH, misses
    assert summary["false_alarm_rate"] <= MAX_FALSE_ALARMS, alarms
