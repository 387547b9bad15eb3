"""risky_request: changed payment details, a card number or a secret asked for, an unknown link or attachment.

Source: the phishing and invoice-redirection patterns a salesperson's hijacked or careless message
would carry (DESIGN's guard table). The rule reads SHAPES and small closed word classes, all data
(`data/risky_requests.json`, a reason each), so a request in other words or another language is read
by its parts:
- a payment destination: a bank word (bank, cuenta, conta, compte, Konto, IBAN, GCash ...) with a
  novelty word (new, nueva, nouvelle, neue, personal ...) in one clause, or an account-number shape
  (an IBAN, a long run of digits) next to a bank or payment word that no note gives;
- a secret asked for: a credential word (password, contraseña, senha, mot de passe, Passwort, CVV ...)
  or a qualified code (verification code, an N-digit code, a code sent by SMS) after a request verb
  of any of the languages and not under a negation;
- a link whose site no note mentions, a file whose type runs code (.zip, .exe, .html), or an
  attachment about something no note accounts for.
Always a block.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import clause_after, clause_before, content_words, stem

_DATA = Path(__file__).parent.parent / "data" / "risky_requests.json"


def word_class(words: list[str]) -> re.Pattern[str]:
    """One pattern for a closed class of words or phrases, whole words only (a space matches any whitespace)."""
    alts = sorted({re.escape(w.lower()).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")


@lru_cache(maxsize=1)
def _lists() -> dict[str, Any]:
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
        "bank": word_class(doc["bank_words"]["words"]),
        "novelty": word_class(doc["novelty_words"]["words"]),
        "pay": word_class(doc["pay_words"]["words"]),
        "credential": word_class(doc["credential_words"]["words"]),
        "code": word_class(doc["code_words"]["words"]),
        "code_qualifier": word_class(doc["code_qualifiers"]["words"]),
        "request_words": word_class(doc["request_words"]["words"]),
        "negation": word_class(doc["negation_words"]["words"]),
        "code_shape": re.compile(doc["code_shape"]["pattern"]),
        "account_shape": re.compile(doc["account_shape"]["pattern"]),
        "risky_file": re.compile(doc["risky_file"]["pattern"]),
        "not_heads": word_class(doc["not_payment_heads"]["words"]),
    }


def _host(link: str) -> str:
    """The site of a link, without scheme, "www." or path ("https://www.a.com/x" -> "a.com")."""
    host = re.sub(r"^https?://", "", link.lower()).split("/")[0].split("?")[0].rstrip(".,;:!?")
    return host.removeprefix("www.")


def _digits(text: str) -> str:
    """The digits of a text, in order ("PL61 1090 ..." -> "611090...")."""
    return re.sub(r"\D", "", text)


def _sentence(low: str, pos: int) -> tuple[int, int]:
    """The sentence holding `pos` (a colon does not end it: "our new account: PL61 ...")."""
    start = max(low.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (low.find(c, pos) for c in "!?\n") if i >= 0]
    dot = re.compile(r"\.(?!\d)").search(low, pos)
    if dot:
        ends.append(dot.start())
    return start, min(ends, default=len(low))


def _near(low: str, start: int, end: int, s: int, e: int, words: int = 3) -> tuple[int, int]:
    """The span of up to `words` words either side of `start:end`, inside the sentence `s:e`."""
    before = [m.start() for m in re.finditer(r"\S+", low[s:start])][-words:]
    after = [m.end() for m in re.finditer(r"\S+", low[end:e])][:words]
    return (s + before[0] if before else start), (end + after[-1] if after else end)


class RiskyRequest:
    """Blocks a draft that redirects payment, asks for a card or a secret, or links or attaches the unknown."""

    kind = "risky_request"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """Findings for every risky request of the draft."""
        lists, low = _lists(), draft.low
        known = [text for _, text in evidence.texts()]
        out = self._payment(draft, evidence, lists, known) + self._secrets(draft, lists)
        for m in lists["link"].finditer(low):
            host = _host(m.group(0))
            if host and not any(host in text for text in known):
                end = m.end()
                while end > m.start() and low[end - 1] in ".,;:!?":
                    end -= 1
                out.append(draft.finding(self.kind, m.start(), end, "a link no note mentions"))
        for m in lists["risky_file"].finditer(low):
            if not any(m.group(0) in text for text in known):
                out.append(
                    draft.finding(self.kind, m.start(), m.end(), "a file of a type that runs code or hides files")
                )
        evidence_words: set[str] | None = None  # built only when the draft mentions an attachment
        for m in lists["attachment"].finditer(low):
            if evidence_words is None:
                evidence_words = set().union(*(content_words(text) for text in known))
            start, end = clause_before(low, m.start()), clause_after(low, m.start())
            what = content_words(low[start:end]) - lists["attachment_words"]
            if what and not what & evidence_words and not what & lists["documents"]:
                out.append(draft.finding(self.kind, start, end, "an attachment no note accounts for"))
        return out

    def _negated(self, low: str, start: int, pos: int, lists: dict[str, Any]) -> bool:
        """Whether a negation of any of the languages comes between `start` and `pos`."""
        return bool(lists["negation"].search(low, start, pos))

    def _payment(self, draft: Draft, evidence: Evidence, lists: dict[str, Any], known: list[str]) -> list[Finding]:
        """Changed bank details, by phrase, by a bank word with a novelty word, or by an account-number shape."""
        low, out = draft.low, []
        for pattern in lists["payment_change"]:
            for m in pattern.finditer(low):
                if not draft.negated(m.start()):
                    out.append(
                        draft.finding(self.kind, m.start(), m.end(), "asks the client to pay different bank details")
                    )
        noted_digits: frozenset[str] = evidence.derived(
            "risky.noted_digits",
            lambda: frozenset(_digits(m.group(0)) for text in known for m in lists["account_shape"].finditer(text)),
        )
        for m in lists["bank"].finditer(low):
            if lists["not_heads"].match(low, m.end() + 1):
                continue  # "account manager", "bank holiday": the bank word modifies another noun
            s, e = _sentence(low, m.start())
            near = _near(low, m.start(), m.end(), s, e)
            novelty = lists["novelty"].search(low, *near)
            if novelty and not self._negated(low, s, min(novelty.start(), m.start()), lists):
                a, b = min(m.start(), novelty.start()), max(m.end(), novelty.end())
                msg = "announces new bank details: the client pays the account on the invoice"
                out.append(draft.finding(self.kind, a, b, msg))
                continue
        paying: dict[tuple[int, int], bool] = {}  # per sentence: a sentence of many numbers is searched once
        for acc in lists["account_shape"].finditer(low):
            digits = _digits(acc.group(0))
            if len(digits) < 8 or digits in noted_digits:
                continue
            s, e = _sentence(low, acc.start())
            if (s, e) not in paying:
                paying[s, e] = bool(lists["pay"].search(low, s, e) or lists["bank"].search(low, s, e))
            iban = re.match(r"[a-z]{2}\d", acc.group(0))
            if iban or paying[s, e]:
                out.append(draft.finding(self.kind, acc.start(), acc.end(), "an account number no note gives"))
        return out

    def _secrets(self, draft: Draft, lists: dict[str, Any]) -> list[Finding]:
        """A card number, a password or a one-time code asked for, in any of the languages."""
        low, out = draft.low, []
        for pattern in lists["secrets"]:
            for m in pattern.finditer(low):
                start = clause_before(low, m.start())
                if lists["request"].search(low, start, m.start()) and not draft.negated(m.start()):
                    out.append(
                        draft.finding(self.kind, m.start(), m.end(), "asks the client for a card number or a secret")
                    )
        hits = list(lists["credential"].finditer(low))
        for m in lists["code"].finditer(low):
            s, e = _sentence(low, m.start())
            if lists["code_qualifier"].search(low, s, e) or lists["code_shape"].search(low, s, e):
                hits.append(m)
        for m in hits:
            s, _ = _sentence(low, m.start())
            asked = lists["request_words"].search(low, s, m.start()) or lists["request"].search(low, s, m.start())
            if asked and not self._negated(low, s, m.start(), lists):
                out.append(draft.finding(self.kind, m.start(), m.end(), "asks the client for a password or a code"))
        return out
