"""wrong_fact rule: a value that a later note changed, used as it stood before the change.

Notes record changes in passing: "guest count now 140", "wants 12 now instead of 10", "town hall moved
to nov 6", "changed to 60x120 format", "picked june 17-18" (of "june 10-11 or 17-18"). Each such
note supersedes the earlier value of the same thing (same unit, or the same words around it); a
message that still uses the old value, and not the new one, is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.guard.evidence import per_context
from bot.guard.model import Finding
from bot.guard.numbers import NumberRules, _same_unit
from bot.guard.text import _STOP, _clause_before, _content_words, _norm, _sentence_of, _stem
from bot.guard.values import _TIME_WORDS, _WORDNUM
from bot.guard.when import _DAY_RX, _MONTH_RX, _NUMDATE_RX, _parse_md, _safe_date

_NUM = r"(?:\d[\d,]*(?:\.\d+)?|" + "|".join(_WORDNUM) + r")"
_DIM = r"\d+(?:\.\d+)?\s?x\s?\d+(?:\.\d+)?"
_DATE = rf"(?:{_MONTH_RX}\s+{_DAY_RX}\b|{_DAY_RX}\s+(?:of\s+)?{_MONTH_RX}|{_NUMDATE_RX})"
_VALUE = rf"(?P<v>{_DATE}|{_DIM}|{_NUM})"
_OLD = rf"(?P<old>{_DATE}|{_DIM}|{_NUM})"
# A change with the new value after its cue; "instead of" / "rather than" may name the old one.
_CHANGE = re.compile(
    r"\b(?:(?:changed|changing|moved|moving|switched|switching|upped|bumped|raised|increased|reduced|lowered|"
    r"dropped|cut|pushed|pulled|rescheduled|revised|updated|brought)\b(?:\s+[\w'-]+){0,4}?\s+to"
    r"|(?:count|number|total|headcount|qty|quantity|order|guests?|numbers)\s+(?:is\s+|are\s+)?(?:now\s+)?(?:up|down)\s+to"
    r"|now(?:\s+(?:at|is|are|to))?"
    r"|(?:picked|chose|chosen|decided on|settled on|went with|going with|opted for|(?:make|made) (?:it|that)))"
    rf"\s+(?:a\s+|the\s+|~|about\s+)?{_VALUE}(?![\w/])"
    rf"(?:[^.;]{{0,30}}?\b(?:instead of|rather than|not)\s+(?:the\s+)?{_OLD})?"
)
_INSTEAD = re.compile(
    rf"(?<![\w/]){_VALUE}(?:[\s-]+[a-z]+){{0,2}}\s+(?:now\s+)?(?:instead of|rather than)\s+(?:the\s+)?{_OLD}"
)
_CUES = _content_words(
    "changed changing moved moving switched switching upped bumped raised increased reduced lowered dropped cut pushed "
    "pulled rescheduled revised updated brought picked chose chosen decided settled went going opted instead rather wants"
)
_CHOICE = re.compile(r"^(?:picked|chose|chosen|decided|settled|went with|going with|opted)")


@dataclass(frozen=True)
class _Value:
    """A value in a text: a date (month, day), a size ("60x120") or a number, with the words around it."""

    kind: str  # "date" | "dim" | "num"
    key: tuple[int, int] | str | float
    words: frozenset[str]
    unit: frozenset[str]


def _value(raw: str) -> tuple[str, tuple[int, int] | str | float] | None:
    """Classify and normalise one raw value."""
    raw = raw.strip()
    if re.fullmatch(_DIM, raw):
        return "dim", re.sub(r"\s", "", raw)
    if re.fullmatch(_DATE, raw):
        md = _parse_md(raw)
        return ("date", md) if md else None
    if raw in _WORDNUM:
        return "num", float(_WORDNUM[raw])
    try:
        return "num", float(raw.replace(",", ""))
    except ValueError:
        return None


def _unit_words(low: str, start: int, end: int) -> frozenset[str]:
    """Stems of up to two content words after a number (its unit), else up to two before it in the clause."""
    after = [w for w in re.findall(r"[a-z²]+", low[end : end + 30].split(".")[0])[:3] if len(w) > 1]
    after = [w for w in after if w not in ("of", "the", "a", "per", "for", "to", "and", "or", "now", "instead")][:2]
    if after and after[0] not in ("on", "at", "in", "by", "from", "with"):
        return frozenset(_stem(w) for w in after)
    before = re.findall(r"[a-z]+", low[_clause_before(low, start) : start])
    before = [w for w in before if w not in _STOP and w not in ("up", "count") and _stem(w) not in _TIME_WORDS]
    return frozenset(_stem(w) for w in before[-2:])


class ChangeRules(NumberRules):
    """Values superseded by a later note; mixed into the guard."""

    def _values_in(self, low: str) -> list[tuple[_Value, int, int]]:
        """Dates, sizes and counted numbers in lower-cased text, each with its span."""
        out = []
        masked = self._masked(low)
        for m in re.finditer(_DATE, low):
            md = _parse_md(m.group(0))
            if md:
                words = self._around(low, m.start(), m.end())
                out.append((_Value("date", md, words, frozenset()), m.start(), m.end()))
        for m in re.finditer(rf"(?<![\w/.]){_DIM}(?![\w/])", low):
            dim = _Value("dim", re.sub(r"\s", "", m.group(0)), self._around(low, m.start(), m.end()), frozenset())
            out.append((dim, m.start(), m.end()))
        for m in re.finditer(rf"(?<![\w/.$€£-]){_NUM}\b(?![x/.]\d)", masked):
            parsed = _value(m.group(0))
            if parsed is None or parsed[0] != "num":
                continue
            unit = _unit_words(low, m.start(), m.end())
            if unit:
                out.append((_Value("num", parsed[1], self._around(low, m.start(), m.end()), unit), m.start(), m.end()))
        return out

    def _around(self, low: str, start: int, end: int) -> frozenset[str]:
        """Content words of the sentence around a value (names and time words dropped)."""
        s, e = _sentence_of(low, start)
        return frozenset(_content_words(low[s:e]) - _TIME_WORDS - self._own_words())

    @per_context
    def _superseded(self) -> list[tuple[_Value, _Value, tuple[str, ...]]]:
        """(old value, new value, note ids) for each change a later note records."""
        notes = sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp())
        out: list[tuple[_Value, _Value, tuple[str, ...]]] = []
        for i, n in enumerate(notes):
            low = _norm(n.text)
            matches = [*_CHANGE.finditer(low), *_INSTEAD.finditer(low)]
            for m in matches:
                parsed = _value(m.group("v"))
                if parsed is None:
                    continue
                kind, key = parsed
                cs = _clause_before(low, m.start())
                topic = frozenset(_content_words(low[cs : m.start("v")]) - _TIME_WORDS - self._own_words() - _CUES)
                unit = _unit_words(low, m.start("v"), m.end("v")) if kind == "num" else frozenset()
                new = _Value(kind, key, topic, unit)
                earlier = [(v, o.id) for o in notes[:i] for v, *_ in self._values_in(_norm(o.text))]
                earlier = [(v, nid) for v, nid in earlier if v.kind == kind and v.key != key]
                old_raw = _value(m.group("old")) if m.group("old") else None
                if old_raw is not None:
                    earlier = [(v, nid) for v, nid in earlier if v.key == old_raw[1]]
                elif _CHOICE.match(m.group(0)):
                    earlier = [(v, nid) for v, nid in earlier if self._offered_with(notes[:i], v, key)]
                else:
                    earlier = self._same_thing(earlier, new)
                out += [(v, new, (nid, n.id)) for v, nid in earlier]
        return out

    def _same_thing(self, earlier: list[tuple[_Value, str]], new: _Value) -> list[tuple[_Value, str]]:
        """The earlier values a change replaces: same unit, and the most words in common with the change."""
        if new.kind == "num":
            earlier = [(v, nid) for v, nid in earlier if _same_unit(set(v.unit), set(new.unit) | set(new.words))]
        scored = [(len(v.words & new.words), v, nid) for v, nid in earlier]
        best = max((s for s, *_ in scored), default=0)
        if best == 0:
            return [(v, nid) for _, v, nid in scored] if len({v.key for v in (x for _, x, _ in scored)}) == 1 else []
        return [(v, nid) for s, v, nid in scored if s == best]

    def _offered_with(self, notes: list, old: _Value, key: tuple[int, int] | str | float) -> bool:
        """Whether an earlier note offered `old` as an alternative to the chosen value ("june 10-11 or 17-18")."""
        day = key[1] if isinstance(key, tuple) else key
        num = f"{day:g}" if isinstance(day, float) else str(day)
        return any(re.search(rf"\bor\s+(?:\w+\s+)?{re.escape(num)}\b", _norm(n.text)) for n in notes)

    def changed_values(self) -> list[Finding]:
        """A date, size or number used as it was before a later note changed it."""
        changes = self._superseded()
        if not changes:
            return []
        mine = self._values_in(self.low) + self._day_only()
        said = [v for v, *_ in mine]
        out = []
        for v, s, e in mine:
            for old, new, ids in changes:
                if any(self._restates(x, new) for x in said) or old.kind != v.kind or not self._same_key(v, old):
                    continue
                if v.kind == "num" and not _same_unit(set(v.unit), set(old.unit) | set(old.words)):
                    continue
                context = old.words | new.words | old.unit | new.unit
                if v.words and context and not v.words & context:
                    continue
                before = self.low[max(0, s - 25) : s]
                if re.search(
                    r"\b(?:instead of|rather than|from|originally|was|were|not|no longer)\s+(?:the\s+)?$", before
                ):
                    continue
                out.append(
                    self._finding("wrong_fact", s, e, f"a later note changed this to {self._show_value(new)}", ids)
                )
                break
        return out

    def _restates(self, x: _Value, new: _Value) -> bool:
        """Whether a value in the message is the new value ("6-month term", not "six desks")."""
        if x.kind != new.kind or x.key != new.key:
            return False
        return x.kind != "num" or not new.unit or _same_unit(set(x.unit), set(new.unit) | set(new.words))

    def _same_key(self, v: _Value, old: _Value) -> bool:
        """Whether a value in the message is the old value (a day-only date matches the old date's day)."""
        if v.kind == "date" and isinstance(v.key, tuple) and isinstance(old.key, tuple) and v.key[0] == 0:
            return v.key[1] == old.key[1]
        return v.key == old.key

    def _day_only(self) -> list[tuple[_Value, int, int]]:
        """ "the 12th", "on the 18th": a day of the month without its month (month 0)."""
        out = []
        for m in re.finditer(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z]{3})", self.low):
            out.append((_Value("date", (0, int(m.group(1))), self._around(self.low, m.start(), m.end()), frozenset()),
                        m.start(), m.end()))  # fmt: skip
        return out

    def _show_value(self, v: _Value) -> str:
        """A value for a message."""
        if v.kind == "date" and isinstance(v.key, tuple):
            d = _safe_date(self.today.year, *v.key)
            return f"{d:%B} {d.day}" if d else str(v.key)
        return f"{v.key:g}" if isinstance(v.key, float) else str(v.key)
