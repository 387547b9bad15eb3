"""wrong_fact about people: relatives' names and relations, people met, birthdays.

`FamilyCheck` holds one check (the rule `bot.guard.rules.family.Family` runs it); it reads the notes
through `GuardBase`'s evidence helpers (the notes as dated documents).
"""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from bot.guard.entities import time_word
from bot.guard.evidence import per_context
from bot.guard.geo import _place
from bot.guard.lexicon import _GENERIC_GREETEES
from bot.guard.model import BIRTHDAY_EARLY, BIRTHDAY_LATE, Finding
from bot.guard.text import _STOP, _content_words, _fold, _norm, _sentence_of, _sentences, _stem
from bot.guard.truth import GuardBase, _Doc
from bot.guard.values import _TIME_WORDS
from bot.guard.when import (
    _DAY_RX,
    _MONTH_RX,
    _NUMDATE_RX,
    _TIME_RE,
    _days_to_anniversary,
    _iso_date,
    _month_day,
    _safe_date,
)
from memory.records import FactKind

# "daughter Elsa turning 18 during the trip", "he turns 40 on the 9th": a birthday, in other words
_TURNING = re.compile(r"\bturn(?:s|ing|ed)?\s+\d{1,3}\b")


class FamilyCheck(GuardBase):
    """One check of a draft's people against the notes: relatives, people named as known, birthdays."""

    _RELATIONS: ClassVar[dict[str, str]] = {
        "daughter": "daughter", "son": "son", "wife": "spouse", "husband": "spouse", "partner": "spouse",
        "spouse": "spouse", "fiancé": "spouse", "fiancée": "spouse", "fiance": "spouse", "fiancee": "spouse",
        "kid": "child", "child": "child", "boy": "son", "girl": "daughter", "baby": "child",
        "brother": "brother", "sister": "sister", "mother": "mother", "mom": "mother", "mum": "mother",
        "father": "father", "dad": "father", "dog": "pet", "cat": "pet", "puppy": "pet",
        "grandson": "grandchild", "granddaughter": "grandchild", "niece": "niece", "nephew": "nephew",
    }  # fmt: skip
    _REL_RX = r"(?:" + "|".join(sorted(_RELATIONS, key=len, reverse=True)) + r")"
    _FAMILY_TEXT = re.compile(
        rf"\b(?i:your) (?:(?:little|eldest|oldest|youngest|new|older|younger|baby) )?(?P<rel>{_REL_RX})s?,?\s+"
        r"(?P<name>[A-Z][a-z]+)\b"
        rf"|\b(?P<name2>[A-Z][a-z]+),? your (?:(?:little|eldest|oldest|youngest|new) )?(?P<rel2>{_REL_RX})\b"
    )
    _FAMILY_NOTE = re.compile(
        rf"\b(?P<rel>{_REL_RX})s?(?:,|\s+named|\s+called|\s+is)?\s+(?P<name>[A-Z][a-z]+)\b"
        rf"|\b(?P<name2>[A-Z][a-z]+),? (?:his|her|their) (?P<rel2>{_REL_RX})\b"
    )

    @per_context
    def _family_map(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """relation group -> {name (lower): source ids}, from FAMILY facts, else from note text."""
        fam: dict[str, dict[str, tuple[str, ...]]] = {}
        for f in self._facts(FactKind.FAMILY):
            rel = (f.detail.get("relation") or f.key.split(":")[-1]).lower()
            group = self._RELATIONS.get(rel, rel)
            names = re.findall(r"[A-Z][a-z]+", f.value) or [f.value]
            fam.setdefault(group, {})[names[0].lower()] = f.source_ids
        if fam:
            return fam
        for n in self.ctx.notes:
            for m in self._FAMILY_NOTE.finditer(n.text.replace("’", "'")):
                rel = (m.group("rel") or m.group("rel2")).lower()
                name = m.group("name") or m.group("name2")
                if name.lower() in _STOP or time_word(name):
                    continue
                fam.setdefault(self._RELATIONS.get(rel, rel), {}).setdefault(name.lower(), (n.id,))
        return fam

    _PERSON = re.compile(
        r"\b(?i:how(?:'s| is| old is| are| was)|say (?:hi|hello) to|(?:hello|my best|my love|best wishes|regards) to|"
        r"give|hope|congrats to|congratulations to|good luck to|best of luck to|well done to|birthday to|"
        r"(?:birthday|congrats|congratulations|luck) to \w+ and) (?P<name>[A-Z][a-z]+)\b(?! [A-Z])(?!,)"
        r"|\b(?P<name2>[A-Z][a-z]+)(?:'s (?:[a-z]+ )?(?:birthday|school|recital|game|graduation|wedding|job|exams?|"
        r"match|party|year|trip|class|team|practice|season|surgery|recovery|hip|semester|test)\b| must be (?:excited|proud|"
        r"thrilled|so big|growing))"
    )

    @per_context
    def _naming_notes(self) -> list[_Doc]:
        """The notes that name someone ("named Ana", "called Theo")."""
        return [d for d in self.docs if d.is_note and re.search(r"\b(?:named|called)\s+[a-z]", d.text)]

    @per_context
    def _doc_words(self) -> frozenset[str]:
        """Every word (a run of word characters) of the evidence."""
        return frozenset(w for d in self.docs for w in re.findall(r"\w+", d.text))

    def _in_docs(self, word: str) -> bool:
        """Whether some note, fact, commitment or the purpose has `word` as a whole word."""
        if re.fullmatch(r"\w+", word):
            return word in self._doc_words()  # a whole-word match is a run of word characters equal to it
        return any(re.search(rf"\b{word}\b", d.text) for d in self.docs)

    @per_context
    def _joined_notes(self) -> str:
        """Every note, lower-cased, in one text."""
        return " ".join(_norm(n.text) for n in self.ctx.notes)

    def people(self) -> list[Finding]:
        """A person named as if known ("How is Emma?") whom no note mentions."""
        c = self.ctx
        own = _norm(
            " ".join(
                filter(
                    None,
                    (
                        c.client.name,
                        c.client.goes_by,
                        c.client.formal_name,
                        c.client.company,
                        c.salesperson,
                        *c.client.aliases,
                        *c.other_clients,
                    ),
                )
            )
        ).split()
        fam = self._family_map()
        named = self._naming_notes()
        out = []
        for m in self._PERSON.finditer(self.text.replace("’", "'")):
            name = m.group("name") or m.group("name2")
            low = name.lower()
            if low in own or low in _STOP or low in _GENERIC_GREETEES or time_word(low):
                continue
            if _place(name) is not None or self._in_docs(low):
                continue
            s, e = m.span("name") if m.group("name") else m.span("name2")
            if (
                m.group("name")
                and self.text[m.start() : m.start() + 4].lower() == "hope"
                and not re.match(
                    r"(?:'s|\s+(?:is|was|has|had|enjoy\w*|like\w*|love\w*|gets?|got|feels?))\b", self.text[e:]
                )
            ):
                continue
            if not fam and named:
                ids = [i for d in named for i in d.ids]
                out.append(self._finding("wrong_fact", s, e, f"no {name} in the notes", ids))
            elif fam:
                known = ", ".join(n.title() for names in fam.values() for n in names)
                ids = [i for names in fam.values() for ids in names.values() for i in ids]
                out.append(self._finding("wrong_fact", s, e, f"no {name} in the ledger; family: {known}", ids))
            else:
                out.append(self._finding("unsupported_claim", s, e, f"no note mentions {name}"))
        return out

    _SWAPS: ClassVar[dict[str, str]] = {
        "son": "daughter", "daughter": "son", "wife": "husband", "husband": "wife", "brother": "sister",
        "sister": "brother", "niece": "nephew", "nephew": "niece", "grandson": "granddaughter",
        "granddaughter": "grandson", "mother": "father", "father": "mother", "mom": "dad", "dad": "mom",
    }  # fmt: skip
    _MEET_PERSON = re.compile(
        r"\b(?i:(?:great|good|nice|lovely|wonderful|fun|a pleasure|a delight|so good)\s+(?:to\s+)?(?:finally\s+)?"
        r"(?:meet|meeting|see|seeing|catch up with)\s+(?:you and\s+)?)(?:(?i:your) (?P<rel>[a-z]+)|"
        r"(?:(?i:dr|mr|mrs|ms)\.?\s+)?(?P<name>[A-Z][a-z]+))"
    )

    def _swapped_relatives(self) -> list[Finding]:
        """ "your son's wedding" when the notes only know a daughter (and no son)."""
        notes = self._joined_notes()
        ids = [n.id for n in self.ctx.notes]
        out = []
        for m in re.finditer(r"\byour (?P<rel>[a-z]+)\b", self.low):
            rel = m.group("rel")
            other = self._SWAPS.get(rel)
            if other is None or re.search(rf"\b{rel}s?\b", notes):
                continue
            if re.search(rf"\b{other}s?\b", notes):
                src = [n.id for n in self.ctx.notes if re.search(rf"\b{other}s?\b", _norm(n.text))] or ids
                out.append(
                    self._finding("wrong_fact", m.start(), m.end(), f"the notes mention a {other}, not a {rel}", src)
                )
        return out

    @per_context
    def _in_person_sentences(self) -> list[str]:
        """The notes' sentences (lower-cased) that record meeting in person."""
        return [
            sent
            for n in self.ctx.notes
            for ss, se in _sentences(n.text)
            for sent in [_norm(n.text[ss:se])]
            if self._IN_PERSON_NOTE.search(sent)
        ]

    def _met_people(self) -> list[Finding]:
        """ "Great to meet Kemi / your daughter" when no note has that person at a meeting."""
        out = []
        c = self.ctx.client
        own = _content_words(" ".join(filter(None, (c.name, c.goes_by, c.formal_name, self.ctx.salesperson))))
        for m in self._MEET_PERSON.finditer(self.text.replace("’", "'")):
            who = (m.group("rel") or m.group("name") or "").lower()
            if not who or who in own or who in _GENERIC_GREETEES or (m.group("rel") and who not in self._RELATIONS):
                continue
            present = any(re.search(rf"\b{re.escape(who)}", sent) for sent in self._in_person_sentences())
            if not present:
                span = m.span("rel") if m.group("rel") else m.span("name")
                out.append(self._finding("unsupported_claim", m.start(), span[1], f"no note has {who} at a meeting"))
        return out

    def family(self) -> list[Finding]:
        """A relative named wrongly ("your daughter Maria" when she is Sofia), or invented outright."""
        fam = self._family_map()
        out = self._swapped_relatives() + self._met_people()
        for m in self._FAMILY_TEXT.finditer(self.text.replace("’", "'")):
            rel = (m.group("rel") or m.group("rel2")).lower()
            name = m.group("name") or m.group("name2")
            group = self._RELATIONS.get(rel, rel)
            pool = dict(fam.get(group, {}))
            if group == "child":
                pool.update(fam.get("son", {}))
                pool.update(fam.get("daughter", {}))
            if name.lower() in pool:
                continue
            known = [n.title() for n in pool]
            if known:
                ids = [i for ids in pool.values() for i in ids]
                out.append(
                    self._finding(
                        "wrong_fact", m.start(), m.end(), f"the ledger names their {rel} {', '.join(known)}", ids
                    )
                )
            elif not self._in_docs(name.lower()):
                out.append(
                    self._finding("unsupported_claim", m.start(), m.end(), f"no note mentions a {rel} called {name}")
                )
        return out

    _BDAY_WISH = re.compile(
        r"\b(?:happy (?:belated |early |late |\w+ )?birthday|many happy returns|happy bday|(?:hope|hoping) you (?:have|had|"
        r"enjoy|enjoyed) (?:a |an )?(?:\w+ )?(?:birthday|bday)|(?:have|had) a (?:\w+ )?birthday)\b"
    )

    def _birthday(self, relation: str | None) -> tuple[date, tuple[str, ...]] | None:
        """The recorded birthday (month/day in some year) of the client or a relative, with sources."""
        for f in self._facts(FactKind.PERSONAL_DATE):
            key = f.key.lower()
            if "birth" not in key and "bday" not in key and "birth" not in _norm(f.text):
                continue
            rel = f.detail.get("relation") or next((r for r in self._RELATIONS if r in key.split(":")), None)
            if (rel or None) != relation:
                continue
            when = f.due or _iso_date(f.value)
            if when:
                return when, f.source_ids
        return None

    def _relatives_birthday(self, sent: str) -> tuple[str, tuple[str, ...]] | None:
        """A wish to the client when the notes record only a relative's birthday ("his wife Yuki bday is march 3").

        None when the sentence names that relative, or is no wish.
        """
        if not self._BDAY_WISH.search(sent):
            return None
        for f in self._facts(FactKind.PERSONAL_DATE):
            rel = f.detail.get("relation")
            name = str(f.detail.get("name") or "").lower()
            if "birth" not in f.key.lower() or not rel or (name and re.search(rf"\b{re.escape(name)}\b", sent)):
                continue
            return f"the notes record the {rel}'s birthday ({f.text}), not the client's", f.source_ids
        return None

    def birthdays(self) -> list[Finding]:
        """Birthday wishes on the wrong day, a wrong birthday date, or a birthday no note records."""
        out = []
        for s, e in _sentences(self.text):
            sent = self.low[s:e]
            if "birthday" not in sent and "bday" not in sent and "many happy returns" not in sent:
                continue
            rel = next((r for r in self._RELATIONS if re.search(rf"\b{r}\b", sent)), None)
            found = self._birthday(rel)
            if found is None and rel is None and (theirs := self._relatives_birthday(sent)):
                out.append(self._finding("wrong_fact", s, e, theirs[0], theirs[1]))
                continue
            if found is None:
                from_notes = self._note_birthday(s, e)
                if from_notes is not None:
                    out += from_notes
                    continue
                if rel is None and not any(
                    "birthday" in d.text or "bday" in d.text or _TURNING.search(d.text) for d in self.docs
                ):
                    out.append(self._finding("unsupported_claim", s, e, "no note records this birthday"))
                continue
            bday, ids = found
            out += self._birthday_sentence(s, e, sent, bday, ids)
        return out

    _BDAY_NOTE = re.compile(
        rf"\b(?:birthday|bday|b-day|born)\b[^.;]{{0,25}}?(?P<md>{_MONTH_RX}\s+{_DAY_RX}|{_DAY_RX}\s+(?:of\s+)?{_MONTH_RX}|{_NUMDATE_RX})"
        rf"|\b(?:turns?|turning)\s+(?P<age>\d{{1,3}})\s+(?:on\s+)?(?P<md2>{_MONTH_RX}\s+{_DAY_RX}|{_DAY_RX}\s+(?:of\s+)?"
        rf"{_MONTH_RX})"
    )

    def _note_birthday(self, s: int, e: int) -> list[Finding] | None:
        """Judge a birthday sentence against birthdays written in the notes ("twins turn 10 on Feb 2").

        None when the notes record no birthday this sentence could be about.
        """
        sent, raw = self.low[s:e], self.text[s:e]
        own = self._own_words() | {_fold(w) for w in (self.ctx.client.goes_by or "").split()}
        names = {
            w.lower() for w in re.findall(r"(?<![.!?]\s)\b[A-Z][a-z]+\b", raw)[1:] if w.lower() not in _GENERIC_GREETEES
        }
        names = {w for w in names if _stem(w) not in own and not time_word(w)}
        names -= {w.lower() for w in re.findall(r"[A-Z][a-z]+", self.ctx.client.name)}
        cands = []
        for n in self.ctx.notes:
            for m in self._BDAY_NOTE.finditer(_norm(n.text)):
                md = _month_day(m.group("md") or m.group("md2"))
                if md is None:
                    continue
                ns, ne = _sentence_of(n.text, m.start())
                words = _content_words(_norm(n.text[ns:ne]))
                note_names = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", n.text[ns:ne])}
                cands.append((md, m.group("age"), note_names, words, n.id))
        if not cands:
            return None
        mine = [c for c in cands if names & c[2] or (_content_words(sent) - _TIME_WORDS) & c[3] - {"birthday", "turn"}]
        if not mine:
            return None
        md, age, note_names, _, nid = mine[0]
        ids = (nid,)
        all_notes = " ".join(_norm(n.text) for n in self.ctx.notes)
        for w in sorted(names):
            if not re.search(rf"\b{w}\b", all_notes):
                i = sent.find(w)
                return [self._finding("wrong_fact", s + i, s + i + len(w), f"no {w.title()} in the notes", ids)]
        # An ordinal is an age only before "birthday" ("her 11th birthday"); "for the 19th" is a day of the month.
        ordinal = re.search(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:b-?day|birthday)\b", sent)
        if age and ordinal and ordinal.group(1) != age:
            msg = f"the notes say they turn {age}"
            return [self._finding("wrong_fact", s + ordinal.start(), s + ordinal.end(1) + 2, msg, ids)]
        bday = _safe_date(2000, md[0], md[1]) or date(2000, md[0], 28)
        return self._birthday_sentence(s, e, sent, bday, ids)

    def _birthday_sentence(self, s: int, e: int, sent: str, bday: date, ids: tuple[str, ...]) -> list[Finding]:
        """Check the date named in, or implied by, one birthday sentence."""
        real = f"{bday.day} {bday.strftime('%B')}"
        for t in _TIME_RE.finditer(sent):
            if (t.group("md") or t.group("iso")) and _of_the_birthday(sent, t.start(), t.end()):
                md = _month_day(t.group(0))
                if md and md != (bday.month, bday.day):
                    return [self._finding("wrong_fact", s + t.start(), s + t.end(), f"the birthday is {real}", ids)]
        for t in re.finditer(r"\b(?:on|for|by|until|till)?\s*the\s+(\d{1,2})(?:st|nd|rd|th)\b", sent):
            if not _of_the_birthday(sent, t.start(), t.end()):
                continue  # "all set for the 30th, three days before his birthday": another day
            if int(t.group(1)) == bday.day:
                return []  # "an early happy birthday for the 20th": the wish names the day
            return [self._finding("wrong_fact", s + t.start(), s + t.end(), f"the birthday is {real}", ids)]
        wish = self._BDAY_WISH.search(sent)
        dated = (
            [t for t in _TIME_RE.finditer(sent, wish.end()) if t.group("md") or t.group("iso") or t.group("wd")]
            if wish
            else []
        )
        if wish and not dated:
            delta = _days_to_anniversary(self.today, bday)
            if not -BIRTHDAY_LATE <= delta <= BIRTHDAY_EARLY:
                return [
                    self._finding(
                        "wrong_fact",
                        s + wish.start(),
                        s + wish.end(),
                        f"the birthday is {real}, not around {self.today:%d %B}",
                        ids,
                    )
                ]
        return []


_BIRTHDAY_WORD = re.compile(r"\b(?:birthday|bday|b-day|many happy returns)\b")
_APART = re.compile(r"[,;:(—–]|\s-\s|\b(?:before|ahead|after|until|till|since|in time|prior)\b")


def _of_the_birthday(sent: str, start: int, end: int) -> bool:
    """Whether the date at `start:end` is the birthday's own ("his birthday on 3 August"), not another day of the
    sentence ("arrives 30 July, ahead of his birthday"): nothing between them parts the two."""
    for b in _BIRTHDAY_WORD.finditer(sent):
        between = sent[end : b.start()] if end <= b.start() else sent[b.end() : start]
        if not _APART.search(between):
            return True
    return False
