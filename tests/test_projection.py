"""Facts are a projection of the notes: change of mind, "either", undo, back-dated notes, reindex, replay == stored."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memory.extract import extract_facts
from memory.projection import NoteFacts, replay, subjects
from memory.records import Fact, FactKind
from memory.service import Memory
from tests.helpers import T0, note_at


def _current(memory: Memory, client: str) -> set[tuple[str, str, str]]:
    c = memory.find_client(client)
    return {(f.kind.value, f.key, f.value.casefold()) for f in memory.ledger.facts(c.id, current=True)}


def test_a_change_of_mind_supersedes_the_earlier_statement_whatever_its_polarity(memory: Memory) -> None:
    note_at(memory, "Dana Lee", "Wants the blue one, not the grey.")
    assert _current(memory, "Dana Lee") == {("preference", "color", "blue"), ("dislike", "color:grey", "grey")}
    note_at(memory, "Dana Lee", "She changed her mind, she'll take the grey after all.", days=2)
    assert _current(memory, "Dana Lee") == {("preference", "color", "grey")}
    history = memory.ledger.facts(memory.find_client("Dana Lee").id, current=False)
    assert {(f.kind.value, f.value) for f in history} == {("preference", "blue"), ("dislike", "grey")}
    assert all(f.valid_to == T0 + timedelta(days=2) for f in history)
    memory.undo_last()  # the change is undone: "blue, not grey" is what the notes say again
    assert _current(memory, "Dana Lee") == {("preference", "color", "blue"), ("dislike", "color:grey", "grey")}
    assert memory.ledger.facts(memory.find_client("Dana Lee").id, current=False) == []


def test_happy_with_either_leaves_both_acceptable_and_no_dislike(memory: Memory) -> None:
    note_at(memory, "Dana Lee", "Wants the blue one, not the grey.")
    note_at(memory, "Dana Lee", "Spoke again - she'd be happy with either.", days=1)
    current = memory.ledger.facts(memory.find_client("Dana Lee").id, current=True)
    assert [(f.kind, f.value) for f in current] == [(FactKind.PREFERENCE, "blue or grey")]
    assert current[0].text == "happy with either blue or grey"


def test_a_model_choice_reversed_after_all(memory: Memory) -> None:
    note_at(memory, "Tom Reyes", "Wants the X200, not the X100.")
    note_at(memory, "Tom Reyes", "Changed his mind, he'll take the X100 after all.", days=3)
    assert _current(memory, "Tom Reyes") == {("preference", "likes:x100", "x100")}


def test_a_back_dated_note_takes_its_place_in_time(memory: Memory) -> None:
    note_at(memory, "Dana Lee", "She'll take the grey after all.", days=5)
    note_at(memory, "Dana Lee", "Wants the blue one, not the grey.", days=1)  # typed later, happened earlier
    assert _current(memory, "Dana Lee") == {("preference", "color", "grey")}


def test_a_repeat_cites_one_more_note_and_supersedes_nothing(memory: Memory) -> None:
    note_at(memory, "Dana Lee", "Wants the blue one, not the grey.")
    note_at(memory, "Dana Lee", "Still wants blue.", days=1)
    blue = [f for f in memory.ledger.facts(memory.find_client("Dana Lee").id) if f.value == "blue"]
    assert len(blue) == 1 and len(blue[0].source_ids) == 2
    assert memory.ledger.facts(memory.find_client("Dana Lee").id, current=False) == []


def test_reindex_rederives_facts_with_todays_extractor(memory: Memory) -> None:
    note_at(memory, "Dana Lee", "Wants the blue one, not the grey.")
    client = memory.find_client("Dana Lee")
    with memory.ledger.transaction():  # as an older extractor left it: nothing found in the note
        for note_id, *_ in memory.ledger.note_facts(client.id):
            memory.ledger.set_note_facts(note_id, "[]")
        memory.rederive_facts(client.id)
    assert memory.ledger.facts(client.id, current=None) == []
    memory.reindex()
    assert _current(memory, "Dana Lee") == {("preference", "color", "blue"), ("dislike", "color:grey", "grey")}


def test_unchanged_facts_keep_their_ids_across_a_replay(memory: Memory) -> None:
    note_at(memory, "Dana Lee", "Her daughter Sofia loves tennis. Wants the blue one.")
    client = memory.find_client("Dana Lee")
    before = {f.key: f.id for f in memory.ledger.facts(client.id)}
    note_at(memory, "Dana Lee", "She'll take the grey after all.", days=1)
    after = {f.key: f.id for f in memory.ledger.facts(client.id, current=None) if f.value != "grey"}
    assert after == before


# --- replay == stored, over generated note sequences ---------------------------------------------

STATEMENTS = [
    "Wants the blue one, not the grey.",
    "She changed her mind, she'll take the grey after all.",
    "She'd be happy with either.",
    "Doesn't like grey.",
    "Loves golf.",
    "Doesn't like golf anymore.",
    "Prefers email.",
    "Prefers phone calls.",
    "Asked me to stop emailing her, prefers phone.",
    "Do not contact me again.",
    "Happy to be emailed again.",
    "Her daughter Sofia starts college in the fall.",
    "Budget is $40k.",
    "Budget is now $55k.",
    "Wants the X200, not the X100.",
    "He'll take the X100 after all.",
    "Lives in Chicago.",
    "Moved to Denver.",
    "Call went long, she had time today.",
]
_MEMORY: dict[str, Any] = {}


def _shared_memory() -> Memory:
    """One memory for every generated example (a fresh client each): opening one per example is slow."""
    if "memory" not in _MEMORY:
        from bot.runtime import Runtime
        from bot.settings import Settings

        folder = Path(tempfile.mkdtemp(prefix="chet-projection-"))
        atexit.register(shutil.rmtree, folder, True)
        settings_ = Settings(chet_data_dir=folder, chet_offline=True, _env_file=None)
        _MEMORY["memory"] = Runtime(settings_).memory("local")
    memory: Memory = _MEMORY["memory"]
    return memory


def _shape(facts: list[Fact]) -> list[tuple[Any, ...]]:
    return sorted(
        (f.kind.value, f.key, f.value, f.text, tuple(f.source_ids), f.valid_from, f.valid_to, f.due) for f in facts
    )


operation = st.one_of(
    st.tuples(st.just("note"), st.sampled_from(range(len(STATEMENTS))), st.integers(0, 30)),
    st.tuples(st.just("undo"), st.just(0), st.just(0)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(operation, min_size=1, max_size=8))
def test_stored_facts_are_exactly_the_replay_of_the_remaining_notes(ops: list[tuple[str, int, int]]) -> None:
    memory = _shared_memory()
    client = f"Client {len(memory.ledger.clients()) + 1}"
    mine = 0
    for op, statement, day in ops:
        if op == "note":
            note_at(memory, client, STATEMENTS[statement], days=day)
            mine += 1
        elif mine:  # undo only this example's own notes
            memory.undo_last()
            mine -= 1
    if not mine:
        return
    c = memory.find_client(client)
    stored = memory.ledger.facts(c.id, current=None)
    # From scratch: the notes that remain, extracted afresh and replayed in time order.
    fresh = replay(
        NoteFacts(nid, at, tuple(f for f in extract_facts(text, at) if f.kind is not FactKind.COMMITMENT))
        for nid, at, _, text in memory.ledger.note_facts(c.id)
    )
    assert _shape(stored) == _shape(memory.derived_facts(c.id))
    assert _shape(stored) == sorted(
        (d.kind.value, d.key, d.value, d.text, tuple(d.source_ids), d.valid_from, d.valid_to, d.due) for d in fresh
    )
    # Nothing contradictory stays current: two current statements about one subject come from one note.
    current = [f for f in stored if f.valid_to is None and f.kind is not FactKind.CONSENT]
    for i, a in enumerate(current):
        for b in current[i + 1 :]:
            sa, sb = subjects(a.kind, a.key, a.value, a.detail), subjects(b.kind, b.key, b.value, b.detail)
            if sa & sb:
                assert set(a.source_ids) & set(b.source_ids), (a, b)


@pytest.mark.parametrize(
    ("later", "current"),
    [
        ("Now wants grey instead.", {("preference", "grey")}),
        ("went for grey in the end", {("preference", "grey")}),
        ("ok grey it is", {("preference", "grey")}),
        ("grey after all", {("preference", "grey")}),
        ("decided on the grey one", {("preference", "grey")}),
        ("either colour works for her", {("preference", "blue or grey")}),
        ("both are fine", {("preference", "blue or grey")}),
        ("doesn't care about the colour anymore", {("preference", "blue or grey")}),
        ("blue or grey, doesn't matter", {("preference", "blue or grey")}),
        ("ok thanks then", {("preference", "blue"), ("dislike", "grey")}),
        ("She is happy with the delivery date.", {("preference", "blue"), ("dislike", "grey")}),
    ],
)
def test_change_of_mind_phrasings(later: str, current: set[tuple[str, str]]) -> None:
    at = T0
    notes = [
        NoteFacts("a", at, tuple(extract_facts("Wants the blue one, not the grey.", at))),
        NoteFacts("b", at + timedelta(days=1), tuple(extract_facts(later, at))),
    ]
    assert {(f.kind.value, f.value) for f in replay(notes) if f.valid_to is None} == current
