"""Hardship in the notes (bereavement, illness, layoffs, a leave) and how long it lasts, as the notes say.

A hardship starts at the note that records it and lasts until the first of: an end date the note
gives ("on paternity leave till 14 dec", "de baja hasta el 20 de enero"), a later note that records
the client coming back ("she's back, wants to go ahead", "voltou", "de retour"), or, when the notes
say neither, `SENSITIVE_WINDOW` after the note. A deferral ("no decision before 15 jan") is read the
same way: a negated decision bounded by a date. The word classes are data (`data/sensitive.json`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.lexicon import _BAD_NEWS
from bot.guard.model import SENSITIVE_WINDOW
from bot.guard.text import _aware, _local_date, _norm
from bot.usecases.draft_context import DraftContext
from memory.dates import find_dates
from memory.lexicon import note_period

_DATA = Path(__file__).parent / "data" / "sensitive.json"


def word_class(words: list[str]) -> re.Pattern[str]:
    """One pattern for a closed class of words or phrases, whole words only (a space matches any whitespace)."""
    alts = sorted({re.escape(w.lower()).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(alts) + r")(?![\w'])")


@lru_cache(maxsize=1)
def lists() -> dict[str, Any]:
    """The data file's patterns and word classes, compiled."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    out: dict[str, Any] = {
        "bad": re.compile("|".join(f"(?:{row['pattern']})" for row in doc["bad_news"])),
        "asks": re.compile("|".join(f"(?:{row['pattern']})" for row in doc["business_asks"])),
        "promotion": re.compile(doc["promotion"]["pattern"]),
        "someone_else": re.compile(doc["third_party_subject"]["pattern"]),
        "months": doc["months"]["names"],
    }
    for key in (
        "bad_news_words",
        "leave_words",
        "back_words",
        "until_words",
        "urgency_words",
        "client_acts",
        "addressee_words",
        "negation_words",
        "before_words",
        "distress_words",
        "distress_subjects",
        "complaint_targets",
        "promotion_words",
        "leave_from_words",
    ):
        out[key] = word_class(doc[key]["words"])
    return out


def _bad_news(low: str) -> bool:
    """Whether a note records bad news (in English or in one of the other languages' closed class)."""
    found = lists()
    return bool(_BAD_NEWS.search(low) or found["bad"].search(low) or found["bad_news_words"].search(low))


DISTRESS_WINDOW = timedelta(
    days=14
)  # an upset or overwhelmed client: two weeks, the shortest gap read as letting one be


def _distress(low: str) -> bool:
    """Whether a note records the client's own distress ("she's devastated", "está agobiada"), not negated."""
    found = lists()
    for m in found["distress_words"].finditer(low):
        before = " ".join(low[max(0, m.start() - 20) : m.start()].split()[-2:])
        if re.search(r"\b(?:not|no|nao|não|pas|nicht|niet|non|isn't|wasn't|never)\b", before):
            continue
        # a person's state ("she's devastated"), never an adjective on a thing ("shaken glasses")
        lead = " ".join(low[max(0, m.start() - 30) : m.start()].split()[-3:])
        if not found["distress_subjects"].search(lead):
            continue
        rest = re.split(r"[.!?;\n]", low[m.end() :], maxsplit=1)[0]
        if found["complaint_targets"].search(rest):
            continue  # "upset about our late delivery": a complaint about us, not distress about their life
        return True
    return False


def _on_leave(low: str) -> bool:
    """Whether a note records the client on leave (parental, sick ...), in any of the languages."""
    return bool(lists()["leave_words"].search(low))


@dataclass(frozen=True)
class Hardship:
    """A hardship a note records: from `start` until `end` (exclusive); `leave` for a leave, not bad news."""

    note_id: str
    start: datetime
    end: datetime
    leave: bool
    returned: bool  # bad news whose time off the notes ended (a return, an end date): still recent news
    distress: bool = False  # the client's own distress ("devastated", "overwhelmed"): a shorter, less certain window


def date_after(low: str, pos: int, noted: date) -> date | None:
    """The date written right after `pos` ("14 dec", "20 de enero", "3 février", "15. Januar"), on or after `noted`."""
    window = low[pos : pos + 40]
    for d in find_dates(window):
        if d.start <= 4:
            return _next(noted, d.month, d.day, d.year)
    months = lists()["months"]
    m = re.match(
        r"\s*(?:el\s+|le\s+|o\s+|dem\s+|zum\s+)?(\d{1,2})(?:\.|º|er)?\s*(?:de\s+)?([a-zäéûç]+)\.?", window
    ) or re.match(r"\s*([a-zäéûç]+)\.?\s+(\d{1,2})\b", window)
    if not m:
        return None
    day_s, month_s = (m.group(1), m.group(2)) if m.group(1).isdigit() else (m.group(2), m.group(1))
    month = months.get(month_s)
    return _next(noted, month, int(day_s), None) if month else None


def _next(noted: date, month: int, day: int, year: int | None) -> date | None:
    """The date month/day of `year`, or its first occurrence on or after `noted` less a month."""
    try:
        when = date(year or noted.year, month, day)
    except ValueError:
        return None
    if year is None and when < noted - timedelta(days=31):
        when = when.replace(year=when.year + 1)
    return when


def _end_date(low: str, noted: date) -> date | None:
    """The end the note gives ("till 14 dec", "hasta el 20 de enero"), if any."""
    for m in lists()["until_words"].finditer(low):
        when = date_after(low, m.end(), noted)
        if when is not None:
            return when
    return None


def _start_date(low: str, noted: date) -> date | None:
    """The start a note gives a leave ("from 1 dec", "a partir del 3 de marzo"), if after the note's day."""
    for m in lists()["leave_from_words"].finditer(low):
        when = date_after(low, m.end(), noted)
        if when is not None and when > noted:
            return when
    return None


def _at(day: date, ref: datetime) -> datetime:
    """Midnight starting `day` in `ref`'s zone."""
    return datetime(day.year, day.month, day.day, tzinfo=ref.tzinfo)


def hardships(ctx: DraftContext) -> tuple[Hardship, ...]:
    """Every hardship the notes record, with the end the notes give it."""
    now, found = ctx.now, lists()
    notes = sorted(ctx.notes, key=lambda n: _aware(n.occurred_at, now).timestamp())
    out = []
    for i, n in enumerate(notes):
        low = _norm(n.text)
        bad, leave = _bad_news(low), _on_leave(low)
        distress = not bad and not leave and _distress(low)
        if not bad and not leave and not distress:
            continue
        start = _aware(n.occurred_at, now)
        noted = _local_date(n.occurred_at, now.tzinfo)
        end, returned = start + (DISTRESS_WINDOW if distress else SENSITIVE_WINDOW), False
        period = note_period(low, noted) if leave and not bad else None
        stated = _end_date(low, noted)
        if period is not None:  # "on leave 14-28 dec": the leave has its own start and end
            start, end = _at(period[0], now), _at(period[1], now)
        elif stated is not None:
            end, returned = _at(stated, now), bad  # "off till 16 nov": bad news is still recent after it
        begins = _start_date(low, noted) if leave and not bad and period is None else None
        if begins is not None:  # "on leave from 1 dec": the leave begins then
            start = _at(begins, now)
            end = end if stated is not None and end > start else start + SENSITIVE_WINDOW
        for later in notes[i + 1 :]:
            when = _aware(later.occurred_at, now)
            if when < end and found["back_words"].search(_norm(later.text)) and not _bad_news(_norm(later.text)):
                end, returned = when, True
                break
        out.append(Hardship(n.id, start, end, leave and not bad, returned, distress))
    return tuple(out)


def active_hardships(ctx: DraftContext) -> tuple[Hardship, ...]:
    """The hardships under way at `ctx.now`."""
    now = ctx.now
    return tuple(h for h in hardships(ctx) if h.start <= now < h.end)


def sensitive_note_ids(ctx: DraftContext) -> tuple[str, ...]:
    """Ids of the notes of bad news under way (bereavement, illness, layoffs): no sales pitch now, condolences."""
    return tuple(h.note_id for h in active_hardships(ctx) if not h.leave)


@dataclass(frozen=True)
class Deferral:
    """A note that puts the client's decision off to a date ("no decision before 15 jan")."""

    note_id: str
    start: datetime
    until: datetime
    phrase: str


def deferrals(ctx: DraftContext) -> tuple[Deferral, ...]:
    """Each note's negated decision bounded by a date, in any of the languages."""
    found, now, out = lists(), ctx.now, []
    for n in ctx.notes:
        low = _norm(n.text)
        for b in found["before_words"].finditer(low):
            clause_start = max(low.rfind(c, 0, b.start()) for c in ".;,\n") + 1
            head = low[clause_start : b.start()]
            if not (found["negation_words"].search(head) and found["client_acts"].search(head)):
                continue
            noted = _local_date(n.occurred_at, now.tzinfo)
            when = date_after(low, b.end(), noted)
            if when is not None:
                phrase = low[clause_start : b.end() + 12].strip()
                out.append(Deferral(n.id, _aware(n.occurred_at, now), _at(when, now), phrase))
    return tuple(out)
