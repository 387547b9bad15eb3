"""The truth guard on a sample of the second held-out set, through `chet import` + `chet check` in-process.

The set (benchmarks/guard_heldout2.py, new domains: insurance, renewals, real estate, cars, weddings, medical
devices, wine, freight, fitness, recruiting) was written without looking at the guard's rules; the full run,
through subprocesses, is `python -m benchmarks.bench_guard_cli --set heldout2`.
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
def offline_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHET_DATA_DIR", "CHET_USER", "CHET_TZ"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("CHET_OFFLINE", "1")
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))  # no stray .env


def test_heldout2_sample_meets_the_goal() -> None:
    groups = list(group_cases(load_cases(SETS["heldout2"][0])).values())
    sample = groups[1::2]  # every other scenario: about half the cases, both kinds in each
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
