"""Client names: normalisation and forgiving matching (case, accents, nicknames, "Dana from Acme")."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from memory.fold import lookalikes

MAX_NAME = 200  # longer "names" are refused: nobody is called 10,000 characters

# A few common nicknames, so "Bob" finds Robert and "Liz" finds Elizabeth.
NICKNAMES: dict[str, set[str]] = {
    "robert": {"bob", "rob", "robbie", "bobby"},
    "william": {"bill", "will", "billy", "liam"},
    "elizabeth": {"liz", "beth", "lizzie", "eliza", "betty"},
    "katherine": {"kate", "kathy", "katie", "kat"},
    "catherine": {"cathy", "kate", "cat"},
    "margaret": {"maggie", "meg", "peggy"},
    "michael": {"mike", "mikey"},
    "richard": {"rick", "dick", "rich", "richie"},
    "james": {"jim", "jimmy", "jamie"},
    "jennifer": {"jen", "jenny"},
    "alexander": {"alex", "xander", "sasha"},
    "alexandra": {"alex", "sandra", "sasha"},
    "daniel": {"dan", "danny"},
    "danielle": {"dani", "dana"},
    "thomas": {"tom", "tommy"},
    "christopher": {"chris"},
    "christine": {"chris", "tina"},
    "patricia": {"pat", "trish", "patty"},
    "joseph": {"joe", "joey"},
    "anthony": {"tony"},
    "edward": {"ed", "eddie", "ted"},
    "samuel": {"sam", "sammy"},
    "samantha": {"sam", "sammy"},
    "victoria": {"vicky", "tori"},
    "nicholas": {"nick", "nicky"},
    "benjamin": {"ben", "benny"},
    "jonathan": {"jon", "jonny"},
    "stephen": {"steve"},
    "steven": {"steve"},
    "susan": {"sue", "suzy"},
    "deborah": {"deb", "debbie"},
    "rebecca": {"becky", "becca"},
    "gregory": {"greg"},
    "matthew": {"matt"},
    "andrew": {"andy", "drew"},
    "timothy": {"tim", "timmy"},
    "lester": {"les"},
}
_TITLES_FILE = Path(__file__).parent / "data" / "name_titles.txt"


@lru_cache(maxsize=1)
def _title_table() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(titles written before a name, honorifics written after one, those of them that are also given-name
    syllables), from memory/data/name_titles.txt."""
    before: set[str] = set()
    after: set[str] = set()
    syllables: set[str] = set()
    for raw in _TITLES_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            parts = [p.strip() for p in line.split("|")]
            word = parts[0].casefold().rstrip(".")
            kind = parts[1] if len(parts) == 3 else ""
            (after if kind in {"after", "after-or-name"} else before).add(word)
            if kind == "after-or-name":
                syllables.add(word)
    return frozenset(before), frozenset(after), frozenset(syllables)


def titles() -> frozenset[str]:
    """Titles written before a name ("dr", "coach", "dra"), from memory/data/name_titles.txt."""
    return _title_table()[0]


def is_title(word: str) -> bool:
    """Whether `word` is a title before a name ("Dr", "dr.", "coach")."""
    return word.casefold().rstrip(".") in _title_table()[0]


def is_honorific_after(word: str) -> bool:
    """Whether `word` is an honorific or suffix written after a name ("hanım", "bey", "jr", "san")."""
    return word.casefold().rstrip(".") in _title_table()[1]


def is_name_syllable(word: str) -> bool:
    """Whether an honorific written after a name is also a given-name syllable ("ji", "san")."""
    return word.casefold().rstrip(".") in _title_table()[2]


_VOWELS = re.compile(r"[aeiouyáéíóúàèìòùâêîôûäëïöüãõăơư]+", re.I)


def honorific_after(before: str, word: str) -> bool:
    """Whether `word`, written after `before`, is an honorific and no part of the name: "Sharma ji", "Tanaka san"
    are; "Wang Ji", "Lee San" are names, for a one-syllable family name (Chinese, Korean) takes a given name after
    it, and "ji"/"san" are given-name syllables there."""
    if not is_honorific_after(word):
        return False
    return not is_name_syllable(word) or len(_VOWELS.findall(before)) != 1


def strip_title(name: str) -> str:
    """ "Dr Robert Hale" -> "Robert Hale", "dr ruiz" -> "ruiz", "elif hanım" -> "elif"; a title alone stays."""
    words = name.split()
    while len(words) > 1 and is_title(words[0]):
        words = words[1:]
    while len(words) > 1 and honorific_after(words[-2], words[-1].rstrip(",")):
        words = words[:-1]
    return " ".join(words)


_NICK_TO_FULL: dict[str, set[str]] = {}
for _full, _nicks in NICKNAMES.items():
    for _nick in _nicks:
        _NICK_TO_FULL.setdefault(_nick, set()).add(_full)


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """lookalikes() as a str.translate table, built once (normalize runs for every name compared)."""
    return {ord(c): latin for c, latin in lookalikes()[0].items()}


def fold_lookalikes(text: str) -> str:
    """In a Latin-script name, Cyrillic and Greek letters drawn like Latin ones become those letters
    ('Dаna' with a Cyrillic а -> 'Dana'). A name wholly in another script is left as it is."""
    table = _fold_table()
    if not any(ord(ch) in table for ch in text) or not any("a" <= ch.lower() <= "z" for ch in text):
        return text
    return text.translate(table)


def normalize(name: str) -> str:
    """Case-fold, strip accents and punctuation, fold look-alike letters, collapse spaces: 'José  O'Neil' -> 'jose oneil'."""
    text = unicodedata.normalize("NFKD", fold_lookalikes(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("'", "").replace("’", "")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def clean_display_name(name: str) -> str:
    """The display name as the salesperson typed it, trimmed; control characters removed."""
    text = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C" or ch == " ")
    return " ".join(text.split())


def first_name(name: str) -> str:
    """The first word of a display name ('Maria Lopez' -> 'Maria')."""
    parts = name.split()
    return parts[0] if parts else name


def nickname_variants(word: str) -> set[str]:
    """Normalised names that a first name may also appear as ('bob' <-> 'robert')."""
    word = normalize(word)
    variants = {word}
    variants |= NICKNAMES.get(word, set())
    variants |= _NICK_TO_FULL.get(word, set())
    return variants


@dataclass(frozen=True)
class Candidate:
    """A known client as the matcher sees it."""

    client_id: int
    name: str
    aliases: tuple[str, ...] = ()
    company: str | None = None


_FROM = re.compile(r"^(?P<name>.+?)\s+(?:from|at|of|@)\s+(?P<company>.+)$", re.I)


def match_clients(query: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that `query` can mean, best tier only (empty: no match; >1: ambiguous)."""
    q = normalize(query)
    if not q:
        return []
    exact = _exact(q, candidates)
    if exact:  # a client's own display name always means that client, titles included ("Dr Nurul Aisyah")
        return exact
    if len(q.split()) > 1 and (is_title(q.split()[0]) or is_honorific_after(q.split()[-1])):
        # "dr ruiz", "Dr Kim Nguyen", "elif hanım": the title or honorific is no part of the name
        stripped = strip_title(query)
        if normalize(stripped) == q:  # "Dr.-Ruiz": the raw words hide the title the normalised ones show
            stripped = strip_title(q)
        if normalize(stripped) != q:
            return match_clients(stripped, candidates)
    m = _FROM.match(query.strip())
    if m:  # "Dana from Acme": a name that matches, at a company that matches
        by_name = match_clients(m.group("name"), candidates)
        company = normalize(m.group("company"))
        narrowed = [c for c in by_name if c.company and company in normalize(c.company)]
        if narrowed:
            return narrowed
    words = q.split()
    if len(words) == 1:  # a first name, a surname or a nickname
        variants = nickname_variants(words[0])
        hits = []
        for c in candidates:
            parts = normalize(c.name).split()
            alias_words = {w for a in c.aliases for w in normalize(a).split()}
            if variants & (set(parts) | alias_words):
                hits.append(c)
        if hits:
            return hits
    # "maria l" / "m lopez": every query word is a prefix of a word in the name, in order
    hits = [c for c in candidates if _prefix_match(words, normalize(c.name).split())]
    return hits


def _exact(q: str, candidates: list[Candidate]) -> list[Candidate]:
    return [c for c in candidates if normalize(c.name) == q or q in {normalize(a) for a in c.aliases}]


def _prefix_match(words: list[str], parts: list[str]) -> bool:
    if len(words) < 2 or len(words) > len(parts):
        return False
    i = 0
    for w in words:
        while i < len(parts) and not parts[i].startswith(w):
            i += 1
        if i == len(parts):
            return False
        i += 1
    return True


def closest_names(query: str, names: list[str], n: int = 3) -> list[str]:
    """Up to `n` known names closest to `query`, for 'did you mean' messages."""
    normalized = {normalize(name): name for name in names}
    q = normalize(query)
    close = difflib.get_close_matches(q, list(normalized), n=n, cutoff=0.5)
    if not close:  # fall back to names sharing a word
        qw = set(q.split())
        close = [k for k in normalized if qw & set(k.split())][:n]
    return [normalized[k] for k in close]
