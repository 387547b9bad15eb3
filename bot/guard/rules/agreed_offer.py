"""Rule invented_commitment by structure: an "as agreed" offer, a benefit or a concession no note records.

Source: the guard table ("as promised, 20% off" with no such promise recorded blocks), issue 14 and
benchmarks/NOTES-guard8.md family 6. The markers are closed classes in six languages
(`data/claim_markers.json`): "as agreed / comme convenu / como te prometi / wie besprochen" with a benefit
("free", "gratuitement"), a concession ("pagamos", "nous vous pretons", "garantieren wir") or a figure; and
a benefit word alone outside English (English "free X" is `InventedCommitment`'s). Support is a note or an
open commitment that records an agreement or offer, holds every figure of the claim and its benefit, and
shares a particular word or a figure with it (`claim_structure.commitment_support`); when the claim is in
another language than the notes and has no figure to compare, it only warns.
"""

from __future__ import annotations

from bot.guard.claim_structure import claims, commitment_support
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence


class AgreedOffer:
    """Flags an agreed offer, benefit or concession that no note or open commitment records."""

    kind = "invented_commitment"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per structurally claimed commitment without a recorded agreement."""
        out = []
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
