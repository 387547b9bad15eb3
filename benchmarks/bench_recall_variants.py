"""Recall mechanisms side by side: each dataset imported once, then searched under each setting, same run.

    .venv/bin/python -m benchmarks.bench_recall_variants --small          # tune seed 1, small sets
    .venv/bin/python -m benchmarks.bench_recall_variants --seed 2         # another seed, full sets

The sets are ``bench_recall``'s development sets (sales notes, paraphrase-heavy chats, LoCoMo-like
chats); they were used to tune before, so a gain here is a development figure, never a blind one.
Each variant is ``Memory.search`` with one ``Weights`` field changed from today's default.
Writes benchmarks/results/recall_variants.json.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.bench_recall import RESULTS, all_datasets, load, memory_in_tempdir, scores
from memory.recall import Weights

# Add a variant (one Weights field changed) to compare it with today's in one run. Tried and dropped
# (benchmarks/NOTES-recall.md): a session-level BM25 lift (session 0.15 / 0.3 / 0.6).
# Issue 17 (recall set 5): "before" is the weights before it, "today" those chosen on recall5's tune half.
BEFORE = Weights(reply=0.0, when=0.0, period=0.0, coverage=0.0)
VARIANTS: dict[str, Weights] = {"before": BEFORE, "today": Weights()}


def main(argv: list[str] | None = None) -> int:
    """Import each set once, search it under every variant, print recall by kind."""
    parser = argparse.ArgumentParser(prog="bench_recall_variants", description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=RESULTS / "recall_variants.json")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {"seed": args.seed, "small": args.small, "variants": {}, "load_avg_1m": []}
    with tempfile.TemporaryDirectory(prefix="chet-variants-") as tmp:
        for ds in all_datasets(args.seed, args.small):
            with memory_in_tempdir(Path(tmp), ds.name) as memory:
                loaded = load(ds, memory)
                print(f"{ds.name}: {len(ds.notes)} notes, {len(ds.questions)} questions", flush=True)
                for name, weights in VARIANTS.items():
                    memory.weights = weights

                    def ranking(q: Any, loaded: Any = loaded, memory: Any = memory) -> list[str]:
                        client = loaded.clients[q.client] if q.client else None
                        return [h.note.id for h in memory.search(q.query, k=10, client=client)]

                    res = scores(ds.questions, ranking)
                    report["variants"].setdefault(name, {"weights": asdict(weights)})[ds.name] = res
                    kinds = " ".join(f"{k} {v['r@10']:.3f}" for k, v in res["by_kind"].items())
                    print(f"  {name:14} r@5 {res['r@5']:.3f} r@10 {res['r@10']:.3f} | r@10 {kinds}", flush=True)
                report["load_avg_1m"].append(round(os.getloadavg()[0], 1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
