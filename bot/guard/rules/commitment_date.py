"""Rule wrong_fact: an open promise restated with another due day (`bot/guard/offers.py`, `OfferReader`).
Not in the `rules` package registry: its reader imports the evidence, which imports that package, so
`check` runs it beside `RULES` (`check.READER_RULES`).
"""

from __future__ import annotations

from bot.guard.model import Finding
from bot.guard.offers import OfferReader
from bot.guard.readers import read
from bot.guard.rules.base import Draft, Evidence


class CommitmentDate:
    """Flags a promise restated with a different due day than the recorded one."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The promises of one draft restated with the wrong due day."""
        reader = read(OfferReader, draft, evidence)
        return reader.commitment_dates() if reader else []
