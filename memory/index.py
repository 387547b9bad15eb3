"""The vector index (Chroma): derived from the ledger, one collection per salesperson, rebuildable."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

import numpy as np

from memory.errors import StorageError

log = logging.getLogger(__name__)

# Measured on random vectors (FIELD-NOTES): the defaults give poor recall; these give ~0.99.
EXACT_SCOPE = 20_000  # up to this many notes, a client's notes are ranked exactly (see query)
HNSW = {"space": "cosine", "ef_search": 500, "ef_construction": 400, "max_neighbors": 32}


def collection_name(user: str, ledger_id: str = "") -> str:
    """A stable, valid Chroma collection name for a salesperson of one ledger (any characters in the id)."""
    return "chet_" + hashlib.sha256(f"{ledger_id}\x00{user}".encode()).hexdigest()[:24]


class VectorIndex:
    """One salesperson's vectors; ids are ledger note rowids, metadata holds the client id."""

    def __init__(self, client: Any, user: str, embedder_name: str, ledger_id: str = "") -> None:
        self.client, self.user, self.embedder_name = client, user, embedder_name
        self.name = collection_name(user, ledger_id)
        self._col: Any = None
        self.rebuilt = False  # True when opening found a different model's vectors and dropped them

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
        """Open the embedded store at `path`, or the Chroma server at host:port."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if host:
                client = chromadb.HttpClient(host=host, port=port, settings=settings)
            else:
                assert path is not None
                if not (path / "chroma.sqlite3").exists():
                    # Chroma caches one system per path in a process: a deleted directory must not be reused.
                    from chromadb.api.client import SharedSystemClient

                    SharedSystemClient.clear_system_cache()
                path.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(path), settings=settings)
        except Exception as err:
            raise StorageError(f"cannot open the vector index: {type(err).__name__}: {err}") from err
        return cls(client, user, embedder_name, ledger_id)

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
            self._col = col
        return self._col

    def add(self, rowids: list[int], vectors: np.ndarray, client_ids: list[int]) -> None:
        """Insert or replace vectors."""
        for start in range(0, len(rowids), 2000):
            end = start + 2000
            self.collection.upsert(
                ids=[str(r) for r in rowids[start:end]],
                embeddings=vectors[start:end],
                metadatas=[{"client_id": c} for c in client_ids[start:end]],
            )

    def delete(self, rowids: list[int]) -> None:
        """Remove vectors by note rowid."""
        for start in range(0, len(rowids), 2000):
            self.collection.delete(ids=[str(r) for r in rowids[start : start + 2000]])

    def query(
        self, vector: np.ndarray, k: int, client_id: int | None = None, scope: list[int] | None = None
    ) -> list[tuple[int, float]]:
        """The k nearest notes (rowid, cosine similarity), optionally within one client.

        With `scope` (the client's note rowids) and a client of ordinary size, the client's vectors
        are fetched by id and ranked exactly: Chroma's filtered HNSW search costs ~80 ms at 100k
        vectors, a lookup by id plus a dot product ~1-5 ms, and exact beats approximate.
        """
        if k <= 0:
            return []
        if scope is not None and len(scope) <= EXACT_SCOPE:
            return self._exact(vector, k, scope)
        where = {"client_id": client_id} if client_id is not None else None
        res = self.collection.query(
            query_embeddings=vector.reshape(1, -1), n_results=k, where=where, include=["distances"]
        )
        ids, dists = res["ids"][0], res["distances"][0]
        return [(int(i), 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]

    def _exact(self, vector: np.ndarray, k: int, scope: list[int]) -> list[tuple[int, float]]:
        if not scope:
            return []
        got = self.collection.get(ids=[str(r) for r in scope], include=["embeddings"])
        if not got["ids"]:
            return []
        matrix = np.asarray(got["embeddings"], dtype=np.float32)
        sims = matrix @ vector.astype(np.float32)
        top = np.argsort(-sims)[:k]
        return [(int(got["ids"][i]), float(sims[i])) for i in top]

    def count(self) -> int:
        """How many vectors the collection holds."""
        return int(self.collection.count())

    def drop(self) -> None:
        """Delete the whole collection (before a rebuild)."""
        try:
            self.client.delete_collection(self.name)
        except Exception:  # missing already: nothing to drop
            log.debug("no collection to drop", exc_info=True)
        self._col = None
