"""Rule wrong_fact: a figure or date that a later note replaced, stated as if it still held.

Source: the guard table ("wrong date, size, number ... vs the ledger") and the day scripts, where a
draft kept the first figure a client gave after a note changed it ("seats down to 38", "go with the
18L after all", "rebooked for 10 jul", "start 1 jan, not december"). The notes are replayed in time
order as typed slots (`bot.guard.slots`): a value whose latest mention a later, cued mention of the
same slot replaced is stale. A draft value equal to a stale one, of the same slot (kind, unit or
currency; a count names the same nouns), is a wrong fact unless the draft also states the new value
or names the old one as the past ("up from 45", "instead of 7 July"). It blocks when the notes rule the
value out in words or replace it by a value naming the same nouns; a value replaced only as the nearest
one of its slot ("seller countered $830k" after "offer $815k") warns.
"""

from __future__ import annotations

import dataclasses

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.slots import Mention, Stale, mentions, past_marked, same_slot, same_value, share, stale_values

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip


def show(m: Mention) -> str:
    """A value as a message names it."""
    if isinstance(m.value, tuple):
        month, day = m.value
        return f"{day} {_MONTH_NAMES[month - 1]}" if day else _MONTH_NAMES[month - 1]
    figure = f"{m.value:,.2f}".rstrip("0").rstrip(".")
    return f"{figure} {m.unit}".strip() if m.kind == "measure" else figure


def _about_it(old: Stale, m: Mention) -> bool:
    """Whether a draft value is about the stale value's subject: a count names the same nouns."""
    if m.kind != "count":
        return True
    return share(m.nouns, old.old.nouns | old.new.nouns)


class StaleValue:
    """Flags a draft figure or date that a later note replaced (the notes replayed as typed slots)."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per draft value equal to a stale value of its slot, the new value not stated."""
        stale = evidence.derived("stale values", lambda: _stale(evidence))
        if not stale:
            return []
        mine = mentions(draft.text)
        noted = evidence.derived("note mentions", lambda: [x for _, t in evidence.notes for x in mentions(t)])
        low = draft.low
        out = []
        for m in mine:
            if m.rejected or m.kind == "month":
                continue
            hits = [s for s in stale if same_slot(s.old, m) and same_value(s.old, m) and _about_it(s, m)]
            if not hits or past_marked(low, m) or draft.negated(m.start):
                continue  # the clause reads are last: most figures match no stale value
            if any(s.old.kind == "month" for s in hits) and any(n.kind == "date" and same_value(n, m) for n in noted):
                hits = [s for s in hits if s.old.kind != "month"]  # the notes name this very date: not ruled out
            if not hits or any(same_slot(s.new, x) and same_value(s.new, x) for s in hits for x in mine):
                continue
            new = max(hits, key=lambda s: s.when.timestamp())
            message = f"a later note changed this to {show(new.new)}"
            found = draft.finding(self.kind, m.start, m.end, message, [s.note_id for s in hits])
            if not any(s.certain for s in hits):
                found = dataclasses.replace(found, verdict="warn")  # replaced only as the nearest value: uncertain
            out.append(found)
        return out


def _stale(evidence: Evidence) -> list[Stale]:
    """The stale values of the evidence's notes."""
    notes = [(when, nid, text) for when, (nid, text) in zip(evidence.note_times, evidence.notes, strict=False)]
    return stale_values(notes, evidence.names)
