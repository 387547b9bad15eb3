"""A job reported done, matched to my open promise by its event, not by the same noun.

"tech came, grinder fixed, all good now" keeps "get a tech out"; "installed and working" keeps "book the
install". The report names an event (a visit, an install, a repair, a delivery) by its subject ("tech came"),
its noun ("visit done") or its participle ("installed"), and maybe the thing ("grinder fixed"). A promise is
closed when it is the only open one with that event, or the only one holding that thing; a bare "done" names
neither and closes nothing. Words are data: `memory/data/job_events.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path

from memory.records import ExtractedFact, FactKind

__all__ = ["job_done", "job_events", "promises_kept", "received"]

I = re.IGNORECASE  # noqa: E741 - short flag alias, as in memory.extract
_DATA = Path(__file__).parent / "data" / "job_events.tsv"
DONE_KEY = "promise:job_done"  # the key of a report; it opens nothing, it only closes
RECEIVED_KEY = "promise:received"  # the client's side of a delivery; it too only closes


@cache
def _events() -> dict[str, str]:
    found = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, event, _why = line.split("\t", 2)
            found[word] = event
    return found


def job_events(words: Iterable[str]) -> frozenset[str]:
    """The job events ("visit", "install", "repair", "delivery") these words name."""
    table = _events()
    return frozenset(table[w.casefold()] for w in words if w.casefold() in table)


# bad news about the job: "went missing", "went to the wrong site", "came late", "broke again" is no job done
_BAD = r"\b(?:missing|wrong|late|lost|astray|broke|broken|failed|fails|badly|rebook|redo|faulty|damaged)\b"
# a report is of the past: a plan, a wish, a condition or a negation in the same part is no report
_NOT_DONE = re.compile(
    r"\b(?:not|never|no|will|shall|going\s+to|gonna|to\s+be|needs?|needed|wants?|wanted|asked|should|must|once|"
    r"when|if|until|till|before|yet|booked|scheduled|tomorrow|next|hopefully|maybe|might)\b|n't\b|'ll\b|\?|" + _BAD,
    I,
)
# "tech went": went alone may be bad news, so it is a visit only when the report says it went well
_WENT = re.compile(r"(?<![\w-])(?P<who>[a-z]{1,20}(?:-[a-z]{1,20})?)\s+went\b", I)
_GOOD = re.compile(r"\b(?:all\s+good|good\s+now|fine|well|ok|okay|sorted|working(?:\s+again)?|happy)\b", I)
_CAME = re.compile(
    r"(?<![\w-])(?P<who>[a-z]{1,20}(?:-[a-z]{1,20})?)\s+(?:came|visited|showed\s+up|turned\s+up|was\s+(?:here|out|round|over)|"
    r"(?:has|'s)\s+been|popped\s+(?:in|by|round))\b",
    I,
)
_PARTICIPLE = re.compile(
    r"^\s*(?:(?:and|then|now)\s+)?(?:(?:the|our|my|his|her|their)\s+)?(?:(?P<obj>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+)?(?:(?:all|now|finally|been|"
    r"got|was|were|is|are)\s+)?(?P<done>installed|fitted|fixed|repaired|replaced|swapped|mended|serviced|commissioned|"
    r"delivered|dropped\s+off)\b(?!\s+by\b)",  # "replaced by a Canon": switched to another, no repair of ours
    I,
)
_NOUN_DONE = re.compile(
    r"(?<![\w-])(?P<noun>[a-z]{1,20}(?:-[a-z]{1,20})?)\s+(?:all\s+|now\s+)?(?:done|finished|completed|sorted|"
    r"went\s+(?:fine|well|ok|okay|smoothly|great|perfectly|to\s+plan))\b",  # "went" alone may be bad news
    I,
)
_ASIDE = re.compile(r"\s*\([^()]{0,40}\)")
_NO_THING = frozenset(["it", "them", "this", "that", "everything", "all", "he", "she", "they", "i", "we", "job"])


def job_done(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """ "tech came, grinder fixed": a done report naming its events and things (closes promises; opens none)."""
    events: set[str] = set()
    things: list[str] = []
    # read once per clause, not once per part: a clause of many parts would otherwise cost quadratic time
    went_counts = bool(_GOOD.search(clause)) and not re.search(_BAD, clause, I)
    for part in re.split(r"[,;.]|\s+-\s+", clause):
        part = _ASIDE.sub("", part)  # "tech (peter) went": who it was is no part of the report
        if not part.strip() or _NOT_DONE.search(part):
            continue
        for m in _CAME.finditer(part):
            events |= job_events([m["who"]])
        if went_counts:
            events |= job_events([m["who"] for m in _WENT.finditer(part)])
        p = _PARTICIPLE.match(part)
        if p:
            events |= job_events([p["done"].split()[0]])
            obj = (p["obj"] or "").split()[-1].casefold() if p["obj"] else ""  # "freezer door replaced": the door
            if obj and obj not in _NO_THING and not job_events([obj]):
                things.append(obj)
        for n in _NOUN_DONE.finditer(part):
            events |= job_events([n["noun"]])
    if not events:
        return
    shown = ", ".join(sorted(events))
    yield ExtractedFact(
        FactKind.COMMITMENT,
        DONE_KEY,
        shown,
        f"done: {shown}",
        detail={"status": "done", "events": ",".join(sorted(events)), "things": ",".join(things)},
    )


# The client's side of a delivery: "priya got the samples", "he has the quote now", "the swatches arrived".
_THING = r"(?:the|our|my|his|her|their|those|these|both)\s+(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
_GOT = re.compile(
    r"(?<![\w'-])(?P<who>[a-z][\w'-]*)\s+(?:(?:has|have|'s|now|finally|already|just)\s+)*(?:got|received|has|have|"
    r"picked\s+up|collected|gotten)\s+" + _THING + r"(?=\s*(?:$|now\b|already\b|today\b|ok\b|okay\b|fine\b|safely\b|"
    r"and\b|in\s+(?:one|good)|yesterday\b|this\s+\w+\b|at\s+last\b))",
    I,
)
_ARRIVED = re.compile(
    r"(?:^|(?<=\s))"
    + _THING
    + r"\s+(?:(?:all|finally|now|have|has|already|just)\s+)*(?:arrived|came|landed|turned\s+up|"
    r"showed\s+up|got\s+there|came\s+through|(?:was|were|been)\s+received|reached\s+(?:her|him|them))\b",
    I,
)
# who "got" something without being the client: the salesperson, or a word that is no subject at all
_NOT_CLIENT = frozenset(
    [
        "i",
        "i've",
        "ive",
        "we",
        "we've",
        "weve",
        "us",
        "me",
        "you",
        "and",
        "then",
        "so",
        "also",
        "just",
        "finally",
        "already",
        "still",
        "who",
        "which",
        "that",
        "it",
        "they've",
    ]
)


def received(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """ "priya got the samples", "the swatches arrived": the client has the thing; closes my one promise holding it."""
    things: list[str] = []
    for part in re.split(r"[,;.]|\s+-\s+", clause):
        if not part.strip() or _NOT_DONE.search(part):
            continue
        for m in _GOT.finditer(part):
            if m["who"].casefold() not in _NOT_CLIENT:
                things.append(m["thing"].split()[-1].casefold())
        for m in _ARRIVED.finditer(part):
            things.append(m["thing"].split()[-1].casefold())
    things = [t for t in dict.fromkeys(things) if t not in _NO_THING]
    if not things:
        return
    shown = ", ".join(things)
    yield ExtractedFact(
        FactKind.COMMITMENT,
        RECEIVED_KEY,
        shown,
        f"received: {shown}",
        detail={"status": "done", "events": "", "things": ",".join(things)},
    )


def _key_words(key: str) -> set[str]:
    words = set(re.split(r"[:_]", key.casefold())) - {"promise", ""}
    return words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3}


def promises_kept(detail: dict[str, str], open_keys: Sequence[str]) -> list[str]:
    """The open promise keys a done report keeps: the only one with its event, or the only one holding its thing."""
    kept: list[str] = []
    for event in filter(None, detail.get("events", "").split(",")):
        fits = [k for k in open_keys if event in job_events(_key_words(k))]
        kept += fits if len(fits) == 1 else []  # two open visits: a guess, so neither
    for thing in filter(None, detail.get("things", "").split(",")):
        fits = [k for k in open_keys if thing in _key_words(k) or thing.rstrip("s") in _key_words(k)]
        kept += fits if len(fits) == 1 else []
    return list(dict.fromkeys(kept))
