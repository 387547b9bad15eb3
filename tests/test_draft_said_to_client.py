"""The one conversion every offline detail line goes through (`said_to_client`): a clause from a note becomes
words to the client, or is left out. Invented clauses, typed the way salespeople type them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.usecases.draft_context import DraftContext
from bot.usecases.draft_offline import follower_to_client, relative_birthday, said_to_client
from memory.records import Client, Note

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _ctx(*texts: str) -> DraftContext:
    client = Client(id=1, name="Hana Ueda")
    notes = [
        Note(id=f"n{i}", client_id=1, client=client.name, text=t, source="text", occurred_at=NOW, created_at=NOW)
        for i, t in enumerate(texts)
    ]
    return DraftContext(client=client, purpose="follow up", now=NOW, notes=notes)


@pytest.mark.parametrize(
    ("clause", "said"),
    [
        ("wants the walnut desk", "you'd like the walnut desk"),
        ("want solar for both warehouses by end of june", "you'd like solar for both warehouses by end of June"),
        ("she's interested in the 3 seater", "you're interested in the 3 seater"),
        ("from hillside bakery wants 3 ovens", "you'd like 3 ovens"),
        ("wants corsages for the aunts", "you'd like corsages for the aunts"),
    ],
)
def test_a_clause_about_the_client_is_said_to_them(clause: str, said: str) -> None:
    assert said_to_client(clause, _ctx()) == said


@pytest.mark.parametrize(
    "clause",
    [
        "need to send the warranty pdf to hana",  # the salesperson's own to-do
        "sent hana the towbar quote",  # the salesperson's own doing
        "hana udea confirmed the site visit",  # the client's (mistyped) name in the third person
        "viewing booked w hana sat 10am",  # a booking, and a time stale by the time it is read
        "wants to drop by next tues",  # a relative time
        "from lakeside dental",  # a fragment with no person
        "wants to surprise her with a cabriolet",  # 'her' is someone else: no clean second person
        "complained the bench arrived cracked",  # a complaint is apologised for, never restated
        "wants a cx5 in white",  # a model typed in lower case, never capitalised in the notes
    ],
)
def test_a_clause_that_cannot_be_said_to_the_client_is_left_out(clause: str) -> None:
    assert said_to_client(clause, _ctx()) == "", clause


def test_a_lower_case_name_takes_the_capitalised_spelling_the_notes_have() -> None:
    ctx = _ctx("Hana asked about the Kluger hybrid.", "wants the kluger in grey")
    assert said_to_client("wants the kluger in grey", ctx) == "you'd like the Kluger in grey"


@pytest.mark.parametrize(
    ("purpose", "relative"),
    [
        ("gift idea for his wife's birthday", True),
        ("bday voucher for her son", True),
        ("birthday wishes", False),
        ("happy birthday", False),
    ],
)
def test_whose_birthday_a_purpose_is_about(purpose: str, relative: bool) -> None:
    assert relative_birthday(purpose) is relative


@pytest.mark.parametrize(
    ("fragment", "said"),
    [
        ("6 of them", "6 of them"),
        ("budget around 9k", "budget around 9k"),
        ("sent hana the quote", ""),
        ("sat 10am", ""),
    ],
)
def test_a_short_fragment_completes_the_detail_before_it_or_is_left_out(fragment: str, said: str) -> None:
    assert follower_to_client(fragment, _ctx()) == said
