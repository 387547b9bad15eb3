"""The learned reranking stage (memory/rerank.py): its features, its stored model, and search with it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from memory.recall import Weights
from memory.records import Note
from memory.rerank import (
    FEATURES,
    WEIGHTS_FILE,
    Candidates,
    Model,
    _asks_state,
    _query_months,
    features,
    load_model,
    rerank_learned,
)
from tests.helpers import import_lines


@pytest.mark.parametrize(
    ("query", "months"),
    [
        ("What did the Okafor family book for last summer?", {6, 7, 8}),
        ("Which tiles did he order in March?", {3}),
        ("Where did they go over Christmas?", {12, 1}),
        ("What was quoted in winter?", {12, 1, 2}),
        ("She may call about the march of prices", set()),  # "may" the modal, "march" the noun
        ("What did she want for the patio?", set()),
    ],
)
def test_query_months_without_a_year(query: str, months: set[int]) -> None:
    assert _query_months(query) == months


@pytest.mark.parametrize(
    ("query", "latest", "first"),
    [
        ("Which supplier did Lina end up using?", True, False),
        ("What colour does he want now?", True, False),
        ("What fabric did Ines originally pick?", False, True),
        ("Which venue was booked at first?", False, True),
        ("What does Tariq think of the quote?", False, False),
    ],
)
def test_asks_for_the_latest_or_first_state(query: str, latest: bool, first: bool) -> None:
    assert _asks_state(query) == (latest, first)


def test_a_model_fitted_on_fewer_features_still_scores(tmp_path: Path) -> None:
    older = tmp_path / "w.json"
    older.write_text(json.dumps({"features": ["dense", "coverage"], "weights": [1.0, 0.5]}))
    model = load_model(older)
    assert model is not None and model.names == ("dense", "coverage")
    x = np.zeros((2, len(FEATURES)))
    x[0, FEATURES.index("dense")], x[1, FEATURES.index("coverage")] = 1.0, 4.0
    assert model.score(x).tolist() == [1.0, 2.0]


def _note(rowid: int, text: str, at: str, client_id: int = 1) -> Note:
    when = datetime.fromisoformat(at).replace(tzinfo=UTC)
    return Note(f"n{rowid}", client_id, "c", text, "import", when, when)


def _candidates(query: str, notes: list[Note], cosines: list[float]) -> Candidates:
    by_row = dict(enumerate(notes))
    ranked = [(r, 1.0 - 0.1 * r) for r in by_row]
    neighbours = {r: (r - 1 if r > 0 else None, r + 1 if r + 1 < len(notes) else None) for r in by_row}
    return Candidates(query, ranked, by_row, [], 0.0, dict(enumerate(cosines)), neighbours)


def test_features_tell_month_reply_and_window() -> None:
    notes = [
        _note(0, "Dev: when does the kiln arrive?", "2025-07-03T10:00"),
        _note(1, "Asha: the 14th, they said", "2025-07-03T10:02"),
        _note(2, "Asha: glaze order went in", "2025-11-20T09:00"),
    ]
    x = features(_candidates("When did the kiln arrive in July?", notes, [0.6, 0.1, 0.2]))
    col = {name: x[:, i] for i, name in enumerate(FEATURES)}
    assert col["month"].tolist() == [1.0, 1.0, 0.0]  # dated in July; the November note is not
    assert col["reply"].tolist() == [0.0, 1.0, 0.0]  # the answer right after the line that asks
    assert col["asks_only"].tolist() == [1.0, 0.0, 0.0]
    assert col["window_coverage"][1] > col["coverage"][1]  # "kiln" is in the line before it
    assert col["when_time"].tolist() == [0.0, 1.0, 0.0]  # "the 14th" tells a time


def test_stored_model_matches_the_features_and_a_stale_file_is_ignored(tmp_path: Path) -> None:
    model = load_model()
    assert model is not None and set(model.names) <= set(FEATURES) and len(model.weights) == len(model.names)
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert "recall sets" in data["fitted"]  # says how it was fitted
    stale = tmp_path / "w.json"
    stale.write_text(json.dumps({"features": ["score", "gone"], "weights": [1.0, 2.0]}))
    assert load_model(stale) is None


def test_rerank_learned_reorders_the_head_and_keeps_scores_decreasing() -> None:
    notes = [_note(i, f"line {i}", f"2025-0{i + 1}-01T10:00") for i in range(4)]
    c = _candidates("anything", notes, [0.1, 0.2, 0.3, 0.9])
    dense_only = Model(tuple(1.0 if f == "dense" else 0.0 for f in FEATURES))
    out = rerank_learned(c, dense_only, top=3)
    assert [r for r, _ in out] == [2, 1, 0, 3]  # the top three by cosine; the fourth stays after them
    scores = [s for _, s in out]
    assert scores == sorted(scores, reverse=True)
    assert np.isfinite(scores).all()


def _rank(memory: Any, query: str, wanted: str, learned: bool) -> int:
    memory.weights = replace(Weights(), learned=learned)
    ids = [h.note.id for h in memory.search(query, k=10)]
    return ids.index(wanted) if wanted in ids else 99


FLOORING = [
    ("2025-01-14T10:00", "Marta Quill: first visit, measured the hallway and two bedrooms."),
    ("2025-01-14T10:30", "Marta Quill picked the white oak planks, matte finish."),
    ("2025-02-20T15:00", "Marta Quill asked about underfloor heating under the planks."),
    ("2025-03-11T11:00", "Marta Quill switched to walnut planks after seeing the sample board."),
    ("2025-03-11T11:20", "Walnut planks for all three rooms, she wants the darker stain."),
    ("2025-04-02T09:00", "Planks delivered, walnut, acclimatising in the garage."),
    ("2025-04-09T09:00", "Install done; Marta Quill loves the walnut planks."),
]


def test_a_question_naming_a_month_finds_that_months_note(memory: Any) -> None:
    # With the learned order off, the walnut switch ranks first and the February note second.
    import_lines(memory, "Marta Quill", FLOORING)
    query = "What did Marta Quill ask about the planks in February?"
    assert _rank(memory, query, "n2", learned=True) == 0
