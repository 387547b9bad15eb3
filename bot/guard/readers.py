"""One draft read by a rule family's reader: a `GuardBase` subclass built on the rule's evidence.

The older rule families (`claims`, `hearsay`, `events`, `offers`) read the draft through `GuardBase`'s
helpers (the ledger as dated documents, negation, in-person cues). Each is now a reader class used by one
rule module in `bot/guard/rules/`, not a mixin of the guard: `read` builds the reader on the evidence the
rule was given, sharing its memo, so what a reader derives from the context alone is built once per
prepared evidence.
"""

from __future__ import annotations

from typing import TypeVar

from bot.guard.evidence import Prepared
from bot.guard.rules.base import Draft, Evidence
from bot.guard.truth import GuardBase

R = TypeVar("R", bound=GuardBase)


def read(reader: type[R], draft: Draft, evidence: Evidence) -> R | None:
    """`reader` on this draft and evidence, or None when the evidence carries no context."""
    if evidence.context is None:
        return None
    return reader(draft.text, evidence.context, Prepared(evidence.context, evidence, evidence.memo))
