"""Clients: the card, the list, forget, promises done or snoozed, keep-in-touch cadence, client buttons."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.chat.core import SNOOZE_DAYS, ChatCore
from bot.chat.reply import Button, Reply, client_rows
from bot.chat.state import Choice
from bot.chat.texts import (
    STALE,
    clip,
    label,
    long_day,
    plural,
    short_day,
    strip_ids,
)
from bot.documents import profile_document
from memory.errors import AmbiguousClient
from memory.records import Client
from memory.timeutil import now_utc

MAX_PROFILE_FACTS = 10  # a profile card stays one screen; /export has everything

__all__ = ["ClientsMixin"]


class ClientsMixin(ChatCore):
    """Clients: the card, the list, forget, promises done or snoozed, keep-in-touch cadence, client buttons."""

    def _resolve(self, user: str, name: str, choice: Choice) -> Client | list[Reply]:
        """The client `name` means, or replies (buttons for an ambiguous name)."""
        memory = self._memory(user)
        try:
            return memory.find_client(name)
        except AmbiguousClient as err:
            found = [c for c in memory.clients() if c.name in err.candidates]
            return self._choose(user, choice, found, name)

    def _cmd_client(self, user: str, args: str) -> list[Reply]:
        if not args:
            return self._cmd_clients(user, args)
        client = self._resolve(user, args, Choice("client"))
        return client if isinstance(client, list) else self._profile(user, client)

    def _profile(self, user: str, client: Client) -> list[Reply]:
        memory = self._memory(user)
        tz = self.tz(user)
        doc = profile_document(memory.client_profile(client))  # the CLI's profile document: one shape
        head = client.name + (f" ({client.company})" if client.company else "")
        if client.goes_by:
            head += f", goes by {client.goes_by}"
        lines = [head, f"Last contact: {self._when(doc['last_contact'], tz)} · {plural(doc['notes'], 'note')}"]
        declined = {f["detail"].get("declined", "").casefold() for f in doc["facts"] if f["kind"] == "preference"}
        facts = [f for f in doc["facts"] if not (f["kind"] == "dislike" and f["value"].casefold() in declined)]
        source_ids = [i for f in facts for i in f["source_ids"]]
        if facts:
            lines.append("What I know:")
            lines += [f"• {clip(strip_ids(f['text'], f['source_ids']), 100)}" for f in facts[:MAX_PROFILE_FACTS]]
            if len(facts) > MAX_PROFILE_FACTS:
                lines.append(f"…and {len(facts) - MAX_PROFILE_FACTS} more (/export has everything)")
        else:
            lines.append("No details picked out yet; the notes themselves are kept (ask me about them).")
        row = [Button("Draft follow-up", f"fu:c:{client.id}")]
        if source_ids:
            row.append(Button("Sources", f"so:{self._keep_sources(user, source_ids)}"))
        buttons: list[list[Button]] = [row]
        if doc["commitments"]:
            lines.append("Open promises:")
            today = now_utc().astimezone(tz).date()
            for c in doc["commitments"][:MAX_PROFILE_FACTS]:
                text = clip(c["text"], 90)
                if c["due"] and (due := date.fromisoformat(c["due"])).isoformat() not in text:
                    shown = short_day(due, today)
                    text += "" if shown in text else f" (by {shown})"
                lines.append(f"• {text}")
                buttons.append([Button(f"Done: {label(c['text'], 30)}", f"dn:{c['id']}")])
        return [Reply("\n".join(lines), buttons)]

    @staticmethod
    def _when(raw: str | None, tz: ZoneInfo) -> str:
        if not raw:
            return "never"
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            return raw
        if moment.tzinfo is None:
            return long_day(moment.date())
        return long_day(moment.astimezone(tz).date())

    def _cmd_clients(self, user: str, args: str) -> list[Reply]:
        memory = self._memory(user)
        clients = memory.clients()
        if not clients:
            return [Reply("No clients yet. Send a note like “Dana from Acme: wants blue, not grey”.")]
        tz = self.tz(user)
        lines = [f"Your clients ({len(clients)}):"]
        for c in clients[:60]:
            last = memory.last_contact(c.id)
            company = f" ({c.company})" if c.company else ""
            when = long_day(last.astimezone(tz).date()) if last else "never"
            lines.append(f"• {c.name}{company}: {plural(memory.count_notes(c.id), 'note')}, last contact {when}")
        if len(clients) > 60:
            lines.append(f"… and {len(clients) - 60} more (/client NAME)")
        return [Reply("\n".join(lines), client_rows(clients[:8], prefix="p"))]

    def _cmd_forget(self, user: str, args: str) -> list[Reply]:
        if not args:
            return [Reply("Say whom to forget: /forget NAME")]
        client = self._resolve(user, args, Choice("forget"))
        return client if isinstance(client, list) else self._confirm_forget(user, client)

    def _confirm_forget(self, user: str, client: Client) -> list[Reply]:
        count = self._memory(user).count_notes(client.id)
        text = f"Forget {client.name} and everything about them ({plural(count, 'note')}, facts, promises, drafts)? This cannot be undone."
        return [
            Reply(text, [[Button(f"Yes, forget {label(client.name, 30)}", f"fg:{client.id}"), Button("Cancel", "fx")]])
        ]

    _MERGE = re.compile(r"^\s*(?P<a>.+?)\s+(?:into|in|onto|with|>|->|→)\s+(?P<b>.+?)\s*$", re.I)

    def _cmd_merge(self, user: str, args: str) -> list[Reply]:
        """/merge A into B: one person filed under two names; asks before joining them."""
        m = self._MERGE.match(args or "")
        if not m:
            return [Reply("Say which two clients are one person: /merge NAME into NAME (the second name stays).")]
        pair = [self._merge_side(user, m.group(side)) for side in ("a", "b")]
        for side in pair:
            if isinstance(side, list):
                return side
        source, target = pair
        assert isinstance(source, Client) and isinstance(target, Client)
        if source.id == target.id:
            return [Reply(f"{source.name} and {target.name} are already one client.")]
        count = self._memory(user).count_notes(source.id)
        text = (
            f"Merge {source.name} into {target.name}? {plural(count, 'note')}, facts and promises move to "
            f"{target.name}, and “{label(source.name, 40)}” finds {target.name} from now on."
        )
        yes = Button(f"Yes, merge into {label(target.name, 24)}", f"mg:{source.id}-{target.id}")
        return [Reply(text, [[yes, Button("Cancel", "mx")]])]

    def _merge_side(self, user: str, name: str) -> Client | list[Reply]:
        """The client one side of /merge names: its exact name first (two near names are the usual reason to
        merge), else the forgiving match; an ambiguous name asks for the full one."""
        memory = self._memory(user)
        wanted = name.strip().casefold()
        exact = [c for c in memory.clients() if c.name.casefold() == wanted]
        if len(exact) == 1:
            return exact[0]
        try:
            return memory.find_client(name)
        except AmbiguousClient as err:
            return [Reply(f"“{label(name, 40)}” could be {' or '.join(err.candidates[:4])}: type the full name.")]

    def _cb_merge(self, user: str, ref: str) -> list[Reply]:
        """The Merge button: join the two clients it names."""
        memory = self._memory(user)
        source_id, _, target_id = ref.partition("-")
        source, target = memory.client(int(source_id)), memory.client(int(target_id))
        if source is None or target is None:
            return [Reply(STALE)]
        moved = memory.merge_clients(source, target)
        self._state(user).last_client = None  # the merged name no longer exists to continue in words
        return [Reply(f"Merged {source.name} into {target.name}: {plural(moved, 'note')} moved.")]

    def _cmd_done(self, user: str, args: str) -> list[Reply]:
        memory = self._memory(user)
        client: Client | None = None
        if args:
            found = self._resolve(user, args, Choice("done"))
            if isinstance(found, list):
                return found
            client = found
        promises = memory.commitments(client.id if client else None, status="open")
        if not promises:
            return [Reply("No open promises" + (f" for {client.name}." if client else "."))]
        if client and len(promises) == 1:
            return self._mark_done(user, promises[0].id)
        rows = [[Button(f"{label(p.client, 16)}: {label(p.text, 30)}", f"dn:{p.id}")] for p in promises[:12]]
        return [Reply("Which promise is done?", rows)]

    def _mark_done(self, user: str, commitment_id: int) -> list[Reply]:
        memory = self._memory(user)
        found = [c for c in memory.commitments(None, status=None) if c.id == commitment_id]
        if not found:
            return [Reply(STALE)]
        if found[0].status != "open":
            return [Reply(f"That promise is already {found[0].status}.")]
        memory.mark_promise_done(commitment_id)
        return [Reply(f"Marked done: {found[0].client}: {found[0].text}.")]

    def _snooze(self, user: str, commitment_id: int) -> list[Reply]:
        memory = self._memory(user)
        found = [c for c in memory.commitments(None, status="open") if c.id == commitment_id]
        if not found:
            return [Reply(STALE)]
        due = now_utc().astimezone(self.tz(user)).date() + timedelta(days=SNOOZE_DAYS)
        memory.snooze_promise(commitment_id, due)
        return [Reply(f"Snoozed until {long_day(due)}: {found[0].client}: {found[0].text}.")]

    def _cmd_cadence(self, user: str, args: str) -> list[Reply]:
        m = re.match(r"^(?P<name>.+?)\s+(?P<days>\d{1,4})(?:\s*d(?:ays?)?)?$", args.strip())
        if not m or not 1 <= int(m.group("days")) <= 3650:
            return [Reply("Say who and how often, in days: /cadence Dana 14")]
        found = self._resolve(user, m.group("name"), Choice("cadence"))
        if isinstance(found, list):
            return found
        memory = self._memory(user)
        memory.set_cadence(found.id, int(m.group("days")))
        return [Reply(f"I'll remind you when {found.name} hasn't heard from you for {m.group('days')} days.")]

    def _cb_choose(self, user: str, ref: str) -> list[Reply]:
        state = self._state(user)
        choice = state.choice
        if choice is None:
            return [Reply("That choice has expired; please send it again.")]
        client = self._memory(user).client(int(ref))
        if client is None:
            return [Reply("That client no longer exists.")]
        if choice.kind == "note":
            return self._file_pending(user, client.name, client)
        state.choice = None
        if choice.kind == "draft":
            return self._make_draft(user, client, str(choice.payload))
        if choice.kind == "ask":
            return self._ask(user, str(choice.payload), routed=False, client=client)
        if choice.kind == "forget":
            return self._confirm_forget(user, client)
        if choice.kind == "done":
            return self._cmd_done(user, client.name)
        return self._profile(user, client)

    def _cb_profile(self, user: str, ref: str) -> list[Reply]:
        client = self._memory(user).client(int(ref))
        return self._profile(user, client) if client else [Reply("That client no longer exists.")]

    def _cb_forget(self, user: str, ref: str) -> list[Reply]:
        memory = self._memory(user)
        client = memory.client(int(ref))
        if client is None:
            return [Reply("Already forgotten.")]
        memory.forget(client)
        return [Reply(f"Forgot {client.name}: their notes, facts, promises and drafts are erased.")]
