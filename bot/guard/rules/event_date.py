"""Rule wrong_fact: a recorded event restated with another date (`bot/guard/events.py`, `EventReader`).
Not in the `rules` package registry: its reader imports the evidence, which imports that package, so
`check` runs it beside `RULES` (`check.READER_RULES`).
"""

from __future__ import annotations

from bot.guard.events import EventReader
from bot.guard.model import Finding
from bot.guard.readers import read
from bot.guard.rules.base import Draft, Evidence


class EventDate:
    """Flags a dated event of the notes restated with a different date."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The event dates of one draft that the notes give otherwise."""
        reader = read(EventReader, draft, evidence)
        return reader.event_dates() if reader else []
