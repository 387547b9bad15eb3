"""A take-back inside a note replaces the value just before it (usertest 9, finding 16).

"he prefers the light roast. scratch that, medium roast" keeps medium. Sentences are our own, in several trades
(issue 13, session 9).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from memory.extract import extract_facts, self_corrected

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("he prefers the light roast. scratch that, medium roast", "he prefers the medium roast"),
        ("wants 12 barstools. scratch that, 14", "wants 14 barstools"),
        ("orders 12kg a week of the house blend, no wait, 15kg", "orders 15kg a week of the house blend"),
        ("quoted the gloss finish, I mean the satin finish", "quoted the satin finish"),
        ("two pallets of pavers. make that three pallets", "three pallets of pavers"),
    ],
)
def test_the_corrected_value_replaces_the_one_before_it(text: str, kept: str) -> None:
    assert self_corrected(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "wants oak. scratch that, walnut",  # which word "walnut" replaces is a guess: left as written
        "she said scratch that idea, keep the blue one",  # inside a sentence, part of the note
        "scratch that, she wants walnut",  # opens the message: the chat's take-back, not a value's
    ],
)
def test_a_take_back_with_no_value_to_replace_is_left_as_written(text: str) -> None:
    assert self_corrected(text) == text


def test_the_preference_kept_is_the_corrected_one() -> None:
    prefs = [
        f.value for f in extract_facts("loves his espresso, he prefers the light roast. scratch that, medium roast", AT)
    ]
    assert "medium roast" in prefs and "light roast" not in prefs


def test_the_profile_shows_the_corrected_value(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text("9", "Kenji Watanabe: met at the expo, he prefers the light roast. scratch that, medium roast")
    memory = runtime.memory("9")
    [client] = memory.clients()
    values = [f.value for f in memory.facts(client.id)]
    assert "medium roast" in values and "light roast" not in values, values
