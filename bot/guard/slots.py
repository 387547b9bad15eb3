"""Values in a text as typed slots: a figure with its unit or currency, a calendar date, a month ruled out.

A draft and the notes are read the same way: each `Mention` is one value (money, a measure with its
unit, a count with the nouns it counts, a date; figures come from `bot.guard.figures`, the one figure
reader), where it stands, the nouns beside it (what it is about), what it counts (`head`), what it is a
rate of (`per`: "16 cameras per store"), and two marks from its clause: a change cue ("seats down to 38",
"130 now", "ahora solo 2") and whether the clause rules it out ("1 jan, not december", "52 not 45").

The figures' current values are `bot.guard.current`'s. `stale_values(notes)` replays the notes' dates in
time order: a date is stale when a later cued mention of the same slot gives another one, or its clause
rules it out. Cue words and units are data (`data/value_changes.json`, `data/units.json`, a reason each).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from bot.guard.figures import _DATE, read
from bot.guard.text import STOP_WORDS, _fold, norm, stem
from bot.guard.values import _TIME_WORDS, function_words
from bot.guard.when import _MONTH_RX, _MONTHS, _WEEKDAYS, _month_day

_DATA = Path(__file__).parent / "data"

Value = float | tuple[int, int]


@dataclass(frozen=True)
class Mention:
    """One value in a text: its kind and value, unit or currency, the nouns beside it, and its clause's marks."""

    kind: str  # "money" | "measure" | "count" | "date" | "month"
    value: Value
    unit: str  # measure: canonical unit; money: currency code or ""; else ""
    nouns: frozenset[str]  # stems of the content words right beside it (what it is about)
    start: int
    end: int
    cue: bool  # a change cue in its clause before it, or right after it ("the 18L after all")
    rejected: bool  # its clause rules it out ("not december", "instead of 4")
    sign: int = 0  # +1 / -1: an increment of its slot's value ("9 more", "+85,000"); 0: the value itself
    head: frozenset[str] = frozenset()  # stems of the two content words right after it: what a count counts
    per: str = ""  # a rate's denominator ("16 cameras per store": "store"); "" for a total or a plain value
    wish: bool = False  # a sum or measure the client wants, hopes or asked for ("wants it under 600k"): not agreed

    def number(self) -> float | None:
        """The value as a number (money, measure, count); None for a date or a month."""
        return None if isinstance(self.value, tuple) else float(self.value)


@dataclass(frozen=True)
class Stale:
    """A value a later note replaced: the stale mention, the replacing one, and that note's id and time."""

    old: Mention
    new: Mention
    note_id: str
    when: datetime
    certain: bool = True  # ruled out in words, or replaced by a value naming the same nouns (not just the nearest)


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """(change cue pattern, past-marker pattern ending at a value, the cue words' stems)."""
    doc = json.loads((_DATA / "value_changes.json").read_text(encoding="utf-8"))
    words = sorted({w for row in doc["cues"] for w in row["words"]}, key=len, reverse=True)
    cue = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    past_words = sorted(doc["past"]["words"], key=len, reverse=True)
    past = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in past_words) + r")\s+(?:the\s+|a\s+|an\s+|your\s+|our\s+)?"
        r"(?:[a-z-]+\s+){0,2}$"
    )
    return cue, past, frozenset(stem(w) for phrase in words for w in phrase.split())


@lru_cache(maxsize=1)
def _after_marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(words after a figure that rule it out, words after a bare figure that make it a unit price), matched at its end."""
    doc = json.loads((_DATA / "value_changes.json").read_text(encoding="utf-8"))

    def alt(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(doc[key]["words"], key=len, reverse=True))

    ruled_out = re.compile(
        r"\s*(?:is|was|are|were|'s|seemed|seems)?\s*(?:way\s+|far\s+|much\s+|a bit\s+|a little\s+)?"
        rf"(?:{alt('ruled_out_after')})\b"
    )
    return ruled_out, re.compile(rf"\s*(?:{alt('unit_price_after')})\b")


@lru_cache(maxsize=1)
def _reject_before() -> re.Pattern[str]:
    """Words right before a value that rule it out ("not 30", "decided against the 10kWh", "en vez de 4")."""
    doc = json.loads((_DATA / "value_changes.json").read_text(encoding="utf-8"))["ruled_out_before"]
    alt = "|".join(re.escape(w) for w in sorted(doc["words"], key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alt})\s+(?:the\s+|a\s+|la\s+|el\s+|le\s+|o\s+|der\s+|die\s+|das\s+)?$")


@lru_cache(maxsize=1)
def _wish_re() -> re.Pattern[str]:
    """A verb of wanting, hoping or asking (`data/value_changes.json` "wish")."""
    doc = json.loads((_DATA / "value_changes.json").read_text(encoding="utf-8"))["wish"]
    alt = "|".join(re.escape(w) for w in sorted(doc["words"], key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_'])(?:{alt})(?![^\W\d_])")


def wished(low: str, start: int, clause: tuple[int, int]) -> bool:
    """Whether a wish verb governs the value at `start`: before it in its clause, with no other figure between."""
    return any(not re.search(r"\d", low[w.end() : start]) for w in _wish_re().finditer(low, clause[0], start))


_PRICE_BEFORE = re.compile(r"\b(?:at|for|@)\s*$")
# Between a figure with its unit and a bare one that corrects it: "50kg not 40", "60 litres a week not 45".
_BARE_PARTNER = re.compile(
    r"(?:\s+(?:a|an|per|each|every|the)\s+[a-z]+)?\s*,?\s*(?:not|instead of|rather than|down from|up from|from|or)\s+(?:the\s+)?$"
)


_NOT_MONTH = re.compile(rf"\b(?:not|rather than|instead of)\s+(?:in\s+|the\s+)?(?P<m>{_MONTH_RX})(?![a-z])")
_TO_BEFORE = re.compile(r"\bto\s+(?:about\s+|around\s+|just\s+|only\s+)?[$€£¥]?$")
_DELTA = re.compile(r"\s*(?:[a-z]+\s+)?(?:off|discount|less|more|extra|cheaper|dearer|higher|lower)\b")
_CLAUSE = re.compile(r"[.;!?\n]|,\s|\s[-–—]\s|\bbut\b")
_WORDS = re.compile(r"[^\W\d_][^\W\d_'-]*")  # letters of any script: "câmeras", "振袖", "업라이트"
_SKIP = frozenset(_WEEKDAYS) | frozenset(_MONTHS)


def _clause(low: str, start: int, end: int) -> tuple[int, int]:
    """The clause around `start..end`: from the previous clause mark to the next."""
    # Read at most 120 characters each way: a text of many figures and no clause marks stays linear.
    before = [m.end() for m in _CLAUSE.finditer(low, max(0, start - 120), start)]
    after = _CLAUSE.search(low, end, min(len(low), end + 120))
    return (before[-1] if before else max(0, start - 120)), (after.start() if after else min(len(low), end + 120))


# A format or spec token of letters and digits ("A5", "300gsm", "R11", "4k"): no figure, so a figure's noun is read past it
# (Latin letters only: a run of CJK characters holds digits and words together and is no spec token)
_SPEC = re.compile(r"(?<![\w.,])(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+(?![\w])")


def _unspec(tail: str) -> str:
    """`tail` with its spec tokens blanked (same length): "2,000 A5 flyers" counts flyers."""
    return _SPEC.sub(lambda m: " " * len(m.group(0)), tail)


def _nouns(
    low: str, start: int, end: int, clause: tuple[int, int], measures: Sequence[tuple[int, int]] = ()
) -> frozenset[str]:
    """Stems of up to three content words before the value and two after it, inside its clause; a measure
    after it is read past ("120 bags of 70kg caturra" is about caturra)."""
    _, _, cue_stems = _cues()
    # Not past another figure: in "12 machines across 4 buildings" the 4 counts buildings only.
    lead = low[clause[0] : start]
    before = [] if re.search(r"\d", lead) else [w for w in _WORDS.findall(lead) if _content(w)][-3:]
    tail = _unspec(low[end : clause[1]])
    for a, b in measures:
        if end <= a < clause[1]:
            tail = tail[: a - end] + " " * (min(b, clause[1]) - a) + tail[min(b, clause[1]) - end :]
    after = [w for w in _WORDS.findall(re.split(r"\d", tail)[0]) if _content(w)][:2]
    people = _people()
    stems = (stem(_fold(w)) for w in (*before, *after))  # "câmeras" and "cameras" name one thing
    return frozenset("people" if s in people else s for s in stems) - cue_stems


def _head(low: str, end: int, clause: tuple[int, int]) -> frozenset[str]:
    """Stems of up to two content words right after a figure, up to a function word or another figure: what it
    counts ("two refrigerated centrifuges", but only "cameras" in "16 cameras por loja")."""
    after: list[str] = []
    for w in _WORDS.findall(re.split(r"\d", _unspec(low[end : clause[1]]))[0])[:3]:
        if not _content(w):
            break
        after.append(w)
    after = after[:2]
    if after and after[0] in _containers_raw():
        # "40 boxes of nitrile gloves", "3 dozen pain au choc": the thing the container holds counts too
        rest = re.match(
            r"[^\w]*[^\W\d_][\w-]*\s+(?:(?:of|de|di|du|des|von|van)\s+)?((?:[^\W\d_][\w-]*\s*){1,2})",
            low[end : clause[1]],
        )
        held = list(itertools.takewhile(_content, rest.group(1).split())) if rest else []
        if held and not day_words().search(held[0]):
            after = [after[0], *held][:3]
    people = _people()
    stems = (stem(_fold(w)) for w in after)
    return frozenset("people" if s in people else s for s in stems) - _cues()[2]


@lru_cache(maxsize=1)
def _rate_re() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """(a rate marker after a figure, the words "a"/"an" may be a rate marker before, the periods of a fee)."""
    doc = json.loads((_DATA / "figure_words.json").read_text(encoding="utf-8"))["rates"]
    alt = "|".join(re.escape(w) for w in sorted(doc["markers"], key=len, reverse=True))
    periods = frozenset(stem(_fold(w)) for w in doc["periods"])
    return re.compile(rf"(?:/\s*|(?<![^\W\d_])(?:{alt})\s+)"), frozenset(stem(w) for w in doc["a_before"]), periods


@lru_cache(maxsize=1)
def _distributive() -> tuple[frozenset[str], frozenset[str]]:
    """(the markers that mean "per item" when no noun follows them, the partitive words "each of")."""
    doc = json.loads((_DATA / "figure_words.json").read_text(encoding="utf-8"))["rates"]["distributive"]
    return frozenset(doc["words"]), frozenset(doc["partitive"])


_AMBIGUOUS_RATE = frozenset({"a", "an", "por", "par", "pro"})  # also "for" / an article: "por enquanto"


def _per(low: str, start: int, end: int, clause: tuple[int, int]) -> str:
    """A rate's denominator: the first content word after a rate marker right after the figure ("per employee")."""
    marker, a_before, periods = _rate_re()
    lead = low[clause[0] : start]
    before = re.search(r"(?<![^\W\d_])(?:each|per|every|cada|chaque|je|jede[nrs]?)\s+([^\W\d_][\w-]*)[^\d]*$", lead)
    # ... unless a figure stands before that marker: "45 seats at EUR 14 per seat ... comes to EUR 630" is EUR 14's
    owned = before is not None and bool(re.search(r"\d", lead[: before.start()]))
    if before and not owned and _content(before.group(1)) and stem(before.group(1)) not in _TIME_WORDS:
        return stem(_fold(before.group(1)))  # "each press is SEK 48,000": the rate is named before the figure
    window = low[end : min(clause[1], end + 50)]
    for m in marker.finditer(window):
        if len(_WORDS.findall(window[: m.start()])) > 3 or re.search(r"\d", window[: m.start()]):
            break  # the marker belongs to another figure
        # "4 sets for each of your 48 rooms": the denominator may stand past a figure of its own
        following = _WORDS.findall(window[m.end() :])
        distributive, partitive = _distributive()
        if m.group(0).strip() in distributive and (not following or following[0] in partitive):
            following = following[1:]  # "each of your 48 rooms": the noun after the partitive
        elif m.group(0).strip() in distributive and not (_content(following[0]) or following[0] in a_before):
            return "each"  # "EUR 30,500 each for the two estates", "EUR 32,000 each are ready": per item
        words = [w for w in following if _content(w) or w in a_before][:1]
        if not words:
            continue
        word = stem(_fold(words[0]))
        if word in _TIME_WORDS or word in periods:
            return ""  # "R$ 1.950/mês", "$2,340 a month": a fee per period is the fee itself
        if m.group(0).strip() in _AMBIGUOUS_RATE and word not in a_before:
            return "?" + word  # "a", "por", "par" mark a rate only before a unit or a noun the text counts
        return word
    return ""


@lru_cache(maxsize=1)
def day_words() -> re.Pattern[str]:
    """A weekday, weekend or part of the day (`data/declines.json` schedule_words): when, never what is counted."""
    doc = json.loads((_DATA / "declines.json").read_text(encoding="utf-8"))["schedule_words"]
    alt = "|".join(re.escape(w) for w in sorted(doc["words"], key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alt})(?![^\W\d_])")


@lru_cache(maxsize=1)
def _containers_raw() -> frozenset[str]:
    """The container and measure words a count is given in (`data/units.json` containers), as written."""
    doc = json.loads((_DATA / "units.json").read_text(encoding="utf-8"))
    return frozenset(doc["containers"]["words"])


@lru_cache(maxsize=1)
def containers() -> frozenset[str]:
    """Stems of the container words ("dozen", "boxes", "pairs"): never alone what two counts share."""
    return frozenset(stem(_fold(w)) for w in _containers_raw())


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    """Stems of the words that count people ("ppl", "guests", "headcount"): one noun for a slot."""
    doc = json.loads((_DATA / "units.json").read_text(encoding="utf-8"))
    return frozenset(stem(w) for w in doc["people"]["words"])


def _function_words() -> frozenset[str]:
    """The function words of every language the guard knows (`data/stopwords.json`): never what a value is about."""
    return function_words()


def _content(word: str) -> bool:
    """Whether a word can say what a value is about (not a stop word, a weekday, a month or a time word)."""
    if not word.isascii() and not any("a" <= c <= "z" for c in _fold(word)):
        return True  # a word of another script (a CJK noun of two characters) is always content
    return (
        len(word) >= 3
        and word not in STOP_WORDS
        and word not in _function_words()
        and word not in _SKIP
        and stem(word) not in _TIME_WORDS
    )


@lru_cache(maxsize=1)
def _asked_re() -> re.Pattern[str]:
    """Words opening a question or condition (`data/value_changes.json` asked)."""
    doc = json.loads((_DATA / "value_changes.json").read_text(encoding="utf-8"))
    words = sorted(doc["asked"]["words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _asked(low: str, clause: tuple[int, int], at: int) -> bool:
    """Whether the clause around `at` is a question or condition ("asked whether we can do 150", "can we do 150?"):
    it states no change of any value."""
    # looked for within 120 characters before the value: a whole long clause per value cost quadratic time
    if _asked_re().search(low, max(clause[0], at - 120), at):
        return True
    stop = _SENTENCE_END.search(low, at)  # searched in place: a slice per value cost quadratic time on long text
    return bool(stop and stop.group(0) == "?")


_SENTENCE_END = re.compile(r"[.!?\n]")


def asked(low: str, m: Mention) -> bool:
    """Whether mention `m` stands in a question or condition ("whether we can do 150 sets"): a value asked about."""
    return _asked(low, _clause(low, m.start, m.end), m.start)


def _marks(low: str, start: int, end: int, clause: tuple[int, int]) -> tuple[bool, bool]:
    """(a change cue before the value in its clause or right after it, the clause rules the value out)."""
    cue, _, _ = _cues()
    if _asked(low, clause, start):
        return False, bool(_reject_before().search(low[clause[0] : start]))
    # A cue governs the first value after it: "signed for the 22 w yamaha 200" changes the 22 only.
    cues = list(cue.finditer(low, clause[0], start))
    cued = any(not re.search(r"\d", low[c.end() : start]) for c in cues)
    # "cut your $310 bill to zero", "from 40 to 30": the value after "to" is the new one.
    cued = cued or bool(cues and _TO_BEFORE.search(low, max(0, start - 16), start))
    # A cue right after the value or the noun it names: "the 18L after all", "the 3 group after all".
    tail = low[end : min(clause[1], end + 40)]
    cued = cued or any(cue.match(re.sub(rf"^\s*(?:[a-z][a-z'-]*\s+){{{k}}}", "", tail)) for k in (1, 2))
    cued = cued or bool(cue.match(low[end : end + 14].lstrip()))
    if _DELTA.match(low, end) or low[max(0, start - 3) : start] == "by ":
        cued = False  # "knock 2k off", "raised by 5": a difference, not the new value
    return cued, bool(_reject_before().search(low[clause[0] : start]))


def mentions(text: str) -> list[Mention]:
    """Every money, measure, count and date value in `text` (read lower-cased), in order."""
    low = norm(text)
    out: list[Mention] = []
    for m in _DATE.finditer(low):
        md = _month_day(m.group(0))
        if md is None:
            continue
        end = m.end() - m.group(0).endswith(".")  # "10 jul." ends its sentence: the dot is not the month's
        clause = _clause(low, m.start(), end)
        cued, rejected = _marks(low, m.start(), end, clause)
        nouns = _nouns(low, m.start(), end, clause)
        out.append(Mention("date", md, "", nouns, m.start(), end, cued, rejected))
    for m in _NOT_MONTH.finditer(low):
        clause = _clause(low, m.start("m"), m.end("m"))
        nouns = _nouns(low, m.start(), m.end(), clause)
        out.append(
            Mention("month", (_MONTHS[m.group("m").rstrip(".")], 0), "", nouns, m.start("m"), m.end("m"), False, True)
        )
    ruled_out, unit_price = _after_marks()
    measures = [(f.start, f.end) for f in read(text) if f.kind == "measure"]
    for f in read(text):
        if not f.quantity:
            continue  # "day 2 of the trial", "Lagoon 46", "the 2nd": labels, not values
        kind = f.kind
        if kind == "count" and unit_price.match(low, f.end) and _PRICE_BEFORE.search(low, max(0, f.start - 6), f.start):
            kind = "money"  # "agreed at 13,900 each": a price, its currency unnamed
        clause = _clause(low, f.start, f.end)
        cued, rejected = _marks(low, f.start, f.end, clause)
        rejected = rejected or bool(ruled_out.match(low, f.end))  # "$14,500 is too high"
        nouns = _nouns(low, f.start, f.end, clause, measures)
        head = _head(low, f.end, clause)
        per = _per(low, f.start, f.end, clause)
        wish = kind in ("money", "measure") and f.unit != "pct" and wished(low, f.start, clause)
        out.append(
            Mention(
                kind, f.value, f.unit, nouns, f.start, f.end, cued or bool(f.sign), rejected, f.sign, head, per, wish
            )
        )
    heads = [m.head for m in out if m.head]
    out = [
        dataclasses.replace(m, per=m.per[1:] if any(share((m.per[1:],), h) for h in heads) else "")
        if m.per.startswith("?")
        else m
        for m in out
    ]
    return _carry_units(low, sorted(out, key=lambda x: x.start))


def _carry_units(low: str, out: list[Mention]) -> list[Mention]:
    """Bare figures given the unit of the figure they correct ("50kg not 40": 40 kg), and cues carried past
    values of another kind ("agreed 2 units at 13,900 each": the cue governs the price too)."""
    cue, _, _ = _cues()
    fixed: list[Mention] = []
    for m in out:
        prev = fixed[-1] if fixed else None
        if m.kind == "count" and prev is not None and prev.kind in ("money", "measure"):
            joined = _BARE_PARTNER.fullmatch(low, prev.end, m.start)
            noun_after = re.match(r"\s*(?:[a-z]{3,})", low[m.end : m.end + 12])
            if joined and (noun_after is None or not _content(noun_after.group(0).strip())):
                m = dataclasses.replace(m, kind=prev.kind, unit=prev.unit, nouns=prev.nouns | m.nouns)
        if m.kind == "count" and m.cue and not m.head and prev is not None:
            # "asked for 60 days payment terms, mgr ok'd 45": an agreed bare figure answers the wish before it in
            # its sentence and takes its unit (NOTES-guard10 W1)
            asked = next((x for x in reversed(fixed) if x.kind in ("money", "measure")), None)
            gap = low[asked.end : m.start] if asked is not None else "."
            if asked is not None and asked.wish and len(gap) <= 100 and not re.search(r"[.;!?\n]|\d", gap):
                m = dataclasses.replace(m, kind=asked.kind, unit=asked.unit, nouns=asked.nouns | m.nouns)
        if not m.cue and m.kind in ("money", "measure"):
            clause = _clause(low, m.start, m.end)
            between = [x for x in fixed if clause[0] <= x.start < m.start]
            for c in cue.finditer(low, clause[0], m.start):
                if _asked(low, clause, c.start()):
                    continue
                if all(x.kind != m.kind for x in between if x.start >= c.end()):
                    m = dataclasses.replace(m, cue=True)
                    break
        fixed.append(m)
    return fixed


def alike(a: str, b: str) -> bool:
    """Whether two stems name the same thing ("catalogu" and "catalog")."""
    if a == b:
        return True
    short = min(len(a), len(b))
    return short >= 4 and a[: short - 1] == b[: short - 1] and abs(len(a) - len(b)) <= 2


def share(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two sets of stems share a word (`alike`)."""
    bs = list(b)
    return any(alike(x, y) for x in a for y in bs)


@lru_cache(maxsize=1)
def _item_pers() -> frozenset[str]:
    """Stems of the words for "per item" (`data/figure_words.json` rates.distributive.items): "each", "per unit"."""
    doc = json.loads((_DATA / "figure_words.json").read_text(encoding="utf-8"))["rates"]["distributive"]
    return frozenset(stem(_fold(w)) for w in doc["items"])


def same_per(a: str, b: str) -> bool:
    """Whether two rates' denominators are one: equal, or one is "per item" ("each", "per unit") and the other a
    thing ("per scooter"); a total ("") is never a rate."""
    if a == b:
        return True
    return bool(a and b) and (a in _item_pers() or b in _item_pers())


def same_slot(a: Mention, b: Mention) -> bool:
    """Whether two mentions can be values of one slot: same kind, unit or currency; counts name the same nouns."""
    if {a.kind, b.kind} == {"date", "month"}:
        return True
    if a.kind != b.kind or not same_per(a.per, b.per):
        return False  # a rate ("16 per store") is never the same slot as a total ("48 cameras")
    if a.kind == "money":
        return not a.unit or not b.unit or a.unit == b.unit
    if a.kind == "measure":
        return a.unit == b.unit
    return True


def same_value(a: Mention, b: Mention) -> bool:
    """Equal values (figures within half a percent; a month matches any day of it)."""
    if "month" in (a.kind, b.kind):
        return isinstance(a.value, tuple) and isinstance(b.value, tuple) and a.value[0] == b.value[0]
    if isinstance(a.value, float) and isinstance(b.value, float):
        return abs(a.value - b.value) <= 1e-6 * max(abs(a.value), abs(b.value), 1.0)
    return a.value == b.value


def _near_in_size(a: Value, b: Value) -> bool:
    """Whether two figures are within a factor of two of each other (a revised count, not another count)."""
    return isinstance(a, float) and isinstance(b, float) and a > 0 and b > 0 and 0.5 <= a / b <= 2


def _may_replace(old: Mention, new: Mention) -> bool:
    """Whether a cued `new` can be the next value of `old`'s slot: they name the same nouns, or one names none;
    a figure about other nouns only when it keeps its size ("offer $815k", then "seller countered $830k")."""
    if share(old.nouns, new.nouns):
        return True
    if new.kind in ("money", "count"):
        return _near_in_size(old.value, new.value)
    return not old.nouns or not new.nouns


def note_mentions(
    notes: Sequence[tuple[datetime, str, str]], names: str = ""
) -> list[tuple[datetime, int, str, Mention]]:
    """(time, note index, note id, mention) of every value in the notes (time, id, text), oldest note first.

    The notes come newest first, as a draft context lists them: notes of one time (typed in one chat
    minute) keep that order reversed. `names` (the client's and the salesperson's) are left out of the
    nouns a value is about.
    """
    drop = frozenset(stem(_fold(w)) for w in _WORDS.findall(names.lower()))
    seq: list[tuple[datetime, int, str, Mention]] = []
    for i, (when, nid, text) in enumerate(sorted(reversed(notes), key=lambda n: n[0].timestamp())):
        seq += [(when, i, nid, dataclasses.replace(m, nouns=m.nouns - drop)) for m in mentions(text)]
    return seq


def stale_values(notes: Sequence[tuple[datetime, str, str]], names: str = "") -> list[Stale]:
    """The values the notes (time, id, text) replaced, each with the mention that replaced it.

    `names` (the client's and the salesperson's) are left out of the nouns a value is about.
    """
    seq = note_mentions(notes, names)
    out: list[Stale] = []
    replaced_in_note: set[int] = set()
    for when, i, nid, old in seq:
        if old.rejected:  # "1 jan, not december": the nearest value of its slot in that note replaces it
            near = [
                m
                for _, k, _, m in seq
                if k == i and not m.rejected and same_slot(old, m) and abs(m.start - old.start) <= 80
            ]
            best = min(near, key=lambda m: abs(m.start - old.start), default=None)
            if best is not None and not same_value(old, best):
                out.append(Stale(old, best, nid, when, certain=True))
                replaced_in_note.add(id(old))
    for j, (when, _, nid, new) in enumerate(seq):
        if new.rejected or new.kind == "month" or not new.cue:
            continue
        # A value ruled out with nothing in its note to replace it ("$14,500 is too high") waits for a later one.
        earlier = [
            old
            for _, _, _, old in seq[:j]
            if same_slot(old, new) and (not old.rejected or id(old) not in replaced_in_note)
        ]
        earlier = [old for old in earlier if _may_replace(old, new)]
        named = [old for old in earlier if share(old.nouns, new.nouns)]
        replaced = named or earlier[-1:]
        out += [
            Stale(old, new, nid, when, certain=bool(named) or old.rejected)
            for old in replaced
            if not same_value(old, new)
        ]
    # A value stated again (not ruled out) after it was replaced is current once more: "the 2-group not the
    # 3 group", then "the 3 group after all" makes the 3 current and the 2 stale, as the profile reads it.
    latest: dict[tuple[str, str, Value], int] = {}
    for j, (_, _, _, m) in enumerate(seq):
        if not m.rejected:
            latest[(m.kind, m.unit, m.value)] = j
    index = {id(m): j for j, (_, _, _, m) in enumerate(seq)}
    return [s for s in out if latest.get((s.old.kind, s.old.unit, s.old.value), -1) <= index[id(s.new)]]


def past_marked(low: str, m: Mention) -> bool:
    """Whether a draft names the value as the past ("up from 45 seats", "the cancelled 7 July slot")."""
    _, past, _ = _cues()
    return bool(past.search(low[max(0, m.start - 40) : m.start]))
