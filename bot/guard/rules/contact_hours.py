"""no_consent by the hour: a call the draft plans at a time the client said not to be called.

Source: essay 001 (permission) and DESIGN's consent scope. A note may close a channel for some hours
only ("no calls during clinic hrs (8-5)", "reach her after 2pm only"): the hours are a scope of the
consent, derived in `memory.consent_scope`; the channel stays open outside them. The rule blocks a
draft that plans a call ("I'll call you at 9 today", "I'll give you a ring on Thursday at 11") at a
clock time inside such hours. A call with no clock time, or on a weekend day, is not judged (the hours
people name are their working day). Word list: `clock` in `data/channel_consent.json`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.channel_consent import draft_uses
from bot.guard.rules.contact_pace import scopes_of

_DATA = Path(__file__).parent.parent / "data" / "channel_consent.json"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The clock time and the weekend words, from the data file."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))["clock"]
    return re.compile(doc["pattern"]), re.compile(doc["weekend"])


def planned_hour(clause: str) -> int | None:
    """The hour (0-23) a planned call's clause names ("at 2pm", "at 11", "at noon"); None when it names none."""
    clock, _ = _patterns()
    m = clock.search(clause)
    if m is None:
        return None
    if m.group("noon"):
        return 12
    hour = int(m.group("h")) % 24
    suffix = (m.group("ap") or "").replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    elif not suffix and 0 < hour < 8:
        hour += 12  # "at 2" in a working day is the afternoon
    return hour


class ContactHours:
    """Blocks a planned call at an hour the client closed the phone (or every channel) for."""

    kind = "no_consent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """A finding on the planned call when its clock time falls inside the client's closed hours."""
        scopes = scopes_of(evidence)
        limits = scopes.hours("phone")
        if not limits:
            return []
        _, weekend = _patterns()
        for channel, _line, start, end in draft_uses(draft):
            clause = draft.low[start:end]
            hour = planned_hour(clause) if channel == "phone" else None
            if hour is None or weekend.search(clause):
                continue
            for scope in limits:
                if scope.hours is not None and scope.hours[0] <= hour < scope.hours[1]:
                    a, b = scope.hours
                    msg = f"the client asked not to be called between {a}:00 and {b}:00"
                    return [draft.finding(self.kind, start, end, msg, (scope.source,))]
        return []
