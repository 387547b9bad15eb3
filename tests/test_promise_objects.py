"""Promises typed the short way: "promised it" names what the client asked for; one verb, two things, two days.

Sentences are our own, in several trades. Class: PROMISEMISS (a promise whose object is a pronoun, or the second
of two dated things after one "promised", was never recorded, so the digest and "what did I promise?" missed it).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from memory.extract import extract_facts

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


def _promises(text: str) -> list[tuple[str, date | None]]:
    return [(f.text, f.due) for f in extract_facts(text, AT) if f.kind.value == "commitment"]


@pytest.mark.parametrize(
    ("text", "thing", "due"),
    [
        ("the brewery wants a quote for 12 fermenters by thursday, promised it", "quote", date(2026, 3, 5)),
        ("dr amari needs loaner scopes. promised them by friday", "loaner scopes", date(2026, 3, 6)),
        ("kim asked for the wedding menu, promised it by wednesday", "wedding menu", date(2026, 3, 4)),
        ("wants floor samples for the lobby, I'll send them tomorrow", "floor samples", date(2026, 3, 3)),
    ],
)
def test_a_promised_pronoun_is_the_thing_asked_for(text: str, thing: str, due: date) -> None:
    found = _promises(text)
    assert found and thing in found[0][0], found
    assert found[0][1] == due


@pytest.mark.parametrize(
    "text",
    [
        "promised them a discount code by friday",  # them: who it is for; the thing is named
        "promised it to her",  # nothing asked for
    ],
)
def test_a_pronoun_that_is_not_the_thing_names_nothing_new(text: str) -> None:
    assert all("discount code" in t or not t for t, _ in _promises(text))
    assert not any(" it " in f" {t} " or " them " in f" {t} " for t, _ in _promises(text))


def test_one_verb_two_things_two_days_are_two_promises() -> None:
    found = _promises("promised rafa a fabric card by tuesday and a cushion sample by March 12")
    assert ("promised a fabric card by Tue 3 Mar", date(2026, 3, 3)) in found
    assert any("cushion sample" in t and d == date(2026, 3, 12) for t, d in found), found


def test_two_things_with_one_day_stay_one_promise() -> None:
    """ "the deck and the pricing by friday": one due day, no second promise made up from the list."""
    assert len(_promises("promised her the deck and the pricing by friday")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "needs the vans before Diwali, promised pricing by wednesday",
        "wants it done before Christmas; promised the drawings by friday",
        "install after Ramadan - promised a site visit by thursday",
    ],
)
def test_a_capitalised_word_ending_the_fragment_before_is_no_subject(text: str) -> None:
    """A holiday or a place that ends the fragment before "promised" is not who promised: the promise is mine."""
    assert _promises(text), text


@pytest.mark.parametrize(
    ("text", "thing", "due"),
    [
        ("told amaka i'd hold the red sofa till saturday", "hold the red sofa", date(2026, 3, 7)),
        ("assured ifeoma we'd set aside the 20 chairs until friday", "set aside the 20 chairs", date(2026, 3, 6)),
        ("promised kenji to hold the demo unit until wednesday", "hold the demo unit", date(2026, 3, 4)),
    ],
)
def test_holding_an_item_for_a_client_is_a_promise_told_to_a_lower_case_name(text: str, thing: str, due: date) -> None:
    """PROMISEMISS: "told <name> I'd hold X till friday": keeping an item back is a promise, whoever it was told to
    (a name typed in lower case, accented or not)."""
    promises = _promises(text)
    assert any(thing in t and d == due for t, d in promises), promises


def test_a_second_promise_after_and_is_kept_with_the_first() -> None:
    promises = _promises("told bongani i'd hold the blue kayak till friday and call him when it's serviced")
    assert [t for t, _ in promises] == ["promised to hold the blue kayak by Fri 6 Mar", "promised to call"]
