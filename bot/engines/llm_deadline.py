"""One deadline for a whole use case's LLM calls (a draft and its regenerations, a bot reply).

Kept apart from `bot.engines.llm` so that callers can set a deadline without importing the OpenAI SDK.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["deadline_left", "llm_deadline"]

# The deadline (time.monotonic) of the use case running in this thread or task, if any.
_DEADLINE: ContextVar[float | None] = ContextVar("chet_llm_deadline", default=None)


@contextmanager
def llm_deadline(seconds: float) -> Iterator[None]:
    """Every LLM call inside this block ends by `seconds` from now (an enclosing, earlier deadline wins)."""
    outer = _DEADLINE.get()
    mine = time.monotonic() + seconds
    token = _DEADLINE.set(mine if outer is None else min(outer, mine))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def deadline_left() -> float | None:
    """Seconds left of the enclosing use case's deadline (may be negative), or None outside one."""
    deadline = _DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()
