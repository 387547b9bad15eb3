"""Rule unsupported_claim by structure: a shared past act that no note records as the same kind of event.

Source: issue 14 and benchmarks/NOTES-guard8.md family 6 ("invented history comes from English phrase
lists; topic overlap with the notes counts as support"). The claim is found by its structure in six
languages (`bot/guard/claim_structure.py`): "great walking the new orchard with you", "lovely to finally meet
your team", "c'etait un plaisir de vous revoir au congres", "the bride told me at the tasting". It is
supported only by a note that records an event of the same type that happened, with every participant the
claim adds and on a day its time allows; a note that merely names the same place or thing does not count.
`ClaimSupport` (claim_support.py) may still clear it when a note sentence says the same in other words and
agrees in every slot, event type included.
"""

from __future__ import annotations

from bot.guard.claim_structure import act_support, claims
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.shared_history import claim_text


class SharedAct:
    """Flags a claimed shared act with no note of the same event."""

    kind = "unsupported_claim"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per structurally claimed shared act that no note records."""
        out = []
        for c in claims(draft.text):
            if c.kind != "shared_act":
                continue
            if act_support(claim_text(draft.text[c.start : c.end]), evidence) is None:
                msg = "no note records this shared event with these people"
                out.append(draft.finding(self.kind, c.start, c.end, msg))
        return out
