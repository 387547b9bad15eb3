"""Answer a question with the LLM from the best notes; citations are checked against what it was shown."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from bot.usecases.answer import ABSTAIN, Answer
from memory.errors import EngineError
from memory.records import Client
from memory.service import Memory
from prompts import quote, render_parts

NOTES_FOR_ANSWER = 12


class AnswerReply(BaseModel):
    """The answer prompt's JSON."""

    answer: str
    sources: list[str]
    abstained: bool


def answer_with_llm(llm: Any, memory: Memory, question: str, client: Client | None) -> Answer:
    """The model answers from the top notes; citations outside them are dropped, none means abstain."""
    hits = memory.search(question, k=NOTES_FOR_ANSWER, client=client)
    if not hits:
        return Answer(ABSTAIN, [], True, engine=getattr(llm, "name", "openai"))
    lines = [
        f"[{h.note.id}] {h.note.occurred_at.date().isoformat()} ({h.note.client}): {quote(h.note.text)}" for h in hits
    ]
    prompt = render_parts("answer", question=question, notes="\n".join(lines))
    reply = llm.structured("answer", prompt.user, AnswerReply, system=prompt.system)
    shown = {h.note.id for h in hits}
    sources = [s for s in dict.fromkeys(reply.sources) if s in shown]
    engine = getattr(llm, "name", "openai")
    if reply.abstained or not reply.answer.strip():
        return Answer(reply.answer.strip() or ABSTAIN, [], True, engine=engine)
    if not sources:
        raise EngineError("the model answered without citing a note")
    return Answer(reply.answer.strip(), sources, False, engine=engine)
