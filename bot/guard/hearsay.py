"""unsupported_claim rules about other people and old acquaintance.

"Rachel popped into the shop yesterday", "Owen's mum was lovely on the phone": an interaction with
someone other than the client needs a note that has that person interacting, at that time. "As your
team mentioned, Nordbank had a phishing incident": reported news needs notes that carry its news,
not just its names. "Long time no see" needs some earlier conversation at all.
"""

from __future__ import annotations

import re

from bot.guard.claims import ClaimReader
from bot.guard.evidence import per_context
from bot.guard.interactions import interaction_kind
from bot.guard.model import Finding
from bot.guard.text import _STOP, _content_words, _fold, _norm, _sentence_of, _sentences
from bot.guard.values import _TIME_WORDS
from bot.guard.when import _TIME_RE, _past_when
from memory.lexicon import not_names

_KIN = r"(?:mum|mom|mother|dad|father|wife|husband|partner|fianc[eé]e?|team|boss|assistant|colleague|son|daughter|sister|brother)"
_THIRD = re.compile(
    rf"\b(?P<who>(?:[A-Z][a-z]+(?:'s {_KIN})?)|(?i:your) {_KIN}) (?:(?:just |already )?(?:popped|came|stopped|dropped|"
    r"swung) (?:in|into|by|round|over)|(?:called|rang|phoned|emailed|texted|visited|came in)\b|was (?:\w+ )?"
    r"(?:on the phone|on the call|in the (?:shop|store|office|showroom))|were (?:\w+ )?on the (?:phone|call))"
)
_REPORTED = re.compile(
    r"\b(?i:as) (?:(?i:your) [A-Za-z]+|[A-Z][a-z]+) (?:mentioned|said|told me|noted|pointed out|shared|explained)\b"
)
_REUNION = re.compile(
    r"\b(?:long time no (?:see|talk|speak)|(?:good|great|nice|lovely) to reconnect|"
    r"since we last (?:spoke|talked|met|caught up))\b"
)
_NEVER_SPOKE = re.compile(
    r"\b(?:haven't|have not|never|not yet) (?:spoken|met|talked|been in touch)\b|\bcold (?:lead|email)"
)


class HearsayReader(ClaimReader):
    """Reads claims about third parties and earlier acquaintance; used by `rules/hearsay.py`."""

    def hearsay(self) -> list[Finding]:
        """Third parties' visits and calls, reported news and "long time no see" that no note backs."""
        return self._third_party_events() + self._reported_news() + self._reunions()

    def _third_party_events(self) -> list[Finding]:
        """ "Rachel popped into the shop yesterday" with no note of Rachel there then."""
        out = []
        client = self._own_words()
        talk = re.compile(f"{self._IN_PERSON_NOTE.pattern}|{self._TALK_NOTE.pattern}")
        for m in _THIRD.finditer(self.text.replace("’", "'")):
            who = m.group("who")
            if re.search(
                r"(?:\b(?:a|an|the|our|this|that)\s+|[-\d]\s*|[A-Z][\w.]*\s+)$",
                self.text[max(0, m.start() - 12) : m.start()],
            ):
                continue  # "a 2020 Saint-Joseph just came in": a product, not a person
            if _sentence_of(self.text, m.start())[0] == m.start() and (who.lower() in _STOP or who.endswith("ed")):
                continue  # "Called ..." at the start of a sentence is a verb, not a name
            name = _fold(who.split("'")[0].split()[-1] if who.lower().startswith("your") else who.split("'")[0])
            if name in client or name in not_names("personal_pronouns"):
                continue
            s, e = _sentence_of(self.low, m.start())
            whens = [w for w in (_past_when(t, self.today) for t in _TIME_RE.finditer(self.low, s, e)) if w]
            backed = False
            for d in self.docs:
                if not d.is_note or not re.search(rf"\b{re.escape(name)}\b", _fold(d.text)):
                    continue
                for ss, se in _sentences(d.text):
                    part = d.text[ss:se]
                    if re.search(rf"\b{re.escape(name)}\b", _fold(part)) and talk.search(part):
                        backed = backed or not whens or d.fits(whens)
            if not backed:
                out.append(self._finding("unsupported_claim", m.start(), e, f"no note records {who} doing this"))
        return out

    @per_context
    def _evidence_words(self) -> set[str]:
        """Content words of every note, fact, commitment and the purpose."""
        noted: set[str] = set()
        for d in self.docs:
            noted |= _content_words(d.text)
        return noted

    def _reported_news(self) -> list[Finding]:
        """ "As your team mentioned, X had a phishing incident": news the notes do not carry."""
        out = []
        noted = self._evidence_words()
        for m in _REPORTED.finditer(self.text.replace("’", "'")):
            _s, e = _sentence_of(self.low, m.start())
            topic = _content_words(self.low[m.end() : e]) - _TIME_WORDS - self._own_words()
            unknown = {w for w in topic if w not in noted and len(w) > 3}
            if len(unknown) >= 2 and 2 * len(unknown) >= len(topic):
                out.append(self._finding("unsupported_claim", m.start(), e, "no note records this news"))
        return out

    def _reunions(self) -> list[Finding]:
        """ "Long time no see" when no note records any earlier conversation."""
        m = _REUNION.search(self.low)
        if m is None:
            return []
        talk = re.compile(f"{self._IN_PERSON_NOTE.pattern}|{self._TALK_NOTE.pattern}")
        notes = [d for d in self.docs if d.is_note]
        if any(_NEVER_SPOKE.search(_norm(d.text)) for d in notes) or not any(
            self._interaction_doc(talk, d) or interaction_kind(d.text) is not None for d in notes
        ):
            _s, e = _sentence_of(self.low, m.start())
            return [self._finding("unsupported_claim", m.start(), e, "no note records an earlier conversation")]
        return []
