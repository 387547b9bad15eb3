"""The truth context: the ledger as the evidence a draft may rely on, and the helpers every rule shares."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bot.guard.evidence import Prepared, per_context
from bot.guard.model import BLOCKING, Finding
from bot.guard.rules.base import Evidence
from bot.guard.text import _content_words, _local_date, _norm, _sentences, _trimmed
from bot.guard.when import _note_day_refs, _When
from bot.usecases.draft_context import DraftContext
from memory.records import FactKind


@dataclass(frozen=True)
class _Doc:
    """A piece of ledger evidence: note ids, lower-cased text, and the date it happened (if known)."""

    ids: tuple[str, ...]
    text: str
    when: date | None
    is_note: bool = False
    days: tuple[date, ...] = ()  # other days the note names by weekday ("came in sat")

    def fits(self, whens: Iterable[_When]) -> bool:
        """Whether the note's day, or a day it names, fits every time expression of a claim."""
        whens = list(whens)
        return any(d is not None and all(w.ok(d) for w in whens) for d in (self.when, *self.days))


class GuardBase:
    """Holds one check's text and context (the truth context) and the helpers every rule uses."""

    def __init__(self, text: str, ctx: DraftContext, prepared: Prepared | None = None):
        # The context's own derivations live in the prepared evidence's memo (`per_context`), shared across checks.
        self.prepared = prepared if prepared is not None else Prepared(ctx, Evidence.of(ctx))
        self.memo = self.prepared.memo
        self.text = text
        self.low = _norm(text)
        self.ctx = self.prepared.ctx
        self.tz = self.ctx.now.tzinfo
        self.today = self.ctx.now.date()
        self.docs = self._docs()

    @per_context
    def _docs(self) -> list[_Doc]:
        """Notes, facts, commitments and the purpose as searchable evidence."""
        ctx = self.ctx
        docs = []
        for n in ctx.notes:
            low, noted = _norm(n.text), _local_date(n.occurred_at, self.tz)
            days = tuple(d for d, _ in _note_day_refs(low, noted) if d != noted)
            docs.append(_Doc((n.id,), low, noted, True, days))
        docs += [_Doc(f.source_ids, _norm(f"{f.text} {f.value}"), None) for f in ctx.facts]
        docs += [_Doc(c.source_ids, _norm(c.text), None) for c in ctx.commitments]
        if ctx.purpose:
            docs.append(_Doc((), _norm(ctx.purpose), None))
        return docs

    def _finding(self, kind: str, start: int, end: int, message: str, sources: Iterable[str] = ()) -> Finding:
        """A finding whose span is `text[start:end]` (trimmed)."""
        start, end = _trimmed(self.text, start, end)
        verdict = "block" if kind in BLOCKING else "warn"
        ids = tuple(dict.fromkeys(s for s in sources if s))
        return Finding(kind, self.text[start:end], message, ids, verdict)

    def _first_line(self) -> tuple[int, int]:
        """The greeting line or first sentence, used as the span of whole-message findings."""
        sents = _sentences(self.text)
        return sents[0] if sents else (0, len(self.text))

    def _facts(self, *kinds: FactKind) -> list:
        """Current facts of the given kinds."""
        return [f for f in self.ctx.facts if f.kind in kinds and f.valid_to is None]

    def _note_ids_matching(self, pattern: re.Pattern[str]) -> tuple[str, ...]:
        """Ids of notes whose text matches `pattern`."""
        return tuple(n.id for n in self.ctx.notes if pattern.search(_norm(n.text)))

    def _negated(self, pos: int) -> bool:
        """Whether a negation closely precedes `pos` in its clause ("no discount", "can't guarantee")."""
        before = self.low[max(0, pos - 25) : pos]
        before = re.split(r"[,.;:!?\n]", before)[-1]
        return bool(re.search(r"\b(?:no|not|never|without|can't|cannot|won't|isn't|aren't|don't|n't)\b", before))

    _FUTURE = re.compile(
        r"\b(?:will|'ll|won't|will not|can't make|not going|would|'d|going to|next|tomorrow|upcoming|hope to|hoping to|look(?:ing)? forward|"
        r"can't wait|plan(?:ning)? to|let's|shall|could we|can we|soon|later this|would you|if you|"
        r"whenever|invite|join us|want to|love to|like to|ahead of|in time for|prepare for|prep for)\b"
    )
    _PAST = re.compile(
        r"\b(?:was|were|went|had|did|last|yesterday|ago|earlier|enjoyed|loved|after|following|"
        r"thanks|thank you|since|recap|notes)\b"
    )
    _IN_PERSON_NOTE = re.compile(
        r"\b(?:met|meet|meeting|visit(?:ed)?|in person|lunch|dinner|coffee|breakfast|brunch|drinks|stopped by|"
        r"came by|came in|dropped by|popped in|showroom|tour(?:ed)?|showed|fair|conference|expo|booth|trade ?show|"
        r"sat down|saw|site visit|walkthrough|walk-through|stopped in|tasting|fitting|test drove|bike fit|"
        r"mtg|appt|appointment|came to (?:the|our)|visited|in the store|in store|survey(?:ed)?|inspect(?:ed|ion)|"
        r"site walk|walked (?:the|through)|measured|on ?site|toured|walk-?in|walked in)\b"
    )

    @per_context  # called with the evidence's texts, again at every check
    def _met_in_person(self, text: str) -> bool:
        """Whether a note records an in-person interaction that happened (not one booked for later)."""
        return any(
            not re.match(r"\s*(?:is |was )?(?:booked|scheduled|set (?:up )?for|planned|pencilled)\b", text[m.end() :])
            and not re.search(
                r"\b(?:next|upcoming|will|to book|to schedule)\s+(?:\w+\s+)?$", text[max(0, m.start() - 20) : m.start()]
            )
            for m in self._IN_PERSON_NOTE.finditer(text)
        )

    @per_context
    def _own_words(self) -> set[str]:
        """Content words of the client's and the salesperson's own names (never evidence of anything)."""
        c = self.ctx.client
        return _content_words(" ".join(filter(None, (c.name, c.goes_by, c.formal_name, self.ctx.salesperson))))
