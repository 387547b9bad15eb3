"""The vector index (Chroma): derived from the ledger, one collection per salesperson, rebuildable."""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from memory.errors import StorageError
from memory.heap import scrub_freed_memory
from memory.vector_cache import SHARED, VectorCache, VectorFile

log = logging.getLogger(__name__)

VECTOR_FILE = "chet-vectors.sqlite3"  # beside Chroma's own files: the vectors, readable without Chroma
WIDE_SCOPE = 2_000  # past this many notes, a scope's assembled vectors are kept between searches
EXACT_SCOPE = 20_000  # up to this many notes, a client's notes are ranked exactly (see query)
CONTEXT_ROWS = 60_000  # context vectors kept between searches (float32: ~90 MB at 384 dimensions)
# Measured on random vectors (FIELD-NOTES): the defaults give poor recall; these give ~0.99.
# On our 100k notes (bench_speed --big) ef_search 200 gave recall@10 0.92 against exact search,
# 500 0.946-0.968 over three builds, 750 and 1000 0.974 (~0.3 ms more a search across all clients).
HNSW = {"space": "cosine", "ef_search": 800, "ef_construction": 400, "max_neighbors": 32}


DUPLICATE_SPREAD = 0.01  # length of the offset given to each stored vector (see separate_duplicates)


def separate_duplicates(rowids: list[int], vectors: np.ndarray) -> np.ndarray:
    """The vectors moved by a tiny fixed offset drawn from each note's rowid, renormalised.

    Byte-identical vectors ("Left a voicemail." x 2,000) never prune each other in HNSW's neighbour
    selection, so each group links only to itself and becomes a sink the graph search cannot leave
    (qdrant PR #10239; hnswlib #341). On our 100k generated notes, 57% of them copies of 40 texts,
    recall@10 against exact search was 0.78 at any ef_search; with an offset of length 0.01 (a
    similarity moves by ~5e-4) it is 0.98 (`benchmarks/bench_speed.py --big`), and a 30k index built
    ~2x faster. An index built before keeps its identical vectors until `chet reindex`.
    """
    matrix = np.asarray(vectors, dtype=np.float32).reshape(len(rowids), -1)
    dim = matrix.shape[1]
    offsets = np.stack([np.random.default_rng(r).standard_normal(dim, dtype=np.float32) for r in rowids])
    moved = matrix + offsets * np.float32(DUPLICATE_SPREAD / np.sqrt(dim))
    return moved / np.clip(np.linalg.norm(moved, axis=1, keepdims=True), 1e-12, None)


def collection_name(user: str, ledger_id: str = "") -> str:
    """A stable, valid Chroma collection name for a salesperson of one ledger (any characters in the id)."""
    return "chet_" + hashlib.sha256(f"{ledger_id}\x00{user}".encode()).hexdigest()[:24]


def _search_breadth(col: Any) -> None:
    """Give a collection made with an older setting today's ef_search (the rest is fixed at creation)."""
    try:
        current = (col.configuration_json or {}).get("hnsw", {}).get("ef_search")
        if current is not None and current != HNSW["ef_search"]:
            col.modify(configuration={"hnsw": {"ef_search": HNSW["ef_search"]}})
    except Exception:  # an older server without modifiable settings keeps its own
        log.warning("could not update the index's ef_search; searches may find fewer neighbours", exc_info=True)


def _connect(path: Path | None, host: str | None, port: int) -> Any:
    """A Chroma client: the embedded store at `path`, or the server at host:port."""
    import chromadb  # ~0.8 s and ~80 MB: loaded when an index is first opened
    from chromadb.config import Settings as ChromaSettings

    scrub_freed_memory()  # before the index allocates: its files hold uninitialised capacity
    settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if host:
            return chromadb.HttpClient(host=host, port=port, settings=settings)
        assert path is not None
        if not (path / "chroma.sqlite3").exists():
            # Chroma caches one system per path in a process: a deleted directory must not be reused.
            from chromadb.api.client import SharedSystemClient

            SharedSystemClient.clear_system_cache()
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except Exception as err:
        raise StorageError(f"cannot open the vector index: {type(err).__name__}: {err}") from err


class VectorIndex:
    """One salesperson's vectors; ids are ledger note rowids, metadata holds the client id."""

    def __init__(
        self,
        client: Any,
        user: str,
        embedder_name: str,
        ledger_id: str = "",
        cache: VectorCache[tuple[str, int]] | None = None,
        connect: Callable[[], Any] | None = None,
        disk: VectorFile | None = None,
    ) -> None:
        self._client, self._connect = client, connect
        self.user, self.embedder_name = user, embedder_name
        self.name = collection_name(user, ledger_id)
        self._col: Any = None
        self.rebuilt = False  # True when opening found a different model's vectors and dropped them
        # Vectors written or fetched by this process: a client's notes are ranked without asking Chroma.
        self._cache = SHARED if cache is None else cache
        # The same vectors on disk (embedded store only): a new process ranks without loading Chroma.
        self._disk = disk
        # Scope -> (previous map, window, context vectors): recomputed after any write.
        self._contexts: OrderedDict[tuple[int, ...], tuple[dict[int, int | None], float, np.ndarray]] = OrderedDict()
        self._wide: tuple[tuple[int, ...], list[int], np.ndarray] | None = None  # see _exact
        # Scope -> (session map, each row's session, session centroids): see _session_sims.
        self._sessions: tuple[tuple[int, ...], dict[int, int], np.ndarray, np.ndarray] | None = None

    @property
    def client(self) -> Any:
        """The Chroma client, connected on first use (importing Chroma costs ~0.8 s; a search may not need it)."""
        if self._client is None and self._connect is not None:
            self._client = self._connect()
        return self._client

    @client.setter
    def client(self, value: Any) -> None:
        self._client = value

    @property
    def connected(self) -> bool:
        """True once Chroma is open in this process (a writer, or a search that missed the vector file)."""
        return self._client is not None

    @classmethod
    def open(
        cls,
        user: str,
        embedder_name: str,
        path: Path | None = None,
        host: str | None = None,
        port: int = 8000,
        ledger_id: str = "",
    ) -> VectorIndex:
        """The embedded store at `path`, or the Chroma server at host:port; connected when first needed."""
        disk = None if host else VectorFile((path or Path(".")) / VECTOR_FILE)
        return cls(None, user, embedder_name, ledger_id, connect=lambda: _connect(path, host, port), disk=disk)

    @property
    def collection(self) -> Any:
        """The collection, created on first use; dropped and recreated if another model built it."""
        if self._col is None:
            name = self.name
            col = self.client.get_or_create_collection(
                name, embedding_function=None, metadata={"embedder": self.embedder_name}, configuration={"hnsw": HNSW}
            )
            if (col.metadata or {}).get("embedder") != self.embedder_name:
                log.warning("the index was built by another embedding model; rebuilding it")
                self.client.delete_collection(name)
                col = self.client.get_or_create_collection(
                    name,
                    embedding_function=None,
                    metadata={"embedder": self.embedder_name},
                    configuration={"hnsw": HNSW},
                )
                self.rebuilt = True
                self.forget_held()  # another model's vectors, maybe of the same dimension
                if self._disk is not None:
                    self._disk.drop(name)
            _search_breadth(col)
            self._col = col
        return self._col

    def add(self, rowids: list[int], vectors: np.ndarray, client_ids: list[int]) -> None:
        """Insert or replace vectors."""
        if not rowids:
            return
        self._contexts.clear()
        self._wide = None
        self._sessions = None
        vectors = separate_duplicates(rowids, vectors)
        for start in range(0, len(rowids), 2000):
            end = start + 2000
            self.collection.upsert(
                ids=[str(r) for r in rowids[start:end]],
                embeddings=vectors[start:end],
                metadatas=[{"client_id": c} for c in client_ids[start:end]],
            )
            self._cache.put(self._keys(rowids[start:end]), vectors[start:end])
            if self._disk is not None:
                self._disk.put(self.name, self.embedder_name, rowids[start:end], vectors[start:end])

    def delete(self, rowids: list[int]) -> None:
        """Remove vectors by note rowid."""
        self._cache.discard(self._keys(rowids))
        self._contexts.clear()
        self._wide = None
        self._sessions = None
        if self._disk is not None:
            self._disk.delete(self.name, rowids)
        for start in range(0, len(rowids), 2000):
            self.collection.delete(ids=[str(r) for r in rowids[start : start + 2000]])

    def query(
        self,
        vector: np.ndarray,
        k: int,
        client_id: int | None = None,
        scope: list[int] | None = None,
        previous: dict[int, int | None] | None = None,
        window: float = 0.0,
        sessions: dict[int, int] | None = None,
        session: float = 0.0,
    ) -> list[tuple[int, float]]:
        """The k nearest notes (rowid, cosine similarity), optionally within one client.

        With `scope` (the client's note rowids) and a client of ordinary size, the client's vectors
        (held in memory, else fetched by id) are ranked exactly: Chroma's filtered HNSW search costs
        ~80 ms at 100k vectors, a lookup by id plus a dot product ~1-3 ms, from memory ~0.1 ms.
        `previous` (rowid -> the previous note's rowid) and `window` > 0 (exact ranking only): a
        note's score is the mean of its own similarity and its context vector's, the context
        vector being its own plus `window` x the previous note's (the question a chat line answers).
        `sessions` (rowid -> session number) and `session` > 0 (exact only): each note also scores
        `session` x its session's centroid similarity (a coarse index of whole sessions, expanded to
        """
        if k <= 0:
            return []
        if scope is not None and len(scope) <= EXACT_SCOPE:
            return self._exact(
                vector,
                k,
                scope,
                previous if window > 0 else None,
                window,
                sessions if session > 0 else None,
                session,
            )
        where = {"client_id": client_id} if client_id is not None else None
        res = self.collection.query(
            query_embeddings=vector.reshape(1, -1), n_results=k, where=where, include=["distances"]
        )
        ids, dists = res["ids"][0], res["distances"][0]
        return [(int(i), 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]

    def scope_vectors(self, scope: list[int]) -> tuple[list[int], np.ndarray]:
        """The indexed rowids of `scope` and their vectors (one row each); only rows not held are fetched."""
        # One read of the cache, then the rest from Chroma, assembled here: the cache may start again
        # (full) or lose rows (another thread) between calls, and the answer must still hold every row.
        held_keys, held_matrix = self._cache.get(self._keys(scope))
        held = held_matrix if held_matrix is not None else np.zeros((0, 0), dtype=np.float32)
        rows = {key[1]: i for i, key in enumerate(held_keys)}
        if len(rows) == len(held_keys) == len(scope):  # all held, in scope order: no copy row by row
            return [key[1] for key in held_keys], held
        missing = [r for r in scope if r not in rows]
        fetched: dict[int, np.ndarray] = {}
        if missing and self._disk is not None:  # a new process: from the vector file, without Chroma
            found, matrix = self._disk.get(self.name, self.embedder_name, missing)
            if matrix is not None:
                self._cache.put(self._keys(found), matrix, replace=False)
                if not rows and found == list(dict.fromkeys(scope)):
                    # A new process's first search: the file's matrix is the answer as it is (row by
                    # row assembly of 10k vectors cost ~0.1 CPU s of a one-shot `chet search`).
                    return found, matrix.astype(np.float32, copy=False)
                fetched = dict(zip(found, matrix, strict=True))
                missing = [r for r in missing if r not in fetched]
        if missing:  # a note not yet indexed stays missing and is asked for again next time
            got = self.collection.get(ids=[str(r) for r in missing], include=["embeddings"])
            found = [int(i) for i in got["ids"]]
            if found:
                vectors = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(found), -1)
                self._cache.put(self._keys(found), vectors, replace=False)
                if self._disk is not None:  # an index built before the vector file existed fills it once
                    self._disk.put(self.name, self.embedder_name, found, vectors)
                fetched.update(zip(found, vectors, strict=True))
        order = [r for r in dict.fromkeys(scope) if r in rows or r in fetched]
        if not order:
            return [], np.zeros((0, 0), dtype=np.float32)
        matrix = np.stack([held[rows[r]] if r in rows else fetched[r] for r in order])
        return order, matrix.astype(np.float32, copy=False)

    def _keys(self, rowids: list[int]) -> list[tuple[str, int]]:
        return [(self.name, r) for r in rowids]

    def _context(
        self,
        key: tuple[int, ...],
        rowids: list[int],
        matrix: np.ndarray,
        previous: dict[int, int | None],
        window: float,
    ) -> np.ndarray:
        """Each note's context vector: its own plus `window` x its previous note's, normalised; cached."""
        hit = self._contexts.get(key)
        if hit is not None and hit[0] is previous and hit[1] == window and hit[2].shape == matrix.shape:
            self._contexts.move_to_end(key)
            return hit[2]
        position = {r: i for i, r in enumerate(rowids)}
        prev = np.array([position.get(previous.get(r) or -1, -1) for r in rowids], dtype=np.int64)
        has = (prev >= 0)[:, None]
        context = matrix + np.float32(window) * np.where(has, matrix[np.maximum(prev, 0)], np.float32(0))
        context /= np.clip(np.linalg.norm(context, axis=1, keepdims=True), 1e-12, None)
        self._contexts[key] = (previous, window, context)
        while len(self._contexts) > 1 and sum(len(c[2]) for c in self._contexts.values()) > CONTEXT_ROWS:
            self._contexts.popitem(last=False)
        return context

    def _exact(
        self,
        vector: np.ndarray,
        k: int,
        scope: list[int],
        previous: dict[int, int | None] | None = None,
        window: float = 0.0,
        sessions: dict[int, int] | None = None,
        session: float = 0.0,
    ) -> list[tuple[int, float]]:
        if not scope:
            return []
        key = tuple(scope)
        if self._wide is not None and self._wide[0] == key:
            rowids, matrix = self._wide[1], self._wide[2]
        else:
            rowids, matrix = self.scope_vectors(scope)
            if len(scope) > WIDE_SCOPE and len(rowids) == len(scope):
                # A search across all clients from the vector file, again: its float32 matrix is kept
                # (one, ~15 MB at 10k notes) instead of being assembled again (~50 ms a search).
                self._wide = (key, rowids, matrix)
        if not rowids:
            return []
        query = vector.astype(np.float32)
        context = self._context(key, rowids, matrix, previous, window) if previous else None
        grouped = self._session_rows(key, rowids, matrix, sessions) if sessions else None

        def score(q: np.ndarray) -> np.ndarray:
            sims = matrix @ q
            if context is not None:
                sims = 0.5 * sims + 0.5 * (context @ q)
            if grouped is not None:
                rows, centroids = grouped
                sims = sims + np.float32(session) * np.where(rows >= 0, (centroids @ q)[np.maximum(rows, 0)], 0)
            return sims.astype(np.float32)

        sims = score(query)
        top = np.argsort(-sims)[:k]
        return [(rowids[i], float(sims[i])) for i in top]

    def _session_rows(
        self, key: tuple[int, ...], rowids: list[int], matrix: np.ndarray, sessions: dict[int, int]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each row's session number (-1: none) and the sessions' normalised mean vectors; the last scope's kept."""
        if self._sessions is not None and self._sessions[0] == key and self._sessions[1] is sessions:
            return self._sessions[2], self._sessions[3]
        rows = np.array([sessions.get(r, -1) for r in rowids], dtype=np.int64)
        centroids = np.zeros((int(rows.max(initial=-1)) + 1, matrix.shape[1]), dtype=np.float32)
        order = np.argsort(rows, kind="stable")
        order = order[rows[order] >= 0]
        if len(order):  # sums by sorted runs (np.add.at took ~0.2 s at 10k notes)
            ordered = rows[order]
            starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
            centroids[ordered[starts]] = np.add.reduceat(matrix[order], starts, axis=0)
        centroids /= np.clip(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12, None)
        self._sessions = (key, sessions, rows, centroids)
        return rows, centroids

    def count(self) -> int:
        """How many vectors the collection holds."""
        return int(self.collection.count())

    def drop(self) -> None:
        """Delete the whole collection (before a rebuild)."""
        client = self.client  # a store that cannot be opened is an error here, not "nothing to drop"
        if self._disk is not None:
            self._disk.drop(self.name)
        try:
            client.delete_collection(self.name)
        except Exception:  # missing already: nothing to drop
            log.debug("no collection to drop", exc_info=True)
        self._col = None
        self.forget_held()

    def forget_held(self) -> None:
        """Drop this collection's vectors from the process's cache (they are fetched again when needed)."""
        name = self.name
        self._cache.discard_where(lambda key: key[0] == name)
        self._contexts.clear()
        self._wide = None
        self._sessions = None
