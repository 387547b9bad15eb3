"""The Bot API failing under the real Application: 5xx, dropped connections, RetryAfter.

Every reply is retried a bounded number of times (honouring RetryAfter) or the failure is logged; the bot
keeps answering the next update; and no note is ever lost, even when its confirmation could not be sent.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import FakeBotAPI, polling

from bot.chat.conversation import Conversation
from bot.interfaces.telegram_app import OOPS, build_application
from bot.interfaces.telegram_send import RETRY_AFTER_CAP_S, SEND_ATTEMPTS
from bot.runtime import Runtime

ALICE = 111


@dataclass
class Running:
    fake: FakeBotAPI
    runtime: Runtime

    def notes(self, user: int = ALICE) -> list[str]:
        return [n.text for n in self.runtime.memory(str(user)).ledger.notes()]

    async def note(self, text: str, needle: str, timeout: float = 15.0) -> dict[str, Any]:
        mark = self.fake.mark()
        self.fake.push_text(ALICE, text)
        return await self.fake.wait_text(ALICE, needle, mark, timeout)


@pytest.fixture
async def bot(data_dir: Path) -> AsyncIterator[Running]:
    fake = FakeBotAPI(max_wait=0.3).start()
    settings = fake.settings(data_dir, [ALICE])
    runtime = Runtime(settings)
    app = build_application(runtime, Conversation(runtime, transcriber=None))
    try:
        async with polling(app):
            yield Running(fake, runtime)
    finally:
        fake.stop()


async def _until(predicate: Any, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


def _confirmations(fake: FakeBotAPI, needle: str) -> list[dict[str, Any]]:
    return [m for m in fake.to(ALICE) if needle in (m.get("text") or "")]


@pytest.mark.parametrize("fault", ["500", "502", "drop"])
async def test_a_failed_send_is_retried_and_sent_once(bot: Running, fault: str) -> None:
    bot.fake.fail("sendMessage", fault, times=SEND_ATTEMPTS - 1)
    reply = await bot.note("Dana Lee: wants blue, not grey", "Dana Lee")
    assert "wants blue" in reply["text"]
    assert [k for _, k, _ in bot.fake.faults_served] == [fault] * (SEND_ATTEMPTS - 1)
    assert len(_confirmations(bot.fake, "Dana Lee")) == 1  # retried, not doubled
    assert bot.notes() == ["wants blue, not grey"]


async def test_retry_after_is_honoured(bot: Running) -> None:
    bot.fake.fail("sendMessage", "429", retry_after=1)
    reply = await bot.note("Dana Lee: prefers email", "Dana Lee")
    (_, kind, refused_at) = bot.fake.faults_served[0]
    assert kind == "429"
    assert reply["at"] - refused_at >= 1.0  # waited as Telegram asked, then sent
    assert len(_confirmations(bot.fake, "Dana Lee")) == 1
    assert bot.notes() == ["prefers email"]


async def test_a_reply_that_cannot_be_sent_is_logged_and_the_note_is_kept(
    bot: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.interfaces.telegram_app")
    bot.fake.fail("sendMessage", "500", times=SEND_ATTEMPTS)  # every attempt fails
    bot.fake.push_text(ALICE, "Dana Lee: daughter Sofia starts college in the fall")
    await _until(lambda: any("could not deliver" in r.getMessage() for r in caplog.records))
    assert bot.notes() == ["daughter Sofia starts college in the fall"]  # the note is safe
    assert _confirmations(bot.fake, "Dana Lee") == []
    assert not any(r.levelno >= logging.ERROR for r in caplog.records)  # a logged warning, not a crash
    # The bot keeps working for the next update, and never sent a stray "something went wrong".
    reply = await bot.note("/client Dana Lee", "Sofia")
    assert "Dana Lee" in reply["text"]
    assert not any(OOPS in (m.get("text") or "") for m in bot.fake.to(ALICE))


async def test_a_long_flood_wait_is_not_waited_for(bot: Running, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.interfaces.telegram_app")
    started = time.monotonic()
    bot.fake.fail("sendMessage", "429", retry_after=int(RETRY_AFTER_CAP_S) + 60)
    bot.fake.push_text(ALICE, "Omar Haddad: wants a call on Monday")
    await _until(lambda: any("flood control" in r.getMessage() for r in caplog.records))
    assert time.monotonic() - started < 10  # not stuck for minutes
    assert bot.notes() == ["wants a call on Monday"]
    await bot.note("/clients", "Omar Haddad")


async def test_an_export_document_is_retried(bot: Running) -> None:
    await bot.note("Dana Lee: wants blue, not grey", "Dana Lee")
    bot.fake.fail("sendDocument", "drop")
    mark = bot.fake.mark()
    bot.fake.push_text(ALICE, "/export")
    doc = await bot.fake.wait_for(ALICE, lambda m: m["method"] == "sendDocument", mark)
    assert b"wants blue" in doc["data"]
    assert len(bot.fake.to(ALICE, mark, "sendDocument")) == 1


async def test_polling_survives_getupdates_failures(bot: Running) -> None:
    await bot.note("/start", "Chet")
    bot.fake.fail("getUpdates", "502")
    bot.fake.fail("getUpdates", "drop")
    await _until(lambda: len(bot.fake.faults_served) == 2)
    reply = await bot.note("Dana Lee: likes golf", "Dana Lee", timeout=20)
    assert "golf" in reply["text"]
    assert bot.notes() == ["likes golf"]


async def test_a_failed_tap_acknowledgement_does_not_block_the_action(bot: Running) -> None:
    draft_reply = await bot.note("Dana Lee: wants blue, not grey", "Dana Lee")
    assert draft_reply
    draft = await bot.note("/draft Dana the blue one", "Draft for Dana Lee")
    data = {b["text"]: b["callback_data"] for row in draft["reply_markup"]["inline_keyboard"] for b in row}
    bot.fake.fail("answerCallbackQuery", "500", times=5)
    bot.fake.fail("editMessageText", "drop", times=5)
    mark = bot.fake.mark()
    bot.fake.push_callback(ALICE, data["Discard"], draft["message"])
    await bot.fake.wait_text(ALICE, "Discarded", mark)
    assert [d["status"] for d in bot.runtime.memory(str(ALICE)).ledger.drafts()] == ["discarded"]


async def test_a_failed_voice_download_gets_a_reply_and_the_bot_goes_on(bot: Running) -> None:
    bot.fake.fail("getFile", "500", times=1)
    mark = bot.fake.mark()
    bot.fake.push_voice(ALICE, b"OggS voice bytes")
    reply = await bot.fake.wait_for(ALICE, lambda m: m["method"] == "sendMessage", mark)
    assert len(reply["text"]) < 200 and "try again" in reply["text"]
    await bot.note("Dana Lee: wants blue", "Dana Lee")
    assert bot.notes() == ["wants blue"]
