"""The guard reads through disguises: look-alike letters, invisible characters, numbers in words,
other languages, risky requests and shared history in any voice. Spans stay exact substrings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.guard import check_text
from bot.guard.normalise import normalise
from bot.guard.numwords import parse_number_words
from bot.usecases.draft_context import DraftContext
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


SHOP = _ctx(
    "Met Hannah at the Harrogate home show. Wants an oak dining table, budget about £2,000.",
    "Sent her the link to the table range, priceoak.co.uk/tables. Promised the oak finish samples and a quote.",
)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Hannah, our bank details have changed: please pay the deposit to the new account below.",
        "Hi Hannah, please note our new IBAN for the deposit.",
        "Hi Hannah, kindly transfer the deposit into our updated account from now on.",
        "Hi Hannah, could you send over your card number so I can reserve the oak table?",
        "Hi Hannah, please reply with the CVV on the back of your card.",
        "Hi Hannah, please confirm the one-time code we just texted you.",
        "Hi Hannah, please reply with your login password so I can set up your account.",
        "Hi Hannah, here is the brochure: http://oak-tables-offer.example/brochure",
        "Hi Hannah, the full range is at www.cheap-oak-deals.com today only.",
        "Hi Hannah, I've attached the warranty claim form for your signature.",
    ],
)
def test_a_risky_request_is_blocked_with_an_exact_span(text: str) -> None:
    report = check_text(text, SHOP)
    risky = [f for f in report.findings if f.kind == "risky_request"]
    assert risky and report.verdict == "block"
    assert all(f.span and f.span in text for f in risky)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Hannah, here is the table range again: priceoak.co.uk/tables - the oak one is the third.",
        "Hi Hannah, here is the range again: https://www.priceoak.co.uk/tables/oak",
        "Hi Hannah, the quote for the oak table is attached, within your budget of about £2,000.",
        "Hi Hannah, we will never ask for your card number or password by email.",
        "Hi Hannah, you can reset your password on the order page whenever you like.",
    ],
)
def test_a_link_or_attachment_the_notes_account_for_passes(text: str) -> None:
    report = check_text(text, SHOP)
    assert "risky_request" not in {f.kind for f in report.findings}, report.findings


def test_a_risky_request_in_disguise_is_still_caught() -> None:
    text = "Hi Hannah, our bаnk dеtails have chаnged, please use the new account."  # Cyrillic а and е
    report = check_text(text, SHOP)
    spans = [f.span for f in report.findings if f.kind == "risky_request"]
    assert spans and all(s in text for s in spans)


def test_the_rule_registry_holds_rules_with_a_kind() -> None:
    from bot.guard import KINDS
    from bot.guard.rules import RULES

    assert RULES and all(rule.kind in KINDS for rule in RULES)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hallo Hannah, wie besprochen schicke ich Ihnen die Muster für den Eichentisch. Viele Grüße", "German"),
        ("Bonjour Hannah, votre table en chêne est prête. Merci et à bientôt.", "French"),
        ("Hola Hannah, la mesa de roble ya está lista para usted. Un saludo.", "Spanish"),
    ],
)
def test_a_draft_not_in_the_notes_language_is_a_warning(text: str, language: str) -> None:
    report = check_text(text, SHOP)
    found = [f for f in report.findings if f.kind == "inappropriate" and "cannot vouch" in f.message]
    assert found and language in found[0].message and report.verdict != "pass"
    assert found[0].span in text


@pytest.mark.parametrize(
    "text",
    [
        "Hi Hannah, hola from the workshop! The oak table is ready whenever you are.",
        "Hi Hannah, the oak table is ready - merci for your patience.",
    ],
)
def test_an_english_draft_with_a_foreign_word_passes(text: str) -> None:
    assert check_text(text, SHOP).verdict == "pass"


def test_german_notes_and_a_german_draft_agree() -> None:
    ctx = _ctx("Treffen mit Hannah auf der Messe. Sie möchte einen Eichentisch für acht Personen und mag kein Grau.")
    text = "Hallo Hannah, der Eichentisch für acht Personen ist fertig. Viele Grüße"
    assert not [f for f in check_text(text, ctx).findings if "cannot vouch" in f.message]


VISITS = _ctx(
    "Met Hannah at the Harrogate home show, our stand. Wants an oak dining table.",
    "Showed Hannah round our Wakefield workshop; she liked the walnut as well.",
)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Hannah, remember our tour of the factory floor in Bradford? The oak table is ready.",
        "Hi Hannah, ran into you at the Leeds fair last month - great to catch up!",
    ],
)
def test_an_invented_shared_past_in_casual_words_is_flagged(text: str) -> None:
    report = check_text(text, VISITS)
    found = [f for f in report.findings if f.kind == "unsupported_claim"]
    assert found and report.verdict == "block"
    assert all(f.span in text for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Hannah, it was lovely having you at our Wakefield workshop - glad the walnut caught your eye.",
        "Hi Hannah, great meeting you at the Harrogate home show.",
        "Hi Hannah, thanks for coming round the workshop. The oak table is ready.",
        "Hi Hannah, would love to show you round the Bradford factory floor next month.",  # future: no claim
    ],
)
def test_a_truthful_or_future_meeting_passes(text: str) -> None:
    assert "unsupported_claim" not in {f.kind for f in check_text(text, VISITS).findings}


def test_the_embedder_decides_when_no_note_word_matches() -> None:
    """A claim naming something no note word matches passes only when a note sentence is alike enough."""
    from bot.guard.rules import Draft, Evidence
    from bot.guard.rules.shared_history import SharedHistory

    draft = Draft("Remember our tour of the factory floor in Bradford?")
    evidence = Evidence.of(VISITS)
    calls: list[list[str]] = []

    def embed(alike: float):
        def run(texts: list[str]):
            import numpy as np

            calls.append(texts)
            first = np.array([1.0, 0.0], dtype=np.float32)
            rest = np.array([alike, (1 - alike**2) ** 0.5], dtype=np.float32)
            return np.stack([first] + [rest] * (len(texts) - 1))

        return run

    assert SharedHistory(embed(0.9)).check(draft, evidence) == []
    assert [f.kind for f in SharedHistory(embed(0.1)).check(draft, evidence)] == ["unsupported_claim"]
    assert calls[0][0] == "Remember our tour of the factory floor in Bradford?"


PLAN = _ctx("Call with Hannah: the studio is on our Team plan, 12 seats, renews in June.")


def test_a_plan_the_notes_never_name_is_a_wrong_fact() -> None:
    text = "Hi Hannah, your Pro plan renews in June."
    found = [f for f in check_text(text, PLAN).findings if f.kind == "wrong_fact"]
    assert [f.span for f in found] == ["Pro plan"]
    assert found[0].sources == ("n1",)  # the note that records their plan


def test_the_plan_the_notes_name_passes() -> None:
    assert check_text("Hi Hannah, your Team plan renews in June.", PLAN).verdict == "pass"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("cover of R2.5 million", "cover of R2500000"),
        ("a $1.2 million budget", "a $1200000 budget"),
        ("3 thousand units", "3000 units"),
    ],
)
def test_a_figure_before_a_scale_word_is_one_number(text: str, read: str) -> None:
    assert normalise(text).text == read
