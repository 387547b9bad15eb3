"""Rules for commitments: invented_commitment (offers, discounts, promises) and wrong promised dates."""

from __future__ import annotations

import re
from datetime import date

from bot.guard.evidence import per_context
from bot.guard.model import Finding
from bot.guard.text import _clause_after, _content_words, _sentence_of, _sentences, _shorthand, _stem
from bot.guard.truth import GuardBase, _Doc
from bot.guard.when import _TIME_RE, _WEEKDAYS, _parse_md
from memory.figures import figures

# Small courtesies a shop offers anyone who drops by: being "on the house" promises nothing.
_HOSPITALITY = re.compile(
    r"\b(?:a (?:glass|cup|mug) of|coffee|espresso|latte|tea|drinks?|bubbly|champagne|prosecco|mimosas?|snacks?|"
    r"cookies?|pastr(?:y|ies)|cupcakes?|refreshments?|treats?|parking|wi-?fi)\b"
)


class OfferRules(GuardBase):
    """The offers rules; mixed into the guard with the other rule families."""

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
    _FREE_NOT = re.compile(
        r"(?:feel|are you|you're|you are|if you're|i'm|we're|i am|be|set you|break|hands|sugar|"
        r"gluten|scot|duty|tax|risk|worry|stress|hassle|carefree|toll)[\s-]$"
    )
    _FREE_AFTER = frozenset(
        [
            "to",
            "for",
            "on",
            "at",
            "time",
            "slot",
            "slots",
            "moment",
            "minute",
            "minutes",
            "afternoon",
            "morning",
            "evening",
            "day",
            "this",
            "next",
            "later",
            "whenever",
            "if",
            "now",
            "then",
            "and",
            "or",
        ]
    )
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
        ids = [i for c in self.ctx.commitments for i in c.source_ids]
        return self._finding("invented_commitment", start, end, message, ids)

    def _number_backed(self, m: re.Match[str]) -> bool:
        """Whether a percentage or amount offer appears in some note or commitment."""
        num = m.group("n1") or m.group("n2") or m.group("n3")
        if num:
            pat = re.compile(rf"(?<![\d.]){re.escape(num)}\s?(?:%|percent|per cent)")
        elif m.group("money"):
            # by value: "$2,000 off" is the note's "$2000" or "$2k"
            value = _amounts(re.sub(r"^[$€£]\s?", "", m.group("money")))
            return bool(value) and any(value <= _amounts(d.text) for d in self.docs)
        else:
            pat = re.compile(re.escape(m.group(0).split()[0].split("-")[0]))
        return any(pat.search(d.text) for d in self.docs)

    _FREE_DOC = re.compile(
        r"(?<!gluten )(?<!gluten-)(?<!sugar )(?<!sugar-)(?<!dairy )(?<!dairy-)(?<!hands-)(?<!tax )(?<!tax-)"
        r"(?<!duty )(?<!duty-)(?<!risk-)(?<!nut-)(?<!nut )(?<!fat-)free|complimentary|no charge|no cost|waive|"
        r"on the house|on us"
    )

    @per_context
    def _free_docs(self) -> list[_Doc]:
        """The evidence that offers something free (a note, a fact, a commitment, the purpose)."""
        return [d for d in self.docs if self._FREE_DOC.search(d.text)]

    @per_context
    def _spaced_docs(self) -> list[str]:
        """Each piece of evidence with its runs of whitespace as one space."""
        return [re.sub(r"\s+", " ", d.text) for d in self.docs]

    @per_context
    def _known_content(self) -> set[str]:
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
            if any(not stem or stem in d.text for d in self._free_docs()):
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
            if not any(key in text or (value is not None and value in _amounts(text)) for text in self._spaced_docs()):
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
        for c in self.ctx.commitments:
            if len(topic & _content_words(c.text)) >= need or not topic:
                return True
        return any(self._PROMISE_CUES.search(d.text) and len(topic & _content_words(d.text)) >= need for d in self.docs)

    _PLAIN = frozenset(_stem(w) for w in ("news", "good", "great", "happy", "pleased", "glad", "confirm", "quick",
                                          "note", "update", "here", "attached", "ready", "promise", "promised"))  # fmt: skip

    def _novel(self, topic: set[str]) -> set[str]:
        """Words of a claim that no note, fact or commitment uses (shorthand included)."""
        known = self._known_content()
        return {
            w
            for w in topic - self._PLAIN
            if len(w) > 3
            and "'" not in w
            and w not in known
            and not any(_shorthand(k, w) for k in known if k[:1] == w[:1])
        }

    def commitment_dates(self) -> list[Finding]:
        """A promise restated with a different due day than the recorded one."""
        out = []
        for c in self.ctx.commitments:
            if c.due is None:
                continue
            topic = _content_words(c.text) - {"send", "call", "follow", "email"}
            for s, e in _sentences(self.text):
                sent = self.low[s:e]
                if not topic or not (topic & _content_words(sent)):
                    continue
                if self._PAST.search(sent) and not re.search(r"\b(?:will|'ll|shall|going to)\b", sent):
                    continue
                if not re.search(r"\b(?:i|we)(?:'ll| will| shall|'m going to| am going to| are going to)\b", sent):
                    continue
                for t in _TIME_RE.finditer(sent):
                    md = _parse_md(t.group(0)) if t.group("md") else None
                    if md and any(
                        md == _parse_md(x.group(0))
                        for d in self.docs
                        for x in _TIME_RE.finditer(d.text)
                        if x.group("md")
                    ):
                        continue
                    lead = sent[max(0, t.start() - 14) : t.start()]
                    future = re.search(r"\b(?:by|before|until|no later than|due|on)\s*$", lead)
                    if future and self._due_mismatch(t, c.due):
                        msg = f"the promise is due {c.due:%A %d %B}"
                        out.append(self._finding("wrong_fact", s + t.start(), s + t.end(), msg, c.source_ids))
        return out

    def _due_mismatch(self, t: re.Match[str], due: date) -> bool:
        """Whether a time expression names a different day than `due`."""
        if t.group("wd"):
            name = next(w for w in _WEEKDAYS if w in t.group("wd"))
            return abs((due - self.today).days) <= 13 and _WEEKDAYS.index(name) != due.weekday()
        if t.group("md") or t.group("iso"):
            md = _parse_md(t.group(0))
            return md is not None and md != (due.month, due.day)
        return False


def _amount(said: str) -> float | None:
    """The value of a sum of money as written ("$250,000", "$250k"), or None."""
    if not re.search(r"[$€£]", said):
        return None
    found = _amounts(said)
    return next(iter(found)) if len(found) == 1 else None


def _amounts(text: str) -> frozenset[float]:
    """Every figure in `text` by value (memory's parser, shared with the extractor)."""
    return figures(text)
