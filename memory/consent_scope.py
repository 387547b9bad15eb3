"""Contact constraints with a scope, read from a client's notes by a component parser.

A note may limit contact in more ways than a consent fact (`memory.consent`) carries: a channel closed
on some weekdays ("tel only tues/thurs", "dont msg fridays"), in some hours ("no llamar en horario de
clinica (9 a 18)", "calls after 5pm only"), for a period ("dont send anything before 13 dec", "on leave
from 1 dec ... not while she's on leave"), on one line ("do not call the clinic line"), a cap on how
often ("don't email more than once a week") and a pause until the client comes back ("le dé espacio
hasta que vuelva", "dont bother her till after 20 dec").

The parser never matches a whole phrase. It finds a constraint clause by its polarity (a refusal, an
"only", a cap, an allowance: a closed class per language), then fills each slot separately from small
closed tables (`memory/data/contact_slots.tsv`, a reason per entry): act and channel, line or place,
clock window, weekdays, date bounds, rate, end condition. A slot it cannot read never widens the
scope: an unread place after the act ("not at the opera") marks the scope `qualified`, and the guard
then warns at most. A pause or a leave ends when a later note records the client coming back (an
inbound contact, "she's back", "wants to go ahead").

`contact_scopes(notes)` reads a client's notes once into `ContactScopes`, the one reader of contact
constraints the guard uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from memory.consent import messaging_apps, topic_in
from memory.records import Note

__all__ = [
    "ContactScope",
    "ContactScopes",
    "channels_of_act",
    "consent_facts",
    "contact_limit",
    "contact_scopes",
    "fold",
    "note_period",
    "note_scopes",
    "slot_pattern",
    "slot_value",
]

_DATA = Path(__file__).parent / "data" / "contact_slots.tsv"
OPEN_PAUSE_DAYS = 30  # a pause with no stated end lasts a month at most: then a gentle check-in is ordinary
REST_DAYS = 14  # "back off", "give her space" with no end: two weeks, the shortest gap read as letting a client be
_ALL = frozenset(range(7))


def fold(text: str) -> str:
    """Lower-case, accents dropped, apostrophes straightened; one character per character (offsets kept)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "’‘":
        return "'"
    base = unicodedata.normalize("NFKD", ch)[:1] if ord(ch) > 127 else ch
    low = base.lower()
    return low if len(low) == 1 else base


@cache
def _table() -> dict[str, dict[str, str]]:
    """class -> folded word -> value, from the data file."""
    table: dict[str, dict[str, str]] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, cls, value, _lang, _reason = line.split("\t", 4)
        table.setdefault(cls, {})[" ".join(fold(word).split())] = value
    return table


@cache
def slot_pattern(cls: str) -> str:
    """A regular-expression alternation of one class's words (longest first), whole words only."""
    words = sorted(_table().get(cls, {}), key=len, reverse=True)
    plural = "s?" if cls in ("weekday", "weekdays") else ""  # "às sextas", "los viernes", "fridays"
    # an elided word ("d'", "l'") runs into the next one; after an apostrophe too ("plan d'appel")
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") + ("" if w.endswith("'") else rf"{plural}(?!\w)") for w in words)
    return rf"(?<!\w)(?:{alt})" if alt else r"(?!x)x"


@cache
def _rx(cls: str) -> re.Pattern[str]:
    return re.compile(slot_pattern(cls))


def slot_value(cls: str, word: str) -> str | None:
    """The value of a word of one class ("martes" in weekday -> "1"), or None."""
    return _table().get(cls, {}).get(" ".join(fold(word).split()))


def _has(cls: str, text: str) -> re.Match[str] | None:
    return _rx(cls).search(text)


@dataclass(frozen=True)
class ContactScope:
    """One limit a note puts on contacting the client, with its slots.

    kind: "closed" (no contact on `channel` [and `line`] between `start` and `end`, on `weekdays`),
    "open" (the note names `channel` as a way to reach the client: "email fine", "LINE only"), "reopen"
    (an opt-in: "ok to email her again", which ends an earlier closure of the channel), "pause" (let the
    client be: only a message that asks or sells breaks it), "hours" (`channel` closed in the local
    `hours`, on `weekdays`), "limit" (at most `times` messages every `window_days` days).
    """

    kind: str
    source: str
    channel: str = "any"  # email | phone | text | written (email or text) | any
    start: date | None = None
    end: date | None = None  # the first day it no longer holds; None: open-ended
    topic: str = ""
    hours: tuple[int, int] | None = None  # [from, to) local hours, 0-24
    times: int = 0
    window_days: int = 0
    open_ended: bool = False  # no stated end: a later note where the client comes back ends it
    weekdays: frozenset[int] = _ALL  # the days of the week it holds on (Monday 0)
    line: str = ""  # one line of the channel (work, home, mobile); "": the whole channel
    qualified: bool = False  # a qualifier the parser could not read ("at the opera"): at most a warning
    inferred: bool = False  # closed because the client named another channel as the only one
    until_back: bool = False  # ends when the client comes back (a later note), whatever `end` says
    noted: date | None = None  # the day of the note that states it

    def holds_on(self, day: date) -> bool:
        """Whether the scope's period and weekdays cover `day`."""
        in_period = (self.start is None or self.start <= day) and (self.end is None or day < self.end)
        return in_period and day.weekday() in self.weekdays

    def covers(self, channel: str) -> bool:
        """Whether the scope concerns a message on `channel`."""
        if self.channel in ("any", channel):
            return True
        return self.channel == "written" and channel in ("email", "text")


@dataclass(frozen=True)
class ContactScopes:
    """Every scope the notes state, oldest note first, and the notes where the client came back."""

    scopes: tuple[ContactScope, ...]
    periods: tuple[tuple[str, date, date], ...] = ()  # (note id, first day, first day after) a note names
    returns: tuple[tuple[str, date], ...] = ()  # (note id, day) of notes where the client comes back
    order: dict[str, int] = field(default_factory=dict, compare=False)  # note id -> position in time
    changes: frozenset[str] = frozenset()  # note ids that say a change ("instead", "now", "scratch that")

    def period_of(self, note_id: str) -> tuple[date, date] | None:
        """The away period a note names, or None."""
        return next(((s, e) for nid, s, e in self.periods if nid == note_id), None)

    def came_back_after(self, note_id: str, on: date | None = None) -> str | None:
        """The id of a later note (on or before `on`) where the client comes back, or None."""
        pos = self.order.get(note_id, -1)
        for nid, day in self.returns:
            if self.order.get(nid, -1) > pos and (on is None or day <= on):
                return nid
        return None

    def _reopened(self, scope: ContactScope, channel: str) -> bool:
        """Whether a later note opens `channel` again (an opt-in, or an allowance of the whole channel)."""
        return self.reopened_after(scope.source, channel)

    def reopened_after(self, note_id: str, channel: str) -> bool:
        """Whether a note later than `note_id` opens `channel` again ("ok to email her again", "email fine")."""
        pos = self.order.get(note_id, -1)
        return any(
            s.kind == "reopen" and not s.line and self.order.get(s.source, -1) > pos and s.covers(channel)
            for s in self.scopes
        )

    def _live(self, scope: ContactScope, day: date) -> bool:
        """Whether a scope still holds on `day` (its period, weekdays, and no return of the client ending it)."""
        if not scope.holds_on(day):
            return False
        ends_on_return = scope.until_back or scope.open_ended or scope.kind == "pause"
        return not (ends_on_return and self.came_back_after(scope.source, day))

    def closures(self, day: date, channel: str) -> list[ContactScope]:
        """The closures holding on `day` for `channel` (marketing-only ones aside), in so many words first."""
        found = [
            s
            for s in self.scopes
            if s.kind == "closed"
            and not s.topic
            and s.covers(channel)
            and self._live(s, day)
            and not self._reopened(s, channel)
        ]
        return sorted(found, key=lambda s: (s.inferred, s.qualified))

    def closed_on(self, day: date, channels: Iterable[str]) -> ContactScope | None:
        """The first whole-channel closure holding on `day` for one of `channels`."""
        for channel in channels:
            found = [s for s in self.closures(day, channel) if not s.line]
            if found:
                return found[0]
        return None

    def marketing_closed(self, channels: Iterable[str]) -> ContactScope | None:
        """The marketing opt-out holding on one of `channels`: the latest statement about marketing decides."""
        for channel in channels:
            latest = next(
                (
                    s
                    for s in reversed(self.scopes)
                    if s.kind in ("closed", "reopen") and s.topic == "marketing" and s.covers(channel)
                ),
                None,
            )
            if latest is not None and latest.kind == "closed":
                return latest
        return None

    def pause_on(self, day: date) -> ContactScope | None:
        """The latest pause holding on `day` (a return of the client ends it)."""
        pauses = [s for s in self.scopes if s.kind == "pause"]
        if not pauses:
            return None
        latest = pauses[-1]
        return latest if self._live(latest, day) else None

    def hours(self, channel: str) -> list[ContactScope]:
        """The hours limits on `channel` (and on every channel) that hold now, per line and days: limits that can
        both hold add up ("only after 9am", later "only before 6pm": 9-18 is left); a later note's hours replace the
        earlier ones when it says a change ("now", "instead", "scratch that") or when the two leave no hour open
        ("after 3pm", later "before noon")."""
        found = [s for s in self.scopes if s.kind == "hours" and s.covers(channel)]
        by_note: dict[tuple[str, frozenset[int]], dict[str, list[ContactScope]]] = {}
        for s in sorted(found, key=lambda s: self.order.get(s.source, -1)):
            by_note.setdefault((s.line, s.weekdays), {}).setdefault(s.source, []).append(s)
        kept: list[ContactScope] = []
        for notes in by_note.values():
            current: list[ContactScope] = []
            for source, limits in notes.items():
                closed = _closed_hours(current + limits)
                if source in self.changes or len(closed) >= 24:
                    current = list(limits)
                else:
                    current += limits
            kept += current
        return [s for s in found if s in kept]

    def limit(self) -> ContactScope | None:
        """The latest cap on how often we write."""
        return next((s for s in reversed(self.scopes) if s.kind == "limit"), None)

    def open_ways(self) -> frozenset[str]:
        """The channels the notes name as a way to reach the client ("email fine", "LINE only")."""
        ways: set[str] = set()
        for s in self.scopes:
            if s.kind in ("open", "reopen") and not s.topic:
                ways |= {"email", "text"} if s.channel == "written" else {s.channel}
        return frozenset(ways - {"any"})


def _closed_hours(scopes: list[ContactScope]) -> set[int]:
    """The hours of the day (0-23) some of `scopes` close."""
    return {h for s in scopes if s.hours is not None for h in range(s.hours[0], min(s.hours[1], 24))}


# --- dates -----------------------------------------------------------------------------------------

_NUM_DAY = r"(?P<{g}>\d{{1,2}})(?:st|nd|rd|th|er|o|º|\.)?"


@cache
def _date_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a range of days in one month, one date) over folded text."""
    month = slot_pattern("month")
    day_a, day_b, day_c = _NUM_DAY.format(g="a"), _NUM_DAY.format(g="b"), _NUM_DAY.format(g="c")
    to = r"\s*(?:-|–|to|a|al|au|bis|tot|till|until|hasta|ate|et|y|e|and)\s*"
    of = r"\s*(?:de\s+|of\s+|del\s+)?"
    rng = re.compile(rf"(?<![\d.])(?:el\s+|le\s+|the\s+)?{day_a}{to}{day_b}{of}(?P<m>{month})")
    one = re.compile(
        rf"(?<![\d.:])(?:el\s+|le\s+|the\s+)?{day_c}{of}(?P<m1>{month})|(?P<m2>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
    )
    return rng, one


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dated(month: int, day: int, after: date) -> date | None:
    """The day `month`/`day` on or after about `after` (a date more than a month back is next year's)."""
    found = _day(after.year, month, day)
    if found is not None and found < after - timedelta(days=31):
        found = _day(after.year + 1, month, day)
    return found


def _month_of(word: str) -> int:
    return int(slot_value("month", word) or 0)


def _dates(text: str, noted: date) -> list[tuple[int, int, date, date | None]]:
    """(start, end, first day, last day or None) of each date or day range in folded text."""
    rng, one = _date_rx()
    out: list[tuple[int, int, date, date | None]] = []
    taken: list[tuple[int, int]] = []
    for m in rng.finditer(text):
        month = _month_of(m["m"])
        first = _dated(month, int(m["a"]), noted) if month else None
        last = _day(first.year, month, int(m["b"])) if first else None
        if first and last and last >= first:
            out.append((m.start(), m.end(), first, last))
            taken.append((m.start(), m.end()))
    for m in one.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        month = _month_of(m["m1"] or m["m2"])
        day = _dated(month, int(m["c"] or m["d"]), noted) if month else None
        if day is not None:
            out.append((m.start(), m.end(), day, None))
    out.sort(key=lambda t: t[0])
    merged: list[tuple[int, int, date, date | None]] = []
    for item in out:  # "24 nov - 3 dec", "from 2 nov to 1 feb": two dates joined as one range
        if merged and merged[-1][3] is None and item[3] is None:
            a, b, first, _ = merged[-1]
            between = text[b : item[0]]
            if re.fullmatch(r"\s*(?:-|–|to|till|until|through|thru|al|a|hasta|ate|au|bis|tot)\s*", between):
                last = item[2] if item[2] >= first else _day(item[2].year + 1, item[2].month, item[2].day)
                if last is not None:
                    merged[-1] = (a, item[1], first, last)
                    continue
        merged.append(item)
    return merged


def _bounds(clause: str, noted: date) -> tuple[date | None, date | None, bool]:
    """(start, end, found) of the dates a constraint clause names: "before D" ends on D, "till (after) D" ends
    the day after D, "from D" starts on D, a range covers its days."""
    start: date | None = None
    end: date | None = None
    found = False
    for a, _b, first, last in _dates(clause, noted):
        head = clause[max(0, a - 24) : a]
        found = True
        if last is not None:
            start, end = first, last + timedelta(days=1)
        elif re.search(
            rf"(?:{slot_pattern('until')})\s*(?:{slot_pattern('after')})\s*(?:el|le|the|o|a|dem|den|der|il|lo|la|het|de)?\s*$",
            head,
        ):
            end = first + timedelta(days=1)  # "till after 20 dec": open on the 21st
        elif re.search(rf"(?:{slot_pattern('until')})\s*(?:el|le|the|o|a|dem|den|der|il|lo|la|het|de)?\s*$", head):
            end = first  # "no calls until 3 june": open on the day named
        elif re.search(rf"(?:{slot_pattern('before')})\s*(?:el|le|the|o|a|dem|den|der|il|lo|la|het|de)?\s*$", head):
            end = first
        elif re.search(rf"(?:{slot_pattern('after')})\s*(?:el|le|the|o|a|dem|den|der|il|lo|la|het|de)?\s*$", head):
            start = first
        else:
            found = False
    if not found and re.search(
        rf"(?:{slot_pattern('until')}|{slot_pattern('after')}|{slot_pattern('before')}|\bin)\s*(?:after\s+)?(?:{slot_pattern('new_year')})",
        clause,
    ):
        return start, date(noted.year + 1, 1, 1), True  # "give her space till after new year"
    if not found:
        whole = re.search(
            rf"\b(?:in|during|through(?:out)?|en|em|im|a|ad|durante|pendant)\s+(?P<m>{slot_pattern('month')})(?!\s*\d)",
            clause,
        )
        if whole and len(whole["m"]) >= 3:  # "don't contact me at all in may": that month only
            month = _month_of(whole["m"])
            first_day = _dated(month, 1, noted) if month else None
            if first_day is not None:
                nxt = date(first_day.year + first_day.month // 12, first_day.month % 12 + 1, 1)
                return first_day, nxt, True
        m = _month_bound_rx().search(clause)
        if m:  # "back off till jan", "leave her be until mid march": the month's first (or named) day
            month = _month_of(m["m"])
            begins = _dated(month, int(slot_value("part", m["part"] or "") or 1), noted) if month else None
            if begins is not None and begins > noted:
                end, found = begins, True
    return start, end, found


@cache
def _month_bound_rx() -> re.Pattern[str]:
    """A month named without a day after "until"/"before" ("till jan", "until mid march", "not before june")."""
    return re.compile(
        rf"(?:{slot_pattern('until')}|{slot_pattern('before')})\s*(?:the\s+)?(?:after\s+)?(?:(?P<part>{slot_pattern('part')})\s*-?\s*(?:of\s+)?)?"
        rf"(?P<m>{slot_pattern('month')})(?!\s*\d)"
    )


def note_period(text: str, noted: date) -> tuple[date, date] | None:
    """The first away period a note names ("on leave from 2 nov, back 11 jan", "on umrah 1-12 dec"), or None."""
    low = fold(text)
    for clause in _sentences(low):
        if not _has("away", clause) and not re.search(r"\b(?:shut|closed|in hospital|from)\b", clause):
            continue
        dates = _dates(clause, noted)
        if not dates:
            continue
        a, _b, first, last = dates[0]
        if last is not None:
            return first, last + timedelta(days=1)
        if len(dates) > 1:
            second = dates[1]
            end = second[3] or second[2]
            head = clause[max(0, second[0] - 12) : second[0]]
            back = bool(_has("back", head)) or bool(
                re.search(r"(?:until|till|til|hasta|ate|jusqu|bis|tot)\S*\s*$", head)
            )
            return (first, end if back else end + timedelta(days=1)) if end >= first else None
        head = clause[max(0, a - 24) : a]
        if re.search(rf"(?:{slot_pattern('until')})\s*(?:el|le|the)?\s*$", head) and _has("away", clause):
            return noted, first + timedelta(days=1)
    return None


def _only_date(low: str, noted: date) -> tuple[date, date] | None:
    """The one date a note names, as the period "till then" refers to ("board decides on 20 may ... don't chase
    till then"): from the note to that day; None when it names none or several."""
    dates = _dates(low, noted)
    if len(dates) != 1 or dates[0][3] is not None or dates[0][2] <= noted:
        return None
    return noted, dates[0][2] + timedelta(days=1)


def _note_bound(low: str, noted: date) -> tuple[date, date] | None:
    """(the note's day, the end) when the note names one end bound ("not interested til her contract ends in june"):
    what a later "then" in the note refers to ("asked not to be contacted before then")."""
    if not re.search(rf"(?:{slot_pattern('ref')})", low):
        return None
    start, end, dated = _bounds(low, noted)
    if not dated or end is None:
        return None
    if start is not None and (_has("until", low) or _has("before", low)):
        end = start  # "til her contract ends in june": up to June, not through it
    return (noted, end) if end > noted else None


def _open_period(text: str, noted: date) -> tuple[date, date | None] | None:
    """An away period with a start only ("maternity leave from 1 dec"): (start, None)."""
    low = fold(text)
    for clause in _sentences(low):
        if not _has("away", clause):
            continue
        start, end, found = _bounds(clause, noted)
        if found and start is not None and end is None:
            return start, None
    return None


# --- clauses ---------------------------------------------------------------------------------------

_SENT = re.compile(r"[^.;!?\n]+(?:[.](?=\d)[^.;!?\n]*)*")


def _sentences(low: str) -> list[str]:
    return [m.group(0) for m in _SENT.finditer(low) if m.group(0).strip()]


# "mas" is Portuguese "but" and Spanish "más" (more) once accents are folded: not a split
_CLAUSE_SPLIT = re.compile(r",(?![^(]*\))|(?<!\d\s[a-z]{3})(?<!\d)\s[-–]\s(?!\d)|\b(?:but|pero|mais|aber|maar)\b")


def _sentence_spans(low: str) -> list[tuple[int, int]]:
    """The sentences of a folded note; a dot after a number that a month or a number follows ("20. märz",
    "9.30") and an abbreviation's dot ("dr. rojas") end none."""
    spans, at = [], 0
    for m in re.finditer(r"[.;!?\n]", low):
        if m.group(0) == "." and (
            (
                re.match(rf"\s*(?:\d|{slot_pattern('month')})", low[m.end() :])
                and low[m.start() - 1 : m.start()].isdigit()
            )
            or re.search(
                r"(?<!\w)(?:dr|dra|mr|mrs|ms|sr|sra|st|no|nr|ca|approx|eng)$", low[max(0, m.start() - 6) : m.start()]
            )
        ):
            continue
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(low)))
    return [(a, b) for a, b in spans if low[a:b].strip()]


def _clause_spans(low: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of one sentence, as spans: split at commas (not inside brackets), dashes and 'but'."""
    spans, at = [], start
    for m in _CLAUSE_SPLIT.finditer(low, start, end):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, end))
    return [(a, b) for a, b in spans if low[a:b].strip()]


def channels_of_act(text: str) -> list[str]:
    """The channels the act words and messaging apps of a phrase name, in order ("no calls or LINE" -> phone,
    text); "any" alone when one of them is every channel."""
    low = fold(text)
    found: list[tuple[int, str]] = []
    for m in _rx("act").finditer(low):
        found.append((m.start(), slot_value("act", m.group(0)) or "any"))
    for app in messaging_apps(text):
        found.append((low.find(app), "text"))
    out = list(dict.fromkeys(v for _, v in sorted(found)))
    return ["any", *(c for c in out if c == "pause")] if "any" in out else out


# --- clock -----------------------------------------------------------------------------------------

_T = r"(?P<{h}>\d{{1,2}})(?:[:.h](?P<{m}>\d\d))?\s*(?P<{s}>am|pm|a\.m\.|p\.m\.|h|hrs|uhr|u)?"


@cache
def _clock_rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a range of hours, a bound with its preposition, a noon word with its preposition)."""
    a = _T.format(h="a", m="am", s="ap")
    b = _T.format(h="b", m="bm", s="bp")
    one = _T.format(h="h", m="hm", s="hp")
    to = r"\s*(?:-|–|to|a|al|alle|as|às|au|à|bis|tot|and|y|e|et|und|till|until|hasta)\s*"
    lead = rf"(?P<lead>{slot_pattern('between')}|{slot_pattern('hours')}|\()?\s*"
    rng = re.compile(rf"{lead}(?<![\d/])\b{a}{to}{b}(?![\d/%]|\s*(?:x|%|kg|m\b|sets?|units?))")
    prep = rf"(?P<dir>{slot_pattern('before')}|{slot_pattern('after')}|{slot_pattern('until')})\s*(?:the|las|los|as|les|le|la|de|del|das)?\s*"
    bound = re.compile(rf"{prep}(?<![\d/])\b{one}(?![\d/%:])")
    noon = re.compile(rf"{prep}(?P<noon>{slot_pattern('clock')})")
    return rng, bound, noon


def _hour(value: str, suffix: str | None, pm_below: int = 8) -> int:
    """A clock hour, 0-24: 'pm' adds 12; with no suffix, an hour below `pm_below` is afternoon ('9-5')."""
    hour = int(value)
    suffix = (suffix or "").replace(".", "")
    if (suffix == "pm" and hour < 12) or (not suffix and 0 < hour < pm_below):
        hour += 12
    return min(hour, 24)


def _clock(clause: str) -> tuple[str, int, int] | None:
    """("range", a, b) | ("before", h, 0) | ("after", h, 0) | ("part", a, b): the clock window a clause names."""
    rng, bound, noon = _clock_rx()
    month = _rx("month")
    for m in rng.finditer(clause):
        after = clause[m.end() : m.end() + 12]
        if month.match(after.strip()) or re.match(r"\s*(?:de\s+|of\s+)?" + slot_pattern("month"), after):
            continue  # "1-12 dec": days, not hours
        marked = bool(m["lead"] or m["ap"] or m["bp"] or m["am"] or m["bm"])
        # A bare range is hours when a setting phrase stands before it in the clause ("during service 8-12") or it
        # ends the clause ("no calls 8-12"); a bare range before a noun ("max 3-4 emails") is a count.
        setting = _has("between", clause[: m.start()]) or _has("hours", clause[: m.start()])
        if not marked and not (setting or re.match(r"\s*(?:[,.;:!?)]|$)", clause[m.end() :])):
            continue
        h24 = (m["ap"] or "").startswith(("h", "u")) or (m["bp"] or "").startswith(("h", "u"))
        h24 = h24 or (not (m["ap"] or m["bp"]) and int(m["b"]) > 12)  # "6-13": a 24-hour clock
        pm_below = 0 if h24 else 8
        a, b = _hour(m["a"], m["ap"], pm_below), _hour(m["b"], m["bp"], pm_below)
        if b <= a and b + 12 <= 24:
            b += 12
        if 0 <= a < b <= 24:
            return "range", a, b
    for m in noon.finditer(clause):
        return _direction(m["dir"]), int(slot_value("clock", m["noon"]) or 12), 0
    for m in bound.finditer(clause):
        after = clause[m.end() : m.end() + 14]
        if re.match(r"\s*(?:de\s+|of\s+|del\s+)?(?:" + slot_pattern("month") + ")", after) or re.match(
            r"\s*(?:days?|weeks?|months?|dias?|semanas?|jours?)\b", after
        ):
            continue
        if not (m["hp"] or m["hm"]) and re.match(r"\s*(?:/|\d)", after):
            continue
        return _direction(m["dir"]), _hour(m["h"], m["hp"]), 0
    for m in _rx("daypart").finditer(clause):
        lo, hi = (int(x) for x in (slot_value("daypart", m.group(0)) or "8-12").split("-"))
        return "part", lo, hi
    return None


def allowed_window_closes(text: str) -> list[tuple[int, int]]:
    """The hours closed by a stated good time to reach someone ("before noon", "after 3pm", "between 9 and 11",
    "mornings"): everything outside the window it names; [] when it names no clock window."""
    clock = _clock(fold(text))
    return _windows(clock, True) if clock is not None else []


def _direction(word: str) -> str:
    if _rx("after").fullmatch(word) and not _rx("before").fullmatch(word):
        return "after"
    return "before"


def _windows(clock: tuple[str, int, int], only: bool) -> list[tuple[int, int]]:
    """The closed hours a clock slot gives: a refusal closes the window named, an "only" closes the rest."""
    kind, a, b = clock
    named = {"range": (a, b), "part": (a, b), "before": (0, a), "after": (a, 24)}[kind]
    if not only:
        return [named] if named[0] < named[1] else []
    rest = [(0, named[0]), (named[1], 24)]
    return [w for w in rest if w[0] < w[1]]


# --- weekdays --------------------------------------------------------------------------------------


@cache
def _weekday_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    day = slot_pattern("weekday")
    letter = slot_pattern("weekday_letter")
    to = r"\s*(?:-|–|to|a|al|au|à|bis|tot|through|thru|until|till|hasta)\s*"
    rng = re.compile(rf"(?P<a>{day}|{letter}){to}(?P<b>{day}|{letter})")
    return rng, re.compile(day)


def _day_value(word: str) -> int | None:
    value = slot_value("weekday", word) or slot_value("weekday", word.removesuffix("s"))
    if value is None:
        value = slot_value("weekday_letter", word)
    return int(value) if value is not None else None


def _weekdays(clause: str) -> frozenset[int]:
    """The days of the week a clause names (names, abbreviations, ranges "L-V", "mo-fr", groups "weekends")."""
    rng, single = _weekday_rx()
    days: set[int] = set()
    taken: list[tuple[int, int]] = []
    for m in rng.finditer(clause):
        a, b = _day_value(m["a"]), _day_value(m["b"])
        if a is None or b is None or (len(m["a"]) == 1) != (len(m["b"]) == 1):
            continue
        i = a
        while True:
            days.add(i)
            if i == b:
                break
            i = (i + 1) % 7
        taken.append((m.start(), m.end()))
    words = [m for m in single.finditer(clause) if not any(a <= m.start() < b for a, b in taken)]
    strong = [
        m
        for m in words
        if len(m.group(0)) > 3 or (slot_value("weekday", m.group(0)) is not None and _english_day(m.group(0)))
    ]
    if words and strong:  # a short foreign abbreviation ("do", "di") counts only beside a day named in full
        for m in words:
            value = _day_value(m.group(0))
            if value is not None:
                days.add(value)
    for m in _rx("weekdays").finditer(clause):
        days |= {int(x) for x in (slot_value("weekdays", m.group(0)) or "").split(",") if x}
    return frozenset(days)


_EN_DAYS = frozenset(["mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun"])


def _english_day(word: str) -> bool:
    return word in _EN_DAYS


# --- rate ------------------------------------------------------------------------------------------


@cache
def _rate_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    count = rf"(?P<n>\d{{1,2}}|{slot_pattern('count')})"
    times = rf"(?:\s*(?:{slot_pattern('times')}))?"
    medium = r"(?:\s+[\w'-]+){0,3}?"
    # "every 2 weeks", "per three months": a period counted in units, the unit often plural
    many = rf"(?:(?P<k>\d{{1,2}}|{slot_pattern('count')})\s+(?P<unit>[^\W\d_]+)\s*)?"
    per = rf"\s*(?:{slot_pattern('per')})\s*{many}(?(k)|(?P<per>{slot_pattern('period')}))"
    return re.compile(rf"{count}{times}{medium}{per}"), re.compile(slot_pattern("adverb_rate"))


def _units(unit: str) -> int | None:
    """The days of one period unit, singular or plural ("weeks" -> 7, "semanas" -> 7, "monate" -> 30)."""
    for cut in (0, 1, 2):
        days = slot_value("period", unit[: len(unit) - cut] if cut else unit)
        if days is not None:
            return int(days)
    return None


def _rate(clause: str) -> tuple[int, int] | None:
    """(times, days) of a rate a clause names ("once a week" -> (1, 7), "2 per fortnight" -> (2, 14))."""
    rx, adverb = _rate_rx()
    for m in rx.finditer(clause):
        word = m["n"]
        times = int(word) if word.isdigit() else int(slot_value("count", word) or 1)
        if m["k"] is None:
            return max(1, times), int(slot_value("period", m["per"]) or 7)
        unit = _units(m["unit"])
        if unit is not None:
            k = m["k"]
            return max(1, times), unit * (int(k) if k.isdigit() else int(slot_value("count", k) or 1))
    a = adverb.search(clause)
    if a:
        return 1, int(slot_value("adverb_rate", a.group(0)) or 7)
    return None


def contact_limit(text: str) -> tuple[int, timedelta] | None:
    """The cap a note sets on messages to the client ("max one email a week" -> (1, 7 days)), or None."""
    for scope in note_scopes("", text, datetime(2000, 1, 1))[0]:
        if scope.kind == "limit":
            return scope.times, timedelta(days=scope.window_days)
    return None


# --- one clause ------------------------------------------------------------------------------------


def _line_and_qualifier(clause: str, act_end: int) -> tuple[str, bool]:
    """The line the words after the act name ("the clinic line" -> work), and whether a place follows that no
    table reads ("at the opera"): such a qualifier narrows the scope in a way we cannot check."""
    rest = clause[act_end : act_end + 60]
    line_m = _rx("line").search(rest)
    if line_m:
        return slot_value("line", line_m.group(0)) or "", False
    m = re.match(
        rf"\s*(?:(?:her|him|them|me|la|le|lo|lui|ihr|ihm|gli|haar|hem)\s+)?(?:{slot_pattern('place_prep')})\s+"
        r"(?:the|his|her|their|el|la|los|las|o|a|os|as|le|les|l'|der|die|das|dem|den|il|lo|de|het|zijn|haar)?\s*"
        r"(?P<noun>[a-z][\w'-]{2,})",
        rest,
    )
    if not m:
        return "", False
    noun = m["noun"]
    readable = ("weekday", "weekdays", "month", "clock", "daypart", "hours", "act", "period", "away", "back", "ref")
    if any(_rx(cls).fullmatch(noun) for cls in readable) or messaging_apps(noun) or noun.isdigit():
        return "", False
    if re.fullmatch(r"(?:all|any|anytime|once|times?|night|lunch|weekends?|work|home|peace|touch|contact)", noun):
        return "", False
    if noun in _CLIENT or noun in _OBJECT_PRONOUNS:
        return "", False  # "no emails to him": the person written to, not a place
    return "", True


# "no" is a refusal at the start of its clause or after a word that leads one ("pls no texts", "asked for no
# calls", "and no emails"); after any other word it may be Portuguese "no" (on the: "chama no whatsapp").
_NO_LEADS = re.compile(
    r"(?:^|[(:\-]|\b(?:pls|please|plz|and|but|also|so|asked|asked for|said|says|wants|want|for|ok|y|e|et|pero|por favor)\s*)\s*$"
)
_POSTPOSED = re.compile(r"\s*[:=-]?\s*(?:not|no|never|nope|nao|nicht|nein|non|niet|nee|jamais)\s*(?:pls|please)?\s*$")
_OBJECT_PRONOUNS = frozenset(["her", "him", "them", "me", "us", "you", "ihm", "ihr", "ihnen", "hem", "haar", "hen"])
_CLIENT = frozenset(
    ["she", "he", "they", "client", "ella", "el", "ele", "elle", "il", "sie", "er", "lei", "lui", "zij", "hij"]
)
_WANT = re.compile(
    r"\b(?:use|uses|take|takes|answer|answers|check|checks|read|reads|pick up|picks up|want|wants|like|likes|"
    r"receive|accept|usa|contesta|atiende|quiere|quer|atende|veut|utilise|will|mochte|nutzt|vuole|wil)\b"
)


def _governs(clause: str, original: str, neg: re.Match[str]) -> re.Match[str] | None:
    """The act a refusal word governs: the first act or messaging app after it with only gap words between
    ("do not ever phone", "no le llames"), or an act right before a refusal that ends the clause ("texts not",
    "phone no"). Said of the client ("she doesn't use email") it needs a verb of using the channel."""
    before = re.findall(r"[\w']+", clause[: neg.start()])
    client = bool(before) and before[-1] in _CLIENT
    at = neg.end()
    gap = _rx("gap")
    while True:
        m = re.compile(r"\s*").match(clause, at)
        at = m.end() if m else at
        act = _rx("act").match(clause, at) or _app_at(original, clause, at)
        if act is not None:
            if client and not _WANT.search(clause, neg.end(), act.start()):
                return None  # "she never calls back", "he won't call until monday": what the client does
            return act
        # "no marketing emails", "never her work email": a topic or a line word may stand before the act
        g = gap.match(clause, at) or _rx("marketing").match(clause, at) or _rx("line").match(clause, at)
        if g is None or g.end() == at:
            break
        at = g.end()
    if not client:
        for m in _rx("act").finditer(clause, 0, neg.start()):
            post = _POSTPOSED.match(clause, m.end())
            if post is not None and post.end() >= len(clause.rstrip()):
                return m
    return None


def _listed_from(original: str, clause: str, at: int) -> list[str]:
    """The channels of the list of acts starting at `at` ("calls, texts or whatsapp"): up to the first word that
    is neither an act nor a joining word."""
    end = at
    joiner = re.compile(
        r"\s*(?:,|/|&|\+|\bor\b|\band\b|\bnor\b|\bni\b|\bou\b|\bo\b|\by\b|\bet\b|\bund\b|\boder\b|\be\b)?\s*"
    )
    while True:
        act = _rx("act").match(clause, end) or _app_at(original, clause, end)
        if act is None:
            break
        end = act.end()
        j = joiner.match(clause, end)
        if j is None or j.end() == end:
            break
        nxt = _rx("act").match(clause, j.end()) or _app_at(original, clause, j.end())
        if nxt is None:
            break
        end = j.end()
    acts = _pressure_objects_dropped(clause[at:end], channels_of_act(original[at:end]))
    return [c for c in acts if c != "pause"]


def _by_means(original: str, clause: str, at: int) -> list[str]:
    """The channels of a "by/via CHANNEL" adjunct right after a generic contact verb at `at` ("contacted by
    phone", "contact her via email or text"), or [] when none follows."""
    m = re.compile(
        rf"(?:\s+(?:her|him|them|me|us|again|at all|anymore|any more))*\s+(?:{slot_pattern('bymeans')})\s+"
        r"(?:(?:the|her|his|their|my|your|el|la|le|o|a|mi|su|mon|ma|son|sa|mein|meine|sein|seine|ihr|ihre)\s+)?"
    ).match(clause, at)
    if m is None:
        return []
    listed = [c for c in _listed_from(original, clause, m.end()) if c != "any"]
    if not listed and slot_value("line", clause[m.end() :].split(" ")[0].strip(",.;")) == "mobile":
        listed = ["phone"]  # "do not contact me on my mobile": the mobile is a phone
    return listed


def _only_acts(clause: str) -> bool:
    """Whether a clause is only a list of acts ("texts or emails", "or whatsapp"): no verb, no other word."""
    rest = re.sub(slot_pattern("act"), " ", clause)
    rest = re.sub(r"\b(?:or|and|nor|ni|ou|o|y|et|und|oder|e|of|en)\b|[/&+]", " ", rest)
    # no object pronoun: "email him" after a refusal is an open way, not the refusal's list going on
    return bool(channels_of_act(clause)) and not re.sub(r"\b(?:pls|please|either|any|at all)\b", " ", rest).strip()


def _negates_liking(clause: str, neg: re.Match[str], ok: re.Match[str]) -> bool:
    """Whether the refusal word negates the liking itself ("doesn't really like", "n'aime pas", "mag ... nicht"):
    a dislike is a preference the guard may warn about, never an opt-out."""
    gap = clause[neg.end() : ok.start()] if neg.end() <= ok.start() else clause[ok.end() : neg.start()]
    return not _rx("act").search(gap) and re.fullmatch(r"\s*(?:[\w']+\s+){0,2}", gap + " ") is not None


def _app_at(original: str, clause: str, at: int) -> re.Match[str] | None:
    """A messaging app's name at `at` ("no whatsapp"), as a match over the folded clause."""
    for app in messaging_apps(original[at : at + 20]):
        if clause.startswith(app, at):
            return re.compile(re.escape(app)).match(clause, at)
    return None


def _clause_scopes(
    note_id: str, original: str, noted: date, period: tuple[date, date | None] | None, away: bool = False
) -> list[ContactScope]:
    """The constraints one clause states (empty when it states none); `period` is what "then" refers to, a time
    the client is `away` (leave, hospital) or the one date the note names."""
    clause = fold(original)
    neg = _has("neg", clause)
    only = _has("only", clause)
    cap = _has("max", clause)
    ok = _has("ok", clause)
    acts = _pressure_objects_dropped(clause, channels_of_act(original))
    act_m = _rx("act").search(clause)
    apps = messaging_apps(original)
    base: dict[str, Any] = {"source": note_id, "noted": noted}
    rest = _has("rest", clause)
    if rest is not None and not neg:
        return _rest(clause, rest, noted, period, base)
    fused = _fused_scopes(clause, acts, neg, base)
    if fused is not None:
        return fused
    if neg is not None and ok is not None and _negates_liking(clause, neg, ok):
        return []  # "doesn't like email much", "no le gusta mucho el correo": a preference, never a closure
    if _has("optin", clause) and (acts or topic_in(clause) or _has("marketing", clause)):
        topic = "marketing" if _has("marketing", clause) else topic_in(clause)
        opened = [c for c in acts if c not in ("pause", "any")] or ["any"]
        return [ContactScope("reopen", channel=c, topic=topic, **base) for c in opened]
    governed = None
    list_at: int | None = None  # where the refused channels are listed, when not at the governed act
    if (
        neg is not None
        and neg.group(0) == "no"
        and not _NO_LEADS.search(clause[: neg.start()])
        and not _POSTPOSED.match(clause, neg.start())  # "email yes, phone no": a refusal after its act
    ):
        neg = None  # "me chama no whatsapp", "liga no celular": Portuguese "no" is "on the", not a refusal
    if neg is not None:
        governed = _governs(clause, original, neg)
        nothing_word = re.match(r"(?:nothing|nada|rien|nichts|niente|niets)\b", neg.group(0))
        bare = re.match(rf"\s*(?:{slot_pattern('before')}|{slot_pattern('until')})\b", clause[neg.end() :])
        if governed is None and nothing_word and _non_contact_participle(clause[neg.end() :]):
            return []  # "nothing signed before 10 jan": the negation governs signing, not contact
        if governed is None and bare and not nothing_word and _elliptic_of(clause, neg):
            return []  # "committee votes jan 12, not before": the ellipsis takes the clause before, read by note_scopes
        if governed is None and not nothing_word and not bare and not cap and "pause" not in acts:
            neg = None  # "no decision before 15 jan", "emails no longer bounce": the refusal is of something else
        elif governed is not None and not cap and not nothing_word and _rx("sendverb").fullmatch(governed.group(0)):
            obj = re.match(r"\s*(?:(?:her|him|them|me|us|le|la|lui|ihr|ihm)\s+)?([\w']+)", clause[governed.end() :])
            if obj and not (_rx("act").fullmatch(obj.group(1)) or _rx("marketing").fullmatch(obj.group(1))):
                return []  # "not to send attachments by email": the attachments are refused, not the contact
            if obj and _rx("act").match(clause, governed.end() + obj.start(1)):
                list_at = governed.end() + obj.start(1)  # "not to send emails": the object's channel, not "written"
    contrast: list[ContactScope] = []
    if neg is not None and governed is not None and not cap:
        listed = _listed_from(original, clause, governed.start() if list_at is None else list_at)
        if listed == ["any"]:  # "not to be contacted by phone": the adjunct names the one channel refused
            listed = _by_means(original, clause, governed.end()) or listed
        if governed.start() > neg.start():  # "pls whatsapp not email", "by post not email": the first is a way
            before = [c for c in channels_of_act(original[: neg.start()]) if c not in ("pause", "any")]
            contrast = [ContactScope("open", channel=c, **base) for c in before if c not in listed]
        acts = _pressure_objects_dropped(clause, listed or acts)
    pol = neg or only or cap
    if pol is None and ok is None:
        return _next_contact(clause, acts, noted, base)
    if (neg and re.search(rf"(?:{slot_pattern('past')})\s*$", clause[: neg.start()])) or (
        _has("past", clause) and not only and not cap
    ):
        return []  # "didn't call him today": a log, not a limit
    if neg and act_m and re.match(r"\s*(?:back|de volta|de vuelta)\b", clause[act_m.end() :]):
        return []  # "she never calls back": the client's habit
    rate = _rate(clause)
    if cap is not None and rate is None and not only and (neg is None or neg.start() >= cap.start() - 3):
        return []  # "max 3-4 emails", "no more than 2 calls": a cap whose period is not read never closes a channel
    channels = [c for c in acts if c != "pause"] or (["text"] if apps else [])
    if rate is not None and (cap or only or neg):
        times, window = rate
        if (neg and not cap and not only) and times > 1:
            return []
        return [ContactScope("limit", channel=c, times=times, window_days=window, **base) for c in channels or ["any"]][
            :1
        ]
    pause_act = "pause" in acts
    nothing = bool(
        neg
        and re.match(r"(?:nothing|nada|rien|nichts|niente|niets)\b", neg.group(0))
        and (_clock(clause) or _weekdays(clause) or _bounds(clause, noted)[2])
    )
    bare_time = bool(
        neg and re.match(rf"\s*(?:{slot_pattern('before')}|{slot_pattern('until')})\b", clause[neg.end() :])
    )
    fallback = False
    if not channels and not pause_act:
        if nothing or bare_time:  # "nothing before noon"; an "only" with no act ("deliveries tues only") is no contact
            channels, fallback = ["any"], True
        else:
            return []
    if pol is None:  # an allowance: "email fine", "calls ok after 5pm", "whatsapp ok cualquier hora"
        clock = _clock(clause)
        days = _weekdays(clause)
        if clock is None and not days:
            return [ContactScope("open", channel=c, **base) for c in channels]
        pol_only = True
    else:
        pol_only = bool(only) and not neg
    topic = ("marketing" if _has("marketing", clause) else topic_in(clause)) if neg else ""
    if topic == "marketing":
        return [ContactScope("closed", channel=c, topic="marketing", **base) for c in channels]
    line, qualified = _line_and_qualifier(clause, act_m.end() if act_m else (neg.end() if neg else 0))
    if not line and neg is not None and governed is not None and governed.start() > neg.end():
        before_act = _rx("line").search(clause, neg.end(), governed.start())  # "never her work email"
        line = (slot_value("line", before_act.group(0)) or "") if before_act else ""
    if line and _has("hours", clause):
        line = ""  # "no calls during clinic hours": the place names the hours, not a line
    if _has("exception", clause):
        qualified = True
    start, end, dated = _bounds(clause, noted)
    if (
        dated
        and away
        and period is not None
        and period[1] is not None
        and start is not None
        and end is not None
        and start.day == 1
        and (end - start).days in range(28, 32)
        and start <= period[0] < period[1] <= end
    ):
        start, end = period  # "not at all in august, family trip 1-25 aug": the trip is the precise period
    if dated and start is None and end is not None and away and period is not None and noted < period[0] < end:
        start = period[0]  # "on maternity leave from 2 nov, do not contact her until feb 1": from the leave on
    if not dated and _dates(clause, noted):
        qualified = True  # a date the parser could not attach ("not the week of 3 may"): never a wider scope
    if not dated and _has("ref", clause) and period is not None:
        start, end = period
        dated = True
    elif not dated and _has("ref", clause) and not line:
        qualified = True  # "during the exhibition": a period no note names
    until_back = _until_back(clause)
    if until_back and not dated and period is not None and period[1] is not None:
        end = period[1]
    clock = _clock(clause)
    days = _weekdays(clause)
    weekdays = (_ALL - days if pol_only else days) if days else _ALL
    if clock is None and _has("hours", clause):
        qualified = True  # "no emails after hours", "no calls in surgery hrs": hours with no clock are not read
    if pause_act and not channels:
        if days or clock:
            return []
        if _has("ref", clause) and not dated:
            return []  # "don't bother him then" and no period named: a slot not read never widens the scope
        if _has("ref", clause) and period is not None and away:  # "in hospital 4-18 may, don't bother him then"
            return [ContactScope("closed", channel="any", start=start, end=end, qualified=qualified, **base)]
        length = _has("length", clause)
        if end is None and length:
            end = noted + timedelta(days=int(slot_value("length", length.group(0)) or 14))
        open_ended = end is None
        return [
            ContactScope(
                "pause",
                start=start or noted,
                end=end or noted + timedelta(days=REST_DAYS),
                topic="asks",
                open_ended=open_ended,
                until_back=until_back,
                **base,
            )
        ]
    if (clock is not None and clock[0] != "part") or (clock is not None and not days):
        windows = _windows(clock, pol_only)
        return [
            ContactScope("hours", channel=c, hours=w, weekdays=weekdays, line=line, qualified=qualified, **base)
            for c in channels
            for w in windows
        ]
    if pol_only and not days:
        if re.search(r"\b(?:for|para|pour|fur|per|voor)\s+(?!now\b|ahora\b|agora\b)\w", clause):
            return [ContactScope("open", channel=c, **base) for c in channels]  # "email for invoices only"
        if len(channels) > 1 or _has("line", clause):
            return [ContactScope("open", channel=c, **base) for c in channels]  # "her mobile or email only": two ways
        if re.match(
            r"\s*(?:for|about|re|regarding|para|pour|fur|für|per|voor)\b", clause[only.end() :] if only else ""
        ):
            return []  # "email only for invoices": the channel for one kind of message
        named = {"email", "text"} if "written" in channels else set(channels)
        out = [ContactScope("open", channel=c, **base) for c in channels]
        for other in ("email", "phone", "text"):
            if other not in named and "any" not in named:
                out.append(ContactScope("closed", channel=other, inferred=True, **base))
        return out
    if not dated and not until_back and _unread_until(clause):
        # "until after the diwali break", "till the merger closes": an end the date reader cannot read never makes
        # the closure permanent; it warns, and ends when the client is back or after the default window
        qualified, until_back = True, True
        if end is None:
            end = period[1] if period is not None and period[1] is not None else noted + timedelta(days=OPEN_PAUSE_DAYS)
    if fallback and not dated and clock is None and not days and not until_back:
        # no act and no bound read ("not before then"): a slot it cannot read never widens the scope, so at most a
        # warning that ends, never a block of every channel for good
        qualified, until_back = True, True
        if end is None:
            end = period[1] if period is not None and period[1] is not None else noted + timedelta(days=OPEN_PAUSE_DAYS)
    temporary = _has("for_now", clause)
    if temporary and end is None and not until_back:
        end = noted + timedelta(days=int(slot_value("for_now", temporary.group(0)) or OPEN_PAUSE_DAYS))
        until_back = True  # "don't contact her for now": over at the end of a month, or sooner when she is back
    return contrast + [
        ContactScope(
            "closed",
            channel=c,
            start=start,
            end=end,
            weekdays=weekdays,
            line=line,
            qualified=qualified,
            until_back=until_back,
            open_ended=until_back and end is None,
            **base,
        )
        for c in channels
    ]


def _fused_scopes(
    clause: str, acts: list[str], neg: re.Match[str] | None, base: dict[str, Any]
) -> list[ContactScope] | None:
    """A refusal or an opt-in said in one word or phrase, with no separate act ("unsubscribed", "DNC", "take her off
    the mailing list", "opted back in"); None when the clause says none. A channel the clause names narrows it."""
    named = [c for c in acts if c not in ("pause", "any")]
    topic = "marketing" if _has("marketing", clause) else ""
    out = _has("optout", clause)
    out = out or _list_removal(clause)
    optin = _has("optin", clause)
    sell = _has("marketing", clause)
    if (
        neg is not None
        and sell is not None
        and not named
        and re.fullmatch(r"[\s\w]{0,12}", clause[neg.end() : sell.start()])
    ):
        return [ContactScope("closed", channel="any", topic="marketing", **base)]  # "pls no sales pitch right now"
    if out is not None and optin is None:
        if neg is not None and neg.start() < out.start() and not re.match(r"(?:stop|avoid)\b", neg.group(0)):
            return []  # "didn't unsubscribe", "never opted out": no refusal
        channel = slot_value("optout", out.group(0)) or slot_value("listword", out.group(0)) or "any"
        what = re.match(
            r"\s*(?:of|from|de|du|des|von|da|van)\s+(?:the\s+|all\s+|any\s+)?([\w'-]+)", clause[out.end() :]
        )
        if what and not named and not topic and not _rx("act").match(what.group(1)):
            return []  # "opted out of the extended warranty": something other than contact was declined
        # "opted out of marketing" narrows a general opt-out to selling; an unsubscribe ("from the newsletter") is
        # leaving the mailing list: in the labelled guard sets it meant no more emails at all
        narrowed = topic if channel == "any" else ""
        return [ContactScope("closed", channel=c, topic=narrowed, **base) for c in named or [channel]]
    if optin is not None and slot_value("optin", optin.group(0)) == "any":
        if neg is not None and neg.start() < optin.start():
            return [ContactScope("closed", channel=c, **base) for c in named or ["any"]]  # "not happy to hear from us"
        return [ContactScope("reopen", channel=c, topic=topic, **base) for c in named or ["any"]]
    modal, again = _has("modal", clause), _has("again", clause)
    act = _rx("act").search(clause)
    asking = modal is not None and re.match(r"\s*(?:you|u)\b", clause[modal.end() :])  # "can you call again?"
    if neg is None and named and modal and again and act and modal.start() < act.start() and not asking:
        return [ContactScope("reopen", channel=c, **base) for c in named]  # "said we can email her again"
    return None


_OFF = r"(?:off|from|de|da|von|van|dalla|dalle)(?:\s+(?:la|der|dem))?"


def _list_removal(clause: str) -> re.Match[str] | None:
    """The list word of a removal from a contact list ("take her off the mailing list"), or None. A bare list
    ("the list", "lista") is a contact list only with a person object: "take the desk off the list" edits a quote,
    "10% off the list price" is a discount."""
    removal = _has("removal", clause)
    if removal is None:
        return None
    named = _rx("listword").search(clause, removal.end())
    if named and re.search(rf"(?<!\w){_OFF}(?!\w)", clause[removal.end() : named.start()]):
        return named
    bare = _rx("barelist").search(clause, removal.end())
    if bare is None:
        return None
    pron = slot_pattern("personobj")
    between = clause[removal.end() : bare.start()]
    clitic = slot_value("removal", removal.group(0)) and removal.group(0).endswith(("la", "lo"))
    before = re.search(rf"{pron}\s*$", clause[: removal.start()])
    if re.fullmatch(rf"\s*{pron}\s+{_OFF}\s*", between) or (
        (clitic or before) and re.fullmatch(rf"\s*{_OFF}\s*", between)
    ):
        return bare
    return None


def _rest(
    clause: str, rest: re.Match[str], noted: date, period: tuple[date, date | None] | None, base: dict[str, Any]
) -> list[ContactScope]:
    """A request to let the client be ("leave it for a couple of weeks", "le dé espacio hasta que vuelva"): a pause
    until the end it names, the client's return, or a month; "leave her alone" closes every channel."""
    value = slot_value("rest", rest.group(0))
    if value == "closed":
        start, end, dated = _bounds(clause, noted)
        if not dated and period is not None and period[1] is not None:
            start, end, dated = period[0], period[1], True  # the note's period: "on leave till 5 jan, leave him alone"
        if not dated or end is None:
            return [ContactScope("closed", channel="any", **base)]
        # "leave him alone till 5 jan": a bound makes it a rest until then (a return ends it sooner), not a closure
        return [ContactScope("pause", start=start or noted, end=end, topic="asks", until_back=True, **base)]
    selling = "marketing" if _has("marketing", clause) else "asks"  # "hold off on anything sales for now"
    start, end, dated = _bounds(clause, noted)
    until_back = _until_back(clause)
    length = _has("length", clause)
    if end is None and length:
        end = noted + timedelta(days=int(slot_value("length", length.group(0)) or 14))
    if (until_back or end is None) and period is not None and period[1] is not None and not dated:
        start, end = period  # "travelling 20 may - 10 june, give him space til he's back": that period
    if value == "bounded" and end is None and not until_back:
        return []  # "leave it with me": no pause
    return [
        ContactScope(
            "pause",
            start=start or noted,
            end=end or noted + timedelta(days=REST_DAYS),
            topic=selling,
            open_ended=end is None,
            until_back=until_back,
            **base,
        )
    ]


REMINDER_DAYS = 7  # "try him again after 20 march" is a pause only that far away: a nearer time is a reminder


def _next_contact(clause: str, acts: list[str], noted: date, base: dict[str, Any]) -> list[ContactScope]:
    """The salesperson's note of when to write next ("try him again after 20 march", "ping her in the new year"):
    a pause until then when it is at least `REMINDER_DAYS` away; "call him after lunch tomorrow" is a reminder."""
    if not (acts or re.search(r"\bagain\b", clause)):
        return []
    start, end, dated = _bounds(clause, noted)
    first = start + timedelta(days=1) if start is not None else end
    if not dated or first is None or first - noted < timedelta(days=REMINDER_DAYS):
        return []
    return [ContactScope("pause", start=noted, end=first, topic="asks", **base)]


# Up to two words between a pressure verb and its object ("push her into anything"), no list joiner: "chase or
# contact her" names a second act, not an object.
_OBJECT_GAP = re.compile(r"\s*(?:(?!(?:or|and|nor|ni|ou|o|y|et|und|oder|e)\b)[\w']+\s+){0,2}")


def _pressure_objects_dropped(clause: str, acts: list[str]) -> list[str]:
    """`acts` without the "any" that is only the object of a pressure verb: "don't push anything" limits the
    selling (a pause on asks), it does not close every channel; a closure needs a contact act of its own."""
    if "pause" not in acts or "any" not in acts:
        return acts
    found = [(m.start(), m.end(), slot_value("act", m.group(0)) or "any") for m in _rx("act").finditer(clause)]
    for i, (a, _b, value) in enumerate(found):
        if value != "any":
            continue
        prev = found[i - 1] if i else None
        if prev is None or prev[2] != "pause" or not _OBJECT_GAP.fullmatch(clause[prev[1] : a]):
            return acts  # "don't chase or contact her": a contact act of its own
    return [c for c in acts if c != "any"]


# A past participle by its ending (en -ed, es/pt -ado/-ido, fr -é, it -ato/-ito): after "nothing" it names the act the
# negation governs ("nothing signed", "nada firmado"); a contact act or send verb there is contact ("nothing sent").
_PARTICIPLE = re.compile(r"\s*(?P<w>[^\W\d_]{3,}(?:ed|ado|ido|ato|ito|é|ée|és))\b")


def _non_contact_participle(after: str) -> bool:
    """Whether the words after a "nothing" word start with a participle that is no contact act ("signed")."""
    m = _PARTICIPLE.match(after)
    if m is None:
        return False
    word = m.group("w")
    return not (_rx("act").fullmatch(word) or _rx("sendverb").fullmatch(word) or channels_of_act(word))


def _elliptic_of(clause: str, neg: re.Match[str]) -> bool:
    """Whether a bare "not before/until" clause is elliptic: no date, clock or act of its own, so it takes the act
    and the date of the clause before it ("votes jan 12, not before")."""
    return not re.search(r"\w", clause[: neg.start()]) and not re.search(
        rf"\d|{slot_pattern('month')}|{slot_pattern('weekday')}", clause[neg.end() :]
    )


_ELLIPTIC_NOT = re.compile(r"\W*(?:not|no|não|nao|pas|nicht|niet|non)\s+(?:before|antes|avant|vor|voor|prima)\W*")


def _elliptic_closure(note_id: str, before: str, noted: date) -> list[ContactScope]:
    """An elliptic "not before" takes the act and the date of the clause before it: "call him jan 12, not before"
    closes the phone until 12 Jan; a non-contact act there ("votes jan 12, not before") is no scope."""
    acts = [c for c in channels_of_act(before) if c != "pause"]
    dates = _dates(fold(before), noted)
    if not acts or not dates:
        return []
    end = dates[0][2]
    return [ContactScope("closed", note_id, channel=c, end=end, noted=noted) for c in acts]


def _unread_until(clause: str) -> bool:
    """Whether a clause bounds its limit with "until/till <something>" the date reader could not read."""
    m = re.search(rf"(?:{slot_pattern('until')})\s*(?:(?:{slot_pattern('after')})\s*)?([\w'-]+)", clause)
    return m is not None


def _until_back(clause: str) -> bool:
    """Whether a clause ends its limit when the client comes back ("till she's back", "hasta que vuelva")."""
    return bool(
        re.search(
            rf"(?:{slot_pattern('until')}|when|once|cuando|quando|quand|wenn|sobald)\b[^,;]{{0,30}}?(?:{slot_pattern('back')})",
            clause,
        )
    )


# The client will make the next move: tied to a condition ("she'll be in touch when things settle"), or said
# to us in so many words ("we'll ring YOU"). "she'll get back to me next week" is a routine reply: no pause.
_CLIENT_NEXT = re.compile(
    r"\b(?:she|he|they|client)?(?:'ll| will| would|'d)?\s*(?:be in touch|get in touch|get back to (?:us|me)|come back to (?:us|me)|"
    r"reach out|revert|call (?:us|me) back)\b(?=[^.;!?\n]{0,30}?\b(?:when|once|after|in the new year|until|till)\b)"
)
_CLIENT_RINGS = re.compile(
    r"\b(?:we|i|she|he|they)(?:'ll| will) (?:ring|call|phone|email|text|come back to|get back to|be in touch with) (?:you|us)\b"
)


@lru_cache(maxsize=16384)  # every note is read at every check of its client
def _note_returns(text: str) -> bool:
    """`_returns` of a note's text."""
    return _returns(fold(text))


def _returns(low: str) -> bool:
    """Whether a note records the client coming back: "she's back", "wants to go ahead", or an inbound contact."""
    if _has("goahead", low):
        return True
    first = re.match(r"\W*([\w'-]+)", low)
    verb = first is not None and bool(_rx("inbound").fullmatch(first.group(1)) or _rx("act").fullmatch(first.group(1)))
    if not verb and re.match(r"\W*[\w'-]+(?:'s|\s+is|\s+ist|\s+est|\s+esta|\s+está)?\s+(?:now\s+)?back\b", low):
        return True  # "priya back.", "she's back now", "tom is back from leave": the client, named first, returns
    for m in _rx("inbound").finditer(low):
        head = low[: m.start()].rstrip(" :-,")
        words = re.findall(r"[\w']+", head)
        if not words:
            continue
        last = words[-1]
        if _rx("self").fullmatch(last) or last in ("just", "also", "then", "again", "last", "and", "today"):
            continue
        if last in (
            "she",
            "he",
            "they",
            "client",
            "ella",
            "el",
            "ele",
            "elle",
            "il",
            "sie",
            "er",
            "lei",
            "lui",
            "zij",
            "hij",
        ):
            return True
        if len(words) == 1 or re.search(r"^[\w'-]+\s*$", head):  # "aroha emailed - ...": the client, named first
            return True
    return False


@lru_cache(maxsize=16384)  # every note is read at every check of its client
def note_scopes(note_id: str, text: str, at: datetime) -> tuple[tuple[ContactScope, ...], tuple[date, date] | None]:
    """The scopes one note states, and the away period it names (None: none)."""
    low, noted = fold(text), at.date()
    period = note_period(text, noted)
    away: tuple[date, date | None] | None = period or _open_period(text, noted)
    open_period = away or _only_date(low, noted) or _note_bound(low, noted)
    out: list[ContactScope] = []
    for s_start, s_end in _sentence_spans(low):
        clauses = _clause_spans(low, s_start, s_end)
        sentence: list[ContactScope] = []
        for i, (c_start, c_end) in enumerate(clauses):
            clause = low[c_start:c_end]
            found = _clause_scopes(note_id, text[c_start:c_end], noted, open_period, away=away is not None)
            if not found and i > 0 and _ELLIPTIC_NOT.fullmatch(clause):
                found = _elliptic_closure(note_id, text[clauses[i - 1][0] : clauses[i - 1][1]], noted)
            if not found and _only_acts(clause):
                listed = [c for c in channels_of_act(text[c_start:c_end]) if c != "pause"]
                if (
                    i > 0
                    and sentence
                    and sentence[-1].kind == "closed"
                    and _list_goes_on(text, low, clauses[i - 1], c_start)
                ):
                    # "no calls, texts or emails": a list that continues the refusal before it
                    found = [replace(sentence[-1], channel=c) for c in listed]
                else:  # "no texting pls. email or call": the ways the client named
                    found = [ContactScope("open", note_id, channel=c, noted=noted) for c in listed]
            sentence += found
        if any(s.kind == "limit" for s in sentence):
            # "asked us to stop chasing, said one message a week max": the cap in the same sentence is what the
            # client asked for, not a pause until they come back
            sentence = [s for s in sentence if s.kind != "pause"]
        out += sentence
    m = _CLIENT_NEXT.search(low)
    if m or _CLIENT_RINGS.search(low):
        # a return tied to a condition ("when things settle") waits a month; "we'll ring YOU" two weeks
        out.append(
            ContactScope(
                "pause",
                note_id,
                start=noted,
                end=noted + timedelta(days=OPEN_PAUSE_DAYS if m else REST_DAYS),
                topic="asks",
                open_ended=True,
                noted=noted,
            )
        )
    return _one_pause(out, low, noted), period


_CONTRAST = re.compile(r"\b(?:but|pero|mais|aber|maar|ma)\b")


def _list_goes_on(text: str, low: str, prev: tuple[int, int], start: int) -> bool:
    """Whether a bare list of channels goes on with the refusal of the clause before it: only when that clause
    ends on its refused act ("no calls, texts or emails"); after other words ("no calls pls, text or email") or
    across a "but" the refusal has ended and the list names the ways that are fine."""
    if _CONTRAST.search(low[prev[1] : start]):
        return False
    clause = low[prev[0] : prev[1]]
    last = None
    for m in _rx("act").finditer(clause):
        last = m.end()
    for app in messaging_apps(text[prev[0] : prev[1]]):
        at = clause.rfind(app)
        if at >= 0:
            last = max(last or 0, at + len(app))
    return last is not None and not re.sub(r"[\W_]+", "", clause[last:])


def _one_pause(found: list[ContactScope], low: str, noted: date) -> tuple[ContactScope, ...]:
    """A note's pauses as one: the end the note names anywhere ("pause everything ... will get back to us in the
    new year. dont chase") applies to every pause of it that names none; the widest topic wins."""
    pauses = [s for s in found if s.kind == "pause"]
    if len(pauses) < 2 and not (pauses and pauses[0].open_ended):
        return tuple(found)
    named = [s.end for s in pauses if not s.open_ended and s.end is not None]
    year = re.search(rf"(?:in|after|till|until|til)\s+(?:the\s+)?(?:{slot_pattern('new_year')})", low)
    if year:
        named.append(date(noted.year + 1, 1, 1))
    # no end named: the shortest default ("back off for now, he'll come back to me when sorted": two weeks)
    end = max(named) if named else min(s.end for s in pauses if s.end is not None)
    topic = "asks" if any(s.topic == "asks" for s in pauses) else pauses[0].topic
    merged = replace(
        pauses[0], end=end, topic=topic, open_ended=not named, until_back=any(s.until_back for s in pauses)
    )
    return tuple([s for s in found if s.kind != "pause"] + [merged])


def contact_scopes(notes: Iterable[Note | tuple[str, str, datetime]]) -> ContactScopes:
    """The scopes of a client's notes (or (note id, text, time) triples), read in time order."""
    scopes: list[ContactScope] = []
    periods: list[tuple[str, date, date]] = []
    returns: list[tuple[str, date]] = []
    changes: set[str] = set()
    triples = [(n.id, n.text, n.occurred_at) if isinstance(n, Note) else n for n in notes]
    order: dict[str, int] = {}
    for i, (nid, text, at) in enumerate(sorted(triples, key=lambda t: t[2].timestamp())):
        order[nid] = i
        found, period = note_scopes(nid, text, at)
        scopes += found
        if period is not None:
            periods.append((nid, *period))
        if _note_returns(text):
            returns.append((nid, at.date()))
        if _has("change", fold(text)):
            changes.add(nid)
    return ContactScopes(tuple(scopes), tuple(periods), tuple(returns), order, frozenset(changes))


_CHANNEL_WORDS = {"email": "email", "phone": "phone calls", "text": "text messages"}


def _shown(channel: str) -> str:
    return _CHANNEL_WORDS.get(channel, channel)


def _topic_shown(topic: str, detail: dict[str, str]) -> str:
    """How a limited closure reads in the profile ("at work", "08:00-12:00", "on some days")."""
    if topic == "hours":
        return detail.get("when", "at some hours")
    if topic in ("work", "home"):
        return f"at {topic}"
    if topic == "days":
        return "on some days"
    if topic == "qualified":
        return "(as the note qualifies it)"
    return f"on the {topic} line"


def consent_facts(text: str, at: datetime) -> list[tuple[str, str, str, dict[str, str]]]:
    """The consent facts (key, value, text, detail) a piece of note text states, read by this module's parser.

    The one reading of consent for the profile, drafting and the digest (the guard reads the scopes themselves):
    a whole-channel closure is `opted_out`, an opt-in `opted_in`; a closure of one line, some hours, some weekdays,
    a topic or with a qualifier the parser could not read is topic-limited (`consent:email:hours`), so the channel
    itself stays open. A closure inferred from "X only", a pause and a cap are not consent facts.
    """
    found, _period = note_scopes("", text, at)
    out: list[tuple[str, str, str, dict[str, str]]] = []
    for scope in found:
        if scope.kind not in ("closed", "reopen", "hours") or scope.inferred:
            continue
        channels = ["email", "text"] if scope.channel == "written" else [scope.channel]
        for channel in channels:
            detail = {"channel": channel}
            words = "contact" if channel == "any" else _shown(channel)
            topic = scope.topic or ("" if scope.line == "mobile" else scope.line)  # the mobile is the client's phone
            if scope.kind == "hours" and scope.hours is not None and scope.qualified:
                topic = "qualified"  # hours the parser read beside words it could not: never shown as certain
            elif scope.kind == "hours" and scope.hours is not None:
                if scope.hours[0] == 0 or scope.hours[1] == 24:
                    continue  # "don't call before 10am": the client's contact time (a CONTACT fact), not consent
                topic = "hours"
                detail["when"] = f"{scope.hours[0]:02d}:00-{scope.hours[1]:02d}:00"
            elif scope.weekdays != _ALL:
                topic = "days"
                detail["when"] = ",".join(str(d) for d in sorted(scope.weekdays))
            elif scope.qualified and not topic:
                topic = "qualified"  # an unread qualifier never widens the closure to the whole channel
            if topic == "marketing" and scope.channel in ("written", "any"):
                if channel == "text":
                    continue
                channel = detail["channel"] = "any"  # "stop sending her promos": no selling by any channel
                words = "contact"
            if topic:
                detail["topic"] = topic
            if scope.kind == "reopen":
                value, said = "opted_in", ("happy to be contacted" if channel == "any" else f"ok to contact by {words}")
            else:
                value = "opted_out"
                said = f"opted out of {words}" if not topic else f"no {words} {_topic_shown(topic, detail)}"
                if topic == "marketing":
                    said = "opted out of marketing" if channel == "any" else f"opted out of marketing by {words}"
                if scope.start is not None and scope.noted is not None and scope.start > scope.noted:
                    detail["from"] = scope.start.isoformat()
                if scope.end is not None and not scope.until_back:
                    detail["until"] = scope.end.isoformat()
                    said += f" until {scope.end:%d %b %Y}"
            key = f"consent:{channel}" + (f":{topic}" if topic else "")
            out.append((key, value, said, detail))
    return out
