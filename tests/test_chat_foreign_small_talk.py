"""A short message with no English word in it (thanks or a greeting in another language, a bare new name) files
nothing: it is neither put in the inbox as a note nor taken as the name of the client a waiting note is about."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.chat.inbox import inbox_items
from bot.runtime import Runtime

U = "31"


@pytest.mark.parametrize("text", ["terima kasih banyak", "Tak så mycket!", "habari za asubuhi", "köszönöm"])
def test_thanks_or_greeting_in_another_language_files_nothing(chat: Conversation, runtime: Runtime, text: str) -> None:
    [reply] = chat.handle_text(U, text)
    assert "Saved" not in reply.text and "Which client" not in reply.text
    memory = runtime.memory(U)
    assert memory.clients() == [] and inbox_items(memory) == []


def test_a_foreign_thanks_is_no_answer_to_which_client(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "wants the walnut desk delivered friday")  # no name: it waits for its client
    [reply] = chat.handle_text(U, "mulțumesc")
    assert "Saved" not in reply.text and "Still waiting" in reply.text
    assert runtime.memory(U).clients() == []
    chat.handle_text(U, "Eszter Varga")  # a name still answers it
    assert [c.name for c in runtime.memory(U).clients()] == ["Eszter Varga"]


def test_short_english_notes_are_still_notes(chat: Conversation, runtime: Runtime) -> None:
    [reply] = chat.handle_text(U, "quote approved")
    assert "Nothing filed" not in reply.text and len(inbox_items(runtime.memory(U))) == 1


@pytest.mark.parametrize("text", ["wants the oak sideboard delivered friday", "needs a maple bookcase shipped monday"])
def test_a_thing_after_an_article_is_no_new_client(chat: Conversation, runtime: Runtime, text: str) -> None:
    """ "the oak sideboard delivered": an article before two words marks a thing, even with a verb after it."""
    chat.handle_text(U, text)
    assert runtime.memory(U).clients() == []
