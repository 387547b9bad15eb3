"""Rule unsupported_claim: the draft changes a figure to one no note gives ("will cut your $310 bill to zero").

Source: essay 002 ("no good relationship starts with a lie") and the day scripts, where a draft promised
an outcome ("cut your bill to zero", "bring the premium down to 900") that nothing recorded. A draft
figure introduced by a change cue (`bot.guard.slots`: "cut ... to", "reduced to", "now") is a claim
about what will or did happen; when it is no current value of the notes (`bot.guard.current`), no
increment they give, and not worked out from their current values, nothing backs it. A superseded value
is the stale rule's. It warns: a forecast may be honest, the salesperson decides.
"""

from __future__ import annotations

import dataclasses

from bot.guard.current import judge, supported
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.stale_value import current_model
from bot.guard.slots import mentions, past_marked
from bot.guard.text import clause_before


class UnrecordedChange:
    """Warns on a draft figure given as the new value of something when no current note value backs it."""

    kind = "unsupported_claim"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One warning per cued draft figure that the notes' current values neither give nor work out."""
        all_mine = mentions(draft.text)
        cued = [m for m in all_mine if m.cue and not m.rejected and isinstance(m.value, float)]
        if not cued:
            return []
        mdl = current_model(evidence)
        out = []
        for m in cued:
            if (
                supported(m, all_mine, mdl, draft.low)
                or judge(m, all_mine, mdl, draft.low) is not None
                or past_marked(draft.low, m)
            ):
                continue  # a stale or contradicted figure is the wrong_fact rules' finding
            start = clause_before(draft.low, m.start)  # the claim: "the panels will cut your $310 bill to zero"
            found = draft.finding(self.kind, start, m.end, "no note gives this figure")
            out.append(dataclasses.replace(found, verdict="warn"))
        return out
