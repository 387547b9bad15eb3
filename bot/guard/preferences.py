"""contradicts_preference rules: declined items, dislikes, and when they like to be contacted."""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar

from bot.guard.evidence import per_context
from bot.guard.lexicon import _CONCEPTS, _PHONE_CALL_RE, _PHONE_CALLS
from bot.guard.model import Finding
from bot.guard.rules.base import stated_as_current
from bot.guard.rules.changed_choice import mentions as choice_mentions
from bot.guard.text import _STOP, _aware, _clause_after, _clause_before, _norm, _sentence_of, _stem
from bot.guard.truth import GuardBase
from bot.guard.when import _WEEKDAYS
from memory.records import FactKind, Note


def _spaced(phrase: str) -> str:
    """A phrase as a pattern in which a space also matches a hyphen ("button down" finds "button-down")."""
    return r"[\s-]".join(re.escape(w) for w in phrase.split(" "))


_PERIOD_AFTER = re.compile(
    r"\s+(?:before|until|till|til|during|over)\s+(?:the\s+)?(?:xmas|christmas|easter|new year|\w+day|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|end|summer|winter|spring|autumn|fall|holidays?)"
)


def _attribute(word: str) -> bool:
    """Whether a word before a noun names a kind of it (origin, colour, material), not a part of its own.

    "no chinese panels" declines Chinese panels, not panels; "no console screen" declines the screen.
    """
    return bool(re.search(r"(?:ese|ian|ish|ic|an)$", word)) or any(m.key == word for m in choice_mentions(word))


def _optional_apostrophes(pattern: str) -> str:
    """`pattern` with "n't" also matching shorthand without the apostrophe ("dont", "doesnt", "wont")."""
    return pattern.replace("n't", "n'?t")


# A subject or an auxiliary right before a word makes it a verb ("I checked", "we've tested", "has worked").
_AS_VERB = re.compile(r"\b(?:i|we|they|i've|we've|they've|i'd|we'd|have|has|had|just|also)\s+$")


class PreferenceRules(GuardBase):
    """The preferences rules; mixed into the guard with the other rule families."""

    _NEG_BEFORE = re.compile(
        r"\b(?:not(?! only| just)|no|never|without|instead of|in place of|rather than|other than|avoid\w*|unlike|except|skip\w*|"
        r"nothing|neither|nor|minus|dislike[sd]?|hate[sd]?|away from|anything but|steer clear of|"
        r"free of|\w+n't|not a fan of|out of|replace[sd]?|swap(?:ped)? out|ditch\w*|drop\w*|over|"
        r"hold(?:ing)? off (?:on)?|no more|pause on|understood on|noted on|heard you on|got it on|"
        r"(?:moved|moving|switched|switching|move|switch|changed|changing|went|going) (?:over |away )?from|"
        r"\w+er than|(?:more|less) \w+ than)\b"
    )
    _NEG_AFTER = re.compile(
        r"^(?:-free|(?:\s+[\w-]+){0,2}\s+out of (?:the|this|your|our)\b|\s+(?:is|are|was|were) (?:out|off the table|not)|\s+(?:isn't|aren't|wasn't|"
        r"is not|are not|was not|won't be|is off)|(?:\s+[\w-]+){0,2}\s+(?:is|are|'s|was|were) (?:a |an )?"
        r"(?:hard |firm |definite |big |total |clear )?(?:no|no-go|no go|out|off the table)\b|"
        r"\s+allerg|"
        r"(?:\s+[\w-]+){0,2}\s+(?:isn't|aren't|is not|are not|wasn't|weren't) (?:your|her|his|their|really your) "
        r"(?:thing|style|taste|cup of tea)|(?:\s+[\w-]+){0,2}\s+(?:is|are) (?:out of the question|not for you))"
    )
    _DECLINE_NOTE = re.compile(
        _optional_apostrophes(
            r"\b(?:not(?! (?:a fan|interested|sold|sure)\b)|no(?! (?:more|interest)\b)|never|doesn't (?:want|like)|"
            r"does not (?:want|like)|don't (?:want|like)|didn't (?:want|like)|hates?|hated|dislikes?|disliked|can't stand|isn't (?:a fan of|into)|not a fan of|allergic to|no more|"
            r"anything but|tired of|sick of|said no to|say no to|turned down|declined|passed on|doesn't need|"
            r"rejected|refused|ruled out|won't consider|won't take|don't send|do not send|stop sending|switched off|"
            r"does not need|no interest in|not interested in|hold off on|holding off on|pause on|"
            r"(?:asked (?:us |me )?to |wants? (?:us )?to )?(?:drop|remove|skip|scrap)|dropped|removed|scrapped|skipped)\s+"
            r"(?:sending\s+|showing\s+)?(?:more\s+|the\s+|any\s+|a\s+|an\s+|anything\s+|something\s+)?"
            r"(?P<item>[a-z][a-z-]+)(?=[\s,.;!)/]|$)"
            r"|\b(?P<free>[a-z]+)-free\b|\b(?P<allergy>[a-z]+) allerg(?:y|ies)\b"
        )
    )
    # A declined word stands for its family ("no alcohol" also rules out prosecco).
    _FAMILIES: ClassVar[tuple[tuple[str, ...], ...]] = (
        ("alcohol", "alcoholic", "booze", "wine", "wines", "prosecco", "champagne", "beer", "beers", "whisky",
         "whiskey", "vodka", "gin", "rum", "spirits", "cocktail", "cocktails", "bourbon", "cider", "drink",
         "mimosa", "mimosas", "bellini", "bellinis", "sangria", "margarita", "margaritas", "martini", "negroni",
         "spritz", "tequila", "mezcal", "sake", "open bar", "bubbly"),
        ("meat", "beef", "steak", "pork", "bacon", "ham", "lamb", "chicken", "turkey", "veal", "tenderloin",
         "short rib", "ribs", "brisket", "sausage", "prosciutto", "duck"),
        ("nut", "nuts", "peanut", "peanuts", "almond", "almonds", "cashew", "walnut", "pecan", "hazelnut",
         "pistachio", "satay"),
        ("grey", "gray", "charcoal", "slate", "graphite", "pewter", "gunmetal", "ash grey", "dove grey"),
        ("glossy", "gloss", "high-gloss", "lacquer", "lacquered", "shiny", "polished"),
        ("wool", "merino", "cashmere", "mohair", "alpaca", "lambswool"),
        ("subway", "metro tile"),
    )  # fmt: skip
    _DIET: ClassVar[dict[str, tuple[str, ...]]] = {
        "vegetarian": ("meat",),
        "vegan": ("meat", "dairy", "cheese", "butter", "cream", "egg", "eggs", "honey"),
        "teetotal": ("alcohol",),
        "sober": ("alcohol",),
        "doesn't drink": ("alcohol",),
        "don't drink": ("alcohol",),
    }
    _DECLINE_SKIP = frozenset(
        [
            "sure",
            "yet",
            "now",
            "interested",
            "ready",
            "available",
            "able",
            "going",
            "happy",
            "keen",
            "fan",
            "big",
            "much",
            "many",
            "sure",
            "today",
            "tomorrow",
            "really",
            "convinced",
            "decided",
            "rush",
            "hurry",
            "problem",
            "worries",
            "worry",
            "longer",
            "one",
            "thing",
            "time",
            "contact",
            "longer",
            "included",
            "phone",
            "email",
            "emails",
            "call",
            "calls",
            "text",
            "texts",
            "sms",
            "messages",
            "mail",
        ]
    )
    _SYNONYMS: ClassVar[dict[str, tuple[str, ...]]] = {
        "grey": ("grey", "gray"),
        "gray": ("grey", "gray"),
        "colour": ("colour", "color"),
    }

    @per_context
    def _declined(self) -> dict[str, tuple[str, ...]]:
        """Declined or disliked items (lower-case) -> source ids; from facts, plus note phrasing."""
        out: dict[str, tuple[str, ...]] = {}
        for f in self._facts(FactKind.DISLIKE, FactKind.PREFERENCE, FactKind.CONTACT):
            items = []
            if f.kind == FactKind.DISLIKE and not f.key.startswith("channel:"):
                items.append(f.value)
            elif f.kind == FactKind.DISLIKE and re.search(r"phone|call", f.value, re.I):
                out.setdefault(_PHONE_CALLS, f.source_ids)
            items += re.split(r",|/|\band\b|\bor\b", f.detail.get("declined", ""))
            sources = [n for n in self.ctx.notes if n.id in f.source_ids]
            for item in items:
                item = _norm(item).strip(" .")
                if item and len(item.split()) <= 3 and not any(self._taken_back(item, n) for n in sources):
                    out.setdefault(item, f.source_ids)
            if f.kind == FactKind.DISLIKE:
                for name, trigger, _offer in _CONCEPTS:
                    if trigger.search(_norm(f"{f.value} {f.text}")):
                        out.setdefault(f"concept:{name}", f.source_ids)
        liked = {_norm(f.value): f.valid_from for f in self._facts(FactKind.PREFERENCE)}
        for n in self.ctx.notes:
            low = _norm(n.text)
            for m in self._DECLINE_NOTE.finditer(low):
                phrase = low[m.start() : _clause_after(low, m.end() - 1)]
                for name, trigger, _offer in _CONCEPTS:
                    if trigger.search(phrase):
                        out.setdefault(f"concept:{name}", (n.id,))
                item = m.group("item") or m.group("free") or m.group("allergy")
                if m.group("allergy") in self._WHO_HAS_IT:
                    continue  # "staff allergy": whose allergy it is, not the allergen
                if m.group("item") and _PERIOD_AFTER.match(low, m.end("item")):
                    continue  # "no work before xmas": a time the client keeps free, not a thing they dislike
                if item.endswith(("-based", "-style", "-flavored", "-flavoured", "-type")):
                    item = item.split("-")[0]
                newer_like = item in liked and _aware(liked[item], self.ctx.now) > _aware(n.occurred_at, self.ctx.now)
                compound = m.group("item") and item == m.group("item") and not item.endswith(("ed", "y"))
                words = self._item_phrase(low, m.end("item")) if compound else []
                if item in self._DECLINE_SKIP and words and words[0] not in self._DECLINE_SKIP:
                    pass  # "hates SMS codes": a thing named after a channel, not the channel
                elif item in self._DECLINE_SKIP or item in _STOP or newer_like:
                    continue
                if newer_like or self._taken_back(item, n):
                    continue
                if words and words[0] in self._SENT_FORMS:
                    words = []  # "don't send latex samples": the samples are how latex came, latex is declined
                if words:  # a compound: "console screen" is declined, not every console
                    parts = [item, *words]
                    for k in range(2, len(parts) + 1):
                        out.setdefault(" ".join(parts[:k]), (n.id,))
                    head = words[0].rstrip("s") if len(words) == 1 and not _attribute(item) else ""
                    if len(head) >= 5 and head not in self._GENERIC_TAIL and head not in self._DECLINE_SKIP:
                        out.setdefault(f"head:{head}", (n.id,))
                elif len(item) > 2 or n.text[m.start("item") : m.end("item")].isupper():
                    out.setdefault(item, (n.id,))  # "not the GT": a model code in capitals counts
                alt = re.compile(r"(?:[ \t]+[a-z][a-z-]*){0,2}/([a-z][a-z-]{3,})").match(low, m.end())
                if alt and alt.group(1) not in _STOP:
                    out.setdefault(alt.group(1), (n.id,))  # "screens/subscription": either one
            for word, family in self._DIET.items():
                if self._own_diet(low, word):
                    for item in family:
                        out.setdefault(item, (n.id,))
            if re.search(
                r"\b(?:email only|only (?:by )?email|no (?:phone )?calls|text only|texts? only|no phone|"
                r"(?:by|via|over|through) (?:email|e-mail|text) only|only (?:contact|reach|email|message|text)\w* "
                r"(?:(?:her|him|them|me) )?(?:by|via|over|through) (?:email|e-mail|text)|"
                r"quit calling|stop calling)\b",
                low,
            ):
                out.setdefault(_PHONE_CALLS, (n.id,))
        for item, ids in list(out.items()):
            for family in self._FAMILIES:
                if item == family[0] or (family[0] == "nut" and item in family):
                    for other in family:
                        if other not in liked:
                            out.setdefault(other, ids)
        return out

    # A later note that wants again what an earlier one declined ("changed his tune on sours, wants to try one").
    _TAKE_BACK = re.compile(
        r"\b(?:changed (?:his|her|their) (?:tune|mind)|after all|now (?:wants?|thinks?|likes?|ok|okay|fine)|"
        r"(?:fine|ok|okay|happy) with (?:either|both|the)|wants? to try|is better|are better|either\b|"
        r"(?:no longer|not) (?:against|opposed))"
    )

    def _taken_back(self, item: str, declined_in: object) -> bool:
        """Whether a note later than the one declining `item` names it again with a change of mind."""
        at = getattr(declined_in, "occurred_at", None)
        if not isinstance(at, datetime):
            return False
        memo: dict[tuple[str, str], bool] = self.__dict__.setdefault("_taken_back_memo", {})
        key = (item, getattr(declined_in, "id", ""))
        if key not in memo:
            memo[key] = self._taken_back_uncached(item, at)
        return memo[key]

    def _taken_back_uncached(self, item: str, at: datetime) -> bool:
        """`_taken_back` for one item and the time of the note that declined it."""
        stem = item.rstrip("s")
        if not stem:
            return False
        changing: list[tuple[datetime, str]] | None = self.__dict__.get("_changing_notes")
        if changing is None:  # the notes that hold a change of mind at all, read once per check
            changing = [
                (_aware(n.occurred_at, self.ctx.now), _norm(n.text))
                for n in self.ctx.notes
                if self._TAKE_BACK.search(_norm(n.text))
            ]
            self.__dict__["_changing_notes"] = changing
        for when, low in changing:
            if stem not in low or when <= _aware(at, self.ctx.now):
                continue
            for m in re.finditer(rf"\b{re.escape(stem)}", low):
                s, e = _sentence_of(low, m.start())
                sentence = low[s:e]
                before = " ".join(low[max(s, m.start() - 40) : m.start()].split()[-3:])
                if self._TAKE_BACK.search(sentence) and not re.search(r"\b(?:no|not|never|still no)\b", before):
                    return True
        return False

    @staticmethod
    def _own_diet(low: str, word: str) -> bool:
        """Whether a diet word is the client's own ("she's vegan"), not a head count ("6 vegan", "vegan options")."""
        for m in re.finditer(rf"\b{word}\b", low):
            before = low[max(0, m.start() - 12) : m.start()]
            after = low[m.end() : m.end() + 20]
            if re.search(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|some|few|several))\W*$", before):
                continue
            if re.match(
                r"\W*(?:options?|meals?|dish(?:es)?|menus?|guests?|people|versions?|choices?|alternatives?)\b", after
            ):
                continue
            return True
        return False

    _GENERIC_TAIL = frozenset(["add-on", "addon", "upsell", "package", "option", "options", "feature", "plan", "service",
                               "module", "upgrade", "thing", "stuff", "area", "idea"])  # fmt: skip
    # The people an allergy belongs to ("staff allergy", "son's allergy"): never the allergen.
    _WHO_HAS_IT = frozenset(["staff", "team", "patient", "patients", "kids", "kid", "child", "children", "son", "sons",
                             "daughter", "daughters", "wife", "husband", "partner", "partners", "family", "guest",
                             "guests", "customer", "customers", "client", "clients", "owner", "mum", "mom", "dad",
                             "mother", "father", "baby", "employee", "employees", "severe", "bad", "serious", "known",
                             "food", "his", "her", "their", "an", "the"])  # fmt: skip
    # What is sent about a thing, not a thing of its own: "no more latex samples" declines latex.
    _SENT_FORMS = frozenset(["sample", "samples", "swatch", "swatches", "brochure", "brochures", "catalogue",
                             "catalog", "demo", "demos", "trial", "trials", "offers", "quotes"])  # fmt: skip
    _FILLER = frozenset(["pls", "please", "thanks", "anything", "everything", "stuff", "whatsoever", "either", "again",
                         "ever", "yet", "now", "today", "anymore", "though", "too", "also", "either", "thx"])  # fmt: skip

    def _item_phrase(self, low: str, end: int) -> list[str]:
        """Words that continue a declined item into a compound ("console screen", "AI assistant add-on")."""
        words: list[str] = []
        while len(words) < 2:
            m = re.compile(r"[ \t]+([a-z][a-z-]*)(?=[\s,.;:!?)/']|$)").match(low, end)
            if m is None or m.group(1) in _STOP or m.group(1) in self._FILLER or m.group(1) in self._DECLINE_SKIP:
                break
            if m.group(1).endswith("ly") and len(m.group(1)) > 4:
                break  # "switched off latex completely": an adverb ends the item
            words.append(m.group(1))
            end = m.end()
        return words

    def preferences(self) -> list[Finding]:
        """Offering or recommending something the client declined; mentioning it as excluded is fine."""
        out = []
        concepts = {name for name, _t, _offer in _CONCEPTS}
        for item, pattern, ids in self._declined_patterns():
            for m in pattern.finditer(self.low):
                if self._excluded(m.start(), m.end()):
                    continue
                if (
                    item not in concepts
                    and item != _PHONE_CALLS
                    and _AS_VERB.search(self.low[max(0, m.start() - 12) : m.start()])
                ):
                    continue  # "I checked with the workshop": the word as a verb, not the declined thing
                out.append(
                    self._finding("contradicts_preference", m.start(), m.end(), f"the client declined {item}", ids)
                )
                if item not in concepts and stated_as_current(self.low, m.start(), m.end()):
                    msg = f"the client declined {item}: it is not theirs"
                    out.append(self._finding("wrong_fact", m.start(), m.end(), msg, ids))
        return out

    @per_context
    def _declined_patterns(self) -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
        """(item as named, the pattern that finds it in a message, note ids) for each declined item."""
        out = []
        concepts = {name: offer for name, _t, offer in _CONCEPTS}
        for item, ids in self._declined().items():
            forms = self._SYNONYMS.get(item, (item,))
            if item.startswith("concept:"):
                pattern = concepts[item.removeprefix("concept:")].pattern
                item = item.removeprefix("concept:")
            elif item == _PHONE_CALLS:
                pattern = _PHONE_CALL_RE
            elif re.fullmatch(r"[a-z]{4,}ed", item):
                # "curved" also rules out "Curve" treadmills; "galvanized" is "galvanised"
                stem = re.escape(_stem(item))
                stem = re.sub(r"i[sz]$", "i[sz]", stem)  # "galvanized" is "galvanised"
                pattern = rf"\b{stem}\w*\b"
            elif item.startswith("head:"):
                item = item.removeprefix("head:")
                pattern = rf"\b\w*{re.escape(item)}(?:s|es)?\b"  # "screen" also in "touchscreen"
            else:
                forms = tuple(f[:-1] if re.search(r"[^s]s$", f) else f for f in forms)  # "pontoons": a pontoon
                # "button down" is "button-down" too
                pattern = "|".join(rf"\b{_spaced(f)}(?:s|es)?\b" for f in forms)
            out.append((item, re.compile(pattern), ids))
        return out

    def _excluded(self, start: int, end: int) -> bool:
        """Whether the mention at start..end says the item is excluded ("not grey", "rather than grey")."""
        # Read near the mention (the clause's last 200 characters, the sentence within 300 of it), not the
        # whole clause and sentence again for each mention: a long draft would cost quadratic time.
        if re.search(r"\b(?:non|no|zero|low)[\s-]$", self.low[max(0, start - 5) : start]):
            return True  # "non-alcoholic fizz", "no-wine option": the item's absence
        clause = self.low[max(_clause_before(self.low, start), start - 200) : start]
        before = " ".join(clause.split()[-5:])
        if self._NEG_BEFORE.search(before):
            return True
        if self._NEG_AFTER.match(self.low[end : end + 30]):
            return True
        if re.search(r"\b(?:keep|keeping|kept|leave|leaving|left|hold|holding)\b", clause) and re.match(
            r"(?:\s+[\w-]+){0,3}?\s+(?:well |far |right |completely )?(?:away|out|off)\b", self.low[end : end + 40]
        ):
            return True  # "keep the oaky ones well away", "leaving the battery out"
        sent_s, sent_e = _sentence_of(self.low, start)
        sent = self.low[max(sent_s, start - 300) : min(sent_e, end + 300)]
        return bool(
            re.search(
                r"\b(?:you|you've|you'd) (?:said|mentioned|told me|don't|didn't|aren't|weren't|"
                r"dislike|hate|prefer(?:red)? to avoid|are not|were not)\b.{0,40}\bnot\b",
                sent,
            )
        )

    _NO_WEEKENDS = re.compile(
        r"\b(?:no|not|never|don't|do not|avoid|hates?)\b[^.;]{0,30}\bweekends?\b|\bweekdays? only\b|"
        r"\bweekday (?:evenings?|mornings?|afternoons?)\b|\bweekends? (?:are|is) (?:family|off|out)"
    )
    _PREFERRED_DAYS = re.compile(
        r"\b(?:prefers?|only|best|likes?)\b[^.;]{0,30}?\b(?:on )?(?P<days>(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
        r"s?(?:,\s*|\s+or\s+|\s+and\s+)?){1,4})"
    )
    _NOT_BEFORE = re.compile(
        r"\b(?:can't|cannot|can not|not|no|nothing|never|don't|hates?|dislikes?|doesn't like|does not like)\b"
        r"[^.;]{0,30}\bbefore (?P<h>\d{1,2})(?::\d\d)?\s?(?P<ap>am|pm)"
    )
    _PROPOSE = re.compile(
        r"\b(?:i'll|i will|we'll|we will|could we|can we|shall we|how about|would|let's|swing by|"
        r"drop by|come by|stop by|call you|meet|sessions?|slots?|book|schedule|see you)\b"
    )

    @per_context
    def _timing_notes(self) -> list[tuple[Note, str, bool, re.Match[str] | None, re.Match[str] | None]]:
        """(note, its text lower-cased, no weekends, preferred days, nothing before) for each note saying one."""
        out = []
        for n in self.ctx.notes:
            low = _norm(n.text)
            said = (bool(self._NO_WEEKENDS.search(low)), self._PREFERRED_DAYS.search(low), self._NOT_BEFORE.search(low))
            if any(said):
                out.append((n, low, *said))
        return out

    def timing(self) -> list[Finding]:
        """A day or hour the notes say does not suit the client (weekends, "nothing before 2pm")."""
        out: list[Finding] = []
        for n, low, no_weekends, pd, nb in self._timing_notes():
            ids = (n.id,)
            if no_weekends:
                on_weekend = self.ctx.now.astimezone(self.tz).weekday() >= 5 if self.tz else self.ctx.now.weekday() >= 5
                if on_weekend and re.search(r"\b(?:texts?|messages?|emails?|contact\w*|calls?|reach)\b", low):
                    s, e = self._first_line()
                    out.append(
                        self._finding("contradicts_preference", s, e, "the client asked for no weekend contact", ids)
                    )
                for m in re.finditer(r"\b(?:saturday|sunday|weekend)s?\b", self.low):
                    if self._proposed(m.start()):
                        out.append(
                            self._finding(
                                "contradicts_preference", m.start(), m.end(), "the client keeps weekends free", ids
                            )
                        )
            if pd:
                ok = {w for w in _WEEKDAYS if w[:3] in pd.group("days")}
                for m in re.finditer(rf"\b({'|'.join(_WEEKDAYS)})\b", self.low):
                    if (
                        m.group(1) not in ok
                        and self._proposed(m.start())
                        and not re.search(r"\b(?:saturday|sunday)", pd.group(0))
                    ):
                        msg = f"the client prefers {' or '.join(sorted(ok, key=_WEEKDAYS.index)).title()}"
                        out.append(self._finding("contradicts_preference", m.start(), m.end(), msg, ids))
            if nb:
                limit = int(nb.group("h")) % 12 + (12 if nb.group("ap") == "pm" else 0)
                for m in re.finditer(r"\b(?P<h>\d{1,2})(?::\d\d)?\s?(?P<ap>am|pm)\b", self.low):
                    hour = int(m.group("h")) % 12 + (12 if m.group("ap") == "pm" else 0)
                    if hour < limit and self._proposed(m.start()):
                        msg = f"the client can't do anything before {nb.group('h')}{nb.group('ap')}"
                        out.append(self._finding("contradicts_preference", m.start(), m.end(), msg, ids))
        return out

    def _proposed(self, pos: int) -> bool:
        """Whether the day or time at `pos` is put forward for contact (not past, not negated)."""
        s, e = _sentence_of(self.low, pos)
        sent = self.low[s:e]
        before = self.low[max(s, pos - 25) : pos]
        if re.search(r"\b(?:no|not|never|except|other than|avoid|without)\b", before):
            return False
        if re.search(r"\b(?:last|was|were|had|did|thanks|thank you)\b", sent) and not re.search(
            r"\b(?:will|'ll|next|this)\b", sent
        ):
            return False
        return bool(self._PROPOSE.search(sent) or "?" in sent)
