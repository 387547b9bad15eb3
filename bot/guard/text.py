"""Text and span helpers: normalising, stemming, sentences, clauses, time-zone-safe dates."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from functools import lru_cache

from bot.guard.model import Finding


@lru_cache(maxsize=8192)
@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    """Lower-case with straight apostrophes, keeping every offset of the original text (cached: notes repeat)."""
    out = []
    for ch in text:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out).replace("’", "'").replace("‘", "'")


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Lower-case without diacritics, one character per character ("Zoë" -> "zoe")."""
    return "".join((unicodedata.normalize("NFKD", ch)[:1] or ch).lower() for ch in text)


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    """A crude stem: enough to match "dashboards" with "dashboard", "ordered" with "order"."""
    w = word.lower().strip("'")
    for suffix in ("'s", "ing", "ies", "es", "ed", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "es" and not w[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
                suffix = "s"  # "samples" -> "sample", but "boxes" -> "box"
            w = w[: -len(suffix)]
            break
    if len(w) >= 4 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]  # "graduate" and "graduating", "sample" and "samples" share a stem
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


def _shorthand(short: str, long: str) -> bool:
    """Whether `short` is a note-taker's shorthand for `long`: same first letter, its letters in order ("bldg")."""
    if len(short) < 4 or len(short) >= len(long) or short[0] != long[0]:
        return False
    rest = iter(long[1:])
    return all(ch in rest for ch in short[1:])


def _content_words(text: str) -> set[str]:
    """Stems of the meaningful words of `text` (stop words and short words dropped)."""
    return set(_content_frozen(text))


@lru_cache(maxsize=8192)
def _content_frozen(text: str) -> frozenset[str]:
    """`_content_words`, cached (texts repeat across a check's rules)."""
    words = [w.lower() for w in _WORD.findall(text)]
    words += [part for w in words if "-" in w for part in (*w.split("-"), w.replace("-", ""))]  # "cab-free": cabs
    return frozenset(_stem(w) for w in words if len(w) >= 3 and w not in _STOP)


# A sentence runs to a full stop, but not the one after a title ("Dr. Park").
_SENTENCE = re.compile(
    r"(?:[^.!?\n]|(?:(?<=\b[Dd]r)|(?<=\b[Mm]r)|(?<=\b[Mm]rs)|(?<=\b[Mm]s)|(?<=\b[Ss]t)|(?<=\b[Pp]rof))\.(?=\s+[A-Za-z]))+"
    r"(?:[.!?]+|$)",
    re.M,
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line of `text`, whitespace trimmed."""
    return list(_sentence_spans(text))


# The span helpers below are called once per number, date or name in a draft: each reads an index
# of the text built once (cached), so a long draft costs linear time, not a rescan per mention.
@lru_cache(maxsize=16384)  # every note's sentences, at every check
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return tuple(spans)


@lru_cache(maxsize=16384)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in _sentence_spans(text))


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    """The sentence (start, end) containing offset `pos`."""
    i = bisect_right(_sentence_starts(text), pos) - 1
    if i >= 0:
        s, e = _sentence_spans(text)[i]
        if pos < e:
            return s, e
    return 0, len(text)


_CLAUSE_END = re.compile(r"[,;:()]|\s[-–—]\s|\s(?:and I|and we|but|so|which|because)\s|[.!?](?:\s|$)|\n")
_CLAUSE_END_AT = re.compile(f"(?=(?:{_CLAUSE_END.pattern}))")  # every offset where a clause end starts
_CLAUSE_START = re.compile(r"[,;:()\n]|[.!?]\s|\s[-–—]\s")


@lru_cache(maxsize=16384)
def _clause_end_offsets(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _CLAUSE_END_AT.finditer(text))


@lru_cache(maxsize=16384)
def _clause_start_offsets(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _CLAUSE_START.finditer(text))


def _clause_after(text: str, start: int) -> int:
    """End offset of the clause that begins at `start`."""
    ends = _clause_end_offsets(text)
    i = bisect_left(ends, start + 1)
    return ends[i] if i < len(ends) else len(text)


def _clause_before(text: str, pos: int) -> int:
    """Start offset of the clause that ends at `pos`."""
    starts = _clause_start_offsets(text)
    i = bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else 0


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


# Public names for the rules package (bot/guard/rules/), which imports no private helper.
content_words = _content_words
sentences = _sentences
clause_before = _clause_before
clause_after = _clause_after
stem = _stem
shorthand = _shorthand
norm = _norm
STOP_WORDS = _STOP
