"""Time in a search: does the query ask when, which period does it name, does a note tell a time.

Recall uses these to lift candidates, never to filter: a "when" question is answered by a line that
tells a time ("Nadia: 3 November", "Surgery went well" said the day of it), and a question anchored
in a period ("in August 2025", "spring 2026") by what was noted then. Word lists live in
memory/data/time_words.json with a reason per entry.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from memory.dates import MONTHS, find_dates, is_english_month_word


@cache
def _words() -> dict[str, Any]:
    raw = json.loads((resources.files("memory") / "data" / "time_words.json").read_text(encoding="utf-8"))
    return {key: value["words"] if isinstance(value, dict) else value for key, value in raw.items() if key[0] != "_"}


_YEAR = r"(?:19|20)\d\d"
# Beside a year a month name is the month in any case ("may 2025"); alone, "May" is the month and "may" the
# verb, so the names that are also English words are matched capitalised only (memory/dates.py decides them
# beside a day number).
_MONTH_RE = r"(?i:" + "|".join(sorted((n for n in calendar.month_name if n), key=len, reverse=True)) + r")"
_LONE_MONTH_RE = (
    r"(?i:"
    + "|".join(sorted((n for n in calendar.month_name if n and not is_english_month_word(n)), key=len, reverse=True))
    + r")|"
    + "|".join(n for n in calendar.month_name if n and is_english_month_word(n))
)


@cache
def _when_re() -> re.Pattern[str]:
    cues = sorted(_words()["asks_when"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


@cache
def _time_re() -> re.Pattern[str]:
    words = sorted(_words()["tells_time"], key=len, reverse=True)
    parts = [
        r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b",
        r"\b(?:" + _LONE_MONTH_RE + r")\b",  # "june", "May"; not the verb "may"
        r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?",
        r"\b(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)(?:day)?s?\b",
        r"\b[0-3]?\d(?:st|nd|rd|th)\b",  # the 8th, 22nd
        r"\b" + _YEAR + r"\b",
        r"\b\d{1,2}[.:]\d\d\s*(?:am|pm)?\b|\b\d{1,2}\s*(?:am|pm)\b",
        r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    ]
    return re.compile("|".join(parts))


@cache
def _over_time_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_words()["asks_over_time"]) + r")\b", re.IGNORECASE)


def asks_over_time(query: str) -> bool:
    """True when the query asks for several occasions of one topic: "How did the date change?", "list every"."""
    return bool(_over_time_re().search(query))


def asks_when(query: str) -> bool:
    """True when the query asks for a time: "When did ...", "On what day ...", "How long ago ..."."""
    return bool(_when_re().search(query))


def tells_time(text: str) -> bool:
    """True when a note states a time: a date, a month or weekday, "yesterday", "on the 8th", "3am"."""
    body = text.split(":", 1)[1] if re.match(r"^\s*[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}\s*:\s", text) else text
    # find_dates reads "may 14" / "14 may" beside a day number, and leaves the verb ("may 3 people")
    return bool(_time_re().search(body)) or bool(find_dates(body))


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_FULL_MONTH = re.compile(r"\b" + _MONTH_RE + r"\b")
_FOUR_DIGIT_YEAR = re.compile(r"\b" + _YEAR + r"\b")


def _day_with_year(query: str) -> tuple[date, int] | None:
    """The first "23 February 2026" / "February 23, 2026" in a query (memory.dates reads it) and where it starts."""
    for found in find_dates(query):
        said = query[found.start : found.end]
        if found.year is not None and _FULL_MONTH.search(said) and _FOUR_DIGIT_YEAR.search(said):
            return date(found.year, found.month, found.day), found.start
    return None


_MONTH_YEAR = re.compile(r"\b(" + _MONTH_RE + r")(?:\s+and\s+(" + _MONTH_RE + r"))?\s+(?:of\s+)?(" + _YEAR + r")\b")
_SEASON_YEAR = re.compile(
    r"\b(?:(early|late|mid)[- ]?)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(" + _YEAR + r")\b", re.I
)
_PART_YEAR = re.compile(r"\b(early|late|mid)[- ]?(" + _YEAR + r")\b", re.I)
_HOLIDAY_YEAR = re.compile(r"\b(christmas|easter|new year|hogmanay)\s+(" + _YEAR + r")\b", re.I)
_IN_YEAR = re.compile(r"\b(?:in|of|during|for)\s+(" + _YEAR + r")\b", re.I)
_BEFORE_AFTER = re.compile(r"\b(before|after)\s+(?:the\s+)?$", re.I)


def _month_span(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = ((h + l_ - 7 * m + 114) % 31) + 1
    return date(year, month, day)


def period(query: str) -> tuple[date, date] | None:
    """The period a query names with its year, widest reading, or None.

    "on 23 February 2026" -> that day; "the weekend before 15 September 2025" -> the fortnight before
    it; "in August 2025" / "June and July 2026" -> those months; "spring 2026", "late 2025",
    "Christmas 2025", "in 2026" -> their spans. A period without a year ("in August") is left alone:
    which August it means depends on when the question is asked.
    """
    found = _day_with_year(query)
    if found is not None:
        when, start = found
        lead = _BEFORE_AFTER.search(query[:start])
        if lead and lead.group(1).lower() == "before":
            return when - timedelta(days=14), when
        if lead:
            return when, when + timedelta(days=14)
        return when - timedelta(days=1), when + timedelta(days=1)
    m = _MONTH_YEAR.search(query)
    if m:
        first = MONTHS[m.group(1).casefold()]
        last = MONTHS[m.group(2).casefold()] if m.group(2) else first
        return _month_span(int(m.group(3)), min(first, last), max(first, last))
    m = _SEASON_YEAR.search(query)
    if m:
        part, season, year = (m.group(1) or "").lower(), m.group(2).lower(), int(m.group(3))
        if season == "winter":  # winter 2025: December 2025 to February 2026
            return date(year, 12, 1), date(year + 1, 2, calendar.monthrange(year + 1, 2)[1])
        first, last = _SEASONS[season]
        if part == "early":
            last = first
        elif part == "late":
            first = last
        return _month_span(year, first, last)
    m = _HOLIDAY_YEAR.search(query)
    if m:
        name, year = m.group(1).lower(), int(m.group(2))
        if name == "easter":
            sunday = _easter(year)
            return sunday - timedelta(days=7), sunday + timedelta(days=7)
        if name == "christmas":
            return date(year, 12, 15), date(year, 12, 31)
        return date(year, 12, 28), date(year + 1, 1, 3)  # new year / Hogmanay
    m = _PART_YEAR.search(query)
    if m:
        part, year = m.group(1).lower(), int(m.group(2))
        return _month_span(year, *{"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part])
    m = _IN_YEAR.search(query)
    if m:
        return _month_span(int(m.group(1)), 1, 12)
    return None
