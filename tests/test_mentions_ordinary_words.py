"""Ordinary words taken for a new client's name (issue 13, reviewer's regression).

A family name written first ("min", "tan", "sun" are also English words) or a name particle ("de", "el", "e",
"van") made new clients of phrases: "min order" -> "Min Order", "herb de provence" -> "Herb de Provence". Such a
pattern is a name only with a second sign: capitals, a title or introducing word, or name words English rarely uses.
"""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.chat.mentions import NEW_NAME_THRESHOLD, mentions
from bot.runtime import Runtime


def new_names(note: str) -> list[str]:
    """The new full names a note would file a client under (score at or over the threshold)."""
    return [m.name for m in mentions(note, []) if not m.known and m.score >= NEW_NAME_THRESHOLD]


@pytest.mark.parametrize(
    "note",
    [
        # the reviewer's: a family name that is an English word, written first, in lower case
        "min order is 50 units for the chairs",
        "ha ha he laughed at the price",
        "tan leatherette seats he liked best",
        "sun lounger for the patio, two of them",
        # invented, same class
        "moon cake order for the gala",
        "han solo figure as a desk gift",
        "park bench quote sent",
        # the reviewer's: a particle between two ordinary words
        "herb de provence tin for his wife as a gift idea",
        "rose e lily flowers on the tables",
        "dean van rental needed friday",
        "june el paso trip is booked",
        # invented, same class
        "grace de luxe package was his pick",
        "chase y bank sent the wire",
        "mark van delivery at noon",
        # the reviewer's: a first name that is an English word, then a word no surname list favours
        "penny ante stuff, skip it",
    ],
)
def test_ordinary_words_make_no_new_client(note: str) -> None:
    """No second sign (capitals, a cue, a word English lacks): the phrase is words, not a person."""
    assert new_names(note) == []


@pytest.mark.parametrize(
    ("note", "want"),
    [
        ("daan de vries test rode the cargo bike", "Daan de Vries"),
        ("met nguyen van minh at the fair", "Nguyen van Minh"),
        ("lee ji-hoon from Seocho Eye Clinic", "Lee Ji-hoon"),
        ("tanaka yuki-san from Hoshino Electronics", "Tanaka Yuki"),
        ("kim park HR at vexa, handles offers", "Kim Park"),  # a census-sure "kim" keeps its English order
        # the same ordinary-word shapes with a second sign stay names
        ("Min Order? no: met Tan Wei Ling at the expo, wants 40 chairs", "Tan Wei Ling"),
        ("met rose de souza at the fair, wants 40 chairs", "Rose de Souza"),
        ("chat w/ Dean Van Rensburg about the fleet", "Dean Van Rensburg"),
    ],
)
def test_names_with_a_second_sign_stay(note: str, want: str) -> None:
    """Rare name words, an introducing word or capitals keep the family-first and particle names."""
    assert want in new_names(note)


@pytest.mark.parametrize(
    "note",
    [
        "min order is 50 units for the chairs",
        "ha ha he laughed at the price",
        "herb de provence tin for his wife as a gift idea",
        "tan leatherette seats he liked best",
    ],
)
def test_the_reviewers_chat_files_no_ordinary_words_as_a_client(
    chat: Conversation, runtime: Runtime, note: str
) -> None:
    """After "Tom Baker wants 40 chairs for the gala", each follow-up was "Saved for Min Order, a new client"."""
    first = chat.handle_text("777", "Tom Baker wants 40 chairs for the gala")
    assert first[0].text.startswith("Saved for Tom Baker"), first[0].text
    replies = chat.handle_text("777", note)
    assert all("a new client" not in r.text for r in replies), [r.text for r in replies]
    assert sorted(c.name for c in runtime.memory("777").ledger.clients()) == ["Tom Baker"]
