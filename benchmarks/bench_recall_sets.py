"""Recall sets 5 and 6 (long histories written blind, now development data): variants side by side.

    .venv/bin/python -m benchmarks.bench_recall_sets --data /tmp/r          # every variant, both sets
    .venv/bin/python -m benchmarks.bench_recall_sets --data /tmp/r --variants today,"today + session 0.2"

Each set is imported once (kept under --data/<set>, reused) and every variant runs on the same
data, so the variants compare in one run. Split discipline, by history: recall5's first six
histories are its *tune* half (as in bench_recall5), recall6's odd-numbered histories (h01, h03,
h05, h07, h09) are *tune*, the even ones *check*. Choose on the tune halves; report all.
Each variant is ``Memory.search`` (what `chet search --queries` runs) with ``Weights`` changed.
Writes benchmarks/results/recall_sets_variants.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from benchmarks.bench_recall import RESULTS
from benchmarks.bench_recall5 import BEFORE, open_memory_at, run_variant
from benchmarks.jsonl import read_jsonl
from memory.importer import parse_lines
from memory.recall import Weights

DATA = Path(__file__).parent / "data"
TYPES = ("single-hop", "multi-hop", "temporal", "open-domain", "adversarial")


def _recall5_half(evidence: list[str]) -> str:
    return "tune" if evidence[0].startswith(("p1-", "t22-", "t03-", "sc-", "ho-", "t30-")) else "check"


def _recall6_half(evidence: list[str]) -> str:
    return "tune" if int(evidence[0][1:3]) % 2 == 1 else "check"  # ids hNN-sSS-tTT


def _held_out(evidence: list[str]) -> str:
    return "check"  # recall8 (issue 17, session 9): held out whole; run at the start and the end only


def _all_tune(evidence: list[str]) -> str:
    return "tune"


# recall7: odd histories tune, even ones held out in session 8; all of recall5-7 is tune data since session 9.
# Session 12: recall5..10 are tune data whole; recall11 (the latest blind first run) is split by history,
# odd ones tune, even ones held out (run, scores read per type only).
SETS: dict[str, Callable[[list[str]], str]] = {
    "recall11": _recall6_half,
    "recall10": _all_tune,
    "recall9": _all_tune,
    "recall8": _held_out,
    "recall7": _recall6_half,
    "recall6": _recall6_half,
    "recall5": _recall5_half,
}

_W = Weights()
VARIANTS: dict[str, Weights] = {
    "before": BEFORE,
    "today": _W,
    "today - learned": replace(_W, learned=False),
    "today + split 0.3": replace(_W, split=0.3),
    "today + split 0.3, pairs": replace(_W, split=0.3, pairs=True),
    "today + split rrf 0.5, pairs": replace(_W, split=0.5, split_method="rrf", pairs=True),
    "today + split rrf 1.0, pairs": replace(_W, split=1.0, split_method="rrf", pairs=True),
    "today + spread 0.05": replace(_W, spread=0.05),
    "today + spread over time 0.05": replace(_W, spread_over_time=0.05),
    "today + spread over time 0.1": replace(_W, spread_over_time=0.1),
    "today + spread over time 0.2": replace(_W, spread_over_time=0.2),
    "today + session 0.1": replace(_W, session=0.1),
    "today + session 0.2": replace(_W, session=0.2),
    "today + session 0.4": replace(_W, session=0.4),
    "today + session 0.6": replace(_W, session=0.6),
    "today + session 0.8": replace(_W, session=0.8),
    "today + session 0.4, split rrf 0.5, pairs": replace(_W, session=0.4, split=0.5, split_method="rrf", pairs=True),
    "today + pool 100": replace(_W, pool=100),
    "today + pool 150": replace(_W, pool=150),
    "today + pool 150 + session 0.4": replace(_W, pool=150, session=0.4),
    "today - first": replace(_W, first_at=0),
    "today + first at 2": replace(_W, first_at=2),
}


def score(
    results: dict[str, list[str]], answers: dict[str, dict[str, Any]], half: Callable[[list[str]], str]
) -> dict[str, Any]:
    """recall@5/@10 per half, overall and by type."""
    groups: dict[str, dict[int, list[float]]] = {}
    for qid, ans in answers.items():
        got = results.get(qid, [])
        ev = set(ans["evidence"])
        if not ev:  # recall11's adversarial questions about things never mentioned: not scored (as its score.py)
            continue
        part = half(ans["evidence"])
        for k in (5, 10):
            r = len(ev & set(got[:k])) / len(ev)
            for g in (part, f"{part}:{ans['type']}", "all", f"all:{ans['type']}"):
                groups.setdefault(g, {5: [], 10: []})[k].append(r)
    return {
        g: {"n": len(v[5]), "r@5": round(statistics.fmean(v[5]), 3), "r@10": round(statistics.fmean(v[10]), 3)}
        for g, v in sorted(groups.items())
    }


def main(argv: list[str] | None = None) -> int:
    """Import each set once, search under each variant, print recall per half and type."""
    parser = argparse.ArgumentParser(prog="bench_recall_sets", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a data dir to keep (each set imported once)")
    parser.add_argument("--variants", help="comma-separated variant names (default: all)")
    parser.add_argument("--sets", default="recall11,recall10,recall9,recall8,recall7,recall6,recall5")
    parser.add_argument("--out", type=Path, default=RESULTS / "recall_sets_variants.json")
    args = parser.parse_args(argv)
    names = args.variants.split(",") if args.variants else list(VARIANTS)
    report: dict[str, Any] = {}
    for set_name in args.sets.split(","):
        half = SETS[set_name]
        queries = read_jsonl(DATA / set_name / "queries.jsonl")
        answers = {a["qid"]: a for a in read_jsonl(DATA / set_name / "answers.jsonl")}
        memory = open_memory_at(args.data / set_name)
        items = parse_lines((DATA / set_name / "notes.jsonl").read_bytes(), ZoneInfo("UTC"))
        t0 = time.perf_counter()
        memory.import_notes(items)
        out: dict[str, Any] = {"import_s": round(time.perf_counter() - t0, 1), "variants": {}}
        print(f"{set_name}: import {out['import_s']} s", flush=True)
        for name in names:
            weights = VARIANTS[name]
            cpu0 = time.process_time()
            results, ms = run_variant(memory, weights, queries)
            cpu = time.process_time() - cpu0
            res = score(results, answers, half)
            out["variants"][name] = {
                "weights": asdict(weights),
                "median_ms": round(ms, 1),
                "cpu_ms_per_query": round(cpu * 1000 / len(queries), 1),
                "load_avg_1m": round(os.getloadavg()[0], 1),
                "scores": res,
            }
            line = " | ".join(
                f"{p} {res[p]['r@5']:.3f}/{res[p]['r@10']:.3f}" for p in ("tune", "check", "all") if p in res
            )
            kinds = " ".join(
                f"{t[:5]} " + "/".join(f"{res[f'{p}:{t}']['r@10']:.2f}" for p in ("tune", "check") if f"{p}:{t}" in res)
                for t in TYPES
            )
            print(
                f"  {name:28} {line} | r@10 tune/check {kinds} | {cpu * 1000 / len(queries):.0f} cpu ms/q", flush=True
            )
        report[set_name] = out
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
