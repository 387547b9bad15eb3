"""How a client is called: which words of a display name are a title, a job title or a relation word, and the
name the client is greeted by. Shared by the ask and draft use cases (a name rule, not a drafting rule)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from memory import lexicon

_DATA = Path(__file__).parent / "data" / "draft_words.json"


def not_a_name(word: str) -> bool:
    """A title (memory/data/name_titles.txt, courtesy titles among them), a job title or a relation word
    (draft_words.json greeting_roles)."""
    w = word.casefold().rstrip(".,")
    return lexicon.is_title(w) or bool(_words("greeting_roles").fullmatch(w))


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


# --- the greeting: how the notes address the client ----------------------------------------------------------------

_FORMS_FILE = Path(__file__).parent.parent / "guard" / "data" / "address_forms.json"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@cache
def _forms() -> dict[str, frozenset[str]]:
    """The guard's address tables (bot/guard/data/address_forms.json, read only), folded: the draft greets the way
    the guard accepts. Surname titles are memory's name titles without the role words ("chef", "coach")."""
    doc = json.loads(_FORMS_FILE.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(_fold(w).rstrip(".") for w in doc[key]["words"])

    roles = words("role_words") | {"chief"}  # "chief" is also a job title (draft_words.json greeting_roles)
    surname = words("surname_titles") | words("titles") | words("clergy_titles")
    surname |= {_fold(t) for t in memory_titles()} - roles - words("given_name_honorifics")
    return {
        "surname_titles": frozenset(surname),
        "given_honorifics": words("given_name_honorifics") - {"sir", "ma'am", "maam"},
        "family_first": words("family_name_first"),
        "after_family": words("family_name_honorifics"),
    }


def memory_titles() -> frozenset[str]:
    """Titles memory knows written before a name (memory/data/name_titles.txt)."""
    return lexicon.titles()


def _fold(text: str) -> str:
    """Case-folded, accents stripped ("Úr" -> "ur", "Doña" -> "dona")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _folded(text: str) -> str:
    return " ".join(_fold(w) for w in text.replace("’", "'").split())


def _is_given(word: str) -> bool:
    """Whether a first-name dictionary knows `word` (gender-guesser), or it is a hyphenated given name ("ji-woo")."""
    w = word.casefold()
    return "-" in w.strip("-") or lexicon.first_name_detector().get_gender(w) != "unknown"


def family_first_given(words: list[str], notes: list[str]) -> str:
    """The given name of a family-name-first name ("Zhang Wei" -> "Wei", "Tan Wei Ming" -> "Wei Ming", "Nguyen Thi
    Lan" -> "Lan"), or "" when the name reads given name first. Decided by the name's shape: its first word is a
    family name of a surname-first culture (the guard's table) and its last word a given name, not another family
    name; or the notes write a family-name honorific after the first word ("nagy úr", "tanaka-san")."""
    if len(words) < 2:
        return ""
    f = forms()
    first, last = _fold(words[0]), _fold(words[-1])
    after = "|".join(re.escape(w) for w in f["after_family"])
    shown = any(re.search(rf"(?<![\w']){re.escape(first)}[\s-]+(?:{after})(?![\w'])", n) for n in notes)
    # "Kim Thompson", "Lee Chen" read given name first: an English given name before a surname or another family name
    shape = first in f["family_first"] and (
        (last not in f["family_first"] and _is_given(words[-1])) or first not in lexicon.census_first_names()
    )
    if not shown and not shape:
        return ""
    rest = words[1:]
    if len(rest) > 1 and _words("middle_names_before_given").fullmatch(_fold(rest[0])):
        return rest[-1]  # Vietnamese "Thi", "Van": a middle name, the given name is the last word
    return " ".join(rest)


def forms() -> dict[str, frozenset[str]]:
    """The address tables (see `_forms`)."""
    return _forms()


def noted_title(display: str, notes: list[str], originals: list[str] | None = None) -> str:
    """A title the notes (or the display name) write before the client's family name or full name ("Dr Okafor",
    "sra. diaz", "Alhaji Musa Bello"), as "Title Family"; a given-name honorific before the given name ("khun
    somchai", "doña carmen") as "Honorific Given"; "" when the notes use none."""
    words = [w for w in display.replace(",", " ").split() if w]
    f = forms()
    lead = [w for w in words if _fold(w).rstrip(".") in f["surname_titles"]]
    names = [w for w in words if w not in lead]
    if not names:
        return ""
    if lead and words[0] == lead[0]:
        given_first = family_first_given(names, notes)
        family = names[0] if given_first else names[-1]
        return f"{_title_case(lead[0])} {family}"
    given_part = family_first_given(names, notes)
    family = names[0] if given_part else names[-1]
    given = (given_part or names[0]).split()[0]
    fam, giv = _fold(family), _fold(given)
    for note, written in zip(notes, originals or notes, strict=False):
        same = written if len(written) == len(note) else note  # the notes' own spelling ("Doña"), when it aligns
        for m in re.finditer(
            rf"(?<![\w'])([^\W\d_][\w']*)\.?\s+(?:{re.escape(giv)}\s+)?{re.escape(fam)}(?![\w'])", note
        ):
            if m.group(1) in f["surname_titles"] and len(names) > 1 and not _after_relation(note[: m.start()]):
                return f"{_title_case(same[m.start(1) : m.end(1)], note[m.end(1) : m.end(1) + 1])} {family}"
        for m in re.finditer(rf"(?<![\w'])([^\W\d_][\w']*)\s+{re.escape(giv)}(?![\w'])", note):
            if m.group(1) in f["given_honorifics"] and len(m.group(1)) > 1 and not _after_relation(note[: m.start()]):
                return f"{_title_case(same[m.start(1) : m.end(1)])} {given}"
    return ""


RELATION_REACH = 3  # "her husband mr berg", "his late father dr okafor": a relation word this close names a relative


def _after_relation(before: str) -> bool:
    """Whether the words just before a title name a relative or another person's ("her husband", "his"): then
    the title is that person's, not the client's."""
    words = re.findall(r"[\w']+", before)[-RELATION_REACH:]
    return any(w in _relation_words() or w in {"her", "his", "their", "my"} for w in words)


@cache
def _relation_words() -> frozenset[str]:
    """Family words in the languages the guard reads (bot/guard/data/people.json, read only)."""
    doc = json.loads((_FORMS_FILE.parent / "people.json").read_text(encoding="utf-8"))
    return frozenset(_fold(w) for w in doc["relation_words"]["words"])


def _title_case(word: str, written: str = "") -> str:
    """A title as a greeting writes it: capitalised, with the dot when the notes write one ("sr." -> "Sr.")."""
    w = word.rstrip(".")
    dot = "." if word.endswith(".") or written == "." else ""
    return w[:1].upper() + w[1:] + dot


def greeting(display: str, goes_by: str | None, notes: list[str]) -> str:
    """The name a message greets the client by: the name they go by; else "Title Family" when the notes address
    them with a title; else the given name, which for a family-name-first name is its last part ("Zhang Wei" ->
    "Wei"); never a bare family name."""
    if goes_by and not not_a_name(goes_by):
        return goes_by
    folded = [_folded(n) for n in notes]
    titled = noted_title(display, folded, [" ".join(n.replace("’", "'").split()).casefold() for n in notes])
    if titled:
        return titled
    words = [w for w in display.split() if not not_a_name(w)]
    given = family_first_given(words, folded)
    return given or short_name(display)
