"""A client's reply promise with its subject dropped after a comma is the client's (usertest 10 H5).

"he wants to think about it, will get back to us in january": the bare "will" continues the client's
clause; it is something to wait for, never the salesperson's promise. Our own sentences, several trades.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from memory.extract import extract_facts
from memory.records import FactKind

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "note",
    [
        "quoted the bathroom refit. she wants to talk it over with her partner, will get back to us after christmas",
        "he liked the roof tile samples, will come back to us once the council replies",
        "they are comparing three caterers, will revert next week",
        "showed her the 2 bed flat, she needs to see her bank, will let us know in january",
        "sent the price list to omar. he is unsure, will get back to me in the new year",
    ],
)
def test_clients_reply_is_never_my_promise(note: str) -> None:
    """No open promise of mine; the client's reply is kept as something to wait for."""
    facts = extract_facts(note, AT)
    mine = [f for f in facts if f.kind is FactKind.COMMITMENT and f.detail.get("status") == "open"]
    assert mine == []
    assert any(f.key.startswith("waiting:") for f in facts)


@pytest.mark.parametrize(
    "note",
    [
        "called her, will send the deck friday",
        "she loved the demo, will send the quote friday",
        "he wants the oak, will send the samples monday",
    ],
)
def test_my_shorthand_will_stays_mine(note: str) -> None:
    """A subject-less "will send" after the comma stays the salesperson's shorthand "I will"."""
    facts = extract_facts(note, AT)
    assert [f for f in facts if f.kind is FactKind.COMMITMENT and f.detail.get("status") == "open"]
