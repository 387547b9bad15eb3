"""A learned reranking stage over the best candidates of a hybrid search.

The fused list already holds most evidence in its top 50 but orders it poorly (issue 17: recall@50
0.94 against recall@10 0.69 on recall set 7). No cross-encoder ships its weights in a package here
(benchmarks/NOTES-recall.md), so the top candidates are re-scored by a small linear model over
features each candidate already has: the fused score and rank, its BM25 and dense scores, its
neighbours' (the turn's window), how many of the candidates share its session, whether it tells
a time when the query asks when, whether its date falls in a month or season the query names,
whether the query names its speaker or the people and places it names. The weights are data
(`memory/data/rerank_weights.json`, with how they were fitted); `benchmarks/bench_rerank.py` fits them.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from memory.lexicon import MONTH_NAMES, STOPWORDS
from memory.recall import _words, asks_only, ends_asking, query_terms, speaker_of
from memory.records import Note
from memory.when import asks_over_time, asks_when, period, tells_time

log = logging.getLogger(__name__)

WEIGHTS_FILE = Path(__file__).parent / "data" / "rerank_weights.json"
STATE_WORDS_FILE = Path(__file__).parent / "data" / "rerank_state_words.json"
TOP = 50  # candidates re-scored; the rest keep their order below them
SAME_EXCHANGE = timedelta(hours=3)  # a neighbour further away in time than this is another conversation

# Seasons by month (northern hemisphere, as the notes' writers use them).
_SEASON_MONTHS = {"spring": {3, 4, 5}, "summer": {6, 7, 8}, "autumn": {9, 10, 11}, "fall": {9, 10, 11}}
_SEASON_MONTHS["winter"] = {12, 1, 2}
_HOLIDAY_MONTHS = {"christmas": {12, 1}, "easter": {3, 4}, "thanksgiving": {11}, "halloween": {10, 11}}
_MONTHS = {name.casefold(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")

FEATURES = (
    "score",  # the fused and adjusted score, min-max over the candidates
    "rank",  # log position among the candidates, 0 (first) .. 1 (last)
    "lexical",  # BM25, min-max over the lexical list; 0 when not in it
    "in_lexical",  # 1 when the lexical side found it
    "dense",  # cosine with the query, z-scored over the candidates
    "dense_window",  # best cosine of its previous / next note of the same exchange, z-scored likewise
    "neighbour_score",  # the better adjusted score of its previous / next note among the candidates
    "coverage",  # share of the query's content words (5-letter stems) in the note
    "window_coverage",  # the same over the note and its neighbours
    "session_share",  # share of the other candidates in its session (same client, no 3 h gap)
    "session_best",  # best score of another candidate of its session
    "when_time",  # the query asks when and the note tells a time
    "period",  # the note is dated in the period the query names with a year
    "month",  # the note is dated in (or names) a month / season / holiday the query names without a year
    "speaker",  # the query names the line's speaker
    "entities",  # share of the query's capitalised words (people, places) the note or its neighbours hold
    "asks_only",  # the note only asks
    "reply",  # the note answers a question line right before it
    "length",  # log word count, scaled to 0..1 over 1..64 words
    "lexical_x_cov",  # lexical x how much of the query the lexical side matched at best (trust BM25 when it matched)
    "dense_x_uncov",  # dense x how much it did not (lean on meaning for a paraphrase)
    "over_time_x_session",  # a question about change over time x session share (crowded sessions count less)
    "lexical_rr",  # reciprocal rank on the lexical side, 5 / (5 + rank); 0 when not in it
    "dense_rr",  # reciprocal rank by cosine among the candidates, 5 / (5 + rank)
    "window_dense",  # mean cosine of the note and its neighbours of the same exchange, z-scored
    "chat",  # a transcript line ("Name: ...")
    "recent",  # how late the note is among the candidates, 0 (oldest) .. 1 (newest)
    "latest_x_recent",  # the query asks for the current state ("now", "ended up") x recent
    "first_x_old",  # the query asks for the first state ("originally", "at first") x (1 - recent)
    "session_dense",  # best cosine of another candidate of its session, z-scored (the exchange is about the query)
    "session_lexical",  # best BM25 (min-max) of another candidate of its session
)


@dataclass(frozen=True)
class Model:
    """A linear scorer: one weight for each of the features it names, and a note of how it was fitted."""

    weights: tuple[float, ...]
    fitted: str = ""
    names: tuple[str, ...] = FEATURES  # the features weighted, a subset of FEATURES (a model fitted on fewer)

    def score(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        """Each candidate's score (higher is better) from its row of FEATURES."""
        cols = x[:, [FEATURES.index(n) for n in self.names]] if self.names != FEATURES else x
        return np.asarray(cols @ np.asarray(self.weights, dtype=np.float64), dtype=np.float64)


@cache
def load_model(path: Path = WEIGHTS_FILE) -> Model | None:
    """The stored model, or None when the file is missing or names a feature not computed here (then no reranking)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    names = tuple(str(n) for n in data.get("features", []))
    if not names or not set(names) <= set(FEATURES) or len(names) != len(data["weights"]):
        return None
    return Model(tuple(float(w) for w in data["weights"]), str(data.get("fitted", "")), names)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _words(text) if len(w) > 1 and w not in STOPWORDS}


def _query_months(query: str) -> set[int]:
    """Months a query names without a year ("in March", "last summer", "over Christmas")."""
    out: set[int] = set()
    for raw in _WORD.findall(query):
        word = raw.casefold()
        if word in _MONTHS and (raw[:1].isupper() or word not in ("may", "march")):
            out.add(_MONTHS[word])
        out |= _SEASON_MONTHS.get(word, set()) | _HOLIDAY_MONTHS.get(word, set())
    return out


def _entities(query: str) -> set[str]:
    """The query's capitalised words past its first (names, places, brands), lower-cased."""
    words = _WORD.findall(query)
    return {
        w.casefold().removesuffix("'s").removesuffix("’s")
        for w in words[1:]
        if w[:1].isupper() and w.casefold() not in STOPWORDS and w.casefold() not in _MONTHS
    }


@cache
def _state_words() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(STATE_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(data["latest"]["words"]), frozenset(data["first"]["words"])


def _asks_state(query: str) -> tuple[bool, bool]:
    """Whether the query asks for the latest state ("what did she end up choosing") or the first one."""
    text = " " + " ".join(_words(query)) + " "
    latest, first = _state_words()
    return any(f" {w} " in text for w in latest), any(f" {w} " in text for w in first)


def _minmax(values: NDArray[np.float64]) -> NDArray[np.float64]:
    if len(values) == 0:
        return values
    lo, hi = float(values.min()), float(values.max())
    return (values - lo) / (hi - lo) if hi > lo else np.ones_like(values)


def _z(values: NDArray[np.float64], ref: NDArray[np.float64]) -> NDArray[np.float64]:
    sd = float(ref.std())
    return (values - float(ref.mean())) / sd if sd > 1e-9 else np.zeros_like(values)


@dataclass
class Candidates:
    """What one search knows about its best candidates, for the features."""

    query: str
    ranked: list[tuple[int, float]]  # after fusion and the hand-made adjustments, best first
    notes: Mapping[int, Note]  # every candidate's note and its neighbours' (when read)
    lexical: list[tuple[int, float]]  # BM25 side, best first
    coverage: float  # the largest share of the query's content words one lexical hit holds
    cosines: Mapping[int, float]  # cosine with the query, for candidates and neighbours
    neighbours: Mapping[int, tuple[int | None, int | None]]  # (previous, next) of each candidate
    drop: Iterable[str] = ()  # the scope's names: no search terms


def features(c: Candidates) -> NDArray[np.float64]:
    """One row of FEATURES for each of the candidates in `c.ranked` (in order)."""
    rows = [r for r, _ in c.ranked]
    n = len(rows)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    scores = _minmax(np.array([s for _, s in c.ranked], dtype=np.float64))
    score_of = dict(zip(rows, scores.tolist(), strict=True))
    lex_rows = [r for r, _ in c.lexical]
    lex_norm = dict(zip(lex_rows, _minmax(np.array([s for _, s in c.lexical], dtype=np.float64)).tolist(), strict=True))
    cos = np.array([c.cosines.get(r, 0.0) for r in rows], dtype=np.float64)
    terms = {t[:5] for t in query_terms(c.query, drop=c.drop)}
    asks = asks_when(c.query)
    span = period(c.query)
    months = _query_months(c.query)
    ents = _entities(c.query) - {w for d in c.drop for w in _words(d)}
    over_time = asks_over_time(c.query)
    qwords = {w.casefold() for w in _WORD.findall(c.query)}

    def same_exchange(a: int, b: int | None) -> bool:
        return b is not None and b in c.notes and abs(c.notes[b].occurred_at - c.notes[a].occurred_at) <= SAME_EXCHANGE

    # Sessions among the candidates: one client's notes with no 3 h gap (ordered by time).
    ordered = sorted((r for r in rows if r in c.notes), key=lambda r: (c.notes[r].client_id, c.notes[r].occurred_at))
    session: dict[int, int] = {}
    number, last = -1, None
    for r in ordered:
        here = c.notes[r]
        if last is None or here.client_id != last.client_id or here.occurred_at - last.occurred_at > SAME_EXCHANGE:
            number += 1
        session[r] = number
        last = here
    members: dict[int, list[int]] = {}
    for r, s in session.items():
        members.setdefault(s, []).append(r)

    window_cos = np.zeros(n)
    window_mean = np.zeros(n)
    out = np.zeros((n, len(FEATURES)))
    for i, r in enumerate(rows):
        note = c.notes.get(r)
        text = note.text if note else ""
        prev, nxt = c.neighbours.get(r, (None, None))
        near = [x for x in (prev, nxt) if x is not None and same_exchange(r, x)] if note else []
        window_cos[i] = max((c.cosines.get(x, -1.0) for x in near), default=float(cos[i]))
        window_mean[i] = float(np.mean([cos[i], *(c.cosines.get(x, 0.0) for x in near)]))
        stems = _stems(text)
        window_stems = stems.union(*(_stems(c.notes[x].text) for x in near))
        others = [x for x in members.get(session.get(r, -1), []) if x != r]
        speaker = speaker_of(text)
        window_words = {w for w in _words(" ".join([text, *(c.notes[x].text for x in near)]))}
        day = note.occurred_at if note else None
        names_month = months and (
            (day is not None and day.month in months)
            or any(_MONTHS.get(w) in months for w in _words(text) if w in _MONTHS)
        )
        f = out[i]
        f[0] = scores[i]
        f[1] = math.log1p(i) / math.log1p(max(n - 1, 1))
        f[2] = lex_norm.get(r, 0.0)
        f[3] = 1.0 if r in lex_norm else 0.0
        f[6] = max((score_of.get(x, 0.0) for x in near), default=0.0)
        f[7] = len(terms & stems) / len(terms) if terms else 0.0
        f[8] = len(terms & window_stems) / len(terms) if terms else 0.0
        f[9] = len(others) / max(n - 1, 1)
        f[10] = max((score_of.get(x, 0.0) for x in others), default=0.0)
        f[11] = 1.0 if asks and tells_time(text) else 0.0
        f[12] = 1.0 if span and day and span[0] <= day.date() <= span[1] + timedelta(days=7) else 0.0
        f[13] = 1.0 if names_month else 0.0
        f[14] = 1.0 if speaker and speaker.split()[0].casefold() in qwords else 0.0
        f[15] = len(ents & window_words) / len(ents) if ents else 0.0
        f[16] = 1.0 if asks_only(text) else 0.0
        f[17] = 1.0 if prev is not None and prev in near and ends_asking(c.notes[prev].text) else 0.0
        f[18] = min(math.log(max(len(text.split()), 1)) / math.log(64), 1.0)
    lex_rank = {r: i for i, r in enumerate(lex_rows)}
    out[:, 22] = [5.0 / (5.0 + lex_rank[r]) if r in lex_rank else 0.0 for r in rows]
    by_cos = np.argsort(-cos, kind="stable")
    dense_rank = np.empty(n)
    dense_rank[by_cos] = np.arange(n)
    out[:, 23] = 5.0 / (5.0 + dense_rank)
    out[:, 24] = _z(window_mean, cos)
    out[:, 25] = [1.0 if speaker_of(c.notes[r].text if r in c.notes else "") else 0.0 for r in rows]
    stamps = [c.notes[r].occurred_at.timestamp() if r in c.notes else 0.0 for r in rows]
    order_in_time = np.argsort(np.argsort(np.array(stamps), kind="stable"), kind="stable")
    out[:, 26] = order_in_time / max(n - 1, 1)
    latest, first = _asks_state(c.query)
    out[:, 27] = out[:, 26] if latest else 0.0
    out[:, 28] = (1.0 - out[:, 26]) if first else 0.0
    cos_of = dict(zip(rows, cos.tolist(), strict=True))
    session_cos = np.array(
        [
            max((cos_of[x] for x in members.get(session.get(r, -1), []) if x != r), default=float(cos.min()))
            for r in rows
        ]
    )
    out[:, 29] = _z(session_cos, cos)
    out[:, 30] = [
        max((lex_norm.get(x, 0.0) for x in members.get(session.get(r, -1), []) if x != r), default=0.0) for r in rows
    ]
    out[:, 4] = _z(cos, cos)
    out[:, 5] = _z(window_cos, cos)
    out[:, 19] = out[:, 2] * c.coverage
    out[:, 20] = out[:, 4] * (1.0 - c.coverage)
    out[:, 21] = out[:, 9] if over_time else 0.0
    return out


def rerank_learned(c: Candidates, model: Model, top: int = TOP) -> list[tuple[int, float]]:
    """The candidates' best `top` re-ordered by the model, the rest after them; scores stay decreasing."""
    head, tail = c.ranked[:top], c.ranked[top:]
    if len(head) < 2:
        return c.ranked
    x = features(Candidates(c.query, head, c.notes, c.lexical, c.coverage, c.cosines, c.neighbours, c.drop))
    learned = model.score(x)
    order = sorted(range(len(head)), key=lambda i: (-learned[i], head[i][0]))
    floor = min(s for _, s in head)
    # Scores the caller can show: the old scores' range, in the new order (ties broken by rowid).
    values = sorted((s for _, s in head), reverse=True)
    out = [(head[i][0], values[pos]) for pos, i in enumerate(order)]
    return out + [(r, min(s, floor)) for r, s in tail]


class _Source(Protocol):
    def notes_by_rowid(self, rowids: Iterable[int]) -> dict[int, Note]: ...
    def neighbours(self, rowids: Iterable[int]) -> dict[int, tuple[int | None, int | None]]: ...


class _Vectors(Protocol):
    def scope_vectors(self, scope: list[int]) -> tuple[list[int], np.ndarray]: ...


_recorders: list[Callable[[Candidates], None]] = []


@contextmanager
def recording(sink: Callable[[Candidates], None]) -> Iterator[None]:
    """Within the block, every search hands its candidates to `sink` (benchmarks fit the model on them)."""
    _recorders.append(sink)
    try:
        yield
    finally:
        _recorders.remove(sink)


def learned_order(
    query: str,
    ranked: list[tuple[int, float]],
    notes: dict[int, Note],
    sides: Mapping[str, Any],
    source: _Source,
    vectors: _Vectors,
    drop: Iterable[str] = (),
    use_model: bool = True,
    model: Model | None = None,
) -> list[tuple[int, float]]:
    """The search's ranking re-ordered by the model (the stored one by default; unchanged without one or a query vector)."""
    model = (model or load_model()) if use_model else None
    if (model is None and not _recorders) or "vector" not in sides or len(ranked) < 2:
        return ranked
    head = [r for r, _ in ranked[:TOP] if r in notes]
    around = source.neighbours(head)
    missing = [x for pair in around.values() for x in pair if x is not None and x not in notes]
    if missing:
        notes.update(source.notes_by_rowid(missing))
    wanted = list(dict.fromkeys([*head, *(x for pair in around.values() for x in pair if x is not None)]))
    try:
        found, matrix = vectors.scope_vectors(wanted)
    except Exception:  # the index went down after the dense side ran: keep the search's own order
        log.warning("learned reranking skipped: vectors unavailable", exc_info=True)
        return ranked
    query_vector = np.asarray(sides["vector"], dtype=np.float32)
    cosines = dict(zip(found, (matrix @ query_vector).tolist(), strict=True)) if found else {}
    c = Candidates(
        query,
        [(r, s) for r, s in ranked if r in notes],
        notes,
        list(sides.get("lexical", [])),
        float(sides.get("coverage", 0.0)),
        cosines,
        around,
        tuple(drop),
    )
    for sink in _recorders:
        sink(c)
    return rerank_learned(c, model) if model is not None else ranked
