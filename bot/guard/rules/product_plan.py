"""wrong_fact about the client's product: "your Pro plan" when the notes only know their Team plan.

Source: the guard table's wrong_fact (a wrong product vs the ledger). A phrase that presents a plan,
subscription, licence, tier, package, edition, bundle or model as the client's must have its naming
words in some note, fact, commitment or the purpose; describing words (`data/product_words.json`)
need not.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.guard.current import period_lengths
from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import STOP_WORDS

_DATA = Path(__file__).parent.parent / "data" / "product_words.json"
_PRODUCT = re.compile(
    r"\b(?:your|the) (?:current |existing |new |recent )?(?P<name>(?:[\w-]+ ){1,2}?)(?P<kind>plan|subscription|"
    r"licen[cs]e|tier|package|edition|bundle|model)\b(?P<yours> (?:is|has been|you(?:'re| are) on|you have|"
    r"you use|is working|you bought|you signed up for))?"
)
_YOU = re.compile(r"\b(?:your|you)\b")


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    """Words that describe a plan without naming it."""
    return frozenset(json.loads(_DATA.read_text(encoding="utf-8"))["generic"]["words"])


_TERM = re.compile(r"(\d+)-?([^\W\d_]+)$")


def _named(word: str, text: str) -> bool:
    """Whether a note text names a plan's word; a term ("3-year") in any spelling of its period ("3 yr",
    "3 years", "36-month" is not: another length in another unit is another term)."""
    if re.search(rf"\b{re.escape(word)}", text):
        return True
    if "-" in word and re.search(r"\b" + r"[-\s]?".join(re.escape(p) for p in word.split("-") if p), text):
        return True  # "full-day" for a note's "full day" or "fullday": one word however it is joined
    term = _TERM.match(word)
    per_year = period_lengths()
    if term is None or term.group(2) not in per_year:
        return False
    same = [w for w, n in per_year.items() if n == per_year[term.group(2)]]
    alt = "|".join(re.escape(w) for w in sorted(same, key=len, reverse=True))
    return bool(re.search(rf"(?<![\d.,]){term.group(1)}\s*-?\s*(?:{alt})(?![^\W\d_])", text))


class ProductPlan:
    """Flags a plan, licence or model presented as the client's that no evidence names."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding per unrecorded product named as the client's."""
        low, docs = draft.low, list(evidence.texts())
        out = []
        for m in _PRODUCT.finditer(low):
            if not m.group(0).startswith("your") and not (m.group("yours") or _YOU.search(low[m.end() : m.end() + 40])):
                continue  # "the Pro plan" not presented as theirs
            words = [w for w in m.group("name").split() if w not in _generic() and w not in STOP_WORDS]
            if not words or all(any(_named(w, text) for _, text in docs) for w in words):
                continue
            kind = m.group("kind")
            known = [ids for ids, text in docs if re.search(rf"\b{kind}\b", text)]
            msg = f"the ledger does not record a {' '.join(words)} {kind} for this client"
            out.append(draft.finding(self.kind, m.start("name"), m.end("kind"), msg, [i for ids in known for i in ids]))
        return out
