"""The deterministic truth guard: checks a draft against what the ledger knows, offline.

`check_text(text, ctx)` is pure: it reads only the text and the `DraftContext` (notes, facts,
commitments, sent messages) and returns a `GuardReport`. Every finding names its kind, the exact
offending substring of the text (`span`), a plain message and the note ids involved.

The rules aim to be precise rather than paranoid: a truthful, grounded draft must pass cleanly.
A claim of shared history is accepted when some note (or fact, or the salesperson's own purpose)
backs its event, place and time; an offer when an open commitment or a note names it.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import ClassVar

from bot.context import DraftContext
from memory.records import FactKind

KINDS: tuple[str, ...] = (
    "unsupported_claim",
    "contradicts_preference",
    "wrong_fact",
    "invented_commitment",
    "name_misuse",
    "no_consent",
    "too_frequent",
    "inappropriate",
)
BLOCKING = frozenset(KINDS[:6])

# Contact caps (too_frequent): at most WEEKLY_CAP - 1 messages in the window, none in the last MIN_GAP.
WEEKLY_CAP = 3
CAP_WINDOW = timedelta(days=7)
MIN_GAP = timedelta(hours=24)
# Bad news in a note this recent makes a sales pitch inappropriate.
SENSITIVE_WINDOW = timedelta(days=60)
# An event further than this from the client is "far away".
FAR_KM = 250.0
# "Happy birthday" is fine from this many days before the birthday to this many after.
BIRTHDAY_EARLY, BIRTHDAY_LATE = 7, 30


@dataclass(frozen=True)
class Finding:
    """One problem in a draft: what kind, where (an exact substring), why, and the notes involved."""

    kind: str
    span: str
    message: str
    sources: tuple[str, ...]
    verdict: str  # "block" | "warn"


@dataclass(frozen=True)
class GuardReport:
    """The guard's answer for one text: the overall verdict and every finding."""

    verdict: str  # "pass" | "warn" | "block"
    findings: tuple[Finding, ...]


def check_text(text: str, ctx: DraftContext) -> GuardReport:
    """Check `text` as a message to `ctx.client` sent at `ctx.now`; pure and deterministic."""
    g = _Guard(text, _as_of(ctx))
    findings: list[Finding] = []
    for rule in (
        g.no_consent,
        g.name_misuse,
        g.invented_commitment,
        g.unsupported_claims,
        g.family,
        g.people,
        g.birthdays,
        g.numbers,
        g.quantities,
        g.codes,
        g.event_dates,
        g.event_weekdays,
        g.places,
        g.products,
        g.commitment_dates,
        g.preferences,
        g.timing,
        g.too_frequent,
        g.sensitive,
    ):
        findings.extend(rule())
    unique = _dedupe(findings)
    unique = [f for f in unique if not any(g is not f and g.kind == f.kind and f.span in g.span for g in unique)]
    verdict = "pass"
    if unique:
        verdict = "block" if any(f.verdict == "block" for f in unique) else "warn"
    return GuardReport(verdict=verdict, findings=tuple(unique))


def _as_of(ctx: DraftContext) -> DraftContext:
    """The context as the ledger stood at `ctx.now`: later notes, facts and promises do not exist yet.

    A message checked "as if sent at T" may rely only on what was written by T; a fact superseded
    after T is still the one in force at T.
    """
    now = ctx.now

    def by_now(moment: datetime) -> bool:
        return _aware(moment, now) <= now

    notes = [n for n in ctx.notes if by_now(n.occurred_at)]
    facts = [
        f if f.valid_to is None or not by_now(f.valid_to) else dataclasses.replace(f, valid_to=None)
        for f in (*ctx.facts, *ctx.history)
        if by_now(f.valid_from) and (f.valid_to is None or not by_now(f.valid_to))
    ]
    commitments = [c for c in ctx.commitments if by_now(c.created_at)]
    if len(notes) == len(ctx.notes) and len(facts) == len(ctx.facts) and len(commitments) == len(ctx.commitments):
        return ctx
    return dataclasses.replace(ctx, notes=notes, facts=facts, commitments=commitments)


def interaction_kind(text: str) -> str | None:
    """The kind of interaction a note describes ("demo", "call", "lunch", ...), or None."""
    low = _norm(text)
    for name in _INTERACTION_ORDER:
        for m in _GROUP_RE[name].finditer(low):
            before = low[max(0, m.start() - 30) : m.start()]
            if not re.search(
                r"\b(?:likes?|hates?|prefers?|dislikes?|wants?|no|not|avoid\w*|\w+n't|never)\b[^.;]*$", before
            ):
                return name
    return None


def sensitive_note_ids(ctx: DraftContext) -> tuple[str, ...]:
    """Ids of recent notes that record bad news (bereavement, illness, layoffs): no sales pitch now."""
    now = ctx.now
    return tuple(
        n.id
        for n in ctx.notes
        if timedelta(0) <= now - _aware(n.occurred_at, now) <= SENSITIVE_WINDOW and _BAD_NEWS.search(_norm(n.text))
    )


def declined_items(ctx: DraftContext) -> dict[str, tuple[str, ...]]:
    """What the client declined or dislikes (lower-case) -> the note ids that say so."""
    return _Guard("", ctx)._declined()


# ---------------------------------------------------------------------------------------------
# Text helpers


def _norm(text: str) -> str:
    """Lower-case with straight apostrophes, keeping every offset of the original text."""
    out = []
    for ch in text:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out).replace("’", "'").replace("‘", "'")


def _fold(text: str) -> str:
    """Lower-case without diacritics, one character per character ("Zoë" -> "zoe")."""
    return "".join((unicodedata.normalize("NFKD", ch)[:1] or ch).lower() for ch in text)


def _stem(word: str) -> str:
    """A crude stem: enough to match "dashboards" with "dashboard", "ordered" with "order"."""
    w = word.lower().strip("'")
    for suffix in ("'s", "ing", "ies", "es", "ed", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "really",
        "quite",
        "great",
        "good",
        "nice",
        "lovely",
        "thanks",
        "thank",
        "wanted",
        "want",
        "wants",
        "like",
        "love",
        "loved",
        "liked",
        "mention",
        "mentioned",
        "said",
        "told",
        "tell",
        "say",
        "talk",
        "talked",
        "discussed",
        "discuss",
        "spoke",
        "speak",
        "chat",
        "chatted",
        "met",
        "meet",
        "meeting",
        "see",
        "seeing",
        "saw",
        "again",
        "last",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "ago",
        "yesterday",
        "today",
        "recently",
        "time",
        "times",
        "thing",
        "things",
        "way",
        "one",
        "two",
        "lot",
        "bit",
        "get",
        "got",
        "going",
        "go",
        "hope",
        "hoping",
        "let",
        "know",
        "think",
        "thought",
        "look",
        "looking",
        "forward",
        "well",
        "sure",
        "back",
        "still",
        "ever",
        "since",
        "day",
        "days",
        "also",
        "just",
        "remember",
        "recall",
        "promised",
        "promise",
        "agreed",
        "per",
        "quick",
        "little",
        "always",
        "keen",
        "interest",
        "interested",
        "much",
        "many",
        "truly",
        "lot",
        "every",
    ]
)


def _content_words(text: str) -> set[str]:
    """Stems of the meaningful words of `text` (stop words and short words dropped)."""
    words = [w.lower() for w in _WORD.findall(text)]
    words += [part for w in words if "-" in w for part in (*w.split("-"), w.replace("-", ""))]  # "cab-free": cabs
    return {_stem(w) for w in words if len(w) >= 3 and w not in _STOP}


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line of `text`, whitespace trimmed."""
    spans = []
    for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", text, re.M):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    """The sentence (start, end) containing offset `pos`."""
    for s, e in _sentences(text):
        if s <= pos < e:
            return s, e
    return 0, len(text)


_CLAUSE_END = re.compile(r"[,;:()]|\s[-–—]\s|\s(?:and I|and we|but|so|which|because)\s|[.!?](?:\s|$)|\n")


def _clause_after(text: str, start: int) -> int:
    """End offset of the clause that begins at `start`."""
    m = _CLAUSE_END.search(text, start + 1)
    return m.start() if m else len(text)


def _clause_before(text: str, pos: int) -> int:
    """Start offset of the clause that ends at `pos`."""
    start = 0
    for m in re.finditer(r"[,;:()\n]|[.!?]\s|\s[-–—]\s", text[:pos]):
        start = m.end()
    return start


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`(start, end)` with surrounding whitespace and trailing commas removed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """Drop repeated findings (same kind and span), keeping the first."""
    seen: set[tuple[str, str]] = set()
    out = []
    for f in findings:
        if (f.kind, f.span) not in seen:
            seen.add((f.kind, f.span))
            out.append(f)
    return out


def _local_date(moment: datetime, tz: tzinfo | None) -> date:
    """The calendar date of `moment` in the time zone `tz` (naive moments are taken as local)."""
    if moment.tzinfo is None or tz is None:
        return moment.date()
    return moment.astimezone(tz).date()


def _aware(moment: datetime, ref: datetime) -> datetime:
    """`moment` comparable with `ref`: a naive one takes `ref`'s zone (or loses its own)."""
    if (moment.tzinfo is None) == (ref.tzinfo is None):
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=ref.tzinfo)
    return moment.replace(tzinfo=None)


# ---------------------------------------------------------------------------------------------
# Vocabulary of interactions (claims of shared history are matched against notes with it)

_GROUPS: dict[str, str] = {
    "conference": r"conference|conf|summit|expo|convention|trade ?show|tradeshow|trade fair|fair|congress|booth"
    r"|forum|meetup|meet-up|keynote|gala|reception|offsite|roadshow|event",
    "lunch": r"lunch(?:ed)?",
    "dinner": r"dinner",
    "breakfast": r"breakfast|brunch",
    "coffee": r"coffee|cafe|café|espresso",
    "drinks": r"drinks|beers?|happy hour",
    "golf": r"golf",
    "webinar": r"webinar|workshop|training|masterclass|seminar",
    "demo": r"demo(?:ed|s)?|demonstration|walk-?through|presentation|showed|showcase",
    "order": r"order(?:ed|s)?|purchase[ds]?|bought|buy|invoice[ds]?|deliver(?:y|ed)|shipped|checkout",
    "call": r"call(?:ed|s)?|phone[ds]?|rang|zoom|teams|video ?chat|spoke|talked|conversation",
    "meeting": r"meeting|met|meet|visit(?:ed)?|sat down|in person|catch-?up|session|saw|lunch|dinner"
    r"|coffee|conference|demo|call(?:ed)?|spoke|talked|stopped by|came by|dropped by",
    "visit": r"visit(?:ed)?|stopped by|came by|dropped by|came in|popped in|showroom|store|shop|office",
    "tour": r"tour(?:ed)?|showroom|site visit|factory",
}
_GROUP_RE = {k: re.compile(rf"\b(?:{v})\b") for k, v in _GROUPS.items()}
# Nouns in a claim that require a note of the same group.
_CLAIM_NOUNS: dict[str, str] = {
    "conference": "conference",
    "conf": "conference",
    "summit": "conference",
    "expo": "conference",
    "convention": "conference",
    "trade show": "conference",
    "tradeshow": "conference",
    "booth": "conference",
    "meetup": "conference",
    "keynote": "conference",
    "gala": "conference",
    "reception": "conference",
    "offsite": "conference",
    "fair": "conference",
    "roadshow": "conference",
    "lunch": "lunch",
    "dinner": "dinner",
    "breakfast": "breakfast",
    "brunch": "breakfast",
    "coffee": "coffee",
    "drinks": "drinks",
    "golf": "golf",
    "webinar": "webinar",
    "workshop": "webinar",
    "seminar": "webinar",
    "demo": "demo",
    "demonstration": "demo",
    "walkthrough": "demo",
    "walk-through": "demo",
    "presentation": "demo",
    "order": "order",
    "purchase": "order",
    "call": "call",
    "phone call": "call",
    "zoom": "call",
    "meeting": "meeting",
    "visit": "visit",
    "tour": "tour",
}
_CLAIM_NOUN_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in _CLAIM_NOUNS), key=len, reverse=True)) + r")s?\b"
)
_INTERACTION_ORDER = (
    "conference",
    "demo",
    "lunch",
    "dinner",
    "breakfast",
    "coffee",
    "drinks",
    "golf",
    "webinar",
    "tour",
    "order",
    "call",
    "meeting",
)


def _group_in(group: str, low: str) -> bool:
    """Whether the lower-cased `low` mentions an interaction of `group`."""
    return bool(_GROUP_RE[group].search(low))


# ---------------------------------------------------------------------------------------------
# Time expressions

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RX = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
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
_TIME_RE = re.compile(
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


_WD_ABBR = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip
# A weekday in a note, full or abbreviated; the short forms that are also words ("sat down", "wed",
# "sun") count only when they stand alone (end of a clause, or before a date or a time).
_NOTE_WD_RE = re.compile(
    r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\b"
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


def _parse_md(expr: str) -> tuple[int, int] | None:
    """(month, day) from "March 5", "5th of March", "2025-03-05"."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", expr)
    if m:
        return int(m.group(2)), int(m.group(3))
    num = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})(?:/\d{2,4})?\s*", expr)
    if num:
        mm, dd = int(num.group(1)), int(num.group(2))
        return (mm, dd) if 1 <= mm <= 12 and 1 <= dd <= 31 else None
    words = re.findall(r"[a-z]+|\d+", expr.lower())
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit()), None)
    if month is None or day is None or not 1 <= day <= 31:
        return None
    return month, day


def _past_when(m: re.Match[str], today: date) -> _When | None:
    """Resolve a past-tense time expression (a claim about what already happened)."""
    d = timedelta
    if m.group("md") or m.group("iso"):
        md = _parse_md(m.group(0))
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


# ---------------------------------------------------------------------------------------------
# Geography (a small gazetteer for "far away" and "wrong city")

_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
    "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
    "new york state": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH",
    "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI",
    "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT",
    "vermont": "VT", "virginia": "VA", "washington state": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY",
}  # fmt: skip
_CITY_TABLE = """
new york 40.71 -74.01 NY|nyc 40.71 -74.01 NY|brooklyn 40.68 -73.94 NY|manhattan 40.78 -73.97 NY
|queens 40.73 -73.79 NY|jersey city 40.73 -74.08 NJ|newark 40.74 -74.17 NJ|hoboken 40.74 -74.03 NJ
|boston 42.36 -71.06 MA|cambridge 42.37 -71.11 MA|providence 41.82 -71.41 RI|hartford 41.76 -72.68 CT
|stamford 41.05 -73.54 CT|philadelphia 39.95 -75.17 PA|pittsburgh 40.44 -79.99 PA|baltimore 39.29 -76.61 MD
|washington 38.91 -77.04 DC|washington dc 38.91 -77.04 DC|arlington 38.88 -77.10 VA|richmond 37.54 -77.44 VA
|raleigh 35.78 -78.64 NC|durham 35.99 -78.90 NC|charlotte 35.23 -80.84 NC|atlanta 33.75 -84.39 GA
|savannah 32.08 -81.09 GA|miami 25.76 -80.19 FL|orlando 28.54 -81.38 FL|tampa 27.95 -82.46 FL
|jacksonville 30.33 -81.66 FL|fort lauderdale 26.12 -80.14 FL|nashville 36.16 -86.78 TN|memphis 35.15 -90.05 TN
|louisville 38.25 -85.76 KY|new orleans 29.95 -90.07 LA|houston 29.76 -95.37 TX|dallas 32.78 -96.80 TX
|fort worth 32.76 -97.33 TX|plano 33.02 -96.70 TX|austin 30.27 -97.74 TX|san antonio 29.42 -98.49 TX
|el paso 31.76 -106.49 TX|oklahoma city 35.47 -97.52 OK|tulsa 36.15 -95.99 OK|kansas city 39.10 -94.58 MO
|st. louis 38.63 -90.20 MO|st louis 38.63 -90.20 MO|chicago 41.88 -87.63 IL|evanston 42.05 -87.69 IL
|detroit 42.33 -83.05 MI|ann arbor 42.28 -83.74 MI|cleveland 41.50 -81.69 OH|columbus 39.96 -83.00 OH
|cincinnati 39.10 -84.51 OH|indianapolis 39.77 -86.16 IN|milwaukee 43.04 -87.91 WI|madison 43.07 -89.40 WI
|minneapolis 44.98 -93.27 MN|st. paul 44.95 -93.09 MN|omaha 41.26 -95.93 NE|des moines 41.59 -93.62 IA
|denver 39.74 -104.99 CO|boulder 40.01 -105.27 CO|colorado springs 38.83 -104.82 CO|aurora 39.73 -104.83 CO
|salt lake city 40.76 -111.89 UT|phoenix 33.45 -112.07 AZ|scottsdale 33.49 -111.93 AZ|tempe 33.43 -111.94 AZ
|tucson 32.22 -110.97 AZ|albuquerque 35.08 -106.65 NM|santa fe 35.69 -105.94 NM|las vegas 36.17 -115.14 NV
|reno 39.53 -119.81 NV|los angeles 34.05 -118.24 CA|la 34.05 -118.24 CA|santa monica 34.02 -118.49 CA
|pasadena 34.15 -118.14 CA|long beach 33.77 -118.19 CA|irvine 33.68 -117.83 CA|san diego 32.72 -117.16 CA
|san francisco 37.77 -122.42 CA|sf 37.77 -122.42 CA|oakland 37.80 -122.27 CA|berkeley 37.87 -122.27 CA
|san jose 37.34 -121.89 CA|palo alto 37.44 -122.14 CA|mountain view 37.39 -122.08 CA
|sacramento 38.58 -121.49 CA|fresno 36.74 -119.79 CA|portland 45.52 -122.68 OR|seattle 47.61 -122.33 WA
|bellevue 47.61 -122.20 WA|tacoma 47.25 -122.44 WA|spokane 47.66 -117.43 WA|boise 43.62 -116.20 ID
|anchorage 61.22 -149.90 AK|honolulu 21.31 -157.86 HI|charleston 32.78 -79.93 SC|buffalo 42.89 -78.88 NY
|albany 42.65 -73.75 NY|rochester 43.16 -77.61 NY|burlington 44.48 -73.21 VT
|toledo 41.65 -83.54 OH|akron 41.08 -81.52 OH|dayton 39.76 -84.19 OH|grand rapids 42.96 -85.67 MI
|st. petersburg 27.77 -82.64 FL|st petersburg 27.77 -82.64 FL|clearwater 27.97 -82.80 FL|key west 24.56 -81.78 FL
|tallahassee 30.44 -84.28 FL|decatur 33.77 -84.30 GA|sonoma 38.29 -122.46 CA|napa 38.30 -122.29 CA
|san mateo 37.56 -122.32 CA|santa barbara 34.42 -119.70 CA|bakersfield 35.37 -119.02 CA|eugene 44.05 -123.09 OR
|salem 44.94 -123.03 OR|worcester 42.26 -71.80 MA|new haven 41.31 -72.92 CT|trenton 40.22 -74.76 NJ
|wilmington 39.74 -75.55 DE|norfolk 36.85 -76.29 VA|charlottesville 38.03 -78.48 VA|greenville 34.85 -82.40 SC
|columbia 34.00 -81.03 SC|birmingham al 33.52 -86.80 AL|knoxville 35.96 -83.92 TN|chattanooga 35.05 -85.31 TN
|lexington 38.04 -84.50 KY|little rock 34.75 -92.29 AR|baton rouge 30.45 -91.19 LA|lubbock 33.58 -101.86 TX
|corpus christi 27.80 -97.40 TX|wichita 37.69 -97.34 KS|lincoln 40.81 -96.70 NE|sioux falls 43.55 -96.73 SD
|fargo 46.88 -96.79 ND|billings 45.78 -108.50 MT|cheyenne 41.14 -104.82 WY|fort collins 40.59 -105.08 CO
|provo 40.23 -111.66 UT|flagstaff 35.20 -111.65 AZ|mesa 33.42 -111.83 AZ|green bay 44.51 -88.01 WI
|st. paul mn 44.95 -93.09 MN|duluth 46.79 -92.10 MN|syracuse 43.05 -76.15 NY|portland me 43.66 -70.26 ME
|london 51.51 -0.13 UK|manchester 53.48 -2.24 UK|birmingham 52.49 -1.89 UK|edinburgh 55.95 -3.19 UK
|glasgow 55.86 -4.25 UK|bristol 51.45 -2.59 UK|leeds 53.80 -1.55 UK|dublin 53.35 -6.26 IE|paris 48.86 2.35 FR
|lyon 45.76 4.84 FR|marseille 43.30 5.37 FR|nice 43.70 7.27 FR|berlin 52.52 13.40 DE|munich 48.14 11.58 DE
|hamburg 53.55 9.99 DE|frankfurt 50.11 8.68 DE|cologne 50.94 6.96 DE|amsterdam 52.37 4.90 NL
|rotterdam 51.92 4.48 NL|utrecht 52.09 5.12 NL|brussels 50.85 4.35 BE|antwerp 51.22 4.40 BE
|madrid 40.42 -3.70 ES|barcelona 41.39 2.17 ES|valencia 39.47 -0.38 ES|lisbon 38.72 -9.14 PT
|porto 41.15 -8.61 PT|rome 41.90 12.50 IT|milan 45.46 9.19 IT|florence 43.77 11.26 IT|vienna 48.21 16.37 AT
|zurich 47.38 8.54 CH|geneva 46.20 6.14 CH|stockholm 59.33 18.07 SE|oslo 59.91 10.75 NO
|copenhagen 55.68 12.57 DK|helsinki 60.17 24.94 FI|warsaw 52.23 21.01 PL|krakow 50.06 19.94 PL
|prague 50.08 14.44 CZ|budapest 47.50 19.04 HU|athens 37.98 23.73 GR|istanbul 41.01 28.98 TR
|dubai 25.20 55.27 AE|tel aviv 32.09 34.78 IL|mumbai 19.08 72.88 IN|bangalore 12.97 77.59 IN
|delhi 28.61 77.21 IN|singapore 1.35 103.82 SG|hong kong 22.32 114.17 HK|tokyo 35.68 139.69 JP
|osaka 34.69 135.50 JP|seoul 37.57 126.98 KR|shanghai 31.23 121.47 CN|beijing 39.90 116.40 CN
|sydney -33.87 151.21 AU|melbourne -37.81 144.96 AU|brisbane -27.47 153.03 AU|perth -31.95 115.86 AU
|auckland -36.85 174.76 NZ|toronto 43.65 -79.38 CA-ON|montreal 45.50 -73.57 CA-QC|vancouver 49.28 -123.12 CA-BC
|calgary 51.05 -114.07 CA-AB|ottawa 45.42 -75.70 CA-ON|mexico city 19.43 -99.13 MX|sao paulo -23.55 -46.63 BR
|buenos aires -34.60 -58.38 AR|cape town -33.92 18.42 ZA|johannesburg -26.20 28.05 ZA|nairobi -1.29 36.82 KE
|lagos 6.52 3.38 NG|cairo 30.04 31.24 EG
"""


def _load_cities() -> dict[str, tuple[float, float, str]]:
    """Parse the gazetteer table: name -> (lat, lon, region code)."""
    out: dict[str, tuple[float, float, str]] = {}
    for row in _CITY_TABLE.replace("\n", "").split("|"):
        parts = row.strip().split()
        if len(parts) >= 4:
            out[" ".join(parts[:-3])] = (float(parts[-3]), float(parts[-2]), parts[-1])
    return out


_CITIES = _load_cities()
_STATE_CODES = {v: k for k, v in _STATES.items()}
# Cities found in lower-case notes ("lives in evanston", "(finch payments, dublin)"); names that are
# also common words or first names are left to capitalised text.
_AMBIGUOUS_CITIES = frozenset(
    ["nice", "la", "sf", "aurora", "lincoln", "eugene", "madison", "mesa", "salem", "reading", "columbia", "durham",
     "richmond", "arlington", "decatur", "norfolk", "lexington", "wilmington", "cambridge", "washington", "tempe",
     "provo", "reno", "perth", "bristol", "manchester", "birmingham", "rochester", "burlington", "greenville",
     "charleston", "lyon", "porto", "nice", "mobile", "boulder", "dayton", "akron", "queens", "valencia", "columbus dc"]
)  # fmt: skip
_LOWER_CITY_RE = re.compile(
    r"\b(?P<city>"
    + "|".join(sorted((re.escape(c) for c in _CITIES if c not in _AMBIGUOUS_CITIES), key=len, reverse=True))
    + r")\b(?:,?\s+(?P<st>[a-z]{2})\b)?"
)
_TRAVEL_BEFORE = re.compile(
    r"\b(?:to|flying|flew|fly|trip|travel\w*|visit\w*|presenting|conference|show|expo|summit|vacation|holiday|"
    r"honeymoon|wedding|event|convention|congress|meeting|back from|returning from|lanes?|loads?)\b[^.;]{0,25}$"
)
_PLACE_RE = re.compile(r"\b[A-Z][a-zA-Z.]+(?:\s+[A-Z][a-zA-Z.]+){0,2}\b")


@dataclass(frozen=True)
class _Place:
    """A place we can reason about: a known city (with coordinates) or a US state."""

    name: str
    lat: float | None
    lon: float | None
    region: str


def _place(name: str) -> _Place | None:
    """Look `name` up as a city ("Austin", "Austin, TX") or a US state ("Texas", "TX")."""
    key = name.strip().lower().rstrip(".")
    key = re.sub(r"\s+", " ", key)
    city = key.split(",")[0].strip()
    if city in _CITIES:
        lat, lon, region = _CITIES[city]
        return _Place(city, lat, lon, region)
    state = key.removesuffix(" state")
    for candidate in (state, f"{state} state"):
        if candidate in _STATES:
            return _Place(state, None, None, _STATES[candidate])
    if name.strip() in _STATE_CODES and len(name.strip()) == 2:
        return _Place(name.strip(), None, None, name.strip())
    return None


def _km(a: _Place, b: _Place) -> float | None:
    """Great-circle distance between two cities, or None when either is only a region."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _near(a: _Place, b: _Place) -> bool:
    """Whether two places are close enough for the client to attend an event there."""
    if a.name == b.name:
        return True
    km = _km(a, b)
    if km is not None:
        return km <= FAR_KM
    return a.region == b.region


def _places_in(text: str, start: int, end: int) -> Iterator[tuple[int, int, _Place]]:
    """Known places named (capitalised) between `start` and `end` of `text`."""
    for m in _PLACE_RE.finditer(text, start, end):
        words = m.group(0).split()
        found = _first_place(words)
        if found is not None:
            i, n, place = found
            s = m.start() + len(" ".join(words[:i])) + (1 if i else 0)
            yield s, s + len(" ".join(words[i : i + n])), place


def _first_place(words: list[str]) -> tuple[int, int, _Place] | None:
    """(index, length, place) of the first known place in a run of capitalised words, longest first."""
    for i in range(len(words)):
        for n in range(len(words) - i, 0, -1):
            cand = " ".join(words[i : i + n])
            place = _place(cand)
            if place is not None and not (n == 1 and len(cand) <= 2 and cand not in ("LA", "SF")):
                return i, n, place
    return None


# ---------------------------------------------------------------------------------------------
# Documents the guard may rely on


@dataclass(frozen=True)
class _Doc:
    """A piece of ledger evidence: note ids, lower-cased text, and the date it happened (if known)."""

    ids: tuple[str, ...]
    text: str
    when: date | None
    is_note: bool = False
    days: tuple[date, ...] = ()  # other days the note names by weekday ("came in sat")

    def fits(self, whens: Iterable[_When]) -> bool:
        """Whether the note's day, or a day it names, fits every time expression of a claim."""
        whens = list(whens)
        return any(d is not None and all(w.ok(d) for w in whens) for d in (self.when, *self.days))


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "mr.", "mrs.", "ms.", "dr."})
_GENERIC_GREETEES = frozenset(
    [
        "there",
        "team",
        "all",
        "everyone",
        "everybody",
        "folks",
        "friend",
        "friends",
        "sir",
        "madam",
        "both",
        "guys",
        "y'all",
        "again",
        "i",
        "hope",
        "thanks",
        "thank",
        "just",
        "quick",
        "happy",
        "good",
        "it",
        "we",
        "our",
        "the",
        "a",
        "this",
        "that",
        "great",
        "welcome",
        "morning",
        "afternoon",
        "evening",
        "hello",
        "hi",
        "hey",
        "dear",
    ]
)
_BAD_NEWS = re.compile(
    r"\b(?:passed away|passed on|died|death|funeral|bereave\w*|condolence\w*|grieving|mourning|"
    r"lost (?:his|her|their|a) (?:wife|husband|partner|mother|mom|mum|father|dad|son|daughter|brother|"
    r"sister|child|baby|job|grandmother|grandfather|grandma|grandpa)|in (?:the )?hospital|hospitali[sz]ed|"
    r"surgery|diagnos\w+|cancer|chemo\w*|illness|seriously ill|very ill|fell ill|sick leave|"
    r"laid off|layoffs?|lay-offs?|let go|made redundant|redundanc\w+|bankrupt\w*|divorce\w*|"
    r"car accident|accident|injur\w+|miscarriage|tough time|hard time|rough patch|house fire|flood(?:ed|ing)?|"
    r"stroke|heart attack|at the hospital|icu|intensive care|rear-?ended|crash(?:ed)?|totall?ed|break-?in|"
    r"burglar\w*|robbed|fire (?:at|in|destroyed)|evacuat\w+|displaced)\b"
)
# Pressure in a message: urgency, a push to commit now, "silver lining" framing.
_PRESSURE_RE = re.compile(
    r"\b(?:today only|this week only|ends? (?:this |on )?(?:friday|monday|tuesday|wednesday|thursday|saturday|sunday|"
    r"soon|tomorrow|today|tonight|this week|\d)|before (?:it's|they're|they are|it is) gone|filling (?:up )?fast|"
    r"going fast|selling fast|won't last|lock (?:it |this |that |your \w+ )?in|(?:put|leave|place) (?:a |down )?(?:a )?deposit|"
    r"deposit (?:down|today|this week)|sign(?:ed)? (?:it |this |the \w+ )?(?:today|this week|by)|commit (?:by|today|this week|now)|"
    r"(?:perfect|great|good|ideal|best) (?:time|moment) to|silver lining|while i have you|don't miss|last chance|act now|"
    r"limited[- ]time|hit my (?:quarter|number|target|quota)|bind it|order (?:it )?(?:today|now|this week)|"
    r"get (?:it|this|your \w+) (?:ordered|signed|booked|done)|(?:special|exclusive) (?:rate|price|deal|offer)|"
    r"trade up|upgrade (?:now|today)|by (?:friday|monday|tuesday|wednesday|thursday|end of (?:day|week|month)))\b"
)
# A gentle message after bad news: no pressure, their timing.
_CALM_RE = re.compile(
    r"\b(?:no rush|no pressure|no hurry|no need to (?:rush|reply|respond|decide|think)|nothing (?:needed|required)|"
    r"take (?:all )?(?:the |your )?time|whenever (?:you're|you are|you feel) ready|when(?:ever)? you're ready|"
    r"when the time is right|(?:happy|glad) to (?:push|pause|hold off|wait|revisit|postpone|move)|"
    r"(?:it|this|that|everything) can wait|no reply needed|don't worry about)\b"
)
_SALES_RE = re.compile(
    r"\b(?:\d{1,3}\s?(?:%|percent)\s+off|discount\w*|special offer|offer|deal|sale|promo\w*|"
    r"upgrade|buy now|order now|limited[- ]time|last chance|don't miss|act now|new collection|"
    r"pricing|price[sd]?|quote|purchase|sign up|renewal|upsell|bundle|free trial)\b"
)


_PHONE_CALLS = "phone calls"
_PHONE_CALL_RE = (
    r"\b(?:(?:call|phone|ring) you|give you a (?:call|ring|buzz)|jump on a (?:quick )?call|hop on a (?:quick )?call|"
    r"(?:a|quick|short) (?:phone )?call\b)"
)


# Things salespeople offer that clients often turn down, each with the many ways a message can offer
# it again: (what a declining note says, how a message offers it). "declined financing" is not
# honoured by a message that offers "0% over 60 months".
_CONCEPTS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (name, re.compile(trigger), re.compile(offer))
    for name, trigger, offer in (
        (
            "financing",
            r"\b(?:financ\w*|loans?|payment plans?|credit)\b",
            r"\b(?:financ\w*|loans?|0% (?:apr|plan|interest|financing)|\d+(?:\.\d+)?% apr|\$0 down|zero down|"
            r"no money down|payment plans?|monthly payments?|lease[- ]to[- ]own|over \d+ months|\d+ monthly installments)\b",
        ),
        (
            "extended warranty",
            r"\b(?:extended warrant\w*|warranty extension|protection plans?|service contracts?)\b",
            r"\b(?:extended warrant\w*|warranty extension|(?:protection|service|maintenance|coverage|care) "
            r"(?:plan|contract|package)s?|vehicle service contract|platinum (?:plan|protection|coverage))\b",
        ),
        (
            "multi-year terms",
            r"\b(?:multi-?year|long(?:er)?[- ](?:term )?(?:contracts?|deals?|commitments?)|month[- ]to[- ]month|"
            r"annual only|only annual)\b",
            r"\b(?:multi-?year|(?:\d+|two|three|four|five)[- ]year (?:agreement|contract|term|deal|commitment|plan|"
            r"renewal|subscription))\b",
        ),
        (
            "life insurance",
            r"\blife (?:ins\w*|polic\w+|cover\w*)\b",
            r"\b(?:life (?:insurance|ins|polic\w+|cover\w*)|term (?:life|polic\w+|insurance)|whole life|universal life|"
            r"\d+-year term)\b",
        ),
        (
            "hoa",
            r"\b(?:hoas?|homeowners'? association)\b",
            r"\b(?:hoas?|homeowners'? association|association (?:fees?|dues))\b",
        ),
        ("dj", r"\bdjs?\b", r"\b(?:djs?|disc jockey)\b"),
        (
            "open houses",
            r"\bopen houses?\b",
            r"\b(?:open houses?|public showings?|open to (?:the public|everyone)|doors open to)\b",
        ),
        ("cabernet", r"\b(?:cabs?|cabernets?)\b", r"\b(?:cabs?|cabernets?|cab sauv\w*)\b"),
        (
            "big tech",
            r"\b(?:faang|big tech|big-tech)\b",
            r"\b(?:faang|big[- ]tech|google|amazon|facebook|meta|apple|netflix|microsoft)\b",
        ),
        ("oaky wine", r"\boak(?:y|ed)\b", r"\b(?:oaky|oaked|buttery|barrel[- ](?:aged|fermented)|new oak)\b"),
    )
)


class _Guard:
    """Holds one check's text and context; each public-ish method is one rule."""

    def __init__(self, text: str, ctx: DraftContext):
        self.text = text
        self.low = _norm(text)
        self.ctx = ctx
        self.tz = ctx.now.tzinfo
        self.today = ctx.now.date()
        self.docs = self._docs()

    # -- evidence ------------------------------------------------------------------------------

    def _docs(self) -> list[_Doc]:
        """Notes, facts, commitments and the purpose as searchable evidence."""
        ctx = self.ctx
        docs = []
        for n in ctx.notes:
            low, noted = _norm(n.text), _local_date(n.occurred_at, self.tz)
            days = tuple(d for d, _ in _note_day_refs(low, noted) if d != noted)
            docs.append(_Doc((n.id,), low, noted, True, days))
        docs += [_Doc(f.source_ids, _norm(f"{f.text} {f.value}"), None) for f in ctx.facts]
        docs += [_Doc(c.source_ids, _norm(c.text), None) for c in ctx.commitments]
        if ctx.purpose:
            docs.append(_Doc((), _norm(ctx.purpose), None))
        return docs

    def _finding(self, kind: str, start: int, end: int, message: str, sources: Iterable[str] = ()) -> Finding:
        """A finding whose span is `text[start:end]` (trimmed)."""
        start, end = _trimmed(self.text, start, end)
        verdict = "block" if kind in BLOCKING else "warn"
        ids = tuple(dict.fromkeys(s for s in sources if s))
        return Finding(kind, self.text[start:end], message, ids, verdict)

    def _first_line(self) -> tuple[int, int]:
        """The greeting line or first sentence, used as the span of whole-message findings."""
        sents = _sentences(self.text)
        return sents[0] if sents else (0, len(self.text))

    def _facts(self, *kinds: FactKind) -> list:
        """Current facts of the given kinds."""
        return [f for f in self.ctx.facts if f.kind in kinds and f.valid_to is None]

    def _note_ids_matching(self, pattern: re.Pattern[str]) -> tuple[str, ...]:
        """Ids of notes whose text matches `pattern`."""
        return tuple(n.id for n in self.ctx.notes if pattern.search(_norm(n.text)))

    # -- no_consent ----------------------------------------------------------------------------

    _OPT_OUT = re.compile(
        r"\b(?:opted[- ]out|opt(?:s|ing)?[- ]out|unsubscribed?|do not contact|don't contact|"
        r"not to (?:be )?contact(?:ed)?|not to (?:email|message|call|write|reach out)|(?:don't|do not|not) reach out|"
        r"(?:don't|do not) (?:email|contact|message|write to) (?:her|him|them|me)|stop (?:contacting|emailing|"
        r"messaging|writing)|no (?:further|more) (?:contact|emails|messages)|asked us to stop|"
        r"take (?:her|him|them|me) off (?:the|our|your|all) (?:mailing |call |calling |contact |email )?lists?|"
        r"remove (?:her|him|them|me) from (?:the|our|your|all) (?:mailing |call |contact |email )?lists?|"
        r"leave (?:her|him|them|me) alone|"
        r"(?:stop|quit) (?:calling|texting|phoning)\s*(?:&|and|or|/|\+)\s*(?:emailing|contacting|messaging|writing|texting)|"
        r"quit (?:contacting|emailing|messaging|writing)|(?:don't|do not) (?:contact|email|message|call) (?:her|him|them|me)|"
        r"(?:he|she|they)(?:'ll| will) (?:call|reach out|get in touch|be in touch|contact us)(?: \w+)? (?:when|if|once)|"
        r"(?:don't|do not|not to) (?:contact|email|call|reach out to) (?:her|him|them)? ?(?:til|till|until|before))\b"
    )
    # An opt-out scoped to marketing ("unsubscribed from the newsletter"): direct messages stay fine.
    # Only an explicit limit counts: "unsubscribed from the newsletter" alone is a plain opt-out.
    _MARKETING_SCOPE = re.compile(
        r"\bno (?:more |further )?(?:marketing|promos?|promotions?|promotional \w+|newsletters?|webinar invites?|"
        r"event invites?|mass emails?|bulk emails?|blasts?)\b|\b(?:marketing|promo(?:tional)?|newsletter)s? only\b|"
        r"\b(?:just|only) wants? (?:direct|personal|1:1|one-to-one)\b|"
        r"\b(?:direct|personal) (?:emails?|messages?|notes?|contact) (?:are |is )?(?:still )?(?:ok|okay|fine|welcome)\b"
    )
    _ALL_SCOPE = re.compile(r"\b(?:all|any|everything|every|entirely|contact(?:ing)?|reach(?:ing)? out|alone)\b")
    _MARKETING_MSG = re.compile(
        r"\b(?:newsletter|webinar|promo\w*|sale|save your (?:seat|spot)|register|rsvp|join us|invite|"
        r"new (?:inventory|arrivals?|collection)|offer|deal|launch|event|pricing is live)\b"
    )
    _OPT_IN = re.compile(
        r"\b(?:opted (?:back )?in|opt(?:s|ed)? back in|re-?subscribed|happy to hear from (?:us|you) again|"
        r"ok to contact|okay to contact|fine to contact|can contact (?:her|him|them) again|"
        r"ready to (?:talk|chat|hear|meet)(?: again)?|happy to (?:get|receive|hear|talk)|"
        r"(?:ok|okay|fine|happy) (?:for us |for me )?to (?:email|call|text|reach out|contact)|"
        r"wants? to hear (?:from us|more)|back in touch|reached (?:back )?out again|called (?:me |us )?back)\b"
    )
    _CHANNEL_ONLY = re.compile(r"\b(?:phone|calls?|calling|texts?|texting|sms|voicemail)\b")
    _UNTIL = re.compile(
        rf"\b(?:until|till|til|before|in|after)\s+(?:early\s+|mid[- ]|late\s+)?(?P<month>{_MONTH_RX})(?![a-z])"
    )
    _UNTIL_DAY = re.compile(
        rf"\b(?:until|till|til|before|after)\s+(?:after\s+)?(?P<day>{_NUMDATE_RX}|{_MONTH_RX}\s+{_DAY_RX}\b)"
    )
    _DEFER = re.compile(
        r"\b(?:check back|circle back|follow up|touch base|reach out|get back to (?:her|him|them)|revisit|"
        r"holding off|hold off|wait(?:ing)?)\b[^.;]{0,40}?\b(?:in|after|until|till|around)\s+"
        rf"(?:early\s+|mid[- ]|late\s+)?(?P<month>{_MONTH_RX})(?![a-z])"
    )

    def _month_start(self, word: str, noted: date) -> date:
        """The first day of the next `word` month on or after the note's month."""
        month = _MONTHS[word.rstrip(".")]
        year = noted.year if month >= noted.month else noted.year + 1
        return date(year, month, 1)

    def _opt_out_lifted(self, note_id: str, since: datetime | None) -> bool:
        """Whether an opt-out (from note `note_id`) has ended: a later opt-in note, or "until March" passed."""
        notes = {n.id: n for n in self.ctx.notes}
        src = notes.get(note_id)
        start = _aware(src.occurred_at, self.ctx.now) if src else since
        for n in self.ctx.notes:
            if start is not None and _aware(n.occurred_at, self.ctx.now) <= start:
                continue
            if self._OPT_IN.search(_norm(n.text)):
                return True
        if src is not None:
            day = self._UNTIL_DAY.search(_norm(src.text))
            if day:
                md = _parse_md(day.group("day"))
                noted = _local_date(src.occurred_at, self.tz)
                if md is not None:
                    end = _safe_date(noted.year, *md) or noted
                    if end < noted - timedelta(days=31):
                        end = _safe_date(noted.year + 1, *md) or end
                    return self.today > end
            m = self._UNTIL.search(_norm(src.text))
            if m and not m.group(0).startswith(("in ", "before ")):
                noted = _local_date(src.occurred_at, self.tz)
                if self.today >= self._month_start(m.group("month"), noted):
                    return True
        return False

    def no_consent(self) -> list[Finding]:
        """Block any message to a client who opted out (a consent fact, or the latest consent note)."""
        sources: tuple[str, ...] = ()
        for f in self._facts(FactKind.CONSENT):
            if (
                self._CHANNEL_ONLY.search(_norm(f.text))
                and not re.search(r"\b(?:all|any|email|contact)", _norm(f.text))
                and not self._full_opt_out_note(f.source_ids)
            ):
                continue  # "opted out of phone calls": the preference rule handles calls; email is fine
            if any(self._opt_out_lifted(i, f.valid_from) for i in f.source_ids) or (
                not f.source_ids and self._opt_out_lifted("", f.valid_from)
            ):
                continue
            value = _norm(f.value).replace("-", "_").replace(" ", "_")
            if value in {
                "opted_out",
                "opt_out",
                "no",
                "false",
                "revoked",
                "withdrawn",
                "unsubscribed",
                "do_not_contact",
                "none",
                "denied",
            }:
                sources = f.source_ids or ("",)
        if not sources and not self._facts(FactKind.CONSENT):
            for n in sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp(), reverse=True):
                low = _norm(n.text)
                if self._OPT_IN.search(low):
                    break
                if self._OPT_OUT.search(low):
                    if not self._opt_out_lifted(n.id, None):
                        sources = (n.id,)
                    break
        if not sources:
            return []
        if self._marketing_only(sources) and not any(
            not self._negated(m.start()) for m in self._MARKETING_MSG.finditer(self.low)
        ):
            return []  # they left the newsletter or the webinar list, not the conversation
        s, e = self._first_line()
        return [self._finding("no_consent", s, e, "the client asked not to be contacted", sources)]

    def _full_opt_out_note(self, ids: tuple[str, ...]) -> bool:
        """Whether a source note asks for no contact at all ("stop calling & emailing her")."""
        for n in self.ctx.notes:
            low = _norm(n.text)
            if (
                n.id in ids
                and self._OPT_OUT.search(low)
                and not re.search(
                    r"\b(?:email|emails|emailing|texts?|mail)\s+(?:is |are )?(?:still )?(?:ok|okay|fine)\b", low
                )
            ):
                return True
        return False

    def _marketing_only(self, sources: tuple[str, ...]) -> bool:
        """Whether every opt-out note is about marketing only ("unsubscribed from the webinar emails")."""
        texts = [_norm(n.text) for n in self.ctx.notes if n.id in sources]
        return bool(texts) and all(self._MARKETING_SCOPE.search(t) and not self._ALL_SCOPE.search(t) for t in texts)

    # -- too_frequent --------------------------------------------------------------------------

    def too_frequent(self) -> list[Finding]:
        """Warn when this message would exceed the contact cap for the client."""
        now = self.ctx.now
        past = [_aware(t, now) for t in self.ctx.sent_at]
        past = [t for t in past if t <= now]
        recent = [t for t in past if now - t < CAP_WINDOW]
        last_day = [t for t in past if now - t < MIN_GAP]
        if len(recent) >= WEEKLY_CAP:
            msg = f"{len(recent)} messages to this client in the last {CAP_WINDOW.days} days (cap {WEEKLY_CAP})"
        elif last_day:
            msg = f"a message already went to this client {_ago(now - max(last_day))}"
        else:
            return []
        s, e = self._first_line()
        return [self._finding("too_frequent", s, e, msg)]

    # -- name_misuse ---------------------------------------------------------------------------

    _PLACEHOLDER = re.compile(
        r"\{\{[^{}\n]{1,40}\}\}|\{\s?[A-Za-z_][\w .-]{0,30}\}|\$\{[A-Za-z_]\w*\}"
        r"|\[(?:[A-Z][A-Za-z]*(?:[ _][A-Za-z]+){0,3}|(?i:first[ _]?name|last[ _]?name|name|company|client|"
        r"customer|your name|date|product|city))\]"
        r"|<(?:[A-Z][A-Z_ ]{1,30}|[A-Z][a-z]+(?:[ _][A-Z][a-z]+){0,3}|(?i:first_?name|last_?name|name|company|client))>"
        r"|%[A-Za-z_]{2,30}%|\b[A-Z]{2,}_[A-Z_]{2,}\b|\bXX+\b"
    )
    _GREETING = re.compile(
        r"^[ \t>*-]*(?P<greet>(?i:hi|hello|hey|dear|good morning|good afternoon|good evening|greetings|"
        r"morning|hiya|howdy|happy birthday|happy belated birthday|congratulations|congrats|welcome back|"
        r"hi again|hello again))\b(?:[ \t]+(?P<title>(?i:mr|mrs|ms|miss|mx|dr|prof))\.?)?[ \t,]+"
        r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})",
        re.M,
    )

    _NICK_NOTE = re.compile(
        r"\b(?i:goes by|go by|going by|call (?:her|him|them|me)|calls? (?:herself|himself|themselves)|"
        r"prefers? to be called|likes to be called|wants to be called|known as|nickname(?: is)?|a\.?k\.?a\.?)"
        r"\s+[\"'“‘]?(?P<nick>[A-Za-z][\w'’-]+)"
    )
    # "prefers Sam", "he prefers 'Hiro'": a capitalised name sharing the first name's initial.
    _PREFERS_NAME = re.compile(r"\b(?i:prefers?|likes|wants)\s+[\"'“‘]?(?P<nick>[A-Z][a-z]{1,11})\b(?![\w'’-])")
    # "wants to be addressed as Dr. Nguyen": a title and surname, not the first name.
    _FORMAL_NOTE = re.compile(
        r"\b(?:addressed as|call (?:her|him|them)|called|goes by|prefers?(?: to be called)?)\s+[\"'“‘]?"
        r"(?:dr|mr|mrs|ms|mx|prof|professor|doctor)\.?\s+(?P<last>[a-z][\w'’-]+)"
    )

    def _nicknames(self) -> set[str]:
        """Names the notes say the client goes by ("goes by Mia", "call her Kate", "Samantha Ortiz (Sam)")."""
        c = self.ctx.client
        words = [w for w in c.name.split() if w.lower() not in _TITLES]
        out: set[str] = set()
        paren = None
        if words:
            paren = re.compile(
                rf"\b{re.escape(words[0])}(?:\s+[A-Z][\w'’-]+){{0,2}}\s*\((?P<nick>[A-Z][a-z]{{1,12}})\)"
            )
        first = _fold(words[0]) if words else ""
        last = _fold(words[-1]) if len(words) > 1 else ""
        pair = (
            re.compile(rf"\b(?P<a>[a-z][a-z'’-]{{1,14}})\s+{re.escape(last)}\s*\((?P<b>[a-z][a-z'’-]{{1,14}})\)")
            if last
            else None
        )
        for n in self.ctx.notes:
            for m in self._NICK_NOTE.finditer(n.text):
                nick = _fold(m.group("nick"))
                if nick not in _STOP and nick not in _GENERIC_GREETEES and nick not in _TITLES:
                    out.add(nick)
            for m in self._PREFERS_NAME.finditer(n.text):
                nick = _fold(m.group("nick"))
                if first and nick[:1] == first[:1] and nick != first and nick not in _STOP:
                    out.add(nick)
            if paren is not None:
                for m in paren.finditer(n.text):
                    out.add(_fold(m.group("nick")))
            if pair is not None:
                for m in pair.finditer(_fold(n.text)):
                    a, b = m.group("a"), m.group("b")
                    if first in (a, b) and a != b and a not in _TITLES:
                        out.add(b if a == first else a)
        return out

    def _formal_address(self) -> bool:
        """Whether the notes ask for a title and surname ("wants to be addressed as Dr. Nguyen")."""
        words = [w for w in self.ctx.client.name.split() if w.lower() not in _TITLES]
        last = _fold(words[-1]) if len(words) > 1 else ""
        return bool(last) and any(
            m.group("last") == last for n in self.ctx.notes for m in self._FORMAL_NOTE.finditer(_fold(n.text))
        )

    def _client_names(self) -> tuple[set[str], set[str], str | None]:
        """(first names they may be greeted by, surnames, a formal first name they do not use)."""
        c = self.ctx.client
        first: set[str] = set(self._nicknames())
        last: set[str] = set()

        def words(name: str) -> list[str]:
            return [w for w in name.replace(",", " ").split() if w.lower() not in _TITLES]

        name_words = words(c.name)
        if c.goes_by:
            first.add(c.goes_by.lower())
        elif name_words:
            first.add(name_words[0].lower())
        for alias in c.aliases:
            aw = words(alias)
            if aw:
                first.add(aw[0].lower())
                last.add(aw[-1].lower())
        if len(name_words) > 1:
            last.add(name_words[-1].lower())
        formal_first = None
        if c.formal_name:
            fw = words(c.formal_name)
            if fw:
                last.add(fw[-1].lower())
                if fw[0].lower() not in first:
                    formal_first = fw[0]
        if c.goes_by and name_words and name_words[0].lower() not in first:
            formal_first = formal_first or name_words[0]
        if name_words and not c.goes_by and first - {name_words[0].lower()}:
            first.add(name_words[0].lower())  # a nickname from the notes; the first name stays polite
        return {_fold(f) for f in first}, {_fold(x) for x in last}, formal_first

    def name_misuse(self) -> list[Finding]:
        """Placeholders left in, a greeting with the wrong or a field-smashed name, another client's name."""
        out = [
            self._finding("name_misuse", m.start(), m.end(), f"placeholder {m.group(0)!r} left in the text")
            for m in self._PLACEHOLDER.finditer(self.text)
        ]
        for m in self._GREETING.finditer(self.text):
            finding = self._check_greeting(m)
            if finding:
                out.append(finding)
        out += self._other_clients()
        return out

    def _check_greeting(self, m: re.Match[str]) -> Finding | None:
        """Judge the name in one greeting line."""
        first, last, formal_first = self._client_names()
        tokens = m.group("name").split()
        head = _fold(tokens[0]).strip("'’")
        s, e = m.start("name"), m.end("name")
        company = _norm(self.ctx.client.company or "").split()
        if head in _GENERIC_GREETEES or head in company:
            return None
        if m.group("title"):
            if head in first and len(tokens) > 1 and _fold(tokens[1]) in last:
                return self._finding(
                    "name_misuse", m.start(), e, f"title plus full name (a data field); write {self._greet_name()}"
                )
            if head in last or head in first:
                return None
            return self._finding("name_misuse", m.start(), e, f"{tokens[0]} is not this client's name")
        if self._formal_address() and head not in last:
            return self._finding("name_misuse", m.start(), e, "the notes ask for a title and surname, not a first name")
        if formal_first and head == formal_first.lower():
            return self._finding("name_misuse", m.start(), e, f"they go by {self._greet_name()}, not {formal_first}")
        if self._full_name_greeting(tokens):
            return self._finding(
                "name_misuse", m.start(), e, f"full name used as a greeting (a data field); write {self._greet_name()}"
            )
        if head in first or any(len(head) >= 3 and len(f) - len(head) >= 2 and f.startswith(head) for f in first):
            if len(tokens) > 1 and _fold(tokens[1]) in last:
                full = self.text[s : m.start("name") + len(" ".join(tokens[:2]))]
                return self._finding(
                    "name_misuse",
                    m.start(),
                    s + len(full),
                    f"full name used as a greeting (a data field); write {self._greet_name()}",
                )
            return None
        if head in last and not (len(tokens) == 1 and m.group("greet").lower() in ("hi", "hey", "hello", "hiya")):
            return None  # "Dear Tanaka-san" may be fine; "Hi Eriksen" is a surname where a first name goes
        other = self._other_client_named(head)
        why = f"{tokens[0]} is another client's name" if other else f"{tokens[0]} is not this client's name"
        return self._finding("name_misuse", m.start(), s + len(tokens[0]), why)

    def _full_name_greeting(self, tokens: list[str]) -> bool:
        """Whether the greeting's words are the client's full display or formal name."""
        said = " ".join(t.lower() for t in tokens)
        c = self.ctx.client
        for full in (c.name, c.formal_name or ""):
            words = [w.lower() for w in full.split() if w.lower() not in _TITLES]
            if len(words) >= 2 and said.startswith(" ".join(words)):
                return True
        return False

    def _greet_name(self) -> str:
        """The name the client goes by."""
        c = self.ctx.client
        words = [w for w in c.name.split() if w.lower() not in _TITLES]
        return c.goes_by or (words[0] if words else c.name)

    def _other_client_named(self, first: str) -> str | None:
        """Another client whose first name is `first`, if any."""
        mine = _norm(self.ctx.client.name).split()
        for other in self.ctx.other_clients:
            words = _norm(other).split()
            if words and words[0] == first and (not mine or mine[0] != first):
                return other
        return None

    def _other_clients(self) -> list[Finding]:
        """Another client's full display name anywhere in the text."""
        c = self.ctx.client
        mine = {_norm(x) for x in (c.name, c.formal_name or "", *c.aliases) if x}
        out = []
        for other in self.ctx.other_clients:
            if len(other.split()) < 2 or _norm(other) in mine:
                continue
            for m in re.finditer(rf"\b{re.escape(_norm(other))}\b", self.low):
                out.append(self._finding("name_misuse", m.start(), m.end(), f"{other} is another client"))
        return out

    # -- invented_commitment -------------------------------------------------------------------

    _PERCENT = re.compile(
        r"(?:\b(?:save|saving|take|get|enjoy|knock(?:ing)?|an extra|extra|additional)\s+(?:an?\s+)?"
        r"(?:extra\s+)?(?P<n1>\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)"
        r"|\b(?P<n2>\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)\s+(?:off|discount|reduction|rebate|cash ?back|"
        r"savings?|lower|cheaper|loyalty|credit|(?:\w+ )?(?:rate|price|pricing|deal|offer|rebate))"
        r"|\b(?:discount|reduction|rebate|savings?|markdown) of (?:up to )?(?P<n3>\d{1,3}(?:\.\d+)?)\s?"
        r"(?:%|percent|per cent)"
        r"|(?P<money>[$€£]\s?\d[\d,]*(?:\.\d\d)?k?)\s+(?:off|discount|credit|rebate|voucher|gift card|cash ?back)"
        r"|\b(?:half[- ]price|half[- ]off|buy one,? get one|bogo|two for one|2[- ]for[- ]1))"
    )
    _DISCOUNT = re.compile(
        r"\b(?:discount(?:ed|s)?|voucher|coupon|promo(?:tional)? code|rebate|markdown|price[- ]match|"
        r"cash ?back|refund(?:ed|s)?|loyalty (?:credit|bonus)|(?:special|exclusive|vip|preferred|partner|loyalty|"
        r"insider|friends and family|introductory|early[- ]bird) (?:price|pricing|rate|deal|offer|discount)|"
        r"(?:price|pricing|rate|rates|discount|deal|offer) (?:is |are |has been |have been |stays? )?locked in|"
        r"price (?:lock|freeze)|lock(?:ed)? in (?:the|your|this|that|a) (?:price|rate))\b"
    )
    _FREE = re.compile(
        r"(?<![\w-])(?:(?<=is )free(?= on| of charge| for you| this time|[.,!]|$)|free|complimentary|on the house|at no (?:extra |additional )?(?:cost|charge)|"
        r"no[- ]charge|waive[ds]?|waiving|(?:are|is|'s|be|were) on us)(?:\s+(?P<what>[a-z][a-z-]+))?"
    )
    _FREE_NOT = re.compile(
        r"(?:feel|are you|you're|you are|if you're|i'm|we're|i am|be|set you|break|hands|sugar|"
        r"gluten|scot|duty|tax|risk|worry|stress|hassle|carefree|toll)[\s-]$"
    )
    _FREE_AFTER = frozenset(
        [
            "to",
            "for",
            "on",
            "at",
            "time",
            "slot",
            "slots",
            "moment",
            "minute",
            "minutes",
            "afternoon",
            "morning",
            "evening",
            "day",
            "this",
            "next",
            "later",
            "whenever",
            "if",
            "now",
            "then",
            "and",
            "or",
        ]
    )
    _PROMISE = re.compile(
        r"\b(?:as (?:i |we )?promised|(?:i|we) (?:have |had |'ve |'d )?promised|promised you|"
        r"my promise|our promise|the promise|as (?:i |we )?agreed|as (?:i |we )?offered|"
        r"the offer (?:i|we) (?:made|mentioned|sent)|(?:i|we) offered you|(?:i|we) agreed to|"
        r"(?:i|we) (?:can )?guarantee|guaranteed|money[- ]back|throw(?:ing)? in|upgrade you|bump you up|"
        r"(?:i|we) owe you|(?:i|we)(?:'ll| will| can| could) (?:cover|pay for|pay off|pick up) (?:your |the |all )?"
        r"(?:remaining |closing |extra )?(?:costs?|fees?|shipping|delivery|install\w*|freight|difference|deductible|"
        r"payments?|bill|tab))\b"
    )
    _PROMISE_CUES = re.compile(r"promis|agreed|will send|'ll send|owe|offered|committed|guarantee|will get back")

    def invented_commitment(self) -> list[Finding]:
        """Offers, discounts, freebies and promises that no open commitment or note backs."""
        out = []
        docs = self.docs
        for m in self._PERCENT.finditer(self.low):
            if not self._number_backed(m):
                out.append(self._offer_finding(m.start(), m.end(), "no recorded promise or note offers this"))
        for m in self._DISCOUNT.finditer(self.low):
            if self._negated(m.start()):
                continue
            stem = _stem(m.group(0).split()[0])
            if not any(stem in d.text or re.search(r"\d\s?(?:%|percent)", d.text) for d in docs):
                out.append(self._offer_finding(m.start(), m.end(), "no recorded promise or note offers a discount"))
        out += self._free_offers()
        for m in self._PROMISE.finditer(self.low):
            if self._negated(m.start()):
                continue
            if not self._promise_backed(m):
                out.append(
                    self._offer_finding(
                        m.start(),
                        _clause_after(self.low, m.end() - 1),
                        "no open commitment or note records this promise",
                    )
                )
        return out

    def _offer_finding(self, start: int, end: int, message: str) -> Finding:
        """An invented_commitment finding citing the open commitments that do exist."""
        ids = [i for c in self.ctx.commitments for i in c.source_ids]
        return self._finding("invented_commitment", start, end, message, ids)

    def _negated(self, pos: int) -> bool:
        """Whether a negation closely precedes `pos` in its clause ("no discount", "can't guarantee")."""
        before = self.low[max(0, pos - 25) : pos]
        before = re.split(r"[,.;:!?\n]", before)[-1]
        return bool(re.search(r"\b(?:no|not|never|without|can't|cannot|won't|isn't|aren't|don't|n't)\b", before))

    def _number_backed(self, m: re.Match[str]) -> bool:
        """Whether a percentage or amount offer appears in some note or commitment."""
        num = m.group("n1") or m.group("n2") or m.group("n3")
        if num:
            pat = re.compile(rf"(?<![\d.]){re.escape(num)}\s?(?:%|percent|per cent)")
        elif m.group("money"):
            digits = re.sub(r"[^\dk.]", "", m.group("money"))
            pat = re.compile(rf"[$€£]?\s?{re.escape(digits)}")
        else:
            pat = re.compile(re.escape(m.group(0).split()[0].split("-")[0]))
        return any(pat.search(d.text) for d in self.docs)

    def _free_offers(self) -> list[Finding]:
        """ "free X", "complimentary X", "waived fee" not backed by a note or commitment."""
        out = []
        for m in self._FREE.finditer(self.low):
            word = m.group(0).split()[0]
            what = m.group("what") or ""
            before = self.low[max(0, m.start() - 14) : m.start()]
            if word == "free" and (what in self._FREE_AFTER or self._FREE_NOT.search(before) or not what):
                continue
            if what and self.low[m.end() : m.end() + 1] == "-":
                continue
            if self._negated(m.start()):
                continue
            stem = _stem(what) if what else ""
            offer = re.compile(
                r"(?<!gluten )(?<!gluten-)(?<!sugar )(?<!sugar-)(?<!dairy )(?<!dairy-)(?<!hands-)(?<!tax )(?<!tax-)"
                r"(?<!duty )(?<!duty-)(?<!risk-)(?<!nut-)(?<!nut )(?<!fat-)free|complimentary|no charge|no cost|waive|"
                r"on the house|on us"
            )
            if any(offer.search(d.text) and (not stem or stem in d.text) for d in self.docs):
                continue
            out.append(self._offer_finding(m.start(), m.end(), "no recorded promise or note offers this for free"))
        return out

    _OFFER_TERM = re.compile(
        r"\d+(?:\.\d+)?\s?(?:%|percent)|[$€£]\s?\d(?:[\d,]*\d)?|\bnet[- ]?\d+|\bfree\b|\bcomplimentary\b|\bwaiv\w*|"
        r"\bno (?:extra )?(?:cost|charge)\b|\bbeat\b|\bprice[- ]match\w*|\bdiscount\w*|\bon the house\b|\b\d+[- ]year warranty\b"
    )

    def _promise_backed(self, m: re.Match[str]) -> bool:
        """Whether the promise's topic matches an open commitment or a note that records a promise."""
        start, end = _sentence_of(self.low, m.start())
        for term in self._OFFER_TERM.finditer(self.low, start, end):
            said = term.group(0)
            key = re.sub(r"\s+", " ", said) if re.search(r"\d", said) else _stem(said.split()[0])[:5]
            if not any(key in re.sub(r"\s+", " ", d.text) for d in self.docs):
                return False
        topic = _content_words(self.low[start:end]) - _content_words(m.group(0))
        terms = [t.group(0) for t in self._OFFER_TERM.finditer(self.low, start, end)]
        if terms and any(
            d.is_note and all(t in d.text for t in terms) and topic & _content_words(d.text) for d in self.docs
        ):
            return True  # "the fee stays at 20% as agreed": the note has the fee at 20%
        for c in self.ctx.commitments:
            if topic & _content_words(c.text) or not topic:
                return True
        return any(self._PROMISE_CUES.search(d.text) and topic & _content_words(d.text) for d in self.docs)

    # -- unsupported_claim (+ wrong_fact for a wrong date of a real event) ---------------------

    _FUTURE = re.compile(
        r"\b(?:will|'ll|won't|will not|can't make|not going|would|'d|going to|next|tomorrow|upcoming|hope to|hoping to|look(?:ing)? forward|"
        r"can't wait|plan(?:ning)? to|let's|shall|could we|can we|soon|later this|would you|if you|"
        r"whenever|invite|join us|want to|love to|like to)\b"
    )
    _NOUNS = (
        r"(?:call|meeting|chat|conversation|talk|lunch|dinner|breakfast|brunch|coffee|drinks|catch-?up|"
        r"discussion|demo|visit|session|walk-?through|presentation|tour|webinar|workshop|conference|summit|"
        r"expo|order|purchase|game|round of golf|golf|meetup|keynote|gala|reception|offsite|fair|roadshow|"
        r"booth|trade show|welcome|hospitality)"
    )
    _CLAIMS: ClassVar[list[re.Pattern[str]]] = [
        re.compile(
            r"\b(?:great|good|nice|lovely|wonderful|fantastic|fun|a pleasure|a delight|a treat|awesome|"
            r"so good|really good|brilliant)\s+(?:to\s+)?(?:finally\s+|again\s+)?(?:see|seeing|meet|meeting|catch(?:ing)? up|"
            r"talk(?:ing)?|speak(?:ing)?|chat(?:ting)?|run(?:ning)? into|bump(?:ing)? into|connect(?:ing)?|"
            r"sit(?:ting)? down|have you|having you|host(?:ing)? you)\b"
        ),
        re.compile(
            r"\bas (?:we|i|you) (?:discussed|agreed|talked about|spoke about|covered|went over|said|decided|"
            r"planned|arranged|shared|mentioned|told me|asked|requested)\b|\bas (?:discussed|mentioned)\b"
            r"|\b(?:as )?per our (?:call|conversation|chat|meeting|discussion|talk)\b"
        ),
        re.compile(
            r"\b(?:when|since|after|the day|the time|last time) (?:we|i) (?:last |first )?(?:met|spoke|talked|"
            r"chatted|caught up|had (?:lunch|dinner|coffee|a call|our call|drinks|breakfast)|saw each other|"
            r"bumped into|ran into|visited|got together|sat down|stopped by|came by|dropped by|came in|popped in|"
            r"swung by|was (?:in|at|by) (?:the|your))\b"
        ),
        re.compile(
            r"\b(?:we|i) (?:met|spoke|talked|chatted|caught up|saw you|ran into you|bumped into you|"
            r"had (?:lunch|dinner|coffee|drinks|breakfast)(?: together)?)\b(?! (?:with|to) (?!you))"
        ),
        re.compile(
            r"\b(?:i|we) (?:really )?(?:remember|recall|enjoyed|loved|appreciated|valued) (?:you|your|our|"
            r"meeting|seeing|talking|chatting|speaking|the)\b"
        ),
        re.compile(
            r"(?<!\bif )(?<!\bwhen )(?<!whenever )(?<!\bunless )\byou (?:told me|mentioned|said|shared|"
            r"were asking|were interested|expressed interest|showed interest|seemed keen|loved|enjoyed|"
            r"liked|ordered|bought|purchased|visited|came by|stopped by|attended|signed up|registered|"
            r"requested|asked (?:me )?(?:for|about)|picked up|tried on|test[- ]drove)\b"
        ),
        re.compile(
            r"\b(?:thanks|thank you|thx|many thanks)\s+(?:again\s+|so much\s+|very much\s+|a lot\s+)?for\s+"
            r"(?:your (?:recent |latest )?(?:order|purchase|business|visit|referral|feedback|hospitality)|"
            r"(?:the|our|a|that|your) (?:\w+ ){0,2}" + _NOUNS + r"|taking the time|meeting|coming|stopping by|"
            r"visiting|having me|hosting|joining|buying|ordering|choosing|lunch|dinner|coffee|the call|"
            r"chatting|speaking|talking|showing me|the tour|the referral|the introduction|sending|having us|hosting us|"
            r"the (?:\w+ )?welcome|the (?:\w+ )?hospitality|your hospitality|the invitation|inviting us)\b"
        ),
        re.compile(
            r"\b(?:after|following up on|follow(?:ing)? up (?:on|after|from)|following|since|enjoyed|loved|"
            r"during|at|recap of|notes from|from|in|regarding|re:?)\s+(?:our|the|your|that)\s+(?:[\w-]+\s+){0,3}?"
            + _NOUNS
            + r"s?\b"
        ),
        re.compile(
            r"\b(?:our|the|your) (?:last|recent|previous|earlier|latest|first) " + _NOUNS + r"\b|\b(?:yesterday|"
            r"last week|last month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s " + _NOUNS + r"\b"
            r"|\byour (?:recent|last|latest|previous) (?:order|purchase|visit)\b"
        ),
        re.compile(r"\b(?:our|the) " + _NOUNS + r" (?:on|last|yesterday|this morning|earlier|in|at)\b"),
    ]
    _PAST = re.compile(
        r"\b(?:was|were|went|had|did|last|yesterday|ago|earlier|enjoyed|loved|after|following|"
        r"thanks|thank you|since|recap|notes)\b"
    )
    _ANCHOR_STOP = frozenset(
        [
            "i",
            "we",
            "our",
            "you",
            "your",
            "the",
            "a",
            "an",
            "it",
            "my",
            "thanks",
            "thank",
            "hi",
            "hello",
            "dear",
            "as",
            "when",
            "great",
            "good",
            "lovely",
            "nice",
            "since",
            "after",
            "following",
            "last",
            "hope",
            "best",
            "happy",
            "congratulations",
            "just",
            "so",
            "really",
            "also",
            "and",
            "but",
        ]
    )

    # Claims judged on their topic alone: thanks for something, or someone reported as saying something.
    _TOPIC_CLAIMS: ClassVar[list[re.Pattern[str]]] = [
        re.compile(r"\b(?:thanks|thank you|thx|many thanks)\s+(?:again\s+|so much\s+|very much\s+|a lot\s+)?for\b"),
        re.compile(
            r"\b(?!(?:i|we|you|it|that|this|as|what|who|which|just|also|said|they|people)\b)[a-z]+ "
            r"(?:mentioned|told me|tells me|said)\b(?! (?:i|we)\b)"
        ),
    ]
    # Claim verbs that imply an interaction: in person, or any conversation.
    _IN_PERSON_VERB = re.compile(
        r"\b(?:see|seeing|saw|meet|meeting|met|run(?:ning)? into|ran into|bump(?:ing)? into|bumped into|"
        r"sit(?:ting)? down|sat down|having you|having me|having us|host(?:ing)? (?:you|us|me)|showing me|visit\w*|"
        r"coming (?:in|by|over|out|down)|came (?:in|by|over)|stopping (?:by|in)|stopped (?:by|in)|dropping by|"
        r"dropped by|popping in|popped in|coming)\b"
    )
    _TALK_VERB = re.compile(
        r"\b(?:talk\w*|speak\w*|spoke|chat\w*|catch(?:ing)? up|caught up|hear(?:ing)? from you|connect\w*|call\w*)\b"
    )
    _IN_PERSON_NOTE = re.compile(
        r"\b(?:met|meet|meeting|visit(?:ed)?|in person|lunch|dinner|coffee|breakfast|brunch|drinks|stopped by|"
        r"came by|came in|dropped by|popped in|showroom|tour(?:ed)?|showed|fair|conference|expo|booth|trade ?show|"
        r"sat down|saw|site visit|walkthrough|walk-through|stopped in|tasting|fitting|test drove|bike fit|"
        r"mtg|appt|appointment|came to (?:the|our)|visited|in the store|in store)\b"
    )
    _TALK_NOTE = re.compile(
        r"\b(?:call(?:ed|s)?|phone[ds]?|rang|zoom|video|spoke|talked|chat(?:ted)?|conversation|demo|"
        r"emailed|texted|said|told me|mentioned|asked)\b"
    )
    _WISH_BEFORE = re.compile(
        r"\b(?:asking for|asked for|request(?:ed|ing|s)? (?:a|an)?|wants? (?:a|an|to)|would like (?:a|an|to)|"
        r"interested in|haven't|have not|not yet|no|never|hasn't|didn't|to book|to schedule)\s*(?:a |an |the )?$"
    )

    def _interaction_doc(self, rx: re.Pattern[str], d: _Doc) -> bool:
        """Whether evidence `d` records a real interaction of this sort (not a wish: "asking for a demo")."""
        if not d.is_note or re.search(r"\b(?:haven't|have not|never) (?:spoken|met|talked)\b", d.text):
            return False
        return any(
            not self._WISH_BEFORE.search(d.text[max(0, m.start() - 30) : m.start()]) for m in rx.finditer(d.text)
        )

    def _topic_backed(self, topic: set[str]) -> bool:
        """Whether some note shares a content word with the claim's topic (an empty topic is backed)."""
        return not topic or any(topic & _content_words(d.text) for d in self.docs)

    def _claim_topic(self, m: re.Match[str], start: int, end: int) -> set[str]:
        """Content words a claim is about: its clause, else its sentence, minus names and the claim words."""
        c = self.ctx.client
        drop = _content_words(m.group(0)) | _content_words(
            " ".join(filter(None, (c.name, c.goes_by, c.formal_name, self.ctx.salesperson)))
        )
        drop |= {"again", "lovely", "great", "kind", "really", "much", "thank", "thanks", "hope", "happy"}
        drop |= {"week", "month", "year", "today", "yesterday", "morning", "afternoon", "evening", "time"}
        topic = _content_words(self.low[start:end]) - drop - set(_WEEKDAYS)
        if not topic:
            s, e = _sentence_of(self.low, m.start())
            topic = _content_words(self.low[s:e]) - drop - set(_WEEKDAYS)
        return topic

    def unsupported_claims(self) -> list[Finding]:
        """Claims of shared history that no note backs; a real event with the wrong date is wrong_fact."""
        out: list[Finding] = []
        covered: list[tuple[int, int]] = []
        for rx in self._TOPIC_CLAIMS:
            for m in rx.finditer(self.low):
                _s, e = _sentence_of(self.low, m.start())
                end = _clause_after(self.low, m.end() - 1) if rx is self._TOPIC_CLAIMS[0] else e
                if re.search(
                    r"\b(?:in advance|for (?:your|the) (?:patience|time|consideration|interest))\b",
                    self.low[m.start() : end],
                ):
                    continue
                if rx is self._TOPIC_CLAIMS[0] and (
                    _CLAIM_NOUN_RE.search(self.low, m.end(), end) or self._CLAIMS[6].match(self.low, m.start())
                ):
                    continue  # "thanks for the call / for coming in": judged below with its kind of event
                topic = self._claim_topic(m, m.end(), end) - {"mention", "told", "said", "tell"}
                if rx is self._TOPIC_CLAIMS[0] and topic and topic <= self._COMMS:
                    if self._heard_then(m.start(), end):
                        continue  # "thanks for the details yesterday": a note that day records the exchange
                    out.append(self._finding("unsupported_claim", m.start(), end, "no note records this exchange"))
                    covered.append((m.start(), end))
                    continue
                if not self._topic_backed(topic):
                    out.append(self._finding("unsupported_claim", m.start(), end, "no note records this"))
                    covered.append((m.start(), end))
        for rx in self._CLAIMS:
            for m in rx.finditer(self.low):
                if any(s <= m.start() < e for s, e in covered):
                    continue
                finding = self._judge_claim(m)
                covered.append((m.start(), _clause_after(self.low, m.end() - 1)))
                if finding:
                    out.append(finding)
        return out

    # Things a client sends or says, thanked for without a topic ("thanks for the details").
    _COMMS = frozenset(
        _stem(w)
        for w in (
            "details", "detail", "info", "information", "note", "notes", "email", "emails", "message", "messages",
            "update", "updates", "reply", "response", "heads-up", "feedback", "text", "quick", "input", "context",
            "answers", "answer", "questions", "question", "insight", "insights", "clarification", "confirmation",
        )
    )  # fmt: skip

    def _heard_then(self, start: int, end: int) -> bool:
        """Whether some note dates an exchange at the time a clause names (any note, when it names none)."""
        times = [t for t in _TIME_RE.finditer(self.low, start, end) if not re.match(r"(?:this|next) ", t.group(0))]
        whens = [w for w in (_past_when(t, self.today) for t in times) if w is not None]
        return any(d.is_note and (not whens or d.fits(whens)) for d in self.docs)

    def _distinct_words(self, scope: str, anchors: list[str]) -> set[str]:
        """Content words of a claim that name what happened ("in-service", "survey"), not who or when."""
        c = self.ctx.client
        names = _content_words(
            " ".join(filter(None, (c.name, c.goes_by, c.formal_name, c.company, self.ctx.salesperson, *c.aliases)))
        )
        generic = {"hav", "com", "stopp", "coming", "taking", "tak", "mak", "host", "join", "visit", "out", "again"}
        return (
            _content_words(scope)
            - names
            - {_stem(a) for a in anchors}
            - {_stem(a.lower()) for a in anchors}
            - _TIME_WORDS
            - set(_CLAIM_NOUNS)
            - generic
        )

    def _names_the_event(self, d: _Doc, words: set[str], in_person: bool) -> bool:
        """Whether note `d` records the event a claim names by its own word ("the in-service", "the survey").

        Not when the note says they have not spoken, only talked on the phone (for an in-person claim),
        or books the event for later.
        """
        if not d.is_note or not words & _content_words(d.text):
            return False
        if re.search(r"\b(?:haven't|have not|never|not yet) (?:spoken|met|talked|been)\b", d.text):
            return False
        if in_person and self._TALK_NOTE.search(d.text) and not self._IN_PERSON_NOTE.search(d.text):
            return False
        for w in words & _content_words(d.text):
            for x in re.finditer(rf"\b{re.escape(w)}", d.text):
                near = d.text[max(0, x.start() - 40) : x.end() + 40]
                if not re.search(
                    r"\b(?:booked|scheduled|set for|set up for|planned|upcoming|next|will|to book)\b", near
                ):
                    return True
        return False

    def _judge_claim(self, m: re.Match[str]) -> Finding | None:
        """Decide whether one claim of shared history is backed by the ledger."""
        pre_start = _clause_before(self.low, m.start())
        end = _clause_after(self.low, m.end() - 1)
        scope = self.low[m.start() : end]
        prefix = self.low[pre_start : m.start()]
        if m.re is self._CLAIMS[-1]:
            sent_s, sent_e = _sentence_of(self.low, m.start())
            if not self._PAST.search(self.low[sent_s:sent_e]):
                return None
        future = self._FUTURE.search(prefix) or self._FUTURE.search(scope) or "?" in self.low[m.start() : end + 1]
        if future and not re.search(r"\b(?:thanks|thank you)\b", scope):
            return None
        region = self.low[pre_start:end]
        if m.group(0).startswith("as "):
            # "moved to Thursday 11/13 as you asked": the dates are what was asked for, not when
            region = self.low[m.start() : m.end()]
        times = [t for t in _TIME_RE.finditer(region) if not re.match(r"(?:this|next) ", t.group(0))]
        whens = [w for w in (_past_when(t, self.today) for t in times) if w is not None]
        groups = {_CLAIM_NOUNS[g.group(1)] for g in _CLAIM_NOUN_RE.finditer(scope)}
        anchors = self._anchors(pre_start, end)
        topic = _content_words(scope) - set(_CLAIM_NOUNS) - {_stem(a) for a in anchors}
        reported = bool(re.match(r"as (?:we|i|you) |as discussed|as mentioned|you ", m.group(0)))
        if reported:
            topic = self._claim_topic(m, m.end(), end) - set(_CLAIM_NOUNS) - {_stem(a) for a in anchors}
        need_topic = (reported or not (groups or anchors or whens)) and bool(topic)
        verb_rx: re.Pattern[str] | None = None
        if not groups:
            said = m.group(0)
            verb_rx = (
                self._IN_PERSON_NOTE
                if self._IN_PERSON_VERB.search(said)
                else self._TALK_NOTE
                if self._TALK_VERB.search(said)
                else None
            )
            if verb_rx is self._TALK_NOTE:
                verb_rx = re.compile(f"{self._IN_PERSON_NOTE.pattern}|{self._TALK_NOTE.pattern}")
        near_miss: list[_Doc] = []
        distinct = self._distinct_words(scope, anchors) if verb_rx is not None else set()
        for d in self.docs:
            if not self._doc_fits(d, groups, anchors, topic if need_topic else set()):
                continue
            if (
                verb_rx is not None
                and not self._interaction_doc(verb_rx, d)
                and not self._names_the_event(d, distinct, verb_rx is self._IN_PERSON_NOTE)
            ):
                spoke_then = (
                    verb_rx is not self._IN_PERSON_NOTE
                    and whens
                    and d.is_note
                    and not re.search(r"\b(?:haven't|have not|never) (?:spoken|met|talked)\b", d.text)
                )
                if not spoke_then:
                    continue
            if not whens:
                return None
            if d.fits(whens):
                return None
            if d.when is not None:
                near_miss.append(d)
        s, e = m.start(), end
        if near_miss and (groups or anchors):
            real = max(near_miss, key=lambda d: d.when or date.min)
            when = real.when.strftime("%A %d %B %Y") if real.when else "another day"
            ids = [i for d in near_miss for i in d.ids]
            return self._finding("wrong_fact", s, e, f"the ledger has this on {when}, not as written", ids)
        return self._finding("unsupported_claim", s, e, "no note records this shared event or conversation")

    def _doc_fits(self, d: _Doc, groups: set[str], anchors: list[str], topic: set[str]) -> bool:
        """Whether evidence `d` mentions the claim's kind of event, its places/names and its topic."""
        if not all(_group_in(g, d.text) or (g == "meeting" and self._IN_PERSON_NOTE.search(d.text)) for g in groups):
            return False
        if not all(re.search(rf"\b{re.escape(a.lower())}", d.text) for a in anchors):
            return False
        return not topic or bool(topic & _content_words(d.text))

    def _anchors(self, start: int, end: int) -> list[str]:
        """Capitalised names in a claim (places, events, products) that evidence must mention."""
        c = self.ctx.client
        own = _norm(
            " ".join(filter(None, (c.name, c.goes_by, c.formal_name, c.company, self.ctx.salesperson, *c.aliases)))
        ).split()
        out = []
        for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z]{2,}\b", self.text[start:end]):
            word = m.group(0).lower()
            abs_pos = start + m.start()
            sent_start = _sentence_of(self.text, abs_pos)[0]
            if abs_pos == sent_start or word in self._ANCHOR_STOP or word in own:
                continue
            if word in _WEEKDAYS or word in _MONTHS or word in _CLAIM_NOUNS:
                continue
            out.append(m.group(0))
        return out

    # -- wrong_fact: family --------------------------------------------------------------------

    _RELATIONS: ClassVar[dict[str, str]] = {
        "daughter": "daughter", "son": "son", "wife": "spouse", "husband": "spouse", "partner": "spouse",
        "spouse": "spouse", "fiancé": "spouse", "fiancée": "spouse", "fiance": "spouse", "fiancee": "spouse",
        "kid": "child", "child": "child", "boy": "son", "girl": "daughter", "baby": "child",
        "brother": "brother", "sister": "sister", "mother": "mother", "mom": "mother", "mum": "mother",
        "father": "father", "dad": "father", "dog": "pet", "cat": "pet", "puppy": "pet",
        "grandson": "grandchild", "granddaughter": "grandchild", "niece": "niece", "nephew": "nephew",
    }  # fmt: skip
    _REL_RX = r"(?:" + "|".join(sorted(_RELATIONS, key=len, reverse=True)) + r")"
    _FAMILY_TEXT = re.compile(
        rf"\b(?i:your) (?:(?:little|eldest|oldest|youngest|new|older|younger|baby) )?(?P<rel>{_REL_RX})s?,?\s+"
        r"(?P<name>[A-Z][a-z]+)\b"
        rf"|\b(?P<name2>[A-Z][a-z]+),? your (?:(?:little|eldest|oldest|youngest|new) )?(?P<rel2>{_REL_RX})\b"
    )
    _FAMILY_NOTE = re.compile(
        rf"\b(?P<rel>{_REL_RX})s?(?:,|\s+named|\s+called|\s+is)?\s+(?P<name>[A-Z][a-z]+)\b"
        rf"|\b(?P<name2>[A-Z][a-z]+),? (?:his|her|their) (?P<rel2>{_REL_RX})\b"
    )

    def _family_map(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """relation group -> {name (lower): source ids}, from FAMILY facts, else from note text."""
        fam: dict[str, dict[str, tuple[str, ...]]] = {}
        for f in self._facts(FactKind.FAMILY):
            rel = (f.detail.get("relation") or f.key.split(":")[-1]).lower()
            group = self._RELATIONS.get(rel, rel)
            names = re.findall(r"[A-Z][a-z]+", f.value) or [f.value]
            fam.setdefault(group, {})[names[0].lower()] = f.source_ids
        if fam:
            return fam
        for n in self.ctx.notes:
            for m in self._FAMILY_NOTE.finditer(n.text.replace("’", "'")):
                rel = (m.group("rel") or m.group("rel2")).lower()
                name = m.group("name") or m.group("name2")
                if name.lower() in _STOP or name.lower() in _WEEKDAYS or name.lower() in _MONTHS:
                    continue
                fam.setdefault(self._RELATIONS.get(rel, rel), {}).setdefault(name.lower(), (n.id,))
        return fam

    _PERSON = re.compile(
        r"\b(?i:how(?:'s| is| old is| are| was)|say (?:hi|hello) to|(?:hello|my best|my love|best wishes|regards) to|"
        r"give|hope|congrats to|congratulations to|good luck to|best of luck to|well done to|birthday to|"
        r"(?:birthday|congrats|congratulations|luck) to \w+ and) (?P<name>[A-Z][a-z]+)\b(?! [A-Z])(?!,)"
        r"|\b(?P<name2>[A-Z][a-z]+)(?:'s (?:[a-z]+ )?(?:birthday|school|recital|game|graduation|wedding|job|exams?|"
        r"match|party|year|trip|class|team|practice|season|surgery|recovery|hip|semester|test)\b| must be (?:excited|proud|"
        r"thrilled|so big|growing))"
    )

    def people(self) -> list[Finding]:
        """A person named as if known ("How is Emma?") whom no note mentions."""
        c = self.ctx
        own = _norm(
            " ".join(
                filter(
                    None,
                    (
                        c.client.name,
                        c.client.goes_by,
                        c.client.formal_name,
                        c.client.company,
                        c.salesperson,
                        *c.client.aliases,
                        *c.other_clients,
                    ),
                )
            )
        ).split()
        fam = self._family_map()
        named = [d for d in self.docs if d.is_note and re.search(r"\b(?:named|called)\s+[a-z]", d.text)]
        out = []
        for m in self._PERSON.finditer(self.text.replace("’", "'")):
            name = m.group("name") or m.group("name2")
            low = name.lower()
            if low in own or low in _STOP or low in _GENERIC_GREETEES or low in _WEEKDAYS or low in _MONTHS:
                continue
            if _place(name) is not None or any(re.search(rf"\b{low}\b", d.text) for d in self.docs):
                continue
            s, e = m.span("name") if m.group("name") else m.span("name2")
            if (
                m.group("name")
                and self.text[m.start() : m.start() + 4].lower() == "hope"
                and not re.match(
                    r"(?:'s|\s+(?:is|was|has|had|enjoy\w*|like\w*|love\w*|gets?|got|feels?))\b", self.text[e:]
                )
            ):
                continue
            if not fam and named:
                ids = [i for d in named for i in d.ids]
                out.append(self._finding("wrong_fact", s, e, f"no {name} in the notes", ids))
            elif fam:
                known = ", ".join(n.title() for names in fam.values() for n in names)
                ids = [i for names in fam.values() for ids in names.values() for i in ids]
                out.append(self._finding("wrong_fact", s, e, f"no {name} in the ledger; family: {known}", ids))
            else:
                out.append(self._finding("unsupported_claim", s, e, f"no note mentions {name}"))
        return out

    _SWAPS: ClassVar[dict[str, str]] = {
        "son": "daughter", "daughter": "son", "wife": "husband", "husband": "wife", "brother": "sister",
        "sister": "brother", "niece": "nephew", "nephew": "niece", "grandson": "granddaughter",
        "granddaughter": "grandson", "mother": "father", "father": "mother", "mom": "dad", "dad": "mom",
    }  # fmt: skip
    _MEET_PERSON = re.compile(
        r"\b(?i:(?:great|good|nice|lovely|wonderful|fun|a pleasure|a delight|so good)\s+(?:to\s+)?(?:finally\s+)?"
        r"(?:meet|meeting|see|seeing|catch up with)\s+(?:you and\s+)?)(?:(?i:your) (?P<rel>[a-z]+)|"
        r"(?:(?i:dr|mr|mrs|ms)\.?\s+)?(?P<name>[A-Z][a-z]+))"
    )

    def _swapped_relatives(self) -> list[Finding]:
        """ "your son's wedding" when the notes only know a daughter (and no son)."""
        notes = " ".join(_norm(n.text) for n in self.ctx.notes)
        ids = [n.id for n in self.ctx.notes]
        out = []
        for m in re.finditer(r"\byour (?P<rel>[a-z]+)\b", self.low):
            rel = m.group("rel")
            other = self._SWAPS.get(rel)
            if other is None or re.search(rf"\b{rel}s?\b", notes):
                continue
            if re.search(rf"\b{other}s?\b", notes):
                src = [n.id for n in self.ctx.notes if re.search(rf"\b{other}s?\b", _norm(n.text))] or ids
                out.append(
                    self._finding("wrong_fact", m.start(), m.end(), f"the notes mention a {other}, not a {rel}", src)
                )
        return out

    def _met_people(self) -> list[Finding]:
        """ "Great to meet Kemi / your daughter" when no note has that person at a meeting."""
        out = []
        c = self.ctx.client
        own = _content_words(" ".join(filter(None, (c.name, c.goes_by, c.formal_name, self.ctx.salesperson))))
        for m in self._MEET_PERSON.finditer(self.text.replace("’", "'")):
            who = (m.group("rel") or m.group("name") or "").lower()
            if not who or who in own or who in _GENERIC_GREETEES or (m.group("rel") and who not in self._RELATIONS):
                continue
            present = False
            for n in self.ctx.notes:
                for ss, se in _sentences(n.text):
                    sent = _norm(n.text[ss:se])
                    if re.search(rf"\b{re.escape(who)}", sent) and self._IN_PERSON_NOTE.search(sent):
                        present = True
            if not present:
                span = m.span("rel") if m.group("rel") else m.span("name")
                out.append(self._finding("unsupported_claim", m.start(), span[1], f"no note has {who} at a meeting"))
        return out

    def family(self) -> list[Finding]:
        """A relative named wrongly ("your daughter Maria" when she is Sofia), or invented outright."""
        fam = self._family_map()
        out = self._swapped_relatives() + self._met_people()
        for m in self._FAMILY_TEXT.finditer(self.text.replace("’", "'")):
            rel = (m.group("rel") or m.group("rel2")).lower()
            name = m.group("name") or m.group("name2")
            group = self._RELATIONS.get(rel, rel)
            pool = dict(fam.get(group, {}))
            if group == "child":
                pool.update(fam.get("son", {}))
                pool.update(fam.get("daughter", {}))
            if name.lower() in pool:
                continue
            known = [n.title() for n in pool]
            if known:
                ids = [i for ids in pool.values() for i in ids]
                out.append(
                    self._finding(
                        "wrong_fact", m.start(), m.end(), f"the ledger names their {rel} {', '.join(known)}", ids
                    )
                )
            elif not any(re.search(rf"\b{name.lower()}\b", d.text) for d in self.docs):
                out.append(
                    self._finding("unsupported_claim", m.start(), m.end(), f"no note mentions a {rel} called {name}")
                )
        return out

    # -- wrong_fact: birthdays -----------------------------------------------------------------

    _BDAY_WISH = re.compile(
        r"\b(?:happy (?:belated |early |late |\w+ )?birthday|many happy returns|happy bday|(?:hope|hoping) you (?:have|had|"
        r"enjoy|enjoyed) (?:a |an )?(?:\w+ )?(?:birthday|bday)|(?:have|had) a (?:\w+ )?birthday)\b"
    )

    def _birthday(self, relation: str | None) -> tuple[date, tuple[str, ...]] | None:
        """The recorded birthday (month/day in some year) of the client or a relative, with sources."""
        for f in self._facts(FactKind.PERSONAL_DATE):
            key = f.key.lower()
            if "birth" not in key and "bday" not in key and "birth" not in _norm(f.text):
                continue
            rel = f.detail.get("relation") or next((r for r in self._RELATIONS if r in key.split(":")), None)
            if (rel or None) != relation:
                continue
            when = f.due or _iso_date(f.value)
            if when:
                return when, f.source_ids
        return None

    def birthdays(self) -> list[Finding]:
        """Birthday wishes on the wrong day, a wrong birthday date, or a birthday no note records."""
        out = []
        for s, e in _sentences(self.text):
            sent = self.low[s:e]
            if "birthday" not in sent and "bday" not in sent and "many happy returns" not in sent:
                continue
            rel = next((r for r in self._RELATIONS if re.search(rf"\b{r}\b", sent)), None)
            found = self._birthday(rel)
            if found is None:
                from_notes = self._note_birthday(s, e)
                if from_notes is not None:
                    out += from_notes
                    continue
                if rel is None and not any("birthday" in d.text or "bday" in d.text for d in self.docs):
                    out.append(self._finding("unsupported_claim", s, e, "no note records this birthday"))
                continue
            bday, ids = found
            out += self._birthday_sentence(s, e, sent, bday, ids)
        return out

    _BDAY_NOTE = re.compile(
        rf"\b(?:birthday|bday|b-day|born)\b[^.;]{{0,25}}?(?P<md>{_MONTH_RX}\s+{_DAY_RX}|{_DAY_RX}\s+(?:of\s+)?{_MONTH_RX}|{_NUMDATE_RX})"
        rf"|\b(?:turns?|turning)\s+(?P<age>\d{{1,3}})\s+(?:on\s+)?(?P<md2>{_MONTH_RX}\s+{_DAY_RX}|{_DAY_RX}\s+(?:of\s+)?"
        rf"{_MONTH_RX})"
    )

    def _note_birthday(self, s: int, e: int) -> list[Finding] | None:
        """Judge a birthday sentence against birthdays written in the notes ("twins turn 10 on Feb 2").

        None when the notes record no birthday this sentence could be about.
        """
        sent, raw = self.low[s:e], self.text[s:e]
        own = self._own_words() | {_fold(w) for w in (self.ctx.client.goes_by or "").split()}
        names = {
            w.lower() for w in re.findall(r"(?<![.!?]\s)\b[A-Z][a-z]+\b", raw)[1:] if w.lower() not in _GENERIC_GREETEES
        }
        names = {w for w in names if _stem(w) not in own and w not in _WEEKDAYS and w not in _MONTHS}
        names -= {w.lower() for w in re.findall(r"[A-Z][a-z]+", self.ctx.client.name)}
        cands = []
        for n in self.ctx.notes:
            for m in self._BDAY_NOTE.finditer(_norm(n.text)):
                md = _parse_md(m.group("md") or m.group("md2"))
                if md is None:
                    continue
                ns, ne = _sentence_of(n.text, m.start())
                words = _content_words(_norm(n.text[ns:ne]))
                note_names = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", n.text[ns:ne])}
                cands.append((md, m.group("age"), note_names, words, n.id))
        if not cands:
            return None
        mine = [c for c in cands if names & c[2] or (_content_words(sent) - _TIME_WORDS) & c[3] - {"birthday", "turn"}]
        if not mine:
            return None
        md, age, note_names, _, nid = mine[0]
        ids = (nid,)
        all_notes = " ".join(_norm(n.text) for n in self.ctx.notes)
        for w in sorted(names):
            if not re.search(rf"\b{w}\b", all_notes):
                i = sent.find(w)
                return [self._finding("wrong_fact", s + i, s + i + len(w), f"no {w.title()} in the notes", ids)]
        ordinal = re.search(r"\b(\d{1,3})(?:st|nd|rd|th)\b", sent)
        if age and ordinal and ordinal.group(1) != age:
            msg = f"the notes say they turn {age}"
            return [self._finding("wrong_fact", s + ordinal.start(), s + ordinal.end(), msg, ids)]
        bday = _safe_date(2000, md[0], md[1]) or date(2000, md[0], 28)
        return self._birthday_sentence(s, e, sent, bday, ids)

    def _birthday_sentence(self, s: int, e: int, sent: str, bday: date, ids: tuple[str, ...]) -> list[Finding]:
        """Check the date named in, or implied by, one birthday sentence."""
        real = f"{bday.day} {bday.strftime('%B')}"
        for t in _TIME_RE.finditer(sent):
            if t.group("md") or t.group("iso"):
                md = _parse_md(t.group(0))
                if md and md != (bday.month, bday.day):
                    return [self._finding("wrong_fact", s + t.start(), s + t.end(), f"the birthday is {real}", ids)]
        wish = self._BDAY_WISH.search(sent)
        dated = (
            [t for t in _TIME_RE.finditer(sent, wish.end()) if t.group("md") or t.group("iso") or t.group("wd")]
            if wish
            else []
        )
        if wish and not dated:
            delta = _days_to_anniversary(self.today, bday)
            if not -BIRTHDAY_LATE <= delta <= BIRTHDAY_EARLY:
                return [
                    self._finding(
                        "wrong_fact",
                        s + wish.start(),
                        s + wish.end(),
                        f"the birthday is {real}, not around {self.today:%d %B}",
                        ids,
                    )
                ]
        return []

    # -- wrong_fact: sizes, budgets, team sizes ------------------------------------------------

    _NUM = r"(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?\s?(?:k|m|thousand|million)?"
    _SLOTS: ClassVar[dict[str, list[str]]] = {
        "team": [
            rf"\b(?:team|staff|headcount|crew|department|org|company) of (?:about |around |roughly |some |~)?(?P<v>{_NUM})",
            r"(?P<v>\b\d[\d,]*)[ -](?:person|people|member|strong|employee)\b",
            r"(?P<v>\b\d[\d,]*) (?:people|employees|staff|reps|engineers|agents|team members|salespeople)\b",
            rf"\bteam (?:size )?(?:is |of |at |has |grew to |grows to |now )(?:about |around )?(?P<v>{_NUM})\b",
            rf"\bheadcount (?:is |of |at )?(?P<v>{_NUM})",
        ],
        "seats": [r"(?P<v>\b\d[\d,]*) (?:seats|licen[cs]es|user licen[cs]es|users)\b"],
        "budget": [
            rf"\bbudget (?:of |is |at |around |about |was |to |for |cap of |ceiling of )?(?:about |around |"
            rf"roughly |up to |~)?(?P<v>{_NUM})",
            r"(?P<v>[$€£]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|thousand|million)?) budget",
        ],
        "size": [
            r"\bsize (?P<v>\d{1,2}(?:\.5)?|xxs|xs|s|m|l|xl|xxl|xxxl|small|medium|large|extra[- ]large)\b",
            r"\b(?:wears?|takes?) (?:a |an |size )?(?P<v>\d{1,2}(?:\.5)?|small|medium|large|extra[- ]large)\b",
            r"\b(?:in|a|an) (?P<v>\d{1,2}(?:\.5)?) (?:shoe|boot|jacket|suit|shirt|waist|collar|dress|chest)",
        ],
    }
    _SLOT_RES: ClassVar[dict[str, list[re.Pattern[str]]]] = {k: [re.compile(p) for p in v] for k, v in _SLOTS.items()}

    def _slot_of_key(self, key: str) -> str | None:
        """Which numeric slot a fact key fills."""
        key = key.lower()
        if any(w in key for w in ("team", "headcount", "employee", "staff", "company_size")):
            return "team"
        if any(w in key for w in ("seat", "licen", "users")):
            return "seats"
        if "budget" in key:
            return "budget"
        if "size" in key:
            return "size"
        return None

    def _known_slots(self) -> dict[str, dict[float | str, tuple[str, ...]]]:
        """slot -> {normalised value: source ids}, from facts, else from the newest note naming the slot."""
        known: dict[str, dict[float | str, tuple[str, ...]]] = {}
        for f in self._facts(FactKind.OTHER, FactKind.PREFERENCE):
            slot = self._slot_of_key(f.key)
            value = _slot_value(slot, _norm(f.value)) if slot else None
            if slot and value is not None:
                known.setdefault(slot, {})[value] = f.source_ids
        notes = sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp(), reverse=True)
        for slot, patterns in self._SLOT_RES.items():
            if slot in known:
                continue
            for n in notes:
                raw = [_slot_value(slot, m.group("v")) for p in patterns for m in p.finditer(_norm(n.text))]
                vals = [v for v in raw if v is not None]
                if vals:
                    known[slot] = {v: (n.id,) for v in vals}
                    break
        return known

    def numbers(self) -> list[Finding]:
        """A size, budget or team size that differs from the ledger."""
        known = self._known_slots()
        out = []
        for slot, patterns in self._SLOT_RES.items():
            if slot not in known:
                continue
            for p in patterns:
                for m in p.finditer(self.low):
                    value = _slot_value(slot, m.group("v"))
                    if value is None or any(_same_value(value, k) for k in known[slot]):
                        continue
                    if isinstance(value, float) and any(_same_value(value, v) for v in self._note_numbers()):
                        continue
                    ids = [i for ids in known[slot].values() for i in ids]
                    real = ", ".join(_show(k) for k in known[slot])
                    out.append(self._finding("wrong_fact", m.start(), m.end(), f"the ledger has {slot} {real}", ids))
        return out

    # -- wrong_fact: quantities, codes, dates and weekdays of recorded events ---------------------

    def _masked(self, low: str) -> str:
        """`low` with dates and clock times blanked out (same length), so their digits are not quantities."""

        def blank(m: re.Match[str]) -> str:
            return " " * len(m.group(0))

        low = _DATE_MASK_RE.sub(blank, low)
        return _CLOCK_RE.sub(blank, low)

    def _quantities_of(self, low: str) -> list[_Qty]:
        """Numbers with what they count or measure, from lower-cased text."""
        masked = self._masked(low)
        out = []
        for m in _QTY_RE.finditer(masked):
            num = m.group("num")
            if m.group("word"):
                value = float(_WORDNUM[m.group("word")])
            else:
                try:
                    value = float(num.replace(",", ""))
                except ValueError:
                    continue
                if m.group("k"):
                    value *= 1000
            kind = "money" if m.group("cur") or m.group("k") else "percent" if m.group("pct") else "count"
            if kind == "count" and "," in (num or "") and not m.group("suffix"):
                kind = "money"  # "premium was 2,340", "fri rate 14,500": notes drop the dollar sign
            unit = {m.group("suffix")} if m.group("suffix") else set()
            cend = _clause_after(masked, m.end() - 1)
            split = re.compile(r"[a-z²]+")
            after = []
            for w in re.findall(r"[a-z²]+\d*|\d+", masked[m.end() : cend]):
                if w in ("next", "last", "this", "every", "per", "ago", "later") or w.isdigit():
                    break
                if w not in _QTY_SKIP and len(w) > 1:
                    after.append(w)
            after = after[:3]
            cstart = _clause_before(masked, m.start())
            before = [w for w in split.findall(masked[cstart : m.start()]) if w not in _QTY_SKIP and len(w) > 1][-2:]
            words = {_stem(w) for w in after} | ({_stem(w) for w in before} if kind != "count" else set())
            if kind == "count" and not (unit or after):
                continue
            s, e = _sentence_of(masked, m.start())
            end = m.end()
            if after:
                nxt = masked.find(after[0], m.end(), cend)
                if 0 <= nxt - m.end() <= 12:
                    end = nxt + len(after[0])
            out.append(_Qty(value, kind, unit | words, m.start(), end, _content_words(masked[s:e])))
        return out

    def _note_quantities(self) -> list[tuple[_Qty, tuple[str, ...]]]:
        """Quantities in the notes; a sum of money takes the whole note as what it is about."""
        out = []
        for d in self.docs:
            if not d.is_note:
                continue
            whole = _content_words(d.text)
            for q in self._quantities_of(d.text):
                if q.kind == "money":
                    q = dataclasses.replace(q, context=q.context | whole)
                out.append((q, d.ids))
        return out

    def _note_numbers(self) -> set[float]:
        """Every number named in the notes (quantities, plus bare numbers)."""
        vals: set[float] = set()
        for d in self.docs:
            masked = self._masked(d.text)
            for m in re.finditer(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(k\b)?", masked):
                try:
                    v = float(m.group(1).replace(",", ""))
                except ValueError:
                    continue
                vals.add(v * 1000 if m.group(2) else v)
            for w in _WORD.findall(masked):
                if w in _WORDNUM:
                    vals.add(float(_WORDNUM[w]))
            for m in re.finditer(r"(?<![\w.])(\d{1,3})\s+(?:[a-z]+\s+){1,2}each\b", masked):
                vals.update(float(int(m.group(1)) * k) for k in range(2, 7))  # "3 cases each" of two wines: 6 cases
        return vals

    def _note_money_sentences(self) -> list[tuple[_Qty, tuple[str, ...]]]:
        """Sums of money in the notes, each with the words of its own sentence only."""
        return [(q, d.ids) for d in self.docs if d.is_note for q in self._quantities_of(d.text) if q.kind == "money"]

    def quantities(self) -> list[Finding]:
        """A number the notes give differently for the same thing ("16 vans" when the notes say 14 vans)."""
        known = self._note_quantities()
        numbers = self._note_numbers()
        mine = self._quantities_of(self.low)
        out = []
        for q in mine:
            if any(abs(q.value - v) < 0.01 for v in numbers):
                continue
            clash = [
                (nq, ids)
                for nq, ids in known
                if nq.kind == q.kind and (q.unit & nq.unit if q.kind != "money" else q.unit & nq.context)
            ]
            if not clash and q.kind == "money":
                # "the umbrella comes to $381" when the note's umbrella sentence says $318
                about = q.context - _TIME_WORDS - self._own_words()
                clash = [(nq, ids) for nq, ids in self._note_money_sentences() if about & nq.context]
            if not clash:
                continue
            if q.kind == "money" and any(
                o is not q and o.kind == "money" and any(abs(o.value - v) < 0.01 for v in numbers) for o in mine
            ):
                continue  # "$31,200, under the $32,000 budget": a new figure next to the recorded one
            real = ", ".join(sorted({_show(nq.value) for nq, _ in clash}))
            ids = [nid for _, src in clash for nid in src]
            out.append(self._finding("wrong_fact", q.start, q.end, f"the notes give {real} for this", ids))
        return out

    def codes(self) -> list[Finding]:
        """A model or reference number that differs from the recorded one ("VF-4" for "VF-2", "Q-1128")."""
        recorded: dict[str, dict[str, tuple[str, ...]]] = {}
        for d in self.docs:
            for m in _CODE_RE.finditer(d.text):
                recorded.setdefault(m.group("p"), {})[m.group("n")] = d.ids
        out = []
        for m in _CODE_RE.finditer(self.low):
            known = recorded.get(m.group("p"))
            if known and m.group("n") not in known:
                real = ", ".join(f"{m.group('p').upper()}-{n}" for n in known)
                ids = [i for v in known.values() for i in v]
                out.append(self._finding("wrong_fact", m.start(), m.end(), f"the notes have {real}", ids))
        return out

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
                md = _parse_md(m.group(0))
                if md is None:
                    continue
                year = (
                    noted.year if (md[0], md[1]) >= (noted.month, noted.day) or md[0] >= noted.month else noted.year + 1
                )
                ym = re.match(r"\s*,?\s*(\d{4})\b", low[m.end() :]) or re.search(r"/(\d{4})$", m.group(0))
                when = _safe_date(int(ym.group(1)) if ym else year, md[0], md[1])
                if when is None:
                    continue
                lo = max(0, m.start() - 60)
                words = _content_words(low[lo : m.end() + 50]) - _TIME_WORDS
                out.append((when, words, True, (n.id,)))
            if interaction_kind(n.text) is not None or self._IN_PERSON_NOTE.search(low):
                out.append((noted, _content_words(low) - _TIME_WORDS, False, (n.id,)))
        return out

    def event_dates(self) -> list[Finding]:
        """An event the notes date differently ("the April 29 offsite" when the offsite is April 26)."""
        events = [e for e in self._note_events() if e[1] and e[2]]
        recorded = {(d.month, d.day) for d, *_ in events}
        out = []
        for s, e in _sentences(self.text):
            sent = self.low[s:e]
            dates = [(t, _parse_md(t.group(0))) for t in _TIME_RE.finditer(sent) if t.group("md")]
            for t, md in dates:
                if md is None or md in recorded:
                    continue
                cs = _clause_before(sent, t.start())
                ce = _clause_after(sent, t.end() - 1)
                words = _content_words(sent[cs:ce]) - _TIME_WORDS - self._own_words()
                clash = [ev for ev in events if ev[1] & words and (ev[0].month, ev[0].day) != md]
                said = {other for _, other in dates}
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

    def _own_words(self) -> set[str]:
        c = self.ctx.client
        return _content_words(" ".join(filter(None, (c.name, c.goes_by, c.formal_name, self.ctx.salesperson))))

    # -- wrong_fact / inappropriate: places ----------------------------------------------------

    _LOCATION_NOTE = re.compile(
        r"\b(?i:based in|lives in|living in|located in|moved to|relocated to|relocating to|office (?:is )?in|"
        r"headquartered in|hq (?:is )?in|out of)\s+(?P<place>[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+){0,2})"
    )
    _HOME_HINT = re.compile(
        r"(?:\b(?:in|from|near|of)\s+|\(|,\s)(?P<place>[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+){0,2})"
        r"(?=,?\s?(?:[A-Z]{2}\b|\))|\.|,|\s\(|\s(?:office|area|store|shop|clinic|studio))"
    )
    _YOU_THERE = re.compile(
        r"\b(?:you(?:'re| are)(?: now)?|you've been|you live|you work|you're still) (?:based |located |living |"
        r"working |settled |over |out |down |up )?(?:in|out of) (?P<p1>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?)"
        r"|\byour (?P<p2>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?) (?:office|team|store|shop|branch|location|hq|"
        r"headquarters|home|house|apartment|showroom|clinics?|gyms?|restaurants?|studio|plant|stores|shops|offices)\b"
        r"|\b(?:life|things|the weather|weather|spring|summer|winter|autumn|fall|all|everything|everyone) "
        r"(?:is |are )?(?:in|out in|down in|up in|over in|there in) (?P<p3>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?)"
        r"|\bback (?:home )?in (?P<p4>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?)"
        r"|\b(?:is|are) (?:good|well|fine|great|ok|okay|going well|sunny|cold|warm) (?:over |out |down |up |there )?"
        r"in (?P<p5>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?)"
        r"|\bin (?P<p6>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?),? where you (?:are|live|work)"
    )
    _INVITE = re.compile(
        r"\b(?:join us|joining us|invite|invited|invitation|come (?:to|along|by|join|visit|celebrate|say hi|see|"
        r"and see|check out)|stop by|swing by|drop by|visit us|"
        r"(?<!to )see you (?:at|in)|love to (?:see|have) you|hope you can (?:make it|join|come|attend)|rsvp|register|"
        r"registration|save the date|(?:we're|we are|we'll be) hosting|hosting an?|would love (?:to have you|for you"
        r" to (?:come|join|attend))|open house|launch (?:party|event)|grab a ticket|tickets? (?:for|to)|"
        r"seat (?:for you|with your name)|you should come|don't miss|trunk show|pop-up|tasting)\b"
    )
    _PAST_EVENT = re.compile(r"\b(?:after|got home|was|were|went|loved|enjoyed|thanks for|thank you for|last)\b")

    def _client_place(self) -> tuple[_Place | None, str | None, tuple[str, ...]]:
        """(the client's place if in the gazetteer, its name as recorded, source ids)."""
        locations = sorted(self._facts(FactKind.LOCATION), key=lambda f: f.key != "location")
        for f in locations[:1]:
            name = f.value or f.text
            return _place(name), name, f.source_ids
        notes = sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp(), reverse=True)
        for n in notes:
            for m in self._LOCATION_NOTE.finditer(n.text):
                for _s, _e, place in _places_in(m.group("place"), 0, len(m.group("place"))):
                    return place, m.group("place"), (n.id,)
        for n in reversed(notes):  # oldest first: the note that introduces the client
            for m in self._HOME_HINT.finditer(n.text):
                name = m.group("place")
                found = list(_places_in(name, 0, len(name)))
                if found and found[0][2].lat is not None:
                    return found[0][2], name, (n.id,)
        for n in reversed(notes):  # notes typed in lower case: a known city, not a trip or a lane
            low = _norm(n.text)
            for m in _LOWER_CITY_RE.finditer(low):
                city = _place(m.group("city"))
                st = (m.group("st") or "").upper()
                if city is None or (st in _STATE_CODES and city.region != st):
                    continue  # "dublin oh" is not Dublin, Ireland
                if _TRAVEL_BEFORE.search(low[max(0, m.start() - 40) : m.start()]):
                    continue
                return city, m.group("city"), (n.id,)
        return None, None, ()

    _NAMED_SITE = re.compile(
        r"\b(?i:your|the)(?: (?i:new|old|other|main|second))? (?P<p>(?:[A-Z][a-zA-Z.]*\.? ){1,3})(?i:location|office|store|"
        r"branch|site|clinic|studio|gym|property|duplex|house|home|plant|warehouse|shop|campus|hospital|facility)\b"
        r"|\b(?i:at|in) (?P<p2>(?:St\.?|Saint|Mount|Mt\.?) [A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    )

    def _unknown_sites(self) -> list[Finding]:
        """ "the new Owasso location", "your team at St. Mary's": a named site of theirs no note mentions."""
        c = self.ctx.client
        own = _fold(" ".join(filter(None, (c.name, c.goes_by, c.formal_name, c.company, *c.aliases))))
        notes = " ".join(_fold(n.text) for n in self.ctx.notes) + " " + " ".join(d.text for d in self.docs)
        out = []
        for m in self._NAMED_SITE.finditer(self.text):
            group = "p" if m.group("p") else "p2"
            words = [w.strip(".") for w in m.group(group).split()]
            words = [w for w in words if len(w) > 2 and w.lower() not in ("st", "saint", "mount", "mt")]
            if not words or _sentence_of(self.text, m.start(group))[0] == m.start(group):
                continue
            missing = [w for w in words if not re.search(rf"\b{re.escape(_fold(w))}", notes) and _fold(w) not in own]
            if missing and len(missing) == len(words):
                s, e = m.span(group)
                out.append(self._finding("unsupported_claim", s, e, f"no note mentions {m.group(group).strip()}"))
        return out

    def places(self) -> list[Finding]:
        """The client placed in the wrong city (wrong_fact), or invited to an event far away (inappropriate)."""
        home, home_name, ids = self._client_place()
        out = self._unknown_sites()
        for m in self._YOU_THERE.finditer(self.text.replace("’", "'")):
            group = next(g for g in ("p1", "p2", "p3", "p4", "p5", "p6") if m.group(g))
            said = m.group(group)
            found = list(_places_in(said, 0, len(said)))
            place = found[0][2] if found else None
            if place is None:
                continue
            s = m.start(group)
            e = s + found[0][1]
            if home is not None and not _same_place(place, home):
                out.append(self._finding("wrong_fact", s, e, f"the client is in {home_name}", ids))
            elif home is None and home_name is None and not any(place.name in d.text for d in self.docs):
                out.append(self._finding("unsupported_claim", s, e, f"no note places the client in {said}"))
        if home is not None:
            out += self._far_events(home, home_name or home.name, ids)
        return out

    def _far_events(self, home: _Place, home_name: str, ids: tuple[str, ...]) -> list[Finding]:
        """Invitations to an event in a place far from the client."""
        out = []
        for s, e in _sentences(self.text):
            sent = self.low[s:e]
            if not self._INVITE.search(sent) or re.search(r"\b(?:online|virtual|zoom|livestream)", sent):
                continue
            if self._PAST_EVENT.search(sent) and not re.search(r"\b(?:next|upcoming|join us|register|rsvp)\b", sent):
                continue
            for ps, pe, place in _places_in(self.text, s, e):
                if not _near(place, home):
                    out.append(
                        self._finding(
                            "inappropriate",
                            ps,
                            pe,
                            f"an event in {self.text[ps:pe]} is far from the client ({home_name})",
                            ids,
                        )
                    )
        return out

    # -- wrong_fact: product -------------------------------------------------------------------

    _PRODUCT = re.compile(
        r"\b(?:your|the) (?:current |existing |new |recent )?(?P<name>(?:[\w-]+ ){1,2}?)(?P<kind>plan|subscription|"
        r"licen[cs]e|tier|package|edition|bundle|model)\b(?P<yours> (?:is|has been|you(?:'re| are) on|you have|"
        r"you use|is working|you bought|you signed up for))?"
    )
    _PRODUCT_GENERIC = frozenset(
        [
            "annual",
            "monthly",
            "yearly",
            "own",
            "current",
            "existing",
            "new",
            "basic",
            "first",
            "old",
            "same",
            "business",
            "account",
            "payment",
            "pricing",
            "service",
            "support",
        ]
    )

    def products(self) -> list[Finding]:
        """ "your Pro plan" when the ledger only knows their Team plan."""
        out = []
        for m in self._PRODUCT.finditer(self.low):
            if not m.group(0).startswith("your") and not (
                m.group("yours") or re.search(r"\b(?:your|you)\b", self.low[m.end() : m.end() + 40])
            ):
                continue
            words = [w for w in m.group("name").split() if w not in self._PRODUCT_GENERIC and w not in _STOP]
            if not words:
                continue
            if all(any(re.search(rf"\b{re.escape(w)}", d.text) for d in self.docs) for w in words):
                continue
            kind = m.group("kind")
            known = [d for d in self.docs if re.search(rf"\b{kind}\b", d.text)]
            msg = f"the ledger does not record a {' '.join(words)} {kind} for this client"
            out.append(
                self._finding("wrong_fact", m.start("name"), m.end("kind"), msg, [i for d in known for i in d.ids])
            )
        return out

    # -- wrong_fact: commitment dates ----------------------------------------------------------

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
                    md = _parse_md(t.group(0)) if t.group("md") else None
                    if md and any(
                        md == _parse_md(x.group(0))
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
            md = _parse_md(t.group(0))
            return md is not None and md != (due.month, due.day)
        return False

    # -- contradicts_preference ----------------------------------------------------------------

    _NEG_BEFORE = re.compile(
        r"\b(?:not(?! only| just)|no|never|without|instead of|rather than|other than|avoid\w*|unlike|except|skip\w*|"
        r"nothing|neither|nor|minus|dislike[sd]?|hate[sd]?|away from|anything but|steer clear of|"
        r"free of|\w+n't|not a fan of|out of|replace[sd]?|swap(?:ped)? out|ditch\w*|drop\w*|over|"
        r"hold(?:ing)? off (?:on)?|no more|pause on|understood on|noted on|heard you on|got it on|"
        r"(?:moved|moving|switched|switching|move|switch|changed|changing|went|going) (?:over |away )?from)\b"
    )
    _NEG_AFTER = re.compile(
        r"^(?:-free|(?:\s+[\w-]+){0,2}\s+out of (?:the|this|your|our)\b|\s+(?:is|are|was|were) (?:out|off the table|not)|\s+(?:isn't|aren't|wasn't|"
        r"is not|are not|was not|won't be|is off)|(?:\s+[\w-]+){0,2}\s+(?:is|are|'s|was|were) (?:a |an )?"
        r"(?:hard |firm |definite |big |total |clear )?(?:no|no-go|no go|out|off the table)\b|"
        r"(?:\s+[\w-]+){0,2}\s+(?:isn't|aren't|is not|are not|wasn't|weren't) (?:your|her|his|their|really your) "
        r"(?:thing|style|taste|cup of tea)|(?:\s+[\w-]+){0,2}\s+(?:is|are) (?:out of the question|not for you))"
    )
    _DECLINE_NOTE = re.compile(
        r"\b(?:not(?! (?:a fan|interested|sold|sure)\b)|no(?! (?:more|interest)\b)|never|doesn't (?:want|like)|"
        r"does not (?:want|like)|don't (?:want|like)|didn't (?:want|like)|hates?|hated|dislikes?|disliked|can't stand|isn't (?:a fan of|into)|not a fan of|allergic to|no more|"
        r"anything but|tired of|sick of|said no to|say no to|turned down|declined|passed on|doesn't need|"
        r"does not need|no interest in|not interested in|hold off on|holding off on|pause on)\s+"
        r"(?:sending\s+|showing\s+)?(?:more\s+|the\s+|any\s+|a\s+|an\s+|anything\s+|something\s+)?"
        r"(?P<item>[a-z][a-z-]+)(?=[\s,.;!)]|$)"
        r"|\b(?P<free>[a-z]+)-free\b|\b(?P<allergy>[a-z]+) allerg(?:y|ies)\b"
    )
    # A declined word stands for its family ("no alcohol" also rules out prosecco).
    _FAMILIES: ClassVar[tuple[tuple[str, ...], ...]] = (
        ("alcohol", "alcoholic", "booze", "wine", "wines", "prosecco", "champagne", "beer", "beers", "whisky",
         "whiskey", "vodka", "gin", "rum", "spirits", "cocktail", "cocktails", "bourbon", "cider", "drink",
         "mimosa", "mimosas", "bellini", "bellinis", "sangria", "margarita", "margaritas", "martini", "negroni",
         "spritz", "tequila", "mezcal", "sake", "open bar", "bubbly"),
        ("meat", "beef", "steak", "pork", "bacon", "ham", "lamb", "chicken", "turkey", "veal", "tenderloin",
         "short rib", "ribs", "brisket", "sausage", "prosciutto", "duck"),
        ("nut", "nuts", "peanut", "peanuts", "almond", "almonds", "cashew", "walnut", "pecan", "hazelnut",
         "pistachio", "satay"),
        ("grey", "gray", "charcoal", "slate", "graphite", "pewter", "gunmetal", "ash grey", "dove grey"),
        ("glossy", "gloss", "high-gloss", "lacquer", "lacquered", "shiny", "polished"),
        ("wool", "merino", "cashmere", "mohair", "alpaca", "lambswool"),
        ("subway", "metro tile"),
    )  # fmt: skip
    _DIET: ClassVar[dict[str, tuple[str, ...]]] = {
        "vegetarian": ("meat",),
        "vegan": ("meat", "dairy", "cheese", "butter", "cream", "egg", "eggs", "honey"),
        "teetotal": ("alcohol",),
        "sober": ("alcohol",),
        "doesn't drink": ("alcohol",),
        "don't drink": ("alcohol",),
    }
    _DECLINE_SKIP = frozenset(
        [
            "sure",
            "yet",
            "now",
            "interested",
            "ready",
            "available",
            "able",
            "going",
            "happy",
            "keen",
            "fan",
            "big",
            "much",
            "many",
            "sure",
            "today",
            "tomorrow",
            "really",
            "convinced",
            "decided",
            "rush",
            "hurry",
            "problem",
            "worries",
            "worry",
            "longer",
            "one",
            "thing",
            "time",
            "contact",
            "longer",
            "included",
            "phone",
            "email",
            "emails",
            "call",
            "calls",
            "text",
            "texts",
            "sms",
            "messages",
            "mail",
        ]
    )
    _SYNONYMS: ClassVar[dict[str, tuple[str, ...]]] = {
        "grey": ("grey", "gray"),
        "gray": ("grey", "gray"),
        "colour": ("colour", "color"),
    }

    def _declined(self) -> dict[str, tuple[str, ...]]:
        """Declined or disliked items (lower-case) -> source ids; from facts, plus note phrasing."""
        out: dict[str, tuple[str, ...]] = {}
        for f in self._facts(FactKind.DISLIKE, FactKind.PREFERENCE, FactKind.CONTACT):
            items = []
            if f.kind == FactKind.DISLIKE and not f.key.startswith("channel:"):
                items.append(f.value)
            elif f.kind == FactKind.DISLIKE and re.search(r"phone|call", f.value, re.I):
                out.setdefault(_PHONE_CALLS, f.source_ids)
            items += re.split(r",|/|\band\b|\bor\b", f.detail.get("declined", ""))
            for item in items:
                item = _norm(item).strip(" .")
                if item and len(item.split()) <= 3:
                    out.setdefault(item, f.source_ids)
            if f.kind == FactKind.DISLIKE:
                for name, trigger, _offer in _CONCEPTS:
                    if trigger.search(_norm(f"{f.value} {f.text}")):
                        out.setdefault(f"concept:{name}", f.source_ids)
        liked = {_norm(f.value): f.valid_from for f in self._facts(FactKind.PREFERENCE)}
        for n in self.ctx.notes:
            low = _norm(n.text)
            for m in self._DECLINE_NOTE.finditer(low):
                phrase = low[m.start() : _clause_after(low, m.end() - 1)]
                for name, trigger, _offer in _CONCEPTS:
                    if trigger.search(phrase):
                        out.setdefault(f"concept:{name}", (n.id,))
                item = m.group("item") or m.group("free") or m.group("allergy")
                if item.endswith(("-based", "-style", "-flavored", "-flavoured", "-type")):
                    item = item.split("-")[0]
                newer_like = item in liked and _aware(liked[item], self.ctx.now) > _aware(n.occurred_at, self.ctx.now)
                if item not in self._DECLINE_SKIP and item not in _STOP and not newer_like and len(item) > 2:
                    out.setdefault(item, (n.id,))
            for word, family in self._DIET.items():
                if re.search(rf"\b{word}\b", low):
                    for item in family:
                        out.setdefault(item, (n.id,))
            if re.search(
                r"\b(?:email only|only (?:by )?email|no (?:phone )?calls|text only|texts? only|no phone|"
                r"(?:by|via|over|through) (?:email|e-mail|text) only|only (?:contact|reach|email|message|text)\w* "
                r"(?:(?:her|him|them|me) )?(?:by|via|over|through) (?:email|e-mail|text)|"
                r"quit calling|stop calling)\b",
                low,
            ):
                out.setdefault(_PHONE_CALLS, (n.id,))
        for item, ids in list(out.items()):
            for family in self._FAMILIES:
                if item == family[0] or (family[0] == "nut" and item in family):
                    for other in family:
                        if other not in liked:
                            out.setdefault(other, ids)
        return out

    def preferences(self) -> list[Finding]:
        """Offering or recommending something the client declined; mentioning it as excluded is fine."""
        out = []
        concepts = {name: offer for name, _t, offer in _CONCEPTS}
        for item, ids in self._declined().items():
            forms = self._SYNONYMS.get(item, (item,))
            if item.startswith("concept:"):
                pattern = concepts[item.removeprefix("concept:")].pattern
                item = item.removeprefix("concept:")
            elif item == _PHONE_CALLS:
                pattern = _PHONE_CALL_RE
            elif re.fullmatch(r"[a-z]{4,}ed", item):
                # "curved" also rules out "Curve" treadmills
                pattern = rf"\b{re.escape(_stem(item))}\w*\b"
            else:
                pattern = "|".join(rf"\b{re.escape(f)}(?:s|es)?\b" for f in forms)
            for m in re.finditer(pattern, self.low):
                if self._excluded(m.start(), m.end()):
                    continue
                out.append(
                    self._finding("contradicts_preference", m.start(), m.end(), f"the client declined {item}", ids)
                )
        return out

    def _excluded(self, start: int, end: int) -> bool:
        """Whether the mention at start..end says the item is excluded ("not grey", "rather than grey")."""
        clause = self.low[_clause_before(self.low, start) : start]
        before = " ".join(clause.split()[-5:])
        if self._NEG_BEFORE.search(before):
            return True
        if self._NEG_AFTER.match(self.low[end : end + 30]):
            return True
        sent_s, sent_e = _sentence_of(self.low, start)
        sent = self.low[sent_s:sent_e]
        return bool(
            re.search(
                r"\b(?:you|you've|you'd) (?:said|mentioned|told me|don't|didn't|aren't|weren't|"
                r"dislike|hate|prefer(?:red)? to avoid|are not|were not)\b.{0,40}\bnot\b",
                sent,
            )
        )

    # -- contradicts_preference: when they like to be contacted ---------------------------------

    _NO_WEEKENDS = re.compile(
        r"\b(?:no|not|never|don't|do not|avoid|hates?)\b[^.;]{0,30}\bweekends?\b|\bweekdays? only\b|"
        r"\bweekday (?:evenings?|mornings?|afternoons?)\b|\bweekends? (?:are|is) (?:family|off|out)"
    )
    _PREFERRED_DAYS = re.compile(
        r"\b(?:prefers?|only|best|likes?)\b[^.;]{0,30}?\b(?:on )?(?P<days>(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
        r"s?(?:,\s*|\s+or\s+|\s+and\s+)?){1,4})"
    )
    _NOT_BEFORE = re.compile(
        r"\b(?:can't|cannot|can not|not|no|nothing|never|don't|hates?|dislikes?|doesn't like|does not like)\b"
        r"[^.;]{0,30}\bbefore (?P<h>\d{1,2})(?::\d\d)?\s?(?P<ap>am|pm)"
    )
    _PROPOSE = re.compile(
        r"\b(?:i'll|i will|we'll|we will|could we|can we|shall we|how about|would|let's|swing by|"
        r"drop by|come by|stop by|call you|meet|sessions?|slots?|book|schedule|see you)\b"
    )

    def timing(self) -> list[Finding]:
        """A day or hour the notes say does not suit the client (weekends, "nothing before 2pm")."""
        out: list[Finding] = []
        for n in self.ctx.notes:
            low = _norm(n.text)
            ids = (n.id,)
            if self._NO_WEEKENDS.search(low):
                on_weekend = self.ctx.now.astimezone(self.tz).weekday() >= 5 if self.tz else self.ctx.now.weekday() >= 5
                if on_weekend and re.search(r"\b(?:texts?|messages?|emails?|contact\w*|calls?|reach)\b", low):
                    s, e = self._first_line()
                    out.append(
                        self._finding("contradicts_preference", s, e, "the client asked for no weekend contact", ids)
                    )
                for m in re.finditer(r"\b(?:saturday|sunday|weekend)s?\b", self.low):
                    if self._proposed(m.start()):
                        out.append(
                            self._finding(
                                "contradicts_preference", m.start(), m.end(), "the client keeps weekends free", ids
                            )
                        )
            pd = self._PREFERRED_DAYS.search(low)
            if pd:
                ok = {w for w in _WEEKDAYS if w[:3] in pd.group("days")}
                for m in re.finditer(rf"\b({'|'.join(_WEEKDAYS)})\b", self.low):
                    if (
                        m.group(1) not in ok
                        and self._proposed(m.start())
                        and not re.search(r"\b(?:saturday|sunday)", pd.group(0))
                    ):
                        msg = f"the client prefers {' or '.join(sorted(ok, key=_WEEKDAYS.index)).title()}"
                        out.append(self._finding("contradicts_preference", m.start(), m.end(), msg, ids))
            nb = self._NOT_BEFORE.search(low)
            if nb:
                limit = int(nb.group("h")) % 12 + (12 if nb.group("ap") == "pm" else 0)
                for m in re.finditer(r"\b(?P<h>\d{1,2})(?::\d\d)?\s?(?P<ap>am|pm)\b", self.low):
                    hour = int(m.group("h")) % 12 + (12 if m.group("ap") == "pm" else 0)
                    if hour < limit and self._proposed(m.start()):
                        msg = f"the client can't do anything before {nb.group('h')}{nb.group('ap')}"
                        out.append(self._finding("contradicts_preference", m.start(), m.end(), msg, ids))
        return out

    def _proposed(self, pos: int) -> bool:
        """Whether the day or time at `pos` is put forward for contact (not past, not negated)."""
        s, e = _sentence_of(self.low, pos)
        sent = self.low[s:e]
        before = self.low[max(s, pos - 25) : pos]
        if re.search(r"\b(?:no|not|never|except|other than|avoid|without)\b", before):
            return False
        if re.search(r"\b(?:last|was|were|had|did|thanks|thank you)\b", sent) and not re.search(
            r"\b(?:will|'ll|next|this)\b", sent
        ):
            return False
        return bool(self._PROPOSE.search(sent) or "?" in sent)

    # -- inappropriate: sales pitch at a sensitive moment --------------------------------------

    def sensitive(self) -> list[Finding]:
        """A sales pitch while a recent note records bad news (bereavement, illness, layoffs)."""
        sad = sensitive_note_ids(self.ctx)
        m = _SALES_RE.search(self.low)
        push = next((p for p in _PRESSURE_RE.finditer(self.low) if not self._negated(p.start())), None)
        if m is None and (push is None or not sad):
            return []
        if not sad:
            assert m is not None
            return self._deferred(m)
        if push is None and _CALM_RE.search(self.low):
            return []  # the business is mentioned, gently, on their timing
        pitch = push or m
        assert pitch is not None
        return [
            self._finding(
                "inappropriate",
                pitch.start(),
                pitch.end(),
                "a sales pitch while the client is going through a hard time",
                sad,
            )
        ]

    def _deferred(self, m: re.Match[str]) -> list[Finding]:
        """A sales pitch before the time a note put the conversation off to ("check back in April")."""
        for n in self.ctx.notes:
            d = self._DEFER.search(_norm(n.text))
            if d is None:
                continue
            noted = _local_date(n.occurred_at, self.tz)
            if noted <= self.today < self._month_start(d.group("month"), noted):
                msg = f"a sales pitch before the client's own timing ({d.group(0)})"
                return [self._finding("inappropriate", m.start(), m.end(), msg, (n.id,))]
        return []


# ---------------------------------------------------------------------------------------------
# Quantities, codes and dates


@dataclass(frozen=True)
class _Qty:
    """A number in a text, what kind it is, and the words that say what it counts."""

    value: float
    kind: str  # "count" | "money" | "percent"
    unit: set[str]
    start: int
    end: int
    context: set[str]


_WORDNUM = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_QTY_RE = re.compile(
    r"(?<![\w.\-/])(?:(?P<cur>[$€£])\s?)?(?:(?P<num>\d[\d,]*(?:\.\d+)?)|(?P<word>"
    + "|".join(_WORDNUM)
    + r")\b)(?P<k>k\b)?(?:(?P<pct>\s?(?:%|percent\b|per cent\b))|(?:st|nd|rd|th)\b|"
    r"-?(?P<suffix>cm|mm|km|kg|lbs?|hp|kw|ft|in|m²|m2|sq ?ft|gb|tb|ml|oz|mph|v)\b|-(?=[a-z]))?"
)
_QTY_SKIP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "your",
        "our",
        "my",
        "their",
        "his",
        "her",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "but",
        "all",
        "about",
        "around",
        "roughly",
        "some",
        "just",
        "only",
        "each",
        "per",
        "up",
        "over",
        "under",
        "than",
        "more",
        "less",
        "new",
        "old",
        "total",
        "approx",
        "approximately",
        "nearly",
        "almost",
    ]
)
_TIME_WORDS = frozenset(
    {_stem(w) for w in ("today", "tomorrow", "yesterday", "week", "weeks", "month", "year", "morning",
                        "afternoon", "evening", "night", "day", "days", "time", "date", "next", "last", "this")}
    | set(_WEEKDAYS) | set(_MONTHS)
)  # fmt: skip
_DATE_MASK_RE = re.compile(
    rf"\b(?:{_MONTH_RX}\s+{_DAY_RX}(?:,?\s+\d{{4}})?|{_DAY_RX}\s+(?:of\s+)?{_MONTH_RX}(?:,?\s+\d{{4}})?|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|the \d{{1,2}}(?:st|nd|rd|th)\b|"
    rf"(?:q[1-4]|h[12])\b|(?:19|20)\d\d(?=\s*(?:[.,;!?]|$)))"
)
_CLOCK_RE = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b24/7\b")
_CODE_RE = re.compile(r"\b(?P<p>[a-z]{1,4})-?(?P<n>\d{1,6})\b(?![.,]\d)")


# ---------------------------------------------------------------------------------------------
# Small value helpers


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
    md = _parse_md(value)
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


def _slot_value(slot: str | None, raw: str) -> float | str | None:
    """Normalise a slot value: numbers to floats ($50k -> 50000), letter sizes to a canonical word."""
    raw = raw.strip().lower()
    if slot == "size":
        letters = {"xxs": "xxs", "xs": "xs", "s": "small", "small": "small", "m": "medium", "medium": "medium",
                   "l": "large", "large": "large", "xl": "xl", "extra large": "xl", "extra-large": "xl",
                   "xxl": "xxl", "xxxl": "xxxl"}  # fmt: skip
        if raw in letters:
            return letters[raw]
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s?(k|m|thousand|million)?\b", raw)
    if not m:
        return raw if slot == "size" and raw else None
    try:
        num = float(m.group(1).replace(",", ""))
    except ValueError:
        return None
    mult = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}.get(m.group(2) or "", 1.0)
    return num * mult


def _same_value(a: float | str, b: float | str) -> bool:
    """Equal values (numbers within half a percent)."""
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1.0)
    return a == b


def _show(v: float | str) -> str:
    """A value for a message."""
    return f"{v:g}" if isinstance(v, float) else v


def _same_place(a: _Place, b: _Place) -> bool:
    """Same place, or a city and its area (Brooklyn is New York)."""
    if a.name == b.name:
        return True
    km = _km(a, b)
    if km is not None:
        return km <= 40
    return a.region == b.region


__all__ = ["KINDS", "Finding", "GuardReport", "check_text", "declined_items", "interaction_kind", "sensitive_note_ids"]
