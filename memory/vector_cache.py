"""The vectors this process wrote to or read from the index, by key, in float16, bounded.

One cache serves every salesperson a process holds (keys are (collection, rowid)), so the bound
is per process, not per salesperson; a lock makes it safe for the bot's worker threads.

A note's vector never changes (notes are not edited; a model change rebuilds the index and
forgets its rows here), so a row stays valid until its note is deleted. Ranking a client's notes
exactly needs their vectors: from here that costs microseconds, from Chroma ~1.5-2.5 ms a
search (`get` by id), which was most of the growth of search time from 1k to 100k notes.
float16 keeps cosine similarities to ~1e-3, well inside the ties of the fused ranking.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np

log = logging.getLogger(__name__)
K = TypeVar("K", bound=Hashable)
CACHE_ROWS = 150_000  # ~115 MB at 384 dimensions; past it the cache starts again empty


class VectorCache(Generic[K]):
    """key -> vector, stored as rows of one growable float16 matrix."""

    def __init__(self, max_rows: int = CACHE_ROWS) -> None:
        self.max_rows = max_rows
        self._slot: dict[K, int] = {}
        self._matrix: np.ndarray | None = None
        self._used = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._slot)

    def put(self, keys: Iterable[K], vectors: np.ndarray, replace: bool = True) -> None:
        """Remember these rows' vectors; a row already held is overwritten unless `replace` is False.

        replace=False is for vectors fetched from the index: a vector written meanwhile is newer.
        """
        ids = list(keys)
        if not ids or len(ids) > self.max_rows:
            return
        vectors = np.asarray(vectors, dtype=np.float16).reshape(len(ids), -1)
        with self._lock:
            if not replace:
                fresh = [i for i, k in enumerate(ids) if k not in self._slot]
                ids, vectors = [ids[i] for i in fresh], vectors[fresh]
                if not ids:
                    return
            if self._matrix is not None and self._matrix.shape[1] != vectors.shape[1]:
                self._clear()  # another model's dimension: nothing held is comparable
            new = [k for k in dict.fromkeys(ids) if k not in self._slot]
            if self._used + len(new) > self.max_rows:
                self._clear()
                new = list(dict.fromkeys(ids))
            self._reserve(self._used + len(new), vectors.shape[1])
            assert self._matrix is not None
            for key in new:
                self._slot[key] = self._used
                self._used += 1
            self._matrix[[self._slot[k] for k in ids]] = vectors

    def get(self, keys: Iterable[K]) -> tuple[list[K], np.ndarray | None]:
        """The held keys among `keys` (in their order) and their vectors as float32."""
        with self._lock:
            held = [k for k in keys if k in self._slot]
            if not held or self._matrix is None:
                return [], None
            return held, self._matrix[[self._slot[k] for k in held]].astype(np.float32)

    def missing(self, keys: Iterable[K]) -> list[K]:
        """The keys not held."""
        with self._lock:
            return [k for k in keys if k not in self._slot]

    def discard(self, keys: Iterable[K]) -> None:
        """Forget these rows (their slots are not reused until the cache starts again)."""
        with self._lock:
            for key in keys:
                self._slot.pop(key, None)

    def discard_where(self, belongs: Callable[[K], bool]) -> None:
        """Forget every row whose key `belongs` (a dropped collection)."""
        with self._lock:
            for key in [k for k in self._slot if belongs(k)]:
                del self._slot[key]

    def clear(self) -> None:
        """Forget everything and free the matrix."""
        with self._lock:
            self._clear()

    def _clear(self) -> None:
        self._slot.clear()
        self._matrix = None
        self._used = 0

    def _reserve(self, rows: int, dim: int) -> None:
        if self._matrix is not None and self._matrix.shape[0] >= rows:
            return
        capacity = min(self.max_rows, max(rows, 1024, 2 * (0 if self._matrix is None else self._matrix.shape[0])))
        grown = np.zeros((capacity, dim), dtype=np.float16)
        if self._matrix is not None:
            grown[: self._used] = self._matrix[: self._used]
        self._matrix = grown


# The process's cache, used by every VectorIndex unless given its own.
SHARED: VectorCache[tuple[str, int]] = VectorCache()


class VectorFile:
    """The index's vectors also kept in one SQLite file (float16 rows), read without loading Chroma.

    A one-shot `chet search` spent ~0.8-1.7 s importing and opening Chroma only to read a client's
    vectors by id; from this file the same read is a few milliseconds. It is derived like the index:
    written and deleted with it, keyed by collection, and tied to the embedding model that made it
    (another model's rows read as missing, so the caller falls back to the index, which rebuilds).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA secure_delete=ON")  # a forgotten client's vectors leave no trace in free pages
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (collection TEXT NOT NULL, rowid INTEGER NOT NULL,"
                " vector BLOB NOT NULL, PRIMARY KEY (collection, rowid)) WITHOUT ROWID"
            )
            db.execute("CREATE TABLE IF NOT EXISTS models (collection TEXT PRIMARY KEY, embedder TEXT NOT NULL)")
            self._db = db
        return self._db

    def put(self, collection: str, embedder: str, rowids: list[int], vectors: np.ndarray) -> None:
        """Store or replace rows; rows of another model in this collection are dropped first."""
        if not rowids:
            return
        rows = np.asarray(vectors, dtype=np.float16).reshape(len(rowids), -1)
        with self._lock, self._transaction() as db:
            got = db.execute("SELECT embedder FROM models WHERE collection = ?", (collection,)).fetchone()
            if got is None or got[0] != embedder:
                db.execute("DELETE FROM vectors WHERE collection = ?", (collection,))
                db.execute("INSERT OR REPLACE INTO models VALUES (?, ?)", (collection, embedder))
            db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                [(collection, r, row.tobytes()) for r, row in zip(rowids, rows, strict=True)],
            )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            db = self._conn()
        except sqlite3.DatabaseError as err:
            if isinstance(err, sqlite3.OperationalError):  # locked, read-only, full: the caller's error
                raise
            db = self._fresh()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def _fresh(self) -> sqlite3.Connection:
        """A damaged file ("file is not a database") is derived data: start it again empty."""
        log.warning("the vector file %s is damaged; starting it again (search reads Chroma meanwhile)", self.path)
        if self._db is not None:
            self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        return self._conn()

    def get(self, collection: str, embedder: str, rowids: list[int]) -> tuple[list[int], np.ndarray | None]:
        """The stored rows among `rowids` (in their order) and their vectors as float32."""
        if not rowids or not self.path.exists():
            return [], None
        try:
            return self._get(collection, embedder, rowids)
        except sqlite3.Error:  # unreadable now: the caller reads the index instead
            log.warning("could not read the vector file %s", self.path, exc_info=True)
            return [], None

    def _get(self, collection: str, embedder: str, rowids: list[int]) -> tuple[list[int], np.ndarray | None]:
        with self._lock:
            db = self._conn()
            got = db.execute("SELECT embedder FROM models WHERE collection = ?", (collection,)).fetchone()
            if got is None or got[0] != embedder:
                return [], None
            found: dict[int, bytes] = {}
            for start in range(0, len(rowids), 900):  # SQLite's bound-parameter limit
                part = rowids[start : start + 900]
                marks = ",".join("?" * len(part))
                found.update(
                    db.execute(
                        f"SELECT rowid, vector FROM vectors WHERE collection = ? AND rowid IN ({marks})",
                        (collection, *part),
                    ).fetchall()
                )
        order = [r for r in dict.fromkeys(rowids) if r in found]
        if not order:
            return [], None
        matrix = np.frombuffer(b"".join(found[r] for r in order), dtype=np.float16).reshape(len(order), -1)
        return order, matrix.astype(np.float32)

    def delete(self, collection: str, rowids: list[int]) -> None:
        """Forget these rows."""
        if not rowids or not self.path.exists():
            return
        with self._lock, self._transaction() as db:
            db.executemany("DELETE FROM vectors WHERE collection = ? AND rowid = ?", [(collection, r) for r in rowids])

    def drop(self, collection: str) -> None:
        """Forget a whole collection (a rebuild)."""
        if not self.path.exists():
            return
        with self._lock, self._transaction() as db:
            db.execute("DELETE FROM vectors WHERE collection = ?", (collection,))
            db.execute("DELETE FROM models WHERE collection = ?", (collection,))
