"""Who a note is about: the people it mentions, known clients first, then new full names, each scored.

A note typed fast names people in any case, with a title, after an introducing word, or with a surname that is
also a company or place name later in the note. Candidates are spans of one to three adjacent words; a span is
scored by how much it reads like a person:

- the first word is a first name (gender-guesser's ~40,000 names, the US census first names), penalised by
  how common it is as an English word (wordfreq: "will", "mark", "grace" are common words too);
- the next word is a surname: the log-odds of it as a surname (US census 1990 surname frequencies, the
  `names` package) against it as an English word (wordfreq): a frequent census surname that English rarely
  uses is a name, an adverb or verb form is a word; a word neither list knows and English rarely uses is taken
  for a surname (the census lists few African and South Asian surnames);
- what stands before it: a title ("dr", "coach": not part of the name), an introducing word ("w", "met",
  "promised"), or nothing (the note's subject comes first), and whether the words are capitalised.

Known clients are found by full name, a close typo of it (one letter doubled or dropped), first name or
nickname, or a title and surname. The word lists (titles, introducing words, fillers) live in
bot/chat/data/name_cues.txt with a reason each. The dictionaries are loaded on first use (~0.5 s).
"""

from __future__ import annotations

import calendar
import difflib
import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from bot.chat.never_names import never_names, small_talk_words
from memory import lexicon
from memory.lexicon import STOPWORDS
from memory.records import Client

__all__ = [
    "NEW_NAME_THRESHOLD",
    "RARE_WORD",
    "TYPO_RATIO",
    "Mention",
    "cue_kinds",
    "dictionaries",
    "family_first_score",
    "first_name_score",
    "given_name_score",
    "is_cue",
    "is_name_part",
    "mentions",
    "only_a_word",
    "other_language_word",
    "surname_score",
    "title_case",
    "verb_form",
    "zipf",
]

log = logging.getLogger("bot.mentions")
CUES = Path(__file__).with_name("data") / "name_cues.txt"
NAME_PARTS = Path(__file__).with_name("data") / "name_parts.txt"
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?|[&+]|w/")

NEW_NAME_THRESHOLD = 2.5  # a new client's full name needs this score (benchmarks/mentions_days.py: 139/143, 0 wrong)
TYPO_RATIO = 0.85  # a span this close to a known full name (difflib ratio) is that client mistyped
KNOWN = 10.0  # the score of a known client's name: always above a new name's

# Weights of the evidence (log-odds-like units; measured on the day scripts, see benchmarks/mentions_days.py).
FIRST_NAME = 2.0  # the first word is in a first-name dictionary
FIRST_COMMON = 5.0  # ... but a word this frequent in English (zipf) is a word first ("will", "may", "the")
TITLE = 2.0  # "dr", "coach" before it
INTRO = 0.5  # "met", "w", "promised" before it
SUBJECT = 1.0  # the note's first words (after fillers): a note starts with whom it is about
SEGMENT = 0.5  # the first words after a dash, colon or full stop: a part of the note starts with its subject
VERB_SURNAME = -2.0  # surname_score of a verb form or listed verb ("confirmed", "said"): never a name's second word
VERB_AFTER = 0.5  # a verb right after it ("<name> wants", "<name> said"): a person doing something
CAPITALISED = 1.5  # a name typed with capitals in a note that is otherwise lower case
DETERMINER = -2.0  # "the", "a", "our" right before it: a thing ("the oak sideboard"), not a person's name
DETERMINERS = lexicon.not_names("determiners")
COMMON_KNOWN_FIRST = 4.0  # a known first name this common in English (zipf), typed in lower case, needs a person's
# context around it ("grace period" is a word; "told grace", "grace wants" a person): first_name_score's penalty point
COMMON_STEM = 4.0  # "-s" on a word at least this common is a verb form ("wants")
COMMON_ED_STEM = 3.5  # "-ed" on a word this common: past tense after a name is the commonest ("ravi shipped it")
RARE_WORD = 3.2  # a word unknown to the census and rarer than this zipf is taken for a surname
RARE_FIRST = 1.0  # a rare word where a first name goes, before a surname: a name the dictionaries lack
PARTICLE = 1.0  # "van der", "bin", "dos" between two words: the shape of a full name in many languages
STRONG_SURNAME = 1.5  # after a dictionary first name, a surname this sure needs no context ("stopped by dale hansen's")
MIN_SURNAME_SHARE = 2e-6  # census shares below the file's precision (0.000%) count as this
ORDINARY = (
    4.0  # zipf: a word this common in English is an ordinary word ("order", "solo", "dean"), not a name by itself
)
SURE_FAMILY = 1.0  # a family name written first this sure as a surname (surname_score) is a name though English uses it
SHORT_PARTICLE = 2  # a particle this short ("e", "y", "de", "el") is also a function word of English or Romance text


@dataclass(frozen=True)
class Mention:
    """A person named in a note: where, as what name, how sure, and the known client it is (if any)."""

    start: int  # character offsets in the note
    end: int
    name: str  # display name ("Alan Brooks"), without a title
    score: float
    clients: tuple[Client, ...] = ()  # known clients it can mean (more than one: ambiguous)
    typo: str = ""  # what was typed, when it is a close typo of a known client's name
    words: int = 1
    subject: bool = False  # the note's first words
    joined: bool = False  # joined to the mention before it by "and", "&", "+"
    lead: bool = False  # only fillers and introducing words before it ("met w ..."): the note's subject
    clause: bool = False  # the first words after a colon, dash or full stop: the subject of that part
    evidence: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def weak(self) -> bool:
        """A new name resting on two rare words, with no first-name dictionary behind it."""
        return "rare_first" in self.evidence

    @property
    def known(self) -> bool:
        """Whether it names a known client."""
        return bool(self.clients)


@cache
def cue_kinds() -> dict[str, frozenset[str]]:
    """name_cues.txt as word -> kinds (title, intro, filler)."""
    return lexicon.word_kinds(CUES, frozenset({"intro", "filler", "relation", "verb", "amend"}))


def is_cue(word: str, kind: str) -> bool:
    """Whether `word` is this kind: a title (memory/data/name_titles.txt), or intro/filler/relation (name_cues.txt)."""
    if kind == "title":
        return lexicon.is_title(word)
    return kind in cue_kinds().get(word.casefold(), frozenset())


_is = is_cue


@cache
def dictionaries() -> bool:
    """Whether the name and word-frequency dictionaries (packages `names`, `wordfreq`) can be loaded.

    They are dependencies; when one is missing (a broken install) notes are still filed, by the older rules of
    bot/chat/routing.py, and the log says so once.
    """
    if not lexicon.census_names_installed():
        log.warning("person-mention detector off (no names package): notes are filed by the older rules")
        return False
    if not lexicon.word_frequencies_installed():
        log.warning("person-mention detector off (no wordfreq): notes are filed by the older rules")
        return False
    return True


@cache
def _census() -> tuple[dict[str, float], frozenset[str]]:
    """US census surnames (share of people, never below MIN_SURNAME_SHARE) and first names, from memory's loader."""
    last = {name: max(share, MIN_SURNAME_SHARE) for name, share in lexicon.census_surname_shares().items()}
    return last, lexicon.census_first_names()


@lru_cache(maxsize=50_000)  # bounded: a bot runs for weeks and meets every word its users type
def zipf(word: str) -> float:
    """How common `word` is in English (wordfreq's Zipf scale: 7 = "the", 3 = rare, 0 = unknown)."""
    if not dictionaries():
        return 0.0  # no frequencies: no word is known to be common (the older rules then decide)
    return lexicon.zipf_frequency(word)


LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff'’-]+")  # Latin letters, accented ones (Vietnamese too)

CALENDAR = frozenset(
    w.casefold() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr)
)
# NEVER (pronouns, greetings, command and function words: never a name's word) is set at the end of this module:
# it needs the name lists to keep the greetings that are given names ("Shalom Cohen").


def _ascii(word: str) -> str:
    """The word without accents or apostrophes, as the census and gender lists spell names ("ramón" -> "ramon")."""
    return lexicon.normalize(word).replace(" ", "")


def _hyphen_parts(word: str) -> list[str]:
    """The parts of a hyphenated name word ("anne-marie", "álvarez-peña"), or [] for a plain word."""
    parts = [p for p in word.split("-") if p]
    return parts if len(parts) >= 2 else []


MIN_SYLLABLE, SHORT_SYLLABLE = 2, 3  # a part of a compound given name no list knows: "ho" of "min-ho", never "x"


def _known_given(w: str) -> bool:
    """Whether the census, the gender list or name_parts.txt knows the case-folded word as a given name."""
    _, census_first = _census()
    folded = _ascii(w)  # the lists spell names without accents: "ramón", "ciarán" are "ramon", "ciaran" there
    return is_name_part(w, "given") or any(
        v in census_first or (len(v) >= 3 and lexicon.first_name_detector().get_gender(v) != "unknown")
        for v in dict.fromkeys((w, folded))
    )


def first_name_score(word: str) -> float:
    """Evidence that `word` is a first name (0 when no dictionary knows it)."""
    w = word.casefold()
    if len(w) < 2 or w in NEVER or not dictionaries():
        return 0.0
    if parts := _hyphen_parts(w):  # "anne-marie", "min-ho": a compound given name is one when a part is one and
        # every other part is a name too or a short syllable ("ho"); "x-ray", "hands-free" are words
        if is_name_part(parts[-1], "suffix"):
            return 0.0
        scores = [first_name_score(p) for p in parts]
        if any(sc <= 0 and not MIN_SYLLABLE <= len(p) <= SHORT_SYLLABLE for p, sc in zip(parts, scores, strict=True)):
            return 0.0
        return max(scores)
    if not _known_given(w):
        return 0.0
    common = zipf(w)
    score = FIRST_NAME - max(0.0, common - 4.0)  # "grace" (4.6) a little less, "will" (6.5) not at all
    return score if common < FIRST_COMMON + 1 else 0.0


CONTRACTION = re.compile(r"[^\W\d_]{2,}'(?:d|ll|ve|re|m)")


def surname_score(word: str) -> float:
    """Log-odds that `word` is a surname rather than an English word (negative: a word)."""
    w = word.casefold().replace("’", "'")
    if not dictionaries():
        return 0.0  # no evidence either way
    if len(w) < 2 or w in NEVER or w in CALENDAR or _honorific(w):
        return -3.0  # an honorific or title ("hanım", "jr", "dr") is never a surname
    if _is(w, "intro") or _is(w, "verb"):
        return -2.0  # "<first name> rang/met/said ...": a listed verb after a first name, whatever the census says
    if CONTRACTION.fullmatch(w):
        return -2.0  # "msg'd", "txt'd", "she'll": a verb or a contraction, never a surname ("O'Neill" has its ' early)
    if parts := _hyphen_parts(w):  # "gonzalez-reyes", "o'sullivan-byrne": a double-barrelled surname is as sure as
        scores = [surname_score(p) for p in parts]  # its surer part (wordfreq scores the whole by its parts),
        return min(scores) if min(scores) <= -2.0 else max(scores)  # unless a part is surely a word ("x-ray")
    last, _ = _census()
    word_share = 10 ** (zipf(w) - 9) if zipf(w) > 0 else 1e-9
    share = last.get(w.replace("'", "")) or last.get(_ascii(w))  # "peña", "hernández" are "pena", "hernandez"
    if share is not None:
        return max(-3.0, min(3.0, math.log10(share) - math.log10(word_share)))
    if LATIN.fullmatch(w) is None:
        return 0.0  # another script: neither the census nor English word frequencies can tell
    if w.endswith(("ed", "ing")) or (w.endswith("s") and zipf(w[:-1]) >= 4.0):
        return -2.0  # a verb form ("ordered", "wants"), not a surname the census lacks
    return max(-3.0, min(2.0, RARE_WORD - zipf(w)))


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int
    gap: str  # the text between the previous word and this one

    @property
    def base(self) -> str:
        """The word without a possessive ("anita's" -> "anita")."""
        return re.sub(r"['’]s$", "", self.text)

    @property
    def possessive(self) -> bool:
        return self.base != self.text


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev = 0
    for m in WORD.finditer(text):
        out.append(_Tok(m.group(0), m.start(), m.end(), text[prev : m.start()]))
        prev = m.end()
    return out


def _adjacent(tok: _Tok) -> bool:
    return tok.gap.strip() == ""


@dataclass
class _Forms:
    """The ways a known client can be written."""

    full: dict[str, list[Client]] = field(default_factory=dict)  # normalised full names and aliases
    first: dict[str, list[Client]] = field(default_factory=dict)  # first names and nicknames
    last: dict[str, list[Client]] = field(default_factory=dict)  # surnames


def _forms(known: list[Client]) -> _Forms:
    forms = _Forms()
    for c in known:
        parts = lexicon.normalize(c.name).split()
        if not parts:
            continue
        for key in {" ".join(parts), *(lexicon.normalize(a) for a in c.aliases)}:
            if key and key.casefold() not in NEVER:
                forms.full.setdefault(key, []).append(c)
        for key in lexicon.nickname_variants(parts[0]):
            forms.first.setdefault(key, []).append(c)
        typed = c.name.split()
        if len(parts) >= 2:
            forms.last.setdefault(parts[-1], []).append(c)
            for part in parts[1:-1]:  # "dra gómez" is Ana Lucía Gómez Prieto: a first surname goes by itself
                if not is_name_part(part, "particle") and c not in forms.last.get(part, []):
                    forms.last.setdefault(part, []).append(c)
            if len(typed) >= 2 and lexicon.normalize(typed[-1]) != parts[-1]:  # "Adeyinka-Bello", "Soo-jin" as typed
                forms.last.setdefault(lexicon.normalize(typed[-1]), []).append(c)
        if len(typed) >= 2 and "-" in typed[0]:  # "Mei-Ling Chow" goes by "mei-ling", "meiling", "Mei Ling"
            given = lexicon.normalize(typed[0])
            forms.full.setdefault(given, []).append(c)
            forms.first.setdefault(given.replace(" ", ""), []).append(c)
            forms.first.setdefault(given, []).append(c)  # the hyphenated word is one token: "mei-ling" -> "mei ling"
        if len(typed) >= 2 and is_name_part(typed[0], "family"):  # "Kim Soo-jin" goes by "Soo-jin", "Wei Ling"
            given = lexicon.normalize(" ".join(typed[1:]))
            forms.first.setdefault(given, []).append(c)
            forms.first.setdefault(given.replace(" ", ""), []).append(c)  # "soojin": romanised without the hyphen
            if " " in given:
                forms.full.setdefault(given, []).append(c)
    return forms


def _subject_start(toks: list[_Tok]) -> int:
    """Index of the note's first word after fillers ("ok so um cliff navarro ..." -> 3)."""
    i = 0
    while i < len(toks) and _is(toks[i].text, "filler"):
        i += 1
    return i


def _date_word(toks: list[_Tok], i: int) -> bool:
    """A month or weekday used as a date ("jan 15", "before june"), not a first name."""
    if toks[i].base.casefold() not in CALENDAR:
        return False
    after = toks[i + 1].gap if i + 1 < len(toks) else ""
    before = toks[i - 1].base.casefold() if i else ""
    return bool(re.match(r"\s*\d", after)) or before in {"in", "before", "after", "by", "until", "till", "since", "of"}


def mentions(text: str, known: list[Client]) -> list[Mention]:
    """The people a note names, in order: known clients (any case, typos, titles) and scored new full names.

    Empty when the dictionaries cannot be loaded: callers then use their older rules.
    """
    if not dictionaries():
        return []
    toks = _tokens(text)
    forms = _forms(known)
    subject = _subject_start(toks)
    lower_note = sum(t.text.islower() for t in toks) > len(toks) / 3  # capitals mean something in such a note
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        found = _at(toks, i, forms, subject, lower_note, known)
        if found is None or (not found.known and found.score < NEW_NAME_THRESHOLD):
            found = _couple(toks, i, forms, subject, lower_note, known) or found
        if found is None:
            i += 1
            continue
        if not found.known and found.words >= 2:  # "met <known full name>": the known name one word on wins
            nxt = _at(toks, i + 1, forms, subject, lower_note, known)
            if nxt is not None and nxt.known and nxt.words >= 2:
                i += 1
                continue
            sure = nxt is not None and nxt.score >= NEW_NAME_THRESHOLD and not nxt.weak and nxt.words >= 2
            guess_is_name = first_name_score(toks[i].base) > 0  # "luz marina restrepo gómez": one name, no guess
            if sure and (found.score < NEW_NAME_THRESHOLD or found.weak) and not guess_is_name:
                i += 1  # "w biurze Agnieszka Kowal": a weak guess gives way to the sure full name it overlaps
                continue
        if not found.known and _organisation_slot(toks, i, out, text):
            i += found.words  # "<name> (Demir Bezorgdiensten)", "buyer at Olive Young": the company, not a person
            continue
        if out and i >= 1 and _is(toks[i - 1].text, "intro") and toks[i - 1].text.casefold() in {"and", "&", "+"}:
            found = replace(found, joined=True)
        if i >= subject and all(_is(t.text, "intro") for t in toks[subject:i]):
            found = replace(found, lead=True)
        elif i and re.search(r"[:;.!?\n]|\s[-–—]", toks[i].gap):
            found = replace(found, clause=True)
        out.append(found)
        i += found.words
    return out


AT_WORDS = frozenset({"at", "@"})  # "buyer at Olive Young", "GM @ Harbor Grill": what follows is where they work


def _organisation_slot(toks: list[_Tok], i: int, out: list[Mention], text: str) -> bool:
    """Whether a new name at word i stands where a company or venue goes: in brackets right after a person just
    named ("yusuf demir (Demir Bezorgdiensten)", "federico di lorenzo (di lorenzo imports)": the README's
    "Tom Reyes (Northgate Dental)" shape), or after "at" ("buyer at Olive Young")."""
    if i and toks[i - 1].text.casefold() in AT_WORDS and _adjacent(toks[i]):
        return True
    opened = text.rfind("(", 0, toks[i].start)
    if opened < 0 or ")" in text[opened : toks[i].start] or len(text[opened + 1 : toks[i].start].split()) > 1:
        return False  # not in brackets, or more than a legal form ("CV", "PT") before it inside them
    before = len(text[:opened].rstrip())
    if out and out[-1].end == before:
        return True
    # a single name opening the note: "Budi (PT Kurir Cepat) ...", "Watanabe-san (Izakaya Watanabe, Ebisu) ..."
    lead = _subject_start(toks)
    return lead < i and toks[lead].end == before and toks[lead].text[:1].isupper()


def _couple(
    toks: list[_Tok], i: int, forms: _Forms, subject: int, lower_note: bool, known: list[Client]
) -> Mention | None:
    """ "omar and lena vasquez": a first name joined by "and" to a new full name shares its surname (Omar Vasquez)."""
    if i + 2 >= len(toks) or toks[i + 1].text.casefold() not in {"and", "&", "+"} or toks[i].possessive:
        return None
    if first_name_score(toks[i].base) <= 0 or _date_word(toks, i):
        return None
    if i and is_name_part(toks[i - 1].text, "particle") and _adjacent(toks[i]):
        return None  # "kiri te awa and giulia rossi": "awa" ends a name of its own, it shares no surname
    partner = _at(toks, i + 2, forms, subject, lower_note, known)
    if partner is None or partner.known or partner.words != 2 or partner.score < NEW_NAME_THRESHOLD or partner.weak:
        return None
    surname = partner.name.split()[-1]
    ev = {**partner.evidence, "couple": 0.0}
    name = f"{title_case(toks[i].base)} {surname}"
    return Mention(toks[i].start, toks[i].end, name, partner.score, (), "", 1, subject=i == subject, evidence=ev)


def _span_ok(toks: list[_Tok], i: int, n: int) -> bool:
    if i + n > len(toks):
        return False
    span = toks[i : i + n]
    if any(t.text in {"&", "+", "w/"} for t in span):
        return False
    if any(not _adjacent(t) for t in span[1:]) or any(t.possessive for t in span[:-1]):
        return False
    if any(_honorific_at(toks, k) for k in range(i + 1, i + n)):
        return False  # "tanaka san", "sharma ji": the honorific after the name is no word of it
    return not any(t.base.casefold() in NEVER or _honorific(t.base) for t in span)


def _honorific(word: str) -> bool:
    """A title or an honorific written after a name (memory/data/name_titles.txt): never a word of the name. One
    that is also a given-name syllable ("ji", "san") is told by the word before it (`_honorific_at`)."""
    return lexicon.is_title(word) or (lexicon.is_honorific_after(word) and not lexicon.is_name_syllable(word))


def _honorific_at(toks: list[_Tok], k: int) -> bool:
    """Whether word k is an honorific after the name before it: "Sharma ji", "Tanaka san" are; "Wang Ji", "Lee San"
    are a one-syllable family name written first and the given name after it."""
    word = toks[k].base
    if not lexicon.is_honorific_after(word):
        return False
    if k == 0 or not lexicon.is_name_syllable(word):
        return True
    before = toks[k - 1].base
    return lexicon.honorific_after(before, word) or not is_name_part(before, "family")


def _at(toks: list[_Tok], i: int, forms: _Forms, subject: int, lower_note: bool, known: list[Client]) -> Mention | None:
    """The best mention starting at word i, or None."""
    tok = toks[i]
    before = toks[i - 1].text.casefold() if i else ""
    titled = bool(before) and _is(before, "title")
    for n in (3, 2):  # a known client's full name (or alias), exactly or with a close typo
        if not _span_ok(toks, i, n):
            continue
        span = toks[i : i + n]
        key = lexicon.normalize(" ".join(t.base for t in span))
        if key in forms.full:
            return _mention(toks, i, n, forms.full[key][0].name, KNOWN, tuple(forms.full[key]))
        if n != 2:
            continue
        first, last = lexicon.normalize(span[0].base), lexicon.normalize(span[1].base)
        same_first = forms.first.get(first, [])  # only clients sharing a first name or surname are compared
        by_parts = [c for c in same_first if lexicon.normalize(c.name).split()[-1] == last]
        if by_parts:  # a nickname and the surname: the client with that full name
            return _mention(toks, i, n, by_parts[0].name, KNOWN, tuple(dict.fromkeys(by_parts)))
        near = {lexicon.normalize(c.name): c for c in [*same_first, *forms.last.get(last, [])]}
        if near and surname_score(span[1].base) > -2.5:
            close = difflib.get_close_matches(key, list(near), n=2, cutoff=TYPO_RATIO)
            if len(close) == 1 and len(close[0].split()) == 2:  # a known full name with one letter off: mistyped
                return _mention(
                    toks, i, n, near[close[0]].name, KNOWN - 1, (near[close[0]],), typo=" ".join(t.base for t in span)
                )
    new = _new_person(toks, i, subject, lower_note, titled)
    word = lexicon.normalize(_given(tok.base))  # "tanaka-san": the honorific is no part of the name
    sure_new = new is not None and new.score >= NEW_NAME_THRESHOLD and (not new.weak or _set_off(toks, i, new, subject))
    after_known = new is not None and _word_after_known_first(toks, i, new, forms)
    if new is not None and sure_new and not after_known:
        return new  # a sure new full name is someone new, even when a client shares the first name
    if word not in forms.first and word.endswith("s") and word[:-1] in forms.first and zipf(word) < RARE_WORD:
        word = word[:-1]  # a possessive typed without its apostrophe (a first name + "s", rare as a word)
    if word in forms.first and not _date_word(toks, i) and (word not in NEVER):
        common = (
            tok.text.islower()
            and not after_known
            and (
                zipf(word) >= FIRST_COMMON + 1
                or (zipf(word) >= COMMON_KNOWN_FIRST and not _person_context(toks, i, titled))
            )
        )
        if not common:
            return _mention(toks, i, 1, tok.base, KNOWN, tuple(dict.fromkeys(forms.first[word])))
    if word in forms.last and (titled or tok.text[:1].isupper() or zipf(word) < 4.0) and word not in NEVER:
        return _mention(toks, i, 1, tok.base, KNOWN, tuple(dict.fromkeys(forms.last[word])))
    if before == "the" and word.endswith("s") and word[:-1] in forms.last:  # "the" + surname + "s": the family
        return _mention(toks, i, 1, tok.base, KNOWN, tuple(dict.fromkeys(forms.last[word[:-1]])))
    return new  # below the threshold: kept as a weak mention (never files a note by itself)


COMMON_SECOND = 4.0  # zipf: a lowercase word this common (English or a language notes mix in) is a word, not a surname


def _common_word(word: str) -> bool:
    """Whether `word` is a common word of English or of another language notes are written in ("keen", "mudou")."""
    w = word.casefold()
    least = 10 ** (COMMON_SECOND - 9)
    return zipf(w) >= COMMON_SECOND or any(table.get(w, 0.0) >= least for table in _other_frequencies())


def _word_after_known_first(toks: list[_Tok], i: int, new: Mention, forms: _Forms) -> bool:
    """Whether a 'new full name' is one known client's first name and a lowercase common word after it
    ("craig keen on the quote", "luana mudou de ideia"): the client, not someone new."""
    word = lexicon.normalize(_given(toks[i].base))
    if len(set(map(id, forms.first.get(word, [])))) != 1 or i + 1 >= len(toks):
        return False  # no client or several share the first name: the full name decides
    second = toks[i + 1]
    if second.text[:1].isupper():
        return False  # "craig Dunn": a surname typed as one
    in_census = second.base.casefold() in _census()[0]
    if in_census and surname_score(second.base) >= STRONG_SURNAME:
        return False  # "luana gomes", "craig hansen": the census is surer of a surname than of a word
    if in_census:  # "lara chen": another language's word list says nothing about a surname English knows
        return zipf(second.base) >= COMMON_SECOND or verb_form(second.base)
    return _common_word(second.base) or verb_form(second.base)


def _set_off(toks: list[_Tok], i: int, new: Mention, subject: int) -> bool:
    """Whether a full name opens the note and a colon, dash or bracket follows it ("Ngozi Okafor: ..."): the shape
    of a note's subject, so it is someone new even when a client shares the first name."""
    after = i + new.words
    return i == subject and new.words >= 2 and after < len(toks) and SET_OFF.match(toks[after].gap) is not None


SET_OFF = re.compile(r"\s*(?:[:(]|[-–—]\s)")


def _person_context(toks: list[_Tok], i: int, titled: bool) -> bool:
    """Whether the words around word i show a person: a title or introducing word before it, a possessive, a
    pause after it ("grace: ...", "grace, ..."), or a verb after it ("grace wants", "grace said")."""
    tok = toks[i]
    if titled or tok.possessive or (i and _is(toks[i - 1].text, "intro")):
        return True
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if re.search(r"[:,;(]|\s[-–—]", nxt.gap) or lexicon.is_honorific_after(nxt.text):
        return True  # "grace: ...", "elif hanım": a pause or an honorific after it
    return verb_form(nxt.base)


def only_a_word(text: str, word: str) -> bool:
    """Whether `word` (a known client's first name) is, wherever `text` holds it, a common English word typed in
    lower case with no person around it ("june deadline", "hope the rep calls"): then it names no one."""
    toks = _tokens(text)
    at = [i for i, t in enumerate(toks) if t.base.casefold() == word.casefold()]
    if not at or not dictionaries() or zipf(word) < COMMON_KNOWN_FIRST:
        return False
    return all(toks[i].text.islower() and not _person_context(toks, i, False) for i in at)


def verb_form(word: str) -> bool:
    """ "wants", "called", "said": a verb (name_cues.txt's verbs, or -s/-ed on a common English word)."""
    w = word.casefold()
    if _is(w, "verb"):
        return True
    if w.endswith("ed"):
        return max(zipf(w[:-2]), zipf(w[:-1])) >= COMMON_ED_STEM
    return w.endswith("s") and not w.endswith("ss") and zipf(w[:-1]) >= COMMON_STEM


def _mention(
    toks: list[_Tok], i: int, n: int, name: str, score: float, clients: tuple[Client, ...] = (), typo: str = ""
) -> Mention:
    return Mention(toks[i].start, toks[i + n - 1].end, name, score, clients, typo, n, subject=False)


def _context(toks: list[_Tok], i: int, last: int, subject: int, lower_note: bool, titled: bool) -> dict[str, float]:
    """The evidence around a candidate name from word i to word `last`: a title, an introducing word, the note's
    or a part's first words, capitals in a lower-case note."""
    ev: dict[str, float] = {}
    before = toks[i - 1].text.casefold() if i else ""
    if titled:
        ev["title"] = TITLE
    elif before and _is(before, "intro") and _adjacent_or_slash(toks, i):
        ev["intro"] = INTRO
    if i == subject:
        ev["subject"] = SUBJECT
    elif re.search(r"[-–—:;.!?\n(]", toks[i].gap) and not titled:
        ev["segment"] = SEGMENT  # "<shop name> - <person> - <what>": a part of the note starts with its person
    if lower_note and toks[i].text[:1].isupper() and toks[last].text[:1].isupper():
        ev["capitalised"] = CAPITALISED
    if last + 1 < len(toks) and toks[last + 1].gap.strip() in {"", ","} and verb_form(toks[last + 1].base):
        ev["verb_after"] = VERB_AFTER  # "<name> wants ...", "<name>, asked ...": the name is a clause's subject
    if before in DETERMINERS and not titled and not toks[i].text[:1].isupper():
        ev["determiner"] = DETERMINER  # "wants the oak sideboard delivered": an article goes with a thing
    return ev


def _not_a_person(word: str) -> bool:
    """A business or household word ("hvac", "constructora", "dierenwinkel"): a pair holding it names no one."""
    folded = word.casefold()
    if folded in company_words():
        return True
    # a Dutch or German compound ends in its head noun: "dierenwinkel" is a (pet) shop as "winkel" is
    return any(len(folded) > len(head) + 2 and folded.endswith(head) for head in company_heads())


def _new_person(toks: list[_Tok], i: int, subject: int, lower_note: bool, titled: bool) -> Mention | None:
    """A new person's full name starting at word i, scored; or None.

    Two words (three when capitalised), a given name and a surname in either order ("Tanaka Yuki"), or a given name,
    particles and a surname ("Pieter van der Merwe", "Khalid bin Salman").
    """
    particled = _particled(toks, i, subject, lower_note, titled)
    if particled is not None:
        return particled  # a particle is never a name by itself: "nguyen van minh" is not "Nguyen Van"
    return _pair(toks, i, subject, lower_note, titled)


def _pair(toks: list[_Tok], i: int, subject: int, lower_note: bool, titled: bool) -> Mention | None:
    """A given name and a surname, in English or family-first order."""
    if _date_word(toks, i) and not titled:
        return None
    if not _span_ok(toks, i, 2) and not _function_word_name(toks, i):
        return None
    first, second = toks[i], toks[i + 1]
    if is_name_part(second.base, "particle") and _span_ok(toks, i + 1, 2) and toks[i + 2].text[:1].isupper():
        return None  # "Nguyễn Thị Thu": a particle before a capitalised word goes on with the name, never ends it
    if _not_a_person(first.base) or _not_a_person(second.base):
        return None  # "brennan hvac", "constructora hernández": a business named after its owner, not a person
    given = _given(second.base)
    if surname_score(given) <= VERB_SURNAME and not second.text[:1].isupper():
        return None  # "dr kim confirmed", "dana wants": a verb after the name ends it, whatever the title adds
    ev: dict[str, float] = {"first": first_name_score(first.base), "surname": surname_score(given)}
    family = family_first_score(first.base)
    if is_name_part(first.base, "family") and not _second_sign(
        toks, i, i + 1, titled, _family_lower_ok(first.base, given) or _given_syllables(toks, i)
    ):
        family = 0.0  # "min order", "han solo": a family name first, in lower case, before an ordinary word, is words
        if _ordinary(first.base) and surname_score(first.base) < SURE_FAMILY:
            ev["first"] = 0.0  # "tan leatherette", "sun lounger": nor is it a given name (gender-guesser lists them)
    if family > 0:  # "tanaka yuki", "lee min-ho": the family name first, then a given name
        as_given = given_name_score(given)
        if family + as_given > ev["first"] + ev["surname"]:
            ev = {"first": family, "surname": as_given}
    if _function_word_name(toks, i):
        ev = {"first": FIRST_NAME, "surname": surname_score(given), "foreign": RARE_FIRST}
    ev.update(_context(toks, i, i + 1, subject, lower_note, titled))
    if len(ev) == 2:
        same_case = first.text[:1].isupper() == second.text[:1].isupper()  # "bei Hoffmann": a word, then a name
        if ev["first"] >= FIRST_NAME - 0.5 and ev["surname"] >= STRONG_SURNAME and same_case:
            ev["pair"] = 0.0  # a dictionary first name and a plain surname mid-sentence: "stopped by dale hansen's"
        else:
            return None  # no title, no introducing word, not the subject, no capitals: two words mid-sentence
    if ev["surname"] <= 0 and _ordinary(first.base) and not _second_sign(toks, i, i + 1, titled, False):
        return None  # "penny ante", "rose gold": an English word, then a word no surname list favours, in lower case
    caps = [t.text[:1].isupper() for t in (first, second)]
    min_second = 3 if all(caps) and lower_note else 4  # "Chiamaka Eze" typed with capitals; lower case: jargon risk
    rare_pair = len(first.base) >= 3 and len(given) >= min_second and ev["surname"] > 0  # "sso", "lvp": jargon
    rare_pair = rare_pair and LATIN.fullmatch(first.base + given) is not None  # English frequencies say nothing else
    rare_pair = rare_pair and not other_language_word(first.base)  # "factura pagada": Spanish words, not a name
    if ev["first"] <= 0 and 0 < zipf(first.base) < RARE_WORD - 0.2 and rare_pair:
        ev["rare_first"] = RARE_FIRST  # two rare words where a name goes: a name the dictionaries lack
    elif ev["first"] <= 0 and zipf(first.base) == 0 and first.base.replace("-", "").isalpha() and rare_pair:
        ev["rare_first"] = RARE_FIRST  # a name English never uses at all
    if ev["first"] <= 0 and not titled and "rare_first" not in ev:
        return None
    n = 2
    if (
        _span_ok(toks, i, 3)
        and toks[i + 2].text[:1].isupper()
        and all(caps)
        and not toks[i + 1].possessive
        and not _not_a_person(toks[i + 2].base)
        and surname_score(toks[i + 2].base) > 0
    ):
        n = 3  # "Mary Ann Lee", "Juan Carlos Ortega": all capitalised
    n = _longer_name(toks, i, n)
    name = _name_text(toks, i, n)
    return Mention(
        toks[i].start, toks[i + n - 1].end, name, sum(ev.values()), (), "", n, subject=i == subject, evidence=ev
    )


MORE_NAME = 0.5  # a word after a two-word name this sure as a surname (surname_score) goes on with the name
SYLLABLE = 5  # a given-name syllable of a family-first name ("boon", "keng", "bảo") is this short
MAX_NAME_WORDS = 5  # "hamid bin saeed al nuaimi", "ana lucía gómez prieto": a full name has at most five parts
MAX_SYLLABLES = 3  # a family-first name takes given-name syllables up to four words ("nguyễn thị thu hà")
MAX_PARTICLES = 2  # "van der", "de la": particles in a row inside a name


def _plain_name_word(tok: _Tok) -> bool:
    """Whether a word can be part of a name at all: no listed word, weekday or month, ordinary word or honorific."""
    base = tok.base.casefold()
    return not (base in NEVER or base in CALENDAR or _not_a_person(tok.base) or _ordinary(tok.base) or _honorific(base))


def _name_word(tok: _Tok) -> bool:
    """Whether a word may go on a full name: a surname of the census or the world, never an ordinary word."""
    return _plain_name_word(tok) and surname_score(tok.base) >= MORE_NAME


SECOND_SURNAME = 1.2  # a further surname after a full name must be this sure (surname_score): "ruiz" 2.5, "paz" 1.5


def _second_surname(tok: _Tok, before: _Tok, name_capitalised: bool) -> bool:
    """Whether a word after an English-order name is a further surname ("gómez prieto", "garcía márquez"): typed
    in the name's case, a census surname English seldom uses, and not the surname again. A word only rare in
    English is not enough: after a name it is as often the company or a place ("<name> northgate ops"), and the
    surname repeated is the family business ("<first> ruiz ruiz animal hospital")."""
    if tok.text[:1].isupper() != name_capitalised or not _name_word(tok) or _ascii(tok.base) == _ascii(before.base):
        return False
    last, _ = _census()
    return _ascii(tok.base) in last and surname_score(tok.base) >= SECOND_SURNAME


def _longer_name(toks: list[_Tok], i: int, n: int) -> int:
    """How many words the name starting at word i has once its further parts are read: a third syllable of a
    family-first name ("lim boon keng"), particles and a surname ("moreira da costa", "bin saeed al nuaimi"),
    a second surname ("gómez prieto"); each adjacent, no possessive before it."""
    family_first = is_name_part(toks[i].base, "family")
    capitalised = toks[i].text[:1].isupper()
    while i + n < len(toks) and n < MAX_NAME_WORDS and not toks[i + n - 1].possessive:
        nxt = toks[i + n]
        if not _adjacent(nxt):
            break
        # a third syllable only after a family name written first: after an English-order name the next
        # word is as often the company ("wendell price northgate ops mgr")
        if (
            n <= MAX_SYLLABLES
            and family_first
            and (_name_word(nxt) or (given_name_score(nxt.base) > 0 and _plain_name_word(nxt)))
            and len(nxt.base) <= SYLLABLE
            and not _honorific_at(toks, i + n)
        ):
            n += 1
            continue
        k = i + n
        while k < len(toks) and k - (i + n) < MAX_PARTICLES and _adjacent(toks[k]) and _particle_in_name(toks[k]):
            k += 1
        ends = k > i + n and k < len(toks) and k - i + 1 <= MAX_NAME_WORDS and _adjacent(toks[k])
        # after a whole English-order name only a surname follows a particle: "Bob Hart van Friday", "Joe Ross van
        # Delivery" are a van and a day, not a Dutch surname; after a given name a capital is enough ("Pieter van Wyk")
        full = n >= 2 and not family_first
        if ends and (_name_word(toks[k]) or (not full and toks[k].text[:1].isupper() and _plain_name_word(toks[k]))):
            n = k - i + 1  # "da silva", "al nuaimi", "de la Cruz"
            continue
        if not family_first and _second_surname(nxt, toks[i + n - 1], capitalised):
            n += 1
            continue
        break
    return n


def _particle_in_name(tok: _Tok) -> bool:
    """A particle that may stand inside a name after its first words ("da", "bin", "al"; not "e" or "y" alone)."""
    return is_name_part(tok.text, "particle") and len(tok.text) > 1


def _name_text(toks: list[_Tok], i: int, n: int) -> str:
    """The display name of words i..i+n: each word capitalised, particles as typed ("Tiago Moreira da Costa")."""
    out = []
    family_first = is_name_part(toks[i].base, "family")
    for k, tok in enumerate(toks[i : i + n]):
        word = _given(tok.base) if k == n - 1 else tok.base
        inside = 0 < k < n - 1 and is_name_part(word, "particle")
        if inside and word.islower():
            out.append(word)
        elif k and family_first and word.islower() and "-" in word:  # "Kim Ha-eun": one given name, one capital
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(title_case(word))
    return " ".join(out)


def _particled(toks: list[_Tok], i: int, subject: int, lower_note: bool, titled: bool) -> Mention | None:
    """ "daan de vries", "Pieter van der Merwe", "fatima al mansoori": a given name, up to three particles
    (bot/chat/data/name_parts.txt) and a surname, kept as one full name."""
    j = i + 1
    while j < len(toks) and j - i <= 3 and _adjacent(toks[j]) and is_name_part(toks[j].text, "particle"):
        j += 1
    if j == i + 1 or j >= len(toks) or not _adjacent(toks[j]) or _date_word(toks, i):
        return None
    first, last = toks[i], toks[j]
    if first.base.casefold() in NEVER or last.base.casefold() in NEVER or _date_word(toks, j):
        return None  # "thị thu": a weekday's short form after a particle is a name unless a date follows
    if any(t.possessive for t in toks[i:j]) or _not_a_person(first.base) or _not_a_person(last.base):
        return None
    if is_name_part(first.text, "particle") and first_name_score(first.base) <= 0:
        return None
    given = max(first_name_score(first.base), family_first_score(first.base), _unknown_word(first.base))
    surname = surname_score(last.base)
    if last.text[:1].isupper():
        surname = max(surname, 0.0)  # "ben David": a capitalised common word after a particle is a surname
    short = any(len(t.text) <= SHORT_PARTICLE for t in toks[i + 1 : j])
    rare = [not _ordinary(t.base, RARE_WORD if short else ORDINARY) for t in (first, last)]
    paired = _joined_to_a_name(toks, j)  # "tom van dijk and priya shah": a name joined to another name
    if given <= 0 and all(rare) and (i == subject or paired):
        given = RARE_FIRST  # "kiri te awa and ...": a given name the dictionaries lack, opening the note or paired
    if given <= 0 or surname <= -1.0:
        return None
    # "federico di lorenzo", "marta de souza": a dictionary given name and a surname the census is sure of, neither
    # an ordinary English word, are a name around a short particle too ("herb de provence" is no surname)
    listed = given >= FIRST_NAME and surname >= SURE_FAMILY and not _ordinary(first.base) and not _ordinary(last.base)
    # a particle English never uses ("dela", "binti", "della"; not "van", "de", "bin") is itself the second sign
    foreign = any(len(t.text) > SHORT_PARTICLE and not _ordinary(t.base, RARE_WORD) for t in toks[i + 1 : j])
    if not _second_sign(toks, i, j, titled, all(rare) or listed or (paired and rare[1]) or foreign):
        return None  # "herb de provence", "dean van rental": ordinary words around a particle, in lower case
    ev = {"first": given, "surname": surname, "particle": PARTICLE}
    ev.update(_context(toks, i, j, subject, lower_note, titled))
    n = _longer_name(toks, i, j - i + 1)  # "hamid bin saeed al nuaimi": more particles and surnames after
    return Mention(
        first.start,
        toks[i + n - 1].end,
        _name_text(toks, i, n),
        sum(ev.values()),
        (),
        "",
        n,
        subject=i == subject,
        evidence=ev,
    )


def _joined_to_a_name(toks: list[_Tok], j: int) -> bool:
    """Whether word j is followed by "and"/"&" and a given name ("... dijk and priya shah"): one of two people."""
    return (
        j + 2 < len(toks)
        and toks[j + 1].text.casefold() in {"and", "&"}
        and not toks[j].possessive
        and first_name_score(toks[j + 2].base) > 0
    )


def _ordinary(word: str, common: float = ORDINARY) -> bool:
    """Whether English uses `word` this often (zipf): an ordinary word, not a name by itself. A hyphenated given name
    ("min-ho", "soo-jin") is not one: wordfreq scores it by its parts."""
    return "-" not in word and zipf(word) >= common


def _family_lower_ok(family: str, given: str) -> bool:
    """Whether a family name written first, then a given name, reads as a person in lower case: the family name is
    not an ordinary English word unless the census is sure of it ("lee", "kim"; not "min", "tan", "sun"), and the given
    name is no ordinary word ("lee min-ho", not "han solo")."""
    if _ordinary(family) and surname_score(family) < SURE_FAMILY:
        return False
    return not _ordinary(given)


def _given_syllables(toks: list[_Tok], i: int) -> bool:
    """Whether a family name written first is followed by two given-name syllables ("tan wei ling", "lim boon keng"):
    the three-part shape of a Chinese, Korean or Vietnamese name is itself the second sign a lower-case family name
    that is also an English word ("tan", "lim") needs; "tan leather sofa", "min order qty" have no such run."""
    if _span_ok(toks, i, 2) and _hyphen_given(toks[i + 1].base):
        return True  # "park ji-hoon", "kim soo-jin": one given name of two joined syllables
    if not _span_ok(toks, i, 3) or toks[i + 1].possessive:
        return False
    run = toks[i + 1 : i + 3]
    return all(
        len(t.base) <= SYLLABLE and not _ordinary(t.base) and given_name_score(t.base) > 0 and _plain_name_word(t)
        for t in run
    )


def _hyphen_given(word: str) -> bool:
    """ "ji-hoon", "soo-jin", "min-ho": two short syllables joined by a hyphen, neither an English word (zipf), the
    shape of a Korean given name ("follow-up", "hi-vis", "x-ray" are English)."""
    parts = word.casefold().split("-")
    return (
        len(parts) == 2 and all(1 < len(p) <= 4 and p.isalpha() for p in parts) and not any(_ordinary(p) for p in parts)
    )


def _second_sign(toks: list[_Tok], i: int, last: int, titled: bool, lower_ok: bool) -> bool:
    """The second sign a family-first or particle pattern needs to be a name: its name words capitalised, a title or
    introducing word before it, or (`lower_ok`) name words English does not use ordinarily."""
    if titled or (toks[i].text[:1].isupper() and toks[last].text[:1].isupper()):
        return True
    if i and _is(toks[i - 1].text, "intro") and _adjacent_or_slash(toks, i):
        return True
    return lower_ok


def _function_word_name(toks: list[_Tok], i: int) -> bool:
    """ "can aydın": a given name that is also an English function word ("can"), known to the name dictionaries,
    before a word spelt with letters English lacks and rarely uses: a person, not a sentence."""
    if i + 1 >= len(toks) or not _adjacent(toks[i + 1]) or not dictionaries():
        return False
    first, second = toks[i].base.casefold(), toks[i + 1].base
    if first in DETERMINERS:
        return False  # "2 of the torrontés": an article before a foreign word is a thing, never a given name
    if first not in NEVER or len(first) < 3 or second.isascii() or zipf(second) >= RARE_WORD:
        return False
    _, census_first = _census()
    return first in census_first or lexicon.first_name_detector().get_gender(first) != "unknown"


def _unknown_word(word: str) -> float:
    """Evidence that a word where a given name goes is one: English rarely or never uses it ("chiamaka", "trần")."""
    w = word.replace("-", "")
    if len(w) < 3 or not w.isalpha() or LATIN.fullmatch(word) is None or other_language_word(word):
        return 0.0
    return RARE_FIRST if zipf(word) < RARE_WORD - 0.2 else 0.0


OTHER_LANGUAGES = ("es", "pt", "fr", "de", "it", "nl")  # often mixed into notes; ~0.7 s, ~30 MB on first use
OTHER_COMMON = (
    3.0  # zipf: a word this common in one of them is a word there (a Spanish word like "factura"), names stay below
)


@cache
def _other_frequencies() -> list[dict[str, float]]:
    """wordfreq's word -> frequency tables of OTHER_LANGUAGES (a table lookup: wordfreq's own per-word call costs
    ~5-15 ms for a word it does not know, which is most names)."""
    return [lexicon.frequency_table(lang) for lang in OTHER_LANGUAGES]


def other_language_word(word: str) -> bool:
    """Whether `word` is a common word of another language notes are mixed with ("factura", "reunião", "visita"):
    then English rarely using it is no evidence of a name."""
    if not dictionaries():
        return False
    w = word.casefold()
    least = 10 ** (OTHER_COMMON - 9)  # zipf -> frequency
    return any(table.get(w, 0.0) >= least for table in _other_frequencies())


def _given(word: str) -> str:
    """A name without an honorific suffix ("yuki-san" -> "yuki")."""
    head, sep, tail = word.rpartition("-")
    return head if sep and head and is_name_part(tail, "suffix") else word


def family_first_score(word: str) -> float:
    """Evidence that `word` is a family name written first (name_parts.txt's family names), penalised like a
    first name by how common it is in English."""
    w = word.casefold()
    if w in NEVER or not is_name_part(w, "family") or not dictionaries():
        return 0.0
    common = zipf(w)
    return FIRST_NAME - max(0.0, common - 4.0) if common < FIRST_COMMON + 1 else 0.0


def given_name_score(word: str) -> float:
    """Evidence that `word`, after a family name, is a given name: a first-name dictionary's, or a word English
    rarely uses ("min-ho", "soo-jin")."""
    w = word.casefold()
    if len(w) < 2 or w in NEVER or w in CALENDAR or verb_form(w):
        return 0.0
    known = first_name_score(w)
    if known > 0:
        return known
    if LATIN.fullmatch(w) is None or not w.replace("-", "").isalpha():
        return 0.0
    return max(0.0, min(FIRST_NAME, RARE_WORD - zipf(w)))


@cache
def _name_parts() -> dict[str, frozenset[str]]:
    return lexicon.word_kinds(NAME_PARTS, frozenset({"particle", "family", "suffix", "given"}))


def is_name_part(word: str, kind: str) -> bool:
    """Whether `word` is a name particle, a family name written first, an honorific suffix or a given name the
    census and gender lists miss (name_parts.txt)."""
    return kind in _name_parts().get(word.casefold(), frozenset())


@cache
def company_words() -> frozenset[str]:
    """Trade and legal-form words that make a name a business (bot/chat/data/company_words.txt)."""
    return frozenset(word.casefold() for word, _ in lexicon.rows(Path(__file__).parent / "data" / "company_words.txt"))


@cache
def company_heads() -> tuple[str, ...]:
    """Shop words that end compound words ("-winkel", "-laden"): the lines of company_words.txt starting with '-'."""
    return tuple(w[1:] for w in company_words() if w.startswith("-"))


def _adjacent_or_slash(toks: list[_Tok], i: int) -> bool:
    return toks[i].gap.strip() in {"", "/"}


def title_case(word: str) -> str:
    """ "o'leary" -> "O'Leary", "delgado-marsh" -> "Delgado-Marsh", "McDonald" stays."""
    if not word.islower():
        return word
    return re.sub(r"(^|['’-])(\w)", lambda m: m.group(1) + m.group(2).upper(), word)


@cache
def _small_talk_name(w: str) -> bool:
    """Whether a greeting, thanks or ack word is also a given name ("shalom", "ty"): the census or name_parts.txt
    knows it, or the gender list gives it a gender (its "andy" is too loose: "hey", "sup"), and it is no everyday
    English word ("okay", "fine")."""
    if zipf(w) >= FIRST_COMMON or not dictionaries():
        return False
    _, census_first = _census()
    return is_name_part(w, "given") or any(
        v in census_first
        or lexicon.first_name_detector().get_gender(v) in {"male", "female", "mostly_male", "mostly_female"}
        for v in dict.fromkeys((w, _ascii(w)))
    )


def _small_talk_not_names() -> frozenset[str]:
    """The greeting, thanks and ack words that are no given name ("hi", "cheers"; not "shalom")."""
    return frozenset(w for w in small_talk_words() if not _small_talk_name(w))


class _Never:
    """NEVER as a set decided word by word: whether a small-talk word is a name loads the name dictionaries (~0.6 CPU
    s), so it is decided only for a word looked up, and a one-shot `chet ask` no longer pays it at import."""

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word in STOPWORDS or word in never_names() or (word in small_talk_words() and not _small_talk_name(word))

    def __iter__(self) -> Iterator[str]:
        return iter(STOPWORDS | never_names() | _small_talk_not_names())

    def __rsub__(self, other: frozenset[str]) -> frozenset[str]:
        return frozenset(w for w in other if w not in self)


NEVER = _Never()
