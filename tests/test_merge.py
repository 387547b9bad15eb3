"""/merge: one person filed under two names (an import beside a chat note) becomes one client, after a button."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.chat.conversation import Conversation, Reply
from bot.runtime import Runtime
from memory.service import NoteInput
from tests.helpers import only

U = "5151"


pytestmark = pytest.mark.scripted_voice  # conftest's `chat` gets a ScriptedTranscriber


one = only


def tap(chat: Conversation, reply: Reply, label: str) -> Reply:
    data = next(b.data for row in reply.buttons for b in row if b.label.startswith(label))
    return one(chat.handle_callback(U, data))


def imported(runtime: Runtime, client: str, text: str, note_id: str) -> None:
    at = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    runtime.memory(U).import_notes([NoteInput(client, text, at, at.isoformat(), note_id=note_id)])


def test_merge_moves_notes_facts_and_promises_after_the_button(chat: Conversation, runtime: Runtime) -> None:
    imported(runtime, "Okafor, Chidi", "promised Chidi the freight quote by Friday; he wants teak, not pine", "crm-7")
    imported(runtime, "Chidi Okafor", "his son Emeka turns 9 on March 4", "crm-8")
    memory = runtime.memory(U)
    assert sorted(c.name for c in memory.clients()) == ["Chidi Okafor", "Okafor, Chidi"]

    ask = one(chat.handle_text(U, "/merge Okafor, Chidi into Chidi Okafor"))
    assert "1 note" in ask.text and len(memory.clients()) == 2  # nothing moves before the tap
    assert "Merged Okafor, Chidi into Chidi Okafor" in tap(chat, ask, "Yes").text

    (client,) = memory.clients()
    assert client.name == "Chidi Okafor" and "Okafor, Chidi" in client.aliases
    assert {n.id for n in memory.notes(client.id)} >= {"crm-7"}
    kinds = {f.kind.value if hasattr(f.kind, "value") else f.kind for f in memory.facts(client.id)}
    assert {"preference", "personal_date"} <= kinds  # the import's teak and the chat's birthday, one client
    assert [c.client for c in memory.commitments(client.id, status=None)] == ["Chidi Okafor"]  # archived: old import
    assert [h.note.id for h in memory.search("freight quote", k=1, client=client)] == ["crm-7"]
    assert memory.find_client("Okafor, Chidi").id == client.id  # the old name finds the merged client


def test_merge_cancel_and_stale_button_change_nothing(chat: Conversation, runtime: Runtime) -> None:
    imported(runtime, "Dr. Ingrid Holm", "wants the oak shelving", "crm-1")
    imported(runtime, "Ingrid Holm-Berg", "budget went up to 12k", "crm-2")
    ask = one(chat.handle_text(U, "/merge Dr. Ingrid Holm into Ingrid Holm-Berg"))
    assert "Nothing was merged" in tap(chat, ask, "Cancel").text
    assert len(runtime.memory(U).clients()) == 2
    assert "Merged" in tap(chat, ask, "Yes").text
    assert "no longer valid" in tap(chat, ask, "Yes").text  # the first client is gone: a second tap does nothing


@pytest.mark.parametrize(
    "args",
    ["", "Tomás Rivera", "Tomás Rivera into Tomás Rivera"],
)
def test_merge_needs_two_different_clients(chat: Conversation, args: str) -> None:
    one(chat.handle_text(U, "Tomás Rivera: wants two pallets of tiles"))
    reply = one(chat.handle_text(U, f"/merge {args}".strip()))
    assert not reply.buttons
    assert "/merge NAME into NAME" in reply.text or "already one client" in reply.text


def test_merge_keeps_salespeople_apart(chat: Conversation, runtime: Runtime) -> None:
    imported(runtime, "Aiko Mori", "wants the linen curtains", "crm-3")
    imported(runtime, "Mori Aiko", "prefers calls after 5pm", "crm-4")
    one(chat.handle_text("other", "Aiko Mori: wants velvet"))
    ask = one(chat.handle_text(U, "/merge Mori Aiko into Aiko Mori"))
    forged = next(b.data for row in ask.buttons for b in row if b.label.startswith("Yes"))
    assert "no longer valid" in one(chat.handle_callback("other", forged)).text  # ids of another salesperson
    assert [c.name for c in runtime.memory("other").clients()] == ["Aiko Mori"]


def test_merge_typed_without_the_slash_is_the_command_not_a_client(chat: Conversation, runtime: Runtime) -> None:
    reply = one(chat.handle_text(U, "merge"))
    assert "/merge NAME into NAME" in reply.text
    assert runtime.memory(U).clients() == []
