"""Answer a question about one named client from that client's own note clauses, the latest word first.

Used when the structured state (facts, promises, contact history) does not answer. Only the named
client's notes are read, so another client's note can never answer. A note is cut into clauses
(sentences, then commas and dashes: salespeople type run-ons); each clause is scored by the
question's topic words (prefix-aware: "pref" finds "prefers") and by the local embedder, with the
client's name taken out of both so a shared name is no evidence. A clause is *stale* when a later
clause of the same client says the same subject changed ("make it 70 people not 60", "wants granite
after all", "okay with a single 300 now"): the later one answers instead. Abstains (returns None)
when no clause is close enough. Change words are data: `bot/usecases/data/ask_intents.json` `change_words`.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from bot.usecases.ask_intents import DATA, lexicon, name_stems, split_keeping_abbreviations, stem, stem_set, words
from memory.errors import ChetError
from memory.records import Client, Fact, Note
from memory.service import Memory

log = logging.getLogger(__name__)

DENSE_MIN = 0.27  # cosine (names removed) above which a clause is about the question; measured on the day scripts
DENSE_NEAR = 0.8  # other clauses within this share of the best one are shown too
MAX_CLAUSES = 400  # the newest clauses of one client that are scored
# Sentences, then the joints of typed and spoken run-ons: commas, dashes, "but", fillers ("uh", "um"),
# "and" before a new subject ("... and he's got a slip"), "so".
_CLAUSE = re.compile(
    r"(?<=[.!?;])\s+|\n+|\s+[-–—]\s+|,\s+|\s+(?:but|and then|then|so|uh|um|erm)\s+"
    r"|\s+and\s+(?=(?:he|she|they|his|her|i|we|uh|um)\b)",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|without|don'?t|doesn'?t|hates?)\s+(?:the\s+|a\s+|any\s+)?(\w+)", re.I
)


@dataclass(frozen=True)
class Clause:
    """One clause of one note, with its position in the note."""

    note: Note
    index: int
    text: str


@lru_cache(maxsize=1)
def change_words() -> re.Pattern[str]:
    """Words by which a note says an earlier statement changed ("after all", "now", "make it")."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    found = sorted((w for entry in doc.get("change_words", []) for w in entry["words"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")\b", re.I)


def clauses(note: Note) -> list[Clause]:
    """A note's clauses, in order."""
    parts = [p.strip(" .,;:") for p in split_keeping_abbreviations(_CLAUSE, note.text) if p]
    return [Clause(note, i, p) for i, p in enumerate(p for p in parts if p and len(p) > 1)]


def _content(text: str, drop: set[str]) -> set[str]:
    """Stems of the words that carry content (no fillers, no client names)."""
    filler = lexicon().filler
    return {s for s in stem_set(text) if s not in filler and s not in drop and not s.startswith("<")}


def _lexical(topic: set[str], clause_stems: set[str]) -> int:
    """Topic words a clause holds; a stem of four letters or more also matches as a prefix ("pref" ~ "prefer")."""
    hits = 0
    for t in topic:
        if t in clause_stems or (
            len(t) >= 4 and any(c.startswith(t) or (len(c) >= 4 and t.startswith(c)) for c in clause_stems)
        ):
            hits += 1
    return hits


def _strip_names(text: str, client: Client) -> str:
    """The text without the client's names (and a possessive 's), so a shared name is no evidence."""
    out = text
    for part in {w for p in (client.name, *client.aliases, client.goes_by or "") for w in p.split() if len(w) > 1}:
        out = re.sub(rf"\b{re.escape(part)}(?:['’]s)?\b", " ", out, flags=re.I)
    return " ".join(out.split())


def superseded_by(old: Clause, newer: list[Clause], drop: set[str]) -> Clause | None:
    """The later clause that changes what `old` says: it shares a content word and says it changed."""
    key = frozenset(drop)
    mine = _content_of(old.text, key)
    for c in newer:  # newest first
        if c.note.occurred_at <= old.note.occurred_at or c.note.id == old.note.id:
            continue
        if mine & _content_of(c.text, key) and changes(old.text, c.text, key):
            return c
    return None


@lru_cache(maxsize=8192)
def _content_of(text: str, drop: frozenset[str]) -> frozenset[str]:
    """`_content`, computed once per clause text: superseded_by compares every pair of up to 400 clauses."""
    return frozenset(_content(text, set(drop)))


@lru_cache(maxsize=8192)
def _slot(text: str, drop: frozenset[str]) -> tuple[str, str]:
    """A clause's first and last content stems: its attribute ("prefers ...") and head noun ("... grey model")."""
    filler = lexicon().filler | set(drop)
    found = [s for w in words(text) if (s := stem(w)) not in filler and s[:1].isalpha()]
    return (found[0], found[-1]) if found else ("", "")


def changes(old: str, new: str, drop: frozenset[str] = frozenset()) -> bool:
    """Whether `new` says `old` changed: a change word ("after all", "switched"), or it negates what `old` affirms
    ("the blue one, not the red" after "loved the red one").

    A loose change word ("now", "actually", "rather", "instead") counts only when `new` is about the same slot:
    the same attribute or the same head noun ("prefers email" -> "now prefers phone"), so "budget 40k for the
    fleet" is not changed by "now runs the fleet team".
    """
    found = {m.group(0).casefold() for m in change_words().finditer(new)}
    if found - _loose_change_words():
        return True
    if found:
        (a1, h1), (a2, h2) = _slot(old, drop), _slot(new, drop)
        if (a1 and a1 == a2) or (h1 and h1 == h2):
            return True
    if new_amount(old, new):
        return True
    negated = {m.group(1).casefold() for m in _NEGATION.finditer(new)}
    affirmed = {w.casefold() for w in re.findall(r"\w+", _NEGATION.sub(" ", old))}
    return bool(negated & affirmed)


_AMOUNT = re.compile(r"(\d[\d,.]*)\s*(?:/\s*)?([a-z]+)(?:\s*/\s*([a-z]+))?", re.I)  # "70/week", "8 crates"


def new_amount(old: str, new: str) -> bool:
    """Whether `new` gives another number for a unit `old` counts in ("goes to 70/week" after "45
    crates/week", "9 crates" after "6 crates"): a number is a value, and the later one is the current one."""

    def amounts(text: str) -> dict[str, set[str]]:
        """The numbers of a text by the unit words after them."""
        found: dict[str, set[str]] = {}
        for m in _AMOUNT.finditer(text):
            for unit in m.groups()[1:]:
                if unit and unit.casefold() not in _NOT_UNITS:
                    found.setdefault(stem(unit.casefold()), set()).add(m.group(1).replace(",", "").rstrip("."))
        return found

    before, after = amounts(old), amounts(new)
    return any(before[u] != after[u] for u in before.keys() & after.keys())


# Words after a number that are no unit of a quantity ("3 of them", "2 and a half", "dec 13 at 4pm")
_NOT_UNITS = {"of", "and", "or", "to", "at", "in", "on", "by", "for", "the", "a", "x", "am", "pm"}


@lru_cache(maxsize=1)
def _loose_change_words() -> frozenset[str]:
    """Change words that are everyday words too (ask_intents.json entries marked "loose")."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    return frozenset(w for e in doc.get("change_words", []) if e.get("loose") for w in e["words"])


def _stale_values(facts: list[Fact]) -> set[str]:
    """Values of superseded facts no current fact still states ("6 cases" once "8 cases" replaced it)."""
    current = {f.value.casefold() for f in facts if f.valid_to is None}
    return {f.value.casefold() for f in facts if f.valid_to is not None and f.value.casefold() not in current}


def best_clauses(
    memory: Memory,
    client: Client,
    question: str,
    topic: set[str],
    required: tuple[frozenset[str] | set[str], ...] = (),
    limit: int = MAX_CLAUSES,
    mentioned: str = "",
) -> list[tuple[str, Clause]]:
    """The client's clauses that answer `question` (each with the short clauses after it), latest word first;
    [] when none is close enough. Each set in `required` must meet a clause's stems (a strict intent's evidence,
    a relative the question names): "is her son coming?" is not answered by a note about her daughter."""
    if mentioned:  # a person no client is called, named in notes: only the clauses of the notes that name them
        word = re.compile(rf"\b{re.escape(mentioned)}\b", re.I)
        notes = [n for n in memory.notes(None, limit=2_000) if word.search(n.text)]
    else:
        notes = memory.notes(client.id, limit=200)  # newest first
    units = [c for n in notes for c in clauses(n)][:limit]
    if not units:
        return []
    allowed = [all(r & stem_set(c.text) for r in required if r) for c in units]
    evidence = set().union(*required) if required else set()  # "wants" in two notes is no shared subject
    drop = name_stems(client)
    topic = {t for t in topic if t not in drop}
    # With no topic words ("what's she into?"), a clause holding the intent's evidence ("wants", "loves") is on topic.
    lex = [_lexical(topic, stem_set(c.text)) for c in units]
    by_evidence = [not topic and any(required) and ok for ok in allowed]
    dense = _dense(memory, client, question, units)
    scores = [(lx, d) for lx, d in zip(lex, dense, strict=True)]
    best_dense = max(dense) if dense else 0.0
    chosen: list[Clause] = []
    for unit, (lx, d), ok, evident in zip(units, scores, allowed, by_evidence, strict=True):
        if not ok:
            continue
        if evident or (lx and (d >= DENSE_MIN * 0.6 or not dense)) or d >= max(DENSE_MIN, DENSE_NEAR * best_dense):
            chosen.append(unit)
    if not chosen:
        return []
    top = max(chosen, key=lambda u: (_lexical(topic, stem_set(u.text)), dense[units.index(u)] if dense else 0))
    stale = _stale_values(memory.facts(client.id, current=None))
    ordered = sorted(chosen, key=lambda u: (u is not top, -u.note.occurred_at.timestamp()))
    result: list[Clause] = []
    for unit in ordered:
        newer = superseded_by(unit, units, drop)
        if newer is not None:
            unit = _with_lead(newer)
        if any(v and v in unit.text.casefold() for v in stale) and newer is None:
            continue
        if unit in result or _contradicts(unit, result) or _restated(unit, chosen, drop | evidence):
            continue
        result.append(unit)
    shown: list[tuple[str, Clause]] = []
    for unit in result[:3]:
        text, changed = extend(unit, units, drop)
        for item in [(text, unit), *((c.text, c) for c in changed)]:
            if all(item[1] is not other and item[0] not in said and said not in item[0] for said, other in shown):
                shown.append(item)
    return shown[:3]


_BARE_NEGATION = re.compile(r"^(?:(?:definitely|absolutely|really|just|but|and|so)\s+)*(?:not|no|never)\b", re.I)
LEAD_WORDS = 6  # "teak" before "surely not mauve": a clause this short is what the negation corrects to


def _with_lead(unit: Clause) -> Clause:
    """A correction that only negates ("surely not mauve") with the short clause before it that says what
    instead ("teak, surely not mauve")."""
    if unit.index == 0 or not _BARE_NEGATION.match(unit.text):
        return unit
    before = clauses(unit.note)[unit.index - 1]
    if len(before.text.split()) > LEAD_WORDS:
        return unit
    return Clause(unit.note, unit.index, f"{before.text}, {unit.text}")


def _restated(unit: Clause, kept: list[Clause], drop: set[str]) -> bool:
    """Whether a later clause, from another note, is about the same thing: the latest word stands alone
    ("3 days onsite" said after "onsite 4 days/wk")."""
    mine = _content(unit.text, drop)
    return any(
        c.note.id != unit.note.id and c.note.occurred_at > unit.note.occurred_at and mine & _content(c.text, drop)
        for c in kept
    )


def _contradicts(unit: Clause, kept: list[Clause]) -> bool:
    """Whether an older clause negates what a kept (later) one affirms ("not granite" vs "granite after all")."""
    said = {stem for c in kept for stem in stem_set(c.text)}
    return any(m.group(1).casefold() in said for m in _NEGATION.finditer(unit.text)) and bool(kept)


def _dense(memory: Memory, client: Client, question: str, units: list[Clause]) -> list[float]:
    """Cosine of the question to each clause (names removed); [] when the embedder is unavailable."""
    try:
        vectors = memory.embedder.embed(
            [_strip_names(question, client)] + [_strip_names(u.text, client) for u in units]
        )
    except (ChetError, OSError, RuntimeError, ValueError) as err:  # the lexical score still answers
        log.warning("clause embedding failed: %s", err)
        return []
    q = vectors[0]
    return [float(v @ q) for v in vectors[1:]]


def extend(unit: Clause, memory_units: list[Clause], drop: set[str]) -> tuple[str, list[Clause]]:
    """The clause with the short clauses that follow it in its note ("wants peonies, blush + ivory"), and any
    later clauses that changed one of those ("baby's breath is fine now")."""
    text, changed = unit.text, []
    following = [c for c in clauses(unit.note) if c.index > unit.index]
    for c in following[:2]:
        if len(c.text.split()) > 5 or len(text) + len(c.text) > 90:
            break
        newer = superseded_by(c, memory_units, drop)
        if newer is not None:
            changed.append(newer)
            break
        text = f"{text}, {c.text}"
    return text, changed


def is_newer(clause: Clause, moments: list[datetime]) -> bool:
    """Whether the clause's note is later than every one of `moments`."""
    return all(clause.note.occurred_at > m for m in moments)


__all__ = [
    "Clause",
    "best_clauses",
    "change_words",
    "changes",
    "clauses",
    "extend",
    "is_newer",
    "new_amount",
    "superseded_by",
    "words",
]
