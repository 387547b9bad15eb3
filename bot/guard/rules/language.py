"""A draft not written in the notes' language: a warning that the guard cannot vouch for it.

Source: the guard's rules read English; a draft in German, French or Spanish to a client whose notes
are English passes every rule unread. The language is guessed from the share of a language's most
frequent function words (`data/stopwords.json`), offline; reported as `inappropriate` (warn).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import sentences
from bot.guard.values import function_word_languages

_TOKEN = re.compile(r"[^\W\d_]+")
MIN_HITS = 3  # fewer function words than this say nothing ("Hola Tom!")
MIN_SHARE = 0.2  # at least this share of the text's words are the language's function words
MARGIN = 1.5  # and this many times more than the next language's
READS = "en"  # the language the guard's rules read: a draft in any other is one they cannot vouch for


def _languages() -> dict[str, tuple[str, frozenset[str]]]:
    """Language code -> (name, function words)."""
    return function_word_languages()


@lru_cache(maxsize=256)  # the notes are the same text at every check of one client
def _hits(text: str) -> dict[str, int]:
    """How many of `text`'s words are each language's function words."""
    words = _TOKEN.findall(text.lower())
    return {code: sum(w in fn for w in words) for code, (_, fn) in _languages().items()}


@lru_cache(maxsize=256)  # the notes' language is asked again at every check
def guess_language(text: str) -> str | None:
    """The language code `text` is clearly written in, or None when the words do not say."""
    words = _TOKEN.findall(text.lower())
    if not words:
        return None
    hits = sorted(((n, code) for code, n in _hits(text).items()), reverse=True)
    (best, code), (second, _) = hits[0], hits[1]
    if best >= MIN_HITS and best >= MIN_SHARE * len(words) and best > MARGIN * second:
        return code
    return None


def _leaning(hits: dict[str, int], mine: str) -> str | None:
    """The notes' language when they are shorthand with few function words, judged against the draft's.

    A draft in a language the guard does not read needs the notes to show that language at all; an
    English draft is foreign only to notes that clearly lean to another language.
    """
    best = max(hits, key=lambda code: hits[code])
    if mine != READS:
        return (best if hits[best] else READS) if hits[mine] == 0 else None  # bare shorthand reads as English
    if hits[best] == 0 or best == mine:
        return None
    return best if hits[best] >= MIN_HITS and hits[best] > MARGIN * hits[mine] else None


class ForeignLanguage:
    """Warns on a draft clearly written in another language than the client's notes."""

    kind = "inappropriate"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One warning spanning the first sentence when the draft's language is not the notes'."""
        mine = guess_language(draft.text)
        if mine is None or not evidence.notes:
            return []
        notes = evidence.notes_text
        theirs = guess_language(notes) or _leaning(_hits(notes), mine)
        if theirs is None or theirs == mine:
            return []
        names = _languages()
        if re.search(rf"\b{names[mine][0].lower()}\b", notes.lower()):
            return []  # "happy to write in French or English": the notes say the client reads it
        first = sentences(draft.text)
        start, end = first[0] if first else (0, len(draft.text))
        message = (
            f"written in {names[mine][0]} while the notes are in {names[theirs][0]}: the guard cannot vouch for it"
        )
        return [draft.finding(self.kind, start, end, message)]
