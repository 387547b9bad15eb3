"""Claims found by their structure, and the event-level support they need (issue 14, NOTES-guard8 family 6).

A sentence is a claim when it holds one of three closed classes (`data/claim_markers.json`, English,
Spanish, Portuguese, French, German, Italian, a reason per class):
- a shared past act: "great walking the orchard with you", "lovely to finally meet your team", "we met",
  "c'etait un plaisir de vous revoir", "the bride told me at the tasting";
- an "already agreed" marker: "as agreed", "como te prometi", "comme convenu", "wie besprochen";
- a benefit or a commitment: "free", "gratuitement", "kostenlos"; "we'll cover", "pagamos", "nous vous pretons".

Support is at the level of the event, not a shared topic word:
- a shared act rests on a note that records an event of the same type (in person, a meal, a named event
  such as a fair or a congress, a call: `events`) that happened (not one booked for later), on a day the
  claim's time allows, and that names every participant the claim adds ("your team", "the bride");
- an agreed benefit or commitment rests on a note or open commitment that records an agreement or offer
  (`promise_note`), holds every figure of the claim, holds a benefit word when the claim has one, and
  shares a particular word with the claim (or is alike it by the embedder, `ClaimSupport` in
  rules/claim_support.py, which runs over every unsupported finding afterwards).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.current import period_words
from bot.guard.rules.base import Evidence
from bot.guard.text import _local_date, content_words, norm, sentences
from bot.guard.when import _MONTHS, _TIME_RE, _WEEKDAYS, _month_day, _past_when, _safe_date, _When
from memory.numbers import figures

_DATA = Path(__file__).parent / "data" / "claim_markers.json"


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """The word classes of `data/claim_markers.json`."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=16)
def marker(name: str, skip: str = "") -> re.Pattern[str]:
    """One class of every language (but `skip`) as one pattern over lower-cased text."""
    table = data()[name]
    parts = sorted({m for lang, ms in table.items() if lang not in ("reason", skip) for m in ms}, key=len, reverse=True)
    return re.compile(r"(?<![\w'-])(?:" + "|".join(parts) + r")(?![\w])")


@lru_cache(maxsize=1)
def _event_types() -> dict[str, re.Pattern[str]]:
    """Event type -> the pattern of its words in any language."""
    types: dict[str, list[str]] = data()["events"]["types"]
    patterns: dict[str, list[str]] = data()["events"]["patterns"]
    return {
        name: re.compile(
            r"(?<![\w'])(?:"
            + "|".join([*(re.escape(w) for w in sorted(ws, key=len, reverse=True)), *patterns.get(name, [])])
            + r")(?![\w])"
        )
        for name, ws in types.items()
    }


def _words_re(name: str) -> re.Pattern[str]:
    """A plain word class as one pattern (whole words)."""
    words = sorted(data()[name]["words"], key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


_FUTURE = re.compile(data()["future"]["pattern"])
_AHEAD = re.compile(data()["ahead"]["pattern"])
_NEGATION = re.compile(
    r"(?<![\w'])(?:no|not|never|n't|cannot|won't|don't|sin|sem|sans|pas|ne|nicht|kein|keine|ohne|non|nunca|jamais|nie)(?![\w'])"
)


@dataclass(frozen=True)
class Claim:
    """A sentence that claims something by its structure: the kind (shared_act or commitment) and its span."""

    kind: str  # "shared_act" | "commitment"
    start: int
    end: int
    marker: str  # the words that made it a claim
    benefit: bool = False  # a commitment that gives something at no charge


def event_types(text: str) -> set[str]:
    """The event types lower-cased `text` names (in person, meal, event, call)."""
    return {name for name, rx in _event_types().items() if rx.search(text)}


def participants(text: str) -> set[str]:
    """The participant words (team, wife, bride, ...) lower-cased `text` names."""
    return set(_words_re("participants").findall(text))


def claims(text: str) -> list[Claim]:
    """The structural claims of a draft, one per sentence at most for each kind."""
    low = norm(text)
    out: list[Claim] = []
    shared, agreed, benefit, commit = marker("shared_act"), marker("agreed"), marker("benefit"), marker("commit")
    for s, e in sentences(low):
        sentence = low[s:e]
        act = shared.search(sentence) or shared_frame(sentence)
        if act and not _FUTURE.search(sentence[: act.start()]) and not _AHEAD.search(sentence[act.end() :][:40]):
            out.append(Claim("shared_act", s, e, act.group(0)))
        agree = agreed.search(sentence)
        gift = next((m for m in benefit.finditer(sentence) if not _negated(sentence, m.start())), None)
        pledge = commit.search(sentence)
        if agree and (gift or pledge):
            out.append(Claim("commitment", s, e, agree.group(0), benefit=gift is not None))
        elif not agree:  # a benefit alone: the English "free X" is InventedCommitment's, not read twice
            alone = next(
                (m for m in marker("benefit", "en").finditer(sentence) if not _negated(sentence, m.start())), None
            )
            if alone:
                out.append(Claim("commitment", s, e, alone.group(0), benefit=True))
    return out


@lru_cache(maxsize=1)
def _frames() -> re.Pattern[str]:
    """The `shared_frames` shapes of every language as one pattern, the English verb classes filled in."""
    doc = data()["shared_frames"]

    def alt(name: str) -> str:
        words = sorted(doc[name]["en"], key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", " ") for w in words)

    shapes = []
    for frame in doc["frames"]:
        for lang, shape in frame.items():
            if lang in ("name", "reason"):
                continue
            for name in ("past", "visit", "host", "ing"):  # str.replace: the shapes hold regex counts like {0,60}
                shape = shape.replace("{" + name + "}", alt(name))
            shapes.append(shape)
    return re.compile(r"(?<![\w'-])(?:" + "|".join(f"(?:{s})" for s in shapes) + ")")


def shared_frame(sentence: str) -> re.Match[str] | None:
    """The first shared-act shape of lower-cased `sentence` that no negation governs (`shared_frames`)."""
    return next((m for m in _frames().finditer(sentence) if not _negated(sentence, m.start())), None)


def _negated(sentence: str, pos: int) -> bool:
    """Whether a negation comes in the three words before `pos`."""
    return bool(_NEGATION.search(" ".join(sentence[:pos].split()[-3:])))


@dataclass(frozen=True)
class NoteSentence:
    """A note sentence as event evidence: its note id, lower-cased text, whole note and day."""

    nid: str
    text: str
    whole: str
    day: date | None


def note_sentences(evidence: Evidence) -> list[NoteSentence]:
    """Every note sentence of the client (built once per evidence)."""

    def build() -> list[NoteSentence]:
        tz = evidence.now.tzinfo if evidence.now else None
        times = evidence.note_times or (None,) * len(evidence.notes)
        out = []
        for (nid, text), at in zip(evidence.notes, times, strict=True):
            low, day = norm(text), (_local_date(at, tz) if at else None)
            out += [NoteSentence(nid, low[s:e], low, day) for s, e in sentences(low)]
        return out

    return evidence.derived("claim structure sentences", build)


def _past_times(claim: str, evidence: Evidence) -> list[_When]:
    """The past times a claim names, resolved at the check's day."""
    if evidence.now is None:
        return []
    today = evidence.now.date()
    found = (_past_when(t, today) for t in _TIME_RE.finditer(claim) if not re.match(r"(?:this|next) ", t.group(0)))
    return [w for w in found if w is not None]


def _happened(sentence: str, rx: re.Pattern[str], day: date | None) -> bool:
    """Whether a note sentence records an event of `rx` as having happened (not booked for later).

    Booked means a planning word near it ("booked", "next", "he'll"), or a date near it later than the
    note's own day ("after the co-op meeting 9 dec" written on 26 Nov).
    """
    planned = _words_re("planned")
    for m in rx.finditer(sentence):
        near = sentence[max(0, m.start() - 30) : m.end() + 30]
        if planned.search(near) or re.search(r"\b(?:he|she|they|we|i)'ll\b", near):
            continue
        if day is not None and _dated_after(sentence[m.start() : m.end() + 30], day):
            continue
        return True
    return False


def happened(text: str, event_type: str) -> bool:
    """Whether lower-cased `text` records an event of `event_type` that happened (no day to compare dates with)."""
    return _happened(text, _event_types()[event_type], None)


def _held(text: str, day: date | None, types: dict[str, re.Pattern[str]]) -> set[str]:
    """The event types a note sentence records as having happened; a talk at a place ("talked at their depot",
    "hablamos en su taller") is a meeting in person too."""
    done = {t for t, rx in types.items() if _happened(text, rx, day)}
    if "call" in done and "in_person" not in done and talked_at_place(text, types["call"]):
        done.add("in_person")
    return done


def talked_at_place(text: str, talk: re.Pattern[str] | None = None) -> bool:
    """Whether lower-cased `text` records a talk at a place ("talked at their depot", "falamos na loja"): a
    meeting in person."""
    place = _talk_place()
    return any(place.match(text, m.end()) for m in (talk or _event_types()["call"]).finditer(text))


@lru_cache(maxsize=1)
def _talk_place() -> re.Pattern[str]:
    """A place after a conversation word: a preposition of place, a determiner, then a noun (no digit, no time)."""
    at = "|".join(re.escape(w) for w in sorted(data()["place_prepositions"]["words"], key=len, reverse=True))
    owner = r"(?:the|their|his|her|your|our|su|sus|seu|sua|leur|ihrem|ihrer|il|loro|hun|la|el|le|o|a)\s+"
    skip = [*time_words(), *data()["place_prepositions"]["not_places"]["words"], *data()["events"]["types"]["call"]]
    times = "|".join(re.escape(w) for w in sorted(skip, key=len, reverse=True))
    return re.compile(rf"\s+(?:{at})\s+(?:{owner})?(?!(?:{times})(?![\w]))[^\W\d_]{{3,}}")


@lru_cache(maxsize=1)
def courtesy_objects() -> frozenset[str]:
    """The pronoun objects of a thanks that names no thing (`courtesy_objects`)."""
    return frozenset(data()["courtesy_objects"]["words"])


@lru_cache(maxsize=1)
def courtesy_particles() -> frozenset[str]:
    """The particles that finish a verb after a pronoun object in a courtesy thanks (`courtesy_particles`)."""
    return frozenset(data()["courtesy_particles"]["words"])


@lru_cache(maxsize=1)
def courtesy_thanks() -> tuple[frozenset[str], frozenset[str]]:
    """(the nouns, the verbs before "us") of a thanks that is a courtesy (`courtesy_thanks`)."""
    doc = data()["courtesy_thanks"]
    return frozenset(doc["nouns"]), frozenset(doc["verbs"])


def reply_act(rest: str) -> bool:
    """Whether what a thanks is for (lower-cased, right after "for") starts with the client's reply or decision
    (`reply_acts`: "confirming", "getting back to me", "the quick reply") and adds at most a short object."""
    m = _words_re("reply_acts").match(rest.lstrip())
    return m is not None and len(rest.lstrip()[m.end() :].split()) <= 4


def client_replied(text: str) -> bool:
    """Whether lower-cased note `text` records a reply or decision of the client's (`reply_notes`)."""
    return bool(_words_re("reply_notes").search(text))


def time_words() -> frozenset[str]:
    """Month, weekday and period words the claim readers know ("march", "friday", "week")."""
    return frozenset(_MONTHS) | frozenset(_WEEKDAYS) | period_words()


def _dated_after(text: str, day: date) -> bool:
    """Whether `text` names a calendar day after `day` (within the coming year)."""
    for t in _TIME_RE.finditer(text):
        md = _month_day(t.group(0)) if t.group("md") or t.group("iso") else None
        if md is None:
            continue
        when = _safe_date(day.year, *md)
        if when is not None and 0 < (when - day).days <= 300:
            return True
    return False


def act_support(claim: str, evidence: Evidence) -> tuple[str, ...] | None:
    """The note ids of a note sentence that records the claimed shared act, or None.

    The claim's event types must all be recorded as having happened; with no type named, any in-person
    event or call counts. Every participant the claim names must be in that note, and the note's day must
    fit the claim's time.
    """
    low = norm(claim)
    named = proper_names(claim, evidence.names)
    wanted = event_types(low) or {"in_person"}
    if "meal" in wanted or "event" in wanted:
        wanted.discard("in_person")  # "at the congress", "over lunch": the particular event is what must be noted
    people = participants(low)
    whens = _past_times(low, evidence)
    types = _event_types()
    people_of = evidence.derived(
        "claim structure people", lambda: {n: participants(norm(t)) for n, t in evidence.notes}
    )
    sentences_ = note_sentences(evidence)
    happened_in = evidence.derived(
        "claim structure happened",
        lambda: [_held(ns.text, ns.day, types) for ns in sentences_],
    )
    for ns, done in zip(sentences_, happened_in, strict=True):
        if not all(t in done or (t == "call" and "in_person" in done) for t in wanted):
            continue  # "since we spoke": people talk at a meeting too, so an in-person note backs it
        if people and not people <= people_of.get(ns.nid, set()):
            continue
        if whens and (ns.day is None or not all(w.ok(ns.day) for w in whens)):
            continue
        if not all(name in ns.whole for name in named):
            continue  # "when we viewed the Estrela flat": the note of the viewing must name that place
        return (ns.nid,)
    return None


_CAPITAL = re.compile(r"(?<![\w'])[A-Z][^\W\d_]{2,}")


def proper_names(claim: str, names: str) -> set[str]:
    """Lower-cased capitalised words of `claim` (a place, a person, a product) a supporting note must hold.

    Not the first word, the client's or the seller's names, nor a month or weekday ("on Saturday").
    """
    own = set(norm(names).split()) | time_words()
    return {m.group(0).lower() for m in _CAPITAL.finditer(claim) if m.start() > 0} - own


def commitment_support(claim: Claim, sentence: str, evidence: Evidence, names: str) -> str:
    """How a note or open commitment backs the agreed offer a claim states: "supported", "uncertain" or "none".

    Supported: a piece that records an agreement or offer, holds every figure of the claim (and its benefit
    word when it has one) and shares a particular word with it, or agrees on at least one figure. Uncertain:
    such a piece exists but the claim shares no word with any note (another language than the notes') and
    has no figure to compare: the guard cannot vouch either way.
    """
    low = norm(sentence)
    promised = _words_re("promise_note")
    benefit = marker("benefit")
    said = figures(low)
    own = content_words(names) | content_words(claim.marker)
    topic = content_words(low) - own - _function_words()

    def build() -> list[tuple[tuple[str, ...], frozenset[float], bool, set[str]]]:
        pieces: list[tuple[tuple[str, ...], str]] = [((nid,), norm(text)) for nid, text in evidence.notes]
        pieces += [(ids, norm(text)) for ids, text in evidence.commitments]
        return [
            (ids, figures(text), bool(benefit.search(text)), content_words(text))
            for ids, text in pieces
            if promised.search(text) or benefit.search(text)
        ]

    agreeing = []
    for ids, numbers, gives, words_of in evidence.derived("claim structure promise pieces", build):
        if not said <= numbers:
            continue
        if claim.benefit and not gives:
            continue
        if not topic or topic & words_of or said:
            return "supported"  # figures agreeing are a slot in any language; words need the notes' language
        agreeing.append(ids)
    words = evidence.derived(
        "claim structure note words", lambda: set().union(*(content_words(norm(t)) for _, t in evidence.notes))
    )
    return "uncertain" if agreeing and not topic & words else "none"


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Function words of the five languages (articles, prepositions, conjunctions) as content-word stems.

    The same classes the declined-item reader uses (`data/declines.json`), read from that file.
    """
    doc = json.loads((_DATA.parent / "declines.json").read_text(encoding="utf-8"))
    return frozenset(content_words(" ".join(doc["determiners"]["words"] + doc["phrase_stops"]["words"])))
