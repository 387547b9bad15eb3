"""Measurements typed after a number ("35 m² of oak", "a 6.5 kWp array", "battery 13.5 kWh") are facts.

Class: FACTS (a size with a unit of measure was dropped from the profile, so drafts and answers could not use it).
Sentences are our own, in several trades.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from memory.extract import extract_facts
from memory.extract_measures import measures

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("wants 35 m² of oak flooring for the hall", "35 m²", "measure:m2:oak"),
        ("quote for a 6.5 kWp array on the barn roof", "6.5 kWp", "measure:kwp:array"),
        ("add a battery, 13.5 kWh", "13.5 kWh", "measure:kwh:battery"),
        ("the orchard is 2.5 acres", "2.5 acres", "measure:acres:orchard"),
        ("menus on 300 gsm card", "300 gsm", "measure:gsm:card"),
        ("needs a 15 kVA generator for the marquee", "15 kVA", "measure:kva:generator"),
        ("the kettle is 1.8L", "1.8 L", "measure:l:kettle"),
        ("switched to the 30ml after all", "30 ml", "measure:ml"),  # "after all" names no thing
    ],
)
def test_a_measurement_is_kept_with_what_it_measures(text: str, value: str, key: str) -> None:
    got = [f for f in extract_facts(text, AT) if f.key.startswith("measure:")]
    assert [(f.key, f.value) for f in got] == [(key, value)]


@pytest.mark.parametrize(
    "text",
    ["call her at 3 pm", "budget SAR 4.2m", "size 12 shoes", "3l of paint", "needs 20 units by friday"],
)
def test_no_measurement_where_none_is_typed(text: str) -> None:
    assert not list(measures(text, AT))


def test_a_later_measurement_of_the_same_thing_supersedes() -> None:
    """ "battery 10 kWh", then "make the battery 15 kWh": one key, so the replay keeps only the later."""
    first = {f.key for f in extract_facts("battery 10 kWh for the garage", AT) if f.key.startswith("measure:")}
    later = {f.key for f in extract_facts("make the battery 15 kWh", AT) if f.key.startswith("measure:")}
    assert first == later == {"measure:kwh:battery"}


@pytest.mark.parametrize(
    ("text", "value"),
    [("the 50ml serum, not the 30ml", "50 ml"), ("wants the 720ml bottles not the 1.8L", "720 ml")],
)
def test_a_declined_size_is_no_measurement(text: str, value: str) -> None:
    """ "not the 30ml" is what she does not want: the measurement kept is the one chosen."""
    assert [f.value for f in extract_facts(text, AT) if f.key.startswith("measure:")] == [value]
