"""Cardinal numbers written in words ("thirty", "nine thousand", "two hundred and fifty") found in text.

English cardinals are a closed grammar, not a tuned word list: units and teens, tens, and the scale
words hundred / thousand / million / billion, joined by spaces, hyphens or "and". The guard rewrites
each phrase as digits before its rules run, so "thirty percent off" is read like "30% off".
A lone "one" stays a word: it is far more often a pronoun ("the oak one") than a count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORDS = {**_UNITS, **_TENS, "hundred": 100, **_SCALES}
_ALT = "|".join(sorted(_WORDS, key=len, reverse=True))
# A run of number words; "and" and "a" only where they belong ("a hundred", "hundred and five").
_PHRASE = re.compile(
    rf"\b(?:a[ ]+(?=(?:hundred|thousand|million|billion)\b))?(?:{_ALT})\b"
    rf"(?:(?:[ ]+|-|[ ]+and[ ]+)(?:{_ALT})\b)*",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


def parse_number_words(phrase: str) -> int | None:
    """The value of a cardinal phrase ("nine thousand" -> 9000), or None if it is not one number."""
    total = current = 0
    last = ""  # kind of the previous token: unit, ten, hundred, scale
    seen = False
    for token in (t.lower() for t in _TOKEN.findall(phrase)):
        if token in ("and", "a"):
            continue
        if token in _UNITS:
            if last == "unit" or (last == "ten" and _UNITS[token] >= 10) or (last == "ten" and token == "zero"):
                return None  # "five six", "twenty twelve": two numbers, not one
            current += _UNITS[token]
            last = "unit"
        elif token in _TENS:
            if last in ("unit", "ten"):
                return None  # "nineteen ninety" is a year read aloud, "five twenty" a time
            current += _TENS[token]
            last = "ten"
        elif token == "hundred":
            if last == "hundred":
                return None
            current = (current or 1) * 100
            last = "hundred"
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0
            last = "scale"
        else:
            return None
        seen = True
    return total + current if seen else None


# A figure in digits right before a lone scale word: "2.5 million", "3 thousand" is one number.
_DIGITS_BEFORE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)[ ]?$")


def number_phrases(text: str) -> Iterator[tuple[int, int, int]]:
    """`(start, end, value)` for each cardinal phrase in `text`, longest first from the left.

    A scale word after a figure in digits joins it ("R2.5 million" -> 2500000), else the figure and
    the scale would read as two numbers.
    """
    for m in _PHRASE.finditer(text):
        phrase = m.group(0)
        if phrase.lower() == "one":
            continue
        value = parse_number_words(phrase)
        if value is None:
            continue
        digits = _DIGITS_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if phrase.lower() in _SCALES and digits:
            yield digits.start(), m.end(), round(float(digits.group(1).replace(",", "")) * value)
            continue
        yield m.start(), m.end(), value
