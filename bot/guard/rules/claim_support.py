"""Support for a claim by the client's own notes, whatever the wording: the paraphrase check.

Source: issue 14 ("paraphrase-robust support") and essay 002. The word rules that find a claim of
shared history ("following our meeting at ...", "as you asked") or of a commitment ("as agreed",
"at no extra cost") cannot tell a truthful paraphrase from an invention: both use the same words.
This part decides support by meaning. A claim's clause (its sentence when the clause is only a
cue such as "as you asked") is embedded with the local MiniLM (the embedder Chet already loads) and
compared with the note sentences (and clauses) and open commitments of the client that share the most
content words with it; each piece is embedded once per prepared evidence and reused by later checks.

A claim is supported when a note sentence is at least `THRESHOLD` alike **and** no slot of the
claim is missing from that note: its figures (by value), its offer words (`data/claim_support.json`,
a reason each: free, waived, a discount, an upgrade ...), the kind of event it names (a meeting, a
demo, a coffee), its capitalised names (a place, a product) and its time (a claim "yesterday" rests
only on a note of yesterday); and the note sentence negates nothing
the claim states ("no sateen" backs no "sateen sets"). Note sentences with several clauses are
compared clause by clause too, so a short claim meets the short clause that backs it. Slots decide contradictions; similarity alone never clears a claim that adds a
detail. `THRESHOLD` was chosen on the tune half of the development sets (dev5, dev6, the first half of
dev7's worlds): with the slot checks, planted claims scored at most 0.56 against their best agreeing
note sentence and the truthful claims the word rules flagged 0.64-0.82; 0.60 sits between, nearer
the planted side's margin than the middle would be.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bot.guard import claim_structure
from bot.guard.interactions import claim_groups, mentions_group
from bot.guard.model import Finding
from bot.guard.rules.base import Evidence
from bot.guard.rules.shared_history import SHARED_EMBED, Embed, claim_text, cosines
from bot.guard.text import _local_date, _sentence_of, content_words, norm, sentences, shorthand
from bot.guard.when import _TIME_RE, _past_when, _When
from memory.numbers import figures

THRESHOLD = 0.60  # cosine; chosen on the tune half (module docstring)
KINDS = frozenset({"unsupported_claim", "invented_commitment"})
_DATA = Path(__file__).parent.parent / "data" / "claim_support.json"
_CLAUSE = re.compile(r"[.;:!?\n()\u2013\u2014]|,\s|\s-\s")
_NEGATION = re.compile(r"\b(?:no|not|never|none|nothing|without|n't|cannot|won't|don't|didn't|doesn't|isn't)\b")
_MAX_CLAIMS = 12  # claims of one draft judged; the rest stay flagged (a draft with more is no normal message)
_NEAR = 64  # note pieces compared with a claim: those sharing the most of its content words
_TOP = 8  # candidates whose slots are checked: the most alike (a claim rests on a close note, not the 50th)
_ENOUGH = 3  # content words a claim needs to be compared by itself
_CAPITAL = re.compile(r"\b[A-Z][^\W\d_]{2,}\b")


@lru_cache(maxsize=1)
def offer_terms() -> tuple[re.Pattern[str], ...]:
    """The offer-word patterns of `data/claim_support.json`."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(re.compile(row["pattern"]) for row in doc["offer_terms"])


@lru_cache(maxsize=1)
def _request_and_agreement() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a client's request and of the seller's agreement (`data/claim_support.json`)."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return re.compile(doc["request"]["pattern"]), re.compile(doc["agreement"]["pattern"])


def only_requested(sentence: str) -> bool:
    """Whether a note sentence records what the client asked for without the seller agreeing to it."""
    request, agreement = _request_and_agreement()
    low = norm(sentence)
    return bool(request.search(low)) and not agreement.search(low)


@dataclass(frozen=True)
class Candidate:
    """A piece of evidence a claim may rest on: a note sentence (or a commitment) and its whole note."""

    ids: tuple[str, ...]
    sentence: str
    whole: str  # lower-cased text of the whole note or commitment, for the slot checks
    when: date | None = None  # the note's day (a commitment has none)


def _pieces(text: str) -> list[str]:
    """A note's sentences, and the clauses of a sentence that has several ("financing 48 months discussed, ...")."""
    out = []
    for s, e in sentences(text):
        sentence = text[s:e].strip()
        if not sentence:
            continue
        out.append(sentence)
        parts = [p.strip() for p in _CLAUSE.split(sentence) if len(content_words(p)) >= 2]
        if len(parts) > 1:
            out += parts
    return out


def candidates(evidence: Evidence) -> list[Candidate]:
    """Every note sentence and every open commitment of the client (built once per evidence)."""

    def build() -> list[Candidate]:
        out = []
        tz = evidence.now.tzinfo if evidence.now else None
        times = evidence.note_times or (None,) * len(evidence.notes)
        for (nid, text), at in zip(evidence.notes, times, strict=True):
            low, day = norm(text), (_local_date(at, tz) if at else None)
            out += [Candidate((nid,), piece, low, day) for piece in _pieces(text)]
        out += [Candidate(ids, text, norm(text)) for ids, text in evidence.commitments]
        return out

    return evidence.derived("claim support candidates", build)


def _word_index(pool: list[Candidate]) -> dict[str, list[int]]:
    """Content word -> the candidates whose piece holds it."""
    index: dict[str, list[int]] = {}
    for i, c in enumerate(pool):
        for word in content_words(c.sentence):
            index.setdefault(word, []).append(i)
    return index


@lru_cache(maxsize=64)
def _clause_marks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each clause mark of `text` starts and ends (found once per text: a long draft stays linear)."""
    marks = list(_CLAUSE.finditer(text))
    return tuple(m.start() for m in marks), tuple(m.end() for m in marks)


def claim_scope(text: str, start: int, end: int) -> tuple[int, int]:
    """What a claim at `text[start:end]` says: the span itself, else its clause, else its sentence.

    The first of the three that holds at least `_ENOUGH` content words, so that "following our meeting at
    the depot" is compared alone, but a bare cue ("as you asked") brings its clause or sentence.
    """
    if len(content_words(text[start:end])) >= _ENOUGH:
        return start, end
    starts, ends = _clause_marks(text)
    k = bisect_right(ends, start)  # marks ending at or before the claim's start
    s = ends[k - 1] if k else 0
    j = bisect_left(starts, end)
    e = starts[j] if j < len(starts) else len(text)
    if len(content_words(text[s:e])) >= _ENOUGH:
        return s, e
    return _sentence_of(text, start)


def _names(claim: str, names: str) -> set[str]:
    """Lower-cased capitalised words of a claim that are not its first word nor the client's names."""
    own = set(norm(names).split())
    words = [m for m in _CAPITAL.finditer(claim) if m.start() > 0]
    return {m.group(0).lower() for m in words} - own


def _negated(text: str) -> set[str]:
    """Content words a negation governs in lower-cased `text`: the two words after each "no", "not", ..."""
    out: set[str] = set()
    for m in _NEGATION.finditer(text):
        out |= content_words(" ".join(text[m.end() :].split()[:2]))
    return out


def polarity_agrees(claim: str, sentence: str) -> bool:
    """Whether a note sentence negates nothing the claim states, and a negated claim rests on a negated note."""
    low, said = norm(claim), norm(sentence)
    if _negated(said) & content_words(low):
        return False  # "no sateen" does not back "the sateen sets"
    return not _NEGATION.search(low) or bool(_NEGATION.search(said))


def slots_agree(claim: str, whole: str, names: str) -> bool:
    """Whether the note `whole` (lower-cased) holds every slot of the claim: figures, offers, events and names."""
    low = norm(claim)
    if not figures(low) <= figures(whole):
        return False
    if any(p.search(low) and not p.search(whole) for p in offer_terms()):
        return False
    if any(not mentions_group(g, whole) for g in claim_groups(low)):
        return False
    if not event_agrees(low, whole):
        return False
    known = content_words(whole)
    return all(name in whole or any(shorthand(k, name) for k in known) for name in _names(claim, names))


def event_agrees(claim: str, whole: str) -> bool:
    """Whether a note records every event type the claim names as having happened, and, for a claimed shared
    act, every participant it adds ("your team", "the bride"): the same event, not the same topic."""
    types = claim_structure.event_types(claim)
    if types & {"meal", "event"}:
        types.discard("in_person")
    if not all(
        claim_structure.happened(whole, t) or (t == "call" and claim_structure.happened(whole, "in_person"))
        for t in types
    ):
        return False
    if not claim_structure.marker("shared_act").search(claim):
        return True
    return claim_structure.participants(claim) <= claim_structure.participants(whole)


def claimed_times(claim: str, evidence: Evidence) -> list[_When]:
    """The past times a claim names ("yesterday", "last Tuesday", "on 3 March"), resolved at the check's day."""
    if evidence.now is None:
        return []
    today = evidence.now.date()
    low = norm(claim)
    found = (_past_when(t, today) for t in _TIME_RE.finditer(low) if not re.match(r"(?:this|next) ", t.group(0)))
    return [w for w in found if w is not None]


class ClaimSupport:
    """Clears an unsupported_claim or invented_commitment finding that a note backs in other words."""

    def __init__(self, embed: Embed | None = None, threshold: float = THRESHOLD) -> None:
        self.embed: Embed = embed or SHARED_EMBED
        self.threshold = threshold

    def best(self, claim: str, evidence: Evidence) -> list[tuple[float, Candidate]]:
        """The candidates at least `threshold` alike the claim, most alike first.

        Only the `_NEAR` note pieces sharing the most content words with the claim are compared, each
        embedded once per evidence: a cold check at 500 notes embeds a few dozen pieces, not thousands.
        """
        pool = candidates(evidence)
        index = evidence.derived("claim support index", lambda: _word_index(pool))
        shared: dict[int, int] = {}
        for word in content_words(claim):
            for i in index.get(word, ()):
                shared[i] = shared.get(i, 0) + 1
        near = sorted(shared, key=lambda i: (-shared[i], i))[:_NEAR]
        if not near:
            return []
        vectors: dict[int, NDArray[np.float32]] = evidence.memo.setdefault(f"claim support vectors {id(self)}", {})
        missing = [i for i in near if i not in vectors]
        if missing:
            vectors.update(zip(missing, self.embed([pool[i].sentence for i in missing]), strict=True))
        sims = cosines(np.stack([vectors[i] for i in near]), self.embed([claim])[0])
        above = np.flatnonzero(sims >= self.threshold)
        return [(float(sims[k]), pool[near[k]]) for k in above[np.argsort(-sims[above])][:_TOP]]

    def supported(self, text: str, start: int, end: int, evidence: Evidence, kind: str = "unsupported_claim") -> bool:
        """Whether the claim at `text[start:end]` rests on a note sentence alike and agreeing in every slot.

        A commitment (`invented_commitment`) needs a note of the seller granting it, not only the client's request.
        """
        s, e = claim_scope(text, start, end)
        claim = claim_text(text[s:e])
        if not claim:
            return False
        if not self._could_rest(claim, evidence):
            return False  # a slot no note holds at all: nothing to embed
        whens = claimed_times(claim, evidence)
        return any(
            (not whens or (c.when is not None and all(w.ok(c.when) for w in whens)))
            and polarity_agrees(claim, c.sentence)
            and slots_agree(claim, c.whole, evidence.names)
            and not (kind == "invented_commitment" and only_requested(c.sentence))
            for _, c in self.best(claim, evidence)
        )

    def _could_rest(self, claim: str, evidence: Evidence) -> bool:
        """Whether the notes taken together hold the claim's figures, offer words, events and names (cheap).

        A necessary condition for `slots_agree` with some note, checked before the claim is embedded.
        """
        pool = candidates(evidence)
        joined = evidence.derived("claim support text", lambda: " ".join(dict.fromkeys(c.whole for c in pool)))
        everything = evidence.derived("claim support figures", lambda: figures(joined))
        low = norm(claim)
        if not figures(low) <= everything:
            return False
        offers = evidence.derived("claim support offers", lambda: [bool(p.search(joined)) for p in offer_terms()])
        if any(p.search(low) and not held for p, held in zip(offer_terms(), offers, strict=True)):
            return False
        groups = evidence.memo.setdefault("claim support groups", {})  # group -> whether any note mentions it
        for g in claim_groups(low):
            if g not in groups:
                groups[g] = mentions_group(g, joined)
            if not groups[g]:
                return False
        known = evidence.derived("claim support words", lambda: content_words(joined))
        return all(n in joined or any(shorthand(k, n) for k in known) for n in _names(claim, evidence.names))

    def keep(self, text: str, findings: list[Finding], evidence: Evidence) -> list[Finding]:
        """`findings` less the claims this check finds supported (other kinds pass through)."""
        spans = [(text.find(f.span), len(f.span)) for f in findings if f.kind in KINDS][:_MAX_CLAIMS]
        claims = [claim_text(text[slice(*claim_scope(text, at, at + n))]) for at, n in spans if at >= 0]
        claims = [c for c in claims if c and self._could_rest(c, evidence)]
        if len(claims) > 1:
            self.embed(list(dict.fromkeys(claims)))  # one batch; each claim is then in the cache
        out = []
        judged = 0
        for f in findings:
            at = -1
            if f.kind in KINDS and judged < _MAX_CLAIMS:
                judged += 1
                at = text.find(f.span)
            if at >= 0 and self.supported(text, at, at + len(f.span), evidence, f.kind):
                continue
            out.append(f)
        return out
