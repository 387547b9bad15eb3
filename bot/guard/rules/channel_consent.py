"""no_consent by channel, line and period, read from the notes as the salesperson typed them.

Source: essay 001 (permission) and DESIGN's consent scope: "stop emailing me" closes email only.
A note may close one line of a channel ("please don't ring her office line", "never call the house
landline": her mobile stays open), a whole channel ("pls no texts", "stop ringing her") or every
channel for a period ("don't contact me at all in august"). A draft uses a channel when it plans a
call ("I'll give you a ring on your office line", "I'll call the house") or says what it is ("just
texting to remind you"). The rule blocks when the draft's channel, and its line when the note names
one, is closed at the time of sending; a later note that opens the channel again lifts it.
Consent facts (memory/consent.py) stay the main source; this rule reads what they do not carry:
lines and periods, and refusals worded in ways the extractor missed. Word lists:
`data/channel_consent.json`, a reason per entry.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import _aware, _norm
from bot.guard.when import _MONTH_RX, _MONTHS, _safe_date, note_period

_DATA = Path(__file__).parent.parent / "data" / "channel_consent.json"
_CLAUSE = re.compile(r"[^.;!?\n]+")
_NOT_THIS = re.compile(r"\b(?:not|no|never|rather than|instead of)\W+(?:\w+\W+)?$")


@lru_cache(maxsize=1)
def _lists() -> dict[str, Any]:
    """The rule's data file, patterns compiled."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    channels = [
        (re.compile(rf"\b(?:{row['pattern']})\b"), row["channel"], bool(row.get("line"))) for row in doc["channels"]
    ]
    lines = sorted(((w, row["line"]) for row in doc["lines"] for w in row["words"]), key=lambda p: -len(p[0]))
    period = doc["period"]
    return {
        "cue": re.compile(doc["refusal_cue"]["pattern"]),
        "gap": frozenset(doc["gap_words"]["words"]),
        "channels": channels,
        "lines": [(re.compile(rf"\b{re.escape(w)}\b"), line) for w, line in lines],
        "time": re.compile(doc["time_of_day"]["pattern"]),
        "clock_window": re.compile(doc["clock_window"]["pattern"]),
        "allowed": re.compile(doc["allowed_after"]["pattern"]),
        "proposals": [(re.compile(row["pattern"]), row["channel"]) for row in doc["proposals"]],
        "in_month": re.compile(period["in_month"].replace("MONTH", _MONTH_RX)),
        "not_before": re.compile(period["not_before"].replace("MONTH", _MONTH_RX)),
        "until": re.compile(period["until"].replace("MONTH", _MONTH_RX)),
        "parts": {str(k): int(v) for k, v in period["parts"].items()},
        "lifted": re.compile(doc["lifted"]["pattern"]),
        "subject": frozenset(doc["client_subject"]["words"]),
        "weekday": re.compile(doc["weekday_scope"]["pattern"]),
        "days": {k: frozenset(v) for k, v in doc["weekday_scope"]["days"].items()},
        "self": [(re.compile(row["pattern"]), row["channel"]) for row in doc["self_channel"]],
        "marks": _medium_marks(doc),
        "postposed": _with_channels(doc, doc["postposed_refusal"]["pattern"]),
        "habit": _with_channels(doc, doc["habit_refusal"]["pattern"]),
        "only": [_with_channels(doc, row["pattern"]) for row in doc["only_channel"]["patterns"]],
        "only_topic": re.compile(doc["only_channel"]["topic_after"]),
    }


def _with_channels(doc: dict[str, Any], pattern: str) -> re.Pattern[str]:
    """`pattern` with CH replaced by the channel words (group `ch`), 'contact' left out."""
    words = "|".join(row["pattern"] for row in doc["channels"] if row["channel"] != "any")
    return re.compile(pattern.replace("CH", f"(?P<ch>{words})"))


def _medium_marks(doc: dict[str, Any]) -> list[tuple[re.Pattern[str], bool]]:
    """The opening constructions that name a draft's medium, each with the channel words in group `ch`."""
    words = "|".join(row["pattern"] for row in doc["channels"] if row["channel"] != "any")
    return [
        (re.compile(row["pattern"].replace("CH", f"(?P<ch>{words})")), bool(row.get("anywhere")))
        for row in doc["medium_marks"]["patterns"]
    ]


def scoped_weekdays(text: str) -> frozenset[int]:
    """The days of the week (Monday 0) an opt-out clause of `text` is limited to ("not on weekends"); empty: every day."""
    lists, low = _lists(), _norm(text)
    days: set[int] = set()
    for clause in _CLAUSE.finditer(low):
        part = clause.group(0)
        if not lists["cue"].search(part):
            continue
        for m in lists["weekday"].finditer(part):
            days |= lists["days"][m.group("day").removesuffix("s")]
    return frozenset(days)


def stated_channel(low: str) -> tuple[str, int, int] | None:
    """(channel, start, end) of the way a draft says it goes ("Letter (post): ...", "just a WhatsApp"), if any."""
    for rx, channel in _lists()["self"]:
        for m in rx.finditer(low):
            head = low[max(0, m.start() - 30) : m.start()]
            if not _NOT_THIS.search(head):  # "by email, not WhatsApp": the channel it does not go by
                return str(channel), m.start(), m.end()
    return _medium_in_opening(low)


_OPENING = re.compile(r"^.{0,200}?(?:[.!?\n](?=\s)|$)", re.S)


def _medium_in_opening(low: str) -> tuple[str, int, int] | None:
    """(channel, start, end) when the draft's opening sentence names its own medium ("text from Dev: ...",
    "sending this by email", "phone call notes"): one channel, not after a negation."""
    lists = _lists()
    opening = _OPENING.match(low.lstrip())
    head = opening.group(0) if opening else low[:200]
    found: set[str] = set()
    where = (0, 0)
    body = low.lstrip()
    for rx, anywhere in lists["marks"]:
        where_read = body if anywhere else head
        for m in rx.finditer(where_read):
            if _NOT_THIS.search(where_read[max(0, m.start() - 30) : m.start()]):
                continue
            channel = next((str(c) for crx, c, _line in lists["channels"] if crx.fullmatch(m.group("ch"))), None)
            if channel is not None:
                found.add(channel)
                where = (m.start(), m.end())
    offset = len(low) - len(low.lstrip())
    if len(found) == 1:
        return found.pop(), where[0] + offset, where[1] + offset
    return None


@dataclass(frozen=True)
class Refusal:
    """A channel (or one line of it) a note closed, and the days it is closed (open-ended: None)."""

    channel: str  # email | phone | text | any
    line: str | None  # home | work | mobile, or None for the whole channel
    start: date
    end: date | None  # the first day it is open again
    note_id: str
    days: frozenset[int] = frozenset()  # the days of the week it holds on ("not on sundays"); empty: every day
    inferred: bool = False  # closed because the client named another channel as the only one ("email only")


def _line_in(text: str) -> str | None:
    """The phone line a phrase names ("her office line" -> work), or None."""
    for rx, line in _lists()["lines"]:
        if rx.search(text):
            return str(line)
    return None


def _month_start(word: str, noted: date, roll: bool) -> date:
    """The first day of the named month on or after the note's month (or the next year's when `roll`)."""
    month = _MONTHS[word.rstrip(".")]
    year = noted.year + (1 if roll and month < noted.month else 0)
    return _safe_date(year, month, 1) or noted


def refusals(note_id: str, text: str, noted: date) -> list[Refusal]:
    """Every channel refusal in one note, with its line and period."""
    return list(_refusals(note_id, text, noted))


@lru_cache(maxsize=16384)  # every note is read at every check
def _refusals(note_id: str, text: str, noted: date) -> list[Refusal]:
    lists, low = _lists(), _norm(text)
    found: list[Refusal] = []
    for clause in _CLAUSE.finditer(low):
        part = clause.group(0)
        start, end, days = _period(part, noted)
        hit = _cued_refusal(part)
        if hit is None:
            m = lists["postposed"].search(part) or lists["habit"].search(part)
            channel = _channel_of(m.group("ch")) if m else None
            if m and channel:  # "emails ok, texts not", "can't take calls at work"
                line = _line_in(m.group("ch")) or _line_in(part[m.end() : m.end() + 30]) if channel == "phone" else None
                hit = (channel, line)
        if hit is not None:
            found.append(Refusal(hit[0], hit[1], start, end, note_id, days))
        only = _only_channel(part)
        if only is not None:
            for other in ("email", "phone", "text", "social"):
                if other != only:
                    found.append(Refusal(other, None, start, end, note_id, days, inferred=True))
    return found


_BY_CLIENT = re.compile(
    r"\b(?:i|i'll|ill|she|he|they|she'll|he'll|they'll)\s+(?:will\s+|would\s+|may\s+|might\s+|can\s+)?$"
)


@lru_cache(maxsize=16384)
def named_open_channels(text: str) -> frozenset[str]:
    """Channels a note that refuses one names as the way to reach the client ("stop emailing, whatsapp or ring
    him instead", "no texts, email only", "please stop texting, she prefers email"): every other channel word
    of such a note that it does not refuse."""
    low, lists = _norm(text), _lists()
    refused: set[str] = set()
    named: set[str] = set()
    for clause in _CLAUSE.finditer(low):
        part = clause.group(0)
        hit = _cued_refusal(part)
        m = lists["postposed"].search(part) or lists["habit"].search(part)
        if hit:
            refused.add(hit[0])
            refused |= _listed_after_cue(part)  # "no more emails or calls": both
        elif m and _channel_of(m.group("ch")):
            refused.add(str(_channel_of(m.group("ch"))))
        only = _only_channel(part)
        if only:
            named.add(only)
        for word in re.finditer(r"[\w'-]+", part):
            channel = _channel_of(word.group(0))
            if not channel or channel == "any" or _BY_CLIENT.search(part[: word.start()]):
                continue  # "I'll call you when I need stock": the client will reach us, no way to reach them
            if re.match(r"\s+(?:you|us)\b", part[word.end() :]):
                continue
            named.add(channel)
    return frozenset(named - refused) if refused else frozenset()


def _listed_after_cue(part: str) -> set[str]:
    """The channels listed right after a refusal word ("no more emails or calls, bought elsewhere")."""
    lists, out = _lists(), set()
    for cue in lists["cue"].finditer(part):
        phrase = re.split(r"[,;:(]|\s-\s", part[cue.end() :], maxsplit=1)[0]
        for word in re.findall(r"[\w'-]+|[&/]", phrase):
            channel = _channel_of(word) if word not in lists["gap"] else None
            if channel and channel != "any":
                out.add(channel)
            elif word not in lists["gap"] and word not in ("or", "and", "nor", "&", "/"):
                break
    return out


def refusal_period(text: str, noted: date) -> tuple[date, date] | None:
    """The period a note's refusal holds for when its sentence names one with both ends ("from 2 nov until feb 1")."""
    low = _norm(text)
    for clause in _CLAUSE.finditer(low):
        part = clause.group(0)
        if _lists()["in_month"].search(part):
            continue  # "not at all in august, away 1-25 aug": the month the client gave decides
        if _lists()["cue"].search(part) or _lists()["postposed"].search(part) or _lists()["habit"].search(part):
            period = note_period(part, noted)
            if period is not None:
                return period
    return None


def _period(part: str, noted: date) -> tuple[date, date | None, frozenset[int]]:
    """When a refusal in this clause holds: (first day, first day open again or None, days of the week)."""
    lists = _lists()
    start, end = noted, None
    m = lists["in_month"].search(part)
    if m:
        start = _month_start(m.group("month"), noted, roll=True)
        end = _safe_date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    two_ends = None if m else note_period(part, noted)
    m = lists["not_before"].search(part)
    if two_ends is not None:  # "on leave from 2 nov until feb 1, do not contact her"
        start, end = two_ends
    elif m:
        end = _month_start(m.group("month"), noted, roll=True)
    else:
        m = lists["until"].search(part)
        if m:  # "don't call bev till mid may", "no calls until 3 june"
            first = _month_start(m.group("month"), noted, roll=True)
            day = int(m.group("day1") or m.group("day2") or lists["parts"].get(m.group("part") or "", 1))
            end = _safe_date(first.year, first.month, day) or first
    days: set[int] = set()
    for d in lists["weekday"].finditer(part):
        days |= lists["days"][d.group("day").removesuffix("s")]
    return start, end, frozenset(days)


def _cued_refusal(part: str) -> tuple[str, str | None] | None:
    """(channel, line) of a refusal word before a channel ("pls no texts", "don't ring her office line")."""
    lists = _lists()
    for cue in lists["cue"].finditer(part):
        rest = part[cue.end() :]
        head = " ".join(rest.split()[:5])
        if lists["time"].search(head) and not lists["weekday"].search(head):
            continue  # "never calls during service 12-3": a time of day, not the channel
        if lists["clock_window"].search(re.split(r"[,(;]|\bbut\b", rest, maxsplit=1)[0]):
            continue  # "dont call me at the bakery before 11am": an hours window, not the channel
        before = part[: cue.start()].split()
        if before and before[-1] in lists["subject"]:
            continue  # "she never calls back": what the client does
        words = re.findall(r"[\w'-]+", rest)
        hit = None
        for i in range(min(len(words), 4)):
            tail = " ".join(words[i:])
            for rx, channel, is_line in lists["channels"]:
                m = rx.match(tail)
                if m:
                    hit = (channel, is_line, m.group(0))
                    break
            if hit or words[i] not in lists["gap"]:
                break
        if hit is None:
            continue
        channel, is_line, word = hit
        at = rest.find(word)
        # What follows the channel word in its own phrase: "no whatsapp, only email" allows email, not whatsapp.
        after = re.split(r"[,(]|\bbut\b", rest[at + len(word) :] if at >= 0 else "", maxsplit=1)[0]
        if lists["allowed"].match(after.strip()) or lists["allowed"].search(" ".join(after.split()[:3])):
            continue  # "no texts? texts are fine": an allowance, not a refusal
        line = _line_in(word) if is_line else _line_in(" ".join(after.split()[:4]))
        return str(channel), line
    return None


def _only_channel(part: str) -> str | None:
    """The channel a clause names as the only one ("email only", "text her mobile only"), unless for one topic."""
    lists = _lists()
    for rx in lists["only"]:
        m = rx.search(part)
        if m is None or lists["only_topic"].match(part[m.end() :]):
            continue  # "post only for paperwork": the channel for one kind of message
        if re.search(r"\b(?:not|no|never)\s+$", part[: m.start()]):
            continue  # "not only email"
        before = re.search(r"([\w'-]+)\s*(?:\bor|\band|[&/+])\s*$", part[: m.start()])
        if (before and _channel_of(before.group(1))) or re.match(r"\s*(?:or|and|&|/|\+)", part[m.end() :]):
            continue  # "her mobile or email only": more than one way stays open; which is not certain
        return _channel_of(m.group("ch"))
    return None


def draft_uses(draft: Draft) -> list[tuple[str, str | None, int, int]]:
    """(channel, line, start, end) for each way the draft contacts the client: a planned call, a text."""
    low = draft.low
    out = []
    for rx, channel in _lists()["proposals"]:
        for m in rx.finditer(low):
            if draft.negated(m.start()):
                continue
            clause = _CLAUSE.match(low, m.start())
            rest = clause.group(0) if clause else low[m.start() :]
            out.append((channel, _line_in(rest) if channel == "phone" else None, m.start(), m.start() + len(rest)))
    said = stated_channel(low)
    if said is not None:
        channel, start, end = said
        out.append((channel, None, start, end))
    return out


class ChannelConsent:
    """Blocks a draft that calls or texts on a channel, or a line, a note says is closed now."""

    kind = "no_consent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """A finding on the draft's planned call or text when its channel (and line) is closed."""
        now = evidence.now
        if now is None:
            return []
        uses = draft_uses(draft)
        if not uses:
            return []
        today = now.date()
        notes = evidence.dated_notes
        closed: list[Refusal] = []
        for i, (at, (nid, text)) in enumerate(notes):
            if _aware(at, now) > now:
                continue
            for r in refusals(nid, text, at.date()):
                later = [t for _, (_, t) in notes[i + 1 :]]
                if any(self._lifts(t, r.channel) for t in later):
                    continue
                if r.start <= today and (r.end is None or today < r.end) and (not r.days or today.weekday() in r.days):
                    closed.append(r)
        closed.sort(key=lambda r: r.inferred)  # a refusal in so many words decides before an inferred one
        for channel, line, start, end in uses:
            for r in closed:
                if r.channel not in (channel, "any"):
                    continue
                if r.line is not None and line != r.line:
                    continue  # "don't ring her office line": her mobile is fine, and an unnamed line may be it
                where = f"{r.line} line" if r.line else ("any channel" if r.channel == "any" else channel)
                if r.inferred:  # "email only": likely unwelcome, not a refusal in so many words
                    msg = f"the client asked to be contacted by another channel only, not {where}"
                    return [
                        dataclasses.replace(draft.finding(self.kind, start, end, msg, (r.note_id,)), verdict="warn")
                    ]
                msg = f"the client asked not to be contacted by {where}"
                return [draft.finding(self.kind, start, end, msg, (r.note_id,))]
        return []

    @staticmethod
    @lru_cache(maxsize=16384)
    def _lifts(text: str, channel: str) -> bool:
        """Whether a later note opens `channel` again ("ok to text her again")."""
        low = _norm(text)
        m = _lists()["lifted"].search(low)
        return bool(m) and (channel == "any" or channel in m.group(0) or _channel_of(m.group(0)) == channel)


def _channel_of(phrase: str) -> str | None:
    """The channel a phrase names, if any."""
    for rx, channel, _ in _lists()["channels"]:
        if rx.search(phrase):
            return str(channel)
    return None
