"""Declined items as concepts: what the client turned down, read from the facts and the notes in time order.

Source: benchmarks/NOTES-guard8.md family 5 ("declined items are literal strings") and issue 14. A declined
item is read three ways:
- from memory's facts (a current DISLIKE, a PREFERENCE's `declined` detail): the projection has already
  replayed the notes, so a change of mind it saw has ended the fact;
- from English decline phrasing in a note ("no stripes", "hates touch screens", "nut-free");
- by structure, in English, Spanish, Portuguese, French, German and Italian (`data/declines.json`, a
  reason per class): a decline marker before a noun phrase ("no le gustan los X", "pas de X"), a contrast
  ("A instead of B", "A en vez de B": B given up) and a switch ("switched from B", "went with A over B").
  These are replayed in time order: a later note that chooses B again (B as the "A" of a contrast, or a
  change-of-mind cue naming it) takes the decline back.

`declined(ctx)` also adds the members of a category an item names ("no shellfish" rules out prawns), and
`iter_concepts(items, ctx)` turns each item into a `Concept`: its head noun and its modifiers (stems). How a
draft mentions one is in `rules/declined_offer.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from bot.guard.lexicon import _CONCEPTS, _PHONE_CALLS
from bot.guard.text import _STOP, _aware, _clause_after, _norm, _sentence_of, _sentences, _stem
from bot.usecases.draft_context import DraftContext
from memory.records import FactKind, Note

_DATA = Path(__file__).parent / "data" / "declines.json"


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """The word classes of `data/declines.json`."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _words(name: str) -> frozenset[str]:
    """One word class of the data file."""
    return frozenset(data()[name]["words"])


def _markers(name: str) -> list[str]:
    """Every language's markers of one class, longest first (so "no le gustan" wins over "no")."""
    table = data()[name]
    return sorted({m for lang, ms in table.items() if lang != "reason" for m in ms}, key=len, reverse=True)


def _marker_re(name: str) -> re.Pattern[str]:
    """The markers of one class as one pattern (a marker may hold a regex gap such as "went with ... over")."""
    parts = [m if "[" in m else re.escape(m) for m in _markers(name)]
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w])")


_PERIOD_AFTER = re.compile(
    r"\s+(?:before|until|till|til|during|over)\s+(?:the\s+)?(?:xmas|christmas|easter|new year|\w+day|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|end|summer|winter|spring|autumn|fall|holidays?)"
)


# An object pronoun right after the word a refusal governs makes that word a verb ("never reads them").
_OBJECT_AFTER = re.compile(r"[ \t]+(?:them|it|her|him|me|us|you|those|these)\b")


def _optional_apostrophes(pattern: str) -> str:
    """`pattern` with "n't" also matching shorthand without the apostrophe ("dont", "doesnt", "wont")."""
    return pattern.replace("n't", "n'?t")


_WORD_RE = re.compile(r"[^\W\d_][\w'-]*")


def noun_phrase(low: str, start: int) -> str:
    """The short noun phrase that begins at `start` of lower-cased `low`: determiners skipped, at most 3 words.

    It ends at a clause mark, a number or a stop word of the five languages (`phrase_stops`).
    """
    determiners, stops = _words("determiners"), _words("phrase_stops") | _STOP
    words: list[str] = []
    pos = start
    while len(words) < 3:
        m = re.compile(r"[ \t]*(?:([^\W\d_][\w-]*)|(l'|d'))").match(low, pos)
        if m is None:
            break
        pos = m.end()
        if m.group(2):
            continue  # "l'ardoise": the elided article
        word = m.group(1)
        if not words and word in determiners:
            continue
        if word in _OF and words and len(words) < 2:
            nxt = re.compile(r"[ \t]+([^\W\d_][\w-]*)").match(low, pos)
            if nxt and nxt.group(1) not in stops and nxt.group(1) not in determiners:
                words += [word, nxt.group(1)]  # "madera de pino": a Romance modifier follows its noun with "de"
                break
        if word in stops or word in determiners:
            break
        words.append(word)
    return " ".join(words)


_OF = frozenset(
    ["de", "di", "do", "da", "du", "en"]
)  # the Romance "of" or "in" (material) that joins a noun to its kind


def romance(clause: str) -> bool:
    """Whether a clause reads as Spanish, Portuguese, French or Italian (a noun phrase's head comes first)."""
    found = set(_WORD_RE.findall(clause)) & _words("romance_function_words")
    return len(found) >= 2 or bool(found - {"no", "de", "es", "en", "il"})


class _Reader:
    """The declined items of one context (a reader, not a rule: `declined` uses it)."""

    def __init__(self, ctx: DraftContext) -> None:
        self.ctx = ctx
        self._taken_back_memo: dict[tuple[str, str], bool] = {}
        self._changing_notes: list[tuple[datetime, str]] | None = None

    def _current(self, *kinds: FactKind) -> list[Any]:
        """Current facts of the given kinds."""
        return [f for f in self.ctx.facts if f.kind in kinds and f.valid_to is None]

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

    def english(self) -> dict[str, tuple[str, ...]]:
        """Declined items from the facts and from English note phrasing (lower-case) -> source ids."""
        out: dict[str, tuple[str, ...]] = {}
        for f in self._current(FactKind.DISLIKE, FactKind.PREFERENCE, FactKind.CONTACT):
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
        liked = {_norm(f.value): f.valid_from for f in self._current(FactKind.PREFERENCE)}
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
                if m.group("item") and _OBJECT_AFTER.match(low, m.end("item")):
                    continue  # "she never reads them": a verb with its object, a habit, not a declined thing
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
                if words:  # a compound keeps its modifier: "no metal frames" declines metal frames, not frames
                    parts = [item, *words]
                    for k in range(2, len(parts) + 1):
                        out.setdefault(" ".join(parts[:k]), (n.id,))
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
        memo = self._taken_back_memo
        key = (item, getattr(declined_in, "id", ""))
        if key not in memo:
            memo[key] = self._taken_back_uncached(item, at)
        return memo[key]

    def _taken_back_uncached(self, item: str, at: datetime) -> bool:
        """`_taken_back` for one item and the time of the note that declined it."""
        stem = item.rstrip("s")
        if not stem:
            return False
        changing = self._changing_notes
        if changing is None:  # the notes that hold a change of mind at all, read once per check
            changing = [
                (_aware(n.occurred_at, self.ctx.now), _norm(n.text))
                for n in self.ctx.notes
                if self._TAKE_BACK.search(_norm(n.text))
            ]
            self._changing_notes = changing
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
            noun = re.match(r"[ \t]+([^\W\d_][\w-]*)", after)
            if noun and noun.group(1) not in _STOP and noun.group(1) not in _words("diet_heads"):
                continue  # "the vegan skincare line": an attribute of a product, not the client's diet (P2)
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

    def structural(self, out: dict[str, tuple[str, ...]]) -> None:
        """Add the items declined by marker, contrast or switch in any of the five languages, replayed in time order.

        A later note that chooses an item again (the chosen side of a contrast, or a change-of-mind cue
        naming it) takes it back, whichever reading declined it.
        """
        decline, contrast, switch = (
            _marker_re("decline_markers"),
            _marker_re("contrast_markers"),
            _marker_re("switch_from_markers"),
        )
        verb_markers, not_items = _words("verb_markers"), _words("not_items")
        now = self.ctx.now
        for n in sorted(self.ctx.notes, key=lambda n: _aware(n.occurred_at, now)):
            low = _norm(n.text)
            for s, e in _sentences(low):
                sentence = low[s:e]
                for m in contrast.finditer(sentence):
                    chosen = _chosen_before(sentence, m.start())
                    if chosen:
                        _take_back(out, chosen)
                    self._add(out, noun_phrase(sentence, m.end()), n, not_items)
                for m in switch.finditer(sentence):
                    self._add(out, noun_phrase(sentence, m.end()), n, not_items)
                for m in decline.finditer(sentence):
                    item = noun_phrase(sentence, m.end())
                    first = item.split(" ")[0] if item else ""
                    if m.group(0) in verb_markers and re.search(r"(?:ar|er|ir|re)$", first):
                        continue  # "no quiere esperar": an act, not a thing
                    if _PERIOD_AFTER.match(sentence, m.end() + len(item) + 1):
                        continue
                    self._add(out, item, n, not_items)

    def _add(self, out: dict[str, tuple[str, ...]], item: str, note: Note, not_items: frozenset[str]) -> None:
        """Record `item` as declined unless it is a channel, a time or a stop word, or a later note takes it back."""
        words = item.split()
        if not words or any(w in not_items or w in self._DECLINE_SKIP for w in words):
            return
        if len(item) <= 2 or self._taken_back(item, note):
            return
        out[item] = (note.id,)


def _chosen_before(sentence: str, pos: int) -> str:
    """The noun phrase chosen in "A instead of B": up to three words before the marker, in its clause."""
    clause = re.split(r"[,;:()]|\s-\s", sentence[:pos])[-1]
    words = [w for w in _WORD_RE.findall(clause)][-3:]
    stops = _words("phrase_stops") | _words("determiners") | _STOP
    while words and words[0] in stops:
        words = words[1:]
    return " ".join(w for w in words if w not in stops)


def _take_back(out: dict[str, tuple[str, ...]], chosen: str) -> None:
    """Drop every declined item whose words the chosen phrase holds: the client wants it again."""
    stems = {_stem(w) for w in chosen.split()}
    for item in list(out):
        if item.startswith("concept:") or item == _PHONE_CALLS:
            continue
        if {_stem(w) for w in item.split()} <= stems:
            del out[item]


def _category_members(out: dict[str, tuple[str, ...]], liked: set[str]) -> None:
    """Add the members of each category a declined item names ("no shellfish": prawns too), unless liked."""
    for row in data()["categories"]["rows"]:
        for item, ids in list(out.items()):
            if item in row["words"] or (item.endswith("s") and item[:-1] in row["words"]):
                for other in (*row["words"], *row["members"]):
                    if other not in liked:
                        out.setdefault(other, ids)
                break


def required(ctx: DraftContext) -> set[frozenset[str]]:
    """The things the notes say the client must have ("needs a lift", "tow bar a must", "necesita ascensor"), each
    as the stems of its noun phrase (`data/declines.json` requirement classes, six languages)."""
    before, after = _marker_re("requirement_markers"), _marker_re("requirement_after")
    out: set[frozenset[str]] = set()
    for n in ctx.notes:
        low = _norm(n.text)
        for s, e in _sentences(low):
            sentence = low[s:e]
            phrases = [noun_phrase(sentence, m.end()) for m in before.finditer(sentence)]
            phrases += [_chosen_before(sentence, m.start()) for m in after.finditer(sentence)]
            out |= {frozenset(_stem(w) for w in p.split()) for p in phrases if p}
    return out


def _is_required(item: str, needs: set[frozenset[str]]) -> bool:
    """Whether a declined item names a required thing: the same head noun, or words the requirement holds."""
    words = [w for w in item.split() if w not in _STOP]
    if not words:
        return False
    stems = {_stem(w) for w in words}
    return any(stems <= need or (_stem(words[-1]) in need and len(need) <= len(stems) + 1) for need in needs)


def _schedule(item: str) -> bool:
    """Whether an item is only a time kept free ("no sundays", "nada de sábados", "no mornings"): never a thing
    offered. A time with an activity ("no saturday deliveries", "no evening visits") stays declined: a draft that
    proposes that activity then goes against it."""
    words = [w for w in item.split() if w not in _STOP and w not in _words("determiners")]
    return bool(words) and all(w in _words("schedule_words") for w in words)


def declined(ctx: DraftContext) -> dict[str, tuple[str, ...]]:
    """Declined or disliked items (lower-case) -> source ids: facts, English phrasing, then the structural reading.

    A thing the client requires is never declined: "no lift" beside it describes an option that lacked it
    (benchmarks/NOTES-guard10.md P1); a weekday or a part of the day is a schedule, not an item (P4).
    """
    reader = _Reader(ctx)
    out = reader.english()
    reader.structural(out)
    needs = required(ctx)
    for item in list(out):
        if not item.startswith("concept:") and item != _PHONE_CALLS and (_schedule(item) or _is_required(item, needs)):
            del out[item]
    liked = {_norm(f.value) for f in reader._current(FactKind.PREFERENCE)}
    _category_members(out, liked)
    return out


@dataclass(frozen=True)
class Concept:
    """A declined item as a draft may mention it: its head noun, its modifiers (stems), the note ids."""

    item: str  # as the notes name it
    head: str  # the stem of its head noun
    word: str  # the head noun as the notes write it
    modifiers: frozenset[str]  # stems of the other words
    ids: tuple[str, ...]


def concept(item: str, ids: tuple[str, ...], head_first: bool = False) -> Concept | None:
    """The concept of a plain declined item (not a `concept:` offer family, not phone calls)."""
    words = [w for w in item.split() if w not in _STOP and w not in _words("determiners") and w not in _OF]
    if not words:
        return None
    head = words[0] if head_first or any(w in _OF for w in item.split()) else words[-1]  # "cadres en métal": cadre
    return Concept(item, _stem(head), head, frozenset(_stem(w) for w in words if w != head), ids)


def head_pattern(head: str, word: str = "") -> re.Pattern[str]:
    """How a draft writes a head noun: as the notes do, or its stem inflected ("striped", "stripes") and, when long
    enough, ending a compound ("pinstripe", "fibreglass").

    A stem of five letters or more may end a compound; a shorter one must be its own word ("oil" is not in
    "foil", "gas" not in "vegas"). No "-ing" form from the stem: "checking" is a verb, not "checks".
    """
    prefix = r"[^\W\d_]*" if len(head) >= 5 else ""
    own = rf"{re.escape(word)}(?:s|es)?|" if word else ""
    return re.compile(rf"(?<![\w-])(?:{own}{prefix}{re.escape(head)}(?:s|es|e|ed|d|y|a|as|o|os)?)(?![\w-])")


def iter_concepts(items: dict[str, tuple[str, ...]], ctx: DraftContext) -> Iterator[Concept]:
    """The concept of each plain declined item; the head comes first when its note's clause is Romance."""
    texts = {n.id: _norm(n.text) for n in ctx.notes}
    for item, ids in items.items():
        if item.startswith("concept:") or item == _PHONE_CALLS or (" " not in item and len(item) < 3):
            continue
        head_first = False
        if " " in item:
            for nid in ids:
                low = texts.get(nid, "")
                at = low.find(item)
                if at >= 0:
                    s, e = _sentence_of(low, at)
                    head_first = romance(low[s:e])
                    break
        c = concept(item, ids, head_first)
        if c is not None:
            yield c
