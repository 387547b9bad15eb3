"""Rule wrong_fact: a figure or date that a later note replaced, stated as if it still held.

Source: the guard table ("wrong date, size, number ... vs the ledger"), the day scripts and guard set 8
(notes change figures in passing, in any language, with or without a cue: "guest count up: 130 now",
"ahora solo 2 unidades", "9 sq m more", "mgr ok'd 82k"). Figures go through the current-value model
(`bot.guard.current`): a draft figure equal to a superseded value of the slot it binds to is stale; it
blocks when the change was certain (a cue, or the old value ruled out in words) and warns otherwise. A
figure that binds to no slot by its nouns (another language, other words) is stale by value alone when
it equals exactly one superseded value and no current one; that warns. Dates keep the cue-based replay
of `bot.guard.slots.stale_values` ("rebooked for 10 jul", "start 1 jan, not december").
"""

from __future__ import annotations

import dataclasses

from bot.guard.current import Model, judge, model
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.slots import Mention, Stale, mentions, past_marked, same_slot, same_value, stale_values
from memory.lexicon import MONTH_NAMES


def show(m: Mention) -> str:
    """A value as a message names it."""
    if isinstance(m.value, tuple):
        month, day = m.value
        name = MONTH_NAMES[month - 1].title()
        return f"{day} {name}" if day else name
    figure = f"{m.value:,.2f}".rstrip("0").rstrip(".")
    return f"{figure} {m.unit}".strip() if m.kind == "measure" else figure


def current_model(evidence: Evidence) -> Model:
    """The evidence's current-value model, built once per context."""

    def build() -> Model:
        notes = [(when, nid, text) for when, (nid, text) in zip(evidence.note_times, evidence.notes, strict=False)]
        return model(notes, evidence.names)

    return evidence.derived("current values", build)


class StaleValue:
    """Flags a draft figure or date that a later note replaced."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per draft value equal to a superseded value of its slot, the new value not stated."""
        mine = mentions(draft.text)
        if not mine:
            return []
        mdl = current_model(evidence)
        out = [f for m in mine if (f := self._figure(draft, m, mine, mdl)) is not None]
        return out + self._dates(draft, evidence, mine)

    def _figure(self, draft: Draft, m: Mention, mine: list[Mention], mdl: Model) -> Finding | None:
        verdict = judge(m, mine, mdl, draft.low)
        if verdict is None or verdict.kind != "stale" or past_marked(draft.low, m) or draft.negated(m.start):
            return None
        news = [n for n in verdict.real if n.value != m.value]
        message = f"a later note changed this to {show(news[-1])}" if news else "a later note ruled this out"
        found = draft.finding(self.kind, m.start, m.end, message, verdict.sources)
        return found if verdict.certain else dataclasses.replace(found, verdict="warn")

    def _dates(self, draft: Draft, evidence: Evidence, mine: list[Mention]) -> list[Finding]:
        stale = evidence.derived("stale dates", lambda: _stale_dates(evidence))
        if not stale:
            return []
        noted = evidence.derived("note mentions", lambda: [x for _, t in evidence.notes for x in mentions(t)])
        out = []
        for m in mine:
            if m.rejected or m.kind != "date":
                continue
            hits = [s for s in stale if same_slot(s.old, m) and same_value(s.old, m)]
            if not hits or past_marked(draft.low, m) or draft.negated(m.start):
                continue
            if any(s.old.kind == "month" for s in hits) and any(n.kind == "date" and same_value(n, m) for n in noted):
                hits = [s for s in hits if s.old.kind != "month"]  # the notes name this very date: not ruled out
            if not hits or any(same_slot(s.new, x) and same_value(s.new, x) for s in hits for x in mine):
                continue
            new = max(hits, key=lambda s: s.when.timestamp())
            found = draft.finding(
                self.kind, m.start, m.end, f"a later note changed this to {show(new.new)}", [s.note_id for s in hits]
            )
            if not any(s.certain for s in hits):
                found = dataclasses.replace(found, verdict="warn")  # replaced only as the nearest value: uncertain
            out.append(found)
        return out


def _stale_dates(evidence: Evidence) -> list[Stale]:
    """The replaced dates of the evidence's notes (figures go through the current-value model)."""
    notes = [(when, nid, text) for when, (nid, text) in zip(evidence.note_times, evidence.notes, strict=False)]
    return [s for s in stale_values(notes, evidence.names) if s.old.kind in ("date", "month")]
