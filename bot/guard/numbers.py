"""wrong_fact rules about values: sizes, budgets, team sizes, quantities and codes."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from bot.guard.evidence import per_context
from bot.guard.model import Finding
from bot.guard.rules.superseded_figure import alike, amount, subject_words
from bot.guard.slots import stale_values
from bot.guard.text import (
    _WORD,
    _clause_after,
    _clause_before,
    _content_words,
    _norm,
    _sentence_of,
    _stem,
)
from bot.guard.truth import GuardBase
from bot.guard.values import (
    _CLOCK_RE,
    _CODE_RE,
    _DATE_MASK_RE,
    _QTY_RE,
    _QTY_SKIP,
    _TIME_WORDS,
    _WORDNUM,
    _Qty,
    _same_value,
    _show,
    _slot_value,
)
from memory.records import FactKind


class NumberRules(GuardBase):
    """The numbers rules; mixed into the guard with the other rule families."""

    _NUM = r"(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?\s?(?:k|m|thousand|million)?"
    _SLOTS: ClassVar[dict[str, list[str]]] = {
        "team": [
            rf"\b(?:team|staff|headcount|crew|department|org|company) of (?:about |around |roughly |some |~)?(?P<v>{_NUM})",
            r"(?P<v>\b\d[\d,]*)[ -](?:person|people|member|strong|employee)\b",
            r"(?P<v>\b\d[\d,]*) (?:people|employees|staff|reps|engineers|agents|team members|salespeople)\b",
            rf"\bteam (?:size )?(?:is |of |at |has |grew to |grows to |now )(?:about |around )?(?P<v>{_NUM})\b",
            rf"\bheadcount (?:is |of |at )?(?P<v>{_NUM})",
        ],
        "seats": [r"(?P<v>\b\d[\d,]*) (?:seats|licen[cs]es|user licen[cs]es|users)\b"],
        "budget": [
            rf"\bbudget (?:of |is |at |around |about |was |to |for |cap of |ceiling of )?(?:about |around |"
            rf"roughly |up to |~)?(?P<v>{_NUM})",
            r"(?P<v>[$€£]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|thousand|million)?) budget",
        ],
        "size": [
            r"\bsize (?P<v>\d{1,2}(?:\.5)?|xxs|xs|s|m|l|xl|xxl|xxxl|small|medium|large|extra[- ]large)\b",
            r"\b(?:wears?|takes?) (?:a |an |size )?(?P<v>\d{1,2}(?:\.5)?|small|medium|large|extra[- ]large)\b",
            r"\b(?:in|a|an) (?P<v>\d{1,2}(?:\.5)?) (?:shoe|boot|jacket|suit|shirt|waist|collar|dress|chest)",
        ],
    }
    _SLOT_RES: ClassVar[dict[str, list[re.Pattern[str]]]] = {k: [re.compile(p) for p in v] for k, v in _SLOTS.items()}

    def _slot_of_key(self, key: str) -> str | None:
        """Which numeric slot a fact key fills."""
        key = key.lower()
        if any(w in key for w in ("team", "headcount", "employee", "staff", "company_size")):
            return "team"
        if any(w in key for w in ("seat", "licen", "users")):
            return "seats"
        if "budget" in key:
            return "budget"
        if "size" in key:
            return "size"
        return None

    @per_context
    def _known_slots(self) -> dict[str, dict[float | str, tuple[str, ...]]]:
        """slot -> {normalised value: source ids}, from facts, else from the newest note naming the slot."""
        known: dict[str, dict[float | str, tuple[str, ...]]] = {}
        for f in self._facts(FactKind.OTHER, FactKind.PREFERENCE):
            slot = self._slot_of_key(f.key)
            value = _slot_value(slot, _norm(f.value)) if slot else None
            if slot and value is not None:
                known.setdefault(slot, {})[value] = f.source_ids
        notes = sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp(), reverse=True)
        for slot, patterns in self._SLOT_RES.items():
            if slot in known:
                continue
            for n in notes:
                raw = [_slot_value(slot, m.group("v")) for p in patterns for m in p.finditer(_norm(n.text))]
                vals = [v for v in raw if v is not None]
                if vals:
                    known[slot] = {v: (n.id,) for v in vals}
                    break
        return known

    def numbers(self) -> list[Finding]:
        """A size, budget or team size that differs from the ledger."""
        known = self._known_slots()
        out = []
        for slot, patterns in self._SLOT_RES.items():
            if slot not in known:
                continue
            for p in patterns:
                for m in p.finditer(self.low):
                    value = _slot_value(slot, m.group("v"))
                    if value is None or any(_same_value(value, k) for k in known[slot]):
                        continue
                    if isinstance(value, float) and any(_same_value(value, v) for v in self._note_numbers()):
                        continue
                    ids = [i for ids in known[slot].values() for i in ids]
                    real = ", ".join(_show(k) for k in known[slot])
                    out.append(self._finding("wrong_fact", m.start(), m.end(), f"the ledger has {slot} {real}", ids))
        return out

    def _masked(self, low: str) -> str:
        """`low` with dates and clock times blanked out (same length), so their digits are not quantities."""

        def blank(m: re.Match[str]) -> str:
            return " " * len(m.group(0))

        low = _DATE_MASK_RE.sub(blank, low)
        return _CLOCK_RE.sub(blank, low)

    def _quantities_of(self, low: str, orig: str | None = None) -> list[_Qty]:
        """Numbers with what they count or measure, from lower-cased text (`orig`: its original casing)."""
        masked = self._masked(low)
        out = []
        for m in _QTY_RE.finditer(masked):
            num = m.group("num")
            if m.group("word"):
                value = float(_WORDNUM[m.group("word")])
            else:
                try:
                    value = float(num.replace(",", ""))
                except ValueError:
                    continue
                if m.group("k"):
                    value *= 1000
            kind = "money" if m.group("cur") or m.group("k") else "percent" if m.group("pct") else "count"
            unit = {m.group("suffix")} if m.group("suffix") else set()
            cend = _clause_after(masked, m.end() - 1)
            split = re.compile(r"[a-z²]+")
            after: list[str] = []
            for t in re.finditer(r"[a-z²]+\d*|\d+", masked[m.end() : cend]):
                w = t.group(0)
                if masked[m.end() : m.end() + t.start()] != low[m.end() : m.end() + t.start()]:
                    break  # a date or a time lies between: "for 60 on December 12th is going"
                if w.isdigit() and orig and after and re.search(r"\b[A-Z][a-z]+\s+$", orig[: m.end() + t.start()]):
                    continue  # "sixteen Level 2 chargers": the 2 is part of a name
                if (
                    w in ("next", "last", "this", "every", "per", "ago", "later", "now", "instead", "total")
                    or w.isdigit()
                ):
                    break
                if w not in _QTY_SKIP and len(w) > 1:
                    after.append(w)
            after = after[:3]
            if kind == "count" and "," in (num or "") and not m.group("suffix") and not after:
                kind = "money"  # "premium was 2,340", "fri rate 14,500": notes drop the dollar sign
            unit = _area_unit(unit, after)
            # The words just before: read within 200 characters, not the whole clause again for each number.
            cstart = max(_clause_before(masked, m.start()), m.start() - 200)
            before = [w for w in split.findall(masked[cstart : m.start()]) if w not in _QTY_SKIP and len(w) > 1][-2:]
            if kind == "count" and not after and not unit:
                lead = re.search(r"([a-z][a-z-]+)\s+(?:\(|for\s+)$", masked[max(0, m.start() - 30) : m.start()])
                if lead and (masked[m.start() - 1 : m.start()] == "(" or _stem(lead.group(1)) in _GATHERINGS):
                    # "starter kits (10)": the number counts the thing before it; "lunch for 60": people
                    after = ["guest"] if _stem(lead.group(1)) in _GATHERINGS else [lead.group(1)]
            unit = unit | ({_stem("guest")} if {_stem(w) for w in after} & _PEOPLE else set())
            words = {_stem(w) for w in after} | ({_stem(w) for w in before} if kind != "count" else set())
            if kind == "count" and not (unit or after):
                continue
            s, e = _sentence_of(masked, m.start())
            end = m.end()
            if after:
                nxt = masked.find(after[0], m.end(), cend)
                if 0 <= nxt - m.end() <= 12:
                    end = nxt + len(after[0])
            out.append(_Qty(value, kind, unit | words, m.start(), end, _content_words(masked[s:e])))
        return out

    @per_context
    def _note_quantities(self) -> list[tuple[_Qty, tuple[str, ...]]]:
        """Quantities in the notes; a sum of money takes the whole note as what it is about."""
        out = []
        for d in self.docs:
            if not d.is_note:
                continue
            whole = _content_words(d.text)
            for q in self._quantities_of(d.text):
                if q.kind == "money":
                    q = dataclasses.replace(q, context=q.context | whole)
                out.append((q, d.ids))
        return out

    @per_context
    def _note_numbers(self) -> set[float]:
        """Every number named in the notes (quantities, plus bare numbers)."""
        vals: set[float] = set()
        for d in self.docs:
            masked = self._masked(d.text)
            for m in re.finditer(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(k\b)?", masked):
                try:
                    v = float(m.group(1).replace(",", ""))
                except ValueError:
                    continue
                vals.add(v * 1000 if m.group(2) else v)
            for w in _WORD.findall(masked):
                if w in _WORDNUM:
                    vals.add(float(_WORDNUM[w]))
            for m in re.finditer(r"(?<![\w.])(\d{1,3})\s+(?:[a-z]+\s+){1,2}each\b", masked):
                vals.update(float(int(m.group(1)) * k) for k in range(2, 7))  # "3 cases each" of two wines: 6 cases
        return vals

    @per_context
    def _bare_note_numbers(self) -> set[float]:
        """Numbers the notes name outside any quantity ("in Q3 2", "x2"), plus "3 cases each" multiples."""
        vals: set[float] = set()
        for d in self.docs:
            if not d.is_note:
                continue  # a fact restates its note ("3 office bldgs"): its number is no bare number
            masked = self._masked(d.text)
            taken = [(q.start, q.end) for q in self._quantities_of(d.text)]
            for m in re.finditer(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(k\b)?", masked):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                try:
                    v = float(m.group(1).replace(",", ""))
                except ValueError:
                    continue
                vals.add(v * 1000 if m.group(2) else v)
            for m in re.finditer(r"(?<![\w.])(\d{1,3})\s+(?:[a-z]+\s+){1,2}each\b", masked):
                vals.update(float(int(m.group(1)) * k) for k in range(2, 7))
        return vals

    def _designation(self, pos: int) -> bool:
        """Whether the number at `pos` follows a capitalised word mid-sentence ("Level 2", "Series 5")."""
        m = re.search(r"(?<![.!?]\s)\b([A-Z][a-z]+)\s$", self.text[max(0, pos - 20) : pos])
        return m is not None and _sentence_of(self.text, pos)[0] != pos - len(m.group(0))

    @per_context
    def _note_money_sentences(self) -> list[tuple[_Qty, tuple[str, ...]]]:
        """Sums of money in the notes, each with the words of its own sentence only."""
        return [(q, d.ids) for d in self.docs if d.is_note for q in self._quantities_of(d.text) if q.kind == "money"]

    def quantities(self) -> list[Finding]:
        """A number the notes give differently for the same thing ("16 vans" when the notes say 14 vans)."""
        known = self._note_quantities()
        numbers = self._note_numbers()
        mine = self._quantities_of(self.low, self.text)
        out = []
        every = sorted(numbers | {o.value for o in mine} | {o.value for o in self._quantities_of(self.low)})
        operands = [v for v in every if v > 1]
        factors = [v for v in every if v > 0 and v != 1]  # a unit price under 1 ("0.118 EUR/pc") multiplies too
        percents = [o.value for o in mine if o.kind == "percent"]
        bare = self._bare_note_numbers()
        current = self._current_figures()
        for q in mine:
            if self._designation(q.start) or any(abs(q.value - v) < 0.01 for v in bare):
                continue
            if any(abs(q.value - v) < 0.01 and any(alike(u, w) for u in q.unit for w in words) for v, words in current):
                continue  # the value a later note changed it to ("now 45 people" for "45 employees"): current
            if _BASIS.search(self.low[max(0, q.start - 16) : q.start]):
                continue  # "for every 10,000 bolts at 0.118": the amount a price is reckoned on, not a claim  # "Level 2 chargers" names a model; a bare recorded number may be meant
            if (q.kind == "money" or q.value >= 100) and any(abs(q.value - v) < 0.01 for v in numbers):
                continue  # a sum or a large figure the notes record verbatim ("38pp" is "£38 a head")
            if 100 <= q.value < 1e15 and q.value == int(q.value) and self._written_in_notes(int(q.value)):
                continue  # "the 2021 Fendt": a year or a model number as the notes write it
            if any(
                abs(q.value - nq.value) < 0.01
                and (nq.kind == q.kind or "count" not in (q.kind, nq.kind) or q.value >= 100)
                and (not nq.unit or not q.unit or _same_unit(q.unit, nq.unit) or q.kind == "money")
                for nq, _ in known
            ):
                continue
            if q.kind == "money" and (
                _worked_out(q.value, operands)
                or _product_of(q.value, factors)
                or any(abs(a * (1 - p / 100) - q.value) < 0.01 for p in percents for a in factors)
                or _share_of(q.value, percents, operands, factors)
                or (self._per_month_and_year() and _product_of(q.value, sorted({*factors, 12.0})))
            ):
                continue  # "$75 a box, for 18 comes to $1,350", "£61,995 less £9,500 leaves £52,495": worked out
            # the clause, at most 80 characters each side (a text of a thousand numbers stays linear)
            near = self.low[
                max(_clause_before(self.low, q.start), q.start - 80) : min(_clause_after(self.low, q.end), q.end + 80)
            ]
            if q.kind == "count" and q.unit and _WORKED_OUT_WORDS.search(near):
                alike_units = sorted(
                    {o.value for o, _ in known if _same_unit(q.unit, o.unit)}
                    | {o.value for o in mine if o is not q and _same_unit(q.unit, o.unit)}
                )
                if _difference(q.value, alike_units):
                    continue  # "22 cm to spare" on a 240 cm wall for a 218 cm sofa: the difference of like figures
            clash = [
                (nq, ids)
                for nq, ids in known
                if nq.kind == q.kind and (_same_unit(q.unit, nq.unit) if q.kind != "money" else q.unit & nq.context)
            ]
            if not clash and q.kind == "money":
                # "the umbrella comes to $381" when the note's umbrella sentence says $318
                about = q.context - _TIME_WORDS - self._own_words()
                clash = [(nq, ids) for nq, ids in self._note_money_sentences() if about & nq.context]
            slips = [] if clash else self._near_misses(q, known)
            if slips:
                real = ", ".join(sorted({_show(nq.value) for nq, _ in slips}))
                ids = [nid for _, src in slips for nid in src]
                out.append(self._finding("wrong_fact", q.start, q.end, f"the notes give {real} for this", ids))
                continue
            if not clash:
                continue
            if q.kind == "money" and any(
                o is not q
                and o.kind == "money"
                and any(abs(o.value - v) < 0.01 for v in numbers)
                and q.value > 0
                and 1 / 3 <= o.value / q.value <= 3
                for o in mine
            ):
                continue  # "$31,200, under the $32,000 budget": a new figure next to the recorded one
            real = ", ".join(sorted({_show(nq.value) for nq, _ in clash}))
            ids = [nid for _, src in clash for nid in src]
            out.append(self._finding("wrong_fact", q.start, q.end, f"the notes give {real} for this", ids))
        return out

    def _per_month_and_year(self) -> bool:
        """Whether the draft speaks of a monthly figure and a yearly one (so twelve months multiply); once per check."""
        if "_month_and_year" not in self.__dict__:
            self.__dict__["_month_and_year"] = bool(_PER_MONTH.search(self.low) and _PER_YEAR.search(self.low))
        return bool(self.__dict__["_month_and_year"])

    def _current_figures(self) -> list[tuple[float, frozenset[str]]]:
        """(value, subject stems) of each fact value that superseded an earlier one."""
        out = []
        for change in self.prepared.evidence.superseded:
            value = amount(change.new)
            if value is not None:
                out.append((value, subject_words(change.key, change.unit)))
        return out + self._replacing_figures()

    @per_context
    def _replacing_figures(self) -> list[tuple[float, frozenset[str]]]:
        """(value, subject stems) of each figure a note gave in place of an earlier one ("chairs down to 24")."""
        ev = self.prepared.evidence
        notes = [(when, nid, text) for when, (nid, text) in zip(ev.note_times, ev.notes, strict=False)]
        return [
            (s.new.value, s.old.nouns | s.new.nouns)
            for s in stale_values(notes, ev.names)
            if isinstance(s.new.value, float)
        ]

    def _written_in_notes(self, value: int) -> bool:
        """Whether a note writes this whole number as it stands ("(2021, 2,100 hrs)" writes 2021)."""
        pattern = re.compile(rf"(?<![\d,.]){value}(?!\d|[,.]\d)")
        digits = str(value)  # a match holds them: a plain substring test first skips most notes
        return any(d.is_note and digits in d.text and pattern.search(d.text) for d in self.docs)

    @per_context
    def _note_texts_by_ids(self) -> dict[frozenset[str], list[str]]:
        """The texts of the notes, by their (one) id as a set."""
        out: dict[frozenset[str], list[str]] = {}
        for d in self.docs:
            if d.is_note:
                out.setdefault(frozenset(d.ids), []).append(d.text)
        return out

    def _near_misses(self, q: _Qty, known: list[tuple[_Qty, tuple[str, ...]]]) -> list[tuple[_Qty, tuple[str, ...]]]:
        """Recorded figures that `q` looks like a slip of ("430" for 340, "2,590" for 2,950), about the same thing.

        A figure the notes never give, that no sum or product of theirs makes, with the digits of a recorded
        figure swapped or one digit changed, in a sentence that shares a word with the recorded one's.
        """
        if q.value < 10:
            return []
        about = q.context - _TIME_WORDS - self._own_words()
        out = []
        for nq, ids in known:
            kinds = {q.kind, nq.kind}
            if (len(kinds) > 1 and "percent" in kinds) or not _slip_of(q.value, nq.value):
                continue
            sentences = self._note_texts_by_ids().get(frozenset(ids), [])
            words = (
                set().union(*(_content_words(t[_sentence_of(t, 0)[0] :]) for t in sentences)) if sentences else set()
            )
            if "money" in kinds and about & (nq.context | words):
                out.append((nq, ids))  # a sum in a sentence about what the recorded sum is for
            elif q.kind == nq.kind == "count" and _units_alike(q.unit, nq.unit):
                out.append((nq, ids))  # "1,200 hours" for "2,100 hrs"
        return out

    @per_context
    def _recorded_codes(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """Prefix -> {number: ids} of the model or reference numbers the evidence records."""
        recorded: dict[str, dict[str, tuple[str, ...]]] = {}
        for d in self.docs:
            for m in _CODE_RE.finditer(d.text):
                recorded.setdefault(m.group("p"), {})[m.group("n")] = d.ids
        return recorded

    def codes(self) -> list[Finding]:
        """A model or reference number that differs from the recorded one ("VF-4" for "VF-2", "Q-1128")."""
        recorded = self._recorded_codes()
        out = []
        for m in _CODE_RE.finditer(self.low):
            known = recorded.get(m.group("p"))
            if known and m.group("n") not in known:
                real = ", ".join(f"{m.group('p').upper()}-{n}" for n in known)
                ids = [i for v in known.values() for i in v]
                out.append(self._finding("wrong_fact", m.start(), m.end(), f"the notes have {real}", ids))
        return out


_PEOPLE = frozenset(_stem(w) for w in ("ppl", "people", "pax", "guest", "attendee", "cover", "head", "person"))
_GATHERINGS = frozenset(_stem(w) for w in ("lunch", "dinner", "breakfast", "brunch", "party", "event", "reception",
                                           "wedding", "table", "meal", "banquet", "gala", "buffet", "catering"))  # fmt: skip


def _area_unit(unit: set[str], after: list[str]) -> set[str]:
    """Square metres and feet however they are written ("m2", "m²", "sq m", "square metres", "sq ft")."""
    words = [*unit, *after[:2]]
    if unit & {"m2", "m²"} or (
        words and words[0] in ("sq", "sqm", "square") and not {"ft", "feet", "foot"} & set(words)
    ):
        return unit | {"m2"}
    if {"sq ft", "sqft", "sq  ft"} & unit or (words and words[0] in ("sq", "square") and {"ft", "feet"} & set(words)):
        return unit | {"ft2"}
    return unit


# "for every 10,000 bolts", "per 100 units": the quantity a price is reckoned on
_WORKED_OUT_WORDS = re.compile(
    json.loads((Path(__file__).parent / "data" / "worked_out.json").read_text(encoding="utf-8"))["pattern"]
)
_PER_MONTH = re.compile(r"\b(?:a|per|each|every) month\b|\bmonthly\b|/\s?(?:month|mo)\b")
_PER_YEAR = re.compile(r"\b(?:a|per|the|each|every) year\b|\byearly\b|\bannual(?:ly)?\b|/\s?(?:year|yr)\b")
_BASIS = re.compile(r"\b(?:for every|for each|per|every)\s+$")
_UNIT_SHORT = {
    k: _stem(v)
    for k, v in json.loads((Path(__file__).parent / "data" / "unit_abbreviations.json").read_text(encoding="utf-8"))[
        "units"
    ].items()
}


def _same_unit(a: set[str], b: set[str]) -> bool:
    """Whether two quantities count the same thing, abbreviations included ("envs" and "environments", "mo")."""
    a = a | {_UNIT_SHORT[x] for x in a if x in _UNIT_SHORT}
    b = b | {_UNIT_SHORT[x] for x in b if x in _UNIT_SHORT}
    return bool(a & b) or any(_abbreviates(x, y) or _abbreviates(y, x) for x in a for y in b)


def _abbreviates(short: str, long: str) -> bool:
    """Whether `short` abbreviates `long`: same first three letters, the rest in order ("dept", "env").

    An abbreviation is short (at most four letters, five with a plural "s"): "vegan" is a word of its
    own, not "vegetarian" cut short.
    """
    if len(short.removesuffix("s")) > 4 or len(short) < 3 or len(short) >= len(long) or short[:3] != long[:3]:
        return False
    rest = iter(long[3:])
    return all(ch in rest for ch in short[3:])


def _worked_out(value: float, operands: list[float]) -> bool:
    """Whether `value` is, to the cent, a product, sum or difference of two `operands` (sorted, all above 1).

    For each first operand only the second operands near the one that would make `value` are tried
    (found by bisection in a window twice the tolerance), each with the exact test.
    """
    for a in operands:
        for lo, hi in (
            ((value - 0.02) / a, (value + 0.02) / a),
            (value - a - 0.02, value - a + 0.02),
            (a - value - 0.02, a - value + 0.02),
        ):
            i = bisect_left(operands, lo)
            while i < len(operands) and operands[i] <= hi:
                b = operands[i]
                if abs(a * b - value) < 0.01 or abs(a + b - value) < 0.01 or abs(a - b - value) < 0.01:
                    return True
                i += 1
    return False


def _share_of(value: float, percents: list[float], operands: list[float], factors: list[float]) -> bool:
    """Whether `value` is a stated percentage of, or what is left after it from, a figure the notes give or
    work out ("30% deposit" of 92 guests at $65, "the remaining half" of $2,390 + $75)."""
    for p in percents:
        if not 0 < p < 100:
            continue
        for whole in (value * 100 / p, value * 100 / (100 - p)):
            if (
                any(abs(whole - v) < 0.02 for v in operands)
                or _worked_out(whole, operands)
                or _product_of(whole, factors)
            ):
                return True
    return False


def _difference(value: float, same: list[float]) -> bool:
    """Whether `value` is the difference of two figures of the same unit.

    Not a sum: "145 m2 in total" for "85 m2 + 60 m2" may add a part a later note gave up.
    """
    rounded = {round(v, 2) for v in same}
    for a in rounded:
        others = rounded - {a}
        if round(a - value, 2) in others:
            return True  # a - b is the value
    return False


def _product_of(value: float, factors: list[float]) -> bool:
    """Whether `value` is, to the cent, a product of two `factors` (sorted, all above 0): a unit price under 1
    times a quantity too. Bisection as in `_worked_out`, so a check stays linear-logarithmic in the figures."""
    for a in factors:
        lo, hi = (value - 0.02) / a, (value + 0.02) / a
        i = bisect_left(factors, lo)
        while i < len(factors) and factors[i] <= hi:
            if abs(a * factors[i] - value) < 0.01:
                return True
            i += 1
    return False


@lru_cache(maxsize=65536)  # the notes' figures are compared with every figure of every draft
def _digits(value: float) -> str:
    """A figure's digits as written without separators ("2,950" -> "2950", "11.50" -> "1150")."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", "")


def _slip_of(value: float, recorded: float) -> bool:
    """Whether `value` is `recorded` with two digits swapped or one digit changed (a typing slip)."""
    if not (math.isfinite(value) and math.isfinite(recorded)) or max(value, recorded) >= 1e15:
        return False
    a, b = _digits(value), _digits(recorded)
    if a == b or len(a) != len(b) or len(a) < 2:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return sorted(a) == sorted(b) and len(diff) <= 3


def _units_alike(a: set[str], b: set[str]) -> bool:
    """Same unit, or one a contraction of the other ("hrs" and "hours": first letter, the rest in order)."""
    if _same_unit(a, b):
        return True
    pairs = [(x, y) for x in a for y in b] + [(y, x) for x in a for y in b]
    pairs += [(x.removesuffix("s"), y) for x, y in pairs if x.endswith("s")]  # "hrs": "hr" of "hour"
    for short, long in pairs:
        if 2 <= len(short) <= 4 and len(short) < len(long) and short[0] == long[0]:
            rest = iter(long[1:])
            if all(ch in rest for ch in short[1:]):
                return True
    return False
