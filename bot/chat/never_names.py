"""The words and phrases that are never a client's name (memory/data/not_clients.txt), as a plain set.

The person-mention detector (bot/chat/mentions.py) needs only the set; bot/chat/words.py reads the same file with
each entry's kind. Greetings, thanks and acknowledgements are small talk only as a whole message: inside a note
they may be part of a real name ("Shalom Cohen", "Lovely Sharma"), so they are left out of the set.
"""

from __future__ import annotations

from functools import cache

from memory import lexicon

__all__ = ["never_names", "small_talk_words"]

WHOLE_MESSAGE_ONLY = frozenset({"greeting", "thanks", "ack"})  # small talk as a whole message, maybe a name inside one


@cache
def never_names() -> frozenset[str]:
    """The listed commands, pronouns and plain words, case-folded: never a word of a person's name."""
    entries = lexicon.phrase_entries(lexicon.NOT_CLIENTS)
    return frozenset(e.phrase.casefold() for e in entries if e.kind not in WHOLE_MESSAGE_ONLY)


@cache
def small_talk_words() -> frozenset[str]:
    """The one-word greetings, thanks and acknowledgements ("shalom", "lovely"): never a name unless the name lists
    know the word as a given name (bot/chat/mentions.py decides)."""
    entries = lexicon.phrase_entries(lexicon.NOT_CLIENTS)
    return frozenset(e.phrase.casefold() for e in entries if e.kind in WHOLE_MESSAGE_ONLY and " " not in e.phrase)
