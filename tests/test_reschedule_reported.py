"""A reschedule reported as the client's request moves the open promise (issue 13, usertest 10 H4).

"moved the site visit to dec 11" in the salesperson's own words already moved the promise; the same news
typed as "<client> says push the X to D", "wants to move the X to D" or "asked if we could bump the X to D"
left the promise on its old day. Sentences are our own (several trades), not the tester's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from memory.extract import extract_facts
from memory.extract_moves import moved_onto, unreported
from memory.service import NoteInput

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("first", "later", "new_due"),
    [
        ("promised the kitchen survey dec 15", "tomasz says push the kitchen survey to dec 21", date(2026, 12, 21)),
        ("promised to book the fitting for friday", "she wants to move the fitting to the 17th", date(2026, 12, 17)),
        ("promised to book the tasting for the 10th", "the chef asked if we could bump the tasting to jan 8", date(2027, 1, 8)),
        ("promised the roof inspection by dec 9", "Dr Mbeki would like to reschedule the roof inspection to dec 16", date(2026, 12, 16)),
    ],
)  # fmt: skip
def test_reported_reschedule_moves_the_open_promise(memory: Any, first: str, later: str, new_due: date) -> None:
    """The one open promise falls due on the new day; no second promise keeps the old day."""
    memory.add_note(NoteInput("Rana Haddad", first, AT, AT.isoformat()), index=False)
    memory.add_note(NoteInput("Rana Haddad", later, AT.replace(hour=11), AT.isoformat()), index=False)
    client = memory.find_client("Rana Haddad")
    open_promises = memory.commitments(client.id)
    assert [c.due for c in open_promises] == [new_due]


@pytest.mark.parametrize(
    "clause",
    [
        "she didnt want to move the demo to friday",
        "if we push the install to monday she can't come",
        "we should move the sofa to the lounge",
    ],
)
def test_no_move_without_a_real_reschedule(clause: str) -> None:
    """A refusal, a condition, or a place is no reschedule."""
    facts = extract_facts(clause, AT)
    assert not [f for f in facts if f.detail.get("moved") == "yes"]


def test_a_date_after_the_promised_thing_is_its_deadline_not_its_name() -> None:
    """ "promised site visit dec 14" keys the site visit, so a later move of "the site visit" finds it."""
    (fact,) = [f for f in extract_facts("promised site visit dec 14", AT) if f.key.startswith("promise:")]
    assert fact.key == "promise:site_visit" and fact.due == date(2026, 12, 14)
    (named,) = [f for f in extract_facts("will send the dec 14 invoice", AT) if f.key.startswith("promise:")]
    assert named.key == "promise:dec_14_invoice"  # a date before the noun names the thing


def test_unreported_keeps_plain_text_and_moved_onto_needs_one_fit() -> None:
    """No lead: the clause itself; a reschedule lands on the only open promise holding its words."""
    assert unreported("sent the quote") == "sent the quote"
    assert unreported("jo says push the demo to fri") == "moved the demo to fri"
    assert moved_onto("promise:demo", ["promise:demo_dec_14", "promise:quote"]) == "promise:demo_dec_14"
    assert moved_onto("promise:demo", ["promise:demo_a", "promise:demo_b"]) == "promise:demo"


def test_a_reported_move_with_no_open_promise_opens_none(memory: Any) -> None:
    """ "he says push the board meeting to friday": his own meeting, nothing of mine to move, no promise."""
    memory.add_note(
        NoteInput("Ilse Brandt", "ilse says push the board meeting to friday", AT, AT.isoformat()), index=False
    )
    assert memory.commitments(memory.find_client("Ilse Brandt").id) == []
