"""Read a client's DraftContext from Memory (kept between checks), and render the token-bounded prompt text."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, replace
from datetime import datetime

from bot.engines.tokens import count_tokens, truncate_tokens
from bot.usecases.draft_context import DraftContext
from memory.records import Client, Note
from memory.service import Memory

PROMPT_BUDGET = 1_500  # tokens of client context; the template adds a few hundred; the contract caps at 2,000
NOTE_TOKENS = 120  # one note's share at most
MAX_FACTS = 30
GUARD_NOTES = 5_000  # the guard reads every note (deterministic, no token cost), up to this many


@dataclass
class BuiltContext:
    """The full context (for the guard) and the bounded prompt text (for the engine)."""

    ctx: DraftContext
    prompt_context: str
    prompt_notes: list[Note]
    prompt_tokens: int


def build_context(
    memory: Memory,
    client: Client,
    purpose: str,
    now: datetime,
    salesperson: str | None = None,
    budget: int = PROMPT_BUDGET,
) -> BuiltContext:
    """Everything known about `client`, plus a prompt context that stays under `budget` tokens."""
    ctx = load_context(memory, client, purpose, now, salesperson)
    relevant = [h.note for h in memory.search(purpose, k=8, client=client)] if purpose.strip() else []
    recent = ctx.notes[:5]
    chosen: dict[str, Note] = {}
    for note in recent[:2] + relevant + recent[2:]:
        chosen.setdefault(note.id, note)
    text, used = render_prompt_context(ctx, list(chosen.values()), budget)
    return BuiltContext(ctx, text, used, count_tokens(text))


def load_context(
    memory: Memory, client: Client, purpose: str, now: datetime, salesperson: str | None = None
) -> DraftContext:
    """Everything the ledger knows about `client` that a draft or a check may rely on."""
    return DraftContext(
        client=client,
        purpose=purpose,
        now=now,
        facts=memory.facts(client.id, current=True),
        history=memory.facts(client.id, current=False),
        commitments=memory.commitments(client.id),
        notes=memory.notes(client.id, limit=GUARD_NOTES),
        last_contact=memory.last_contact(client.id),
        sent_at=memory.message_times(client.id),
        salesperson=salesperson or memory.salesperson().name,
        other_clients=[c.name for c in memory.clients() if c.id != client.id],
    )


@dataclass
class _Kept:
    """The last check's context of one salesperson's memory, and the ledger's change token it was read at."""

    token: object
    client: Client
    ctx: DraftContext


_kept: weakref.WeakKeyDictionary[Memory, _Kept] = weakref.WeakKeyDictionary()
_kept_lock = threading.Lock()


def check_context(memory: Memory, client: Client, now: datetime) -> DraftContext:
    """The context `check` reads (no prompt is rendered): reused while nothing at all was written to the ledger.

    The ledger's change token moves with any write by anyone (a note, a fact, an approval, a forget);
    an engine without a cheap token (PostgreSQL) reads the ledger every time.
    """
    token = memory.change_token()
    with _kept_lock:
        kept = _kept.get(memory)
    if token is not None and kept is not None and (kept.token, kept.client) == (token, client):
        # what the ledger holds does not depend on the moment; only the context's `now` does (a bot checks at
        # a new second each time, so keying on it would read the ledger again at every check)
        return kept.ctx if kept.ctx.now == now else replace(kept.ctx, now=now)
    ctx = load_context(memory, client, "", now)
    if token is not None:
        with _kept_lock:
            _kept[memory] = _Kept(token, client, ctx)
    return ctx


def own_write(memory: Memory, before: object, after: object) -> None:
    """Say that the only change between change tokens `before` and `after` was the check's own audit row.

    Called inside the check's write transaction (which holds the write lock), so a kept context read at
    `before` is still the ledger's at `after`.
    """
    with _kept_lock:
        kept = _kept.get(memory)
        if kept is not None and before is not None and kept.token == before:
            kept.token = after


def render_prompt_context(ctx: DraftContext, notes: list[Note], budget: int) -> tuple[str, list[Note]]:
    """Facts, promises, consent and notes as text, adding notes until the token budget is spent."""
    c = ctx.client
    head = [f"Client: {c.name}" + (f" (goes by {c.goes_by})" if c.goes_by else "")]
    if c.company:
        head.append(f"Company: {c.company}")
    if ctx.last_contact:
        head.append(f"Last contact: {ctx.last_contact.date().isoformat()}")
    head.append(f"Today: {ctx.now.date().isoformat()}")
    facts = [f"- [{f.kind.value}] {f.text} (notes: {', '.join(f.source_ids)})" for f in ctx.facts[:MAX_FACTS]]
    promises = [
        f"- {p.text}" + (f" (due {p.due.isoformat()})" if p.due else "") + f" (notes: {', '.join(p.source_ids)})"
        for p in ctx.commitments[:10]
    ]
    parts = ["\n".join(head)]
    if facts:
        parts.append("Current facts:\n" + "\n".join(facts))
    if promises:
        parts.append("Open promises:\n" + "\n".join(promises))
    text = "\n\n".join(parts)
    text = truncate_tokens(text, budget // 2)  # facts never crowd out every note
    used: list[Note] = []
    spent = count_tokens(text)
    lines = []
    for note in notes:
        line = f"- [{note.id}] {note.occurred_at.date().isoformat()}: {truncate_tokens(note.text, NOTE_TOKENS)}"
        cost = count_tokens(line) + 1
        if spent + cost > budget:
            break
        lines.append(line)
        used.append(note)
        spent += cost
    if lines:
        text += "\n\nNotes (newest and most relevant):\n" + "\n".join(lines)
    return text, used
