"""The console chat: a pasted block is one message in a terminal (bracketed paste); piped input is one line each."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.chat.conversation import Conversation
from bot.interfaces.console import PASTE_END, PASTE_ON, PASTE_START, read_message, run_console
from bot.runtime import Runtime
from memory.service import NoteInput
from memory.timeutil import now_utc

ROOT = Path(__file__).resolve().parent.parent
EMAIL = """To: Dana Lee <dana.lee@acme.example>
Subject: Re: pricing for the blue range

Hi Dana,

Thanks for the call today. As discussed, I'll send the revised pricing for 20 units by Friday.

Best,
Sam Carter
Account Executive, Northwind Supplies"""
# Piped, each line is a message: a lone "Sam Carter" right after "which client?" is a fair answer, so only
# the header and sign-off words are checked there.
NEVER_CLIENTS = {"to", "subject", "best", "best,", "hi", "thanks", "hi dana", "account executive"}


def _seed(runtime: Runtime, user: str) -> None:
    moment = now_utc()
    runtime.memory(user).add_note(NoteInput("Dana Lee", "likes golf", moment, moment.isoformat()))


def _clients(runtime: Runtime, user: str) -> set[str]:
    return {c.name.casefold() for c in runtime.memory(user).ledger.clients()}


def test_read_message_joins_a_bracketed_paste() -> None:
    src = io.StringIO(f"hello\n{PASTE_START}line one\nline two\n{PASTE_END} and typed after\nnext\n")
    assert read_message(src) == "hello"
    assert read_message(src) == "line one\nline two\n and typed after"
    assert read_message(src) == "next"
    assert read_message(src) is None
    assert read_message(io.StringIO(f"{PASTE_START}cut off\nmid paste")) == "cut off\nmid paste"


def test_a_pasted_email_is_one_note_under_its_client(runtime: Runtime) -> None:
    user = runtime.settings.chet_user
    _seed(runtime, user)
    out = io.StringIO()
    run_console(
        runtime, Conversation(runtime, transcriber=None), io.StringIO(PASTE_START + EMAIL + PASTE_END + "\n"), out
    )
    notes = runtime.memory(user).ledger.notes()
    assert len(notes) == 2 and notes[0].client == "Dana Lee" and notes[0].text == EMAIL
    assert _clients(runtime, user) == {"dana lee"}
    assert "Saved for Dana Lee" in out.getvalue()
    assert "Subject" not in out.getvalue().split("Saved for Dana Lee", 1)[1]  # the email is not echoed back


def test_piped_lines_stay_one_message_each_and_never_make_header_clients(runtime: Runtime) -> None:
    user = runtime.settings.chet_user
    _seed(runtime, user)
    out = io.StringIO()
    run_console(runtime, Conversation(runtime, transcriber=None), io.StringIO(EMAIL + "\n"), out)
    assert not (_clients(runtime, user) & NEVER_CLIENTS), _clients(runtime, user)
    assert not any(name.startswith(("to:", "subject", "re:", "account")) for name in _clients(runtime, user))
    assert PASTE_ON not in out.getvalue()  # not a terminal: nothing sent to one


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_in_a_real_terminal_a_paste_is_one_message(tmp_path: Path) -> None:
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CHET_OFFLINE": "1"}
    data_dir = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.interfaces.cli", "--offline", "--data-dir", str(data_dir), "--user", "pty", "chat"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=tmp_path,
        close_fds=True,
    )
    os.close(slave)
    seen = b""

    def read_until(needle: bytes, timeout: float = 60.0) -> None:
        nonlocal seen
        deadline = time.monotonic() + timeout
        while needle not in seen:
            assert time.monotonic() < deadline, seen[-500:]
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break

    try:
        read_until(b"you> ")
        assert PASTE_ON.encode() in seen
        os.write(master, b"Dana Lee: likes golf\r")
        read_until(b"Saved for Dana Lee")
        paste = (PASTE_START + EMAIL.replace("\n", "\r") + PASTE_END + "\r").encode()
        os.write(master, paste)
        read_until(b"Saved for Dana Lee: ", timeout=60)
        read_until(b"you> ")
        os.write(master, b"/quit\r")
        read_until(b"bye")
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    from bot.settings import Settings

    check = Runtime(Settings(chet_data_dir=data_dir, chet_offline=True, _env_file=None))
    notes = check.memory("pty").ledger.notes()
    assert [n.client for n in notes] == ["Dana Lee", "Dana Lee"]
    assert notes[0].text == EMAIL  # one note, every line of it
    assert b"\x1b[?2004l" in seen  # paste mode is turned off again on the way out


def test_a_crash_in_the_chat_writes_its_traceback_to_the_data_dirs_log_and_says_where(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.interfaces import console  # `chet chat` imports run_console from it when it runs
    from bot.interfaces.cli import main

    def broken(runtime: Runtime) -> int:
        raise RuntimeError("the console broke")

    monkeypatch.setattr(console, "run_console", broken)
    monkeypatch.delenv("CHET_DEBUG", raising=False)
    assert main(["--offline", "--data-dir", str(data_dir), "chat"]) == 1
    err = capsys.readouterr().err
    log = data_dir / "chet.log"
    assert f"the details are in {log}" in err and "Traceback" not in err
    assert "Traceback" in log.read_text(encoding="utf-8") and "the console broke" in log.read_text(encoding="utf-8")


def test_a_message_that_fails_in_the_console_says_where_the_details_are(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversation = Conversation(runtime, transcriber=None)

    def broken(user: str, text: str) -> list[object]:
        raise RuntimeError("one message broke")

    monkeypatch.setattr(conversation, "handle_text", broken)
    out = io.StringIO()
    run_console(runtime, conversation, io.StringIO("Dana Lee wants blue\n"), out)
    assert f"the details are in {runtime.settings.log_file}" in out.getvalue()
    assert "Traceback" not in out.getvalue() and "one message broke" not in out.getvalue()


def test_a_crash_before_the_command_runs_is_logged_in_the_data_dir_and_says_where(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.interfaces import cli

    def broken(settings: object) -> None:
        raise RuntimeError("the settings broke")

    monkeypatch.setattr(cli, "redact_settings", broken)
    monkeypatch.delenv("CHET_DEBUG", raising=False)
    assert cli.main(["--offline", "--data-dir", str(data_dir), "digest"]) == 1
    err = capsys.readouterr().err
    log = data_dir / "chet.log"
    assert err.strip() == f"error: internal error (RuntimeError); the details are in {log}"
    assert "Traceback" in log.read_text(encoding="utf-8") and "the settings broke" in log.read_text(encoding="utf-8")


def test_chet_debug_is_a_setting_that_shows_the_traceback_and_still_logs_it(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.interfaces import cli, console  # `chet chat` imports run_console from it when it runs

    def broken(runtime: Runtime) -> int:
        raise RuntimeError("the console broke")

    monkeypatch.setattr(console, "run_console", broken)
    monkeypatch.setenv("CHET_DEBUG", "1")
    assert cli.main(["--offline", "--data-dir", str(data_dir), "chat"]) == 1
    err = capsys.readouterr().err
    log = data_dir / "chet.log"
    assert f"the details are in {log}" in err
    # the record reaches every handler (stderr in a real run), traceback included, not only the log file
    assert any(r.exc_info and str(r.exc_info[1]) == "the console broke" for r in caplog.records)
    assert "the console broke" in log.read_text(encoding="utf-8")
