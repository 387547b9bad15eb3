"""Review 12 of the session 12 facts: a dated birth, bad news about a job, a switch away, a modal "may".

Sentences of our own, other than the reviewer's, through the real Memory (SQLite) and extract_facts. A due
month after a comma is read by another rule (its own segment), so these notes keep it in the pregnancy's segment.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from memory.extract import extract_facts
from memory.service import Memory
from tests.helpers import note_at

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _texts(note: str) -> list[str]:
    return [f.text for f in extract_facts(note, AT)]


def _promises(memory: Memory, client: str) -> list[str]:
    found = memory.find_client(client)
    assert found is not None
    return [c.text for c in memory.commitments(found.id, status="open")]


@pytest.mark.parametrize(
    "note",
    [
        "her son Tariq was born on 14 august 2012, he wants a gaming laptop",
        "their daughter Ama was born on march 3, so a gift card for her",
        "his boy Kenji was born on the 9th of july, plays football",
        "daughter Zofia was born on 21 jan 2019 and loves drawing",
    ],
)
def test_a_birth_with_its_own_date_is_no_newborn(note: str) -> None:
    said = " | ".join(_texts(note))
    assert "new baby" not in said, said


@pytest.mark.parametrize(
    "note",
    ["their son Mateus was born yesterday, 3.4kg", "a baby girl Noor born this morning"],
)
def test_a_birth_of_today_or_yesterday_is_still_a_newborn(note: str) -> None:
    assert any("new baby" in t for t in _texts(note)), _texts(note)


@pytest.mark.parametrize(
    ("promise", "report"),
    [
        ("promised delivery of the 12 mattresses by tuesday", "the delivery went astray, driver lost the docket"),
        ("promised a technician visit on monday for the kiln", "the technician went to the old address, rebook him"),
        ("promised a fitter visit for the blinds", "fitter went but the blinds failed again"),
    ],
)
def test_bad_news_about_a_job_keeps_the_promise_open(memory: Memory, promise: str, report: str) -> None:
    note_at(memory, "Nomvula Dube", promise)
    assert len(_promises(memory, "Nomvula Dube")) == 1
    note_at(memory, "Nomvula Dube", report, days=2)
    assert len(_promises(memory, "Nomvula Dube")) == 1, report


def test_a_visit_that_went_well_closes_the_promise(memory: Memory) -> None:
    note_at(memory, "Haruto Sato", "promised a technician visit on monday for the kiln")
    note_at(memory, "Haruto Sato", "the technician went fine, kiln heating again", days=2)
    assert _promises(memory, "Haruto Sato") == []


@pytest.mark.parametrize(
    "note",
    [
        "the old copier was replaced by a Ricoh last month",
        "their coffee machine got replaced by a cheaper brand",
        "the forklift was replaced by a Toyota from the other dealer",
    ],
)
def test_replaced_by_another_product_is_no_repair_done(note: str) -> None:
    said = " | ".join(_texts(note))
    assert "done:" not in said, said


@pytest.mark.parametrize(
    ("note", "month"),
    [
        ("his wife Ayesha is pregnant may want a quieter flat", ""),
        ("partner Ruth is pregnant march is busy for them anyway", ""),
        ("his wife Chiamaka is pregnant due in june", "June"),
        ("her daughter Ilse is pregnant expected around october", "October"),
        ("wife Mele is pregnant with twins on 4 may", "May"),
    ],
)
def test_a_due_month_needs_a_cue_or_a_day(note: str, month: str) -> None:
    said = " | ".join(_texts(note))
    assert "pregnant" in said, said
    if month:
        assert f"due in {month}" in said, said
    else:
        assert "due in" not in said, said
