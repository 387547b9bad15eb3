"""The current value of each figure slot in the notes: the only thing a draft's figure may rely on.

The notes are replayed in time order (`slots.note_mentions`, figures read by `figures.read`). A slot is
one thing a figure is about: same kind (money, measure, count), same unit or currency, and nouns that
agree ("45 frames", later "frames now 52"). In each slot:
* a later note's value supersedes the earlier one, with or without a cue word; the cue (or a value ruled
  out in words: "52 not 45") only makes the change certain, so a draft that keeps the old value blocks
  rather than warns;
* an increment composes ("85 sq m", later "9 sq m more": 94; "+NOK 85,000"; "up by 10"; "3 fewer");
* a value ruled out in words ("8 units now, not 6") is superseded by the value its clause gives, and that
  value joins the slot of the one it replaces;
* a cued value that names no noun of any slot ("mgr ok'd 82k" after "she wants 85k") supersedes the
  nearest earlier value of its kind and size, uncertainly.
A draft figure is supported when it equals the current value of the slot it binds to, or is derived from
current values and the draft's own figures in at most two steps (`derived`).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.slots import Mention, Stale, asked, containers, day_words, note_mentions, same_slot, share, wished
from bot.guard.text import norm

_DATA = Path(__file__).parent / "data" / "worked_out.json"


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """`data/worked_out.json`: period conversions, total words, and the words of a count set aside (a demo)."""
    doc: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return doc


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _period_re() -> tuple[re.Pattern[str], dict[str, float]]:
    """(a period word, each word -> how many of its period make a year)."""
    table = _words()["periods"]["per_year"]
    per_year = {w: float(n) for n, words in table.values() for w in words}
    return re.compile(rf"(?<![^\W\d_])(?:{_alt(list(per_year))})(?![^\W\d_])"), per_year


@lru_cache(maxsize=1)
def _total_re() -> re.Pattern[str]:
    words: list[str] = _words()["totals"]["words"]
    return re.compile(rf"(?<![^\W\d_])(?:{_alt(words)})(?![^\W\d_])")


@lru_cache(maxsize=1)
def _aside_re() -> re.Pattern[str]:
    """A demo/trial/sample/loan word, or a span of time after "for" ("for a week", "durante una semana")."""
    doc = _words()["aside"]
    words: list[str] = doc["words"]
    lead: list[str] = doc["for_a_while"]
    periods = [w for _, ws in _words()["periods"]["per_year"].values() for w in ws]
    days = ["day", "days", "días", "dias", "jours", "tage", "giorni", "dagen"]  # a few days on trial
    num = r"(?:a|an|one|two|three|un|una|uno|um|uma|dos|dois|deux|trois|einen?|zwei|drei|due|tre|een|twee|drie|\d+)"
    span = rf"(?:{_alt(lead)})\s+(?:the\s+)?{num}\s+(?:{_alt(periods + days)})"
    return re.compile(rf"(?<![^\W\d_])(?:{_alt(words)}|{span})(?![^\W\d_])")


def period_lengths() -> dict[str, float]:
    """Each period word (any language) -> how many of its period make a year ("yr": 1, "meses": 12)."""
    return dict(_period_re()[1])


def period_words() -> frozenset[str]:
    """The words of a period in every language of `data/worked_out.json` ("month", "Jahr", "semaine")."""
    return frozenset(_period_re()[1])


@lru_cache(maxsize=1)
def _approx_re() -> re.Pattern[str]:
    words: list[str] = _words()["approximate"]["words"]
    return re.compile(rf"(?<![^\W\d_])(?:{_alt(words)})\s*(?:[^\w\s]{{1,3}}\s*|[a-z]{{3}}\s+)?$")


def approximate(low: str, m: Mention) -> float:
    """Half the place of the last digit `m` states when a word before it rounds it ("roughly £27": 0.5, "about
    1,800": 50); 0.0 when the figure is exact."""
    if not _approx_re().search(low[max(0, m.start - 24) : m.start]) or not _whole(m):
        return 0.0
    digits = f"{_num(m):.0f}"
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10**zeros


_NEAR_WORDS = 40  # characters around a figure in which its period or a total word is read


def periods_of(low: str, m: Mention) -> tuple[float, ...]:
    """How many of the period the text gives figure `m` per make a year: the nearest period word after it in its
    sentence, else before it ("$2,880 a year": (1.0,); "annual cost of $2,880": (1.0,)); () when none."""
    pattern, per_year = _period_re()
    stop = re.search(r"[.;!?\n]|\d", low[m.end : m.end + _NEAR_WORDS])
    after = pattern.search(low, m.end, m.end + (stop.start() if stop else _NEAR_WORDS))
    if after:
        return (per_year[after.group(0)],)
    lead = low[max(0, m.start - _NEAR_WORDS) : m.start]
    lead = re.split(r"[.;!?\n]|\d", lead)[-1]
    before = list(pattern.finditer(lead))
    return (per_year[before[-1].group(0)],) if before else ()


def _total_word(low: str, m: Mention) -> bool:
    """Whether the text calls figure `m` a total ("in total", "with this one") in its sentence."""
    a = max(0, m.start - _NEAR_WORDS)
    window = re.split(r"[.;!?\n]", low[a : m.end + _NEAR_WORDS])
    at = m.start - a
    for part in window:
        if at < len(part) + 1:
            return bool(_total_re().search(part))
        at -= len(part) + 1
    return False


NUMERIC = ("money", "measure", "count")


@dataclass
class Slot:
    """One thing the notes give a figure for: its kind and unit, its nouns, current and superseded values."""

    kind: str
    unit: str
    nouns: set[str]
    heads: set[str]  # what its counts count ("frames"): a count binds by these when both have them
    per: str  # a rate's denominator ("per store"), "" for a total
    current: list[tuple[Mention, str]]  # (value, note id): several when one note gives several
    old: list[Stale] = field(default_factory=list)
    note: int = -1  # the index of the note that last set it
    deltas: list[Mention] = field(default_factory=list)  # the increments it composed ("9 more")
    aside: bool = False  # a count lent, shown or tried ("2 on demo for a week"): never the order's new value
    wish: bool = False  # what the client wants or asked for ("hoping for 16k"): never replaces nor is replaced
    days: list[tuple[float, frozenset[str]]] = field(default_factory=list)  # values for some days only ("4 on mondays")

    def values(self) -> list[float]:
        """The current values as numbers."""
        return [_num(m) for m, _ in self.current if isinstance(m.value, float)]


def _num(m: Mention) -> float:
    """A figure mention's value (0.0 for a date, which never reaches the figure slots)."""
    return m.number() or 0.0


def _like(slot: Slot, m: Mention) -> bool:
    """Whether a mention is of the slot's kind and unit (a money value without a currency fits any); a count of
    whole things takes no fraction ("89.5" is a score, not a number of bags)."""
    probe = Mention(slot.kind, 0.0, slot.unit, frozenset(), 0, 0, False, False, per=slot.per)
    if not same_slot(probe, m):
        return False
    return m.kind != "count" or _whole(m) == all(_whole(x) for x, _ in slot.current)


def _whole(m: Mention) -> bool:
    return isinstance(m.value, float) and math.isfinite(m.value) and m.value == int(m.value)


def _overlap(slot: Slot, m: Mention) -> int:
    """How many of the mention's nouns the slot names; a count with a counted noun binds by that noun only."""
    if m.kind == "count" and slot.heads:
        # A count binds by what it counts: its counted noun, or (none after it) a noun before it ("guest count: 130");
        # a container ("dozen", "boxes") only when neither names the thing in it (W9)
        mine, theirs = _counted(m.head, m.nouns), _counted(slot.heads, slot.nouns)
        if not (mine and theirs):
            mine, theirs = set(m.head or m.nouns), slot.heads
        return sum(1 for n in mine if share((n,), theirs))
    if m.kind == "count" and m.head:
        return 0  # "89.5 for the gesha" (a score) is no value of "8 bags of gesha"
    return sum(1 for n in m.nouns if share((n,), slot.nouns))


def _counted(head: frozenset[str] | set[str], nouns: frozenset[str] | set[str]) -> set[str]:
    """What a count counts, containers aside: its counted nouns, or (only a container after it: "croissants 6
    dozen") the nouns beside it."""
    things = set(head) - containers()
    if things or not head:
        return things
    return set(nouns) - containers()


def _other_thing(slot: Slot, m: Mention) -> bool:
    """Whether a count of the same things is of another lot: both name what kind ("120 bags of caturra", then
    "the gesha lot is only 8 bags"), and the kinds share no word."""
    if m.kind != "count" or not m.head or not slot.heads:
        return False
    if share(_counted(m.head, m.nouns) or {"-"}, _counted(slot.heads, slot.nouns)) and m.head <= containers():
        return False  # "bagels down to 3 dozen": the thing the container holds is the slot's own
    mine, theirs = m.nouns - m.head, slot.nouns - slot.heads
    return bool(mine and theirs) and not share(mine, theirs)


def _near_in_size(a: float, b: float) -> bool:
    return a > 0 and b > 0 and 0.5 <= a / b <= 2


def _supersede(slot: Slot, new: Mention, nid: str, when: datetime, i: int, certain: bool) -> None:
    """Make `new` the current value of the slot; the earlier values it replaces become superseded. When one note
    gave several ("6 cases of morgon, 4 of macon"), a value naming some of their words replaces those only."""
    replaced = slot.current
    if len(slot.current) > 1:
        kind = new.nouns - new.head
        named = [(m, n) for m, n in slot.current if kind and share(kind, m.nouns - m.head)]
        replaced = named or slot.current
    slot.old += [Stale(m, new, nid, when, certain) for m, _ in replaced if m.value != new.value]
    slot.current = [x for x in slot.current if x not in replaced] + [(new, nid)]
    slot.nouns |= new.nouns
    slot.heads |= new.head
    slot.note = i


def build(notes: Sequence[tuple[datetime, str, str]], names: str = "") -> tuple[Slot, ...]:
    """The figure slots of the notes (time, id, text), each with its current and superseded values."""
    seq = [x for x in note_mentions(notes, names) if x[3].kind in NUMERIC]
    texts = _ordered_texts(notes)
    slots: list[Slot] = []
    by_note: dict[int, list[tuple[datetime, str, Mention]]] = {}
    for when, i, nid, m in seq:
        by_note.setdefault(i, []).append((when, nid, m))
    for i in sorted(by_note):
        placed: dict[int, Slot] = {}  # id(mention) -> the slot it went to
        low = texts[i]
        for when, nid, m in by_note[i]:
            if m.rejected:
                continue
            if m.kind == "count" and _aside(low, m):
                # "2 carts on the course for a week", "3 sample mattresses": another set than the order
                slots.append(Slot(m.kind, m.unit, set(m.nouns), set(m.head), m.per, [(m, nid)], note=i, aside=True))
                placed[id(m)] = slots[-1]
                continue
            if m.wish and not m.sign and _beside(slots, m):
                # "paying 650k, wants it under 600k", "appraised at 14.5k, hoping for 16k": what the client wants
                # is a slot of its own beside what is paid or agreed now (a wish alone is the order: "wants a 9m rib")
                slots.append(Slot(m.kind, m.unit, set(m.nouns), set(m.head), m.per, [(m, nid)], note=i, wish=True))
                placed[id(m)] = slots[-1]
                continue
            placed[id(m)] = _place(slots, m, nid, when, i, low)
        for when, nid, m in by_note[i]:
            if m.rejected:
                _rule_out(slots, m, [x for _, _, x in by_note[i] if not x.rejected], placed, nid, when, i)
    return tuple(slots)


def _beside(slots: Sequence[Slot], m: Mention) -> bool:
    """Whether the notes already give a value (not a wish) of the thing a wish is about: same kind and unit, and
    nouns in common, or none named on one side."""
    return any(
        _like(s, m)
        and not s.aside
        and not s.wish
        and s.values()
        and (not m.nouns or not s.nouns or share(m.nouns, s.nouns))
        for s in slots
    )


def _ordered_texts(notes: Sequence[tuple[datetime, str, str]]) -> list[str]:
    """The notes' texts as `note_mentions` reads them (oldest first, normalised), by note index."""
    return [norm(t) for _, _, t in sorted(reversed(notes), key=lambda n: n[0].timestamp())]


def _aside(low: str, m: Mention) -> bool:
    """Whether a note's count is of things lent, shown or tried (a demo word, or "for a week") in its clause."""
    a = max(0, m.start - _NEAR_WORDS)
    lead = re.split(r"[.;!?\n,]", low[a : m.start])[-1]
    tail = re.split(r"[.;!?\n,]", low[m.end : m.end + _NEAR_WORDS])[0]
    return bool(_aside_re().search(lead + " # " + tail))


def _place(slots: list[Slot], m: Mention, nid: str, when: datetime, i: int, low: str = "") -> Slot:
    """Put one (not ruled out) note value into its slot; a new slot when it binds to none."""
    like = [s for s in slots if _like(s, m) and not s.aside and not s.wish]
    named = [s for s in like if _overlap(s, m)]
    if m.sign:
        target = max(named, key=lambda s: (_overlap(s, m), s.note), default=None)
        if target is None and (m.kind != "count" or not (m.head or _increment_noun(low, m))):
            # "add 6 sq m more for the hallway": an increment of the latest value of its unit
            target = max(like, key=lambda s: s.note, default=None)
        if target is not None and target.values() and target.note == i:
            target.deltas.append(m)  # beside a value of its own note it is a plan: "4 trucks now, 2 more in spring"
            return target
        if target is not None and target.values():
            # An increment composes onto a value of an earlier note.
            total = target.values()[-1] + m.sign * _num(m)
            composed = dataclasses.replace(m, value=total, sign=0)
            target.deltas.append(m)
            _supersede(target, composed, nid, when, i, certain=True)
            return target
    named = [s for s in named if not _other_thing(s, m)]
    if named:
        target = max(named, key=lambda s: (_overlap(s, m), s.note))
        if (target.note == i and not m.cue) or _day_scoped(low, m) or asked(low, m):
            # one note, several values of the slot ("2 at 40, 3 at 35"); a value for some days only ("4 dozen
            # on mondays"): a sub-slot beside the rest of the week's, never its replacement (W9); a value asked
            # about ("whether we can do 150") replaces nothing
            target.current.append((m, nid))
            if days := _days_of(low, m):
                target.days.append((_num(m), days))
            target.nouns |= m.nouns
            target.heads |= m.head
        else:
            _supersede(target, m, nid, when, i, certain=m.cue)
        return target
    if m.cue and (m.nouns or m.kind != "count") and not (m.sign and _increment_noun(low, m)):
        # A cue and no shared noun: the nearest earlier value of its kind and size ("offer $815k", then
        # "seller countered $830k"); uncertain, so a draft that keeps the old one only warns.
        near = [
            s
            for s in like
            if any(
                _near_in_size(_num(x), _num(m)) and (s.note < i or x.start < m.start)
                for x, _ in s.current
                if isinstance(x.value, float)
            )
        ]
        if near:
            target = max(near, key=lambda s: s.note)
            # "make it 650kg" when the notes give one figure in kg at all: nothing else it can change
            only = len(like) == 1 and bool(m.unit) and len(target.current) == 1
            _supersede(target, m, i=i, nid=nid, when=when, certain=only)
            return target
    slot = Slot(m.kind, m.unit, set(m.nouns), set(m.head), m.per, [(m, nid)], note=i)
    slots.append(slot)
    return slot


def _day_scoped(low: str, m: Mention) -> bool:
    """Whether a note's value holds for some days only: a weekday or part of the day in its clause."""
    return bool(_days_of(low, m))


def _days_of(low: str, m: Mention) -> frozenset[str]:
    """The weekdays or parts of the day in a value's clause, singular ("on mondays": {"monday"})."""
    a = max(0, m.start - _NEAR_WORDS)
    lead = re.split(r"[.;!?\n,]", low[a : m.start])[-1]
    tail = re.split(r"[.;!?\n,]", low[m.end : m.end + _NEAR_WORDS])[0]
    return frozenset(w.group(0).rstrip("s") for w in day_words().finditer(lead + " # " + tail))


def _increment_noun(low: str, m: Mention) -> bool:
    """Whether an increment names what it adds after its increment word ("2 more rowers"): then it adds to the
    slot of that noun only, never to the latest count of another thing."""
    return bool(
        re.match(
            r"\s*(?:more|extra|additional|further|más|mais|de plus|weitere|mehr|in più|extra)\s+[^\W\d_]{3,}",
            low[m.end :],
        )
    )


def _rule_out(
    slots: list[Slot], r: Mention, kept: list[Mention], placed: dict[int, Slot], nid: str, when: datetime, i: int
) -> None:
    """A value its note rules out ("52 not 45", "8 units now, not 6"): the nearest value its clause keeps replaces it."""
    near = [m for m in kept if same_slot(r, m) and abs(m.start - r.start) <= 80]
    # "7 of the malbec not 5, torrontes stays 3": the value a "not" follows is the one that replaces it
    before = [m for m in near if m.end <= r.start]
    new = (
        max(before, key=lambda m: m.start) if before else min(near, key=lambda m: abs(m.start - r.start), default=None)
    )
    holding = [s for s in slots if _like(s, r) and any(m.value == r.value for m, _ in s.current)]
    holding.sort(key=lambda s: (_overlap(s, r) + (_overlap(s, new) if new else 0), s.note), reverse=True)
    if new is None:
        for s in holding[:1]:
            s.old += [Stale(m, m, nid, when, True) for m, _ in s.current if m.value == r.value]
            s.current = [(m, n) for m, n in s.current if m.value != r.value]
        return
    target = holding[0] if holding else None
    own = placed.get(id(new))
    if target is None:
        if own is not None:
            own.old.append(Stale(r, new, nid, when, True))
        return
    if own is not None and own is not target and own.current == [(new, nid)] and not own.old:
        slots.remove(own)  # the kept value was a slot of its own only because it named other nouns
    _supersede(target, new, nid, when, i, certain=True)


def derived(value: float, operands: Sequence[float], percents: Sequence[float], depth: int = 2) -> bool:
    """Whether `value` is worked out from `operands` in at most `depth` (1 or 2) steps: sum, difference,
    product, quotient, a percentage of, a percentage off or on (to the cent); each figure used once (1,150
    less the 250 between 1,400 and 1,150 is no figure anyone works out)."""
    ops = sorted({round(x, 2) for x in operands if x > 0})
    pct = sorted({p for p in percents if 0 < p < 100})
    target = round(value, 2)
    if target <= 0:
        return False  # zero is any figure less itself: "cut your bill to zero" is never worked out
    if target in ops:
        return True
    one = _one_step(tuple(ops), tuple(pct))
    if target in one or depth < 2:
        return target in one
    for k, c in enumerate(ops):
        for x in (value - c, value + c, c - value, value / c, value * c, c / value if value else 0.0):
            if x >= 0.01 and any(k not in used and _TWICE not in used for used in one.get(round(x, 2), ())):
                return True
    for p in pct:
        for x in (value * 100 / p, value / (1 - p / 100), value / (1 + p / 100)):
            if round(x, 2) in one:
                return True
    return False


_TWICE = -1  # in a provenance: a figure used with itself ("1,150 + 1,150"), which a second step may not extend
_PROVENANCE = 3  # the operand pairs kept per one-step figure: enough to find one not reusing a given figure


@lru_cache(maxsize=8)  # the slip check asks about many candidate figures over the same operands
def _one_step(ops: tuple[float, ...], pct: tuple[float, ...]) -> dict[float, list[frozenset[int]]]:
    """Every figure one step from `ops` (sums, differences, products, quotients, percentages of, off and on),
    each with the operands (by index) it was worked out from."""
    out: dict[float, list[frozenset[int]]] = {}

    def add(x: float, used: frozenset[int]) -> None:
        seen = out.setdefault(x, [])
        if len(seen) < _PROVENANCE and used not in seen:
            seen.append(used)

    for k, a in enumerate(ops):
        add(a, frozenset({k}))
        for j in range(k, len(ops)):
            b = ops[j]
            for x in (round(a + b, 2), round(b - a, 2), round(a * b, 2), round(b / a, 2), round(a / b, 2)):
                add(x, frozenset({k, j}) if j != k else frozenset({k, _TWICE}))
        for p in pct:
            for x in (round(a * p / 100, 2), round(a * (1 - p / 100), 2), round(a * (1 + p / 100), 2)):
                add(x, frozenset({k}))
    out.pop(0.0, None)  # a figure less itself, or a tiny quotient rounded: nothing is worked out from zero
    return out


@dataclass(frozen=True)
class Model:
    """The slots of one client's notes, and the operands a draft's figures may be worked out from."""

    slots: tuple[Slot, ...]
    operands: tuple[float, ...]  # the current values, newest slots first (at most `_OPERANDS`)
    percents: tuple[float, ...]
    noted: frozenset[float] = frozenset()  # every value a note gave, current or superseded
    periodic: tuple[tuple[float, float], ...] = ()  # (value, how many of its period make a year) of each note
    # figure that states its period ("€240 a month": (240, 12))
    lists: tuple[tuple[float, tuple[frozenset[str], ...]], ...] = ()  # a note sentence's counts summed: (total,
    # what each summed count counts) ("80 road bikes + 25 gravel bikes": 105)


_TERMS = frozenset({"day", "week", "month", "year"})  # durations (`data/units.json`): compared only when superseded
_OPERANDS = 40  # a two-step closure over more figures than this makes almost any figure "worked out"
_NEAR = 80  # characters: a count, a rate and their total stated within one clause or two
_SMALL = 13  # below this, two steps over the small counts every note has reach any figure: never "derived"


def model(notes: Sequence[tuple[datetime, str, str]], names: str = "") -> Model:
    """The current-value model of the notes (time, id, text)."""
    slots = build(notes, names)
    newest = sorted(slots, key=lambda s: s.note, reverse=True)
    values = [v for s in newest if s.unit != "pct" for v in s.values()]
    percents = [v for s in slots if s.unit == "pct" for v in s.values()]
    noted = frozenset([_num(x) for s in slots for x, _ in s.current] + [_num(o.old) for s in slots for o in s.old])
    texts = {nid: norm(text) for _, nid, text in notes}
    lists = _list_totals(slots, texts)
    periodic = tuple(
        (_num(m), p[0])
        for s in slots
        if s.kind != "count"
        for m, nid in s.current
        if (p := periods_of(texts.get(nid, ""), m))
    )
    return Model(
        slots, tuple(dict.fromkeys(values))[:_OPERANDS], tuple(percents), noted, lists=lists, periodic=periodic
    )


_SENTENCE_END = re.compile(r"[.;!?\n](?:\s|$)")


def _list_totals(slots: Sequence[Slot], texts: dict[str, str]) -> tuple[tuple[float, tuple[frozenset[str], ...]], ...]:
    """Sums of the current whole counts one note sentence lists ("10 violins, plus 5 in 3/4"; "140 all-mountain,
    35 freeride"), each with what its counts count: a total over them may name the things in one word."""
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for s in slots:
        if s.kind != "count" or s.aside:
            continue
        for m, nid in s.current:
            if _whole(m) and not m.sign and m.per == "":
                sentence = len(_SENTENCE_END.findall(texts.get(nid, ""), 0, m.start))
                by_sentence.setdefault((nid, sentence), []).append(m)
    out: list[tuple[float, tuple[frozenset[str], ...]]] = []
    for group in by_sentence.values():
        group.sort(key=lambda m: m.start)
        if len(group) > 1:  # the whole list: a subset ("12 chairs + 4 tables" of three items) is no total of it
            out.append((sum(_num(m) for m in group), tuple(m.head for m in group)))
    return tuple(out)


def _list_total(v: float, m: Mention, low: str, mdl: Model) -> bool:
    """Whether draft count `m` is the total of counts one note sentence lists: called a total ("in total"), or
    naming none of the summed things while they name several ("175 pairs" of "140 all-mountain, 35 freeride"),
    or all of them ("15 violins" of "10 violins, plus 5 in 3/4"). "16 chairs" of "12 chairs and 4 tables" is no
    total of chairs."""
    for total, heads in mdl.lists:
        if not _eq(total, v):
            continue
        named = [h for h in heads if h]
        if _total_word(low, m) or not m.head:
            return True
        if all(share(m.head, h) for h in named) or not any(share(m.head, h) for h in named):
            return True
    return False


@dataclass(frozen=True)
class Verdict:
    """What the model says of one draft figure: stale (a superseded value) or contradicted, and how sure."""

    kind: str  # "stale" | "contradicted"
    certain: bool
    real: tuple[Mention, ...]  # the current values (contradicted) or the values that replaced it (stale)
    sources: tuple[str, ...]


def _eq(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def judge(m: Mention, mine: Sequence[Mention], mdl: Model, low: str) -> Verdict | None:
    """The verdict on draft figure `m` (the draft's figures: `mine`; the draft lower-cased: `low`, which lets a
    figure per period be worked out from one per another period), or None when the notes support it."""
    if m.kind not in NUMERIC or m.rejected or not isinstance(m.value, float) or m.unit == "pct":
        return None
    v = _num(m)
    if not math.isfinite(v):
        return None
    like = [s for s in mdl.slots if _like(s, m)]
    if m.kind == "money" and v >= 10:
        # Notes drop the currency ("extraction hood 375 + vat"): a sum about the same thing that is a typing slip
        # of such a figure is its slip.
        loose = [s for s in mdl.slots if s.kind == "count" and share(m.nouns, s.nouns)]
        slipped = [(c, n) for s in loose for c, n in s.current if slip_of(v, _num(c))]
        if slipped and not any(_eq(v, c) for s in like for c in s.values()):
            return Verdict("contradicted", False, tuple(c for c, _ in slipped), tuple(n for _, n in slipped))
    current = [c for s in like for c in s.values()]
    if v < _SMALL and not any(s.old for s in like) and not any(_overlap(s, m) for s in like):
        return None  # a small figure of no slot is never worked out or stale; the draft's other figures are not
        # read for it (a draft of thousands of small numbers stays linear)
    others = [_num(x) for x in mine if x is not m and isinstance(x.value, float) and x.unit != "pct"]
    pcts = [*mdl.percents, *(_num(x) for x in mine if x.unit == "pct" and isinstance(x.value, float))]

    def worked_out(depth: int = 2) -> bool:
        return worked_out_value(v, depth)

    periods = periods_of(low, m) if m.kind != "count" else ()
    rounded = approximate(low, m)

    def worked_out_value(v: float, depth: int = 2) -> bool:
        # "EUR 2,880 a year" of "EUR 240 a month": the figure per another period is worked out the same way
        if any(worked_out_once(x, depth, drop) for x, drop in converted(v, periods, mdl.periodic)):
            return True
        return bool(rounded) and near_one_step(v, rounded)

    def near_one_step(v: float, tolerance: float) -> bool:
        # "roughly GBP 27 a table" of GBP 380 over 14 tables: a figure one step away, rounded as the draft says
        ops = sorted({round(x, 2) for x in [*mdl.operands, *others] if x > 0})
        one = _one_step(tuple(ops), tuple(sorted({p for p in pcts if 0 < p < 100})))
        return any(abs(x - v) <= tolerance for x in one)

    def worked_out_once(v: float, depth: int = 2, drop: frozenset[float] = frozenset()) -> bool:
        if v < _SMALL:
            return False
        operands = [x for x in mdl.operands if x not in drop]
        if m.kind == "count":
            # Two steps over a client's many small counts reach almost any count: a count is worked out only
            # from the counts of the same things ("16 cameras" a store of "48 cameras" over 3 stores).
            about = m.nouns | m.head
            operands = [x for s in mdl.slots if share(about, s.nouns | s.heads) for x in s.values()]
            return derived(v, [*operands, *others], [], depth)  # a percentage is of a sum, not of heads
        return derived(v, [*operands, *others], pcts, depth)

    kin = [x for x in mine if x is not m and x.kind == m.kind and x.unit in (m.unit, "") and x.unit != "pct"]
    # counts of different things ("24 units", "20 minutes each") state no arithmetic between them
    kin = [x for x in kin if m.kind != "count" or share(x.nouns | x.head, m.nouns | m.head)]
    if (kin or len(pcts) > len(mdl.percents)) and v >= _SMALL and not any(_eq(v, c) for c in current):
        # The draft states its own arithmetic ("at $640 a month ... $7,680 a year"): a result that is no figure
        # worked out but a typing slip of one that is ("$7,860") is a miscalculation.
        noted = mdl.noted
        given = [
            *current,
            *mdl.operands,
            *others,
        ]  # a slip of a given figure is the other rules' (a worked-out one's here)
        changes = [abs(_num(o.new) - _num(o.old)) for s in like for o in s.old if _numeric(o)]
        missed = []
        if not worked_out() and v not in noted and not any(_eq(v, c) for c in changes):
            missed = [
                x for x in slips(v) if x not in noted and not any(_eq(x, g) for g in given) and worked_out_value(x)
            ]
        if missed:
            shown = dataclasses.replace(m, value=missed[0], start=m.start, end=m.end)
            return Verdict("contradicted", False, (shown,), ())
    if m.kind == "money" and v >= _SMALL and not any(_eq(v, c) for c in current):
        # "12 kits at $40 each comes to $520": a sum after a count and a rate of the draft is their product;
        # the two-step closure would pass it as 12 x 40 + 40, so the stated operation is checked instead
        rates = [x for x in mine if x.kind == "money" and x.per and x.end <= m.start and m.start - x.start < _NEAR]
        counts = [x for x in mine if x.kind == "count" and x.end <= m.start and not x.sign and not _in_range(low, x)]
        heads = [x for x in counts if m.start - x.start < _NEAR]
        # "250 pairs ... at R1 150 a pair": a rate per X multiplies the count of X wherever it stands (W8)
        products = [
            _num(c) * _num(r)
            for r in rates
            for c in ([c for c in counts if r.per and share((r.per,), c.head)] or heads)
            if c.start < r.start
        ]
        # "a 30% deposit ... 92 guests at $65 per head comes to $1,794": a percentage of, off or on the product
        shares = [x * k for x in products for p in pcts if 0 < p < 100 for k in (p / 100, 1 - p / 100, 1 + p / 100)]
        # "EUR 630 a month, EUR 7,560 for the year": the draft's own figure per another period is the same sum
        own = [(_num(x), p[0]) for x in mine if x is not m and x.kind == "money" and (p := periods_of(low, x))]
        asked = [x for x, _ in converted(v, periods, own)]
        if products and not any(_eq(a, x) or abs(a - x) <= rounded for a in asked for x in [*products, *shares]):
            shown = dataclasses.replace(m, value=products[-1])
            return Verdict("contradicted", False, (shown,), ())
    wishes = _wish_given_as_agreed(m, v, like, others, low)
    if wishes is not None:
        return wishes
    like = [s for s in like if not s.wish]  # a figure other than the client's wish is no contradiction of it
    bound = [s for s in like if _overlap(s, m)] if m.nouns else []
    if not bound and m.kind == "measure" and len(like) == 1 and not (m.nouns and like[0].nouns):
        bound = like  # "30 inch": the only measure the notes give in inches, neither naming what it measures
    if bound:
        mine_days = _days_of(low, m)
        for_days = [(x, s) for s in bound for x, days in s.days if days & mine_days]
        if for_days and not any(_eq(v, x) for x, _ in for_days):
            # "6 dozen croissants on mondays" where the notes give 4 for mondays: that day's sub-slot decides (W9)
            real = tuple(c for _, s in for_days for c, _ in s.current if any(_eq(_num(c), x) for x, _ in for_days))
            return Verdict(
                "contradicted", False, real, tuple(dict.fromkeys(n for _, s in for_days for _, n in s.current))
            )
        if any(_eq(v, c) for s in bound for c in s.values()):
            return None
        if any(_eq(v, _num(d)) for s in bound for d in s.deltas):
            return None  # the increment itself ("we added 9 sq m")
        if any(_eq(v, abs(_num(o.new) - _num(o.old))) for s in bound for o in s.old if _numeric(o)):
            return None  # the change itself: "60 rooms", later "make it 75": "the 15 extra rooms"
        stale = [o for s in bound for o in s.old if isinstance(o.old.value, float) and _eq(v, _num(o.old))]
        if stale:
            if any(_eq(_num(o.new), x) for o in stale for x in others):
                return None  # the draft states the new value too: the old one is the change itself
            return Verdict("stale", any(o.certain for o in stale), tuple(o.new for o in stale), _ids(stale))
        if m.kind == "measure" and m.unit in _TERMS:
            return None  # a term is offered in several lengths ("2-year standard, a third year optional"): only a
            # superseded one is certain
        slip = v >= 10 and any(slip_of(v, c) for s in bound for c in s.values())
        if worked_out(1 if slip else 2) or any(_eq(x, c) for s in bound for c in s.values() for x in others):
            return None  # worked out, or the recorded figure stands beside it ("$31,200, under the $32,000 budget")
        if m.cue:
            return None  # "we will bring your premium down to 900": a change the draft claims, not a misread of
            # the current value (the unrecorded-change rule warns when nothing backs it)
        if m.kind == "count" and _list_total(v, m, low, mdl):
            return None  # "the 15 violins" of "10 violins, plus 5 in 3/4"
        real = tuple(c for s in bound for c, _ in s.current)
        certain = len(bound) == 1 and len(bound[0].current) == 1 and not any(_eq(v, c) for c in current)
        if m.kind == "count" and _total_word(low, m) and any(_eq(v, c + 1) for s in bound for c in s.values()):
            return None  # "4 excavators in total" where the notes give 3: with the one being sold; without a total
            # word it is a wrong count like any other
        return Verdict("contradicted", certain, real, tuple(n for s in bound for _, n in s.current))
    # No slot names its nouns: by value alone, a figure equal to exactly one superseded value and no current one.
    if any(_eq(v, c) for c in current) or any(_eq(v, _num(d)) for s in like for d in s.deltas):
        return None
    priced = [s for s in like if s.unit == m.unit and s.values()] if m.kind == "money" else []
    slip = v >= 10 and any(slip_of(v, c) for s in priced for c in s.values())
    # a sum with no currency named ("$18,950") is compared only when it is a slip of a noted one
    if priced and v >= 100 and (m.unit or slip) and not m.sign and not worked_out(1 if slip else 2):
        # A sum in a currency the notes give sums in, that no current value gives or works out: uncertain
        stale = [o for s in like for o in s.old if isinstance(o.old.value, float) and _eq(v, _num(o.old))]
        if priced and not stale:
            real = tuple(c for s in priced for c, _ in s.current)
            return Verdict("contradicted", False, real, tuple(n for s in priced for _, n in s.current))
    stale = [o for s in like for o in s.old if isinstance(o.old.value, float) and _eq(v, _num(o.old))]
    if not m.nouns:
        # "at R95,000" after "R95,000 is too high, agreed R89,500": a sum in the currency of a certain change,
        # naming nothing, that only the replaced value gives
        sure = [o for o in stale if o.certain and isinstance(o.new.value, float)]
        if (
            m.kind == "money"
            and m.unit
            and sure
            and len({o.new.value for o in sure}) == 1
            and not any(_eq(_num(o.new), x) for o in sure for x in others)
            and not worked_out()
        ):
            return Verdict("stale", True, (sure[0].new,), _ids(sure))
        return None
    if not stale or len({o.new.value for o in stale}) != 1 or worked_out():
        return None
    if any(_eq(_num(o.new), x) for o in stale for x in others):
        return None
    # a sum in a named currency that a certain change replaced, and no current value gives: stale for sure
    certain = m.kind == "money" and bool(m.unit) and all(o.certain for o in stale)
    return Verdict("stale", certain, (stale[0].new,), _ids(stale))


def _in_range(low: str, m: Mention) -> bool:
    """Whether a count is an end of a range ("sizes 6 to 12", "45-48"): a span of sizes, never a count to multiply."""
    return bool(
        re.match(r"\s*(?:to|-|–|a|bis|à)\s*\d", low[m.end : m.end + 6])
        or re.search(r"\d\s*(?:to|-|–|a|bis|à)\s*$", low[max(0, m.start - 6) : m.start])
    )


@lru_cache(maxsize=1)
def _agreed_re() -> re.Pattern[str]:
    """Words that give a draft's figure as settled (`data/value_changes.json` agreed_in_draft)."""
    doc = json.loads((Path(__file__).parent / "data" / "value_changes.json").read_text(encoding="utf-8"))
    return re.compile(rf"(?<![^\W\d_])(?:{_alt(doc['agreed_in_draft']['words'])})(?![^\W\d_])")


def _agreed_in(low: str, m: Mention) -> bool:
    """Whether the draft's sentence around figure `m` gives it as agreed ("we can do 60 days", "as we said")."""
    a = max((x.end() for x in re.finditer(r"[.;!?\n]", low[: m.start])), default=0)
    b = re.compile(r"[.;!?\n]").search(low, m.end)
    return bool(_agreed_re().search(low[a : b.start() if b else len(low)]))


def _wish_given_as_agreed(
    m: Mention, v: float, like: Sequence[Slot], others: Sequence[float], low: str
) -> Verdict | None:
    """A draft figure that only the client's wish gives ("hoping for 16k", "asked for 60 days") while the notes hold
    another current value of that thing (appraised at 14.5k, agreed 45 days): the draft gives the ask as agreed.
    Uncertain (a warning); None when the draft names it as the wish, states the agreed value too, or claims a change."""
    if m.cue or m.sign or wished(low, m.start, (max(0, m.start - 60), m.start)) or not _agreed_in(low, m):
        return None
    wishes = [s for s in like if s.wish and any(_eq(v, c) for c in s.values())]
    agreed = [s for s in like if not s.wish and not s.aside and s.values()]
    if not wishes or any(_eq(v, c) for s in agreed for c in s.values()):
        return None
    about = [w.nouns | w.heads for w in wishes]
    agreed = [s for s in agreed if any(not a or not s.nouns or share(a, s.nouns) for a in about)]
    if not agreed or any(_eq(x, c) for s in agreed for c in s.values() for x in others):
        return None
    real = tuple(c for s in agreed for c, _ in s.current)
    return Verdict("contradicted", False, real, tuple(n for s in agreed for _, n in s.current))


def converted(
    v: float, periods: Sequence[float], periodic: Sequence[tuple[float, float]]
) -> list[tuple[float, frozenset[float]]]:
    """`v` (dropping no operand), and `v` per the period of each note figure stated per another period than the
    draft's own (`periods`), dropping the note figures not stated per that period: "€2,880 a year" of "€240 a
    month" is 240 a month; "€20 a month" is never converted, the note's figure being monthly too."""
    out = [(v, frozenset[float]())]
    for p in periods:
        for q in sorted({q for _, q in periodic if q != p}):
            out.append((v * p / q, frozenset(x for x, r in periodic if r != q)))
    return out


def _numeric(o: Stale) -> bool:
    return isinstance(o.old.value, float) and isinstance(o.new.value, float)


def slips(value: float) -> list[float]:
    """The figures `value` is a typing slip of: two digits swapped or one digit changed (`slip_of`)."""
    if not math.isfinite(value) or value >= 1e15:
        return []
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    digits = whole + frac
    out: set[float] = set()
    for i in range(len(digits)):
        for d in "0123456789":
            if d != digits[i] and not (i == 0 and d == "0" and len(whole) > 1):
                out.add(_undigits(digits[:i] + d + digits[i + 1 :], len(whole)))
        for j in range(i + 1, len(digits)):
            if digits[i] != digits[j] and not (i == 0 and digits[j] == "0" and len(whole) > 1):
                swapped = list(digits)
                swapped[i], swapped[j] = swapped[j], swapped[i]
                out.add(_undigits("".join(swapped), len(whole)))
    out.discard(value)
    return sorted(x for x in out if x > 0)


def _undigits(digits: str, whole: int) -> float:
    return float(digits[:whole] + "." + digits[whole:]) if digits[whole:] else float(digits)


def slip_of(value: float, recorded: float) -> bool:
    """Whether `value` is `recorded` with two digits swapped or one digit changed ("2,510" for 2,150): a typing
    slip is likelier than a figure worked out by chance, so it is never called derived."""
    if not (math.isfinite(value) and math.isfinite(recorded)) or max(value, recorded) >= 1e15:
        return False
    a, b = (f"{x:.2f}".rstrip("0").rstrip(".").replace(".", "") for x in (value, recorded))
    if a == b or len(a) != len(b) or len(a) < 2:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 or (sorted(a) == sorted(b) and len(diff) == 2)


def _ids(stale: Sequence[Stale]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(o.note_id for o in stale))


def supported(m: Mention, mine: Sequence[Mention], mdl: Model, low: str) -> bool:
    """Whether the notes back draft figure `m` by value: a current value of its kind, an increment a note gave,
    or a figure worked out from current values; a small count is left alone (two steps reach any of them)."""
    if m.kind not in NUMERIC or not isinstance(m.value, float) or m.unit == "pct":
        return True
    v = _num(m)
    like = [s for s in mdl.slots if _like(s, m)]
    if any(_eq(v, c) for s in like for c in s.values()) or any(_eq(v, _num(d)) for s in like for d in s.deltas):
        return True
    if any(_eq(v, abs(_num(o.new) - _num(o.old))) for s in like for o in s.old if _numeric(o)):
        return True  # the change itself: 420 meals, later 460: "you added 40 meals"
    others = [_num(x) for x in mine if x is not m and isinstance(x.value, float) and x.unit != "pct"]
    pcts = [*mdl.percents, *(_num(x) for x in mine if x.unit == "pct" and isinstance(x.value, float))]
    periods = periods_of(low, m) if m.kind != "count" else ()
    return 0 < v < _SMALL or any(
        derived(x, [*(o for o in mdl.operands if o not in drop), *others], pcts)
        for x, drop in converted(v, periods, mdl.periodic)
    )
