"""risky_request: changed payment details, a card number or a secret asked for, an unknown link or attachment.

Source: the phishing and invoice-redirection patterns a salesperson's hijacked or careless message
would carry (DESIGN's guard table). The patterns are data (`data/risky_requests.json`, a reason each).
A link or an attachment is fine when the notes account for it: the link's site, or what is attached,
appears in a note, fact, commitment or the purpose. Always a block.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import clause_after, clause_before, content_words, stem

_DATA = Path(__file__).parent.parent / "data" / "risky_requests.json"


@lru_cache(maxsize=1)
def _lists() -> dict:
    """The rule's data file, patterns compiled."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return {
        "payment_change": [re.compile(row["pattern"]) for row in doc["payment_change"]],
        "secrets": [re.compile(row["pattern"]) for row in doc["secrets"]],
        "request": re.compile(doc["request_cues"]["pattern"]),
        "link": re.compile(doc["link"]["pattern"]),
        "attachment": re.compile(doc["attachment"]["pattern"]),
        "attachment_words": frozenset(stem(w) for w in doc["attachment_words"]["words"]),
        "documents": frozenset(stem(w) for w in doc["ordinary_documents"]["words"]),
    }


def _host(link: str) -> str:
    """The site of a link, without scheme, "www." or path ("https://www.a.com/x" -> "a.com")."""
    host = re.sub(r"^https?://", "", link.lower()).split("/")[0].split("?")[0].rstrip(".,;:!?")
    return host.removeprefix("www.")


class RiskyRequest:
    """Blocks a draft that redirects payment, asks for a card or a secret, or links or attaches the unknown."""

    kind = "risky_request"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """Findings for every risky phrase of the draft."""
        lists, low = _lists(), draft.low
        out: list[Finding] = []
        for pattern in lists["payment_change"]:
            for m in pattern.finditer(low):
                if not draft.negated(m.start()):
                    out.append(
                        draft.finding(self.kind, m.start(), m.end(), "asks the client to pay different bank details")
                    )
        for pattern in lists["secrets"]:
            for m in pattern.finditer(low):
                start = clause_before(low, m.start())
                if lists["request"].search(low, start, m.start()) and not draft.negated(m.start()):
                    out.append(
                        draft.finding(self.kind, m.start(), m.end(), "asks the client for a card number or a secret")
                    )
        known = [text for _, text in evidence.texts()]
        for m in lists["link"].finditer(low):
            host = _host(m.group(0))
            if host and not any(host in text for text in known):
                end = m.end()
                while end > m.start() and low[end - 1] in ".,;:!?":
                    end -= 1
                out.append(draft.finding(self.kind, m.start(), end, "a link no note mentions"))
        evidence_words: set[str] | None = None  # built only when the draft mentions an attachment
        for m in lists["attachment"].finditer(low):
            if evidence_words is None:
                evidence_words = set().union(*(content_words(text) for text in known))
            start, end = clause_before(low, m.start()), clause_after(low, m.start())
            what = content_words(low[start:end]) - lists["attachment_words"]
            if what and not what & evidence_words and not what & lists["documents"]:
                out.append(draft.finding(self.kind, start, end, "an attachment no note accounts for"))
        return out
