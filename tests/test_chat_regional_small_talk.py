"""Small talk from other English-speaking regions ("ta mate", "good arvo") is answered, never filed; and a short
reply that is neither a client nor a name ("nadias bday") never names the note waiting for its client (issue 13)."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.chat.words import small_talk
from bot.runtime import Runtime

U = "780"


REGIONAL = [
    "ta mate",
    "ta",
    "good arvo",
    "arvo all",
    "thanks heaps",
    "cheers",
    "cheers bro",
    "ta very much",
    "sweet as",
    "chur",
    "too easy",
    "good on ya",
    "howzit",
    "thanks a bunch",
    "cheers heaps",
]


@pytest.mark.parametrize("text", REGIONAL)
def test_regional_small_talk_is_small_talk(text: str) -> None:
    assert small_talk(text) is not None


@pytest.mark.parametrize("text", REGIONAL)
def test_regional_small_talk_is_neither_a_note_nor_a_client(chat: Conversation, runtime: Runtime, text: str) -> None:
    chat.handle_text(U, "Dana Pike wants the walnut desk")
    chat.handle_text(U, text)
    memory = runtime.memory(U)
    assert [c.name for c in memory.clients()] == ["Dana Pike"]
    assert memory.ledger.count_notes() == 1
    assert memory.ledger.meta("inbox") in (None, "", "[]")


@pytest.mark.parametrize("text", ["ta, sent the quote to dana pike", "cheers heaps for the 40 chairs order"])
def test_a_thanks_word_opening_a_real_note_stays_a_note(text: str) -> None:
    assert small_talk(text) is None


@pytest.mark.parametrize("reply", ["nadias bday", "jons farewell drinks", "sams wedding"])
def test_a_reply_that_is_no_name_never_names_the_waiting_note(chat: Conversation, runtime: Runtime, reply: str) -> None:
    chat.handle_text(U, "wants the walnut desk, 2 of them")  # no name: asks which client
    chat.handle_text(U, reply)
    names = [c.name for c in runtime.memory(U).clients()]
    assert names == [], names


def test_a_name_still_answers_which_client(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "wants the walnut desk, 2 of them")
    chat.handle_text(U, "nadia shah")
    assert [c.name for c in runtime.memory(U).clients()] == ["Nadia Shah"]
