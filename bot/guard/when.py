"""Time expressions: "last Tuesday", "March 5", "two weeks ago", weekdays in notes, calendar helpers."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from memory.dates import find_dates, is_english_month_word, parse_personal_date
from memory.lexicon import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

# Months and weekdays are memory's (memory/data/calendar_words.json), written once for both layers.
_WEEKDAYS = tuple(sorted(WEEKDAYS, key=WEEKDAYS.__getitem__))
_MONTHS = MONTHS
# longest first, so "march" is never read as "mar" + "ch", as the full names before the abbreviations did
_MONTH_RX = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
_DAY_RX = r"\d{1,2}(?:st|nd|rd|th)?"
# US-style numeric dates as busy people type them: "3/14", "10/17/2026" (not "24/7", not "1/2 price").
_NUMDATE_RX = (
    r"(?<![\d/.$])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:\d{4}|\d{2}))?(?![\d/])(?! (?:price|off|sleeve))"
)
_NUMWORD = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "a few": 3,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
    "several": 4,
    "few": 3,
}
_TIME_RE_RAW = re.compile(
    r"\b(?:"
    rf"(?P<md>{_MONTH_RX}\s+{_DAY_RX}\b|{_DAY_RX}\s+(?:of\s+)?{_MONTH_RX}|{_NUMDATE_RX})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|(?P<wd>(?:last |this past |past |on |this )?(?:{'|'.join(_WEEKDAYS)})(?:'s)?)"
    rf"|(?P<mon>(?:in |last |this past |back in )(?:{_MONTH_RX}))"
    r"|(?P<rel>yesterday|today|tonight|this morning|this afternoon|this evening|earlier today|last night"
    r"|last week|this week|earlier this week|last month|this month|earlier this month|last year"
    r"|recently|the other day|lately)"
    r"|(?P<ago>(?:a|an|one|two|three|four|five|six|a few|a couple of|a couple|couple of|several|\d+)"
    r" (?P<unit>days?|weeks?|months?|years?) ago)"
    r")(?![a-z])"
)


class _TimeExpressions:
    """`_TIME_RE_RAW` less a month word that is a verb there: "all 14 may join", "those 3 march in" are no dates.

    Whether 'may' / 'march' beside a number is the month is decided as the extractor decides it
    (`memory.dates.find_dates`: the word after it, the word before the number), so the guard and the
    notes' facts read a date the same way.
    """

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Every time expression of `text[pos:endpos]`, as `re.finditer` yields them."""
        for m in self.rx.finditer(text, pos, endpos):
            if m.group("md") and _month_word_is_verb(text, m):
                continue
            yield m


def _month_word_is_verb(text: str, m: re.Match[str]) -> bool:
    """Whether the English month word of a day-and-month match is the verb ("14 may join", "12 may not fit")."""
    if not any(is_english_month_word(w) for w in re.findall(r"[a-z]+\.?", m.group(0).casefold())):
        return False
    lo, hi = max(0, m.start() - 40), min(len(text), m.end() + 40)
    window = text[lo:hi]
    return not any(
        d.start <= m.start("md") - lo < d.end or d.start < m.end("md") - lo <= d.end for d in find_dates(window)
    )


_TIME_RE = _TimeExpressions(_TIME_RE_RAW)
_WD_ABBR = {**WEEKDAYS, **WEEKDAY_ABBREVIATIONS}
# A weekday in a note, full or abbreviated; the short forms that are also words ("sat down", "wed",
# "sun") count only when they stand alone (end of a clause, or before a date or a time).
_NOTE_WD_RE = re.compile(
    rf"\b(?P<wd>{'|'.join(sorted(_WD_ABBR, key=len, reverse=True))})\b"
    r"(?=\s*(?:[.,;:!?)\n]|$|-|\d|w/|(?:am|pm|morning|afternoon|eve(?:ning)?|night|lunch|at \d)\b))"
)
_NOTE_FUTURE_RE = re.compile(r"\b(?:next|coming|set for|scheduled|booked|til|till|until|by|due|before|this coming)\s+$")


def _note_day_refs(low: str, noted: date) -> list[tuple[date, int]]:
    """Days a note names by weekday ("came in sat", "call tues"), resolved against the day it was written.

    A weekday after "next", "by", "set for" is the coming one; otherwise the most recent one (a note
    usually records what happened). Returns (date, offset in the note).
    """
    out = []
    for m in _NOTE_WD_RE.finditer(low):
        wd = _WD_ABBR[m.group("wd")]
        if re.match(rf"[\s,]*(?:{_NUMDATE_RX}|{_MONTH_RX}\s+\d)", low[m.end() : m.end() + 12]):
            continue  # "tues 11/11": the date says which Tuesday
        if _NOTE_FUTURE_RE.search(low[max(0, m.start() - 14) : m.start()]):
            ahead = (wd - noted.weekday()) % 7 or 7
            out.append((noted + timedelta(days=ahead), m.start()))
        else:
            out.append((noted - timedelta(days=(noted.weekday() - wd) % 7), m.start()))
    return out


@dataclass(frozen=True)
class _When:
    """A time expression resolved against today: a window of dates and optional calendar parts."""

    lo: date
    hi: date
    weekday: int | None = None
    month: int | None = None
    day: int | None = None

    def ok(self, d: date) -> bool:
        """Whether a note dated `d` fits this expression."""
        if not (self.lo <= d <= self.hi):
            return False
        if self.weekday is not None and d.weekday() != self.weekday:
            return False
        if self.month is not None and d.month != self.month:
            return False
        return self.day is None or abs(d.day - self.day) <= 1


def _month_day(expr: str) -> tuple[int, int] | None:
    """(month, day) of the first calendar date in `expr`, read by memory's one date parser."""
    found = parse_personal_date(expr)
    return None if found is None else (found[1], found[2])


def _past_when(m: re.Match[str], today: date) -> _When | None:
    """Resolve a past-tense time expression (a claim about what already happened)."""
    d = timedelta
    if m.group("md") or m.group("iso"):
        md = _month_day(m.group(0))
        if md is None:
            return None
        return _When(today - d(400), today + d(1), month=md[0], day=md[1])
    if m.group("wd"):
        name = next(w for w in _WEEKDAYS if w in m.group("wd"))
        return _When(today - d(13), today, weekday=_WEEKDAYS.index(name))
    if m.group("mon"):
        word = re.sub(r"[^a-z]", " ", m.group("mon")).split()[-1]
        return _When(today - d(400), today, month=_MONTHS[word])
    if m.group("ago"):
        return _ago_when(m.group("ago"), m.group("unit"), today)
    rel = m.group("rel")
    table = {
        "yesterday": (2, 0),
        "last night": (2, 0),
        "last week": (15, 1),
        "this week": (7, 0),
        "earlier this week": (7, 0),
        "last month": (70, 8),
        "this month": (31, 0),
        "earlier this month": (31, 0),
        "last year": (760, 20),
        "recently": (60, 0),
        "the other day": (21, 0),
        "lately": (60, 0),
    }
    far, near = table.get(rel, (1, 0))
    return _When(today - d(far), today - d(near))


def _ago_when(phrase: str, unit: str, today: date) -> _When:
    """Window for "three weeks ago", "a couple of days ago"."""
    head = phrase[: phrase.index(unit)].strip()
    n = int(head) if head.isdigit() else _NUMWORD.get(head, 2)
    days = {"d": 1, "w": 7, "m": 30, "y": 365}[unit[0]] * n
    slack = max(2, days // 3)
    return _When(today - timedelta(days + slack), today - timedelta(max(0, days - slack)))


def _ago(delta: timedelta) -> str:
    """'3 hours ago' style wording of a duration."""
    hours = int(delta.total_seconds() // 3600)
    return f"{hours} hours ago" if hours else "less than an hour ago"


def _iso_date(value: str) -> date | None:
    """A date from "1985-03-14", "--03-14" or "03-14" (year 2000 when unknown)."""
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(?:^|-)(\d{1,2})-(\d{1,2})$", value.strip())
    if m:
        return _safe_date(2000, int(m.group(1)), int(m.group(2)))
    md = _month_day(value)
    return _safe_date(2000, md[0], md[1]) if md else None


def _safe_date(y: int, m: int, d: int) -> date | None:
    """date(y, m, d) or None when invalid."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _days_to_anniversary(today: date, when: date) -> int:
    """Signed days from today to the nearest yearly recurrence of `when` (negative: it was days ago)."""
    best = None
    for y in (today.year - 1, today.year, today.year + 1):
        day = _safe_date(y, when.month, when.day) or date(y, when.month, 28)
        delta = (day - today).days
        if best is None or abs(delta) < abs(best):
            best = delta
    return best or 0
