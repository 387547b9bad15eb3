"""contradicts_preference: a draft that offers the value a client has since changed their mind about.

Source: DESIGN's memory model ("blue, not grey", then "grey after all" leaves grey wanted) and the
product essay 004 (the shop that remembered blue-not-grey sold the suit). Values are typed slots
(colour, material, finish, pattern, sleeves, fuel: `data/choice_slots.json`). A note with a change
cue ("after all", "now wants", "vetoed", "first said ... then decided") names the new value of a
slot; the values it gives up are the ones it negates ("vetoed the green", "not leather", "first
said herringbone") and the ones an earlier note wanted that the change note names again or that
were the slot's only earlier value. A draft that names a given-up value as current, without naming
the new value of that slot, contradicts the client's current choice.

The profile's projection (`DraftContext.facts` / `.history`, from `memory.projection`) is the same state:
a wanted value a later note superseded in its slot is given up, and a value the projection holds as
wanted by a note later than a change is never given up by it ("scratch the purple, wants blue
again" after "purple after all": purple is given up again, blue is current). The projection's
supersession counts only when the superseding note names the old value or says a change (a second
wanted colour of another item is not a change of mind).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence, stated_as_current
from bot.guard.text import norm
from memory.lexicon import COLOURS
from memory.records import Fact, FactKind

_DATA = Path(__file__).parent.parent / "data" / "choice_slots.json"


@lru_cache(maxsize=1)
def _lists() -> dict[str, Any]:
    """The slot vocabularies as one alternation, longest first, with the change and old-value markers."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    slot_of: dict[str, str] = {w: "colour" for w in COLOURS}
    for row in doc["slots"]:
        for w in row["words"]:
            slot_of.setdefault(w, row["slot"])
    words = sorted(slot_of, key=len, reverse=True)
    keyed = {_key(k): v for k, v in slot_of.items()}
    # a describing word may stand inside a value of several words: "long lace sleeves" is "long sleeves"
    alternation = "|".join(
        re.escape(w).replace(r"\ ", r"[\s-](?:[a-z]+\s)?").replace(r"\-", r"[\s-](?:[a-z]+\s)?") for w in words
    )
    return {
        "slot_of": keyed,
        "value": re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"),
        "change": re.compile(doc["change_cues"]["pattern"]),
        "old": re.compile(doc["old_markers"]["pattern"]),
    }


def _key(raw: str) -> str:
    """A value as the vocabulary spells it ("high-gloss" and "high gloss" are one)."""
    return re.sub(r"[\s-]+", " ", raw.strip())


@dataclass(frozen=True)
class Mention:
    """One slot value in a text: its key, slot, span and whether it is given up there."""

    key: str
    slot: str
    start: int
    end: int
    given_up: bool


def mentions(low: str) -> list[Mention]:
    """Every slot value in lower-cased text; "given up" when a negation or "vetoed"/"instead of" precedes it."""
    lists = _lists()
    slot_of = lists["slot_of"]
    out: list[Mention] = []
    for m in lists["value"].finditer(low):
        key = _key(m.group(0))
        if key not in slot_of:
            parts = key.split()
            key = next(
                (k for i in range(1, len(parts) - 1) if (k := " ".join(parts[:i] + parts[i + 1 :])) in slot_of), key
            )
        slot = slot_of.get(key, "colour")
        prev = out[-1] if out else None
        if prev and prev.slot == slot == "colour" and re.fullmatch(r"\s+", low[prev.end : m.start()]):
            out[-1] = Mention(key, slot, prev.start, m.end(), prev.given_up)  # "emerald green": the head word
            continue
        before = low[max(0, m.start() - 30) : m.start()]
        out.append(Mention(key, slot, m.start(), m.end(), bool(lists["old"].search(before))))
    return out


@dataclass(frozen=True)
class Change:
    """A slot's new value and the values it replaced, with the note ids that say so."""

    slot: str
    new: frozenset[str]
    old: frozenset[str]
    sources: tuple[str, ...]


def changes(notes: list[tuple[str, str]]) -> list[Change]:
    """The changes of mind recorded in notes given oldest first as (id, text)."""
    return _changes(tuple(notes))


@lru_cache(maxsize=64)
def _changes(notes: tuple[tuple[str, str], ...]) -> list[Change]:
    """`changes`, cached: a client's notes are read once for many drafts."""
    lists = _lists()
    out: list[Change] = []
    wanted: dict[str, dict[str, str]] = {}  # slot -> value -> note id, as earlier notes wanted them
    for nid, text in notes:
        low = norm(text)
        found = mentions(low)
        if lists["change"].search(low):
            for slot in {m.slot for m in found}:
                here = [m for m in found if m.slot == slot]
                before = wanted.get(slot, {})
                dropped = {m.key for m in here if m.given_up}
                new = {m.key for m in here if not m.given_up and m.key not in before} - dropped
                if not new:
                    continue
                named = {m.key for m in here}
                old = {m.key for m in here if m.given_up} | {v for v in before if v in named and v not in new}
                if not old and len(before) == 1:
                    old = set(before)
                old -= new
                if old:
                    ids = tuple(dict.fromkeys([*(before.get(v, nid) for v in old), nid]))
                    out.append(Change(slot, frozenset(new), frozenset(old), ids))
                    for v in old:
                        before.pop(v, None)
        for m in found:
            held = wanted.setdefault(m.slot, {})
            if m.given_up:
                held.pop(m.key, None)
            else:
                held.setdefault(m.key, nid)
    return _latest_first(out)


def _latest_first(found: list[Change]) -> list[Change]:
    """The changes as the latest note leaves them: a later change of the same slot takes back what an earlier
    one chose and gives up ("oak, then walnut instead, then back to oak": walnut is given up, oak is not)."""
    out = []
    for i, change in enumerate(found):
        later = [c for c in found[i + 1 :] if c.slot == change.slot]
        new = change.new - {v for c in later for v in c.old}
        old = change.old - {v for c in later for v in c.new}
        if old:
            out.append(Change(change.slot, frozenset(new), frozenset(old), change.sources))
    return out


def _slot_values(facts: list[Fact]) -> dict[str, dict[str, tuple[str, ...]]]:
    """slot -> value -> source note ids of the wanted (preference) facts given, by the choice slots they name."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for f in facts:
        if f.kind is not FactKind.PREFERENCE:
            continue
        for m in mentions(norm(f.value)):
            if not m.given_up:
                out.setdefault(m.slot, {}).setdefault(m.key, f.source_ids)
    return out


def projected_changes(current: list[Fact], history: list[Fact], notes: dict[str, str]) -> list[Change]:
    """The changes of mind the projection holds: per slot, the values wanted now and the superseded values a
    later note replaced, when that note names the old value or says a change (see the module docstring)."""
    now = _slot_values(current)
    change_cue = _lists()["change"]
    out: list[Change] = []
    for slot, old_values in _slot_values(history).items():
        new = now.get(slot)
        if not new:
            continue
        newer = [nid for ids in new.values() for nid in ids]
        texts = [norm(notes.get(nid, "")) for nid in newer]
        old = {
            v
            for v in old_values
            if v not in new and any(change_cue.search(t) or any(m.key == v for m in mentions(t)) for t in texts)
        }
        if old:
            ids = tuple(dict.fromkeys([*(i for v in old for i in old_values[v]), *newer]))
            out.append(Change(slot, frozenset(new), frozenset(old), ids))
    return out


def _with_projection(found: list[Change], evidence: Evidence) -> list[Change]:
    """The text's changes reconciled with the projection: a value wanted now is never given up, and the
    projection's own changes join (see the module docstring)."""
    ctx = evidence.context
    if ctx is None:
        return found
    wanted = _slot_values([f for f in ctx.facts if f.valid_to is None])
    order = {nid: i for i, (_, (nid, _)) in enumerate(evidence.dated_notes)}
    out = []
    for change in found:
        last = max((order.get(i, -1) for i in change.sources), default=-1)
        # a value the projection holds as wanted from a note after the change is wanted again, not given up
        again = {v for v, ids in wanted.get(change.slot, {}).items() if any(order.get(i, -1) > last for i in ids)}
        old = change.old - again
        if old:
            out.append(Change(change.slot, change.new, frozenset(old), change.sources))
    return out + projected_changes(list(ctx.facts), list(ctx.history), dict(evidence.notes))


class ChangedChoice:
    """Flags a draft that names a value the client gave up, as if it were still their choice."""

    kind = "contradicts_preference"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """A finding on each given-up value the draft names without the slot's new value."""
        if not evidence.notes:
            return []
        dated = evidence.dated_notes
        found = evidence.derived(
            "changed_choice",
            lambda: _with_projection(changes([n for _, n in dated] if dated else list(evidence.notes)), evidence),
        )
        if not found:
            return []
        low = draft.low
        said = mentions(low)
        out = []
        for change in found:
            if any(m.key in change.new and not m.given_up for m in said):
                continue  # the draft names the current choice: it may mention the old one truthfully
            for m in said:
                if m.key in change.old and not m.given_up and not draft.negated(m.start):
                    msg = f"the client changed from {m.key} to {' / '.join(sorted(change.new))}"
                    out.append(draft.finding(self.kind, m.start, m.end, msg, change.sources))
                    if stated_as_current(low, m.start, m.end):
                        out.append(draft.finding("wrong_fact", m.start, m.end, msg, change.sources))
        return out
