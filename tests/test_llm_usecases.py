"""Ask, note extraction, check and `chet log` with an LLM: the real SDK against a fake server on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.interfaces.cli import main
from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.ask import answer
from bot.usecases.drafting import check_message
from memory.service import NoteInput
from tests.fake_openai import FakeOpenAI

AT = datetime(2025, 3, 3, 10, tzinfo=UTC)


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def _runtime(data_dir: Path, fake: FakeOpenAI) -> Runtime:
    settings = Settings(
        chet_data_dir=data_dir,
        openai_api_key="sk-test-000000000000",
        openai_base_url=fake.url,
        chet_llm_timeout=5,
        _env_file=None,
    )
    return Runtime(settings)


def _seed(memory: Any) -> None:
    memory.import_notes(
        [
            NoteInput(
                client="Dana Lee",
                text="Dana loves Italian food and hates long meetings.",
                at=AT,
                at_raw="2025-03-03",
                note_id="d1",
                source="import",
            ),
            NoteInput(
                client="Dana Lee",
                text="Demo of the dashboard went well; she wants the blue theme.",
                at=AT,
                at_raw="2025-03-04",
                note_id="d2",
                source="import",
            ),
        ]
    )


def test_ask_with_llm_keeps_only_citations_it_was_shown(data_dir: Path, fake: FakeOpenAI) -> None:
    runtime = _runtime(data_dir, fake)
    memory = runtime.memory("local")
    _seed(memory)
    fake.reply({"answer": "She loves Italian food.", "sources": ["d1", "made-up-id"], "abstained": False})
    result = answer(memory, "What food does Dana like?", memory.find_client("Dana"), runtime.llm(memory))
    assert result.engine == "openai" and result.sources == ["d1"] and not result.abstained
    sent = json.dumps(fake.requests[0]["json"]["messages"])
    assert "Dana loves Italian food" in sent  # the notes went to the model as data
    fake.reply({"answer": "I have no note about her shoe size.", "sources": [], "abstained": True})
    result = answer(memory, "What is Dana's shoe size?", memory.find_client("Dana"), runtime.llm(memory))
    assert result.abstained and result.sources == []


def test_ask_falls_back_offline_when_the_model_cites_nothing(data_dir: Path, fake: FakeOpenAI) -> None:
    runtime = _runtime(data_dir, fake)
    memory = runtime.memory("local")
    _seed(memory)
    fake.reply({"answer": "She likes pasta.", "sources": [], "abstained": False})
    result = answer(memory, "What food does Dana like?", memory.find_client("Dana"), runtime.llm(memory))
    assert result.engine == "offline" and result.notices and "d1" in result.sources


def test_note_extraction_and_log_through_the_cli(
    data_dir: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-000000000000")
    monkeypatch.setenv("OPENAI_BASE_URL", fake.url)
    fake.reply(
        {
            "facts": [
                {
                    "kind": "preference",
                    "key": "food",
                    "value": "Italian",
                    "text": "loves Italian food",
                    "due": None,
                    "detail": [],
                }
            ]
        }
    )
    code = main(["--data-dir", str(data_dir), "note", "--json", "Dana Lee", "She loves Italian food."])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and [f["value"] for f in doc["facts"]] == ["Italian"]
    assert main(["--data-dir", str(data_dir), "log", "--json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert log[0]["task"] == "extract" and log[0]["prompt_tokens"] == 100 and "Italian" in log[0]["prompt"]
    assert "sk-test-000000000000" not in json.dumps(log)


def test_check_adds_the_verifiers_unsupported_claims(data_dir: Path, fake: FakeOpenAI) -> None:
    runtime = _runtime(data_dir, fake)
    memory = runtime.memory("local")
    _seed(memory)
    text = "Hi Dana, thanks for the demo. Your CFO already signed off on the budget."
    fake.reply(
        {
            "claims": [
                {"claim": "there was a demo", "span": "thanks for the demo", "supported": True, "note_ids": ["d2"]},
                {
                    "claim": "the CFO signed off",
                    "span": "Your CFO already signed off on the budget",
                    "supported": False,
                    "note_ids": [],
                },
            ]
        }
    )
    doc = check_message(runtime, memory, memory.find_client("Dana"), text, AT)
    spans = [f.span for f in doc.findings if f.kind == "unsupported_claim"]
    assert "Your CFO already signed off on the budget" in spans and doc.verdict == "block"


def test_chat_routing_by_the_model_with_offline_fallback(data_dir: Path, fake: FakeOpenAI) -> None:
    from bot.chat.conversation import Conversation

    runtime = _runtime(data_dir, fake)
    _seed(runtime.memory("local"))
    chat = Conversation(runtime, transcriber=None)
    # The rules would file this as a note; the model sees a draft request.
    fake.reply({"intent": "draft", "client": "Dana Lee", "purpose": "the catalogue", "text": "catalogue"})
    fake.reply(
        {
            "text": "Hi Dana, here is the catalogue we talked about. Anything you'd like to see first?",
            "citations": ["d2"],
        }
    )
    replies = chat.handle_text("local", "Could you put something together for Dana Lee regarding the catalogue")
    assert "draft" in replies[0].text.lower() and "catalogue" in replies[0].text
    assert [r["path"] for r in fake.requests][-2:] == ["/v1/chat/completions"] * 2
    # The model failing (500s) leaves the offline rules in charge: a question is still a question.
    for _ in range(3):
        fake.reply(status=500)
    replies = chat.handle_text("local", "What food does Dana like?")
    assert "Italian" in replies[0].text
