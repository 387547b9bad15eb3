"""memory.dates: due-date phrases, personal dates and yearly occurrences."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memory.dates import (
    find_dates,
    format_due,
    next_occurrence,
    number_value,
    parse_personal_date,
    resolve_due,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
# Monday 1 December 2025, mid-morning.
MONDAY = datetime(2025, 12, 1, 10, 30, tzinfo=LONDON)
# Friday 31 January 2025: end of week and end of month at once.
FRIDAY_EOM = datetime(2025, 1, 31, 16, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2025, 12, 1)),
        ("I'll do it tonight", date(2025, 12, 1)),
        ("by EOD", date(2025, 12, 1)),
        ("send asap", date(2025, 12, 1)),
        ("tomorrow", date(2025, 12, 2)),
        ("first thing tomorrow morning", date(2025, 12, 2)),
        ("the day after tomorrow", date(2025, 12, 3)),
        ("by Friday", date(2025, 12, 5)),
        ("on Friday", date(2025, 12, 5)),
        ("Friday", date(2025, 12, 5)),
        ("before friday", date(2025, 12, 5)),
        ("by Thu", date(2025, 12, 4)),
        ("by Thurs", date(2025, 12, 4)),
        ("Thurs.", date(2025, 12, 4)),
        ("by tues", date(2025, 12, 2)),
        ("Tues", date(2025, 12, 2)),
        ("on Mon", date(2025, 12, 8)),  # today is Monday: a bare weekday is next week's
        ("Monday", date(2025, 12, 8)),
        ("next Monday", date(2025, 12, 8)),
        ("next Friday", date(2025, 12, 12)),
        ("next Wed", date(2025, 12, 10)),
        ("this Thursday", date(2025, 12, 4)),
        ("this Monday", date(2025, 12, 1)),
        ("this coming Saturday", date(2025, 12, 6)),
        ("next week", date(2025, 12, 12)),
        ("sometime next week", date(2025, 12, 12)),
        ("this week", date(2025, 12, 5)),
        ("end of the week", date(2025, 12, 5)),
        ("by EOW", date(2025, 12, 5)),
        ("by the weekend", date(2025, 12, 5)),
        ("over the weekend", date(2025, 12, 6)),
        ("end of month", date(2025, 12, 31)),
        ("by the end of the month", date(2025, 12, 31)),
        ("EOM", date(2025, 12, 31)),
        ("end of next month", date(2026, 1, 31)),
        ("next month", date(2026, 1, 1)),
        ("end of quarter", date(2025, 12, 31)),
        ("by year end", date(2025, 12, 31)),
        ("in 3 days", date(2025, 12, 4)),
        ("in two weeks", date(2025, 12, 15)),
        ("in a week", date(2025, 12, 8)),
        ("in a couple of weeks", date(2025, 12, 15)),
        ("in a few days", date(2025, 12, 4)),
        ("within 10 days", date(2025, 12, 11)),
        ("in a fortnight", date(2025, 12, 15)),
        ("2 weeks from now", date(2025, 12, 15)),
        ("in 3 months", date(2026, 3, 1)),
        ("in 3 business days", date(2025, 12, 4)),
        ("in 5 working days", date(2025, 12, 8)),
        ("3 Dec", date(2025, 12, 3)),
        ("3rd of December", date(2025, 12, 3)),
        ("December 3", date(2025, 12, 3)),
        ("Dec 3rd", date(2025, 12, 3)),
        ("Dec. 3", date(2025, 12, 3)),
        ("12/03", date(2025, 12, 3)),
        ("12/03/2025", date(2025, 12, 3)),
        ("2025-12-03", date(2025, 12, 3)),
        ("25/12", date(2025, 12, 25)),  # impossible as month/day: read as day/month
        ("Nov 3", date(2026, 11, 3)),  # already passed: next year
        ("11/30", date(2026, 11, 30)),
        ("1 December", date(2025, 12, 1)),  # today is not "passed"
        ("March 3, 2027", date(2027, 3, 3)),
        ("Friday 5 Dec", date(2025, 12, 5)),
        ("Thu 11 Dec", date(2025, 12, 11)),  # the explicit date wins over the weekday
        ("promised pricing by Thursday.", date(2025, 12, 4)),
        ("call tomorrow, then send the contract by Friday", date(2025, 12, 2)),  # earliest phrase wins
    ],
)
def test_resolve_due(text: str, expected: date) -> None:
    assert resolve_due(text, MONDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no date here",
        "she may come by",
        "may 3 people join?",
        "we sat down and talked",
        "24/7 support",
        "she works Fridays",
        "on Fridays she golfs",
        "Sunday's game was great",
        "v1.2.3 release",
        "room 42",
        "50/50 chance",
        "in an hour",
        "Februaryish",
        "2025-13-45",
        "the 31/31 thing",
    ],
)
def test_resolve_due_none(text: str) -> None:
    assert resolve_due(text, MONDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by Monday", date(2025, 2, 3)),  # crosses both week and month
        ("Monday", date(2025, 2, 3)),
        ("by Friday", date(2025, 2, 7)),  # on a Friday, "by Friday" is a week away
        ("this Friday", date(2025, 1, 31)),
        ("today", date(2025, 1, 31)),
        ("tomorrow", date(2025, 2, 1)),
        ("end of the week", date(2025, 1, 31)),
        ("end of month", date(2025, 1, 31)),
        ("next month", date(2025, 2, 1)),
        ("end of next month", date(2025, 2, 28)),
        ("next week", date(2025, 2, 7)),
        ("next Monday", date(2025, 2, 3)),
        ("in a month", date(2025, 2, 28)),  # 31 Jan + 1 month clamps to 28 Feb
        ("in 3 days", date(2025, 2, 3)),
        ("in 2 business days", date(2025, 2, 4)),
        ("1/15", date(2026, 1, 15)),
        ("2/1", date(2025, 2, 1)),
    ],
)
def test_friday_end_of_month_boundaries(text: str, expected: date) -> None:
    assert resolve_due(text, FRIDAY_EOM) == expected


def test_year_boundary() -> None:
    new_years_eve = datetime(2025, 12, 31, 23, 0, tzinfo=LONDON)  # a Wednesday
    assert resolve_due("tomorrow", new_years_eve) == date(2026, 1, 1)
    assert resolve_due("next week", new_years_eve) == date(2026, 1, 9)
    assert resolve_due("next month", new_years_eve) == date(2026, 1, 1)
    assert resolve_due("Dec 30", new_years_eve) == date(2026, 12, 30)
    assert resolve_due("Jan 2", new_years_eve) == date(2026, 1, 2)


def test_dst_change_new_york() -> None:
    # Saturday 8 March 2025, 23:30 in New York; clocks go forward at 02:00 on Sunday 9 March.
    before_change = datetime(2025, 3, 8, 23, 30, tzinfo=NEW_YORK)
    assert resolve_due("tomorrow", before_change) == date(2025, 3, 9)
    assert resolve_due("in 2 days", before_change) == date(2025, 3, 10)
    assert resolve_due("by Monday", before_change) == date(2025, 3, 10)
    assert resolve_due("next week", before_change) == date(2025, 3, 14)
    assert resolve_due("in a week", before_change) == date(2025, 3, 15)
    # The same instant is already Sunday in UTC: the note's own local date is what counts.
    assert before_change.astimezone(UTC).date() == date(2025, 3, 9)
    assert resolve_due("today", before_change) == date(2025, 3, 8)
    assert resolve_due("today", before_change.astimezone(UTC)) == date(2025, 3, 9)


def test_accepts_naive_datetime_and_date() -> None:
    assert resolve_due("tomorrow", datetime(2025, 12, 1, 9, 0)) == date(2025, 12, 2)
    assert resolve_due("tomorrow", date(2025, 12, 1)) == date(2025, 12, 2)


def test_leap_day_due_dates() -> None:
    leap = datetime(2024, 2, 28, 12, 0, tzinfo=LONDON)
    assert resolve_due("tomorrow", leap) == date(2024, 2, 29)
    assert resolve_due("end of month", leap) == date(2024, 2, 29)
    assert resolve_due("Feb 29", leap) == date(2024, 2, 29)
    after = datetime(2025, 3, 1, 12, 0, tzinfo=LONDON)
    assert resolve_due("Feb 29", after) == date(2026, 2, 28)  # no 29th in 2026
    assert resolve_due("in a month", datetime(2024, 1, 31, tzinfo=LONDON)) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 14", (None, 3, 14)),
        ("14 March 1985", (1985, 3, 14)),
        ("3/14", (None, 3, 14)),
        ("3/14/85", (1985, 3, 14)),
        ("3/14/1985", (1985, 3, 14)),
        ("1985-03-14", (1985, 3, 14)),
        ("14th of March", (None, 3, 14)),
        ("the 14th of March", (None, 3, 14)),
        ("March 14th, 1985", (1985, 3, 14)),
        ("Mar 14", (None, 3, 14)),
        ("14/3", (None, 3, 14)),
        ("birthday is on 29 Feb", (None, 2, 29)),
        ("born 29 February 2000", (2000, 2, 29)),
        ("june 2", (None, 6, 2)),
    ],
)
def test_parse_personal_date(text: str, expected: tuple[int | None, int, int]) -> None:
    assert parse_personal_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "March", "in 1985", "31 April", "29 February 2023", "2023-02-29", "13/13", "may 3 of us", "24/7"],
)
def test_parse_personal_date_none(text: str) -> None:
    assert parse_personal_date(text) is None


def test_find_dates_spans() -> None:
    text = "between 3 Dec and 2025-12-10"
    found = find_dates(text)
    assert [(f.month, f.day) for f in found] == [(12, 3), (12, 10)]
    assert text[found[0].start : found[0].end] == "3 Dec"
    assert text[found[1].start : found[1].end] == "2025-12-10"


@pytest.mark.parametrize(
    ("month", "day", "today", "expected"),
    [
        (3, 14, date(2025, 1, 1), date(2025, 3, 14)),
        (3, 14, date(2025, 3, 14), date(2025, 3, 14)),  # on the day: today
        (3, 14, date(2025, 3, 15), date(2026, 3, 14)),
        (1, 1, date(2025, 12, 31), date(2026, 1, 1)),
        (2, 29, date(2025, 1, 1), date(2025, 2, 28)),  # non-leap year: 28 Feb
        (2, 29, date(2025, 3, 1), date(2026, 2, 28)),
        (2, 29, date(2027, 3, 1), date(2028, 2, 29)),  # leap year: the real day
        (2, 29, date(2024, 2, 29), date(2024, 2, 29)),
        (2, 28, date(2024, 2, 29), date(2025, 2, 28)),
    ],
)
def test_next_occurrence(month: int, day: int, today: date, expected: date) -> None:
    assert next_occurrence(month, day, today) == expected


@pytest.mark.parametrize(("month", "day"), [(4, 31), (13, 1), (0, 5), (2, 30), (1, 0)])
def test_next_occurrence_rejects_impossible_days(month: int, day: int) -> None:
    with pytest.raises(ValueError):
        next_occurrence(month, day, date(2025, 1, 1))


def test_number_value_and_format_due() -> None:
    assert number_value("3") == 3
    assert number_value("two") == 2
    assert number_value("a couple of") == 2
    assert number_value("lots") is None
    assert format_due(date(2025, 12, 4)) == "Thu 4 Dec"


# --- properties ----------------------------------------------------------------------------------

_REFERENCE_TIMES = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2090, 12, 31),
    timezones=st.sampled_from([UTC, LONDON, NEW_YORK, ZoneInfo("Asia/Kolkata"), ZoneInfo("Pacific/Auckland")]),
)
_RELATIVE_PHRASES = st.one_of(
    st.sampled_from(
        [
            "today",
            "tonight",
            "tomorrow",
            "by Friday",
            "on Monday",
            "next Tuesday",
            "this Thursday",
            "by thu",
            "next week",
            "end of the week",
            "EOW",
            "end of month",
            "EOM",
            "next month",
            "end of next month",
            "end of quarter",
            "by the weekend",
            "asap",
        ]
    ),
    st.builds(
        "in {} {}".format,
        st.integers(min_value=0, max_value=365),
        st.just("days"),
    ),
    st.builds("within {} weeks".format, st.integers(min_value=0, max_value=52)),
    st.builds("in {} months".format, st.integers(min_value=0, max_value=12)),
    st.builds("{} {}".format, st.integers(min_value=1, max_value=28), st.sampled_from(["Jan", "March", "Dec"])),
)


@given(text=st.text(max_size=200), at=_REFERENCE_TIMES)
@settings(max_examples=300, deadline=None)
def test_resolve_due_never_raises(text: str, at: datetime) -> None:
    result = resolve_due(text, at)
    assert result is None or isinstance(result, date)


@given(
    prefix=st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=20),
    phrase=_RELATIVE_PHRASES,
    at=_REFERENCE_TIMES,
)
@settings(max_examples=300, deadline=None)
def test_relative_phrases_land_soon_after_at(prefix: str, phrase: str, at: datetime) -> None:
    result = resolve_due(f"promised it {phrase}", at)
    assert result is not None
    today = at.date()
    assert today <= result <= today + timedelta(days=400)
    # Leading noise does not make it raise either.
    resolve_due(prefix + phrase, at)


@given(text=st.text(max_size=100))
@settings(max_examples=200, deadline=None)
def test_parse_personal_date_never_raises(text: str) -> None:
    result = parse_personal_date(text)
    if result is not None:
        _year, month, day = result
        assert 1 <= month <= 12 and 1 <= day <= 31
        next_occurrence(month, day, date(2025, 6, 1))  # always a real yearly day


@given(
    month=st.integers(min_value=1, max_value=12),
    day=st.integers(min_value=1, max_value=31),
    today=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)),
)
def test_next_occurrence_is_within_a_year(month: int, day: int, today: date) -> None:
    try:
        result = next_occurrence(month, day, today)
    except ValueError:
        return
    assert today <= result < today + timedelta(days=367)
    assert result.month == month
