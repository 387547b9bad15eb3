"""Leave-one-set-out: the learned reranker fitted on four recall sets, scored on the fifth, for each set.

    .venv/bin/python -m benchmarks.bench_recall_loso --data /tmp/r                 # import, dump, fit, search
    .venv/bin/python -m benchmarks.bench_recall_loso --data /tmp/r --quick         # fold figures on the dump only
    .venv/bin/python -m benchmarks.bench_recall_loso --data /tmp/r --write NAME    # store NAME fitted on all sets

Recall sets 5-9 were each written blind, run once, and are now development data. No setting may be
judged on a set it was fitted on, so every model here is fitted five times, each time on four sets
(their every question), and scored on the fifth. Each set is imported once under --data/<set> and
reused; the candidates and their features (the search with the learned order off) are dumped once
per version of the feature code. The figures that count come from ``Memory.search`` (what
`chet search --queries -k 10` runs) with the fold's model in place of the stored one, beside today's
stored model and the search without a learned order, all in one run on the same data.
Writes benchmarks/results/recall_loso.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

import numpy as np

import memory.rerank as rerank_mod
from benchmarks.bench_recall import RESULTS
from benchmarks.bench_recall5 import open_memory_at, run_variant
from benchmarks.bench_recall_sets import TYPES, score
from benchmarks.bench_rerank import fit_logistic, fit_pairwise, fit_trees, tree_scores
from benchmarks.jsonl import read_jsonl
from memory.importer import parse_lines
from memory.recall import Weights
from memory.rerank import FEATURES, TOP, WEIGHTS_FILE, Candidates, Model, features, recording
from memory.service import Memory

DATA = Path(__file__).parent / "data"
SETS = ("recall5", "recall6", "recall7", "recall8", "recall9")
BASE = FEATURES


@dataclass(frozen=True)
class Spec:
    """One way to fit: the features used, the loss ("pairwise", "pointwise", "trees": boosted on the linear
    pairwise model's scores) and the L2 weight; for trees their number, depth, rate and leaf L2."""

    names: tuple[str, ...]
    loss: str = "pairwise"
    l2: float = 3.0
    trees: int = 60
    depth: int = 3
    rate: float = 0.1
    lam: float = 10.0


SPECS: dict[str, Spec] = {
    "refit": Spec(BASE),
    "refit l2 10": Spec(BASE, l2=10.0),
    "trees 40": Spec(BASE, "trees", trees=40, rate=0.15),
}


def _feature_version() -> str:
    """A hash of the code and word lists the features come from: a new version is dumped again."""
    sources = [Path(rerank_mod.__file__), *sorted((Path(rerank_mod.__file__).parent / "data").glob("rerank_*.json"))]
    sources += [Path(rerank_mod.__file__).parent / name for name in ("recall.py", "when.py", "lexicon.py")]
    digest = hashlib.sha256()
    for path in sources:
        if path.name != "rerank_weights.json":
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def import_sets(data: Path, sets: list[str]) -> dict[str, Memory]:
    """Each set's Memory under data/<set>, its notes imported (skipped when already there)."""
    out = {}
    for set_name in sets:
        memory = open_memory_at(data / set_name)
        t0 = time.perf_counter()
        memory.import_notes(parse_lines((DATA / set_name / "notes.jsonl").read_bytes(), ZoneInfo("UTC")))
        print(f"{set_name}: import {time.perf_counter() - t0:.1f} s", flush=True)
        out[set_name] = memory
    return out


def dump(memories: dict[str, Memory], path: Path) -> None:
    """Every question searched once with the learned order off; each top candidate's features and label."""
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    groups: list[np.ndarray] = []
    meta: list[dict[str, Any]] = []
    for set_name, memory in memories.items():
        answers = {a["qid"]: a for a in read_jsonl(DATA / set_name / "answers.jsonl")}
        memory.weights = replace(Weights(), learned=False)
        clients = {c.name: c for c in memory.ledger.clients()}
        queries = read_jsonl(DATA / set_name / "queries.jsonl")
        for q in queries:
            seen: list[Candidates] = []
            with recording(seen.append):
                memory.search(q["query"], k=10, client=clients[q["client"]] if q.get("client") else None)
            if not seen:
                continue
            c = seen[0]  # the named scope's search (a search may widen to everyone's notes after it)
            head = c.ranked[:TOP]
            evidence = set(answers[q["qid"]]["evidence"])
            xs.append(features(replace(c, ranked=head)))
            ys.append(np.array([1 if c.notes[r].id in evidence else 0 for r, _ in head]))
            groups.append(np.full(len(head), len(meta)))
            meta.append(
                {"set": set_name, "qid": q["qid"], "type": answers[q["qid"]]["type"], "n_evidence": len(evidence)}
            )
        print(f"{set_name}: {len(queries)} questions dumped", flush=True)
    np.savez(
        path, x=np.concatenate(xs), y=np.concatenate(ys), group=np.concatenate(groups), meta=np.array(json.dumps(meta))
    )


def fit_spec(spec: Spec, x: np.ndarray, y: np.ndarray, group: np.ndarray) -> Model:
    """The spec's linear model fitted on these rows (its features only)."""
    cols = [FEATURES.index(n) for n in spec.names]
    sub = x[:, cols]
    w = fit_logistic(sub, y, spec.l2) if spec.loss == "pointwise" else fit_pairwise(sub, y, group, spec.l2)
    return Model(tuple(float(v) for v in w[:-1]), names=spec.names)


def dump_scores(spec: Spec, model: Model, d: dict[str, Any], train: np.ndarray, held: np.ndarray) -> np.ndarray:
    """Scores of the `held` rows by the spec's linear `model` fitted on the `train` rows, plus its trees."""
    scores = model.score(d["x"][held])
    if spec.loss == "trees":
        cols = [FEATURES.index(n) for n in spec.names]
        base = model.score(d["x"][train])
        x, y, group = d["x"][train][:, cols], d["y"][train], d["group"][train]
        trees = fit_trees(x, y, group, spec.trees, spec.depth, spec.rate, spec.lam, base=base)
        scores = scores + tree_scores(trees, d["x"][held][:, cols])
    return scores


def evaluate_scores(d: dict[str, Any], rows: np.ndarray, scores: np.ndarray) -> dict[str, Any]:
    """recall@5/@10 by set and type of the questions whose candidates are `rows` (contiguous by question)."""
    group, y = d["group"][rows], d["y"][rows]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    ends = np.r_[starts[1:], len(rows)]
    out: dict[str, dict[int, list[float]]] = {}
    for a, b in zip(starts, ends, strict=True):
        m = d["meta"][group[a]]
        order = np.argsort(-scores[a:b], kind="stable")
        for k in (5, 10):
            r = float(y[a:b][order[:k]].sum()) / m["n_evidence"]
            for key in (m["set"], f"{m['set']}:{m['type']}"):
                out.setdefault(key, {5: [], 10: []})[k].append(r)
    return {
        key: {"n": len(v[5]), "r@5": round(statistics.fmean(v[5]), 3), "r@10": round(statistics.fmean(v[10]), 3)}
        for key, v in sorted(out.items())
    }


def folds(spec: Spec, d: dict[str, Any], sets: list[str]) -> dict[str, Model]:
    """Held-out set -> the spec's model fitted on every other set."""
    qset = np.array([m["set"] for m in d["meta"]])[d["group"]]
    return {held: fit_spec(spec, d["x"][qset != held], d["y"][qset != held], d["group"][qset != held]) for held in sets}


def _fmt(res: dict[str, Any], key: str) -> str:
    return f"{res[key]['r@5']:.3f}/{res[key]['r@10']:.3f}" if key in res else "-"


def _table(rows: dict[str, dict[str, Any]], sets: list[str]) -> None:
    print(f"  {'model':28} " + " ".join(f"{s:>12}" for s in [*sets, "mean"]))
    for name, res in rows.items():
        print(f"  {name:28} " + " ".join(f"{_fmt(res, s):>12}" for s in [*sets, "mean"]))


def _mean(res: dict[str, Any], sets: list[str]) -> dict[str, Any]:
    out = dict(res)
    out["mean"] = {k: round(statistics.fmean(res[s][k] for s in sets), 3) for k in ("r@5", "r@10")}
    return out


def main(argv: list[str] | None = None) -> int:
    """Import, dump, fit each spec leave-one-set-out, then search every set with every fold's model."""
    parser = argparse.ArgumentParser(prog="bench_recall_loso", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a data dir to keep (each set imported once)")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--specs", help="comma-separated spec names (default: all)")
    parser.add_argument("--quick", action="store_true", help="fold figures on the dump only, no search run")
    parser.add_argument("--write", metavar="SPEC", help="fit SPEC on every set and store it as the model")
    parser.add_argument("--out", type=Path, default=RESULTS / "recall_loso.json")
    args = parser.parse_args(argv)
    sets = args.sets.split(",")
    specs = {n: SPECS[n] for n in (args.specs.split(",") if args.specs else SPECS)}
    memories = import_sets(args.data, sets)
    path = args.data / f"loso_dump_{'_'.join(s[-1] for s in sets)}_{_feature_version()}.npz"
    if not path.exists():
        dump(memories, path)
    raw = np.load(path)
    d = {"x": raw["x"], "y": raw["y"].astype(np.float64), "group": raw["group"], "meta": json.loads(str(raw["meta"]))}
    stored = rerank_mod.load_model()
    assert stored is not None
    print("dump (top 50 re-ordered), r@5/r@10 of each held-out set:")
    every = np.arange(len(d["y"]))
    dump_rows = {
        "search order": evaluate_scores(d, every, -every.astype(np.float64)),
        "stored model": evaluate_scores(d, every, stored.score(d["x"])),
    }
    fold_models: dict[str, dict[str, Model]] = {}
    qset = np.array([m["set"] for m in d["meta"]])[d["group"]]
    _table({k: _mean(v, sets) for k, v in dump_rows.items()}, sets)
    for name, spec in specs.items():
        t0 = time.process_time()
        res: dict[str, Any] = {}
        models = folds(spec, d, sets)
        for held in sets:
            rows = np.flatnonzero(qset == held)
            res[held] = evaluate_scores(d, rows, dump_scores(spec, models[held], d, qset != held, qset == held))[held]
        dump_rows[name] = res
        print(f"  {name:28} " + " ".join(f"{_fmt(_mean(res, sets), s):>12}" for s in [*sets, "mean"]), flush=True)
        print(f"  ({time.process_time() - t0:.0f} cpu s)", flush=True)
        if spec.loss != "trees":
            fold_models[name] = models
    _table({k: _mean(v, sets) for k, v in dump_rows.items()}, sets)
    if args.write:
        spec = SPECS[args.write]
        model = fit_spec(spec, d["x"], d["y"], d["group"])
        WEIGHTS_FILE.write_text(
            json.dumps(
                {
                    "features": list(model.names),
                    "weights": [round(v, 5) for v in model.weights],
                    "intercept": 0.0,
                    "fitted": (
                        f"L2 logistic regression (l2={spec.l2}, Newton), {spec.loss}: a candidate among a question's "
                        f"top {TOP} is positive when it is an evidence turn; {len(d['meta'])} questions "
                        f"({int(d['y'].sum())} positives, {len(d['y'])} candidates), every question of recall sets "
                        f"{', '.join(sets)} (development data, each written blind and run once first); chosen "
                        f"leave-one-set-out: benchmarks/bench_recall_loso.py --write '{args.write}'"
                    ),
                },
                indent=2,
            )
            + "\n"
        )
        print(f"wrote {WEIGHTS_FILE}")
        return 0
    if args.quick:
        return 0
    print("Memory.search (chet search --queries -k 10), r@5/r@10 of each held-out set:", flush=True)
    report: dict[str, Any] = {"load_avg_1m": [], "models": {}}
    original = rerank_mod.load_model
    search_rows: dict[str, dict[str, Any]] = {}
    by_type: dict[str, dict[str, Any]] = {}
    try:
        for set_name, memory in memories.items():
            queries = read_jsonl(DATA / set_name / "queries.jsonl")
            answers = {a["qid"]: a for a in read_jsonl(DATA / set_name / "answers.jsonl")}
            variants: dict[str, tuple[Weights, Model | None]] = {
                "today - learned": (replace(Weights(), learned=False), None),
                "today (stored model)": (Weights(), stored),
            }
            for name in fold_models:
                variants[name] = (Weights(), fold_models[name][set_name])
            for name, (weights, fold_model) in variants.items():
                chosen: Callable[..., Model | None] = (lambda m: lambda *a, **k: m)(fold_model)
                cpu0 = time.process_time()
                with patch.object(rerank_mod, "load_model", chosen):  # this fold's model, not the stored one
                    results, ms = run_variant(memory, weights, queries)
                cpu = (time.process_time() - cpu0) * 1000 / len(queries)
                res = score(results, answers, lambda ev: "set")
                search_rows.setdefault(name, {})[set_name] = res["all"]
                by_type.setdefault(name, {})[set_name] = {t: res[f"all:{t}"] for t in TYPES if f"all:{t}" in res}
                report["models"].setdefault(name, {})[set_name] = {
                    "scores": res,
                    "median_ms": round(ms, 1),
                    "cpu_ms_per_query": round(cpu, 1),
                }
                report["load_avg_1m"].append(round(os.getloadavg()[0], 1))
                print(f"  {set_name} {name:28} {_fmt(res, 'all')}  {cpu:.0f} cpu ms/q", flush=True)
    finally:
        rerank_mod.load_model = original
    table = {k: _mean(v, sets) for k, v in search_rows.items()}
    _table(table, sets)
    print("  recall@10 by type, mean over the held-out sets:")
    for name, per_set in by_type.items():
        kinds = " ".join(
            f"{t[:6]} {statistics.fmean(per_set[s][t]['r@10'] for s in sets if t in per_set[s]):.3f}" for t in TYPES
        )
        print(f"  {name:28} {kinds}")
    report["table"] = table
    report["by_type"] = by_type
    report["feature_version"] = _feature_version()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
