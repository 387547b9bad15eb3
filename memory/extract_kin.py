"""A relative's trait stays the relative's: "his wife Natasha ..., she's a keen cyclist" is about Natasha.

The pronoun is bound by memory.relations.relative_pronoun_clauses; this rule keeps what the clause says of
the relative ("is a keen cyclist", "loves gardening", "is into jazz") as a fact about that relative, keyed by
the relation, so nothing of it is read as the client's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from memory.records import ExtractedFact, FactKind
from memory.relations import relative_pronoun_clauses

__all__ = ["relative_traits", "without_relatives_tastes"]

I = re.IGNORECASE  # noqa: E741 - short flag alias, as in memory.extract

_TRAIT = re.compile(
    r"^(?:he|she)\s*(?:(?P<be>'s|’s|is)\s+(?P<what>(?:a|an|really|very|super|mad|crazy|obsessed|into|huge|big)\b.{2,40})"
    r"|\s(?P<verb>loves|likes|enjoys|adores|plays|collects|rides|runs|swims|paints|bakes)\s+(?P<thing>.{2,40}))$",
    I,
)
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n't\b", I)


def relative_traits(text: str) -> Iterable[ExtractedFact]:
    """Each "she's a keen cyclist" said of a relative just named, as the relative's fact (never the client's)."""
    for found in relative_pronoun_clauses(text):
        m = _TRAIT.match(found.text)
        if not m or _NEGATION.search(found.text):
            continue
        said = f"is {m['what'].strip()}" if m["be"] else f"{m['verb'].lower()} {m['thing'].strip()}"
        slug = re.sub(r"[^a-z0-9]+", "_", said.lower()).strip("_")[:40]
        yield ExtractedFact(
            FactKind.FAMILY,
            f"trait:{found.relation}:{slug}",
            said,
            f"{found.relation} {said}",
            detail={"relation": found.relation},
        )


_CLIENTS_OWN = frozenset({FactKind.PREFERENCE, FactKind.DISLIKE})


def without_relatives_tastes(facts: list[ExtractedFact], text: str) -> list[ExtractedFact]:
    """The facts with a taste dropped when only a relative's clause says it ("her sister anna, she loves orchids")."""
    clauses = relative_pronoun_clauses(text)
    if not clauses:
        return facts
    outside = text
    for c in reversed(clauses):
        outside = outside[: c.start] + " " + outside[c.end :]
    kept = []
    for fact in facts:
        value = fact.value.casefold()
        in_relative = any(value in c.text.casefold() for c in clauses)
        if fact.kind in _CLIENTS_OWN and value and in_relative and value not in outside.casefold():
            continue  # the relative's taste, not the client's
        kept.append(fact)
    return kept
