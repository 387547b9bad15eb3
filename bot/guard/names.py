"""The address model: how the notes let a draft name the client, and the people the notes know.

Learnt from the notes, not from a list of forms:
- valid given names: the filed name's given name(s), `goes_by`, aliases, and the nicknames the notes
  give ("goes by Mia", "Samantha Ortiz (Sam)", "bec o'sullivan" for Rebecca O'Sullivan: a token the notes
  write directly before the client's family name that shares letters with the given name);
- honorifics: a small multilingual table (data/address_forms.json, memory/data/name_titles.txt) and any
  token the notes write directly before the client's given name ("khun somchai", "(chi mai)").
  Positional on purpose: a spouse's or relative's name elsewhere in the notes is not made valid;
- name order: a family-name-first name ("Tan Wei Ming", "Nguyen Thi Mai") from a table of family names,
  or when the notes show it (a surname title before the first word, "tanaka-san" after it);
- known people: the client, and the relatives the notes name after a family word in any of the
  languages (data/people.json), with the notes that name them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.lexicon import _GENERIC_GREETEES, _TITLES
from bot.guard.text import _STOP, _fold, _norm
from bot.usecases.draft_context import DraftContext
from memory.lexicon import is_title, nickname_variants

_DIR = Path(__file__).parent / "data"
FORMS: dict[str, Any] = json.loads((_DIR / "address_forms.json").read_text(encoding="utf-8"))
_PEOPLE: dict[str, Any] = json.loads((_DIR / "people.json").read_text(encoding="utf-8"))


def word_class(words: list[str] | set[str]) -> re.Pattern[str]:
    """One pattern for a closed class of words or phrases, whole words only (a space matches any whitespace)."""
    alts = sorted({re.escape(w.lower()).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(alts) + r")(?![\w'])")


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    """The closed classes the address model reads, folded."""
    return {
        "family_first": frozenset(FORMS["family_name_first"]["words"]),
        "given_honorifics": frozenset(_fold(w) for w in FORMS["given_name_honorifics"]["words"]),
        "surname_titles": frozenset(_fold(w) for w in FORMS["surname_titles"]["words"]),
        "relation_words": frozenset(_fold(w) for w in _PEOPLE["relation_words"]["words"]),
        "links": frozenset(_fold(w) for w in _PEOPLE["name_links"]["words"]),
        "coordinators": frozenset(_PEOPLE["coordinators"]["words"]),
        "family_honorifics": "|".join(map(re.escape, FORMS["family_name_honorifics"]["words"])),
    }


def is_honorific(word: str) -> bool:
    """Whether a folded word is a title or honorific written before a name, in any of the tables."""
    w = word.rstrip(".")
    t = tables()
    return w in t["given_honorifics"] or w in t["surname_titles"] or is_title(w) or w in _TITLES


def similar(a: str, b: str) -> float:
    """How alike two folded names are (0..1, difflib's ratio)."""
    return SequenceMatcher(None, a, b).ratio()


def _shares_letters(nick: str, given: str) -> bool:
    """Whether a short form could be the given name's ("bec" of "rebecca", "liz" of "elizabeth", "bob" of "robert")."""
    if len(nick) < 2 or nick == given:
        return False
    if nick in nickname_variants(given) or given in nickname_variants(nick):
        return True
    return len(nick) >= 3 and (nick[:3] in given or given.startswith(nick[:2]))


_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class AddressModel:
    """What the notes allow a draft to call the client, and who else the notes know."""

    given: frozenset[str]  # folded given names and nicknames usable in a greeting
    family: frozenset[str]  # folded family names
    family_first: bool
    honorifics: frozenset[str]  # folded tokens the notes write directly before the client's given name
    noted_pairs: frozenset[tuple[str, str]]  # (honorific, name) pairs the notes write
    relatives: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded name -> note ids
    greet: str = ""  # the name a greeting should use

    def valid_honorific(self, word: str) -> bool:
        """Whether a folded word may stand before the client's name in a greeting."""
        return word.rstrip(".") in self.honorifics or is_honorific(word)


def _words(name: str) -> list[str]:
    """A display name's words without titles."""
    return [w for w in name.replace(",", " ").split() if w.lower().rstrip(".") not in _TITLES]


def _shows_family_first(first: str, notes: list[str]) -> bool:
    """Whether the notes write a family-name honorific right after `first` ("tanaka-san", "kim ssi", "nagy úr").

    A title before the first word proves nothing: "dra catalina muñoz" puts it before the given name.
    """
    after = tables()["family_honorifics"]
    return any(re.search(rf"(?<![\w']){re.escape(first)}[\s-]+(?:{after})(?![\w'])", low) for low in notes)


def relatives(notes: list[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Folded names the notes give after a family word ("daughter valentina", "kids (owen 9, lily 6)"), with ids."""
    t = tables()
    out: dict[str, tuple[str, ...]] = {}

    def add(name: str, nid: str) -> None:
        if len(name) >= 2 and name not in _STOP and name not in t["relation_words"] and not is_honorific(name):
            out.setdefault(name, (nid,))

    for nid, text in notes:
        low = _fold(_norm(text))
        tokens = list(re.finditer(r"[a-z][a-z'-]*|\d+|[(),;:.]", low))
        for i, tok in enumerate(tokens):
            if tok.group(0) not in t["relation_words"]:
                continue
            j = i + 1
            while j < len(tokens) and (tokens[j].group(0) in t["links"] or tokens[j].group(0) in ",:"):
                j += 1
            if j < len(tokens) and tokens[j].group(0) == "(":  # "2 kids (owen 9, lily 6)": the list in brackets
                k = j + 1
                while k < len(tokens) and tokens[k].group(0) != ")":
                    w = tokens[k].group(0)
                    if w.isalpha() and w not in t["coordinators"]:
                        add(w, nid)
                    k += 1
                continue
            if j < len(tokens) and tokens[j].group(0)[0].isalpha():
                add(tokens[j].group(0), nid)
                # "daughters ana and lucia": a list joined by a coordinator
                k = j + 1
                while k + 1 < len(tokens) and tokens[k].group(0) in t["coordinators"] | {","}:
                    if tokens[k + 1].group(0).isalpha() and tokens[k + 1].group(0) not in _STOP:
                        add(tokens[k + 1].group(0), nid)
                    k += 2
    return out


def _bracketed(notes: list[str], words: list[str], known: dict[str, tuple[str, ...]]) -> set[str]:
    """One word in brackets right after the client's name ("lachlan brown (lachie)", "johannes de vries (hans)"):
    the form they go by (NOTES-guard10 N2). Two words or more in brackets are a company or a note, not a name."""
    if len(words) < 2:
        return set()
    t = tables()
    name = r"[\s-]+".join(re.escape(w) for w in words)
    out: set[str] = set()
    for low in notes:
        for m in re.finditer(rf"(?<![\w']){name}\s*\(\s*([a-z][\w'’-]+)\s*\)", low):
            w = m.group(1)
            if w not in _STOP and w not in known and w not in t["relation_words"] and not is_honorific(w):
                out.add(w)
    return out


def address_model(ctx: DraftContext) -> AddressModel:
    """The address model of a context's client, learnt from its notes."""
    c, t = ctx.client, tables()
    notes = [_fold(_norm(n.text)) for n in ctx.notes]
    words = [_fold(w) for w in _words(c.name)]
    family_first = len(words) > 1 and (
        (words[0] in t["family_first"] and (len(words) >= 3 or "-" in words[-1]))
        or _shows_family_first(words[0], notes)
    )
    given: set[str] = set()
    family: set[str] = set()
    if words:
        if family_first:
            family.add(words[0])
            given |= set(words[1:])
        else:
            given.add(words[0])
            if len(words) > 1:
                family.add(words[-1])
    if c.goes_by:
        given |= {_fold(w) for w in c.goes_by.split()}
    for alias in c.aliases:
        aw = [_fold(w) for w in _words(alias)]
        if aw:
            given.add(aw[0])
            family.add(aw[-1])
    if c.formal_name:
        fw = [_fold(w) for w in _words(c.formal_name)]
        if len(fw) > 1:
            family.add(fw[-1])
    known = relatives([(n.id, n.text) for n in ctx.notes])
    honorifics: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    nick: set[str] = set()
    for low in notes:
        for m in re.finditer(r"(?<![\w'])([a-z][\w'.]*)[\s(]+([a-z][\w'-]*)", low):
            before, name = m.group(1).rstrip("."), m.group(2)
            if name in given and before not in _STOP and before not in known and before not in family:
                honorifics.add(before)  # "khun somchai", "(chi mai)": how the notes address them
            if is_honorific(before) or before in t["given_honorifics"]:
                pairs.add((before, name))
            nickname = name in family and name not in given and before not in known and before not in _STOP
            if nickname and any(_shares_letters(before, g) for g in given):
                nick.add(before)  # "bec o'sullivan" for Rebecca O'Sullivan
    given |= nick | _bracketed(notes, words, known)
    given -= set(known) - set(words)
    greet = c.goes_by or (_words(c.name)[1 if family_first and len(_words(c.name)) > 1 else 0] if words else c.name)
    return AddressModel(
        frozenset(given),
        frozenset(family),
        family_first,
        frozenset(honorifics - _GENERIC_GREETEES),
        frozenset(pairs),
        known,
        greet,
    )
