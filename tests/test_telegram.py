"""End to end: the real python-telegram-bot Application, polling a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fake_bot_api import FakeBotAPI, polling
from telegram.ext import Application

from bot.chat.conversation import Conversation
from bot.engines.voice import ScriptedTranscriber, Transcriber, TranscriptionError
from bot.interfaces.scheduler import digest_job, job_name, schedule_user
from bot.interfaces.telegram_app import build_application
from bot.runtime import Runtime
from memory.service import NoteInput

ALICE, BOB, STRANGER = 111, 222, 999


@dataclass
class Bot:
    """A running Application with its fake server, conversation and transcriber."""

    app: Application[Any, Any, Any, Any, Any, Any]
    fake: FakeBotAPI
    conversation: Conversation
    runtime: Runtime
    transcriber: Transcriber | None

    async def say(self, user: int, text: str, needle: str) -> dict[str, Any]:
        """Send a text and wait for the reply containing `needle`."""
        mark = self.fake.mark()
        self.fake.push_text(user, text)
        return await self.fake.wait_text(user, needle, mark)

    async def tap(self, user: int, data: str, needle: str, message: dict[str, Any] | None = None) -> dict[str, Any]:
        """Tap a button and wait for the reply containing `needle`."""
        mark = self.fake.mark()
        self.fake.push_callback(user, data, message)
        return await self.fake.wait_text(user, needle, mark)


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """label -> callback_data of a sent message's inline keyboard."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


async def running(
    fake: FakeBotAPI, data_dir: Path, transcriber: Transcriber | None, **extra: Any
) -> AsyncIterator[Bot]:
    settings = fake.settings(data_dir, [ALICE, BOB], chet_digest_time=extra.pop("digest_time", "23:59"), **extra)
    runtime = Runtime(settings)
    conversation = Conversation(runtime, transcriber=transcriber)
    async with polling(build_application(runtime, conversation)) as app:
        yield Bot(app, fake, conversation, runtime, transcriber)


@pytest.fixture
def fake() -> Any:
    server = FakeBotAPI(max_wait=0.3).start()
    yield server
    server.stop()


@pytest.fixture
async def bot(fake: FakeBotAPI, data_dir: Path) -> AsyncIterator[Bot]:
    async for b in running(fake, data_dir, ScriptedTranscriber()):
        yield b


NOTE = "Maria Lopez from Brightline: wants blue, not grey; promised pricing by Thursday"


async def test_start_help_and_startup_calls(bot: Bot) -> None:
    start = await bot.say(ALICE, "/start", "Chet")
    assert len(start["text"].splitlines()) == 3
    assert start["parse_mode"] is None
    await bot.say(ALICE, "/help", "/draft")
    assert bot.fake.calls[:2] == ["getMe", "deleteWebhook"]


async def test_note_is_confirmed_with_what_was_remembered(bot: Bot) -> None:
    reply = await bot.say(ALICE, NOTE, "Maria Lopez")
    assert reply["text"].startswith("Saved for Maria Lopez (Brightline), a new client: wants blue, not grey; promised")
    notes = bot.runtime.memory(str(ALICE)).ledger.notes()
    assert [n.client for n in notes] == ["Maria Lopez"]
    assert bot.runtime.memory(str(BOB)).ledger.notes() == []  # one salesperson's notes are invisible to another


async def test_user_text_with_markup_characters_is_sent_as_plain_text(bot: Bot) -> None:
    reply = await bot.say(ALICE, "Dana Lee: likes <b>bold & *stars* (v2.0)!", "Dana Lee")
    assert reply["parse_mode"] is None


async def test_question_is_answered_from_notes(bot: Bot) -> None:
    await bot.say(ALICE, NOTE, "Maria Lopez")
    reply = await bot.say(ALICE, "what does Maria like?", "blue")
    assert "question" not in reply["text"]
    assert {"Sources", "Save as a note instead"} <= set(buttons(reply))


async def test_draft_approve_and_double_tap(bot: Bot) -> None:
    await bot.say(ALICE, NOTE, "Maria Lopez")
    draft = await bot.say(ALICE, "draft a follow-up to Maria about the pricing", "Draft for Maria Lopez")
    assert "Truth check: passed" in draft["text"]
    keys = buttons(draft)
    assert set(keys) == {"Approve", "Edit", "Regenerate", "Discard"}
    assert all(len(v.encode()) <= 64 for v in keys.values())
    approved = await bot.tap(ALICE, keys["Approve"], "Approved", draft["message"])
    assert "copy" in approved["text"]
    copy = await bot.fake.wait_for(ALICE, lambda m: m["text"].startswith(("Hi", "Hello", "Dear")))
    assert "blue" in copy["text"]
    again = await bot.tap(ALICE, keys["Approve"], "already", draft["message"])
    assert "approved" in again["text"]
    assert bot.fake.answered  # every tap is acknowledged
    drafts = bot.runtime.memory(str(ALICE)).ledger.drafts()
    assert [d["status"] for d in drafts] == ["approved"]


async def test_edit_blocked_then_discard(bot: Bot) -> None:
    await bot.say(ALICE, NOTE, "Maria Lopez")
    draft = await bot.say(ALICE, "/draft Maria the pricing", "Draft for Maria Lopez")
    keys = buttons(draft)
    await bot.tap(ALICE, keys["Edit"], "new text")
    edited = await bot.say(
        ALICE, "Hi Maria, great to see you at the Denver conference! Here is the grey one.", "BLOCKED"
    )
    assert "Approve" not in buttons(edited)
    assert "Denver conference" in edited["text"] and "grey" in edited["text"].split("BLOCKED")[1]
    assert "unsupported_claim" not in edited["text"]  # internal labels stay in --json
    refused = await bot.tap(ALICE, keys["Approve"], "blocked")  # the old message's button, tapped anyway
    assert "cannot" in refused["text"] or "edit" in refused["text"]
    await bot.tap(ALICE, keys["Discard"], "Discarded", draft["message"])
    assert any(m["method"] == "editMessageText" for m in bot.fake.to(ALICE))  # spent buttons removed
    await bot.tap(ALICE, keys["Discard"], "already discarded")
    await bot.tap(ALICE, keys["Edit"], "already discarded")


async def test_regenerate_replaces_the_draft(bot: Bot) -> None:
    await bot.say(ALICE, NOTE, "Maria Lopez")
    draft = await bot.say(ALICE, "/draft Maria the pricing", "Draft for Maria Lopez")
    mark = bot.fake.mark()
    bot.fake.push_callback(ALICE, buttons(draft)["Regenerate"], draft["message"])
    second = await bot.fake.wait_for(ALICE, lambda m: m["method"] == "sendMessage" and "Draft for" in m["text"], mark)
    assert buttons(second)["Approve"] != buttons(draft)["Approve"]
    statuses = sorted(d["status"] for d in bot.runtime.memory(str(ALICE)).ledger.drafts())
    assert statuses == ["discarded", "pending"]


async def test_unknown_user_gets_one_polite_refusal_and_no_data(bot: Bot) -> None:
    await bot.say(ALICE, NOTE, "Maria Lopez")
    bot.fake.push_text(STRANGER, "/client Maria")
    bot.fake.push_text(STRANGER, "what does Maria like?")
    bot.fake.push_callback(STRANGER, "fg:1")
    await bot.fake.wait_text(STRANGER, "private assistant")
    await bot.say(ALICE, "/start", "Chet")  # later updates have been processed by now
    to_stranger = bot.fake.to(STRANGER)
    assert len(to_stranger) == 1
    assert "Maria" not in to_stranger[0]["text"] and "blue" not in to_stranger[0]["text"]
    assert bot.runtime.memory(str(ALICE)).ledger.clients()  # the forged forget did nothing


async def test_ambiguous_name_gets_buttons(bot: Bot) -> None:
    await bot.say(ALICE, "Dana Lee: likes golf", "Dana Lee")
    await bot.say(ALICE, "Dana Smith: has two kids", "Dana Smith")
    choose = await bot.say(ALICE, "Dana: wants blue, not grey", "Which one")
    keys = buttons(choose)
    assert set(keys) == {"Dana Lee", "Dana Smith"}
    saved = await bot.tap(ALICE, keys["Dana Smith"], "Dana Smith", choose["message"])
    assert "wants blue" in saved["text"]
    await bot.tap(ALICE, keys["Dana Smith"], "expired")  # a second tap on the spent choice is harmless


async def test_note_without_a_client_asks_which(bot: Bot) -> None:
    await bot.say(ALICE, NOTE, "Maria Lopez")
    ask = await bot.say(ALICE, "wants the premium plan", "Which client")
    assert "Maria Lopez (Brightline)" in buttons(ask)
    saved = await bot.tap(ALICE, buttons(ask)["Maria Lopez (Brightline)"], "Maria Lopez")
    assert "premium" in saved["text"]


async def test_forged_and_stale_callbacks_are_harmless(bot: Bot) -> None:
    for data in ("a:d-doesnotexist", "zz:1", "c:notanumber", "dn:x", "fu:p:999", "", "x" * 64):
        mark = bot.fake.mark()
        bot.fake.push_callback(ALICE, data)
        reply = await bot.fake.wait_for(ALICE, lambda m: m["method"] == "sendMessage", mark)
        assert len(reply["text"]) < 120
    await bot.say(ALICE, "/start", "Chet")


async def test_voice_note_is_saved_first_transcribed_and_filed(bot: Bot) -> None:
    assert isinstance(bot.transcriber, ScriptedTranscriber)
    bot.transcriber.enqueue("Met Dana from Acme, she wants blue not grey")
    mark = bot.fake.mark()
    bot.fake.push_voice(ALICE, b"OggS\x00fake-opus-bytes", duration=4)
    heard = await bot.fake.wait_text(ALICE, "I heard", mark)
    assert "Met Dana from Acme" in heard["text"]
    saved = await bot.fake.wait_text(ALICE, "Dana (Acme)", mark)
    assert "wants blue" in saved["text"]
    assert bot.transcriber.received == [(b"OggS\x00fake-opus-bytes", "audio/ogg")]
    note = bot.runtime.memory(str(ALICE)).ledger.export()["notes"][0]
    assert note["source"] == "voice"
    assert Path(note["audio_path"]).read_bytes() == b"OggS\x00fake-opus-bytes"
    assert Path(note["audio_path"]).parent.name == str(ALICE)


async def test_corrupt_voice_is_kept_and_the_bot_keeps_working(bot: Bot, data_dir: Path) -> None:
    assert isinstance(bot.transcriber, ScriptedTranscriber)
    bot.transcriber.enqueue(TranscriptionError("I could not decode that audio (the file looks corrupt)"))
    mark = bot.fake.mark()
    bot.fake.push_voice(ALICE, b"not audio at all")
    reply = await bot.fake.wait_text(ALICE, "corrupt", mark)
    assert "kept" in reply["text"]
    assert [p.read_bytes() for p in (data_dir / "audio" / str(ALICE)).iterdir()] == [b"not audio at all"]
    await bot.say(ALICE, NOTE, "Maria Lopez")


async def test_oversized_voice_video_note_and_audio_file(bot: Bot) -> None:
    mark = bot.fake.mark()
    bot.fake.push_voice(ALICE, b"OggS", size=25 * 1024 * 1024)
    await bot.fake.wait_text(ALICE, "too large", mark)
    mark = bot.fake.mark()
    bot.fake.push_video_note(ALICE)
    await bot.fake.wait_text(ALICE, "video", mark)
    mark = bot.fake.mark()
    bot.fake.push_audio_document(ALICE, b"ID3 mp3 bytes")
    await bot.fake.wait_text(ALICE, "voice message", mark)


async def test_voice_without_transcriber_keeps_audio(fake: FakeBotAPI, data_dir: Path) -> None:
    async for _bot in running(fake, data_dir, None):
        mark = fake.mark()
        fake.push_voice(ALICE, b"OggS audio")
        reply = await fake.wait_text(ALICE, "kept your voice note", mark)
        assert "OPENAI_API_KEY" in reply["text"] and "voice" in reply["text"]
        assert len(list((data_dir / "audio" / str(ALICE)).iterdir())) == 1


async def test_export_forget_and_undo(bot: Bot) -> None:
    await bot.say(ALICE, NOTE, "Maria Lopez")
    mark = bot.fake.mark()
    bot.fake.push_text(ALICE, "/export")
    doc = await bot.fake.wait_for(ALICE, lambda m: m["method"] == "sendDocument", mark)
    assert doc["filename"].endswith(".json")
    assert json.loads(doc["data"])["notes"][0]["client"] == "Maria Lopez"
    confirm = await bot.say(ALICE, "/forget Maria", "cannot be undone")
    yes = next(v for k, v in buttons(confirm).items() if k.startswith("Yes"))
    await bot.tap(ALICE, yes, "Forgot Maria Lopez", confirm["message"])
    await bot.tap(ALICE, yes, "Already forgotten")
    await bot.say(ALICE, "/undo", "no note to undo")


async def test_settings_reschedule_the_digest_job(bot: Bot) -> None:
    await bot.say(ALICE, "/settings tz Europe/Paris", "Europe/Paris")
    await bot.say(ALICE, "/settings digest 07:30", "07:30")
    assert bot.app.job_queue is not None
    paris = ZoneInfo("Europe/Paris")
    for _ in range(200):  # the job is re-created right after the reply
        jobs = bot.app.job_queue.get_jobs_by_name(job_name(str(ALICE)))
        if (
            len(jobs) == 1
            and jobs[0].next_t
            and (jobs[0].next_t.astimezone(paris).hour, jobs[0].next_t.minute) == (7, 30)
        ):
            break
        await asyncio.sleep(0.02)
    else:
        raise AssertionError("the digest job was not moved to 07:30 Paris time")


def _old_note(bot: Bot, user: int, client: str, days: int) -> None:
    at = datetime.now(UTC) - timedelta(days=days)
    bot.runtime.memory(str(user)).add_note(NoteInput(client, "called about the fit-out", at, at.isoformat()))


async def test_digest_job_fires_through_the_real_job_queue(bot: Bot) -> None:
    _old_note(bot, ALICE, "Dana Lee", 45)
    assert bot.app.job_queue is not None
    at = (datetime.now(UTC) + timedelta(seconds=2)).time().replace(tzinfo=UTC)
    bot.app.job_queue.run_daily(digest_job, time=at, data=str(ALICE), name="test-digest")
    digest = await bot.fake.wait_text(ALICE, "Time to get in touch", timeout=10)
    assert "Dana Lee" in digest["text"]
    assert "Draft follow-up: Dana Lee" in buttons(digest)
    # The same item never goes out twice in a day.
    mark = bot.fake.mark()
    bot.app.job_queue.run_once(digest_job, when=0, data=str(ALICE))
    await bot.say(BOB, "/start", "Chet")
    await bot.say(BOB, "/help", "/draft")
    await asyncio.sleep(0.3)
    assert bot.fake.to(ALICE, mark) == []
    # The digest's button drafts a follow-up.
    draft = await bot.tap(ALICE, buttons(digest)["Draft follow-up: Dana Lee"], "Draft for Dana Lee", digest["message"])
    assert "Approve" in buttons(draft)


async def test_a_digest_that_cannot_be_sent_is_given_back_and_retried(bot: Bot) -> None:
    _old_note(bot, ALICE, "Dana Lee", 45)
    assert bot.app.job_queue is not None
    bot.fake.fail("sendMessage", "500", times=3)  # every attempt of this one send fails
    bot.app.job_queue.run_once(digest_job, when=0, data=str(ALICE), name="test-digest")
    for _ in range(300):
        if bot.app.job_queue.get_jobs_by_name(f"digest-retry:{ALICE}"):
            break
        await asyncio.sleep(0.05)
    assert bot.app.job_queue.get_jobs_by_name(f"digest-retry:{ALICE}")  # tried again later
    today = datetime.now(ZoneInfo(bot.conversation.schedule(str(ALICE))[0].key)).date()
    again = await asyncio.to_thread(bot.conversation.claim_digest, str(ALICE), today)
    assert again is not None and "Dana Lee" in again[0].text  # the items were given back, not lost


async def test_a_daily_job_at_a_time_changed_on_another_worker_moves_instead_of_sending(bot: Bot) -> None:
    _old_note(bot, ALICE, "Dana Lee", 45)
    assert bot.app.job_queue is not None
    # Another worker changed the digest time: this worker's daily job still fires at the old time, now.
    # One hour on: later today (no missed-digest catch-up is due), or after 23:00 in quiet hours. Six
    # hours on wrapped past midnight from 18:00 on, to a time already passed today: a catch-up was due.
    far = (datetime.now(UTC) + timedelta(hours=1)).strftime("%H:%M")
    bot.runtime.memory(str(ALICE)).ledger.update_salesperson(tz="UTC", digest_time=far)
    mark = bot.fake.mark()
    bot.app.job_queue.run_once(digest_job, when=0, data=str(ALICE), name=job_name(str(ALICE)))
    for _ in range(300):
        jobs = [j for j in bot.app.job_queue.get_jobs_by_name(job_name(str(ALICE))) if j.next_t]
        if jobs and jobs[0].next_t.astimezone(UTC).strftime("%H:%M") == far:
            break
        await asyncio.sleep(0.05)
    assert jobs and jobs[0].next_t.astimezone(UTC).strftime("%H:%M") == far
    await asyncio.sleep(0.3)
    assert bot.fake.to(ALICE, mark) == []  # nothing sent at the old time


async def test_missed_digest_is_sent_once_at_start_up(bot: Bot) -> None:
    _old_note(bot, ALICE, "Dana Lee", 45)
    await bot.say(ALICE, "/settings digest 06:00", "06:00")
    today_noon = datetime.now(UTC).replace(hour=12, minute=0, second=0)
    schedule_user(bot.app, bot.conversation, str(ALICE), now=today_noon)  # as build_application does at start
    await bot.fake.wait_text(ALICE, "Time to get in touch", timeout=10)
    mark = bot.fake.mark()
    schedule_user(bot.app, bot.conversation, str(ALICE), now=today_noon)  # a second restart the same day
    await bot.say(ALICE, "/start", "Chet")
    assert [m for m in bot.fake.to(ALICE, mark) if "Time to get in touch" in (m["text"] or "")] == []


def _run_env(fake: FakeBotAPI, data_dir: Path) -> dict[str, str]:
    import os

    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_BASE_URL": fake.base_url,
        "TELEGRAM_BASE_FILE_URL": fake.base_file_url,
        "TELEGRAM_ALLOWED_USERS": str(ALICE),
        "CHET_DATA_DIR": str(data_dir),
        "CHET_OFFLINE": "1",
        "CHET_TRANSCRIBER": "none",
        "TIKTOKEN_CACHE_DIR": os.environ["TIKTOKEN_CACHE_DIR"],
    }


async def _chet_run(env: dict[str, str]) -> asyncio.subprocess.Process:
    import sys

    chet = Path(sys.executable).parent / "chet"
    return await asyncio.create_subprocess_exec(
        str(chet), "-v", "run", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )


async def test_chet_run_as_a_black_box(fake: FakeBotAPI, data_dir: Path) -> None:
    import signal

    proc = await _chet_run(_run_env(fake, data_dir))
    try:
        fake.push_text(ALICE, "/start")
        await fake.wait_text(ALICE, "Chet", timeout=30)
        mark = fake.mark()
        fake.push_text(ALICE, NOTE)
        await fake.wait_text(ALICE, "Maria Lopez (Brightline)", mark)
        mark = fake.mark()
        fake.push_text(ALICE, "draft a follow-up to Maria about the pricing")
        draft = await fake.wait_text(ALICE, "Draft for Maria Lopez", mark)
        mark = fake.mark()
        fake.push_callback(ALICE, buttons(draft)["Approve"], draft["message"])
        await fake.wait_text(ALICE, "Approved", mark)
        mark = fake.mark()
        fake.push_voice(ALICE, b"OggS voice")
        await fake.wait_text(ALICE, "kept your voice note", mark)
        assert "setMyCommands" in fake.calls
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), timeout=20)
    assert proc.returncode == 0, err.decode()
    logs = out.decode() + err.decode()
    assert "running on Telegram" in logs
    assert fake.token not in logs and fake.token.split(":")[1] not in logs


async def test_chet_run_with_a_webhook(fake: FakeBotAPI, data_dir: Path) -> None:
    import hashlib
    import signal
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = _run_env(fake, data_dir) | {
        "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/chet-hook",
        "TELEGRAM_WEBHOOK_PORT": str(port),
    }
    proc = await _chet_run(env)
    secret = hashlib.sha256(fake.token.encode()).hexdigest()[:32]
    update = {
        "update_id": 1,
        "message": {
            "message_id": 5,
            "date": 1,
            "chat": {"id": ALICE, "type": "private"},
            "from": {"id": ALICE, "is_bot": False, "first_name": "A"},
            "text": "/start",
        },
    }

    def post() -> int:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/chet-hook",
            data=json.dumps(update).encode(),
            headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)

    try:
        for _ in range(100):  # until the webhook server listens
            if fake.webhook is not None:
                try:
                    assert await asyncio.to_thread(post) == 200
                    break
                except OSError:
                    pass
            await asyncio.sleep(0.1)
        await fake.wait_text(ALICE, "Chet", timeout=20)
        assert fake.webhook is not None and fake.webhook["url"] == f"http://127.0.0.1:{port}/chet-hook"
        assert fake.webhook["secret_token"] == secret
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(proc.communicate(), timeout=20)
    assert proc.returncode == 0, err.decode()
