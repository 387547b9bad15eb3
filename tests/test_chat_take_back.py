"""Taking a note back in words ("scratch that") and /undo of a note filed under several clients (issue 13)."""

from __future__ import annotations

from datetime import timedelta

import pytest

import bot.chat.dispatch as dispatch
from bot.chat.conversation import Conversation
from bot.chat.words import correction
from bot.runtime import Runtime
from memory.timeutil import now_utc
from tests.helpers import sayer

U = "778"


say = sayer(U)


def texts(runtime: Runtime) -> list[str]:
    return [n.text for n in runtime.memory(U).ledger.notes()]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("strike that", ""),
        ("Disregard that!", ""),
        ("ugh, scratch that - he wants the oak after all", "he wants the oak after all"),
        ("wrong size above. ignore my last note", "wrong size above"),
        ("she wants the oak; scratch that last one", "she wants the oak"),
        ("hm no, scratch that, it was ravi who asked for the quote", "it was ravi who asked for the quote"),
        ("nope - ignore that last one", ""),
        ("wait, disregard that, he wants the walnut", "he wants the walnut"),
    ],
)
def test_a_correction_is_the_whole_message_or_its_opening_or_closing_clause(text: str, rest: str) -> None:
    assert correction(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "he told me to scratch that plan and go with the oak",
        "asked me to disregard that invoice, the new one is coming",
        "the buyer said strike that clause from the contract",
        "no calls before 9, she said scratch that plan",
    ],
)
def test_a_correction_phrase_inside_a_sentence_is_part_of_a_note(text: str) -> None:
    assert correction(text) is None


def test_a_phrase_inside_a_note_never_deletes_the_last_note(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Priya Raman wants the oak bench, 2 of them")
    say(chat, "Omar Castell wants a quote for 6 stools")
    reply = say(chat, "omar said scratch that plan, he wants 8 stools now")
    assert reply.text.startswith("Saved for Omar Castell"), reply.text
    assert len(texts(runtime)) == 3 and any("6 stools" in t for t in texts(runtime))


def test_a_correction_long_after_the_last_note_deletes_nothing(
    chat: Conversation, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    say(chat, "Priya Raman wants the oak bench")
    later = now_utc() + timedelta(days=2)
    monkeypatch.setattr(dispatch, "now_utc", lambda: later)
    reply = say(chat, "scratch that")
    assert "/undo" in reply.text and not reply.text.startswith("Removed")
    assert texts(runtime) == ["Priya Raman wants the oak bench"]


def test_a_correction_just_after_a_note_says_what_it_removed_and_files_the_rest(
    chat: Conversation, runtime: Runtime
) -> None:
    say(chat, "Priya Raman wants the oak bench")
    say(chat, "priya wants it in walnut")
    reply = say(chat, "oops, scratch that - she still wants oak, delivery in may")
    assert reply.text.startswith("Removed your last note (Priya Raman: “priya wants it in walnut")
    assert texts(runtime)[0] == "she still wants oak, delivery in may"
    assert not any("walnut" in t for t in texts(runtime))


def test_undo_of_a_note_filed_for_two_clients_names_the_main_one_first(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Priya Raman wants the oak bench")
    say(chat, "Omar Castell wants 6 stools")
    say(chat, "met priya raman and omar castell at the fair, both want the catalogue")
    undone = say(chat, "/undo")
    assert undone.text.startswith("Removed your last note (Priya Raman:"), undone.text
    assert undone.text.endswith("It is also gone from Omar Castell.")
    assert not any("catalogue" in t for t in texts(runtime))


def test_a_correction_of_a_note_filed_for_two_clients_files_under_the_main_one(
    chat: Conversation, runtime: Runtime
) -> None:
    say(chat, "Priya Raman wants the oak bench")
    say(chat, "Omar Castell wants 6 stools")
    say(chat, "met priya raman and omar castell at the fair, both want the catalogue")
    reply = say(chat, "the brochure, not the catalogue. ignore that last note")
    assert "Saved for Priya Raman" in reply.text, reply.text
    memory = runtime.memory(U)
    latest = memory.ledger.notes(limit=1)[0]
    assert latest.text == "the brochure, not the catalogue" and latest.client == "Priya Raman"


@pytest.mark.parametrize("package", ["wordfreq", "names"])
def test_notes_are_filed_by_the_older_rules_when_a_dictionary_package_is_missing(
    chat: Conversation, package: str
) -> None:
    """`names` or `wordfreq` missing (a broken install): notes are still filed, never a ModuleNotFoundError."""
    import sys

    from bot.chat import mentions

    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setitem(sys.modules, package, None)  # a None entry makes `import` raise ImportError
            mentions.dictionaries.cache_clear()
            mentions.zipf.cache_clear()
            assert say(chat, "Priya Raman: wants the oak bench").text.startswith("Saved for Priya Raman")
            assert say(chat, "priya wants delivery in may").text.startswith("Saved for Priya Raman")
            assert mentions.mentions("met priya raman today", []) == []
    finally:
        mentions.dictionaries.cache_clear()
        mentions.zipf.cache_clear()


def test_the_subject_of_a_note_wins_over_a_known_client_named_as_its_source(
    chat: Conversation, runtime: Runtime
) -> None:
    """A known client introduced as the source ("referred by X: Y wants ...") is not whom the note is about."""
    say(chat, "Priya Raman wants the oak bench")
    reply = say(chat, "referred by priya raman: leo marsh wants a quote for 12 chairs")
    assert reply.text.startswith("Saved for Leo Marsh, a new client"), reply.text
    assert [n.text for n in runtime.memory(U).ledger.notes(runtime.memory(U).find_client("Priya Raman").id)] == [
        "Priya Raman wants the oak bench"
    ]


def test_a_known_client_named_in_passing_gets_no_copy(chat: Conversation, runtime: Runtime) -> None:
    """Only people joined to the subject ("X and Y both ...") share a note; "the same bench X bought" is an aside."""
    say(chat, "Priya Raman wants the oak bench")
    reply = say(chat, "lunch w leo marsh, wants the same bench priya raman ordered")
    assert reply.text.startswith("Saved for Leo Marsh") and "Also filed" not in reply.text, reply.text
    memory = runtime.memory(U)
    assert len(memory.ledger.notes(memory.find_client("Priya Raman").id)) == 1


@pytest.mark.parametrize(
    "note",
    ["june deadline for the tender is firm", "hope the rep calls back before the tender closes"],
)
def test_a_known_first_name_that_is_a_common_word_needs_a_person_around_it(
    chat: Conversation, runtime: Runtime, note: str
) -> None:
    """A known first name typed in lower case that English uses as a word ("june", "hope") files nothing alone."""
    say(chat, "June Okoro wants the oak bench")
    say(chat, "Hope Varga wants 6 stools")
    assert not say(chat, note).text.startswith("Saved for")


@pytest.mark.parametrize(
    ("note", "client"),
    [("promised june a sample", "June Okoro"), ("hope wants the stools in grey", "Hope Varga")],
)
def test_a_common_word_first_name_with_a_person_around_it_is_the_client(
    chat: Conversation, runtime: Runtime, note: str, client: str
) -> None:
    say(chat, "June Okoro wants the oak bench")
    say(chat, "Hope Varga wants 6 stools")
    assert say(chat, note).text.startswith(f"Saved for {client}")


@pytest.mark.parametrize(
    ("earlier", "named", "client"),
    [
        ("Dana Pike wants the walnut desk", "rahul mehta - promised him descaling quote by thurs", "Rahul Mehta"),
        ("Dana Pike wants the walnut desk", "Omar Castell: send the stool catalogue monday", "Omar Castell"),
        ("Omar Castell wants 6 stools", "ngozi okafor asked for 2 pallets of tiles", "Ngozi Okafor"),
    ],
)
def test_a_correction_closing_a_note_that_names_another_client_files_it_there_and_keeps_the_earlier_note(
    chat: Conversation, runtime: Runtime, earlier: str, named: str, client: str
) -> None:
    say(chat, "Omar Castell wants a quote for 6 stools")
    say(chat, earlier)
    reply = say(chat, f"{named}. ignore that last one")
    memory = runtime.memory(U)
    filed = {n.text: n.client for n in memory.ledger.notes()}
    assert any(t in named and c == client for t, c in filed.items()), (
        filed
    )  # filed under the client it names, never the earlier note's
    assert earlier in filed  # not clearly meant: the earlier note stays, and the reply asks
    assert "kept" in reply.text and "/undo" not in reply.text.split("kept")[0], reply.text


def test_a_correction_naming_the_same_client_still_replaces_the_note(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Pike wants the walnut desk")
    reply = say(chat, "dana pike wants the oak desk. ignore that last one")
    assert reply.text.startswith("Removed your last note (Dana Pike:"), reply.text
    assert [n.text for n in runtime.memory(U).ledger.notes()] == ["dana pike wants the oak desk"]


def test_that_was_for_moves_the_note_just_sent_not_an_older_waiting_one(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "met a cafe owner at the expo, wants samples of the oat syrup")  # no name: waits in the inbox
    memory = runtime.memory(U)
    assert memory.clients() == []
    say(chat, "Dana Pike wants the walnut desk, 2 of them")  # filed while the first still waits
    reply = say(chat, "oops that was for siobhan")
    filed = {n.text: n.client for n in memory.ledger.notes()}
    assert filed == {"Dana Pike wants the walnut desk, 2 of them": "Siobhan"}, (filed, reply.text)
    assert reply.text.startswith("Moved from Dana Pike"), reply.text


def test_that_was_for_files_the_waiting_note_when_it_is_the_latest(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Pike wants the walnut desk, 2 of them")
    chat.handle_text(U, "met a cafe owner at the expo, wants samples of the oat syrup")
    say(chat, "oops that was for siobhan")
    filed = {n.text: n.client for n in runtime.memory(U).ledger.notes()}
    assert filed.get("met a cafe owner at the expo, wants samples of the oat syrup") == "Siobhan", filed
    assert filed.get("Dana Pike wants the walnut desk, 2 of them") == "Dana Pike", filed


@pytest.mark.parametrize(
    "slip",
    [
        "oops that last one was for nadia not yusuf",
        "sorry, the previous note was about Nadia Haddad, not Yusuf",
        "argh my last message was for nadia",
        "that one belongs to nadia haddad",
    ],
)
def test_a_slip_naming_the_right_client_moves_the_last_note(runtime: Runtime, slip: str) -> None:
    """ "that last one was for X not Y": the last note moves to X (the one it was for), with its promise."""
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Nadia Haddad (Haddad Bakeries) - two deck ovens, wants stainless not enamel")
    chat.handle_text(U, "Yusuf Demir at Demir Catering - 3 blast chillers, budget 9k")
    chat.handle_text(U, "will send yusuf the service plan by friday")
    [reply] = chat.handle_text(U, slip)
    assert reply.text.startswith("Moved from Yusuf Demir")
    memory = runtime.memory(U)
    [promise] = memory.ledger.commitments(None)
    assert memory.find_client("Nadia Haddad").id == promise.client_id


def test_a_take_back_opening_a_message_that_names_another_client_removes_the_last_note(runtime: Runtime) -> None:
    """ "no, scratch that, it was yusuf who asked ...": the opening phrase can only mean the note before; the rest
    is filed under the client it names (a closing take-back naming someone else keeps the note and asks)."""
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Nadia Haddad (Haddad Bakeries) - two deck ovens, stainless")
    chat.handle_text(U, "Yusuf Demir at Demir Catering - 3 blast chillers")
    chat.handle_text(U, "nadia asked for the financing brochure")
    [reply] = chat.handle_text(U, "no, scratch that, it was yusuf who asked for the brochure")
    assert reply.text.startswith("Removed your last note (Nadia Haddad")
    assert "Saved for Yusuf Demir" in reply.text
    assert "nadia asked for the financing brochure" not in texts(runtime)
