"""Rule wrong_fact: a figure that differs from the current value of the slot it binds to.

Source: the guard table ("wrong ... size, number ... vs the ledger"), the day scripts ("R2.5 million cover"
for "cover of R3.5 million") and guard set 8, where "the figure appears in some note" let a superseded
value or another slot's value pass. A draft figure (money, a measure, a count; `bot.guard.figures`) that
binds by its nouns to a slot of the current-value model (`bot.guard.current`) must equal that slot's current
value or be worked out from current values and the draft's own figures in at most two steps (a total, a
share, a discount). It blocks when the binding is certain (one slot, one current value, the figure current
nowhere else) and warns otherwise. Dates are left to the date rules.
"""

from __future__ import annotations

import dataclasses

from bot.guard.current import judge
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.stale_value import current_model, show
from bot.guard.slots import mentions, past_marked


class ContradictedValue:
    """Flags a draft figure that differs from the current value of its slot and is not worked out from the notes."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per draft figure the current-value model contradicts."""
        mine = mentions(draft.text)
        if not mine:
            return []
        mdl = current_model(evidence)
        out = []
        for m in mine:
            verdict = judge(m, mine, mdl, draft.low)
            if verdict is None or verdict.kind != "contradicted":
                continue
            if past_marked(draft.low, m) or draft.negated(m.start):
                continue
            real = ", ".join(dict.fromkeys(show(n) for n in verdict.real))
            found = draft.finding(self.kind, m.start, m.end, f"the notes give {real} for this", verdict.sources)
            out.append(found if verdict.certain else dataclasses.replace(found, verdict="warn"))
        return out
