"""Helpers the tests share (fixtures are in conftest.py): a chat's one reply, notes, facts, offline drafts, ports."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.chat.conversation import Conversation, Reply
from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.drafting import DraftResult, make_draft
from memory.extract import extract_facts
from memory.records import ExtractedFact
from memory.service import Memory, NoteInput

ROOT = Path(__file__).resolve().parents[1]  # the project checkout
SENDER = "Sam Carter"  # the salesperson who signs the drafts
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # when note_at's day 0 is


def only(replies: list[Reply]) -> Reply:
    """The one reply a message got; fails, listing them, when there were none or several."""
    assert len(replies) == 1, [r.text for r in replies]
    return replies[0]


def button_data(reply: Reply, label: str) -> str:
    """The callback data of the reply's button whose label starts with `label`."""
    return next(b.data for row in reply.buttons for b in row if b.label.startswith(label))


def sayer(user: str) -> Callable[[Conversation, str], Reply]:
    """`say(chat, text)`: `text` sent by `user`, and the one reply it got."""

    def say(chat: Conversation, text: str) -> Reply:
        return only(chat.handle_text(user, text))

    return say


def imported_note(note_id: str, client: str, text: str, days_ago: float, now: datetime) -> NoteInput:
    """A note as `chet import` reads it, written `days_ago` days before `now`."""
    at = now - timedelta(days=days_ago)
    return NoteInput(client=client, text=text, at=at, at_raw=at.isoformat(), note_id=note_id, source="import")


def offline_runtime(data_dir: Path, notes: Iterable[NoteInput], sender: str | None = SENDER) -> Runtime:
    """An offline runtime whose salesperson `local` (drafts signed by `sender`) has imported `notes`."""
    runtime = Runtime(Settings(chet_data_dir=data_dir, chet_offline=True, chet_sender_name=sender, _env_file=None))
    runtime.memory("local").import_notes(list(notes))
    return runtime


def drafts(runtime: Runtime, client: str, purpose: str, variants: Iterable[int]) -> list[DraftResult]:
    """Offline drafts for `local`'s client, one per variant (the engine words each variant differently)."""
    memory = runtime.memory("local")
    found = memory.find_client(client)
    return [make_draft(runtime, memory, found, purpose, variant=v) for v in variants]


def note_at(memory: Memory, client: str, text: str, days: float = 0) -> None:
    """A note about `client` written `days` after T0 (not indexed: the test reads the ledger)."""
    at = T0 + timedelta(days=days)
    memory.add_note(NoteInput(client=client, text=text, at=at, at_raw=at.isoformat()), index=False)


def facts_at(at: datetime) -> Callable[[str], list[ExtractedFact]]:
    """`facts(text)`: the offline extractor's facts of a note written at `at`."""

    def facts(text: str) -> list[ExtractedFact]:
        return extract_facts(text, at)

    return facts


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def import_lines(memory: Memory, client: str, lines: list[tuple[str, str]]) -> None:
    """(ISO time, text) lines of one client imported as `chet import` would, ids n0, n1, ... (naive times: UTC)."""
    memory.import_notes(
        [
            NoteInput(
                client=client,
                text=text,
                at=datetime.fromisoformat(at).replace(tzinfo=UTC),
                at_raw=at,
                note_id=f"n{i}",
                source="import",
            )
            for i, (at, text) in enumerate(lines)
        ]
    )


def client_names(runtime: Runtime, user: str) -> list[str]:
    """The names of `user`'s clients, sorted."""
    return sorted(c.name for c in runtime.memory(user).clients())


def client_facts(runtime: Runtime, user: str, name: str) -> str:
    """The facts kept on `user`'s client `name`, joined and casefolded."""
    memory = runtime.memory(user)
    return " | ".join(f.text for f in memory.facts(memory.find_client(name).id)).casefold()


def imported_by(modules: Iterable[str], watched: Iterable[str]) -> list[str]:
    """Which of `watched` a fresh Python process has loaded once it imported `modules` (run in the project root)."""
    probe = f"import sys\nimport {', '.join(modules)}\nprint(','.join(m for m in sys.argv[1:] if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", probe, *watched], cwd=ROOT, capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]
