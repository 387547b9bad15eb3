"""Approve, edit or discard a draft: nothing is ever sent without the salesperson's approval."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.engines.channels import Channel, Delivery
from bot.guard import check_text
from bot.usecases.context_from_memory import build_context
from bot.usecases.drafting import finding_record
from memory.errors import BadInput, ChetError
from memory.records import Client, DraftRecord
from memory.service import Memory
from memory.timeutil import now_utc


class DraftStateError(BadInput):
    """The draft cannot move that way (already decided, blocked, unknown)."""


@dataclass
class Decision:
    """The outcome of a decision on a draft."""

    draft: DraftRecord
    delivery: Delivery | None = None
    message: str = ""


def _get(memory: Memory, draft_id: str) -> DraftRecord:
    draft = memory.draft(draft_id)
    if draft is None:
        raise DraftStateError("that draft no longer exists")
    return draft


def approve(memory: Memory, draft_id: str, channel: Channel) -> Decision:
    """Mark the draft approved, record the message as contact, and send or hand it back for copying."""
    draft = _get(memory, draft_id)
    if draft.status != "pending":
        raise DraftStateError(f"this draft was already {draft.status}")
    if draft.verdict == "block":
        raise DraftStateError("this draft is blocked by the truth guard; edit it or regenerate it first")
    client = memory.client(draft.client_id)
    if client is None:
        raise DraftStateError("the client of this draft was forgotten")
    _recheck(memory, client, draft)
    if not memory.move_draft(draft_id, "pending", "approved", "draft.approved", client_id=client.id):
        raise DraftStateError("this draft was already decided")
    # Email only a written message to a client who takes email: a call plan, or a client who opted out of
    # email, is handed back for the salesperson to use on the channel the client allows.
    by_email = memory.contact_channels(client).allows("email") and not _is_call_plan(draft.text)
    try:
        to = client.email if by_email else None
        delivery = channel.send(to, f"From your salesperson: {draft.purpose[:60]}", draft.text)
    except ChetError as err:
        memory.move_draft(draft_id, "approved", "pending", "draft.send_failed", error=str(err))
        raise
    memory.record_sent(client, draft_id, draft.text, delivery.channel)
    how = f"sent by email to {delivery.detail}" if delivery.channel == "email" else "approved; copy it from here"
    return Decision(memory.draft(draft_id) or draft, delivery, how)


def _is_call_plan(text: str) -> bool:
    """A plan for a phone call (the offline composer's form), not a message to send."""
    return text.lstrip().casefold().startswith("call plan")


def _recheck(memory: Memory, client: Client, draft: DraftRecord) -> None:
    """Check the draft again against the ledger as it is now: a verdict is only as fresh as the notes it read.

    A note written after the draft ("asked me to stop emailing her"), or another message approved since
    (frequency), changes what may be sent. A new block stops the approval; a new warning is shown once
    and the next Approve sends, since the salesperson has then seen it.
    """
    report = check_text(draft.text, build_context(memory, client, draft.purpose, now_utc()).ctx)
    seen = {(f.kind, f.span) for f in draft.findings}
    fresh = [f for f in report.findings if (f.kind, f.span) not in seen]
    if not fresh and report.verdict == draft.verdict:
        return
    findings = tuple(finding_record(f) for f in report.findings)
    memory.update_draft(
        replace(draft, verdict=report.verdict, findings=findings), "draft.rechecked", verdict=report.verdict
    )
    why = "; ".join(f.message for f in fresh) or "the notes changed since this draft was written"
    if report.verdict == "block":
        raise DraftStateError(f"not sent: {why}. Edit it or regenerate it")
    if fresh:
        raise DraftStateError(f"not sent yet: {why}. Approve again to send it anyway")


def edit(memory: Memory, draft_id: str, new_text: str) -> Decision:
    """Replace a pending draft's text and check it again."""
    draft = _get(memory, draft_id)
    if draft.status != "pending":
        raise DraftStateError(f"this draft was already {draft.status}")
    text = new_text.strip()
    if not text:
        raise BadInput("the new text is empty")
    client = memory.client(draft.client_id)
    if client is None:
        raise DraftStateError("the client of this draft was forgotten")
    built = build_context(memory, client, draft.purpose, now_utc())
    report = check_text(text, built.ctx)
    findings = tuple(finding_record(f) for f in report.findings)
    draft = replace(draft, text=text, verdict=report.verdict, findings=findings, engine="edited")
    memory.update_draft(draft, "draft.edited", verdict=report.verdict)
    return Decision(draft, None, f"edited; verdict {report.verdict}")


def discard(memory: Memory, draft_id: str) -> Decision:
    """Throw a pending draft away."""
    draft = _get(memory, draft_id)
    if not memory.move_draft(draft_id, "pending", "discarded", "draft.discarded"):
        raise DraftStateError(f"this draft was already {draft.status}")
    return Decision(memory.draft(draft_id) or draft, None, "discarded")
