"""no_consent by channel, line and day: a draft that plans a call or a text the client closed.

Source: essay 001 (permission) and DESIGN's consent scope: "stop emailing me" closes email only.
The constraints are read once, by `memory.consent_scope` (the one reader of contact constraints): a
channel closed on some weekdays ("tel only tues/thurs"), on one line ("do not call the clinic line"),
for a period, or as the only other way ("LINE only"). This module reads the draft side: how a draft
says it will reach the client ("I'll give you a ring on your office line", "just texting to remind
you", a call plan in any of the slot table's languages: "Plan de llamada: llamar a ...", "Plano de
ligação: ligar para ..."), the line it names, and the day it plans (a weekday named anywhere in the
sentence, "Call plan (Monday)"). The rule blocks when that channel, on that line and that day, is
closed; a closure the client stated with a qualifier the parser could not read, or one inferred from
"X only", warns. Word lists: `data/channel_consent.json`, a reason per entry.
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.contact_pace import scopes_of
from memory.lexicon import channels_of_act, fold, slot_pattern, slot_value, titles

_DATA = Path(__file__).parent.parent / "data" / "channel_consent.json"
_CLAUSE = re.compile(r"[^.;!?\n]+")
_NOT_THIS = re.compile(r"\b(?:not|no|never|rather than|instead of)\W+(?:\w+\W+)?$")


@lru_cache(maxsize=1)
def _lists() -> dict[str, Any]:
    """The rule's data file, patterns compiled."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    channels = [
        (re.compile(rf"\b(?:{row['pattern']})\b"), row["channel"], bool(row.get("line"))) for row in doc["channels"]
    ]
    return {
        "channels": channels,
        "proposals": [(re.compile(row["pattern"]), row["channel"]) for row in doc["proposals"]],
        "self": [(re.compile(row["pattern"]), row["channel"]) for row in doc["self_channel"]],
        "marks": _medium_marks(doc),
        "preps": frozenset(fold(row["word"]) for row in doc["call_objects"]["prepositions"]),
        "pronouns": frozenset(fold(row["word"]) for row in doc["call_objects"]["pronouns"]),
    }


def _medium_marks(doc: dict[str, Any]) -> list[tuple[re.Pattern[str], bool]]:
    """The opening constructions that name a draft's medium, each with the channel words in group `ch`."""
    words = "|".join(row["pattern"] for row in doc["channels"] if row["channel"] != "any")
    return [
        (re.compile(row["pattern"].replace("CH", f"(?P<ch>{words})")), bool(row.get("anywhere")))
        for row in doc["medium_marks"]["patterns"]
    ]


def stated_channel(low: str) -> tuple[str, int, int] | None:
    """(channel, start, end) of the way a draft says it goes ("Letter (post): ...", "just a WhatsApp"), if any."""
    for rx, channel in _lists()["self"]:
        for m in rx.finditer(low):
            head = low[max(0, m.start() - 30) : m.start()]
            if not _NOT_THIS.search(head):  # "by email, not WhatsApp": the channel it does not go by
                return str(channel), m.start(), m.end()
    return _medium_in_opening(low)


_OPENING = re.compile(r"^.{0,200}?(?:[.!?\n](?=\s)|$)", re.S)


def _medium_in_opening(low: str) -> tuple[str, int, int] | None:
    """(channel, start, end) when the draft's opening sentence names its own medium ("text from Dev: ...",
    "sending this by email", "phone call notes"): one channel, not after a negation."""
    lists = _lists()
    opening = _OPENING.match(low.lstrip())
    head = opening.group(0) if opening else low[:200]
    found: set[str] = set()
    where = (0, 0)
    body = low.lstrip()
    for rx, anywhere in lists["marks"]:
        where_read = body if anywhere else head
        for m in rx.finditer(where_read):
            if _NOT_THIS.search(where_read[max(0, m.start() - 30) : m.start()]):
                continue
            channel = next((str(c) for crx, c, _line in lists["channels"] if crx.fullmatch(m.group("ch"))), None)
            if channel is not None:
                found.add(channel)
                where = (m.start(), m.end())
    offset = len(low) - len(low.lstrip())
    if len(found) == 1:
        return found.pop(), where[0] + offset, where[1] + offset
    return None


@dataclasses.dataclass(frozen=True)
class Use:
    """One way the draft reaches the client: the channel, the line it names, its span and the day it plans."""

    channel: str
    line: str
    start: int
    end: int
    day_offset: int | None = None  # the weekday it names (Monday 0), None: the day of sending


def _line_in(text: str) -> str:
    """The line a phrase names ("your office line", "a la clínica") from the slot table, or ""."""
    m = re.search(slot_pattern("line"), fold(text))
    return (slot_value("line", m.group(0)) or "") if m else ""


def named_weekday(text: str) -> int | None:
    """The weekday (Monday 0) a draft's sentence names, in any of the slot table's languages, or None."""
    low = fold(text)
    for m in re.finditer(slot_pattern("weekday"), low):
        word = m.group(0)
        if len(word) <= 3 and word not in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
            continue  # "mar", "do", "di": a short foreign abbreviation is too ambiguous in running text
        value = slot_value("weekday", word)
        if value is not None:
            return int(value)
    return None


def planned_day(use: Use, today: date) -> date:
    """The day a use plans: the next day with its weekday (today when today has it), else today."""
    if use.day_offset is None:
        return today
    return today + timedelta(days=(use.day_offset - today.weekday()) % 7)


_HEADING = re.compile(r"^\W*(?P<head>[^:\n]{1,60}):")


def plan_heading(low: str) -> tuple[str, int, int] | None:
    """(channel, start, end) of a plan heading that names a phone act ("Call plan (Monday):", "Plan de llamada:",
    "Plano de ligação:", "Plan d'appel :"): the whole first sentence is that call."""
    m = _HEADING.match(low)
    if m is None:
        return None
    channels = channels_of_act(m["head"])
    if "phone" not in channels:
        return None
    paragraph = low.find("\n\n", m.end())  # a plan is short: its paragraph is the call ("Dra. Muñoz" has a dot)
    return "phone", 0, paragraph if paragraph >= 0 else len(low)


_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")
_FIRST_LINE = re.compile(r"[^\n]*?(?:[.!?](?=\s|$)|$)")


def _is_object(word: str) -> bool:
    """Whether a word after a contact verb names the person it goes to: a pronoun, a title or a capitalised name
    that is not a weekday or a month ("Call Tuesday" plans a day, not a person)."""
    low = fold(word).rstrip(".")
    if low in _lists()["pronouns"] or low in titles():
        return True
    if not word[:1].isupper():
        return False
    return not re.fullmatch(slot_pattern("weekday"), low) and not re.fullmatch(slot_pattern("month"), low)


def imperative_use(draft: Draft) -> tuple[str, int, int] | None:
    """(channel, start, end) of a call plan written as an order to oneself: the draft's first sentence opens with a
    contact verb (the act words of `channels_of_act`) whose object is a person ("Call Dana re the quote", "Ring him
    Tuesday 10am", "Llamar a Pedro el martes", "Anruf bei Herrn Vogel"), or, verb-last, a titled person then the
    verb ("Herrn Vogel anrufen"). The same call as a "Call plan:" heading; its span is the first paragraph."""
    text = draft.text
    lead = len(text) - len(text.lstrip())
    first = _FIRST_LINE.match(text, lead)
    if first is None:
        return None
    words = list(_WORD.finditer(text, lead, first.end()))
    if len(words) < 2:
        return None
    channels = channels_of_act(words[0].group(0))
    heads = [c for c in channels if c in ("phone", "text", "email")]
    obj = words[1].group(0)
    if fold(obj) in _lists()["preps"] and len(words) > 2:
        obj = words[2].group(0)
    if len(channels) != 1 or not heads or not _is_object(obj):
        last = [c for c in channels_of_act(words[-1].group(0)) if c in ("phone", "text", "email")]
        title = fold(words[0].group(0)).rstrip(".")
        verb_last = (title in titles() or title in _lists()["pronouns"]) and len(words) <= 6
        if not (verb_last and len(last) == 1):
            return None
        heads = last
    paragraph = text.find("\n\n", lead)
    return heads[0], lead, paragraph if paragraph >= 0 else len(text)


def draft_uses(draft: Draft) -> list[Use]:
    """Each way the draft contacts the client: a planned call, a text, the medium it names for itself."""
    low = draft.low
    out: list[Use] = []
    heading = plan_heading(low)
    if heading is not None:
        channel, start, end = heading
        text = low[start:end]
        out.append(Use(channel, _line_in(text), start, end, named_weekday(text)))
    else:
        ordered = imperative_use(draft)
        if ordered is not None:
            channel, start, end = ordered
            text = low[start:end]
            out.append(Use(channel, _line_in(text), start, end, named_weekday(text)))
    for rx, channel in _lists()["proposals"]:
        for m in rx.finditer(low):
            if draft.negated(m.start()):
                continue
            sentence_start = max(low.rfind(c, 0, m.start()) for c in ".;!?\n") + 1
            clause = _CLAUSE.match(low, m.start())
            end = m.start() + len(clause.group(0)) if clause else len(low)
            sentence = low[sentence_start:end]
            rest = low[m.start() : end]
            line = _line_in(rest)  # "her office line", "emailing the shop": the line or address it goes to
            out.append(Use(channel, line, m.start(), end, named_weekday(sentence)))
    said = stated_channel(low)
    if said is not None:
        channel, start, end = said
        own = _CLAUSE.match(low, start)
        whole = low[start : start + len(own.group(0))] if own else low[start:end]
        out.append(Use(channel, "", start, end, named_weekday(whole)))
    return out


class ChannelConsent:
    """Blocks a draft that calls or texts on a channel, or a line, closed on the day it plans."""

    kind = "no_consent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """A finding on the draft's planned call or text when its channel (and line) is closed that day."""
        now = evidence.now
        if now is None:
            return []
        uses = draft_uses(draft)
        if not uses:
            return []
        scopes = scopes_of(evidence, now)
        for use in uses:
            day = planned_day(use, now.date())
            for r in scopes.closures(day, use.channel):
                if r.line and use.line != r.line:
                    continue  # "don't ring her office line": her mobile is fine, and an unnamed line may be it
                where = f"{r.line} line" if r.line else ("any channel" if r.channel == "any" else use.channel)
                when = f" on {day:%A}" if len(r.weekdays) < 7 else ""
                finding = draft.finding(
                    self.kind, use.start, use.end, f"the client asked not to be contacted by {where}{when}", (r.source,)
                )
                if r.inferred or r.qualified:  # "email only", "not at the opera": likely unwelcome, not certain
                    msg = (
                        f"the client asked to be contacted by another channel only, not {where}"
                        if r.inferred
                        else f"{finding.message} (in a setting the notes name: check it applies)"
                    )
                    return [dataclasses.replace(finding, verdict="warn", message=msg)]
                return [finding]
        return []
