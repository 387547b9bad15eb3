"""Rule name_misuse: placeholders, wrong or field-smashed names in greetings, other clients' names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.guard.evidence import per_context
from bot.guard.lexicon import _GENERIC_GREETEES, _TITLES
from bot.guard.model import Finding
from bot.guard.text import _STOP, _fold, _norm
from bot.guard.truth import GuardBase

_FORMS = json.loads((Path(__file__).parent / "data" / "address_forms.json").read_text(encoding="utf-8"))
_TITLE_RX = "|".join(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        *map(re.escape, _FORMS["titles"]["words"] + _FORMS["clergy_titles"]["words"]),
    ]
)
_ROLE_WORDS = frozenset(_FORMS["role_words"]["words"])
_FAMILY_FIRST = frozenset(_FORMS["family_name_first"]["words"])
_ROLES = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _FORMS["contact_roles"]["words"])
_CUES = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _FORMS["contact_cues"]["words"])
_NAME = r"([A-Z][\w'’-]+)"
_NEGATION = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _FORMS["contact_negations"]["words"]) + r")\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[.;:!?\n,(]|\b(?:but|and|though|although)\b", re.I)
# "his assistant Marta", "PA: Jenny", "Marta (his assistant)", "Leo, her business partner", "cc Leo", "book through Marta"
_CONTACT = re.compile(
    rf"\b(?i:(?:(?:his|her|their|the|our)\s+)?(?:{_ROLES}))\b\s*[:,-]?\s*(?:is\s+)?{_NAME}"
    rf"|{_NAME}\s*[,(-]\s*(?i:(?:his|her|their|the)\s+)?(?i:{_ROLES})\b"
    rf"|\b(?i:{_CUES})\s+{_NAME}"
)
_HONORIFIC = re.compile(rf"[-‐](?:{'|'.join(map(re.escape, _FORMS['suffixes']['words']))})$")


def _bare(token: str) -> str:
    """A greeting word folded, with an honorific joined after it dropped ("Tanaka-san" -> tanaka)."""
    return _HONORIFIC.sub("", _fold(token).strip("'’"))


class NameRules(GuardBase):
    """The names rules; mixed into the guard with the other rule families."""

    _PLACEHOLDER = re.compile(
        r"\{\{[^{}\n]{1,40}\}\}|\{\s?[A-Za-z_][\w .-]{0,30}\}|\$\{[A-Za-z_]\w*\}"
        r"|\[(?:[A-Z][A-Za-z]*(?:[ _][A-Za-z]+){0,3}|(?i:first[ _]?name|last[ _]?name|name|company|client|"
        r"customer|your name|date|product|city))\]"
        r"|<(?:[A-Z][A-Z_ ]{1,30}|[A-Z][a-z]+(?:[ _][A-Z][a-z]+){0,3}|(?i:first_?name|last_?name|name|company|client))>"
        r"|%[A-Za-z_]{2,30}%|\b[A-Z]{2,}_[A-Z_]{2,}\b|\bXX+\b"
    )
    _GREETING = re.compile(
        r"^[ \t>*-]*(?P<greet>(?i:hi|hello|hey|dear|good morning|good afternoon|good evening|greetings|"
        r"morning|hiya|howdy|happy birthday|happy belated birthday|congratulations|congrats|welcome back|"
        rf"hi again|hello again))\b(?:[ \t]+(?P<title>(?i:{_TITLE_RX}))\.?)?[ \t,]+"
        r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})",
        re.M,
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

    @per_context
    def _nicknames(self) -> set[str]:
        """Names the notes say the client goes by ("goes by Mia", "call her Kate", "Samantha Ortiz (Sam)")."""
        c = self.ctx.client
        words = [w for w in c.name.split() if w.lower() not in _TITLES]
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
        last = _fold(words[-1]) if len(words) > 1 else ""
        pair = (
            re.compile(rf"\b(?P<a>[a-z][a-z'’-]{{1,14}})\s+{re.escape(last)}\s*\((?P<b>[a-z][a-z'’-]{{1,14}})\)")
            if last
            else None
        )
        for n in self.ctx.notes:
            for m in self._NICK_NOTE.finditer(n.text):
                nick = _fold(m.group("nick"))
                if nick not in _STOP and nick not in _GENERIC_GREETEES and nick not in _TITLES:
                    out.add(nick)
            for m in self._PREFERS_NAME.finditer(n.text):
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
            if pair is not None:
                for m in pair.finditer(_fold(n.text)):
                    a, b = m.group("a"), m.group("b")
                    if first in (a, b) and a != b and a not in _TITLES:
                        out.add(b if a == first else a)
        return out

    @per_context
    def _contacts(self) -> set[str]:
        """People the notes name as the client's point of contact or as someone to copy ("his assistant Marta",
        "cc Leo on quotes"): a greeting to them is addressed as the notes say."""
        out: set[str] = set()
        for n in self.ctx.notes:
            for m in _CONTACT.finditer(n.text):
                before = n.text[: m.start()]
                ends = [b.end() for b in _CLAUSE_END.finditer(before)]
                if _NEGATION.search(before[ends[-1] if ends else 0 :]):
                    continue  # "do not cc Fintan", "no longer uses his assistant Dermot": the clause turns it round
                name = next(g for g in m.groups() if g)
                word = _fold(name)
                if word not in _STOP and word not in _TITLES and word not in _GENERIC_GREETEES:
                    out.add(word)
        return out

    @per_context
    def _formal_address(self) -> bool:
        """Whether the notes ask for a title and surname ("wants to be addressed as Dr. Nguyen")."""
        words = [w for w in self.ctx.client.name.split() if w.lower() not in _TITLES]
        last = _fold(words[-1]) if len(words) > 1 else ""
        return bool(last) and any(
            m.group("last") == last for n in self.ctx.notes for m in self._FORMAL_NOTE.finditer(_fold(n.text))
        )

    @per_context
    def _client_names(self) -> tuple[set[str], set[str], str | None]:
        """(first names they may be greeted by, surnames, a formal first name they do not use)."""
        c = self.ctx.client
        first: set[str] = set(self._nicknames())
        last: set[str] = set()

        def words(name: str) -> list[str]:
            return [w for w in name.replace(",", " ").split() if w.lower() not in _TITLES]

        name_words = words(c.name)
        if c.goes_by:
            first.add(c.goes_by.lower())
        elif name_words:
            first.add(name_words[0].lower())
        for alias in c.aliases:
            aw = words(alias)
            if aw:
                first.add(aw[0].lower())
                last.add(aw[-1].lower())
        if len(name_words) > 1:
            last.add(name_words[-1].lower())
        formal_first = None
        if c.formal_name:
            fw = words(c.formal_name)
            if fw:
                last.add(fw[-1].lower())
                if fw[0].lower() not in first:
                    formal_first = fw[0]
        if c.goes_by and name_words and name_words[0].lower() not in first:
            formal_first = formal_first or name_words[0]
        if len(name_words) > 1 and _fold(name_words[0]) in _FAMILY_FIRST:
            first.add(name_words[-1].lower())  # "Tran Thi Lan", "Park Ji-woo": the given name comes last
        if name_words and not c.goes_by and first - {name_words[0].lower()}:
            first.add(name_words[0].lower())  # a nickname from the notes; the first name stays polite
        return {_fold(f) for f in first}, {_fold(x) for x in last}, formal_first

    def name_misuse(self) -> list[Finding]:
        """Placeholders left in, a greeting with the wrong or a field-smashed name, another client's name."""
        out = [
            self._finding("name_misuse", m.start(), m.end(), f"placeholder {m.group(0)!r} left in the text")
            for m in self._PLACEHOLDER.finditer(self.text)
        ]
        for m in self._GREETING.finditer(self.text):
            finding = self._check_greeting(m)
            if finding:
                out.append(finding)
        out += self._other_clients()
        return out

    def _check_greeting(self, m: re.Match[str]) -> Finding | None:
        """Judge the name in one greeting line."""
        first, last, formal_first = self._client_names()
        tokens = m.group("name").split()
        head = _bare(tokens[0])
        s, e = m.start("name"), m.end("name")
        company = _norm(self.ctx.client.company or "").split()
        if head in _GENERIC_GREETEES or head in company or (len(tokens) == 1 and head in _ROLE_WORDS):
            return None  # "Hi there", "Hi Doc", "Morning Chef": no name to get wrong
        if self._part_of_name(tokens):
            return None  # "Hi Wei Ming", "Dear Mr Al Mansouri": a given name or surname of more than one word
        if m.group("title"):
            if head in first and len(tokens) > 1 and _fold(tokens[1]) in last:
                return self._finding(
                    "name_misuse", m.start(), e, f"title plus full name (a data field); write {self._greet_name()}"
                )
            if head in last or head in first:
                return None
            return self._finding("name_misuse", m.start(), e, f"{tokens[0]} is not this client's name")
        if self._formal_address() and head not in last:
            return self._finding("name_misuse", m.start(), e, "the notes ask for a title and surname, not a first name")
        if formal_first and head == formal_first.lower():
            return self._finding("name_misuse", m.start(), e, f"they go by {self._greet_name()}, not {formal_first}")
        if self._full_name_greeting(tokens):
            return self._finding(
                "name_misuse", m.start(), e, f"full name used as a greeting (a data field); write {self._greet_name()}"
            )
        if head in first or any(len(head) >= 3 and len(f) - len(head) >= 2 and f.startswith(head) for f in first):
            if len(tokens) > 1 and _fold(tokens[1]) in last:
                full = self.text[s : m.start("name") + len(" ".join(tokens[:2]))]
                return self._finding(
                    "name_misuse",
                    m.start(),
                    s + len(full),
                    f"full name used as a greeting (a data field); write {self._greet_name()}",
                )
            return None
        if head in last and not (len(tokens) == 1 and m.group("greet").lower() in ("hi", "hey", "hello", "hiya")):
            return None  # "Dear Tanaka-san" may be fine; "Hi Eriksen" is a surname where a first name goes
        other = self._other_client_named(head)
        if not other and head in self._contacts():
            return None  # "Hi Marta" when the notes make Marta his assistant: written to the contact the notes name
        line_end = self.text.find("\n", e)
        rest = _fold(self.text[e : line_end if line_end >= 0 else len(self.text)])
        joint = re.match(r"[ \t]*(?:and|&)[ \t]+([a-z][\w'’-]*)", rest)
        if not other and joint and joint.group(1) in first and self._named_in_notes(head):
            return None  # "Hi Anita and Raj": the client and someone the notes name with them
        why = f"{tokens[0]} is another client's name" if other else f"{tokens[0]} is not this client's name"
        return self._finding("name_misuse", m.start(), s + len(tokens[0]), why)

    def _part_of_name(self, tokens: list[str]) -> bool:
        """Whether the greeting's words (two or more) are a run of the client's name short of the whole name.

        "Wei Ming" of "Lim Wei Ming" is a given name, "Al Mansouri" of "Khalid Al Mansouri" a surname;
        the whole name ("Hi Dana Lee") is a data field and is judged elsewhere.
        """
        said = [_bare(t) for t in tokens]
        c = self.ctx.client
        for full in (c.name, c.formal_name or ""):
            words = [_fold(w) for w in full.replace(",", " ").split() if w.lower() not in _TITLES]
            n = len(said)
            if 2 <= n < len(words) and any(said == words[i : i + n] for i in range(len(words) - n + 1)):
                return True
        return False

    def _named_in_notes(self, word: str) -> bool:
        """Whether a note names this person (a lower-case word of the notes)."""
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        return any(pattern.search(_fold(n.text)) for n in self.ctx.notes)

    def _full_name_greeting(self, tokens: list[str]) -> bool:
        """Whether the greeting's words are the client's full display or formal name."""
        said = " ".join(t.lower() for t in tokens)
        c = self.ctx.client
        for full in (c.name, c.formal_name or ""):
            words = [w.lower() for w in full.split() if w.lower() not in _TITLES]
            if len(words) >= 2 and said.startswith(" ".join(words)):
                return True
        return False

    @per_context
    def _greet_name(self) -> str:
        """The name the client goes by."""
        c = self.ctx.client
        words = [w for w in c.name.split() if w.lower() not in _TITLES]
        return c.goes_by or (words[0] if words else c.name)

    def _other_client_named(self, first: str) -> str | None:
        """Another client whose first name is `first`, if any."""
        mine = _norm(self.ctx.client.name).split()
        for other in self.ctx.other_clients:
            words = _norm(other).split()
            if words and words[0] == first and (not mine or mine[0] != first):
                return other
        return None

    def _other_clients(self) -> list[Finding]:
        """Another client's full display name anywhere in the text."""
        c = self.ctx.client
        mine = {_norm(x) for x in (c.name, c.formal_name or "", *c.aliases) if x}
        out = []
        for other in self.ctx.other_clients:
            if len(other.split()) < 2 or _norm(other) in mine:
                continue
            for m in re.finditer(rf"\b{re.escape(_norm(other))}\b", self.low):
                out.append(self._finding("name_misuse", m.start(), m.end(), f"{other} is another client"))
        return out
