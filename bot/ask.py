"""Answer a question from the notes, citing them, or abstain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from memory import names
from memory.errors import ChetError
from memory.recall import query_terms
from memory.records import Client, Fact, FactKind, SearchHit
from memory.service import Memory, shown_facts

ABSTAIN = "I have no note about that."

# Question words that point at a kind of fact.
INTENTS: list[tuple[re.Pattern[str], set[FactKind]]] = [
    (
        re.compile(r"\b(like|likes|love|loves|prefer|prefers|preference|favou?rite|want|wants|into|enjoy)\b", re.I),
        {FactKind.PREFERENCE, FactKind.DISLIKE},
    ),
    (
        re.compile(r"\b(dislike|dislikes|hate|hates|avoid|allerg\w*|not like|doesn'?t like|declined?)\b", re.I),
        {FactKind.DISLIKE},
    ),
    (re.compile(r"\b(birthday|born|anniversary|birth)\b", re.I), {FactKind.PERSONAL_DATE}),
    (
        re.compile(r"\b(kids?|children|child|daughter|son|wife|husband|partner|spouse|family|married)\b", re.I),
        {FactKind.FAMILY},
    ),
    (re.compile(r"\b(where|live|lives|based|located|city|town)\b", re.I), {FactKind.LOCATION}),
    (re.compile(r"\b(email|phone|reach|contact|call|text)\b", re.I), {FactKind.CONTACT, FactKind.CONSENT}),
    (re.compile(r"\b(opt(ed)?[- ]?out|unsubscribe|consent|stop)\b", re.I), {FactKind.CONSENT}),
]
INTENT_WORDS = {
    "like",
    "love",
    "prefer",
    "preference",
    "favourite",
    "favorite",
    "want",
    "into",
    "enjoy",
    "dislike",
    "hate",
    "avoid",
    "declin",
    "birthday",
    "born",
    "birth",
    "anniversary",
    "kid",
    "children",
    "child",
    "family",
    "married",
    "live",
    "based",
    "locat",
    "city",
    "town",
    "contact",
    "reach",
    "doe",
    "doesn",
    "favorit",
    "favourit",
}
SYNONYMS = {
    "colour": "color",
    "colours": "color",
    "colors": "color",
    "kid": "child",
    "children": "child",
    "allergy": "allergic",
    "allerg": "allergic",
}
PROMISE = re.compile(r"\b(promise[sd]?|owe|committed|commitment|due|follow[- ]?up)\b", re.I)


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


def client_in_question(memory: Memory, question: str) -> Client | None:
    """The one client a question names ("what does Dana like?"), if exactly one matches."""
    words = set(names.normalize(question).split())
    hits = []
    for c in memory.ledger.clients():
        candidates = {names.normalize(c.name)} | {names.normalize(a) for a in c.aliases}
        if c.goes_by:
            candidates.add(names.normalize(c.goes_by))
        first = names.normalize(names.first_name(c.name))
        full_hit = any(cand and cand in names.normalize(question) for cand in candidates if " " in cand)
        if full_hit or first in words or (c.goes_by and names.normalize(c.goes_by) in words):
            hits.append(c)
    return hits[0] if len(hits) == 1 else None


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _support(question_terms: set[str], text: str) -> int:
    note_terms = {_stem(t) for t in query_terms(text)}
    return len(question_terms & note_terms)


def answer_offline(memory: Memory, question: str, client: Client | None) -> Answer:
    """Facts of the kind asked about first, then the best notes that share words with the question."""
    client = client or client_in_question(memory, question)
    facts = shown_facts(_facts_for(memory, question, client))
    if facts:
        if client:
            lines = [f"- {f.text} (since {f.valid_from.date().isoformat()})" for f in facts[:6]]
            head = f"{client.name}:"
        else:
            owners = {c.id: c.name for c in memory.ledger.clients()}
            lines = [
                f"- {owners.get(f.client_id, '?')}: {f.text} (since {f.valid_from.date().isoformat()})"
                for f in facts[:8]
            ]
            head = "From your clients' facts:"
        sources = list(dict.fromkeys(s for f in facts[:8] for s in f.source_ids))
        return Answer(head + "\n" + "\n".join(lines), sources, False)
    name_terms: set[str] = set()
    if client:
        name_terms = {_stem(w) for w in names.normalize(" ".join([client.name, *client.aliases])).split()}
    terms = {_stem(t) for t in query_terms(question)} - name_terms
    if not terms:
        return Answer(ABSTAIN, [], True)
    hits: list[SearchHit] = memory.search(question, k=8, client=client)
    supported = [h for h in hits if _support(terms, h.note.text) > 0]
    if not supported:
        return Answer(ABSTAIN, [], True)
    best = max(_support(terms, h.note.text) for h in supported)
    chosen = [h for h in supported if _support(terms, h.note.text) >= max(1, best - 1)][:3]
    lines = [
        f"- {h.note.occurred_at.date().isoformat()} ({h.note.client}): {h.note.text} [{h.note.id}]" for h in chosen
    ]
    return Answer("From your notes:\n" + "\n".join(lines), [h.note.id for h in chosen], False)


def _facts_for(memory: Memory, question: str, client: Client | None) -> list[Fact]:
    """Facts of the kinds the question asks about, of one client or (no client named) of all."""
    kinds: set[FactKind] = set()
    for pattern, wanted in INTENTS:
        if pattern.search(question):
            kinds |= wanted
    if not kinds:
        return []
    facts = [f for f in memory.ledger.facts(client.id if client else None) if f.kind in kinds]
    # "favourite football team?" must not be answered with her favourite colour: topic words must match.
    name_words = set()
    if client:
        name_words = {_stem(w) for w in names.normalize(" ".join([client.name, *client.aliases])).split()}
    topic = {SYNONYMS.get(t, t) for t in (_stem(w) for w in query_terms(question))} - INTENT_WORDS - name_words
    if not topic:
        return facts
    return [
        f
        for f in facts
        if topic & {SYNONYMS.get(t, t) for t in (_stem(w) for w in query_terms(f"{f.key} {f.value} {f.text}"))}
    ]


def answer(memory: Memory, question: str, client: Client | None, llm: Any = None) -> Answer:
    """Answer with citations or abstain: the LLM when configured (checked against the notes), else offline."""
    question = question.strip()
    if not question:
        from memory.errors import BadInput

        raise BadInput("the question is empty")
    offline = answer_offline(memory, question, client)
    if llm is None:
        return offline
    from bot.llm_answer import answer_with_llm

    try:
        return answer_with_llm(llm, memory, question, client or client_in_question(memory, question))
    except ChetError as err:
        offline.notices.append(f"{err}; this answer was found offline")
        return offline
