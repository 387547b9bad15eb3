"""Phone-first replies: short, no internal labels or ids in human text, reactions and typing, safe splitting."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.chat.conversation import Conversation, Reply
from bot.chat.texts import clip, phone_lines, plural, split_message, strip_ids
from bot.engines.voice import ScriptedTranscriber
from bot.interfaces.telegram_app import build_application
from bot.interfaces.telegram_send import send_replies
from bot.runtime import Runtime
from tests.fake_bot_api import FakeBotAPI, polling
from tests.helpers import button_data, sayer

U = "555"
LABELS = re.compile(r"\b[a-z_]+:[a-z_]+\b|\((?:block|warn|pass)\)|\b1 notes\b|due no date|\bn-[0-9a-f]{6,}")
EMAIL = """To: dana.lee@acme.example
Subject: Re: pricing for the blue range
Hi Dana,
Thanks for the call today. As discussed, I'll send the revised pricing for 20 units by Friday,
with delivery before Jan 15. Let me know if the CFO needs anything else for sign-off.
Best,
Sam Carter
Account Executive, Northwind Supplies | +1 555 0100"""


pytestmark = pytest.mark.scripted_voice  # conftest's `chat` gets a ScriptedTranscriber


say = sayer(U)


data = button_data


def note_ids(runtime: Runtime) -> list[str]:
    return [n.id for n in runtime.memory(U).ledger.notes()]


def assert_phone_first(reply: Reply, runtime: Runtime, max_lines: int = 4) -> None:
    lines = reply.text.splitlines()
    assert len(lines) <= max_lines, reply.text
    assert not reply.text.startswith("I took this as"), reply.text
    assert not LABELS.search(reply.text), reply.text
    assert not any(i in reply.text for i in note_ids(runtime)), reply.text


SEED = [
    "Maria Lopez from Brightline: wants the blue one, not the grey; promised pricing by Thursday",
    "Called Tom Reyes (Northgate Dental): needs 20 units, delivery before Jan 15. His daughter Ana turns 8 on March 3.",
    "Dana Lee: prefers email, birthday is May 4; asked me to stop calling her mobile",
]


@pytest.mark.parametrize(
    "question",
    [
        "what does Maria like?",
        "when is Ana's birthday?",
        "what did I promise Maria?",
        "how does Dana want to be reached?",
        "tell me about Tom",
        "who needs 20 units?",
    ],
)
def test_answers_are_four_short_lines_without_ids_and_sources_are_one_tap_away(
    chat: Conversation, runtime: Runtime, question: str
) -> None:
    for note in SEED:
        say(chat, note)
    reply = say(chat, question)
    # "tell me about Tom" asks for the client's card: every current fact, one short line each, still no ids
    assert_phone_first(reply, runtime, max_lines=12 if question.startswith("tell me about") else 4)
    assert all(len(line) <= 200 for line in reply.text.splitlines())
    if any(b.label == "Sources" for row in reply.buttons for b in row):
        sources = chat.handle_callback(U, data(reply, "Sources"))[0]
        assert any(i in sources.text for i in note_ids(runtime))  # the ids live behind the button


@pytest.mark.parametrize("note", [*SEED, EMAIL, "x " * 400 + "wants the deluxe model"])
def test_a_note_confirmation_never_dumps_the_note_back(chat: Conversation, runtime: Runtime, note: str) -> None:
    say(chat, "Dana Lee: likes golf")
    reply = say(chat, note)
    assert_phone_first(reply, runtime)
    assert len(reply.text) <= 260
    assert reply.note_saved or "inbox" in reply.text


def test_profile_and_clients_have_no_internal_labels_or_ids(chat: Conversation, runtime: Runtime) -> None:
    for note in SEED:
        say(chat, note)
    say(chat, "Tom Reyes: will send the brochure")  # a promise with no date
    for text in ["/client Tom", "/client Dana", "/client Maria", "/clients"]:
        reply = say(chat, text)
        assert not LABELS.search(reply.text), reply.text
        assert not any(i in reply.text for i in note_ids(runtime)), reply.text


def test_a_draft_shows_no_id_and_no_finding_kinds(chat: Conversation, runtime: Runtime) -> None:
    say(chat, SEED[0])
    draft = say(chat, "draft a follow-up to Maria about the pricing")
    assert draft.text.startswith("Draft for Maria Lopez:\n")
    assert "d-" not in draft.text.splitlines()[0]
    chat.handle_callback(U, data(draft, "Edit"))
    edited = say(chat, "Hi Maria, great to see you at the Denver conference! Here is the grey one.")
    assert "BLOCKED" in edited.text and "conference" in edited.text
    assert not re.search(r"unsupported_claim|contradicts_preference|name_misuse", edited.text)


def test_sources_of_an_old_answer_expire_politely(chat: Conversation) -> None:
    say(chat, SEED[0])
    first = say(chat, "what does Maria like?")
    for _ in range(11):
        say(chat, "what does Maria like?")
    assert "no longer" in chat.handle_callback(U, data(first, "Sources"))[0].text


# -- the text helpers --------------------------------------------------------------------------


def test_helpers() -> None:
    assert plural(1, "note") == "1 note" and plural(3, "note") == "3 notes"
    assert clip("word " * 100, 40).endswith("…") and len(clip("word " * 100, 40)) <= 40
    assert strip_ids("- met Dana [n-1, n-22] (n-3) n-22 ok", ["n-1", "n-22", "n-3"]) == "- met Dana ok"
    assert strip_ids("a-n-1 stays", ["n-1"]) == "a-n-1 stays"  # only whole ids
    lines, more = phone_lines("\n".join(f"line {i}" for i in range(9)))
    assert lines == ["line 0", "line 1", "line 2"] and more == 6


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=900), max_size=30))
def test_split_message_keeps_every_character_within_the_limit(lines: list[str]) -> None:
    text = "\n".join(lines)
    parts = split_message(text, 1000)
    assert all(0 < len(p) <= 1000 for p in parts)
    assert all(p.strip() for p in parts) or parts == ["…"]
    assert "".join("".join(p.split()) for p in parts) == "".join(text.split()) or parts == ["…"]


def test_split_message_cuts_at_line_ends() -> None:
    text = "\n".join(f"• line {i:03d} " + "x" * 60 for i in range(200))  # ~14 kB
    parts = split_message(text)
    assert len(parts) >= 4 and all(len(p) <= 4096 for p in parts)
    assert all(p.startswith("• line") and p.endswith("x") for p in parts)  # whole lines only


# -- Telegram: reactions, typing, long messages ---------------------------------------------------


@pytest.fixture
async def bot(data_dir: Path) -> AsyncIterator[tuple[FakeBotAPI, Any]]:
    fake = FakeBotAPI(max_wait=0.3).start()
    settings_ = fake.settings(data_dir, [111])
    runtime = Runtime(settings_)
    app = build_application(runtime, Conversation(runtime, transcriber=ScriptedTranscriber()))
    try:
        async with polling(app):
            yield fake, app
    finally:
        fake.stop()


async def test_a_note_gets_a_reaction_and_typing_shows_while_chet_works(
    bot: tuple[FakeBotAPI, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.interfaces.telegram_app as telegram_app

    monkeypatch.setattr(telegram_app, "TYPING_AFTER_S", 0.0)  # every reply counts as slow here
    fake, _ = bot
    mark = fake.mark()
    update_id = fake.push_text(111, SEED[0])
    await fake.wait_text(111, "Saved for Maria Lopez", mark)
    message_id = fake.pushed[update_id]["message"]["message_id"]
    want = {"chat_id": 111, "message_id": message_id, "emoji": ["👍"]}
    for _ in range(100):  # the reaction follows the confirmation: give it a moment to arrive
        if want in fake.reactions:
            break
        await asyncio.sleep(0.05)
    assert want in fake.reactions
    assert any(a["action"] == "typing" and a["chat_id"] == 111 for a in fake.actions)
    before = len(fake.reactions)
    mark = fake.mark()
    fake.push_text(111, "what does Maria like?")
    await fake.wait_text(111, "blue", mark)
    assert len(fake.reactions) == before  # a question is answered, not reacted to


async def test_a_quick_note_costs_one_message_and_one_reaction(bot: tuple[FakeBotAPI, Any]) -> None:
    fake, _ = bot
    calls = len(fake.calls)
    mark = fake.mark()
    fake.push_text(111, "Dana Lee: likes golf")
    await fake.wait_text(111, "Saved for Dana Lee", mark)
    for _ in range(50):  # the reaction follows the confirmation
        if fake.reactions:
            break
        await asyncio.sleep(0.02)
    made = [c for c in fake.calls[calls:] if c != "getUpdates"]
    assert made == ["sendMessage", "setMessageReaction"], made


async def test_a_long_reply_is_split_on_line_boundaries(bot: tuple[FakeBotAPI, Any]) -> None:
    fake, _ = bot
    text = "\n".join(f"• client {i:04d}: " + "y" * 50 for i in range(300))
    mark = fake.mark()
    assert await send_replies(bot[1].bot, 111, [Reply(text)])
    sent = [m for m in fake.to(111, mark) if m["method"] == "sendMessage"]
    assert len(sent) >= 5 and all(len(m["text"]) <= 4096 for m in sent)
    assert all(m["text"].startswith("• client") and m["text"].endswith("y") for m in sent)
    assert "\n".join(m["text"] for m in sent) == text


def test_a_quoted_email_stays_inside_its_bullet() -> None:
    lines, more = phone_lines("From your notes:\n- 2026-12-06 (Ken): From: Ken\nSubject: Fleet\n\nHi Sam,\nBest,\nKen")
    assert more == 0 and len(lines) == 2
    assert lines[1].startswith("- 2026-12-06 (Ken): From: Ken Subject: Fleet Hi Sam,")


def test_a_confirmation_says_each_fact_once(chat: Conversation, runtime: Runtime) -> None:
    """Two readings of one clause (a quantity inside the request, the date resolved or not) make one line."""
    reply = chat.handle_text(
        "u-once", "coffee with lars berg (fjord cargo), they need 12 reefer trailers before the depot opens on april 9"
    )[0]
    assert reply.text.startswith("Saved for Lars Berg"), reply.text
    first = reply.text.splitlines()[0]
    assert first.casefold().count("reefer trailers") == 1, first
