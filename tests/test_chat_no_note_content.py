"""A short line that carries no note content (no number, no date, no known client, no extracted fact, no English word
a note is made of) is small talk, whatever language it is in: a one-line reply, nothing filed, no inbox, no client.
None of the greetings below is in a word list (bot/chat/data); the short notes after them must still be filed."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.chat.inbox import inbox_items
from bot.runtime import Runtime

U = "41"

SMALL_TALK = [
    "günaydın chet, yoğun gün",  # Turkish: good morning, busy day
    "dobro jutro chet, kako si?",  # Croatian
    "hyvää huomenta kaikille",  # Finnish: good morning everyone
    "labas rytas chet",  # Lithuanian
    "sveiki, kā iet?",  # Latvian
    "ndewo chet, long day",  # Igbo greeting, English remark
    "jambo rafiki, habari yako?",  # Swahili
    "kamusta ka na chet?",  # Tagalog
    "xin chào anh chet",  # Vietnamese
    "おはようございます、チェット",  # Japanese
    "안녕하세요 chet!",  # Korean
    "שלום חבר, מה נשמע?",  # Hebrew
    "नमस्ते जी, कैसे हो?",  # Hindi
    "ขอบคุณครับ chet",  # Thai thanks
    "tack så mycket chet",  # Swedish thanks
    "köszönöm szépen, chet",  # Hungarian thanks
    "mulțumesc frumos!",  # Romanian thanks
    "dobrý den, jak se máš?",  # Czech
    "goeiemôre almal",  # Afrikaans: good morning all
    "ahoj chet, jak je?",  # Slovak
    "szia chet, mi újság?",  # Hungarian
    "tere hommikust, chet",  # Estonian
    "faleminderit shumë",  # Albanian thanks
    "mauruuru roa chet",  # Tahitian thanks
    "olá chet, tudo certo?",  # Portuguese, a question mark: still no question about a client
    "evening! hot one out there",  # English: only the weather
]

SHORT_NOTES = [
    "dana wants blue",
    "call maria fri",
    "sent quote to ahmed",
    "kenji 20 units",
    "met tom today",
    "lost the deal",
    "maria signed",
    "invoice overdue",
    "hot lead today",
    "big order today",
    "tom back monday",
    "send price list",
    "deposit paid",
    "priya loved the demo",
    "need brochure for lee",
    "busy day, dana signed",
    "good morning, quote sent",
    "hi, lost the smith deal",
    "she said yes",
    "they asked again",
]


@pytest.mark.parametrize("text", SMALL_TALK)
def test_a_short_line_without_note_content_is_small_talk(chat: Conversation, runtime: Runtime, text: str) -> None:
    replies = chat.handle_text(U, text)
    said = " ".join(r.text for r in replies)
    assert len(replies) == 1 and "Saved" not in said, said
    assert "Which client" not in said and "no note" not in said
    memory = runtime.memory(U)
    assert memory.clients() == [] and inbox_items(memory) == []


@pytest.mark.parametrize("text", SHORT_NOTES)
def test_a_short_note_is_still_filed(chat: Conversation, runtime: Runtime, text: str) -> None:
    chat.handle_text(U, "Kenji Tanaka: met at the expo")  # a known client, so "kenji 20 units" has its client
    said = " ".join(r.text for r in chat.handle_text(U, text))
    assert "Nothing to file" not in said, said
    memory = runtime.memory(U)
    assert len(memory.notes(limit=50)) + len(inbox_items(memory)) >= 2, said


def test_a_short_question_is_no_small_talk(chat: Conversation) -> None:
    said = " ".join(r.text for r in chat.handle_text(U, "when is tamar's bat mitzvah"))
    assert "Nothing to file" not in said, said


def test_a_reply_naming_a_client_still_answers_which_client(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Kenji Tanaka: met at the expo")
    chat.handle_text(U, "wants the walnut desk delivered friday")  # no name: it waits for its client
    [reply] = chat.handle_text(U, "hyvää huomenta chet")
    assert "Saved" not in reply.text and "Still waiting" in reply.text
    chat.handle_text(U, "kenji")
    memory = runtime.memory(U)
    assert inbox_items(memory) == []
    assert any("walnut" in n.text for n in memory.notes(limit=50))


def test_a_foreign_thanks_of_two_words_is_no_answer_to_which_client(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "wants the walnut desk delivered friday")
    [reply] = chat.handle_text(U, "köszönöm szépen")
    assert "Still waiting" in reply.text and runtime.memory(U).clients() == []


def test_a_new_name_still_answers_which_client(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "wants the walnut desk delivered friday")
    chat.handle_text(U, "Ngozi Okafor")
    assert [c.name for c in runtime.memory(U).clients()] == ["Ngozi Okafor"]


@pytest.mark.parametrize(
    "text", ["hey chet long day, 104 out there", "morning chet, 38 degrees already", "ugh, 13 hour day"]
)
def test_a_number_that_only_tells_the_weather_or_the_length_of_the_day_is_small_talk(
    runtime: Runtime, text: str
) -> None:
    """GREETING: the heat or the hours of the day are no note; nothing goes to the inbox."""
    chat = Conversation(runtime, transcriber=None)
    [reply] = chat.handle_text(U, text)
    assert "inbox" not in reply.text.casefold(), reply.text
    assert inbox_items(runtime.memory(U)) == []


@pytest.mark.parametrize("text", ["hey chet, 12 new leads from the expo", "40 out there, she wants 3 fans"])
def test_any_other_number_keeps_a_line_a_note(runtime: Runtime, text: str) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, text)
    assert len(inbox_items(runtime.memory(U))) == 1
