"""Recall orders by time after the learned reranker: the first call, meeting or visit is the client's first note."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from memory.recall import Weights, asks_first_contact, time_order
from memory.records import Note
from tests.helpers import import_lines

# A bakery-equipment history: the first note is the intro call, and many later notes share the question's words.
BAKERY = [
    ("2025-01-06T09:00:00", "intro call w ines moreau, runs 2 bakeries in lyon, ovens are 20 yrs old"),
    ("2025-01-20T09:00:00", "sent oven brochure, she liked the deck oven with steam"),
    ("2025-02-03T09:00:00", "ines asked about financing the deck oven over 36 months"),
    ("2025-02-17T09:00:00", "oven demo at our showroom, she baked baguettes, loved the crust"),
    ("2025-03-03T09:00:00", "quote sent for 2 deck ovens, 48k eur installed"),
    ("2025-03-17T09:00:00", "she wants the ovens delivered after easter, shop is busy before"),
    ("2025-03-31T09:00:00", "ines signed the oven lease, 48 months, install 22 april"),
    ("2025-04-22T09:00:00", "ovens installed, electrician needed an extra hour"),
    ("2025-05-12T09:00:00", "she says the new ovens cut bake time by 15%"),
    ("2025-06-02T09:00:00", "ines might open a third bakery, wants the same oven there"),
    ("2025-07-07T09:00:00", "oven service visit booked for september"),
    ("2025-09-08T09:00:00", "oven serviced, steam valve replaced under warranty"),
]


def _note(day: date, text: str) -> Note:
    at = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return Note(id=text, client_id=1, client="c", text=text, source="import", occurred_at=at, created_at=at)


def test_questions_about_a_first_contact() -> None:
    assert asks_first_contact("how many weeks after the first meeting did Ines sign the lease")
    assert asks_first_contact("What did the florist order when we first spoke?")
    assert asks_first_contact("which van did Okonkwo drive at the initial visit")
    assert not asks_first_contact("what was the first thing she ordered")  # the first order is no first contact
    assert not asks_first_contact("when is the next call")


def test_the_first_note_is_placed_for_a_question_about_the_first_meeting(memory: Any) -> None:
    """The intro call shares no word with "first meeting" and is beaten by the many oven notes; its place in time wins."""
    import_lines(memory, "Ines Moreau", BAKERY)
    query = "how long after the first meeting did Ines sign for the ovens"
    memory.weights = replace(Weights(), first_at=0)
    off = [h.note.id for h in memory.search(query, k=5)]
    memory.weights = Weights()
    on = [h.note.id for h in memory.search(query, k=5)]
    assert "n0" not in off
    assert "n0" in on
    assert set(off) - {off[-1]} <= set(on)  # one note made room: the rest of the top is kept
    # A question that asks no first contact is left alone.
    other = "when were the ovens serviced"
    assert [h.note.id for h in memory.search(other, k=5)] == _ids(memory, other, replace(Weights(), first_at=0))


def _ids(memory: Any, query: str, weights: Weights) -> list[str]:
    memory.weights = weights
    return [h.note.id for h in memory.search(query, k=5)]


def test_time_order_reads_the_first_note_only_when_asked() -> None:
    notes = {i: _note(date(2025, 1, 1 + i), f"note {i}") for i in range(6)}
    ranked = [(5, 3.0), (4, 2.0), (3, 1.0)]
    calls: list[int] = []

    def first() -> tuple[int, Note] | None:
        calls.append(1)
        return 0, notes[0]

    weights = replace(Weights(), first_at=2)
    assert time_order("what did she say about price", ranked, notes, weights, first) == ranked
    assert calls == []
    placed = time_order("what did she want at the first visit", ranked, notes, weights, first)
    assert [r for r, _ in placed] == [5, 0, 4, 3]
    assert placed[1][1] == 2.0  # the score of the place it took: scores stay in order
