"""The conversation core, driven directly: routing rules, notes, questions, drafts, buttons, voice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.chat.conversation import Button, Conversation, Reply, route
from bot.engines.voice import ScriptedTranscriber, TranscriptionError
from bot.interfaces.console import run_console
from bot.runtime import Runtime
from tests.helpers import button_data, only

U = "4242"


pytestmark = pytest.mark.scripted_voice  # conftest's `chat` gets a ScriptedTranscriber


def say(chat: Conversation, text: str, user: str = U) -> list[Reply]:
    return chat.handle_text(user, text)


one = only


data = button_data


def labels(reply: Reply) -> list[str]:
    return [b.label for row in reply.buttons for b in row]


# -- routing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "what does Dana like?",
        "What does Dana like",
        "when is Maria's birthday",
        "who promised pricing?",
        "does Dana have kids?",
        "Is Dana vegetarian",
        "how many kids does Maria have",
        "which colour did Dana want",
        "Dana: what colour?",
        "tell me about Dana",
        "remind me what Maria wants",
        "anything I owe Dana",
    ],
)
def test_questions_are_recognised(text: str) -> None:
    assert route(text).kind == "question"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("draft a follow-up to Dana about the pricing", "Dana about the pricing"),
        ("Draft a thank-you note for Maria Lopez", "Maria Lopez"),
        ("write a message to Dana re the demo", "Dana re the demo"),
        ("please write to Dana about the blue samples", "Dana about the blue samples"),
        ("can you draft an email to Maria about next week's visit", "Maria about next week's visit"),
        ("follow up with Dana about the contract", "Dana about the contract"),
        ("compose a note to Dana: the samples are in", "Dana: the samples are in"),
    ],
)
def test_draft_requests_are_recognised(text: str, target: str) -> None:
    r = route(text)
    assert r.kind == "draft"
    assert r.target == target


@pytest.mark.parametrize(
    "text",
    [
        "Dana: wants blue not grey",
        "Met Dana from Acme, she wants blue",
        "Called Maria Lopez — promised pricing by Friday",
        "Did the demo with Dana, she loved it",
        "wants blue, not grey",
        "Remind me to send Dana the pricing on Friday",
        "Dana - daughter starts university in September",
        "Lunch with Maria Lopez; she is moving to Lyon",
        "Great call with Dana today.",
    ],
)
def test_everything_else_is_a_note(text: str) -> None:
    assert route(text).kind == "note"


@pytest.mark.parametrize(
    "text",
    [
        "will drop the samples at okafor farms fri",
        "should hear back from nadia by monday",
        "can deliver the pallets next tuesday",
        "would like the walnut finish not cherry",
        "was great catching up with yusuf today",
        "has two depots in kumasi",
        "had a great call with liu wei",
    ],
)
def test_an_auxiliary_with_its_subject_dropped_is_a_note(text: str) -> None:
    """A note typed fast drops its subject ("[I] will drop ..."): no subject follows the auxiliary, no question."""
    assert route(text).kind == "note"


@pytest.mark.parametrize(
    "text",
    [
        "will okonkwo need the spare filters",
        "has bongani signed the lease",
        "did i promise yusuf a discount",
        "is the install booked for nadia",
        "can you remind me what liu wei ordered",
    ],
)
def test_an_auxiliary_followed_by_its_subject_is_a_question(text: str) -> None:
    assert route(text).kind == "question"


# -- notes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client", "company"),
    [
        ("Maria Lopez from Brightline: wants blue, not grey", "Maria Lopez", "Brightline"),
        ("Met Dana Lee from Acme, she prefers email", "Dana Lee", "Acme"),
        ("Called Maria Lopez — promised pricing by Friday", "Maria Lopez", None),
        ("Coffee with Jon Snow at Winterfell. He hates grey.", "Jon Snow", "Winterfell"),
        ("Dana Lee - has two kids", "Dana Lee", None),
    ],
)
def test_a_new_client_is_taken_from_the_start_of_a_note(
    chat: Conversation, runtime: Runtime, text: str, client: str, company: str | None
) -> None:
    reply = one(say(chat, text))
    assert reply.text.startswith(f"Saved for {client}")
    assert "a new client" in reply.text
    (stored,) = runtime.memory(U).ledger.clients()
    assert (stored.name, stored.company) == (client, company)


def test_note_confirmation_says_what_was_remembered(chat: Conversation) -> None:
    reply = one(say(chat, "Maria Lopez from Brightline: wants blue, not grey; promised pricing by Thursday"))
    lines = reply.text.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "Saved for Maria Lopez (Brightline), a new client: wants blue, not grey; promised pricing by "
    )
    assert "does not want grey" not in reply.text  # said once, not twice


@pytest.mark.parametrize(
    "text",
    [
        "Dana: wants blue",
        "dana lee: wants blue",
        "Met Dana, she wants blue",
        "Called Dana Lee — wants blue",
        "Dana wants blue",
        "Dana's daughter wants blue",
        "Great lunch with Dana today, wants blue",
        "Spoke to Lee, wants blue",
        "Saw Dana from Acme today, wants blue",
    ],
)
def test_known_clients_are_found_forgivingly(chat: Conversation, runtime: Runtime, text: str) -> None:
    say(chat, "Dana Lee from Acme: likes golf")
    reply = one(say(chat, text))
    assert "Dana Lee (Acme)" in reply.text, reply.text
    assert "new client" not in reply.text
    assert len(runtime.memory(U).ledger.clients()) == 1
    assert runtime.memory(U).ledger.count_notes() == 2


def test_note_without_a_client_is_kept_until_the_client_is_named(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    say(chat, "Maria Lopez: likes tennis")
    ask = one(say(chat, "wants the premium plan"))
    assert "Which client" in ask.text and "note" in ask.text
    assert set(labels(ask)) == {"Dana Lee", "Maria Lopez"}
    assert runtime.memory(U).ledger.count_notes() == 2  # not stored yet
    saved = one(say(chat, "maria"))  # typing the name works too
    assert saved.text.startswith("Saved for Maria Lopez:")
    assert runtime.memory(U).ledger.notes(limit=1)[0].text == "wants the premium plan"
    assert "expired" in one(chat.handle_callback(U, data(ask, "Dana"))).text


def test_a_new_client_can_be_named_for_a_pending_note(chat: Conversation, runtime: Runtime) -> None:
    one(say(chat, "she wants blue, not grey"))
    reply = one(say(chat, "Priya Shah"))
    assert reply.text.startswith("Saved for Priya Shah, a new client")
    assert [c.name for c in runtime.memory(U).ledger.clients()] == ["Priya Shah"]


def test_pending_note_survives_an_unrelated_message(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    ask = one(say(chat, "wants blue"))
    one(say(chat, "what does Dana like?"))
    saved = one(chat.handle_callback(U, data(ask, "Dana Lee")))
    assert "Dana Lee" in saved.text and "wants blue" in saved.text


def test_ambiguous_names_get_buttons(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    say(chat, "Dana Smith: likes tennis")
    choose = one(say(chat, "Dana: wants blue"))
    assert set(labels(choose)) == {"Dana Lee", "Dana Smith"}
    assert all(len(b.data.encode()) <= 64 for row in choose.buttons for b in row)
    saved = one(chat.handle_callback(U, data(choose, "Dana Smith")))
    assert saved.text.startswith("Saved for Dana Smith: wants blue")
    assert "expired" in one(chat.handle_callback(U, data(choose, "Dana Smith"))).text
    choose = one(say(chat, "/client Dana"))
    assert "golf" in one(chat.handle_callback(U, data(choose, "Dana Lee"))).text


def test_note_command_and_undo(chat: Conversation, runtime: Runtime) -> None:
    assert "Write the note" in one(say(chat, "/note")).text
    one(say(chat, "/note Dana Lee: what a day? she wants blue"))  # /note never routes to a question
    assert runtime.memory(U).ledger.count_notes() == 1
    assert "Removed your last note (Dana Lee" in one(say(chat, "/undo")).text
    assert "no note to undo" in one(say(chat, "/undo")).text


def test_bad_input_gets_a_sentence_not_a_traceback(chat: Conversation) -> None:
    reply = one(say(chat, "/note Dana: " + "x" * 20_001))
    assert reply.text.startswith("The note is too long")
    assert one(say(chat, "/client Nobody")).text.startswith("Unknown client")
    assert "I don't know /frobnicate" in one(say(chat, "/frobnicate")).text
    assert "/help" in one(say(chat, "   ")).text


# -- questions -------------------------------------------------------------------------------


def test_question_is_answered_and_can_become_a_note(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Maria Lopez: wants blue, not grey")
    reply = one(say(chat, "what does Maria like?"))
    assert "question" not in reply.text and "n-" not in reply.text  # no preamble, no note ids
    assert "blue" in reply.text and "Sources" in labels(reply)
    assert "wants blue" in one(chat.handle_callback(U, data(reply, "Sources"))).text
    abstain = one(say(chat, "Does Maria play golf?"))
    assert "no note" in abstain.text
    assert "Maria Lopez" in one(chat.handle_callback(U, "qn")).text
    assert runtime.memory(U).ledger.count_notes() == 2
    assert "expired" in one(chat.handle_callback(U, "qn")).text


# -- drafts ----------------------------------------------------------------------------------


def _drafted(chat: Conversation) -> Reply:
    say(chat, "Maria Lopez from Brightline: wants blue, not grey; promised pricing by Thursday")
    return one(say(chat, "draft a follow-up to Maria about the pricing"))


def test_draft_request_shows_text_verdict_and_buttons(chat: Conversation) -> None:
    draft = _drafted(chat)
    assert draft.text.startswith("Draft for Maria Lopez:\n")
    assert "Truth check: passed." in draft.text
    assert labels(draft) == ["Approve", "Edit", "Regenerate", "Discard"]


@pytest.mark.parametrize(
    "command",
    ["/draft Maria the pricing", "/draft Maria Lopez about the pricing", "/draft maria: the pricing", "/draft Maria"],
)
def test_draft_command_phrasings(chat: Conversation, command: str) -> None:
    say(chat, "Maria Lopez: wants blue, not grey")
    assert "Draft for Maria Lopez" in one(say(chat, command)).text


def test_approve_twice_is_harmless(chat: Conversation, runtime: Runtime) -> None:
    draft = _drafted(chat)
    approved = chat.handle_callback(U, data(draft, "Approve"))
    assert approved[0].text.startswith("Approved.") and "blue" in approved[1].text
    assert "already approved" in one(chat.handle_callback(U, data(draft, "Approve"))).text
    assert "already approved" in one(chat.handle_callback(U, data(draft, "Discard"))).text
    assert len(runtime.memory(U).ledger.message_times(1)) == 1


def test_edit_rechecks_and_blocked_cannot_be_approved(chat: Conversation) -> None:
    draft = _drafted(chat)
    assert "new text" in one(chat.handle_callback(U, data(draft, "Edit"))).text
    edited = one(say(chat, "Hi Maria, as promised, 20% off everything in grey!"))
    assert edited.text.startswith("Edited and checked again.")
    assert "BLOCKED" in edited.text
    assert labels(edited) == ["Edit", "Regenerate", "Discard"]
    assert "blocked" in one(chat.handle_callback(U, data(draft, "Approve"))).text
    chat.handle_callback(U, data(edited, "Edit"))
    fixed = one(say(chat, "Hi Maria, here is the pricing for the blue range."))
    assert "Truth check: passed." in fixed.text
    assert chat.handle_callback(U, data(fixed, "Approve"))[0].text.startswith("Approved.")


def test_edit_is_cancelled_by_a_command(chat: Conversation, runtime: Runtime) -> None:
    draft = _drafted(chat)
    chat.handle_callback(U, data(draft, "Edit"))
    assert "Cancelled" in one(say(chat, "/cancel")).text
    one(say(chat, "Maria: likes tennis"))  # a note again, not the draft's text
    assert runtime.memory(U).ledger.count_notes() == 2


def test_regenerate_and_discard(chat: Conversation, runtime: Runtime) -> None:
    draft = _drafted(chat)
    again = one(chat.handle_callback(U, data(draft, "Regenerate")))
    assert "Draft for Maria Lopez" in again.text and data(again, "Approve") != data(draft, "Approve")
    assert "already discarded" in one(chat.handle_callback(U, data(draft, "Regenerate"))).text
    assert "Discarded" in one(chat.handle_callback(U, data(again, "Discard"))).text
    assert {d["status"] for d in runtime.memory(U).ledger.drafts()} == {"discarded"}


@pytest.mark.parametrize(
    "forged",
    ["a:d-0000000000", "a:", "e:../../etc", "c:abc", "c:99999", "p:-1", "fg:x", "dn:", "fu:z:1", "fu:k:", "?", ""],
)
def test_forged_callback_data_is_harmless(chat: Conversation, runtime: Runtime, forged: str) -> None:
    say(chat, "Maria Lopez: wants blue")
    reply = one(chat.handle_callback(U, forged))
    assert len(reply.text) < 100
    assert runtime.memory(U).ledger.count_notes() == 1


def test_other_users_drafts_are_out_of_reach(chat: Conversation) -> None:
    draft = _drafted(chat)
    assert "no longer exists" in one(chat.handle_callback("other", data(draft, "Approve"))).text


def test_buttons_refuse_long_data() -> None:
    with pytest.raises(ValueError):
        Button("x", "y" * 65)


# -- clients, digest, settings, export, forget, done -------------------------------------------


def test_profile_card_and_clients(chat: Conversation) -> None:
    say(chat, "Maria Lopez from Brightline: wants blue, not grey; promised pricing by Thursday")
    card = one(say(chat, "/client maria"))
    assert card.text.startswith("Maria Lopez (Brightline)")
    assert "Last contact:" in card.text and "· 1 note\n" in card.text
    assert "Open promises:" in card.text and "• promised pricing by " in card.text
    assert "[" not in card.text and "no date" not in card.text  # no note ids, no internal labels
    assert "Draft follow-up" in labels(card)
    listing = one(say(chat, "/clients"))
    assert "Maria Lopez (Brightline): 1 note," in listing.text
    assert "Maria Lopez" in one(chat.handle_callback(U, data(listing, "Maria"))).text


def test_done_marks_a_promise(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Maria Lopez: promised pricing by Friday")
    say(chat, "Dana Lee: promised samples by Monday")
    pick = one(say(chat, "/done"))
    assert len(labels(pick)) == 2
    assert "Marked done" in one(say(chat, "/done Maria")).text
    assert "already done" in one(chat.handle_callback(U, data(pick, "Maria"))).text
    assert [c.client for c in runtime.memory(U).ledger.commitments()] == ["Dana Lee"]


def test_digest_lists_items_with_follow_up_buttons(chat: Conversation, runtime: Runtime) -> None:
    from datetime import UTC, datetime, timedelta

    from memory.service import NoteInput

    at = datetime.now(UTC) - timedelta(days=40)
    runtime.memory(U).add_note(NoteInput("Dana Lee", "visited the showroom", at, at.isoformat()))
    digest = one(say(chat, "/digest"))
    assert "Time to get in touch" in digest.text and "Dana Lee" in digest.text
    draft = one(chat.handle_callback(U, data(digest, "Draft follow-up: Dana Lee")))
    assert "Draft for Dana Lee" in draft.text
    assert "Drafts awaiting approval" in one(say(chat, "/digest")).text


def test_scheduled_digest_never_repeats_an_item(chat: Conversation, runtime: Runtime) -> None:
    from datetime import UTC, date, datetime, timedelta

    from memory.service import NoteInput

    at = datetime.now(UTC) - timedelta(days=40)
    runtime.memory(U).add_note(NoteInput("Dana Lee", "visited the showroom", at, at.isoformat()))
    day = date.today()
    found = chat.claim_digest(U, day)
    assert found is not None
    assert chat.claim_digest(U, day) is None  # claimed: the next run (or another worker) finds nothing new
    chat.release_digest(U, day, found[1])  # the message could not be sent: the next run tries again
    again = chat.claim_digest(U, day)
    assert again is not None and again[1] == found[1]
    assert chat.claim_digest(U, day) is None
    assert chat.last_digest_day(U) == day.isoformat()
    assert one(say(chat, "/digest")).text.count("Dana Lee") == 1  # /digest still shows today's


def test_empty_digest(chat: Conversation) -> None:
    assert one(say(chat, "/digest")).text.startswith("Nothing due")
    assert chat.claim_digest(U, __import__("datetime").date.today()) is None


def test_settings(chat: Conversation) -> None:
    assert "Time zone: UTC" in one(say(chat, "/settings")).text
    assert "Time zone: Europe/Paris" in one(say(chat, "/settings tz Europe/Paris")).text
    assert "Daily digest: 07:30" in one(say(chat, "/settings digest 7.30")).text
    assert "Unknown time zone" in one(say(chat, "/settings tz Mars/Olympus")).text
    assert "Not a time" in one(say(chat, "/settings digest 25:00")).text
    tz, at = chat.schedule(U)
    assert (str(tz), at.hour, at.minute) == ("Europe/Paris", 7, 30)


def test_export_is_a_json_document(chat: Conversation) -> None:
    import json

    say(chat, "Maria Lopez: wants blue")
    reply = one(say(chat, "/export"))
    assert reply.document is not None
    name, raw = reply.document
    assert name.endswith(".json")
    assert json.loads(raw)["notes"][0]["text"] == "wants blue"


def test_forget_needs_confirmation(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Maria Lopez: wants blue")
    confirm = one(say(chat, "/forget Maria"))
    assert runtime.memory(U).ledger.clients()  # nothing erased yet
    assert "Kept" in one(chat.handle_callback(U, data(confirm, "Cancel"))).text
    assert "Forgot Maria Lopez" in one(chat.handle_callback(U, data(confirm, "Yes"))).text
    assert runtime.memory(U).ledger.clients() == []
    assert "Already forgotten" in one(chat.handle_callback(U, data(confirm, "Yes"))).text


def test_start_is_three_lines_and_help_lists_commands(chat: Conversation) -> None:
    assert len(one(say(chat, "/start")).text.splitlines()) == 3
    help_text = one(say(chat, "/help@chet_bot")).text
    for command in ("/note", "/ask", "/client", "/clients", "/draft", "/digest", "/settings", "/export", "/forget"):
        assert command in help_text


# -- voice -----------------------------------------------------------------------------------


def test_voice_is_saved_before_transcription(runtime: Runtime, data_dir: Path) -> None:
    chat = Conversation(runtime, transcriber=ScriptedTranscriber(TranscriptionError("the service is down")))
    reply = one(chat.handle_voice(U, b"OggS-bytes", 3.0, "audio/ogg"))
    assert "service is down" in reply.text and "kept" in reply.text
    (saved,) = (data_dir / "audio" / U).iterdir()
    assert saved.read_bytes() == b"OggS-bytes" and saved.suffix == ".ogg"


def test_voice_transcript_is_shown_and_filed(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=ScriptedTranscriber("Called Maria Lopez, she wants blue not grey"))
    heard, saved = chat.handle_voice(U, b"OggS", 2.0, "audio/ogg")
    assert heard.text.startswith("I heard: “Called Maria Lopez")
    assert saved.text.startswith("Saved for Maria Lopez, a new client: wants blue")
    (note,) = runtime.memory(U).ledger.export()["notes"]
    assert note["source"] == "voice" and note["audio_path"].endswith(".ogg")


def test_voice_without_a_client_asks_and_keeps_the_source(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=ScriptedTranscriber("wants blue not grey"))
    chat.handle_text(U, "Dana Lee: likes golf")
    _heard, ask = chat.handle_voice(U, b"OggS", 2.0, "audio/ogg")
    one(chat.handle_callback(U, data(ask, "Dana Lee")))
    note = runtime.memory(U).ledger.export()["notes"][-1]
    assert note["source"] == "voice" and note["audio_path"]


def test_voice_limits_and_no_transcriber(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    assert "too large" in one(chat.handle_voice(U, b"x" * (20 * 1024 * 1024 + 1), 900.0, "audio/ogg")).text
    assert "empty" in one(chat.handle_voice(U, b"", 0.0, "audio/ogg")).text
    kept = one(chat.handle_voice(U, b"OggS", 1.0, "audio/ogg"))
    assert "kept your voice note" in kept.text and "CHET_TRANSCRIBER" in kept.text
    assert "video" in one(chat.handle_unsupported(U, "video_note")).text
    assert "voice message" in one(chat.handle_unsupported(U, "audio_file")).text


# -- console ---------------------------------------------------------------------------------


def test_console_with_piped_input(runtime: Runtime, tmp_path: Path) -> None:
    import io

    lines = [
        "Maria Lopez from Brightline: wants blue, not grey",
        "draft a follow-up to Maria about the pricing",
        "1",  # the first button: Approve
        "/export",
        "/forget Maria",
        "2",  # Cancel
    ]
    out = io.StringIO()
    code = run_console(runtime, Conversation(runtime, transcriber=None), io.StringIO("\n".join(lines)), out)
    text = out.getvalue()
    assert code == 0
    assert "Saved for Maria Lopez (Brightline), a new client: wants blue, not grey" in text
    assert "[1] Approve" in text and "Approved." in text
    assert "(saved " in text and "Kept. Nothing was forgotten." in text
    assert list((runtime.settings.data_dir / "exports").iterdir())


def _console(runtime: Runtime, text: str) -> Any:
    import io

    out = io.StringIO()
    run_console(runtime, Conversation(runtime, transcriber=None), io.StringIO(text), out)
    return out.getvalue()


def test_console_ends_on_eof_and_survives_odd_input(runtime: Runtime) -> None:
    out = _console(runtime, "7\n/voice /nonexistent.ogg\n\n/quit\nnever read\n")
    assert "No such audio file" in out
    assert "never read" not in out


# -- several workers -----------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def two_workers(request: pytest.FixtureRequest, settings: Any) -> tuple[Conversation, Conversation]:
    """Two bot workers (separate runtimes, as in separate processes) over one ledger."""
    if request.param == "postgres":
        from pydantic import SecretStr

        settings = settings.model_copy(update={"database_url": SecretStr(request.getfixturevalue("postgres_url"))})
    return (
        Conversation(Runtime(settings), transcriber=ScriptedTranscriber()),
        Conversation(Runtime(settings), transcriber=ScriptedTranscriber()),
    )


def test_an_edit_started_on_one_worker_is_finished_on_another(
    two_workers: tuple[Conversation, Conversation],
) -> None:
    a, b = two_workers
    draft = _drafted(a)
    assert "new text" in one(a.handle_callback(U, data(draft, "Edit"))).text
    edited = one(say(b, "Hi Maria, here is the pricing for the blue range."))  # the next update reaches worker b
    assert edited.text.startswith("Edited and checked again.")
    assert b.runtime.memory(U).ledger.count_notes() == 1  # the edit did not become a note
    assert one(say(a, "Maria: likes tennis")).text  # the edit is over on worker a too
    assert a.runtime.memory(U).ledger.count_notes() == 2


def test_a_which_client_question_asked_by_one_worker_is_answered_on_another(
    two_workers: tuple[Conversation, Conversation],
) -> None:
    a, b = two_workers
    say(a, "Dana Lee: wants blue")
    say(a, "Dana Park: wants red")
    asked = one(say(a, "Dana: prefers email"))
    assert "Which one?" in asked.text
    filed = b.handle_callback(U, data(asked, "Dana Park"))
    assert "Dana Park" in filed[0].text
    notes = b.runtime.memory(U).ledger.notes()
    assert [n.client for n in notes if "email" in n.text] == ["Dana Park"]
    assert a.handle_callback(U, data(asked, "Dana Lee"))  # a stale tap on worker a files nothing twice
    assert len([n for n in a.runtime.memory(U).ledger.notes() if "email" in n.text]) == 1


def test_conversation_state_survives_a_restart_but_not_garbage(runtime: Runtime) -> None:
    from bot.chat.conversation import Choice, PendingNote, State

    state = State("d-1", Choice("note", PendingNote("wants blue", "voice", "/a.ogg")), "what?", {"d-1": 2})
    restored = State.from_json(state.to_json() or "")
    assert restored == state
    assert State.from_json("{not json") == State()
    assert State().to_json() is None


def test_two_workers_send_the_morning_digest_once(two_workers: tuple[Conversation, Conversation]) -> None:
    import threading
    from datetime import UTC, date, datetime, timedelta

    from memory.service import NoteInput

    a, b = two_workers
    at = datetime.now(UTC) - timedelta(days=40)
    a.runtime.memory(U).add_note(NoteInput("Dana Lee", "visited the showroom", at, at.isoformat()))
    results: list[Any] = []
    threads = [threading.Thread(target=lambda w=w: results.append(w.claim_digest(U, date.today()))) for w in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r is None for r in results) == [False, True]  # exactly one worker sends it


def test_a_note_for_a_titled_client_is_kept_when_another_client_shares_the_name(
    chat: Conversation, runtime: Runtime
) -> None:
    """Exact display names win: a note about 'Dr Amara Okafor' is filed, not lost to an ambiguity error."""
    from datetime import UTC, datetime

    from memory.service import NoteInput

    memory = runtime.memory(U)
    at = datetime.now(UTC)
    memory.add_note(NoteInput("Dr Amara Okafor", "wants two treatment chairs", at, at.isoformat()))
    memory.add_note(NoteInput("Amara Okafor Bello", "met at the fair, wants a scanner", at, at.isoformat()))
    replies = say(chat, "dr amara okafor: changed her mind, 3 chairs now not 2")
    assert "could mean" not in " ".join(r.text for r in replies)
    client = memory.find_client("Dr Amara Okafor")  # her own display name reaches her (the CLI uses this)
    filed = any("3 chairs" in n.text for n in memory.notes(client.id))
    offered = [b.label for r in replies for row in (r.buttons or []) for b in row]
    assert filed or "Dr Amara Okafor" in offered  # filed, or kept in the inbox with her as a choice: never lost
