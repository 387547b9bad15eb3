"""The vectors kept beside the index: a new process searches without loading Chroma, and gets the same hits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from memory.index import VECTOR_FILE
from memory.service import NoteInput
from memory.vector_cache import SHARED, VectorFile
from tests.test_recall import DANA, OMAR, ids, load


def reopened(settings: Any) -> Any:
    """The 'local' memory as a new process opens it: a new Runtime, no vectors held in memory."""
    from bot.runtime import Runtime

    SHARED.clear()
    return Runtime(settings).memory("local")


def test_a_new_process_searches_without_opening_chroma(memory: Any, settings: Any) -> None:
    load(memory, DANA + OMAR)
    dana = memory.find_client("Dana Lee")
    expected = ids(memory.search("what colour does she want", k=3, client=dana))
    expected_all = ids(memory.search("marathon training", k=3))

    fresh = reopened(settings)
    assert ids(fresh.search("what colour does she want", k=3, client=fresh.find_client("Dana Lee"))) == expected
    assert ids(fresh.search("marathon training", k=3)) == expected_all
    assert fresh.index._client is None  # ranked from the vector file; Chroma was never opened


def test_an_index_built_before_the_file_fills_it_once(memory: Any, settings: Any, data_dir: Path) -> None:
    load(memory, DANA + OMAR)
    expected = ids(memory.search("allergies", k=3))
    (data_dir / "chroma" / VECTOR_FILE).unlink()  # as an older Chet left it: vectors in Chroma only

    first = reopened(settings)
    assert ids(first.search("allergies", k=3)) == expected
    assert first.index._client is not None  # the vectors came from Chroma this once
    second = reopened(settings)
    assert ids(second.search("allergies", k=3)) == expected
    assert second.index._client is None


def test_forget_removes_the_clients_vectors_from_the_file(memory: Any, data_dir: Path) -> None:
    load(memory, DANA + OMAR)
    omar = memory.find_client("Omar Haddad")
    rowids = memory.ledger.client_rowids(omar.id)
    disk = VectorFile(data_dir / "chroma" / VECTOR_FILE)
    assert disk.get(memory.index.name, memory.index.embedder_name, rowids)[0] == rowids
    memory.forget(omar)
    assert disk.get(memory.index.name, memory.index.embedder_name, rowids) == ([], None)


def test_another_models_rows_read_as_missing(tmp_path: Path) -> None:
    disk = VectorFile(tmp_path / "v.sqlite3")
    disk.put("col", "model-a", [1, 2], np.eye(2, 4, dtype=np.float32))
    found, matrix = disk.get("col", "model-a", [2, 3, 1])
    assert found == [2, 1] and matrix is not None and np.allclose(matrix, [[0, 1, 0, 0], [1, 0, 0, 0]])
    assert disk.get("col", "model-b", [1, 2]) == ([], None)
    disk.put("col", "model-b", [3], np.ones((1, 4), dtype=np.float32))  # a new model starts the collection again
    assert disk.get("col", "model-b", [1, 2, 3])[0] == [3]
    disk.drop("col")
    assert disk.get("col", "model-b", [3]) == ([], None)


def test_a_damaged_vector_file_is_started_again(memory: Any, settings: Any, data_dir: Path) -> None:
    load(memory, DANA + OMAR)
    expected = ids(memory.search("marathon training", k=3))
    path = data_dir / "chroma" / VECTOR_FILE
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.write_bytes(b"not a database" * 100)

    fresh = reopened(settings)
    assert ids(fresh.search("marathon training", k=3)) == expected  # read from Chroma, file started again
    assert not fresh.warnings
    again = reopened(settings)
    assert ids(again.search("marathon training", k=3)) == expected
    assert again.index._client is None


def test_a_process_with_chroma_open_asks_hnsw_and_a_one_shot_ranks_exactly(memory: Any, settings: Any) -> None:
    load(memory, DANA + OMAR)
    asked: list[Any] = []
    fresh = reopened(settings)
    query = fresh.index.query

    def recording(vector: Any, k: int, client_id: Any = None, scope: Any = None, *rest: Any) -> Any:
        asked.append(scope)
        return query(vector, k, client_id, scope, *rest)

    fresh.index.query = recording
    fresh.search("marathon training", k=3)
    assert asked[-1] is not None and len(asked[-1]) == len(DANA + OMAR)  # exact, from the vector file
    fresh.add_note(NoteInput("Omar Haddad", "Signed up for the Boston marathon.", *_now()), forgiving=False)
    hits = fresh.search("Boston marathon", k=3)
    assert asked[-1] is None  # Chroma is open now (the note was written): its HNSW answers
    assert "Signed up for the Boston marathon." in [h.note.text for h in hits]


def _now() -> tuple[Any, str]:
    from datetime import UTC, datetime

    at = datetime(2024, 4, 1, tzinfo=UTC)
    return at, at.isoformat()
