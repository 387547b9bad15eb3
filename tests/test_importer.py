"""The import parser: any bytes give notes or a BadInput naming a line — never another exception."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memory.errors import BadInput
from memory.importer import parse_lines

UTC = ZoneInfo("UTC")


@given(st.binary(max_size=400))
@settings(max_examples=300)
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        parse_lines(data, UTC)
    except BadInput as err:
        assert str(err)


records = st.fixed_dictionaries(
    {
        "id": st.one_of(st.text(max_size=20), st.integers(), st.none(), st.booleans()),
        "client": st.one_of(st.text(max_size=30), st.none(), st.integers()),
        "text": st.one_of(st.text(max_size=60), st.none()),
        "at": st.one_of(st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()), st.text(max_size=12)),
    }
)


@given(st.lists(records, min_size=1, max_size=5))
@settings(max_examples=300)
def test_arbitrary_records_are_stored_exactly_or_refused_by_line(rows: list[dict]) -> None:
    data = "\n".join(json.dumps(r) for r in rows).encode()
    try:
        notes = parse_lines(data, UTC)
    except BadInput as err:
        assert str(err).startswith("line ")
        return
    assert [n.note_id for n in notes] == [str(r["id"]) for r in rows]
    assert [n.text for n in notes] == [r["text"] for r in rows]


@pytest.mark.parametrize(
    ("at", "iso"),
    [
        ("2025-03-03", "2025-03-03T00:00:00+01:00"),
        ("2025-03-03T14:30", "2025-03-03T14:30:00+01:00"),
        ("2025-03-03T14:30:00Z", "2025-03-03T14:30:00+00:00"),
        ("2025-07-03T09:00:00-04:00", "2025-07-03T09:00:00-04:00"),
    ],
)
def test_naive_times_are_in_the_salespersons_zone(at: str, iso: str) -> None:
    line = json.dumps({"id": "a", "client": "Dana", "text": "hi", "at": at}).encode()
    [note] = parse_lines(line, ZoneInfo("Europe/Paris"))
    assert note.at.isoformat() == iso and note.at_raw == at
