"""Bad news is a person's hardship, not business talk: an ordinary note never makes drafts condolences."""

from __future__ import annotations

import pytest

from bot.guard.sensitive import _bad_news


@pytest.mark.parametrize(
    "note",
    [
        "walked the plant floor, their whole operation runs on two shifts",
        "she complained their current vendor is slow, wants a quote from us",
        "he was annoyed with the other dealer, keen to switch",
        "said the other vendor threatened to raise prices if they leave",
    ],
)
def test_business_talk_is_no_bad_news(note: str) -> None:
    assert not _bad_news(note)


@pytest.mark.parametrize(
    "note",
    [
        "her father was rushed to hospital on sunday",
        "he's still in hospital, knee replacement went badly",
        "had a bad fall at home, off work for weeks",
        "his wife is having an operation next month",
    ],
)
def test_a_persons_hardship_is_bad_news(note: str) -> None:
    assert _bad_news(note)
