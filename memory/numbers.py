"""Figures as people write them: the one reader of grouped thousands for the extractor and the guard.

Many countries group thousands with a space, a dot or an apostrophe where English uses a comma ("€18 000",
"€ 21.500", "CHF 12'400", "Rp 320.000.000"), and write a decimal comma before a unit ("1,8 km"). This module
decides once which characters are such separators; the extractor (`group_thousands`, before every rule) and the
guard (`thousands_separators` in its normaliser, `figures` in its claim rules) read a note the same way.

A run of digits is one figure with thousands, its separator read as a comma, when it has one separator kind,
groups of exactly three digits after the first one to three, no further digit group after it, and:
* the separator is a thin, narrow or no-break space or an apostrophe (written only as a separator), or
* the separator is a plain space or a dot and the run has two or more groups ("1 250 000", "1.200.000"), or sits
  next to a currency (a sign of `CURRENCY_SIGNS`, a code of memory/data/currency_codes.tsv or a currency's name,
  before or after the figure: "€ 21.500", "12 000 kr", "R10 000");
* but never a single dot group before a multiplier: "$1.250m", "€2.500k", "EUR 3.750 million" are decimals.
A comma before one or two digits and a unit of measure is a decimal comma ("1,8 km" -> "1.8 km").
A phone number ("0412 555 019"), "9.6 kWp", "2 300mm shelves", "12 250 ml jars", "€3.50", "v2.100" and
"sizes 8,10" are left as typed. Every rewrite is one character for one, so offsets are kept.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

__all__ = [
    "CURRENCY_SIGNS",
    "currency_after",
    "currency_before",
    "currency_codes",
    "figure_marks",
    "figures",
    "group_thousands",
    "thousands_separators",
]

# signs written before (or after) an amount: dollar, pound, euro, yen/yuan, rupee, won, peso, naira, lira, dong,
# baht, rouble, hryvnia, shekel, cedi
CURRENCY_SIGNS = "$£€¥₹₩₱₦₺₫฿₽₴₪₵"
_DELIBERATE = "\u00a0\u2009\u202f'\u2019"  # no-break, thin, narrow no-break space; apostrophes: only ever separators
_SEP = "[ ." + _DELIBERATE + "]"
# one separator kind per run: "18 000" or "21.500", never "1 200.500"
_RUN = re.compile(r"(?<![\d.,'\u2019])(?<!\d" + _SEP + r")\d{1,3}(?P<sep>" + _SEP + r")\d{3}(?:(?P=sep)\d{3})*(?!\d)")
# a multiplier after a number: "1.250m" is then 1.25 million, never 1,250 metres of money
_MULTIPLIER = re.compile(r"\s?(?:k|m|mm|bn|b|million|billion|thousand|lakhs?|crores?|juta)\b", re.IGNORECASE)
_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """The lower-case currency codes and local abbreviations of memory/data/currency_codes.tsv."""
    lines = (_DATA / "currency_codes.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#"))


def _codes() -> str:
    return "|".join(re.escape(c) for c in sorted(currency_codes(), key=len, reverse=True))


@cache
def currency_before() -> str:
    """A currency written before an amount: a sign, a prefixed dollar ("US$"), a code ("RM", "SAR", "AED")."""
    # the rand's capital R too ("R 145 000", "over R100k"): callers read it only before grouped digits or after
    # "over"/"above", so "Canon R5" is never money
    signs = re.escape(CURRENCY_SIGNS)
    return r"(?:[" + signs + r"]|(?:US|AU|A|CA|C|NZ|HK|S|R)\$|\b(?:" + _codes() + r")\.?|\b(?-i:R)(?=\s?\d))"


@cache
def currency_after() -> str:
    """A currency written after an amount: a sign or code ("40k aed"), or its name ("12,000 euros")."""
    return (
        r"(?:[" + re.escape(CURRENCY_SIGNS) + r"]|(?:" + _codes() + r"|dollars|euros?|pounds|rupiah|rupees|pesos|"
        r"reais|ringgit|naira|rand|dirhams?|riyals?|shillings?|baht|yuan|yen|won|francs|kronor|krona|zloty)\b)"
    )


@cache
def _beside_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = re.compile(r"(?:" + currency_before() + r")\s?(?=\d\Z)", re.IGNORECASE)
    after = re.compile(r"\s?" + currency_after(), re.IGNORECASE)
    return before, after


def _beside_currency(text: str, start: int, end: int) -> bool:
    """Whether a currency is written right before or right after the figure `text[start:end]`."""
    before, after = _beside_re()
    lo = max(0, start - 12)
    for m in before.finditer(text, lo, start + 1):
        if m.end() == start and (m.start() > lo or lo == 0 or not text[lo - 1].isalnum()):
            return True
    return bool(after.match(text, end))


def thousands_separators(text: str) -> list[int]:
    """Offsets of the characters in `text` that separate thousands inside one figure ("€ 21.500" -> [4])."""
    if not any(ch.isdigit() for ch in text):
        return []
    out: list[int] = []
    for m in _RUN.finditer(text):
        if re.match(r"[ .,'\u2019" + _DELIBERATE + r"]\d", text[m.end() : m.end() + 2]):
            continue  # more digit groups follow: a phone or account number, or a decimal
        if m[0][0] == "0":
            continue  # "0.045 EUR": a leading zero never heads a group of thousands
        sep = m["sep"]
        seps = [m.start() + i for i, ch in enumerate(m[0]) if ch == sep]
        if sep in _DELIBERATE:
            out += seps
            continue
        if sep == "." and len(seps) == 1 and _MULTIPLIER.match(text, m.end()):
            continue  # "$1.250m": a decimal point before a multiplier
        if len(seps) >= 2 or _beside_currency(text, m.start(), m.end()):
            out += seps
    return out


@cache
def _decimal_comma_re() -> re.Pattern[str]:
    """ "3,2 km", "1,5 kWh": a comma before one or two digits and a unit of measure is a decimal comma."""
    lines = (_DATA / "measure_units.tsv").read_text(encoding="utf-8").splitlines()
    units = sorted({ln.split("\t")[0] for ln in lines if ln.strip() and not ln.startswith("#")}, key=len, reverse=True)
    alternation = "|".join(re.escape(u).replace(r"\ ", r"\s?") for u in units)
    return re.compile(r"(?<![\d,.])\d+(?P<c>,)\d{1,2}(?=\s?(?:" + alternation + r")(?![\w²]))", re.IGNORECASE)


def figure_marks(text: str) -> dict[int, str]:
    """Each offset of `text` whose character a figure reader rewrites, with its English mark ("," or ".")."""
    marks = dict.fromkeys(thousands_separators(text), ",")
    if "," in text:
        marks.update((m.start("c"), ".") for m in _decimal_comma_re().finditer(text))
    return marks


def group_thousands(text: str) -> str:
    """`text` with every figure written the English way ("€ 21.500" -> "€ 21,500", "1,8 km" -> "1.8 km")."""
    marks = figure_marks(text)
    if not marks:
        return text
    return "".join(marks.get(i, ch) for i, ch in enumerate(text))


# A figure by itself, after a currency sign or a glued code ("R45,500") but not inside a word or a longer number;
# "k"/"m" multiply only as a word of their own ("2,000 miles" is not two million).
_FIGURE = re.compile(
    r"(?<![\w.])(?:[A-Za-z]{1,3}\$?|[" + re.escape(CURRENCY_SIGNS) + r"])?\s?(\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(k|m)(?![a-z]))?(?![\w,.]?\d)",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)  # the same notes' texts at every check
def figures(text: str) -> frozenset[float]:
    """Every figure in `text` by value: "R10 000", "10,000" and "10k" are all 10000.0."""
    out: set[float] = set()
    for m in _FIGURE.finditer(group_thousands(text)):
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        out.add(round(value * {"k": 1e3, "m": 1e6}.get((m.group(2) or "").lower(), 1), 2))
    return frozenset(out)
