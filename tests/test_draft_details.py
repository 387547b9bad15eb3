"""A clause about the client, put to the client: every verb turns with its subject, or the clause is left out."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.usecases.draft_details import to_you
from memory.timeutil import now_utc


@pytest.mark.parametrize(
    "clause,said",
    [
        ("she has 3 cats", "you have 3 cats"),
        ("he was pleased with the delivery", "you were pleased with the delivery"),
        ("she was at the trade fair", "you were at the trade fair"),
        ("he does his own plumbing", "you do your own plumbing"),
        ("she goes to the coast most summers", "you go to the coast most summers"),
        ("he plays squash", "you play squash"),
        ("she tries the walnut first", "you try the walnut first"),
        ("they were delighted", "you were delighted"),
        ("mentioned he has a trailer", "you mentioned you have a trailer"),
        ("picked a rug she loves", "you picked a rug you love"),
    ],
)
def test_the_verb_turns_with_the_subject(clause: str, said: str) -> None:
    assert to_you(clause) == said


@pytest.mark.parametrize("clause", ["she the blue one maybe", "he quickly the van"])
def test_a_clause_whose_verb_cannot_be_turned_is_left_out(clause: str) -> None:
    assert to_you(clause) == ""


def _sad_ctx(text: str, family: str) -> Any:
    from bot.usecases.draft_context import DraftContext
    from memory.records import Client, Fact, FactKind, Note

    now = now_utc()
    note = Note("s1", 1, "Rhea Vance", text, "import", now - timedelta(days=2), now - timedelta(days=2))
    fact = Fact(1, 1, FactKind.FAMILY, "spouse", family, family, ("s1",), now - timedelta(days=2))
    return DraftContext(Client(1, "Rhea Vance"), "check in", now, facts=[fact], notes=[note], salesperson="Sam")


@pytest.mark.parametrize(
    "text,family",
    [
        ("Rhea's husband Otto is having knee surgery next week, she sounded worried.", "Otto (husband)"),
        ("Rhea is going through a divorce from Otto, rough month.", "Otto (husband)"),
        ("Rhea complained about the invoice; Otto handles the books now. Her aunt died last month.", "Otto (husband)"),
    ],
)
def test_a_condolence_names_no_one_as_lost_unless_a_death_word_is_next_to_them(text: str, family: str) -> None:
    from bot.usecases.draft_offline import _person_lost

    ctx = _sad_ctx(text, family)
    assert _person_lost(ctx, ("s1",)) == ""


def test_a_condolence_names_the_relative_a_death_word_is_next_to() -> None:
    from bot.usecases.draft_offline import _person_lost

    ctx = _sad_ctx("Sad call: Rhea's husband Otto passed away on Sunday. Funeral is Friday.", "Otto (husband)")
    assert _person_lost(ctx, ("s1",)) == "Otto"


def _ctx(name: str, text: str) -> Any:
    from bot.usecases.draft_context import DraftContext
    from memory.records import Client, Note

    now = now_utc()
    note = Note("u1", 1, name, text, "import", now - timedelta(days=3), now - timedelta(days=3))
    return DraftContext(Client(1, name), "check in", now, notes=[note], salesperson="Sam")


@pytest.mark.parametrize(
    "text",
    [
        "Hugo said his landlord was annoyed about the noise. Wants the walnut desk.",
        "Hugo mentioned the neighbour complained about the fence; still keen on the walnut desk.",
    ],
)
def test_someone_elses_upset_sets_no_apology(text: str) -> None:
    from bot.usecases.draft_offline import upset_note_ids

    assert upset_note_ids(_ctx("Hugo Brandt", text)) == ()


@pytest.mark.parametrize(
    "text",
    ["Hugo was really annoyed about the late delivery.", "annoyed: the desk arrived scratched", "He complained twice."],
)
def test_the_clients_own_upset_sets_the_apology(text: str) -> None:
    from bot.usecases.draft_offline import upset_note_ids

    assert upset_note_ids(_ctx("Hugo Brandt", text)) == ("u1",)


def test_a_client_named_with_an_everyday_word_is_replaced_only_as_a_name() -> None:
    from bot.usecases.draft_offline import _second_person

    ctx = _ctx("Will Okafor", "x")
    said = _second_person("promised Will the samples, will call after the expo", ctx)
    assert said == "promised you the samples, will call after the expo"
    assert _second_person("promised bram the samples", _ctx("Bram Hale", "x")) == "promised you the samples"
