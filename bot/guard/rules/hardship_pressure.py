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

import re
from datetime import date

from bot.guard.lexicon import _CALM_RE, _PRESSURE_RE, _SALES_RE
from bot.guard.model import SENSITIVE_WINDOW, Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.sensitive import Deferral, Hardship, deferrals, hardships, lists
from bot.guard.text import _local_date, _norm
from bot.guard.when import _MONTH_RX, _MONTHS

# "check back in April", "holding off until May": the conversation put off to a month (English notes).
_DEFER = re.compile(
    r"\b(?:check back|circle back|follow up|touch base|reach out|get back to (?:her|him|them)|revisit|"
    r"holding off|hold off|wait(?:ing)?)\b[^.;]{0,40}?\b(?:in|after|until|till|around)\s+"
    rf"(?:early\s+|mid[- ]|late\s+)?(?P<month>{_MONTH_RX})(?![a-z])"
)


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
        head = low[s : urgent.start()]
        if found["negation_words"].search(head) and re.search(r"\b(?:no|not|nothing)\s+(?:rush|hurry|pressure)", head):
            continue
        if found["someone_else"].search(low[max(s, urgent.start() - 40) : urgent.start()]):
            continue
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
            if push is None and promo is None and ask is None:
                return []
            if push is None and _CALM_RE.search(low):
                return []  # the business is mentioned, gently, on their timing
            a, b = push or (promo.span() if promo else ask.span() if ask else (0, 0))
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
            waits: tuple[Deferral, ...] = evidence.derived("deferrals", lambda: deferrals(ctx))
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
