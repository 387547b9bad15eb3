"""unsupported_claim: a draft states a decision as made before the time a note puts that decision at.

Source: issue 14 and benchmarks/NOTES-guard10.md I1 ("the board decides in january"). The deferral is read by
its shape (`hardship_pressure.decision_deferrals`: a decide word with a later bound, any subject). A draft
sentence that states the decision as made ("the board has approved", "now that the committee signed off",
`data/decision_timing.json` `made`), not hypothetical ("once they approve", `not_made`), not negated and not a
question, claims what the notes put later, unless a note after the deferral records the decision.
Only a claim about the deferred decision counts: the claim's sentence shares a content word with the deferral's
sentence (its object or its deciding body, not the client's name, a time or `topic_stops`), or names no object
at all ("they've approved it"). A note that records the claimed act (most of the claim's content words) backs
it. The reading of topic is uncertain, so the finding warns.
"""

from __future__ import annotations

import dataclasses
import json
import re
from functools import lru_cache
from pathlib import Path

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.hardship_pressure import decision_deferrals
from bot.guard.sensitive import Deferral, word_class
from bot.guard.text import _aware, _content_words, _norm, sentences
from bot.guard.values import _TIME_WORDS

_DATA = Path(__file__).parent.parent / "data" / "decision_timing.json"


@lru_cache(maxsize=1)
def _classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a decision stated as made, a word that makes it hypothetical)."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    # a contraction ("they've approved") starts inside a word: only then may the match follow a letter
    made = re.compile(r"(?:(?<![\w'])|(?='))(?:" + "|".join(f"(?:{p})" for p in doc["made"]["patterns"]) + r")(?![\w])")
    return made, word_class(doc["not_made"]["patterns"])


@lru_cache(maxsize=1)
def _topic_stops() -> frozenset[str]:
    """Stems of the words that name the deciding or its occasion, not the thing decided."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return frozenset(_content_words(" ".join(doc["topic_stops"]["words"]))) | _TIME_WORDS


def _sentence_at(low: str, pos: int) -> tuple[int, int]:
    """The span of the sentence of lower-cased `low` that holds `pos`."""
    for s, e in sentences(low):
        if s <= pos < e:
            return s, e
    return 0, len(low)


def _topic(text: str, drop: frozenset[str]) -> set[str]:
    """Content words of `text` that can name what is decided (no numbers, times, names or deciding words)."""
    return {w for w in _content_words(text) - drop if not any(c.isdigit() or c == "'" for c in w)}


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
        running = [d for d in waits if d.start <= now < d.until]
        if not running:
            return []
        drop = _topic_stops() | frozenset(_content_words(_norm(ctx.client.name)))
        start, end = _sentence_at(draft.low, said[0])
        claim = _topic(draft.low[start:end], drop)
        bare = not _topic(
            re.split(r"[,;:]", draft.low[said[1] : end])[0], drop
        )  # "they've approved it": no object named
        texts = {n.id: _norm(n.text) for n in ctx.notes}
        for d in running:
            low = texts.get(d.note_id, "")
            s, e = _sentence_at(low, max(low.find(d.phrase), 0))
            topic = _topic(low[s:e], drop)
            if not (claim & topic or bare):
                continue  # a decision about something else ("agreed to take the demo chair")
            later = [n for n in ctx.notes if _aware(n.occurred_at, now) > d.start]
            if any(stated_made(texts[n.id]) for n in later):
                continue  # a later note records the decision
            if claim and any(
                n.id != d.note_id and len(claim & _content_words(texts[n.id])) * 2 > len(claim) for n in ctx.notes
            ):
                continue  # a note records the claimed act itself
            msg = f"the notes put this decision later ({d.phrase})"
            found = draft.finding(self.kind, said[0], said[1], msg, (d.note_id,))
            return [dataclasses.replace(found, verdict="warn")]
        return []
