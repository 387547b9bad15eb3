"""Button data: what Chet puts in a button (a kind and an id, never user text) and how a tap is parsed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.chat.reply import MAX_CALLBACK_BYTES

__all__ = ["CALLBACK_REFS", "Callback", "parse_callback"]

_NUMBER = r"[0-9]{1,18}"  # ASCII digits only, and small enough for a SQLite integer
CALLBACK_REFS: dict[str, re.Pattern[str]] = {
    **{kind: re.compile(r"d-[0-9A-Za-z_-]{1,40}") for kind in ("a", "e", "r", "x", "v")},  # draft ids
    **{kind: re.compile(_NUMBER) for kind in ("c", "p", "fg", "dn", "sz")},  # client and promise ids
    "fu": re.compile(rf"[pbkc]:{_NUMBER}"),  # follow-up on a promise, a date, keep-in-touch, a client
    "fx": re.compile(""),
    "mg": re.compile(rf"{_NUMBER}-{_NUMBER}"),  # merge one client into another
    "mx": re.compile(""),
    "qn": re.compile(""),
    **{kind: re.compile(r"[0-9a-f]{12}") for kind in ("ib", "ix")},  # file / drop an inbox note
    "so": re.compile(r"[0-9a-f]{8}"),  # the sources of an answer or a profile
}


@dataclass(frozen=True)
class Callback:
    """A button's data, parsed: what to do (`kind`) and to what (`ref`, an id)."""

    kind: str
    ref: str


def parse_callback(data: str) -> Callback | None:
    """The action a button's data names, or None for anything Chet never sends (stale, forged, garbled, too long)."""
    if not isinstance(data, str) or len(data.encode("utf-8", "surrogatepass")) > MAX_CALLBACK_BYTES:
        return None
    kind, sep, ref = data.partition(":")
    pattern = CALLBACK_REFS.get(kind)
    if pattern is None or bool(sep) != bool(pattern.pattern) or not pattern.fullmatch(ref):
        return None
    return Callback(kind, ref)
