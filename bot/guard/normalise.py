"""Text as the guard reads it: NFKC, look-alike letters folded, invisible characters removed, numbers as digits.

A lie spelled "promіsed" (Cyrillic і) or "prom\u200bised" (a zero-width space) reads as "promised"
to a person but slips past every word rule. The rules therefore read a normalised copy; the
`Normalised` keeps, for every character of that copy, the range of the original text it came from,
so that a finding's span is still an exact substring of the text the salesperson sees.
Cardinals in words become digits ("thirty percent off" -> "30 percent off", `numwords`), and a space or
apostrophe grouping thousands a comma ("R10 000" -> "R10,000", `memory.numbers`).
The look-alike letters and the invisible characters are data (`memory/data/lookalikes.json`, a reason each, shared with client-name matching).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.guard.numwords import number_phrases
from memory.lexicon import lookalikes
from memory.numbers import figure_marks

_tables = lookalikes  # memory/data/lookalikes.json, shared with client-name matching


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


@dataclass(frozen=True)
class Normalised:
    """A normalised text and, per character, the `[start, end)` range of the original it came from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, span: str) -> str:
        """The original substring behind `span` (a substring of `text`); a tampered occurrence first."""
        if not span or self.text == self.original:
            return span
        found: list[str] = []
        at = self.text.find(span)
        while at >= 0:
            found.append(self.original[self.starts[at] : self.ends[at + len(span) - 1]])
            at = self.text.find(span, at + 1)
        if not found:
            return span
        return next((f for f in found if f != span), found[0])


@lru_cache(maxsize=4096)
def normalise(text: str) -> Normalised:
    """`text` in NFKC with look-alike letters folded and invisible characters dropped, offsets kept."""
    if text.isascii():
        if not _has_number_words(text) and not figure_marks(text):
            return Normalised(text, text, (), ())
        return _with_numbers(text, list(text), list(range(len(text))), list(range(1, len(text) + 1)))
    folds, invisible = _tables()
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in invisible:
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1  # a letter and its combining marks compose as one ("e" + U+0301 -> "é")
        for ch in unicodedata.normalize("NFKC", text[i:j]):
            chars.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    letters = [c for c in chars if c.isalpha()]
    mostly_latin = sum(_is_latin(c) for c in letters) * 2 >= len(letters)
    k = 0
    while k < len(chars):
        if not chars[k].isalpha():
            k += 1
            continue
        m = k
        while m < len(chars) and chars[m].isalpha():
            m += 1
        word = chars[k:m]
        if any(c in folds for c in word):
            mixed = any(_is_latin(c) for c in word)
            # A word that mixes scripts is a disguise; a whole look-alike word counts only in Latin text
            # (a Russian or Greek sentence stays as it is).
            if mixed or (mostly_latin and all(c in folds or _is_latin(c) for c in word)):
                chars[k:m] = [folds.get(c, c) for c in word]
        k = m
    return _with_numbers(text, chars, starts, ends)


# A small number is read as a figure only when a percentage or a currency follows ("five percent off").
_MEASURE_AFTER = re.compile(
    r"[ -]?(?:%|percent\b|per[ ]cent\b|euros?\b|dollars?\b|pounds?\b|quid\b|bucks?\b|francs?\b|yen\b|"
    r"rupees?\b|grand\b)",
    re.IGNORECASE,
)


def _has_number_words(text: str) -> bool:
    return next(number_phrases(text), None) is not None or _GLUED_CURRENCY.search(text) is not None


def _currency_rx() -> re.Pattern[str]:
    """A currency written in letters glued to a figure of three digits or more ("R2,150", "kr38,900")."""
    doc = json.loads((Path(__file__).parent / "data" / "currency_prefixes.json").read_text(encoding="utf-8"))
    alt = "|".join(sorted(map(re.escape, doc["words"]), key=len, reverse=True))
    return re.compile(rf"(?<![\w$])(?:{alt})(?=\d[\d,]*\d\d)", re.IGNORECASE)


_GLUED_CURRENCY = _currency_rx()


def _with_numbers(original: str, chars: list[str], starts: list[int], ends: list[int]) -> Normalised:
    """Cardinals in words rewritten as digits ("nine thousand" -> "9000"), each digit mapped to the words.

    A space, dot or apostrophe that groups thousands ("R10 000") becomes a comma and a decimal comma before a
    unit ("1,8 km") a point, one character for one (memory's `figure_marks`, as the extractor reads them).
    """
    marks = figure_marks(original)
    if marks:
        # a separator only (NFKC made a thin space plain); a digit or letter of the same offset stays
        chars = [(ch if ch.isalnum() else marks.get(starts[k], ch)) for k, ch in enumerate(chars)]
    joined = "".join(chars)
    out: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    done = 0
    phrases = [
        (a, b, str(value)) for a, b, value in number_phrases(joined) if value > 10 or _MEASURE_AFTER.match(joined, b)
    ]
    # "R2,150" -> "R 2,150": the letters stay, a space (mapped to the last letter) parts them from the figure
    phrases += [(m.end(), m.end(), " ") for m in _GLUED_CURRENCY.finditer(joined)]
    for a, b, digits in sorted(phrases):
        # small counts in prose ("seats eight", "two mills") stay words, as they were tuned
        out += chars[done:a]
        out_starts += starts[done:a]
        out_ends += ends[done:a]
        out += digits
        out_starts += [starts[a] if b > a else starts[a - 1]] * len(digits)
        out_ends += [ends[b - 1] if b > a else ends[a - 1]] * len(digits)
        done = b
    out += chars[done:]
    out_starts += starts[done:]
    out_ends += ends[done:]
    return Normalised(original, "".join(out), tuple(out_starts), tuple(out_ends))
