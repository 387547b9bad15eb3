"""A client's colleague named in a note ("from legal", "runs procurement there", "her boss", "their CFO") is no
client of their own: the note's facts stay on the client it is about. Two people met as customers in their own
right still become two clients."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from tests.helpers import client_facts, client_names

U = "51"


@pytest.mark.parametrize(
    ("note", "client", "fact"),
    [
        ("Call with Tom Baker, Sarah Jones from legal wants the contract by friday", "Tom Baker", "contract"),
        (
            "Visited Priya Nair at the plant. Ravi Kumar runs procurement there, wants 2 samples",
            "Priya Nair",
            "2 samples",
        ),
        ("Lunch with Aroha Ngata; her boss Wiremu Tane signs off anything over 5k", "Aroha Ngata", "5k"),
        ("Met Gustavo Reis at the depot. Helena Prado, their CFO, wants net 60 terms", "Gustavo Reis", "net 60"),
        ("Met Kenji Mori at the showroom. Yuki Sato, his assistant, wants the floor plan", "Kenji Mori", "floor plan"),
    ],
)
def test_a_colleague_is_no_client(chat: Conversation, runtime: Runtime, note: str, client: str, fact: str) -> None:
    chat.handle_text(U, note)
    assert client_names(runtime, U) == [client]
    assert fact in client_facts(runtime, U, client)


def test_a_customer_from_a_company_named_like_a_department_is_a_client(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Met Dana Lee at the expo; Carl Jones from Marketing Hub wants 3 quotes")
    assert client_names(runtime, U) == ["Carl Jones", "Dana Lee"]
