"""no_consent by the hour: a call the draft plans at a time the client said not to be called.

Source: essay 001 (permission) and DESIGN's consent scope. A note may close a channel for some hours
only ("no calls during clinic hrs (8-5)", "no llamar en horario de clinica (9 a 18)", "calls after 5pm
only", "nothing before noon"): the hours are a scope of the consent, read by `memory.consent_scope`;
the channel stays open outside them. The rule blocks a draft that plans a call at a clock time inside
such hours, the time read anywhere in the planned call's sentence ("Call plan: ring Bec at 9am
Tuesday", "llamar ... a las 11:00 del martes", "appeler à 14h"); a time of day ("mardi matin") counts
when the whole of it is inside the hours. A limit stated with a qualifier the parser could not read
only warns. A call planned on a weekend day is judged only by hours the client gave for that day (the
hours people name are their working day).

The hours are the current ones, as the profile shows them: a later note's window replaces an earlier one
(`ContactScopes.hours`), and a later good time to call the projection holds (`contact_time`, "best
reached before noon", from "he said call before noon") replaces the hours of earlier notes; a call
outside that stated time warns (a good time to call is a preference, not a refusal).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.channel_consent import draft_uses, planned_day
from bot.guard.rules.contact_pace import scopes_of
from memory.consent_scope import ContactScope, ContactScopes, allowed_window_closes
from memory.lexicon import fold, slot_pattern, slot_value
from memory.records import FactKind

_WEEKEND = frozenset({5, 6})


@cache
def _clock() -> tuple[re.Pattern[str], ...]:
    """Clock times in a draft: with a colon, am/pm, 'h' or 'Uhr' anywhere; a bare hour after a time word."""
    prep = r"(?:at|around|about|by|a\s+las|a\s+la|las|as|às|a|à|um|gegen|alle|om|@)"
    return (
        re.compile(r"(?<![\d.:/])(?P<h>\d{1,2}):(?P<m>\d\d)\s*(?P<ap>am|pm|a\.m\.|p\.m\.)?(?![\d/])"),
        re.compile(r"(?<![\d.:/])(?P<h>\d{1,2})(?:\.(?P<m>\d\d))?\s*(?P<ap>am|pm|a\.m\.|p\.m\.)"),
        re.compile(r"(?<![\d.:/])(?P<h>\d{1,2})\s*(?P<ap>h|uhr)(?P<m>\d\d)?(?![\w])"),
        re.compile(rf"\b{prep}\s+(?P<h>\d{{1,2}})(?![\d/%:.,-]|\s*(?:%|x\b|de\s|of\s|{slot_pattern('month')}))"),
    )


def planned_hours(text: str) -> tuple[int, int] | None:
    """[from, to) hours a planned call names: one hour for a clock time ("at 2pm", "a las 11:00", "à 14h",
    "at noon"), a time of day's hours ("mardi matin"); None when it names none."""
    low = fold(text)
    for i, rx in enumerate(_clock()):
        m = rx.search(low)
        if m is None:
            continue
        hour = int(m["h"])
        suffix = (m.groupdict().get("ap") or "").replace(".", "")
        if suffix == "pm" and hour < 12:
            hour += 12
        elif not suffix and i == 3 and 0 < hour < 8:
            hour += 12  # "at 2" in a working day is the afternoon
        if hour <= 24:
            return hour, hour + 1
    noon = re.search(slot_pattern("clock"), low)
    if noon:
        hour = int(slot_value("clock", noon.group(0)) or 12)
        return hour, hour + 1
    part = re.search(slot_pattern("daypart"), low)
    if part:
        a, b = (int(x) for x in (slot_value("daypart", part.group(0)) or "8-12").split("-"))
        return a, b
    return None


def _current_hours(scopes: ContactScopes, evidence: Evidence) -> list[ContactScope]:
    """The phone hours limits that hold now: the notes' latest hours, unless the projection holds a good time to
    call from a later note; then the hours outside that time, inferred (a warning)."""
    limits = scopes.hours("phone")
    ctx = evidence.context
    if ctx is None:
        return limits
    whole = [s for s in limits if not s.line and len(s.weekdays) == 7]
    last = max((scopes.order.get(s.source, -1) for s in whole), default=-1)
    for fact in ctx.facts:
        if fact.kind is not FactKind.CONTACT or fact.key != "contact_time" or fact.valid_to is not None:
            continue
        if fact.detail.get("channel", "phone") != "phone":
            continue
        source = max(fact.source_ids, key=lambda i: scopes.order.get(i, -1), default="")
        if scopes.order.get(source, -1) <= last:
            continue  # the notes' own hours are as new: they say it in so many words
        when = fact.detail.get("when") or fact.value
        closes = allowed_window_closes(when)
        if closes:
            kept = [s for s in limits if s not in whole]
            return kept + [
                ContactScope("hours", source, channel="phone", hours=w, inferred=True, topic=when) for w in closes
            ]
    return limits


class ContactHours:
    """Blocks a planned call at an hour the client closed the phone (or every channel) for."""

    kind = "no_consent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """A finding on the planned call when its time falls inside the client's closed hours that day."""
        now = evidence.now
        if now is None:
            return []
        scopes = scopes_of(evidence, now)
        limits = _current_hours(scopes, evidence)
        if not limits:
            return []
        for use in draft_uses(draft):
            if use.channel != "phone":
                continue
            hours = planned_hours(draft.low[use.start : use.end])
            if hours is None:
                continue
            day = planned_day(use, now.date())
            for scope in limits:
                if scope.hours is None or not scope.holds_on(day):
                    continue
                if day.weekday() in _WEEKEND and len(scope.weekdays) == 7:
                    continue  # working hours the client named say nothing of a Saturday call
                if scope.line and use.line and scope.line != use.line:
                    continue
                a, b = scope.hours
                if a <= hours[0] and hours[1] <= max(b, hours[0] + 1) and hours[0] < b:
                    msg = f"the client asked not to be called between {a}:00 and {b}:00"
                    if scope.inferred:
                        msg = f"the client is best called {scope.topic}, as the latest note says"
                    finding = draft.finding(self.kind, use.start, use.end, msg, (scope.source,))
                    if scope.qualified or scope.inferred:
                        finding = dataclasses.replace(finding, verdict="warn")
                    return [finding]
        return []
