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
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.channel_consent import draft_uses, planned_day
from bot.guard.rules.contact_pace import scopes_of
from memory.lexicon import fold, slot_pattern, slot_value

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


class ContactHours:
    """Blocks a planned call at an hour the client closed the phone (or every channel) for."""

    kind = "no_consent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """A finding on the planned call when its time falls inside the client's closed hours that day."""
        now = evidence.now
        if now is None:
            return []
        scopes = scopes_of(evidence, now)
        limits = scopes.hours("phone")
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
                    finding = draft.finding(self.kind, use.start, use.end, msg, (scope.source,))
                    if scope.qualified:
                        finding = dataclasses.replace(finding, verdict="warn")
                    return [finding]
        return []
