"""Rule unsupported_claim: shared history in the English claim forms ("as we discussed", "thanks for the
demo", "since we met at ...") that no note backs; a real event restated on the wrong day is a wrong_fact.

Source: the guard table ("great to see you at the Denver conference" with no such note blocks). The claim
forms are named patterns in `bot/guard/claims.py` (`ClaimReader`); the structural, multilingual reading of
shared acts is `rules/shared_act.py`.

Not in the `rules` package registry: its reader imports the evidence, which imports that package, so
`check` runs it beside `RULES` (`check.READER_RULES`).
"""

from __future__ import annotations

from bot.guard.claims import ClaimReader
from bot.guard.model import Finding
from bot.guard.readers import read
from bot.guard.rules.base import Draft, Evidence


class ClaimedHistory:
    """Flags a claim of shared history that no note, fact or commitment backs."""

    kind = "unsupported_claim"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The unsupported shared-history claims of one draft."""
        reader = read(ClaimReader, draft, evidence)
        return reader.unsupported_claims() if reader else []
