"""Which client a note is about, as salespeople really type it: lower case, a greeting first, a company in brackets."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.chat.conversation import Conversation
from bot.chat.inbox import inbox_count
from bot.runtime import Runtime
from memory.timeutil import now_utc
from tests.helpers import sayer

U = "888"


say = sayer(U)


@pytest.mark.parametrize(
    ("text", "client", "company"),
    [
        (
            "morning! just had coffee w/ Priya Nair from Helix Labs, she wants the 12-seat package",
            "Priya Nair",
            "Helix Labs",
        ),
        ("met jake at the hilton lunch in chicago. hes the cfo", "Jake", None),
        ("called maria lopez (brightline) - wants the blue one not the grey", "Maria Lopez", "Brightline"),
        ("Called Tom Reyes (Northgate Dental): the CFO signs off anything over $40k", "Tom Reyes", "Northgate Dental"),
        ("quick update - talked to dana kim about renewal", "Dana Kim", None),
        ("lunch with sam and jo today, both keen", "Sam", None),
        ("fyi: spoke with Omar Haddad, wants a call Monday", "Omar Haddad", None),
    ],
)
def test_a_new_client_is_found_where_people_put_it(
    chat: Conversation, runtime: Runtime, text: str, client: str, company: str | None
) -> None:
    reply = say(chat, text)
    assert reply.text.startswith(f"Saved for {client}"), reply.text
    (stored,) = runtime.memory(U).ledger.clients()
    assert (stored.name, stored.company) == (client, company)
    assert runtime.memory(U).ledger.notes()[0].text == text  # the note is kept whole, greeting and all


@pytest.mark.parametrize(
    "text",
    [
        "call went long, she had time today",
        "called back, no answer",
        "emailed the quote",
        "demo went well",
        "spoke to reception",
        "met the team at the expo",
        "they want the blue range in stock",  # "range" is no "rang ..."
        "texted them the address",
    ],
)
def test_everyday_phrases_never_make_a_client(chat: Conversation, runtime: Runtime, text: str) -> None:
    say(chat, text)
    assert runtime.memory(U).ledger.clients() == []
    assert inbox_count(runtime.memory(U)) == 1


def test_a_known_client_typed_in_lower_case_at_the_start(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Maria Lopez from Brightline: wants blue")
    assert say(chat, "maria changed her mind, she'll take the grey after all").text.startswith("Saved for Maria Lopez")
    assert [c.name for c in runtime.memory(U).ledger.clients()] == ["Maria Lopez"]


def test_she_right_after_a_note_goes_on_about_the_same_client(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Priya Nair: wants the 12-seat package")
    reply = say(chat, "she also mentioned her son starts uni in sept")
    assert reply.text.startswith("Saved for Priya Nair")
    assert "/undo" in reply.text and len(reply.text.splitlines()) <= 4
    assert [n.client for n in runtime.memory(U).ledger.notes()] == ["Priya Nair", "Priya Nair"]


def test_she_long_after_the_last_note_is_asked_about(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Priya Nair: wants the 12-seat package")
    ledger = runtime.memory(U).ledger
    state = json.loads(ledger.conversation_state() or "")
    state["last_client"][1] = (now_utc() - timedelta(hours=2)).isoformat()
    with ledger.transaction():
        ledger.save_conversation_state(json.dumps(state))
    assert "Which client" in say(chat, "she also mentioned her son starts uni in sept").text
    assert inbox_count(runtime.memory(U)) == 1


def test_a_company_named_in_lower_case_finds_its_client(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "coffee with Priya Nair from Helix Labs")
    assert say(chat, "send the proposal to helix by friday").text.startswith("Saved for Priya Nair")
    assert inbox_count(runtime.memory(U)) == 0


def test_a_bare_name_shows_the_client_or_says_how_to_start(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: likes golf")
    assert "golf" in say(chat, "Dana").text  # the card, not a note
    unknown = say(chat, "Sam")
    assert "don't know Sam" in unknown.text
    assert inbox_count(runtime.memory(U)) == 0 and runtime.memory(U).ledger.count_notes() == 1


@pytest.mark.parametrize("text", ["hey chet", "Thanks so much", "hi there", "cheers mate"])
def test_small_talk_with_a_name_or_filler_is_still_small_talk(chat: Conversation, runtime: Runtime, text: str) -> None:
    say(chat, text)
    assert inbox_count(runtime.memory(U)) == 0 and runtime.memory(U).ledger.clients() == []


def test_a_voice_transcript_names_its_client(chat: Conversation, runtime: Runtime) -> None:
    reply = say(
        chat, "so um i just got off the phone with carla mendes she runs bluepine logistics and uh wants chairs"
    )
    assert reply.text.startswith("Saved for Carla Mendes, a new client")


@pytest.mark.parametrize("question", ["whats carla's daughter called", "who's the cfo at bluepine", "hows ken doing"])
def test_question_words_typed_fast_are_questions(question: str) -> None:
    from bot.chat.routing import route

    assert route(question).kind == "question"


@pytest.mark.parametrize(
    "slip", ["oops that was meant for carla", "sorry, that was for Carla Mendes", "wrong client, it's carla"]
)
def test_a_slip_moves_the_last_note(chat: Conversation, runtime: Runtime, slip: str) -> None:
    say(chat, "Carla Mendes: wants 12 chairs")
    say(chat, "Met Ken Watanabe at the Austin expo, send brochure")
    moved = say(chat, slip)
    assert moved.text.startswith("Moved from Ken Watanabe. Saved for Carla Mendes")
    notes = runtime.memory(U).ledger.notes()
    assert [n.client for n in notes] == ["Carla Mendes", "Carla Mendes"]
    assert notes[0].text == "Met Ken Watanabe at the Austin expo, send brochure"


def test_undo_after_a_slip_moves_the_note_back(chat: Conversation, runtime: Runtime) -> None:
    """/undo right after "oops, meant for X" takes back the move, never the note itself."""
    say(chat, "Ines Duarte: wants the oak table")
    say(chat, "Met Omar Sabry at the trade fair, send the catalogue")
    say(chat, "sorry, the last note is about ines")
    assert say(chat, "/undo").text.startswith("Moved back to Omar Sabry")
    notes = runtime.memory(U).ledger.notes()
    assert sorted(n.client for n in notes) == ["Ines Duarte", "Omar Sabry"]
    assert [n.text for n in notes if n.client == "Omar Sabry"] == [
        "Met Omar Sabry at the trade fair, send the catalogue"
    ]
    assert say(chat, "/undo").text.startswith("Removed your last note (Omar Sabry")  # a second /undo is a plain one


def test_a_slip_while_a_note_waits_files_that_note(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Carla Mendes: wants 12 chairs")
    say(chat, "wants the brochure too")
    assert say(chat, "oops, that was for carla").text.startswith("Saved for Carla Mendes")
    assert inbox_count(runtime.memory(U)) == 0
    assert "Moved" not in say(chat, "this is for the Q3 launch").text  # not a client: an ordinary note


def test_names_typed_fast_before_a_colon_or_dash(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Ken Watanabe: fleet plan")
    assert say(chat, "kenn watanabe - wants a call tuesday").text.startswith("Saved for Ken Watanabe:")
    assert say(chat, "carla mendes: wants chairs").text.startswith("Saved for Carla Mendes, a new client")
    assert "pricing" not in {c.name.casefold() for c in runtime.memory(U).ledger.clients()}
    say(chat, "pricing: sent on monday")
    assert "Pricing" not in [c.name for c in runtime.memory(U).ledger.clients()]


def test_a_lower_case_known_name_alone_shows_the_card(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Ken Watanabe: fleet plan, likes golf")
    assert say(chat, "ken").text.startswith("Ken Watanabe")
    assert runtime.memory(U).ledger.count_notes() == 1


def test_nope_while_editing_leaves_the_draft_alone(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Carla Mendes: wants 12 chairs, promised a quote by Friday")
    draft = say(chat, "draft a follow-up to Carla about the quote")
    edit = next(b.data for row in draft.buttons for b in row if b.label == "Edit")
    chat.handle_callback(U, edit)
    assert "unchanged" in say(chat, "nope").text
    (stored,) = runtime.memory(U).ledger.drafts()
    assert stored["text"] != "nope"


def test_inbox_shows_the_time_for_today(chat: Conversation) -> None:
    say(chat, "wants the brochure")
    assert "(today " in say(chat, "/inbox").text


def test_a_company_in_brackets_before_a_dash(chat: Conversation, runtime: Runtime) -> None:
    reply = say(chat, "Dana Lee (Acme) - prefers email, wants the blue one")
    assert reply.text.startswith("Saved for Dana Lee (Acme), a new client")


def test_a_reminder_to_call_someone_finds_the_client(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "Dana Lee: prefers email")
    assert say(chat, "remind me to call dana tomorrow about the renewal").text.startswith("Saved for Dana Lee")
    assert say(chat, "bob lee wants it in red actually").text.startswith("Saved for Bob Lee, a new client")  # not Dana

    say(chat, "Rob Chen: 20 units")
    assert say(chat, "bob chen wants it in red actually").text.startswith("Saved for Rob Chen")


@pytest.mark.parametrize(
    "request_text", ["can u write something to dana about the renewal", "pls draft a reply to Dana re renewal"]
)
def test_casual_draft_requests(chat: Conversation, request_text: str) -> None:
    say(chat, "Dana Lee: prefers email, renewal due in March")
    assert say(chat, request_text).text.startswith("Draft for Dana Lee:")


def test_who_is_a_client_shows_the_card_and_a_mistyped_command_gets_a_hint(chat: Conversation) -> None:
    say(chat, "Rob Chen from Vela Motors: 20 units")
    assert say(chat, "who is rob chen?").text.startswith("Rob Chen (Vela Motors)\nLast contact:")
    assert "Did you mean /client?" in say(chat, "/clinet rob").text


@pytest.mark.parametrize(
    ("note", "client"),
    [
        ("Dana Lee test drove the RAV4 hybrid, wants it in blue not the grey", "Dana Lee"),
        ("marcus hill (hill plumbing) needs 6 tacomas for the fleet", "Marcus Hill"),
        ("Priya Shah Nair called about the lease renewal", "Priya Shah Nair"),
    ],
)
def test_a_new_client_named_as_the_notes_subject_is_filed_at_once(runtime: Runtime, note: str, client: str) -> None:
    from bot.chat.conversation import Conversation

    chat = Conversation(runtime)
    reply = chat.handle_text("4242", note)[0]
    assert reply.text.startswith(f"Saved for {client}"), reply.text
    assert [c.name for c in runtime.memory("4242").ledger.clients()] == [client]


@pytest.mark.parametrize(
    "note", ["Monday went well, two demos booked", "Big news today from the team", "New York office wants chairs"]
)
def test_capitalised_words_that_are_no_person_still_ask_which_client(runtime: Runtime, note: str) -> None:
    from bot.chat.conversation import Conversation

    chat = Conversation(runtime)
    chat.handle_text("4242", note)
    assert runtime.memory("4242").ledger.clients() == []


@pytest.mark.parametrize(
    ("note", "client"),
    [
        ("walt jenkins 118 birch rd, wants a quote for the roof", "Walt Jenkins"),
        ("greg holt, holt engineering, needs 3 units by friday", "Greg Holt"),
        ("priya nair wants the blue one, not the grey", "Priya Nair"),
    ],
)
def test_a_new_client_typed_in_lower_case_at_the_start_is_filed(runtime: Runtime, note: str, client: str) -> None:
    chat = Conversation(runtime)
    reply = chat.handle_text("4242", note)[0]
    assert reply.text.startswith(f"Saved for {client}"), reply.text


@pytest.mark.parametrize(
    "note",
    [
        "june delivery moves to july",
        "may order again next month",
        "dana called back, she changed her mind",
        "mark sent the deck",
    ],
)
def test_lower_case_words_that_are_no_new_client_still_ask(runtime: Runtime, note: str) -> None:
    chat = Conversation(runtime)
    chat.handle_text("4242", note)
    assert runtime.memory("4242").ledger.clients() == []


def test_a_known_clients_first_name_in_lower_case_anywhere_files_the_note(runtime: Runtime) -> None:
    chat = Conversation(runtime)
    chat.handle_text("4242", "Lunch with Nora Quinn from Baxter Foods, she wants oak tables")
    reply = chat.handle_text("4242", "promised nora a revised quote by thursday")[0]
    assert reply.text.startswith("Saved for Nora Quinn"), reply.text
    chat.handle_text("4242", "Will Park: wants a demo")
    reply = chat.handle_text("4242", "the order may ship late, will confirm")[0]  # common words, not clients
    assert not reply.text.startswith("Saved for"), reply.text


@pytest.mark.parametrize("note", ["edward now wants navy", "sad news, george's wife martha passed away last week"])
def test_words_after_a_first_name_that_are_no_surname_make_no_client(runtime: Runtime, note: str) -> None:
    chat = Conversation(runtime)
    chat.handle_text("4242", note)
    assert runtime.memory("4242").ledger.clients() == []


def test_a_drafts_button_word_never_answers_which_client(runtime: Runtime) -> None:
    chat = Conversation(runtime)
    chat.handle_text("4242", "kim park HR at vexa, wants 3 seats")  # waits for its client
    chat.handle_text("4242", "discard")
    assert "Discard" not in [c.name for c in runtime.memory("4242").ledger.clients()]
