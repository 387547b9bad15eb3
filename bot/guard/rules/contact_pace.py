"""too_frequent from the notes: how many messages the salesperson logged, and a pause they noted.

Source: essay 001 (permission: never desperate) and DESIGN's guard table (too_frequent warns).
A note logs outreach in a salesperson's shorthand: "rang pat tues, wed, thurs and fri", "emailed lisa
x3 this week, texted her twice too", "emailed raj again today - 3rd email this week". `outreach_times`
counts every contact such a line stands for (the contact cap, `ContactCap`, reads it).
`ContactPace` warns while a note's own pause holds ("back off", "leave it a couple weeks", "give her
space til after 18 nov", "she'll ring you"): until the date it names, else for the length it names,
else for two weeks. Word lists: `data/contact_pace.json`, a reason per entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import _aware, _norm, _sentences
from bot.guard.when import _DAY_RX, _MONTH_RX, _MONTHS, _parse_md, _safe_date, note_period
from memory import ContactScopes, contact_scopes
from memory.dates import resolve_due
from memory.records import Note

_DATA = Path(__file__).parent.parent / "data" / "contact_pace.json"
_NUMBERS = {"once": 1, "one": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}  # fmt: skip
_SEGMENT_END = re.compile(r"[.;!?\n]")


@lru_cache(maxsize=1)
def _lists() -> dict[str, Any]:
    """The rule's data file, patterns compiled."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    verbs = "|".join(f"(?:{row['pattern']})" for row in doc["outreach_verbs"])
    return {
        "verb": re.compile(rf"(?<![\w'])(?:{verbs})(?![\w'])"),
        "subject": frozenset(doc["subject_words"]["words"]),
        "counts": [(re.compile(row["pattern"]), bool(row.get("next_to_verb"))) for row in doc["repeat_counts"]],
        "topic": frozenset(doc["subject_words"]["topic_words"]),
        "days": re.compile(doc["day_words"]["pattern"]),
        "pause": [re.compile(row["pattern"]) for row in doc["pause_cues"]],
        "lengths": [(re.compile(row["pattern"]), int(row["days"])) for row in doc["pause_lengths"]],
        "default_days": int(doc["default_pause_days"]["days"]),
        "asks": re.compile(doc["asks"]["pattern"]),
    }


def _by_salesperson(low: str, start: int) -> bool:
    """Whether the outreach verb at `start` has the salesperson as its subject (no other name before it)."""
    before = low[max(0, start - 24) : start]
    if not before.strip() or re.search(r"[,;:.!?(\n+&/]\s*$|\s-\s*$", before):
        return True
    words = re.findall(r"[\w'+&]+", before)
    return not words or words[-1] in _lists()["subject"]


def _count(segment: str) -> int:
    """How many contacts one logged verb stands for, from what follows it in its clause."""
    lists = _lists()
    for rx, next_to_verb in lists["counts"]:
        m = rx.search(segment)
        if m and next_to_verb and lists["topic"] & set(re.findall(r"[\w']+", segment[: m.start()])):
            continue  # "emailed raj re the bmw x3": the count is part of what the message was about
        if m:
            word = m.group("n")
            n = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
            return max(1, min(n, 10))
    days = {m.group(0) for m in lists["days"].finditer(segment)}
    return max(1, len(days))


@lru_cache(maxsize=16384)  # every note is counted at every check
def outreach_count(text: str) -> int:
    """How many messages or calls by the salesperson a note logs (0 when it logs none)."""
    low = _norm(text)
    verbs = [m for m in _lists()["verb"].finditer(low) if _by_salesperson(low, m.start())]
    total = 0
    for i, m in enumerate(verbs):
        stop = verbs[i + 1].start() if i + 1 < len(verbs) else len(low)
        end = _SEGMENT_END.search(low, m.end(), stop)
        total += _count(low[m.end() : end.start() if end else stop])
    return total


def outreach_times(notes: Iterable[Note]) -> list[tuple[datetime, str]]:
    """(time, note id) once for every contact the notes log; a line naming four days counts four."""
    return [(n.occurred_at, n.id) for n in notes for _ in range(outreach_count(n.text))]


def pause_until(text: str, at: datetime, tz: Any = None) -> datetime | None:
    """The end of a pause a note asks for ("leave it a couple weeks"), or None when it asks for none."""
    window = pause_window(text, at)
    return window[1] if window else None


@lru_cache(maxsize=16384)  # every note is read at every check
def pause_window(text: str, at: datetime) -> tuple[datetime, datetime] | None:
    """(start, end) of a pause a note asks for: from the note, or the period its sentence names with both ends
    ("travelling 20 may - 10 june, give him space"); None when it asks for none."""
    lists, low = _lists(), _norm(text)
    cue = next((m for rx in lists["pause"] for m in rx.finditer(low)), None)
    if cue is None:
        return None
    sentence_start = max(low.rfind(c, 0, cue.start()) for c in ".;!?\n") + 1
    sentence_end = _SEGMENT_END.search(low, cue.end())
    period = note_period(low[sentence_start : sentence_end.start() if sentence_end else len(low)], at.date())
    if period is not None:
        return _midnight(period[0], at), _midnight(period[1], at)
    end = _pause_end(low, cue, at)
    return at, end


def _midnight(day: date, at: datetime) -> datetime:
    """The start of `day` in the note's time zone."""
    return datetime.combine(day, datetime.min.time(), at.tzinfo)


def _pause_end(low: str, cue: re.Match[str], at: datetime) -> datetime:
    """When a pause with no period of two ends is over: the day it names, else its length, else two weeks."""
    lists = _lists()
    rest = low[cue.start() : cue.start() + 80]
    clause_end = _SEGMENT_END.search(low, cue.end())
    tail = low[cue.start() : clause_end.start() if clause_end else len(low)]
    named = re.search(r"\b(?:til|till|until|after|before|on)\b", tail)
    if named:
        day = _named_day(tail[named.start() :], at)
        if day is not None and day >= at.date():
            return datetime.combine(day + timedelta(days=1), datetime.min.time(), at.tzinfo)
        month = _UNTIL_MONTH.match(tail, named.start())
        if month:  # "back off till jan", "leave her be until mid march": the month's first (or middle) day
            number = _MONTHS[month.group("month").rstrip(".")]
            year = at.year + (1 if number < at.month else 0)
            first = _safe_date(year, number, 15 if month.group("part") else 1)
            if first is not None and first > at.date():
                return datetime.combine(first, datetime.min.time(), at.tzinfo)
    for rx, days in lists["lengths"]:
        if rx.search(rest):
            return at + timedelta(days=days)
    return at + timedelta(days=lists["default_days"])


_UNTIL_MONTH = re.compile(
    rf"(?:til|till|until)\s+(?:(?P<part>mid)[- ]?)?(?:early\s+)?(?P<month>{_MONTH_RX})(?![\w])(?!\s*\d)"
)
_DAY_MONTH = re.compile(rf"\b(?:{_DAY_RX}\s+(?:of\s+)?{_MONTH_RX}|{_MONTH_RX}\s+{_DAY_RX})(?![\w])")


def _named_day(text: str, at: datetime) -> date | None:
    """The first date `text` names ("20 march", "nov 18", "friday"), the next one on or after `at`."""
    m = _DAY_MONTH.search(text)
    md = _parse_md(m.group(0)) if m else None
    if md is not None:
        day = _safe_date(at.year, *md)
        if day is not None and day < at.date() - timedelta(days=31):
            day = _safe_date(at.year + 1, *md)
        return day
    return resolve_due(text, at)


def scopes_of(evidence: Evidence) -> ContactScopes:
    """The consent scopes of the evidence's notes (`memory.consent_scope`), derived once per evidence."""
    return evidence.derived(
        "contact_scopes",
        lambda: contact_scopes((nid, text, at) for at, (nid, text) in evidence.dated_notes),
    )


def asks(draft: Draft) -> bool:
    """Whether a message asks something of the client or sells to them (a condolence asks nothing)."""
    return bool(_lists()["asks"].search(draft.low))


def _scoped_pause(draft: Draft, evidence: Evidence, now: datetime) -> list[Finding] | None:
    """The finding of a pause until the client comes back to us, [] when it holds but the draft asks nothing,
    None when no such pause holds."""
    dated = [(at, nid) for at, (nid, _) in evidence.dated_notes if _aware(at, now) <= now]
    later = {nid: i + 1 < len(dated) for i, (_, nid) in enumerate(dated)}
    pause = scopes_of(evidence).pause_on(now.date(), later)
    if pause is None or pause.source not in later:
        return None
    if not asks(draft):
        return []
    sents = _sentences(draft.text)
    s, e = sents[0] if sents else (0, len(draft.text))
    until = f"until {pause.end.isoformat()}" if pause.end else "until the client gets back to you"
    return [draft.finding("too_frequent", s, e, f"a note asks to let the client be {until}", (pause.source,))]


class ContactPace:
    """Warns while the latest note that asks for a pause in contact still holds."""

    kind = "too_frequent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding, on the first sentence, when a noted pause covers the time of sending."""
        now = evidence.now
        if now is None or not draft.text.strip():
            return []
        scoped = _scoped_pause(draft, evidence, now)
        if scoped is not None:
            return scoped
        dated = evidence.dated_notes
        for at, (nid, text) in reversed(dated):
            at = _aware(at, now)
            if at > now:
                continue
            window = pause_window(text, at)
            if window is None:
                continue
            start, until = window
            if _aware(start, now) <= now < _aware(until, now):
                sents = _sentences(draft.text)
                s, e = sents[0] if sents else (0, len(draft.text))
                msg = f"a note asks to let the client be until {until.date().isoformat()}"
                return [draft.finding(self.kind, s, e, msg, (nid,))]
            return []  # the latest pause is over; an older one is older still
        return []
