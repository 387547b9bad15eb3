"""A clause about the client, put to the client: every verb turns with its subject, or the clause is left out."""

from __future__ import annotations

import pytest

from bot.usecases.draft_details import to_you


@pytest.mark.parametrize(
    "clause,said",
    [
        ("she has 3 cats", "you have 3 cats"),
        ("he was pleased with the delivery", "you were pleased with the delivery"),
        ("she was at the trade fair", "you were at the trade fair"),
        ("he does his own plumbing", "you do your own plumbing"),
        ("she goes to the coast most summers", "you go to the coast most summers"),
        ("he plays squash", "you play squash"),
        ("she tries the walnut first", "you try the walnut first"),
        ("they were delighted", "you were delighted"),
        ("mentioned he has a trailer", "you mentioned you have a trailer"),
        ("picked a rug she loves", "you picked a rug you love"),
    ],
)
def test_the_verb_turns_with_the_subject(clause: str, said: str) -> None:
    assert to_you(clause) == said


@pytest.mark.parametrize("clause", ["she the blue one maybe", "he quickly the van"])
def test_a_clause_whose_verb_cannot_be_turned_is_left_out(clause: str) -> None:
    assert to_you(clause) == ""

