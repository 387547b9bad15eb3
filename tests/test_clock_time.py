"""A clock time is never a quantity; it belongs to the call promise (usertest 10 H7).

"call her tmrw at 10 re mats" made "10 mats" and superseded the real order of 20 mats. Our own
sentences, several trades.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from memory.clock import clock_time
from memory.extract import extract_facts
from memory.records import FactKind
from memory.service import NoteInput

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("clause", "time"),
    [
        ("ring dana monday at 10 re chairs", "at 10"),
        ("call him thursday at 2 about vans", "at 2"),
        ("phone her tomorrow @ 9:30 re the linens", "at 9:30"),
        ("call the vet clinic friday 10ish re kennels", "around 10"),
        ("call him friday at 3pm about the rowers", "at 3pm"),
    ],
)
def test_a_clock_time_is_no_count_and_stays_with_the_call(clause: str, time: str) -> None:
    """No quantity fact from the hour; the call promise carries the time."""
    facts = extract_facts(clause, AT)
    assert not [f for f in facts if f.key.startswith("quantity:")]
    (promise,) = [f for f in facts if f.kind is FactKind.COMMITMENT]
    assert promise.text.endswith(time) and promise.detail["time"] == time


def test_a_count_after_at_still_counts() -> None:
    """ "pitched at 10 stores": the number counts the thing right after it."""
    assert [f.text for f in extract_facts("pitched at 10 stores last week", AT) if f.key.startswith("quantity:")] == [
        "10 stores"
    ]
    assert clock_time("send 12 chairs by friday") is None


def test_a_call_time_leaves_the_order_alone(memory: Any) -> None:
    """The order of 20 mats stays current after "call her tmrw at 10 re mats"."""
    memory.add_note(NoteInput("Bea Lund", "wants 40 cork blocks and 20 mats", AT, AT.isoformat()), index=False)
    memory.add_note(
        NoteInput("Bea Lund", "call her tmrw at 10 re mats", AT.replace(hour=12), AT.isoformat()), index=False
    )
    client = memory.find_client("Bea Lund")
    texts = [f.text for f in memory.facts(client.id)]
    assert any("20 mats" in t for t in texts) and not any("10" in t and "mats" in t for t in texts)
