"""The memory's core paths on the embedded store and on a real Chroma server (`chroma run` on loopback)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from memory import index as index_module
from memory.service import NoteInput
from memory.vector_cache import VectorCache

AT = datetime(2025, 3, 3, 10, tzinfo=UTC)


def _note(client: str, text: str, note_id: str) -> NoteInput:
    return NoteInput(client=client, text=text, at=AT, at_raw="2025-03-03", note_id=note_id, source="import")


NOTES = [
    _note("Dana Lee", "Dana wants the navy jacket, not the charcoal one.", "d1"),
    _note("Dana Lee", "Her daughter Sofia plays cello in the school orchestra.", "d2"),
    _note("Omar Haddad", "Omar is evaluating the analytics add-on for his team of 12.", "o1"),
    _note("Omar Haddad", "Promised Omar the security whitepaper by Friday.", "o2"),
]


def test_import_search_forget_reindex(any_memory: Any) -> None:
    assert any_memory.import_notes(NOTES) == (4, 0)
    assert any_memory.import_notes(NOTES) == (0, 4)
    hits = any_memory.search("which colour of coat does she like", k=2, client=any_memory.find_client("Dana"))
    assert hits[0].note.id == "d1" and len(hits) == 2
    assert [h.note.id for h in any_memory.search("music instrument her kid plays", k=1)] == ["d2"]
    any_memory.forget(any_memory.find_client("Omar Haddad"))
    assert {h.note.id for h in any_memory.search("analytics whitepaper", k=10)} == {"d1", "d2"}
    assert any_memory.index.count() == 2
    assert any_memory.reindex() == 2


def test_users_never_share_vectors(any_runtime: Any) -> None:
    any_memory = any_runtime.memory("local")
    any_memory.import_notes(NOTES[:2])
    other = any_runtime.memory("other")
    other.import_notes([_note("Zed Quinn", "Zed wants the navy jacket too.", "d1")])
    assert [h.note.client for h in other.search("navy jacket", k=10)] == ["Zed Quinn"]
    assert {h.note.client for h in any_memory.search("navy jacket", k=10)} == {"Dana Lee"}


def test_index_outage_degrades_to_keyword_search(any_memory: Any) -> None:
    any_memory.import_notes(NOTES)

    def broken(name: str) -> Any:
        raise RuntimeError("index down")

    any_memory._index, any_memory._index_factory = None, broken
    hits = any_memory.search("security whitepaper", k=2)
    assert hits[0].note.id == "o2" and len(hits) == 2
    assert any("keyword search only" in w for w in any_memory.warnings)
    stored = any_memory.add_note(_note("Dana Lee", "Dana asked about the spring catalogue.", "d3"))
    assert stored.notices and "indexed later" in stored.notices[0]
    assert any_memory.ledger.count_notes() == 5  # nothing lost while the index is down


def test_a_collection_made_with_an_older_ef_search_gets_todays(any_memory: Any) -> None:
    from memory.index import HNSW

    any_memory.import_notes(NOTES[:1])
    col = any_memory.index.collection
    col.modify(configuration={"hnsw": {"ef_search": 123}})  # as an older Chet made it
    any_memory.index._col = None  # the next open (another process) reads it again
    assert any_memory.index.collection.configuration_json["hnsw"]["ef_search"] == HNSW["ef_search"]
    assert [h.note.id for h in any_memory.search("navy jacket", k=1)] == ["d1"]


@pytest.mark.sqlite_only  # PostgreSQL's identity column never hands out a rowid twice
def test_a_worker_drops_held_vectors_when_another_worker_deleted_notes(
    data_dir: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After "undo" on one worker, SQLite gives the next note the undone note's rowid: no stale vector."""
    from bot.runtime import Runtime
    from bot.settings import Settings

    settings = Settings(chet_data_dir=data_dir, chet_offline=True, _env_file=None)
    one = Runtime(settings).memory("u")
    one.import_notes(NOTES[:2])
    dana = one.find_client("Dana")
    query = "hiking boots for the Alps"
    one.search(query, k=2, client=dana)  # this worker now holds both vectors
    monkeypatch.setattr(index_module, "SHARED", VectorCache())  # another worker: another process's cache
    other = Runtime(settings).memory("u")
    undone_rowid = other.ledger.note_rowid("d2")
    undone = other.undo_last()
    assert undone is not None and undone.id == "d2"
    other.add_note(_note("Dana Lee", "Dana needs hiking boots for the Alps in June.", "d3"))
    reused = other.ledger.note_rowid("d3")
    assert reused == undone_rowid and reused is not None  # SQLite reused it
    mine, theirs = dict(one._dense(query, 2, dana.id)), dict(other._dense(query, 2, dana.id))
    assert abs(mine[reused] - theirs[reused]) < 1e-3  # the new note's vector, not the undone one's
