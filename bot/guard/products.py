"""wrong_fact rule about products: a product or model the notes do not record for this client."""

from __future__ import annotations

import re

from bot.guard.model import Finding
from bot.guard.text import _STOP
from bot.guard.truth import GuardBase


class ProductRules(GuardBase):
    """The products rules; mixed into the guard with the other rule families."""

    _PRODUCT = re.compile(
        r"\b(?:your|the) (?:current |existing |new |recent )?(?P<name>(?:[\w-]+ ){1,2}?)(?P<kind>plan|subscription|"
        r"licen[cs]e|tier|package|edition|bundle|model)\b(?P<yours> (?:is|has been|you(?:'re| are) on|you have|"
        r"you use|is working|you bought|you signed up for))?"
    )
    _PRODUCT_GENERIC = frozenset(
        [
            "annual",
            "monthly",
            "yearly",
            "own",
            "current",
            "existing",
            "new",
            "basic",
            "first",
            "old",
            "same",
            "business",
            "account",
            "payment",
            "pricing",
            "service",
            "support",
        ]
    )

    def products(self) -> list[Finding]:
        """ "your Pro plan" when the ledger only knows their Team plan."""
        out = []
        for m in self._PRODUCT.finditer(self.low):
            if not m.group(0).startswith("your") and not (
                m.group("yours") or re.search(r"\b(?:your|you)\b", self.low[m.end() : m.end() + 40])
            ):
                continue
            words = [w for w in m.group("name").split() if w not in self._PRODUCT_GENERIC and w not in _STOP]
            if not words:
                continue
            if all(any(re.search(rf"\b{re.escape(w)}", d.text) for d in self.docs) for w in words):
                continue
            kind = m.group("kind")
            known = [d for d in self.docs if re.search(rf"\b{kind}\b", d.text)]
            msg = f"the ledger does not record a {' '.join(words)} {kind} for this client"
            out.append(
                self._finding("wrong_fact", m.start("name"), m.end("kind"), msg, [i for d in known for i in d.ids])
            )
        return out
