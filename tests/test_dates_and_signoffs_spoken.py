"""Spoken-style dates and sign-off rules with words between the person and the verb (usertest 10 H8).

"turns 7 on the 19th of december" lost the birthday; "marisol is the one who decides on purchases over
10k" and "Arjun is the accountant and signs off anything over £2k" lost the sign-off. Our own sentences.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from memory.extract import extract_facts

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("note", "key", "day"),
    [
        ("her daughter amara turns 9 on the 2nd of february", "birthday:daughter", date(2027, 2, 2)),
        ("his son turns 12 on the 21st of december so a card would be nice", "birthday:son", date(2026, 12, 21)),
        ("her dad turns 70 on 14th jan", "birthday:father", date(2027, 1, 14)),
        ("his wife's birthday is on the 3rd of march", "birthday:wife", date(2027, 3, 3)),
        ("she turns 50 on january the 8th", "birthday", date(2027, 1, 8)),
    ],
)
def test_the_nth_of_month_is_read_in_a_birthday(note: str, key: str, day: date) -> None:
    """Every spoken order of day and month gives the birthday, with the relative it belongs to."""
    (fact,) = [f for f in extract_facts(note, AT) if f.key.startswith("birthday")]
    assert (fact.key, fact.due) == (key, day)


@pytest.mark.parametrize(
    ("note", "who", "threshold"),
    [
        ("his partner marisol is the one who decides on purchases over 10k", "Marisol", "10000"),
        ("her husband Arjun is the accountant and signs off anything over £2k", "Arjun", "2000"),
        ("Priyanka, who runs the office, approves anything above $3,500", "Priyanka", "3500"),
        ("the practice manager is the one who signs off anything over €15k", "manager", "15000"),
        ("her brother Tomas is their finance guy and approves spend over 7k", "Tomas", "7000"),
    ],
)
def test_a_sign_off_with_words_between_person_and_verb(note: str, who: str, threshold: str) -> None:
    """A cleft, a role joined by "and" or an appositive does not hide who signs off, nor the limit."""
    (fact,) = [f for f in extract_facts(note, AT) if f.key == "decision_maker"]
    assert who in fact.text and fact.detail["threshold"] == threshold


def test_no_sign_off_from_a_role_alone() -> None:
    """ "is the accountant and lives in leeds": a role, no decision."""
    assert not [
        f
        for f in extract_facts("her husband Arjun is the accountant and lives in leeds", AT)
        if f.key == "decision_maker"
    ]
