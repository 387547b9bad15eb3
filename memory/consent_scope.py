"""Consent and pauses as facts with a scope, derived from a client's notes.

A note may limit contact in ways a consent fact (`memory.consent`) does not carry: an opt-out for a
period the note names elsewhere ("on leave from 2 nov, back 11 jan ... don't contact her during
leave", "closed 24-28 nov, no msgs those days"), a pause until the client comes back to us ("she'll be
in touch when things settle", "ping him after dec 7"), the hours a channel is closed ("no calls during
clinic hrs (8-5)", "reach her after 2pm only") and a cap on how often we write ("max one sms a week").
`contact_scopes(notes)` reads them once into `ContactScopes`, which the guard reads; it never re-reads
the note text for these. Word lists: `memory/data/consent_scope.json`, a reason per entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from memory.consent import channels_in, normal_channel
from memory.dates import find_dates, resolve_due
from memory.lexicon import MONTHS
from memory.records import Note

__all__ = ["ContactScope", "ContactScopes", "contact_limit", "contact_scopes", "note_period"]

_DATA = Path(__file__).parent / "data" / "consent_scope.json"
_SENTENCE = re.compile(r"[^.;!?\n]+")
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_RANGE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?![a-z])"
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–)\s*(?P<d4>\d{{1,2}})\b"
)
_PERIOD_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 91}
_ADVERB_PERIOD = {
    "daily": "day",
    "weekly": "week",
    "fortnightly": "fortnight",
    "monthly": "month",
    "quarterly": "quarter",
}
_NUMBERS = {"once": 1, "one": 1, "twice": 2, "two": 2, "three": 3, "four": 4}
# The channel a refusal or an hours limit names; a message of any kind ("no msgs then") is every channel.
_CHANNEL_OF = (
    (re.compile(r"call|ring|phon"), "phone"),
    (re.compile(r"e-?mail"), "email"),
    (re.compile(r"text|whatsapp"), "text"),
)


@dataclass(frozen=True)
class ContactScope:
    """One limit a note puts on contacting the client, with its scope.

    kind: "closed" (no contact on `channel` between `start` and `end`), "open" (a later opt-in to `topic` on
    `channel`, which ends an earlier closure of it), "pause" (let the client be:
    with topic "asks", only a message that asks or sells breaks it), "hours" (`channel` closed in the
    local hours `hours`), "limit" (at most `times` messages every `window_days` days).
    """

    kind: str
    source: str
    channel: str = "any"  # email | phone | text | any
    start: date | None = None
    end: date | None = None  # the first day it no longer holds; None: open-ended
    topic: str = ""
    hours: tuple[int, int] | None = None  # [from, to) local hours, 0-24
    times: int = 0
    window_days: int = 0
    open_ended: bool = False  # a pause with no stated end: `end` is a default, and a later note ends it

    def holds_on(self, day: date) -> bool:
        """Whether the scope's period covers `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def covers(self, channel: str) -> bool:
        """Whether the scope concerns a message on `channel`."""
        return self.channel in ("any", channel)


@dataclass(frozen=True)
class ContactScopes:
    """Every scope the notes state, each with the note it came from, oldest note first."""

    scopes: tuple[ContactScope, ...]
    periods: tuple[tuple[str, date, date], ...]  # (note id, first day, first day after) of an opt-out's period

    def period_of(self, note_id: str) -> tuple[date, date] | None:
        """The period a note's opt-out holds for, when the note names one; None otherwise."""
        return next(((s, e) for nid, s, e in self.periods if nid == note_id), None)

    def closed_on(self, day: date, channels: Iterable[str]) -> ContactScope | None:
        """The first period-scoped closure holding on `day` for one of `channels`."""
        wanted = tuple(channels)
        return next(
            (
                s
                for s in self.scopes
                if s.kind == "closed" and not s.topic and s.holds_on(day) and any(s.covers(c) for c in wanted)
            ),
            None,
        )

    def marketing_closed(self, channels: Iterable[str]) -> ContactScope | None:
        """The opt-out of marketing holding on one of `channels` (a direct message stays fine): the latest
        statement about marketing on a channel decides it, so a later opt-in ends an earlier opt-out."""
        for channel in channels:
            latest = next(
                (
                    s
                    for s in reversed(self.scopes)
                    if s.kind in ("closed", "open") and s.topic == "marketing" and s.covers(channel)
                ),
                None,
            )
            if latest is not None and latest.kind == "closed":
                return latest
        return None

    def pause_on(self, day: date, later_notes: dict[str, bool]) -> ContactScope | None:
        """The latest pause holding on `day`; an open-ended one ends when a later note exists (`later_notes`)."""
        pauses = [s for s in self.scopes if s.kind == "pause"]
        if not pauses:
            return None
        latest = pauses[-1]
        if latest.open_ended and later_notes.get(latest.source, False):
            return None
        return latest if latest.holds_on(day) else None

    def hours(self, channel: str) -> list[ContactScope]:
        """The hours limits on `channel` (and on every channel)."""
        return [s for s in self.scopes if s.kind == "hours" and s.covers(channel)]

    def limit(self) -> ContactScope | None:
        """The latest cap on how often we write."""
        return next((s for s in reversed(self.scopes) if s.kind == "limit"), None)


@cache
def _lists() -> dict[str, Any]:
    """The data file, patterns compiled."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    hours = doc["hours"]
    return {
        "cue": re.compile(doc["opt_out_cue"]["pattern"]),
        "ref": re.compile(doc["period_reference"]["pattern"]),
        "period": re.compile(doc["period_words"]["pattern"]),
        "back": re.compile(doc["back_words"]["pattern"]),
        "returns": re.compile(doc["client_returns"]["pattern"]),
        "after": re.compile(doc["pause_after"]["pattern"]),
        "contact_pause": re.compile(doc["pause_contact"]["pattern"]),
        "reminder_days": int(doc["reminder_days"]["days"]),
        "new_year": re.compile(doc["new_year"]["pattern"]),
        "between": re.compile(hours["closed_between"]),
        "before": re.compile(hours["closed_before"]),
        "only": re.compile(hours["only_after"]),
        "ok_after": re.compile(hours["ok_after"]),
        "limit": _limit_pattern(doc["limit"]),
        "marketing": re.compile(doc["marketing_cue"]["pattern"]),
        "marketing_in": re.compile(doc["marketing_opt_in"]["pattern"]),
        "open_days": int(doc["open_pause_days"]["days"]),
        "for_now": re.compile(doc["for_now"]["pattern"]),
    }


def _limit_pattern(row: dict[str, str]) -> re.Pattern[str]:
    """'max one email a week', 'one text a week max', 'fortnightly at most': one pattern, two word orders."""
    core = row["count"] + row["medium"] + row["per"]
    first = f"{row['before']}{core}"
    second = core.replace("?P<n>", "?P<n2>").replace("?P<per>", "?P<per2>") + row["after"]
    return re.compile(rf"{first}|\b{second}|{row['adverb']}")


def contact_limit(text: str) -> tuple[int, timedelta] | None:
    """The cap a note sets on messages to the client ("max one email a week" -> (1, 7 days)), or None."""
    m = _lists()["limit"].search(text.casefold())
    if m is None:
        return None
    adverb = m.group("adv") or m.group("adv2")
    if adverb:
        return 1, timedelta(days=_PERIOD_DAYS[_ADVERB_PERIOD[adverb]])
    word = m.group("n") or m.group("n2")
    times = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
    return max(1, times), timedelta(days=_PERIOD_DAYS[m.group("per") or m.group("per2")])


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dated(month: int, day: int, after: date) -> date | None:
    """The day `month`/`day` on or after about `after` (a date a month back is next year's)."""
    found = _day(after.year, month, day)
    if found is not None and found < after - timedelta(days=31):
        found = _day(after.year + 1, month, day)
    return found


def _sentence_period(sentence: str, noted: date) -> tuple[date, date] | None:
    """(first day, first day after) of a period one sentence names: a range of days, or two dates read as one."""
    m = _RANGE.search(sentence)
    if m:
        month = MONTHS[(m["m"] or m["m2"]).rstrip(".")]
        first = _dated(month, int(m["d1"] or m["d3"]), noted)
        last = _day(first.year, month, int(m["d2"] or m["d4"])) if first else None
        if first and last and last >= first:
            return first, last + timedelta(days=1)
    dates = find_dates(sentence)
    if not dates or not _lists()["period"].search(sentence):
        return None
    end_match = dates[-1]
    start = _dated(dates[0].month, dates[0].day, noted) if len(dates) > 1 else noted
    if start is None:
        return None
    last = _day(start.year, end_match.month, end_match.day)
    if last is not None and last < start:
        last = _day(start.year + 1, end_match.month, end_match.day)
    if last is None or (len(dates) == 1 and not _lists()["back"].search(sentence[: end_match.start])):
        return None  # one date and no 'until' before it: a day, not a period
    back = bool(_lists()["back"].search(sentence[: end_match.start]))
    return start, last if back else last + timedelta(days=1)


def note_period(text: str, noted: date) -> tuple[date, date] | None:
    """The first period a note names ("on leave from 2 nov, back 11 jan" -> 2 Nov to 11 Jan), or None."""
    for m in _SENTENCE.finditer(text.casefold()):
        found = _sentence_period(m.group(0), noted)
        if found is not None:
            return found
    return None


def _channel(word: str) -> str:
    return next((ch for rx, ch in _CHANNEL_OF if rx.search(word)), "any")


def _hour(value: str, suffix: str | None, pm_below: int = 8) -> int:
    """A clock hour, 0-24: 'pm' adds 12; with no suffix, an hour below `pm_below` is afternoon (office hours '9-5')."""
    hour = int(value) % 24
    if (suffix == "pm" and hour < 12) or (suffix is None and 0 < hour < pm_below):
        hour += 12
    return hour


def _hours(note_id: str, low: str) -> Iterable[ContactScope]:
    """The hours a note closes a channel in."""
    lists = _lists()
    for m in lists["between"].finditer(low):
        a = _hour(m["a"], m["ap"])
        b = _hour(m["b"], m["bp"])
        if b <= a:
            b = min(24, b + 12)
        if a < b:
            yield ContactScope("hours", note_id, _channel(m["ch"]), hours=(a, b))
    for m in lists["before"].finditer(low):
        h = _hour(m["h"], m["hp"])
        yield ContactScope("hours", note_id, _channel(m["ch"]), hours=(0, h) if m["dir"] == "before" else (h, 24))
    for m in [*lists["only"].finditer(low), *lists["ok_after"].finditer(low)]:
        h = _hour(m["h"], m["hp"])
        channel = _channel(m["ch"])  # "reach her after 2pm only": every channel
        yield ContactScope("hours", note_id, channel, hours=(0, h) if m["dir"] == "after" else (h, 24))


def _pause_end(rest: str, at: datetime) -> date | None:
    """The day a pause is over, from what follows its words ("after dec 7" -> 8 Dec, "in the new year")."""
    if _lists()["new_year"].search(rest):
        return date(at.year + 1, 1, 1)
    dates = find_dates(rest)
    if dates:
        day = _dated(dates[0].month, dates[0].day, at.date())
        return day + timedelta(days=1) if day else None
    due = resolve_due(rest, at) if re.search(r"\b(?:after|until|till|in|next)\b", rest) else None
    return due if due and due > at.date() else None


@lru_cache(maxsize=16384)  # every note is read at every check of its client
def note_scopes(note_id: str, text: str, at: datetime) -> tuple[tuple[ContactScope, ...], tuple[date, date] | None]:
    """The scopes one note states, and the period its opt-out holds for (None: no period)."""
    lists, low, noted = _lists(), text.casefold(), at.date()
    out: list[ContactScope] = []
    whole = note_period(low, noted)
    period = None
    for m in _SENTENCE.finditer(low):
        sentence = m.group(0)
        cue = lists["cue"].search(sentence)
        if cue:
            own = _sentence_period(sentence, noted)
            scoped = own or (whole if lists["ref"].search(sentence) else None)
            if scoped is None and lists["for_now"].search(sentence):  # temporary: until the end named, else a month
                end = _pause_end(low[m.start() + cue.end() :], at)
                scoped = (noted, end or noted + timedelta(days=lists["open_days"]))
            if scoped is not None:
                period = period or scoped
                out.append(ContactScope("closed", note_id, _channel(cue.group(0)), scoped[0], scoped[1]))
        pause = lists["returns"].search(sentence) or lists["contact_pause"].search(sentence)
        reminder = None if pause else lists["after"].search(sentence)
        if reminder is not None:
            end = _pause_end(low[m.start() + reminder.end() :], at)
            if reminder["not"] == "not before" or (end and end - noted >= timedelta(days=lists["reminder_days"])):
                pause = reminder  # "try him again after 20 march": a pause; "call him after lunch tomorrow": a reminder
        if pause and not any(
            s.kind == "pause" for s in out
        ):  # its end may be named later in the note ("pause everything ... back to us in the new year")
            end = _pause_end(low[m.start() + pause.end() :], at)
            if end and pause.group(0).endswith("before"):
                end -= timedelta(days=1)  # "not before 3 dec": open on the day named
            if end is None:  # "she's off till 16 nov ... dont contact her till she's back": the note's own end
                whole_end = _pause_end(low, at)
                end = whole_end if whole_end and whole_end > noted else None
            default = noted + timedelta(days=lists["open_days"])
            out.append(
                ContactScope("pause", note_id, start=noted, end=end or default, topic="asks", open_ended=not end)
            )
    for m in lists["marketing"].finditer(low):
        # every channel its phrase lists ("no marketing emails or texts"), up to a comma or a 'but'
        phrase = re.split(r"[,;.!?\n]|\bbut\b", low[m.start() :], maxsplit=1)[0]
        named = [normal_channel(c) or c for c in channels_in(phrase)] if m["ch"] else []
        for channel in dict.fromkeys(named or [_channel(m["ch"] or "")]):
            out.append(ContactScope("closed", note_id, channel, topic="marketing"))
    for m in _SENTENCE.finditer(low):
        opt_in = lists["marketing_in"].search(m.group(0))
        if opt_in:  # "happy to get our newsletter and offers by email again": marketing on email open again
            named = channels_in(m.group(0)[opt_in.start() :])
            out.append(
                ContactScope("open", note_id, normal_channel(named[0]) or "any" if named else "any", topic="marketing")
            )
    out += _hours(note_id, low)
    limit = contact_limit(low)
    if limit is not None:
        out.append(ContactScope("limit", note_id, times=limit[0], window_days=limit[1].days))
    return tuple(out), period


def contact_scopes(notes: Iterable[Note | tuple[str, str, datetime]]) -> ContactScopes:
    """The scopes of a client's notes (or (note id, text, time) triples), read in time order."""
    scopes: list[ContactScope] = []
    periods: list[tuple[str, date, date]] = []
    triples = [(n.id, n.text, n.occurred_at) if isinstance(n, Note) else n for n in notes]
    for nid, text, at in sorted(triples, key=lambda t: t[2].timestamp()):
        found, period = note_scopes(nid, text, at)
        scopes += found
        if period is not None:
            periods.append((nid, *period))
    return ContactScopes(tuple(scopes), tuple(periods))
