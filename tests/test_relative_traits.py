"""A relative's trait stays the relative's, never the client's (usertest 10 H2).

"his wife Natasha's birthday is 3 march, she's a keen cyclist": "she" is Natasha. Our own sentences.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from memory.extract import extract_facts
from memory.records import FactKind
from memory.relations import relative_pronoun_clauses

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("note", "relation", "said"),
    [
        ("kenji wants the walnut desk. his wife yumi, she's a keen potter", "wife", "is a keen potter"),
        ("her husband raj, he plays cricket every weekend", "husband", "plays cricket every weekend"),
        ("wants a quote for the patio. her son, he is mad about skateboarding", "son", "is mad about skateboarding"),
        ("her sister anna, she loves orchids", "sister", "loves orchids"),
    ],
)
def test_the_trait_is_the_relatives(note: str, relation: str, said: str) -> None:
    """The trait is kept under the relative; no taste of the client comes from it."""
    facts = extract_facts(note, AT)
    assert [f.text for f in facts if f.key.startswith("trait:")] == [f"{relation} {said}"]
    assert not [f for f in facts if f.kind in (FactKind.PREFERENCE, FactKind.DISLIKE)]


@pytest.mark.parametrize(
    "note",
    [
        "bought it for her daughter, she wants it in blue",  # "she" may be the client: hers stays
        "his son is at uni. he plays rugby",  # the same pronoun as the client's, a sentence later
        "loves orchids, her daughter is at school",
    ],
)
def test_a_pronoun_the_client_may_be_is_left_to_the_client(note: str) -> None:
    """Only a pronoun that cannot be the client, or one right after the relative's name, is bound."""
    assert relative_pronoun_clauses(note) == []


def test_the_clients_own_taste_said_too_stays() -> None:
    """ "loves orchids. her sister anna, she loves orchids too": the client's own taste is kept."""
    facts = extract_facts("loves orchids. her sister anna, she loves orchids too", AT)
    assert [f.text for f in facts if f.kind is FactKind.PREFERENCE] == ["loves orchids"]
