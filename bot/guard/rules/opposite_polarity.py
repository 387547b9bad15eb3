"""Rule wrong_fact: a draft clause that denies what the latest note about it states ("service not included"
when the note says "wants service included"), or states what it denies.

Source: the guard table ("wrong fact vs the ledger") and the day scripts, where a draft reversed a
recorded term and passed. A clause is read as (polarity, the word a negation governs, the other words):
"service not included" is (negative, includ, {servic}). The latest note clause that holds the same
governed word and shares another word is the ledger's say on it; an opposite polarity there is a
contradiction. Only the word right after the negation counts as governed, so "no rush on the deposit"
is not read against "deposit paid". It warns: polarity read from words is strong evidence, not proof.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.slots import alike
from bot.guard.text import STOP_WORDS, content_words, stem

# A predicate negation in a draft ("not included", "isn't insured", "never delivered"); "no X" negates a
# thing, not a state, and is left to the preference rules.
_NEG = re.compile(r"\b(?:not|never)\b|n't\b")
# A note clause says no with these too ("rejected galvanized", "declined the extended warranty").
_NOTE_NEG = re.compile(
    r"\b(?:not|no|never|without|neither|nor|rejected|declined|refused|cancel+ed|excluded|excluding|too)\b|n't\b"
)
# The governed word must be a state: a participle or an -able/-ible adjective ("included", "available").
_STATE = re.compile(r"[a-z]{3,}(?:ed|en|able|ible)$")
_CLAUSES = re.compile(r"[^.;!?\n,()]+")
_WORD = re.compile(r"[a-z][a-z'-]*")
# Words a negation passes over on its way to what it governs ("not yet included", "isn't being shipped").
_SKIP = frozenset(
    {
        "be",
        "been",
        "being",
        "yet",
        "the",
        "a",
        "an",
        "any",
        "all",
        "so",
        "too",
        "very",
        "really",
        "have",
        "has",
        "had",
        "get",
        "got",
    }
)


@dataclasses.dataclass(frozen=True)
class _Claim:
    negative: bool
    governed: str  # stem of the word the negation governs (or, for a positive clause, any word)
    words: frozenset[str]  # content stems of the clause


def _governed(clause: str) -> str | None:
    """The stem of the word right after the clause's negation, or None without one."""
    m = _NEG.search(clause)
    if m is None:
        return None
    for w in _WORD.findall(clause[m.end() :])[:3]:
        if w in _SKIP:
            continue
        return stem(w) if _STATE.fullmatch(w) and w not in STOP_WORDS else None
    return None


def _note_clauses(evidence: Evidence, drop: frozenset[str]) -> list[tuple[datetime, str, str, bool, frozenset[str]]]:
    """(time, note id, clause, negative, content stems) for every clause of the notes, oldest first."""
    out = []
    # The context lists notes newest first: reversed, notes of one time keep the order they were written in.
    for when, (nid, text) in sorted(
        reversed(list(zip(evidence.note_times, evidence.notes, strict=False))), key=lambda p: p[0].timestamp()
    ):
        for m in _CLAUSES.finditer(text.lower()):
            clause = m.group(0)
            out.append(
                (when, nid, clause.strip(), bool(_NOTE_NEG.search(clause)), frozenset(content_words(clause)) - drop)
            )
    return out


class OppositePolarity:
    """Warns on a draft clause whose polarity is the opposite of the latest note clause on the same term."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One warning per negated draft clause whose governed word the latest note on it states positively."""
        low = draft.low
        if not _NEG.search(low):
            return []
        drop = frozenset(content_words(evidence.names))
        notes = evidence.derived("polarity clauses", lambda: _note_clauses(evidence, drop))
        out = []
        for m in _CLAUSES.finditer(low):
            clause = m.group(0)
            governed = _governed(clause)
            if governed is None:
                continue
            others = frozenset(content_words(clause)) - drop - {governed}
            if not others:
                continue
            about = [
                n
                for n in notes
                if any(alike(governed, w) for w in n[4])
                and any(alike(o, w) for o in others for w in n[4] if not alike(governed, w))
            ]
            if not about:
                continue
            _, nid, said, negative, _ = about[-1]
            if negative:
                continue  # the latest note on it says no too
            found = draft.finding(self.kind, m.start(), m.end(), f"a note says: {said}", [nid])
            out.append(dataclasses.replace(found, verdict="warn"))
        return out
