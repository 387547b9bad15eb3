"""Rule invented_commitment by structure: an "as agreed" offer, a benefit or a concession no note records.

Source: the guard table ("as promised, 20% off" with no such promise recorded blocks), issue 14 and
benchmarks/NOTES-guard8.md family 6. The markers are closed classes in six languages
(`data/claim_markers.json`): "as agreed / comme convenu / como te prometi / wie besprochen" with a benefit
("free", "gratuitement"), a concession ("pagamos", "nous vous pretons", "garantieren wir") or a figure; and
a benefit word alone outside English (English "free X" is `InventedCommitment`'s). Support is a note or an
open commitment that records an agreement or offer, holds every figure of the claim and its benefit, and
shares a particular word or a figure with it (`claim_structure.commitment_support`); when the claim is in
another language than the notes and has no figure to compare, it only warns.

An approval is an agreement too: "my manager approved 5% off", "head office has signed off on the
rebate", "your discount has been approved" (the seller's side as subject of an approval verb, or its
passive when what was approved is a concession or a figure, or the agent is our side: `data/approval_words.json`;
a client's loan or permit "was approved" is their news) needs a note where the seller's side granted it, as done: an
approval verb with no pending word before it in its clause ("mgr ok'd 45 days"). A note where the
client asks for it or the seller will check ("wants 5% off, I'd check with my manager") is no
approval, so the claim blocks; every figure of the claim must be in the approving note.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from bot.guard.claim_structure import claims, commitment_support
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import norm, sentences
from memory.numbers import figures

_DATA = Path(__file__).parent.parent / "data" / "approval_words.json"


@cache
def _approval() -> dict[str, re.Pattern[str]]:
    """The approval readers of `data/approval_words.json`: the claim (seller side + verb, or passive), a note's
    approval verb and the pending words."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))

    def alt(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(doc[key]["words"], key=len, reverse=True))

    who, verb, passive = alt("seller_side"), alt("approval_verbs"), alt("passive")
    return {
        "claim": re.compile(
            rf"(?:^|[^\w'])(?:{who})\s+(?:(?:has|have|just|already|now|finally|kindly|gladly)\s+){{0,2}}(?:{verb})(?![\w'])"
        ),
        "passive": re.compile(rf"(?<![\w'])(?:{passive})(?![\w'])"),
        "concession": re.compile(
            rf"(?<![\w'])(?:{alt('concession')})(?![\w'])|\d\s*%|[$€£¥₹]\s*\d|\d[\d,.]*\s*(?:[a-z]{{3}})?\s+off\b"
        ),
        "who": re.compile(rf"(?<![\w'])(?:{who})(?![\w'])"),
        "note": re.compile(doc["note_approval"]["pattern"]),
        "pending": re.compile(doc["pending"]["pattern"]),
    }


def _granted(text: str) -> bool:
    """Whether a lower-cased note states an approval as granted: an approval verb, not negated, with no pending
    word before it in its clause."""
    rx = _approval()
    for m in rx["note"].finditer(text):
        clause = re.split(r"[,.;:!?\n]|\b(?:but|and|pero|mas|mais|aber|ma)\b", text[: m.start()])[-1]
        if rx["pending"].search(clause) or re.search(r"\b(?:not|no|never|n't|nicht|pas|nao|non)\b", clause):
            continue
        return True
    return False


def _seller_passive(sentence: str) -> re.Match[str] | None:
    """A passive approval that is the seller's: what was approved (its clause before the verb) is a concession or a
    figure, or the seller's side is named as the agent after it; a client's loan or permit 'was approved' is not."""
    rx = _approval()
    for m in rx["passive"].finditer(sentence):
        subject = re.split(r"[,;:]|\b(?:that|que|dass|che)\b", sentence[: m.start()])[-1]
        agent = sentence[m.end() :]
        if rx["concession"].search(subject) or (
            re.match(r"\s*(?:by|por|par|von|da)\b", agent) and rx["who"].search(agent)
        ):
            return m
    return None


def approval_claims(text: str) -> list[tuple[int, int]]:
    """The sentences of lower-cased `text` that state the seller's side approved something (not negated, not
    pending)."""
    rx = _approval()
    out = []
    for s, e in sentences(text):
        sentence = text[s:e]
        m = rx["claim"].search(sentence) or _seller_passive(sentence)
        if m is None:
            continue
        before = sentence[: m.start()]
        if rx["pending"].search(before + sentence[m.start() : m.end()].split(" ")[0]) or re.search(
            r"\b(?:not|no|never|n't|hasn't|haven't|wasn't|isn't)\b", sentence[: m.end()]
        ):
            continue
        out.append((s, e))
    return out


class AgreedOffer:
    """Flags an agreed offer, benefit or concession that no note or open commitment records."""

    kind = "invented_commitment"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per structurally claimed commitment without a recorded agreement."""
        out = self._approvals(draft, evidence)
        if out:
            return out
        for c in claims(draft.text):
            if c.kind != "commitment":
                continue
            support = commitment_support(c, draft.text[c.start : c.end], evidence, evidence.names)
            if support == "supported":
                continue
            ids = [i for c_ids, _ in evidence.commitments for i in c_ids]
            if support == "uncertain":
                msg = "a note records an agreement, but not in this language: check it says this"
                found = draft.finding(self.kind, c.start, c.end, msg, ids)
                out.append(Finding(found.kind, found.span, found.message, found.sources, "warn"))
            else:
                msg = "no note or open commitment records this agreement"
                out.append(draft.finding(self.kind, c.start, c.end, msg, ids))
        return out

    def _approvals(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """A finding on each approval claim no note of a granted approval (holding its figures) backs."""
        low = draft.low
        found = approval_claims(low)
        if not found:
            return []

        def build() -> list[tuple[tuple[str, ...], frozenset[float]]]:
            pieces: list[tuple[tuple[str, ...], str]] = [((nid,), norm(text)) for nid, text in evidence.notes]
            pieces += [(ids, norm(text)) for ids, text in evidence.commitments]
            return [(ids, frozenset(figures(text))) for ids, text in pieces if _granted(text)]

        granted = evidence.derived("agreed_offer granted approvals", build)
        out = []
        for s, e in found:
            said = set(figures(low[s:e]))
            if any(said <= numbers for _, numbers in granted):
                continue
            msg = "no note records that your side approved this (a client's ask or a check to make is no approval)"
            out.append(draft.finding(self.kind, s, e, msg))
        return out
