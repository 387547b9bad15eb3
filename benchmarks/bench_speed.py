"""Speed: import throughput and search latency at 1k and 10k notes (100k with --big), in-process.

    .venv/bin/python -m benchmarks.bench_speed          # 1k and 10k notes
    .venv/bin/python -m benchmarks.bench_speed --big    # also 100k (slow: embedding ~10-20 min)

Every size is imported first (each in a fresh data dir, a Runtime with offline Settings as the CLI
builds it); then the searches of all sizes are timed in turns of 10 questions, so a machine whose
speed drifts during the run (shared CPU) affects every size alike and the growth ratio holds:

* import: ``Memory.import_notes`` of the whole file, including fact extraction and the local
  MiniLM embeddings and the Chroma writes: notes/s. Naive baseline in the same run: the first
  300 notes one at a time through ``Memory.add_note`` (a transaction, an embedding and a Chroma
  write per note).
* search: ``Memory.search(q, k=10)`` latency p50/p95 over a set of questions (half with a
  client filter) in the process that imported (its caches hold what it wrote: the long-running
  bot's case), then the same questions through a new Runtime on the same data dir whose caches
  start empty (each client's vectors come from Chroma on its first question; the OS page cache
  stays warm), and the dense step alone
  (query embedding + Chroma HNSW) against a brute-force numpy cosine over every vector.
* HNSW quality: recall@10 of Chroma's top 10 against the exact top 10 (same vectors).

Writes benchmarks/results/speed.json.

    .venv/bin/python -m benchmarks.bench_speed --realistic 1000   # realistic notes: notes/s and recall

``--realistic N``: N notes of 20-80 words (``realistic_notes``: several generated sales notes of a
client joined, as a salesperson writes after a call), imported through ``Memory.import_notes`` once
per embedding setting (``--max-tokens``: word pieces kept of a long note), each in a fresh data dir,
reporting import notes/s, the embedder's share, and hybrid recall@5/@10 of ``Memory.search`` on the
notes' questions, all in one run so the settings meet the same machine load.
Writes benchmarks/results/speed_realistic.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from benchmarks.bench_recall import memory_in_tempdir
from benchmarks.recall_data import Note, Question, sales_dataset
from memory.importer import parse_lines
from memory.service import Memory
from memory.vector_cache import SHARED

RESULTS = Path(__file__).parent / "results"
NAIVE_NOTES = 300


def corpus(n: int) -> tuple[list[Note], list[Question]]:
    """Exactly n sales notes (several seeds' worth if needed) and questions about them."""
    notes: list[Note] = []
    questions: list[Question] = []
    seed = 100
    while len(notes) < n:
        ds = sales_dataset(seed, clients=max(40, min(400, (n - len(notes)) // 35 + 1)))
        notes += ds.notes
        questions += ds.questions
        seed += 1
    notes = notes[:n]
    kept = {x.id for x in notes}
    return notes, [q for q in questions if all(e in kept for e in q.evidence)]


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank), rounded to 0.01 ms."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))], 2)


def reopen(data: Path) -> Memory:
    """A new Runtime's Memory on an existing data dir: the ledger and index, none of the caches."""
    from bot.runtime import Runtime
    from bot.settings import Settings

    SHARED.clear()  # the process-wide vector cache: a new process starts without it
    return Runtime(Settings(chet_data_dir=data, chet_offline=True, _env_file=None)).memory("bench")


def time_searches(memory: Memory, sample: list[Question]) -> list[float]:
    """Milliseconds of each `search(q, k=10)`, scoped to the question's client when it names one."""
    clients = {c.name: c for c in memory.ledger.clients()}
    out = []
    for q in sample:
        client = clients[q.client] if q.client else None
        t = time.perf_counter()
        memory.search(q.query, k=10, client=client)
        out.append((time.perf_counter() - t) * 1000)
    return out


@dataclass
class Size:
    """One corpus size: its imported Memory, the questions timed on it, and its figures so far."""

    n: int
    memory: Memory
    data: Path
    sample: list[Question]
    row: dict[str, Any]


def build(root: Path, n: int, queries: int) -> Size:
    """Import n notes (timed), and the naive one-by-one baseline on the first notes."""
    notes, questions = corpus(n)
    data = "\n".join(json.dumps(x.as_import()) for x in notes).encode()
    items = parse_lines(data, ZoneInfo("UTC"))
    with memory_in_tempdir(root, f"naive-{n}") as naive:
        naive.embedder.embed(["warm up"])
        t0 = time.perf_counter()
        for item in items[:NAIVE_NOTES]:
            naive.add_note(item, forgiving=False)
        naive_per_s = min(n, NAIVE_NOTES) / (time.perf_counter() - t0)
    with memory_in_tempdir(root, f"speed-{n}") as memory:
        memory.embedder.embed(["warm up"])  # load the model outside the timed import
        t0 = time.perf_counter()
        imported, _ = memory.import_notes(items)
        import_s = time.perf_counter() - t0
        assert imported == n
    sample = random.Random(n).sample(questions, min(queries, len(questions)))
    memory.search("warm up", k=10)
    row = {
        "notes": n,
        "import_s": round(import_s, 2),
        "import_notes_per_s": round(n / import_s, 1),
        "naive_one_by_one_notes_per_s": round(naive_per_s, 1),
        "queries": len(sample),
    }
    return Size(n, memory, root / f"speed-{n}", sample, row)


def interleaved(runs: list[tuple[Memory, list[Question]]], chunk: int = 10) -> list[list[float]]:
    """Each run's search times, taken in turns of `chunk` questions so a drifting machine hits every size alike."""
    out: list[list[float]] = [[] for _ in runs]
    longest = max(len(sample) for _, sample in runs)
    for start in range(0, longest, chunk):
        for i, (memory, sample) in enumerate(runs):
            out[i] += time_searches(memory, sample[start : start + chunk])
    return out


def dense_step(memory: Memory, sample: list[Question]) -> dict[str, Any]:
    """The dense step alone: query embedding, Chroma HNSW, and an exact numpy scan over all vectors."""
    got = memory.index.collection.get(include=["embeddings"])
    rowids = np.array([int(i) for i in got["ids"]])
    matrix = np.asarray(got["embeddings"], dtype=np.float32)
    embed_ms, hnsw_ms, exact_ms, overlap = [], [], [], []
    for q in sample:
        t = time.perf_counter()
        vector = memory.embedder.embed([q.query])[0]
        embed_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        approx = [r for r, _ in memory.index.query(vector, 10)]
        hnsw_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        sims = matrix @ vector
        tenth = float(sims[np.argpartition(-sims, 10)[:10]].min())  # the exact top 10's floor
        exact_ms.append((time.perf_counter() - t) * 1000)
        # Generated notes repeat templates: equal similarities tie, so an approximate hit counts when
        # it is as similar as the exact 10th (id overlap alone would count tie-breaks as misses).
        by_id = dict(zip(rowids.tolist(), sims.tolist(), strict=True))
        overlap.append(sum(by_id.get(r, -1.0) >= tenth - 1e-5 for r in approx) / 10)
    return {
        "query_embed_ms_p50": pct(embed_ms, 0.5),
        "dense_hnsw_ms_p50": pct(hnsw_ms, 0.5),
        "dense_hnsw_ms_p95": pct(hnsw_ms, 0.95),
        "dense_exact_numpy_ms_p50": pct(exact_ms, 0.5),
        "dense_exact_numpy_ms_p95": pct(exact_ms, 0.95),
        "hnsw_recall_at_10_vs_exact": round(statistics.fmean(overlap), 4),
    }


class TimedEmbedder:
    """The local model with a word-piece limit, counting the seconds spent embedding."""

    def __init__(self, max_tokens: int) -> None:
        from memory.embeddings import LocalMiniLM

        self.model = LocalMiniLM(max_tokens=max_tokens)
        self.name = self.model.name
        self.seconds = 0.0

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed, timed."""
        t = time.perf_counter()
        out = self.model.embed(texts)
        self.seconds += time.perf_counter() - t
        return out


def realistic_run(n: int, max_tokens: list[int], queries: int) -> list[dict[str, Any]]:
    """Import n realistic notes once per word-piece limit; notes/s and hybrid recall, same run."""
    from benchmarks.bench_recall import recall
    from benchmarks.realistic_notes import realistic

    notes, questions = realistic(n)
    sample = random.Random(n).sample(questions, min(queries, len(questions)))
    data = "\n".join(json.dumps(x.as_import()) for x in notes).encode()
    rows = []
    with tempfile.TemporaryDirectory(prefix="chet-speed-real-") as tmp:
        for limit in max_tokens:
            with memory_in_tempdir(Path(tmp), f"real-{limit}") as memory:
                embedder = TimedEmbedder(limit)
                embedder.embed(["warm up"])
                embedder.seconds = 0.0
                memory._embedder = embedder  # the model under test, loaded outside the timed import
                items = parse_lines(data, ZoneInfo("UTC"))
                t0, c0 = time.perf_counter(), time.process_time()
                imported, _ = memory.import_notes(items)
                import_s, import_cpu = time.perf_counter() - t0, time.process_time() - c0
                embed_s = embedder.seconds  # before the searches embed their queries
                assert imported == len(notes)
                clients = {c.name: c for c in memory.ledger.clients()}
                r5, r10, ms = [], [], []
                for q in sample:
                    t = time.perf_counter()
                    hits = memory.search(q.query, k=10, client=clients[q.client] if q.client else None)
                    ms.append((time.perf_counter() - t) * 1000)
                    ranked = [h.note.id for h in hits]
                    r5.append(recall(ranked, q.evidence, 5))
                    r10.append(recall(ranked, q.evidence, 10))
            row = {
                "notes": len(notes),
                "words_mean": round(statistics.fmean(len(x.text.split()) for x in notes), 1),
                "max_tokens": limit,
                "import_notes_per_s": round(len(notes) / import_s, 1),
                "import_notes_per_cpu_s": round(len(notes) / import_cpu, 1),  # comparable across machine loads
                "embed_share": round(embed_s / import_s, 2),
                "questions": len(sample),
                "r@5": round(statistics.fmean(r5), 4),
                "r@10": round(statistics.fmean(r10), 4),
                "search_ms_p50": pct(ms, 0.5),
                "load_avg_1m": round(os.getloadavg()[0], 1),
            }
            print(json.dumps(row), flush=True)
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the sizes; print a table; write results/speed.json."""
    parser = argparse.ArgumentParser(prog="bench_speed", description=__doc__.split("\n")[0])
    parser.add_argument("--big", action="store_true", help="also 100k notes")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--realistic", type=int, default=0, metavar="N", help="N realistic notes: notes/s and recall")
    parser.add_argument("--max-tokens", type=int, nargs="+", default=[256], help="word-piece limits to compare")
    args = parser.parse_args(argv)
    if args.realistic:
        out = args.out or RESULTS / "speed_realistic.json"
        rows = realistic_run(args.realistic, args.max_tokens, args.queries)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"realistic": rows}, indent=2) + "\n")
        print(f"wrote {out}")
        return 0
    args.out = args.out or RESULTS / "speed.json"
    sizes = [1_000, 10_000] + ([100_000] if args.big else [])
    with tempfile.TemporaryDirectory(prefix="chet-speed-") as tmp:
        built = []
        for n in sizes:
            built.append(build(Path(tmp), n, args.queries))
            print(json.dumps(built[-1].row), flush=True)
        for size, times in zip(built, interleaved([(b.memory, b.sample) for b in built]), strict=True):
            size.row.update(search_ms_p50=pct(times, 0.5), search_ms_p95=pct(times, 0.95))
        fresh = [reopen(b.data) for b in built]  # empties the process's vector cache
        for memory in fresh:
            memory.search("warm up", k=10)  # loads the model; no client's vectors
        for size, times in zip(
            built, interleaved([(m, b.sample) for m, b in zip(fresh, built, strict=True)]), strict=True
        ):
            size.row.update(fresh_search_ms_p50=pct(times, 0.5), fresh_search_ms_p95=pct(times, 0.95))
        for size in built:
            size.row.update(dense_step(size.memory, size.sample))
        rows = [b.row for b in built]
    for r in rows:  # growth from the smallest size: the goal is <= 1.5x from 1k to 100k
        r["search_p50_growth"] = round(r["search_ms_p50"] / rows[0]["search_ms_p50"], 2)
        r["fresh_search_p50_growth"] = round(r["fresh_search_ms_p50"] / rows[0]["fresh_search_ms_p50"], 2)
    print(
        f"\n{'notes':>7} {'import/s':>9} {'naive/s':>8} {'search p50':>11} {'p95':>7} {'growth':>7} {'fresh p50':>10} {'growth':>7}"
        f" {'hnsw p50':>9} {'exact p50':>10} {'hnsw r@10':>10}"
    )
    for r in rows:
        print(
            f"{r['notes']:>7} {r['import_notes_per_s']:>9} {r['naive_one_by_one_notes_per_s']:>8} {r['search_ms_p50']:>8} ms {r['search_ms_p95']:>7}"
            f" {r['search_p50_growth']:>6}x {r['fresh_search_ms_p50']:>7} ms {r['fresh_search_p50_growth']:>6}x"
            f" {r['dense_hnsw_ms_p50']:>9} {r['dense_exact_numpy_ms_p50']:>10} {r['hnsw_recall_at_10_vs_exact']:>10}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"sizes": rows}, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
