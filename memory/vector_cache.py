"""The vectors this process wrote to or read from the index, by note rowid, in float16, bounded.

A note's vector never changes (notes are not edited; a model change rebuilds the index and
empties the cache), so a row stays valid until its note is deleted. Ranking a client's notes
exactly needs their vectors: from here that costs microseconds, from Chroma ~1.5-2.5 ms a
search (`get` by id), which was most of the growth of search time from 1k to 100k notes.
float16 keeps cosine similarities to ~1e-3, well inside the ties of the fused ranking.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

CACHE_ROWS = 150_000  # ~115 MB at 384 dimensions; past it the cache starts again empty


class VectorCache:
    """rowid -> vector, stored as rows of one growable float16 matrix."""

    def __init__(self, max_rows: int = CACHE_ROWS) -> None:
        self.max_rows = max_rows
        self._slot: dict[int, int] = {}
        self._matrix: np.ndarray | None = None
        self._used = 0

    def __len__(self) -> int:
        return len(self._slot)

    def put(self, rowids: Iterable[int], vectors: np.ndarray) -> None:
        """Remember these rows' vectors (a row already held is overwritten)."""
        ids = list(rowids)
        if not ids:
            return
        vectors = np.asarray(vectors, dtype=np.float16).reshape(len(ids), -1)
        if len(ids) > self.max_rows:
            return
        if self._matrix is not None and self._matrix.shape[1] != vectors.shape[1]:
            self.clear()  # another model's dimension: nothing held is comparable
        new = [r for r in dict.fromkeys(ids) if r not in self._slot]
        if self._used + len(new) > self.max_rows:
            self.clear()
            new = list(dict.fromkeys(ids))
        self._reserve(self._used + len(new), vectors.shape[1])
        assert self._matrix is not None
        for rowid in new:
            self._slot[rowid] = self._used
            self._used += 1
        self._matrix[[self._slot[r] for r in ids]] = vectors

    def get(self, rowids: Iterable[int]) -> tuple[list[int], np.ndarray | None]:
        """The held rows among `rowids` (in their order) and their vectors as float32."""
        held = [r for r in rowids if r in self._slot]
        if not held or self._matrix is None:
            return [], None
        return held, self._matrix[[self._slot[r] for r in held]].astype(np.float32)

    def missing(self, rowids: Iterable[int]) -> list[int]:
        """The rowids not held."""
        return [r for r in rowids if r not in self._slot]

    def discard(self, rowids: Iterable[int]) -> None:
        """Forget these rows (their slots are not reused until the cache starts again)."""
        for rowid in rowids:
            self._slot.pop(rowid, None)

    def clear(self) -> None:
        """Forget everything and free the matrix."""
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
