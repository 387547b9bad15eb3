"""Amounts as people group their digits: "€18 000", "€ 21.500", "CHF 1'250", "1.200.000" become comma-grouped.

Many countries group thousands with a space, a dot or an apostrophe where English uses a comma. Every amount rule
of the extractor reads comma grouping, so a note is normalised once before extraction instead of teaching each rule
three more separators. A separator is read as grouping only where it cannot be a decimal point or a list:
* next to a currency (a sign, or a code of memory/data/currency_codes.tsv, before or after the number), one or more
  groups of exactly three digits after the separator ("€ 21.500", "RM 250 000", "4 500 000 rupiah");
* anywhere, two or more dot groups ("1.200.000"), which no decimal number has.
* never a single dot group before a multiplier: "$1.250m", "€2.500k", "EUR 3.750 million" are English decimals.
* a comma before one or two digits and a unit of measure is a decimal comma ("3,2 km" -> "3.2 km").
"9.6 kWp", "1.5T", "2 300mm shelves", "€3.50", "v2.100" and "sizes 8,10" are left as typed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

__all__ = ["CURRENCY_SIGNS", "currency_after", "currency_before", "group_thousands"]

CURRENCY_SIGNS = "$£€¥₹₩₱₦₺₫฿₽₴₪"  # signs written before (or after) an amount
_SIGNS = CURRENCY_SIGNS
_SEP = r"[ \u00a0\u202f.'’]"
# a multiplier after a number: "1.250m" is then 1.25 million, never 1,250 metres of money
_MULTIPLIER = re.compile(r"\s?(?:k|m|mm|bn|b|million|billion|thousand|lakhs?|crores?|juta)\b", re.IGNORECASE)
_DATA = Path(__file__).parent / "data"


@cache
def _codes() -> str:
    """The currency codes and local abbreviations of currency_codes.tsv as one alternation (longest first)."""
    lines = (_DATA / "currency_codes.tsv").read_text(encoding="utf-8").splitlines()
    codes = {line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#")}
    return "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))


@cache
def currency_before() -> str:
    """A currency written before an amount: a sign, a prefixed dollar ("US$"), a code ("RM", "SAR", "AED")."""
    # the rand's capital R too ("R 145 000", "over R100k"): callers read it only before grouped digits or after
    # "over"/"above", so "Canon R5" is never money
    return r"(?:[" + _SIGNS + r"]|(?:US|AU|A|CA|C|NZ|HK|S|R)\$|\b(?:" + _codes() + r")\.?|\b(?-i:R)(?=\s?\d))"


@cache
def currency_after() -> str:
    """A currency written after an amount: a sign or code ("40k aed"), or its name ("12,000 euros")."""
    return (
        r"(?:[" + _SIGNS + r"]|(?:" + _codes() + r"|dollars|euros?|pounds|rupiah|rupees|pesos|reais|ringgit|naira|rand|"
        r"dirhams?|riyals?|shillings?|baht|yuan|yen|won|francs|kronor|krona|zloty)\b)"
    )


@cache
def _grouped_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before, after = currency_before(), currency_after()
    # one separator kind per number: "18 000" or "21.500", never "1 200.500"
    number = r"(?P<n>\d{1,3}(?P<sep>" + _SEP + r")\d{3}(?:(?P=sep)\d{3})*)(?![\d]|[.,]\d)"
    money = re.compile(
        r"(?P<pre>"
        + before
        + r"\s?)"
        + number
        + r"|(?<![\w.,'’])"
        + number.replace("(?P<", "(?P<b_").replace("(?P=sep)", "(?P=b_sep)")
        + r"(?P<post>\s?"
        + after
        + r")",
        re.IGNORECASE,
    )
    dots = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:\.\d{3}){2,})(?![\d]|[.,]\d)")
    return money, dots


@cache
def _decimal_comma_re() -> re.Pattern[str]:
    """ "3,2 km", "1,5 kWh": a comma before one or two digits and a unit of measure is a decimal comma."""
    lines = (_DATA / "measure_units.tsv").read_text(encoding="utf-8").splitlines()
    units = sorted({ln.split("\t")[0] for ln in lines if ln.strip() and not ln.startswith("#")}, key=len, reverse=True)
    alternation = "|".join(re.escape(u).replace(r"\ ", r"\s?") for u in units)
    return re.compile(r"(?<![\d,.])(?P<a>\d+),(?P<b>\d{1,2})(?=\s?(?:" + alternation + r")(?![\w²]))", re.IGNORECASE)


def _commas(number: str) -> str:
    return re.sub(_SEP, ",", number)


def group_thousands(text: str) -> str:
    """`text` with every digit group that is surely thousands written with commas ("€18 000" -> "€18,000")."""
    if not any(ch.isdigit() for ch in text):
        return text
    money, dots = _grouped_re()

    def one(m: re.Match[str]) -> str:
        number = m["n"] if m["n"] is not None else m["b_n"]
        if number.count(".") == 1 and _MULTIPLIER.match(text, m.end("n" if m["n"] is not None else "b_n")):
            return m[0]  # "$1.250m": a decimal point before a multiplier
        if m["n"] is not None:
            return m["pre"] + _commas(m["n"])
        return _commas(m["b_n"]) + m["post"]

    text = money.sub(one, text)
    text = _decimal_comma_re().sub(lambda m: f"{m['a']}.{m['b']}", text)
    return dots.sub(lambda m: _commas(m["n"]), text)
