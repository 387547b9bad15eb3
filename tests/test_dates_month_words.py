"""Month names that are also English words ("may", "march", "mar"): the month next to a day number or a
year, in either order and either case; the verb otherwise. Decided by the neighbouring tokens."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.interfaces.cli import main
from memory.dates import find_dates, find_personal_date, resolve_due
from memory.extract import extract_facts
from memory.records import FactKind
from memory.when import period, tells_time

AT = datetime(2026, 4, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("may 14", 5, 14),
        ("May 14", 5, 14),
        ("14 may", 5, 14),
        ("14 May", 5, 14),
        ("may 2", 5, 2),
        ("may 31, party at hers", 5, 31),
        ("14 may, she said", 5, 14),
        ("march 3", 3, 3),
        ("3 march", 3, 3),
        ("mar 9", 3, 9),
        ("9 mar", 3, 9),
        ("march 22 and not later", 3, 22),
        ("may 14 at 3pm", 5, 14),
        ("21 march for the install", 3, 21),
        ("bday 14 may she turns 40", 5, 14),
        ("party 14 may with family", 5, 14),
        ("install 3 march but tbc", 3, 3),
        ("renewal 30 march so call before", 3, 30),
        ("may 14 delivery confirmed", 5, 14),
        ("it is may 3 already", 5, 3),
    ],
)
def test_a_month_word_beside_a_day_number_is_the_month_in_any_case_and_order(text: str, month: int, day: int) -> None:
    found = find_personal_date(text)
    assert found is not None and (found.month, found.day) == (month, day), text


@pytest.mark.parametrize(
    "text",
    [
        "you may 10x your sales",
        "she may 2x the order",
        "she may join",
        "we march on",
        "they march in at noon",
        "may 3 people join?",
        "may 3 of us",
        "we march 20 miles for charity",
        "all 14 may join the call",
        "the 3 march in together",
        "you may want 2 of them",
        "it may be 5 units",
        "scratches mar 3 panels",
        "the 5 may be late",
        "costs may 15% rise",
        "the deal may 3 weeks slip",
    ],
)
def test_the_verb_stays_a_verb(text: str) -> None:
    assert find_personal_date(text) is None, text
    assert resolve_due(text, AT) is None, text


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("deadline may 30", date(2026, 5, 30)),
        ("delivery 14 may to the site", date(2026, 5, 14)),
        ("install march 3", date(2027, 3, 3)),
        ("send the specs before may 2", date(2026, 5, 2)),
        ("quote expires 2 may 2027", date(2027, 5, 2)),
    ],
)
def test_deadlines_and_deliveries_in_lower_case(text: str, due: date) -> None:
    assert resolve_due(text, AT) == due


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("her bday is may 14", "--05-14"),
        ("her birthday is may 14", "--05-14"),
        ("bday on may 14", "--05-14"),
        ("her birthday is 14 may", "--05-14"),
        ("birthday march 3", "--03-03"),
        ("her birthday is 3 march", "--03-03"),
        ("Her birthday is May 14", "--05-14"),
    ],
)
def test_a_lower_case_birthday_is_a_fact(sentence: str, value: str) -> None:
    facts = [f for f in extract_facts(sentence, AT) if f.kind is FactKind.PERSONAL_DATE]
    assert [f.value for f in facts] == [value], sentence


@pytest.mark.parametrize(
    ("sentence", "month", "day"),
    [("turns 50 on may 2", 5, 2), ("his daughter turns 8 on march 3", 3, 3), ("she turns 40 on 14 may", 5, 14)],
)
def test_turns_n_on_a_lower_case_month(sentence: str, month: int, day: int) -> None:
    facts = [f for f in extract_facts(sentence, AT) if f.kind is FactKind.PERSONAL_DATE]
    assert len(facts) == 1 and facts[0].value.endswith(f"-{month:02d}-{day:02d}"), sentence


def test_a_verb_may_or_march_makes_no_birthday() -> None:
    for sentence in ("she may join the demo, birthday unknown", "they march in for the bday party"):
        assert [f for f in extract_facts(sentence, AT) if f.kind is FactKind.PERSONAL_DATE] == [], sentence


@pytest.mark.parametrize(
    ("query", "span"),
    [
        ("what did she order in may 2025?", (date(2025, 5, 1), date(2025, 5, 31))),
        ("notes from 14 may 2025", (date(2025, 5, 13), date(2025, 5, 15))),
        ("march 3, 2025 meeting", (date(2025, 3, 2), date(2025, 3, 4))),
        ("you may 2025", (date(2025, 5, 1), date(2025, 5, 31))),  # "may" before a year is the month
    ],
)
def test_a_period_with_a_lower_case_month_and_a_year(query: str, span: tuple[date, date]) -> None:
    assert period(query) == span


def test_a_note_tells_time_with_a_lower_case_month_beside_a_number_but_not_with_the_verb() -> None:
    assert tells_time("her bday is may 14")
    assert tells_time("delivery 3 march")
    assert tells_time("moved in june")
    assert not tells_time("she may join the call")
    assert not tells_time("we march on with the rollout")


def test_the_digest_sees_a_lower_case_may_birthday(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--offline", "--data-dir", str(tmp_path / "data")]
    assert main([*base, "note", "Dana Okafor", "her bday is may 14", "--at", "2026-05-01T09:00"]) == 0
    assert main([*base, "note", "Lee Park", "turns 50 on may 2", "--at", "2026-04-20T09:00"]) == 0
    capsys.readouterr()
    assert main([*base, "digest", "--json", "--date", "2026-05-13"]) == 0
    text = capsys.readouterr().out
    assert "Dana Okafor" in text and "birthday" in text.lower(), text
    assert main([*base, "digest", "--json", "--date", "2026-05-01"]) == 0
    text = capsys.readouterr().out
    assert "Lee Park" in text and json.loads(text), text


@pytest.mark.parametrize(
    "text",
    [
        "order 5 may arrive late",
        "she said 3 may come",
        "room for 12 may be tight",
        "i think 2 may fit",
        "up to 6 may attend",
        "may 1 or 2 of us",
        "I may 1 day visit the showroom",
        "tom said the boxes 5 may be late, room for 12 may be tight",
        "3 may need a bigger van",
        "12 may not fit",
        "the 5 may all come",
    ],
)
def test_may_before_a_verb_in_base_form_is_the_modal(text: str) -> None:
    assert find_dates(text) == [], text


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("14 may viewing at the flat", 5, 14),
        ("3 march handover", 3, 3),
        ("12 may wedding", 5, 12),
        ("20 march closing day", 3, 20),
        ("5 may showroom visit", 5, 5),
        ("on 14 may visit the site", 5, 14),
        ("deliveries 5 may only", 5, 5),
        ("14 may back from leave", 5, 14),
        ("install 3 march on site", 3, 3),
    ],
)
def test_a_noun_after_n_may_leaves_the_month(text: str, month: int, day: int) -> None:
    found = find_personal_date(text)
    assert found is not None and (found.month, found.day) == (month, day), text


def test_modal_may_does_not_rewrite_the_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--offline", "--data-dir", str(tmp_path)]
    for sentence in ("tom said the boxes 5 may be late, room for 12 may be tight", "I may 1 day visit the showroom"):
        assert main([*base, "note", "Tom Reyes", sentence, "--at", "2026-04-20T09:00"]) == 0
        out = capsys.readouterr().out
        assert "May" not in out and out.startswith("noted for Tom Reyes"), out


def test_an_abbreviated_mar_before_the_is_the_month() -> None:
    found = find_personal_date("call 9 mar the latest")
    assert found is not None and (found.month, found.day) == (3, 9)
