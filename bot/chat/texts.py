"""Phone-first text: short lines, no internal ids or labels, long messages split safely."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["MAX_ANSWER_LINES", "clip", "phone_lines", "plural", "split_message", "strip_ids"]

MAX_ANSWER_LINES = 4  # a note confirmation or an answer fits a phone screen without scrolling
LINE_LIMIT = 160  # characters per answer line: about three lines on a phone
TELEGRAM_LIMIT = 4096  # characters per Telegram message


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 note", "2 notes" (never "1 notes")."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def clip(text: str, limit: int = LINE_LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word with "…" (whitespace collapsed)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    cut = cut if cut > limit // 2 else limit - 1
    return text[:cut].rstrip(" ,;:—–-") + "…"


def strip_ids(text: str, ids: Iterable[str]) -> str:
    """The text without note ids: "[n-1, n-2]" brackets and bare ids are for --json and the Sources button."""
    known = [re.escape(i) for i in sorted(set(ids), key=len, reverse=True) if i]
    if not known:
        return text
    one = "(?:" + "|".join(known) + ")"
    text = re.sub(rf"[ \t]*[\[(]\s*{one}(?:\s*,\s*{one})*\s*[\])]", "", text)
    text = re.sub(rf"(?<![\w-]){one}(?![\w-])", "", text)
    return re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", text)


def phone_lines(text: str, ids: Iterable[str] = (), max_lines: int = MAX_ANSWER_LINES) -> tuple[list[str], int]:
    """(at most `max_lines` short lines, how many more were left out) of a use case's text, ids removed."""
    lines = [clip(line) for line in strip_ids(text, ids).splitlines() if line.strip()]
    if len(lines) <= max_lines:
        return lines, 0
    return lines[: max_lines - 1], len(lines) - (max_lines - 1)


def split_message(text: str, size: int = TELEGRAM_LIMIT) -> list[str]:
    """Parts of at most `size` characters, cut at a line end when one is near, else at a space, else anywhere."""
    parts: list[str] = []
    while len(text) > size:
        cut = text.rfind("\n", 0, size + 1)
        if cut <= size // 2:
            cut = text.rfind(" ", 0, size + 1)
        if cut <= size // 2:
            cut = size
        part = text[:cut].rstrip()
        if part.strip():  # Telegram refuses an empty message
            parts.append(part)
        text = text[cut:].lstrip("\n ")
    return [*parts, text] if text.strip() else parts or ["…"]
