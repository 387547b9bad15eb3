"""too_frequent from the notes: how many messages the salesperson logged, and a pause they noted.

Source: essay 001 (permission: never desperate) and DESIGN's guard table (too_frequent warns).
A note logs outreach in a salesperson's shorthand: "rang pat tues, wed, thurs and fri", "emailed lisa
x3 this week, texted her twice too", "emailed raj again today - 3rd email this week", "LINE'd somchai
the confirmation" (a messaging app's name as the verb). `outreach_times` counts every contact such a
line stands for (the contact cap, `ContactCap`, reads it). `ContactPace` warns while a note's own pause
holds ("back off", "leave it a couple weeks", "give her space til after 18 nov", "le dé espacio hasta
que vuelva"), read by `memory.consent_scope` like every contact constraint: until the date it names,
else for the length it names, else for two weeks, and never after a later note records the client
coming back. Word lists: `data/contact_pace.json`, a reason per entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import _aware, _norm, _sentences
from memory import ContactScopes, contact_scopes
from memory.lexicon import messaging_app_words
from memory.records import Note

_DATA = Path(__file__).parent.parent / "data" / "contact_pace.json"
_NUMBERS = {"once": 1, "one": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}  # fmt: skip
_SEGMENT_END = re.compile(r"[.;!?\n]")


@lru_cache(maxsize=1)
def _lists() -> dict[str, Any]:
    """The rule's data file, patterns compiled."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    verbs = "|".join(f"(?:{row['pattern']})" for row in doc["outreach_verbs"])
    apps = "|".join(re.escape(w.casefold()) for w in messaging_app_words())
    verbs += f"|(?:(?:{apps}){doc['app_verbs']['suffix']})"
    return {
        "verb": re.compile(rf"(?<![\w'])(?:{verbs})(?![\w'])"),
        "subject": frozenset(doc["subject_words"]["words"]),
        "counts": [(re.compile(row["pattern"]), bool(row.get("next_to_verb"))) for row in doc["repeat_counts"]],
        "topic": frozenset(doc["subject_words"]["topic_words"]),
        "days": re.compile(doc["day_words"]["pattern"]),
        "asks": re.compile(doc["asks"]["pattern"]),
        "sells": re.compile(doc["sells"]["pattern"]),
    }


def _by_salesperson(low: str, start: int) -> bool:
    """Whether the outreach verb at `start` has the salesperson as its subject (no other name before it)."""
    before = low[max(0, start - 24) : start]
    if not before.strip() or re.search(r"[,;:.!?(\n+&/]\s*$|\s-\s*$", before):
        return True
    words = re.findall(r"[\w'+&]+", before)
    return not words or words[-1] in _lists()["subject"]


def _count(segment: str) -> int:
    """How many contacts one logged verb stands for, from what follows it in its clause."""
    lists = _lists()
    for rx, next_to_verb in lists["counts"]:
        m = rx.search(segment)
        if m and next_to_verb and lists["topic"] & set(re.findall(r"[\w']+", segment[: m.start()])):
            continue  # "emailed raj re the bmw x3": the count is part of what the message was about
        if m:
            word = m.group("n")
            n = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
            return max(1, min(n, 10))
    days = {m.group(0) for m in lists["days"].finditer(segment)}
    return max(1, len(days))


@lru_cache(maxsize=16384)  # every note is counted at every check
def outreach_count(text: str) -> int:
    """How many messages or calls by the salesperson a note logs (0 when it logs none)."""
    low = _norm(text)
    verbs = [m for m in _lists()["verb"].finditer(low) if _by_salesperson(low, m.start())]
    total = 0
    for i, m in enumerate(verbs):
        stop = verbs[i + 1].start() if i + 1 < len(verbs) else len(low)
        end = _SEGMENT_END.search(low, m.end(), stop)
        total += _count(low[m.end() : end.start() if end else stop])
    return total


def outreach_times(notes: Iterable[Note]) -> list[tuple[datetime, str]]:
    """(time, note id) once for every contact the notes log; a line naming four days counts four."""
    return [(n.occurred_at, n.id) for n in notes for _ in range(outreach_count(n.text))]


def scopes_of(evidence: Evidence, now: datetime | None = None) -> ContactScopes:
    """The contact scopes of the evidence's notes written by `now` (`memory.consent_scope`, the one reader of
    contact constraints), derived once per evidence."""
    when = now or evidence.now
    dated = [(at, note) for at, note in evidence.dated_notes if when is None or _aware(at, when) <= when]
    # keyed by how many notes are written by then: checks at other times over the same notes share it
    return evidence.derived(
        f"contact_scopes:{len(dated)}",
        lambda: contact_scopes((nid, text, at) for at, (nid, text) in dated),
    )


def sells(draft: Draft) -> bool:
    """Whether a message sells to the client (an offer, a sale, an upgrade)."""
    return any(not draft.negated(m.start()) for m in _lists()["sells"].finditer(draft.low))


def asks(draft: Draft) -> bool:
    """Whether a message asks something of the client or sells to them (a condolence asks nothing)."""
    return bool(_lists()["asks"].search(draft.low))


class ContactPace:
    """Warns while the latest pause a note asks for still holds (`memory.consent_scope`: its end, its length,
    or until the client comes back, which a later note records)."""

    kind = "too_frequent"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """One finding, on the first sentence, when a noted pause covers the time of sending and the draft asks."""
        now = evidence.now
        if now is None or not draft.text.strip():
            return []
        pause = scopes_of(evidence, now).pause_on(now.date())
        if pause is None or not (sells(draft) if pause.topic == "marketing" else asks(draft)):
            return []
        sents = _sentences(draft.text)
        s, e = sents[0] if sents else (0, len(draft.text))
        until = "until the client gets back to you" if pause.open_ended or pause.until_back else f"until {pause.end}"
        return [draft.finding(self.kind, s, e, f"a note asks to let the client be {until}", (pause.source,))]
