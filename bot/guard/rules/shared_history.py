"""unsupported_claim for a shared past in any voice: "ran into you at the Leeds fair", "remember our
tour of the factory floor?", "it was great being shown round your warehouse".

Source: essay 002 ("no good relationship starts with a lie") and the guard table. A sentence that
asserts an event the writer and the client shared (cues in `data/shared_history.json`, a reason each)
and names something particular (a place, an event, a thing: its words less the generic meeting, time
and name words) is supported when a note shares one of those words (or its shorthand), or when the
local MiniLM embedder (`memory.embeddings.local_embedder`, the one Chet already loads) finds a note
sentence at least `THRESHOLD` alike, so a truthful paraphrase passes. Otherwise it is flagged.
`THRESHOLD` is measured on the dev sets (`python -m benchmarks.guard_history`): the 10th percentile of
the scores truthful shared-history sentences get, so that a paraphrase scoring like most truthful
sentences passes. The embedder loads only when a draft holds such a sentence.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import content_words, sentences, shorthand
from memory import local_embedder

_DATA = Path(__file__).parent.parent / "data" / "shared_history.json"
THRESHOLD = 0.30  # cosine; measured on the dev sets by benchmarks/guard_history.py (see its docstring)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|morning|good\s+(?:morning|afternoon|evening))\b[^,.!?\n]{0,40}[,!]\s*", re.I
)
_CACHE_SIZE = 4096

Embed = Callable[[list[str]], NDArray[np.float32]]


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    """The cue patterns and the future-tense pattern."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return [re.compile(row["pattern"]) for row in doc["cues"]], re.compile(doc["future"]["pattern"])


@lru_cache(maxsize=1)
def _unspecific() -> frozenset[str]:
    """Stems of the generic meeting words and the time words."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return frozenset(content_words(" ".join(doc["generic"]["words"] + doc["time"]["words"])))


@lru_cache(maxsize=1)
def meal_words() -> frozenset[str]:
    """Stems of the words for a shared meal or drink (lunch, dinner, coffee, ...)."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return frozenset(content_words(" ".join(doc["meals"]["words"])))


def particulars(claim: str, names: str) -> set[str]:
    """Stems of what a claim names in particular: not generic meeting or time words, not the names."""
    return content_words(claim) - _unspecific() - content_words(names)


_RAW = re.compile(r"[a-z]+")


def lexically_supported(words: set[str], claim: str, evidence: Evidence) -> bool:
    """Whether some note, fact, commitment or the purpose shares a word with `words` or abbreviates one
    of the claim's words ("bldg" for "Building")."""
    texts = [text for _, text in evidence.texts()]
    if words & evidence.derived("content words", lambda: set().union(*(content_words(text) for text in texts))):
        return True
    raw = {w for w in _RAW.findall(claim.lower()) if content_words(w) & words}
    known = evidence.derived("raw words", lambda: {k for text in texts for k in _RAW.findall(text) if len(k) >= 3})
    return any(shorthand(k, w) for k in known for w in raw)


def history_claims(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` that asserts a past event shared with the reader."""
    cues, future = _patterns()
    low = text.lower()
    out = []
    for start, end in sentences(text):
        sentence = low[start:end]
        cue = next((m for p in cues for m in [p.search(sentence)] if m), None)
        if cue and not future.search(sentence[: cue.start()]) and not future.search(sentence[cue.end() :][:20]):
            out.append((start, end))
    return out


def claim_text(sentence: str) -> str:
    """The sentence as compared: without a leading greeting ("Hi Hannah, ...")."""
    return _GREETING.sub("", sentence).strip()


def evidence_sentences(evidence: Evidence) -> list[tuple[str, str]]:
    """(note id, sentence) for every sentence of the notes, and the purpose."""
    out = []
    for nid, text in evidence.notes:
        out += [(nid, text[s:e]) for s, e in sentences(text)]
    if evidence.purpose:
        out.append(("", evidence.purpose))
    return out


class _CachedEmbed:
    """The local embedder behind a bounded cache (note sentences repeat across checks)."""

    def __init__(self) -> None:
        self._cache: OrderedDict[str, NDArray[np.float32]] = OrderedDict()

    def __call__(self, texts: list[str]) -> NDArray[np.float32]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for t, row in zip(missing, local_embedder().embed(missing), strict=True):
                self._cache[t] = row
                if len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
        return np.stack([self._cache[t] for t in texts])


SHARED_EMBED = _CachedEmbed()  # one cache of vectors for every rule that embeds (note sentences repeat)


def cosines(matrix: NDArray[np.float32], vector: NDArray[np.float32]) -> NDArray[np.float32]:
    """Each row of `matrix` dotted with `vector` (unit vectors: the cosines).

    `einsum` rather than `@`: on a busy machine a BLAS matrix-vector product over a client's ~5,000 note
    sentences cost 8-11 ms of CPU across its threads, einsum 0.5 ms in one.
    """
    return np.einsum("ij,j->i", matrix, vector)


def best_support(claim: str, candidates: list[str], embed: Embed) -> tuple[float, int]:
    """The highest cosine between `claim` and a candidate, and that candidate's index (-1 if none)."""
    if not candidates:
        return 0.0, -1
    vectors = embed([claim, *candidates])
    sims = vectors[1:] @ vectors[0]
    best = int(np.argmax(sims))
    return float(sims[best]), best


class SharedHistory:
    """Flags a sentence claiming a shared past event that no note sentence resembles."""

    kind = "unsupported_claim"

    def __init__(self, embed: Embed | None = None, threshold: float = THRESHOLD) -> None:
        self.embed: Embed = embed or SHARED_EMBED
        self.threshold = threshold

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per shared-history sentence whose best supporting note sentence is too unlike it."""
        claims = history_claims(draft.text)
        if not claims:
            return []
        support = evidence.derived("sentences", lambda: evidence_sentences(evidence))
        out = []
        for start, end in claims:
            claim = claim_text(draft.text[start:end])
            words = particulars(claim, evidence.names)
            meals = content_words(claim) & meal_words()
            if meals and not meals & self._evidence_words(evidence):
                # a meal is the event itself: a place or a name the notes share does not record it
                out.append(draft.finding(self.kind, start, end, "no note records this shared meal"))
                continue
            if not words or lexically_supported(words, claim, evidence):
                continue  # nothing particular to compare, or a note names it: the other rules judge it
            score = self._best_score(claim, [s for _, s in support], evidence)
            if score < self.threshold:
                out.append(draft.finding(self.kind, start, end, "no note records this shared event"))
        return out

    def _evidence_words(self, evidence: Evidence) -> set[str]:
        """Stems of every word in the notes, facts, commitments and purpose."""
        texts = [text for _, text in evidence.texts()]
        return evidence.derived("content words", lambda: set().union(*(content_words(text) for text in texts)))

    def _best_score(self, claim: str, candidates: list[str], evidence: Evidence) -> float:
        """`best_support`'s score; the candidates' vectors are stacked once per evidence, then reused."""
        key = f"vectors {id(self)}"
        matrix = evidence.memo.get(key)
        if matrix is None or not candidates:
            score, _ = best_support(claim, candidates, self.embed)  # the first time: the same batch as ever
            if candidates:
                evidence.memo[key] = self.embed(candidates)  # all in the embedder's cache now
            return score
        sims = cosines(matrix, self.embed([claim])[0])
        return float(sims[int(np.argmax(sims))])
