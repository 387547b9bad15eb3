"""A person introduced by a role inside a note about someone else is not the client (issue 13, usability test 11 H1).

"met <X> at the fair ..., CFO <Y> signs off": X is the client and Y her approver, whether Y is a new name or a
client already on file; the person the note opens on or met/called beats a name mentioned later. Real chat core,
real SQLite and Chroma; sentences of our own (trades and naming cultures the dev scripts do not use).
"""

from __future__ import annotations

import re

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from tests.helpers import sayer

U = "913"
say = sayer(U)


def client_names(runtime: Runtime) -> set[str]:
    return {c.name for c in runtime.memory(U).clients()}


def notes_of(runtime: Runtime, name: str) -> list[str]:
    memory = runtime.memory(U)
    return [n.text for n in memory.notes(memory.find_client(name).id)]


@pytest.mark.parametrize(
    ("message", "client", "third"),
    [
        (
            "met nyokabi wanjala at the builders fair, she buys for Lekki Homes. MD Tunde Bakare approves anything over 5m",
            "Nyokabi Wanjala",
            "Tunde Bakare",
        ),
        (
            "lunch with thandeka mthembu from ubuntu bakeries, GM Ingrid Dahl wants the figures by friday",
            "Thandeka Mthembu",
            "Ingrid Dahl",
        ),
        (
            "called tevita fifita at the depot about the forklifts, his boss Mele Havili decides above 40k",
            "Tevita Fifita",
            "Mele Havili",
        ),
        (
            "emailed oyuna batbayar re the dental chairs; practice manager Krzysztof Zając books the install",
            "Oyuna Batbayar",
            "Krzysztof Zając",
        ),
    ],
)
def test_a_role_tagged_person_is_not_the_client(
    chat: Conversation, runtime: Runtime, message: str, client: str, third: str
) -> None:
    """The person met, called or emailed is the client; "CFO/GM/boss <name>" later in the note is not a client."""
    reply = say(chat, message)
    assert reply.note_saved
    names = {n.casefold() for n in client_names(runtime)}
    assert client.casefold() in names, reply.text
    assert third.casefold() not in names, reply.text


def test_the_subject_beats_a_known_client_named_later_as_an_approver(chat: Conversation, runtime: Runtime) -> None:
    """A name already on file (filed by mistake earlier) named with a role later in a note about someone else does
    not take the note: the note's subject does."""
    assert say(chat, "Abdi Noor - finance at Coast Clinics, prefers email").note_saved
    reply = say(chat, "met wairimu gathoni at the lab expo, she runs the lab at Coast Clinics, CFO Abdi Noor signs off")
    assert "Wairimu Gathoni" in reply.text
    assert len(notes_of(runtime, "Abdi Noor")) == 1


def test_a_note_that_opens_on_the_role_tagged_person_is_theirs(chat: Conversation, runtime: Runtime) -> None:
    """ "CFO <name> called ..." with nobody else named: the note is about that person."""
    reply = say(chat, "CFO Hamid Rahimi called, wants the invoice split in two")
    assert reply.note_saved
    assert "Hamid Rahimi" in client_names(runtime), reply.text


@pytest.mark.parametrize(
    "fix",
    [
        "no that last one is kofi's not lucía's",
        "oops, that note was Kofi Boateng's",
        "that's kofi's, not lucia's",
    ],
)
def test_a_possessive_correction_moves_the_last_note(chat: Conversation, runtime: Runtime, fix: str) -> None:
    """ "that last one is X's not Y's" re-files the last note under X; it is never saved as a note itself."""
    assert say(chat, "Kofi Boateng wants 3 deck ovens for the bakery").note_saved
    assert say(chat, "Lucía Fernández wants the walk-in freezer before march").note_saved
    assert say(chat, "she also asked for the spare parts price list").note_saved
    reply = say(chat, fix)
    assert "Kofi Boateng" in reply.text, reply.text
    assert any("price list" in t for t in notes_of(runtime, "Kofi Boateng"))
    assert not any("price list" in t or "kofi" in t.casefold() for t in notes_of(runtime, "Lucía Fernández"))


@pytest.mark.parametrize(
    ("first", "fix", "client"),
    [
        ("Malak Haddad - the total came to 4800 with delivery", "oops the total is 5200 not 4800", "Malak Haddad"),
        ("Ricardo Peña ordered 40 pallets of cement", "wait, it is 45 not 40", "Ricardo Peña"),
        ("Aroha Ngata - deposit is 2500 for the kitchen", "oh and it should be 3000 rather than 2500", "Aroha Ngata"),
    ],
)
def test_an_unnamed_correction_of_the_last_note_goes_with_it(
    chat: Conversation, runtime: Runtime, first: str, fix: str, client: str
) -> None:
    """A short line that takes back a value the note just sent states ("45 not 40") is that client's."""
    assert say(chat, "Jonas Berg wants a quote for 12 solar panels").note_saved
    assert say(chat, first).note_saved
    reply = say(chat, fix)
    assert reply.note_saved and client in reply.text, reply.text
    assert any(fix == t for t in notes_of(runtime, client))


def test_a_correction_naming_no_earlier_value_still_asks(chat: Conversation, runtime: Runtime) -> None:
    """ "not sure about friday" takes back nothing the last note said: it is not filed under that client."""
    assert say(chat, "Malak Haddad wants the sofa in teal velvet").note_saved
    reply = say(chat, "the delivery van is not available, sadly")
    assert "Malak Haddad:" not in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "question",
    [
        "please who is the purchasing lead at lakeview dairy",
        "pls what did I promise ama",
        "kindly remind me what ama wants",
        "abeg when is ama's tasting",
    ],
)
def test_a_polite_question_is_answered_not_filed(chat: Conversation, runtime: Runtime, question: str) -> None:
    """ "please/pls/kindly/abeg" before a question keeps it a question: answered, never put in the inbox as a note."""
    assert say(
        chat, "Ama Owusu runs purchasing at Lakeview Dairy, tasting on friday, promised her a price list"
    ).note_saved
    reply = say(chat, question)
    assert not reply.note_saved, reply.text
    assert "inbox" not in reply.text.casefold() and "which client" not in reply.text.casefold(), reply.text


@pytest.mark.parametrize(
    ("owner", "relation", "other", "later"),
    [
        (
            "Yusuf Demir (Demir Lojistik) wants 6 forklifts",
            "his PA Elif handles the calendar",
            "Mariam Tahir wants 2 cold rooms",
            "Elif called, the board meets on the 14th",
        ),
        (
            "Hannah Weiss wants an upright piano for her daughter",
            "her husband Tobias pays the invoices",
            "Carlos Ruiz wants a classical guitar",
            "Tobias asked for the invoice in two parts",
        ),
    ],
)
def test_a_note_about_a_clients_relative_or_assistant_is_the_clients(
    chat: Conversation, runtime: Runtime, owner: str, relation: str, other: str, later: str
) -> None:
    """A person on file as one client's assistant or relative, named in a later note, files it under that client;
    they never become a client and the note does not wait in the inbox."""
    assert say(chat, owner).note_saved
    assert say(chat, relation).note_saved
    assert say(chat, other).note_saved
    reply = say(chat, later)
    client = owner.split(" (")[0].split(" wants")[0]
    assert reply.note_saved and client in reply.text, reply.text
    assert len(client_names(runtime)) == 2


def facts_of(runtime: Runtime, name: str) -> dict[str, str]:
    memory = runtime.memory(U)
    client = memory.find_client(name).id
    return {f.key: f.value for f in memory.facts() if f.client_id == client}


@pytest.mark.parametrize(
    ("relative", "line"),
    [
        (
            "Ingrid Olsen: her son Max plays hockey, wants a new printer for the office",
            "max load on the top rack is 200kg",
        ),
        (
            "Chiara Bianchi: her sister June runs the shop, wants linen curtains",
            "June deadline for the fitting is tight",
        ),
        ("Nomvula Dube: her daughter Hope starts school in january, wants a laptop", "hope the crates clear customs"),
    ],
)
def test_an_everyday_word_shared_with_a_relative_names_no_one(
    chat: Conversation, runtime: Runtime, relative: str, line: str
) -> None:
    """ "max load", "June deadline", "hope the ...": a relative's name used as an everyday word files nothing under
    that client; the line asks which client (the last note shares no topic with it)."""
    assert say(chat, relative).note_saved
    assert say(chat, "Dmitri Volkov wants 3 espresso machines").note_saved
    reply = say(chat, line)
    owner = relative.split(":")[0]
    assert owner not in reply.text, reply.text
    assert not any(line in t for t in notes_of(runtime, owner))


def test_continuity_beats_a_relatives_name(chat: Conversation, runtime: Runtime) -> None:
    """A line that goes on from the last note ("Rose gold hinges on the 10 brass doors") stays with that client even
    though another client's relative is called Rose."""
    assert say(chat, "Lerato Mahlangu: wife Rose loves orchids, wants a garden bench").note_saved
    assert say(chat, "Kwabena Asante wants 10 brass doors for the hotel lobby").note_saved
    reply = say(chat, "Rose gold hinges on all 10 brass doors")
    assert reply.note_saved and "Kwabena Asante" in reply.text, reply.text


@pytest.mark.parametrize("line", ["Max said the printer jams on card stock", "the toner Max ordered is on back order"])
def test_a_relatives_name_used_as_a_name_still_files(chat: Conversation, runtime: Runtime, line: str) -> None:
    """The same everyday-word name, capitalised mid-sentence or before "said", is the relative: the client's note."""
    assert say(chat, "Ingrid Olsen: her son Max plays hockey, wants a new printer for the office").note_saved
    assert say(chat, "Dmitri Volkov wants 3 espresso machines").note_saved
    reply = say(chat, line)
    assert reply.note_saved and "Ingrid Olsen" in reply.text, reply.text


@pytest.mark.parametrize(
    ("first", "fix", "slot", "new"),
    [
        ("Sello Mokoena: budget 25k for the boardroom chairs", "sorry 28k not 25k", "budget", "28k"),
        ("Ewa Kowalczyk - budget is 9000 for the clinic lighting", "oops, 9500 not 9000", "budget", "9500"),
    ],
)
def test_a_value_take_back_restates_the_slot(
    chat: Conversation, runtime: Runtime, first: str, fix: str, slot: str, new: str
) -> None:
    """ "sorry 28k not 25k" right after "budget 25k ...": the budget becomes 28k, and no likes/dislikes come of it."""
    assert say(chat, first).note_saved
    client = re.split(r"[:-]", first)[0].strip()
    reply = say(chat, fix)
    assert reply.note_saved and client in reply.text, reply.text
    facts = facts_of(runtime, client)
    assert new in facts.get(slot, ""), facts
    assert not any(k.startswith(("likes", "dislikes")) for k in facts), facts


def test_a_bare_was_number_is_no_take_back(chat: Conversation, runtime: Runtime) -> None:
    """ "the courier was 12 minutes late" shares "12" with "12 roof vents" but corrects nothing: it is not filed there."""
    assert say(chat, "Hemi Walker wants 12 roof vents").note_saved
    reply = say(chat, "the courier was 12 minutes late")
    assert not any("courier" in t for t in notes_of(runtime, "Hemi Walker")), reply.text


def test_a_possessive_to_an_unknown_first_name_asks(chat: Conversation, runtime: Runtime) -> None:
    """ "that one was Pawel's" with no Pawel on file moves nothing and starts no client; a full name does."""
    assert say(chat, "Noor Aziz wants 2 chest freezers for the deli").note_saved
    reply = say(chat, "that one was Pawel's")
    assert not reply.note_saved and "full name" in reply.text, reply.text
    assert client_names(runtime) == {"Noor Aziz"}
    assert any("freezers" in t for t in notes_of(runtime, "Noor Aziz"))
    reply = say(chat, "that one was Pawel Nowak's")
    assert reply.note_saved and "Pawel Nowak" in reply.text, reply.text
