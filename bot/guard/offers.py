"""Rule for commitments: a promise restated with the wrong due day (wrong_fact).

invented_commitment lives in `rules/invented_commitment.py`.
"""

from __future__ import annotations

import re
from datetime import date

from bot.guard.model import Finding
from bot.guard.text import _content_words, _sentences
from bot.guard.truth import GuardBase
from bot.guard.when import _TIME_RE, _WEEKDAYS, _month_day


class OfferReader(GuardBase):
    """Reads promises restated in a draft; used by `rules/commitment_date.py`."""

    def commitment_dates(self) -> list[Finding]:
        """A promise restated with a different due day than the recorded one."""
        out = []
        for c in self.ctx.commitments:
            if c.due is None:
                continue
            topic = _content_words(c.text) - {"send", "call", "follow", "email"}
            for s, e in _sentences(self.text):
                sent = self.low[s:e]
                if not topic or not (topic & _content_words(sent)):
                    continue
                if self._PAST.search(sent) and not re.search(r"\b(?:will|'ll|shall|going to)\b", sent):
                    continue
                if not re.search(r"\b(?:i|we)(?:'ll| will| shall|'m going to| am going to| are going to)\b", sent):
                    continue
                for t in _TIME_RE.finditer(sent):
                    md = _month_day(t.group(0)) if t.group("md") else None
                    if md and any(
                        md == _month_day(x.group(0))
                        for d in self.docs
                        for x in _TIME_RE.finditer(d.text)
                        if x.group("md")
                    ):
                        continue
                    lead = sent[max(0, t.start() - 14) : t.start()]
                    future = re.search(r"\b(?:by|before|until|no later than|due|on)\s*$", lead)
                    if future and self._due_mismatch(t, c.due):
                        msg = f"the promise is due {c.due:%A %d %B}"
                        out.append(self._finding("wrong_fact", s + t.start(), s + t.end(), msg, c.source_ids))
        return out

    def _due_mismatch(self, t: re.Match[str], due: date) -> bool:
        """Whether a time expression names a different day than `due`."""
        if t.group("wd"):
            name = next(w for w in _WEEKDAYS if w in t.group("wd"))
            return abs((due - self.today).days) <= 13 and _WEEKDAYS.index(name) != due.weekday()
        if t.group("md") or t.group("iso"):
            md = _month_day(t.group(0))
            return md is not None and md != (due.month, due.day)
        return False
