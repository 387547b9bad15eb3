"""Recall's coarse session index and question splitting (issue 17)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from memory.index import VectorIndex
from memory.recall import Weights, combine_parts, number_sessions, query_parts, rerank
from memory.records import Note
from memory.service import NoteInput
from memory.vector_cache import VectorCache
from memory.when import asks_over_time
from tests.test_recall_context import _Collection


def _index(vectors: dict[int, list[float]]) -> VectorIndex:
    index = VectorIndex(client=None, user="u", embedder_name="test", cache=VectorCache())
    index._col = _Collection(vectors)
    return index


def test_sessions_break_on_a_gap_or_another_client() -> None:
    rows = [
        (1, 7, "2025-03-01T14:00:00+00:00"),
        (2, 7, "2025-03-01T16:59:00+00:00"),  # within 3 hours of the line before: same call
        (3, 7, "2025-03-01T20:00:00+00:00"),  # 3 h 1 min later: another session
        (4, 8, "2025-03-01T20:01:00+00:00"),  # another client
    ]
    assert number_sessions(rows) == {1: 0, 2: 0, 3: 1, 4: 2}


def test_a_note_of_a_session_about_the_query_is_lifted() -> None:
    """Two notes equally near the query: the one whose session is about the query ranks first."""
    index = _index({1: [0.0, 1.0, 0.0], 2: [0.6, 0.0, 0.8], 3: [0.6, 0.8, 0.0], 4: [0.0, 0.0, 1.0]})
    query = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    scope = [1, 2, 3, 4]
    plain = dict(index.query(query, 4, scope=scope))
    assert plain[2] == plain[3]
    sessions = {1: 0, 3: 0, 2: 1, 4: 2}  # note 3's session mate (1) is off-topic; note 2 is its session alone
    ranked = [r for r, _ in index.query(query, 4, scope=scope, sessions=sessions, session=0.5)]
    assert ranked.index(2) < ranked.index(3)
    assert {r for r, _ in index.query(query, 4, scope=scope, sessions=sessions, session=0.0)[:2]} == {2, 3}


def test_query_parts_pairs_split_two_named_things_or_times() -> None:
    assert query_parts("Compare Lena's Berlin and Hamburg half marathon times.") == []
    assert query_parts("Compare Lena's Berlin and Hamburg half marathon times.", pairs=True) == [
        "Compare Lena's Berlin half marathon times.",
        "Compare Lena's Hamburg half marathon times.",
    ]
    assert query_parts("Who signs off purchases, before and after the CFO change?", pairs=True) == [
        "Who signs off purchases, before the CFO change?",
        "Who signs off purchases, after the CFO change?",
    ]
    assert query_parts("Which machine for Nottingham and for Derby, and who chose it?", pairs=True)[:2] == [
        "Which machine for Nottingham",
        "Which machine for Derby",
    ]
    assert query_parts("Bread and Butter Co wants what?", pairs=True) == []  # a first word is no name
    assert query_parts("When did Nadia start at MemoryLane?", pairs=True) == []


def test_combine_parts_rrf_keeps_the_whole_lists_scale() -> None:
    whole = [(1, 2.0), (2, 1.5), (3, 0.2)]
    parts = [[(3, 0.9), (1, 0.1)], [(3, 0.8)]]
    fused = combine_parts(whole, parts, 1.0, "rrf")
    assert fused[0][0] == 3  # first in both parts
    assert max(s for _, s in fused) == 2.0 and min(s for _, s in fused) == 0.2
    assert combine_parts(whole, parts, 0.0, "rrf") == whole


def test_search_within_a_client_numbers_its_sessions(memory: Any) -> None:
    """A client's search scores its sessions (numbered once, kept); a search across clients does not number them."""
    start = datetime(2025, 3, 1, 14, 0, tzinfo=UTC)
    lines = [
        ("Dana Lee", "Wants forty chairs in blue fabric.", 0),
        ("Dana Lee", "Her daughter Sofia is touring colleges.", 1),
        ("Dana Lee", "Asked about a standing desk in oak.", 30),
        ("Omar Said", "Prefers calls after 3pm.", 31),
    ]
    memory.import_notes(
        [
            NoteInput(client=c, text=t, at=start + timedelta(hours=h), at_raw="2025-03-01", note_id=f"n{i}")
            for i, (c, t, h) in enumerate(lines)
        ]
    )
    memory.weights = replace(Weights(), session=0.4)
    assert memory.search("blue chairs", k=4)[0].note.id == "n0"
    assert memory._sessions_cache is None  # across clients: no sessions
    dana = memory.exact_client("Dana Lee")
    hits = memory.search("blue chairs", k=3, client=dana)
    assert hits[0].note.id == "n0" and sorted(h.note.id for h in hits) == ["n0", "n1", "n2"]
    assert memory._sessions_cache is not None and sorted(memory._sessions_cache[1].values()) == [0, 0, 1]


def test_asks_over_time_reads_questions_about_change() -> None:
    assert asks_over_time("How did the electric van's delivery date change?")
    assert asks_over_time("Dana's desk delivery kept moving: list every date it was set for.")
    assert asks_over_time("What wood did she want at first, and what did she switch to?")
    assert not asks_over_time("What does Sven do for a living?")
    assert not asks_over_time("When is Ruby's birthday?")


class _NoSource:
    def notes_by_rowid(self, rowids: Any) -> dict[int, Note]:
        return {}

    def neighbours(self, rowids: Any) -> dict[int, tuple[int | None, int | None]]:
        return {}


def test_spread_over_time_lowers_a_sessions_second_note_only_for_a_question_about_change() -> None:
    at = datetime(2025, 3, 1, 10, tzinfo=UTC)
    notes = {
        r: Note(f"n{r}", 1, "Dana", text, "import", at + timedelta(days=day), at + timedelta(days=day))
        for r, text, day in [(1, "Delivery set for April 10.", 0), (2, "Desks too.", 0), (3, "Delivery moved.", 9)]
    }
    fused = [(1, 1.0), (2, 0.95), (3, 0.9)]
    weights = replace(Weights(), reply=0.0, question=0.0, speaker=0.0, when=0.0, period=0.0, spread_over_time=0.1)
    assert [r for r, _ in rerank("How did the delivery date change?", fused, notes, _NoSource(), weights)] == [1, 3, 2]
    assert [r for r, _ in rerank("What was the delivery date?", fused, notes, _NoSource(), weights)] == [1, 2, 3]
