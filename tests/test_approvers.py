"""Who signs off a purchase: a role, a named person or both, with a limit in any currency; `ask` answers from it.

Sentences are our own, in several trades and currencies. Classes: FACTS (the approver named after the role, or
alone, was lost; a limit in a currency code was no money), QAMISS ("who signs off ...?" answered with the budget).
Real Memory (SQLite + Chroma + local embeddings) and the real offline `answer`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.ask import answer
from memory.extract import extract_facts
from memory.service import NoteInput
from memory.timeutil import now_utc

AT = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _approver(text: str) -> dict[str, str]:
    found = [f for f in extract_facts(text, AT) if f.key == "decision_maker"]
    assert found, text
    return {"value": found[0].value, "text": found[0].text, **found[0].detail}


@pytest.mark.parametrize(
    ("text", "name", "role", "threshold"),
    [
        (
            "mill in Tampere, 40 tons of pulp a month. her CFO Liisa Koskinen signs off anything over EUR 80k",
            "Liisa Koskinen",
            "CFO",
            "80000",
        ),
        (
            "gym chain - their director Pak Hendra approves anything above Rp 500 juta",
            "Pak Hendra",
            "director",
            "500000000",
        ),
        ("vineyard wants 2 tractors; Marguerite Dubois has the final say", "Marguerite Dubois", "", ""),
        ("the dental group's owner Dr. Osei decides on anything over GHS 60,000", "Dr. Osei", "owner", "60000"),
        ("print shop, 3 presses. the board approves purchases over kr 1 200 000", "", "board", "1200000"),
        (
            "her daughter Emma decides on the colour but her CFO Liisa signs off anything over EUR 80k",
            "Liisa",
            "CFO",
            "80000",
        ),
    ],
)
def test_the_approver_keeps_the_person_the_role_and_the_limit(text: str, name: str, role: str, threshold: str) -> None:
    got = _approver(text)
    assert got.get("name", "") == name
    assert got.get("role", "") == role
    assert got.get("threshold", "") == threshold
    assert (name or role) in got["text"]


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("the owner decides on purchases for all three shops", "owner"),
        ("his wife decides on anything over 5k", "wife"),
        ("Emma decides on the budget for the fit-out", "Emma"),
        ("the director makes the call on orders above RM 20k", "director"),
        ("her dad has the final say", "dad"),
        ("her husband has the final say on the spend", "husband"),
    ],
)
def test_a_decision_on_buying_or_over_a_sum_is_sign_off(text: str, holds: str) -> None:
    """Deciding is sign-off when it is about purchases, budget, spend or orders, or over a sum of money."""
    assert holds in _approver(text)["text"]


@pytest.mark.parametrize(
    "text",
    [
        "she approves of the new colour",
        "Anything over 5k approves nothing",
        "the CFO does not sign off anything",
        "her daughter Emma decides on the colour, likes sage green",
        "his wife decides on the tiles for the bathroom",
        "the owner decides on the menu for the launch",
        "Marco decides on the font, wants it bold",
        "ines: board decides on 20 may, she'll call us after",
        "her husband has the final say on the layout",
        "the manager makes the call on the paint",
    ],
)
def test_no_approver_where_nobody_signs_off(text: str) -> None:
    assert not [f for f in extract_facts(text, AT) if f.key == "decision_maker"]


NOW = now_utc()


def _note(note_id: str, client: str, text: str, days: int = 2) -> NoteInput:
    at = NOW - timedelta(days=days)
    return NoteInput(client=client, text=text, at=at, at_raw=at.isoformat(), note_id=note_id, source="import")


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    data: Path = tmp_path_factory.mktemp("approvers")
    runtime = Runtime(Settings(chet_data_dir=data, chet_offline=True, _env_file=None))
    mem = runtime.memory("local")
    mem.import_notes(
        [
            _note(
                "h1",
                "Hanna Lind",
                "hanna lind wants 12 standing desks, budget kr 95 000, her CFO Erik Sand signs off anything over kr 150 000",
            ),
            _note("l1", "Liisa Koskinen", "her CFO Liisa Koskinen signs off anything over EUR 80k", days=5),
            _note("l2", "Liisa Koskinen", "her daughter Emma decides on the colour, likes sage green", days=3),
            _note("m1", "Maija Virtanen", "her son Aku decides on the colour, likes sage green", days=5),
            _note("m2", "Maija Virtanen", "her CFO Maija Virtanen signs off anything over EUR 60k", days=3),
            _note(
                "b1",
                "Tobi Ade",
                "tobi ade - 4 cold rooms for the abattoir, budget ₦28m, his uncle Chief Ade has the final say",
            ),
        ]
    )
    yield mem


@pytest.mark.parametrize(
    ("question", "holds", "source"),
    [
        ("who signs off for hanna?", "Erik Sand", "h1"),
        ("who approves hanna's purchases?", "Erik Sand", "h1"),
        ("who has the final say for tobi?", "Chief Ade", "b1"),
        ("who approves hanna's standing desks?", "Erik Sand", "h1"),  # the thing bought narrows nothing away
        ("who signs off on the cold rooms for tobi?", "Chief Ade", "b1"),
        ("who signs off for liisa?", "CFO", "l1"),  # the daughter's colour choice, noted later, is no sign-off
        ("who signs off for maija?", "CFO", "m2"),  # nor the son's, noted earlier
    ],
)
def test_who_signs_off_is_answered_with_the_approver(memory: Any, question: str, holds: str, source: str) -> None:
    got = answer(memory, question, None)
    assert not got.abstained, got.answer
    assert holds in got.answer.splitlines()[0], got.answer
    assert source in got.sources
    assert len(got.answer.splitlines()) <= 4


def test_the_budget_question_still_gets_the_budget(memory: Any) -> None:
    got = answer(memory, "what's hanna's budget?", None)
    assert "95,000" in got.answer.splitlines()[0], got.answer
