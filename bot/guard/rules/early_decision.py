"""unsupported_claim: a draft states a decision as made before the time a note puts that decision at.

Source: issue 14 and benchmarks/NOTES-guard10.md I1 ("the board decides in january"). The deferral is read by
its shape (`hardship_pressure.decision_deferrals`: a decide word with a later bound, any subject). A draft
sentence that states the decision as made ("the board has approved", "now that the committee signed off",
`data/decision_timing.json` `made`), not hypothetical ("once they approve", `not_made`), not negated and not a
question, claims what the notes put later, unless a note after the deferral records the decision.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.hardship_pressure import decision_deferrals
from bot.guard.sensitive import Deferral, word_class
from bot.guard.text import _aware, _norm, sentences

_DATA = Path(__file__).parent.parent / "data" / "decision_timing.json"


@lru_cache(maxsize=1)
def _classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a decision stated as made, a word that makes it hypothetical)."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    # a contraction ("they've approved") starts inside a word: only then may the match follow a letter
    made = re.compile(r"(?:(?<![\w'])|(?='))(?:" + "|".join(f"(?:{p})" for p in doc["made"]["patterns"]) + r")(?![\w])")
    return made, word_class(doc["not_made"]["patterns"])


def stated_made(low: str) -> tuple[int, int] | None:
    """The span of a decision stated as made in lower-cased `low`: not hypothetical, negated or asked."""
    made, pending = _classes()
    for s, e in sentences(low):
        sentence = low[s:e]
        if "?" in sentence:
            continue
        for m in made.finditer(sentence):
            head = re.split(r"[,;:]", sentence[: m.start()])[-1]
            if pending.search(head) or re.search(r"\b(?:not|n't|never|no)\b", head + sentence[m.start() : m.end()]):
                continue
            return s + m.start(), s + m.end()
    return None


class EarlyDecision:
    """Flags a decision stated as made before the time the notes put it at."""

    kind = "unsupported_claim"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding when the draft states the decision as made while a noted deferral still runs."""
        ctx = evidence.context
        if ctx is None:
            return []
        said = stated_made(draft.low)
        if said is None:
            return []
        now = ctx.now
        waits: tuple[Deferral, ...] = evidence.derived("decision deferrals", lambda: decision_deferrals(ctx))
        for d in waits:
            if not d.start <= now < d.until:
                continue
            later = [n for n in ctx.notes if _aware(n.occurred_at, now) > d.start]
            if any(stated_made(_norm(n.text)) for n in later):
                continue  # a later note records the decision
            msg = f"the notes put this decision later ({d.phrase})"
            return [draft.finding(self.kind, said[0], said[1], msg, (d.note_id,))]
        return []
