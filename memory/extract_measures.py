"""Measurements: a number with a unit of measure ("42 m²", "a 6.5 kWp array", "battery 13.5 kWh", "1.8L").

Units come from memory/data/measure_units.tsv (a reason for each). A measurement is keyed by its unit and, when one
is said beside it, the thing it measures ("measure:kwh:battery"), so a later "make it 15 kWh" supersedes it while the
array's kWp stays. Counted goods ("20 units", "40 litres of primer") are quantities (memory.extract_more).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from pathlib import Path

from memory.extract_more import words
from memory.records import ExtractedFact, FactKind

__all__ = ["measures"]

_DATA = Path(__file__).parent / "data" / "measure_units.tsv"
# words that are no thing measured ("42 m² for the terrace": the terrace is after "for")
_NOT_THINGS = frozenset((
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "and", "or", "with", "per", "each", "total",
    "about", "around", "roughly", "approx", "max", "min", "over", "under", "is", "was", "are", "be", "it",
    "its", "their", "her", "his", "our", "my", "this", "that", "after", "all", "now", "too", "instead", "only",
    "then", "please", "pls", "not", "but", "same",
))  # fmt: skip


# "for the cabin at voss", "for the new menu": up to the fragment's end, a few words
_FOR_WHAT = re.compile(
    r"\s+for\s+(?:the\s+|her\s+|his\s+|their\s+|a\s+)?[^\W\d][\w'-]*(?:\s+[\w'-]+){0,4}?(?=\s*(?:[,;.!?)]|$|\s-\s))",
    re.IGNORECASE,
)
_DECLINED = re.compile(r"\b(?:not|no|never|instead\s+of|rather\s+than)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)


@cache
def _units() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            unit, shown, _why = line.split("\t", 2)
            table[unit.casefold()] = shown
    return table


@cache
def _measure_re() -> re.Pattern[str]:
    units = sorted(_units(), key=len, reverse=True)
    alternation = "|".join(re.escape(u).replace(r"\ ", r"\s?") for u in units)
    return re.compile(
        r"(?<![\w.,/$£€])(?P<n>\d+(?:\.\d+)?)\s?(?:-\s?)?(?P<unit>" + alternation + r")(?![\w²³])",
        re.IGNORECASE,
    )


def _thing(before: str, after: str) -> tuple[str, int]:
    """What the measure is of and how much of `after` names it: the noun right after it ("kWp array", "m² of oak"),
    else the word right before ("battery 10 kWh", "tank of 1.8L"), with 0."""
    m = re.match(r"\s*(?:of\s+)?(?:the\s+)?(?P<w>[a-z][a-z-]{2,})\b", after, re.IGNORECASE)
    if m and m["w"].casefold() not in _NOT_THINGS:
        return m["w"].casefold(), m.end()
    # "not the white-washed, 85 m2 for the cabin": the declined one is not what is measured
    m = re.search(r"(?P<w>[a-z][a-z-]{2,})\s*(?:[:,]|\bof|\bis|\bare|\bwas|\bat)?\s*$", before, re.IGNORECASE)
    if m and m["w"].casefold() not in _NOT_THINGS and not _DECLINED.search(before[: m.start()]):
        return m["w"].casefold(), 0
    return "", 0


def measures(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """Each measurement of the clause as a fact ("9.6 kWp" of the roof array, "42 m²")."""
    for m in _measure_re().finditer(clause):
        typed = re.sub(r"\s+", " ", m["unit"])
        if typed == "l":
            continue  # a lower-case "l" after a number is rarely a unit ("1.8L" is how litres are typed)
        if _DECLINED.search(clause[: m.start()]):
            continue  # "the 50ml, not the 30ml": the declined size is no measurement of hers (the choice says it)
        shown_unit = _units()[typed.casefold()]
        unit_key = (
            re.sub(r"[^a-z0-9]+", "", shown_unit.casefold().replace("²", "2").replace("³", "3").replace("µ", "u"))
            or "unit"
        )
        thing, said = _thing(clause[: m.start()], clause[m.end() :])
        value = f"{m['n']} {shown_unit}"
        text = value + clause[m.end() : m.end() + said] if said else (f"{thing} {value}" if thing else value)
        where = _FOR_WHAT.match(clause[m.end() + said :])
        if where:  # "85 m2 for the cabin at voss": what it is for belongs to the measure's line
            text += where.group(0)
        if thing in words("container"):
            thing = ""  # "15kg bags": the goods' size, not a thing of its own (the replay finds the goods measured)
        key = f"measure:{unit_key}" + (f":{thing}" if thing else "")
        yield ExtractedFact(
            FactKind.OTHER, key, value, " ".join(text.split()), detail={"amount": m["n"], "unit": shown_unit}
        )
