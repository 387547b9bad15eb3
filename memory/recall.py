"""Hybrid recall: lexical (FTS5 BM25) and dense (vector) candidates fused by weighted reciprocal rank."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Words that carry no topic: dropping them keeps BM25 from rewarding chatter.
STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with", "about", "from", "into", "over", "after", "before", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "this", "that", "these", "those", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "not", "no", "yes", "any", "some", "all", "each", "every", "there", "here", "just", "very", "too", "also", "than", "as", "up", "down", "out", "off", "again", "once", "more", "most", "much", "many", "such", "own", "same", "only", "tell", "know", "say", "said", "ask", "asked", "please", "did", "does", "remind", "recall", "remember", "chet", "client", "note", "notes", "anything", "something", "thing", "things", "ever"]
)
_WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)


def query_terms(query: str) -> list[str]:
    """The distinct content words of a query, lower-cased, in order."""
    seen: dict[str, None] = {}
    for raw in _WORD.findall(query.casefold()):
        word = raw.strip("'’-").replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 2 or word in STOPWORDS:
            continue
        seen.setdefault(word, None)
    return list(seen)


def fts_expression(terms: Iterable[str]) -> str:
    """An FTS5 MATCH expression: any of the terms (each quoted, so no operator injection)."""
    parts = []
    for term in terms:
        for piece in re.findall(r"\w+", term):
            parts.append('"' + piece.replace('"', "") + '"')
    return " OR ".join(dict.fromkeys(parts))


@dataclass(frozen=True)
class Weights:
    """Fusion weights: the weaker dense signal gets less say (FIELD-NOTES: unweighted RRF hurts)."""

    lexical: float = 1.0
    dense: float = 0.7
    k: int = 60  # the RRF constant
    method: str = "rrf"  # "rrf", or score-normalised linear fusion: "minmax" or "zscore"


def fuse(
    lexical: list[tuple[int, float]], dense: list[tuple[int, float]], weights: Weights | None = None
) -> list[tuple[int, float]]:
    """Weighted reciprocal-rank fusion of two ranked lists of (rowid, score); best first."""
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
