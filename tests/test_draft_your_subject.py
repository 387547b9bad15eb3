"""A note's sentence whose subject is the client's own thing or people ("her budget", "his kids") is said to
the client with "your" and its verb as typed; `to_you` turns only the subject and never makes a noun phrase's
need the client's wish. Invented sentences, typed the way salespeople type them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.draft_context import DraftContext
from bot.usecases.draft_details import to_you
from bot.usecases.draft_offline import said_to_client
from bot.usecases.drafting import make_draft
from memory.records import Client
from memory.service import NoteInput
from memory.timeutil import now_utc

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _ctx() -> DraftContext:
    return DraftContext(client=Client(id=1, name="Pia Moreau"), purpose="follow up", now=NOW, notes=[])


@pytest.mark.parametrize(
    ("clause", "said"),
    [
        ("her budget is around 4k", "your budget is around 4k"),
        ("his kids love the red one", "your kids love the red one"),
        ("her team needs 3 laptops", "your team needs 3 laptops"),
        ("their office has 40 desks", "your office has 40 desks"),
        ("his wife prefers the oak finish", "your wife prefers the oak finish"),
        ("her deadline is end of june", "your deadline is end of June"),
    ],
)
def test_a_sentence_about_the_clients_own_thing_is_said_to_them(clause: str, said: str) -> None:
    assert said_to_client(clause, _ctx()) == said


@pytest.mark.parametrize(
    ("clause", "turned"),
    [
        ("her team needs 3 laptops", "your team needs 3 laptops"),
        ("his studio wants 2 more chairs", "your studio wants 2 more chairs"),
        ("the office needs 5 monitors", "the office needs 5 monitors"),
    ],
)
def test_to_you_turns_only_the_subject_of_a_noun_phrase(clause: str, turned: str) -> None:
    assert to_you(clause) == turned


@pytest.mark.parametrize(
    "clause",
    [
        "the office needs 5 monitors",  # someone else's need, not the client's
        "her son loved the pottery class",  # a relative's past doing
        "need to send her budget sheet",  # the salesperson's own to-do
        "her quote for the sofa",  # a fragment with no verb
    ],
)
def test_others_and_to_dos_stay_out(clause: str) -> None:
    assert said_to_client(clause, _ctx()) == "", clause


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    data: Path = tmp_path_factory.mktemp("yoursubject")
    rt = Runtime(Settings(chet_data_dir=data, chet_offline=True, chet_sender_name="Sam Carter", _env_file=None))
    at = now_utc() - timedelta(days=1)
    text = "wants the iPhone 15 Pro in blue, 3 of them for her team. her budget is around 4k"
    team = "fyi ola's team needs 3 laptops before the audit"
    rt.memory("local").import_notes(
        [
            NoteInput(client="Pia Moreau", text=text, at=at, at_raw=at.isoformat(), note_id="p1", source="import"),
            NoteInput(client="Ola Berg", text=team, at=at, at_raw=at.isoformat(), note_id="o1", source="import"),
        ]
    )
    yield rt


def test_a_draft_keeps_the_clients_budget_and_passes_the_guard(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    found = memory.find_client("Pia Moreau")
    drafts = [make_draft(runtime, memory, found, "follow up", variant=v) for v in range(4)]
    assert any("your budget is around 4k" in d.text for d in drafts), [d.text for d in drafts]
    for d in drafts:
        assert d.verdict != "block", d
        assert "you'd like 3" not in d.text, d.text


def test_the_clients_named_possessive_keeps_whose_need_it_is(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    found = memory.find_client("Ola Berg")
    drafts = [make_draft(runtime, memory, found, "follow up", variant=v) for v in range(4)]
    for d in drafts:
        assert "you'd like 3 laptops" not in d.text, d.text  # the team's need, not the client's wish
        assert d.verdict != "block", d
    assert any("your team needs 3 laptops" in d.text for d in drafts), [d.text for d in drafts]
