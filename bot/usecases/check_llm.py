"""The LLM verifier: claim-by-claim entailment of a message against the client's notes."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from bot.guard import Finding
from bot.usecases.draft_context import DraftContext
from prompts import quote, render_parts

MAX_NOTES = 40


class Claim(BaseModel):
    """One claim the model found in the message."""

    claim: str
    span: str
    supported: bool
    note_ids: list[str]


class VerifyReply(BaseModel):
    """The verify prompt's JSON."""

    claims: list[Claim]


def verify_claims(llm: Any, text: str, ctx: DraftContext) -> list[Finding]:
    """Unsupported claims as findings (span kept only when it is an exact substring of the text)."""
    notes = "\n".join(f"[{n.id}] {n.occurred_at.date().isoformat()}: {quote(n.text)}" for n in ctx.notes[:MAX_NOTES])
    prompt = render_parts("verify", draft=quote(text), notes=notes or "(no notes)")
    reply = llm.structured("verify", prompt.user, VerifyReply, system=prompt.system)
    findings = []
    for claim in reply.claims:
        if claim.supported:
            continue
        span = claim.span if claim.span and claim.span in text else ""
        if not span:
            continue  # a claim we cannot point at in the text is not actionable
        findings.append(
            Finding(
                "unsupported_claim", span, f"the notes do not support: {claim.claim}", tuple(claim.note_ids), "block"
            )
        )
    return findings
