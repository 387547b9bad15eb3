"""Digest buttons snooze a promise; /cadence sets how often to keep in touch."""

from __future__ import annotations

from datetime import timedelta

from bot.chat.conversation import STALE, Conversation
from bot.runtime import Runtime
from bot.usecases.digest import build_digest
from memory.timeutil import now_utc

U = "42"


def test_snooze_moves_a_due_promise_out_of_todays_digest(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Dana Lee: promised her the pricing sheet today")
    memory = runtime.memory(U)
    [promise] = memory.ledger.commitments(None)
    today = now_utc().date()
    assert [i.kind for i in build_digest(memory, today).items] == ["promise_due"]
    digest = chat.handle_text(U, "/digest")
    snooze = [b.data for row in digest[0].buttons for b in row if b.label.startswith("Snooze")]
    assert snooze == [f"sz:{promise.id}"]
    reply = chat.handle_callback(U, snooze[0])
    assert reply[0].text.startswith("Snoozed until")
    assert build_digest(memory, today).items == ()
    assert [i.kind for i in build_digest(memory, today + timedelta(days=3)).items] == ["promise_due"]
    assert chat.handle_callback(U, "sz:999999")[0].text == STALE  # a stale button does nothing


def test_cadence_command(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Omar Haddad: coffee, talked about the renewal")
    reply = chat.handle_text(U, "/cadence Omar 14")
    assert "14 days" in reply[0].text
    memory = runtime.memory(U)
    assert memory.ledger.cadence_days(memory.find_client("Omar").id) == 14
    assert "/cadence Dana 14" in chat.handle_text(U, "/cadence Omar often")[0].text
