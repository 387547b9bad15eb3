"""Nothing typed is lost or misfiled: the inbox, "which client?" answers, small talk, several clients in one note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.chat import words
from bot.chat.conversation import Conversation
from bot.chat.inbox import inbox_count, inbox_items
from bot.engines.voice import ScriptedTranscriber
from bot.runtime import Runtime
from tests.helpers import button_data, only, sayer

U = "777"


pytestmark = pytest.mark.scripted_voice  # conftest's `chat` gets a ScriptedTranscriber


say = sayer(U)


data = button_data


def clients(runtime: Runtime) -> list[str]:
    return sorted(c.name for c in runtime.memory(U).ledger.clients())


def notes_of(runtime: Runtime) -> list[tuple[str, str]]:
    return sorted((n.client, n.text) for n in runtime.memory(U).ledger.notes())


def test_a_note_without_a_client_is_in_the_ledger_before_chet_asks(chat: Conversation, settings: Any) -> None:
    say(chat, "Dana Lee: likes golf")
    asked = say(chat, "wants the premium plan, call back Tuesday")
    assert "Which client" in asked.text
    # another worker (or a restart) sees it at once: it is in the ledger, not in this process
    other = Conversation(Runtime(settings), transcriber=ScriptedTranscriber())
    assert [i.text for i in inbox_items(other.runtime.memory(U))] == ["wants the premium plan, call back Tuesday"]
    assert inbox_count(other.runtime.memory(U)) == 1
    listed = one(other.handle_text(U, "/inbox"))
    assert "1 note waiting" in listed.text and "premium plan" in listed.text
    filed = one(other.handle_text(U, "Dana"))  # the answer reaches the other worker
    assert filed.text.startswith("Saved for Dana Lee")
    assert inbox_count(other.runtime.memory(U)) == 0
    assert ("Dana Lee", "wants the premium plan, call back Tuesday") in notes_of(other.runtime)


one = only


def test_the_filed_note_keeps_the_time_it_was_written(chat: Conversation, runtime: Runtime) -> None:
    import json
    from datetime import UTC, datetime

    say(chat, "wants blue")
    ledger = runtime.memory(U).ledger
    (doc,) = json.loads(ledger.meta("inbox") or "")
    doc["at"] = "2026-03-02T09:30:00+00:00"  # written days ago, named today
    with ledger.transaction():
        ledger.set_meta("inbox", json.dumps([doc]))
    state = json.loads(ledger.conversation_state() or "")
    state["choice"]["payload"]["note"]["at"] = doc["at"]
    with ledger.transaction():
        ledger.save_conversation_state(json.dumps(state))
    say(chat, "Priya Shah")
    (note,) = ledger.notes()
    assert note.occurred_at == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("answer", ["2", "#2", "2."])
def test_which_client_accepts_a_buttons_number(chat: Conversation, runtime: Runtime, answer: str) -> None:
    say(chat, "Dana Lee: likes golf")
    say(chat, "Maria Lopez: likes tennis")
    asked = say(chat, "wants the premium plan")
    second = [b.label for row in asked.buttons for b in row][1]
    filed = say(chat, answer)
    assert filed.text.startswith(f"Saved for {second}")
    assert (second, "wants the premium plan") in notes_of(runtime)


def test_a_number_out_of_range_asks_again_and_keeps_the_note(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    say(chat, "wants the premium plan")
    assert "no name number 5" in say(chat, "5").text
    assert inbox_count(runtime.memory(U)) == 1
    assert say(chat, "1").text.startswith("Saved for Dana Lee")


@pytest.mark.parametrize(
    "reply",
    ["hi", "Hi!", "thanks", "Thank you!", "ok", "she", "Her", "they", "good morning", "cheers", "today"],
)
def test_small_talk_and_pronouns_never_become_clients(chat: Conversation, runtime: Runtime, reply: str) -> None:
    say(chat, "wants blue, not grey")
    answer = say(chat, reply)
    assert "Still waiting" in answer.text
    assert clients(runtime) == []
    assert inbox_count(runtime.memory(U)) == 1  # the waiting note was neither filed nor replaced
    assert say(chat, "Priya Shah").text.startswith("Saved for Priya Shah, a new client")
    assert clients(runtime) == ["Priya Shah"]


@pytest.mark.parametrize("text", ["hi", "thanks", "ok", "Thanks Chet", "she", "help", "undo"])
def test_small_talk_alone_is_neither_a_note_nor_a_client(chat: Conversation, runtime: Runtime, text: str) -> None:
    say(chat, text)
    assert clients(runtime) == []
    assert inbox_count(runtime.memory(U)) == 0
    assert runtime.memory(U).ledger.count_notes() == 0


def test_command_words_without_the_slash_run_the_command(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    assert "Removed your last note" in say(chat, "undo").text
    assert runtime.memory(U).ledger.count_notes() == 0
    assert "/note" in say(chat, "Help").text
    say(chat, "wants blue")
    assert "stays in your /inbox" in say(chat, "cancel").text
    assert inbox_count(runtime.memory(U)) == 1
    assert clients(runtime) == []  # no client "undo", "help" or "cancel"; Dana Lee went with her only note


def test_undo_while_a_note_waits_removes_that_note(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    say(chat, "wants blue")
    assert "was waiting for a client" in say(chat, "/undo").text
    assert inbox_count(runtime.memory(U)) == 0
    assert runtime.memory(U).ledger.count_notes() == 1  # Dana's note is untouched


def test_a_new_note_while_one_waits_never_replaces_it(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    say(chat, "wants the premium plan")
    second = say(chat, "budget approved, send the contract this week")
    assert "still waits in /inbox" in second.text and "premium plan" in second.text
    assert [i.text for i in inbox_items(runtime.memory(U))] == [
        "wants the premium plan",
        "budget approved, send the contract this week",
    ]
    assert say(chat, "Dana Lee").text.startswith("Saved for Dana Lee")  # files the note asked about last
    listed = say(chat, "/inbox")
    assert "premium plan" in listed.text and "contract" not in listed.text
    asked = one(chat.handle_callback(U, data(listed, "File 1")))
    assert "Which client" in asked.text
    assert say(chat, "Omar Haddad").text.startswith("Saved for")
    assert inbox_count(runtime.memory(U)) == 0
    assert ("Omar Haddad", "wants the premium plan") in notes_of(runtime)


def test_drop_from_the_inbox(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "wants blue")
    listed = say(chat, "/inbox")
    assert "Dropped" in one(chat.handle_callback(U, data(listed, "Drop 1"))).text
    assert "already filed or dropped" in one(chat.handle_callback(U, data(listed, "Drop 1"))).text
    assert "empty" in say(chat, "/inbox").text
    assert clients(runtime) == [] and runtime.memory(U).ledger.count_notes() == 0


def test_anything_else_is_handled_while_the_inbox_keeps_the_first(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    say(chat, "wants the premium plan")
    answered = say(chat, "what does Dana like?")
    assert "golf" in answered.text
    filed = say(chat, "Maria Lopez: prefers phone calls")
    assert filed.text.startswith("Saved for Maria Lopez")
    assert "Still waiting" in filed.text
    assert clients(runtime) == ["Dana Lee", "Maria Lopez"]
    assert [i.text for i in inbox_items(runtime.memory(U))] == ["wants the premium plan"]
    assert say(chat, "maria").text.startswith("Saved for Maria Lopez")
    assert inbox_count(runtime.memory(U)) == 0


@pytest.mark.parametrize(
    "text",
    ["loves it, wants two more", "wants blue one", "sent the quote", "she said yes"],
)
def test_a_note_fragment_is_not_taken_for_a_client_name(chat: Conversation, runtime: Runtime, text: str) -> None:
    say(chat, "wants blue, not grey")
    say(chat, text)
    assert clients(runtime) == []
    assert len(inbox_items(runtime.memory(U))) == 2  # the fragment is a second waiting note, the first is kept


def test_a_note_naming_two_known_clients_is_filed_under_the_first_named(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    say(chat, "Maria Lopez: likes tennis")
    filed = say(chat, "joint call: both Maria and Dana want the blue range")
    assert filed.text.startswith("Saved for Maria Lopez")
    assert "could be" not in filed.text and inbox_count(runtime.memory(U)) == 0
    assert ("Maria Lopez", "joint call: both Maria and Dana want the blue range") in notes_of(runtime)


def test_every_word_list_entry_has_a_kind_and_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [ln for ln in words.DATA.read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    assert all(len([p for p in ln.split("|") if p.strip()]) == 3 for ln in lines)
    bad = tmp_path / "words.txt"
    bad.write_text("hi | greeting\n")
    monkeypatch.setattr(words, "DATA", bad)
    words._table.cache_clear()
    try:
        with pytest.raises(ValueError, match="line 1"):
            words.small_talk("hi")
    finally:
        monkeypatch.undo()
        words._table.cache_clear()


def test_a_lone_number_with_nothing_to_pick_is_not_a_note(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    assert "Nothing is waiting for a number" in say(chat, "2").text
    assert inbox_count(runtime.memory(U)) == 0 and runtime.memory(U).ledger.count_notes() == 1
