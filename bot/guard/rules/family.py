"""wrong_fact: a relative named or related wrongly, a person named as known whom no note mentions, a birthday.

The checks live in `bot.guard.family.FamilyCheck` (they read the notes as dated documents through the
guard's evidence helpers). The evidence is prepared once per context and kept in `Evidence.derived`.
`check_text` runs this rule after the registry (as it runs claim support): the registry is imported by
`bot.guard.evidence`, which `FamilyCheck` needs, so it cannot hold this rule without an import cycle.
"""

from __future__ import annotations

from bot.guard.evidence import Prepared
from bot.guard.family import FamilyCheck
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence


class Family:
    """Relatives, people named as known, and birthdays, checked against the notes."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The findings of the family, people and birthday checks."""
        ctx = evidence.context
        if ctx is None:
            return []
        prepared = evidence.derived("family.prepared", lambda: Prepared(ctx, evidence))
        g = FamilyCheck(draft.text, ctx, prepared)
        return g.family() + g.people() + g.birthdays()
