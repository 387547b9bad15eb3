"""A short message made only of courtesy words (greetings, thanks, farewells, "ok") in any language, the bot's
name and emoji is small talk: a friendly short reply, never a note, never the inbox, never a client."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.chat.inbox import inbox_items
from bot.chat.words import small_talk
from bot.runtime import Runtime

U = "41"

COURTESY = [
    "selamat siang kak 🙏",  # Indonesian
    "tusen takk, ha det bra",  # Norwegian
    "merci, à demain chet",  # French
    "salamat po, ingat",  # Tagalog
    "dzięki, na razie",  # Polish
    "asante sana bro",  # Swahili
    "ohayo gozaimasu chet",  # Japanese
    "ni hao chet!",  # Mandarin
    "günaydın hocam",  # Turkish
    "dhanyavad ji",  # Hindi
    "baie dankie, totsiens",  # Afrikaans
    "valeu, tchau",  # Portuguese
    "danke, bis morgen",  # German
    "ok cool, cya 👋",  # English
    "grazie, a dopo",  # Italian
    "goedenavond chet",  # Dutch
    "hasta mañana che",  # Spanish
    "annyeonghaseyo",  # Korean
]


@pytest.mark.parametrize("text", COURTESY)
def test_courtesy_words_alone_are_small_talk(chat: Conversation, runtime: Runtime, text: str) -> None:
    replies = chat.handle_text(U, text)
    said = " ".join(r.text for r in replies)
    assert len(replies) == 1 and "Saved" not in said and "Which client" not in said, said
    assert "Nothing filed" not in said  # a friendly answer, never a telling-off
    memory = runtime.memory(U)
    assert memory.clients() == [] and inbox_items(memory) == []


@pytest.mark.parametrize("text", ["tusen takk, ha det bra", "thanks, catch you later", "merci, au revoir"])
def test_thanks_and_goodbye_is_answered_as_both(text: str) -> None:
    talk = small_talk(text)
    assert talk is not None and talk.kind == "thanks" and "farewell" in talk.kinds


def test_a_courtesy_word_waiting_note_still_waits(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "wants six pallets of the grey pavers by the 20th")  # no client yet: it waits
    [reply] = chat.handle_text(U, "oke, makasih kak")
    assert "Still waiting" in reply.text and runtime.memory(U).clients() == []
    chat.handle_text(U, "Dewi Lestari")
    assert [c.name for c in runtime.memory(U).clients()] == ["Dewi Lestari"]


def test_a_known_client_named_like_a_greeting_opens_the_card(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Selam Tesfaye: runs two bakeries, wants the deck oven quote")
    [*_, reply] = chat.handle_text(U, "Selam")
    assert "Selam Tesfaye" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "thanks from Ana Lopez, she wants 4 chairs",
        "hola, Marisol Vega wants the oak table",
        "bye for now, quote sent to Ravi",
    ],
)
def test_a_note_with_a_courtesy_word_in_it_is_still_a_note(chat: Conversation, runtime: Runtime, text: str) -> None:
    said = " ".join(r.text for r in chat.handle_text(U, text))
    memory = runtime.memory(U)
    assert "Saved" in said or inbox_items(memory), said


def test_a_short_unknown_line_gets_a_helpful_reply(chat: Conversation) -> None:
    [reply] = chat.handle_text(U, "brrzk")
    assert "Nothing filed" not in reply.text and "note" in reply.text
