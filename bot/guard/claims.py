"""Rule unsupported_claim: shared history (events, meetings, calls) that no note backs."""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from bot.guard.claim_structure import (
    client_replied,
    courtesy_objects,
    courtesy_particles,
    courtesy_thanks,
    reply_act,
    talked_at_place,
)
from bot.guard.evidence import per_context
from bot.guard.interactions import _CLAIM_NOUN_RE, _CLAIM_NOUNS, _group_in
from bot.guard.model import Finding
from bot.guard.rules.shared_history import particulars
from bot.guard.text import _clause_after, _clause_before, _content_words, _norm, _sentence_of, _shorthand, _stem
from bot.guard.truth import GuardBase, _Doc
from bot.guard.values import _TIME_WORDS
from bot.guard.when import _MONTHS, _TIME_RE, _WEEKDAYS, _month_day, _past_when, _safe_date
from memory.numbers import figures


def _courtesy(rest: str) -> bool:
    """Whether what a thanks is for names no thing that happened: one verb and then only pronouns or
    particles ("sorting that", "handling it all"), the client's trust or business ("your trust", "your
    business again"), or choosing or trusting the seller ("choosing us", "trusting us with your big day");
    `data/claim_markers.json` courtesy_objects and courtesy_thanks."""
    words = re.findall(r"[^\W\d_]+", rest)
    objects = courtesy_objects()
    nouns, verbs = courtesy_thanks()
    if not words or _CLAIM_NOUN_RE.search(rest):
        return False
    tail = words[1:] if words[0] not in objects else words
    # a particle only after a pronoun: "setting it up" is a courtesy, "setting up the tasting" names an act
    particle = courtesy_particles()
    if len(words) <= 4 and all(
        w in objects or (w in particle and i and tail[i - 1] in objects) for i, w in enumerate(tail)
    ):
        return len(words) > 1 or words[0] in objects
    lead = words[1:] if words[0] in ("your", "the", "all", "su", "sua", "votre", "ihr", "la", "uw") else words
    if lead and lead[0] in nouns and len(lead) <= 3:
        return True  # "your trust", "your business again", "your patience as always"
    return bool(lead) and lead[0] in verbs and len(lead) > 1 and lead[1] in ("us", "me")


def _after_for(m: re.Match[str]) -> int:
    """Where the object of a "thanks for" match starts."""
    at = re.search(r"\bfor\s+", m.group(0))
    return m.start() + (at.end() if at else len(m.group(0)))


class ClaimReader(GuardBase):
    """Reads a draft's English shared-history claims; used by `rules/claimed_history.py`."""

    _NOUNS = (
        r"(?:call|meeting|chat|conversation|talk|lunch|dinner|breakfast|brunch|coffee|drinks|catch-?up|"
        r"discussion|demo|visit|session|walk-?through|presentation|tour|webinar|workshop|conference|summit|"
        r"expo|order|purchase|game|round of golf|golf|meetup|keynote|gala|reception|offsite|fair|roadshow|"
        r"booth|trade show|welcome|hospitality)"
    )
    # Shared-history claim forms, by name (the judge treats some differently: a plan, a thanks).
    _CLAIMS: ClassVar[dict[str, re.Pattern[str]]] = {
        "pleasure": re.compile(
            r"\b(?:great|good|nice|lovely|wonderful|fantastic|fun|a pleasure|a delight|a treat|awesome|"
            r"so good|really good|brilliant)\s+(?:to\s+)?(?:finally\s+|again\s+)?(?:see|seeing|meet|meeting|catch(?:ing)? up|"
            r"talk(?:ing)?|speak(?:ing)?|chat(?:ting)?|run(?:ning)? into|bump(?:ing)? into|connect(?:ing)?|"
            r"sit(?:ting)? down|have you|having you|host(?:ing)? you)\b"
        ),
        "as_discussed": re.compile(
            r"\bas (?:we|i|you) (?:discussed|agreed|talked about|spoke about|covered|went over|said|decided|"
            r"planned|arranged|shared|mentioned|told me|asked|requested)\b|\bas (?:discussed|mentioned)\b"
            r"|\b(?:as )?per our (?:call|conversation|chat|meeting|discussion|talk)\b"
        ),
        "when_we": re.compile(
            r"\b(?:when|since|after|the day|the time|last time) (?:we|i) (?:last |first )?(?:met|spoke|talked|"
            r"chatted|caught up|had (?:lunch|dinner|coffee|a call|our call|drinks|breakfast)|saw each other|"
            r"bumped into|ran into|visited|got together|sat down|stopped by|came by|dropped by|came in|popped in|"
            r"swung by|was (?:in|at|by) (?:the|your))\b"
        ),
        "we_met": re.compile(
            r"\b(?:we|i) (?:met|spoke|talked|chatted|caught up|saw you|ran into you|bumped into you|"
            r"had (?:lunch|dinner|coffee|drinks|breakfast)(?: together)?)\b(?! (?:with|to) (?!you))"
        ),
        "we_remember": re.compile(
            r"\b(?:i|we) (?:really )?(?:remember|recall|enjoyed|loved|appreciated|valued) (?:you|your|our|"
            r"meeting|seeing|talking|chatting|speaking|the)\b"
        ),
        "you_did": re.compile(
            r"(?<!\bif )(?<!\bwhen )(?<!whenever )(?<!\bunless )\byou (?:told me|mentioned|said|shared|"
            r"were asking|were interested|expressed interest|showed interest|seemed keen|loved|enjoyed|"
            r"liked|ordered|bought|purchased|visited|came by|stopped by|attended|signed up|registered|"
            r"requested|asked (?:me )?(?:for|about)|picked up|tried on|test[- ]drove)\b"
        ),
        "thanks_for": re.compile(
            r"\b(?:thanks|thank you|thx|many thanks)\s+(?:again\s+|so much\s+|very much\s+|a lot\s+)?for\s+"
            r"(?:your (?:recent |latest )?(?:order|purchase|business|visit|referral|feedback|hospitality)|"
            r"(?:the|our|a|that|your) (?:\w+ ){0,2}" + _NOUNS + r"|taking the time|meeting|coming|stopping by|"
            r"visiting|having me|hosting|joining|buying|ordering|choosing|lunch|dinner|coffee|the call|"
            r"chatting|speaking|talking|showing me|the tour|the referral|the introduction|sending|having us|hosting us|"
            r"the (?:\w+ )?welcome|the (?:\w+ )?hospitality|your hospitality|the invitation|inviting us)\b"
        ),
        "after_our": re.compile(
            r"\b(?:after|following up on|follow(?:ing)? up (?:on|after|from)|following|since|enjoyed|loved|"
            r"during|at|recap of|notes from|from|in|regarding|re:?)\s+(?:our|the|your|that)\s+(?:[\w-]+\s+){0,3}?"
            + _NOUNS
            + r"s?\b"
        ),
        "our_last": re.compile(
            r"\b(?:our|the|your) (?:last|recent|previous|earlier|latest|first) " + _NOUNS + r"\b|\b(?:yesterday|"
            r"last week|last month|" + "|".join(_WEEKDAYS) + r")'s " + _NOUNS + r"\b"
            r"|\byour (?:recent|last|latest|previous) (?:order|purchase|visit)\b"
        ),
        "our_event_then": re.compile(
            r"\b(?:our|the) " + _NOUNS + r" (?:on|last|yesterday|this morning|earlier|in|at)\b"
        ),
    }
    _ANCHOR_STOP = frozenset(
        [
            "i",
            "we",
            "our",
            "you",
            "your",
            "the",
            "a",
            "an",
            "it",
            "my",
            "thanks",
            "thank",
            "hi",
            "hello",
            "dear",
            "as",
            "when",
            "great",
            "good",
            "lovely",
            "nice",
            "since",
            "after",
            "following",
            "last",
            "hope",
            "best",
            "happy",
            "congratulations",
            "just",
            "so",
            "really",
            "also",
            "and",
            "but",
        ]
    )
    # Claims judged on their topic alone: thanks for something, or someone reported as saying something.
    _TOPIC_CLAIMS: ClassVar[dict[str, re.Pattern[str]]] = {
        "thanks": re.compile(
            r"\b(?:thanks|thank you|thx|many thanks)\s+(?:again\s+|so much\s+|very much\s+|a lot\s+)?for\b"
        ),
        "reported": re.compile(
            r"\b(?!(?:i|we|you|it|that|this|as|what|who|which|just|also|said|they|people)\b)[a-z]+ "
            r"(?:mentioned|told me|tells me|said)\b(?! (?:i|we)\b)"
        ),
    }
    # Claim verbs that imply an interaction: in person, or any conversation.
    _IN_PERSON_VERB = re.compile(
        r"\b(?:see|seeing|saw|meet|meeting|met|run(?:ning)? into|ran into|bump(?:ing)? into|bumped into|"
        r"sit(?:ting)? down|sat down|having you|having me|having us|host(?:ing)? (?:you|us|me)|showing me|visit\w*|"
        r"coming (?:in|by|over|out|down)|came (?:in|by|over)|stopping (?:by|in)|stopped (?:by|in)|dropping by|"
        r"dropped by|popping in|popped in|coming)\b"
    )
    _TALK_VERB = re.compile(
        r"\b(?:talk\w*|speak\w*|spoke|chat\w*|catch(?:ing)? up|caught up|hear(?:ing)? from you|connect\w*|call\w*)\b"
    )
    _TALK_NOTE = re.compile(
        r"\b(?:call(?:ed|s)?|phone[ds]?|rang|zoom|video|spoke|talked|chat(?:ted)?|conversation|demo|"
        r"emailed|texted|said|told me|mentioned|asked)\b"
    )
    _WISH_BEFORE = re.compile(
        r"\b(?:asking for|asked for|request(?:ed|ing|s)? (?:a|an)?|wants? (?:a|an|to)|would like (?:a|an|to)|"
        r"interested in|haven't|have not|not yet|no|never|hasn't|didn't|to book|to schedule)\s*(?:a |an |the )?$"
    )

    def _interaction_doc(self, rx: re.Pattern[str], d: _Doc) -> bool:
        """Whether evidence `d` records a real interaction of this sort (not a wish: "asking for a demo")."""
        if not d.is_note or re.search(r"\b(?:haven't|have not|never) (?:spoken|met|talked)\b", d.text):
            return False
        return any(
            not self._WISH_BEFORE.search(d.text[max(0, m.start() - 30) : m.start()])
            and not re.match(
                r"\s*(?:is |was )?(?:booked|scheduled|set (?:up )?for|planned|pencilled)\b", d.text[m.end() :]
            )
            for m in rx.finditer(d.text)
        )

    def _topic_backed(self, topic: set[str]) -> bool:
        """Whether some note shares a content word with the claim's topic (an empty topic is backed)."""
        return not topic or any(topic & _content_words(d.text) for d in self.docs)

    def _claim_topic(self, m: re.Match[str], start: int, end: int) -> set[str]:
        """Content words a claim is about: its clause, else its sentence, minus names and the claim words."""
        c = self.ctx.client
        drop = _content_words(m.group(0)) | _content_words(
            " ".join(filter(None, (c.name, c.goes_by, c.formal_name, self.ctx.salesperson)))
        )
        drop |= {_stem(w) for w in ("again", "lovely", "great", "kind", "really", "much", "thank", "thanks", "hope")}
        drop |= {_stem(w) for w in ("happy", "week", "month", "year", "today", "yesterday", "morning", "time")}
        drop |= {_stem(w) for w in ("afternoon", "evening")}
        topic = _content_words(self.low[start:end]) - drop - set(_WEEKDAYS)
        if not topic:
            s, e = _sentence_of(self.low, m.start())
            topic = _content_words(self.low[s:e]) - drop - set(_WEEKDAYS)
        return topic

    def unsupported_claims(self) -> list[Finding]:
        """Claims of shared history that no note backs; a real event with the wrong date is wrong_fact."""
        out: list[Finding] = []
        covered: list[tuple[int, int]] = []
        for form, rx in self._TOPIC_CLAIMS.items():
            thanks = form == "thanks"
            for m in rx.finditer(self.low):
                _s, e = _sentence_of(self.low, m.start())
                end = _clause_after(self.low, m.end() - 1) if thanks else e
                if re.search(
                    r"\b(?:in advance|for (?:your|the) (?:patience|time|consideration|interest))\b",
                    self.low[m.start() : end],
                ):
                    continue
                if thanks and (
                    _CLAIM_NOUN_RE.search(self.low, m.end(), end)
                    or self._CLAIMS["thanks_for"].match(self.low, m.start())
                ):
                    continue  # "thanks for the call / for coming in": judged below with its kind of event
                if thanks and _courtesy(self.low[m.end() : end]):
                    continue  # "thanks for sorting that": a courtesy that names no event or thing
                if thanks and reply_act(self.low[m.end() : end]) and self._client_replied():
                    continue  # "thanks for confirming": a note records the client's reply or decision
                topic = self._claim_topic(m, m.end(), end) - {"mention", "told", "said", "tell"}
                if thanks:
                    topic = self._without_comms_parts(topic, self.low[m.end() : end])
                if thanks and topic and topic <= self._COMMS:
                    if self._heard_then(m.start(), end):
                        continue  # "thanks for the details yesterday": a note that day records the exchange
                    out.append(self._finding("unsupported_claim", m.start(), end, "no note records this exchange"))
                    covered.append((m.start(), end))
                    continue
                if not self._topic_backed(topic):
                    out.append(self._finding("unsupported_claim", m.start(), end, "no note records this"))
                    covered.append((m.start(), end))
        for form, rx in self._CLAIMS.items():
            for m in rx.finditer(self.low):
                if any(s <= m.start() < e for s, e in covered):
                    continue
                if form == "thanks_for" and _courtesy(self.low[_after_for(m) : _clause_after(self.low, m.end() - 1)]):
                    continue  # "thank you for choosing us", "thanks again for your business": a courtesy
                finding = self._judge_claim(m, form)
                covered.append((m.start(), _clause_after(self.low, m.end() - 1)))
                if finding:
                    out.append(finding)
        return out

    # Things a client sends or says, thanked for without a topic ("thanks for the details").
    _COMMS = frozenset(
        _stem(w)
        for w in (
            "details", "detail", "info", "information", "note", "notes", "email", "emails", "message", "messages",
            "update", "updates", "reply", "response", "heads-up", "feedback", "text", "quick", "input", "context",
            "answers", "answer", "questions", "question", "insight", "insights", "clarification", "confirmation",
        )
    )  # fmt: skip

    def _without_comms_parts(self, topic: set[str], scope: str) -> set[str]:
        """A thanks topic with the parts of a message-word compound ("heads-up") and generic words dropped."""
        for w in re.findall(r"[a-z]+(?:-[a-z]+)+", scope):
            if _stem(w) in self._COMMS:
                topic = topic - _content_words(w) | {_stem(w)}
        return topic - _TIME_WORDS - {"new", "latest", "recent", "revis", "updat"} or topic & self._COMMS

    def _heard_then(self, start: int, end: int) -> bool:
        """Whether some note dates an exchange at the time a clause names (any note, when it names none)."""
        times = [t for t in _TIME_RE.finditer(self.low, start, end) if not re.match(r"(?:this|next) ", t.group(0))]
        whens = [w for w in (_past_when(t, self.today) for t in times) if w is not None]
        return any(d.is_note and (not whens or d.fits(whens)) for d in self.docs)

    def _distinct_words(self, scope: str, anchors: list[str]) -> set[str]:
        """Content words of a claim that name what happened ("in-service", "survey"), not who or when."""
        c = self.ctx.client
        names = _content_words(
            " ".join(filter(None, (c.name, c.goes_by, c.formal_name, c.company, self.ctx.salesperson, *c.aliases)))
        )
        generic = {"hav", "com", "stopp", "coming", "taking", "tak", "mak", "host", "join", "visit", "out", "again"}
        return (
            _content_words(scope)
            - names
            - {_stem(a) for a in anchors}
            - {_stem(a.lower()) for a in anchors}
            - _TIME_WORDS
            - set(_CLAIM_NOUNS)
            - generic
        )

    def _names_the_event(self, d: _Doc, words: set[str], in_person: bool) -> bool:
        """Whether note `d` records the event a claim names by its own word ("the in-service", "the survey").

        Not when the note says they have not spoken, only talked on the phone (for an in-person claim),
        or books the event for later.
        """
        if not d.is_note or not words & _content_words(d.text):
            return False
        if re.search(r"\b(?:haven't|have not|never|not yet) (?:spoken|met|talked|been)\b", d.text):
            return False
        if (
            in_person
            and self._TALK_NOTE.search(d.text)
            and not self._met_in_person(d.text)
            and not talked_at_place(_norm(d.text))
        ):
            return False
        for w in words & _content_words(d.text):
            for x in re.finditer(rf"\b{re.escape(w)}", d.text):
                near = d.text[max(0, x.start() - 40) : x.end() + 40]
                if not re.search(
                    r"\b(?:booked|scheduled|set for|set up for|planned|upcoming|next|will|to book)\b", near
                ):
                    return True
        return False

    def _judge_claim(self, m: re.Match[str], form: str) -> Finding | None:
        """Decide whether one claim of shared history is backed by the ledger."""
        pre_start = _clause_before(self.low, m.start())
        end = _clause_after(self.low, m.end() - 1)
        scope = self.low[m.start() : end]
        prefix = self.low[pre_start : m.start()]
        if form == "our_event_then":
            sent_s, sent_e = _sentence_of(self.low, m.start())
            if not self._PAST.search(self.low[sent_s:sent_e]):
                return None
        if form == "after_our" and not re.match(r"(?:after|following|since|enjoyed|loved|recap|notes)\b", m.group(0)):
            sent_s, sent_e = _sentence_of(self.low, m.start())
            if not self._PAST.search(self.low[sent_s:sent_e]) or " and " in m.group(0):
                return None  # "ceremony in the garden and reception in the conservatory": a plan, not history
        if self._dated_ahead(self.low[pre_start:end]):
            return None  # "at the final walkthrough on August 30th": still to come
        future = self._FUTURE.search(prefix) or self._FUTURE.search(scope) or "?" in self.low[m.start() : end + 1]
        if future and not re.search(r"\b(?:thanks|thank you)\b", scope):
            return None
        region = self.low[pre_start:end]
        if m.group(0).startswith("as "):
            # "moved to Thursday 11/13 as you asked": the dates are what was asked for, not when
            region = self.low[m.start() : m.end()]
        times = [t for t in _TIME_RE.finditer(region) if not re.match(r"(?:this|next) ", t.group(0))]
        whens = [w for w in (_past_when(t, self.today) for t in times) if w is not None]
        groups = {_CLAIM_NOUNS[g.group(1)] for g in _CLAIM_NOUN_RE.finditer(scope)}
        anchors = self._anchors(pre_start, end)
        topic = _content_words(scope) - set(_CLAIM_NOUNS) - {_stem(a) for a in anchors}
        reported = bool(re.match(r"as (?:we|i|you) |as discussed|as mentioned|you ", m.group(0)))
        if reported:
            topic = self._claim_topic(m, m.end(), end) - set(_CLAIM_NOUNS) - {_stem(a) for a in anchors}
            asked = self._asked_object(prefix, m.group(0))
            if asked is not None:
                if self._ask_noted(asked):
                    return None  # "not quite the 60 you asked for": a note records that ask
                topic = _content_words(asked) or topic
        need_topic = (reported or not (groups or anchors or whens)) and bool(topic)
        verb_rx: re.Pattern[str] | None = None
        if not groups:
            said = m.group(0)
            verb_rx = (
                self._IN_PERSON_NOTE
                if self._IN_PERSON_VERB.search(said)
                else self._TALK_NOTE
                if self._TALK_VERB.search(said)
                else None
            )
            if verb_rx is self._TALK_NOTE:
                verb_rx = re.compile(f"{self._IN_PERSON_NOTE.pattern}|{self._TALK_NOTE.pattern}")
        near_miss: list[_Doc] = []
        distinct = self._distinct_words(scope, anchors) if verb_rx is not None else set()
        for d in self.docs:
            if not self._doc_fits(d, groups, anchors, topic if need_topic else set()):
                continue
            if (
                verb_rx is not None
                and not self._interaction_doc(verb_rx, d)
                and not self._names_the_event(d, distinct, verb_rx is self._IN_PERSON_NOTE)
            ):
                spoke_then = (
                    verb_rx is not self._IN_PERSON_NOTE
                    and whens
                    and d.is_note
                    and not re.search(r"\b(?:haven't|have not|never) (?:spoken|met|talked)\b", d.text)
                )
                if not spoke_then:
                    continue
            if not whens:
                return None
            if d.fits(whens):
                return None
            if d.when is not None:
                near_miss.append(d)
        s, e = m.start(), end
        if near_miss and (groups or anchors):
            real = max(near_miss, key=lambda d: d.when or date.min)
            when = real.when.strftime("%A %d %B %Y") if real.when else "another day"
            ids = [i for d in near_miss for i in d.ids]
            return self._finding("wrong_fact", s, e, f"the ledger has this on {when}, not as written", ids)
        if self._one_note_names_it(self.text[s:e]):
            return None  # "you liked the Swift Escape 694 back in March": a note says just that
        return self._finding("unsupported_claim", s, e, "no note records this shared event or conversation")

    _ASK_VERB = re.compile(r"\byou (?:asked|requested|wanted|were after|were hoping for)\b")
    _ASK_NOTE = re.compile(
        r"\b(?:ask(?:ed|s|ing)?|request(?:ed|s)?|wants?|wanted|hoping for|hoped for|would like|after|needs?)\b"
    )
    _RELATIVE_HEAD = re.compile(r"(?:^|\b(?:the|a|an|that|those|these|your))\s+((?:[\w.,%-]+\s+){0,2}[\w.,%-]+)\s*$")

    def _asked_object(self, prefix: str, said: str) -> str | None:
        """The object of a reported ask in a relative clause ("the 60 [that] you asked for"): the noun phrase
        right before "you", or None when "you asked" starts its own clause."""
        if not self._ASK_VERB.match(said):
            return None
        head = self._RELATIVE_HEAD.search(prefix.removesuffix("that ").rstrip() + " ")
        return head.group(1) if head else None

    def _ask_noted(self, asked: str) -> bool:
        """Whether a note records the client asking for `asked`: an ask word and its figure, or its words."""
        said, words = figures(asked), _content_words(asked)
        for d in self.docs:
            if not d.is_note or not self._ASK_NOTE.search(d.text):
                continue
            if said and said <= figures(d.text):
                return True
            if not said and words and words <= _content_words(d.text):
                return True
        return False

    def _client_replied(self) -> bool:
        """Whether some note records a reply or decision of the client's (`reply_notes`)."""
        return any(d.is_note and client_replied(d.text) for d in self.docs)

    def _one_note_names_it(self, claim: str) -> bool:
        """Whether one note names the claim's event as the claim does and holds every particular word of it."""
        c = self.ctx.client
        names = " ".join(filter(None, (c.name, c.goes_by, c.formal_name, self.ctx.salesperson)))
        words = particulars(claim, names)
        if not words:
            return False
        notes = [d.text for d in self.docs if d.is_note and words <= _content_words(d.text)]
        # Words alone do not put the writer there ("sam presenting at AAOS in san diego"): the note must
        # name the same event, as the claim does ("the open day").
        event = re.search(r"\b[a-z]+ (?:day|night|evening|show|fair|tour|visit|launch|party)\b", claim.lower())
        return event is not None and any(event.group(0) in text for text in notes)  # "the open day" as a note has it

    def _dated_ahead(self, region: str) -> bool:
        """Whether a clause names a calendar date after today (within the coming year)."""
        for t in _TIME_RE.finditer(region):
            md = _month_day(t.group(0)) if t.group("md") or t.group("iso") else None
            if md is None:
                continue
            day = _safe_date(self.today.year, *md)
            if day is not None and 0 < (day - self.today).days <= 300:
                return True
        return False

    @per_context  # called with the evidence's texts, again at every check
    def _long_words(self, text: str) -> set[str]:
        """The words of three letters or more of a lower-cased text."""
        return set(re.findall(r"[a-z]{3,}", text))

    @per_context
    def _all_long_words(self) -> frozenset[str]:
        """`_long_words` of every piece of evidence."""
        return frozenset(w for d in self.docs for w in self._long_words(d.text))

    def _shorthands(self, anchor: str) -> set[str]:
        """The evidence's words that are shorthand for `anchor` ("bldg" for "building"); once per check and anchor."""
        cache: dict[str, set[str]] = self.__dict__.setdefault("_shorthand_cache", {})
        if anchor not in cache:
            cache[anchor] = {w for w in self._all_long_words() if _shorthand(w, anchor)}
        return cache[anchor]

    def _doc_fits(self, d: _Doc, groups: set[str], anchors: list[str], topic: set[str]) -> bool:
        """Whether evidence `d` mentions the claim's kind of event, its places/names and its topic."""
        in_person = ("meeting", "visit")  # a talk at their place is a visit: "talked at their depot"
        if not all(
            _group_in(g, d.text)
            or (g == "meeting" and self._met_in_person(d.text))
            or (g in in_person and talked_at_place(_norm(d.text)))
            for g in groups
        ):
            return False
        words = self._long_words(d.text) if anchors else set()
        if not all(
            re.search(rf"\b{re.escape(a.lower())}", d.text) or words & self._shorthands(a.lower()) for a in anchors
        ):
            return False
        return not topic or bool(topic & _content_words(d.text))

    def _anchors(self, start: int, end: int) -> list[str]:
        """Capitalised names in a claim (places, events, products) that evidence must mention."""
        c = self.ctx.client
        own = _norm(
            " ".join(filter(None, (c.name, c.goes_by, c.formal_name, c.company, self.ctx.salesperson, *c.aliases)))
        ).split()
        out = []
        for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-Z][^\W\d_]{2,}\b", self.text[start:end]):
            word = m.group(0).lower()
            abs_pos = start + m.start()
            sent_start = _sentence_of(self.text, abs_pos)[0]
            if abs_pos == sent_start or word in self._ANCHOR_STOP or word in own:
                continue
            if word in _WEEKDAYS or word in _MONTHS or word in _CLAIM_NOUNS:
                continue
            out.append(m.group(0))
        return out
