"""Drafting end to end: offline and through the real OpenAI SDK against a fake server; approval; SMTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.engines.channels import CopyChannel, SMTPChannel
from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.approval import DraftStateError, approve, discard, edit
from bot.usecases.drafting import check_message, make_draft
from memory.service import NoteInput
from memory.timeutil import now_utc
from tests.fake_openai import FakeOpenAI

RECENT = now_utc() - timedelta(days=3)


def _seed(memory: Any) -> None:
    notes = [
        ("d1", "Product demo of the reporting dashboard for Dana. She wants the blue model, not the grey one.", 6),
        ("d2", "Dana's daughter Sofia starts college in the fall. Promised Dana pricing by Friday.", 3),
        ("d3", "Dana prefers email. Her email is dana@acme.example.", 2),
    ]
    memory.import_notes(
        [
            NoteInput(
                client="Dana Whitaker",
                text=text,
                at=now_utc() - timedelta(days=days),
                at_raw=(now_utc() - timedelta(days=days)).isoformat(timespec="seconds"),
                note_id=nid,
                source="import",
            )
            for nid, text, days in notes
        ]
    )


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as fake:
        yield fake


def _llm_runtime(data_dir: Path, fake: FakeOpenAI, **extra: Any) -> Runtime:
    settings = Settings(
        chet_data_dir=data_dir,
        openai_api_key="sk-test-secret-key-123456",
        openai_base_url=fake.url,
        chet_llm_timeout=extra.pop("timeout", 5.0),
        _env_file=None,
        **extra,
    )
    return Runtime(settings)


def test_offline_draft_is_grounded_and_passes(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    _seed(memory)
    client = memory.find_client("Dana")
    doc = make_draft(runtime, memory, client, "follow up after the product demo")
    assert doc.engine == "offline" and doc.verdict == "pass", doc
    assert "Dana" in doc.text and "Whitaker" not in doc.text
    assert "grey" not in doc.text.lower() or "not" in doc.text.lower()
    assert set(doc.sources) <= {"d1", "d2", "d3"} and doc.sources
    assert 0 < doc.prompt_tokens <= 2000
    assert doc.notices and "offline" in doc.notices[0]


def test_prompt_tokens_stay_flat_as_history_grows(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    base = now_utc() - timedelta(days=400)
    memory.import_notes(
        [
            NoteInput(
                client="Dana Whitaker",
                text=f"Call {i}: talked about the quarterly roadmap, item {i}, and budgets.",
                at=base + timedelta(hours=i),
                at_raw=(base + timedelta(hours=i)).isoformat(),
                note_id=f"n{i}",
                source="import",
            )
            for i in range(10)
        ]
    )
    small = make_draft(runtime, memory, memory.find_client("Dana"), "check in").prompt_tokens
    memory.import_notes(
        [
            NoteInput(
                client="Dana Whitaker",
                text=f"Call {i}: talked about the quarterly roadmap, item {i}, and budgets.",
                at=base + timedelta(hours=i),
                at_raw=(base + timedelta(hours=i)).isoformat(),
                note_id=f"n{i}",
                source="import",
            )
            for i in range(10, 400)
        ]
    )
    big = make_draft(runtime, memory, memory.find_client("Dana"), "check in").prompt_tokens
    assert small <= big <= 2000


def test_llm_draft_blocked_then_regenerated_with_feedback(data_dir: Path, fake_openai: FakeOpenAI) -> None:
    runtime = _llm_runtime(data_dir, fake_openai)
    memory = runtime.memory("local")
    fake_openai.reply({"facts": []})  # extraction calls are not made by import; keep the queue explicit
    fake_openai.replies.clear()
    _seed(memory)
    invented = "Hi Dana, great to see you at the Denver conference! As promised, here is 20% off the grey model."
    truthful = "Hi Dana, thanks for the product demo. I'll have the pricing for the blue model to you by Friday."
    fake_openai.reply({"text": invented, "citations": ["d1"]})
    fake_openai.reply({"text": truthful, "citations": ["d1", "d2"]})
    doc = make_draft(runtime, memory, memory.find_client("Dana"), "follow up after the product demo")
    assert doc.text == truthful and doc.verdict == "pass", doc
    assert doc.engine == "openai" and doc.sources == ("d1", "d2")
    second_prompt = json.dumps(fake_openai.requests[1]["json"]["messages"])
    assert "unsupported_claim" in second_prompt or "invented_commitment" in second_prompt
    log = memory.ledger.llm_log()
    assert len(log) == 2 and "sk-test-secret-key-123456" not in json.dumps(log)


@pytest.mark.parametrize("failure", ["invalid_json", "rate_limited_then_ok", "timeout"])
def test_llm_failures_fall_back_or_retry(data_dir: Path, fake_openai: FakeOpenAI, failure: str) -> None:
    runtime = _llm_runtime(data_dir, fake_openai, timeout=0.5)
    memory = runtime.memory("local")
    _seed(memory)
    if failure == "invalid_json":
        fake_openai.reply("{not json")
        fake_openai.reply("{still not json")
    elif failure == "rate_limited_then_ok":
        fake_openai.reply(status=429, headers={"Retry-After": "0"})
        fake_openai.reply({"text": "Hi Dana, thanks for the product demo. Any questions so far?", "citations": ["d1"]})
    else:
        for _ in range(4):
            fake_openai.reply({"text": "late"}, sleep=1.5)
    doc = make_draft(runtime, memory, memory.find_client("Dana"), "follow up after the product demo")
    assert doc.text.strip()
    if failure == "rate_limited_then_ok":
        assert doc.engine == "openai" and doc.notices == ()
    else:
        assert doc.engine == "offline"
        assert any("offline" in n for n in doc.notices), doc.notices
        assert doc.verdict != "block"


def test_check_blocks_planted_problems_and_passes_truth(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    _seed(memory)
    client = memory.find_client("Dana")
    at = datetime.now(UTC)
    good = check_message(
        runtime, memory, client, "Hi Dana,\n\nThanks for the product demo. Pricing is on its way.\n", at
    )
    assert good.verdict == "pass", good
    bad = check_message(runtime, memory, client, "Dear Dana Whitaker, our grey model is 30% off as promised!", at)
    kinds = {f.kind for f in bad.findings}
    assert bad.verdict == "block" and {"contradicts_preference", "invented_commitment"} <= kinds
    for f in bad.findings:
        assert f.span in "Dear Dana Whitaker, our grey model is 30% off as promised!"


def test_approve_edit_discard_and_double_tap(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    _seed(memory)
    client = memory.find_client("Dana")
    doc = make_draft(runtime, memory, client, "follow up after the product demo")
    before = memory.ledger.last_contact(client.id)
    decision = approve(memory, doc.draft_id, CopyChannel())
    assert decision.delivery is not None and decision.delivery.channel == "copy"
    assert decision.delivery.detail == doc.text
    assert memory.ledger.last_contact(client.id) >= before  # the approved message counts as contact
    with pytest.raises(DraftStateError):
        approve(memory, doc.draft_id, CopyChannel())  # double tap: harmless, nothing sent twice
    assert len(memory.ledger.message_times(client.id)) == 1
    other = make_draft(runtime, memory, client, "share the pricing")
    edited = edit(memory, other.draft_id, "Dear Dana Whitaker, {first_name}, 50% off as promised!")
    assert edited.draft.verdict == "block"
    with pytest.raises(DraftStateError):
        approve(memory, other.draft_id, CopyChannel())  # a blocked draft cannot be approved
    assert discard(memory, other.draft_id).draft.status == "discarded"
    with pytest.raises(DraftStateError):
        discard(memory, "d-forged")
    events = [a["event"] for a in memory.ledger.export()["audit"]]
    assert {"draft.created", "draft.approved", "message.sent", "draft.edited", "draft.discarded"} <= set(events)


@dataclass
class LocalSMTP:
    """A real SMTP server (aiosmtpd) on loopback: what it received, and a channel that sends to it."""

    channel: SMTPChannel
    received: list[Any]


@pytest.fixture
def smtp_server() -> Iterator[LocalSMTP]:
    import socket

    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received: list[Any] = []

    class Keep(Message):
        def handle_message(self, message: Any) -> None:
            received.append(message)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield LocalSMTP(SMTPChannel("127.0.0.1", port, "sam@example.com", security="none"), received)
    finally:
        controller.stop()


def test_smtp_sending_to_a_real_local_server(runtime: Runtime, smtp_server: LocalSMTP) -> None:
    memory = runtime.memory("local")
    _seed(memory)
    client = memory.find_client("Dana")
    doc = make_draft(runtime, memory, client, "follow up after the product demo")
    decision = approve(memory, doc.draft_id, smtp_server.channel)
    received = smtp_server.received
    assert decision.delivery is not None and decision.delivery.detail == "dana@acme.example"
    assert len(received) == 1 and received[0]["To"] == "dana@acme.example"
    assert doc.text.split("\n")[0] in received[0].get_payload()


def test_an_opt_out_written_after_the_drafts_stops_every_approval(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    _seed(memory)
    client = memory.find_client("Dana")
    drafts = [make_draft(runtime, memory, client, p).draft_id for p in ("demo follow-up", "pricing", "check in")]
    now = now_utc()
    memory.add_note(NoteInput("Dana Whitaker", "Dana asked me to stop contacting her.", now, now.isoformat()))
    for draft_id in drafts:
        with pytest.raises(DraftStateError, match="not sent"):
            approve(memory, draft_id, CopyChannel())
        draft = memory.draft(draft_id)
        assert draft is not None and draft.verdict == "block"
    assert memory.ledger.message_times(client.id) == []


def test_messages_approved_since_a_draft_was_made_are_shown_before_it_is_sent(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    _seed(memory)
    client = memory.find_client("Dana")
    first, second = (make_draft(runtime, memory, client, p).draft_id for p in ("demo follow-up", "pricing"))
    approve(memory, first, CopyChannel())
    with pytest.raises(DraftStateError, match="Approve again"):  # a message went out after this draft was made
        approve(memory, second, CopyChannel())
    rechecked = memory.draft(second)
    assert rechecked is not None and rechecked.verdict == "warn"
    assert approve(memory, second, CopyChannel()).delivery is not None  # seen, then sent on purpose
    assert len(memory.ledger.message_times(client.id)) == 2


def test_a_client_who_opted_out_of_email_is_never_emailed(runtime: Runtime, smtp_server: LocalSMTP) -> None:
    memory = runtime.memory("local")
    _seed(memory)  # Dana's address is on file
    now = now_utc() - timedelta(hours=2)
    memory.add_note(
        NoteInput("Dana Whitaker", "Dana asked me to stop emailing her, prefers phone.", now, now.isoformat())
    )
    client = memory.find_client("Dana")
    doc = make_draft(runtime, memory, client, "follow up after the product demo")
    assert doc.verdict != "block", doc
    decision = approve(memory, doc.draft_id, smtp_server.channel)
    assert decision.delivery is not None and decision.delivery.channel == "copy"  # for the phone, not the mailbox
    assert smtp_server.received == []
