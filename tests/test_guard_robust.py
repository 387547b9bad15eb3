"""The guard reads through disguises: look-alike letters, invisible characters, numbers in words,
other languages, risky requests and shared history in any voice. Spans stay exact substrings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.context import DraftContext
from bot.guard import check_text
from bot.guard.normalise import normalise
from bot.guard.numwords import parse_number_words
from memory.records import Client, Note

NOW = datetime(2025, 2, 25, 10, 0, tzinfo=UTC)


def _ctx(*notes: str) -> DraftContext:
    at = NOW - timedelta(days=5)
    return DraftContext(
        client=Client(1, "Hannah Price"),
        purpose="",
        now=NOW,
        notes=[Note(f"n{i}", 1, "Hannah Price", t, "import", at, at) for i, t in enumerate(notes, 1)],
    )


PINE = _ctx("Call with Hannah: wants an oak dining table. Does not want pine, finds it cheap looking.")


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [
        ("promіsed", "promised"),  # Cyrillic і
        ("рrоmisеd", "promised"),  # Cyrillic р, о, е
        ("ρrοmised", "promised"),  # Greek ρ, ο
        ("prom\u200bised", "promised"),  # zero-width space
        ("pro\u00admised", "promised"),  # soft hyphen
        ("ｐｒｏｍｉｓｅｄ", "promised"),  # full-width letters (NFKC)
        ("caf\u0065\u0301", "café"),  # a combining accent composes
    ],
)
def test_disguised_words_read_as_latin(disguised: str, plain: str) -> None:
    assert normalise(f"As {disguised}, 20% off").text == f"As {plain}, 20% off"


def test_a_russian_sentence_is_left_as_it_is() -> None:
    assert normalise("Привет, как дела?").text == "Привет, как дела?"


def test_spans_map_back_to_the_original_text() -> None:
    text = "Hi, as prom\u200bіsed: 20% off."
    norm = normalise(text)
    assert norm.text == "Hi, as promised: 20% off."
    assert norm.original_span("promised") == "prom\u200bіsed"
    assert norm.original_span("promised") in text


@pytest.mark.parametrize("pine", ["pіne", "pi\u200bne", "ｐｉｎｅ"])
def test_a_disliked_item_in_disguise_is_caught_with_an_exact_span(pine: str) -> None:
    text = f"Hi Hannah, the solid {pine} table is back in stock and would suit your dining room."
    report = check_text(text, PINE)
    assert "contradicts_preference" in {f.kind for f in report.findings}
    assert all(f.span and f.span in text for f in report.findings)


def test_the_plain_truthful_draft_still_passes() -> None:
    text = "Hi Hannah, the solid oak table is back in stock and would suit your dining room."
    assert check_text(text, PINE).verdict == "pass"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("thirty", 30),
        ("twenty-five", 25),
        ("nine thousand", 9000),
        ("two hundred and fifty", 250),
        ("a hundred and five", 105),
        ("one million two hundred thousand", 1_200_000),
        ("three million", 3_000_000),
        ("twelve", 12),
        ("nineteen ninety", None),  # a year read aloud, not one number
        ("five six", None),
    ],
)
def test_cardinals_in_words_are_parsed(phrase: str, value: int | None) -> None:
    assert parse_number_words(phrase) == value


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("thirty percent off", "30 percent off"),
        ("nine thousand euros", "9000 euros"),
        ("twenty units", "20 units"),
        ("five per cent off", "5 per cent off"),
        ("the oak one", "the oak one"),  # a lone "one" is a pronoun
        ("the Highlander seats eight", "the Highlander seats eight"),  # a small count in prose stays a word
    ],
)
def test_numbers_in_words_are_read_as_digits(text: str, read: str) -> None:
    norm = normalise(text)
    assert norm.text == read
    assert norm.original_span(norm.text) == text


TABLE = _ctx("Call with Hannah: wants an oak dining table, budget about £2,000. Needs 12 chairs for the long table.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hi Hannah, good news: thirty percent off the oak table for you this month.", "invented_commitment"),
        ("Hi Hannah, the oak table fits your budget of nine thousand pounds nicely.", "wrong_fact"),
    ],
)
def test_a_wrong_figure_in_words_is_caught(text: str, kind: str) -> None:
    report = check_text(text, TABLE)
    assert kind in {f.kind for f in report.findings}
    assert all(f.span in text for f in report.findings)


def test_a_right_figure_in_words_passes() -> None:
    text = "Hi Hannah, the oak table fits your budget of about two thousand pounds, and the twelve chairs too."
    assert check_text(text, TABLE).verdict == "pass"
