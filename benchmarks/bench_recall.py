"""Retrieval quality: evidence recall@5/@10 of dense-only, lexical-only and hybrid search, same run.

    .venv/bin/python -m benchmarks.bench_recall            # tune seed 1, held-out seed 2
    .venv/bin/python -m benchmarks.bench_recall --small    # a quick run
    .venv/bin/python -m benchmarks.bench_recall --sweep    # also grid-search the fusion on the tune seed

Three sets per seed: sales notes, paraphrase-heavy chats (``recall_data``) and LoCoMo-like chats
with recurring topics (``locomo_data``, closer to the real benchmark). Each dataset is imported
into a fresh data dir through the real stack (Runtime with offline Settings ->
Memory.import_notes: SQLite ledger + FTS5, Chroma, local MiniLM). For every question:

* lexical-only: ``ledger.fts_search(fts_expression(query_terms(q)), client, pool)``
* dense-only:   ``index.query(embedder.embed([q])[0], pool, client)``
* hybrid:       ``Memory.search(q, k, client)`` (what `chet search` runs)
* hybrid, no client given: ``Memory.search(q, k)`` (`chet search` without ``--client``: a client named
  in the question is searched first)

recall@k = the fraction of a question's evidence notes in the top k, averaged over questions.
The sweep ranks fusion settings on the *tune* seed only and then reports the chosen setting on
the held-out seed, so the figure printed for the held-out seed was never used to choose it.
Writes benchmarks/results/recall.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from benchmarks.locomo_data import locomo_dataset
from benchmarks.recall_data import Dataset, Question, datasets
from memory.importer import parse_lines
from memory.recall import Weights, fts_expression, fuse, query_terms, without_names
from memory.records import Client
from memory.service import Memory

RESULTS = Path(__file__).parent / "results"
POOL = 50  # what Memory.search uses for k <= 16: max(3 * k, 50)
SWEEP_POOL = 200  # cached candidate depth for the fusion sweep


@dataclass
class Loaded:
    """A dataset imported into its own Memory."""

    ds: Dataset
    memory: Memory
    clients: dict[str, Client]
    note_id: dict[int, str]  # ledger rowid -> imported note id
    import_s: float


@dataclass
class Signals:
    """One question's ranked candidates (rowid, score) from each signal, deep enough for a sweep."""

    lexical: list[tuple[int, float]]
    dense: list[tuple[int, float]]
    hybrid_ids: list[str] = field(default_factory=list)
    no_client_ids: list[str] = field(default_factory=list)  # Memory.search with no client given
    search_ms: float = 0.0


@contextmanager
def memory_in_tempdir(root: Path, name: str) -> Iterator[Memory]:
    """A Memory for user 'bench' in a fresh data dir, built the way the CLI builds it."""
    from bot.runtime import Runtime
    from bot.settings import Settings

    data = root / name
    data.mkdir(parents=True)
    settings = Settings(chet_data_dir=data, chet_offline=True, _env_file=None)
    yield Runtime(settings).memory("bench")


def load(ds: Dataset, memory: Memory) -> Loaded:
    """Import the dataset through the importer and Memory.import_notes."""
    data = "\n".join(json.dumps(n.as_import()) for n in ds.notes).encode()
    items = parse_lines(data, ZoneInfo("UTC"))
    t0 = time.perf_counter()
    imported, skipped = memory.import_notes(items)
    elapsed = time.perf_counter() - t0
    assert imported == len(ds.notes) and skipped == 0, (imported, skipped)
    clients = {c.name: c for c in memory.ledger.clients()}
    rows = memory.ledger.note_rows()
    return Loaded(ds, memory, clients, {r[0]: r[1] for r in rows}, elapsed)


def all_datasets(seed: int, small: bool = False) -> list[Dataset]:
    """Sales notes, the paraphrase-heavy chats (recall_data) and the LoCoMo-like v2 chats (locomo_data)."""
    chats = locomo_dataset(seed, conversations=3, sessions=8) if small else locomo_dataset(seed)
    return [*datasets(seed, small=small), chats]


def lexical_signal(memory: Memory, query: str, client: Client | None, pool: int) -> list[tuple[int, float]]:
    """Lexical-only: the call Memory.search makes (the scope's names and speakers are no search terms)."""
    terms = query_terms(query, drop=memory.client_names().names_of(client) if client else ())
    return memory.ledger.fts_search(fts_expression(terms), client.id if client else None, pool)


def dense_signal(memory: Memory, query: str, client: Client | None, pool: int) -> list[tuple[int, float]]:
    """Dense-only: the embedded query (the scope's names taken out) against the index, as Memory.search does."""
    client_id = client.id if client else None
    in_scope = memory.ledger.count_notes(client_id)
    query = without_names(query, memory.client_names().names_of(client)) if client else query
    vector = memory.embedder.embed([query])[0]
    scope = memory.ledger.client_rowids(client_id) if client_id is not None else None
    return memory.index.query(vector, min(pool, in_scope), client_id, scope)


def collect(loaded: Loaded, pool: int, k: int = 10) -> dict[str, Signals]:
    """Every question's signals, plus Memory.search's own top k and its latency."""
    out: dict[str, Signals] = {}
    for q in loaded.ds.questions:
        client = loaded.clients[q.client] if q.client else None
        sig = Signals(
            lexical_signal(loaded.memory, q.query, client, pool), dense_signal(loaded.memory, q.query, client, pool)
        )
        t0 = time.perf_counter()
        hits = loaded.memory.search(q.query, k=k, client=client)
        sig.search_ms = (time.perf_counter() - t0) * 1000
        sig.hybrid_ids = [h.note.id for h in hits]
        # As `chet search` without --client: the client is found from a name in the question, if any.
        unnamed = loaded.memory.search(q.query, k=k) if client else hits
        sig.no_client_ids = [h.note.id for h in unnamed]
        out[q.qid] = sig
    return out


def recall(ranked: list[str], evidence: tuple[str, ...], k: int) -> float:
    """Fraction of the evidence in the top k."""
    top = set(ranked[:k])
    return sum(e in top for e in evidence) / len(evidence)


def scores(
    questions: list[Question], ranking: Callable[[Question], list[str]], ks: tuple[int, ...] = (5, 10)
) -> dict[str, Any]:
    """Mean recall@k over questions, overall and by question kind."""
    per: dict[int, list[float]] = {k: [] for k in ks}
    by_kind: dict[str, dict[int, list[float]]] = {}
    for q in questions:
        ranked = ranking(q)
        for k in ks:
            r = recall(ranked, q.evidence, k)
            per[k].append(r)
            by_kind.setdefault(q.kind, {kk: [] for kk in ks})[k].append(r)
    return {
        **{f"r@{k}": round(statistics.fmean(v), 4) for k, v in per.items()},
        "by_kind": {
            kind: {f"r@{k}": round(statistics.fmean(v), 4) for k, v in d.items()} for kind, d in sorted(by_kind.items())
        },
    }


def evaluate(
    loaded: Loaded, signals: dict[str, Signals], weights: Weights | None = None, pool: int = POOL
) -> dict[str, Any]:
    """Dense / lexical / hybrid recall; `weights` given: hybrid recomputed by fuse() on cached signals."""
    ids = loaded.note_id

    def names(pairs: list[tuple[int, float]]) -> list[str]:
        return [ids[r] for r, _ in pairs if r in ids]

    def hybrid(q: Question) -> list[str]:
        if weights is None:
            return signals[q.qid].hybrid_ids
        s = signals[q.qid]
        return names(fuse(s.lexical[:pool], s.dense[:pool], weights))

    qs = loaded.ds.questions
    lat = sorted(s.search_ms for s in signals.values())
    return {
        "dense": scores(qs, lambda q: names(signals[q.qid].dense)),
        "lexical": scores(qs, lambda q: names(signals[q.qid].lexical)),
        "hybrid": scores(qs, hybrid),
        "hybrid_no_client_given": scores(qs, lambda q: signals[q.qid].no_client_ids),
        "search_ms_p50": round(lat[len(lat) // 2], 2),
        "search_ms_p95": round(lat[int(len(lat) * 0.95)], 2),
    }


def sweep_grid() -> list[Weights]:
    """Fusion settings to try: RRF with various weights and constants, and score-normalised linear fusion."""
    grid = [
        Weights(lexical=1.0, dense=d, k=k, method="rrf")
        for d in (0.0, 0.3, 0.5, 0.7, 1.0, 1.5)
        for k in (1, 5, 10, 20, 60)
    ]
    for method in ("minmax", "zscore"):
        grid += [Weights(lexical=1.0, dense=d, method=method) for d in (0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0)]
    return grid


def choose(tune: list[tuple[Loaded, dict[str, Signals]]], grid: list[Weights]) -> tuple[Weights, list[dict[str, Any]]]:
    """The setting with the best mean hybrid recall@10 over the tune seed's datasets."""
    table = []
    for w in grid:
        per = [evaluate(ld, sig, w)["hybrid"]["r@10"] for ld, sig in tune]
        table.append({"weights": asdict(w), "r@10": per, "mean": round(statistics.fmean(per), 4)})
    table.sort(key=lambda row: -row["mean"])
    best = Weights(**table[0]["weights"])
    return best, table


def print_table(title: str, res: dict[str, Any]) -> None:
    """One dataset's figures."""
    print(f"\n{title}")
    print(f"  {'signal':8} {'r@5':>7} {'r@10':>7}")
    for sig in ("dense", "lexical", "hybrid"):
        print(f"  {sig:8} {res[sig]['r@5']:7.3f} {res[sig]['r@10']:7.3f}")
    unnamed = res["hybrid_no_client_given"]
    print(f"  {'hybrid, no client given (found from the question)':8} {unnamed['r@5']:7.3f} {unnamed['r@10']:7.3f}")
    kinds = res["hybrid"]["by_kind"]
    print("  r@10 by kind (dense / lexical / hybrid):")
    for kind in kinds:
        row = [res[s]["by_kind"][kind]["r@10"] for s in ("dense", "lexical", "hybrid")]
        print(f"    {kind:20} " + " / ".join(f"{v:.3f}" for v in row))
    print(f"  Memory.search latency p50 {res['search_ms_p50']} ms, p95 {res['search_ms_p95']} ms")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print tables; write results/recall.json."""
    parser = argparse.ArgumentParser(prog="bench_recall", description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="fewer clients, notes and sessions")
    parser.add_argument("--tune-seed", type=int, default=1)
    parser.add_argument("--test-seed", type=int, default=2)
    parser.add_argument("--sweep", action="store_true", help="grid-search the fusion on the tune seed")
    parser.add_argument("--out", type=Path, default=RESULTS / "recall.json")
    args = parser.parse_args(argv)

    report: dict[str, Any] = {"small": args.small, "weights": asdict(Weights()), "seeds": {}}
    with tempfile.TemporaryDirectory(prefix="chet-bench-") as tmp:
        root = Path(tmp)
        loaded: dict[int, list[tuple[Loaded, dict[str, Signals]]]] = {}
        for seed in (args.tune_seed, args.test_seed):
            loaded[seed] = []
            for ds in all_datasets(seed, args.small):
                with memory_in_tempdir(root, ds.name) as memory:
                    ld = load(ds, memory)
                    sig = collect(ld, SWEEP_POOL if args.sweep else POOL)
                    loaded[seed].append((ld, sig))
                    print(
                        f"{ds.name}: {len(ds.notes)} notes imported in {ld.import_s:.1f} s, {len(ds.questions)} questions"
                    )
        if args.sweep:
            best, table = choose(loaded[args.tune_seed], sweep_grid())
            print(f"\nsweep on seed {args.tune_seed}: best {best} (mean r@10 {table[0]['mean']}); top 8:")
            for row in table[:8]:
                print(f"  {row['mean']:.4f} {row['r@10']} {row['weights']}")
            report["sweep"] = {"tune_seed": args.tune_seed, "best": asdict(best), "table": table}
            for ld, sig in loaded[args.test_seed]:
                held = evaluate(ld, sig, best)["hybrid"]
                print(f"  held-out {ld.ds.name} with the sweep's best: r@5 {held['r@5']:.3f} r@10 {held['r@10']:.3f}")
                report["sweep"].setdefault("held_out", {})[ld.ds.name] = held
        for seed, role in ((args.tune_seed, "tune"), (args.test_seed, "held-out")):
            for ld, sig in loaded[seed]:
                res = evaluate(ld, sig)
                res["dataset"] = ld.ds.summary()
                res["import_notes_per_s"] = round(len(ld.ds.notes) / ld.import_s, 1)
                print_table(f"{ld.ds.name} ({role} seed) — Memory.search with {replace(Weights())}", res)
                report["seeds"].setdefault(f"{role}:{seed}", {})[ld.ds.name] = res
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
