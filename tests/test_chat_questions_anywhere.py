"""A message that asks about a client is answered, never filed: a question word after fillers or the bot's name
("hmm", "yo chet,", "oh and"), or a question word of another language ("cuánto", "berapa", "wann", "kailan")."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.chat.inbox import inbox_items
from bot.chat.routing import is_question
from bot.runtime import Runtime

U = "43"

SETUP = [
    "Harald Berg (Nordlys Bakeri): wants the deck oven, install on the 14th, budget 90k",
    "Lucía Paredes: florist in Quito, wants 40 vases, budget 2000",
]
QUESTIONS = [
    "uhm, when is the install for Harald",
    "yo chet, what's Harald's budget",
    "oh and how many vases does Lucía want",
    "¿cuánto quiere gastar Lucía?",
    "berapa budget Harald",
    "wann ist die Installation bei Harald",
    "kailan ang install ni Harald",
    "quanto a Lucía quer gastar",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_after_fillers_or_in_another_language_is_answered(
    chat: Conversation, runtime: Runtime, text: str
) -> None:
    for line in SETUP:
        chat.handle_text(U, line)
    memory = runtime.memory(U)
    before = len(memory.notes(limit=100))
    said = " ".join(r.text for r in chat.handle_text(U, text))
    assert "Saved" not in said and "Which client" not in said, said
    assert len(memory.notes(limit=100)) == before and inbox_items(memory) == []
    assert [c.name for c in memory.clients()] != [] and len(memory.clients()) == 2


@pytest.mark.parametrize(
    "text",
    [
        "oh and she wants the red one",
        "hmm, Harald wants 3 more trays",
        "ok so quote sent to Lucía",
        "hi Dana wants blue",
    ],
)
def test_a_note_after_fillers_is_still_a_note(text: str) -> None:
    assert not is_question(text)


def test_a_question_while_a_note_waits_is_no_client_name(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, SETUP[0])
    chat.handle_text(U, "wants a callback thursday")  # waits for its client
    said = " ".join(r.text for r in chat.handle_text(U, "berapa budget harald"))
    assert "Saved" not in said
    assert [c.name for c in runtime.memory(U).clients()] == ["Harald Berg"]
