"""A chat message naming several known clients (issue 13, usability test 9, findings 11 and 12).

Each client named sees the note; the facts of a clause go to the client that clause names; /undo takes
back every copy the message made, whatever other notes are dated later. Real Memory, SQLite and Chroma.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.chat.conversation import Conversation, Reply
from bot.runtime import Runtime
from memory.service import NoteInput
from memory.timeutil import now_utc

U = "909"


@pytest.fixture
def chat(runtime: Runtime) -> Conversation:
    return Conversation(runtime, transcriber=None)


def say(chat: Conversation, text: str) -> Reply:
    replies = chat.handle_text(U, text)
    assert len(replies) == 1, [r.text for r in replies]
    return replies[0]


def note_texts(runtime: Runtime, name: str) -> list[str]:
    memory = runtime.memory(U)
    return [n.text for n in memory.notes(memory.find_client(name).id)]


def fact_values(runtime: Runtime, name: str) -> str:
    memory = runtime.memory(U)
    return " | ".join(f.value for f in memory.facts(memory.find_client(name).id)).casefold()


def known(chat: Conversation, *notes: str) -> None:
    for text in notes:
        assert say(chat, text).note_saved


@pytest.mark.parametrize(
    ("setup", "message", "copies"),
    [
        (
            ["Rahul Mehta owns the bakery on 5th", "Tomasz Nowak runs Eagle Roasters"],
            "met rahul and tomasz at the bakers guild dinner, both want a quote for the grinders",
            {"Rahul Mehta", "Tomasz Nowak"},
        ),
        (
            ["Kofi Mensah wants a tasting", "Lara Quinn wants natural wines"],
            "kofi mensah and lara quinn came to the tasting yesterday, each wants a case",
            {"Kofi Mensah", "Lara Quinn"},
        ),
    ],
)
def test_undo_removes_every_copy_even_beside_a_later_dated_note(
    chat: Conversation, runtime: Runtime, setup: list[str], message: str, copies: set[str]
) -> None:
    """/undo of a message filed for several clients removes each copy, not only the newest-dated one."""
    known(chat, *setup)
    later = now_utc() + timedelta(days=2)  # an imported note dated after today: "newest" by date is not ours
    runtime.memory(U).add_note(NoteInput("Zed Park", "booked the demo", later, later.isoformat(), source="import"))
    reply = say(chat, message)
    assert "Also filed for" in reply.text, reply.text
    undone = say(chat, "/undo")
    assert undone.text.startswith("Removed your last note"), undone.text
    for name in copies:
        assert message not in note_texts(runtime, name), (name, undone.text)
        assert name in undone.text, undone.text  # the reply names every client the note is gone from
    assert note_texts(runtime, "Zed Park") == ["booked the demo"]
