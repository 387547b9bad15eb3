"""Words and phrases that are never a client (greetings, thanks, command words, pronouns), read from a data file."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from memory import lexicon

__all__ = [
    "NOT_A_CLIENT",
    "SmallTalk",
    "alone_vocatives",
    "correction",
    "courtesy_words",
    "is_not_a_client",
    "phrase_key",
    "small_talk",
]

DATA = lexicon.NOT_CLIENTS
CORRECTIONS = Path(__file__).with_name("data") / "corrections.txt"
REGIONAL = Path(__file__).with_name("data") / "regional_small_talk.txt"  # "ta mate", "good arvo", "sweet as"
COURTESY = Path(__file__).with_name("data") / "courtesy_words.txt"  # "god morgen", "makasih", "tschüss"
COURTESY_ALONE = Path(__file__).with_name("data") / "courtesy_alone.txt"  # "super", "later", "che": also note words


@dataclass(frozen=True)
class SmallTalk:
    """A whole message that is small talk or a bare command word: its kind and, for commands, which one."""

    kind: str  # greeting | thanks | farewell | ack | command | pronoun | word | vocative
    command: str = ""
    kinds: frozenset[str] = field(default_factory=frozenset)  # every courtesy kind the message holds ("thanks, later")


@cache
def _table() -> dict[str, SmallTalk]:
    """Every listed phrase and what it is, from not_clients.txt, regional_small_talk.txt and courtesy_words.txt."""
    return {**_read(DATA, REGIONAL), **_read(COURTESY, COURTESY_ALONE)}  # "later" alone is a sign-off


@cache
def _read(*paths: Path) -> dict[str, SmallTalk]:
    """The phrases of the PHRASE | KIND | REASON files `paths`, keyed by their folded form."""
    table: dict[str, SmallTalk] = {}
    for path in paths:
        for entry in lexicon.phrase_entries(path):
            kind, _, command = entry.kind.partition(":")
            table[phrase_key(entry.phrase)] = SmallTalk(kind, command)
    return table


def phrase_key(text: str) -> str:
    """A phrase's lookup form: case and accents folded, punctuation and emoji gone ("Buen día!! ☀️" -> "buen dia")."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s'’]", " ", folded.replace("’", "'")).split())


# "hey chet", "thanks so much", "dzięki bhai", "buen día che": words that address someone or soften, still small talk
VOCATIVES = {"chet", "there", "mate", "all", "again", "so", "much"} | {
    k for k, v in _read(COURTESY).items() if v.kind == "vocative" and " " not in k
}


@cache
def alone_vocatives() -> frozenset[str]:
    """Vocatives that are also names ("che", "san", courtesy_alone.txt): they address Chet only when set off by a
    comma ("che, what's her budget"), never inside a name ("Che Adams", "San Diego Tiles")."""
    return frozenset(k for k, v in _read(COURTESY_ALONE).items() if v.kind == "vocative")


@cache
def courtesy_words() -> frozenset[str]:
    """The one-word entries of courtesy_words.txt ("makasih", "tschüss", "che"), folded: words of small talk."""
    return frozenset(k for k in _read(COURTESY) if " " not in k)


MAX_SMALL_TALK_CHARS = 60  # "oke makasih banyak ya kak, sampai jumpa besok 🙏" fits; a longer line is a note


def small_talk(text: str) -> SmallTalk | None:
    """What a whole message is when it is only a listed word or phrase ("thanks!", "Undo", "hey chet"), only
    courtesy words and words addressing someone ("god morgen chet", "oke makasih", "thanks, later"), or a greeting
    and a few everyday words about the day ("morning! long week ahead")."""
    if len(text) > MAX_SMALL_TALK_CHARS:
        return None
    words = phrase_key(text).split()
    while words:
        found = _table().get(" ".join(words))
        if found is not None and found.kind != "vocative":
            return found
        if words[-1] not in VOCATIVES:
            return _chain(words) or _greeting_and_chat(text)
        words.pop()
    return None


CHAT_WORDS = Path(__file__).with_name("data") / "chat_words.txt"


@cache
def chat_words() -> frozenset[str]:
    """The words that may follow a greeting in small talk (bot/chat/data/chat_words.txt): the day, the mood."""
    return frozenset(word.casefold() for word, _ in lexicon.rows(CHAT_WORDS))


def _greeting_and_chat(text: str) -> SmallTalk | None:
    """A greeting, then only words about the day or the mood ("hi chet, crazy week!"): small talk.

    Every other word (an event, a number, a decision, a business noun: "hey, sent the quote") makes a note: a
    short status line after a call must never be answered as chat and lost."""
    words = phrase_key(text).replace("’", "'").split()
    for size in (3, 2, 1):
        found = _table().get(" ".join(words[:size]))
        if found is not None and found.kind == "greeting":
            break
    else:
        return None
    rest = [w for w in words[size:] if w not in VOCATIVES]
    if not rest or any(w not in chat_words() for w in rest):
        return None
    return SmallTalk("greeting")


CHAINED = ("thanks", "farewell", "greeting", "ack")  # "ok cool thanks", "hi thanks": the strongest kind answers


def _chain(words: list[str]) -> SmallTalk | None:
    """A message made only of courtesy phrases and words addressing someone ("ok cool thanks", "great, thx!",
    "oke makasih kak", "thanks, later"), or None. The structural rule: no word outside that closed class."""
    kinds: set[str] = set()
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            found = _table().get(" ".join(words[i : i + size]))
            if found is not None and found.kind in (*CHAINED, "vocative"):
                kinds.add(found.kind)
                i += size
                break
        else:
            if words[i] not in VOCATIVES:
                return None
            i += 1
    kinds.discard("vocative")
    return next((SmallTalk(k, kinds=frozenset(kinds)) for k in CHAINED if k in kinds), None)


def is_not_a_client(word: str) -> bool:
    """True for a listed word or phrase: it never names a client."""
    return phrase_key(word) in _table()


def _as_typed(*paths: Path) -> set[str]:
    """The listed phrases with their accents kept ("olá"), as words of a note are compared."""
    return {
        " ".join(re.sub(r"[^\w\s'’]", " ", entry.phrase.casefold()).split())
        for path in paths
        for entry in lexicon.phrase_entries(path)
    }


# courtesy_words.txt is whole-message only: inside a note "Salam Haddad" is a name
NOT_A_CLIENT = frozenset(_read(DATA, REGIONAL)) | frozenset(_as_typed(DATA, REGIONAL))


CUES = Path(__file__).with_name("data") / "name_cues.txt"  # its fillers may open a correction ("oops, scratch that")
CLAUSE_END = r"[\s]*(?:[.!?,;:\n]|\s[-–—]\s?|$)"  # a phrase ends its clause: punctuation, a dash or the end


@cache
def _fillers() -> frozenset[str]:
    """The filler words of name_cues.txt ("oops", "sorry", "hm"): they may come before a correction."""
    return frozenset(
        word.casefold() for word, kind, _ in lexicon.rows(CUES, "WORD | KIND | REASON") if kind == "filler"
    )


TAKE_BACK_LEADS = frozenset({"no", "nope", "nah", "wait", "actually", "argh", "damn", "oh no"})


@cache
def _corrections() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a correction opening a message, a correction closing it): a phrase only counts as a clause of its own."""
    phrases = [
        r"\s+".join(re.escape(w) for w in phrase.split()) for phrase, _ in lexicon.rows(CORRECTIONS, "PHRASE | REASON")
    ]
    phrases.sort(key=len, reverse=True)
    any_phrase = "(?:" + "|".join(phrases) + ")"
    # "hm no, scratch that", "wait, ignore that last one": a refusal word may open a take-back (never a filler for
    # names: "no calls before 9" is a note)
    fillers = "|".join(re.escape(f) for f in sorted(_fillers() | TAKE_BACK_LEADS, key=len, reverse=True))
    lead = rf"^\s*(?:(?:{fillers})\b[\s,!.:;—–-]*)*"
    opening = re.compile(rf"{lead}{any_phrase}\b(?={CLAUSE_END})", re.I)
    closing = re.compile(rf"(?:^|[.!?,;\n]|\s[-–—])\s*(?:(?:{fillers})\b[\s,]*)*{any_phrase}[\s.!]*$", re.I)
    return opening, closing


def opens_with_correction(text: str) -> bool:
    """Whether a take-back phrase opens the message ("scratch that, ..."): it can only mean the message before."""
    return _corrections()[0].match(text) is not None


def correction(text: str) -> str | None:
    """The rest of a message that takes back the last note, or None.

    The phrase must be the whole message or its opening or closing clause ("scratch that, she wants walnut",
    "I mean satin. ignore that last one"): inside a sentence ("she said scratch that idea") it is part of a note.
    """
    opening, closing = _corrections()
    m = opening.match(text)
    if m is not None:
        rest = text[m.end() :]
    elif (m := closing.search(text)) is not None:
        rest = text[: m.start()]
    else:
        return None
    return " ".join(rest.strip(" \t\n,.;:!-—–").split())
