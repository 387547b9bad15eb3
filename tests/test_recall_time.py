"""Time-aware recall, replies after question lines, and the lexical weight of a paraphrased question (issue 17)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from memory.recall import Weights, lexical_coverage, lexical_weight, lift_replies, lift_times, query_parts
from memory.records import Note
from memory.when import asks_when, period, tells_time
from tests.helpers import import_lines

# The weights before issue 17's recall work: each test below shows the new default doing better.
BEFORE = Weights(reply=0.0, when=0.0, period=0.0, coverage=0.0)


def _ids(memory: Any, query: str, k: int, weights: Weights) -> list[str]:
    memory.weights = weights
    return [h.note.id for h in memory.search(query, k=k)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "What two big events happened on the weekend before 15 September 2025?",
            (date(2025, 9, 1), date(2025, 9, 15)),
        ),
        ("What was delivered on 23 February 2026?", (date(2026, 2, 22), date(2026, 2, 24))),
        ("Where was Leo travelling in October 2025?", (date(2025, 10, 1), date(2025, 10, 31))),
        ("What was the occupancy in June and July 2026?", (date(2026, 6, 1), date(2026, 7, 31))),
        ("What rating did the May 2025 inspection give?", (date(2025, 5, 1), date(2025, 5, 31))),
        ("Which school did she start in autumn 2025?", (date(2025, 9, 1), date(2025, 11, 30))),
        ("Why was she tired in late 2025?", (date(2025, 9, 1), date(2025, 12, 31))),
        ("Where was Elena at Easter 2025?", (date(2025, 4, 13), date(2025, 4, 27))),
        ("What did Layla get for Christmas 2025?", (date(2025, 12, 15), date(2025, 12, 31))),
        ("Where was Ruth at Hogmanay 2025?", (date(2025, 12, 28), date(2026, 1, 3))),
        ("What grades did the students get in 2026?", (date(2026, 1, 1), date(2026, 12, 31))),
        ("Where was Leo travelling in October?", None),  # which October depends on when it is asked
        ("She may call about the quote", None),
    ],
)
def test_period_reads_the_span_a_question_names(query: str, expected: tuple[date, date] | None) -> None:
    assert period(query) == expected


def test_asks_when_and_tells_time() -> None:
    assert asks_when("When did Nadia start at MemoryLane?")
    assert asks_when("On what day did the install finish?")
    assert asks_when("How long did the bootcamp last?")
    assert not asks_when("Who looked after the cat?")
    assert tells_time("Nadia: 3 November")
    assert tells_time("Leo: Miso moves to Gwen's on the 8th")
    assert tells_time("Priya: Board met yesterday.")
    assert tells_time("Install at 3am on Tuesday")
    assert not tells_time("Nadia: Laminated lol")
    assert not tells_time("She may call about the quote")  # "may" is a verb; May is the month


def test_query_parts_splits_only_a_question_asking_several_things() -> None:
    assert query_parts("Who ran the Reading floor, and who took over operations when the site moved?") == [
        "Who ran the Reading floor",
        "who took over operations when the site moved",
    ]
    assert query_parts("When did Nadia start at MemoryLane?") == []


def test_lexical_coverage_and_weight() -> None:
    terms = ["sugary", "caledonian", "confection", "parcel"]
    assert lexical_coverage(terms, ["Tea and tablet for the care parcel", "nothing"]) == 0.25
    assert lexical_coverage(["parcels"], ["the parcel came"]) == 1.0  # a crude stem matches plurals
    weights = Weights(coverage=0.5)
    assert lexical_weight(weights, 0.25).lexical == pytest.approx(0.5)
    assert lexical_weight(weights, 0.8) is weights
    assert lexical_weight(replace(weights, coverage=0.0), 0.0).lexical == 1.0  # off: the weights as they are


CHAT = [
    ("2025-10-08T19:00:00", "Nadia: Also I got the charity job!!! Junior UX designer at MemoryLane"),
    ("2025-10-08T19:02:00", "Leo: When do you start?"),
    ("2025-10-08T19:04:00", "Nadia: 3 November"),
    ("2025-10-08T19:06:00", "Leo: Are they paying you properly at MemoryLane?"),
    ("2025-10-08T19:08:00", "Nadia: Pay is less than Harwoods but I don't care"),
    ("2025-11-09T10:00:00", "Nadia: First week at MemoryLane done, my brain hurts"),
    ("2025-11-09T10:02:00", "Leo: How are the people at MemoryLane?"),
    ("2025-11-09T10:04:00", "Nadia: Lovely, they have a dog in the office"),
    ("2025-12-01T10:00:00", "Nadia: MemoryLane Christmas party is a ceilidh, help"),
    ("2025-12-01T10:02:00", "Leo: You'll love a ceilidh at MemoryLane"),
]


def test_the_reply_to_a_question_line_is_lifted_and_read_from_the_ledger(memory: Any) -> None:
    """The answer 'Nadia: 3 November' shares nothing with the query; the line before it asks 'When do you start?'."""
    import_lines(memory, "thread-22", CHAT)
    rowid = {row[1]: row[0] for row in memory.ledger.note_rows()}
    fused = [(rowid["n1"], 1.5), (rowid["n0"], 1.4), (rowid["n5"], 0.5)]
    notes = memory.ledger.notes_by_rowid([r for r, _ in fused])
    lifted = lift_replies(fused, notes, memory.ledger, 0.8)
    assert lifted[2] == (rowid["n2"], pytest.approx(1.2))  # read from the ledger: it was no candidate
    assert notes[rowid["n2"]].text == "Nadia: 3 November"
    # Not a question-only line, or a reply hours later: nothing is lifted.
    assert lift_replies([(rowid["n0"], 1.0)], notes, memory.ledger, 0.8) == [(rowid["n0"], 1.0)]
    assert lift_replies(fused, notes, memory.ledger, 0.0) == fused


def test_a_line_ending_in_a_question_passes_its_score_to_the_reply(memory: Any) -> None:
    lines = [
        ("2025-10-08T19:02:00", "Leo: No way! Congratulations. When do you start?"),
        ("2025-10-08T19:04:00", "Nadia: 3 November"),
    ]
    import_lines(memory, "thread-22", lines)
    rowid = {row[1]: row[0] for row in memory.ledger.note_rows()}
    notes = memory.ledger.notes_by_rowid([rowid["n0"]])
    assert lift_replies([(rowid["n0"], 1.0)], notes, memory.ledger, 0.8)[1] == (rowid["n1"], pytest.approx(0.8))


def test_a_reply_of_another_exchange_is_not_lifted(memory: Any) -> None:
    import_lines(
        memory,
        "thread-22",
        [("2025-10-08T19:02:00", "Leo: When do you start?"), ("2025-10-09T09:00:00", "Nadia: Morning!")],
    )
    rowid = {row[1]: row[0] for row in memory.ledger.note_rows()}
    fused = [(rowid["n0"], 1.0)]
    notes = memory.ledger.notes_by_rowid([rowid["n0"]])
    assert lift_replies(fused, notes, memory.ledger, 0.8) == fused


TRIPS = [
    ("2025-03-02T10:00:00", "Leo: Travelling this week, writing from Lisbon"),
    ("2025-06-21T10:00:00", "Leo: Travelling this week, writing from Edinburgh"),
    ("2025-10-12T10:00:00", "Leo: Travelling this week, writing from Kyoto"),
    ("2026-01-15T10:00:00", "Leo: Travelling this week, writing from Porto"),
    ("2026-04-03T10:00:00", "Leo: Travelling this week, writing from Bergen"),
]


def test_search_lifts_the_notes_of_the_period_a_question_names(memory: Any) -> None:
    import_lines(memory, "thread-22", TRIPS)
    query = "Where was Leo travelling in October 2025?"
    memory.weights = Weights(learned=False)  # the lift itself, before the learned order re-assigns scores
    lifted = {h.note.id: h.score for h in memory.search(query, k=5)}
    memory.weights = Weights(learned=False, period=0.0)
    flat = {h.note.id: h.score for h in memory.search(query, k=5)}
    assert lifted["n2"] == pytest.approx(flat["n2"] + Weights().period, abs=1e-5)
    assert all(lifted[n] == pytest.approx(flat[n], abs=1e-5) for n in flat if n != "n2")


def test_an_unrelated_period_never_filters(memory: Any) -> None:
    """A lift, not a filter: -k N still returns N results and the best match outside the period stays."""
    import_lines(memory, "thread-22", TRIPS)
    ids = _ids(memory, "Where did Leo see the fjords in March 2024?", 5, Weights())
    assert len(ids) == 5 and "n4" in ids[:2]


def _note(rowid: int, day: date, text: str) -> Note:
    at = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    return Note(f"n{rowid}", 1, "thread-22", text, "import", at, at)


def test_lift_times_reaches_a_week_past_the_period_and_lifts_lines_that_tell_a_time() -> None:
    notes = {
        1: _note(1, date(2025, 11, 6), "Leo: back home, such a trip"),  # within a week after October
        2: _note(2, date(2025, 11, 20), "Leo: back home, such a trip"),
        3: _note(3, date(2025, 9, 2), "Nadia: 3 November"),
    }
    fused = [(2, 1.0), (1, 0.95), (3, 0.9)]
    assert [r for r, _ in lift_times("Where was Leo in October 2025?", fused, notes, 0.0, 0.2)] == [1, 2, 3]
    assert [r for r, _ in lift_times("When does Nadia start?", fused, notes, 0.2, 0.0)] == [3, 2, 1]
    assert lift_times("Who is Nadia?", fused, notes, 0.2, 0.2) == fused
