"""Rule wrong_fact: a figure the notes give differently for the same thing ("50k units" when the note says 100k).

Source: the guard table ("wrong ... size, number ... vs the ledger") and the day scripts, where a draft
changed a figure the client gave ("R2.5 million cover" for "cover of R3.5 million", "50k units" for
"100k units") and passed. A draft value (money, a measure, a count; `bot.guard.slots`) contradicts the
notes when a current note value of the same slot names the same nouns and differs, and the draft's
value is nowhere in the notes, not worked out from their figures (a total, a saving), and the draft
does not also state the recorded one. Dates are left to the date rules.
"""

from __future__ import annotations

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.stale_value import show
from bot.guard.slots import (
    Mention,
    all_figures,
    among,
    mentions,
    note_mentions,
    past_marked,
    same_slot,
    share,
    stale_values,
    worked_out,
)

_KINDS = ("money", "measure", "count")


class ContradictedValue:
    """Flags a draft figure that differs from the current note figure of the same slot and nouns."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per draft figure whose slot and nouns match a current note figure of another value."""
        current, figures = evidence.derived("current figures", lambda: _current(evidence))
        if not current:
            return []
        mine = mentions(draft.text)
        low = draft.low
        stated = {(x.kind, x.value) for x in mine}  # the draft states the recorded figure too: a set, read once
        out = []
        for m in mine:
            if m.kind not in _KINDS or m.rejected or not m.nouns:
                continue
            value = m.number()
            if value is None:  # _KINDS hold numbers only; a date is never compared here
                continue
            if among(value, figures) or worked_out(value, figures):
                continue
            clash = [(nid, n) for nid, n in current if same_slot(n, m) and share(n.nouns, m.nouns)]
            if not clash or any((n.kind, n.value) in stated for _, n in clash):
                continue
            if past_marked(low, m) or draft.negated(m.start):
                continue
            real = ", ".join(dict.fromkeys(show(n) for _, n in clash))
            out.append(
                draft.finding(self.kind, m.start, m.end, f"the notes give {real} for this", [i for i, _ in clash])
            )
        return out


def _current(evidence: Evidence) -> tuple[list[tuple[str, Mention]], set[float]]:
    """(note id, figure) of each current figure in the notes, and every figure the notes and purpose name."""
    notes = [(when, nid, text) for when, (nid, text) in zip(evidence.note_times, evidence.notes, strict=False)]
    seq = note_mentions(notes, evidence.names)
    stale = {(s.old.kind, s.old.unit, s.old.value) for s in stale_values(notes, evidence.names)}
    current = [
        (nid, m)
        for _, _, nid, m in seq
        if m.kind in _KINDS and not m.rejected and (m.kind, m.unit, m.value) not in stale and m.nouns
    ]
    figures = set().union(*(all_figures(text) for _, text in evidence.notes), all_figures(evidence.purpose))
    return current, figures
