"""Facts as a projection of the notes: replay a client's notes in time order, one fold step per note.

Each note's extracted facts are stored with the note; the facts table is the fold of those lists
in (occurred_at, rowid) order. A statement supersedes the latest earlier statement about the same
*subject*, whatever its polarity: "wants blue, not grey" then "grey after all" ends both the blue
preference and the grey dislike. Undo, forget, a back-dated note and `chet reindex` all re-run the
same fold, so the stored facts are always exactly what the remaining notes say.

Subjects (`subjects`):
* a preference fills a slot (`pref:<key>`, e.g. `pref:color`) and names things (`thing:color:blue`,
  `thing:x200`); a declined alternative ("not grey") is a thing of the same statement;
* a dislike names one thing (`thing:color:grey`, `thing:golf`);
* consent is per channel (`consent:email`, `consent:email:newsletter` with a topic); "do not contact
  me" is `consent`, which covers every channel's subject (a prefix covers what it prefixes);
* everything else is its slot (`<kind>:<key>`), as before.
"either/both/any" (`key == "either"`) refers to the latest open choice: both options become acceptable
and the dislike of the declined one ends.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

from memory.records import CHANGED_MIND_KEY, ExtractedFact, FactKind

__all__ = ["DerivedFact", "NoteFacts", "dump_facts", "load_facts", "replay", "subjects"]

_log = logging.getLogger(__name__)
EITHER_KEY = "either"
_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class NoteFacts:
    """One note's extracted facts, as replayed."""

    note_id: str
    at: datetime
    facts: tuple[ExtractedFact, ...]


@dataclass
class DerivedFact:
    """A fact as the replay leaves it: current while `valid_to` is None."""

    kind: FactKind
    key: str
    value: str
    text: str
    source_ids: list[str]
    valid_from: datetime
    valid_to: datetime | None = None
    due: date | None = None
    detail: dict[str, str] = field(default_factory=dict)

    def same_statement(self, fact: ExtractedFact) -> bool:
        """Whether `fact` says what this one says (a repeat only adds a citation)."""
        return (
            self.kind is fact.kind
            and self.key == fact.key
            and self.value.casefold() == fact.value.casefold()
            and self.detail.get("status", "") == fact.detail.get("status", "")  # "wife Martha" then "passed away"
        )


def dump_facts(facts: Iterable[ExtractedFact]) -> str:
    """A note's extracted facts as the JSON stored with the note."""
    return json.dumps(
        [
            {
                "kind": f.kind.value,
                "key": f.key,
                "value": f.value,
                "text": f.text,
                "due": f.due.isoformat() if f.due else None,
                "detail": f.detail,
            }
            for f in facts
        ]
    )


def load_facts(text: str) -> list[ExtractedFact]:
    """The facts stored with a note."""
    return [
        ExtractedFact(
            kind=FactKind(d["kind"]),
            key=d["key"],
            value=d["value"],
            text=d["text"],
            due=date.fromisoformat(d["due"]) if d.get("due") else None,
            detail=dict(d.get("detail") or {}),
        )
        for d in json.loads(text)
    ]


@lru_cache(maxsize=4096)
def _thing(value: str) -> str:
    """A thing's subject id: a colour keeps its colour slot, anything else its normalised words."""
    # memory.extract compiles its rule tables on import (~0.15-0.3 s CPU); a search never gets here
    from memory.extract import colour_of

    colour = colour_of(value)
    if colour:
        return f"thing:color:{colour}"
    words = [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in _WORDS.findall(value.casefold())
    ]
    return "thing:" + "_".join(words)


def subjects(kind: FactKind, key: str, value: str, detail: dict[str, str]) -> frozenset[str]:
    """What a statement is about (see the module docstring)."""
    scope = tuple(detail.get(k, "") for k in ("declined", "options", "channel", "topic"))
    return _subjects(kind, key, value, scope)


@lru_cache(maxsize=4096)
def _subjects(kind: FactKind, key: str, value: str, scope: tuple[str, ...]) -> frozenset[str]:
    declined, options, channel, topic = scope
    if kind is FactKind.PREFERENCE:
        found = {f"pref:{key}", _thing(value)}
        if declined:
            found.add(_thing(declined))
        found.update(_thing(o) for o in options.split("|") if o)
        return frozenset(found)
    if kind is FactKind.DISLIKE:
        if key.startswith(("allergy:", "channel:")):
            return frozenset({f"dislike:{key}"})
        return frozenset({_thing(value)})
    if kind is FactKind.CONSENT:
        return frozenset({consent_subject(key, {"channel": channel, "topic": topic})})
    if kind is FactKind.OTHER and key.startswith(("date:", "deadline:")):
        # "delivery before Jan 15" then "delivery moved to Jan 22": one event's day, whether a deadline or a date
        return frozenset({f"{kind.value}:{key}", "when:" + key.split(":", 1)[1]})
    if kind is FactKind.OTHER and key.startswith(DETAIL + ":"):
        return frozenset({f"{kind.value}:{key}", *_detail_frames(value)})
    return frozenset({f"{kind.value}:{key}"})


SPLIT = "split"  # memory.extract_details keys a partial change of mind `split:<the rest's choice>`
DETAIL = "detail"  # memory.extract_details keys a fragment no typed rule read `detail:<slug>`
_FRAME_WORDS = (2, 5)  # a detail this short is one attribute of one thing; a longer one is a story, never a frame
_COPULAS = frozenset(["is", "are", "was", "were"])
_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "they", "it", "this", "that", "there", "who"])
_NOT_FRAMED = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "for",
        "with",
        "in",
        "on",
        "at",
        "it",
        "its",
        "her",
        "his",
        "their",
        "my",
        "our",
    ]
)


def _detail_frames(value: str) -> set[str]:
    """ "purple top" -> {"frame:*_top"}: the same thing with one word changed is the same subject ("red top").

    The last word is the thing (English puts the head noun last: "1000ul tips", "15yr old carrier"); each other
    word may be the value that changed, so a detail of the same length, the same thing and all but one word the same
    states that thing again and supersedes the earlier one.
    """
    typed = _WORDS.findall(value.casefold())
    if "is" in typed and "and" in typed[typed.index("is") :]:
        typed = typed[: typed.index("is") + typed[typed.index("is") :].index("and")]  # "door is blue and the ramp ..."
    copula = next((i for i, w in enumerate(typed) if w in _COPULAS), -1)
    if 0 < copula < len(typed) - 1 and len(typed) - copula - 1 <= 3:
        # "garage door is white": the subject is before the verb and the value after it ("garage door is grey")
        # the last two words before the verb name the thing ("turns out the garage door is grey": garage door)
        subject = [w for w in typed[:copula] if w not in _NOT_FRAMED][-2:]
        if not subject or set(subject) <= _PRONOUNS:
            return set()  # "she is a teacher", "she is in Lagos": a person is no one attribute
        return {"frame:" + "_".join(subject) + "_is_*"}
    said = [w for w in typed if w not in _NOT_FRAMED]
    low, high = _FRAME_WORDS
    if not low <= len(said) <= high or not said[-1].isalpha() or len(said[-1]) < 3:
        return set()
    if len(said[-1]) > 4 and said[-1].endswith(("ed", "ing")):
        return set()  # "COA needed", "tiles arriving": a participle ends it, so no thing is named last
    head = said[-1][:-1] if len(said[-1]) > 3 and said[-1].endswith("s") and not said[-1].endswith("ss") else said[-1]
    words = [*said[:-1], head]
    return {"frame:" + "_".join("*" if j == i else w for j, w in enumerate(words)) for i in range(len(words) - 1)}


def consent_subject(key: str, detail: dict[str, str]) -> str:
    """`consent` (every channel), `consent:<channel>` or `consent:<channel>:<topic>`."""
    channel = detail.get("channel") or "any"
    subject = "consent" if channel == "any" else f"consent:{channel}"
    if detail.get("topic"):
        subject += f":{detail['topic']}"
    return subject


UNITLESS_AMOUNT = "quantity"  # "make it 6": memory.extract_more keys an amount with no unit this way


def _is_amount(key: str) -> bool:
    """An ordered amount's slot: `quantity:<unit>` (`quantity:headcount`: the people a deal is for) or `quantity`."""
    return key == UNITLESS_AMOUNT or key.startswith(UNITLESS_AMOUNT + ":")


MEASURE = "measure"  # memory.extract_measures keys a measurement `measure:<unit>[:<thing>]`


def _is_measure(key: str) -> bool:
    """A measurement's slot (`measure:kg`, `measure:kg:hyaluronic`)."""
    return key.startswith(MEASURE + ":")


def _named_in(amounts: list[DerivedFact], fact: ExtractedFact) -> list[DerivedFact]:
    """The amounts whose thing the changing clause names ("2 of the matatus are sold, make it 16": the matatus)."""
    said = {w.removesuffix("s") for w in fact.detail.get("about", "").split()}
    if not said:
        return []

    def things(f: DerivedFact) -> set[str]:
        words = [*f.key.split(":")[1:], f.detail.get("unit", ""), *f.detail.get("item", "").split()]
        return {w.casefold().removesuffix("s") for w in words if w}

    return [f for f in amounts if things(f) & said]


def _digits(value: str) -> str:
    """A pattern for a number as typed, with or without thousands separators ("20000" finds "20,000")."""
    if not value.isdigit():
        return re.escape(value)
    groups = f"{int(value):,}".split(",")
    return groups[0] + "".join(f",?{g}" for g in groups[1:])


def _shown_like(value: str, text: str) -> str:
    """A new number written the way the old text writes numbers (with separators when it has them)."""
    return f"{int(value):,}" if value.isdigit() and re.search(r"\d,\d{3}", text) else value


def _covers(new: frozenset[str], old: frozenset[str]) -> bool:
    """Whether a statement about `new` speaks about `old` too.

    A prefix covers what it prefixes (`consent` covers `consent:email`), and a thing named more
    precisely covers its bare name: "okay with a single 300" speaks about "not a single", "polished
    ebony is fine" about "not polished".
    """
    return any(n == o or o.startswith(n + ":") or _narrows(n, o) for n in new for o in old)


def _narrows(new: str, old: str) -> bool:
    """`thing:single_300` narrows `thing:single`: the old thing's one word is among the new thing's words."""
    if not (new.startswith("thing:") and old.startswith("thing:")) or new.startswith("thing:color:"):
        return False
    old_words = old.removeprefix("thing:").split("_")
    new_words = new.removeprefix("thing:").split("_")
    return len(old_words) == 1 and len(new_words) <= 3 and old_words[0] in new_words and old_words[0] != ""


def replay(notes: Iterable[NoteFacts], start: Iterable[DerivedFact] = ()) -> list[DerivedFact]:
    """Fold the notes (already in time order) into facts, on top of `start`: current ones and their history."""
    state = _State(list(start))
    for note in notes:
        for fact in note.facts:
            if fact.kind is FactKind.COMMITMENT:
                continue  # promises live in the commitments table
            try:
                if fact.key == EITHER_KEY:
                    state.either(note, fact)
                elif fact.key == CHANGED_MIND_KEY:
                    state.changed_mind(note, fact)
                else:
                    state.apply(note, fact)
            except Exception:  # one statement's fold bug loses that statement, never the note or the client's facts
                _log.warning("fold skipped %s %s of note %s", fact.kind.value, fact.key, note.note_id, exc_info=True)
    return state.facts


class _State:
    """The facts so far, with the current ones kept apart (a long history is folded note by note)."""

    def __init__(self, facts: list[DerivedFact]):
        self.facts = facts
        self.current = [f for f in facts if f.valid_to is None]

    def _end(self, fact: DerivedFact, at: datetime) -> None:
        fact.valid_to = at
        self.current = [f for f in self.current if f is not fact]

    def _add(self, fact: DerivedFact) -> None:
        self.facts.append(fact)
        self.current.append(fact)

    def _earlier(self, note: NoteFacts) -> list[DerivedFact]:
        """Current facts stated by earlier notes (statements of one note never supersede each other)."""
        return [f for f in self.current if note.note_id not in f.source_ids]

    def apply(self, note: NoteFacts, fact: ExtractedFact) -> None:
        """One statement: a repeat adds a citation; otherwise it ends what it covers and becomes current."""
        fact = self._named(note, fact)
        fact = self._unit_of(note, fact)
        fact = self._measure_of(note, fact)
        if any(f.same_statement(fact) for f in self.current if note.note_id in f.source_ids):
            return
        kept = self._kept(note, fact)
        if kept is not None:  # "sherwani stays full": the current "full sleeves for the sherwani" stands, cited again
            kept.source_ids.append(note.note_id)
            return
        if fact.kind is FactKind.OTHER and fact.key.startswith(SPLIT + ":"):
            self._split(note, fact)
        about = subjects(fact.kind, fact.key, fact.value, fact.detail)
        repeat = None
        for old in self._earlier(note):
            if old.same_statement(fact):
                repeat = old
            elif _covers(about, subjects(old.kind, old.key, old.value, old.detail)):
                self._end(old, note.at)
                if _is_amount(fact.key) and _is_amount(old.key):
                    self._restate(note, old.value, fact.value)
                elif _is_measure(fact.key) and _is_measure(old.key) and old.detail.get("amount"):
                    self._restate(note, old.detail["amount"], fact.detail.get("amount") or fact.value)
        if repeat is not None:
            repeat.source_ids.append(note.note_id)
            return
        self._add(
            DerivedFact(
                fact.kind, fact.key, fact.value, fact.text, [note.note_id], note.at, None, fact.due, dict(fact.detail)
            )
        )

    def _kept(self, note: NoteFacts, fact: ExtractedFact) -> DerivedFact | None:
        """The current fact an item's "stays X" restates: same slot, its value holds every word of X."""
        if not fact.detail.get("keeps"):
            return None
        said = set(_WORDS.findall(fact.value.casefold()))
        for old in self._earlier(note):
            if old.kind is fact.kind and old.key == fact.key and said <= set(_WORDS.findall(old.value.casefold())):
                return old
        return None

    def _unit_of(self, note: NoteFacts, fact: ExtractedFact) -> ExtractedFact:
        """ "Make it 6", "6 now not 4": an amount with no unit changes the latest amount (the one it names)."""
        if fact.kind is not FactKind.OTHER or fact.key != UNITLESS_AMOUNT:
            return fact
        amounts = [
            f for f in self._earlier(note) if f.kind is FactKind.OTHER and _is_amount(f.key) and f.key != fact.key
        ]
        replaces, per = fact.detail.get("replaces"), fact.detail.get("per")
        if per:  # "25,000/month": the latest rate of that period ("20,000 units/month"), never a plain count
            amounts = [f for f in amounts if f.detail.get("per") == per]
        named = [f for f in amounts if replaces and f.value == replaces] or _named_in(amounts, fact) or amounts
        if not named:
            # a rate no earlier rate of its period matches: its own slot, never "every amount" ("quantity" covers all)
            return replace(fact, key=f"rate:{per}") if per else fact
        target = max(named, key=lambda f: f.valid_from)
        text = re.sub(
            rf"(?<![\d.,]){_digits(target.value)}(?![\d.,])", _shown_like(fact.value, target.text), target.text, count=1
        )
        if text == target.text:
            text = f"{fact.value} (was {target.value})"
        return replace(fact, key=target.key, text=text, detail={**target.detail, "amount": fact.value})

    def _measure_of(self, note: NoteFacts, fact: ExtractedFact) -> ExtractedFact:
        """ "Make it 650kg": a measure that names no thing changes the latest measure of its unit ("500 kg hyaluronic")."""
        if fact.kind is not FactKind.OTHER or not _is_measure(fact.key) or fact.key.count(":") != 1:
            return fact
        same_unit = [
            f
            for f in self._earlier(note)
            if f.kind is FactKind.OTHER and f.key.startswith(fact.key + ":") and f.detail.get("amount")
        ]
        if not same_unit:
            return fact
        target = max(same_unit, key=lambda f: f.valid_from)
        old = target.detail["amount"]
        new = fact.detail.get("amount") or fact.value
        text = re.sub(rf"(?<![\d.,]){re.escape(old)}(?![\d.,])", new, target.text, count=1)
        return replace(fact, key=target.key, text=text, detail={**target.detail, "amount": new})

    def _split(self, note: NoteFacts, fact: ExtractedFact) -> None:
        """ "trinocular for 5 of them, rest binocular": the earlier amount of the rest's choice loses those 5."""
        rest, other, count = fact.detail.get("rest", ""), fact.detail.get("other", ""), fact.detail.get("count", "")
        if not (rest and count.isdigit()):
            return
        near = re.compile(rf"(?<![\d.,])(?P<n>\d[\d,]*)(?P<gap>\s+(?:[\w-]+\s+)?){re.escape(rest)}\b", re.IGNORECASE)
        for old in self._earlier(note):
            if old.kind is not FactKind.OTHER or not old.key.startswith(("wants:", "detail:", "quantity:")):
                continue
            m = near.search(old.text)
            if not m or int(m["n"].replace(",", "")) <= int(count):
                continue
            left = str(int(m["n"].replace(",", "")) - int(count))
            split = f"{left}{m['gap']}{rest}"
            text = f"{old.text[: m.start()]}{split}{old.text[m.end() :]} ({count} {other})"
            total = old.key.startswith("quantity:")  # the count of the whole order stands; its line tells the split
            value = old.value if total else near.sub(split, old.value, count=1)
            self._end(old, note.at)
            self._add(
                DerivedFact(
                    old.kind,
                    old.key,
                    value,
                    f"{old.text[: m.end('n')]}{old.text[m.end() :]} ({left} {rest}, {count} {other})"
                    if total
                    else text,
                    [*old.source_ids, note.note_id],
                    note.at,
                    None,
                    old.due,
                    dict(old.detail),
                )
            )

    def _restate(self, note: NoteFacts, old_amount: str, new_amount: str) -> None:
        """A request or a detail that named the old amount ("business english for 40 employees") now names the new one."""
        number = re.compile(rf"(?<![\d.,]){_digits(old_amount)}(?![\d.,])")
        for old in self._earlier(note):
            if old.kind is FactKind.OTHER and old.key.startswith(("wants:", "detail:")) and number.search(old.value):
                self._end(old, note.at)
                self._add(
                    DerivedFact(
                        old.kind,
                        old.key,
                        number.sub(_shown_like(new_amount, old.value), old.value, count=1),
                        number.sub(_shown_like(new_amount, old.text), old.text, count=1),
                        [*old.source_ids, note.note_id],
                        note.at,
                        None,
                        old.due,
                        dict(old.detail),
                    )
                )

    def _named(self, note: NoteFacts, fact: ExtractedFact) -> ExtractedFact:
        """ "wife (martha) passed away" names the wife on file: the word heard must be her name, or absent."""
        relation, heard = fact.detail.get("relation", ""), fact.detail.get("heard")
        if fact.kind is not FactKind.FAMILY or fact.detail.get("status") != "passed away" or fact.value != relation:
            return fact
        known = [
            f.value
            for f in self._earlier(note)
            if f.kind is FactKind.FAMILY and f.key == fact.key and not f.detail.get("status") and f.value[:1].isupper()
        ]
        if len(known) != 1 or (heard is not None and heard != known[0].casefold()):
            return fact
        detail = {k: v for k, v in fact.detail.items() if k != "heard"}
        return replace(fact, value=known[0], text=f"{relation} {known[0]} passed away", detail=detail)

    def changed_mind(self, note: NoteFacts, fact: ExtractedFact) -> None:
        """ "Mains after all": X, earlier declined or contrasted, is now wanted; the choice that declined it ends."""
        said = set(_WORDS.findall(fact.value.casefold()))
        stems = {w.rstrip("s") for w in said}

        def names_it(text: str) -> bool:
            words = {w.rstrip("s") for w in _WORDS.findall(text.casefold())}
            return bool(stems) and stems <= words

        earlier = self._earlier(note)
        declined = [f for f in earlier if f.kind is FactKind.PREFERENCE and names_it(f.detail.get("declined", ""))]
        refused = [f for f in earlier if f.kind is FactKind.DISLIKE and names_it(f.value)]
        if not declined and not refused:
            return  # X names nothing the client chose between: too little to say what changed
        for old in [*declined, *refused]:
            self._end(old, note.at)
        was = declined[0] if declined else None
        key = was.key if was is not None else f"likes:{'_'.join(sorted(said))}"
        text = f"wants {fact.value}, not {was.value}" if was is not None else f"wants {fact.value}"
        detail = {"declined": was.value} if was is not None else {}
        self._add(DerivedFact(FactKind.PREFERENCE, key, fact.value, text, [note.note_id], note.at, detail=detail))

    def either(self, note: NoteFacts, fact: ExtractedFact) -> None:
        """ "Happy with either": the latest open choice's options are all acceptable; its dislikes end."""
        topic = fact.detail.get("topic", "")
        current = self._earlier(note)
        if fact.detail.get("options"):
            self._either_named(note, fact, current)
            return
        choices = [
            f
            for f in current
            if f.kind is FactKind.PREFERENCE and (f.detail.get("declined") or f.detail.get("options"))
            if not topic or f.key == topic
        ]
        if not choices:
            # No open choice: the latest dislikes of the topic (or of the latest note that had any) end.
            dislikes = [
                f for f in current if f.kind is FactKind.DISLIKE and not f.key.startswith(("allergy:", "channel:"))
            ]
            if topic == "color":
                dislikes = [f for f in dislikes if f.key.startswith("color:")]
            if dislikes:
                latest = max(d.valid_from for d in dislikes)
                for d in dislikes:
                    if d.valid_from == latest:
                        self._end(d, note.at)
            return
        choice = max(choices, key=lambda f: f.valid_from)
        options = [choice.value, *(o for o in choice.detail.get("options", "").split("|") if o)]
        if choice.detail.get("declined"):
            options.append(choice.detail["declined"])
        options = list(dict.fromkeys(o for o in options if o))
        things = {_thing(o) for o in options}
        for old in current:
            if old.kind is FactKind.DISLIKE and subjects(old.kind, old.key, old.value, old.detail) & things:
                self._end(old, note.at)
        self._end(choice, note.at)
        shown = " or ".join(options)
        self._add(
            DerivedFact(
                FactKind.PREFERENCE,
                choice.key,
                shown,
                f"happy with either {shown}",
                [note.note_id],
                note.at,
                detail={"options": "|".join(options)},
            )
        )

    def _either_named(self, note: NoteFacts, fact: ExtractedFact, current: list[DerivedFact]) -> None:
        """ "Either the sage or the charcoal": each named option is fine; what refused or chose one of them ends."""
        options = [o for o in fact.detail["options"].split("|") if o]
        words = [set(_WORDS.findall(o.casefold())) for o in options]
        things = {_thing(o) for o in options}

        def names_an_option(old: DerivedFact) -> bool:
            said = set(_WORDS.findall(old.value.casefold()))
            return bool(subjects(old.kind, old.key, old.value, old.detail) & things) or any(
                w <= said for w in words if w
            )

        for old in current:
            refused = old.kind is FactKind.DISLIKE and not old.key.startswith(("allergy:", "channel:"))
            chosen = old.kind is FactKind.PREFERENCE
            if (refused and names_an_option(old)) or (chosen and (names_an_option(old) or old.key == EITHER_KEY)):
                self._end(old, note.at)
        shown = " or ".join(options)
        key = fact.detail.get("topic") or "either:" + "_".join(sorted(_WORDS.findall(shown.casefold())))[:60]
        self._add(
            DerivedFact(
                FactKind.PREFERENCE,
                key,
                shown,
                fact.text,
                [note.note_id],
                note.at,
                detail={"options": "|".join(options)},
            )
        )
