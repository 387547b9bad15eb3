"""The check's prepared evidence is reused across checks, and never outlives a change to the client's notes.

`check_message` keeps the context it read while the ledger's change token says nothing was written, and
`bot.guard.evidence.prepare` keeps what the rules derive from a context while its content is the same.
A note added, undone or forgotten (by this process or another one) must be seen by the next check.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import bot.usecases.context_from_memory as builder
from bot.guard.evidence import prepare
from bot.runtime import Runtime
from bot.usecases.context_from_memory import check_context
from bot.usecases.drafting import check_message
from memory.service import NoteInput

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)
AT = T0 + timedelta(days=20)
MEETING = "Hi Dana, great to see you at the Denver expo last week. I'll send the quote for the 12 vans."


def _add(memory: Any, text: str, days: int, client: str = "Dana Lee") -> None:
    at = T0 + timedelta(days=days)
    memory.add_note(NoteInput(client, text, at, at.isoformat()), index=False)


def _kinds(runtime: Any, memory: Any, text: str = MEETING) -> list[str]:
    doc = check_message(runtime, memory, memory.find_client("Dana Lee"), text, AT)
    return [f.kind for f in doc.findings]


def test_a_second_check_reuses_the_context_and_the_evidence(runtime: Any, memory: Any) -> None:
    """With nothing written in between, the second check reads no ledger and derives nothing again."""
    _add(memory, "Called Dana about the fleet renewal, she wants a quote for 12 vans.", 0)
    client = memory.find_client("Dana Lee")
    _kinds(runtime, memory)
    ctx = check_context(memory, client, AT)
    _kinds(runtime, memory)  # writes its own audit row: that alone does not drop the kept context
    assert check_context(memory, client, AT) is ctx
    assert prepare(ctx) is prepare(ctx)


def test_a_check_sees_a_note_added_and_not_one_undone(runtime: Any, memory: Any) -> None:
    """The meeting is unsupported, supported once a note records it, unsupported again after undo."""
    _add(memory, "Called Dana about the fleet renewal, she wants a quote for 12 vans.", 0)
    assert _kinds(runtime, memory) == _kinds(runtime, memory) == ["unsupported_claim"]
    _add(memory, "Met Dana at the Denver expo booth, talked vans.", 14)
    assert _kinds(runtime, memory) == []
    memory.undo_last()
    assert _kinds(runtime, memory) == ["unsupported_claim"]


def test_a_check_after_forget_does_not_see_the_forgotten_notes(runtime: Any, memory: Any) -> None:
    """A client forgotten and named again starts from nothing: the old notes back no claim."""
    _add(memory, "Met Dana at the Denver expo booth, she wants a quote for 12 vans.", 14)
    assert _kinds(runtime, memory) == _kinds(runtime, memory) == []
    memory.forget(memory.find_client("Dana Lee"))
    _add(memory, "Called Dana about the fleet renewal, she wants a quote for 12 vans.", 0)
    assert _kinds(runtime, memory) == ["unsupported_claim"]
    assert _kinds(runtime, memory, "Hi Dana, I'll send the quote for the 14 vans.") == ["wrong_fact"]


def test_a_note_written_by_another_process_is_seen(runtime: Any, memory: Any, settings: Any) -> None:
    """Another connection's write (another bot worker, a `chet note`) moves the change token too."""
    _add(memory, "Called Dana about the fleet renewal, she wants a quote for 12 vans.", 0)
    assert _kinds(runtime, memory) == _kinds(runtime, memory) == ["unsupported_claim"]
    other = Runtime(settings).memory("local")
    _add(other, "Met Dana at the Denver expo booth, talked vans.", 14)
    assert _kinds(runtime, memory) == []


def test_a_check_at_another_moment_reuses_the_ledger_reads(runtime: Any, memory: Any, monkeypatch: Any) -> None:
    """A bot checks at a new second each time: the ledger is read once while nothing is written, the moment
    is the check's own."""
    _add(memory, "Called Dana about the fleet renewal, she wants a quote for 12 vans.", 0)
    client = memory.find_client("Dana Lee")
    reads: list[datetime] = []
    load = builder.load_context
    monkeypatch.setattr(
        builder, "load_context", lambda m, c, p, now, s=None: reads.append(now) or load(m, c, p, now, s)
    )
    first = check_context(memory, client, AT)
    later = check_context(memory, client, AT + timedelta(minutes=5))
    assert len(reads) == 1
    assert later.now == AT + timedelta(minutes=5) and later.notes == first.notes
