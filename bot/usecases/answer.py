"""An answer to a question, with the note ids behind it, or an abstention: what `ask` returns, offline or by LLM."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ABSTAIN = "I have no note about that."


@dataclass
class Answer:
    """An answer with the note ids behind it, or an abstention."""

    answer: str
    sources: list[str]
    abstained: bool
    engine: str = "offline"
    notices: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON shape (plus engine and notices)."""
        return {
            "answer": self.answer,
            "sources": self.sources,
            "abstained": self.abstained,
            "engine": self.engine,
            "notices": self.notices,
        }
