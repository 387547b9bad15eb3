"""too_frequent from the contact cap: too many messages to one client in a window, or past the client's own limit.

Source: essay 001 (permission: never desperate) and DESIGN's guard table (too_frequent warns). Counts the
messages Chet sent and the outreach the notes log (`contact_pace.outreach_times`), against the default cap
(`bot.guard.model.WEEKLY_CAP`, `MIN_GAP`) or the limit the client set ("max one email a week").
"""

from __future__ import annotations

from bot.guard.contact import ContactReader
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence


class ContactCap:
    """Warns when this message would exceed the contact cap for the client."""

    kind = "too_frequent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The finding on the draft's first line when the cap is reached."""
        reader = ContactReader.of(draft, evidence)
        return reader.too_frequent() if reader is not None else []
