"""Entity-aware wrong_fact rules: a named thing, a person's detail or a day swapped for another.

Where the other rules look for a fixed kind of value (a size, a date, a relative's name), these
compare entities by the frame they sit in. A message that says "your Houston yard" when a note says
"the Dallas yard", "the Ninja blender" when she bought "a Vitamix blender", or "your 2021 Camry" when
the note has "2022 corolla" names the same thing (same frame word) with a different entity of the
same type. A detail the notes give for one person ("daughter Kemi is at uni in Leeds") is wrong when
the message gives it to another ("Hope Tobi is enjoying uni in Leeds"). A weekday attached to a
recorded thing ("Saturday rate") is wrong when the notes attach another day to it ("fri rate"), and
a day a later note moved ("move delivery to thurs 11/13") supersedes the earlier one.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.guard.current import period_words
from bot.guard.evidence import per_context
from bot.guard.geo import _place
from bot.guard.lexicon import _GENERIC_GREETEES, _TITLES
from bot.guard.model import Finding
from bot.guard.text import _STOP, _content_words, _fold, _norm, _sentences, _stem
from bot.guard.truth import GuardBase
from bot.guard.values import _TIME_WORDS, function_words
from bot.guard.when import _MONTHS, _NOTE_WD_RE, _WD_ABBR, _WEEKDAYS
from memory.lexicon import WEEKDAY_ABBREVIATIONS, WEEKDAYS, not_names

_RELATION_RX = (
    r"(?:son|daughter|wife|husband|partner|fianc[eé]e?|kids?|children|child|brother|sister|mom|mum|mother|dad|"
    r"father|grandkids?|grandchildren|grandson|granddaughter|niece|nephew|stepson|stepdaughter|twins?)"
)
# Clauses of one sentence, for "who is this about": commas, semicolons, dashes, "since", "because".
_CLAUSE_SPLIT = re.compile(r"[,;(]|\s[-–—]\s|\s(?=(?:since|because|but|while)\s)")
# Weekdays in notes that cannot be another word ("fri rate"); "sat", "sun", "wed" need _NOTE_WD_RE's context.
_WORD_TOO = frozenset({"wed", "weds", "sat", "sun"})  # abbreviations that are also English words
_PLAIN_WD = sorted({*WEEKDAYS, *(a for a in WEEKDAY_ABBREVIATIONS if a not in _WORD_TOO)}, key=len, reverse=True)
_PLAIN_WD_RE = re.compile(rf"\b(?P<wd>{'|'.join(_PLAIN_WD)})\b(?!-)")
_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’-]*|\d{4}\b")  # letters of any script: "Gebäude" is one word
_YEAR = re.compile(r"(?:19[5-9]\d|20[0-4]\d)$")
# Words that end a frame: a clause break between the entity and its frame word means another thing.
_BREAK = re.compile(r"[.;:!?()\n]|,\s|\s[-–—]\s")
# Capitalised words that are not entities (sentence starters, pronouns, interjections).
_NOT_ENTITY = not_names("pronoun_forms", "greetings_and_signoffs", "business_abbreviations")
# Frame words too vague to tie two entities together.
_WEAK_FRAME = frozenset(
    _stem(w)
    for w in ("new", "old", "good", "great", "best", "enjoy", "enjoying", "hope", "glad", "happy", "pleas", "send",
              "sent", "confirm", "confirmed", "check", "let", "make", "sure", "ready", "come", "coming", "visit",
              "trip", "team", "people", "everyone", "family", "home", "work", "place", "thing", "stuff", "area")
)  # fmt: skip


_ATTRIBUTION = json.loads((Path(__file__).parent / "data" / "attribution.json").read_text(encoding="utf-8"))
_LINKS = "|".join(re.escape(w) for w in _ATTRIBUTION["links"]["words"])


@lru_cache(maxsize=1)
def _seller_side() -> frozenset[str]:
    """Stems of the words for the seller's own people ("crew", "installer"): never a detail of a client's relative."""
    return frozenset(_stem(w) for w in _ATTRIBUTION["seller_side"]["words"])


def time_word(word: str) -> bool:
    """Whether a word names a month, a weekday or a period in any language the guard reads ("Monat", "Jahr",
    "martes", "décembre"): a word of time, never a named entity."""
    w = word.lower().rstrip(".")
    return w in _WEEKDAYS or w in _MONTHS or w in period_words() or w in _time_words()


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """Month names of the languages `data/figure_words.json` lists and weekday names of `data/attribution.json`."""
    doc = json.loads((Path(__file__).parent / "data" / "figure_words.json").read_text(encoding="utf-8"))
    return frozenset(doc["months"]["words"]) | frozenset(_ATTRIBUTION["weekdays"]["words"])


@dataclass(frozen=True)
class _Tok:
    """One word of a text with its offsets, lower-cased stem, and whether it was capitalised."""

    word: str
    start: int
    end: int
    stem: str
    cap: bool
    clause: int  # index of the clause it sits in


def _tokens(text: str) -> list[_Tok]:
    """The words (and four-digit years) of `text`, each tagged with its clause number."""
    breaks = [m.start() for m in _BREAK.finditer(text)]
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0).replace("’", "'")
        clause = bisect_left(breaks, m.start())  # how many breaks come before it (linear time, not quadratic)
        out.append(_Tok(word, m.start(), m.end(), _stem(word.lower()), word[:1].isupper(), clause))
    return out


def _frame(toks: list[_Tok], i: int, reach: int = 3) -> set[str]:
    """Stems of the content words within `reach` words of token `i`, in the same clause."""
    out = set()
    for j in range(max(0, i - reach), min(len(toks), i + reach + 1)):
        t = toks[j]
        if j == i or t.clause != toks[i].clause or t.cap or _YEAR.match(t.word):
            continue
        w = t.word.lower()
        if len(w) >= 3 and w not in _STOP and t.stem not in _TIME_WORDS and t.stem not in _WEAK_FRAME:
            out.add(t.stem)
    return out


class EntityRules(GuardBase):
    """Entity-aware comparison of the message with the notes; mixed into the guard."""

    @per_context
    def _known_words(self) -> set[str]:
        """Every word of the evidence (folded), so an entity the ledger names is never "new"."""
        words: set[str] = set()
        for d in self.docs:
            words.update(re.findall(r"[a-z0-9]+", _fold(d.text)))
        c = self.ctx.client
        for name in (
            c.name,
            c.goes_by,
            c.formal_name,
            c.company,
            self.ctx.salesperson,
            *c.aliases,
            *self.ctx.other_clients,
        ):
            words.update(re.findall(r"[a-z0-9]+", _fold(name or "")))
        return words

    def _entity_kind(self, toks: list[_Tok], i: int) -> str | None:
        """ "city", "model" (a word after a year) or "name" for a capitalised entity; None otherwise."""
        t = toks[i]
        if _place(t.word) is not None and len(t.word) > 2:
            return "city"
        if i > 0 and _YEAR.match(toks[i - 1].word) and toks[i - 1].clause == t.clause:
            return "model"
        return "name" if t.cap else None

    def entity_swaps(self) -> list[Finding]:
        """A named thing the notes give as another of the same kind, in the same frame ("Houston yard" vs "Dallas yard")."""
        known = self._known_words()
        mine = self._text_names()
        toks = _tokens(self.text)
        starts = {s for s, _ in _sentences(self.text)}
        pools, (index, years) = self._rival_pools(), self._rival_index()
        out = []
        for i, t in enumerate(toks):
            w = _fold(t.word).removesuffix("'s")
            parts = [x for x in w.split("-") if x]
            if len(parts) > 1 and all(x in known or any(x[:j] in known for j in range(3, len(x) + 1)) for x in parts):
                continue  # "Fresno-Denver" for a note's "fre-den"
            if not (t.cap or (i > 0 and _YEAR.match(toks[i - 1].word))) or t.start in starts or _YEAR.match(t.word):
                continue
            if w in known or w in mine or w in _STOP or w in _NOT_ENTITY or w in _GENERIC_GREETEES or w in _TITLES:
                continue
            if w in function_words():  # "Con esta ...", "Mit dem ...": a clause's first word, not a name
                continue
            if time_word(w) or len(w) < 3:
                continue
            kind = self._entity_kind(toks, i)
            if kind is None:
                continue
            frame = _frame(toks, i)
            year = toks[i - 1].word if kind == "model" else None
            rivals: dict[str, tuple[str, ...]] = {}
            pool, by_word = pools[kind], index[kind]
            if kind == "model" and not frame:
                hits: Iterable[int] = range(len(pool))
            else:  # the note words whose frame shares a word with this one's (a model: or that follow its year)
                by_year = years.get(year or "", []) if kind == "model" else []
                hits = sorted({p for word in frame for p in by_word.get(word, ())}.union(by_year))
            for p in hits:  # in note and word order
                nid, other, _nframe, _before = pool[p]
                if other not in (w, *mine):
                    rivals[other] = (*rivals.get(other, ()), nid)
            if not rivals:
                continue
            said = _fold(self.low)
            if any(re.search(rf"\b{re.escape(r)}\b", said) for r in rivals):
                rivals = {r: v for r, v in rivals.items() if not re.search(rf"\b{re.escape(r)}\b", said)}
                if kind != "name" or not rivals:
                    continue  # the recorded one is named too: this one is something else
            real = ", ".join(r.title() for r in rivals)
            ids = [x for v in rivals.values() for x in v]
            out.append(self._finding("wrong_fact", t.start, t.end, f"the notes have {real} here, not {t.word}", ids))
        return out

    @per_context
    def _rival_pools(self) -> dict[str, list[tuple[str, str, set[str], str]]]:
        """Kind -> (note id, entity, its frame, the word before it): the note words that may rival an entity.

        A rival is no stop, month or weekday word; a "model" follows a year in its clause (frame of 5
        words), a "city" is a known place, a "name" is capitalised and follows no year (frames of 3).
        Built once per context; `entity_swaps` keeps those whose frame shares a word with the message's.
        """
        pools: dict[str, list[tuple[str, str, set[str], str]]] = {"model": [], "city": [], "name": []}
        for n in self.ctx.notes:
            ntoks = _tokens(n.text)
            for j, nt in enumerate(ntoks):
                w = _fold(nt.word)
                if len(w) < 3 or w in _STOP or w in _NOT_ENTITY or time_word(w) or w in function_words():
                    continue
                before = ntoks[j - 1].word if j > 0 else ""
                after_year = j > 0 and bool(_YEAR.match(before))
                if after_year and ntoks[j - 1].clause == nt.clause:
                    pools["model"].append((n.id, w, _frame(ntoks, j, 5), before))
                if _place(nt.word) is not None:
                    pools["city"].append((n.id, w, _frame(ntoks, j), before))
                elif nt.cap and not after_year:
                    pools["name"].append((n.id, w, _frame(ntoks, j), before))
        return pools

    @per_context
    def _rival_index(self) -> tuple[dict[str, dict[str, list[int]]], dict[str, list[int]]]:
        """For each kind, frame word -> positions in its rival pool; and a model's year -> its positions."""
        index: dict[str, dict[str, list[int]]] = {}
        for kind, pool in self._rival_pools().items():
            by_word: dict[str, list[int]] = index.setdefault(kind, {})
            for p, (_, _, nframe, _) in enumerate(pool):
                for word in nframe:
                    by_word.setdefault(word, []).append(p)
        years: dict[str, list[int]] = {}
        for p, (_, _, _, before) in enumerate(self._rival_pools()["model"]):
            years.setdefault(before, []).append(p)
        return index, years

    def _text_names(self) -> set[str]:
        """Names the message may use freely: the client's, relatives' and people the notes know."""
        c = self.ctx.client
        out = set(re.findall(r"[a-z]+", _fold(" ".join(filter(None, (c.name, c.goes_by, c.formal_name, *c.aliases))))))
        out.update(re.findall(r"[a-z]+", _fold(self.ctx.salesperson or "")))
        return out

    # -- details given to the wrong person -----------------------------------------------------

    _SUBJECT = re.compile(
        rf"\s*(?:(?:(?:my|his|her|their|the)\s+)?{_RELATION_RX}\s+)?(?P<name>[A-Za-z]+)(?:'s|\s+(?:{_LINKS}))\b"
    )

    @per_context
    def _owners(self) -> dict[str, set[str]]:
        """Word stem -> whom the notes say it about ("" for the client, a folded first name, "?" for no one)."""
        c = self.ctx.client
        client = set(
            re.findall(r"[a-z]+", _fold(" ".join(filter(None, (c.name, c.goes_by, c.formal_name, *c.aliases)))))
        )
        owners: dict[str, set[str]] = {}
        named = self._note_people(client)
        for n in self.ctx.notes:
            text = n.text.replace("’", "'")
            for s, e in _sentences(text):
                for part in _CLAUSE_SPLIT.split(text[s:e]):
                    who = self._subject(part, client, named)
                    negated = re.search(r"\b(?:isn't|is not|doesn't|does not|not|never|no longer|n't)\b", _norm(part))
                    for w in _content_words(_norm(part)) - _TIME_WORDS - _seller_side():
                        owners.setdefault(w, set()).add("?" if who is None or negated else who)
        return owners

    def _subject(self, part: str, client: set[str], named: set[str]) -> str | None:
        """Who a clause of a note is about: a relative's first name, the client ("" for she/he/their name), or None."""
        m = self._SUBJECT.match(part)
        if not m:
            return None
        name = _fold(m.group("name"))
        if name in ("she", "he") or name in client:
            return ""
        related = m.group(0).strip().split()[0].lower() != m.group("name").lower()
        if (related or name in named) and name not in _STOP and _place(name) is None:
            return name
        return None

    @per_context
    def _note_people(self, client: set[str]) -> set[str]:
        """Lower-case first names the notes use for people: after a relation word, or paired with the client."""
        out: set[str] = set()
        who = "|".join([*(re.escape(c) for c in client), _RELATION_RX, "she", "he"])
        for n in self.ctx.notes:
            low = _fold(n.text)
            for m in re.finditer(rf"\b(?:{who})\s*(?:\+|&|and|w/|with)\s*(?P<a>[a-z]+)\b", low):
                out.add(m.group("a"))
            for m in re.finditer(rf"\b{_RELATION_RX}s?\s+(?P<a>[a-z]+)\b", low):
                out.add(m.group("a"))
            for ss, se in _sentences(n.text):
                for m in re.finditer(r"(?<=[a-z,] )(?P<a>[A-Z][a-z]+)\b", n.text[ss:se]):
                    out.add(_fold(m.group("a")))  # capitalised mid-sentence: a name
        return out - _STOP - client

    @per_context
    def _owner_people(self) -> set[str]:
        """The people `_owners` names (not the client, not no one)."""
        return {w for ws in self._owners().values() for w in ws} - {"", "?"}

    def attributions(self) -> list[Finding]:
        """A detail the notes give one person given to another ("Tobi ... uni in Leeds" when Kemi is)."""
        owners = self._owners()
        people = self._owner_people()
        if not people:
            return []
        out = []
        text = self.text.replace("’", "'")
        for s, e in _sentences(text):
            pos = s
            for part in _CLAUSE_SPLIT.split(text[s:e]):
                start = text.find(part, pos)
                pos = start + len(part)
                low = _fold(part)
                named = {p for p in people if p in low and re.search(rf"\b{re.escape(p)}\b", low)}
                you = bool(re.search(r"\byou(?:'re|r)?\b", low))
                if len(named) + you != 1:
                    continue
                who = next(iter(named)) if named else ""
                for w in sorted(_content_words(_norm(part)) - _TIME_WORDS - {_stem(p) for p in people}):
                    held = owners.get(w, set())
                    if len(held) != 1 or who in held or "?" in held or ("" in held and who == ""):
                        continue
                    other = next(iter(held))
                    m = re.search(rf"\b{re.escape(w)}[a-z'-]*", _norm(part))
                    if m is None:
                        continue
                    said = "the client" if other == "" else other.title()
                    out.append(
                        self._finding(
                            "wrong_fact",
                            start + m.start(),
                            start + m.end(),
                            f"the notes say this about {said}",
                            [n.id for n in self.ctx.notes if re.search(rf"\b{re.escape(w)}", _norm(n.text))],
                        )
                    )
        return out

    @per_context
    def _relatives(self) -> set[str]:
        """Names the notes give after a relation word ("daughter Ella", "kids Max and Zoe")."""
        relatives: set[str] = set()
        for n in self.ctx.notes:
            for m in re.finditer(
                rf"\b{_RELATION_RX}s?\s+(?P<a>[a-z]+)(?:\s*(?:\+|&|and|,)\s*(?P<b>[a-z]+))?", _fold(n.text)
            ):
                relatives.update(x for x in (m.group("a"), m.group("b")) if x and x not in _STOP)
        return relatives

    def paired_names(self) -> list[Finding]:
        """ "when Ella and Max visit": a person paired with a known relative whom no note names."""
        known = self._known_words()
        relatives = self._relatives()
        out = []
        for m in re.finditer(r"\b(?P<a>[A-Z][a-z]+)\s*(?:and|&|\+)\s*(?P<b>[A-Z][a-z]+)\b", self.text):
            a, b = _fold(m.group("a")), _fold(m.group("b"))
            for mine, other, grp in ((a, b, "a"), (b, a, "b")):
                if (
                    (other in relatives or other in self._text_names())
                    and mine not in known
                    and _place(m.group(grp)) is None
                    and mine not in _STOP
                    and mine not in _GENERIC_GREETEES
                    and not time_word(mine)  # "on 1 December and Jordi": a date, not a person
                ):
                    ids = [n.id for n in self.ctx.notes if re.search(rf"\b{other}\b", _fold(n.text))]
                    out.append(
                        self._finding("wrong_fact", m.start(grp), m.end(grp), f"no {m.group(grp)} in the notes", ids)
                    )
        return out

    # -- a weekday attached to the wrong thing, or one a later note moved -------------------------

    _MOVED = re.compile(r"\b(?:move[ds]?|moving|reschedul\w*|push(?:ed)?|changed?|switch(?:ed)?|instead|now)\b")

    @per_context
    def _note_days(self) -> list[tuple[int, set[str], bool, float, str]]:
        """Weekdays the notes attach to things: (weekday, frame words, moved-to, note time, note id)."""
        out = []
        for n in self.ctx.notes:
            low = _norm(n.text)
            found = {m.start(): m for m in _NOTE_WD_RE.finditer(low)}
            found.update({m.start(): m for m in _PLAIN_WD_RE.finditer(low) if m.start() not in found})
            for m in found.values():
                cs = max(low.rfind(x, 0, m.start()) for x in (".", ";", "\n", ", ")) + 1
                ce = min([i for i in (low.find(x, m.end()) for x in (".", ";", "\n", ", ")) if i >= 0] or [len(low)])
                frame = _content_words(low[max(cs, m.start() - 40) : min(ce, m.end() + 40)]) - _TIME_WORDS
                moved = bool(self._MOVED.search(low[cs : m.start()]))
                out.append((_WD_ABBR[m.group("wd")], frame, moved, n.occurred_at.timestamp(), n.id))
        return out

    def weekday_swaps(self) -> list[Finding]:
        """ "the Saturday rate" when the notes have the "fri rate"; "Tuesday" for a delivery moved to Thursday."""
        days = self._note_days()
        if not days:
            return []
        out = []
        for m in re.finditer(rf"\b(?P<wd>{'|'.join(_WEEKDAYS)})(?:'s)?\b", self.low):
            wd = _WEEKDAYS.index(m.group("wd"))
            cs = max(self.low.rfind(x, 0, m.start()) for x in (".", ";", "\n", ", ", "!", "?")) + 1
            ends = [i for i in (self.low.find(x, m.end()) for x in (".", ";", "\n", ", ", "!", "?")) if i >= 0]
            ce = min(ends or [len(self.low)])
            frame = _content_words(self.low[max(cs, m.start() - 30) : min(ce, m.end() + 30)]) - _TIME_WORDS
            frame -= self._own_words()
            related = [d for d in days if d[1] & frame]
            if not related:
                continue
            latest = max(related, key=lambda d: d[3])
            if any(d[0] == wd for d in related) and not (latest[2] and latest[0] != wd):
                continue
            real = _WEEKDAYS[latest[0]].title()
            why = f"a later note moved this to {real}" if any(d[0] == wd for d in related) else f"the notes have {real}"
            out.append(self._finding("wrong_fact", m.start(), m.end(), why, [d[4] for d in related]))
        return out
