"""A short line typed right after a note, naming nobody, goes on with that note's client (issue 13)."""

from __future__ import annotations

from datetime import timedelta

import pytest

import bot.chat.notes as notes
from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from memory.timeutil import now_utc
from tests.helpers import sayer

U = "779"


say = sayer(U)


def test_a_quick_change_goes_with_the_last_note(chat: Conversation, runtime: Runtime) -> None:
    say(chat, "met tobias renner at the depot, wants 40 pallets of the grey pavers")
    reply = say(chat, "actually make it 50 pallets")
    assert reply.text.startswith("Saved for Tobias Renner"), reply.text
    assert "last note" in reply.text  # it says how it chose, so a wrong guess is one /undo away
    assert len(runtime.memory(U).ledger.notes()) == 2


def test_a_line_long_after_waits_for_its_client(
    chat: Conversation, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    say(chat, "met tobias renner at the depot, wants 40 pallets of the grey pavers")
    later = now_utc() + timedelta(hours=3)
    monkeypatch.setattr(notes, "now_utc", lambda: later)
    reply = say(chat, "actually make it 50 pallets")
    assert "Which client" in reply.text, reply.text


@pytest.mark.parametrize("text", ["merci beaucoup!", "🙏 danke", "kiitos chet", "you're a star", "buongiorno"])
def test_thanks_and_greetings_in_other_languages_are_small_talk(
    chat: Conversation, runtime: Runtime, text: str
) -> None:
    say(chat, "met tobias renner at the depot, wants 40 pallets of the grey pavers")
    reply = say(chat, text)
    assert "Saved" not in reply.text and "Which client" not in reply.text, reply.text
    assert [c.name for c in runtime.memory(U).ledger.clients()] == ["Tobias Renner"]


def test_a_business_named_after_its_owner_is_no_person(chat: Conversation, runtime: Runtime) -> None:
    reply = say(chat, "visited keegan hvac, talked to aoife keegan the ops manager, 6 vans")
    assert reply.text.startswith("Saved for Aoife Keegan"), reply.text
    assert [c.name for c in runtime.memory(U).ledger.clients()] == ["Aoife Keegan"]


@pytest.mark.parametrize(
    "text",
    [
        "I'll send him the brochure and the service plan by monday",
        "asked me not to ring him before 9",
        "promised to get them a revised quote",
        "gave her the sample swatches",
    ],
)
def test_a_pronoun_after_a_verb_refers_to_the_last_client(chat: Conversation, runtime: Runtime, text: str) -> None:
    say(chat, "met tobias renner at the depot, wants 40 pallets of the grey pavers")
    reply = say(chat, text)
    assert reply.text.startswith("Saved for Tobias Renner"), reply.text
    assert "last note" in reply.text
    assert [c.name for c in runtime.memory(U).ledger.clients()] == ["Tobias Renner"]


def test_a_note_without_any_pronoun_still_asks_for_its_client(chat: Conversation) -> None:
    say(chat, "met tobias renner at the depot, wants 40 pallets of the grey pavers")
    reply = say(chat, "shipping the catalogue to the new showroom on friday")
    assert "Which client" in reply.text, reply.text


@pytest.mark.parametrize(
    ("line", "client"),
    [
        ("she wants 12 now not 10", "Zofia Nowicka"),
        ("she also said the velvet is a must", "Zofia Nowicka"),
        ("he also wants a second forklift", "Kamil Wrona"),
    ],
)
def test_a_pronoun_goes_back_to_the_last_client_it_fits(runtime: Runtime, line: str, client: str) -> None:
    """ "she ..." right after a note about a man goes with the woman noted just before him (the names' gender in
    the first-name dictionary, or the pronouns of the clients' own notes); "he ..." stays with him."""
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Zofia Nowicka (Nowicka Studio) - 10 sofas, velvet, she needs them by march")
    chat.handle_text(U, "Kamil Wrona at Wrona Hotele - 40 beds, his brother handles the invoices")
    [reply] = chat.handle_text(U, line)
    assert reply.text.startswith(f"Saved for {client}"), reply.text


def test_a_pronoun_stays_with_the_last_client_when_gender_is_unknown(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Zofia Nowicka (Nowicka Studio) - 10 sofas, velvet")
    chat.handle_text(U, "Otieno Wekesa at Wekesa Freight - 3 forklifts")
    [reply] = chat.handle_text(U, "she wants them delivered to the depot")
    assert reply.text.startswith("Saved for Otieno Wekesa"), reply.text
