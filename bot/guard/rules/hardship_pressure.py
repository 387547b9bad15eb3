"""inappropriate: a sales push while the client goes through a hardship, or before the time they asked for.

The hardship and its end come from the notes (`bot.guard.sensitive.hardships`: bereavement, illness,
layoffs or a leave, until an end date the note gives or a later note that has the client back).
Pressure is read by structure, not phrases: an urgency or deadline word (a closed class per
language) in the same sentence as an act asked of the client (sign, confirm, pay, decide ...) and
the client addressed. During a hardship a promotion or a business ask is also a pitch, unless the
draft leaves the timing to the client. After the client came back from bad news, a promotion is
still a pitch until the usual window ends (an ordinary business message is not). Before a noted deferral ("no decision
before 15 jan", "check back in April") pressure or a sales offer is a pitch too.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from bot.guard.lexicon import _CALM_RE, _PRESSURE_RE, _SALES_RE
from bot.guard.model import SENSITIVE_WINDOW, Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.sensitive import Deferral, Hardship, date_after, deferrals, hardships, lists, word_class
from bot.guard.text import _aware, _local_date, _norm
from bot.guard.when import _MONTH_RX, _MONTHS
from bot.usecases.draft_context import DraftContext

# "check back in April", "holding off until May": the conversation put off to a month (English notes).
_DEFER = re.compile(
    r"\b(?:check back|circle back|follow up|touch base|reach out|get back to (?:her|him|them)|revisit|"
    r"holding off|hold off|wait(?:ing)?)\b[^.;]{0,40}?\b(?:in|after|until|till|around)\s+"
    rf"(?:early\s+|mid[- ]|late\s+)?(?P<month>{_MONTH_RX})(?![a-z])"
)


_TIMING = Path(__file__).parent.parent / "data" / "decision_timing.json"
_FRAMES = Path(__file__).parent.parent / "data" / "pressure_frames.json"


@lru_cache(maxsize=1)
def _frames() -> dict[str, re.Pattern[str]]:
    """The classes of `data/pressure_frames.json`, each one pattern over lower-cased text."""
    doc = json.loads(_FRAMES.read_text(encoding="utf-8"))
    return {
        key: re.compile(r"(?<![\w'])(?:" + "|".join(f"(?:{p})" for p in doc[key]["patterns"]) + r")(?![\w'])")
        for key in ("request_forms", "scarcity", "calm_negations", "deference", "relief")
    }


def asked_act(low: str) -> tuple[int, int] | None:
    """The span of an act of the client's (sign, pay, confirm) asked of them in a request ("could you sign the
    order", "¿podría firmar?"), not negated: an ask whatever the urgency."""
    acts, request = lists()["client_acts"], _frames()["request_forms"]
    for s, e in _sentences(low):
        if not request.search(low, s, e):
            continue
        for act in acts.finditer(low, s, e):
            if _negated(low, act.start()) or _frames()["calm_negations"].search(low, s, act.start()):
                continue
            if _relieved(low, s, e, act.start()):
                continue  # "whether you'd rather I pause the order": relief offered, not an ask
            return act.start(), act.end()
    return None


def _relieved(low: str, start: int, end: int, at: int) -> bool:
    """Whether the act at `at` is the object of a relief the seller offers (pause, postpone, put on hold): a
    relief phrase starting at most four words before it in the same clause."""
    lead = re.split(r"[,;:]", low[start:at])[-1]
    clause = lead + re.split(r"[,;:]", low[at:end])[0]
    return any(
        r.start() <= len(lead) and len(lead[r.start() :].split()) <= 5 for r in _frames()["relief"].finditer(clause)
    )


def scarcity(low: str) -> tuple[int, int] | None:
    """The span of a scarcity or loss frame ("another couple has asked", "only 2 left", "isn't held") in a
    message that names an act of the client's: a push with no urgency word, unless the seller defers to the
    client's timing in that sentence or the one beside it ("happy to hold the price until you decide")."""
    if not lists()["client_acts"].search(low):
        return None
    spans = _sentences(low)
    for found in _frames()["scarcity"].finditer(low):
        i = next((k for k, (s, e) in enumerate(spans) if s <= found.start() < e), 0)
        near = spans[max(0, i - 1) : i + 2]
        if near and _frames()["deference"].search(low, near[0][0], near[-1][1]):
            continue  # "the last slot is the 16th; whenever you decide": a fact or an offer that waits
        return found.span()
    return None


_CLAUSE_END = re.compile(r"[.;!?\n]+(?!\d)")


@lru_cache(maxsize=1)
def _timing() -> dict[str, re.Pattern[str]]:
    """The classes of `data/decision_timing.json`, compiled."""
    doc = json.loads(_TIMING.read_text(encoding="utf-8"))
    return {
        "decide": word_class(doc["decide"]["words"]),
        "later": word_class(doc["later"]["words"]),
        "negation": word_class(doc["not_before"]["negations"]),
        "bound": word_class(doc["not_before"]["bounds"]),
        "anaphor": word_class(doc["anaphors"]["words"]),
    }


def _first_date(text: str, noted: date) -> tuple[int, date] | None:
    """The first calendar date written in `text` on or after `noted` ("30 june", "1 dec", "20 de enero"),
    with where it starts; else a month bound ("in september") as that month's first day."""
    months = lists()["months"]
    for m in re.finditer(r"(?<![\w])(?:\d{1,2}|[a-zäéûç]+)", text):
        if not m.group(0).isdigit() and m.group(0) not in months:
            continue  # a date starts with its day or its month: skip the other words (linear in the note)
        when = date_after(text, m.start(), noted)
        if when is not None and when > noted:
            return m.start(), when
    for m in list(re.finditer(r"[a-zäéûç]+", text))[:4]:  # "in september", "end of june": a month right after
        if m.group(0) in months:
            return m.start(), _month_start_n(months[m.group(0)], noted)
    return None


def _month_start_n(month: int, noted: date) -> date:
    """The first day of month number `month`, in the note's year or the next (a past month is next year's)."""
    return date(noted.year if month > noted.month else noted.year + 1, month, 1)


def decision_deferrals(ctx: DraftContext) -> tuple[Deferral, ...]:
    """Each note that puts a decision later by its shape: a decide word with a later bound ("owners decide in
    september", "decision after their budget meeting 30 june", "the co-op votes on 28 june"), or a negated
    decision bounded by a time ("nothing will be decided before then"); "then" is the nearest time ahead
    that the same note, else an earlier note, names."""
    t, now, out = _timing(), ctx.now, []
    notes = sorted(ctx.notes, key=lambda n: _aware(n.occurred_at, now).timestamp())
    earlier: list[tuple[str, date]] = []  # the earlier notes, latest last; their dates are read only for a "then"
    for n in notes:
        low, noted = _norm(n.text), _local_date(n.occurred_at, now.tzinfo)
        for s, e in _clauses(low):
            clause = low[s:e]
            for d in t["decide"].finditer(clause):
                rest = clause[d.end() : d.end() + 60]
                lead = " ".join(rest.split()[:3])
                when: date | None = None
                past = d.group(0).endswith("ed") and not re.search(r"\bbe(?:en|ing)?\s+$", clause[: d.start()])
                if past:
                    continue  # "decided in march to go ahead": a decision made, not one put off
                if t["later"].match(rest.lstrip()) or (t["later"].search(lead) and not t["bound"].search(lead)):
                    found = _first_date(rest, noted)
                    when = found[1] if found else None
                elif t["bound"].search(lead) and t["negation"].search(clause[: d.start()] + " " + lead):
                    found = _first_date(rest, noted)
                    if found is not None:
                        when = found[1]
                    elif t["anaphor"].search(rest[:40]):
                        when = _then(low, noted, earlier)
                if when is not None and when > noted:
                    phrase = clause[d.start() : d.end() + 30].strip()
                    out.append(Deferral(n.id, _aware(n.occurred_at, now), _at_day(when, now), phrase))
                    break
        earlier.append((low, noted))
    return tuple(out)


def _then(low: str, noted: date, earlier: list[tuple[str, date]]) -> date | None:
    """The date "then" points to: the first ahead that this note names, else the one the latest earlier note
    naming a date names (read lazily: dating every note cost 60 ms at 500 notes)."""
    named = _first_date(low, noted)
    if named is not None:
        return named[1]
    for text, at in reversed(earlier):
        found = _first_date(text, at)
        if found is not None:
            return found[1]
    return None


def _clauses(low: str) -> list[tuple[int, int]]:
    """Clause spans of a lower-cased note (a decimal point does not end one)."""
    out, start = [], 0
    for m in _CLAUSE_END.finditer(low):
        out.append((start, m.start()))
        start = m.end()
    if start < len(low):
        out.append((start, len(low)))
    return out


def _at_day(day: date, ref: datetime) -> datetime:
    """Midnight starting `day` in `ref`'s zone."""
    return datetime(day.year, day.month, day.day, tzinfo=ref.tzinfo)


def _sentences(low: str) -> list[tuple[int, int]]:
    """Sentence spans of a lower-cased text (a decimal point does not end one)."""
    out, start = [], 0
    for m in re.finditer(r"[.!?\n]+(?!\d)", low):
        out.append((start, m.end()))
        start = m.end()
    if start < len(low):
        out.append((start, len(low)))
    return out


def pressure(low: str) -> tuple[int, int] | None:
    """The span of the first push on the client: an urgency word with an act asked of them in one sentence."""
    found = lists()
    for s, e in _sentences(low):
        urgent = found["urgency_words"].search(low, s, e)
        if not urgent or not found["client_acts"].search(low, s, e) or not found["addressee_words"].search(low, s, e):
            continue
        if _frames()["calm_negations"].search(low, s, urgent.start()):
            continue  # "nothing is needed from you now", "no rush": the opposite of a push
        if found["someone_else"].search(low[max(s, urgent.start() - 40) : urgent.start()]):
            continue
        if all(_relieved(low, s, e, a.start()) for a in found["client_acts"].finditer(low, s, e)):
            continue  # "shall we put the order on hold for now": every act asked is one put off
        return urgent.start(), urgent.end()
    for p in _PRESSURE_RE.finditer(low):
        if not _negated(low, p.start()):
            return p.start(), p.end()
    return None


def _negated(low: str, pos: int) -> bool:
    """Whether a negation closely precedes `pos` in its clause ("no discount", "can't guarantee")."""
    before = re.split(r"[,.;:!?\n]", low[max(0, pos - 25) : pos])[-1]
    return bool(re.search(r"\b(?:no|not|never|without|can't|cannot|won't|isn't|aren't|don't|n't)\b", before))


def _month_start(word: str, noted: date) -> date:
    """The first day of the next `word` month on or after the note's month."""
    month = _MONTHS[word.rstrip(".")]
    return date(noted.year if month >= noted.month else noted.year + 1, month, 1)


class HardshipPressure:
    """A sales push during a hardship the notes record, or before the client's own timing."""

    kind = "inappropriate"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The push, if the notes make it inappropriate now."""
        ctx = evidence.context
        if ctx is None:
            return []
        low, found, now = draft.low, lists(), ctx.now
        known: tuple[Hardship, ...] = evidence.derived("hardships", lambda: hardships(ctx))
        active = [h for h in known if h.start <= now < h.end]
        push = pressure(low)
        promo = found["promotion"].search(low) or found["promotion_words"].search(low)
        push = push or scarcity(low)  # "another couple has asked": pressure with no urgency word
        if active:
            ids = [h.note_id for h in active]
            ask = next(
                (
                    p
                    for p in found["asks"].finditer(low)
                    if not _negated(low, p.start())
                    and not found["someone_else"].search(low[max(0, p.start() - 40) : p.start()])
                ),
                None,
            )
            asked = ask.span() if ask else asked_act(low)
            if push is None and promo is None and asked is None:
                return []
            if push is None and _CALM_RE.search(low):
                return []  # the business is mentioned, gently, on their timing
            a, b = push or (promo.span() if promo else asked or (0, 0))
            why = "is upset or overwhelmed" if all(h.distress for h in active) else "is going through a hard time"
            return [draft.finding(self.kind, a, b, f"a sales pitch while the client {why}", ids)]
        back = [h for h in known if h.returned and not h.leave and h.start <= now < h.start + SENSITIVE_WINDOW]
        if back and promo:
            msg = "a promotion soon after the client's loss or illness"
            return [draft.finding(self.kind, promo.start(), promo.end(), msg, [h.note_id for h in back])]
        return self._deferred(draft, evidence, push)

    def _deferred(self, draft: Draft, evidence: Evidence, push: tuple[int, int] | None) -> list[Finding]:
        """A push or an offer before the time a note put the decision or the conversation off to."""
        ctx = evidence.context
        assert ctx is not None
        now, low = ctx.now, draft.low
        if push is not None:
            waits: tuple[Deferral, ...] = evidence.derived(
                "deferrals", lambda: (*deferrals(ctx), *decision_deferrals(ctx))
            )
            for d in waits:
                if d.start <= now < d.until:
                    msg = f"pushes for a decision before the client's own timing ({d.phrase})"
                    return [draft.finding(self.kind, push[0], push[1], msg, (d.note_id,))]
        sale = _SALES_RE.search(low)
        if sale is None:
            return []
        today = now.date()
        for n in ctx.notes:
            put_off = _DEFER.search(_norm(n.text))
            if put_off is None:
                continue
            noted = _local_date(n.occurred_at, now.tzinfo)
            if noted <= today < _month_start(put_off.group("month"), noted):
                msg = f"a sales pitch before the client's own timing ({put_off.group(0)})"
                return [draft.finding(self.kind, sale.start(), sale.end(), msg, (n.id,))]
        return []
