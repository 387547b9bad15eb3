"""The reranker's fitting tools (benchmarks/bench_rerank.py): the pairwise fit and the boosted trees."""

from __future__ import annotations

import numpy as np

from benchmarks.bench_rerank import fit_logistic, fit_pairwise, fit_trees, tree_scores


def _questions(seed: int, n: int = 120, width: int = 20) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Candidates of `n` questions; the evidence is the 2 best by a score with an interaction of two features."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n * width, 4))
    truth = x[:, 0] + 2.0 * (x[:, 1] > 0.5) * (x[:, 2] > 0.0)
    group = np.repeat(np.arange(n), width)
    y = np.zeros(n * width)
    for g in range(n):
        idx = np.flatnonzero(group == g)
        y[idx[np.argsort(-truth[idx])[:2]]] = 1
    return x, y, group, truth


def _recall_at(k: int, scores: np.ndarray, y: np.ndarray, group: np.ndarray) -> float:
    out = []
    for g in np.unique(group):
        idx = np.flatnonzero(group == g)
        out.append(y[idx[np.argsort(-scores[idx])[:k]]].sum() / y[idx].sum())
    return float(np.mean(out))


def test_pairwise_fit_is_the_mirrored_logistic_fit() -> None:
    x, y, group, _ = _questions(1)
    w = fit_pairwise(x, y, group, l2=3.0)
    diffs = []
    for g in np.unique(group):
        idx = np.flatnonzero(group == g)
        pos, neg = idx[y[idx] > 0], idx[y[idx] == 0]
        diffs.append((x[pos][:, None, :] - x[neg][None, :, :]).reshape(-1, x.shape[1]) / np.sqrt(len(pos)))
    d = np.concatenate(diffs)
    mirrored = fit_logistic(np.vstack([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))], l2=3.0)
    assert np.allclose(w[:-1], mirrored[:-1], atol=1e-8) and w[-1] == 0.0


def test_boosted_trees_learn_an_interaction_a_linear_model_cannot() -> None:
    x, y, group, _ = _questions(2)
    test_x, test_y, test_group, _ = _questions(3)
    linear = fit_pairwise(x, y, group, l2=1.0)
    trees = fit_trees(x, y, group, trees=30, depth=3, rate=0.3, base=x @ linear[:-1])
    boosted = test_x @ linear[:-1] + tree_scores(trees, test_x)
    assert _recall_at(2, boosted, test_y, test_group) > _recall_at(2, test_x @ linear[:-1], test_y, test_group) + 0.05
