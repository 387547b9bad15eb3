"""The concrete details an offline draft is about, read from the client's own notes, the latest word first.

A purpose names a form ("a text", "email", "call script"), which picks the channel when the client
allows it, and a subject ("about the corsages", "with hotel ideas"). The details are the clauses of
the client's notes about that subject ("wants to add corsages for the grandmothers, 4 of them"), or,
for a purpose that names no subject ("a note", "check in"), what the client wants, needs or chose.
A clause a later note changed is replaced by the change ("make it 8 crates" turns "6 crates of the
Pilsner" into "8 crates of the Pilsner"; "granite after all" replaces "quartz, not granite"); a clause
with a superseded fact's value, one about the salesperson's own actions (promises are said
separately), one about channels or consent, bad news, or another client is left out. The clauses are
turned to the second person ("she wants" -> "you'd like"). Word lists: `bot/usecases/data/draft_words.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from bot.usecases.ask_intents import lexicon, stem_set
from bot.usecases.ask_notes import Clause, change_words, changes, clauses
from bot.usecases.draft_context import DraftContext
from memory.lexicon import relative_pronoun_clauses
from memory.records import Note

_DATA = Path(__file__).parent / "data" / "draft_words.json"
MAX_DETAILS = 3
MAX_DETAIL_CHARS = 90


@dataclass(frozen=True)
class Purpose:
    """A purpose read for its form (channel), its kind and its subject."""

    channel: str | None  # email | text | phone when the purpose names the form
    subject: str  # what the message is about, connectors and form words taken off
    generic: bool  # the subject names nothing ("a note", "check in")


@lru_cache(maxsize=1)
def _words() -> dict[str, object]:
    return dict(json.loads(_DATA.read_text(encoding="utf-8")))


def _entries(name: str) -> list[str]:
    doc = _words()
    raw = doc.get(name, [])
    assert isinstance(raw, list)
    return [w for entry in raw for w in entry["words"]]


@lru_cache(maxsize=1)
def _form_words() -> tuple[dict[str, str], re.Pattern[str]]:
    """Form words and their channel ("" for a plain one: "note", "message"); one pattern for a leading run."""
    doc = _words()
    forms: dict[str, str] = {}
    raw = doc.get("forms", [])
    assert isinstance(raw, list)
    for entry in raw:
        for w in entry["words"]:
            forms[w] = entry.get("channel", "")
    alts = "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
    lead = re.compile(
        rf"^(?:(?:a|an|the|my|our|quick|short|brief|little|nice|friendly)\s+)*(?P<form>{alts})\b\s*", re.I
    )
    return forms, lead


def read_purpose(purpose: str) -> Purpose:
    """The form, subject and genericness of a purpose ("a text about the corsages" -> text, "the corsages")."""
    forms, lead = _form_words()
    rest, channel = purpose.strip(), None
    while m := lead.match(rest):
        channel = channel or forms[m.group("form").casefold()] or None
        rest = rest[m.end() :]
    rest = re.sub(r"^(?:(?:about|re|regarding|with|on|for|to|that|:|–|—|-)\s+)+", "", rest, flags=re.I).strip(" .")
    plain = set(_entries("plain_purposes"))
    content = {w for w in re.findall(r"[a-z0-9]+", rest.casefold()) if w not in plain}
    return Purpose(channel or None, rest, not content)


# -- clauses -------------------------------------------------------------------------------------

_NEG_TAIL = re.compile(
    r"[,;]?\s+(?:not|no|rather than|instead of)\s+(?:the\s+|a\s+)?\w+(?:\s+(?:one|ones))?\b.*$", re.I
)
_QUANTITY = re.compile(r"\b(\d+)\s+([a-z]+)", re.I)


def _stems(text: str) -> set[str]:
    """Content stems: no fillers ("the", "her"), no value tokens, nothing under three letters."""
    filler = lexicon().filler
    return {s for s in stem_set(text) if not s.startswith("<") and len(s) > 2 and s not in filler}


def _excluded(text: str, ctx: DraftContext) -> bool:
    """A clause a message to the client must not restate."""
    low = text.casefold()
    if re.search(_exclude_pattern(), low):
        return True
    for other in ctx.other_clients:
        first = other.split()[0].casefold()
        if len(first) > 2 and re.search(rf"\b{re.escape(first)}\b", low):
            return True
    return bool(re.search(r"\d{3}[-. ]\d{4}|@\w", low))  # phone numbers and addresses are not news to the client


@lru_cache(maxsize=1)
def _exclude_pattern() -> str:
    words = sorted(_entries("not_details"), key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"


def _client_words(ctx: DraftContext) -> set[str]:
    """The words of the client's names, a hyphenated one both whole and in parts."""
    c = ctx.client
    parts = [c.name, c.goes_by or "", c.formal_name or "", *c.aliases]
    found = {w.casefold() for p in parts for w in re.findall(r"[\w'’-]+", p) if len(w) > 1}  # "anne-marie" whole
    return found | {w.casefold() for p in parts for w in re.findall(r"[\w'’]+", p) if len(w) > 1}


_W = r"[^\W\d_][\w-]*"
_OF = r"of\s+(?:the\s+|a\s+|an\s+)?"
_AMOUNT_ITEM = re.compile(
    rf"(?<![\w.])(?<!not )(\d+)\s+(?:{_OF}(?P<item>{_W})|(?P<unit>{_W})(?:\s+{_OF}(?P<item2>{_W}))?)", re.I
)


def _amounts(text: str) -> list[tuple[tuple[int, int], str, set[str]]]:
    """Each count in `text` with the span of its number and what it counts: its unit and the item after "of"
    ("6 cases of the cabernet" -> {"case", "cabernet"}; "2 of the rosado" -> {"rosado"}). A count after "not"
    is the old value a correction rules out ("9 of the franc not 6"), never a new one."""
    out = []
    for m in _AMOUNT_ITEM.finditer(text):
        keys = {w.casefold().rstrip("s") for w in m.group("item", "unit", "item2") if w}
        if keys:
            out.append(((m.start(1), m.end(1)), m.group(1), keys))
    return out


def _apply_change(old: str, new: str) -> str:
    """The old clause with the new count of the same thing ("6 crates of the Pilsner" + "make it 8 crates" -> "8
    crates of the Pilsner"; "9 of the franc not 6" changes the franc's count, not the rosé's), else the new clause."""
    swapped = _swap_counts(old, new)
    return new if swapped is None else swapped


def _swap_counts(old: str, new: str) -> str | None:
    """`old` with the counts `new` gives for the same things, or None when `new` changes no count of `old`."""
    new_counts = _amounts(new)
    swapped, hits = old, 0
    for (start, end), number, keys in reversed(_amounts(old)):
        # the item after "of" names the thing best; a unit alone ("cases") only when the new count has no item
        match = [n for _, n, k in new_counts if keys & k]
        if match and match[0] != number:
            swapped = swapped[:start] + match[0] + swapped[end:]
            hits += 1
    return swapped if hits else None


def detail_clauses(ctx: DraftContext, purpose: Purpose) -> list[tuple[str, str]]:
    """(clause in the client's words, note id) for the purpose's subject, or what the client wants; latest first."""
    now = ctx.now

    # ctx.notes is newest first, ties by ledger order: the last tie-break, since two notes typed within one second
    # can share both times (a note and its correction sent together)
    typed_later = {n.id: -i for i, n in enumerate(ctx.notes)}

    def when(n: Note) -> tuple[datetime, datetime, int]:  # two notes of the same minute: the one typed later is later
        return _aware(n.occurred_at, now), _aware(n.created_at, now), typed_later.get(n.id, 0)

    notes = sorted((n for n in ctx.notes if _aware(n.occurred_at, now) <= now), key=when, reverse=True)
    units = [c for n in notes[:60] for c in clauses(n)]
    names = _client_words(ctx)
    subject = (
        _stems(purpose.subject) - {s for n in names for s in stem_set(n)} - _stems(" ".join(_entries("plain_purposes")))
    )
    wants = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _entries("want_words")) + r")\b", re.I)
    stale = {
        f.value.casefold() for f in ctx.history if f.value.casefold() not in {g.value.casefold() for g in ctx.facts}
    }
    picked: list[tuple[str, str]] = []

    own = _stems(" ".join(names))

    def take(unit: Clause) -> bool:
        text = unit.text
        if _about_a_relative(unit):
            return False  # "his wife ines, she's keen on the blue glaze": her taste, never "you're keen on"
        for later in notes:  # newest first: the latest change of this clause's subject wins
            if (
                when(later) > when(unit.note)
                and later.id != unit.note.id
                and (_stems(unit.text) - own) & _stems(later.text)
                and changes(unit.text, later.text)
            ):
                parts = [c.text for c in clauses(later)]
                said = next((c for c in parts if change_words().search(c)), None) or next(
                    (c for c in parts if (_stems(unit.text) - own) & _stems(c)), later.text
                )
                counted = _swap_counts(text, later.text)  # "9 of the franc not 6": the count of what it names
                text = counted if counted is not None else _apply_change(text, said)
                break
        else:
            if any(v and len(v) > 2 and v in text.casefold() for v in stale):
                return False
        text = _clean(text, names)
        if not text or _excluded(text, ctx) or len(text) > MAX_DETAIL_CHARS or _only_a_change(text):
            return False
        if any(text.casefold() in t.casefold() for t, _ in picked):
            return True  # said already
        # a fuller clause replaces a fragment of it ("8 crates of the pilsner" by "wants 8 crates of the pilsner
        # and 3 of the stout"): the fragment alone may not be sayable to the client
        picked[:] = [(t, i) for t, i in picked if t.casefold() not in text.casefold()]
        picked.append((text, unit.note.id))
        return True

    def owned_after(unit: Clause) -> None:  # "wants the iPhone ... her budget is around 4k": the situation with it
        for later in clauses(unit.note):
            if later.index > unit.index and owned_subject(later.text):
                take(later)

    def request_first(unit: Clause) -> None:
        # a detail's note says what it is about: "colour changed to charcoal" or "delivery fri" belongs to the
        # request of the same note ("wants the 6 walnut barstools"), said first so the detail has its item
        for other in clauses(unit.note):
            if other.index != unit.index and (wants.search(other.text) or _QUANTITY.match(other.text.strip())):
                take(other)
                break

    if subject and not purpose.generic:
        for unit in units:
            if _stems(unit.text) & subject and not (wants.search(unit.text) or _QUANTITY.match(unit.text.strip())):
                request_first(unit)
            if _stems(unit.text) & subject and take(unit):  # its short followers only with it ("mint", "4 of them")
                for follow in [c for c in clauses(unit.note) if c.index == unit.index + 1]:
                    if len(follow.text.split()) <= 6:
                        take(follow)
                owned_after(unit)
            if len(picked) >= MAX_DETAILS:
                break
    if not picked:
        for unit in units:
            if wants.search(unit.text) and take(unit):
                owned_after(unit)
            if len(picked) >= MAX_DETAILS:
                break
    return picked[:MAX_DETAILS]


def _about_a_relative(unit: Clause) -> bool:
    """Whether a clause lies in a part of its note whose he/she is a relative just named, not the client."""
    said = " ".join(unit.text.split()).casefold()
    for rc in relative_pronoun_clauses(unit.note.text):
        theirs = " ".join(rc.text.split()).casefold()
        if said and (said in theirs or theirs in said):
            return True
    return False


# words that carry no detail once the change words are gone ("she changed her mind", "called back")
_EMPTY_WORDS = frozenset((
    "she", "he", "they", "her", "his", "their", "him", "them", "i", "we", "me", "my", "mind", "called",
    "call", "back", "rang", "so", "and", "but", "just",
))  # fmt: skip


def _only_a_change(text: str) -> bool:
    """Whether a clause only says that something changed ("changed her mind"): no detail to say to the client."""
    rest = change_words().sub(" ", text)
    return not [w for w in re.findall(r"[^\W_]+", rest.casefold()) if w not in _EMPTY_WORDS]


def _clean(text: str, names: set[str]) -> str:
    """The clause without its lead-in (fillers, the client's name, change words) and a trailing "not the red"."""
    t = " ".join(text.split()).strip(" .,;:!")
    lead = "|".join(re.escape(w) for w in sorted(_entries("lead_fillers"), key=len, reverse=True))
    name = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # one lead-in a pass (the loop repeats): "fyi ola's team needs ..." must reach "ola's team" on its own
    # a lead-in: a filler, a name of the client's, or a bracketed aside after them ("(kim orthodontics)")
    aside = r"\([^()]*\)[\s,:]*"
    pattern = (
        rf"^(?:(?:{lead})\b[\s,]*|(?:{name})(?:['’]s)?(?![\w-])[\s,:]*|{aside})"
        if name
        else rf"^(?:(?:{lead})\b[\s,]*|{aside})"
    )
    previous = None
    while previous != t:
        previous = t
        owned = re.match(rf"(?:{name})['’]s\s+(.+)", t, re.I) if name else None
        if owned and owned_subject(f"her {owned.group(1)}"):
            t = f"her {owned.group(1)}"  # "ola's team needs 3 laptops": the team's need, said "your team needs ..."
            break
        t = re.sub(pattern, "", t, flags=re.I).strip()
    if re.match(r"not\b", t, re.I):
        return ""  # "not the grey": a correction's tail, never a detail to restate
    t = _NEG_TAIL.sub("", t).strip(" .,;:")
    return t if t and not stem_set(t) <= lexicon().filler else ""


_VERBS = {
    "wants to": "you'd like to",
    "would like": "you'd like",
    "wants": "you'd like",
    "needs": "you need",
    "loves": "you love",
    "likes": "you like",
    "prefers": "you prefer",
    "is": "you're",
    "has": "you have",
    "thinks": "you think",
    "says": "you said",
    "said": "you said",
    "decided": "you decided on",
    "is leaning": "you're leaning",
    "leaning": "you're leaning",
    "is interested in": "you're interested in",
    "interested in": "you're interested in",
    "is looking at": "you're looking at",
    "looking at": "you're looking at",
    "okay with": "you're okay with",
    "hates": "you'd rather avoid",
    "dislikes": "you'd rather avoid",
    "would do": "you'd do",
    "is looking": "you're looking",
    "looking": "you're looking",
    "ok with": "you're ok with",
    "is ordering": "you're ordering",
    "ordering": "you're ordering",
    "is after": "you're after",
    "is okay with": "you're okay with",
}


_PAST = re.compile(r"(?:test\s+)?(?:\w{3,}ed|rode|came|saw|took|went|made|had|got|bought|chose|signed)\b", re.I)


def to_you(text: str) -> str:
    """A clause about the client as words to the client ("wants the navy" -> "you'd like the navy"); "" when unsure."""
    t = text
    subject = re.match(r"^(?:she|he|they)(?:['’]s)?\s+", t, flags=re.I)
    if subject:
        t = ("is " if re.search(r"['’]", subject.group(0)) else "") + t[subject.end() :]
    t = re.sub(r"^(?:now|still|also|actually|really|definitely)\s+", "", t, flags=re.I)
    for verb in sorted(_VERBS, key=len, reverse=True):
        if re.match(rf"{re.escape(verb)}\b", t, re.I):
            t = _VERBS[verb] + t[len(verb) :]
            break
    else:
        first = t.split(maxsplit=1)[0] if t.split() else ""
        if _PAST.match(t):  # "test rode the cargo ebike" -> "you test rode the cargo ebike"
            t = "you " + t
        elif subject:  # "she was at the expo": the verb after the pronoun must turn, or the clause is left out
            turned = _you_verb(first)
            if turned is None:
                return ""
            t = f"you {turned}{t[len(first) :]}"
    if owned_subject(t):  # "her team needs 3 laptops": only the subject turns; the team's need stays the team's
        return re.sub(r"\b(?:her|his|their)\b", "your", t, flags=re.I)
    if not re.match(_NOUN_PHRASE_START, t, re.I):  # "the office needs X" is the office's need, never the client's
        t = re.sub(r"(?<=[\w'’\")])\s+(?:wants|needs)\s+(?=\w)", " and you'd like ", t, count=1)  # "hates X wants Y"
    unclear = False

    def inner(m: re.Match[str]) -> str:  # "a slab she loves" -> "a slab you love"
        nonlocal unclear
        verb = _you_verb(m.group(1))
        unclear = unclear or verb is None
        return f"you {verb}"

    t = re.sub(r"\b(?:she|he)\s+([a-z]+)\b", inner, t, flags=re.I)
    if unclear:
        return ""
    t = re.sub(r"\b(?:she|he)(?:['’]s)\b", "you're", t, flags=re.I)
    t = re.sub(r"\b(?:her|his|their)\b", "your", t, flags=re.I)
    t = re.sub(r"\bhim\b", "you", t, flags=re.I)  # "them" is usually the things ("4 of them"), left as is
    return t


_NOUN_PHRASE_START = r"(?:the|a|an|her|his|their|your|my|our|this|that|these|those)\s"
OWNED_NOUN_WORDS = 3  # "her budget", "his wife's sister", "their head office": a subject longer is not a subject


def owned_subject(text: str) -> bool:
    """Whether `text` is a present statement whose subject is the client's own ("her budget is around 4k")."""
    m = re.match(rf"(?:her|his|their|your)((?:\s+[a-z][a-z'’-]*){{1,{OWNED_NOUN_WORDS}}}?)\s+([a-z]+)\b", text, re.I)
    if not m or any(w.casefold() in _owned_verbs() for w in m.group(1).split()):
        return False
    return m.group(2).casefold() in _owned_verbs()


@lru_cache(maxsize=1)
def _owned_verbs() -> frozenset[str]:
    """draft_words.json's owned_subject_verbs with their third-person forms ("need" -> "needs")."""
    raw = _words().get("owned_subject_verbs", [])
    assert isinstance(raw, list)
    forms: set[str] = set()
    for entry in raw:
        for word in entry["words"]:
            forms.add(word)
            if entry.get("inflect", True):  # "is", "can" have no -s form
                forms.add(word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s")
    return frozenset(forms)


def _you_verb(word: str) -> str | None:
    """The verb after "she"/"he" as it goes after "you" ("has" -> "have", "plays" -> "play"); None when unknown."""
    w = word.casefold()
    table = _you_verbs()
    if w in table:
        return word if table[w] == "=" else table[w]
    if _PAST.fullmatch(w):
        return word
    if re.fullmatch(r"[a-z]*[^aeiou]ies", w):  # "tries" -> "try"
        return w[:-3] + "y"
    if re.fullmatch(r"[a-z]+(?:ches|shes|sses|xes|zzes)", w):  # "watches" -> "watch"
        return w[:-2]
    if re.fullmatch(r"[a-z]{2,}[^su]s", w):  # "loves" -> "love", "plays" -> "play"; "was"/"bus"/"gas" are not
        return w[:-1]
    return None


@lru_cache(maxsize=1)
def _you_verbs() -> dict[str, str]:
    """draft_words.json's you_verbs: a verb after "she"/"he" -> the same verb after "you" ("=": unchanged)."""
    raw = _words().get("you_verbs", [])
    assert isinstance(raw, list)
    return {w: entry["you"] for entry in raw for w in entry["words"]}


def _aware(moment: datetime, now: datetime) -> datetime:
    """`moment` comparable with `now` (a naive moment is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment if now.tzinfo is None else moment.astimezone(now.tzinfo)


__all__ = ["Purpose", "detail_clauses", "owned_subject", "read_purpose", "to_you"]
