"""Rule wrong_fact: a label the notes give with another number ("lab 4.20" for "lab 4.02", "VF-4" for "VF-2").

Source: the guard table ("wrong ... number ... vs the ledger") and the day scripts, where a draft changed a
model or reference number, a room or a lab. A number that names a thing (`figures.Figure.label`: "lab 4.02",
"Lagoon 46", "day 2") is no quantity, so the figure rules leave it alone; here it is compared with the
numbers the notes give the same label, and a code glued to its letters ("VF-2", "Q1128") with the codes of
the same prefix. A label the notes never number passes.
"""

from __future__ import annotations

import re

from bot.guard.figures import read
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import norm

# a model or reference code: up to four letters, an optional hyphen, the number ("vf-2", "q1128")
_CODE = re.compile(r"\b(?P<p>[a-z]{1,4})-?(?P<n>\d{1,6})\b(?![.,]\d)")


def _recorded(evidence: Evidence) -> tuple[dict[str, dict[float, list[str]]], dict[str, dict[str, list[str]]]]:
    """(label -> {number: note ids}, code prefix -> {number: ids}) of the evidence."""
    labels: dict[str, dict[float, list[str]]] = {}
    codes: dict[str, dict[str, list[str]]] = {}
    for ids, text in evidence.texts():
        for f in read(text):
            if f.label:
                labels.setdefault(f.label, {}).setdefault(f.value, []).extend(ids)
        for m in _CODE.finditer(text):
            codes.setdefault(m.group("p"), {}).setdefault(m.group("n"), []).extend(ids)
    return labels, codes


class LabelValue:
    """Flags a labelled number or a code that the notes give with another number."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per draft label or code whose number differs from every one the notes give it."""
        labels, codes = evidence.derived("labels", lambda: _recorded(evidence))
        out = []
        for f in read(draft.text):
            known = labels.get(f.label) if f.label and f.label != "#" else None
            if known and f.value not in known:
                real = ", ".join(f"{f.label} {v:g}" for v in known)
                ids = [i for v in known.values() for i in v]
                out.append(draft.finding(self.kind, f.start, f.end, f"the notes have {real}", ids))
        for m in _CODE.finditer(norm(draft.text)):
            seen = codes.get(m.group("p"))
            if seen and m.group("n") not in seen:
                real = ", ".join(f"{m.group('p').upper()}-{n}" for n in seen)
                ids = [i for v in seen.values() for i in v]
                out.append(draft.finding(self.kind, m.start(), m.end(), f"the notes have {real}", ids))
        return out
