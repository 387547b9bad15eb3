"""Fact extraction by an LLM: prompts/extract.md in, typed `ExtractedFact`s out.

The caller (memory.service) stores the raw note first and falls back to the offline extractor,
telling the user, when this raises EngineError.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

import prompts
from memory.records import ExtractedFact, FactKind

if TYPE_CHECKING:  # the port only: importing bot.engines.llm loads the OpenAI SDK
    from bot.engines.llm import LLM

__all__ = ["ExtractionOut", "FactOut", "make_llm_extractor", "to_extracted"]

_KIND_ALIASES = {"date": "personal_date", "birthday": "personal_date", "contact_detail": "contact"}


class DetailItem(BaseModel):
    """An extra name/value pair about a fact, e.g. declined=grey or relation=daughter."""

    name: str
    value: str


class FactOut(BaseModel):
    """One fact as the model returns it."""

    kind: str = Field(description="one of: " + ", ".join(k.value for k in FactKind))
    key: str
    value: str
    text: str
    due: str | None = Field(description="ISO date YYYY-MM-DD, or null")
    detail: list[DetailItem]


class ExtractionOut(BaseModel):
    """The model's whole answer for one note."""

    facts: list[FactOut]


def _kind(raw: str) -> FactKind:
    """The FactKind a model's label names; an unknown label is kept as OTHER."""
    label = raw.strip().lower().replace(" ", "_").replace("-", "_")
    label = _KIND_ALIASES.get(label, label)
    try:
        return FactKind(label)
    except ValueError:
        return FactKind.OTHER


def _due(raw: str | None) -> date | None:
    """An ISO date (or the date part of an ISO datetime); None when absent or unreadable."""
    if not raw or not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip()[:10])
    except ValueError:
        return None


def to_extracted(out: FactOut) -> ExtractedFact | None:
    """Convert one model fact to an ExtractedFact; None when it has no value."""
    value = out.value.strip()
    if not value:
        return None
    kind = _kind(out.kind)
    detail = {d.name.strip(): d.value.strip() for d in out.detail if d.name.strip() and d.value.strip()}
    if kind is FactKind.OTHER and out.kind.strip().lower() != "other":
        detail.setdefault("model_kind", out.kind.strip()[:40])
    due = _due(out.due)
    if due is None and out.due and out.due.strip().lower() not in {"null", "none"}:
        detail.setdefault("due_raw", out.due.strip()[:40])
    key = out.key.strip().lower() or kind.value
    return ExtractedFact(kind=kind, key=key, value=value, text=out.text.strip() or value, due=due, detail=detail)


def make_llm_extractor(llm: LLM) -> Callable[[str, datetime], list[ExtractedFact]]:
    """An extractor (note text, note time) -> facts backed by `llm`; raises EngineError on failure."""

    def extract(text: str, at: datetime) -> list[ExtractedFact]:
        system, user = prompts.render_parts("extract", note=prompts.quote(text), at=at.isoformat())
        out = llm.structured("extract", user, ExtractionOut, system=system)
        facts = [to_extracted(f) for f in out.facts]
        return [f for f in facts if f is not None]

    return extract
