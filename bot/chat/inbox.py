"""The inbox: notes whose client is not known yet, kept in the ledger until the salesperson names the client.

A note is put here the moment Chet has to ask "which client?", so it survives a restart, another bot
worker taking the next message, and any number of other messages in between.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import asdict, dataclass

from memory.errors import BadInput
from memory.service import Memory
from memory.timeutil import now_utc

__all__ = ["InboxItem", "add_to_inbox", "drop_from_inbox", "find_in_inbox", "inbox_count", "inbox_items"]

log = logging.getLogger(__name__)

META_KEY = "inbox"  # a ledger meta value per salesperson: the JSON list of waiting notes, oldest first
MAX_ITEMS = 200  # a runaway client script cannot grow one meta value without bound; the oldest stay


@dataclass(frozen=True)
class InboxItem:
    """A note waiting for its client: its text, when it was written, and where it came from."""

    id: str
    text: str
    at: str  # ISO datetime with offset, when the salesperson sent it
    source: str = "text"
    audio_path: str | None = None


def _read(memory: Memory) -> list[InboxItem]:
    raw = memory.meta(META_KEY)
    if not raw:
        return []
    try:
        return [InboxItem(**doc) for doc in json.loads(raw)]
    except (ValueError, TypeError):
        log.warning("the inbox could not be read; it is kept as it is")  # never overwritten: see add_to_inbox
        raise


def _write(memory: Memory, items: list[InboxItem]) -> None:
    memory.set_meta(META_KEY, json.dumps([asdict(i) for i in items], ensure_ascii=False))


def inbox_items(memory: Memory) -> list[InboxItem]:
    """The notes waiting for a client, oldest first."""
    return _read(memory)


def inbox_count(memory: Memory) -> int:
    """How many notes wait for a client (for the digest and replies)."""
    try:
        return len(_read(memory))
    except (ValueError, TypeError):
        return 0


def add_to_inbox(memory: Memory, text: str, source: str = "text", audio_path: str | None = None) -> InboxItem:
    """Keep a note whose client is not known yet; committed before Chet asks which client it is."""
    moment = now_utc().isoformat()  # to the microsecond: /undo tells it from a note filed the same second
    item = InboxItem(uuid.uuid4().hex[:12], text, moment, source, audio_path)
    with memory.transaction():
        items = _read(memory)
        if len(items) >= MAX_ITEMS:
            raise BadInput(f"your inbox already holds {MAX_ITEMS} notes without a client; file or drop some (/inbox)")
        _write(memory, [*items, item])
    return item


def find_in_inbox(memory: Memory, item_id: str) -> InboxItem | None:
    """The waiting note with this id, if it is still waiting."""
    return next((i for i in _read(memory) if i.id == item_id), None)


def drop_from_inbox(memory: Memory, item_id: str) -> InboxItem | None:
    """Take a note out of the inbox (filed or dropped); None when it was no longer there."""
    with memory.transaction():
        items = _read(memory)
        found = next((i for i in items if i.id == item_id), None)
        if found is not None:
            _write(memory, [i for i in items if i.id != item_id])
    return found
