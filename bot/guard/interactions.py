"""The vocabulary of interactions (lunch, demo, conference, ...) that claims of shared history name."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.guard.text import _norm


def interaction_kind(text: str) -> str | None:
    """The kind of interaction a note describes ("demo", "call", "lunch", ...), or None."""
    low = _norm(text)
    for name in _INTERACTION_ORDER:
        for m in _GROUP_RE[name].finditer(low):
            before = low[max(0, m.start() - 30) : m.start()]
            if not re.search(
                r"\b(?:likes?|hates?|prefers?|dislikes?|wants?|no|not|avoid\w*|\w+n't|never)\b[^.;]*$", before
            ):
                return name
    return None


_GROUPS: dict[str, str] = {
    "conference": r"conference|conf|summit|expo|convention|trade ?show|tradeshow|trade fair|fair|congress|booth"
    r"|forum|meetup|meet-up|keynote|gala|reception|offsite|roadshow|event",
    "lunch": r"lunch(?:ed)?",
    "dinner": r"dinner",
    "breakfast": r"breakfast|brunch",
    "coffee": r"coffee|cafe|café|espresso",
    "drinks": r"drinks|beers?|happy hour",
    "golf": r"golf",
    "webinar": r"webinar|workshop|training|masterclass|seminar",
    "demo": r"demo(?:ed|s)?|demonstration|walk-?through|presentation|showed|showcase",
    "order": r"order(?:ed|s)?|purchase[ds]?|bought|buy|invoice[ds]?|deliver(?:y|ed)|shipped|checkout",
    "call": r"call(?:ed|s)?|phone[ds]?|rang|zoom|teams|video ?chat|spoke|talked|conversation",
    "meeting": r"meeting|met|meet|visit(?:ed)?|sat down|in person|catch-?up|session|saw|lunch|dinner"
    r"|coffee|conference|demo|call(?:ed)?|spoke|talked|stopped by|came by|dropped by",
    "visit": r"visit(?:ed)?|stopped by|came by|dropped by|came in|popped in|showroom|store|shop|office",
    "tour": r"tour(?:ed)?|showroom|site visit|factory",
}
_GROUP_RE = {k: re.compile(rf"\b(?:{v})\b") for k, v in _GROUPS.items()}
# Nouns in a claim that require a note of the same group.
_CLAIM_NOUNS: dict[str, str] = {
    "conference": "conference",
    "conf": "conference",
    "summit": "conference",
    "expo": "conference",
    "convention": "conference",
    "trade show": "conference",
    "tradeshow": "conference",
    "booth": "conference",
    "meetup": "conference",
    "keynote": "conference",
    "gala": "conference",
    "reception": "conference",
    "offsite": "conference",
    "fair": "conference",
    "roadshow": "conference",
    "lunch": "lunch",
    "dinner": "dinner",
    "breakfast": "breakfast",
    "brunch": "breakfast",
    "coffee": "coffee",
    "drinks": "drinks",
    "golf": "golf",
    "webinar": "webinar",
    "workshop": "webinar",
    "seminar": "webinar",
    "demo": "demo",
    "demonstration": "demo",
    "walkthrough": "demo",
    "walk-through": "demo",
    "presentation": "demo",
    "order": "order",
    "purchase": "order",
    "call": "call",
    "phone call": "call",
    "zoom": "call",
    "meeting": "meeting",
    "visit": "visit",
    "tour": "tour",
}
_CLAIM_NOUN_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in _CLAIM_NOUNS), key=len, reverse=True)) + r")s?\b"
)
_INTERACTION_ORDER = (
    "conference",
    "demo",
    "lunch",
    "dinner",
    "breakfast",
    "coffee",
    "drinks",
    "golf",
    "webinar",
    "tour",
    "order",
    "call",
    "meeting",
)


@lru_cache(maxsize=65536)  # every note is asked about the claim's groups at every check
def _group_in(group: str, low: str) -> bool:
    """Whether the lower-cased `low` mentions an interaction of `group`."""
    return bool(_GROUP_RE[group].search(low))


def claim_groups(low: str) -> set[str]:
    """The interaction groups a lower-cased claim names by noun ("the demo" -> {"demo"})."""
    return {_CLAIM_NOUNS[m.group(1)] for m in _CLAIM_NOUN_RE.finditer(low)}


def mentions_group(group: str, low: str) -> bool:
    """Whether lower-cased evidence mentions an interaction of `group` (the public `_group_in`)."""
    return _group_in(group, low)
