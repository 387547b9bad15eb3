"""Rule invented_commitment: offers, discounts, freebies and promises that no open commitment or note backs.

Source: essay 002 ("never invent ... a promise") and the guard table: "as promised, 20% off" with no
such promise recorded blocks. A percentage or an amount off must be a figure some note, fact or
commitment gives (by value: "$2,000 off" is the note's "$2k off"); a discount, a free or waived item
must be named by the evidence; a promise ("as agreed", "we'll cover the freight") needs an open
commitment or a note that records a promise on the same topic, with every offer term it states.
An amount off that its own sentence works out from the sums it names (a difference, a percentage of
one) is arithmetic, not an offer. Moved out of the guard's `OfferRules` mixin. `ClaimSupport` (claim_support.py)
then clears a finding whose claim a note backs in other words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import _clause_after, _content_words, _sentence_of, _shorthand, _stem, norm
from memory.numbers import figures

T = TypeVar("T")

_WORDS = json.loads((Path(__file__).parent.parent / "data" / "offer_words.json").read_text(encoding="utf-8"))
# Small courtesies a shop offers anyone who drops by: being "on the house" promises nothing (data, a reason each).
_HOSPITALITY = re.compile(r"\b(?:" + "|".join(_WORDS["hospitality"]["words"]) + r")\b")


@dataclass(frozen=True)
class _Doc:
    """A piece of evidence as the offer checks read it: note ids, lower-cased text, whether it is a note."""

    ids: tuple[str, ...]
    text: str
    is_note: bool = False


def _docs(evidence: Evidence) -> list[_Doc]:
    """Notes, facts, commitments and the purpose, lower-cased, in that order."""
    docs = [_Doc((nid,), norm(text), True) for nid, text in evidence.notes]
    docs += [_Doc(ids, norm(text)) for ids, text in (*evidence.facts, *evidence.commitments)]
    if evidence.purpose:
        docs.append(_Doc((), norm(evidence.purpose)))
    return docs


class InventedCommitment:
    """Flags an offer or a promise that no open commitment or note backs."""

    kind = "invented_commitment"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The invented commitments of one draft."""
        return _Reader(draft, evidence).invented_commitment()


class _Reader:
    """One draft read against one evidence (the checks share its text and the evidence's documents)."""

    def __init__(self, draft: Draft, evidence: Evidence) -> None:
        self.draft = draft
        self.evidence = evidence
        self.low = draft.low
        self.docs = evidence.derived("offer docs", lambda: _docs(evidence))

    def _memo(self, name: str, build: Callable[[], T]) -> T:
        """What the evidence alone gives, built once per evidence."""
        return self.evidence.derived(f"offers {name}", build)

    def _negated(self, pos: int) -> bool:
        """Whether a negation closely precedes `pos` in its clause ("no discount", "can't guarantee")."""
        before = self.low[max(0, pos - 25) : pos]
        before = re.split(r"[,.;:!?\n]", before)[-1]
        return bool(re.search(r"\b(?:no|not|never|without|can't|cannot|won't|isn't|aren't|don't|n't)\b", before))

    def _own_words(self) -> set[str]:
        """Content words of the client's and the salesperson's own names (never evidence of anything)."""
        return _content_words(self.evidence.names)

    _PERCENT = re.compile(
        r"(?:\b(?:save|saving|take|get|enjoy|knock(?:ing)?|an extra|extra|additional)\s+(?:an?\s+)?"
        r"(?:extra\s+)?(?P<n1>\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)"
        r"|\b(?P<n2>\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)\s+(?:off|discount|reduction|rebate|cash ?back|"
        r"savings?|lower|cheaper|loyalty|credit|(?:\w+ )?(?:rate|price|pricing|deal|offer|rebate))"
        r"|\b(?:discount|reduction|rebate|savings?|markdown) of (?:up to )?(?P<n3>\d{1,3}(?:\.\d+)?)\s?"
        r"(?:%|percent|per cent)"
        r"|(?P<money>[$€£]\s?\d[\d,]*(?:\.\d\d)?k?)\s+(?:off|discount|credit|rebate|voucher|gift card|cash ?back)\b"
        r"|\b(?:half[- ]price|half[- ]off|buy one,? get one|bogo|two for one|2[- ]for[- ]1))"
    )
    _DISCOUNT = re.compile(
        r"\b(?:discount(?:ed|s)?|voucher|coupon|promo(?:tional)? code|rebate|markdown|price[- ]match|"
        r"cash ?back|refund(?:ed|s)?|loyalty (?:credit|bonus)|(?:special|exclusive|vip|preferred|partner|loyalty|"
        r"insider|friends and family|introductory|early[- ]bird) (?:price|pricing|rate|deal|offer|discount)|"
        r"(?:price|pricing|rate|rates|discount|deal|offer) (?:is |are |has been |have been |stays? )?locked in|"
        r"price (?:lock|freeze)|lock(?:ed)? in (?:the|your|this|that|a) (?:price|rate))\b"
    )
    _FREE = re.compile(
        r"(?<![\w-])(?:(?<=is )free(?= on| of charge| for you| this time|[.,!]|$)|free|complimentary|on the house|at no (?:extra |additional )?(?:cost|charge)|"
        r"no[- ]charge|waive[ds]?|waiving|(?:are|is|'s|be|were) on us)(?:\s+(?P<what>[a-z][a-z-]+))?"
    )
    _FREE_NOT = re.compile(r"(?:" + "|".join(map(re.escape, _WORDS["not_an_offer_before_free"]["words"])) + r")[\s-]$")
    _FREE_AFTER = frozenset(_WORDS["not_an_offer_after_free"]["words"])
    _PROMISE = re.compile(
        r"\b(?:as (?:i |we )?promised|(?:i|we) (?:have |had |'ve |'d )?promised|promised you|"
        r"my promise|our promise|the promise|as (?:i |we )?agreed|as (?:i |we )?offered|"
        r"the offer (?:i|we) (?:made|mentioned|sent)|(?:i|we) offered you|(?:i|we) agreed to|"
        r"(?:i|we) (?:can )?guarantee|guaranteed|money[- ]back|throw(?:ing)? in|upgrade you|bump you up|"
        r"(?:i|we) owe you|(?:i|we)(?:'ll| will| can| could) (?:cover|pay for|pay off|pick up) (?:your |the |all )?"
        r"(?:remaining |closing |extra )?(?:costs?|fees?|shipping|delivery|install\w*|freight|difference|deductible|"
        r"payments?|bill|tab))\b"
    )
    _PROMISE_CUES = re.compile(r"promis|agreed|will send|'ll send|owe|offered|committed|guarantee|will get back")

    def invented_commitment(self) -> list[Finding]:
        """Offers, discounts, freebies and promises that no open commitment or note backs."""
        out = []
        docs = self.docs
        for m in self._PERCENT.finditer(self.low):
            if m.group("money") and self._shown_in_sentence(m):
                continue
            if not self._number_backed(m):
                out.append(self._offer_finding(m.start(), m.end(), "no recorded promise or note offers this"))
        for m in self._DISCOUNT.finditer(self.low):
            if self._negated(m.start()):
                continue
            stem = _stem(m.group(0).split()[0])
            if not any(stem in d.text or re.search(r"\d\s?(?:%|percent)", d.text) for d in docs):
                out.append(self._offer_finding(m.start(), m.end(), "no recorded promise or note offers a discount"))
        out += self._free_offers()
        for m in self._PROMISE.finditer(self.low):
            if self._negated(m.start()):
                continue
            if not self._promise_backed(m):
                out.append(
                    self._offer_finding(
                        m.start(),
                        _clause_after(self.low, m.end() - 1),
                        "no open commitment or note records this promise",
                    )
                )
        return out

    def _offer_finding(self, start: int, end: int, message: str) -> Finding:
        """An invented_commitment finding citing the open commitments that do exist."""
        ids = [i for c_ids, _ in self.evidence.commitments for i in c_ids]
        return self.draft.finding("invented_commitment", start, end, message, ids)

    def _shown_in_sentence(self, m: re.Match[str]) -> bool:
        """Whether an amount off is arithmetic its own sentence shows, not an offer: the difference of two sums
        it names ("£2,200 instead of £2,350, so that's £150 off") or a percentage of one ("the 30% credit takes
        $6,540 off the $21,800"), with no promise word in the sentence."""
        value = _amount(m.group("money"))
        if value is None:
            return False
        start, end = _sentence_of(self.low, m.start())
        sentence = self.low[start:end]
        if self._PROMISE.search(sentence):
            return False
        own = m.start() - start, m.end() - start
        rest = sentence[: own[0]] + " " + sentence[own[1] :]
        sums = [v for v in figures(rest) if v > value]
        shares = [float(p) for p in re.findall(r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)", rest)]
        close = max(0.5, value * 0.005)
        if any(abs(abs(a - b) - value) <= close for i, a in enumerate(sums) for b in sums[i + 1 :]):
            return True
        return any(abs(x * p / 100 - value) <= close for x in sums for p in shares)

    def _number_backed(self, m: re.Match[str]) -> bool:
        """Whether a percentage or amount offer appears in some note or commitment."""
        num = m.group("n1") or m.group("n2") or m.group("n3")
        if num:
            pat = re.compile(rf"(?<![\d.]){re.escape(num)}\s?(?:%|percent|per cent)")
        elif m.group("money"):
            # by value: "$2,000 off" is the note's "$2000" or "$2k"
            value = _amounts(re.sub(r"^[$€£]\s?", "", m.group("money")))
            return bool(value) and (
                any(value <= _amounts(d.text) for d in self.docs) or self._worked_out_from_notes(value)
            )
        else:
            pat = re.compile(re.escape(m.group(0).split()[0].split("-")[0]))
        return any(pat.search(d.text) for d in self.docs)

    def _worked_out_from_notes(self, value: frozenset[float]) -> bool:
        """Whether an amount off is the difference of two recorded figures or a recorded percentage of one
        ("£2,200 instead of £2,350, so £150 off"; "the 30% credit takes $6,540 off the $21,800"): arithmetic on
        the notes, not a new discount (NOTES-guard10 C1). Only the notes' own figures are operands, and the draft
        states one of them: the arithmetic is shown, not a coincidence of two of the client's many figures."""
        shown = _amounts(self.low)
        recorded = sorted({x for d in self.docs for x in _amounts(d.text) if x > 0})
        percents = {
            float(p) for d in self.docs for p in re.findall(r"(\d{1,2}(?:\.\d+)?)\s?(?:%|percent|per cent)", d.text)
        }
        for v in value:
            pairs = ((a, b) for i, a in enumerate(recorded) for b in recorded[i + 1 :] if a in shown or b in shown)
            if any(abs(abs(a - b) - v) < 0.01 for a, b in pairs):
                return True
            if any(abs(a * p / 100 - v) < 0.01 for a in recorded for p in percents if 0 < p < 100 and a in shown):
                return True
        return False

    _FREE_DOC = re.compile(
        r"(?<!gluten )(?<!gluten-)(?<!sugar )(?<!sugar-)(?<!dairy )(?<!dairy-)(?<!hands-)(?<!tax )(?<!tax-)"
        r"(?<!duty )(?<!duty-)(?<!risk-)(?<!nut-)(?<!nut )(?<!fat-)free|complimentary|no charge|no cost|waive|"
        r"on the house|on us"
    )

    def _build_free_docs(self) -> list[_Doc]:
        """The evidence that offers something free (a note, a fact, a commitment, the purpose)."""
        return [d for d in self.docs if self._FREE_DOC.search(d.text)]

    def _build_spaced_docs(self) -> list[str]:
        """Each piece of evidence with its runs of whitespace as one space."""
        return [re.sub(r"\s+", " ", d.text) for d in self.docs]

    def _build_known_content(self) -> set[str]:
        """Content words of every note, fact, commitment and the purpose."""
        known: set[str] = set()
        for d in self.docs:
            known |= _content_words(d.text)
        return known

    def _free_offers(self) -> list[Finding]:
        """ "free X", "complimentary X", "waived fee" not backed by a note or commitment."""
        out = []
        for m in self._FREE.finditer(self.low):
            word = m.group(0).split()[0]
            what = m.group("what") or ""
            before = self.low[max(0, m.start() - 14) : m.start()]
            if word == "free" and (what in self._FREE_AFTER or self._FREE_NOT.search(before) or not what):
                continue
            if what and self.low[m.end() : m.end() + 1] == "-":
                continue
            if self._negated(m.start()):
                continue
            sent = _sentence_of(self.low, m.start())[0]
            near = what if what else self.low[max(sent, m.start() - 60) : m.start()]
            if _HOSPITALITY.search(near):
                continue  # "come by for a glass of bubbly, on the house": courtesy, not a commercial promise
            stem = _stem(what) if what else ""
            if any(not stem or stem in d.text for d in self._memo("_free_docs", self._build_free_docs)):
                continue
            out.append(self._offer_finding(m.start(), m.end(), "no recorded promise or note offers this for free"))
        return out

    _OFFER_TERM = re.compile(
        r"\d+(?:\.\d+)?\s?(?:%|percent)|[$€£]\s?\d(?:[\d,]*\d)?|\bnet[- ]?\d+|\bfree\b|\bcomplimentary\b|\bwaiv\w*|"
        r"\bno (?:extra )?(?:cost|charge)\b|\bbeat\b|\bprice[- ]match\w*|\bdiscount\w*|\bon the house\b|\b\d+[- ]year warranty\b"
    )

    def _promise_backed(self, m: re.Match[str]) -> bool:
        """Whether the promise's topic matches an open commitment or a note that records a promise."""
        start, end = _sentence_of(self.low, m.start())
        for term in self._OFFER_TERM.finditer(self.low, start, end):
            said = term.group(0)
            key = re.sub(r"\s+", " ", said) if re.search(r"\d", said) else _stem(said.split()[0])[:5]
            value = _amount(said)
            if not any(
                key in text or (value is not None and value in _amounts(text))
                for text in self._memo("_spaced_docs", self._build_spaced_docs)
            ):
                return False  # "$250,000" is the note's "$250k": the same sum written another way
        topic = _content_words(self.low[start:end]) - _content_words(m.group(0)) - self._own_words()
        # "as promised, we'll waive the excess-mileage charge": when the claim speaks of things no note
        # names, one shared word ("lease") with a promise is not enough
        after = _clause_after(self.low, m.end())
        if len(_content_words(self.low[m.end() : after])) < 2:
            after = _clause_after(self.low, after + 1)
        need = 2 if len(self._novel(_content_words(self.low[m.end() : after]))) >= 2 else 1
        terms = [t.group(0) for t in self._OFFER_TERM.finditer(self.low, start, end)]
        promised = re.search(r"promis|owe", m.group(0))
        if (
            terms
            and not promised
            and any(d.is_note and all(t in d.text for t in terms) and topic & _content_words(d.text) for d in self.docs)
        ):
            return True  # "the fee stays at 20% as agreed": the note has the fee at 20%
        for _, c_text in self.evidence.commitments:
            if len(topic & _content_words(c_text)) >= need or not topic:
                return True
        return any(self._PROMISE_CUES.search(d.text) and len(topic & _content_words(d.text)) >= need for d in self.docs)

    _PLAIN = frozenset(_stem(w) for w in _WORDS["plain_words"]["words"])

    def _novel(self, topic: set[str]) -> set[str]:
        """Words of a claim that no note, fact or commitment uses (shorthand included)."""
        known = self._memo("_known_content", self._build_known_content)
        return {
            w
            for w in topic - self._PLAIN
            if len(w) > 3
            and "'" not in w
            and w not in known
            and not any(_shorthand(k, w) for k in known if k[:1] == w[:1])
        }


def _amount(said: str) -> float | None:
    """The value of a sum of money as written ("$250,000", "$250k"), or None."""
    if not re.search(r"[$€£]", said):
        return None
    found = _amounts(said)
    return next(iter(found)) if len(found) == 1 else None


def _amounts(text: str) -> frozenset[float]:
    """Every figure in `text` by value (memory's parser, shared with the extractor)."""
    return figures(text)
