"""Rule wrong_fact: a team size, seat count, budget or clothing size that differs from the ledger.

Source: the guard table ("wrong ... size, number ... vs the ledger"). The extractor files these as facts
(`team_size`, `seats`, `budget`, `size` keys); a draft that names the slot ("a team of 40", "your $50k
budget", "size 10") with another value, which is no current value of the notes either (`bot.guard.current`),
is a wrong fact. Without a fact, the newest note that names the slot gives it.
"""

from __future__ import annotations

import re

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.stale_value import current_model
from bot.guard.text import norm
from memory.records import FactKind

_NUM = r"(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?\s?(?:k|m|thousand|million)?"
_SIZE_WORD = r"xxs|xs|s|m|l|xl|xxl|xxxl|small|medium|large|extra[- ]large"
# How each slot is written beside its value; the value is the group "v".
_SLOTS: dict[str, tuple[re.Pattern[str], ...]] = {
    "team": tuple(
        re.compile(p)
        for p in (
            rf"\b(?:team|staff|headcount|crew|department|org|company) of (?:about |around |roughly |some |~)?(?P<v>{_NUM})",
            r"(?P<v>\b\d[\d,]*)[ -](?:person|people|member|strong|employee)\b",
            r"(?P<v>\b\d[\d,]*) (?:people|employees|staff|reps|engineers|agents|team members|salespeople)\b",
            rf"\bteam (?:size )?(?:is |of |at |has |grew to |grows to |now )(?:about |around )?(?P<v>{_NUM})\b",
            rf"\bheadcount (?:is |of |at )?(?P<v>{_NUM})",
        )
    ),
    "seats": (re.compile(r"(?P<v>\b\d[\d,]*) (?:seats|licen[cs]es|user licen[cs]es|users)\b"),),
    "budget": (
        re.compile(
            rf"\bbudget (?:of |is |at |around |about |was |to |for |cap of |ceiling of )?(?:about |around |"
            rf"roughly |up to |~)?(?P<v>{_NUM})"
        ),
        re.compile(r"(?P<v>[$€£]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|thousand|million)?) budget"),
    ),
    "size": (
        re.compile(rf"\bsize (?P<v>\d{{1,2}}(?:\.5)?|{_SIZE_WORD})\b"),
        re.compile(r"\b(?:wears?|takes?) (?:a |an |size )?(?P<v>\d{1,2}(?:\.5)?|small|medium|large|extra[- ]large)\b"),
        re.compile(r"\b(?:in|a|an) (?P<v>\d{1,2}(?:\.5)?) (?:shoe|boot|jacket|suit|shirt|waist|collar|dress|chest)"),
    ),
}
# fact key words -> slot
_KEYS = (
    (("team", "headcount", "employee", "staff", "company_size"), "team"),
    (("seat", "licen", "users"), "seats"),
    (("budget",), "budget"),
    (("size",), "size"),
)
_LETTERS = {"xxs": "xxs", "xs": "xs", "s": "small", "small": "small", "m": "medium", "medium": "medium",
            "l": "large", "large": "large", "xl": "xl", "extra large": "xl", "extra-large": "xl",
            "xxl": "xxl", "xxxl": "xxxl"}  # fmt: skip


_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d{1,2}\s?(?:k|m|thousand|million)\b)")


def recorded_value(slot: str | None, raw: str) -> float | str | None:
    """A slot value normalised: numbers to floats ($50k -> 50000), letter sizes to a canonical word."""
    raw = raw.strip().lower()
    if slot == "size" and raw in _LETTERS:
        return _LETTERS[raw]
    raw = _DECIMAL_COMMA.sub(".", raw)  # "5,2m": a comma before one or two digits and a scale is a decimal point
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s?(k|m|thousand|million)?\b", raw)
    if not m:
        return raw if slot == "size" and raw else None
    try:
        num = float(m.group(1).replace(",", ""))
    except ValueError:
        return None
    return num * {"k": 1e3, "m": 1e6, "thousand": 1e3, "million": 1e6}.get(m.group(2) or "", 1.0)


def _same(a: float | str, b: float | str) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1.0)
    return a == b


def _show(v: float | str) -> str:
    return f"{v:g}" if isinstance(v, float) else v


def _slot_of_key(key: str) -> str | None:
    key = key.lower()
    return next((slot for words, slot in _KEYS if any(w in key for w in words)), None)


def _known(evidence: Evidence) -> dict[str, dict[float | str, tuple[str, ...]]]:
    """slot -> {value: source ids}, from the current facts, else from the newest note naming the slot."""
    known: dict[str, dict[float | str, tuple[str, ...]]] = {}
    ctx = evidence.context
    facts = (
        [f for f in ctx.facts if f.valid_to is None and f.kind in (FactKind.OTHER, FactKind.PREFERENCE)] if ctx else []
    )
    for f in facts:
        slot = _slot_of_key(f.key)
        value = recorded_value(slot, norm(f.value)) if slot else None
        if slot and value is not None:
            known.setdefault(slot, {})[value] = f.source_ids
    newest = [(nid, text) for _, (nid, text) in reversed(evidence.dated_notes)]
    for slot, patterns in _SLOTS.items():
        if slot in known:
            continue
        for nid, text in newest:
            vals = [
                v
                for p in patterns
                for m in p.finditer(norm(text))
                if (v := recorded_value(slot, m.group("v"))) is not None
            ]
            if vals:
                known[slot] = {v: (nid,) for v in vals}
                break
    return known


class RecordedSlot:
    """Flags a team size, seat count, budget or size that differs from the ledger's."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per slot value that is neither the ledger's nor a current value of the notes."""
        known = evidence.derived("recorded slots", lambda: _known(evidence))
        if not known:
            return []
        current = [v for s in current_model(evidence).slots for v in s.values()]
        low = draft.low
        out = []
        for slot, patterns in _SLOTS.items():
            for p in patterns if slot in known else ():
                for m in p.finditer(low):
                    value = recorded_value(slot, m.group("v"))
                    if value is None or any(_same(value, k) for k in known[slot]):
                        continue
                    if isinstance(value, float) and any(_same(value, v) for v in current):
                        continue  # the current value of a slot the notes name otherwise
                    ids = [i for ids in known[slot].values() for i in ids]
                    real = ", ".join(_show(k) for k in known[slot])
                    out.append(draft.finding(self.kind, m.start(), m.end(), f"the ledger has {slot} {real}", ids))
        return out
