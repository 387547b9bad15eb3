"""The daily digest: promises due, dates coming up, clients overdue for contact, drafts awaiting approval.

A digest is for today: one line per client and kind, the most urgent first; drafts left pending for
more than a few days drop out (they are stale, not urgent); promises an import found long overdue
are archived and listed once (on the import's day, or the next day's digest if it had already gone
out), to confirm or drop, never nagged about every morning. `render_digest` shows the first few
lines and "and N more"; the JSON lists every item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, timedelta
from typing import Any

from memory.dates import next_occurrence
from memory.lexicon import contact_channels
from memory.records import Commitment, Fact, FactKind
from memory.service import Memory

DEFAULT_CADENCE_DAYS = 30
DATES_AHEAD_DAYS = 7
DRAFT_DAYS = 3  # a pending draft older than this leaves the digest (CHET_DIGEST_DRAFT_DAYS)
SHOWN_LINES = 8  # lines of the digest message before "and N more"
ARCHIVE_LISTED_DAYS = 1  # archived promises are listed on the import's day and, if missed, the next day
_MONTH_DAY = re.compile(r"(?:\d{4}|-)-(\d{2})-(\d{2})$")
ORDER = {"promise_due": 0, "birthday": 1, "keep_in_touch": 2, "awaiting_approval": 3, "promise_archived": 4}


@dataclass(frozen=True)
class DigestItem:
    """One line of the digest: a client's promises due, a date coming up, a quiet client, drafts waiting."""

    kind: str  # a key of ORDER
    client: str  # the client's display name
    text: str
    due: date | None
    source_ids: tuple[str, ...]
    key: str  # what the chat's buttons act on, and what marks the item sent ("promise:12", "draft:d-...")


@dataclass(frozen=True)
class Digest:
    """The digest for one day, the most urgent items first."""

    date: date
    items: tuple[DigestItem, ...]


def build_digest(
    memory: Memory,
    day: date,
    cadence_days: int = DEFAULT_CADENCE_DAYS,
    ahead_days: int = DATES_AHEAD_DAYS,
    draft_days: int = DRAFT_DAYS,
) -> Digest:
    """The digest for `day`: every item, the most urgent first."""
    clients = {c.id: c for c in memory.clients()}
    current: dict[int, list[Fact]] = {}
    for f in memory.facts(None):
        current.setdefault(f.client_id, []).append(f)
    items: list[DigestItem] = []
    due: dict[int, list[Commitment]] = {}
    for c in memory.commitments(None, status="open"):
        if c.due is not None and c.due <= day:
            due.setdefault(c.client_id, []).append(c)
    items += [_promises_item(promises, day) for promises in due.values()]
    for f in memory.facts(None):
        if f.kind is not FactKind.PERSONAL_DATE or f.client_id not in clients:
            continue
        m = _MONTH_DAY.search(f.value)
        if not m:
            continue
        occurs = next_occurrence(int(m.group(1)), int(m.group(2)), day)
        if (occurs - day).days <= ahead_days:
            label = "today" if occurs == day else f"on {occurs.strftime('%a %d %b')}"
            text = f"{_date_label(f)} {label}: a kind word, not an offer"
            items.append(
                _item("birthday", clients[f.client_id].name, text, occurs, f.source_ids, f"date:{f.id}:{occurs}")
            )
    items += _keep_in_touch(memory, day, clients, current, cadence_days)
    items += _drafts(memory, day, clients, draft_days)
    items += _archived(memory, day, clients)
    items = _one_line_per_client_and_kind(items)
    items.sort(key=lambda i: (ORDER[i.kind], i.due or date.max, i.client))
    return Digest(day, tuple(items))


def _promises_item(promises: list[Commitment], day: date) -> DigestItem:
    """One line for a client's promises due by `day`, the oldest first."""
    promises = sorted(promises, key=lambda c: (c.due or day, c.id))
    parts = []
    for c in promises:
        assert c.due is not None
        late = (day - c.due).days
        when = "due today" if late == 0 else f"{late} day{'s' if late != 1 else ''} overdue"
        parts.append(f"{c.text} ({when})")
    text = parts[0] if len(parts) == 1 else f"{len(parts)} promises: " + "; ".join(parts)
    ids = [i for c in promises for i in c.source_ids]
    return _item("promise_due", promises[0].client, text, promises[0].due, ids, f"promise:{promises[0].id}")


def _date_label(f: Fact) -> str:
    """ "birthday", "her son's birthday", "anniversary": a person's words, not the fact key."""
    kind, _, relation = f.key.partition(":")
    label = kind.replace("_", " ")
    relation = relation or f.detail.get("relation", "")
    name = f.detail.get("name", "")
    if relation:
        return f"{relation} {name}'s {label}".replace("  ", " ") if name else f"{relation}'s {label}"
    return label


def _keep_in_touch(
    memory: Memory, day: date, clients: dict[int, Any], current: dict[int, list[Fact]], cadence_days: int
) -> list[DigestItem]:
    """Clients not heard from for longer than their cadence, who may still be contacted on some channel."""
    items = []
    for cid, client in clients.items():
        view = contact_channels(current.get(cid, []), on=day)
        if not view.allowed:
            continue  # they asked not to be contacted at all: never nag the salesperson to reach out
        last = memory.last_contact(cid)
        if last is None:
            continue
        cadence = memory.cadence_days(cid) or cadence_days
        quiet = (day - last.date()).days
        if quiet < cadence:
            continue
        latest = memory.notes(cid, limit=1)
        text = f"no contact for {quiet} days; you keep in touch every {cadence} days"
        if view.closed:
            text += f"; by {view.best}, not by {' or '.join(view.closed)}"
        elif view.preferred:
            text += f"; prefers {view.preferred}"
        ids = tuple(n.id for n in latest)
        items.append(
            _item("keep_in_touch", client.name, text, last.date() + timedelta(days=cadence), ids, f"kit:{cid}")
        )
    return items


def _drafts(memory: Memory, day: date, clients: dict[int, Any], draft_days: int) -> list[DigestItem]:
    """Drafts awaiting approval, written within the last `draft_days` days (older ones are stale)."""
    items = []
    for d in memory.drafts(status="pending"):
        if d.client_id not in clients or d.verdict == "block":
            continue  # a draft the guard blocked cannot be approved as is: nothing awaits the salesperson
        if d.created_at is not None and (day - d.created_at.astimezone(UTC).date()).days > draft_days:
            continue
        text = f"draft “{d.purpose}” awaits your approval"
        items.append(_item("awaiting_approval", clients[d.client_id].name, text, None, d.sources, f"draft:{d.id}"))
    return items


def _archived(memory: Memory, day: date, clients: dict[int, Any]) -> list[DigestItem]:
    """Promises an import archived, listed on the import's day (or the next), unless a digest already listed them."""
    by_client: dict[int, list[Commitment]] = {}
    for c in memory.archived_promises():
        archived = memory.promise_closed_at(c.id)
        if c.client_id in clients and archived and 0 <= (day - archived.date()).days <= ARCHIVE_LISTED_DAYS:
            by_client.setdefault(c.client_id, []).append(c)
    items = []
    for cid, promises in by_client.items():
        key = f"archived:{cid}:{min(c.id for c in promises)}"
        if memory.digest_sent_before(day.isoformat(), [key]):
            continue
        oldest = min((c.due for c in promises if c.due), default=None)
        n = len(promises)
        text = (
            f"{n} old promise{'s' if n != 1 else ''} from imported notes, long overdue when imported"
            + (f" (oldest due {oldest.isoformat()})" if oldest else "")
            + ": confirm or drop"
        )
        ids = [i for c in promises for i in c.source_ids]
        items.append(_item("promise_archived", clients[cid].name, text, oldest, ids, key))
    return items


def _one_line_per_client_and_kind(items: Iterable[DigestItem]) -> list[DigestItem]:
    """Merge items of one client and kind (two birthdays, three drafts) into one line."""
    merged: dict[tuple[str, str], DigestItem] = {}
    counts: dict[tuple[str, str], int] = {}
    for item in items:
        ident = (item.client, item.kind)
        counts[ident] = counts.get(ident, 0) + 1
        first = merged.get(ident)
        if first is None:
            merged[ident] = item
            continue
        merged[ident] = replace(
            first,
            text=f"{first.text}; {item.text}",
            source_ids=tuple(dict.fromkeys([*first.source_ids, *item.source_ids])),
            due=item.due if item.due and (first.due is None or item.due < first.due) else first.due,
        )
    return [
        replace(item, text=f"{counts[ident]} drafts await your approval")
        if counts[ident] > 1 and item.kind == "awaiting_approval"
        else item
        for ident, item in merged.items()
    ]


def _item(
    kind: str, client: str, text: str, due: date | None, source_ids: tuple[str, ...] | list[str], key: str
) -> DigestItem:
    return DigestItem(kind, client, text, due, tuple(dict.fromkeys(source_ids)), key)


HEADINGS = {
    "promise_due": "Promises due",
    "birthday": "Dates coming up",
    "keep_in_touch": "Time to get in touch",
    "awaiting_approval": "Drafts awaiting approval",
    "promise_archived": "Old promises from your import",
}


def render_digest(digest: Digest, limit: int | None = SHOWN_LINES) -> str:
    """The digest as one plain-text message: the first `limit` lines (None: all) and "and N more"."""
    day = digest.date.isoformat()
    if not digest.items:
        return f"Nothing due on {day}."
    shown = digest.items if limit is None else digest.items[:limit]
    lines = [f"Your day, {day}:"]
    for kind, heading in HEADINGS.items():
        items = [i for i in shown if i.kind == kind]
        if items:
            lines.append(f"\n{heading}:")
            lines += [f"• {i.client}: {i.text}" for i in items]
    hidden = len(digest.items) - len(shown)
    if hidden:
        lines.append(f"\n…and {hidden} more.")
    return "\n".join(lines)
