"""Phone-first text: short lines, no internal ids or labels, long messages split safely."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from memory.records import ExtractedFact, FactKind

__all__ = [
    "HELP",
    "MAX_ANSWER_LINES",
    "STALE",
    "START",
    "VERDICT_LINES",
    "clip",
    "fact_summary",
    "label",
    "long_day",
    "phone_lines",
    "plural",
    "sentence",
    "short_day",
    "split_message",
    "strip_ids",
]

MAX_ANSWER_LINES = 4  # a note confirmation or an answer fits a phone screen without scrolling
LINE_LIMIT = 160  # characters per answer line: about three lines on a phone
TELEGRAM_LIMIT = 4096  # characters per Telegram message
BULLETS = ("-", "•", "*")  # how a use case starts each item of a list


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
    lines: list[str] = []
    for line in strip_ids(text, ids).splitlines():
        if not line.strip():
            continue
        if lines and lines[-1].lstrip().startswith(BULLETS) and not line.lstrip().startswith(BULLETS):
            lines[-1] += " " + line.strip()  # a quoted note's own line breaks (a pasted email) stay in its bullet
        else:
            lines.append(line)
    lines = [clip(line) for line in lines]
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


START = (
    "Hi, I'm Chet: I remember your clients for you. Send me a note after each meeting, typed or spoken.\n"
    "Ask me about a client before a call (“what does Dana like?”) and I answer from your notes.\n"
    "I draft truthful follow-ups for you to approve, and each morning I tell you who needs you today. /help lists it all."
)

HELP = """Just write to me:
• a note: “Dana: wants blue, not grey” or “Met Dana from Acme, promised pricing by Friday”
• a question: “what does Dana like?”
• a draft: “draft a follow-up to Dana about the pricing”
Or send a voice note: I transcribe it and file it as a note.

Commands:
/note CLIENT: TEXT — file a note
/ask QUESTION — answer from your notes
/client NAME — what I know about a client
/clients — all your clients
/draft NAME PURPOSE — draft a follow-up (you approve it)
/digest — today's follow-ups
/done [NAME] — mark a promise done
/cadence NAME DAYS — how often to keep in touch with a client (default 30 days)
/settings — time zone, digest time and your name for drafts (/settings tz Europe/Paris, /settings digest 07:30, /settings name Sam Carter)
/export — all your data as a JSON file
/forget NAME — erase a client everywhere
/merge NAME into NAME — one person filed twice: join the first into the second
/inbox — notes still waiting for their client
/undo — remove your last note
/cancel — drop what I was waiting for"""

VERDICT_LINES = {
    "pass": "Truth check: passed.",
    "warn": "Truth check: passed with a warning; you may still approve.",
    "block": "Truth check: BLOCKED. Edit or regenerate it before approving.",
}
STALE = "That button is no longer valid."


def sentence(text: str) -> str:
    """The text as one sentence: capitalised, ending with a full stop."""
    text = text.strip()
    if not text:
        return "Something went wrong."
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?”)" else text + "."


def long_day(d: date) -> str:
    """ "Thu 10 Dec 2026"."""
    return f"{d.strftime('%a')} {d.day} {d.strftime('%b %Y')}"


def short_day(d: date, today: date) -> str:
    """ "Thu 10 Dec" this year, "Thu 10 Dec 2027" otherwise."""
    return f"{d.strftime('%a')} {d.day} {d.strftime('%b')}" + ("" if d.year == today.year else f" {d.year}")


def label(text: str, limit: int = 40) -> str:
    """A button label or a short quote: one line, at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[^\W_]+", text.casefold())}


NEAR_SAME = 0.6  # share of words two facts have in common (of the smaller) above which one line says both


def fact_summary(facts: list[ExtractedFact]) -> str:
    """What was remembered, in one line: "wants blue, not grey; promised pricing by Thu 3 Dec"."""
    parts: list[str] = []
    for f in facts:
        if f.kind is FactKind.DISLIKE and any(f.value.casefold() in p.casefold() for p in parts):
            continue  # "wants blue, not grey" already says it
        if f.text not in parts:
            parts.append(f.text)
    return "; ".join(_distinct(parts))


def _says_same(a: set[str], b: set[str]) -> bool:
    """Whether two facts' words say one thing: a short one (three words or fewer) wholly inside the other,
    or longer ones sharing most words ("wants blue" and "wants grey" stay apart)."""
    small = min(len(a), len(b))
    if not small:
        return False
    shared = len(a & b)
    return shared == small if small <= 3 else shared / small >= NEAR_SAME


def _distinct(parts: list[str]) -> list[str]:
    """The parts without those another part already says: "3 freezers" beside "needs 3 freezers by March 2";
    of two near-same readings of one clause the fuller (longer) one stays, in its place."""
    kept: list[str] = []
    for part in parts:
        words = _words(part)
        same = [k for k in kept if _says_same(words, _words(k))]
        if not same:
            kept.append(part)
        elif all(len(part) > len(k) for k in same):
            kept = [part if k is same[0] else k for k in kept if k is same[0] or k not in same]
    return kept
