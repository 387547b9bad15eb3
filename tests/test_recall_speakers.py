"""Transcript-aware recall: speaker lift, neighbour context kept cheap and correct after undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from memory.recall import boost_speakers, speaker_of
from memory.service import NoteInput


def test_speaker_of() -> None:
    assert speaker_of("Caroline: I went to a support group yesterday.") == "Caroline"
    assert speaker_of("Mary Ann Lee: hello") == "Mary Ann Lee"
    assert speaker_of("Note: call back") == "Note"
    assert speaker_of("wants blue: not grey") is None
    assert speaker_of("No colon here") is None


def test_boost_lifts_only_the_one_named_speaker() -> None:
    fused = [(1, 1.0), (2, 0.8), (3, 0.7)]
    texts = {1: "Melanie: I love painting.", 2: "Caroline: I paint too.", 3: "Caroline: sunsets mostly."}
    assert [r for r, _ in boost_speakers("What does Caroline paint?", fused, texts, 0.5)] == [2, 3, 1]
    # Both named, or nobody named: order unchanged.
    assert boost_speakers("What do Caroline and Melanie paint?", fused, texts, 0.5) == fused
    assert boost_speakers("Who paints?", fused, texts, 0.5) == fused


def test_neighbour_context_links_and_undo_relinks(memory: Any) -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    items = [
        NoteInput(
            client="Jamal and Rhea",
            text=text,
            at=start + timedelta(minutes=i),
            at_raw="2025-01-01",
            note_id=f"t{i}",
            source="import",
        )
        for i, text in enumerate(
            ["Rhea: Did you manage to stand on the surfboard?", "Jamal: Twice! Three seconds each."]
        )
    ]
    memory.import_notes(items)
    # The answer turn is found by the question's words through its neighbour's text (context column).
    hits = memory.search("surfboard", k=2)
    assert {h.note.id for h in hits} == {"t0", "t1"}
    rows = {r[1]: r[0] for r in memory.ledger.note_rows()}
    assert memory.ledger.neighbours([rows["t1"]])[rows["t1"]] == (rows["t0"], None)
    memory.add_note(
        NoteInput(
            client="Jamal and Rhea",
            text="Rhea: Impressive!",
            at=start + timedelta(minutes=5),
            at_raw="2025-01-01",
            note_id="t2",
        )
    )
    rows = {r[1]: r[0] for r in memory.ledger.note_rows()}
    assert memory.ledger.neighbours([rows["t1"]])[rows["t1"]] == (rows["t0"], rows["t2"])
    assert memory.undo_last() is not None
    assert memory.ledger.neighbours([rows["t1"]])[rows["t1"]] == (rows["t0"], None)
