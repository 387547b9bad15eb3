"""Secrets never leak: the bot token, the API key and the SMTP password stay out of every log, export,
error message, reply, audit event and LLM exchange log, even when the servers fail (and echo them back).

All logging is captured (root logger at DEBUG, tracebacks included), plus stdout and stderr, plus every
file in the data directory.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import FakeBotAPI, polling
from pydantic import SecretStr

from bot.chat.conversation import Conversation
from bot.interfaces.cli import main
from bot.interfaces.telegram_app import build_application
from bot.runtime import Runtime
from bot.settings import Settings
from tests.helpers import free_port

API_KEY = "sk-test-SECRETKEY-0123456789abcdefABCDEF"
TOKEN = "987654321:AAH-SECRET-bot-token-Zyx_0987654321"
SMTP_PASSWORD = "hunter2-SECRET-smtp-pw"
ALICE = 111
FAKE_SERVER_LOGGERS = ("mail.log",)  # aiosmtpd's own debug log of the wire (the test server, not Chet)


def _formatted(records: list[logging.LogRecord]) -> str:
    formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
    return "\n".join(formatter.format(r) for r in records if not r.name.startswith(FAKE_SERVER_LOGGERS))


def _secret_forms(secret: str) -> list[str]:
    """The secret and the encodings it could leak in (a token's halves, base64 as in SMTP AUTH)."""
    forms = [secret, base64.b64encode(secret.encode()).decode().rstrip("=")]
    if ":" in secret:
        forms.append(secret.split(":", 1)[1])
    return forms


def _assert_nowhere(secret: str, **places: str) -> None:
    leaks = [
        (where, text[max(text.find(form) - 80, 0) : text.find(form)])  # what came just before it, not the secret
        for form in _secret_forms(secret)
        for where, text in places.items()
        if form in text
    ]
    assert not leaks, f"a secret leaked: {leaks}"


def _data_files(data_dir: Path) -> dict[str, str]:
    """What every file in the data dir holds, by file: each SQLite database's every row (ledger, Chroma's
    metadata; WAL included), every byte of anything else (index segments, audio), decoded leniently.

    SQLite databases are read through SQL, not as bytes: the unused tail of a page may hold stale heap
    bytes of the process that wrote it (here, an error body that echoed the key), which no query returns.
    """
    import sqlite3

    found: dict[str, str] = {}
    for p in sorted(data_dir.rglob("*")):
        if not p.is_file() or p.name.endswith(("-wal", "-shm", "-journal")):
            continue
        if p.suffix in {".sqlite3", ".db"}:
            db = sqlite3.connect(p)
            try:
                found[f"data:{p.relative_to(data_dir)}"] = "\n".join(db.iterdump())
            finally:
                db.close()
        else:
            found[f"data:{p.relative_to(data_dir)}"] = p.read_bytes().decode("latin-1")
    return found


# -- an OpenAI-compatible server that fails and echoes the credentials back -----------------------


class EchoingOpenAI:
    """Answers every request with `status` and an error that repeats the Authorization header verbatim."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.auth_seen: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                auth = self.headers.get("Authorization", "")
                outer.auth_seen.append(auth)
                body = json.dumps(
                    {"error": {"message": f"Incorrect API key provided: {auth}", "type": "invalid_request_error"}}
                ).encode()
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.parametrize("status", [401, 400, 500])
def test_api_key_never_leaks_from_the_cli(
    status: int,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = EchoingOpenAI(status)
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("CHET_TRANSCRIBER", "none")
    caplog.set_level(logging.DEBUG)
    base = ["-v", "--data-dir", str(data_dir), "--user", "u1"]
    commands = [
        ["note", "--json", "Dana Lee", "Dana wants the blue one, not the grey. Her email is dana@acme.example."],
        ["ask", "--json", "what does Dana like?"],
    ]
    if status != 500:  # 5xx is retried with backoff: two commands show it without slowing the suite
        commands += [["draft", "--json", "Dana Lee", "follow up on the blue one"], ["profile", "--json", "Dana"]]
    outputs: list[str] = []
    try:
        for command in commands:
            code = main([*base, *command])
            out, err = capsys.readouterr()
            assert code == 0, err  # the LLM failing falls back, it does not fail the command
            outputs.append(out + err)
        for command in (["export", "--json"], ["log", "--json", "-n", "50"], ["log", "-n", "50"]):
            assert main([*base, *command]) == 0
            out, err = capsys.readouterr()
            outputs.append(out + err)
    finally:
        server.close()
    assert server.auth_seen and all(a == f"Bearer {API_KEY}" for a in server.auth_seen)  # the key was used
    exchanges = json.loads(outputs[-2])
    assert exchanges and all(e["error"] for e in exchanges)  # the failures are in the LLM log...
    _assert_nowhere(  # ...and the key is nowhere
        API_KEY,
        output="\n".join(outputs),
        logs=_formatted(caplog.records),
        **_data_files(data_dir),
    )


# -- the real Application with a token ------------------------------------------------------------


def _settings(fake: FakeBotAPI, data_dir: Path, **extra: Any) -> Settings:
    return fake.settings(data_dir, [ALICE], **extra)


@pytest.fixture
def fake() -> Iterator[FakeBotAPI]:
    server = FakeBotAPI(token=TOKEN, max_wait=0.3).start()
    yield server
    server.stop()


async def _running(fake: FakeBotAPI, settings: Settings) -> AsyncIterator[Runtime]:
    runtime = Runtime(settings)
    app = build_application(runtime, Conversation(runtime, transcriber=None))
    async with polling(app):
        yield runtime


def _sent_text(fake: FakeBotAPI) -> str:
    return json.dumps([{k: v for k, v in m.items() if k != "data"} for m in fake.sent], default=str) + "\n".join(
        m["data"].decode("utf-8", "replace") for m in fake.sent if isinstance(m.get("data"), bytes)
    )


async def test_bot_token_never_leaks(
    fake: FakeBotAPI, data_dir: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async for runtime in _running(fake, _settings(fake, data_dir)):
        mark = fake.mark()
        fake.push_text(ALICE, "/start")
        await fake.wait_text(ALICE, "Chet", mark)
        fake.fail("sendMessage", "500")  # failures are logged: their messages must not hold the URL
        fake.fail("sendMessage", "drop")
        mark = fake.mark()
        fake.push_text(ALICE, "Dana Lee: wants blue, not grey")
        await fake.wait_text(ALICE, "Dana Lee", mark)
        fake.fail("download", "500")  # a file download whose URL holds the token fails
        mark = fake.mark()
        fake.push_voice(ALICE, b"OggS voice")
        await fake.wait_for(ALICE, lambda m: m["method"] == "sendMessage", mark)
        mark = fake.mark()
        fake.push_voice(ALICE, b"OggS voice again")  # and one that works
        await fake.wait_text(ALICE, "kept your voice note", mark)
        fake.fail("getUpdates", "502")
        mark = fake.mark()
        fake.push_text(ALICE, "/export")
        await fake.wait_for(ALICE, lambda m: m["method"] == "sendDocument", mark, timeout=20)
        export = json.dumps(runtime.memory(str(ALICE)).ledger.export(), default=str)
    out, err = capsys.readouterr()
    assert any(r.name.startswith("telegram") for r in caplog.records)  # PTB's debug logging was captured
    assert len(fake.faults_served) == 4
    _assert_nowhere(
        TOKEN,
        output=out + err,
        logs=_formatted(caplog.records),
        replies=_sent_text(fake),
        export=export,
        **_data_files(data_dir),
    )


# -- SMTP failing with a password set --------------------------------------------------------------


@pytest.mark.parametrize("server", ["refuses-login", "down"])
async def test_smtp_password_never_leaks(
    server: str,
    fake: FakeBotAPI,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink
    from aiosmtpd.smtp import AuthResult

    caplog.set_level(logging.DEBUG)
    tried: list[Any] = []

    def deny(*args: Any) -> AuthResult:
        tried.append(args[-1])  # the credentials the client offered
        return AuthResult(success=False, handled=False)

    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port, authenticator=deny, auth_require_tls=False)
    if server == "refuses-login":
        controller.start()
    settings = _settings(
        fake,
        data_dir,
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_user="sam@example.com",
        smtp_password=SecretStr(SMTP_PASSWORD),
        smtp_from="sam@example.com",
        smtp_security="none",  # a plain-text server, so that the password really is offered (to be refused)
        smtp_allow_plaintext_login=True,
    )
    try:
        async for runtime in _running(fake, settings):
            mark = fake.mark()
            fake.push_text(ALICE, "Dana Lee: wants blue, not grey. Her email is dana@acme.example.")
            await fake.wait_text(ALICE, "Dana Lee", mark)
            mark = fake.mark()
            fake.push_text(ALICE, "/draft Dana the blue one")
            draft = await fake.wait_text(ALICE, "Draft for Dana Lee", mark)
            keys = {b["text"]: b["callback_data"] for row in draft["reply_markup"]["inline_keyboard"] for b in row}
            mark = fake.mark()
            fake.push_callback(ALICE, keys["Approve"], draft["message"])
            failed = await fake.wait_text(ALICE, "could not be sent", mark)
            assert len(failed["text"]) < 200
            ledger = runtime.memory(str(ALICE)).ledger
            assert [d["status"] for d in ledger.drafts()] == ["pending"]  # not sent, so not marked sent
            export = json.dumps(ledger.export(), default=str)
    finally:
        if server == "refuses-login":
            controller.stop()
    if server == "refuses-login":
        assert tried  # the password really was offered to the server
    assert "draft.send_failed" in export
    out, err = capsys.readouterr()
    _assert_nowhere(
        SMTP_PASSWORD,
        output=out + err,
        logs=_formatted(caplog.records),
        replies=_sent_text(fake),
        export=export,
        **_data_files(data_dir),
    )
