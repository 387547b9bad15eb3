"""A salesperson's real day, set 2 (issue 13), the fact side: one test per class of wrong fact the graders found.

Classes (benchmarks/results/grades-days2/grades-*-Z.json, class FACTS): a relative's milestone birthday
filed as the client's own; a relative named in lower case lost; the client's own promise made mine;
a change of quantity or channel that left the old value current; nonsense parses. The notes are other
wording than the scripts' (other names, trades and dates), so a test passes on the class, not the line.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from memory.extract import extract_facts
from memory.projection import NoteFacts, replay
from memory.records import ExtractedFact, FactKind

AT = datetime(2026, 3, 2, 10, tzinfo=UTC)  # a Monday


def _facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, AT)


def _current(*notes: str) -> list[str]:
    """The current facts' texts after replaying the notes a day apart."""
    replayed = [
        NoteFacts(f"n{i}", AT + timedelta(days=i), tuple(extract_facts(text, AT + timedelta(days=i))))
        for i, text in enumerate(notes)
    ]
    return [f.text for f in replay(replayed) if f.valid_to is None]


def test_a_relatives_milestone_birthday_stays_the_relatives() -> None:
    for note, relation, age in [
        ("her mum's 75th birthday is june 9, wants the patio done before then", "mother", "75"),
        ("erin's nan's 90th is on june 9, she wants a cake stand", "grandmother", "90"),
        ("he wants the deck finished before his dad's 60th on march 14", "father", "60"),
    ]:
        dates = [f for f in _facts(note) if f.kind is FactKind.PERSONAL_DATE]
        assert [(f.key, f.detail.get("age")) for f in dates] == [(f"birthday:{relation}", age)], note


def test_a_relative_who_turns_an_age_is_named_even_in_lower_case() -> None:
    (fact,) = [f for f in _facts("omar's daughter leila turns 6 on may 4, party at the park") if f.key.startswith("birthday")]
    assert fact.key == "birthday:daughter" and fact.detail["name"] == "Leila" and fact.due is not None
    (law,) = [f for f in _facts("his father-in-law turns 80 on march 3") if f.key.startswith("birthday")]
    assert law.key == "birthday:father-in-law" and "father-in-law turns 80" in law.text
