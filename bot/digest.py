"""The daily digest: promises due, dates coming up, clients overdue for contact, drafts awaiting approval."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from memory.consent import contact_channels
from memory.dates import next_occurrence
from memory.records import Fact, FactKind
from memory.service import Memory

DEFAULT_CADENCE_DAYS = 30
DATES_AHEAD_DAYS = 7
_MONTH_DAY = re.compile(r"(?:\d{4}|-)-(\d{2})-(\d{2})$")


def build_digest(
    memory: Memory, day: date, cadence_days: int = DEFAULT_CADENCE_DAYS, ahead_days: int = DATES_AHEAD_DAYS
) -> dict[str, Any]:
    """The digest for `day` as the contract's JSON: {date, items[{kind, client, text, due, source_ids}]}."""
    ledger = memory.ledger
    clients = {c.id: c for c in ledger.clients()}
    current: dict[int, list[Fact]] = {}
    for f in ledger.facts(None):
        current.setdefault(f.client_id, []).append(f)
    # Only a client closed on every channel drops out of keep-in-touch ("stop emailing, prefers phone" stays).
    opted_out = {cid for cid, facts in current.items() if not contact_channels(facts).allowed}
    items: list[dict[str, Any]] = []
    for c in ledger.commitments(None, status="open"):
        if c.due is not None and c.due <= day:
            late = (day - c.due).days
            when = "due today" if late == 0 else f"{late} day{'s' if late != 1 else ''} overdue"
            items.append(_item("promise_due", c.client, f"{c.text} ({when})", c.due, c.source_ids, f"promise:{c.id}"))
    for f in ledger.facts(None):
        if f.kind is not FactKind.PERSONAL_DATE or f.client_id not in clients:
            continue
        m = _MONTH_DAY.search(f.value)
        if not m:
            continue
        occurs = next_occurrence(int(m.group(1)), int(m.group(2)), day)
        if (occurs - day).days <= ahead_days:
            label = "today" if occurs == day else f"on {occurs.strftime('%a %d %b')}"
            what = f.key.replace("_", " ")
            text = f"{what} {label}: a kind word, not an offer"
            items.append(
                _item("birthday", clients[f.client_id].name, text, occurs, f.source_ids, f"date:{f.id}:{occurs}")
            )
    for cid, client in clients.items():
        if cid in opted_out:
            continue  # they asked not to be contacted: never nag the salesperson to reach out
        last = ledger.last_contact(cid)
        if last is None:
            continue
        cadence = ledger.cadence_days(cid) or cadence_days
        quiet = (day - last.date()).days
        if quiet >= cadence:
            latest = ledger.notes(cid, limit=1)
            text = f"no contact for {quiet} days (cadence {cadence} days)"
            view = contact_channels(current.get(cid, []))
            if view.closed:
                text += f"; by {view.best}, not by {' or '.join(view.closed)}"
            elif view.preferred:
                text += f"; prefers {view.preferred}"
            ids = tuple(n.id for n in latest)
            items.append(
                _item("keep_in_touch", client.name, text, last.date() + timedelta(days=cadence), ids, f"kit:{cid}")
            )
    for d in ledger.drafts(status="pending"):
        if d["client_id"] in clients:
            text = f"draft “{d['purpose']}” awaits your approval ({d['verdict']})"
            items.append(
                _item(
                    "awaiting_approval",
                    clients[d["client_id"]].name,
                    text,
                    None,
                    tuple(d["sources"]),
                    f"draft:{d['id']}",
                )
            )
    order = {"promise_due": 0, "birthday": 1, "keep_in_touch": 2, "awaiting_approval": 3}
    items.sort(key=lambda i: (order[i["kind"]], i["due"] or "", i["client"]))
    return {"date": day.isoformat(), "items": items}


def _item(
    kind: str, client: str, text: str, due: date | None, source_ids: tuple[str, ...] | list[str], key: str
) -> dict[str, Any]:
    return {
        "kind": kind,
        "client": client,
        "text": text,
        "due": due.isoformat() if due else None,
        "source_ids": list(source_ids),
        "key": key,
    }


HEADINGS = {
    "promise_due": "Promises due",
    "birthday": "Dates coming up",
    "keep_in_touch": "Time to get in touch",
    "awaiting_approval": "Drafts awaiting approval",
}


def render_digest(digest: dict[str, Any]) -> str:
    """The digest as one plain-text message."""
    if not digest["items"]:
        return f"Nothing due on {digest['date']}."
    lines = [f"Your day, {digest['date']}:"]
    for kind, heading in HEADINGS.items():
        items = [i for i in digest["items"] if i["kind"] == kind]
        if items:
            lines.append(f"\n{heading}:")
            lines += [
                f"• {i['client']}: {i['text']}" + (f" [{', '.join(i['source_ids'])}]" if i["source_ids"] else "")
                for i in items
            ]
    return "\n".join(lines)
