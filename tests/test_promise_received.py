"""Completion from the client's side closes the matching promise (usertest 10 H6).

"sent" and "delivered" in the salesperson's voice closed a promise; "she got the samples", "the swatches
arrived", "he has the quote now" did not, and the digest nagged and drafts promised the thing again.
Our own sentences, several trades.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from memory.extract import extract_facts
from memory.service import NoteInput

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("promise", "report"),
    [
        ("promised to send the tile samples by wed", "lucia got the samples, loves the terracotta one"),
        ("will post the fabric swatches friday", "the swatches arrived, she wants the linen"),
        ("promised him the revised quote by monday", "kofi has the quote now, reviewing with his partner"),
        ("promised to send the brochures by thursday", "she received the brochures ok and wants a call"),
    ],
)
def test_the_clients_receipt_closes_the_one_promise_holding_the_thing(memory: Any, promise: str, report: str) -> None:
    """The promise holding the thing closes; the other open promise stays."""
    memory.add_note(NoteInput("Ana Ruiz", promise, AT, AT.isoformat()), index=False)
    memory.add_note(
        NoteInput("Ana Ruiz", "promised to book the site survey by the 20th", AT, AT.isoformat()), index=False
    )
    memory.add_note(NoteInput("Ana Ruiz", report, AT.replace(hour=15), AT.isoformat()), index=False)
    left = memory.commitments(memory.find_client("Ana Ruiz").id)
    assert [c.text for c in left] == ["promised to book the site survey by Sun 20 Dec"]


@pytest.mark.parametrize(
    "clause",
    [
        "i got the samples from the supplier",
        "she hasnt got the samples yet",
        "he wants the samples before friday",
        "we received the brochures from the printer",
        "once the swatches arrive she will pick",
    ],
)
def test_no_receipt_without_the_client_having_it(clause: str) -> None:
    """My own receipt, a negation, a wish or a plan closes nothing."""
    assert not [f for f in extract_facts(clause, AT) if f.detail.get("status") == "done"]
