"""What the conversation remembers between messages for one salesperson; saved in the ledger as JSON."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["MAX_SOURCES_KEPT", "MAX_SOURCE_IDS", "MAX_VARIANTS_KEPT", "Choice", "PendingNote", "State"]

log = logging.getLogger(__name__)


@dataclass
class PendingNote:
    """A note kept (in the inbox) while the salesperson says which client it is about."""

    text: str
    source: str = "text"
    audio_path: str | None = None
    inbox_id: str | None = None  # the note's place in the inbox (bot/chat/inbox.py)
    options: list[int] = field(default_factory=list)  # client ids offered, in order: "2" picks the second
    at: str | None = None  # when it was written (ISO): the note keeps that time when filed later


@dataclass
class Choice:
    """An action waiting for the salesperson to pick a client."""

    kind: str  # note | client | draft | ask | forget | done
    payload: Any = None


@dataclass
class State:
    """What the conversation remembers between messages for one salesperson (saved in the ledger)."""

    edit_draft: str | None = None
    choice: Choice | None = None
    last_question: str | None = None
    variants: dict[str, int] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)  # a Sources button's key -> note ids
    last_client: list[Any] | None = None  # [client id, ISO time] of the last note filed
    last_notes: list[str] = field(default_factory=list)  # the note ids the last filed message made (copies too)
    moved: list[Any] | None = (
        None  # [note id, client id it came from] of the last "oops, meant for X": /undo moves it back
    )

    def to_json(self) -> str | None:
        """The state as JSON for the ledger (None when there is nothing to remember)."""
        choice = None
        if self.choice is not None:
            payload = self.choice.payload
            if isinstance(payload, PendingNote):
                payload = {"note": asdict(payload)}
            choice = {"kind": self.choice.kind, "payload": payload}
        doc = {
            "edit_draft": self.edit_draft,
            "choice": choice,
            "last_question": self.last_question,
            "variants": dict(list(self.variants.items())[-MAX_VARIANTS_KEPT:]),
            "sources": dict(list(self.sources.items())[-MAX_SOURCES_KEPT:]),
            "last_client": self.last_client,
            "last_notes": self.last_notes[-MAX_LAST_NOTES:],
            "moved": self.moved,
        }
        return json.dumps(doc) if any(doc.values()) else None

    @classmethod
    def from_json(cls, text: str) -> State:
        """A state saved by `to_json` (an unreadable one is a fresh state)."""
        try:
            doc = json.loads(text)
            choice = None
            if doc.get("choice"):
                payload = doc["choice"].get("payload")
                if isinstance(payload, dict) and "note" in payload:
                    payload = PendingNote(**payload["note"])
                choice = Choice(str(doc["choice"]["kind"]), payload)
            return cls(
                doc.get("edit_draft"),
                choice,
                doc.get("last_question"),
                dict(doc.get("variants") or {}),
                {str(k): [str(i) for i in v] for k, v in (doc.get("sources") or {}).items()},
                doc.get("last_client"),
                [str(i) for i in doc.get("last_notes") or []],
                doc.get("moved"),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            log.warning("ignoring an unreadable conversation state")
            return cls()


MAX_VARIANTS_KEPT = 20  # "another version" counters of recent drafts
MAX_SOURCES_KEPT = 10  # Sources buttons of the latest answers and profiles that still work
MAX_SOURCE_IDS = 12  # note ids behind one Sources button
MAX_LAST_NOTES = 8  # one message filed under at most this many clients is undone whole
