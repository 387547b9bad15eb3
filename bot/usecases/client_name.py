"""How a client is called: which words of a display name are a title, a job title or a relation word, and the
name the client is greeted by. Shared by the ask and draft use cases (a name rule, not a drafting rule)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from memory import lexicon

_DATA = Path(__file__).parent / "data" / "draft_words.json"
# courtesy titles that are never a given name: always dropped before a name
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "mr.", "mrs.", "ms.", "dr.", "prof."}


def not_a_name(word: str) -> bool:
    """A courtesy title (memory's list), a job title or a relation word (draft_words.json greeting_roles)."""
    w = word.casefold().rstrip(".,")
    return w in _TITLES or lexicon.is_title(w) or bool(_words("greeting_roles").fullmatch(w))


def short_name(display: str) -> str:
    """The first word of a display name that is no title ("Director Hana Novak" -> "Hana"); a word that is also
    a given name or surname (draft_words.json "titles_also_names": "Dean Morris", "Dona Reyes") is a title only
    when a full name of two more words follows it, so the name left is never a bare surname."""
    words = display.split()
    for i, w in enumerate(words):
        also_a_name = bool(_words("titles_also_names").fullmatch(w.casefold().rstrip(".,")))
        if not not_a_name(w) or (also_a_name and len(words) - i - 1 < 2):
            return w
    return display


@cache
def _words(name: str) -> re.Pattern[str]:
    """One whole-word pattern for a word list of draft_words.json."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    found = sorted((w for e in doc.get(name, []) for w in e["words"]), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in found) + r")", re.I)
