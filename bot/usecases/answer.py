"""An answer to a question, with the note ids behind it, or an abstention: what `ask` returns, offline or by LLM."""

from __future__ import annotations

from dataclasses import dataclass, field

ABSTAIN = "I have no note about that."


@dataclass
class Answer:
    """An answer with the note ids behind it, or an abstention."""

    answer: str
    sources: list[str]
    abstained: bool
    engine: str = "offline"
    notices: list[str] = field(default_factory=list)
