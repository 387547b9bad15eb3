"""Chat-aware ranking: question-only lines demoted, a line's dense context, cached scope vectors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest

from benchmarks.locomo_data import locomo_dataset
from memory.errors import UnknownClient
from memory.index import VectorIndex, separate_duplicates
from memory.recall import Weights, asks_only, demote_questions, without_names
from memory.service import NoteInput
from memory.vector_cache import VectorCache


def test_asks_only() -> None:
    assert asks_only("Clara: Which piece?")
    assert asks_only("What did you cook? Anything good?")
    assert not asks_only("Clara: Wow! We went to Paris. Have you been?")
    assert not asks_only("Felix: Green curry from scratch, even the paste!")
    assert not asks_only("")


def test_demote_questions_lowers_only_question_lines() -> None:
    fused = [(1, 2.0), (2, 1.8), (3, 1.0)]
    texts = {1: "Clara: Which piece did you play?", 2: "Jon: A Bach partita, my hands shook.", 3: "Jon: ok"}
    assert [r for r, _ in demote_questions(fused, texts, 0.5)] == [2, 1, 3]
    assert demote_questions(fused, texts, 0.0) == fused
    assert Weights().question > 0  # on by default (search uses it)


def _chat(memory: Any, lines: list[str]) -> None:
    start = datetime(2025, 3, 1, 14, 0, tzinfo=UTC)
    memory.import_notes(
        [
            NoteInput(
                client="Jon and Clara",
                text=text,
                at=start + timedelta(seconds=i),
                at_raw="2025-03-01",
                note_id=f"t{i}",
                source="import",
            )
            for i, text in enumerate(lines)
        ]
    )


def test_search_demotes_the_question_line(memory: Any) -> None:
    """'What piece did Jon perform?' matches Clara's question line best; search lowers that line."""
    _chat(
        memory,
        [
            "Jon: I played at the community recital last Sunday!",
            "Clara: Which piece did you perform?",
            "Jon: A Bach partita, my hands were shaking.",
            "Clara: I baked bread all weekend.",
            "Jon: The weather has been lovely.",
        ],
    )
    client = memory.exact_client("Jon and Clara")
    query = "What piece did Jon perform?"
    memory.weights = Weights(learned=False)  # the demotion itself, before the learned order re-assigns scores
    default = {h.note.id: h.score for h in memory.search(query, k=5, client=client)}
    memory.weights = Weights(question=0.0, learned=False)
    plain = {h.note.id: h.score for h in memory.search(query, k=5, client=client)}
    assert default["t1"] == pytest.approx(plain["t1"] - Weights().question, abs=1e-5)
    assert default["t2"] == plain["t2"] and default["t0"] == plain["t0"]


def test_without_names_takes_the_scope_name_out_of_the_dense_query() -> None:
    assert without_names("What is Kenji's identity?", "Kenji and Omar") == "What is identity?"
    assert without_names("When did Omar and Kenji meet?", "Kenji and Omar") == "When did and meet?"
    assert without_names("What does Dana Lee want?", "Dana Lee") == "What does want?"
    assert without_names("What is Xavier planning to buy", "Dana Lee") == "What is Xavier planning to buy"
    assert without_names("Kenji?", "Kenji and Omar") == "Kenji?"  # nothing but the name: kept


def test_search_embeds_the_query_without_the_scope_name(memory: Any) -> None:
    _chat(memory, ["Jon: That's so true.", "Clara: We went to Lisbon!"])
    client = memory.exact_client("Jon and Clara")
    seen: list[str] = []
    dense = memory._dense
    memory._dense = lambda query, k, cid, *rest: seen.append(query) or dense(query, k, cid, *rest)
    memory.search("Where did Clara travel?", k=2, client=client)
    assert seen == ["Where did travel?"]


def test_lexical_context_holds_two_notes_on_each_side(memory: Any) -> None:
    _chat(memory, [f"Jon: line {w}" for w in ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot")])
    rowid = memory.ledger.note_rowid("t2")
    [(context,)] = memory.ledger.db.execute("SELECT context FROM notes_fts WHERE rowid = ?", (rowid,)).fetchall()
    assert all(w in context for w in ("alpha", "bravo", "delta", "echo"))
    assert "charlie" not in context and "foxtrot" not in context
    found = memory.ledger.fts_search('"alpha"', memory.exact_client("Jon and Clara").id, 10)
    assert {r for r, _ in found} == {memory.ledger.note_rowid(i) for i in ("t0", "t1", "t2")}
    # A ledger written with one neighbour on each side gets two from `reindex`.
    memory.ledger.set_neighbours([(rowid, None, None, "Jon: line bravo\nJon: line delta")])
    memory.reindex()
    [(context,)] = memory.ledger.db.execute("SELECT context FROM notes_fts WHERE rowid = ?", (rowid,)).fetchall()
    assert all(w in context for w in ("alpha", "bravo", "delta", "echo"))


def test_chat_previous_links_transcript_lines_only(memory: Any) -> None:
    _chat(memory, ["Jon: How was the trip?", "Clara: Lovely, we saw whales.", "plain sales note, no speaker"])
    client = memory.exact_client("Jon and Clara")
    rows = {r[1]: r[0] for r in memory.ledger.note_rows()}
    scope = memory.ledger.client_rowids(client.id)
    previous = memory._chat_previous(client.id, scope)
    assert previous == {rows["t1"]: rows["t0"]}


class _Collection:
    """A stand-in Chroma collection that counts fetches by id."""

    def __init__(self, vectors: dict[int, list[float]]) -> None:
        self.vectors = vectors
        self.gets = 0

    def get(self, ids: list[str], include: list[str]) -> dict[str, Any]:
        self.gets += 1
        present = [i for i in ids if int(i) in self.vectors]
        return {"ids": present, "embeddings": [self.vectors[int(i)] for i in present]}

    def upsert(self, **_: Any) -> None:
        pass

    def delete(self, ids: list[str]) -> None:
        for i in ids:
            self.vectors.pop(int(i), None)


class _Client:
    """A stand-in Chroma client whose collections are the fake above."""

    def delete_collection(self, name: str) -> None:
        pass

    def get_or_create_collection(self, name: str, **_: Any) -> _Collection:
        return _Collection({})


def _index(vectors: dict[int, list[float]]) -> tuple[VectorIndex, _Collection]:
    index = VectorIndex(client=None, user="u", embedder_name="test", cache=VectorCache())
    col = _Collection(vectors)
    index._col = col
    return index, col


def test_scope_vectors_are_fetched_once_and_written_vectors_never() -> None:
    index, col = _index({1: [1.0, 0.0], 2: [0.0, 1.0]})
    query = np.array([1.0, 0.0], dtype=np.float32)
    assert [r for r, _ in index.query(query, 2, scope=[1, 2])] == [1, 2]
    index.query(query, 2, scope=[1, 2])
    assert col.gets == 1  # the second search reused the vectors
    index.add([3], np.array([[0.6, 0.8]], dtype=np.float32), [7])
    hits = index.query(query, 3, scope=[1, 2, 3])
    assert col.gets == 1  # a vector this process wrote is held: no fetch
    assert [r for r, _ in hits] == [1, 3, 2] and abs(dict(hits)[3] - 0.6) < 0.02  # stored with a tiny offset
    index.delete([1])
    assert [r for r, _ in index.query(query, 3, scope=[2, 3])] == [3, 2]
    assert col.gets == 1
    index.query(query, 3, scope=[2, 3, 4])  # 4 is not in the store (not indexed yet): asked for each time
    index.query(query, 3, scope=[2, 3, 4])
    assert col.gets == 3


def test_a_client_is_ranked_whole_when_the_cache_starts_again_mid_search() -> None:
    index, _ = _index({r: [1.0, r / 10] for r in range(10)})
    index._cache = VectorCache(max_rows=9)
    query = np.array([1.0, 0.0], dtype=np.float32)
    index.query(query, 8, scope=list(range(8)))  # 8 rows held
    hits = index.query(query, 10, scope=list(range(10)))  # 2 more fetched: the cache starts again
    assert sorted(r for r, _ in hits) == list(range(10))
    assert [r for r, _ in index.query(query, 10, scope=list(range(10)))] == [r for r, _ in hits]


def test_a_fetched_vector_never_replaces_one_written_meanwhile() -> None:
    cache: VectorCache[int] = VectorCache()
    cache.put([1], np.array([[1.0, 0.0]], dtype=np.float32))
    cache.put([1, 2], np.array([[0.0, 1.0], [0.6, 0.8]], dtype=np.float32), replace=False)
    rowids, matrix = cache.get([1, 2])
    assert rowids == [1, 2] and matrix is not None and matrix[0].tolist() == [1.0, 0.0]


def test_identical_vectors_are_stored_slightly_apart_and_reproducibly() -> None:
    """Byte-identical vectors would make a sink in HNSW's graph; a tiny per-note offset breaks the tie."""
    same = np.tile(np.array([0.6, 0.8] + [0.0] * 382, dtype=np.float32), (3, 1))
    moved = separate_duplicates([10, 11, 12], same)
    assert len({row.tobytes() for row in moved}) == 3
    assert np.allclose(np.linalg.norm(moved, axis=1), 1.0, atol=1e-6)
    assert (moved @ same[0]).min() > 0.999  # a similarity moves by far less than ranking needs
    assert np.array_equal(separate_duplicates([11], same[:1]), moved[1:2])  # the same note, the same offset


def test_one_cache_serves_every_salesperson_and_a_drop_forgets_only_its_own() -> None:
    cache: VectorCache[tuple[str, int]] = VectorCache()
    mine = VectorIndex(client=None, user="a", embedder_name="test", cache=cache)
    theirs = VectorIndex(client=None, user="b", embedder_name="test", cache=cache)
    mine._col, theirs._col = _Collection({}), _Collection({})
    vectors = np.eye(2, dtype=np.float32)
    mine.add([1, 2], vectors, [7, 7])
    theirs.add([1, 2], vectors[::-1], [8, 8])  # the same rowids in another collection: kept apart
    query = np.array([1.0, 0.0], dtype=np.float32)
    assert mine.query(query, 1, scope=[1, 2])[0][0] == 1 and theirs.query(query, 1, scope=[1, 2])[0][0] == 2
    mine.client = _Client()
    mine.drop()
    assert len(cache) == 2 and theirs.scope_vectors([1, 2])[0] == [1, 2]
    assert cache.missing([(mine.name, 1), (mine.name, 2)]) == [(mine.name, 1), (mine.name, 2)]


def test_vector_cache_is_bounded_and_starts_again_when_full() -> None:
    cache: VectorCache[int] = VectorCache(max_rows=3)
    cache.put([1, 2], np.eye(2, dtype=np.float32))
    cache.put([2], np.array([[0.0, -1.0]], dtype=np.float32))  # overwritten in place
    rowids, matrix = cache.get([2, 1, 9])
    assert rowids == [2, 1] and matrix is not None and matrix.tolist() == [[0.0, -1.0], [1.0, 0.0]]
    cache.put([3, 4], np.eye(2, dtype=np.float32))  # would hold 4 rows: starts again with these two
    assert len(cache) == 2 and cache.missing([1, 2, 3, 4]) == [1, 2]
    cache.put([5], np.ones((1, 3), dtype=np.float32))  # another dimension (another model): starts again
    assert len(cache) == 1 and cache.get([3])[0] == []


def test_window_mixes_in_the_previous_line() -> None:
    """A line whose predecessor matches the query is lifted above an equally similar line without one."""
    index, _ = _index({1: [0.0, 1.0], 2: [0.6, 0.8], 3: [0.6, 0.8], 4: [1.0, 0.0]})
    query = np.array([0.0, 1.0], dtype=np.float32)
    plain = index.query(query, 4, scope=[1, 2, 3, 4])
    assert dict(plain)[2] == dict(plain)[3]
    previous: dict[int, int | None] = {2: 1, 3: 4}
    ranked = [r for r, _ in index.query(query, 4, scope=[1, 2, 3, 4], previous=previous, window=0.3)]
    assert ranked.index(2) < ranked.index(3)
    context = index._contexts[(1, 2, 3, 4)][2]  # kept with the cached scope, reused by the next search
    index.query(query, 4, scope=[1, 2, 3, 4], previous=previous, window=0.3)
    assert index._contexts[(1, 2, 3, 4)][2] is context


def test_locomo_like_generator_is_seeded_and_consistent() -> None:
    one, again = locomo_dataset(1, conversations=2, sessions=6), locomo_dataset(1, conversations=2, sessions=6)
    assert [n.text for n in one.notes] == [n.text for n in again.notes]
    ids = {n.id for n in one.notes}
    assert one.questions and all(e in ids for q in one.questions for e in q.evidence)
    assert {q.kind for q in one.questions} == {"temporal", "detail", "single-hop", "multi-hop"}
    texts = {n.id: n.text for n in one.notes}
    # Topics recur: some evidence topic words also appear in non-evidence lines.
    evidence = {e for q in one.questions for e in q.evidence}
    assert any("garden" in texts[i] or "hike" in texts[i] for i in ids - evidence)


def _notes(memory: Any, client: str, lines: list[str], prefix: str) -> None:
    start = datetime(2025, 3, 1, 14, 0, tzinfo=UTC)
    memory.import_notes(
        [
            NoteInput(
                client=client, text=t, at=start + timedelta(seconds=i), at_raw="2025-03-01", note_id=f"{prefix}{i}"
            )
            for i, t in enumerate(lines)
        ]
    )


def test_a_chat_under_an_opaque_name_is_found_and_searched_by_its_speakers(memory: Any) -> None:
    """A chat imported as "conv-26" is found from "When did Caleb move?", and Caleb is no search word in it."""
    _notes(memory, "conv-26", ["Caleb: I moved to a flat by the river in May.", "Priya: Nice! Big kitchen?"], "a")
    _notes(memory, "conv-27", ["Omar: I moved my office to Lyon.", "Rhea: So true.", "Omar: Ha."], "b")
    _notes(memory, "Dana Lee", ["Update: wants the blue one.", "Dana: call me Friday.", "Monday: pricing sent."], "c")
    conv26, conv27 = memory.exact_client("conv-26"), memory.exact_client("conv-27")
    assert memory.ledger.speakers() == {conv26.id: ["Caleb", "Priya"], conv27.id: ["Omar", "Rhea"]}  # no labels
    assert conv26.aliases == ()  # a speaker is no name of the client: it never resolves one for a note
    with pytest.raises(UnknownClient):
        memory.find_client("Caleb")

    seen: list[str] = []
    dense = memory._dense
    memory._dense = lambda query, k, cid, *rest: seen.append(query) or dense(query, k, cid, *rest)
    hits = memory.search("When did Caleb move?", k=2)
    assert [h.note.id for h in hits] == ["a0", "a1"]  # only conv-26's lines, though conv-27 also "moved"
    assert seen == ["When did move?"]
    seen.clear()
    memory.search("When did Omar move?", k=2, client=conv27)
    assert seen == ["When did move?"]


def test_reindex_learns_the_speakers_of_notes_stored_before_they_were_kept(memory: Any) -> None:
    _notes(memory, "conv-26", ["Caleb: I moved to a flat by the river in May.", "Update: none."], "a")
    conv26 = memory.exact_client("conv-26")
    memory.ledger.db.execute("DELETE FROM client_aliases WHERE kind = 'speaker'")  # as an older Chet wrote it
    assert memory.ledger.speakers() == {}
    memory.reindex()
    assert memory.ledger.speakers() == {conv26.id: ["Caleb"]}
