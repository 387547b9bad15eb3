"""Rule wrong_fact: a figure that a later note changed, stated as if it still held.

The facts keep history: "make it 24 units" after "20 units" makes 24 the current `quantity:unit` and
20 history. A draft that puts the old figure next to the fact's subject ("the 20 units", "your 15k
budget", "for 40 employees") states a superseded value; the finding cites the note that changed it.
Subject words beyond the key's own come from `data/fact_subjects.json` (a reason each).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.guard.figures import read
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.stale_value import current_model
from bot.guard.text import content_words, stem

_DATA = Path(__file__).resolve().parent.parent / "data" / "fact_subjects.json"
# Words before a figure that name it as past: "up from 20", "instead of 4", "was 15k".
_AS_PAST = re.compile(
    r"\b(?:from|instead of|rather than|not|was|were|originally|previously|no longer|earlier|before)\s+(?:the\s+)?$"
)


@lru_cache(maxsize=1)
def _subjects() -> dict[str, frozenset[str]]:
    """Fact key -> stems of the words that name its subject."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return {key: frozenset(stem(w) for w in row["words"]) for key, row in doc["subjects"].items()}


def amount(raw: str) -> float | None:
    """The number a fact value or draft figure states ("15k" -> 15000.0; `figures.read`), or None."""
    found = read(raw)
    return found[0].value if found else None


def alike(a: str, b: str) -> bool:
    """Whether two stems name the same thing ("mattresse" and "mattress")."""
    if a == b:
        return True
    short = min(len(a), len(b))
    return short >= 4 and a[: short - 1] == b[: short - 1] and abs(len(a) - len(b)) <= 2


def subject_words(key: str, unit: str) -> frozenset[str]:
    """Stems that name what a fact key counts: the key's own word, the fact's unit, the data file's words."""
    own = key.split(":", 1)[-1].replace("_", " ")
    return frozenset(content_words(f"{own} {unit}")) | _subjects().get(key, frozenset())


def _near(low: str, start: int, end: int) -> set[str]:
    """Stems of up to three words after a figure and two before it, within its clause."""
    after = re.split(r"[.;!?,\n(]", low[end : end + 40])[0]
    before = re.split(r"[.;!?,\n)]", low[max(0, start - 30) : start])[-1]
    words = re.findall(r"[a-z][a-z'-]*", after)[:3] + re.findall(r"[a-z][a-z'-]*", before)[-2:]
    return {stem(w) for w in words}


class SupersededFigure:
    """Flags a figure a later note changed (the fact's history) stated next to the fact's subject."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per figure equal to a superseded value of a fact whose subject it sits beside."""
        if not evidence.superseded:
            return []
        low = draft.low
        # The notes' current values come first (`bot.guard.current`): a figure the model holds current
        # for some slot is no superseded fact ("22 rooftop units" in stock, "6 units" to replace).
        mdl = current_model(evidence)
        held = [c for slot in mdl.slots for c in slot.values()]
        figures = [(f.start, f.end, f.value) for f in read(draft.text) if f.quantity]
        out = []
        for change in evidence.superseded:
            old, new = amount(change.old), amount(change.new)
            if old is None or new is None or old == new:
                continue
            subject = subject_words(change.key, change.unit)
            about = [(s, e, v) for s, e, v in figures if any(alike(w, x) for w in _near(low, s, e) for x in subject)]
            if any(v == new for _, _, v in about):
                continue  # the draft states the current figure: an old one beside it is the change itself
            for s, e, v in about:
                if v == old and v not in held and not _AS_PAST.search(low[max(0, s - 25) : s]):
                    message = f"a later note changed this to {change.new}"
                    out.append(draft.finding(self.kind, s, e, message, change.sources))
        return out
