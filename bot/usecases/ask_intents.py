"""How Chet reads a question: its intents (what it asks for) and its topic (what it is about).

Cue words, fillers and topic groups are data (`bot/usecases/data/ask_intents.json`, a reason per entry).
A cue is a word, a phrase (a filler or a name may sit between its words: "does not Dana like")
or words anywhere ("where+meet"); cues are stemmed like the question. The topic is what is left
once cues, fillers and the client's name are taken out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from memory.lexicon import MONTHS
from memory.records import Client, FactKind

DATA = Path(__file__).parent / "data" / "ask_intents.json"


# -- words ---------------------------------------------------------------------------------------

_IRREGULAR = {
    "met": "meet",
    "meeting": "meet",
    "spoke": "speak",
    "spoken": "speak",
    "told": "tell",
    "said": "say",
    "children": "child",
    "kids": "kid",
    "bought": "buy",
    "saw": "see",
    "seen": "see",
    "heard": "hear",
    "colour": "color",
    "colours": "color",
    "favourite": "favorite",
    "favourites": "favorite",
    "flavour": "flavor",
    "e-mail": "email",
    "mum": "mom",
    "wives": "wife",
}
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'s\b"), ""),
    (re.compile(r"s'(?=\s|$)"), "s"),
]
# a number ends on a digit, its unit only as a whole word ("70/week" is "70", "week"; "9k", "3pm" stay)
_TOKEN = re.compile(r"[a-z][a-z-]*[a-z]|[a-z]|\d(?:[\d.,:/]*\d)?(?:(?:am|pm|k|m)\b)?|[$£€]")
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))  # memory's month words, the longest first
# Pseudo-words for values a note states: a sentence with "$40k" holds "<money>", and so on.
_PSEUDO = [
    ("<money>", re.compile(r"[$£€]\s?\d|\b\d[\d,.]*\s?(?:k|m|grand|dollars?|euros?|pounds?|usd|eur|gbp)\b", re.I)),
    (
        "<date>",
        re.compile(
            rf"\b(?:{_MONTHS})\b\.?\s*\d|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b|\b\d{{1,2}}/\d{{1,2}}\b",
            re.I,
        ),
    ),
    (
        "<time>",
        re.compile(r"\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b|\b(?:mornings?|afternoons?|evenings?|lunchtime)\b", re.I),
    ),
    ("<number>", re.compile(r"\b\d+\b")),
    (  # a day named without a month: "ready thursday", "by tmrw", "end of the month"
        "<day>",
        re.compile(
            r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b|\b(?:tomorrow|tmrw|tmr|tonight|eod|eow)\b"
            r"|\bend of (?:the )?(?:week|month|year|quarter)\b|\bnext (?:week|month)\b",
            re.I,
        ),
    ),
]


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern[str]:
    """An abbreviation's dot and the space after it (ask_intents.json "abbreviations"): no sentence ends there."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    found = sorted((w for e in doc.get("abbreviations", []) for w in e["words"]), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in found) + r")\.\s+(?=\S)", re.I)


@lru_cache(maxsize=1)
def _person() -> re.Pattern[str]:
    """A person a text names: a role word (ask_intents.json "roles": "cfo", "her assistant") or a capitalised
    word after a lower-case one ("signs off with Weiss", "cc Brenda")."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    roles = sorted((w for e in doc.get("roles", []) for w in e["words"]), key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in roles)
    return re.compile(rf"(?i:\b(?:{alts})\b)|(?<=[a-z,:]\s)(?:Dr\.?\s+)?[A-Z][a-z]{{2,}}\b")


_KEEP = "\ue000"  # stands for the space after an abbreviation's dot while a text is split


def split_keeping_abbreviations(pattern: re.Pattern[str], text: str) -> list[str]:
    """`pattern.split(text)`, except after an abbreviation's dot ("Dr. Weiss", "approx. 40"): one part."""
    protected = _abbreviation().sub(lambda m: m.group(1) + "." + _KEEP, text)
    # a comma inside brackets is no clause joint: "(enoteca de santis, via po)" is one aside
    protected = re.sub(r"\([^()]*\)", lambda m: re.sub(r",\s+", "," + _KEEP, m.group(0)), protected)
    return [p.replace(_KEEP, " ") if p else p for p in pattern.split(protected)]


def stem(word: str) -> str:
    """A light stem shared by questions, cues and notes ("promised" -> "promis", "likes" -> "lik")."""
    w = _IRREGULAR.get(word, word)
    if w.startswith(("<", "$", "£", "€")) or w[:1].isdigit():
        return w
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) >= 6 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) >= 5 and (w.endswith("ed") or (w.endswith("es") and not w.endswith(("ss", "us")))):
        w = w[:-2]
    elif len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return _IRREGULAR.get(w, w)


def words(text: str) -> list[str]:
    """Lower-case words with contractions expanded ("doesn't" -> "does not"), unstemmed."""
    low = text.casefold().replace("’", "'").replace("‘", "'")
    for pattern, repl in _CONTRACTIONS:
        low = pattern.sub(repl, low)
    return _TOKEN.findall(low.replace("-", " "))  # "check-in" is "check in", "e-mail" is "e mail"


def stems(text: str) -> list[str]:
    """The stems of `text`'s words, in order."""
    return [stem(w) for w in words(text)]


def stem_set(text: str) -> set[str]:
    """The stems of `text` plus pseudo-words for the values it states (<money>, <date>, <time>, <number>)."""
    out = set(stems(text))
    out |= {token for token, pattern in _PSEUDO if pattern.search(text)}
    if _person().search(text):
        out.add("<person>")
    return out


# -- intents -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One cue: words in a row (`phrase`) or words anywhere (`scattered`)."""

    phrase: tuple[str, ...]
    scattered: tuple[str, ...]
    weak: bool
    topic: bool
    soft: bool = False


@dataclass(frozen=True)
class Intent:
    """What a question can ask for, and where its answer comes from."""

    name: str
    source: str  # facts | promises | overdue | last_contact | met | summary
    kinds: frozenset[FactKind]
    keys: tuple[str, ...]
    cues: tuple[Cue, ...]
    evidence: frozenset[str]
    suppresses: frozenset[str]
    weak: bool
    loose_topic: bool = False
    any_topic: bool = False  # the topic names what the answer is about ("who approves the MRI?"), never narrows it


@dataclass(frozen=True)
class Lexicon:
    """The intents and the filler words, loaded once from the data file."""

    intents: tuple[Intent, ...]
    filler: frozenset[str]
    groups: dict[str, frozenset[str]]
    categories: frozenset[str] = frozenset()  # words naming a category whose members answer ("colour": "black")

    def expand(self, topic: set[str]) -> set[str]:
        """The topic words with the other words of their groups ("kid" -> "daughter", "son", ...)."""
        return topic.union(*(self.groups.get(t, frozenset()) for t in topic))


# Which intent wins when two are read in one question (the first makes the second redundant).
_SUPPRESSES = {
    "contact": {"likes"},  # "how does he like to be reached?" is about channels, not tastes
    "dates": {"family"},  # "her daughter's birthday": the relation narrows the date
    "last_contact": {"contact", "met", "overdue"},
    "overdue": {"contact", "last_contact", "needs"},
    "met": {"location", "likes", "contact"},
    "promises": {"contact", "likes"},
    "budget": {"likes"},
    "approver": {"budget", "likes", "company"},  # "who signs off at his company?": the person, not the sum
    "needs": {"likes"},  # "what is she looking to buy?": the need, not a taste
    "deadline": {"promises", "needs"},  # the client's own date, not what the salesperson owes
    "company": {"location"},
}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Intents and fillers from `bot/usecases/data/ask_intents.json`."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    filler = frozenset(stem(w) for entry in doc["filler"] for w in entry["words"])
    intents = []
    for raw in doc["intents"]:
        cues = []
        for entry in raw["cues"]:
            weak, topic, soft = bool(entry.get("weak")), bool(entry.get("topic")), bool(entry.get("soft"))
            for cue in entry["cues"]:
                if "+" in cue:
                    parts = tuple(stem(w) for part in cue.split("+") for w in words(part))
                    cues.append(Cue((), parts, weak, topic, soft))
                else:
                    cues.append(Cue(tuple(stem(w) for w in words(cue)), (), weak, topic, soft))
        intents.append(
            Intent(
                name=raw["name"],
                source=raw.get("source", "facts"),
                kinds=frozenset(FactKind(k) for k in raw.get("kinds", [])),
                keys=tuple(raw.get("keys", [])),
                cues=tuple(cues),
                evidence=frozenset(e if e.startswith("<") else stem(e) for e in raw.get("evidence", [])),
                suppresses=frozenset(_SUPPRESSES.get(raw["name"], set())),
                weak=bool(raw.get("weak")),
                loose_topic=bool(raw.get("loose_topic")),
                any_topic=bool(raw.get("any_topic")),
            )
        )
    groups: dict[str, frozenset[str]] = {}
    categories: set[str] = set()
    for entry in doc.get("topic_groups", []):
        means = frozenset(stem(w) for w in entry["means"])
        for word in entry["words"]:
            groups[stem(word)] = groups.get(stem(word), frozenset()) | means
            if entry.get("category"):
                categories.add(stem(word))
    return Lexicon(tuple(intents), filler, groups, frozenset(categories))


@dataclass
class Reading:
    """What a question asks: its intents, its topic words, and the question's stems."""

    intents: list[Intent]
    topic: set[str]
    tokens: list[str]
    focus: set[str] = field(default_factory=set)  # topic words that are cues ("son", "email"): required
    soft: set[str] = field(default_factory=set)  # focus words that only narrow ("text" in "can I text her?")
    slot: str = ""  # the kind of value the answer is: "date" ("when ...?", "what's due"), "number" ("how many")


# The pseudo-words (see _PSEUDO) a clause or a fact holds when it states a value of each slot.
SLOT_VALUES = {
    "date": frozenset({"<date>", "<day>"}),
    "number": frozenset({"<number>", "<money>"}),
    "person": frozenset({"<person>"}),
}


@lru_cache(maxsize=1)
def _slots() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(slot, cue stems) pairs from ask_intents.json "slots", the longest cue first."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    cues = [(e["slot"], tuple(stem(w) for w in words(c))) for e in doc.get("slots", []) for c in e["cues"]]
    return tuple(sorted(cues, key=lambda x: -len(x[1])))


def read_slot(tokens: list[str]) -> tuple[str, set[int]]:
    """The slot a question's words ask for ("how many" -> number) and the positions of its cue words."""
    for slot, phrase in _slots():
        for positions in _find(tokens, phrase, frozenset()):
            if positions[-1] - positions[0] == len(phrase) - 1:  # the cue's words in a row
                return slot, set(positions)
    return "", set()


def _find(seq: list[str], phrase: tuple[str, ...], skippable: frozenset[str] | set[str]) -> list[list[int]]:
    """Where `phrase` occurs in `seq`, its words in order; a filler or a name may sit between them
    ("does not Dana like" holds "not like"), and at most one other word."""
    found = []
    for start in (i for i, t in enumerate(seq) if t == phrase[0]):
        at, positions, others = start, [start], 0
        for word in phrase[1:]:
            at += 1
            while at < len(seq) and seq[at] != word and at - positions[-1] <= 3:
                others += seq[at] not in skippable
                at += 1
            if at >= len(seq) or seq[at] != word or others > 1:
                break
            positions.append(at)
        if len(positions) == len(phrase):
            found.append(positions)
    return found


def read_question(question: str, client: Client | None = None) -> Reading:
    """The intents a question's cue words point at, and its topic (what is left of its words)."""
    lex = lexicon()
    tokens = stems(question)
    names = name_stems(client) if client else set()
    spans: list[tuple[Intent, Cue, set[int]]] = []
    for intent in lex.intents:
        for cue in intent.cues:
            if cue.phrase:
                for positions in _find(tokens, cue.phrase, lex.filler | names):
                    spans.append((intent, cue, set(positions)))
            elif cue.scattered and all(w in tokens for w in cue.scattered):
                spans.append((intent, cue, {tokens.index(w) for w in cue.scattered}))
    # A cue inside a longer one ("like" in "not like", "contact" in "last contact") does not count.
    kept = [
        (i, c, s)
        for i, c, s in spans
        if not any(
            s < other and (len(c.phrase) or len(c.scattered)) < (len(oc.phrase) or len(oc.scattered))
            for _, oc, other in spans
        )
    ]
    strong = {i.name for i, c, _ in kept if not c.weak}
    matched: dict[str, Intent] = {}
    for intent, cue, _ in kept:
        if cue.weak and strong and intent.name not in strong:
            continue
        matched[intent.name] = intent
    if any(not i.weak for i in matched.values()):
        matched = {n: i for n, i in matched.items() if not i.weak}
    suppressed = {s for i in matched.values() for s in i.suppresses}
    intents = [i for n, i in matched.items() if n not in suppressed] or list(matched.values())
    if len(intents) > 1:  # "where did I meet her husband?": the relative narrows the other question
        intents = [i for i in intents if i.name != "family"]
    slot, slot_at = read_slot(tokens)
    used = {pos for _, c, s in kept if not c.topic for pos in s} | slot_at  # a cue word is no topic word
    topic = {
        t
        for pos, t in enumerate(tokens)
        if pos not in used and t not in lex.filler and t not in names and len(t) > 1 and not t[:1].isdigit()
    }
    focus = {tokens[pos] for _, c, s in kept if c.topic for pos in s} & topic
    soft = {tokens[pos] for _, c, s in kept if c.soft for pos in s} & topic
    return Reading(intents, topic, tokens, focus, soft, slot)


def name_stems(client: Client) -> set[str]:
    parts = [client.name, *client.aliases]
    if client.goes_by:
        parts.append(client.goes_by)
    if client.company:
        parts.append(client.company)
    return {stem(w) for p in parts for w in words(p)}


__all__ = [
    "SLOT_VALUES",
    "Intent",
    "Reading",
    "lexicon",
    "name_stems",
    "read_question",
    "read_slot",
    "split_keeping_abbreviations",
    "stem",
    "stem_set",
    "stems",
    "words",
]
