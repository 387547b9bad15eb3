"""Rule inappropriate: a sales pitch at a sensitive moment (bereavement, illness, layoffs)."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from bot.guard.evidence import per_context
from bot.guard.lexicon import _BAD_NEWS, _CALM_RE, _PRESSURE_RE, _SALES_RE
from bot.guard.model import SENSITIVE_WINDOW, Finding
from bot.guard.text import _aware, _local_date, _norm
from bot.guard.truth import GuardBase
from bot.usecases.draft_context import DraftContext
from memory.records import Note

_DATA = Path(__file__).parent / "data" / "sensitive.json"


@lru_cache(maxsize=1)
def _extra() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(more bad news, business asks, promotions, a third party's ask) from data/sensitive.json."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    bad = "|".join(f"(?:{row['pattern']})" for row in doc["bad_news"])
    ask = "|".join(f"(?:{row['pattern']})" for row in doc["business_asks"])
    return (
        re.compile(bad),
        re.compile(ask),
        re.compile(doc["promotion"]["pattern"]),
        re.compile(doc["third_party_subject"]["pattern"]),
    )


def _bad_news(low: str) -> bool:
    """Whether a note records bad news."""
    return bool(_BAD_NEWS.search(low) or _extra()[0].search(low))


def sensitive_note_ids(ctx: DraftContext) -> tuple[str, ...]:
    """Ids of recent notes that record bad news (bereavement, illness, layoffs): no sales pitch now."""
    now = ctx.now
    return tuple(
        n.id
        for n in ctx.notes
        if timedelta(0) <= now - _aware(n.occurred_at, now) <= SENSITIVE_WINDOW and _bad_news(_norm(n.text))
    )


class SensitiveRules(GuardBase):
    """The sensitive rules; mixed into the guard with the other rule families."""

    @per_context
    def _sad_notes(self) -> tuple[str, ...]:
        """`sensitive_note_ids` of the context."""
        return sensitive_note_ids(self.ctx)

    @per_context
    def _deferring_notes(self) -> list[tuple[Note, re.Match[str]]]:
        """Each note that puts the conversation off to a month ("check back in April"), with that phrase."""
        return [(n, d) for n in self.ctx.notes for d in [self._DEFER.search(_norm(n.text))] if d is not None]

    def sensitive(self) -> list[Finding]:
        """A sales pitch while a recent note records bad news (bereavement, illness, layoffs)."""
        sad = self._sad_notes()
        _, asks, promotion, someone_else = _extra()
        # At a hard time only a promotion is a pitch; the open quote stated plainly is information.
        m = (promotion if sad else _SALES_RE).search(self.low)
        push = next((p for p in _PRESSURE_RE.finditer(self.low) if not self._negated(p.start())), None)
        if push is None and sad:
            push = next(
                (
                    p
                    for p in asks.finditer(self.low)
                    if not self._negated(p.start())
                    and not someone_else.search(self.low[max(0, p.start() - 40) : p.start()])
                ),
                None,
            )
        if m is None and (push is None or not sad):
            return []
        if not sad:
            assert m is not None
            return self._deferred(m)
        if push is None and _CALM_RE.search(self.low):
            return []  # the business is mentioned, gently, on their timing
        pitch = push or m
        assert pitch is not None
        return [
            self._finding(
                "inappropriate",
                pitch.start(),
                pitch.end(),
                "a sales pitch while the client is going through a hard time",
                sad,
            )
        ]

    def _deferred(self, m: re.Match[str]) -> list[Finding]:
        """A sales pitch before the time a note put the conversation off to ("check back in April")."""
        for n, d in self._deferring_notes():
            noted = _local_date(n.occurred_at, self.tz)
            if noted <= self.today < self._month_start(d.group("month"), noted):
                msg = f"a sales pitch before the client's own timing ({d.group(0)})"
                return [self._finding("inappropriate", m.start(), m.end(), msg, (n.id,))]
        return []
