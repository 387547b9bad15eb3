"""Consent has a scope: which channels a client may be contacted on, and which one they prefer.

An opt-out names a channel (email, phone, text — instant messengers count as text) or none ("do not
contact me": every channel), and sometimes a topic ("no more marketing emails"): a topic-scoped
opt-out leaves direct messages on that channel open. The latest statement covering a channel
decides it ("do not contact me", then "ok to email her again": email open, phone and text closed).
The word lists are data (`memory/data/consent_words.tsv`, a reason per entry).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from memory.records import Fact, FactKind

__all__ = [
    "CHANNELS",
    "ContactChannels",
    "channels_in",
    "contact_channels",
    "fact_channels",
    "messaging_app_words",
    "messaging_apps",
    "normal_channel",
    "topic_in",
]

CHANNELS: tuple[str, ...] = ("email", "phone", "text")
_DATA = Path(__file__).parent / "data" / "consent_words.tsv"
# Values meaning "no" in consent facts written by hand, by a model or by an older Chet.
_OUT_VALUES = frozenset(
    ["opted_out", "opt_out", "no", "false", "revoked", "withdrawn", "unsubscribed", "do_not_contact", "none", "denied"]
)


@cache
def _words() -> dict[str, dict[str, str]]:
    """kind ("channel" | "topic" | "app") -> word -> value, from the data file."""
    table: dict[str, dict[str, str]] = {"channel": {}, "topic": {}, "app": {}}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind, value, _reason = line.split("\t", 3)
        if kind in table:
            table[kind][word] = value
    return table


def _find(kind: str, text: str) -> list[str]:
    found = []
    low = text.casefold()
    for m in re.finditer(r"[a-z][a-z-]*", low):
        value = _words()[kind].get(m.group(0))
        if value and value not in found:
            found.append(value)
    return found


def channels_in(text: str) -> list[str]:
    """The contact channels a phrase names, in order ("stop calling and texting" -> phone, text)."""
    return _find("channel", text)


@cache
def _app_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(app, pattern) per messaging app of the data file: a word in capitals matches only as written."""
    out = []
    for word in _words()["app"]:
        flags = 0 if word.isupper() or word[:1].isupper() else re.IGNORECASE
        # Letters only around it, so "LINEにて" and "(whatsapp)" match but "lineup" does not.
        out.append((word.casefold(), re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", flags)))
    return tuple(out)


def messaging_app_words() -> tuple[str, ...]:
    """The messaging apps' names as the data file spells them ("LINE", "whatsapp", "zalo")."""
    return tuple(_words()["app"])


def messaging_apps(text: str) -> list[str]:
    """The messaging apps a text names, in order ("prefers LINE" -> line; "whatsapp only" -> whatsapp)."""
    found = sorted((m.start(), app) for app, rx in _app_patterns() for m in [rx.search(text)] if m)
    return [app for _, app in found]


def topic_in(text: str) -> str:
    """The topic an opt-out is limited to ("marketing", "events"), or ""."""
    found = _find("topic", text)
    return found[0] if found else ""


def fact_channels(fact: Fact) -> tuple[str, ...]:
    """The channels a consent fact covers: its detail, else its key ("consent:email"), else its text; all."""
    channel = fact.detail.get("channel")
    if not channel:
        parts = fact.key.split(":")
        if len(parts) > 1 and parts[1] in (*CHANNELS, "any"):
            channel = parts[1]
    if channel:
        return CHANNELS if channel == "any" else ((normal_channel(channel) or channel),)
    named = tuple(normal_channel(c) or c for c in channels_in(fact.text))
    return named or CHANNELS


def normal_channel(value: str) -> str | None:
    """email, phone or text for a channel word (\"whatsapp\" -> text); None for others (in person)."""
    value = value.casefold()
    if value in ("text", "sms") or value in {w.casefold() for w in _words()["app"]}:
        return "text"  # a messaging app goes by the text channel
    return value if value in CHANNELS else None


def _lapsed(fact: Fact, day: date) -> bool:
    """Whether a consent statement for a period ("until 2027-06-01", "from 2027-01-29") does not hold on `day`."""
    until, start = fact.detail.get("until", ""), fact.detail.get("from", "")
    try:
        return (bool(until) and date.fromisoformat(until) <= day) or (bool(start) and day < date.fromisoformat(start))
    except ValueError:
        return False  # an unreadable period: keep the opt-out (closing too much is the safe side)


@dataclass(frozen=True)
class ContactChannels:
    """How a client may be reached: channels open and closed, the preferred one, and why."""

    allowed: tuple[str, ...]  # open channels, the preferred one first
    closed: tuple[str, ...]  # channels the client opted out of
    preferred: str | None  # the client's stated preference, when it is allowed
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)  # closed channel -> note ids
    limited: dict[str, str] = field(default_factory=dict)  # channel -> topic it is closed for (marketing)

    @property
    def best(self) -> str | None:
        """The channel to use: the preferred one, else the first allowed; None when every channel is closed."""
        return self.allowed[0] if self.allowed else None

    def allows(self, channel: str) -> bool:
        """Whether a message on `channel` respects the client's consent."""
        normal = normal_channel(channel) or channel
        return normal not in self.closed


def contact_channels(facts: Iterable[Fact], on: date | None = None) -> ContactChannels:
    """The channel view of a client's current facts (consent facts and the contact preference) on a day.

    An opt-out for a period ("not before June": detail `until`) closes its channels only before that
    day (default: today, UTC); from then on it is as if it had not been said.
    """
    day = on or datetime.now(UTC).date()
    facts = [f for f in facts if f.valid_to is None]
    consent = sorted(
        (f for f in facts if f.kind is FactKind.CONSENT and not _lapsed(f, day)), key=lambda f: f.valid_from
    )
    state: dict[str, tuple[bool, tuple[str, ...]]] = {}
    limited: dict[str, str] = {}
    for f in consent:  # oldest first: the latest statement covering a channel decides it
        out = f.value.casefold().replace("-", "_").replace(" ", "_") in _OUT_VALUES
        covered = fact_channels(f)
        topic = f.detail.get("topic", "")
        for ch in covered:
            if topic:
                if out:
                    limited[ch] = topic
                else:
                    limited.pop(ch, None)
                continue
            state[ch] = (out, f.source_ids)
            limited.pop(ch, None)  # a plain statement about the channel replaces a topic-limited one
    prefs = sorted((f for f in facts if f.kind is FactKind.CONTACT and f.key == "channel"), key=lambda f: f.valid_from)
    stated = normal_channel(prefs[-1].value) if prefs else None
    avoid = normal_channel(prefs[-1].detail.get("avoid", "")) if prefs else None
    if avoid and avoid not in state:  # "text him, don't call": the client's own word closes that channel
        state[avoid] = (True, prefs[-1].source_ids)
    closed = tuple(ch for ch in CHANNELS if state.get(ch, (False, ()))[0])
    preferred = stated if stated and stated not in closed else None
    allowed = tuple(ch for ch in CHANNELS if ch not in closed)
    if preferred:
        allowed = (preferred, *(ch for ch in allowed if ch != preferred))
    sources = {ch: state[ch][1] for ch in closed}
    return ContactChannels(allowed, closed, preferred, sources, limited)
