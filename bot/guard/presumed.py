"""wrong_fact rule: a named thing the message presumes the client has, which no note names.

"your Rivian vans", "the HubSpot sync numbers", "hope the Barolo is selling well": a capitalised
name after "your" / "the" speaks of something the client already has or did. When the ledger never
names it (it may be another client's product), the message is wrong. "our" things are ours to name.
"""

from __future__ import annotations

import re

from bot.guard.entities import _NOT_ENTITY, EntityRules
from bot.guard.geo import _place
from bot.guard.lexicon import _GENERIC_GREETEES, _TITLES
from bot.guard.model import Finding
from bot.guard.text import _fold, _sentence_of, _shorthand
from bot.guard.when import _MONTHS, _WEEKDAYS

_PRESUMED = re.compile(
    r"\b(?i:your|the)\s+(?:(?i:new|current|existing|old|recent)\s+)?(?P<e>[A-Z][\w'’-]*[a-z][\w'’-]*)(?=\s+[a-z])"
)
_HOLIDAYS = frozenset(
    ["christmas", "xmas", "easter", "thanksgiving", "hanukkah", "diwali", "eid", "ramadan", "passover", "halloween",
     "valentine's", "valentines", "fourth", "labor", "labour", "memorial", "independence", "boxing", "mother's",
     "father's", "lunar", "new", "zoom", "teams", "linkedin", "google", "gmail", "outlook", "slack", "docusign",
     "calendly", "excel", "word", "powerpoint", "dropbox", "whatsapp", "facetime", "pdf", "internet", "web", "spring", "summer", "autumn", "fall", "winter", "internet", "web", "wifi"]
)  # fmt: skip


class PresumedRules(EntityRules):
    """Named things the message takes as the client's own; mixed into the guard."""

    def presumed_entities(self) -> list[Finding]:
        """ "your Rivian vans" when no note names a Rivian."""
        known = self._known_words()
        mine = self._text_names()
        out = []
        for m in _PRESUMED.finditer(self.text):
            word = _fold(m.group("e")).replace("’", "'")
            w = word.removesuffix("'s")
            if _sentence_of(self.text, m.start("e"))[0] == m.start("e") or len(w) < 3:
                continue
            if w in known or w in mine or w in _NOT_ENTITY or w in _HOLIDAYS or w in _TITLES:
                continue
            if w in _GENERIC_GREETEES or w in _WEEKDAYS or w.rstrip(".") in _MONTHS or _place(m.group("e")):
                continue
            parts = [p for p in re.split(r"[-']", w) if p]
            if all(p in known for p in parts) or any(
                _shorthand(k, w) or _shorthand(w, k) for k in known if k[:1] == w[:1]
            ):
                continue
            if re.search(r"\bour\b", self.low[max(0, m.start() - 30) : m.start()]):
                continue
            out.append(self._finding("wrong_fact", m.start("e"), m.end("e"), f"no note mentions {m.group('e')}"))
        return out
