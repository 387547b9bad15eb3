"""A full or read-only disk is one clear `error:` line in bounded time, on every command and in the bot."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

CHET = [sys.executable, "-m", "bot.interfaces.cli"]
ROOT = Path(__file__).parent.parent


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 24 MB tmpfs of our own (needs root and mount; skipped where the machine forbids it)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mnt)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CHET", "TELEGRAM_"))}
    return subprocess.run(
        [*CHET, "--offline", "--data-dir", str(data), "--user", "u1", *args],
        capture_output=True,
        text=True,
        timeout=60,  # bounded: a hang fails the test instead of the suite
        env=env,
        cwd=ROOT,
    )


def _fill(disk: Path) -> None:
    with open(disk / "filler", "wb") as f:
        try:
            while True:
                f.write(b"\0" * (1 << 20))
        except OSError:
            pass


COMMANDS = [
    ("search", "--json", "blue"),
    ("note", "--json", "Dana Lee", "Now she wants green."),
    ("ask", "--json", "What does Dana like?"),
    ("profile", "--json", "Dana Lee"),
    ("digest", "--json"),
    ("export", "--json"),
    ("reindex", "--json"),
]


@pytest.mark.sqlite_only
def test_every_command_on_a_full_disk_says_so_in_one_line(small_disk: Path) -> None:
    data = small_disk / "data"
    assert _run(data, "note", "--json", "Dana Lee", "Wants the blue one, not the grey.").returncode == 0
    _fill(small_disk)
    for args in COMMANDS:
        res = _run(data, *args)
        assert res.returncode == 1 and res.stdout == "", (args, res)
        assert res.stderr.startswith("error:") and res.stderr.count("\n") == 1 and "full" in res.stderr, args
    (small_disk / "filler").unlink()
    res = _run(data, "export", "--json")  # nothing was half-written: the first note is there, intact
    assert res.returncode == 0 and "Wants the blue one" in res.stdout


@pytest.mark.sqlite_only
def test_a_read_only_disk_is_named(small_disk: Path) -> None:
    data = small_disk / "data"
    assert _run(data, "note", "--json", "Dana Lee", "Wants the blue one.").returncode == 0
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=False).returncode == 0
    res = _run(data, "search", "--json", "blue")
    assert res.returncode == 1 and res.stderr.startswith("error:") and "read-only" in res.stderr


@pytest.mark.sqlite_only
def test_the_bot_answers_a_full_disk_with_a_plain_reply(small_disk: Path) -> None:
    from bot.chat.conversation import Conversation
    from bot.runtime import Runtime
    from bot.settings import Settings

    runtime = Runtime(Settings(chet_data_dir=small_disk / "data", chet_offline=True, _env_file=None))
    chat = Conversation(runtime)
    assert chat.handle_text("u1", "Dana Lee: wants the blue one")
    _fill(small_disk)
    replies = chat.handle_text("u1", "Dana Lee: now she wants green")
    assert len(replies) == 1 and "full" in replies[0].text
