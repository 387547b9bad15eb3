"""Chat recall when a conversation is imported under an opaque name ("conv-3") instead of its speakers'.

    .venv/bin/python -m benchmarks.bench_recall_opaque            # held-out seed 2

The chat sets of bench_recall, each conversation renamed conv-N before `Memory.import_notes`. For every
question, recall@10 of `Memory.search` with no client given (the client can only be found from the
speakers its lines name) and with the conversation given. Writes benchmarks/results/recall_opaque.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from dataclasses import replace
from pathlib import Path

from benchmarks.bench_recall import RESULTS, all_datasets, load, memory_in_tempdir, recall


def main(argv: list[str] | None = None) -> int:
    """Run the chat sets under opaque names; print and write recall@10."""
    parser = argparse.ArgumentParser(prog="bench_recall_opaque", description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--out", type=Path, default=RESULTS / "recall_opaque.json")
    args = parser.parse_args(argv)
    report: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="chet-bench-") as tmp:
        for ds in all_datasets(args.seed)[1:]:  # the chat sets
            opaque = {c: f"conv-{i}" for i, c in enumerate(sorted({n.client for n in ds.notes}))}
            renamed = replace(ds, notes=[replace(n, client=opaque[n.client]) for n in ds.notes])
            with memory_in_tempdir(Path(tmp), ds.name) as memory:
                loaded = load(renamed, memory)
                unnamed, given = [], []
                for q in ds.questions:
                    unnamed.append(recall([h.note.id for h in memory.search(q.query, k=10)], q.evidence, 10))
                    client = loaded.clients[opaque[q.client]] if q.client else None
                    hits = memory.search(q.query, k=10, client=client)
                    given.append(recall([h.note.id for h in hits], q.evidence, 10))
            report[ds.name] = {
                "no_client_given_r@10": round(statistics.fmean(unnamed), 4),
                "conversation_given_r@10": round(statistics.fmean(given), 4),
            }
            print(
                f"{ds.name}: recall@10 no client given {report[ds.name]['no_client_given_r@10']:.3f}, "
                f"conversation given {report[ds.name]['conversation_given_r@10']:.3f}"
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"seed": args.seed, "sets": report}, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
