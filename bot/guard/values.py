"""Word classes the guard's rules share about values: time words (never what a figure is about) and clock times.

Figures themselves are read by `bot.guard.figures`; their current values by `bot.guard.current`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.guard.text import _stem
from bot.guard.when import _MONTHS, _WEEKDAYS

_TIME_WORDS = frozenset(
    {_stem(w) for w in ("today", "tomorrow", "yesterday", "week", "weeks", "month", "year", "morning",
                        "afternoon", "evening", "night", "day", "days", "time", "date", "next", "last", "this")}
    | set(_WEEKDAYS) | set(_MONTHS)
)  # fmt: skip
_CLOCK_RE = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b24/7\b"
    r"|(?<=after )\d{1,2}\b(?=\s+(?:with|and|or|on|if|so|then)\b|\s*[,.;!?]|$)"
    # "open at 9.", "by 5, latest": an hour after a time preposition at a clause's end; "14h", "9h30": French,
    # Portuguese and Spanish hours
    r"|(?:(?<=\bat )|(?<=\bby )|(?<=until )|(?<=\btill )|(?<=before ))\d{1,2}\b(?![.,]\d)(?=\s*[,.;!?)]|\s*$|\s+(?:and|or|sharp|latest)\b)"
    r"|\b(?:\d{1,2}\s?[-–]\s?)?\d{1,2}h(?:\d{2})?\b"
)


@lru_cache(maxsize=1)
def function_word_languages() -> dict[str, tuple[str, frozenset[str]]]:
    """Language code -> (name, function words) of `data/stopwords.json`: the one reader of that file."""
    doc = json.loads((Path(__file__).parent / "data" / "stopwords.json").read_text(encoding="utf-8"))
    return {code: (row["name"], frozenset(row["words"])) for code, row in doc["languages"].items()}


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The function words of every language the guard reads (`data/stopwords.json`: articles, pronouns,
    prepositions): a capitalised one ("Con", "Der", "Avec") starts a clause, it names nothing."""
    return frozenset(w for _, words in function_word_languages().values() for w in words)
