"""Word and character lists shared by memory and bot/, read from memory/data (a reason for each entry).

Months and weekdays live here once (data/calendar_words.json); memory/dates.py, the extractor, recall and
bot/usecases read them from here. This module is also bot/'s public face for the word knowledge of memory/:
the stop words, the colour words, the look-alike letters, the name lexicon (titles, nicknames, name
matching: memory/names.py), the contact-consent words (memory/consent.py), the contact constraint slots
(memory/consent_scope.py) and the one lazy loader of each dictionary Chet reads (wordfreq's word frequencies,
gender-guesser's first names: memory/dictionaries.py). bot/ imports these from here, never from the modules
that hold them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

from memory.consent import (
    ContactChannels,
    channels_in,
    contact_channels,
    fact_channels,
    messaging_app_words,
    messaging_apps,
    normal_channel,
)
from memory.consent_scope import channels_of_act, fold, note_period, slot_pattern, slot_value
from memory.dictionaries import (
    census_first_names,
    census_names_installed,
    census_surname_shares,
    first_name_detector,
    frequency_table,
    word_frequencies_installed,
    zipf_frequency,
)
from memory.fold import lookalikes
from memory.names import (
    Candidate,
    first_name,
    honorific_after,
    is_honorific_after,
    is_name_syllable,
    is_title,
    match_clients,
    nickname_variants,
    normalize,
    strip_title,
    titles,
)
from memory.relations import relative_pronoun_clauses  # public for drafting: a relative's he/she is not the client

__all__ = [
    "COLOURS",
    "MONTHS",
    "MONTH_FIRST_NAMES",
    "MONTH_NAMES",
    "NOT_CLIENTS",
    "STOPWORDS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "Candidate",
    "ContactChannels",
    "census_first_names",
    "census_names_installed",
    "census_surname_shares",
    "channels_in",
    "channels_of_act",
    "contact_channels",
    "fact_channels",
    "first_name",
    "first_name_detector",
    "fold",
    "frequency_table",
    "honorific_after",
    "is_honorific_after",
    "is_name_syllable",
    "is_title",
    "lookalikes",
    "match_clients",
    "messaging_app_words",
    "messaging_apps",
    "nickname_variants",
    "normal_channel",
    "normalize",
    "not_names",
    "note_period",
    "phrase_entries",
    "relative_pronoun_clauses",
    "rows",
    "slot_pattern",
    "slot_value",
    "strip_title",
    "titles",
    "word_frequencies_installed",
    "word_kinds",
    "zipf_frequency",
]

_DATA = Path(__file__).parent / "data"
_CALENDAR = json.loads((_DATA / "calendar_words.json").read_text(encoding="utf-8"))

# Month words (names and abbreviations, in the data file's order) -> the month's number.
MONTHS: dict[str, int] = {name: number for name, number in _CALENDAR["months"]["names"]}
# The twelve full month names, January first.
MONTH_NAMES: tuple[str, ...] = tuple(_CALENDAR["months"]["full"])
# Month names that are also first names ("April", "May"): never ruled out as a person's name.
MONTH_FIRST_NAMES: frozenset[str] = frozenset(_CALENDAR["month_first_names"]["names"])
# Full weekday names -> Python's weekday number (Monday 0).
WEEKDAYS: dict[str, int] = {name: number for name, number in _CALENDAR["weekdays"]["names"]}
# Weekday abbreviations -> weekday number; a date needs a lead word before them ("by Thu").
WEEKDAY_ABBREVIATIONS: dict[str, int] = {name: number for name, number in _CALENDAR["weekday_abbreviations"]["names"]}


def _grouped_words(name: str) -> frozenset[str]:
    """The words of memory/data/<name>.json: groups of lower-case words, each with the reason it is listed."""
    doc = json.loads((_DATA / f"{name}.json").read_text(encoding="utf-8"))
    return frozenset(w for group in doc["groups"] for w in group["words"])


# Words that carry no topic: dropping them keeps BM25 from rewarding chatter (data/stopwords.json says why each).
STOPWORDS = _grouped_words("stopwords")
# Colour words: a changed colour is a changed choice (the extractor's likes, the guard's changed_choice rule).
COLOURS = _grouped_words("colours")


@cache
def _not_name_groups() -> dict[str, frozenset[str]]:
    """memory/data/not_names.json: each named group of words that are never a person's name, with its reason."""
    doc = json.loads((_DATA / "not_names.json").read_text(encoding="utf-8"))
    return {group["name"]: frozenset(group["words"]) for group in doc["groups"]}


def not_names(*groups: str) -> frozenset[str]:
    """The lower-case words of the named groups of memory/data/not_names.json (a KeyError names an unknown group)."""
    table = _not_name_groups()
    return frozenset(w for g in groups for w in table[g])


class Phrase(NamedTuple):
    """One line of a PHRASE | KIND | REASON data file."""

    phrase: str
    kind: str
    reason: str


# Words and phrases never a client's name (greetings, thanks, command words, pronouns), each with its kind and reason:
# read by bot/chat's small-talk reader, its mention detector and its chit-chat test, all through phrase_entries.
NOT_CLIENTS = _DATA / "not_clients.txt"


@cache
def rows(path: Path, shape: str = "WORD | REASON", kinds: frozenset[str] | None = None) -> tuple[tuple[str, ...], ...]:
    """The stripped columns of each line of a `shape` file ("WORD | REASON", "WORD | KIND | REASON"), # comments and
    blank lines skipped: the one reader of bot/chat's and memory's pipe-separated word lists. A line with another
    number of columns, an empty column or (given `kinds`) a second column outside `kinds` is a ValueError naming
    the file and line."""
    width = shape.count("|") + 1
    out: list[tuple[str, ...]] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = tuple(p.strip() for p in line.split("|"))
        if len(parts) != width or not all(parts) or (kinds is not None and parts[1] not in kinds):
            raise ValueError(f"{path.name} line {n}: expected {shape}")
        out.append(parts)
    return tuple(out)


@cache
def phrase_entries(path: Path) -> tuple[Phrase, ...]:
    """The entries of a PHRASE | KIND | REASON file, as written (`rows`)."""
    return tuple(Phrase(*row) for row in rows(path, "PHRASE | KIND | REASON"))


def word_kinds(path: Path, kinds: frozenset[str]) -> dict[str, frozenset[str]]:
    """A WORD | KIND | REASON file as case-folded word -> its kinds, each kind one of `kinds` (`rows`)."""
    table: dict[str, set[str]] = {}
    for word, kind, _ in rows(path, f"WORD | {'/'.join(sorted(kinds))} | REASON", kinds):
        table.setdefault(word.casefold(), set()).add(kind)
    return {w: frozenset(k) for w, k in table.items()}
