"""Fit the learned reranker (memory/rerank.py) on the TUNE halves of recall sets 5-7 and measure it.

    .venv/bin/python -m benchmarks.bench_rerank --data /tmp/r dump     # candidates + features of tune questions
    .venv/bin/python -m benchmarks.bench_rerank --data /tmp/r fit      # leave-one-set-out figures, then the fit
                                                                       # on all tune halves -> memory/data/

Only tune-half questions are searched here (recall5's first six histories, recall6's and recall7's
odd-numbered ones): the held-out halves are never read, only scored by bench_recall_sets.
Each set must have been imported under --data/<set> (bench_recall_sets does it).
Labels: a candidate is positive when it is one of the question's evidence turns.
"""

from __future__ import annotations

import argparse
import json
import statistics
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.bench_recall5 import open_memory_at
from benchmarks.bench_recall_sets import DATA, SETS
from benchmarks.jsonl import read_jsonl
from memory.recall import Weights
from memory.rerank import FEATURES, TOP, WEIGHTS_FILE, Candidates, features, recording

DUMP = "rerank_tune.npz"


def dump(data: Path, sets: list[str], top: int = TOP, name: str = DUMP, halves: str = "tune") -> None:
    """Search every tune question once (learned order off), keep each candidate's features and label.

    `halves` "all": every question of the sets (when a whole set is development data)."""
    xs, ys, groups, meta = [], [], [], []
    for set_name in sets:
        half = SETS[set_name]
        answers = {a["qid"]: a for a in read_jsonl(DATA / set_name / "answers.jsonl")}
        queries = [
            q
            for q in read_jsonl(DATA / set_name / "queries.jsonl")
            if halves == "all" or half(answers[q["qid"]]["evidence"]) == "tune"
        ]
        memory = open_memory_at(data / set_name)
        memory.weights = replace(Weights(), learned=False)
        clients = {c.name: c for c in memory.ledger.clients()}
        for q in queries:
            seen: list[Candidates] = []
            with recording(seen.append):
                memory.search(q["query"], k=10, client=clients[q["client"]] if q.get("client") else None)
            c = seen[0]  # the named scope's search (a search may widen to everyone's notes after it)
            head = c.ranked[:top]
            x = features(replace(c, ranked=head))
            evidence = set(answers[q["qid"]]["evidence"])
            y = [1 if c.notes[r].id in evidence else 0 for r, _ in head]
            xs.append(x)
            ys.append(np.array(y))
            groups.append(np.full(len(head), len(meta)))
            meta.append(
                {"set": set_name, "qid": q["qid"], "type": answers[q["qid"]]["type"], "n_evidence": len(evidence)}
            )
        print(f"{set_name}: {len(queries)} tune questions", flush=True)
    np.savez(
        data / name,
        x=np.concatenate(xs),
        y=np.concatenate(ys),
        group=np.concatenate(groups),
        meta=np.array(json.dumps(meta)),
    )


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; weights for [features..., intercept]."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_pairwise(x: np.ndarray, y: np.ndarray, group: np.ndarray, l2: float = 1.0, steps: int = 30) -> np.ndarray:
    """RankNet-style linear fit: logistic loss on (positive - negative) pairs of one question; intercept 0.

    Newton's method on the pairs as they are: the same minimum as logistic regression on the pairs and
    their mirror images with an intercept (which the symmetry keeps at 0) and twice the L2 weight."""
    diffs = []
    order = np.argsort(group, kind="stable")
    starts = np.flatnonzero(np.r_[True, group[order][1:] != group[order][:-1]])
    for idx in np.split(order, starts[1:]):
        pos, neg = idx[y[idx] > 0], idx[y[idx] == 0]
        if len(pos) and len(neg):
            d = (x[pos][:, None, :] - x[neg][None, :, :]).reshape(-1, x.shape[1])
            diffs.append(d / np.sqrt(len(pos)))  # each question counts about equally, whatever its evidence
    d = np.concatenate(diffs)
    w = np.zeros(d.shape[1])
    reg = l2 / 2.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(d @ w)))  # P(positive ranked above)
        grad = d.T @ (p - 1.0) + reg * w
        hess = (d * (p * (1 - p))[:, None]).T @ d + np.diag(np.full(len(w), reg + 1e-9))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return np.r_[w, 0.0]


def evaluate(
    x: np.ndarray, group: np.ndarray, y: np.ndarray, meta: list[dict[str, Any]], w: np.ndarray | None
) -> dict[str, Any]:
    """recall@5/@10 by set and type with the candidates ordered by w (None: the search's own order)."""
    out: dict[str, dict[int, list[float]]] = {}
    for g, m in enumerate(meta):
        idx = np.flatnonzero(group == g)
        if w is None:
            order = idx
        else:
            s = x[idx] @ w[:-1]
            order = idx[np.argsort(-s, kind="stable")]
        for k in (5, 10):
            r = float(y[order[:k]].sum()) / m["n_evidence"]
            for key in (m["set"], f"{m['set']}:{m['type']}", "all", f"all:{m['type']}"):
                out.setdefault(key, {5: [], 10: []})[k].append(r)
    return {
        key: {"n": len(v[5]), "r@5": round(statistics.fmean(v[5]), 3), "r@10": round(statistics.fmean(v[10]), 3)}
        for key, v in sorted(out.items())
    }


def fit(
    data: Path,
    l2: float,
    write: bool,
    loss: str = "pointwise",
    name: str = DUMP,
    without: tuple[str, ...] = (),
    out: Path = WEIGHTS_FILE,
) -> None:
    """Leave-one-set-out figures on the tune halves, then the model fitted on all of them.

    `without`: features left out (their columns zeroed), to measure what each group adds."""
    d = np.load(data / name)
    x, y, group = d["x"].copy(), d["y"].astype(np.float64), d["group"]
    for feature in without:
        x[:, FEATURES.index(feature)] = 0.0
    meta = json.loads(str(d["meta"]))
    sets = sorted({m["set"] for m in meta})
    qset = np.array([m["set"] for m in meta])[group]

    def learn(x: np.ndarray, y: np.ndarray, group: np.ndarray) -> np.ndarray:
        return fit_pairwise(x, y, group, l2) if loss == "pairwise" else fit_logistic(x, y, l2)

    print("search order:", {s: v for s, v in evaluate(x, group, y, meta, None).items() if ":" not in s})
    stored = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")) if WEIGHTS_FILE.exists() else {}
    if stored and FEATURES[: len(stored["features"])] == tuple(stored["features"]):
        padded = np.zeros(x.shape[1] + 1)
        padded[: len(stored["weights"])] = stored["weights"]
        res = evaluate(x, group, y, meta, padded)
        print("stored model:", {s: (v["r@5"], v["r@10"]) for s, v in res.items() if ":" not in s})
    for held in sets:
        train = qset != held
        w = learn(x[train], y[train], group[train])
        res = evaluate(x, group, y, meta, w)
        base = evaluate(x, group, y, meta, None)
        print(
            f"  fit without {held}: {held} {base[held]['r@5']:.3f}/{base[held]['r@10']:.3f} -> {res[held]['r@5']:.3f}/{res[held]['r@10']:.3f}"
        )
    w = learn(x, y, group)
    res = evaluate(x, group, y, meta, w)
    print("fitted on all tune halves (in-sample):", {s: v for s, v in res.items() if ":" not in s})
    print("  by type:", {s: (v["r@5"], v["r@10"]) for s, v in res.items() if s.startswith("all:")})
    for name, weight in zip(FEATURES, w[:-1], strict=True):
        print(f"    {name:22} {weight:+.3f}")
    if write:
        out.write_text(
            json.dumps(
                {
                    "features": list(FEATURES),
                    "weights": [round(float(v), 5) for v in w[:-1]],
                    "intercept": round(float(w[-1]), 5),
                    "fitted": (
                        f"L2 logistic regression (l2={l2}, Newton), {loss}: a candidate among a question's top {TOP} "
                        f"is positive when it is an evidence turn; {len(meta)} questions ({int(y.sum())} positives, "
                        f"{len(y)} candidates) of recall sets {', '.join(sets)} (development data; "
                        f"features left out: {', '.join(without) or 'none'}); "
                        "benchmarks/bench_rerank.py dump, fit --write"
                    ),
                },
                indent=2,
            )
            + "\n"
        )
        print(f"wrote {out}")


def main(argv: list[str] | None = None) -> int:
    """dump | fit."""
    parser = argparse.ArgumentParser(prog="bench_rerank", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--sets", default="recall5,recall6,recall7")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--top", type=int, default=TOP, help="candidates re-ordered (dump)")
    parser.add_argument("--dump", default=DUMP, help="the dump file's name under --data")
    parser.add_argument("--write", action="store_true", help="store the weights fitted on all tune halves")
    parser.add_argument("--loss", choices=("pointwise", "pairwise"), default="pointwise")
    parser.add_argument("--halves", choices=("tune", "all"), default="tune", help="questions dumped")
    parser.add_argument("--without", default="", help="comma-separated features left out of the fit")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE, help="where --write stores the weights")
    parser.add_argument("step", choices=("dump", "fit"))
    args = parser.parse_args(argv)
    if args.step == "dump":
        dump(args.data, args.sets.split(","), args.top, args.dump, args.halves)
    else:
        without = tuple(f for f in args.without.split(",") if f)
        fit(args.data, args.l2, args.write, args.loss, args.dump, without, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def _pair_grads(s: np.ndarray, pos: np.ndarray, neg: np.ndarray, qw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Gradient and hessian of the pairwise logistic loss for padded [questions, candidates] scores."""
    sig = 1.0 / (1.0 + np.exp(np.clip(s[:, :, None] - s[:, None, :], -30, 30)))  # sigmoid(-(s_i - s_j))
    m = (pos[:, :, None] & neg[:, None, :]) * qw[:, None, None]
    grad = sig * m
    hess = sig * (1.0 - sig) * m
    return -grad.sum(axis=2) + grad.sum(axis=1), hess.sum(axis=2) + hess.sum(axis=1)


def fit_trees(
    x: np.ndarray,
    y: np.ndarray,
    group: np.ndarray,
    trees: int = 100,
    depth: int = 3,
    rate: float = 0.1,
    lam: float = 10.0,
    bins: int = 32,
    base: np.ndarray | None = None,
) -> dict[str, Any]:
    """Gradient-boosted regression trees (complete, `depth` levels) on the pairwise logistic loss (LambdaRank-like).

    `base`: each row's starting score (a linear model's), boosted on; returns thresholds and leaf values."""
    groups = np.unique(group)
    width = int(np.bincount(group).max())
    slot = np.zeros(len(group), dtype=int)
    row_of = np.searchsorted(groups, group)
    for g in groups:
        idx = np.flatnonzero(group == g)
        slot[idx] = np.arange(len(idx))
    pos = np.zeros((len(groups), width), dtype=bool)
    neg = np.zeros((len(groups), width), dtype=bool)
    pos[row_of, slot] = y > 0
    neg[row_of, slot] = y <= 0
    qw = 1.0 / np.sqrt(np.maximum(pos.sum(axis=1), 1))
    edges = [np.unique(np.quantile(x[:, f], np.linspace(0, 1, bins + 1)[1:-1])) for f in range(x.shape[1])]
    binned = np.stack([np.searchsorted(e, x[:, f], side="right") for f, e in enumerate(edges)], axis=1)
    score = np.zeros(len(y)) if base is None else base.astype(np.float64).copy()
    feats = np.zeros((trees, 2**depth - 1), dtype=int)
    thresholds = np.zeros((trees, 2**depth - 1))
    leaves = np.zeros((trees, 2**depth))
    for t in range(trees):
        s = np.zeros((len(groups), width))
        s[row_of, slot] = score
        g2, h2 = _pair_grads(s, pos, neg, qw)
        g, h = g2[row_of, slot], h2[row_of, slot]
        node = np.zeros(len(y), dtype=int)  # position in the level, 0 .. 2^level - 1
        for level in range(depth):
            for k in range(2**level):
                at = np.flatnonzero(node == k)
                best = (0.0, 0, np.inf)
                if len(at) > 1:
                    gs, hs = g[at].sum(), h[at].sum()
                    for f in range(x.shape[1]):
                        nb = len(edges[f]) + 1
                        gl = np.cumsum(np.bincount(binned[at, f], g[at], nb))[:-1]
                        hl = np.cumsum(np.bincount(binned[at, f], h[at], nb))[:-1]
                        gain = gl**2 / (hl + lam) + (gs - gl) ** 2 / (hs - hl + lam) - gs**2 / (hs + lam)
                        if len(gain) and gain.max() > best[0]:
                            b = int(gain.argmax())
                            best = (float(gain.max()), f, float(edges[f][b]))
                i = 2**level - 1 + k
                feats[t, i], thresholds[t, i] = best[1], best[2]
                go_right = x[at, best[1]] > best[2]
                node[at] = 2 * k + go_right
        for k in range(2**depth):
            at = node == k
            leaves[t, k] = -rate * g[at].sum() / (h[at].sum() + lam)
        score += leaves[t, node]
    return {"features": feats, "thresholds": thresholds, "leaves": leaves}


def tree_scores(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Sum of the trees' leaf values for each row."""
    feats, thr, leaves = model["features"], model["thresholds"], model["leaves"]
    depth = int(np.log2(leaves.shape[1]))
    n_trees = feats.shape[0]
    node = np.zeros((len(x), n_trees), dtype=int)
    cols = np.arange(n_trees)
    for level in range(depth):
        i = 2**level - 1 + node
        f, t = feats[cols, i], thr[cols, i]
        node = 2 * node + (x[np.arange(len(x))[:, None], f] > t)
    return leaves[cols, node].sum(axis=1)
