"""Draft a follow-up (LLM when configured, else offline), run the truth guard, keep the draft for approval."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from bot.engines.llm_deadline import llm_deadline
from bot.engines.tokens import count_tokens
from bot.guard import Finding, GuardReport, check_text
from bot.runtime import Runtime
from bot.usecases.check_llm import verify_claims
from bot.usecases.context_from_memory import build_context, check_context, own_write
from bot.usecases.draft_context import DraftContext
from bot.usecases.draft_details import read_purpose
from bot.usecases.draft_offline import allowed_channels, compose_offline, draft_channel, greeting_name
from memory.errors import BadInput, ChetError
from memory.records import Client, DraftRecord, StoredFinding
from memory.service import Memory
from memory.timeutil import now_utc
from prompts import render_parts

log = logging.getLogger(__name__)

_CHANNEL_NAMES = {"phone": "a phone call", "text": "a text message", "email": "email"}
LLM_ATTEMPTS = 3  # the first draft plus two regenerations with the guard's findings as feedback
OFFLINE_VARIANTS = 6


class DraftReply(BaseModel):
    """What the drafting prompt asks the model for."""

    text: str
    citations: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class DraftResult:
    """A draft written, checked by the guard and kept pending for approval (`chet draft`, the chat's Draft)."""

    draft_id: str
    client: str
    text: str
    verdict: str  # "pass" | "warn" | "block"
    findings: tuple[Finding, ...]
    sources: tuple[str, ...]  # note ids the draft rests on (the named client's only)
    prompt_tokens: int
    engine: str  # "offline", "openai", ...
    notices: tuple[str, ...]  # fallbacks and channel choices, in plain words


@dataclass(frozen=True)
class CheckResult:
    """The truth guard's verdict on a given text (`chet check`), with the offline and, when configured, LLM findings."""

    verdict: str  # "pass" | "warn" | "block"
    findings: tuple[Finding, ...]
    notices: tuple[str, ...]


def finding_record(f: Finding) -> StoredFinding:
    """A finding as the ledger keeps it in a draft's record."""
    return StoredFinding(f.kind, f.span, f.message, tuple(f.sources), f.verdict)


def stored_findings(draft: DraftRecord) -> tuple[Finding, ...]:
    """The findings of a draft record the ledger kept, as findings again."""
    return tuple(Finding(f.kind, f.span, f.message, f.sources, f.verdict) for f in draft.findings)


def opted_out(ctx: DraftContext) -> bool:
    """True when the client asked not to be contacted on any channel."""
    return draft_channel(ctx) is None


def sender_name(runtime: Runtime, memory: Memory) -> str | None:
    """The sign-off name: the salesperson's own (`/settings name`), else CHET_SENDER_NAME."""
    own = memory.salesperson().name
    settings = runtime.settings
    return own or getattr(settings, "chet_sender_name", None) or settings.chet_salesperson_name


def make_draft(
    runtime: Runtime, memory: Memory, client: Client, purpose: str, feedback: str = "", variant: int = 0
) -> DraftResult:
    """A grounded draft for `client`, checked by the guard and saved as pending."""
    purpose = " ".join(purpose.split())
    if not purpose:
        raise BadInput("say what the message is for (the purpose)")
    tz = runtime.tz(memory)
    built = build_context(memory, client, purpose, now_utc().astimezone(tz), sender_name(runtime, memory))
    ctx = built.ctx
    ctx.channel = draft_channel(ctx)
    asked = read_purpose(purpose).channel  # "a text about the corsages": the form asked for, when the client allows it
    if asked and ctx.channel and asked in allowed_channels(ctx)[0]:
        ctx.channel = asked
    notices: list[str] = []
    text, report, engine = "", GuardReport("pass", ()), "offline"
    sources: list[str] = []
    llm = runtime.llm(memory) if ctx.channel != "phone" else None  # a call plan is written offline
    if ctx.channel is None:
        notices.append(f"{client.name} asked not to be contacted; this draft cannot be approved")
    elif ctx.channel != "email" and "email" not in allowed_channels(ctx)[0]:
        notices.append(f"{client.name} asked not to be emailed; this is for {_CHANNEL_NAMES[ctx.channel]}")
    elif ctx.channel != "email" and ctx.channel != asked:
        notices.append(f"{client.name} prefers {_CHANNEL_NAMES[ctx.channel]}; this is written for it")
    if llm is not None:
        try:
            with llm_deadline(runtime.settings.chet_llm_timeout):  # regenerations included
                text, sources, report = _draft_with_llm(llm, ctx, built.prompt_context, feedback)
            engine = getattr(llm, "name", "openai")
        except ChetError as err:
            notices.append(f"{err}; this draft was written offline")
            text = ""
    if not text:
        text, sources, report = _draft_offline(ctx, variant)
        if llm is None and ctx.channel != "phone":
            notices.append(
                "offline mode: drafted from your notes with templates (set OPENAI_API_KEY for better language)"
            )
    prompt_tokens = built.prompt_tokens + _template_tokens()
    draft_id = "d-" + uuid.uuid4().hex[:10]
    cited = [s for s in dict.fromkeys(sources) if s in {n.id for n in ctx.notes}]
    draft = DraftRecord(
        draft_id,
        client.id,
        purpose,
        text,
        report.verdict,
        tuple(finding_record(f) for f in report.findings),
        tuple(cited),
        engine,
        prompt_tokens=prompt_tokens,
        created_at=now_utc(),
    )
    memory.save_new_draft(
        draft, client_id=client.id, verdict=report.verdict, engine=engine, findings=[f.kind for f in report.findings]
    )
    return DraftResult(
        draft_id,
        client.name,
        text,
        report.verdict,
        report.findings,
        tuple(cited),
        prompt_tokens,
        engine,
        tuple(notices),
    )


def _template_tokens() -> int:
    empty = render_parts("draft", client_name="", purpose="", context="", salesperson="", feedback="")
    return count_tokens(empty.system + empty.user)


def _draft_offline(ctx: DraftContext, variant: int) -> tuple[str, list[str], GuardReport]:
    """Try a few offline phrasings; keep the first the guard does not block."""
    best: tuple[str, list[str], GuardReport] | None = None
    for v in range(variant, variant + OFFLINE_VARIANTS):
        composed = compose_offline(ctx, v)
        report = check_text(composed.text, ctx)
        candidate = (composed.text, list(composed.sources), report)
        if report.verdict != "block":
            return candidate
        best = best or candidate
    assert best is not None
    disputed = tuple(f.span for f in best[2].findings if f.verdict == "block" and f.span)
    # The guard disputes a detail (a fact it still holds that a later note changed): leave that detail out, then all.
    for details, avoid in ((True, disputed), (False, ())):
        for v in range(variant, variant + OFFLINE_VARIANTS):
            composed = compose_offline(ctx, v, details=details, avoid=avoid)
            report = check_text(composed.text, ctx)
            if report.verdict != "block":
                return composed.text, list(composed.sources), report
    assert best is not None
    return best


def _draft_with_llm(llm: Any, ctx: DraftContext, context: str, feedback: str) -> tuple[str, list[str], GuardReport]:
    """Ask the model; regenerate with the guard's findings as feedback while it blocks."""
    name = greeting_name(ctx)
    note = feedback
    last: tuple[str, list[str], GuardReport] | None = None
    for _ in range(LLM_ATTEMPTS):
        prompt = render_parts(
            "draft",
            client_name=name,
            purpose=ctx.purpose,
            context=context,
            salesperson=ctx.salesperson or "(not given)",
            feedback=note or "(none)",
        )
        reply = llm.structured("draft", prompt.user, DraftReply, system=prompt.system)
        text = reply.text.strip()
        if not text:
            raise ChetError("the model wrote an empty draft")
        report = check_text(text, ctx)
        last = (text, reply.citations, report)
        if report.verdict != "block":
            return last
        note = "Fix these problems: " + "; ".join(f"{f.kind}: {f.message} ({f.span!r})" for f in report.findings)
    assert last is not None
    return last


def check_message(runtime: Runtime, memory: Memory, client: Client, text: str, at: datetime) -> CheckResult:
    """The truth guard on any text, as if sent to `client` at `at`."""
    ctx = check_context(memory, client, at)
    report = check_text(text, ctx)
    findings = list(report.findings)
    notices: list[str] = []
    llm = runtime.llm(memory)
    if llm is not None:
        try:
            extra = verify_claims(llm, text, ctx)
            findings += extra
        except ChetError as err:
            notices.append(f"{err}; only the offline checks ran")
    verdict = "block" if any(f.verdict == "block" for f in findings) else "warn" if findings else "pass"
    with memory.transaction():
        before = memory.change_token()
        memory.audit("text.checked", client_id=client.id, verdict=verdict, findings=[f.kind for f in findings])
        own_write(memory, before, memory.change_token())  # the audit row changes nothing a check reads
    return CheckResult(verdict, tuple(findings), tuple(notices))
