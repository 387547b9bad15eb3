"""Rules about places: where the client is (wrong_fact) and events far from them (inappropriate)."""

from __future__ import annotations

import re

from bot.guard.evidence import per_context
from bot.guard.geo import (
    _LOWER_CITY_RE,
    _STATE_CODES,
    _TRAVEL_BEFORE,
    _near,
    _Place,
    _place,
    _places_in,
    _same_place,
    delimited_towns,
)
from bot.guard.model import Finding
from bot.guard.text import _fold, _norm, _sentence_of, _sentences
from bot.guard.truth import GuardBase
from memory.records import FactKind

# The words that put a town where an event is ("in Preston", "at our Aberdeen workshop", "up to Leeds"); a
# gazetteer town without one is as likely a person ("Tyler and I", "talk to Preston", "from Chelsea").
_PLACE_FRAME = re.compile(
    r"\b(?:in|at|near|outside|around|venue|held|(?:up|down|over|out) to)\s+(?:(?:the|our|my|their|your|a|an)\s+)?$"
)


class PlaceRules(GuardBase):
    """The places rules; mixed into the guard with the other rule families."""

    _LOCATION_NOTE = re.compile(
        r"\b(?i:based in|lives in|living in|located in|moved to|relocated to|relocating to|office (?:is )?in|"
        r"headquartered in|hq (?:is )?in|out of)\s+(?P<place>[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+){0,2})"
    )
    _HOME_HINT = re.compile(
        r"(?:\b(?:in|from|near|of)\s+|\(|,\s)(?P<place>[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+){0,2})"
        r"(?=,?\s?(?:[A-Z]{2}\b|\))|\.|,|\s\(|\s(?:office|area|store|shop|clinic|studio))"
    )
    _YOU_THERE = re.compile(
        r"\b(?:you(?:'re| are)(?: now)?|you've been|you live|you work|you're still) (?:based |located |living |"
        r"working |settled |over |out |down |up )?(?:in|out of) (?P<p1>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?)"
        r"|\byour (?P<p2>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?) (?:office|team|store|shop|branch|location|hq|"
        r"headquarters|home|house|apartment|showroom|clinics?|gyms?|restaurants?|studio|plant|stores|shops|offices)\b"
        r"|\b(?:life|things|the weather|weather|spring|summer|winter|autumn|fall|all|everything|everyone) "
        r"(?:is |are )?(?:in|out in|down in|up in|over in|there in) (?P<p3>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?)"
        r"|\bback (?:home )?in (?P<p4>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?)"
        r"|\b(?:is|are) (?:good|well|fine|great|ok|okay|going well|sunny|cold|warm) (?:over |out |down |up |there )?"
        r"in (?P<p5>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?)"
        r"|\bin (?P<p6>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?),? where you (?:are|live|work)"
    )
    _INVITE = re.compile(
        r"\b(?:join us|joining us|invite|invited|invitation|come (?:to|along|by|join|visit|celebrate|say hi|see|"
        r"and see|check out)|stop by|swing by|drop by|drop in|pop in|visit us|welcome to (?:join|come|attend|drop|stop|pop)|"
        r"(?<!to )see you (?:at|in)|love to (?:see|have) you|hope you can (?:make it|join|come|attend)|rsvp|register|"
        r"registration|save the date|(?:we're|we are|we'll be) hosting|hosting an?|would love (?:to have you|for you"
        r" to (?:come|join|attend))|open house|launch (?:party|event)|grab a ticket|tickets? (?:for|to)|"
        r"seat (?:for you|with your name)|you should come|don't miss|trunk show|pop-up|tasting|(?:great|lovely|good) to see you there|"
        r"hope to see you there|(?:like|want|able) to come|come (?:down|up|over|along)|(?:we're|we are) (?:running|holding|"
        r"throwing|putting on) an? |open (?:day|days|evening|weekend)|trade day|fancy (?:coming|joining|popping|dropping)|"
        r"pop(?:ping)? (?:along|down|over|by)|come down to)\b"
    )
    _PAST_EVENT = re.compile(r"\b(?:after|got home|was|were|went|loved|enjoyed|thanks for|thank you for|last)\b")

    @per_context
    def _client_place(self) -> tuple[_Place | None, str | None, tuple[str, ...]]:
        """(the client's place if in the gazetteer, its name as recorded, source ids)."""
        locations = sorted(self._facts(FactKind.LOCATION), key=lambda f: f.key != "location")
        for f in locations[:1]:
            name = f.value or f.text
            return _place(name), name, f.source_ids
        notes = sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp(), reverse=True)
        for n in notes:
            for m in self._LOCATION_NOTE.finditer(n.text):
                for _s, _e, place in _places_in(m.group("place"), 0, len(m.group("place"))):
                    return place, m.group("place"), (n.id,)
        for n in reversed(notes):  # oldest first: the note that introduces the client
            for m in self._HOME_HINT.finditer(n.text):
                name = m.group("place")
                found = list(_places_in(name, 0, len(name)))
                if found and found[0][2].lat is not None:
                    return found[0][2], name, (n.id,)
        for n in reversed(notes):  # notes typed in lower case: a known city, not a trip or a lane
            low = _norm(n.text)
            for m in _LOWER_CITY_RE.finditer(low):
                city = _place(m.group("city"))
                st = (m.group("st") or "").upper()
                if city is None or (st in _STATE_CODES and city.region != st):
                    continue  # "dublin oh" is not Dublin, Ireland
                lead = low[max(0, m.start() - 40) : m.start()]
                if _TRAVEL_BEFORE.search(lead) and not re.search(r"(?<!back )(?<!returning )\bfrom\s+$", lead):
                    continue  # "flying to denver", not "bill tanner from duluth mn"
                return city, m.group("city"), (n.id,)
        for n in reversed(notes):  # a town the note gives as a whole segment: "ingrid, GM of the fenwick, whitby."
            for name, place in delimited_towns(_norm(n.text)):
                lead = _norm(n.text)[: _norm(n.text).find(name)][-40:]
                if not _TRAVEL_BEFORE.search(lead):
                    return place, name, (n.id,)
        return None, None, ()

    _NAMED_SITE = re.compile(
        r"\b(?i:your|the)(?: (?i:new|old|other|main|second))? (?P<p>(?:[A-Z][a-zA-Z.]*\.? ){1,3})(?i:location|office|store|"
        r"branch|site|clinic|studio|gym|property|duplex|house|home|plant|warehouse|shop|campus|hospital|facility)\b"
        r"|\b(?i:at|in) (?P<p2>(?:St\.?|Saint|Mount|Mt\.?) [A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    )

    @per_context
    def _site_text(self) -> str:
        """The notes folded, then every piece of evidence lower-cased, in one text."""
        return " ".join(_fold(n.text) for n in self.ctx.notes) + " " + " ".join(d.text for d in self.docs)

    def _unknown_sites(self) -> list[Finding]:
        """ "the new Owasso location", "your team at St. Mary's": a named site of theirs no note mentions."""
        c = self.ctx.client
        own = _fold(" ".join(filter(None, (c.name, c.goes_by, c.formal_name, c.company, *c.aliases))))
        notes = self._site_text()
        out = []
        for m in self._NAMED_SITE.finditer(self.text):
            group = "p" if m.group("p") else "p2"
            words = [w.strip(".") for w in m.group(group).split()]
            words = [w for w in words if len(w) > 2 and w.lower() not in ("st", "saint", "mount", "mt")]
            if not words or _sentence_of(self.text, m.start(group))[0] == m.start(group):
                continue
            missing = [w for w in words if not re.search(rf"\b{re.escape(_fold(w))}", notes) and _fold(w) not in own]
            if missing and len(missing) == len(words):
                s, e = m.span(group)
                out.append(self._finding("unsupported_claim", s, e, f"no note mentions {m.group(group).strip()}"))
        return out

    def places(self) -> list[Finding]:
        """The client placed in the wrong city (wrong_fact), or invited to an event far away (inappropriate)."""
        home, home_name, ids = self._client_place()
        out = self._unknown_sites()
        for m in self._YOU_THERE.finditer(self.text.replace("’", "'")):
            group = next(g for g in ("p1", "p2", "p3", "p4", "p5", "p6") if m.group(g))
            said = m.group(group)
            found = list(_places_in(said, 0, len(said)))
            place = found[0][2] if found else None
            if place is None:
                continue
            s = m.start(group)
            e = s + found[0][1]
            if home is not None and not _same_place(place, home):
                out.append(self._finding("wrong_fact", s, e, f"the client is in {home_name}", ids))
            elif home is None and home_name is None and not any(place.name in d.text for d in self.docs):
                out.append(self._finding("unsupported_claim", s, e, f"no note places the client in {said}"))
        if home is not None:
            out += self._far_events(home, home_name or home.name, ids)
        return out

    def _far_events(self, home: _Place, home_name: str, ids: tuple[str, ...]) -> list[Finding]:
        """Invitations to an event in a place far from the client."""
        out = []
        for s, e in _sentences(self.text):
            sent = self.low[s:e]
            if not self._INVITE.search(sent) or re.search(r"\b(?:online|virtual|zoom|livestream)", sent):
                continue
            if self._PAST_EVENT.search(sent) and not re.search(r"\b(?:next|upcoming|join us|register|rsvp)\b", sent):
                continue
            for ps, pe, place in _places_in(self.text, s, e, wide=True):
                if not _PLACE_FRAME.search(self.low[max(s, ps - 20) : ps]) and _place(self.text[ps:pe]) is None:
                    continue  # "join Tyler and me": a gazetteer town that is also a given name needs "in"/"at"
                if not _near(place, home):
                    out.append(
                        self._finding(
                            "inappropriate",
                            ps,
                            pe,
                            f"an event in {self.text[ps:pe]} is far from the client ({home_name})",
                            ids,
                        )
                    )
        return out
