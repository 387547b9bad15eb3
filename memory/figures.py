"""Figures as people write them: thousands grouped by a space, a thin space or an apostrophe.

"R10 000", "27 900 MAD", "CHF 12'500" and "1 250 000" are one number each in much of the world
(SI and Swiss style). `thousands_separators(text)` finds the characters that join such groups so a
reader can treat them as the comma of "10,000" (the guard swaps them one for one, offsets kept).

A thin, narrow or no-break space and an apostrophe between digit groups are written only as
separators; a plain space is ambiguous ("line 22 123 45 67" is a phone number, "12 100 ml jars"
are twelve jars), so it joins groups only beside a currency (a sign or a code of
`memory/data/currency_codes.tsv`, before or after the figure) or when it repeats ("1 250 000").
Groups are exactly three digits after the first one to three; a run with any other grouping (a
phone or account number) is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DELIBERATE = "\u00a0\u2009\u202f'\u2019"  # no-break, thin, narrow no-break space; apostrophes
_ANY = " " + _DELIBERATE
_RUN = re.compile(rf"(?<![\d.,])(?<!\d[{_ANY}])\d{{1,3}}(?:[{_ANY}]\d{{3}})+(?![\d\w])")
_SIGNS = "$£€¥₹₩₦₱₵₺₽₪₫฿"


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """The lower-case currency codes of memory/data/currency_codes.tsv (shared with the extractor)."""
    path = Path(__file__).parent / "data" / "currency_codes.tsv"
    rows = path.read_text(encoding="utf-8").splitlines()
    return frozenset(r.split("\t")[0].strip() for r in rows if r.strip() and not r.startswith("#"))


def _beside_currency(text: str, start: int, end: int) -> bool:
    """Whether a currency sign or code is written right before or right after `text[start:end]`."""
    before = text[max(0, start - 5) : start].rstrip()
    if before and before[-1] in _SIGNS:
        return True
    code = re.search(r"([A-Za-z]{1,3})\$?\.?$", before)
    if code and (code.group(1).lower() in currency_codes() or code.group(1) == "R"):
        return True
    after = text[end : end + 5].lstrip()
    if after[:1] and after[0] in _SIGNS:
        return True
    code = re.match(r"([A-Za-z]{2,3})\b", after)
    return bool(code and code.group(1).lower() in currency_codes())


def thousands_separators(text: str) -> list[int]:
    """Offsets of the characters in `text` that separate thousands inside one figure ("10 000" -> [2])."""
    out: list[int] = []
    for m in _RUN.finditer(text):
        run = m.group(0)
        seps = [i for i, ch in enumerate(run) if not ch.isdigit()]
        if len({run[i] for i in seps}) != 1:
            continue  # "10 000'5": mixed separators are not one figure
        after = text[m.end() : m.end() + 2]
        if re.match(rf"[{_ANY}]\d", after):
            continue  # more digit groups follow: a phone or account number
        sep = run[seps[0]]
        if sep == " " and len(seps) < 2 and not _beside_currency(text, m.start(), m.end()):
            continue
        out += [m.start() + i for i in seps]
    return out


# A figure by itself, after a currency sign or a glued code ("R45,500") but not inside a word or a longer number; "k"/"m" multiply only as a word of their own
# ("2,000 miles" is not two million).
_FIGURE = re.compile(
    r"(?<![\w.])(?:[A-Za-z]{1,3}\$?|[$£€¥₹₩₦₱])?\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(k|m)(?![a-z]))?(?![\w,.]?\d)",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)  # the same notes' texts at every check
def figures(text: str) -> frozenset[float]:
    """Every figure in `text` by value: "R10 000", "10,000" and "10k" are all 10000.0."""
    chars = list(text)
    for i in thousands_separators(text):
        chars[i] = ","
    out: set[float] = set()
    for m in _FIGURE.finditer("".join(chars)):
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        out.add(round(value * {"k": 1e3, "m": 1e6}.get((m.group(2) or "").lower(), 1), 2))
    return frozenset(out)
