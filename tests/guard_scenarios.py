"""Guard test scenarios built from notes alone: a client whose facts the guard must read in the notes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.guard import check_text
from bot.usecases.draft_context import DraftContext
from memory.records import Client, Note

NOW = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)  # a Wednesday


def notes_context(name: str, *notes: tuple[str, float], client_id: int = 7) -> DraftContext:
    """A client with only notes (no extracted facts), each (text, days before NOW)."""
    return DraftContext(
        client=Client(client_id, name),
        purpose="",
        now=NOW,
        notes=[
            Note(f"n/{i}", 1, name, text, "import", NOW - timedelta(days=d), NOW - timedelta(days=d))
            for i, (text, d) in enumerate(notes)
        ],
        facts=[],
        commitments=[],
        other_clients=[],
        salesperson="Robin",
    )


def finding_kinds(text: str, ctx: DraftContext) -> set[str]:
    """The kinds of finding the guard raises on `text`."""
    return {f.kind for f in check_text(text, ctx).findings}
