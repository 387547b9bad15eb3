"""Hybrid recall: lexical (FTS5 BM25) and dense (vector) candidates, fused, then adjusted for chats.

Score-normalised (min-max) linear fusion, the scope's names dropped from both sides, question-only
lines demoted; why each choice, and what was tried and dropped, is in benchmarks/NOTES-recall.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Protocol

from memory import names
from memory.lexicon import MONTH_NAMES, STOPWORDS, WEEKDAYS
from memory.records import Client, Note
from memory.when import asks_over_time, asks_when, period, tells_time

_WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)


def _words(text: str) -> list[str]:
    out = []
    for raw in _WORD.findall(text.casefold()):
        word = raw.strip("'’-").replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        out.append(word)
    return out


def query_terms(query: str, drop: str | Iterable[str] = ()) -> list[str]:
    """The distinct content words of a query, lower-cased, in order.

    `drop`: words (or a name, split into words) that carry no information in this search,
    typically the name of the client the search is already restricted to.
    """
    dropped = set(_words(drop)) if isinstance(drop, str) else {w for d in drop for w in _words(d)}
    seen: dict[str, None] = {}
    for word in _words(query):
        if len(word) < 2 or word in STOPWORDS or word in dropped:
            continue
        seen.setdefault(word, None)
    return list(seen)


def without_names(query: str, drop: str | Iterable[str]) -> str:
    """The query for the dense side of a search within one scope: the scope's name words taken out.

    The lexical side already leaves the name out (`query_terms(..., drop=...)`); the dense side
    needs it too. Every note of the scope is about that client, so the name tells no note from
    another, yet it pulls the query vector toward the notes that mention it most: in a chat log
    every line starts with a speaker's name, and a short line ("Kenji: That's so true.") is mostly
    that name, so "What is Kenji's identity?" found Kenji's small talk. A query that is nothing but
    the name is kept as it is.
    """
    dropped = set(_words(drop)) if isinstance(drop, str) else {w for d in drop for w in _words(d)}
    dropped = {w for w in dropped if len(w) > 1 and w not in STOPWORDS}
    if not dropped:
        return query
    kept, last = [], 0
    for m in _WORD.finditer(query):
        words = _words(m.group(0))
        if words and words[0] in dropped:
            kept.append(query[last : m.start()])
            last = m.end()
    if last == 0:
        return query
    kept.append(query[last:])
    out = re.sub(r"\s+", " ", "".join(kept)).strip()
    out = re.sub(r"\s+([?!.,;:])", r"\1", out)
    return out if query_terms(out) else query


class NameIndex:
    """The words of every client's names, split once, so finding the client a query names is cheap."""

    def __init__(self, clients: Iterable[Client]) -> None:
        self.entries: list[tuple[Client, list[list[str]]]] = []
        self.by_word: dict[str, list[int]] = {}
        for client in clients:
            names = []
            for name in (client.name, *client.aliases):
                parts = [w for w in _words(name) if w not in STOPWORDS and len(w) > 1]
                if parts:
                    names.append(parts)
            position = len(self.entries)
            self.entries.append((client, names))
            for word in {w for parts in names for w in parts}:
                self.by_word.setdefault(word, []).append(position)

    def find(self, query: str) -> Client | None:
        """The one client a query names ("what does Dana Lee want", "when did Caroline ..."), else None.

        A full name or alias beats a single name word; a single word counts only when the query
        writes it capitalised (or is all lower case), so "rose gold" does not mean client Rose.
        Two clients equally named (two Danas) give None: the caller searches everything.
        """
        words = _words(query)
        text = " " + " ".join(words) + " "
        capitalised = {w.casefold().strip("'’-").removesuffix("'s") for w in _WORD.findall(query) if w[:1].isupper()}
        lower_query = query == query.casefold()
        candidates = {i for w in set(words) for i in self.by_word.get(w, ())}
        best: dict[int, int] = {}
        for position in candidates:
            strength = 0
            for parts in self.entries[position][1]:
                if len(parts) > 1 and " " + " ".join(parts) + " " in text:
                    strength = max(strength, 2)
                elif any(p in words and (lower_query or p in capitalised) and len(p) > 2 for p in parts):
                    strength = max(strength, 1)
            if strength:
                best[position] = strength
        if not best:
            return None
        top = max(best.values())
        winners = [p for p, s in best.items() if s == top]
        return self.entries[winners[0]][0] if len(winners) == 1 else None


class ClientNames:
    """Who a query names: clients by their names first, then by the speakers of their transcripts.

    A chat imported under an opaque client name ("conv-26") is still found from "When did Caleb
    move?" when Caleb speaks in its lines. Speakers never resolve a client for a note or a command.
    """

    def __init__(self, clients: list[Client], speakers: dict[int, list[str]]) -> None:
        self._by_name = NameIndex(clients)
        self.speakers = speakers
        by_id = {c.id: c for c in clients}
        self._by_speaker = NameIndex(
            replace(by_id[cid], name="", aliases=tuple(s)) for cid, s in speakers.items() if cid in by_id
        )
        self._by_id = by_id

    def find(self, query: str) -> Client | None:
        """The one client the query names, or whose transcripts' one speaker it names; else None."""
        found = self._by_name.find(query) or self._by_speaker.find(query)
        return self._by_id.get(found.id, found) if found else None

    def names_of(self, client: Client) -> list[str]:
        """The words that tell no note of this client's from another: its name and its speakers."""
        return [client.name, *self.speakers.get(client.id, ())]


def named_client(query: str, clients: Iterable[Client]) -> Client | None:
    """The one client a query names, else None (see NameIndex.find)."""
    return NameIndex(clients).find(query)


def fts_expression(terms: Iterable[str]) -> str:
    """An FTS5 MATCH expression: any of the terms (each quoted, so no operator injection)."""
    parts = []
    for term in terms:
        for piece in re.findall(r"\w+", term):
            parts.append('"' + piece.replace('"', "") + '"')
    return " OR ".join(dict.fromkeys(parts))


@dataclass(frozen=True)
class Weights:
    """How to fuse: the method, each signal's weight, and the RRF constant (used by "rrf" only)."""

    lexical: float = 1.0
    dense: float = 1.0
    k: int = 5  # the RRF constant
    method: str = "minmax"  # score-normalised linear fusion ("minmax" or "zscore"), or "rrf"
    speaker: float = 0.5  # added to a transcript line whose speaker ("Caroline: ...") the query names
    question: float = 0.5  # taken from a note that only asks ("Which piece?"): a question answers nothing
    window: float = 0.3  # dense, chat lines only: weight of the previous line's vector in a line's context
    reply: float = 0.8  # the line after a line ending in a question gets at least this share of its score
    when: float = 0.2  # added to a note that tells a time when the query asks when
    period: float = 0.2  # added to a note dated in the period the query names ("in August 2025")
    spread: float = 0.0  # taken from a note for each better note of its session (client and day)
    spread_over_time: float = 0.0  # the same, added when the query asks how something went over time
    split: float = 0.0  # a question asking several things: weight of each part's own search
    split_method: str = "max"  # how the parts' searches join the whole's: "max" (CombMAX) or "rrf"
    pairs: bool = False  # also split a question about two named things or times ("Berlin and Hamburg")
    coverage: float = 0.5  # lexical weight scaled down when its best hits hold less than this share of the terms
    pool: int = 50  # candidates each side gives the fusion (at least 3 x k)
    session: float = 0.0  # dense: weight of a note's session centroid similarity (a coarse second index)
    learned: bool = (
        True  # the best candidates re-ordered by the stored linear model (memory/rerank.py), when there is one
    )
    first_at: int = 5  # a question about the first call/meeting: the client's first note at this place (0: off)


def fuse(
    lexical: list[tuple[int, float]], dense: list[tuple[int, float]], weights: Weights | None = None
) -> list[tuple[int, float]]:
    """Fuse two ranked lists of (rowid, score; higher is better) into one, best first.

    "rrf": weighted reciprocal rank, w / (k + rank). "minmax" / "zscore": each list's scores are
    normalised, weighted and added; a candidate missing from a list gets that list's lowest value.
    Ties break by rowid, so the order is deterministic.
    """
    weights = weights or Weights()
    if weights.method in ("minmax", "zscore"):
        return _linear(lexical, dense, weights)
    scores: dict[int, float] = {}
    for rank, (rowid, _) in enumerate(lexical):
        scores[rowid] = scores.get(rowid, 0.0) + weights.lexical / (weights.k + rank + 1)
    for rank, (rowid, _) in enumerate(dense):
        scores[rowid] = scores.get(rowid, 0.0) + weights.dense / (weights.k + rank + 1)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def _normalise(pairs: list[tuple[int, float]], method: str) -> dict[int, float]:
    if not pairs:
        return {}
    values = [s for _, s in pairs]
    if method == "minmax":
        lo, hi = min(values), max(values)
        span = hi - lo
        return {r: (s - lo) / span if span > 0 else 1.0 for r, s in pairs}
    mean = sum(values) / len(values)
    sd = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return {r: (s - mean) / sd if sd > 0 else 0.0 for r, s in pairs}


def _linear(
    lexical: list[tuple[int, float]], dense: list[tuple[int, float]], weights: Weights
) -> list[tuple[int, float]]:
    """Score-normalised linear fusion; a candidate missing from a list gets that list's floor."""
    lex, den = _normalise(lexical, weights.method), _normalise(dense, weights.method)
    lex_floor = min(lex.values(), default=0.0)
    den_floor = min(den.values(), default=0.0)
    scores = {
        r: weights.lexical * lex.get(r, lex_floor) + weights.dense * den.get(r, den_floor) for r in set(lex) | set(den)
    }
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


_SPEAKER = re.compile(r"^\s*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})\s*:\s")


def speaker_of(text: str) -> str | None:
    """The speaker of a transcript line ("Caroline: I went ..." -> "Caroline"), if it is one."""
    m = _SPEAKER.match(text)
    return m.group(1) if m else None


# Labels and days a note may start with ("Update: ...", "Monday: ...") that are no speaker of a transcript line.
_LABEL_WORDS = """
    action actions address agenda answer background birthday budget call context contract date deal
    decision demo dinner email family feedback follow followup fw fwd fyi goal goals idea important issue
    lunch me meeting need needs next note notes order outcome phone pricing price priority problem ps q a
    quote re recap reminder result sms status subject summary tag tags text time todo update urgent visit
    voicemail whatsapp today tomorrow yesterday tonight morning afternoon evening week
"""
_NOT_SPEAKERS = frozenset(_LABEL_WORDS.split()) | frozenset(WEEKDAYS) | frozenset(MONTH_NAMES)  # days too


def transcript_speaker(text: str, client_name: str) -> str | None:
    """The speaker of a transcript line worth remembering for its client: no label, day or the client's own name."""
    speaker = speaker_of(text)
    if not speaker:
        return None
    words = set(names.normalize(speaker).split())
    if not words or words <= set(names.normalize(client_name).split()) or words & _NOT_SPEAKERS:
        return None
    return speaker


def boost_speakers(
    query: str, fused: list[tuple[int, float]], texts: dict[int, str], boost: float
) -> list[tuple[int, float]]:
    """Lift lines spoken by the one person the query names ("When did Caroline ...?"), best first.

    Questions about a person are mostly answered by that person's own words in a chat log; when
    the query names several speakers, nobody is lifted.
    """
    if boost <= 0 or not fused:
        return fused
    words = {w.casefold() for w in _WORD.findall(query)}
    speakers = {r: speaker_of(texts.get(r, "")) for r, _ in fused}
    named = {sp for sp in speakers.values() if sp and sp.split()[0].casefold() in words}
    if len(named) != 1:
        return fused
    [who] = named
    lifted = [(r, s + boost if speakers[r] == who else s) for r, s in fused]
    return sorted(lifted, key=lambda item: (-item[1], item[0]))


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def asks_only(text: str) -> bool:
    """True for a note (or a transcript line, after its speaker) whose every sentence is a question.

    "Clara: Which piece?" or "What did you cook? Anything good?" ask and answer nothing; a line that
    also tells something ("Wow! We went to Paris. Have you been?") is not a question-only line.
    """
    body = text
    speaker = speaker_of(text)
    if speaker:
        body = text.split(":", 1)[1]
    sentences = [s for s in _SENTENCE.split(body.strip()) if s.strip()]
    return bool(sentences) and all(s.rstrip().endswith("?") for s in sentences)


def ends_asking(text: str) -> bool:
    """True for a note whose last sentence is a question ("No way! When do you start?"): the next line may answer it."""
    return text.rstrip().endswith("?")


def demote_questions(fused: list[tuple[int, float]], texts: dict[int, str], penalty: float) -> list[tuple[int, float]]:
    """Lower question-only notes by `penalty`, best first.

    A question shares its words and its meaning with the question searched for ("What piece did
    Clara play?" / "Which piece?"), so both signals rank it high, but the answer is elsewhere (often
    the next line). Measured on the tune seeds of both chat sets: +0.02-0.03 recall@10, no change on
    sales notes (which never only ask).
    """
    if penalty <= 0 or not fused:
        return fused
    lowered = [(r, s - penalty if asks_only(texts.get(r, "")) else s) for r, s in fused]
    return sorted(lowered, key=lambda item: (-item[1], item[0]))


class NoteSource(Protocol):
    """What reranking reads from the ledger: notes by rowid and each note's neighbours."""

    def notes_by_rowid(self, rowids: Iterable[int]) -> dict[int, Note]:
        """Notes by rowid."""
        ...

    def neighbours(self, rowids: Iterable[int]) -> dict[int, tuple[int | None, int | None]]:
        """(previous, next) rowid of each note, within its client."""
        ...


SAME_EXCHANGE = timedelta(hours=3)  # a reply further from its question than this is another conversation
REPLY_FROM = 20  # only the best question-only lines pass their score to the reply after them


SESSION_GAP = timedelta(hours=3)  # a note further than this from the one before it starts another session


def number_sessions(rows: Iterable[tuple[int, int, str]]) -> dict[int, int]:
    """rowid -> session number, for (rowid, client_id, occurred_at ISO) rows ordered by client and time.

    A session is one client's notes with no gap longer than SESSION_GAP: one call, visit or chat.
    """
    out: dict[int, int] = {}
    number, last_client, last_at = -1, None, None
    for rowid, client_id, at_iso in rows:
        at = datetime.fromisoformat(at_iso)
        if client_id != last_client or last_at is None or at - last_at > SESSION_GAP:
            number += 1
        out[rowid] = number
        last_client, last_at = client_id, at
    return out


def _session(note: Note) -> tuple[int, date]:
    return note.client_id, note.occurred_at.date()


def lift_replies(
    fused: list[tuple[int, float]], notes: dict[int, Note], source: NoteSource, share: float
) -> list[tuple[int, float]]:
    """The line after a line that ends asking gets at least `share` x that line's score, best first.

    In a chat the answer to "When do you start?" is the next line ("3 November"), which shares no
    word or meaning with the query; the question does. Only a reply of the same exchange (within
    SAME_EXCHANGE, another speaker) is lifted; a reply outside the candidates is read and added.
    (A lift for any good hit's neighbours, not only a question's reply, lost recall on both tune
    halves with and without the learned order: removed, benchmarks/NOTES-recall.md.)
    """
    if share <= 0 or not fused:
        return fused
    top = fused[:REPLY_FROM]
    givers = [(r, s) for r, s in top if r in notes and ends_asking(notes[r].text)]
    if not givers:
        return fused
    around = source.neighbours([r for r, _ in givers])
    missing = [nxt for _, nxt in around.values() if nxt is not None and nxt not in notes]
    if missing:
        notes.update(source.notes_by_rowid(missing))
    scores = dict(fused)
    for rowid, score in givers:
        nxt = around.get(rowid, (None, None))[1]
        if nxt is None or nxt not in notes:
            continue
        here, there = notes[rowid], notes[nxt]
        if abs(there.occurred_at - here.occurred_at) > SAME_EXCHANGE:
            continue
        if speaker_of(there.text) and speaker_of(there.text) == speaker_of(here.text):
            continue
        scores[nxt] = max(scores.get(nxt, float("-inf")), share * score)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def lift_times(
    query: str, fused: list[tuple[int, float]], notes: dict[int, Note], when_lift: float, period_lift: float
) -> list[tuple[int, float]]:
    """Lift notes that tell a time when the query asks when, and notes of the period the query names."""
    asks = when_lift > 0 and asks_when(query)
    span = period(query) if period_lift > 0 else None
    if not (asks or span) or not fused:
        return fused
    lifted = []
    for rowid, score in fused:
        note = notes.get(rowid)
        if note is not None:
            if asks and tells_time(note.text):
                score += when_lift
            if span and span[0] - PERIOD_SLACK <= note.occurred_at.date() <= span[1] + PERIOD_SLACK:
                score += period_lift
        lifted.append((rowid, score))
    return sorted(lifted, key=lambda item: (-item[1], item[0]))


PERIOD_SLACK = timedelta(days=7)  # a note written just after a period often tells of it ("back from Lisbon")


def spread_sessions(fused: list[tuple[int, float]], notes: dict[int, Note], penalty: float) -> list[tuple[int, float]]:
    """Lower each note by `penalty` for every better note of the same session (client and day), best first.

    A question whose evidence spans sessions ("how did the move date change?") found its top ten
    crowded by one exchange: a note and its neighbours share words (and their lexical context).
    """
    if penalty <= 0 or not fused:
        return fused
    seen: dict[tuple[int, date], int] = {}
    out = []
    for rowid, score in fused:
        note = notes.get(rowid)
        if note is None:
            out.append((rowid, score))
            continue
        key = _session(note)
        out.append((rowid, score - penalty * seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return sorted(out, key=lambda item: (-item[1], item[0]))


_PART_SPLIT = re.compile(
    r"\s*(?:,\s*(?:and|but|or)\b|;|\?\s+(?=\S)|\s+and\s+(?=(?:what|who|whom|which|where|when|why|how|did|does|do|is|was|were|has|had)\b))\s*",
    re.I,
)


# "Berlin and Hamburg", "for Nottingham and for Derby", "before and after the move": one question about two things.
_PAIR = re.compile(
    r"\b(?:(?P<prep>for|in|at|to|with|from|of) )?(?P<a>[A-Z][\w'’-]*) (?:and|or|versus|vs\.?) "
    r"(?:(?P=prep) )?(?P<b>[A-Z][\w'’-]*)\b"
)
_BEFORE_AFTER = re.compile(r"\b(before|after) and (before|after)\b", re.I)


def _pair_parts(query: str) -> list[str]:
    """The two readings of a question about two named things or two times, else []."""
    m = _BEFORE_AFTER.search(query)
    if m:
        return [query[: m.start()] + m.group(i) + query[m.end() :] for i in (1, 2)]
    m = _PAIR.search(query)
    if m is None or m.start("a") == 0:  # a capitalised first word is no name
        return []
    prep = (m.group("prep") + " ") if m.group("prep") else ""
    return [query[: m.start()] + prep + m.group(side) + query[m.end() :] for side in ("a", "b")]


def query_parts(query: str, pairs: bool = False) -> list[str]:
    """The parts of a question that asks several things ("Who ran X, and who took over Y?"), else [].

    Each part keeps enough words to search on (two content words); a part too thin to stand alone
    ("and how did it go?") borrows the first part's content words. With `pairs`, a question about
    two named things or times ("Berlin and Hamburg times", "before and after the CFO change") is
    split into one reading per thing when it has no clauses to split.
    """
    pieces = [p.strip(" ,;?") for p in _PART_SPLIT.split(query) if p and p.strip(" ,;?")]
    if len(pieces) < 2:
        return _pair_parts(query) if pairs else []
    head = query_terms(pieces[0])
    parts: list[str] = []
    for piece in pieces:
        terms = query_terms(piece)
        part = piece if len(terms) >= 2 else f"{piece} {' '.join(head)}".strip()
        parts += (_pair_parts(part) or [part]) if pairs else [part]
    return parts


def combine_parts(
    whole: list[tuple[int, float]], parts: list[list[tuple[int, float]]], weight: float, method: str = "max"
) -> list[tuple[int, float]]:
    """The whole query's ranking fused with its parts' rankings, best first, on the whole list's scale.

    "max": min-max scores plus `weight` x each candidate's best part score; "rrf": reciprocal rank
    (constant 60) of the whole plus `weight` x the sum over the parts. The result is mapped back onto
    the whole list's score range: the lifts after fusion (speaker, reply, time) are sized for it.
    """
    if weight <= 0 or not parts or not whole:
        return whole
    scores: dict[int, float] = {}
    if method == "rrf":
        for rank, (rowid, _) in enumerate(whole):
            scores[rowid] = 1.0 / (RRF_PARTS + rank + 1)
        for ranked in parts:
            for rank, (rowid, _) in enumerate(ranked):
                scores[rowid] = scores.get(rowid, 0.0) + weight / (RRF_PARTS + rank + 1)
    else:
        best: dict[int, float] = {}
        for ranked in parts:
            for rowid, score in _normalise(ranked, "minmax").items():
                best[rowid] = max(best.get(rowid, 0.0), score)
        base = _normalise(whole, "minmax")
        scores = {r: base.get(r, 0.0) + weight * best.get(r, 0.0) for r in set(base) | set(best)}
    lo, hi = min(s for _, s in whole), max(s for _, s in whole)
    bottom, top = min(scores.values()), max(scores.values())
    span = (top - bottom) or 1.0
    scaled = {r: lo + (s - bottom) / span * (hi - lo) for r, s in scores.items()}
    return sorted(scaled.items(), key=lambda item: (-item[1], item[0]))


RRF_PARTS = 60  # the usual RRF constant: a part's tenth hit still counts nearly as much as its first


def rerank(
    query: str, fused: list[tuple[int, float]], notes: dict[int, Note], source: NoteSource, weights: Weights
) -> list[tuple[int, float]]:
    """The adjustments after fusion, in order: speakers, replies, questions, times, sessions (see each)."""
    texts = {r: n.text for r, n in notes.items()}
    if weights.speaker:
        fused = boost_speakers(query, fused, texts, weights.speaker)
    fused = lift_replies(fused, notes, source, weights.reply)
    texts = {r: n.text for r, n in notes.items()}
    if weights.question:
        fused = demote_questions(fused, texts, weights.question)
    fused = lift_times(query, fused, notes, weights.when, weights.period)
    spread = weights.spread + (weights.spread_over_time if weights.spread_over_time and asks_over_time(query) else 0.0)
    return spread_sessions(fused, notes, spread)


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word


def lexical_coverage(terms: list[str], texts: Iterable[str]) -> float:
    """The largest share of the query's content words that one of `texts` holds (a crude stem: 5 letters)."""
    wanted = {_stem(t) for t in terms}
    if not wanted:
        return 0.0
    best = 0.0
    for text in texts:
        held = {_stem(w) for w in _words(text)}
        best = max(best, len(wanted & held) / len(wanted))
    return best


def lexical_weight(weights: Weights, coverage: float) -> Weights:
    """Today's weights with the lexical side scaled by how much of the query its best hits hold.

    A paraphrased question ("What sugary Caledonian confection ...") shares no content word with
    its answer: its lexical hits match one incidental word and only pull the fusion off the dense
    side's better ranking.
    """
    if weights.coverage <= 0 or coverage >= weights.coverage:
        return weights
    return replace(weights, lexical=weights.lexical * coverage / weights.coverage)


TIME_CUES = Path(__file__).parent / "data" / "recall_time_cues.json"


@cache
def _cue_re(kind: str) -> re.Pattern[str]:
    cues = json.loads(TIME_CUES.read_text(encoding="utf-8"))[kind]["cues"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + r")\b", re.I)


def asks_first_contact(query: str) -> bool:
    """True when the query is about the first call, meeting or visit ("how long after the first call ...")."""
    return bool(_cue_re("first_contact").search(query))


def time_order(
    query: str,
    ranked: list[tuple[int, float]],
    notes: dict[int, Note],
    weights: Weights,
    first_note: Callable[[], tuple[int, Note] | None],
) -> list[tuple[int, float]]:
    """The last word on order, after the learned reranker: a question whose answer is placed by time.

    One about the first call, meeting or visit gets the scope's first note at place `first_at` (`first_note`
    reads it only then): its words ("intro call w Ines") share little with the question, its place in time is sure.
    (Spreading a "how long" question's top ten over sessions, and lifting notes that tell a start or an end,
    measured no better on recall set 11's tune half: dropped, benchmarks/NOTES-recall.md.)
    """
    if weights.first_at > 0 and ranked and asks_first_contact(query):
        first = first_note()
        if first is not None and first[0] not in [r for r, _ in ranked[: weights.first_at]]:
            rowid, notes[rowid] = first
            rest = [item for item in ranked if item[0] != rowid]
            place = min(weights.first_at - 1, len(rest))
            score = rest[place][1] if place < len(rest) else 0.0
            ranked = [*rest[:place], (rowid, score), *rest[place:]]
    return ranked
