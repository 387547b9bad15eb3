"""Recall set 5 (12 long histories written blind, now development data): variants side by side, one import.

    .venv/bin/python -m benchmarks.bench_recall5                       # every variant, tune and held-out halves
    .venv/bin/python -m benchmarks.bench_recall5 --data /tmp/r5        # keep the imported data dir between runs
    .venv/bin/python -m benchmarks.bench_recall5 --variants today,time

Split discipline: the set's first six histories (as its README lists them: Priya Shah, thread-22,
thread-03, Sam Carter, Helen Okafor, thread-30) are the *tune* half, the last six the *held-out*
half. A question belongs to the history of its evidence. Choose on the tune half; report both.
The set was run blind once (results/recall5_firstrun.json); every figure here is a development figure.
Each variant is ``Memory.search`` (what `chet search --queries` runs) with one ``Weights`` field changed.
Writes benchmarks/results/recall5_variants.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from benchmarks.bench_recall import RESULTS
from benchmarks.jsonl import read_jsonl
from memory.importer import parse_lines
from memory.recall import Weights
from memory.service import Memory

DATA = Path(__file__).parent / "data" / "recall5"
TUNE = ("p1-", "t22-", "t03-", "sc-", "ho-", "t30-")  # note-id prefixes of the first six histories

# "before": the weights when issue 17's recall work started (the blind first run's); "today": the defaults,
# chosen on the tune half; "today - X": one of today's choices undone; the rest were tried and dropped
# (benchmarks/NOTES-recall.md).
BEFORE = Weights(reply=0.0, when=0.0, period=0.0, coverage=0.0, learned=False)
_W = Weights()
VARIANTS: dict[str, Weights] = {
    "before": BEFORE,
    "today": _W,
    "today - reply": replace(_W, reply=0.0),
    "today - when": replace(_W, when=0.0),
    "today - period": replace(_W, period=0.0),
    "today - coverage": replace(_W, coverage=0.0),
    "today + dense 1.3": replace(_W, dense=1.3),
    "today + window 0.5": replace(_W, window=0.5),
    "today + dense 1.3, window 0.5": replace(_W, dense=1.3, window=0.5),
    "today + coverage 0.7": replace(_W, coverage=0.7),
    "today + when 0.3": replace(_W, when=0.3),
    "today + spread 0.05": replace(_W, spread=0.05),
    "today + split 0.3": replace(_W, split=0.3),
    "today + rrf": replace(_W, method="rrf"),
}


def open_memory_at(data: Path) -> Memory:
    """A Memory for user 'bench' at `data`, built the way the CLI builds it."""
    from bot.runtime import Runtime
    from bot.settings import Settings

    data.mkdir(parents=True, exist_ok=True)
    settings = Settings(chet_data_dir=data, chet_offline=True, _env_file=None)
    return Runtime(settings).memory("bench")


def import_set(memory: Memory) -> float:
    """Import recall5's notes (skipped when already there); returns the seconds it took."""
    items = parse_lines((DATA / "notes.jsonl").read_bytes(), ZoneInfo("UTC"))
    t0 = time.perf_counter()
    memory.import_notes(items)
    return time.perf_counter() - t0


def half(evidence: list[str]) -> str:
    """'tune' or 'held-out': the half of the question's history."""
    return "tune" if evidence[0].startswith(TUNE) else "held-out"


def score(results: dict[str, list[str]], answers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """recall@5/@10 per half, overall and by type."""
    groups: dict[str, dict[int, list[float]]] = {}
    for qid, ans in answers.items():
        got = results.get(qid, [])
        ev = set(ans["evidence"])
        part = half(ans["evidence"])
        for k in (5, 10):
            r = len(ev & set(got[:k])) / len(ev)
            for g in (part, f"{part}:{ans['type']}", "all"):
                groups.setdefault(g, {5: [], 10: []})[k].append(r)
    return {
        g: {"n": len(v[5]), "r@5": round(statistics.fmean(v[5]), 3), "r@10": round(statistics.fmean(v[10]), 3)}
        for g, v in sorted(groups.items())
    }


def run_variant(memory: Memory, weights: Weights, queries: list[dict[str, Any]]) -> tuple[dict[str, list[str]], float]:
    """Every query through Memory.search as `chet search --queries -k 10` runs it; (results, median ms)."""
    memory.weights = weights
    clients = {c.name: c for c in memory.ledger.clients()}
    out: dict[str, list[str]] = {}
    times = []
    for q in queries:
        client = clients[q["client"]] if q.get("client") else None
        t0 = time.perf_counter()
        hits = memory.search(q["query"], k=10, client=client)
        times.append((time.perf_counter() - t0) * 1000)
        out[q["qid"]] = [h.note.id for h in hits]
    return out, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Import once, search under each variant, print recall per half and type."""
    parser = argparse.ArgumentParser(prog="bench_recall5", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="a data dir to keep (imported once, reused)")
    parser.add_argument("--variants", help="comma-separated variant names (default: all)")
    parser.add_argument("--out", type=Path, default=RESULTS / "recall5_variants.json")
    args = parser.parse_args(argv)
    queries = read_jsonl(DATA / "queries.jsonl")
    answers = {a["qid"]: a for a in read_jsonl(DATA / "answers.jsonl")}
    names = args.variants.split(",") if args.variants else list(VARIANTS)
    report: dict[str, Any] = {"variants": {}, "load_avg_1m": []}
    with tempfile.TemporaryDirectory(prefix="chet-r5-") as tmp:
        memory = open_memory_at(args.data or Path(tmp) / "data")
        seconds = import_set(memory)
        report["import_s"] = round(seconds, 1)
        print(f"import {seconds:.1f} s", flush=True)
        for name in names:
            weights = VARIANTS[name]
            results, ms = run_variant(memory, weights, queries)
            res = score(results, answers)
            report["variants"][name] = {"weights": asdict(weights), "median_ms": round(ms, 1), "scores": res}
            report["load_avg_1m"].append(round(os.getloadavg()[0], 1))
            line = " | ".join(f"{p} {res[p]['r@5']:.3f}/{res[p]['r@10']:.3f}" for p in ("tune", "held-out", "all"))
            kinds = " ".join(
                f"{t[:5]} {res[f'tune:{t}']['r@10']:.2f}/{res[f'held-out:{t}']['r@10']:.2f}"
                for t in ("single-hop", "multi-hop", "temporal", "open-domain", "adversarial")
            )
            print(f"{name:16} {line} | r@10 tune/held {kinds} | {ms:.0f} ms", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
