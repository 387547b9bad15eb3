"""The guard's one figure reader: every rule that compares figures reads them here.

A `Figure` is one value a text writes: money (with its currency when named), a measure with its unit
("1.75 m/s", "94 sq m", "9.6 kW" — compound units kept whole), a count, or a percentage. It is built on
`memory.numbers` (thousands written "18 000", "21.500" or "12'400" read as the extractor reads them) and
reads:
* scale words in several languages ("15k", "42 millones", "3 mil", "2,5 Mio", "91.5 lakh", "2 crore",
  "3万"); "m" is a million only beside a currency ("SAR 3.45m"), else metres ("2.4 m") or part of a unit;
* cardinals in words ("four saunas", "tres unidades", "vingt chaises"; English from `numwords`);
* CJK counters after a figure ("振袖40枚", "2대"): a count;
* two flags: `ordinal` ("2nd", "3º") and `designation` (a label, not a quantity: "day 2 of the trial",
  "Lagoon 46", "model 5", "room 12");
* a `sign` for an increment ("+85,000", "9 more", "another 3", "up by 10", "3 fewer").
Dates, clock times and years are masked first: their digits are no figures. The closed word classes are
data (`data/figure_words.json`, `data/units.json`, a reason each).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.guard.numwords import number_phrases
from bot.guard.text import STOP_WORDS, norm
from bot.guard.values import _CLOCK_RE
from bot.guard.when import _DAY_RX, _MONTH_RX, _MONTHS, _NUMDATE_RX, _WEEKDAYS
from memory.numbers import CURRENCY_SIGNS, currency_codes, figure_marks

_DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Figure:
    """One figure in a text: value, kind, unit or currency, span, and its flags."""

    value: float
    kind: str  # "money" | "measure" | "count"  (a percentage is a measure in "pct")
    unit: str  # measure: canonical unit; money: currency code or ""; count: a CJK counter or ""
    start: int
    end: int
    flag: str = ""  # "" | "ordinal" | "designation": a label, not a quantity
    sign: int = 0  # +1 / -1: an increment of the current value ("9 more"), 0: a value
    label: str = ""  # a designation's naming word, lower-cased ("lab" of "lab 4.02", "lagoon" of "Lagoon 46")

    @property
    def quantity(self) -> bool:
        """Whether the figure is a quantity a rule may compare (not an ordinal or a label)."""
        return not self.flag


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads((_DATA / "figure_words.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def units() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(unit spelling -> canonical unit, currency symbol -> code, currency word or code -> code)."""
    doc = json.loads((_DATA / "units.json").read_text(encoding="utf-8"))
    spell = {s: unit for unit, forms in doc["units"].items() for s in forms}
    cur = doc["currencies"]
    codes = dict(cur["codes"]) | {c: c for c in currency_codes() if len(c) == 3}
    return spell, dict(cur["symbols"]), codes


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A dollar sign with its country ("R$", "A$", "US$"): the code it names; a bare "$" names no currency.
_DOLLARS = {"us": "usd", "a": "aud", "au": "aud", "c": "cad", "ca": "cad", "nz": "nzd", "hk": "hkd", "s": "sgd",
            "r": "brl", "mx": "mxn"}  # fmt: skip


@lru_cache(maxsize=1)
def _figure_re() -> re.Pattern[str]:
    """A figure in digits: a currency before it, the digits, an ordinal suffix, a scale word, a unit or currency after."""
    spell, symbols, codes = units()
    signs = "".join(re.escape(s) for s in {*CURRENCY_SIGNS, *(s for s in symbols if len(s) == 1 and not s.isalpha())})
    letters = _alt(s for s in symbols if s.isalpha())
    three = _alt(c for c in codes if len(c) == 3)
    scales = _alt(_words()["scales"]["words"])
    after = _alt({*spell, *codes, *_words()["counters"]["words"]})
    # "m" before "/" is a unit ("2.4m/s"), but not before a period ("KES 2.46m/yr"); "6.1 lakh/MT" is a scale
    periods = _alt(_words()["rates"]["periods"])
    return re.compile(
        rf"(?<![a-z0-9_.,/:-])(?:(?P<dol>{_alt(_DOLLARS)})?(?P<sym>[{signs}])\s?|(?P<code>{three})\.?\s?"
        rf"|(?P<r>{letters})\s?(?=\d{{4,}}|\d[\d,.]*\s?(?:million|m|k|bn|lakh|crore)\b|\d{{1,3}},\d{{3}}))?"
        r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d]|[,.:/]\d)(?P<ord>st|nd|rd|th|º|ª|ème|er|e)?"
        rf"(?:\s?(?P<scale>{scales})(?![\w²])(?!(?<=m)/(?!(?:{periods})(?![^\W\d_]))))?"
        rf"(?:\s?(?P<post>[{signs}]))?"  # a sign after the figure, as most of Europe writes it: "1.950 €", "900€"
        rf"(?:(?:[\s-]?|\s(?:de\s)?)(?P<after>{after})(?![\w²]|/\d))?(?![a-z0-9²])"
    )


_DATE = re.compile(
    rf"(?<![\w/])(?:{_MONTH_RX}\s+{_DAY_RX}(?!\d)|{_DAY_RX}\s+(?:of\s+)?{_MONTH_RX}(?![a-z])|{_NUMDATE_RX})"
    r"(?:,?\s+(?:19|20)\d\d)?"
)
_YEAR = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?![\w.,]\d)")
_SKIP = frozenset(_WEEKDAYS) | frozenset(_MONTHS)


@lru_cache(maxsize=1)
def _days_of_month() -> re.Pattern[str]:
    """Day numbers before a month name of any listed language, joined or ranged ("7 e 8 dez", "14 de diciembre")."""
    months = _alt({*_words()["months"]["words"], *_MONTHS})
    join = r"\s*(?:,|-|–|/|&|\be\b|\by\b|\bet\b|\bund\b|\band\b|\bal\b|\bau\b|\bbis\b|\bto\b)\s*"
    day = r"(?<![\d,.])\d{1,2}(?:\.|º|er)?"
    return re.compile(rf"{day}(?:{join}{day})*\s*(?:de\s+|del\s+|of\s+)?(?:{months})\.?(?![^\W\d_])")


def masked(low: str) -> str:
    """`low` with dates, clock times and years blanked (same length): their digits are no figures."""

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    return _YEAR.sub(blank, _CLOCK_RE.sub(blank, _DATE.sub(blank, _days_of_month().sub(blank, low))))


@lru_cache(maxsize=1)
def _marks() -> tuple[re.Pattern[str], ...]:
    """(designator before, increment before +, before -, after +, after -, cardinal word) patterns."""
    doc = _words()
    inc = doc["increments"]
    cardinals = {w for lang in doc["cardinals"]["words"].values() for w in lang}
    return (
        re.compile(rf"(?:^|[^\w#])(?:{_alt(doc['designators']['words'])})\s?[-#]?\s?$"),
        re.compile(rf"(?:^|\W)(?:{_alt(x for x in inc['before_plus'] if x != '+')})\s*$|(?:^|\s)\+$"),
        re.compile(rf"(?:^|\W)(?:{_alt(inc['before_minus'])})\s*$"),
        re.compile(rf"\s*(?:[^\W\d][\w²/-]*\s+){{0,2}}?(?:{_alt(inc['after_plus'])})\b(?!\s+(?:than|que|als|de\s+\d))"),
        re.compile(rf"\s*(?:[^\W\d][\w²/-]*\s+){{0,2}}?(?:{_alt(inc['after_minus'])})\b(?!\s+(?:than|que|als))"),
        re.compile(rf"(?<![\w-])(?:{_alt(cardinals)})(?![\w-])"),
    )


@lru_cache(maxsize=1)
def _cardinal_values() -> dict[str, int]:
    return {w: v for lang in _words()["cardinals"]["words"].values() for w, v in lang.items()}


_JOINED = re.compile(r"\s*(?:,|-|–|/|&|and|or|e|y|et|und|ou|o|oder)?\s*")
_NEXT_WORD = re.compile(r"[ -]([^\W\d_][^\W\d_'-]+)")
_CAPITAL_BEFORE = re.compile(r"(?:^|(?<=[^\w.!?:;\n]))\s?([A-Z][\w'-]*)[ ]?$")


def _counted(low: str, end: int) -> bool:
    """Whether a content word follows right after `end` (a number word then counts it: "four saunas")."""
    m = _NEXT_WORD.match(low, end)
    if m is None or m.group(1) in STOP_WORDS or m.group(1) in _SKIP or len(m.group(1)) < 3:
        return False
    return m.group(1) not in _words()["not_counted"]["words"]


def _designation(text: str, low: str, start: int) -> str:
    """The word right before `start` when it names the figure as a label ("day 2", "Lagoon 46", "model 5"), else ""."""
    designator, *_ = _marks()
    found = designator.search(low, max(0, start - 16), start)
    if found:
        return re.sub(r"^[^\w#]+|[\s#-]+$", "", found.group(0)) or "#"
    cap = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    if cap is None or cap.group(1).isupper() or cap.group(1).lower() in _SKIP:
        return ""  # "AUD 85k" is a currency, "December 14" a date
    before = text[: cap.start(1)].rstrip()
    # a capital at a sentence's start is just a capital; mid-sentence it is a name
    return cap.group(1).lower() if before and before[-1] not in ".!?:;\n" else ""


@lru_cache(maxsize=1)
def _money_words() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{_alt(_words()['money_words']['words'])})(?![^\W\d_])")


def _money_context(low: str, start: int, end: int, counted: bool) -> bool:
    """Whether a money word stands right before a bare figure ("deposit 2,740 received"), or within the four
    words before one that counts nothing ("quoted raj 11,400 for ..."), or right after it."""
    lead = re.split(r"[.;!?\n]|\d", low[max(0, start - 40) : start])[-1]
    words = [w.strip(",:") for w in lead.split()]
    if words and _money_words().fullmatch(words[-1]):
        return True
    if not counted and any(_money_words().fullmatch(w) for w in words[-4:]):
        return True
    nxt = _NEXT_WORD.match(low, end)
    return bool(nxt and _money_words().fullmatch(nxt.group(1)))


def _sign(low: str, start: int, end: int) -> int:
    """+1 or -1 when the figure is an increment ("+85,000", "9 more", "another 3", "3 fewer"), else 0."""
    _, before_plus, before_minus, after_plus, after_minus, _ = _marks()
    lead = low[max(0, start - 16) : start]
    tail = low[end : end + 30]
    if before_plus.search(lead) or after_plus.match(tail):
        return 1
    if before_minus.search(lead) or after_minus.match(tail):
        return -1
    return 0


def _decimal_commas(low: str) -> str:
    """ "2,5 Mio.", "1,45 millones": a comma before one or two digits and a scale word is a decimal comma."""
    if "," not in low:
        return low
    scales = _alt(w for w in _words()["scales"]["words"] if w[0].isalpha())
    return re.sub(rf"(?<=\d),(?=\d{{1,2}}\s?(?:{scales})(?![\w²/]))", ".", low)


@lru_cache(maxsize=16384)  # the same notes are read at every check
def read(text: str) -> tuple[Figure, ...]:
    """Every figure in `text` (money, measure, count), in order, with its flags."""
    # separators are found in the text as written: "R 95 000" is rand only in capitals ("r 95" is no currency)
    marks = figure_marks(text)
    low = _decimal_commas("".join(marks.get(i, ch) for i, ch in enumerate(norm(text))) if marks else norm(text))
    mask = masked(low)
    spell, symbols, codes = units()
    scales = _words()["scales"]
    money_only = set(scales["money_only"])
    counters = set(_words()["counters"]["words"])
    out: list[Figure] = []
    for m in _figure_re().finditer(mask):
        try:
            value = float(m.group("n").replace(",", ""))
        except ValueError:
            continue
        scale, after = m.group("scale") or "", m.group("after") or ""
        sym = m.group("sym") or m.group("post") or ""
        currency = (
            (_DOLLARS.get(m.group("dol") or "", "") if sym == "$" else symbols.get(sym, ""))
            or codes.get(m.group("code") or "", "")
            or symbols.get(m.group("r") or "", "")
        )
        if after in codes and after not in spell:
            currency = currency or codes[after]
        money = bool(currency or sym or m.group("code") or m.group("r") or (after in codes and after not in spell))
        unit = spell.get(after, "") if not (after in codes and money) else ""
        end = m.end()
        if scale in money_only and not money:
            if scale == "m" and not after:
                unit = "m"  # "2.4m clearance": metres unless money is named
            end = m.end("n") if not unit else end
            scale = ""
        value *= float(scales["words"].get(scale, 1))
        if after in counters:
            kind, unit = "count", ""
        elif money:
            kind = "money"
        elif unit:
            kind = "measure"
        elif scale:
            kind = "money"  # "a 15k budget", "your 240k offer", "2.9 millones": a sum with its currency unnamed
        elif (
            (value >= 100 or "." in m.group("n"))
            and not re.match(r"\s?[x×*]\s", low[end : end + 3])  # "300 x headsets": a count times a price
            and _money_context(low, m.start(), end, _counted(low, end))
        ):
            kind = "money"  # "quoted 11,400 for 12 panels": notes leave the currency out
        else:
            kind = "count"
        flag = "ordinal" if m.group("ord") else ""
        if m.group("ord") in ("e", "er") and (after or scale):
            flag = ""  # "2 e" is never read here; a suffix glued to a unit is not an ordinal
        label = "" if flag or money or unit else _designation(text, low, m.start()) or _compound(low, end)
        flag = flag or ("designation" if label else "")
        out.append(Figure(value, kind, currency or unit, m.start(), end, flag, _sign(low, m.start(), end), label))
    out += _in_words(text, low, mask, out)
    out.sort(key=lambda f: f.start)
    for k in range(1, len(out)):
        if (
            out[k - 1].flag == "designation"
            and not out[k].flag
            and _JOINED.fullmatch(low, out[k - 1].end, out[k].start)
        ):
            out[k] = dataclasses.replace(out[k], flag="designation", label=out[k - 1].label)  # "days 7 and 8"
    return tuple(out)


_COMPOUND = re.compile(r"-([^\W\d_]{2,}er)(?![\w-])")


def _compound(low: str, end: int) -> str:
    """The noun a number is hyphened into ("12-seater", "three-wheeler"): a kind of thing, so the number is a
    label (compared by the label rule), it counts nothing; "" when none. A hyphened plain noun ("2-seat sofa")
    stays a count: it names how many seats the choice has."""
    m = _COMPOUND.match(low, end)
    return m.group(1) if m else ""


@lru_cache(maxsize=1)
def _currency_after() -> re.Pattern[str]:
    return re.compile(rf"\s?({_alt(units()[2])})(?!\w)")


def _in_words(text: str, low: str, mask: str, digits: list[Figure]) -> list[Figure]:
    """Cardinals written in words, English ("four", "nine thousand") and the listed languages ("tres")."""
    *_, cardinal = _marks()
    taken = [(f.start, f.end) for f in digits]
    found: list[tuple[int, int, float]] = []
    for a, b, number in number_phrases(mask):
        if mask[a].isalpha():
            found.append((a, b, float(number)))
    found += [(m.start(), m.end(), float(_cardinal_values()[m.group(0)])) for m in cardinal.finditer(mask)]
    out: list[Figure] = []
    for a, b, value in found:
        if any(s < b and a < e for s, e in taken) or (0 < value < 100 and not _counted(low, b)):
            continue  # a small cardinal counts only what it stands before ("four saunas", not "two of us")
        taken.append((a, b))
        code = _currency_after().match(low, b)
        label = _designation(text, low, a) or ("" if code else _compound(low, b))
        flag = "designation" if label else ""
        kind, unit = ("money", units()[2][code.group(1)]) if code else ("count", "")
        out.append(Figure(value, kind, unit, a, code.end() if code else b, flag, _sign(low, a, b), label))
    return out
