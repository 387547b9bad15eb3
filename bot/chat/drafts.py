"""Drafts: requests, the draft with its truth check, approve / edit / regenerate / discard."""

from __future__ import annotations

from collections.abc import Sequence

from bot.chat.core import ChatCore
from bot.chat.reply import Button, Reply
from bot.chat.routing import PURPOSE_LEAD, Route, split_target
from bot.chat.state import Choice
from bot.chat.texts import (
    STALE,
    VERDICT_LINES,
    clip,
    label,
    sentence,
    strip_ids,
)
from bot.engines.channels import build_channel
from bot.guard import Finding
from bot.usecases.approval import approve, discard, edit
from bot.usecases.drafting import make_draft, stored_findings
from memory.records import Client, DraftRecord

PLAIN_WHAT = {"message", "email", "note", "draft", "mail", "something", "reply", "text", "line", "quick note"}
CHANNEL_WHAT = {"email", "mail", "text"}  # a plain form that still names the channel the salesperson wants
MAX_FINDINGS_SHOWN = 3  # the rest are in --json; a phone shows the first few

__all__ = ["DraftsMixin"]


class DraftsMixin(ChatCore):
    """Drafts: requests, the draft with its truth check, approve / edit / regenerate / discard."""

    def _cmd_draft(self, user: str, args: str) -> list[Reply]:
        if not args:
            return [Reply("Say for whom and what for: /draft Dana the pricing we discussed")]
        return self._draft_for(user, args, "")

    def _draft_request(self, user: str, r: Route) -> list[Reply]:
        return self._draft_for(user, r.target, r.what)

    def _draft_for(self, user: str, target: str, what: str) -> list[Reply]:
        """Split "Dana Lee about the pricing" into a known client and a purpose, then draft."""
        memory = self._memory(user)
        name, purpose = split_target(memory, target)
        purpose = PURPOSE_LEAD.sub("", purpose).strip()
        if what and (what.casefold() not in PLAIN_WHAT or what.casefold() in CHANNEL_WHAT):  # "a text": the form
            purpose = f"{what} about {purpose}" if purpose else what
        if not purpose:
            purpose = "follow up on our last conversation"
        client = self._resolve(user, name, Choice("draft", purpose))
        return client if isinstance(client, list) else self._make_draft(user, client, purpose)

    def _make_draft(self, user: str, client: Client, purpose: str, variant: int = 0, feedback: str = "") -> list[Reply]:
        memory = self._memory(user)
        result = make_draft(self.runtime, memory, client, purpose, feedback=feedback, variant=variant)
        if variant:
            self._state(user).variants[result.draft_id] = variant
        reply = self._draft_reply(
            result.draft_id, client.name, result.text, result.verdict, result.findings, result.notices
        )
        return [reply]

    def _stored_draft_reply(self, draft_id: str, client_name: str, draft: DraftRecord) -> Reply:
        """The draft message for a draft the ledger kept (it has no notices: they were shown when it was written)."""
        return self._draft_reply(draft_id, client_name, draft.text, draft.verdict, stored_findings(draft), ())

    def _draft_reply(
        self,
        draft_id: str,
        client_name: str,
        text: str,
        verdict: str,
        findings: Sequence[Finding],
        notices: Sequence[str],
    ) -> Reply:
        lines = [f"Draft for {client_name}:", "", text.strip(), "", VERDICT_LINES.get(verdict, "")]
        for f in findings[:MAX_FINDINGS_SHOWN]:
            span = f" (“{label(f.span, 50)}”)" if f.span and f.span not in f.message else ""
            lines.append(f"• {clip(sentence(strip_ids(f.message, list(f.sources))), 140)}{span}")
        if len(findings) > MAX_FINDINGS_SHOWN:
            lines.append(f"…and {len(findings) - MAX_FINDINGS_SHOWN} more")
        lines += [clip(sentence(n)) for n in notices[:1]]
        if verdict == "block":
            rows = [[Button("Edit", f"e:{draft_id}"), Button("Regenerate", f"r:{draft_id}")]]
            rows.append([Button("Discard", f"x:{draft_id}")])
        else:
            rows = [[Button("Approve", f"a:{draft_id}"), Button("Edit", f"e:{draft_id}")]]
            rows.append([Button("Regenerate", f"r:{draft_id}"), Button("Discard", f"x:{draft_id}")])
        return Reply("\n".join(lines), rows)

    def _apply_edit(self, user: str, draft_id: str, text: str) -> list[Reply]:
        memory = self._memory(user)
        decision = edit(memory, draft_id, text)
        client = memory.client(decision.draft.client_id)
        reply = self._stored_draft_reply(draft_id, client.name if client else "your client", decision.draft)
        return [Reply("Edited and checked again.\n" + reply.text, reply.buttons)]

    def _draft_of(self, user: str, draft_id: str) -> DraftRecord | None:
        return self._memory(user).draft(draft_id) if draft_id else None

    def _cb_approve(self, user: str, draft_id: str) -> list[Reply]:
        memory = self._memory(user)
        decision = approve(memory, draft_id, build_channel(self.runtime.settings))
        client = memory.client(decision.draft.client_id)
        who = client.name if client else "the client"
        if decision.delivery and decision.delivery.channel == "email":
            return [Reply(f"Approved and sent to {who} by email ({decision.delivery.detail}).")]
        return [Reply(f"Approved. Here is the message for {who}, ready to copy:"), Reply(decision.draft.text)]

    def _cb_edit(self, user: str, draft_id: str) -> list[Reply]:
        draft = self._draft_of(user, draft_id)
        if draft is None:
            return [Reply("That draft no longer exists.")]
        if draft.status != "pending":
            return [Reply(f"This draft was already {draft.status}.")]
        self._state(user).edit_draft = draft_id
        return [
            Reply(
                "Send me the new text for this draft as your next message; I'll check it again. (/cancel keeps it as it is.)"
            )
        ]

    def _cb_regenerate(self, user: str, draft_id: str) -> list[Reply]:
        memory = self._memory(user)
        draft = self._draft_of(user, draft_id)
        if draft is None:
            return [Reply("That draft no longer exists.")]
        if draft.status != "pending":
            return [Reply(f"This draft was already {draft.status}.")]
        client = memory.client(draft.client_id)
        if client is None:
            return [Reply("The client of this draft was forgotten.")]
        discard(memory, draft_id)
        variant = self._state(user).variants.get(draft_id, 0) + 1
        return self._make_draft(user, client, draft.purpose, variant, "Write a different version of this message.")

    def _cb_discard(self, user: str, draft_id: str) -> list[Reply]:
        self._state(user).edit_draft = None
        discard(self._memory(user), draft_id)
        return [Reply("Discarded the draft.")]

    def _cb_view(self, user: str, draft_id: str) -> list[Reply]:
        draft = self._draft_of(user, draft_id)
        if draft is None:
            return [Reply("That draft no longer exists.")]
        if draft.status != "pending":
            return [Reply(f"This draft was already {draft.status}.")]
        client = self._memory(user).client(draft.client_id)
        return [self._stored_draft_reply(draft_id, client.name if client else "your client", draft)]

    def _cb_follow_up(self, user: str, ref: str) -> list[Reply]:
        memory = self._memory(user)
        kind, _, raw_id = ref.partition(":")
        ident = int(raw_id)
        client: Client | None = None
        purpose = "follow up on our last conversation"
        if kind == "p":
            found = [c for c in memory.commitments(None, status=None) if c.id == ident]
            if not found:
                return [Reply(STALE)]
            client, purpose = memory.client(found[0].client_id), f"follow up on my promise: {found[0].text}"
        elif kind == "b":
            facts = [f for f in memory.facts(None, current=None) if f.id == ident]
            if not facts:
                return [Reply(STALE)]
            what = facts[0].key.replace("_", " ")
            client, purpose = memory.client(facts[0].client_id), f"a kind word for their {what}, not an offer"
        elif kind == "k":
            client, purpose = memory.client(ident), "check in; it has been a while since we spoke"
        elif kind == "c":
            client = memory.client(ident)
        else:
            return [Reply(STALE)]
        if client is None:
            return [Reply("That client no longer exists.")]
        return self._make_draft(user, client, purpose)
