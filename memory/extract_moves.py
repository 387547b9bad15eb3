"""A reschedule however it is reported, and the open promise it moves.

"moved the site visit to dec 18" is the salesperson's own words; the same news arrives as the client's
request or in reported speech: "mei ling says push the site visit to dec 18", "he wants to move the
install to the 20th", "asked if we could bump the demo to friday", "she pushed the fitting to monday".
`unreported` strips such a lead so the one reschedule rule reads them all. `moved_onto` finds the open
promise a reschedule moves when the keys differ ("promised site visit dec 14" holds its date in its key).
Words are data: the `moved` list of `memory/data/everyday_words.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from memory.extract_more import words

__all__ = ["moved_onto", "unreported"]

I = re.IGNORECASE  # noqa: E741 - short flag alias, as in memory.extract

# who reports or asks, and how: "mei ling says", "he wants to", "they asked if we could", "client would like us to"
_REPORT = (
    r"(?:says|said|saying|asks|asked|wants|wanted|would\s+like|'d\s+like|d\s+like|needs|needed|prefers|requested|"
    r"rang\s+to|called\s+to|emailed\s+to|texted\s+to|messaged\s+to|can)"
)
_LEAD = re.compile(
    r"^\s*(?P<who>(?:[\w'.-]+\s+){0,3}?)(?:(?:has|had|just|also|now)\s+)*" + _REPORT + r"?\s*"
    r"(?:(?:me|us|that|if|whether|to|we|i|could|can|should|would|please|pls|it's\s+ok\s+to)\s+)*$",
    I,
)
# a lead that makes the move unreal: a question, a refusal, a condition
_UNREAL = re.compile(
    r"\b(?:not|never|no|don't|doesn't|didn't|won't|can't|cannot|couldn't|dont|doesnt|didnt|wont|cant|couldnt|if|whether|"
    r"maybe|might)\b|n't\b",
    I,
)
_ASKED_IF = re.compile(r"\b(?:asks|asked|wants\s+to\s+know|wondered|wonders)\s+(?:(?:me|us)\s+)?(?:if|whether)\b", I)
_UNREAL_SUBJECT = re.compile(r"^\s*(?:i|we)\s", I)  # "i said push it": still mine, the rule's own subject handles it


@cache
def _verb_re() -> re.Pattern[str]:
    verbs = "|".join(sorted(words("moved") | words("move_request"), key=len, reverse=True))
    return re.compile(r"\b(?P<verb>" + verbs + r")\s+(?=(?:the|our|my|his|her|their)\s)", I)


def unreported(clause: str) -> str:
    """The reschedule inside a reported or requested one ("jo says push the demo to fri" -> "pushed the demo to fri").

    A clause with no such lead is returned as it is. A lead with a negation or a condition ("didn't
    want to move the demo", "if we could push the install") is no reschedule: returned as it is too.
    """
    m = _verb_re().search(clause)
    if not m or not m.start():
        return clause
    lead = clause[: m.start()]
    asked = _ASKED_IF.sub(" asked to ", lead)  # "asked if we could push ...": a request, not a condition
    if not _LEAD.match(lead) or _UNREAL.search(asked) or _UNREAL_SUBJECT.match(lead):
        return clause
    return "moved " + clause[m.end() :]


def _key_words(key: str) -> set[str]:
    found = set(re.split(r"[:_]", key.casefold())) - {"promise", "the", ""}
    return found | {w[:-1] for w in found if w.endswith("s") and len(w) > 3}


def moved_onto(key: str, open_keys: Sequence[str]) -> str:
    """The open promise key a reschedule keyed `key` moves: its own, else the only open one holding all its words."""
    if key in open_keys:
        return key
    wanted = _key_words(key)
    fits = [k for k in open_keys if wanted and wanted <= _key_words(k)]
    return fits[0] if len(fits) == 1 else key
