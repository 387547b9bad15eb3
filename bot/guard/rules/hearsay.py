"""Rule unsupported_claim about other people and old acquaintance: a third party's visit or call, reported
news, or "long time no see" that no note backs (`bot/guard/hearsay.py`, `HearsayReader`).
Not in the `rules` package registry: its reader imports the evidence, which imports that package, so
`check` runs it beside `RULES` (`check.READER_RULES`).
"""

from __future__ import annotations

from bot.guard.hearsay import HearsayReader
from bot.guard.model import Finding
from bot.guard.readers import read
from bot.guard.rules.base import Draft, Evidence


class Hearsay:
    """Flags claims about third parties and earlier acquaintance that no note backs."""

    kind = "unsupported_claim"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The unsupported third-party and reunion claims of one draft."""
        reader = read(HearsayReader, draft, evidence)
        return reader.hearsay() if reader else []
