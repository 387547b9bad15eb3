"""Quantities, money, sizes and codes: how numbers in text and notes are read and compared."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.guard.text import _stem
from bot.guard.when import _DAY_RX, _MONTH_RX, _MONTHS, _WEEKDAYS


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
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
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
    rf"\b(?:{_MONTH_RX}\s+(?:19|20)\d\d\b|{_MONTH_RX}\s+{_DAY_RX}(?!\d)(?:,?\s+\d{{4}})?|{_DAY_RX}\s+(?:of\s+)?{_MONTH_RX}(?:,?\s+\d{{4}})?|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|the \d{{1,2}}(?:st|nd|rd|th)\b|"
    rf"(?:q[1-4]|h[12])\b|(?:19|20)\d\d(?=\s*(?:[.,;!?]|$)))"
)
_CLOCK_RE = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b24/7\b"
    r"|(?<=after )\d{1,2}\b(?=\s+(?:with|and|or|on|if|so|then)\b|\s*[,.;!?]|$)"
)
_CODE_RE = re.compile(r"\b(?P<p>[a-z]{1,4})-?(?P<n>\d{1,6})\b(?![.,]\d)")


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
