"""The `Rule` interface: a rule reads the draft and the evidence and returns findings.

A rule is a small object with a `kind` (the finding kind it reports) and `check(draft, evidence)`.
It reads `Draft.text` (normalised: NFKC, look-alike letters folded, numbers as digits) and reports
spans of that text through `Draft.finding`; `check_text` maps them back to the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, Protocol, TypeVar

from bot.guard.model import BLOCKING, Finding
from bot.guard.text import clause_before, norm
from bot.usecases.draft_context import DraftContext

T = TypeVar("T")
# A value the draft states as the client's own current order ("your ivory Aurora is confirmed", "your order
# with the 500 Wh battery"): a given-up value there is a wrong fact, not only an unwanted offer.
_AS_CURRENT = re.compile(
    r"\byour\b(?:\s+[\w-]+){0,4}\s*$|\b(?:confirmed|on order|ordered|booked|reserved|in production|is ready|are ready)\b"
)


def stated_as_current(low: str, start: int, end: int) -> bool:
    """`Draft.stated_as_current` on lower-cased text; reads at most 200 characters each side (linear in mentions)."""
    before = low[max(clause_before(low, start), start - 200) : start]
    window = low[end : end + 200]
    stop = re.search(r"[.;!?\n]", window)
    after = window[: stop.start()] if stop else window
    return bool(_AS_CURRENT.search(before) or (_AS_CURRENT.search(after) and " your " in f" {before} {after}"))


_NEGATION = re.compile(r"\b(?:no|not|never|without|can't|cannot|won't|don't|doesn't|n't|nobody)\b")


@dataclass(frozen=True)
class Draft:
    """The text a rule reads: normalised, and lower-cased with the same offsets (`low`)."""

    text: str

    @property
    def low(self) -> str:
        """The text lower-cased with straight apostrophes, one character per character (offsets unchanged)."""
        return norm(self.text)

    def finding(self, kind: str, start: int, end: int, message: str, sources: Iterable[str] = ()) -> Finding:
        """A finding whose span is `text[start:end]`, whitespace trimmed; its verdict follows its kind."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1] in " \t\n,;:":
            end -= 1
        verdict = "block" if kind in BLOCKING else "warn"
        return Finding(kind, self.text[start:end], message, tuple(dict.fromkeys(s for s in sources if s)), verdict)

    def stated_as_current(self, start: int, end: int) -> bool:
        """Whether the clause holding `start..end` states it as the client's current order or choice."""
        return stated_as_current(self.low, start, end)

    def negated(self, pos: int) -> bool:
        """Whether a negation comes earlier in the clause that holds `pos` ("we will never ask for ...")."""
        low = self.low
        return bool(_NEGATION.search(low, clause_before(low, pos), pos))


@dataclass(frozen=True)
class Change:
    """A fact value a later note superseded: its key and unit, the old and current values, the newer note ids."""

    key: str
    unit: str
    old: str
    new: str
    sources: tuple[str, ...]


def superseded(ctx: DraftContext) -> tuple[Change, ...]:
    """Each history fact whose key has a different current value (the facts keep history)."""
    current = {f.key: f for f in ctx.facts if f.valid_to is None}
    out = []
    for h in ctx.history:
        c = current.get(h.key)
        if c is not None and c.value != h.value and c.valid_from >= h.valid_from:
            unit = c.detail.get("unit", "") or h.detail.get("unit", "")
            out.append(Change(h.key, unit, h.value, c.value, c.source_ids))
    return tuple(out)


@dataclass(frozen=True)
class Evidence:
    """What a draft may rely on: note texts with their ids, current facts, open commitments, the purpose."""

    notes: tuple[tuple[str, str], ...]  # (note id, text)
    facts: tuple[tuple[tuple[str, ...], str], ...]  # (source note ids, "text value")
    commitments: tuple[tuple[tuple[str, ...], str], ...]
    purpose: str
    names: str = ""  # the client's names and the salesperson's: never evidence of an event
    note_times: tuple[datetime, ...] = ()  # when each of `notes` happened, in the same order
    now: datetime | None = None  # when the draft would be sent
    superseded: tuple[Change, ...] = ()  # fact values a later note changed (from the facts' history)
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # see `derived`
    # The whole context, for the rules that read its structured state (consent facts, sent messages, channel).
    context: DraftContext | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, ctx: DraftContext) -> Evidence:
        """The evidence in a draft context."""
        return cls(
            notes=tuple((n.id, n.text) for n in ctx.notes),
            facts=tuple((f.source_ids, f"{f.text} {f.value}") for f in ctx.facts),
            commitments=tuple((c.source_ids, c.text) for c in ctx.commitments),
            purpose=ctx.purpose or "",
            names=" ".join(
                filter(None, (ctx.client.name, ctx.client.goes_by, ctx.client.formal_name, ctx.salesperson))
            ),
            note_times=tuple(n.occurred_at for n in ctx.notes),
            now=ctx.now,
            superseded=superseded(ctx),
            context=ctx,
        )

    def texts(self) -> Iterable[tuple[tuple[str, ...], str]]:
        """Every piece of evidence as (note ids, lower-cased text)."""
        return self._texts

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """What a rule derives from this evidence alone, built once (a prepared evidence serves many checks).

        The value is shared by every later check: the rule must not mutate it.
        """
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]

    @cached_property
    def dated_notes(self) -> list[tuple[datetime, tuple[str, str]]]:
        """(time, (note id, text)) for each note, oldest first (notes of one time keep their order)."""
        return sorted(zip(self.note_times, self.notes, strict=False), key=lambda p: p[0].timestamp())

    @cached_property
    def notes_text(self) -> str:
        """Every note's text, joined by spaces."""
        return " ".join(text for _, text in self.notes)

    @cached_property
    def _texts(self) -> tuple[tuple[tuple[str, ...], str], ...]:
        # Built once: a prepared evidence is read by every rule of every check of its context.
        out: list[tuple[tuple[str, ...], str]] = [((nid,), norm(text)) for nid, text in self.notes]
        out += [(ids, norm(text)) for ids, text in (*self.facts, *self.commitments)]
        if self.purpose:
            out.append(((), norm(self.purpose)))
        return tuple(out)


class Rule(Protocol):
    """One check of the guard: the kind it reports, and the check itself."""

    kind: str

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The findings of this rule for one draft."""
        ...
