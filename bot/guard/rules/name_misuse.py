"""name_misuse: placeholders, a wrong or field-merged name, a family name used as a first name, another client.

Judged against the address model learnt from the notes (`bot.guard.names.address_model`): the given
names and nicknames the notes give, the honorifics they write before the client's name (a small
multilingual table plus whatever token the notes themselves put there), the name order, and the
relatives the notes know. Every person-name-like run of the draft is read, not only the greeting:
a title with a given name and the client's family name ("Mrs Dorothy Feldman" for Doris) and a name
in Japanese or Korean script before an honorific (鈴木様) when the notes write that script.
"""

from __future__ import annotations

import re

from bot.guard.lexicon import _GENERIC_GREETEES, _TITLES
from bot.guard.model import Finding
from bot.guard.names import FORMS, AddressModel, address_model, similar, tables
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import _STOP, _fold, _norm, _stem
from bot.usecases.draft_context import DraftContext
from memory.lexicon import not_names

_TITLE_RX = "|".join(
    sorted(
        {
            *not_names("courtesy_titles"),
            *map(re.escape, FORMS["titles"]["words"] + FORMS["clergy_titles"]["words"]),
        },
        key=len,
        reverse=True,
    )
)
_GREET_RX = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(FORMS["greetings"]["words"], key=len, reverse=True)
)
_ROLE_WORDS = frozenset(FORMS["role_words"]["words"])
_ROLES = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FORMS["contact_roles"]["words"])
_CUES = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FORMS["contact_cues"]["words"])
_NAME = r"([A-Z][\w'’-]+)"
_AFTER = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(FORMS["contact_after"]["words"], key=len, reverse=True)
)
_HANDLES = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(FORMS["handler_after"]["words"], key=len, reverse=True)
)
# "keith obi handles POs", "Anna kümmert sich um die Termine": the person and what they handle (up to the clause end)
_HANDLER = re.compile(
    rf"\b([A-Za-z][\w'’-]+)(?:\s+([A-Za-z][\w'’-]+))?\s+(?i:{_HANDLES})(?![\w'])(?P<what>[^,.;:!?\n]{{0,40}})"
)
_NEGATION = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FORMS["contact_negations"]["words"]) + r")\b",
    re.I,
)
_RIVAL = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in FORMS["rival_business"]["words"]) + r")\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.;!?\n]")
_STAND_IN = re.compile(
    r"(?i)(?<![\w'])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(FORMS["stand_in"]["words"], key=len, reverse=True))
    + r")(?![\w'])"
)
# "his assistant Marta", "PA: Jenny", "Marta (his assistant)", "Leo, her business partner", "cc Leo", "book through Marta"
_CONTACT = re.compile(
    rf"\b(?i:(?:(?:his|her|their|the|our)\s+)?(?:{_ROLES}))\b\s*[:,-]?\s*(?:is\s+)?{_NAME}"
    rf"|{_NAME}\s*[,(-]\s*(?i:(?:his|her|their|the)\s+)?(?i:{_ROLES})\b"
    rf"|\b(?i:{_CUES})\s+{_NAME}"
    # "Jordi is the contact", "jordi is the contact meanwhile": notes are typed in lower case too
    rf"|\b([A-Za-z][\w'’-]+)(?:\s+([A-Za-z][\w'’-]+))?\s+(?i:{_AFTER})(?![\w'])"
)
_HONORIFIC = re.compile(rf"[-‐](?:{'|'.join(map(re.escape, FORMS['suffixes']['words']))})$")
_PLACEHOLDER = re.compile(
    r"\{\{[^{}\n]{1,40}\}\}|\{\s?[A-Za-z_][\w .-]{0,30}\}|\$\{[A-Za-z_]\w*\}"
    r"|\[(?:[A-Z][A-Za-z]*(?:[ _][A-Za-z]+){0,3}|(?i:first[ _]?name|last[ _]?name|name|company|client|"
    r"customer|your name|date|product|city))\]"
    r"|<(?:[A-Z][A-Z_ ]{1,30}|[A-Z][a-z]+(?:[ _][A-Z][a-z]+){0,3}|(?i:first_?name|last_?name|name|company|client))>"
    r"|%[A-Za-z_]{2,30}%|\b[A-Z]{2,}_[A-Z_]{2,}\b|\bXX+\b"
)
_GREETING = re.compile(
    rf"^[ \t>*-]*(?P<greet>(?i:{_GREET_RX}))(?![\w'])(?:[ \t]+(?P<title>(?i:{_TITLE_RX}))\.?)?[ \t,]+"
    r"(?P<name>[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*){0,3})",
    re.M,
)
_SURNAME_TITLE = re.compile(
    r"(?<![\w'])(?P<title>(?i:"
    + "|".join(re.escape(w) for w in sorted(FORMS["surname_titles"]["words"], key=len, reverse=True))
    + r"))\.?[ \t]+(?P<a>[A-Z][\w'’-]+)(?:[ \t]+(?P<b>[A-Z][\w'’-]+))?"
)
_CJK = r"\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
_SCRIPT_NAME = re.compile(
    rf"(?P<name>[{_CJK}]{{1,6}}?)(?:{'|'.join(map(re.escape, FORMS['name_suffixes_script']['words']))})"
)
_NICK_NOTE = re.compile(
    r"\b(?i:goes by|go by|going by|call (?:her|him|them|me)|calls? (?:herself|himself|themselves)|"
    r"prefers? to be called|likes to be called|wants to be called|known as|nickname(?: is)?|a\.?k\.?a\.?)"
    r"\s+[\"'“‘]?(?P<nick>[A-Za-z][\w'’-]+)"
)
# "prefers Sam", "he prefers 'Hiro'": a capitalised name sharing the first name's initial.
_PREFERS_NAME = re.compile(r"\b(?i:prefers?|likes|wants)\s+[\"'“‘]?(?P<nick>[A-Z][a-z]{1,11})\b(?![\w'’-])")
# "wants to be addressed as Dr. Nguyen": a title and surname, not the first name.
_FORMAL_NOTE = re.compile(
    r"\b(?:addressed as|call (?:her|him|them)|called|goes by|prefers?(?: to be called)?)\s+[\"'“‘]?"
    r"(?:dr|mr|mrs|ms|mx|prof|professor|doctor)\.?\s+(?P<last>[a-z][\w'’-]+)"
)


# Greetings that go with a first name: a family name alone after one is a field, not a form of address.
_INFORMAL = frozenset(
    {"hi", "hey", "hello", "hiya", "hola", "oi", "olá", "ola", "hallo", "salut", "ciao", "hoi", "coucou"}
)


def _bare(token: str) -> str:
    """A greeting word folded, with an honorific joined after it dropped ("Tanaka-san" -> tanaka)."""
    return _HONORIFIC.sub("", _fold(token).strip("'’."))


def _words(name: str) -> list[str]:
    """A display name's words without titles."""
    return [w for w in name.replace(",", " ").split() if w.lower() not in _TITLES]


_COPY_BACK = re.compile(r"\s*[,;-]?\s*(?i:cc|copy|bcc)(?:\s+in)?\s+(?i:him|her|them)\b")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of `text` around the span `start:end` (the designation and what the note says after it)."""
    ends = [b.end() for b in _SENTENCE_END.finditer(text[:start])]
    after = _SENTENCE_END.search(text, end)
    return text[ends[-1] if ends else 0 : after.start() if after else len(text)]


class _Names:
    """What the notes say about the client's names, derived once per evidence."""

    def __init__(self, ctx: DraftContext, model: AddressModel) -> None:
        self.ctx = ctx
        self.model = model
        self.nicknames = self._nicknames()
        self.handlers = self._handlers()
        self.contacts = self._contacts() | {n for n, what in self.handlers.items() if not what}
        self.formal_address = self._formal_address()
        self.first, self.last, self.formal_first = self._client_names()
        self.note_words = frozenset(w for n in ctx.notes for w in re.findall(r"\w+", _fold(n.text)))

    def _nicknames(self) -> set[str]:
        """Names the notes say the client goes by ("goes by Mia", "call her Kate", "Samantha Ortiz (Sam)")."""
        words = _words(self.ctx.client.name)
        out: set[str] = set()
        paren = None
        if words:
            paren = re.compile(
                rf"\b{re.escape(words[0])}(?:\s+[A-Z][\w'’-]+){{0,2}}\s*\((?P<nick>[A-Z][a-z]{{1,12}})\)"
            )
        before_full = (
            re.compile(rf"\b(?P<nick>[a-z][\w'’-]{{1,14}})\s*\(\s*{re.escape(_fold(' '.join(words)))}\s*\)")
            if len(words) > 1
            else None
        )
        first = _fold(words[0]) if words else ""
        for n in self.ctx.notes:
            for m in _NICK_NOTE.finditer(n.text):
                nick = _fold(m.group("nick"))
                if nick not in _STOP and nick not in _GENERIC_GREETEES and nick not in _TITLES:
                    out.add(nick)
            for m in _PREFERS_NAME.finditer(n.text):
                nick = _fold(m.group("nick"))
                if first and nick[:1] == first[:1] and nick != first and nick not in _STOP:
                    out.add(nick)
            if paren is not None:
                for m in paren.finditer(n.text):
                    out.add(_fold(m.group("nick")))
            if before_full is not None:  # "lan (Tran Thi Lan), buyer at ...": the short name they go by
                for m in before_full.finditer(_fold(n.text)):
                    if m.group("nick") not in _STOP and m.group("nick") not in _TITLES:
                        out.add(m.group("nick"))
        return out

    def _contacts(self) -> set[str]:
        """People the notes name as the client's point of contact or as someone to copy ("his assistant Marta")."""
        out: set[str] = set()
        for n in self.ctx.notes:
            for m in _CONTACT.finditer(n.text):
                if _NEGATION.search(_sentence(n.text, m.start(), m.end())):
                    continue  # "do not cc Fintan", "Leo is the contact, never call him": the sentence turns it round
                for word in (_fold(g) for g in m.groups() if g):  # "son jordi is the contact": each word of it
                    if word not in _STOP and word not in _TITLES and word not in _GENERIC_GREETEES:
                        out.add(word)
        return out

    def _handlers(self) -> dict[str, frozenset[str]]:
        """People the notes name as handling one thing -> the stems of that thing ("keith handles POs" -> {po})."""
        out: dict[str, frozenset[str]] = {}
        for n in self.ctx.notes:
            for m in _HANDLER.finditer(n.text):
                sentence = _sentence(n.text, m.start(), m.end())
                if _NEGATION.search(sentence) or _RIVAL.search(m["what"]):
                    continue  # "handles nothing business related", "manages the rival shop": no designation
                if re.match(r"\s*\d", m["what"]):
                    continue  # "Marta lleva 3 años", "Tim handles 200 orders a day": a duration or a volume
                what = frozenset(_stem(w) for w in re.findall(r"[^\W\d_][\w'-]+", _fold(m["what"])) if w not in _STOP)
                if _COPY_BACK.match(n.text, m.end()) or _STAND_IN.search(sentence):
                    # "keith handles POs, cc him", "bethan is handling the party meanwhile": copied on everything, or
                    # standing in while the client is away: a contact of the client (NOTES-guard10 N1)
                    what = frozenset()
                elif not what:
                    continue  # "gary signs off": a role in the deal with nothing named, no one to write to
                for word in (_fold(g) for g in m.groups()[:2] if g):
                    if word not in _STOP and word not in _TITLES and word not in _GENERIC_GREETEES:
                        out[word] = (
                            frozenset() if not what or out.get(word) == frozenset() else out.get(word, what) | what
                        )
        return out

    def handles(self, name: str, low: str) -> bool:
        """Whether the notes make `name` the handler of something the draft (lower-cased) is about."""
        # a handler with nothing named ("cc him") is a contact already (`contacts`)
        what = self.handlers.get(name) or frozenset()
        return bool(what & {_stem(w) for w in re.findall(r"[^\W\d_][\w'-]+", _fold(low))})

    def _formal_address(self) -> bool:
        """Whether the notes ask for a title and surname ("wants to be addressed as Dr. Nguyen")."""
        words = _words(self.ctx.client.name)
        last = _fold(words[-1]) if len(words) > 1 else ""
        return bool(last) and any(
            m.group("last") == last for n in self.ctx.notes for m in _FORMAL_NOTE.finditer(_fold(n.text))
        )

    def _client_names(self) -> tuple[set[str], set[str], str | None]:
        """(first names they may be greeted by, family names, a formal first name they do not use)."""
        c, model = self.ctx.client, self.model
        first: set[str] = set(model.given) | self.nicknames
        last: set[str] = set(model.family)
        name_words = _words(c.name)
        folded = [_fold(w) for w in name_words]
        if len(folded) == 2 and folded[0] in tables()["family_first"] and not model.family_first:
            first |= set(folded)  # "Kim Minji": the order is not certain, either word may be the given name
        formal_first = None
        if c.formal_name:
            fw = _words(c.formal_name)
            if fw and _fold(fw[0]) not in first:
                formal_first = fw[0]
        if c.goes_by and name_words and _fold(name_words[0]) not in {_fold(w) for w in c.goes_by.split()}:
            first.discard(_fold(name_words[0]))
            formal_first = formal_first or name_words[0]
        elif name_words and not model.family_first:
            first.add(folded[0])
        return first, last, formal_first


class NameMisuse:
    """Placeholders, greetings with a wrong or merged name, wrong names outside greetings, another client's name."""

    kind = "name_misuse"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """Findings for every name the draft gets wrong."""
        ctx = evidence.context
        if ctx is None:
            return []
        model = evidence.derived("names.model", lambda: address_model(ctx))
        names: _Names = evidence.derived("names.address", lambda: _Names(ctx, model))
        text = draft.text
        out = [
            draft.finding(self.kind, m.start(), m.end(), f"placeholder {m.group(0)!r} left in the text")
            for m in _PLACEHOLDER.finditer(text)
        ]
        for m in _GREETING.finditer(text):
            finding = self._greeting(draft, names, m)
            if finding:
                out.append(finding)
        out += self._titled(draft, names)
        out += self._script(draft, names)
        out += self._other_clients(draft, ctx)
        return out

    def _greeting(self, draft: Draft, names: _Names, m: re.Match[str]) -> Finding | None:
        """Judge the name in one greeting line."""
        first, last, model = names.first, names.last, names.model
        tokens = m.group("name").split()
        titled = bool(m.group("title"))
        s, e = m.start("name"), m.end("name")
        while len(tokens) > 1 and model.valid_honorific(_fold(tokens[0]).strip("'’")):
            if (_fold(tokens[0]).rstrip("."), _bare(tokens[1])) in model.noted_pairs and _bare(
                tokens[1]
            ) not in model.relatives:
                return None  # "Ma'am Malou", "Khun Somchai": the greeting the notes themselves write
            s += len(tokens[0]) + (len(draft.text[s:]) - len(draft.text[s:].lstrip()))
            s = draft.text.index(tokens[1], s)
            tokens, titled = tokens[1:], True
        head = _bare(tokens[0])
        ctx = names.ctx
        company = _norm(ctx.client.company or "").split()
        greet = model.greet
        if head in _GENERIC_GREETEES or head in company or (len(tokens) == 1 and head in _ROLE_WORDS):
            return None  # "Hi there", "Hi Doc", "Morning Chef": no name to get wrong
        merged = [t for t in tokens[1:] if _fold(t) in {_fold(w) for w in company} and _fold(t) not in last]
        if merged and head in first | last:
            msg = f"the company ({merged[0]}) merged into the name (a data field); write {greet}"
            return draft.finding(self.kind, m.start(), e, msg)
        if self._part_of_name(names, tokens):
            return None  # "Hi Wei Ming", "Dear Mr Al Mansouri": a given name or surname of more than one word
        if titled:
            if head in first and len(tokens) > 1 and _fold(tokens[1]) in last:
                return draft.finding(self.kind, m.start(), e, f"title plus full name (a data field); write {greet}")
            if head in last or head in first:
                return None
            return draft.finding(self.kind, m.start(), s + len(tokens[0]), f"{tokens[0]} is not this client's name")
        informal = m.group("greet").lower() in _INFORMAL
        bare_token = _fold(tokens[0]).strip("'’.") == head  # no honorific joined to it ("Tanaka-san" has one)
        if model.family_first and head in last and head not in first and len(tokens) == 1 and informal and bare_token:
            msg = f"{tokens[0]} is the family name (it comes first in this name); write {greet}"
            return draft.finding(self.kind, m.start(), s + len(tokens[0]), msg)
        if names.formal_address and head not in last:
            return draft.finding(self.kind, m.start(), e, "the notes ask for a title and surname, not a first name")
        if names.formal_first and head == _fold(names.formal_first):
            return draft.finding(self.kind, m.start(), e, f"they go by {greet}, not {names.formal_first}")
        if self._full_name_greeting(ctx, tokens):
            return draft.finding(self.kind, m.start(), e, f"full name used as a greeting (a data field); write {greet}")
        if head in first or any(len(head) >= 3 and len(f) - len(head) >= 2 and f.startswith(head) for f in first):
            if len(tokens) > 1 and _fold(tokens[1]) in last:
                full = draft.text[s : s + len(" ".join(tokens[:2]))]
                msg = f"full name used as a greeting (a data field); write {greet}"
                return draft.finding(self.kind, m.start(), s + len(full), msg)
            return None
        if head in last and not (len(tokens) == 1 and informal and bare_token):
            return None  # "Dear Tanaka-san" may be fine; "Hi Eriksen" is a surname where a first name goes
        other = self._other_client_named(ctx, head)
        if not other and (head in names.contacts or names.handles(head, draft.low)):
            return None  # "Hi Marta" when the notes make Marta his assistant: written to the contact the notes name
        line_end = draft.text.find("\n", e)
        rest = _fold(draft.text[e : line_end if line_end >= 0 else len(draft.text)])
        joint = re.match(r"[ \t]*(?:and|&|y|e|et|und)[ \t]+([a-z][\w'’-]*)", rest)
        if not other and joint and joint.group(1) in first and head in names.note_words:
            return None  # "Hi Anita and Raj": the client and someone the notes name with them
        why = f"{tokens[0]} is another client's name" if other else f"{tokens[0]} is not this client's name"
        return draft.finding(self.kind, m.start(), s + len(tokens[0]), why)

    def _titled(self, draft: Draft, names: _Names) -> list[Finding]:
        """A title with a given name and the client's family name anywhere ("Mrs Dorothy Feldman" for Doris)."""
        out = []
        model = names.model
        for m in _SURNAME_TITLE.finditer(draft.text):
            a, b = _bare(m.group("a")), _bare(m.group("b") or "")
            if not b or b not in names.last or model.family_first:
                continue
            own = {_fold(w) for w in _words(names.ctx.client.name)}
            if a in names.first or a in names.last or a in own or a in model.relatives or a in names.contacts:
                continue
            if any(similar(a, f) >= 0.5 for f in names.first):
                msg = f"{m.group('a')} is not this client's given name; they are {model.greet}"
                out.append(draft.finding(self.kind, m.start(), m.end(), msg))
        return out

    def _script(self, draft: Draft, names: _Names) -> list[Finding]:
        """A name in Japanese or Korean script before an honorific that the notes, which use that script, never give."""
        notes = [n.text for n in names.ctx.notes]
        if not any(re.search(f"[{_CJK}]", t) for t in notes):
            return []
        own = " ".join(
            filter(None, (names.ctx.client.name, names.ctx.client.formal_name or "", *names.ctx.client.aliases))
        )
        out = []
        for m in _SCRIPT_NAME.finditer(draft.text):
            name = m.group("name")
            if not any(name in t for t in (*notes, own)):
                msg = f"{name} is not this client's name in the notes"
                out.append(draft.finding(self.kind, m.start(), m.end(), msg))
        return out

    def _part_of_name(self, names: _Names, tokens: list[str]) -> bool:
        """Whether the greeting's words (two or more) are a run of the client's name short of the whole name."""
        said = [_bare(t) for t in tokens]
        c = names.ctx.client
        for full in (c.name, c.formal_name or ""):
            words = [_fold(w) for w in _words(full)]
            n = len(said)
            if 2 <= n < len(words) and any(said == words[i : i + n] for i in range(len(words) - n + 1)):
                return True
        return False

    def _full_name_greeting(self, ctx: DraftContext, tokens: list[str]) -> bool:
        """Whether the greeting's words are the client's full display or formal name."""
        said = " ".join(t.lower() for t in tokens)
        for full in (ctx.client.name, ctx.client.formal_name or ""):
            words = [w.lower() for w in _words(full)]
            if len(words) >= 2 and said.startswith(" ".join(words)):
                return True
        return False

    def _other_client_named(self, ctx: DraftContext, first: str) -> str | None:
        """Another client whose first name is `first`, if any."""
        mine = _norm(ctx.client.name).split()
        for other in ctx.other_clients:
            words = _norm(other).split()
            if words and words[0] == first and (not mine or mine[0] != first):
                return other
        return None

    def _other_clients(self, draft: Draft, ctx: DraftContext) -> list[Finding]:
        """Another client's full display name anywhere in the text."""
        c = ctx.client
        mine = {_norm(x) for x in (c.name, c.formal_name or "", *c.aliases) if x}
        out = []
        for other in ctx.other_clients:
            if len(other.split()) < 2 or _norm(other) in mine:
                continue
            for m in re.finditer(rf"\b{re.escape(_norm(other))}\b", draft.low):
                out.append(draft.finding(self.kind, m.start(), m.end(), f"{other} is another client"))
        return out
