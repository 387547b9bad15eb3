"""The runtime builds the LLM client once, and every reader of a salesperson's time zone gets the same one."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.ask import today_for
from memory.timeutil import now_utc


def _runtime(data_dir: Path, **extra: object) -> Runtime:
    return Runtime(Settings(_env_file=None, chet_data_dir=data_dir, chet_transcriber="none", **extra))


def test_the_llm_client_is_built_once_and_each_salesperson_logs_to_their_own_ledger(data_dir: Path) -> None:
    runtime = _runtime(data_dir, openai_api_key="sk-test-key-123456")
    alice, bob = runtime.memory("alice"), runtime.memory("bob")
    engine = runtime.engine()
    assert engine is not None and runtime.engine() is engine
    for _ in range(3):
        assert runtime.llm(alice).client is engine.client and runtime.llm(bob).client is engine.client
    runtime.llm(alice)._record("gpt-test", "answer", "a prompt", 0.0, response="an answer")
    assert [e.task for e in alice.llm_log(5)] == ["answer"]
    assert bob.llm_log(5) == []


def test_offline_builds_no_engine(data_dir: Path) -> None:
    runtime = _runtime(data_dir, openai_api_key="sk-test-key-123456", chet_offline=True)
    assert runtime.engine() is None and runtime.llm(runtime.memory("local")) is None


def test_one_time_zone_precedence_for_every_reader(data_dir: Path) -> None:
    # 1. CHET_TZ set explicitly is CHET_USER's zone, whatever they saved.
    runtime = _runtime(data_dir, chet_tz="Europe/Paris")
    local, telegram_user = runtime.memory("local"), runtime.memory("7001")
    local.ledger.update_salesperson(tz="Asia/Tokyo")
    telegram_user.ledger.update_salesperson(tz="Asia/Tokyo")
    chat = Conversation(runtime, transcriber=None)
    paris, tokyo = ZoneInfo("Europe/Paris"), ZoneInfo("Asia/Tokyo")
    assert runtime.tz(local) == local.zone() == chat.tz("local") == chat.schedule("local")[0] == paris
    assert today_for(local) == now_utc().astimezone(paris).date()
    # 2. Otherwise the salesperson's own zone (`/settings tz`), for every salesperson.
    assert runtime.tz(telegram_user) == chat.tz("7001") == chat.schedule("7001")[0] == tokyo
    unset = _runtime(data_dir)
    assert unset.tz(unset.memory("local")) == Conversation(unset, transcriber=None).tz("local") == tokyo
    # 3. A new salesperson starts with CHET_TZ (UTC by default).
    assert unset.memory("7002").zone() == ZoneInfo("UTC")


def test_a_salesperson_without_a_saved_zone_has_the_same_zone_for_every_reader(data_dir: Path) -> None:
    # The chat core once fell back to CHET_TZ on its own while Memory.zone() fell back to UTC.
    runtime = _runtime(data_dir, chet_tz="Europe/Paris")
    other = runtime.memory("7003")
    other.ledger.update_salesperson(tz="")
    chat = Conversation(runtime, transcriber=None)
    assert chat.tz("7003") == chat.schedule("7003")[0] == runtime.tz(other) == other.zone()
    assert today_for(other) == now_utc().astimezone(other.zone()).date()
