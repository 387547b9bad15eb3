"""Word and character lists shared by memory and bot/, read from memory/data (a reason for each entry).

Months and weekdays live here once (data/calendar_words.json); memory/dates.py, the extractor, recall and
bot/usecases read them from here.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=1)
def lookalikes() -> tuple[dict[str, str], frozenset[str]]:
    """Cyrillic/Greek letters drawn like Latin ones -> that Latin letter, and the invisible characters."""
    doc = json.loads((_DATA / "lookalikes.json").read_text(encoding="utf-8"))
    folds = {row["char"]: row["latin"] for row in doc["confusables"]}
    invisible = frozenset(chr(int(row["code"][2:], 16)) for row in doc["invisible"])
    return folds, invisible
