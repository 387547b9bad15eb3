"""A word that opens questions in another language but is also a name ("Que", "Apa", "Sino", "Wo") never makes a
note a question when a capitalised name follows it or when it opens "Name:"; the filler-skipping question rule
needs a question shape, so a statement that holds "when ... is" or "what ... is" is filed."""

from __future__ import annotations

import pytest

from bot.chat.routing import is_question

NOTES = [
    "Que Nguyen: wants the oak table, budget 3k",
    "Sino Pacific Freight wants a quote for 40 pallets",
    "Apa Sherpa ordered 6 tents",
    "Wo Chen wants 12 chairs delivered friday",
    "Wat Arun Trading asked for the catalogue",
    "Onde Mbeki: quote sent, follow up monday",
    "Ile Okafor signed for 3 units",
    "Lini Mwangi wants the teal fabric",
    "Kab Transport called about the invoice",
    "Wer Holdings paid the deposit",
]


@pytest.mark.parametrize("text", NOTES)
def test_a_name_that_is_also_a_question_word_opens_a_note(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "berapa budget Harald",
        "apa kabar pesanan Harald",
        "wann kommt die Lieferung für Harald",
        "que quiere Lucía",
    ],
)
def test_the_question_word_still_asks(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "also when she is back from leave send Dana the renewal",
        "ok so what she really wants is the matte finish, Dana Lee",
        "and when Marco gets the drawings he'll sign",
        "so how they pay is by wire, Tomasz said",
        "btw what Ines liked most was the walnut",
    ],
)
def test_a_subordinate_clause_after_fillers_is_a_note(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "also when is Dana back from leave",
        "ok so what did she say about the finish",
        "hmm how many chairs does Marco want",
        "and what's Ines's budget",
    ],
)
def test_an_inverted_question_after_fillers_still_asks(text: str) -> None:
    assert is_question(text)
