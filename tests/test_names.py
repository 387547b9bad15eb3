"""Forgiving client-name matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memory.names import Candidate, closest_names, match_clients, normalize

CLIENTS = [
    Candidate(1, "Maria López", (), "Brightline"),
    Candidate(2, "Dana Whitaker", ("Danielle Ann Whitaker",), "Acme"),
    Candidate(3, "Dana Kim", (), "Globex"),
    Candidate(4, "Robert Chen", (), None),
    Candidate(5, "José O'Neil", (), None),
]


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("maria lopez", [1]),
        ("MARIA LÓPEZ", [1]),
        ("Maria", [1]),
        ("López", [1]),
        ("Dana", [2, 3]),  # ambiguous: both
        ("Dana from Acme", [2]),
        ("dana at globex", [3]),
        ("Bob", [4]),
        ("jose oneil", [5]),
        ("Danielle Ann Whitaker", [2]),
        ("d whit", [2]),
        ("Zed", []),
        ("", []),
    ],
)
def test_match(query: str, ids: list[int]) -> None:
    assert sorted(c.client_id for c in match_clients(query, CLIENTS)) == ids


def test_suggestions_name_the_closest() -> None:
    assert closest_names("Dana Whitacker", [c.name for c in CLIENTS])[0] == "Dana Whitaker"


@given(st.text(max_size=60))
def test_matching_never_raises(query: str) -> None:
    match_clients(query, CLIENTS)
    normalize(query)


def test_a_clients_own_name_with_a_title_means_that_client() -> None:
    """A display name that holds a title still reaches its client when another client shares the rest of it."""
    clients = [Candidate(1, "Dr Amara Okafor", (), None), Candidate(2, "Amara Okafor Bello", (), None)]
    assert [c.client_id for c in match_clients("dr amara okafor", clients)] == [1]
    assert [c.client_id for c in match_clients("Amara Okafor", clients)] == [1, 2]  # still a real ambiguity


def test_a_title_joined_to_the_name_by_punctuation_is_stripped_without_looping() -> None:
    # the raw words ("Dr.-Ruiz") hide a title that the normalised words ("dr ruiz") show
    ruiz = Candidate(1, "Ana Ruiz", (), None)
    assert match_clients("Dr.-Ruiz", [ruiz]) == [ruiz]
    assert match_clients("Mr.-", [ruiz]) == []
