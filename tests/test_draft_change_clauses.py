"""Drafts say details, not that something changed: a clause that only says "changed her mind" is never said to the
client, and a promised thing in the plural agrees ("the samples are on my list").

Class: DRAFTTHIN / DRAFTBAD ("Just to confirm what I have: you changed your mind."; "the samples is on my list").
"""

from __future__ import annotations

import pytest

from bot.usecases.draft_details import _only_a_change
from bot.usecases.draft_offline import _plural


@pytest.mark.parametrize("text", ["changed her mind", "she changed his mind", "called back - changed their mind"])
def test_a_clause_that_only_says_a_change_carries_no_detail(text: str) -> None:
    assert _only_a_change(text)


@pytest.mark.parametrize("text", ["changed her mind, the green after all", "make it 14 chairs", "switched to the oak"])
def test_a_change_with_its_new_value_is_a_detail(text: str) -> None:
    assert not _only_a_change(text)


@pytest.mark.parametrize(
    ("phrase", "plural"),
    [("the samples", True), ("2 quotes", True), ("the glass", False), ("the quote", False), ("the bus", False)],
)
def test_the_verb_agrees_with_the_promised_thing(phrase: str, plural: bool) -> None:
    assert _plural(phrase) is plural
