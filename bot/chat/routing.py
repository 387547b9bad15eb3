"""Routing plain text with offline rules: question, draft request or note, and which client a note is about.

A note's client is looked for in this order: a verb and a name at the start ("Met Dana Lee from Acme"),
a person after a verb near the start, in any case ("had coffee w/ priya nair"), "Name: text" or
"Name - text", a known client's name in the first words, any known client named in the note (the first
one named wins), a known client's company. Words that are never a client (greetings, command words,
pronouns, labels) are listed with a reason each in memory/data/not_clients.txt.
"""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from bot.chat.mentions import (
    NEVER,
    NEW_NAME_THRESHOLD,
    RARE_WORD,
    Mention,
    company_words,
    cue_kinds,
    dictionaries,
    first_name_score,
    is_cue,
    is_name_part,
    mentions,
    only_a_word,
    surname_score,
    title_case,
    zipf,
)
from bot.chat.never_names import small_talk_words
from bot.chat.words import NOT_A_CLIENT, VOCATIVES, alone_vocatives, phrase_key, small_talk
from memory import lexicon
from memory.lexicon import STOPWORDS
from memory.records import Client
from memory.service import Memory

__all__ = [
    "CONTINUE_WINDOW",
    "CONTINUING_PRONOUNS",
    "NAME_LINKS",
    "NOT_NAMES",
    "PURPOSE_LEAD",
    "Filing",
    "Route",
    "RouteReply",
    "bare_name",
    "client_in_note",
    "first_name_gender",
    "look_alikes",
    "looks_like_name",
    "new_client_name",
    "note_clients",
    "route",
    "split_target",
]

QUESTION_WORDS = {"what", "when", "where", "who", "whom", "whose", "why", "how", "which"}
QUESTION_WORDS |= {w + "s" for w in QUESTION_WORDS} | {w + "'s" for w in QUESTION_WORDS}  # "whats", "who's": typed fast
AUX_WORDS = {
    "does", "do", "did", "is", "are", "was", "were", "has", "have", "had",
    "can", "could", "should", "would", "will", "any", "anything",
}  # fmt: skip
_ASK_START = re.compile(
    r"^(?:tell me|remind me (?:what|when|who|where|how|if|whether|about)|show me|find|search|look up|list)\b", re.I
)
_DRAFT = re.compile(
    r"^(?:(?:please|pls|plz)\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+)?(?:(?:please|pls|plz)\s+)?"
    r"(?:draft|write|compose|prepare)\b\s*(?:me\s+|up\s+)?(?:(?:a|an|the)\s+)?"
    r"(?P<what>[\w' -]*?)\s*\b(?:to|for|with)\s+(?P<rest>\S.*)$",
    re.I | re.S,
)
_FOLLOW_UP = re.compile(r"^(?:please\s+)?follow[ -]?up with\s+(?P<rest>\S.*)$", re.I | re.S)
PURPOSE_LEAD = re.compile(r"^(?:about|re|regarding|on|for|:|—|-|–)\s*", re.I)
COLON = re.compile(r"^(?P<name>[^:\n—–?!]{1,80}?)\s*(?::|\s[—–-]\s)\s*(?P<body>\S.*)$", re.S)
VERB = re.compile(
    r"^(?:just\s+)?(?:met(?:\s+up)?|meeting|called|calling|phoned|rang|saw|visited|spoke|talked|chatted|"
    r"emailed|texted|messaged|caught up|lunch|coffee|dinner|drinks|call|demo|visit)"
    r"(?:\s+(?:with|to|up with))?\s+(?P<rest>.+)$",
    re.I | re.S,
)
# greetings, command words, pronouns, labels: never a client (bot/chat/data); a greeting that is also a given name
# ("Shalom Cohen") may be one
NOT_NAMES = NOT_A_CLIENT - (small_talk_words() - NEVER)
CONTINUING_PRONOUNS = {"she", "he", "they", "her", "his", "their", "hes", "shes", "he's", "she's", "they're"}
CONTINUE_WINDOW = timedelta(minutes=30)  # "she also said ..." this soon after a note is about the same client
OPEN_AUX = {"any", "anything"}  # "any news on dana", "anything i owe priya": a question with no verb to invert
POSSESSIVE_AUX = {"has", "have", "had"}
SUBJECT_WORDS = {
    "i", "you", "u", "ya", "we", "they", "he", "she", "it", "there", "this", "that", "these", "those",
    "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "anything", "something", "any",
    "my", "our", "your", "his", "her", "their", "its", "the", "a", "an", "all", "each", "either", "both",
}  # fmt: skip  # pronouns and determiners: what follows an auxiliary when a question inverts it
DROPPED_SUBJECT_ZIPF = 3.5  # after an auxiliary, a word this common in English is the note's verb ("send") or
# complement ("lunch", "great"): the subject was dropped; rarer words are names ("harpreet", "kaveri")
MAX_QUESTION_LINES = 2  # more lines than this is a pasted block: a note
MAX_QUESTION_CHARS = 400
NAME_LINKS = {"from", "at", "of", "@", "de", "da", "van", "von", "der", "del", "la", "le", "di", "du", "bin", "al"}


class RouteReply(BaseModel):
    """The route prompt's JSON."""

    intent: str
    client: str | None
    purpose: str | None
    text: str


@dataclass(frozen=True)
class Route:
    """What a plain message was taken for: a question, a draft request or a note."""

    kind: str  # "question" | "draft" | "note"
    text: str
    target: str = ""  # draft: the text naming the client and the purpose ("Dana about pricing")
    what: str = ""  # draft: the kind of message asked for ("follow-up")


def route(text: str) -> Route:
    """Classify a plain message with offline rules."""
    text = text.strip()
    m = _DRAFT.match(text) or _FOLLOW_UP.match(text)
    if m:
        what = (m.groupdict().get("what") or "").strip()
        return Route("draft", text, target=m.group("rest").strip(), what=what or "follow-up")
    if is_question(text):
        return Route("question", text)
    return Route("note", text)


QUESTION_DATA = Path(__file__).with_name("data") / "question_words.txt"
DATA_DIR = Path(__file__).with_name("data")
LEAD_DATA = DATA_DIR / "lead_words.txt"


def _word_list(path: Path) -> frozenset[str]:
    """The folded WORD column of a WORD | REASON file (memory.lexicon.rows)."""
    return frozenset(phrase_key(word) for word, _ in lexicon.rows(path))


LEAD_WORDS = _word_list(LEAD_DATA)  # what a question may open with before its question word
INTERJECTION = re.compile(r"(?:u+h*m+|h+m+|e+r*m+|a+h+|o+h+|m+|e+h+|u+h+)")  # "hmmm", "uhm", "erm", "ahh": sounds
MAX_LEAD = 4  # "hmm ok chet, and ...": a few such words at most


@cache
def other_question_words() -> frozenset[str]:
    """Question words of other languages (bot/chat/data/question_words.txt), accents folded: "cuándo", "kapan"."""
    return _word_list(QUESTION_DATA)


def without_lead(text: str) -> str:
    """`text` after the fillers and words addressing Chet that may open it ("hmm", "che,", "chet", "oh and")."""
    for _ in range(MAX_LEAD):
        m = re.match(r"\s*([^\W\d_][\w'’]*)[\s,.!:;—–-]+(?=\S)", text)
        if m is None:
            break
        word = phrase_key(m.group(1))
        set_off = word in alone_vocatives() and "," in text[m.start(1) : m.end()]  # "che, ..." but not "Che Adams"
        if word not in LEAD_WORDS and word not in VOCATIVES and not set_off and not INTERJECTION.fullmatch(word):
            break
        text = text[m.end() :]
    return text


def opens_with_question_word(words: list[str]) -> bool:
    """Whether folded `words` open with a question word of English or of another listed language."""
    if not words:
        return False
    return (
        words[0] in QUESTION_WORDS
        or words[0] in other_question_words()
        or " ".join(words[:2]) in other_question_words()
    )


def is_question(text: str) -> bool:
    """Whether a message asks (a question word, "?", an inverted auxiliary, "tell me"), in English or another language.

    Fillers and the bot's name before it are skipped ("hmm what colour did she want", "che, what's her budget").
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > MAX_QUESTION_LINES or len(text) > MAX_QUESTION_CHARS:
        return False  # a pasted email or a block of notes is a note, even when it ends with "?"
    if text.endswith("?") or text.lstrip().startswith("¿"):
        return True
    text = without_lead(text)
    words = re.findall(r"[\w']+", phrase_key(text))
    if not words:
        return False
    if opens_with_question_word(words) and len(words) <= 25 and not re.match(r"^\w+\s*[:—–-]", text):
        return not names_or_subordinates(text, words)
    if words[0] in AUX_WORDS and len(words) <= 12 and not re.search(r"[,;:—–]", text):
        return len(words) == 1 or words[0] in OPEN_AUX or inverted(words[0], words[1])
    return bool(_ASK_START.match(text))


CLAUSE_SUBJECTS = {"i", "you", "u", "we", "they", "he", "she", "it"}  # "when she is back ...": a clause's subject
NAME_COLON = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*:")  # "Que Nguyen:", "Onde Mbeki:"


def names_or_subordinates(text: str, words: list[str]) -> bool:
    """Whether a message that opens with a question word is a note all the same (`words` folded, `text` cased).

    A word that asks in another language is also a name ("Que Nguyen", "Apa Sherpa", "Sino Pacific Freight"):
    capitalised and followed by a capitalised word, or opening "Name:", it is the note's subject. An English
    question word followed at once by its clause's subject ("when she is back ...", "what Dana wants is ...")
    opens a subordinate clause of a statement, not a question: a question inverts ("when is", "what did").
    """
    if NAME_COLON.match(text):
        return True
    cased = re.findall(r"[\w'’]+", text)
    if len(cased) < 2 or len(words) < 2:
        return False
    if words[0] in QUESTION_WORDS:
        if words[0].endswith("s") and words[0] != "whose":
            return False  # "what's", "whats", "hows": the auxiliary is in the word, so it inverts
        return words[1] in CLAUSE_SUBJECTS or (cased[1][:1].isupper() and words[1] not in AUX_WORDS)
    return cased[0][:1].isupper() and cased[1][:1].isupper()


def inverted(aux: str, second: str) -> bool:
    """Whether an auxiliary is followed by its subject, as a question's is ("will she ...", "did priya ...").

    A note typed fast drops its subject instead: "will send harpreet the quote", "had lunch w dana", "was great
    catching up". The word after the auxiliary is then a verb, adjective or noun of everyday English; a subject is
    a pronoun or determiner, a first name, or a rare word (a surname or company the dictionaries lack).
    """
    if second in SUBJECT_WORDS:
        return not (aux in POSSESSIVE_AUX and second in {"a", "an"})  # "had a great call with ..." is a note
    if first_name_score(second) > 0:
        return True
    return zipf(second) < DROPPED_SUBJECT_ZIPF


def tokens_of(text: str) -> list[str]:
    return re.findall(r"[\w@&'’.-]+|[^\w\s]", text)


def looks_like_name(candidate: str) -> bool:
    """True when every word looks like part of a person's or company's name."""
    words = candidate.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in candidate):
        return False
    if words[0].casefold() in NOT_NAMES or words[0].casefold() in NAME_LINKS:
        return False
    return all(w[:1].isupper() or w.casefold() in NAME_LINKS for w in words)


PREAMBLE = re.compile(
    r"^(?:(?:good\s+)?(?:morning|afternoon|evening)|hi|hey|ok(?:ay)?|so|fyi|btw|update|quick\s+(?:one|note|update))"
    r"\b[\s,!.:;—–-]+",
    re.I,
)  # a greeting or label before the note proper
PERSON_VERB = re.compile(
    r"\b(?:(?:met(?:\s+up\s+with)?|called|phoned|rang|visited|spoke\s+(?:with|to)|talked\s+(?:with|to)|"
    r"chatted\s+with|caught\s+up\s+with|emailed|e-mailed|texted|messaged|pinged|(?:on\s+)?the\s+phone\s+with|"
    r"off\s+the\s+phone\s+with|to\s+(?:call|ring|phone|email|e-mail|text|meet|visit|ping))\s+|"
    r"(?:coffee|lunch|dinner|drinks|breakfast|call|meeting|demo|zoom|video\s+call)\s+(?:with\s+|w/\s*))"
    r"(?P<rest>\S.*)$",
    re.I | re.S,
)  # a person named after a verb anywhere in the note's start: "had coffee w/ priya nair", "then called jake"
MAX_NAME_SEARCH = 200  # a client is named near the start; a verb deep in a long note is no introduction
NAME_ENDS = {
    "from", "at", "of", "and", "about", "re", "today", "yesterday", "tomorrow", "tonight", "this", "next", "last",
    "again", "on", "back", "-", "—", "–",
}  # fmt: skip
BRACKETED = re.compile(r"^(?P<name>[^()]{1,60}?)\s*\((?P<company>[^()\d]{1,60})\)$")  # "Dana Lee (Acme)"
BRACKET_COMPANY = re.compile(r"^\s*\((?P<company>[^()\n]{1,60})\)")


def lower_name(m: re.Match[str]) -> str:
    """A client typed in lower case after a verb ("met jake at the hilton" -> "Jake"), or "".

    At most three plain words, none of them a listed word (memory/data/not_clients.txt), and the name
    must end where a name ends: punctuation, a bracket, "from"/"at"/"and"/"today"..., or the end.
    """
    out: list[str] = []
    ended = False
    for raw in m.group("rest").split()[:4]:
        word = raw.rstrip(",.;:!?")
        if raw.startswith("(") or word.casefold() in NAME_ENDS or (out and word.casefold() in NOT_NAMES):
            ended = True  # "carla mendes she runs ...": a pronoun or a listed word after the name ends it
            break
        if not re.fullmatch(r"[^\W\d_][\w'’-]*", word) or not word.islower() or word.casefold() in NOT_NAMES:
            return ""
        out.append(word)
        if word != raw:  # "jake," ends the name
            ended = True
            break
        if len(out) == 3:
            break
    if not out or not (ended or len(out) == len(m.group("rest").split())):
        return ""
    return " ".join(w[:1].upper() + w[1:] for w in out)


def lower_colon_name(name: str) -> str:
    """ "carla mendes" before a colon or dash -> "Carla Mendes": two or three plain lower-case words, none listed."""
    words = name.split()
    if not 2 <= len(words) <= 3 or any(w.casefold() in NOT_NAMES or w.casefold() in NAME_LINKS for w in words):
        return ""
    if not all(re.fullmatch(r"[^\W\d_][\w'’-]*", w) and w.islower() for w in words):
        return ""
    return " ".join(w[:1].upper() + w[1:] for w in words)


def with_company(name: str, rest: str) -> str:
    """ "Maria Lopez (Brightline)" -> "Maria Lopez from Brightline": a company in brackets right after the name."""
    if not name or " from " in name or " at " in name:
        return name
    words = rest.split()
    after = " ".join(rest.split()[len(name.split()) :]) if len(words) >= len(name.split()) else ""
    m = BRACKET_COMPANY.match(after)
    if not m or any(ch.isdigit() for ch in m.group("company")):
        return name
    company = m.group("company").strip()
    return f"{name} from {company[:1].upper() + company[1:]}"


def leading_name(rest: str) -> str:
    """The capitalised words at the start of `rest` ("Dana Lee from Acme, she ..." -> "Dana Lee from Acme")."""
    out: list[str] = []
    for raw in rest.split():
        word = raw.rstrip(",.;:!?—–")
        stop = word != raw
        if not word:
            break
        if (word[:1].isupper() and word.casefold() not in NOT_NAMES) or (
            word.casefold() in {"from", "at", "of"} and out
        ):
            out.append(word)
        else:
            break
        if stop or len(out) >= 7:
            break
    while out and out[-1].casefold() in {"from", "at", "of"}:
        out.pop()
    return " ".join(out)


SURNAME_FLOOR = -1.0  # a word of a name typed to "which client?" may be a little common ("park"), not a verb
RARE_COMPANY = 3.5  # one lower-case word in brackets more common than this (zipf) is a role, not a company
MIN_COMPANY_WORD = 4  # a company is recognised by a first word this long ("Helix"), never by "Co" or "The"

LOOK_ALIKE = 0.85  # difflib ratio above which a new client's name is taken for a typo of a known one


@dataclass(frozen=True)
class Filing:
    """Whom a note is about: the client's name (None: ask), the body to store, and what else it names."""

    name: str | None
    body: str
    candidates: list[Client] = field(default_factory=list)  # several clients fit the name: ask which
    others: list[Client] = field(default_factory=list)  # other known clients the note names: it is theirs too
    typo: str = ""  # what was typed, when it was read as a close typo of the client's name
    client: Client | None = None  # the known client, when the name is one
    facts_from: dict[int | str | None, str] = field(default_factory=dict)  # per client id (None: the subject; a
    # name: a new person), the part of the note its facts come from, when clauses name different people; empty:
    # the whole note for each
    new_people: list[str] = field(default_factory=list)  # new people who open a clause of their own: new clients


def note_clients(memory: Memory, text: str) -> Filing:
    """Whom a note is about: the first person it names (bot/chat/mentions.py), else the older rules below."""
    known = memory.clients()
    every = mentions(text, known)
    found = [m for m in every if m.known or m.score >= NEW_NAME_THRESHOLD]
    # "her mum Tita Lorna is paying", "his assistant Lena Koch": a relative or helper of the client, never a client
    found = [m for m in found if m.known or not relative_before(text[: m.start])]
    found = [m for m in found if m.known or not role_word_in_name(text, m)]  # "his PA Elif": a role and a first name
    subject = note_subject(text, every)
    if subject is not None:  # "met <X> ..., CFO <Y> signs off": Y is X's approver, known client or not
        rest = [m for m in found if m is not subject and not role_tagged(text, m)]
        sure = subject.known or (subject.score >= NEW_NAME_THRESHOLD and not subject.weak)
        if not sure and not all(m.weak for m in rest):
            subject = None  # a weak guess still gives way to a sure name that is no approver
        else:
            found = [subject, *rest]
    if len(found) > 1:  # two rare words (a foreign shop name) give way to any surer name in the note
        found = [m for m in found if not m.weak or m is subject or acts(m) or heads(m, text)] or [
            m for m in found if m.lead
        ]
    if not found:
        single = single_name_with_company(text)
        if single:
            return Filing(single, text)
        name, body, candidates = client_in_note(memory, text, known)
        return Filing(name, body, candidates)
    for m in found:  # "I am writing on behalf of Mr. Volkov": the message is the known client's, its writer theirs
        if len(m.clients) == 1 and ON_BEHALF.search(text[: m.start]):
            return Filing(m.clients[0].name, text, client=m.clients[0])
    first = min(found, key=lambda m: 0 if m.lead else 1 if m.clause else 2)  # the subject, not a source or aside
    body = text
    colon = COLON.match(text)
    if colon and first.start == 0 and first.end >= len(colon.group("name").rstrip()) and colon_sep(text):
        body = colon.group("body").strip()  # "<name>: <note>" stores the note
    others: list[Client] = []
    splits: list[tuple[int, Client | str]] = []  # where a clause with its own subject starts, and whose it is
    new_people: list[str] = []
    last_end = first.end
    for m in found[found.index(first) + 1 :]:  # "<name> and <name> both want ...": seen by both
        one = m.clients[0] if len(m.clients) == 1 and m.clients[0] not in first.clients else None
        listed = not re.search(r"[^\W\d_]", re.sub(r"\band\b", "", text[last_end : m.start]))  # "rahul, tomasz and ..."
        last_end = m.end
        if one is not None and m.known and not listed and opens_clause(text[: m.start]):
            splits.append((m.start, one))  # ", tomasz wants black": that clause is Tomasz's
            others.append(one)
        elif (new := new_person_clause(text, first, m, splits)) is not None:
            splits.append((m.start, new))  # "; Mori Aoi from Hoshi Roastery wants the 3-group": a new client's clause
            new_people.append(new)
        elif (m.joined or listed) and not splits:  # the subject's clause, shared: "<name> and <name> both want"
            others += [one] if one else []
        elif not splits:
            break  # "the sofa X bought" is an aside: X does not share the note
    others = list({c.id: c for c in others}.values())
    facts_from = clause_texts(text, text.find(body), splits)
    if first.known and len(first.clients) > 1:
        return Filing(first.name, body, list(first.clients), others, facts_from=facts_from, new_people=new_people)
    if first.known:
        client = first.clients[0]
        return Filing(client.name, body, [], others, first.typo, client, facts_from, new_people)
    name = name_with_company(first.name, after_honorific(text[first.end :]))
    return Filing(name, body, [], others, facts_from=facts_from, new_people=new_people)


LEAD_FLOOR = 2.0  # a full name the note opens on or met/called/emailed ("met fatuma hassan") is its subject at
# this score: the lead position is the evidence a lower threshold leaves to a name mid-note


def note_subject(text: str, every: list[Mention]) -> Mention | None:
    """The person a note opens on or says it met, called or emailed, when the note is about them: a known client or
    a full name the lead position makes sure enough; never one introduced by a role ("CFO Abdi Noor: ...")."""
    if not every:
        return None
    met = PERSON_VERB.search(text[:MAX_NAME_SEARCH])
    first = every[0]  # the first person named, right after "had lunch with", "met", "called": the subject too
    for m in every:
        if not m.lead and not (m is first and met is not None and met.start("rest") == m.start):
            continue
        if role_tagged(text, m):
            return None
        sure = m.score >= NEW_NAME_THRESHOLD and not m.weak
        led = m.words >= 2 and m.score >= LEAD_FLOOR and ("intro" in m.evidence or "subject" in m.evidence)
        return m if m.known or sure or led else None
    return None


def role_tagged(text: str, m: Mention) -> bool:
    """Whether a person is introduced by a role or a family word: "CFO Abdi Noor", "her boss X", "X, their CFO",
    "his EA Reem", "my contact there X" (colleague_roles.txt, the relation cues of name_cues.txt)."""
    before, after = text[: m.start], text[m.end :]
    return bool(role_before().search(before)) or relative_before(before) or colleague(before, after)


@cache
def role_before() -> re.Pattern[str]:
    """A role or family word right before a name, with or without "her/the/my": "CFO <name>", "my contact there"."""
    words = {w for w, kinds in cue_kinds().items() if "relation" in kinds} | set(colleague_words())
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?:^|[\s,;(])(?:{POSSESSIVES}\s+)?(?:{alt})(?:\s+there)?\s*,?\s*$", re.I)


def role_word_in_name(text: str, m: Mention) -> bool:
    """Whether a new name's first word is a role or family word after "her/his/the" ("his PA Elif", "her GM Ana"):
    the role and a first name, never a person called "PA Elif"."""
    first = m.name.split()[0].casefold()
    roles = {w for w, kinds in cue_kinds().items() if "relation" in kinds} | set(colleague_words())
    return first in roles and re.search(rf"\b{POSSESSIVES}\s*$", text[: m.start], re.I) is not None


def acts(m: Mention) -> bool:
    """A capitalised name of rare words that opens a clause and does something ("; Hemi Parata wants ..."): a person."""
    return m.clause and "capitalised" in m.evidence and "verb_after" in m.evidence


def heads(m: Mention, text: str) -> bool:
    """A name that opens the note and is set off by a colon, dash or bracket ("Siu-Fong Leung: ..."): its subject."""
    return m.start == 0 and re.match(r"\s*(?:[:(]|[-–—]\s)", text[m.end :]) is not None


# "on behalf of (Mr.) <client>", "en nombre de", "im Auftrag von", "atas nama": someone writes for the client
ON_BEHALF = re.compile(
    r"\b(?:"
    + "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(_word_list(DATA_DIR / "on_behalf.txt")))
    + r")\s+(?:(?:la|el|the|del|da|do)\s+)?(?:(?:mr|mrs|ms|miss|dr|sr|sra|herr|frau|pak|bu)\.?\s+)?$",
    re.I,
)
COMPANY_LEAD = re.compile(r"(?:\b(?:from|at|of|with|for|w/)|@|\()\s*$", re.I)  # "from <Hoshi Roastery>": a company
NEW_PERSON_MIN = 4.0  # a mention this sure of being a person's full name may start a new client mid-note


COLLEAGUE_DATA = Path(__file__).with_name("data") / "colleague_roles.txt"
COLLEAGUE_SHAPE = "WORD | role/dept/verb | REASON"
COLLEAGUE_KINDS = frozenset({"role", "dept", "verb"})
POSSESSIVES = r"(?:her|his|their|the|our|my|its)"


@cache
def colleague_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for the text after and before a name that make it the client's colleague (colleague_roles.txt)."""
    kinds: dict[str, list[str]] = {kind: [] for kind in ("role", "dept", "verb")}
    for word, kind, _ in lexicon.rows(COLLEAGUE_DATA, COLLEAGUE_SHAPE, COLLEAGUE_KINDS):
        kinds[kind].append(re.escape(word))
    role, dept, verb = ("|".join(sorted(kinds[k], key=len, reverse=True)) for k in ("role", "dept", "verb"))
    after = re.compile(
        rf"^\s*(?:[,(]\s*(?:{POSSESSIVES}\s+)?(?:{role})\b"  # ", their CFO,"  "(her boss)"
        rf"|(?:is|was|,)?\s*{POSSESSIVES}\s+(?:{role})\b"  # "is her boss"
        rf"|from\s+(?:the\s+)?(?:{dept})\b(?!\s+(?-i:[A-Z]))"  # "from legal", not "from Marketing Hub" (a company)
        rf"|(?:who\s+)?(?:{verb})\s+(?:the\s+)?(?:{dept}|[^,.;!?]*\bthere\b))",  # "runs procurement (there)"
        re.I,
    )
    before = re.compile(rf"\b{POSSESSIVES}\s+(?:{role})\s*,?\s*$", re.I)  # "her boss Wiremu Tane"
    return after, before


@cache
def relative_lead() -> re.Pattern[str]:
    """'<her/his/their> <family word or role>' right before a name (relation cues of name_cues.txt, colleague_roles.txt)."""
    words = {w for w, kinds in cue_kinds().items() if "relation" in kinds} | set(colleague_words())
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:her|his|their)\s+(?:{alt})\s*,?\s*$", re.I)


def colleague_words() -> list[str]:
    """The role words of colleague_roles.txt ("assistant", "boss")."""
    return [word for word, kind, _ in lexicon.rows(COLLEAGUE_DATA, COLLEAGUE_SHAPE, COLLEAGUE_KINDS) if kind == "role"]


def relative_before(before: str) -> bool:
    """Whether a name after this text is introduced as the client's relative or helper ("her mum", "his assistant")."""
    return relative_lead().search(before) is not None


def colleague(before: str, after: str) -> bool:
    """Whether the name between `before` and `after` is described by a role in the client's own organisation."""
    after_pattern, before_pattern = colleague_patterns()
    return bool(after_pattern.match(after) or before_pattern.search(before))


def new_person_clause(text: str, first: Mention, m: Mention, splits: list[tuple[int, Client | str]]) -> str | None:
    """The new client a later mention starts when it opens a clause of its own ("; Mori Aoi from Hoshi Roastery
    wants the 3-group", ". also met tane whaanga from peak fitness, wants 3 racks"), else None.

    Only a full name (two words or more) that is sure to be a person, not a company after "from/at", not part of
    the subject's own name or company, and not a name already given a clause.
    """
    if m.known or (m.weak and not acts(m)) or m.score < NEW_PERSON_MIN or len(m.name.split()) < 2:
        return None
    before = text[: m.start]
    if COMPANY_LEAD.search(before) or (not opens_clause(before) and not MET_LEAD.search(before)):
        return None
    if m.start < first.end or m.name.casefold() == first.name.casefold():
        return None  # the subject named again (an email's signature)
    if any(isinstance(who, str) and who.split(" from ")[0] == m.name for _, who in splits):
        return None
    if colleague(before, text[m.end :]):
        return None  # "Sarah Jones from legal", "her boss X": a colleague; the facts stay on the client
    name = name_with_company(m.name, after_honorific(text[m.end :]))
    return name


# "also met a new guy, tane whaanga", "and spoke to ana pires": a verb of meeting brings in a new person
MET_LEAD = re.compile(
    r"(?:^|[,;.!?\n]|\s[-–—]\s)\s*(?:(?:and|but|also|then|plus)\s+)*(?:(?:i\s+)?(?:also\s+)?"
    r"(?:met|saw|spoke\s+(?:to|with)|talked\s+to|called|visited))\s+(?:(?:a|an|the)\s+[\w\s]{0,20}?,\s*)?$",
    re.I,
)


# what may stand between a clause's start and its subject: ", tomasz wants", "; and mai wants", ". also rahul ..."
CLAUSE_OPENING = re.compile(
    r"(?:^|[,;.!?\n]|\s[-–—]\s)\s*(?:(?:and|but|also|while|whereas|plus|then|meanwhile)\s+)*$", re.IGNORECASE
)


SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def opens_clause(before: str) -> bool:
    """Whether a name after this text opens a clause of its own (its subject), not an aside inside one."""
    return bool(before.strip()) and CLAUSE_OPENING.search(before) is not None


def clause_texts(text: str, start: int, splits: list[tuple[int, Client | str]]) -> dict[int | str | None, str]:
    """The part of the note each client's facts come from: a clause goes to the client it opens with; the rest
    (the first clause, and any clause naming nobody before the next name) to the note's subject, keyed None."""
    if not splits:
        return {}
    start = max(start, 0)
    parts: dict[int | str | None, list[str]] = {None: [text[start : splits[0][0]]]}
    for i, (at, client) in enumerate(splits):
        end = splits[i + 1][0] if i + 1 < len(splits) else len(text)
        stop = SENTENCE_END.search(text, at, end)  # a later sentence naming nobody is the subject's again
        cut = stop.end() if stop else end
        key = client if isinstance(client, str) else client.id
        parts.setdefault(key, []).append(text[max(at, start) : cut])
        parts[None].append(text[cut:end])
    return {k: " ".join(p.strip().strip(",;") for p in v).strip() for k, v in parts.items()}


SINGLE_WITH_COMPANY = re.compile(
    r"^\s*(?P<name>[^\W\d_][\w'’]*)(?:-(?P<suffix>[a-z]{2,7}))?\s*\((?P<company>[^()\n]{2,60})\)"
)


def single_name_with_company(text: str) -> str | None:
    """ "Budi (PT Kurir Cepat) ordered 35 scooters": one capitalised name opening the note, its company in brackets
    (the README's "Tom Reyes (Northgate Dental)" with the single name many people go by); "Update (urgent): ..." and
    "Re (Q3 pricing)" are words: the name must be one English rarely uses (zipf) and no listed non-name."""
    m = SINGLE_WITH_COMPANY.match(text)
    if not m or not m["name"][:1].isupper() or not m["company"].strip()[:1].isupper():
        return None
    word = m["name"]
    if m["suffix"] and not is_name_part(m["suffix"], "suffix"):
        return None  # "Watanabe-san (...)" is Watanabe; "Follow-up (...)" is no name
    if word.casefold() in NOT_A_CLIENT or word.casefold() in NEVER or zipf(word.casefold()) >= RARE_WORD:
        return None
    return f"{word} ({m['company'].strip()})"


def after_honorific(after: str) -> str:
    """The text after a name without the honorific written after it ("jr (taufa roofing)" -> " (taufa roofing)")."""
    m = re.match(r"^\s*,?\s*([^\W\d][\w.]*)", after)
    return after[m.end() :] if m and lexicon.is_honorific_after(m.group(1)) else after


def colon_sep(text: str) -> bool:
    """Whether "Name: body" is written with a colon (a dash keeps the whole note: "<name> - <family business> - ...")."""
    m = COLON.match(text)
    return m is not None and text[len(m.group("name")) :].lstrip().startswith(":")


AFTER_NAME = re.compile(
    r"^\s*(?:(?P<link>from|at|@|of|de|da|do|von|bei|chez)\s+(?P<co>[^\s,:;().!—–]+(?:\s+(?:&\s+)?[^\s,:;().!—–-]+){0,3}?)(?P<end>\s*(?:[,:;().!—–]|\s-\s|$))"
    r"|\((?P<br>[^()\n\d]{2,60})\))",
    re.I,
)  # "<name> at <company>: ...", "<Name> from <Company>", "<name> (<company>)"


TRADE_RUN = re.compile(r"^\s*(?:from|at|@|of)\s+(?P<co>(?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)\s+[a-z]")
# "<name> from <Capitalised words ending in a trade word> <lower-case word>": a company with no comma after it
FOREIGN_LINKS = frozenset(
    {"de", "da", "do", "von", "bei", "chez"}
)  # "from"/"at" in Spanish, Portuguese, German, French


def name_with_company(name: str, after: str) -> str:
    """ "Rachel Stone from Cork & Crow" when a company is written right after the name; else the name.

    In brackets any case; after "from/at/@/of" a capitalised company, or two to four lower-case words ending at a
    comma, colon or dash ("at <two words> & <word>:"). Relatives and roles in brackets ("(her mom)") are no company.
    """
    surname = name.split()[-1]
    family = re.match(
        rf"^\s*[,@–—-]?\s*(?P<co>{re.escape(surname)}(?:\s+[^\W\d][\w&'’.]*){{1,3}}?)\s*(?:[,:;(—–]|\s-\s)", after, re.I
    )  # "<first> <surname> <surname> logistics - ...", "<name>, <surname> auto repair": a family business
    words = family["co"].split() if family else []
    if words and len(name.split()) >= 2 and not any(w.casefold() in STOPWORDS | NOT_NAMES for w in words[1:]):
        return f"{name} from {' '.join(w if not w.islower() else title_case(w) for w in words)}"
    m = AFTER_NAME.match(after)
    if m and m["br"] and re.search(r"[!?]", m["br"]):  # "(not the usual one!)": an aside; a company may follow it
        return name_with_company(name, after[m.end() :])
    if m and m["link"] and m["link"].casefold() in FOREIGN_LINKS and not m["co"][:1].isupper():
        return name  # "de" + a lower-case word is Spanish text, not "de Constructora Hernández"
    if not m or (m["co"] and any(w.casefold() in NEVER_COMPANY for w in m["co"].split())):
        run = TRADE_RUN.match(after)
        if run and run["co"].split()[-1].casefold() in company_words():  # "from Linden Pharma wants ..."
            return f"{name} from {run['co']}"
        return company_at(name, after)
    company = (m["br"] or m["co"] or "").strip()
    if m["br"] and re.search(r"[,;@]", company):  # "(cardiology, Lakeside Medical)", "(HR @ Gulf Polymers)"
        named = [p.strip() for p in re.split(r"[,;@]", company) if p.strip()[:1].isupper()]
        company = named[-1] if named else ""  # the capitalised part is the company, the rest a role or place
    words = company.split()
    if not words or any(w.casefold() in STOPWORDS - {"&"} or is_cue(w, "relation") for w in words):
        return name
    if m["co"] and not company[:1].isupper() and len([w for w in words if w != "&"]) < 2:
        return name  # "from boston": a place
    if m["br"] and len(words) == 1 and company.islower() and zipf(company) >= RARE_COMPANY:
        return name  # one common lower-case word in brackets: a role, not a company
    if company.islower():
        company = " ".join(w[:1].upper() + w[1:] for w in words)
    return f"{name} from {company}"


ROLE_AT = re.compile(r"^\s*,?\s*(?P<role>(?:[^\W\d][\w.]*\s+){0,3}?)(?:at|@)\s+(?P<rest>\S.*)$", re.I | re.S)
MAX_COMPANY_WORDS = 4


def company_at(name: str, after: str) -> str:
    """ "<Name> from <Company>" for "<name> HR at <company>, ...": a role, then "at"/"@" and the company, up to a
    comma, dash or colon or an ordinary word ("<name> at <two-word company> wants ...")."""
    m = ROLE_AT.match(after)
    if m is None or any(w.casefold() in STOPWORDS for w in m["role"].split()):
        return name  # "and <name> at ...": another person, not a role
    words: list[str] = []
    for raw in m["rest"].split()[: MAX_COMPANY_WORDS + 1]:
        word = raw.rstrip(",:;.!?")
        if word.casefold() in NEVER_COMPANY or not re.fullmatch(r"[\w&'’.-]*\w[\w&'’.-]*|&", word):
            break  # an ordinary word, a dash or a number ends the company
        words.append(word)
        if word != raw:
            break
    if not words or len(words) > MAX_COMPANY_WORDS or any(ch.isdigit() for ch in "".join(words)) or words[-1] == "&":
        return name
    if len(words) == 1 and words[0].islower() and zipf(words[0]) >= RARE_COMPANY:
        return name  # "at home", "at lunch": a place or a time, not a company
    return f"{name} from {' '.join(title_case(w) if w.islower() else w for w in words)}"


NEVER_COMPANY = (STOPWORDS | NOT_NAMES) - {"&"}  # a company's words are none of these


def client_in_note(
    memory: Memory, text: str, known: list[Client] | None = None
) -> tuple[str | None, str, list[Client]]:
    """(client name, note body, ambiguous candidates) for a note's text: the rules of this module, in order."""
    known = memory.clients() if known is None else known
    cands = [lexicon.Candidate(c.id, c.name, c.aliases, c.company) for c in known]
    by_id = {c.id: c for c in known}

    def hits(name: str) -> list[Client]:
        return [by_id[h.client_id] for h in lexicon.match_clients(name, cands)] if name else []

    whole, text = text, PREAMBLE.sub("", text, count=1) or text  # "morning! had coffee w/ ..." -> "had coffee..."
    m = VERB.match(text)
    name = leading_name(m.group("rest")) if m else ""
    if not name and (person := PERSON_VERB.search(text[:MAX_NAME_SEARCH])):
        m, name = person, leading_name(person.group("rest")) or lower_name(person)
    if m:
        name = with_company(name, m.group("rest"))
        found = hits(name) or hits(name.split(" from ")[0].split(" at ")[0])
        if len(found) > 1:
            narrowed = hits(name)
            return name, whole, narrowed or found
        if found:
            return found[0].name, whole, []
        if name and looks_like_name(name):
            return name, whole, []
    m = COLON.match(text)
    if m:
        name, body = m.group("name").strip(), m.group("body").strip()
        found = hits(name)
        if len(found) > 1:
            return name, body, found
        if found:
            return found[0].name, body, []
        if looks_like_name(name):
            return name, body, []
        if (bracketed := BRACKETED.match(name)) and looks_like_name(bracketed.group("name")):  # "Dana Lee (Acme) - ..."
            return f"{bracketed.group('name')} from {bracketed.group('company').strip()}", body, []
        close = look_alikes(name, [c.name for c in known])  # typed fast: "kenn watanabe - ..." is Ken Watanabe
        if len(close) == 1:
            return close[0], body, []
    words = [w.strip(",.;:!?—–'’s") for w in text.split()[:3]]
    for size in (3, 2, 1):
        lead = " ".join(words[:size])
        if len(words) < size or not lead or lead.casefold() in NOT_NAMES or words[0].casefold() in NOT_NAMES:
            continue  # a known client typed in lower case at the start counts too ("maria changed her mind")
        if size == 1 and only_a_word(text, lead):
            continue  # "june deadline ...": a word, though a client is called June
        found = hits(lead)
        if len(found) > 1:
            return lead, whole, found
        if found:
            return found[0].name, whole, []
        close = look_alikes(lead, [c.name for c in known]) if size >= 2 else []
        if len(close) == 1:  # "bob chen wants it in red" -> Rob Chen
            return close[0], whole, []
    if new := new_person_at_start(text):  # "Dana Lee test drove", "marcus hill (hill plumbing) needs ..."
        return new, whole, []
    mentioned: dict[int, Client] = {}  # in the order named
    tokens = [t.strip(',.;:!?—–()"“”') for t in text.split()]
    tokens = [re.sub(r"['’]s$", "", t) for t in tokens]
    # Known clients' first names typed in lower case count too ("promised nora a quote"), unless the word is
    # a common or calendar word ("will", "may"): only a name Chet already files notes under is looked for.
    first_names = {lexicon.normalize(c.name).split()[0] for c in known if c.name.split()}
    common = STOPWORDS | NOT_NAMES | CALENDAR_WORDS
    for i, tok in enumerate(tokens):
        lower_known = tok.islower() and tok in first_names and tok not in common and not only_a_word(text, tok)
        if (not tok[:1].isupper() and not lower_known) or tok.casefold() in NOT_NAMES:
            continue
        pair = f"{tok} {tokens[i + 1]}" if i + 1 < len(tokens) and tokens[i + 1][:1].isupper() else ""
        found = hits(pair) if pair else []
        found = found or hits(tok)
        for c in found:
            mentioned[c.id] = c
    if mentioned:  # several known clients: the note is filed under the first one named
        return next(iter(mentioned.values())).name, whole, []
    by_company = company_mentions(known, tokens)  # "send the proposal to helix" -> Priya Nair (Helix Labs)
    if len(by_company) == 1:
        return by_company[0].name, whole, []
    return None, whole, by_company


LEAD_BRACKETED = re.compile(
    r"^(?P<name>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){1,2})\s*\((?P<company>[^()\d\n]{2,60})\)\s+\S"
)


def new_person_at_start(text: str) -> str:
    """A new client introduced by a full name as the note's subject, or "".

    Two or three capitalised words, none of them a listed word, followed by the note in lower case
    ("Dana Lee test drove the RAV4 ..."), or a name of two or three words with the company in brackets
    in any case ("marcus hill (hill plumbing) needs 6 tacomas"). One capitalised word is too weak
    ("Monday went well"), and the words must be followed by more of the note.
    """
    if m := LEAD_BRACKETED.match(text):
        name = m.group("name")
        if not any(w.casefold() in NOT_NAMES or w.casefold() in NAME_LINKS for w in name.split()):
            titled = " ".join(w[:1].upper() + w[1:] for w in name.split())
            company = m.group("company").strip()
            if company.islower():  # typed fast in lower case: "hill plumbing" -> "Hill Plumbing"
                company = " ".join(w[:1].upper() + w[1:] for w in company.split())
            return f"{titled} from {company}"
    words = text.split()
    lead = leading_name(text)
    size = len(lead.split())
    if not 2 <= size <= 3 or " from " in lead or " at " in lead or " of " in lead or len(words) <= size:
        return ""
    after = words[size]
    if words[size - 1] != lead.split()[-1] or not after[:1].islower():  # "Dana Lee, ..." ends the name early
        return ""
    if any(w.casefold() in STOPWORDS for w in lead.split()):  # "Does Maria play golf?", "What Dana said"
        return ""
    return lead if looks_like_name(lead) else ""


CALENDAR_WORDS = frozenset(
    w.casefold() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr)
)  # "june delivery moves" and "may order again" start with a date, not a person


def is_first_name(word: str) -> bool:
    """Whether `word` is a known first name (any country), by gender-guesser's name dictionary."""
    return len(word) >= 3 and lexicon.first_name_detector().get_gender(word) != "unknown"


def first_name_gender(word: str) -> str | None:
    """ "f" or "m" when gender-guesser's dictionary knows the first name as (mostly) one gender, else None."""
    if len(word) < 3 or not word.isalpha():
        return None
    guess = lexicon.first_name_detector().get_gender(word)
    return {"female": "f", "mostly_female": "f", "male": "m", "mostly_male": "m"}.get(guess)


def lower_person_at_start(text: str) -> str:
    """A new client typed fast in lower case as the note's first two words, or "".

    "walt jenkins 118 birch rd ...", "greg holt, holt engineering ...", "priya nair wants the blue one":
    the first word is a known first name (not a listed, common or calendar word), the second a plain word
    that is no verb form, and the name ends there: a comma, a number, a bracket or dash, or a verb.
    """
    words = text.split()
    if len(words) < 3:
        return ""
    first, second, third = words[0], words[1].rstrip(",;:"), words[2]
    if not (first.isalpha() and first.islower() and second.isalpha() and second.islower()):
        return ""
    common = STOPWORDS | NOT_NAMES | NAME_LINKS | CALENDAR_WORDS
    if first in common or second in common or second.endswith("ing") or (second.endswith("ed") and len(second) > 4):
        return ""
    verb = third.isalpha() and third.islower() and third.endswith(("s", "ed")) and third not in STOPWORDS
    ends = words[1].endswith(",") or third[:1].isdigit() or third[:1] in "(-–—@" or verb
    if not ends or not is_first_name(first):
        return ""
    return f"{first.title()} {second.title()}"


def bare_name(text: str) -> bool:
    """A message that is only a capitalised name ("Sam", "Dana Lee"): no note, no question."""
    text = text.strip().rstrip(".")
    return 1 <= len(text.split()) <= 3 and not re.search(r"[^\w\s'’-]", text) and looks_like_name(text)


MAX_REPLY_NAME = 6  # "hamid bin saeed al nuaimi": a name typed as a reply, particles included
MAX_REPLY_PEOPLE = 4  # "ana lucía gómez prieto": its words besides particles


def new_client_name(text: str) -> str | None:
    """The name a reply to "which client?" gives a new client ("priya shah" -> "Priya Shah"), or None.

    None for anything that reads like a note ("wants blue"), small talk or a pronoun: those words are listed
    in memory/data/not_clients.txt and never start or make up a name.
    """
    text = text.strip().rstrip(".")
    if small_talk(text) is not None:
        return None
    text = lexicon.strip_title(text)  # "dra maría ruiz", "elif hanım": the title or honorific is no part of the name
    words = text.split()
    if not 1 <= len(words) <= MAX_REPLY_NAME or re.search(r"[?!;:,\d]", text):
        return None
    if looks_like_name(text):
        return text
    plain = [w.strip(",") for w in words]
    people = [w for w in plain if w.casefold() not in NAME_LINKS]
    if len(people) > MAX_REPLY_PEOPLE or any(w.casefold() in NOT_NAMES for w in plain):
        return None
    if not people or not reads_as_person(people):  # "<first name> <verb> <place>" is a note, not a name
        return None
    return " ".join(w if w.casefold() in NAME_LINKS else title_case(w) for w in plain)


def reads_as_person(words: list[str]) -> bool:
    """Lower-case words read as a person's name: a first name (or a word English hardly uses), then surnames."""
    first, rest = words[0], words[1:]
    if not dictionaries():
        return True  # no dictionaries to tell a name from a word: a short answer is taken as a name, as before
    if rest and bare_possessive(first):
        return False  # "nadias bday", "jons farewell drinks": someone's thing, typed without the apostrophe
    if first_name_score(first) <= 0 and not 0 <= zipf(first) < RARE_WORD:
        return False
    return all(surname_score(w) > SURNAME_FLOOR for w in rest)


def bare_possessive(word: str) -> bool:
    """A first name with an "s" typed on and no apostrophe ("nadias", "jons"), when the word is no name itself."""
    w = word.casefold()
    return len(w) > 3 and w.endswith("s") and first_name_score(w) <= 0 and first_name_score(w[:-1]) > 0


def split_target(memory: Memory, target: str) -> tuple[str, str]:
    """("Dana Lee", "about the pricing") from "Dana Lee about the pricing", preferring known client names."""
    target = target.strip()
    m = re.match(r"^(?P<name>[^:]{1,80}?)\s*[:—–]\s*(?P<purpose>.*)$", target, re.S)
    if m:
        return m.group("name").strip(), m.group("purpose").strip()
    words = target.split()
    cands = [lexicon.Candidate(c.id, c.name, c.aliases, c.company) for c in memory.clients()]
    for size in range(
        min(4, len(words)), 0, -1
    ):  # a known client first: "<first name> w the quote" is the client, then the purpose
        lead = " ".join(words[:size]).strip(",.;")
        if lexicon.match_clients(lead, cands):
            return lead, PURPOSE_LINK.sub("", " ".join(words[size:]), count=1).strip()
    m = re.match(r"^(?P<name>.+?)\s+(?:about|re|regarding|on|for)\s+(?P<purpose>.+)$", target, re.I | re.S)
    if m and len(m.group("name").split()) <= 4:
        return m.group("name").strip(), m.group("purpose").strip()
    return (words[0].strip(",.;"), " ".join(words[1:])) if words else ("", "")


PURPOSE_LINK = re.compile(r"^(?:w/?|with|about|re|regarding|on|that|to say)\b\s*", re.I)  # "w the quote"


def company_mentions(known: list[Client], tokens: list[str]) -> list[Client]:
    """Known clients whose company a note names by its first word ("helix" for Helix Labs), in any case."""
    words = {t.casefold() for t in tokens if len(t) >= MIN_COMPANY_WORD and t.casefold() not in NOT_NAMES}
    found = []
    for c in known:
        first = lexicon.normalize(c.company or "").split()[:1]
        if first and len(first[0]) >= MIN_COMPANY_WORD and first[0] in words:
            found.append(c)
    return found


def look_alikes(name: str, known: list[str]) -> list[str]:
    """Known client names so close to a new one that it is probably a typo ("Maira Lopez" -> "Maria Lopez")."""
    by_norm = {lexicon.normalize(k): k for k in known}
    close = difflib.get_close_matches(lexicon.normalize(name), list(by_norm), n=2, cutoff=LOOK_ALIKE)
    return [by_norm[c] for c in close]
