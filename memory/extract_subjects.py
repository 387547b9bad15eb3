"""Whose "will ..." a subject-less clause is, when the subject was dropped after a comma.

Salespeople type "he wants to think about it, will get back to us in january": the second clause has no
subject, and a bare "will" in a salesperson's shorthand is usually "I will" ("called her, will send the
deck friday"). When the clause before the comma is about the client (he, she, they) and what follows is the
client's own kind of reply (getting back, deciding, thinking it over), the subject carries on: the promise is
the client's, something to wait for, never the salesperson's. Words are data: the `client_reply` list of
`memory/data/everyday_words.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import cache

from memory.extract_more import words
from memory.records import ExtractedFact, FactKind

__all__ = ["client_carries_on", "client_reply"]

I = re.IGNORECASE  # noqa: E741 - short flag alias, as in memory.extract

_NEGATION = re.compile(r"\b(?:not|never)\b|n't\b", I)
_BARE = re.compile(r"^\s*(?:will|'ll|’ll|going\s+to|gonna)\s*$", I)
# the clause before names the client as its subject: "he wants to ...", "she's away", "they said ..."
_THIRD_PERSON = re.compile(r"^\s*(?:(?:and|but|so|then)\s+)?(?:she|he|they|client|the\s+client)(?:'s|'re|\b)", I)


@cache
def _reply_re() -> re.Pattern[str]:
    phrases = sorted(words("client_reply"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(r"^\s*(?:" + alternation + r")\b", I)


def client_carries_on(before: str, trigger: str, rest: str) -> bool:
    """Whether "..., will get back to us" continues the client's clause before the comma (theirs, not mine)."""
    if not _BARE.match(trigger):
        return False
    parts = re.split(r"[,;]|\s+-\s+", before)
    if len(parts) < 2 or parts[-1].strip():
        return False  # the "will" does not start a part: it has a subject of its own
    return bool(_THIRD_PERSON.match(parts[-2])) and bool(_reply_re().match(rest))


_CLIENT_WILL = re.compile(
    r"(?:^|[,;]|\s-\s)\s*(?P<who>(?:(?:and|but|so|then)\s+)?(?:she|he|they|client|the\s+client)\s*)?(?:will|'ll|’ll)\s+"
    r"(?P<rest>[^,;.!?()]+)",
    I,
)


def client_reply(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """ "she needs to ask her bank, will let us know in january": the client's reply, something I wait for."""
    for m in _CLIENT_WILL.finditer(clause):
        before = clause[: m.start()]
        theirs = m["who"] or (before.strip() and _THIRD_PERSON.match(re.split(r"[,;]|\s+-\s+", before)[-1]))
        if not theirs or not _reply_re().match(m["rest"]) or _NEGATION.search(m["rest"]):
            continue
        shown = " ".join(m["rest"].split())
        if len(shown.split()) > 12:
            continue
        key = "waiting:" + re.sub(r"[^a-z0-9%$]+", "_", shown.lower()).strip("_")[:48]
        yield ExtractedFact(FactKind.OTHER, key, shown, f"they will {shown}")
        return
