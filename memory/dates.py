"""Resolve the date phrases salespeople write, against the time a note was taken.

Stdlib only (datetime, calendar, re). Everything works on the *local date* of the
reference time `at` (``at.date()`` in at's own time zone), so daylight-saving changes and
the hour of day never move a result.

Conventions for due dates (`resolve_due`):

==========================================  ==============================================
phrase                                      resolves to
==========================================  ==============================================
today, tonight, this afternoon, EOD, COB,   the note's date
ASAP, later today
tomorrow (morning, first thing ...)         the next day; "day after tomorrow" +2
Friday / by Friday / on Fri / until Fri     the next Friday strictly after today (on a
                                            Friday, "by Friday" is a week away)
this Friday / coming Friday                 the Friday on or after today
next Monday                                 the Monday of next calendar week (weeks start
                                            on Monday); on a Saturday that is 2 days away
this week, end of (the) week, EOW           the Friday on or after today (the next Friday
                                            at a weekend)
next week                                   Friday of next calendar week (a business due
                                            date: "some time next week" is done by then)
end of (the) month, EOM                     the last day of this month
end of next month                           the last day of next month
next month                                  the first day of next month
end of (the) quarter, EOQ                   the last day of this calendar quarter
end of (the) year, EOY                      31 December
in 3 days, within two weeks, in a month,    today plus that many days / weeks / months
3 days from now, in a fortnight             (months clamp to the month's last day)
3 Dec, December 3, Dec 3rd, 3rd of Dec      that date; a date without a year that has
12/03 (US month/day), 12/03/2025,           already passed this year rolls to next year;
2025-12-03                                  "25/12" (impossible as m/d) is read as d/m
==========================================  ==============================================

When several phrases occur, the one that starts first in the text wins.
Personal dates (`parse_personal_date`) keep the year when one is given and never roll.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import NamedTuple

from memory.fold import fold
from memory.lexicon import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "PersonalDateMatch",
    "find_dates",
    "find_personal_date",
    "format_due",
    "is_english_month_word",
    "next_occurrence",
    "number_value",
    "parse_personal_date",
    "resolve_due",
]

# Full weekday names may stand alone ("Friday"); abbreviations need a lead word ("by Thu"). The words: memory/lexicon.py.
_WEEKDAY_ABBREVIATIONS = WEEKDAY_ABBREVIATIONS

_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
_NUMBER = (
    r"(?:\d{1,3}|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|an?|"
    + "|".join(w for w in _NUMBER_WORDS if " " not in w and w not in ("a", "an", "few"))
    + ")"
)

_MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_ABBR_WEEKDAY = r"(?:" + "|".join(sorted(_WEEKDAY_ABBREVIATIONS, key=len, reverse=True)) + r")\.?"
_ORDINAL_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"

_B = r"(?<![\w/.-])"  # left boundary: not inside a word, a number or a path
_E = r"(?![\w/-]|\.\d)"  # right boundary
_E_RANGE = r"(?![\w/]|\.\d|-\d+-)"  # right boundary of a month-day date: a dash may start a range


def number_value(word: str) -> int | None:
    """'3' -> 3, 'two' -> 2, 'a couple of' -> 2, 'a' -> 1; None if not a number."""
    cleaned = " ".join(fold(word).split())
    # isdecimal, not isdigit: "²" is a digit int() refuses; past 18 digits it is no count of anything.
    if cleaned.isdecimal() and len(cleaned) <= 18:
        return int(cleaned)
    return _NUMBER_WORDS.get(cleaned)


# --- explicit dates --------------------------------------------------------------------------

_ISO_RE = re.compile(_B + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _E)
_SLASH_RE = re.compile(_B + r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?" + _E)
_DAY_MONTH_RE = re.compile(
    r"\b" + _ORDINAL_DAY.format(name="d") + r"(?:\s+of)?\s+(?P<mon>" + _MONTH_NAME + r")(?:,?\s+(?P<y>\d{4}))?" + _E,
    re.IGNORECASE,
)
_MONTH_DAY_RE = re.compile(  # "Dec 17-Dec 19", "Dec 12-15": a range's first date ends at its dash
    r"\b(?P<mon>"
    + _MONTH_NAME
    + r")\s+(?:the\s+)?"
    + _ORDINAL_DAY.format(name="d")
    + r"(?:,?\s+(?P<y>\d{4}))?"
    + _E_RANGE,
    re.IGNORECASE,
)


class PersonalDateMatch(NamedTuple):
    """A calendar date found in text: year may be None; start/end are the span in the text."""

    year: int | None
    month: int
    day: int
    start: int
    end: int


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        # 29 February is a real (yearly) date even without a year.
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    if not 1 <= year <= 9999:
        return False
    return day <= calendar.monthrange(year, month)[1]


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    if len(text) == 2:
        # Two-digit years: 00-39 -> 2000s, 40-99 -> 1900s (birth years are usually the 1900s).
        value += 2000 if value < 40 else 1900
    return value


def _explicit_dates(text: str) -> list[PersonalDateMatch]:
    """Every explicit calendar date in `text`, in text order, overlaps removed."""
    found: list[PersonalDateMatch] = []
    for m in _ISO_RE.finditer(text):
        iso_year, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(iso_year, mo, d):
            found.append(PersonalDateMatch(iso_year, mo, d, m.start(), m.end()))
    for m in _SLASH_RE.finditer(text):
        if m.group(0) == "24/7":  # "24/7 support" is not 24 July
            continue
        if not m["y"] and _is_fraction(text, m):
            continue  # "1/2 size", "a 3/4 violin", "4/4 scale": a fraction, not a day
        a, b, y = int(m["a"]), int(m["b"]), _year(m["y"])
        if _valid(y, a, b):  # US month/day first
            found.append(PersonalDateMatch(y, a, b, m.start(), m.end()))
        elif _valid(y, b, a):  # day/month when month/day is impossible ("25/12")
            found.append(PersonalDateMatch(y, b, a, m.start(), m.end()))
    for regex in (_DAY_MONTH_RE, _MONTH_DAY_RE):
        for m in regex.finditer(text):
            month = MONTHS[fold(m["mon"]).rstrip(".")]
            day, y = int(m["d"]), _year(m["y"])
            if _month_word_is_real(text, m, m["mon"]) and _valid(y, month, day):
                found.append(PersonalDateMatch(y, month, day, m.start(), m.end()))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[PersonalDateMatch] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def _is_fraction(text: str, m: re.Match[str]) -> bool:
    """Whether 'n/m' (no year) is a fraction: a measure follows it or an article/size word leads it."""
    lists = _month_word_lists()
    lead = _LAST_WORD.search(text[: m.start()].rstrip()[-40:])
    lead_word = fold(lead.group(0)) if lead is not None else ""
    # "on 5/6 in the morning", "friday 3/4": a date's own lead word wins over whatever follows
    if lead_word in lists.before_date or lead_word in WEEKDAYS:
        return False
    nxt = _NEXT_WHOLE_WORD.match(text[m.end() :].lstrip("-"))
    if nxt is not None and fold(nxt["w"]) in lists.fraction_after:
        return True
    return lead_word in lists.fraction_before


class _MonthWordLists(NamedTuple):
    english: frozenset[str]  # month names that are also English words
    follows_date: frozenset[str]  # words after "may 3" that are not a thing the number counts
    counted: frozenset[str]  # plurals without -s, and "of", that make the number before them a count
    complements: dict[str, frozenset[str]]  # per month word: what follows the verb itself ("5 may be late")
    between: frozenset[str]  # "12 may not fit": skipped between "may" and its verb
    before_date: frozenset[str]  # words before "14 may" that make it a date whatever follows
    subjects: frozenset[str]  # subject pronouns: "I may 1 day visit" is the verb
    fraction_after: frozenset[str]  # "1/2 size", "3/4 inch": the measure makes "n/m" a fraction
    fraction_before: frozenset[str]  # "a 3/4 violin", "size 1/2": the lead word makes "n/m" a fraction


@cache
def _month_word_lists() -> _MonthWordLists:
    """The word lists that tell 'may'/'march' the month from the word (memory/data/time_words.json)."""
    raw = json.loads((resources.files("memory") / "data" / "time_words.json").read_text(encoding="utf-8"))
    keys = ("month_words_also_english", "after_a_date", "counted_plurals")
    english, follows, counted = (frozenset(raw[key]["words"]) for key in keys)
    complements = {word: frozenset(after) for word, after in raw["month_word_complements"]["words"].items()}
    between = frozenset(raw["between_modal_and_verb"]["words"])
    before = frozenset(raw["before_a_date"]["words"])
    subjects = frozenset(raw["subject_pronouns"]["words"])
    after_fraction = frozenset(raw["fraction_after"]["words"])
    before_fraction = frozenset(raw["fraction_before"]["words"])
    return _MonthWordLists(
        english, follows, counted, complements, between, before, subjects, after_fraction, before_fraction
    )


def is_english_month_word(word: str) -> bool:
    """True for a month name that is also an English word in lower case ('may', 'march', 'mar')."""
    return fold(word).rstrip(".") in _month_word_lists().english


_NEXT_WORD = re.compile(r"\s*(?P<w>[^\W\d_]+)")
_NEXT_WHOLE_WORD = re.compile(r"\s*(?P<w>[^\W\d_]+)(?![\w-])")  # "in-store" is not "in"
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_OR_ANOTHER = re.compile(r"^\s*(?:or|to)\s+\d+\b")


def _counts_a_thing(after: str) -> bool:
    """'may 3 people', 'march 20 miles', 'may 3 of us', 'up 20%': the number before `after` is a count, not a day."""
    if after.startswith("%"):
        return True
    nxt = _NEXT_WORD.match(_OR_ANOTHER.sub("", after, count=1))  # "may 1 or 2 of us": the second number counts too
    if nxt is None:
        return False
    word = nxt["w"]
    lists, lowered = _month_word_lists(), fold(word)
    if not word.islower() or lowered in lists.follows_date:
        return False
    plural = len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))
    return plural or lowered in lists.counted


def _month_word_is_real(text: str, m: re.Match[str], word: str) -> bool:
    """'May' and 'march' are also words: 'may 14' / '14 may' are dates, 'may 3 people' / '5 may be late' not.

    A lower-case month word that is also English is the month beside a day number, in either order, unless
    the tokens around say otherwise: a subject pronoun before it ("I may 1 day visit"); after "may 3" a
    counted plural ("people", "miles", "of us", "or 2 of us"); after "14 may" the verb's own complement, a
    verb in base form ("the 5 may be late") or a particle ("3 march in"), unless a date word leads the number
    ("on 14 may visit the site"). A noun after "14 may" ("viewing", "wedding") leaves the month. A year or an
    ordinal ("may 3rd", "3rd of may") settles it.
    """
    if not is_english_month_word(word) or word[0].isupper():
        return True
    if m["y"] or re.search(r"(?:st|nd|rd|th|\bof)\b", m.group(0), re.IGNORECASE):
        return True
    lists, after = _month_word_lists(), text[m.end() :]
    before = text[: m.start()].rstrip()
    lead = _LAST_WORD.search(before[-40:]) if before and before[-1] not in ".,;:!?()\n-" else None
    if m.re is _MONTH_DAY_RE:
        if lead is not None and fold(lead.group(0)) in lists.subjects:
            return False  # "I may 1 day visit", "she may 2x the order"
        return not _counts_a_thing(after)
    nxt = _NEXT_WORD.match(after)
    if nxt is not None and fold(nxt["w"]) in lists.between:  # "12 may not fit": the word after decides
        nxt = _NEXT_WORD.match(after, nxt.end())
    if nxt is None or not nxt["w"].islower():
        return True
    if fold(nxt["w"]) not in lists.complements.get(fold(word).rstrip("."), frozenset()):
        return True  # a noun or a date's own word follows: "14 may viewing", "3 march handover"
    # "5 may be late", "room for 12 may be tight": a date only when a date word leads ("on 14 may visit")
    return lead is not None and fold(lead.group(0)) in lists.before_date


def find_dates(text: str) -> list[PersonalDateMatch]:
    """Every explicit calendar date in `text` with its span, in text order (no overlaps)."""
    return _explicit_dates(text)


def find_personal_date(text: str) -> PersonalDateMatch | None:
    """The first explicit calendar date in `text` (with its span), or None."""
    dates = _explicit_dates(text)
    return dates[0] if dates else None


def parse_personal_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first calendar date in `text`.

    Understands "March 14", "14 March 1985", "14th of March", "March 14th, 1985", "3/14",
    "3/14/85", "14/3" (day/month when month/day is impossible), "1985-03-14".
    29 February without a year is accepted; with a year it must be a leap year.
    """
    found = find_personal_date(text)
    return None if found is None else (found.year, found.month, found.day)


def next_occurrence(month: int, day: int, today: date) -> date:
    """The next yearly occurrence of month/day on or after `today`.

    29 February falls on 28 February in non-leap years. Raises ValueError for a month/day
    that never exists (e.g. 31 April).
    """
    if not _valid(None, month, day):
        raise ValueError(f"no such day: {month}/{day}")
    for year in (today.year, today.year + 1, today.year + 2):
        candidate = _yearly(year, month, day)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover - a year always has the day


def _yearly(year: int, month: int, day: int) -> date:
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


# --- relative phrases ------------------------------------------------------------------------


_Resolver = Callable[[re.Match[str], date], date | None]


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _end_of_month(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _weekday_number(word: str) -> int:
    word = fold(word).rstrip(".")
    return WEEKDAYS.get(word, _WEEKDAY_ABBREVIATIONS.get(word, 0))


def _on_or_after(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _strictly_after(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


def _next_week(today: date, weekday: int) -> date:
    monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
    return monday + timedelta(days=weekday)


_LEAD = r"(?:by|on|before|until|till|til|due|for|no\s+later\s+than)"
_ANY_WEEKDAY = r"(?P<wd>" + _FULL_WEEKDAY + "|" + _ABBR_WEEKDAY + r")(?!\w)"

# (pattern, resolver, is_weekday): a weekday phrase right before an explicit date
# ("Friday 5 Dec") yields to the date.
_RELATIVE_RULES: list[tuple[str, _Resolver, bool]] = [
    (r"\b(?:the\s+)?day\s+after\s+tomorrow\b", lambda m, t: t + timedelta(days=2), False),
    # "by the 18th", "till the 20th": that day of this month, or of next month once it has passed
    (
        r"\b(?:by|on|before|until|till|til|for|after|from)\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b",
        lambda m, t: _day_of_month(t, int(m["d"])),
        False,
    ),
    # "delivery before xmas", "the week of christmas"
    (r"\b(?:xmas|x-mas|christmas)\b", lambda m, t: next_occurrence(12, 25, t), False),
    # "eod tomorrow": the end of tomorrow, not of today (the earliest phrase wins, so it starts at "eod")
    (
        r"\b(?:(?:eod|cob|end\s+of\s+(?:the\s+)?day)\s+)?(?:tomorrow|tmrw|tmr|tomorow|2moro)\b",
        lambda m, t: t + timedelta(days=1),
        False,
    ),
    (
        r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|later\s+today|end\s+of\s+(?:the\s+)?day"
        r"|eod|cob|close\s+of\s+business|asap|as\s+soon\s+as\s+possible)\b",
        lambda m, t: t,
        False,
    ),
    (
        r"\bend\s+of\s+next\s+month\b",
        lambda m, t: _end_of_month(_add_months(t.replace(day=1), 1)),
        False,
    ),
    (
        r"\b(?:end\s+of\s+(?:the\s+|this\s+)?month|eom|month[\s-]end)\b",
        lambda m, t: _end_of_month(t),
        False,
    ),
    (
        r"\b(?:end\s+of\s+(?:the\s+|this\s+)?quarter|eoq|quarter[\s-]end)\b",
        lambda m, t: _end_of_month(date(t.year, (t.month - 1) // 3 * 3 + 3, 1)),
        False,
    ),
    (
        r"\b(?:end\s+of\s+(?:the\s+|this\s+)?year|eoy|year[\s-]end)\b",
        lambda m, t: date(t.year, 12, 31),
        False,
    ),
    (
        r"\b(?:end\s+of\s+next\s+week|next\s+week|the\s+following\s+week)\b",
        lambda m, t: _next_week(t, 4),
        False,
    ),
    (
        r"\b(?:end\s+of\s+(?:the\s+|this\s+)?week|eow|this\s+week|(?:by|before)\s+the\s+weekend)\b",
        lambda m, t: _on_or_after(t, 4),
        False,
    ),
    (r"\b(?:this|the|over\s+the)\s+weekend\b", lambda m, t: _on_or_after(t, 5), False),
    (
        r"\b(?:next\s+month|(?:the\s+)?start\s+of\s+next\s+month|early\s+next\s+month)\b",
        lambda m, t: _add_months(t.replace(day=1), 1),
        False,
    ),
    (
        r"\b(?:in|within|inside(?:\s+of)?)\s+(?:the\s+next\s+)?(?P<n>" + _NUMBER + r")\s+"
        r"(?P<unit>days?|weeks?|months?|business\s+days?|working\s+days?)\b",
        lambda m, t: _offset(t, m["n"], m["unit"]),
        False,
    ),
    (
        r"\b(?P<n>" + _NUMBER + r")\s+(?P<unit>days?|weeks?|months?)\s+from\s+(?:now|today)\b",
        lambda m, t: _offset(t, m["n"], m["unit"]),
        False,
    ),
    (r"\b(?:in|within)\s+a\s+fortnight\b", lambda m, t: t + timedelta(days=14), False),
    # Weekdays: "next Monday" (next calendar week), "this Thursday" (on/after today),
    # "by Friday" / "Friday" (strictly after today). Plurals ("on Fridays") are habits, not dates.
    (r"\bnext\s+" + _ANY_WEEKDAY, lambda m, t: _next_week(t, _weekday_number(m["wd"])), True),
    (
        r"\b(?:this(?:\s+coming)?|coming)\s+" + _ANY_WEEKDAY,
        lambda m, t: _on_or_after(t, _weekday_number(m["wd"])),
        True,
    ),
    (
        r"\b" + _LEAD + r"\s+(?P<wd>" + _ABBR_WEEKDAY + r")(?!\w)",
        lambda m, t: _strictly_after(t, _weekday_number(m["wd"])),
        True,
    ),
    (  # capitalised, unambiguous abbreviations may stand alone: "Thurs", "Fri"
        r"\b(?-i:(?P<wd>Tues?|Thu(?:rs?)?|Fri))\.?(?!\w)",
        lambda m, t: _strictly_after(t, _weekday_number(m["wd"])),
        True,
    ),
    (
        r"\b(?P<wd>" + _FULL_WEEKDAY + r")(?![\w'])",
        lambda m, t: _strictly_after(t, _weekday_number(m["wd"])),
        True,
    ),
]

_RELATIVE: list[tuple[re.Pattern[str], _Resolver, bool]] = [
    (re.compile(pattern, re.IGNORECASE), resolver, weekday) for pattern, resolver, weekday in _RELATIVE_RULES
]


def _day_of_month(today: date, day: int) -> date | None:
    """The next `day` of a month on or after today (None when no month has it, e.g. the 32nd)."""
    for months in range(3):
        first = _add_months(today.replace(day=1), months)
        if day <= calendar.monthrange(first.year, first.month)[1] and first.replace(day=day) >= today:
            return first.replace(day=day)
    return None


def _offset(today: date, amount: str, unit: str) -> date | None:
    n = number_value(amount)
    if n is None:
        return None
    unit = unit.lower()
    if unit.startswith(("business", "working")):
        day = today
        while n > 0:
            day += timedelta(days=1)
            if day.weekday() < 5:
                n -= 1
        return day
    if unit.startswith("day"):
        return today + timedelta(days=n)
    if unit.startswith("week"):
        return today + timedelta(weeks=n)
    return _add_months(today, n)


def _local_date(at: datetime | date) -> date:
    return at.date() if isinstance(at, datetime) else at


def resolve_due(text: str, at: datetime | date) -> date | None:
    """The due date named in free text, resolved against `at` (its local date); None if none.

    See the module docstring for the conventions ("by Friday" on a Friday is a week away,
    "next week" is next week's Friday, explicit dates without a year roll forward once they
    have passed). When several phrases occur the earliest in the text wins, except that a
    weekday directly followed by an explicit date ("Fri 5 Dec") yields to the date.
    Never raises on arbitrary text.
    """
    today = _local_date(at)
    candidates: list[tuple[int, int, date]] = []  # (start, -length, date)
    explicit = _explicit_dates(text)
    for found in explicit:
        resolved = _explicit_due(found, today)
        if resolved is not None:
            candidates.append((found.start, -(found.end - found.start), resolved))
    for regex, resolver, is_weekday in _RELATIVE:
        for m in regex.finditer(text):
            if is_weekday and any(0 <= f.start - m.end() <= 3 for f in explicit):
                continue
            try:
                resolved = resolver(m, today)
            except (ValueError, OverflowError):
                continue
            if resolved is not None:
                candidates.append((m.start(), -(m.end() - m.start()), resolved))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2]


def _explicit_due(found: PersonalDateMatch, today: date) -> date | None:
    if found.year is not None:
        return date(found.year, found.month, found.day)
    return next_occurrence(found.month, found.day, today)


def format_due(day: date) -> str:
    """'Thu 3 Dec' — the short form used in fact texts."""
    return f"{day:%a} {day.day} {day:%b}"
