"""A bounded load test on 127.0.0.1: 24 salespeople sending notes at once through the real Application
(fake Bot API, with some replies failing and retried), while two CLI processes import into the same data
dir. No "database is locked", no lost or doubled notes; it stops by itself (a fixed number of notes and a
deadline). And the same file imported by two processes at once is stored exactly once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_bot_api import FakeBotAPI, polling

from bot.chat.conversation import Conversation
from bot.interfaces.cli import main
from bot.interfaces.telegram_app import build_application
from bot.runtime import Runtime

ROOT = Path(__file__).parent.parent
NAMES = [
    "Alfa",
    "Bravo",
    "Charlie",
    "Delta",
    "Echo",
    "Foxtrot",
    "Golf",
    "Hotel",
    "India",
    "Juliett",
    "Kilo",
    "Lima",
    "Mike",
    "November",
    "Oscar",
    "Papa",
    "Quebec",
    "Romeo",
    "Sierra",
    "Tango",
    "Uniform",
    "Victor",
    "Whiskey",
    "Xray",
]
USERS = [5000 + i for i in range(len(NAMES))]  # 24 salespeople
NOTES_EACH = 5  # 120 notes through the bot
IMPORTED = 150  # notes in the file both CLI processes import
DEADLINE_S = 25.0


def _client(user: int) -> str:
    return f"Dana {NAMES[USERS.index(user)]}"


def _text(user: int, i: int) -> str:
    return f"visit {i} by salesperson {user}: prefers email, wants the blue model"


def _import_file(path: Path) -> None:
    rows = [
        {
            "id": f"crm-{i}",
            "client": f"Client {NAMES[i % len(NAMES)]}",
            "text": f"crm note {i}: budget {i}k",
            "at": "2025-03-03",
        }
        for i in range(IMPORTED)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _cli_import(data_dir: Path, path: Path, user: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CHET", "TELEGRAM_"))}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.interfaces.cli",
            "--offline",
            "--data-dir",
            str(data_dir),
            "--user",
            user,
            "import",
            "--json",
            str(path),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
async def test_24_salespeople_and_two_importers_at_once(
    data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.WARNING)
    fake = FakeBotAPI(max_wait=0.3).start()
    settings = fake.settings(data_dir, USERS)
    runtime = Runtime(settings)
    app = build_application(runtime, Conversation(runtime, transcriber=None))
    source = tmp_path / "crm.jsonl"
    _import_file(source)
    # Some replies fail under load: they are retried, never doubled.
    fake.fail("sendMessage", "500", times=4)
    fake.fail("sendMessage", "drop", times=2)
    fake.fail("sendMessage", "429", times=1, retry_after=1)
    started = time.perf_counter()
    importers = [_cli_import(data_dir, source, "crm-a"), _cli_import(data_dir, source, "crm-b")]
    try:
        async with polling(app):
            for i in range(NOTES_EACH):
                for user in USERS:
                    fake.push_text(user, f"/note {_client(user)}: {_text(user, i)}")

            async def confirmed(user: int) -> None:
                while len([m for m in fake.to(user) if _client(user) in (m.get("text") or "")]) < NOTES_EACH:
                    await asyncio.sleep(0.02)

            await asyncio.wait_for(asyncio.gather(*(confirmed(u) for u in USERS)), timeout=DEADLINE_S)
            bot_seconds = time.perf_counter() - started
            await asyncio.sleep(0.3)  # a doubled reply would have arrived by now
    finally:
        fake.stop()
        results = [p.communicate(timeout=60) for p in importers]
    # The bot: every note stored once, every confirmation sent once.
    for user in USERS:
        notes = runtime.memory(str(user)).ledger.export()["notes"]
        assert sorted(n["text"] for n in notes) == sorted(_text(user, i) for i in range(NOTES_EACH)), user
        assert {n["client"] for n in notes} == {_client(user)}
        assert len(fake.to(user, method="sendMessage")) == NOTES_EACH  # retried replies are not doubled
    assert len(fake.faults_served) == 7
    # The two importers (same ids, two salespeople: ids are scoped per salesperson) both store everything.
    for user, proc, (out, err) in zip(("crm-a", "crm-b"), importers, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        assert json.loads(out) == {"imported": IMPORTED, "skipped": 0}
        assert main(["--offline", "--data-dir", str(data_dir), "--user", user, "export", "--json"]) == 0
        exported = json.loads(capsys.readouterr().out)
        assert sorted(n["note_id"] for n in exported["notes"]) == sorted(f"crm-{i}" for i in range(IMPORTED))
    assert not [r for r in caplog.records if "locked" in r.getMessage() or r.levelno >= logging.ERROR]
    total = len(USERS) * NOTES_EACH
    print(f"\nload: {total} bot notes from {len(USERS)} users in {bot_seconds:.1f} s, plus 2x{IMPORTED} imported")


@pytest.mark.slow
def test_the_same_file_imported_by_two_processes_at_once_is_stored_once(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "crm.jsonl"
    _import_file(source)
    users = ["crm-1", "crm-2", "crm-3"]  # three pairs at once: the race shows up reliably
    procs = [(user, _cli_import(data_dir, source, user)) for user in users for _ in range(2)]
    outcomes = [(user, proc, *proc.communicate(timeout=90)) for user, proc in procs]
    for user in users:
        pair = [(proc.returncode, out, err) for u, proc, out, err in outcomes if u == user]
        assert [code for code, _, _ in pair] == [0, 0], [err[-300:] for _, _, err in pair]
        counts = [json.loads(out) for _, out, _ in pair]
        assert sum(c["imported"] for c in counts) == IMPORTED and sum(c["skipped"] for c in counts) == IMPORTED
