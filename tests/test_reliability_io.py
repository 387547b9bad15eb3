"""Reliability and security at the edges (issue 15): group chats, bounded input, the LLM deadline,
where notes are sent, strict settings, edited messages, SMTP over TLS."""

from __future__ import annotations

import asyncio
import io
import json
import os
import resource
import shutil
import socket
import ssl
import subprocess
import sys
import time
import wave
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import FakeBotAPI, polling
from pydantic import ValidationError

from bot.chat.conversation import Conversation
from bot.engines.channels import build_channel
from bot.engines.voice import (
    MAX_AUDIO_BYTES,
    LocalWhisper,
    OpenAITranscriber,
    ScriptedTranscriber,
    TranscriptionError,
    audio_seconds,
    decode_bounded,
)
from bot.interfaces.telegram_app import build_application
from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.drafting import make_draft
from memory.errors import EngineError
from memory.service import NoteInput
from memory.timeutil import now_utc
from tests.fake_openai import FakeOpenAI

KEY = "sk-test-secret-key-123456"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def silent_model() -> Iterator[FakeOpenAI]:
    """An OpenAI-compatible server on loopback that accepts every request and never answers in time."""
    with FakeOpenAI() as fake:
        for _ in range(20):
            fake.reply("{}", sleep=60)
        yield fake


def _seed(data_dir: Path) -> None:
    """One client with a note, and an offline draft first: the timed draft then pays no one-off loading."""
    offline = Runtime(Settings(_env_file=None, chet_data_dir=data_dir, chet_offline=True))
    memory = offline.memory("local")
    memory.add_note(
        NoteInput(
            client="Dana Lee", text="Dana wants the blue model. Promised pricing by Friday.", at=now_utc(), at_raw=""
        )
    )
    make_draft(offline, memory, memory.find_client("Dana Lee"), "warm-up")


# -- 11: one deadline per LLM request, retries included --------------------------------------


def test_a_model_that_never_answers_gives_an_offline_draft_within_the_deadline(
    data_dir: Path, silent_model: FakeOpenAI
) -> None:
    _seed(data_dir)
    settings = Settings(
        _env_file=None,
        chet_data_dir=data_dir,
        openai_api_key=KEY,
        openai_base_url=silent_model.url,
        chet_llm_timeout=3.0,
    )
    runtime = Runtime(settings)
    memory = runtime.memory("local")
    client = memory.find_client("Dana Lee")
    started = time.monotonic()
    doc = make_draft(runtime, memory, client, "the pricing")
    elapsed = time.monotonic() - started
    assert elapsed < 3.0 + 2.5, f"the draft took {elapsed:.1f} s with a 3 s deadline (three attempts: over 9 s)"
    assert doc.engine == "offline" and doc.text
    assert any("timed out" in n and "offline" in n for n in doc.notices), doc.notices
    assert silent_model.requests, "the model was asked"


def test_regenerations_share_one_deadline(data_dir: Path) -> None:
    blocked = {"text": "Hi Dana, great to see you at the Denver conference! As promised, 20% off.", "citations": []}
    with FakeOpenAI() as fake:
        for _ in range(5):
            fake.reply(blocked, sleep=2.5)  # each answer comes in time, but three of them would not
        _seed(data_dir)
        settings = Settings(
            _env_file=None,
            chet_data_dir=data_dir,
            openai_api_key=KEY,
            openai_base_url=fake.url,
            chet_llm_timeout=3.0,
        )
        runtime = Runtime(settings)
        memory = runtime.memory("local")
        started = time.monotonic()
        doc = make_draft(runtime, memory, memory.find_client("Dana Lee"), "the pricing")
        elapsed = time.monotonic() - started
    assert elapsed < 3.0 + 2.5, f"the draft took {elapsed:.1f} s with a 3 s deadline (three answers: 7.5 s)"
    assert doc.engine == "offline" and any("timed out" in n for n in doc.notices), doc


# -- 5: group chats get nothing but one notice; /cmd@OtherBot is not ours; 13: edited messages -----

ALICE, STRANGER = 111, 999
GROUP = -100123


@pytest.fixture
async def bot(data_dir: Path) -> AsyncIterator[tuple[FakeBotAPI, Runtime]]:
    fake = FakeBotAPI(max_wait=0.3).start()
    runtime = Runtime(fake.settings(data_dir, [ALICE]))
    try:
        async with polling(build_application(runtime, Conversation(runtime, transcriber=ScriptedTranscriber()))):
            yield fake, runtime
    finally:
        fake.stop()


def _in_group(fake: FakeBotAPI, user: int, kind: str = "message", chat_type: str = "supergroup", **fields: Any) -> int:
    message = fake._message(user, **fields)
    message["chat"] = {"id": GROUP, "type": chat_type, "title": "Sales team"}
    return fake.push({kind: message})


async def test_a_group_is_told_once_and_gets_no_data(bot: tuple[FakeBotAPI, Runtime]) -> None:
    fake, runtime = bot
    mark = fake.mark()
    fake.push_text(ALICE, "Dana Lee: wants the blue model, her budget is 40k")
    await fake.wait_text(ALICE, "Dana Lee", mark)
    group_mark = fake.mark()
    for text in ("/export", "/export@chet_test_bot", "what does Dana want?", "/clients", "/start"):
        _in_group(fake, ALICE, text=text, entities=[{"type": "bot_command", "offset": 0, "length": len(text)}])
    _in_group(fake, STRANGER, text="/help")
    notice = await fake.wait_text(GROUP, "private chats only", group_mark)
    await asyncio.sleep(1.5)  # time for any further (wrong) replies to arrive
    sent = fake.to(GROUP, group_mark)
    assert sent == [notice], [m.get("text") for m in sent]
    assert "Dana" not in json.dumps(sent) and "40k" not in json.dumps(sent)
    assert len(runtime.memory(str(ALICE)).ledger.notes()) == 1  # nothing said in the group was filed


async def test_a_channel_post_and_an_edit_in_a_group_get_no_more_than_the_notice(
    bot: tuple[FakeBotAPI, Runtime],
) -> None:
    fake, _ = bot
    mark = fake.mark()
    channel_post = fake._message(ALICE, text="/export")
    channel_post["chat"] = {"id": GROUP, "type": "channel", "title": "News"}
    del channel_post["from"]
    fake.push({"channel_post": channel_post})
    await fake.wait_text(GROUP, "private chats only", mark)
    _in_group(fake, ALICE, kind="edited_message", text="/export", edit_date=int(time.time()))
    await asyncio.sleep(1.5)
    assert len(fake.to(GROUP, mark)) == 1


async def test_a_command_for_another_bot_is_not_ours(bot: tuple[FakeBotAPI, Runtime]) -> None:
    fake, runtime = bot
    mark = fake.mark()
    fake.push_text(ALICE, "/export@SomeOtherBot")
    reply = await fake.wait_text(ALICE, "@SomeOtherBot", mark)
    assert "not to me" in reply["text"]
    assert fake.to(ALICE, mark, method="sendDocument") == []
    mark = fake.mark()
    fake.push_text(ALICE, "/note@chet_test_bot Dana Lee: prefers calls on Mondays")
    await fake.wait_text(ALICE, "Dana Lee", mark)
    assert [n.client for n in runtime.memory(str(ALICE)).ledger.notes()] == ["Dana Lee"]


async def test_an_edited_message_gets_a_short_reply(bot: tuple[FakeBotAPI, Runtime]) -> None:
    fake, runtime = bot
    mark = fake.mark()
    fake.push({"edited_message": fake._message(ALICE, text="Dana Lee: wants grey", edit_date=int(time.time()))})
    reply = await fake.wait_text(ALICE, "edited", mark)
    assert "new message" in reply["text"]
    assert runtime.memory(str(ALICE)).ledger.notes() == []


# -- 10: voice notes are bounded by duration before anything decodes or uploads them ------------


def _silent_wav(seconds: float, rate: int = 8000) -> bytes:
    """Mono 8-bit silence: minutes of it are made in no time, and its header states its length."""
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        w.writeframes(b"\x80" * int(seconds * rate))
    return buf.getvalue()


def _silent_ogg(seconds: float, rate: int = 8000) -> bytes:
    """OGG/Opus silence, as Telegram's voice notes are encoded."""
    av = pytest.importorskip("av")
    import numpy as np

    buf = io.BytesIO()
    with av.open(buf, mode="w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=rate)
        step = rate // 10
        for i in range(int(seconds * 10)):
            frame = av.AudioFrame.from_ndarray(np.zeros((1, step), dtype=np.int16), format="s16", layout="mono")
            frame.sample_rate, frame.pts = rate, i * step
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buf.getvalue()


class _RecordingEngine:
    def __init__(self) -> None:
        self.calls = 0

    def transcribe(self, audio: bytes, filename: str) -> str:
        self.calls += 1
        return "words"


def test_a_long_voice_note_is_refused_before_it_is_decoded_or_uploaded(tmp_path: Path) -> None:
    pytest.importorskip("av")
    long_note = _silent_wav(11 * 60)  # 5 MB: inside the size cap
    assert len(long_note) < MAX_AUDIO_BYTES
    assert audio_seconds(long_note) == pytest.approx(660, abs=1)
    whisper = LocalWhisper(model_dir=tmp_path)  # no model is loaded: the length is refused first
    with pytest.raises(TranscriptionError, match="longer than 10 minutes"):
        whisper.transcribe(long_note, "audio/wav")
    assert whisper._model is None
    engine = _RecordingEngine()
    with pytest.raises(TranscriptionError, match="longer than 10 minutes"):
        OpenAITranscriber(engine).transcribe(long_note, "audio/wav")
    assert engine.calls == 0
    assert OpenAITranscriber(engine).transcribe(_silent_wav(3), "audio/wav") == "words"


def test_decoding_stops_at_the_cap_whatever_the_container_says() -> None:
    clip = _silent_ogg(5)
    assert len(decode_bounded(clip)) == pytest.approx(5 * 16000, rel=0.02)
    with pytest.raises(TranscriptionError, match="longer than"):
        decode_bounded(clip, max_seconds=2)


async def test_telegram_refuses_a_long_voice_note_before_downloading_it(bot: tuple[FakeBotAPI, Runtime]) -> None:
    fake, _ = bot
    mark = fake.mark()
    fake.push_voice(ALICE, b"OggS" + b"\0" * 1000, duration=3600)
    reply = await fake.wait_text(ALICE, "minutes", mark)
    assert "60 minutes" in reply["text"] and "10 minutes" in reply["text"]
    assert "getFile" not in fake.calls


def test_the_console_does_not_read_an_oversized_audio_file(
    runtime: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.interfaces.console import _voice

    huge = tmp_path / "huge.ogg"
    with huge.open("wb") as f:
        f.truncate(MAX_AUDIO_BYTES + 1)  # sparse: no disk used

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [reply] = _voice(Conversation(runtime, transcriber=ScriptedTranscriber("x")), "local", str(huge))
    assert "too large" in reply.text


# -- 10: text inputs are bounded before they are read -------------------------------------------


def _chet(data_dir: Path, *args: str, stdin: Any = None, env: dict[str, str] | None = None) -> Any:
    """The real CLI in a subprocess, its address space capped so that an unbounded read fails fast."""

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, resource.RLIM_INFINITY))

    return subprocess.run(
        [sys.executable, "-m", "bot.interfaces.cli", "--offline", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        timeout=120,
        cwd=data_dir,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        preexec_fn=cap_memory,
    )


def _one_error(result: Any, needle: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(("error:", "chet: error:")), result.stderr[-2000:]
    assert needle in lines[0], lines[0]


def test_endless_inputs_stop_at_the_cap(data_dir: Path) -> None:
    assert _chet(data_dir, "note", "Dana Lee", "wants blue").returncode == 0
    started = time.monotonic()
    _one_error(_chet(data_dir, "check", "Dana Lee", "--text-file", "/dev/zero"), "larger than 1 MB")
    with open("/dev/zero", "rb") as zero:
        _one_error(_chet(data_dir, "check", "Dana Lee", "--text-file", "-", stdin=zero), "larger than 1 MB")
    _one_error(_chet(data_dir, "import", "/dev/zero"), "line 1 of the file is longer than 1 MB")
    with open("/dev/zero", "rb") as zero:
        _one_error(_chet(data_dir, "import", "-", stdin=zero), "line 1")
    assert time.monotonic() - started < 60


def test_oversized_text_is_refused_and_nothing_is_stored(data_dir: Path) -> None:
    big = "Dana wants the blue one. " * 45_000  # 1.1 MB
    (data_dir / "message.txt").write_text(big)
    ok = json.dumps({"id": "n1", "client": "Dana Lee", "text": "wants blue", "at": "2026-01-05"})
    long_line = json.dumps({"id": "n2", "client": "Dana Lee", "text": big, "at": "2026-01-06"})
    (data_dir / "notes.jsonl").write_text(ok + "\n" + long_line + "\n")
    assert _chet(data_dir, "note", "Dana Lee", "wants blue").returncode == 0
    _one_error(_chet(data_dir, "check", "Dana Lee", "--text-file", "message.txt"), "larger than 1 MB")
    _one_error(_chet(data_dir, "import", "notes.jsonl"), "line 2 of the file is longer than 1 MB")
    exported = json.loads(_chet(data_dir, "export", "--json").stdout)
    assert [n["text"] for n in exported["notes"]] == ["wants blue"]


def test_the_console_skips_an_over_long_line_and_carries_on(runtime: Runtime) -> None:
    from bot.interfaces.console import run_console

    class Endless(io.StringIO):
        """A first line of 5 MB (a pipe from /dev/zero would never end); reading it whole is refused."""

        def __init__(self) -> None:
            super().__init__("Dana Lee: wants the blue one\n")
            self.left = 5_000_000

        def readline(self, size: int | None = -1) -> str:
            if self.left <= 0:
                return super().readline(size)
            assert size is not None and 0 < size <= 2_000_000, f"an unbounded readline({size})"
            chunk = min(size, self.left)
            self.left -= chunk
            return "x" * chunk + ("\n" if self.left <= 0 else "")

    out = io.StringIO()
    run_console(runtime, stdin=Endless(), stdout=out)
    assert "too long" in out.getvalue()
    assert "x" * 1000 not in out.getvalue()
    assert [n.client for n in runtime.memory("local").ledger.notes()] == ["Dana Lee"]


# -- 12: OPENAI_BASE_URL alone does not send notes anywhere ---------------------------------------


@pytest.mark.parametrize(
    ("env", "enabled"),
    [
        ({"openai_base_url": "http://127.0.0.1:11434/v1"}, False),  # a server but no key: needs trust
        ({"openai_base_url": "https://llm.example.com/v1"}, False),
        ({"openai_base_url": "http://127.0.0.1:11434/v1", "chet_trust_llm_server": True}, True),
        ({"openai_api_key": KEY, "openai_base_url": "http://10.1.2.3:8000/v1"}, False),  # key and notes in clear
        ({"openai_api_key": KEY, "openai_base_url": "http://llm.lan/v1", "chet_trust_llm_server": True}, True),
        ({"openai_api_key": KEY, "openai_base_url": "https://llm.example.com/v1"}, True),
        ({"openai_api_key": KEY, "openai_base_url": "http://localhost:8000/v1"}, True),
        ({"openai_api_key": KEY, "openai_base_url": "http://[::1]:8000/v1"}, True),
        ({"openai_api_key": KEY}, True),
        ({}, False),
    ],
)
def test_which_servers_may_receive_notes(env: dict[str, Any], enabled: bool) -> None:
    settings = Settings(_env_file=None, **env)
    assert settings.llm_enabled is enabled
    assert (settings.llm_refusal is None) is (enabled or not env.get("openai_base_url"))
    if settings.llm_refusal:
        assert "CHET_TRUST_LLM_SERVER=1" in settings.llm_refusal
    destination = settings.llm_destination
    assert ("sent to" in destination) is enabled and ("stay on this machine" in destination) is not enabled


def test_a_dotenv_with_only_a_base_url_sends_nothing(data_dir: Path) -> None:
    with FakeOpenAI() as fake:
        for _ in range(10):
            fake.reply({"facts": []})
        (data_dir / ".env").write_text(f"OPENAI_BASE_URL={fake.url}\n")  # read from the working directory
        result = subprocess.run(
            [sys.executable, "-m", "bot.interfaces.cli", "--data-dir", str(data_dir), "note", "Dana Lee", "wants blue"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=data_dir,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert result.returncode == 0, result.stderr
        assert fake.requests == []
        assert "CHET_TRUST_LLM_SERVER=1" in result.stderr and fake.url.split("//")[1] in result.stderr
        (data_dir / ".env").write_text(f"OPENAI_BASE_URL={fake.url}\nCHET_TRUST_LLM_SERVER=1\n")
        verbose = subprocess.run(
            [
                sys.executable,
                "-m",
                "bot.interfaces.cli",
                "-v",
                "--data-dir",
                str(data_dir),
                "note",
                "Dana Lee",
                "likes golf",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=data_dir,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert verbose.returncode == 0, verbose.stderr
        assert fake.requests, "with the opt-in the server is used"
        assert f"notes are sent to the language model at {fake.url}" in verbose.stderr


def test_chat_says_at_start_up_where_notes_go(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.interfaces.cli", "--data-dir", str(data_dir), "chat"],
        input="/help\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=data_dir,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert "notes stay on this machine" in result.stderr


# -- 13: settings are refused at the edge; out-of-range times; a rejected token -------------------


@pytest.mark.parametrize(
    ("name", "value", "needle"),
    [
        ("CHET_TZ", "Mars/Olympus_Mons", "unknown time zone"),
        ("CHET_TZ", "../../etc/passwd", "unknown time zone"),
        ("CHET_DIGEST_TIME", "25:00", "HH:MM"),
        ("TELEGRAM_ALLOWED_USERS", "123, @bob", "'@bob' is a username"),
        ("TELEGRAM_ALLOWED_USERS", "²", "'²' is not a numeric Telegram user id"),
        ("TELEGRAM_ALLOWED_USERS", "12٣", "not a numeric"),
        ("CHET_LLM_TIMEOUT", "soon", "valid number"),
    ],
)
def test_a_bad_setting_is_refused_at_the_edge(
    data_dir: Path, name: str, value: str, needle: str, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from bot.interfaces.cli import main

    monkeypatch.setenv(name, value)
    assert main(["--offline", "--data-dir", str(data_dir), "note", "Dana Lee", "wants blue"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {name}: ") and len(err.splitlines()) == 1 and needle in err, err


def test_a_mistyped_time_zone_is_never_saved_for_the_salesperson(data_dir: Path) -> None:
    _one_error(_chet(data_dir, "note", "Dana Lee", "wants blue", env={"CHET_TZ": "Europe/Pariss"}), "CHET_TZ")
    fine = _chet(data_dir, "note", "Dana Lee", "wants blue")  # nothing of the bad value was kept
    assert fine.returncode == 0, fine.stderr
    assert _chet(data_dir, "digest", "--json").returncode == 0


def test_allowed_users_are_parsed_strictly() -> None:
    def allowed(value: str) -> set[int]:
        return Settings(_env_file=None, telegram_allowed_users=value).allowed_users

    assert allowed("123 456") == {123, 456}
    assert allowed("123,456") == {123, 456}
    assert allowed(" 123 ,\t456\n") == {123, 456}
    assert allowed("") == set()


def test_a_time_past_the_end_of_the_calendar_is_bad_input(data_dir: Path) -> None:
    for at in ("9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00"):
        _one_error(_chet(data_dir, "note", "Dana Lee", "likes golf", "--at", at), "out of range")
    row = json.dumps({"id": "x1", "client": "Dana Lee", "text": "likes golf", "at": "9999-12-31T23:59:59-05:00"})
    (data_dir / "late.jsonl").write_text(row + "\n")
    _one_error(_chet(data_dir, "import", "late.jsonl"), "out of range")


@pytest.mark.parametrize("debug", [False, True])
def test_a_rejected_token_is_one_line_and_never_shown(data_dir: Path, debug: bool) -> None:
    token = "999999:WRONG-secret-token-abcdef"
    fake = FakeBotAPI().start()  # knows only its own token: any other is 401 Unauthorized
    try:
        env = {
            "TELEGRAM_BOT_TOKEN": token,
            "TELEGRAM_BASE_URL": fake.base_url,
            "TELEGRAM_BASE_FILE_URL": fake.base_file_url,
            "TELEGRAM_ALLOWED_USERS": "1",
        }
        if debug:
            env["CHET_DEBUG"] = "1"
        args = ["-v", "run"] if debug else ["run"]
        result = _chet(data_dir, *args, env=env)
    finally:
        fake.stop()
    assert result.returncode == 2, result.stderr[-3000:]
    output = result.stdout + result.stderr
    assert token not in output and "WRONG-secret" not in output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: Telegram rejected TELEGRAM_BOT_TOKEN (unauthorized); copy the token again from @BotFather"
    ]
    if not debug:
        assert "Traceback" not in result.stderr


# -- 13: SMTP uses TLS by default; logging in without it needs an opt-in ---------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (the test trusts it through SMTP_CA_FILE)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


class _Mailbox:
    """What a local aiosmtpd server received, and the logins offered to it (with whether TLS was on)."""

    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.logins: list[bool] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
        from aiosmtpd.smtp import AuthResult

        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        self.logins.append(tls)  # STARTTLS sets session.ssl; an implicit TLS connection shows in its transport
        return AuthResult(success=True)


def _smtp_server(box: _Mailbox, certificate: tuple[Path, Path] | None, mode: str) -> Any:
    from aiosmtpd.controller import Controller

    kwargs: dict[str, Any] = {"authenticator": box.authenticate}
    if certificate is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*certificate)
        if mode == "starttls":
            kwargs.update(tls_context=context, require_starttls=True)
        else:
            # aiosmtpd only counts STARTTLS as TLS for AUTH; the whole connection is TLS here (checked on login)
            kwargs.update(ssl_context=context, server_hostname="127.0.0.1", auth_require_tls=False)
    else:
        kwargs.update(auth_require_tls=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    return Controller(box, hostname="127.0.0.1", port=port, **kwargs)


def _smtp_settings(port: int, cert: Path | None = None, **extra: Any) -> Settings:
    return Settings(
        _env_file=None,
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_user="sam@example.com",
        smtp_password="smtp-password-123",
        smtp_from="sam@example.com",
        smtp_ca_file=cert,
        **extra,
    )


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_smtp_logs_in_over_tls_by_default(certificate: tuple[Path, Path], mode: str) -> None:
    box = _Mailbox()
    controller = _smtp_server(box, certificate, mode)
    controller.start()
    try:
        extra = {"smtp_security": "tls"} if mode == "tls" else {}  # port 465 would choose it by itself
        channel = build_channel(_smtp_settings(controller.port, certificate[0], **extra))
        delivery = channel.send("dana@acme.example", "Pricing", "Hi Dana, the pricing is attached.")
    finally:
        controller.stop()
    assert delivery.channel == "email" and len(box.messages) == 1
    assert box.logins == [True]  # the password went only through TLS


def test_smtp_without_starttls_is_refused_before_the_password_is_sent() -> None:
    box = _Mailbox()
    controller = _smtp_server(box, None, "plain")
    controller.start()
    try:
        channel = build_channel(_smtp_settings(controller.port))
        with pytest.raises(EngineError, match="offers no STARTTLS"):
            channel.send("dana@acme.example", "Pricing", "Hi Dana.")
        assert box.logins == [] and box.messages == []
        with pytest.raises(ValidationError, match="SMTP_ALLOW_PLAINTEXT_LOGIN=1"):
            _smtp_settings(controller.port, smtp_security="none")
        opted_in = _smtp_settings(controller.port, smtp_security="none", smtp_allow_plaintext_login=True)
        build_channel(opted_in).send("dana@acme.example", "Pricing", "Hi Dana.")
    finally:
        controller.stop()
    assert box.logins == [False] and len(box.messages) == 1


def test_smtp_defaults() -> None:
    assert (_smtp_settings(0).smtp_security_resolved, Settings(_env_file=None).smtp_port_resolved) == ("starttls", 587)
    on_465 = Settings(_env_file=None, smtp_port=465)
    assert (on_465.smtp_security_resolved, on_465.smtp_port_resolved) == ("tls", 465)


async def test_a_bot_reply_shares_one_deadline_across_its_model_calls(data_dir: Path) -> None:
    """Routing, then drafting: with a model that never answers, the reply comes once, offline, by the deadline."""
    _seed(data_dir)
    fake = FakeBotAPI(max_wait=0.3).start()
    with FakeOpenAI() as model:
        for _ in range(20):
            model.reply("{}", sleep=60)
        settings = Settings(
            _env_file=None,
            chet_data_dir=data_dir,
            chet_user=str(ALICE),
            telegram_bot_token=fake.token,
            telegram_base_url=fake.base_url,
            telegram_base_file_url=fake.base_file_url,
            telegram_allowed_users=str(ALICE),
            chet_digest_time="23:59",
            openai_api_key=KEY,
            openai_base_url=model.url,
            chet_llm_timeout=3.0,
        )
        runtime = Runtime(settings)
        offline = Runtime(Settings(_env_file=None, chet_data_dir=data_dir, chet_offline=True))
        offline.memory(str(ALICE)).add_note(
            NoteInput(client="Dana Lee", text="Dana wants the blue model.", at=now_utc(), at_raw="")
        )
        app = build_application(runtime, Conversation(runtime, transcriber=ScriptedTranscriber()))
        await app.initialize()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        try:
            mark = fake.mark()
            started = time.monotonic()
            fake.push_text(ALICE, "draft a follow-up to Dana Lee about the pricing")
            reply = await fake.wait_text(ALICE, "Draft for Dana Lee", mark, timeout=30)
            elapsed = time.monotonic() - started
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
            fake.stop()
    assert "offline" in reply["text"], reply["text"]
    assert len(model.requests) >= 1
    assert elapsed < 3.0 + 3.0, f"the reply took {elapsed:.1f} s with a 3 s deadline (routing + drafting: 6 s+)"
