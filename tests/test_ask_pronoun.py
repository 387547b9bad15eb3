"""A pronoun in a question means the last client filed only when it speaks of one known client."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime

U = "777"


@pytest.fixture
def chat(runtime: Runtime) -> Conversation:
    c = Conversation(runtime, transcriber=None)
    c.handle_text(U, "talked to Ines Moreau, her lease renewal is due in March")
    return c


@pytest.mark.parametrize(
    "question",
    [
        "which clients have their renewal due?",
        "who has their lease ending soon",
        "does anyone want their samples back",
        "did everyone get their invoices",
    ],
)
def test_a_question_about_many_or_a_who_is_not_narrowed_to_the_last_client(chat: Conversation, question: str) -> None:
    assert chat._pronoun_client(U, question) is None


@pytest.mark.parametrize("question", ["what did I promise her?", "when is their renewal due", "who is her accountant"])
def test_a_pronoun_for_one_person_is_the_last_client(chat: Conversation, question: str) -> None:
    found = chat._pronoun_client(U, question)
    assert found is not None and found.name == "Ines Moreau"
