"""A chat message naming several known clients (issue 13, usability test 9, findings 11 and 12).

Each client named sees the note; the facts of a clause go to the client that clause names; /undo takes
back every copy the message made, whatever other notes are dated later. Real Memory, SQLite and Chroma.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from memory.service import NoteInput
from memory.timeutil import now_utc
from tests.helpers import sayer

U = "909"


say = sayer(U)


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


@pytest.mark.parametrize(
    ("setup", "message", "wanted", "unwanted"),
    [
        (  # coffee machines: the usability test's own line
            ["Mai Nguyen has the cafe on Elm", "Tomasz Nowak runs Eagle Roasters"],
            "mai wants the 3 group in white, tomasz wants black for both eagle ones",
            {"Mai Nguyen": "white", "Tomasz Nowak": "black"},
            {"Mai Nguyen": "black", "Tomasz Nowak": "white"},
        ),
        (  # furniture
            ["Dana Lee bought the sofa", "Paul Okafor toured the showroom"],
            "dana lee wants the oak table; paul okafor wants the walnut one",
            {"Dana Lee": "oak", "Paul Okafor": "walnut"},
            {"Dana Lee": "walnut", "Paul Okafor": "oak"},
        ),
        (  # print shop, a third clause naming nobody stays with the subject
            ["Ines Delacroix runs the Harbor Clinic", "Wade Harmon coaches at Central High"],
            "ines delacroix prefers email, and wade harmon prefers phone. call went long",
            {"Ines Delacroix": "email", "Wade Harmon": "phone"},
            {"Ines Delacroix": "phone", "Wade Harmon": "email"},
        ),
    ],
)
def test_each_clause_files_its_facts_under_the_client_it_names(
    chat: Conversation,
    runtime: Runtime,
    setup: list[str],
    message: str,
    wanted: dict[str, str],
    unwanted: dict[str, str],
) -> None:
    """Two known clients with a clause each: each gets the facts of its own clause, and each sees the note."""
    known(chat, *setup)
    reply = say(chat, message)
    assert "Also filed for" in reply.text, reply.text
    for name, word in wanted.items():
        assert word in fact_values(runtime, name), (name, fact_values(runtime, name))
        assert message in note_texts(runtime, name)
    for name, word in unwanted.items():
        assert word not in fact_values(runtime, name), (name, fact_values(runtime, name))
    second = list(wanted)[1]
    assert f"Also filed for {second}: " in reply.text, reply.text  # what was understood for them is said


def test_a_client_joined_by_and_still_shares_the_whole_note(chat: Conversation, runtime: Runtime) -> None:
    """ "<name> and <name> both want ...": one clause, both subjects: each gets its facts."""
    known(chat, "Rahul Mehta owns the bakery on 5th", "Tomasz Nowak runs Eagle Roasters")
    reply = say(chat, "met rahul and tomasz at the bakers guild dinner, both want a quote for the grinders")
    assert "Also filed for Tomasz Nowak." in reply.text, reply.text
    for name in ("Rahul Mehta", "Tomasz Nowak"):
        assert "quote" in fact_values(runtime, name), fact_values(runtime, name)


def test_a_list_of_clients_before_one_verb_is_one_shared_clause(chat: Conversation, runtime: Runtime) -> None:
    """ "rahul, tomasz and mai want ...": the comma lists subjects; it does not open a clause per name."""
    known(chat, "Rahul Mehta owns the bakery", "Tomasz Nowak runs Eagle Roasters", "Mai Nguyen has the cafe")
    reply = say(chat, "rahul mehta, tomasz nowak and mai nguyen want a quote for the grinders")
    assert "Also filed for" in reply.text, reply.text
    for name in ("Rahul Mehta", "Tomasz Nowak", "Mai Nguyen"):
        assert "quote" in fact_values(runtime, name), (name, fact_values(runtime, name))
