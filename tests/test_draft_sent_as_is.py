"""Offline drafts a person would send as they are: a relative's trait is never said to the client, a moved
promise is worded from its current state, and no talk or meeting is claimed that no note records.

Real Memory (SQLite, Chroma), the real `make_draft` and the real guard; the guard is also run as `chet check`
runs it (no purpose to lean on), so what the draft claims must stand on the notes alone.
"""

from __future__ import annotations

import re
from functools import partial

import pytest

from bot.guard import check_text
from bot.runtime import Runtime
from bot.usecases.context_from_memory import build_context
from bot.usecases.drafting import make_draft
from memory.timeutil import now_utc
from tests.helpers import drafts, imported_note, offline_runtime

NOW = now_utc()
_note = partial(imported_note, now=NOW)
NOTES = [
    _note(
        "a1",
        "Tomas Berg",
        "tomas wants a cedar planter. his wife ines, she's keen on the blue glaze and loves big pots",
        6,
    ),
    _note("a2", "Farah Quint", "Farah needs 4 teak benches. Her husband omar, he's a keen sailor and wants a boat.", 5),
    _note("b1", "Kenji Mori", "Lunch with kenji at the harbour grill. Promised to book the site visit dec 14.", 8),
    _note("b2", "Kenji Mori", "kenji rang, push the site visit to dec 18", 4),
    _note("d1", "Ada Lorne", "Promised ada the site visit dec 14.", 6),
    _note("d2", "Ada Lorne", "ada asked to move the site visit to dec 18", 4),
    _note("c1", "Rhea Lund", "rhea lund wants 3 walnut desks for the new studio", 3),
]
VARIANTS = range(6)


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Runtime:
    return offline_runtime(tmp_path_factory.mktemp("sent_as_is"), NOTES)


def _standalone_verdict(runtime: Runtime, client: str, text: str) -> str:
    """The guard's verdict on the text as `chet check` gives it: no purpose, only the notes."""
    memory = runtime.memory("local")
    return check_text(text, build_context(memory, memory.find_client(client), "", now_utc()).ctx).verdict


@pytest.mark.parametrize(
    ("client", "theirs"),
    [("Tomas Berg", r"glaze|big pots"), ("Farah Quint", r"sailor|\bboat")],
)
def test_a_relatives_trait_is_never_said_to_the_client(runtime: Runtime, client: str, theirs: str) -> None:
    for purpose in ("follow up", "keep in touch", "check in"):
        for d in drafts(runtime, client, purpose, VARIANTS):
            assert not re.search(theirs, d.text, re.I), d.text


def test_a_relatives_trait_leaves_the_clients_own_wish(runtime: Runtime) -> None:
    texts = [d.text for d in drafts(runtime, "Tomas Berg", "follow up", VARIANTS)]
    assert any("cedar planter" in t for t in texts), texts


def test_a_moved_promise_never_carries_its_first_date(runtime: Runtime) -> None:
    for purpose in ("follow up", "the site visit"):
        for d in drafts(runtime, "Kenji Mori", purpose, VARIANTS):
            assert not re.search(r"\bdec(?:ember)? 14\b|\b14 dec", d.text, re.I), d.text
            assert d.verdict != "block", d


def test_a_promise_moved_by_its_own_note_keeps_the_new_date_and_passes_the_guard(runtime: Runtime) -> None:
    for purpose in ("follow up", "the site visit"):
        for d in drafts(runtime, "Ada Lorne", purpose, VARIANTS):
            assert not re.search(r"\bdec(?:ember)? 14\b|\b14 dec|\bthe move\b", d.text, re.I), d.text
            assert d.verdict == "pass", d
            assert _standalone_verdict(runtime, "Ada Lorne", d.text) == "pass", d.text


@pytest.mark.parametrize(
    "purpose",
    [
        "thank her for our last conversation",
        "follow up on our last conversation",
        "thanks for the chat",
        "thank you for meeting",
        "follow up on our call about the desks",
    ],
)
def test_no_talk_is_claimed_that_no_note_records(runtime: Runtime, purpose: str) -> None:
    memory = runtime.memory("local")
    client = memory.find_client("Rhea Lund")
    for v in VARIANTS:
        d = make_draft(runtime, memory, client, purpose, variant=v)
        assert not re.search(r"conversation|\bcall\b|\bchat\b|meeting|we (?:spoke|talked|met)", d.text, re.I), d.text
        assert d.verdict == "pass", d
        assert _standalone_verdict(runtime, "Rhea Lund", d.text) == "pass", d.text


def test_a_named_subject_survives_the_claim_left_out(runtime: Runtime) -> None:
    texts = [d.text for d in drafts(runtime, "Rhea Lund", "follow up on our call about the desks", VARIANTS)]
    assert any("desks" in t for t in texts), texts


def test_a_recorded_talk_is_still_recalled(runtime: Runtime) -> None:
    texts = [d.text for d in drafts(runtime, "Kenji Mori", "follow up on our call", VARIANTS)]
    assert any(re.search(r"\bcall\b|lunch", t) for t in texts), texts
