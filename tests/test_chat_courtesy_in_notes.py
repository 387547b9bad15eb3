"""A courtesy word that is also an ordinary note word or a name ("super", "later", "sharp", "Hai", "Prima",
"Tamam", "che", "san", "dah") is small talk only as a whole message ("super!", "later!"); inside a note it is a
word of the note, so a short status line or a name that holds one is filed, never answered as chat."""

from __future__ import annotations

import pytest

from bot.chat.chit_chat import chat_signal
from bot.chat.conversation import Conversation
from bot.chat.routing import without_lead
from bot.chat.words import small_talk
from bot.runtime import Runtime

U = "53"

AMBIGUOUS_LINES = [
    "Hai Nguyen",
    "Prima Foods",
    "Tamam Yilmaz",
    "Sawa Kimura",
    "super keen Anneke Visser",
    "sharp Oyelaran",
    "Baik Jun-ho",
    "dah Budi Santoso",
]


@pytest.mark.parametrize("text", AMBIGUOUS_LINES)
def test_an_ambiguous_courtesy_word_is_no_sign_of_chat_in_a_longer_line(text: str) -> None:
    assert not chat_signal(text)


@pytest.mark.parametrize("text", ["San Diego Tiles wants 40 boxes", "Che Adams when he calls back"])
def test_a_name_that_is_a_vocative_is_not_stripped_as_a_lead(text: str) -> None:
    assert without_lead(text) == text


@pytest.mark.parametrize("text", ["super!", "later", "night night", "hai", "tamam", "sawa", "thanks, later"])
def test_alone_they_are_still_small_talk(text: str) -> None:
    assert small_talk(text) is not None


def test_a_name_of_such_words_becomes_a_client(chat: Conversation, runtime: Runtime) -> None:
    said = " ".join(r.text for r in chat.handle_text(U, "Hai Nguyen: wants 12 bar stools, budget 2k"))
    assert [c.name for c in runtime.memory(U).clients()] == ["Hai Nguyen"], said
