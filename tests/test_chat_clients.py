"""Which client a note is about, as salespeople really type it: lower case, a greeting first, a company in brackets."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.chat.inbox import inbox_count
from bot.conversation import Conversation, Reply
from bot.runtime import Runtime
from memory.timeutil import now_utc

U = "888"


@pytest.fixture
def chat(runtime: Runtime) -> Conversation:
    return Conversation(runtime, transcriber=None)


def say(chat: Conversation, text: str) -> Reply:
    replies = chat.handle_text(U, text)
    assert len(replies) == 1, [r.text for r in replies]
    return replies[0]


@pytest.mark.parametrize(
    ("text", "client", "company"),
    [
        (
            "morning! just had coffee w/ Priya Nair from Helix Labs, she wants the 12-seat package",
            "Priya Nair",
            "Helix Labs",
        ),
        ("met jake at the hilton lunch in chicago. hes the cfo", "Jake", None),
        ("called maria lopez (brightline) - wants the blue one not the grey", "Maria Lopez", "Brightline"),
        ("Called Tom Reyes (Northgate Dental): the CFO signs off anything over $40k", "Tom Reyes", "Northgate Dental"),
        ("quick update - talked to dana kim about renewal", "Dana Kim", None),
        ("lunch with sam and jo today, both keen", "Sam", None),
        ("fyi: spoke with Omar Haddad, wants a call Monday", "Omar Haddad", None),
    ],
)
def test_a_new_client_is_found_where_people_put_it(
    chat: Conversation, runtime: Runtime, text: str, client: str, company: str | None
) -> None:
    reply = say(chat, text)
    assert reply.text.startswith(f"Saved for {client}"), reply.text
    (stored,) = runtime.memory(U).ledger.clients()
    assert (stored.name, stored.company) == (client, company)
    assert runtime.memory(U).ledger.notes()[0].text == text  # the note is kept whole, greeting and all


@pytest.mark.parametrize(
    "text",
    [
        "call went long, she had time today",
        "called back, no answer",
        "emailed the quote",
        "demo went well",
        "spoke to reception",
        "met the team at the expo",
        "they want the blue range in stock",  # "range" is no "rang ..."
        "texted them the address",
    ],
)
def test_everyday_phrases_never_make_a_client(chat: Conversation, runtime: Runtime, text: str) -> None:
    say(chat, text)
    assert runtime.memory(U).ledger.clients() == []
    assert inbox_count(runtime.memory(U)) == 1


def test_a_known_client_typed_in_lower_case_at_the_start(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Maria Lopez from Brightline: wants blue")
    assert say(chat, "maria changed her mind, she'll take the grey after all").text.startswith("Saved for Maria Lopez")
    assert [c.name for c in runtime.memory(U).ledger.clients()] == ["Maria Lopez"]


def test_she_right_after_a_note_goes_on_about_the_same_client(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Priya Nair: wants the 12-seat package")
    reply = say(chat, "she also mentioned her son starts uni in sept")
    assert reply.text.startswith("Saved for Priya Nair")
    assert "/undo" in reply.text and len(reply.text.splitlines()) <= 4
    assert [n.client for n in runtime.memory(U).ledger.notes()] == ["Priya Nair", "Priya Nair"]


def test_she_long_after_the_last_note_is_asked_about(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Priya Nair: wants the 12-seat package")
    ledger = runtime.memory(U).ledger
    state = json.loads(ledger.conversation_state() or "")
    state["last_client"][1] = (now_utc() - timedelta(hours=2)).isoformat()
    with ledger.transaction():
        ledger.save_conversation_state(json.dumps(state))
    assert "Which client" in say(chat, "she also mentioned her son starts uni in sept").text
    assert inbox_count(runtime.memory(U)) == 1


def test_a_company_named_in_lower_case_finds_its_client(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "coffee with Priya Nair from Helix Labs")
    assert say(chat, "send the proposal to helix by friday").text.startswith("Saved for Priya Nair")
    assert inbox_count(runtime.memory(U)) == 0


def test_a_bare_name_shows_the_client_or_says_how_to_start(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    assert "golf" in say(chat, "Dana").text  # the card, not a note
    unknown = say(chat, "Sam")
    assert "don't know Sam" in unknown.text
    assert inbox_count(runtime.memory(U)) == 0 and runtime.memory(U).ledger.count_notes() == 1
