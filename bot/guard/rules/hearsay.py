"""Rule unsupported_claim about other people and old acquaintance: a third party's visit or call, reported
news, or "long time no see" that no note backs (`bot/guard/hearsay.py`, `HearsayReader`)."""

from __future__ import annotations

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence


class Hearsay:
    """Flags claims about third parties and earlier acquaintance that no note backs."""

    kind = "unsupported_claim"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The unsupported third-party and reunion claims of one draft."""
        # Imported here: the reader's module imports the evidence, which imports this package (a cycle).
        from bot.guard.hearsay import HearsayReader
        from bot.guard.readers import read

        reader = read(HearsayReader, draft, evidence)
        return reader.hearsay() if reader else []
