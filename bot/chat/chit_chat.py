"""Small talk told by what a line lacks, not by a word list: a short line with no note content in it.

Lists of greetings never keep up with the languages salespeople write in ("kia ora", "oi, tudo bem?", "danke dir").
A note carries content: a number, a date, a client, a fact the extractor finds, or an English word a note is made
of ("wants", "quote", "call"). A short line with none of these is a greeting, a thanks or a remark about the day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache, lru_cache
from itertools import pairwise

from bot.chat.mentions import STOPWORDS, dictionaries, first_name_score, verb_form, zipf
from bot.chat.never_names import small_talk_words
from bot.chat.routing import QUESTION_WORDS
from bot.chat.words import VOCATIVES, chat_words, courtesy_words, phrase_key
from memory import lexicon
from memory.dates import resolve_due
from memory.lexicon import zipf_frequency
from memory.service import offline_extract

__all__ = ["chat_signal", "no_note_content"]

MAX_WORDS = 6  # words that are not function words: "kia ora, big day at fieldays prep" is still one breath
MAX_CHARS = 60  # a longer line is a note even when its words are unknown
CLEARLY_ENGLISH = 4.5  # zipf: a word this common in English is English whatever else it is ("met", "hot")
SHORT_WORD = 2  # letters: a word this short is common in many languages, so its English frequency alone says little
VERY_COMMON = 5.0  # zipf: a short word this common is English whatever else it is ("go", "up", "ok")
ENGLISH = 3.0  # zipf: below this a word is no English a note is made of; between, it is English when no other
# Latin-script language uses it more ("invoice" stays English; "dir", "oi", "ora" are German, Portuguese, Italian)
OTHER_LANGUAGES = (
    "es",
    "pt",
    "fr",
    "de",
    "it",
    "nl",
    "id",
    "ms",
    "tr",
    "pl",
    "sv",
    "fi",
    "vi",
    "ro",
    "hu",
    "cs",
    "da",
    "nb",
)
WORD = re.compile(r"[^\W\d_][\w'’-]*")
DIGIT = re.compile(r"\d")
# a number that only tells what the day is like: the heat ("112 out there", "35 degrees already") or its length
# ("a 14 hour day"); any other number (a count, a price, a date) makes a line a note
WEATHER_NUMBER = re.compile(
    r"\b\d{1,3}\s*(?:°\s*[cf]?|degrees?\b|deg\b)|\b\d{1,3}(?=\s+(?:out\s+there|outside|in\s+the\s+shade)\b)|"
    r"\b\d{1,2}[\s-]*(?:hour|hr)s?\s+day\b",
    re.I,
)


@cache
def client_pronouns() -> frozenset[str]:
    """The pronouns that stand for a client (not_clients.txt: "she | pronoun | refers to a client"): a note's."""
    entries = lexicon.phrase_entries(lexicon.NOT_CLIENTS)
    return frozenset(e.phrase.casefold() for e in entries if e.kind == "pronoun" and "client" in e.reason)


def _free(word: str) -> bool:
    """A word that never carries a note by itself: a listed greeting, a day or mood word, a function word."""
    return (
        word in VOCATIVES
        or word in STOPWORDS
        or word in chat_words()
        or word in small_talk_words()
        or phrase_key(word) in courtesy_words()  # "buenas", "makasih", "tschüss": a greeting or thanks in any language
        or len(word) == 1  # "good morning o", "assalam o alaikum": a particle, no note
    )


@lru_cache(maxsize=10_000)
def english(word: str) -> bool:
    """Whether `word` is an English word a note could be made of, rather than a word of another language or none."""
    en = zipf(word)
    borrowed = len(word) <= SHORT_WORD and en < VERY_COMMON  # "ya", "el", "la": other languages' function words
    if not dictionaries() or (en >= CLEARLY_ENGLISH and not borrowed):
        return en >= ENGLISH
    if en < ENGLISH:
        return False
    return en >= max(zipf_frequency(word, lang) for lang in OTHER_LANGUAGES)


def chat_signal(text: str) -> bool:
    """Whether a line holds a word of talk (a greeting, "chet", a word about the day), so it is no bare new name."""
    words = [w.casefold().replace("’", "'") for w in WORD.findall(text)]
    return any(
        w in VOCATIVES
        or w in small_talk_words()
        or phrase_key(w) in courtesy_words()
        or (w in chat_words() and w not in STOPWORDS)
        for w in words
    )


def no_note_content(text: str, is_client: Callable[[str], bool]) -> bool:
    """Whether a short line carries nothing to file: no number, no client, no extracted fact, no note word.

    `is_client` tells whether a word or two (or the whole line) names a known client: "Kenji" must reach him.
    One English word outside the day-and-mood words is allowed when the line talks about the day ("kia ora, big day
    at fieldays prep", "morning! grand day for it"): the adjective of the day, never a second one ("lost the deal").
    """
    if len(text) > MAX_CHARS or DIGIT.search(WEATHER_NUMBER.sub(" ", text)):
        return False
    text = WEATHER_NUMBER.sub(" ", text)
    words = [w.casefold().replace("’", "'") for w in WORD.findall(text)]
    counted = [w for w in words if w not in STOPWORDS and w not in VOCATIVES and len(w) > 1]
    if not words or len(counted) > MAX_WORDS:
        return False
    if words[0] in QUESTION_WORDS and words[0] not in chat_words():
        return False  # "when is tamar's bat mitzvah": a question for the notes ("how's it going" is chat)
    spans = [text, *words, *(" ".join(p) for p in pairwise(words))]
    if any(is_client(s) for s in spans) or any(w in client_pronouns() for w in words):
        return False  # "she said yes": about a client, new or known
    now = datetime.now(UTC)
    if offline_extract(text, now):
        return False
    due = resolve_due(text, now)
    if due is not None and due != now.date():
        return False  # "tom back monday": a date is a note's; "hot one today" only talks about the day
    unexplained: list[str] = []
    for i, w in enumerate(words):
        if _free(w):
            continue
        if not english(w):
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if (
            after in chat_words()
            and len(after) > 2
            and resolve_due(after, now) is None
            and not verb_form(w)
            and not first_name_score(w)
        ):
            continue  # "big day", "hot one": what the day is like (never "lead today")
        unexplained.append(w)
    about_the_day = any(w in chat_words() and w not in STOPWORDS for w in words)
    return not unexplained or (len(unexplained) == 1 and about_the_day and not verb_form(unexplained[0]))
