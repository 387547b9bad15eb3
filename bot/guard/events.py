"""wrong_fact rules about dated events: an event the notes date or place on a weekday differently."""

from __future__ import annotations

import re
from datetime import date

from bot.guard.evidence import per_context
from bot.guard.interactions import interaction_kind
from bot.guard.model import Finding
from bot.guard.text import _clause_after, _clause_before, _content_words, _local_date, _norm, _sentences, _shorthand
from bot.guard.truth import GuardBase
from bot.guard.values import _TIME_WORDS
from bot.guard.when import _NOTE_WD_RE, _TIME_RE, _WD_ABBR, _WEEKDAYS, _month_day, _safe_date

_BIRTHDAY_BEFORE = re.compile(r"\b(?:birthday|bday|b-day|born|turns?|turning)\b[^,;]*$")


class EventReader(GuardBase):
    """Reads dates and weekdays of recorded events; used by `rules/event_date.py` and `rules/event_weekday.py`."""

    @per_context
    def _note_events(self) -> list[tuple[date, set[str], bool, tuple[str, ...]]]:
        """Dated things in the notes: (date, words around it, weekday named there, note ids).

        An explicit date in a note ("wedding Oct 18", "survey Monday June 10"), and the day of a note
        that records an interaction ("lunch with Derek", noted that day).
        """
        out: list[tuple[date, set[str], bool, tuple[str, ...]]] = []
        for n in self.ctx.notes:
            low = _norm(n.text)
            noted = _local_date(n.occurred_at, self.tz)
            for m in _TIME_RE.finditer(low):
                if not m.group("md"):
                    continue
                md = _month_day(m.group(0))
                if md is None:
                    continue
                year = (
                    noted.year if (md[0], md[1]) >= (noted.month, noted.day) or md[0] >= noted.month else noted.year + 1
                )
                ym = re.match(r"\s*,?\s*(\d{4})\b", low[m.end() :]) or re.search(r"/(\d{4})$", m.group(0))
                when = _safe_date(int(ym.group(1)) if ym else year, md[0], md[1])
                if when is None:
                    continue
                own = low[max(0, m.start() - 30, low.rfind(".", 0, m.start()) + 1) : m.start()]
                if _BIRTHDAY_BEFORE.search(own):
                    continue  # "son's birthday 3 may": a birthday, judged by the birthday rule, dates no delivery
                lo = max(0, m.start() - 60)
                words = _content_words(low[lo : m.end() + 50]) - _TIME_WORDS
                if re.search(r"\bdate\b", low[max(0, m.start() - 25) : m.start()]):
                    words.add("<the date>")  # "wedding date 10/17/2026": the date the message may call "your date"
                out.append((when, words, True, (n.id,)))
            if interaction_kind(n.text) is not None or self._IN_PERSON_NOTE.search(low):
                out.append((noted, _content_words(low) - _TIME_WORDS, False, (n.id,)))
        return out

    def event_dates(self) -> list[Finding]:
        """An event the notes date differently ("the April 29 offsite" when the offsite is April 26)."""
        events = [e for e in self._note_events() if e[1] and e[2]]
        recorded = {(d.month, d.day) for d, *_ in events}
        # a promise's due date that Chet read from the notes ("by thursday") is recorded too
        recorded |= {(c.due.month, c.due.day) for c in self.ctx.commitments if c.due is not None}
        out = []
        for s, e in _sentences(self.text):
            sent = self.low[s:e]
            dates = [(t, _month_day(t.group(0))) for t in _TIME_RE.finditer(sent) if t.group("md")]
            # "due in on the 18th": a day of this or next month, compared by its day alone
            days = [
                (t, (0, int(t.group(1)))) for t in re.finditer(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)", sent)
            ]
            said = {other for _, other in dates}  # once per sentence: per date it was quadratic
            for t, md in [*dates, *days]:
                if md is None or md in recorded or (md[0] == 0 and md[1] in {d for _, d in recorded}):
                    continue
                cs = _clause_before(sent, t.start())
                ce = _clause_after(sent, t.end() - 1)
                words = _content_words(sent[cs:ce]) - _TIME_WORDS - self._own_words()
                if re.search(r"\b(?:your|the|our) (?:[a-z]+ )?date\b", sent[max(0, t.start() - 30) : t.start()]):
                    words.add("<the date>")
                if not words:  # "your quote for Saturday, April 18th, 2026": the date's clause is the date
                    words = _content_words(sent) - _TIME_WORDS - self._own_words()
                near = [ev for ev in events if md[0] or 0 <= (ev[0] - self.today).days <= 45]
                clash = [ev for ev in near if _overlap(ev[1], words) and (ev[0].month, ev[0].day) != md]
                if not clash or any((ev[0].month, ev[0].day) in said for ev in clash):
                    continue  # the recorded date is named too: this one is something else
                real = ", ".join(sorted({f"{ev[0]:%B} {ev[0].day}" for ev in clash}))
                ids = [i for ev in clash for i in ev[3]]
                out.append(self._finding("wrong_fact", s + t.start(), s + t.end(), f"the notes have {real}", ids))
        return out

    def event_weekdays(self) -> list[Finding]:
        """A recorded event placed on the wrong weekday ("the survey on Tuesday" when it is Monday June 10)."""
        events = [e for e in self._note_events() if e[1] and abs((e[0] - self.today).days) <= 10]
        if not events:
            return []
        out = []
        for s, e in _sentences(self.text):
            sent = self.low[s:e]
            for t in re.finditer(rf"\b({'|'.join(_WEEKDAYS)})\b(?!s)", sent):
                day = t.group(1)
                cs = _clause_before(sent, t.start())
                ce = _clause_after(sent, t.end() - 1)
                words = _content_words(sent[cs:ce]) - _TIME_WORDS - self._own_words()
                clause = sent[cs:ce]
                past = (self._PAST.search(clause) or re.search(r"\b(?:great|good|nice|lovely|fun)\b", clause)) and not (
                    self._FUTURE.search(clause) or "?" in sent[ce : ce + 1]
                )
                related = [ev for ev in events if ev[1] & words and (ev[2] or past)]
                if not related:
                    continue
                if any(day in d.text for d in self.docs if d.is_note) or any(
                    _WD_ABBR[x.group("wd")] == _WEEKDAYS.index(day)
                    and words & _content_words(d.text[max(0, x.start() - 60) : x.end() + 60])
                    for d in self.docs
                    if d.is_note
                    for x in _NOTE_WD_RE.finditer(d.text)
                ):
                    continue
                if any(ev[0].weekday() == _WEEKDAYS.index(day) for ev in related):
                    continue
                if any(ev[2] and ev[0].weekday() == _WEEKDAYS.index(day) for ev in events):
                    continue  # the notes date something else on that day ("moved to thurs 11/13")
                real = ", ".join(sorted({f"{ev[0]:%A %B} {ev[0].day}" for ev in related}))
                ids = [i for ev in related for i in ev[3]]
                out.append(self._finding("wrong_fact", s + t.start(), s + t.end(), f"the notes have {real}", ids))
        return out


def _overlap(a: set[str], b: set[str]) -> bool:
    """Whether two sets of stems share a word, shorthand included ("dept" and "department")."""
    return bool(a & b) or any(_shorthand(x, y) or _shorthand(y, x) for x in a for y in b if x[:1] == y[:1])
