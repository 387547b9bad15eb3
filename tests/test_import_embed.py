"""An import embeds each distinct text once, ahead of the index writes (issue 17: import speed)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from memory.service import Memory, NoteInput

AT = datetime(2025, 3, 3, 10, tzinfo=UTC)


class Counting:
    """The real embedder, counting how often each text is embedded."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.name = inner, inner.name
        self.counts: dict[str, int] = {}

    def embed(self, texts: list[str]) -> Any:
        for t in texts:
            self.counts[t] = self.counts.get(t, 0) + 1
        return self.inner.embed(texts)


def _note(i: int, text: str) -> NoteInput:
    return NoteInput(
        client=f"Client {i % 7}", text=text, at=AT, at_raw=AT.isoformat(), note_id=f"n{i}", source="import"
    )


def test_a_text_repeated_across_index_batches_is_embedded_once(memory: Memory) -> None:
    embedder = Counting(memory.embedder)
    memory._embedder = embedder
    # 1,100 notes: the voicemail line falls in every batch of 512 that sync_index indexes
    items = [
        _note(i, "Left a voicemail." if i % 3 == 0 else f"Talked about order {i} and the blue sofa.")
        for i in range(1100)
    ]
    assert memory.import_notes(items) == (1100, 0)
    assert embedder.counts["Left a voicemail."] == 1
    assert max(embedder.counts.values()) == 1
    assert memory.ledger.count_indexed() == 1100
    hits = memory.search("voicemail", k=3)
    assert hits and hits[0].note.text == "Left a voicemail."


def test_notes_embedded_ahead_are_found_by_their_meaning(memory: Memory) -> None:
    texts = ["Wants the navy coat in size 12.", "Her son starts at UCLA in the fall.", "Left a voicemail."]
    memory.import_notes([_note(i, t) for i, t in enumerate(texts)])
    for text in texts:  # each note is found by its own words on the dense side too
        assert memory.search(text, k=1)[0].note.text == text


def test_an_import_that_fails_stops_embedding_ahead(memory: Memory, monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = Counting(memory.embedder)
    memory._embedder = embedder

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(memory, "_apply_facts", boom)
    with pytest.raises(RuntimeError):
        memory.import_notes([_note(i, f"note number {i} about shoes") for i in range(3000)])
    assert memory.ledger.count_indexed() == 0
    assert sum(embedder.counts.values()) <= 2 * 64  # the chunk in hand, at most one more
