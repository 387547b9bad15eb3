"""The evidence one check reads, prepared once and reused while the client's context is unchanged.

A check used to re-read and re-parse every note in each of its ~35 rules, and again on the next
check: at 500 notes that was seconds a check. `prepare(ctx)` returns a `Prepared` evidence: the
context as the ledger stood at `ctx.now` with every note normalised as the draft is, the rules'
`Evidence`, and a memo where the rules keep what they derive from the context alone (the notes'
quantities, events, people, declined items ...). `per_context` marks such a rule method: it runs
once per prepared evidence, whatever the draft.

`prepare` keeps the last few prepared evidences keyed by the context's content (its notes, facts,
commitments, sent messages, names and `now`), so a second check of the same client at the same time
reuses them; a note added or forgotten changes the content and gets a new evidence. A cached result
is shared between checks: callers never mutate what a `per_context` method returns.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import wraps
from typing import Any, Protocol, TypeVar

from bot.guard.normalise import normalise
from bot.guard.rules.base import Evidence
from bot.guard.text import _aware
from bot.usecases.draft_context import DraftContext

CACHE_SIZE = 8  # prepared evidences kept (a few clients, or one client at a few times)


@dataclass(eq=False)
class Prepared:
    """A check's evidence: the context as of its `now` (notes normalised), the rules' view, and a memo."""

    ctx: DraftContext
    evidence: Evidence
    memo: dict[Any, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, ctx: DraftContext) -> Prepared:
        """The evidence in `ctx`, prepared afresh (no cache)."""
        own = dataclasses.replace(  # a copy: the caller may change its context (a draft's channel) later
            ctx,
            facts=list(ctx.facts),
            history=list(ctx.history),
            commitments=list(ctx.commitments),
            notes=list(ctx.notes),
            sent_at=list(ctx.sent_at),
            other_clients=list(ctx.other_clients),
        )
        ready = _normalised_notes(_as_of(own))
        return cls(ready, Evidence.of(ready))


class _HasMemo(Protocol):
    memo: dict[Any, Any]


T = TypeVar("T")


def per_context(method: Callable[..., T]) -> Callable[..., T]:
    """Run a rule method that reads only the context (never the draft) once per prepared evidence.

    The result is shared by every later check of the same context: the caller must not mutate it.
    """
    name = method.__qualname__

    @wraps(method)
    def wrapper(self: _HasMemo, *args: Any) -> T:
        key = (name, *(frozenset(a) if isinstance(a, set) else a for a in args))
        memo = self.memo
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = method(self, *args)
            return value

    return wrapper


_lock = threading.Lock()
_cache: OrderedDict[tuple[Any, ...], list[tuple[tuple[Any, ...], Prepared]]] = OrderedDict()


def _content(ctx: DraftContext) -> tuple[Any, ...]:
    """Everything in `ctx` a rule may read, compared by value (identical objects compare at once)."""
    return (
        ctx.client,
        ctx.purpose,
        ctx.now,
        ctx.channel,
        ctx.salesperson,
        ctx.last_contact,
        tuple(ctx.notes),
        tuple(ctx.facts),
        tuple(ctx.history),
        tuple(ctx.commitments),
        tuple(ctx.sent_at),
        tuple(ctx.other_clients),
    )


def prepare(ctx: DraftContext) -> Prepared:
    """The prepared evidence of `ctx`: reused when a context with the same content was prepared lately."""
    content = _content(ctx)
    key = (ctx.client.id, ctx.now, len(ctx.notes), len(ctx.facts), len(ctx.commitments))
    with _lock:
        for seen, prepared in _cache.get(key, ()):
            if seen == content:
                _cache.move_to_end(key)
                return prepared
    prepared = Prepared.of(ctx)
    with _lock:
        _cache.setdefault(key, []).insert(0, (content, prepared))
        del _cache[key][2:]
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return prepared


def clear_cache() -> None:
    """Drop every prepared evidence (tests; a process that wants its memory back)."""
    with _lock:
        _cache.clear()


def _as_of(ctx: DraftContext) -> DraftContext:
    """The context as the ledger stood at `ctx.now`: later notes, facts and promises do not exist yet.

    A message checked "as if sent at T" may rely only on what was written by T; a fact superseded
    after T is still the one in force at T.
    """
    now = ctx.now

    def by_now(moment: datetime) -> bool:
        return _aware(moment, now) <= now

    notes = [n for n in ctx.notes if by_now(n.occurred_at)]
    facts = [
        f if f.valid_to is None or not by_now(f.valid_to) else dataclasses.replace(f, valid_to=None)
        for f in (*ctx.facts, *ctx.history)
        if by_now(f.valid_from) and (f.valid_to is None or not by_now(f.valid_to))
    ]
    commitments = [c for c in ctx.commitments if by_now(c.created_at)]
    if len(notes) == len(ctx.notes) and len(facts) == len(ctx.facts) and len(commitments) == len(ctx.commitments):
        return ctx
    return dataclasses.replace(ctx, notes=notes, facts=facts, commitments=commitments)


def _normalised_notes(ctx: DraftContext) -> DraftContext:
    """The context with every note read as the draft is ("forty seats" in a note is 40 seats too)."""
    texts = [normalise(n.text).text for n in ctx.notes]
    if all(t is n.text for t, n in zip(texts, ctx.notes, strict=True)):
        return ctx
    notes = [n if t is n.text else dataclasses.replace(n, text=t) for t, n in zip(texts, ctx.notes, strict=True)]
    return dataclasses.replace(ctx, notes=notes)
