"""A relative's name in any Latin script ("Bảo", "Łucja", "Ömer", "Đức") keeps the date and the family fact theirs.

Class: RELATIVE / FACTS (a name with a letter beyond Latin-1 was no name, so "her son Bảo turns 10 on ..." gave
nothing: no son, no son's birthday, and the guard could not tell a wish to the client was misplaced).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from memory.extract import extract_facts

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "relation", "name"),
    [
        ("her son Bảo turns 10 on march 20, she told me twice", "son", "Bảo"),
        ("his daughter Łucja turns 7 on April 9", "daughter", "Łucja"),
        ("her husband Ömer turns 60 on may 4, big party", "husband", "Ömer"),
        ("their son Đức turns 12 on March 28", "son", "Đức"),
    ],
)
def test_the_relatives_birthday_is_theirs(text: str, relation: str, name: str) -> None:
    facts = extract_facts(text, AT)
    dates = [f for f in facts if f.kind.value == "personal_date"]
    assert dates and dates[0].key == f"birthday:{relation}", facts
    assert dates[0].detail.get("name") == name
    assert any(f.kind.value == "family" and f.value == name for f in facts)


def test_a_lower_case_word_after_a_relation_is_still_no_capitalised_name() -> None:
    """ "her son ảnh" (a word, not typed as a name) makes no son called so."""
    assert not [f for f in extract_facts("her son loved the photos", AT) if f.kind.value == "family" and f.value]
