"""A question asks for a kind of value (a day, a number, a place): the answer is that value, the latest one.

Real Memory (SQLite + Chroma + local embeddings) and the real offline `answer`. Sentences are our own,
in several trades, typed as notes are typed. Classes: QAMISS (the wrong slot: a quantity for "when";
a stale value after a later note changed it; "no note" for where they met), QAPARTIAL (a quote cut at
an abbreviation).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.ask import answer
from memory.timeutil import now_utc
from tests.helpers import imported_note

NOW = now_utc()
SOON = NOW + timedelta(days=9)
RACE = f"{SOON:%B} {SOON.day}".lower()
FIT = NOW + timedelta(days=16)
FITTING = f"{FIT:%B} {FIT.day}".lower()
DEMO = NOW + timedelta(days=12)


_note = partial(imported_note, now=NOW)


NOTES = [
    _note("s1", "Dara Quinn", f"dara quinn - 40 yard signs + 3 banners for the fun run, needs them before {RACE}", 4),
    _note("s2", "Dara Quinn", "make it 60 yard signs for dara, the route got longer", 2),
    _note("n1", "Lev Orlov", "lev orlov (orlov grocers) - apple crates, 300 crates/week from march, wax-free", 6),
    _note("n2", "Lev Orlov", "lev rang - volume goes up to 450/week", 1),
    _note("f1", "Mina Sato", "mina sato wants a dining table, oak or cherry, seats 8", 5),
    _note("f2", "Mina Sato", "mina emailed: cherry, definitely not oak, the floor is oak already", 1),
    _note(
        "a1",
        "Rolf Becker",
        "Rolf Becker, head of facilities. Call ran over. Budget approved for Q2, CFO Dr. Lange signs off above 30k.",
        3,
    ),
    _note("m1", "Ivy Chen", "ivy chen, coffee at the harbour bakery, wants the espresso grinder quote", 20),
    _note("m2", "Ivy Chen", "ivy wants the grinder in black", 2),
    _note("c1", "Joost de Wit", "joost de wit - 3 forklifts for the depot, only talks to me in dutch on the phone", 3),
    _note("c3", "Joost de Wit", "joost asked me to stop emailing him, inbox is chaos", 1),
    _note("c2", "Tamsin Hale", "tamsin hale wants the spa package, text her, she never picks up calls", 2),
    _note(
        "p1", "Pia Holm", "pia holm emailed, can the cottage take guests with animals? we travel with two beagles", 2
    ),
    _note("h1", "Nell Price", f"nell price, her mum is in hospital, asked not to be contacted till after {RACE}", 1),
    _note(
        "t1", "Director Ada Okoro", "director ada okoro (okoro eye clinic) wants 6 exam chairs, decision by friday", 2
    ),
    _note(
        "k1",
        "Jo Marsh",
        "jo marsh (kettle & crumb) - 12 lb/wk of the house blend, promised jo the invoice by friday",
        2,
    ),
    _note("v1", "Bruno Vidal", f"bruno vidal wants 30 bar stools, install on {FITTING}, walnut seats", 6),
    _note("v2", "Bruno Vidal", f"bruno vidal: promised to send the fabric swatches by {RACE}", 4),
    _note("v4", "Bruno Vidal", f"bruno vidal: promised to demo the lighting rig by {DEMO:%B} {DEMO.day}", 3),
    _note("v3", "Bruno Vidal", "bruno vidal ordered 500 leaflets for the reopening", 2),
    _note("m3", "Omar Farouk", "showing w omar farouk at the riverside loft, liked the light, too small", 10),
]


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    data: Path = tmp_path_factory.mktemp("slots")
    runtime = Runtime(Settings(chet_data_dir=data, chet_offline=True, _env_file=None))
    mem = runtime.memory("local")
    mem.import_notes(NOTES)
    yield mem


@pytest.mark.parametrize(
    ("question", "holds", "never"),
    [
        ("when does dara need the signs?", str(SOON.day), "60 yard signs"),  # the day, not the quantity
        ("whats due for dara", str(SOON.day), ""),
    ],
)
def test_a_when_question_is_answered_with_a_day(memory: Any, question: str, holds: str, never: str) -> None:
    got = answer(memory, question, None)
    assert not got.abstained, got.answer
    assert holds in got.answer, got.answer
    assert not never or never not in got.answer, got.answer
    assert "s1" in got.sources
    assert len(got.answer.splitlines()) <= 4


def test_a_number_a_later_note_changed_is_answered_with_the_new_number(memory: Any) -> None:
    got = answer(memory, "how many crates does lev take a week", None)
    assert "450" in got.answer and "300" not in got.answer, got.answer
    assert "n2" in got.sources


def test_a_bare_correction_is_answered_with_what_it_corrects_to(memory: Any) -> None:
    got = answer(memory, "what finish does mina want", None)
    assert "cherry" in got.answer and "oak or cherry" not in got.answer, got.answer
    assert got.sources[0] == "f2", got.sources


@pytest.mark.parametrize("question", ["who signs off rolf's budget", "who approves rolf's budget"])
def test_a_who_question_is_answered_by_the_clause_naming_a_person(memory: Any, question: str) -> None:
    got = answer(memory, question, None)  # never the budget line beside it, and not cut at "Dr."
    assert "Dr. Lange" in got.answer and "Call ran over" not in got.answer, got.answer


@pytest.mark.parametrize(
    ("question", "holds", "cites"),
    [
        ("where did I meet ivy?", "harbour bakery", "m1"),  # a coffee at a place is where they met
        ("where did i see omar", "riverside loft", "m3"),  # a viewing at a place
    ],
)
def test_where_they_met_is_the_place_of_the_first_interaction(
    memory: Any, question: str, holds: str, cites: str
) -> None:
    got = answer(memory, question, None)
    assert not got.abstained, got.answer
    assert holds in got.answer, got.answer
    assert cites in got.sources


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        (
            "how do i contact joost",
            ["email", "dutch on the phone"],
        ),  # two notes: a rule in each  # the closed channel and the rule beside it
        ("what's the best way to reach tamsin", ["text her", "never picks up calls"]),
    ],
)
def test_a_contact_question_states_every_channel_rule(memory: Any, question: str, holds: list[str]) -> None:
    got = answer(memory, question, None)
    assert not got.abstained, got.answer
    for word in holds:
        assert word in got.answer, (word, got.answer)
    assert len(got.answer.splitlines()) <= 4


def test_the_latest_with_a_client_is_a_briefing_not_a_date(memory: Any) -> None:
    got = answer(memory, "what's the latest with lev", None)  # news: the latest note, not "last contact: ..."
    assert "450" in got.answer and "Last contact" not in got.answer, got.answer
    got = answer(memory, "when did i last talk to lev", None)
    assert got.answer.startswith("Last contact with Lev"), got.answer


def test_a_category_question_is_answered_by_a_member_of_it(memory: Any) -> None:
    got = answer(memory, "does pia have any pets", None)  # the note says "beagles", never "pet"
    assert not got.abstained and "beagles" in got.answer, got.answer


def test_a_hold_on_contact_is_said_when_contact_timing_is_asked(memory: Any) -> None:
    got = answer(memory, "is nell due a check in", None)
    assert got.answer.startswith("On hold:") and "till after" in got.answer, got.answer


def test_a_client_is_found_by_a_name_word_after_a_title(memory: Any) -> None:
    got = answer(memory, "how many exam chairs does dr okoro want", None)  # "Director Ada Okoro"
    assert "6" in got.answer and "Director" not in got.answer, got.answer


def test_a_client_is_found_by_their_company_and_waiting_on_asks_for_promises(memory: Any) -> None:
    got = answer(memory, "how much house blend does kettle & crumb take", None)
    assert "12 lb" in got.answer, got.answer
    got = answer(memory, "what's jo waiting on", None)
    assert "invoice" in got.answer, got.answer


def test_when_to_reach_a_client_is_a_contact_question_not_a_due_day(memory: Any) -> None:
    got = answer(memory, "when can i reach tamsin", None)  # her channel rule, never a dated fact or a promise
    assert "text her" in got.answer or "calls" in got.answer, got.answer


def test_a_slot_answer_with_no_client_named_says_whose_value_it_is(memory: Any) -> None:
    got = answer(memory, "how many exam chairs were wanted", None)
    assert "Okoro" in got.answer and "6" in got.answer, got.answer


@pytest.mark.parametrize(
    ("question", "holds", "never"),
    [
        ("how many stools does bruno want?", "30", "leaflets"),  # the same client's other count is another thing
        ("when is the install for bruno?", str(FIT.day), "swatches"),  # another promise or date is another thing
        ("when are the swatches due for bruno?", str(SOON.day), "install"),
        ("when is the demo for bruno?", str(DEMO.day), "swatches"),  # two promises on different days
    ],
)
def test_a_later_value_replaces_only_a_value_about_the_same_thing(
    memory: Any, question: str, holds: str, never: str
) -> None:
    got = answer(memory, question, None)
    assert holds in got.answer and never not in got.answer, got.answer
