"""no_consent from the client's consent: a message on a channel the client closed, or to a client who asked for no contact.

Source: essay 001 (permission) and DESIGN's consent scope ("stop emailing me" closes email only; "do
not contact me" closes every channel). The consent facts and the notes' periods are read by
`bot.guard.contact.ContactReader.no_consent`; a planned call or text on a closed line is
`ChannelConsent`'s.
"""

from __future__ import annotations

from bot.guard.contact import ContactReader
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence


class OptOut:
    """Blocks a message the client's consent does not allow (warns when only its channel is uncertain)."""

    kind = "no_consent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The finding on the draft's first line when the way it goes is closed to the client."""
        reader = ContactReader.of(draft, evidence)
        return reader.no_consent() if reader is not None else []
