"""The daily digest, settings and export."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.chat.core import SNOOZE_DAYS, TIME_OF_DAY, ChatCore
from bot.chat.reply import Button, Reply
from bot.chat.texts import label, strip_ids
from bot.documents import export_json  # the one place an export becomes JSON
from bot.usecases.digest import Digest, build_digest, render_digest
from memory.errors import BadInput
from memory.service import Memory
from memory.timeutil import now_utc, zone

__all__ = ["DailyMixin"]


class DailyMixin(ChatCore):
    """The daily digest, settings and export."""

    def _cmd_digest(self, user: str, args: str) -> list[Reply]:
        today = now_utc().astimezone(self.tz(user)).date()
        digest = build_digest(self._memory(user), today)
        return [self._digest_reply(self._memory(user), digest)]

    def _digest_reply(self, memory: Memory, digest: Digest) -> Reply:
        ids = {c.name: c.id for c in memory.clients()}
        rows: list[list[Button]] = []
        for item in digest.items[:12]:
            kind, _, ref = item.key.partition(":")
            who = label(item.client, 24)
            if kind == "draft":
                rows.append([Button(f"Review draft: {who}", f"v:{ref}")])
            elif kind == "promise":
                rows.append(
                    [
                        Button(f"Draft follow-up: {who}", f"fu:p:{ref}"),
                        Button("Done", f"dn:{ref}"),
                        Button(f"Snooze {SNOOZE_DAYS} days", f"sz:{ref}"),
                    ]
                )
            elif kind == "date":
                rows.append([Button(f"Draft follow-up: {who}", f"fu:b:{ref.split(':')[0]}")])
            elif item.client in ids:
                rows.append([Button(f"Draft follow-up: {who}", f"fu:k:{ids[item.client]}")])
        cited = [i for item in digest.items for i in item.source_ids]
        return Reply(strip_ids(render_digest(digest), cited), rows)  # ids stay in --json

    def claim_digest(self, user: str, day: date) -> tuple[Reply, list[str]] | None:
        """Today's digest items not yet sent, claimed as sent in one transaction (None when nothing is new).

        Claiming before sending makes the digest go out once even with several bot workers: a second
        worker's claim waits for the first and then finds nothing new. `release_digest` undoes a claim
        whose message could not be sent.
        """
        with self._lock(user):
            memory = self._memory(user)
            with memory.transaction():
                memory.set_meta("digest_day", day.isoformat())
                digest = build_digest(memory, day)
                keys = [i.key for i in digest.items]
                sent = memory.digest_sent(day.isoformat(), keys)
                fresh = tuple(i for i in digest.items if i.key not in sent)
                if not fresh:
                    return None
                memory.mark_digest_sent(day.isoformat(), [i.key for i in fresh])
            return self._digest_reply(memory, replace(digest, items=fresh)), [i.key for i in fresh]

    def release_digest(self, user: str, day: date, keys: list[str]) -> None:
        """Forget a claim whose digest could not be sent, so the next run sends those items."""
        with self._lock(user):
            self._memory(user).unmark_digest_sent(day.isoformat(), keys)

    def last_digest_day(self, user: str) -> str | None:
        """The last day a scheduled digest ran for this salesperson (ISO date), if any."""
        with self._lock(user):
            return self._memory(user).meta("digest_day")

    def _cmd_settings(self, user: str, args: str) -> list[Reply]:
        memory = self._memory(user)
        parts = args.split()
        if len(parts) == 2 and parts[0].lower() in {"tz", "timezone", "zone"}:
            try:
                zone(parts[1])
            except OSError as err:  # e.g. a name longer than the file system allows
                raise BadInput(f"unknown time zone {parts[1][:40]!r} (use an IANA name such as Europe/Paris)") from err
            memory.update_salesperson(tz=parts[1])
        elif len(parts) == 2 and parts[0].lower() in {"digest", "time"}:
            m = TIME_OF_DAY.match(parts[1])
            if not m:
                raise BadInput(f"not a time: {parts[1][:20]!r}; use HH:MM, e.g. /settings digest 07:30")
            memory.update_salesperson(digest_time=f"{int(m.group(1)):02d}:{m.group(2)}")
        elif len(parts) >= 2 and parts[0].lower() in {"name", "signature", "sign-off", "signoff"}:
            memory.update_salesperson(name=" ".join(parts[1:])[:60])  # the drafts' sign-off
        elif parts:
            return [Reply("Use /settings tz Europe/Paris, /settings digest 07:30 or /settings name Sam Carter.")]
        sp = memory.salesperson()
        head = "Saved. " if parts else ""
        return [
            Reply(
                f"{head}Time zone: {sp.tz}\nDaily digest: {sp.digest_time} ({sp.tz} time)\n"
                f"Drafts signed: {sp.name or 'no name yet'}\n"
                "Change them with /settings tz Europe/Paris, /settings digest 07:30 or /settings name Sam Carter."
            )
        ]

    def _cmd_export(self, user: str, args: str) -> list[Reply]:
        export = self._memory(user).export()
        data = export_json(export).encode("utf-8")
        day = now_utc().astimezone(self.tz(user)).date().isoformat()
        n = len(export.notes)
        return [
            Reply(
                f"All your data as JSON: {len(export.clients)} clients, {n} notes.",
                document=(f"chet-export-{day}.json", data),
            )
        ]
