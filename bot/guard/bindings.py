"""wrong_fact rule: a detail the notes tie to one of two parallel things, tied to the other.

Notes list parallel things with their own details: "Valencia->Lyon (12 FTL/mo) and Valencia->Milan
(5 FTL/mo). wants tail-lift for Milan", "VLC-LYO €1,640/FTL, VLC-MIL €1,980/FTL". A message that
gives Lyon's price to Milan, or Milan's tail-lift to Lyon, swaps them. Each note is cut into
segments (commas, "and", full stops); a named thing and a number or word in the same segment are
bound. Shorthand counts as the name ("LYO" for Lyon).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.guard.evidence import per_context
from bot.guard.geo import _place
from bot.guard.model import Finding
from bot.guard.text import _STOP, _content_words, _fold, _norm
from bot.guard.truth import GuardBase
from bot.guard.values import _TIME_WORDS
from bot.guard.when import _MONTHS, _WEEKDAYS

# A segment ends at a separator; a full stop inside a word ("acme.com") ends it too, as `cut`, and the
# segment is dropped: without that, a match failed there and was retried from every character before it.
_SEGMENT = re.compile(r"(?:[^,;:.!?\n]|[,.](?=\d))+?(?=\s+and\s+|[;:!?\n]|,(?!\d)|\.(?:\s|$)|$|(?P<cut>\.(?!\d)))")
_AND = re.compile(r"\s*and ")
_NAME = re.compile(r"(?<![\w'])(?:[A-Z][a-z]{2,}|[A-Z]{3,})(?![\w'])")
_NUMBER = re.compile(r"(?<![\w./])\d[\d,]*(?:\.\d+)?(?!\d|/\d)")


def _segments(text: str) -> list[tuple[int, int]]:
    """Spans of a text's segments: split at punctuation and at " and "."""
    out = []
    for m in _SEGMENT.finditer(text):
        if m["cut"]:
            continue
        s = m.start()
        if _AND.match(text, s):
            s = text.index("and ", s) + 4
        if m.end() > s:
            out.append((s, m.end()))
    return out


def _numbers(text: str) -> set[str]:
    """Numbers of a segment (2 and more), normalised ("1,640" -> "1640")."""
    out = set()
    for m in _NUMBER.finditer(text):
        v = m.group(0).replace(",", "").rstrip(".")
        if v and float(v) >= 2:
            out.add(v.removesuffix(".0"))
    return out


def _same_name(a: str, b: str) -> bool:
    """Whether two folded names are the same place or thing ("lyo" is "lyon", "vlc" is "valencia")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 3 or short[0] != long[0]:
        return False
    rest = iter(long[1:])
    return all(ch in rest for ch in short[1:])


class BindingRules(GuardBase):
    """Details bound to one of two parallel named things; mixed into the guard."""

    def _names_in(self, text: str, skip: set[str]) -> set[str]:
        """Folded place names in a segment (a known city, or its all-caps shorthand), minus the client's words."""
        out = set()
        for m in _NAME.finditer(text):
            w = _fold(m.group(0))
            if not (_place(m.group(0)) or (m.group(0).isupper() and any(_same_name(w, c) for c in self._cities()))):
                continue
            if m.group(0).isupper() and re.search(r"\d\s*/?\s*$", text[: m.start()]):
                continue  # "12 FTL", "€1,640/FTL": a unit
            if w in skip or w in _STOP or w in _WEEKDAYS or w.rstrip(".") in _MONTHS:
                continue
            out.add(w)
        return out

    def _cities(self) -> set[str]:
        """Folded names of known cities that the notes or the message name."""
        if not hasattr(self, "_city_cache"):
            words = {_fold(w) for w in _NAME.findall(self.text)}
            self._city_cache = {w for w in words if _place(w) is not None and len(w) > 2} | self._note_cities()
        return self._city_cache

    @per_context
    def _note_cities(self) -> set[str]:
        """Folded names of known cities that the notes name."""
        words = {_fold(w) for n in self.ctx.notes for w in _NAME.findall(n.text)}
        return {w for w in words if _place(w) is not None and len(w) > 2}

    def _named_segments(self, text: str) -> Iterator[tuple[int, str, set[str], set[str], set[str]]]:
        """(start, segment, names, numbers, words of 4+ letters) for each segment of `text` that names something."""
        skip = self._own_words() | {_fold(w) for w in (self.ctx.client.company or "").split()}
        text = text.replace("->", " to ")
        for s, e in _segments(text):
            seg = text[s:e]
            names = self._names_in(seg, skip)
            if names:
                words = {w for w in _content_words(_norm(seg)) - _TIME_WORDS if len(w) >= 4}
                yield s, seg, names, _numbers(seg), words

    def _bound(self) -> list[tuple[set[str], set[str], str]]:
        """(names, details, note id) for each segment of each note that names something."""
        return self._bound_with(frozenset(self._cities()))  # the notes' segments depend on the message only so

    @per_context
    def _bound_with(self, cities: frozenset[str]) -> list[tuple[set[str], set[str], str]]:
        """`_bound` while `_cities()` is `cities` (built once per context and set of cities)."""
        out = []
        for n in self.ctx.notes:
            for _, _, names, numbers, words in self._named_segments(n.text):
                out.append((names, numbers | (words - {_fold(x) for x in names}), n.id))
        return out

    def swapped_bindings(self) -> list[Finding]:
        """A number or detail the notes give one of two parallel things, given to the other."""
        bound = self._bound()
        if len({frozenset(names) for names, *_ in bound}) < 2:
            return []
        out = []
        for s, seg, mine, numbers, words in self._named_segments(self.text):
            for detail in sorted(numbers | words):
                owners = {x for names, details, _ in bound if detail in details for x in names}
                if not owners:
                    continue
                here = {m for m in mine if not any(_same_name(m, o) for o in owners)}
                elsewhere = {o for o in owners if not any(_same_name(m, o) for m in mine)}
                kind_numbers = detail in numbers
                parallel = {m for m in here if any(any(_same_name(m, x) for x in names) for names, _, _ in bound)}
                if not parallel or not elsewhere:
                    continue
                found = re.search(re.escape(detail) if not kind_numbers else r"[\d,]+", seg)
                if kind_numbers:
                    found = next((x for x in _NUMBER.finditer(seg) if x.group(0).replace(",", "") == detail), None)
                if found is None:
                    continue
                ids = [nid for names, details, nid in bound if detail in details]
                who = ", ".join(sorted(x.title() for x in elsewhere))
                out.append(
                    self._finding(
                        "wrong_fact", s + found.start(), s + found.end(), f"the notes give this to {who}", ids
                    )
                )
        return out
