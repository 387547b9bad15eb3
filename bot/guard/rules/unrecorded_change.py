"""Rule unsupported_claim: the draft changes a figure to one no note gives ("will cut your $310 bill to zero").

Source: essay 002 ("no good relationship starts with a lie") and the day scripts, where a draft promised
an outcome ("cut your bill to zero", "bring the premium down to 900") that nothing recorded. A draft
figure introduced by a change cue (`bot.guard.slots`: "cut ... to", "reduced to", "now") is a claim
about what will or did happen; when no note, fact, promise or the purpose names that figure and it is
not worked out from their figures, nothing backs it. It warns: a forecast may be honest, the
salesperson decides.
"""

from __future__ import annotations

import dataclasses

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.slots import all_figures, among, mentions, past_marked, worked_out
from bot.guard.text import clause_before

_KINDS = ("money", "measure", "count")


class UnrecordedChange:
    """Warns on a draft figure given as the new value of something when no evidence names that figure."""

    kind = "unsupported_claim"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One warning per cued draft figure that no evidence names or works out."""
        mine = [m for m in mentions(draft.text) if m.kind in _KINDS and m.cue and not m.rejected]
        if not mine:
            return []
        figures = evidence.derived("all figures", lambda: _figures(evidence))
        out = []
        for m in mine:
            value = m.number()
            if value is None:  # _KINDS hold numbers only; a date is never compared here
                continue
            if among(value, figures) or worked_out(value, figures) or past_marked(draft.low, m):
                continue
            start = clause_before(draft.low, m.start)  # the claim: "the panels will cut your $310 bill to zero"
            found = draft.finding(self.kind, start, m.end, "no note gives this figure")
            out.append(dataclasses.replace(found, verdict="warn"))
        return out


def _figures(evidence: Evidence) -> set[float]:
    """Every figure the notes, facts, promises and purpose write."""
    return set().union(*(all_figures(text) for _, text in evidence.texts()))
