"""Drafts a person would send (issue 13): no invented contact event, no pasted to-dos or third person,
no follow-up promising a follow-up, an apology only while a complaint is open, no relative's birthday
wished to the client.

Real Memory, the real `make_draft` (offline engine) and the real guard; invented notes typed the way
salespeople type them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.drafting import DraftResult, make_draft
from memory.service import NoteInput
from memory.timeutil import now_utc

NOW = now_utc()
VARIANTS = range(4)


def _note(note_id: str, client: str, text: str, days_ago: float) -> NoteInput:
    at = NOW - timedelta(days=days_ago)
    return NoteInput(client=client, text=text, at=at, at_raw=at.isoformat(), note_id=note_id, source="import")


NOTES = [
    _note("s1", "Greta Lindqvist", "greta interested in a heat pump for the cabin, budget around 9k", 2),
    _note("s2", "Owen Pike", "owen bought the outback last month, wants roof racks", 1),
    _note("s3", "Tomas Reyes", "tomas's son loved the vineyard tour. need to send the wine club form to tomas", 1),
    _note("s4", "Tomas Reyes", "tomas reys confirmed the cellar tasting for next thurs", 0.5),
    _note("s5", "Ines Vogel", "test drive booked w ines sat 11am. ines wants a hybrid Outback in green", 1.2),
    _note("s6", "Ines Vogel", "sent ines the towing brochure. decision after the holidays", 0.8),
    _note("s7", "Ines Vogel", "ines still keen on the outback, asked about the xc40 too", 0.6),
    _note("s8", "Kofi Mensah", "kofi annoyed, the boiler install got delayed again. installer now tuesday", 5),
    _note("s9", "Kofi Mensah", "kofi happy now, installer came and it's all good", 1),
    _note("s10", "Nadia Hart", "nadia complained the 4 stools arrived scratched. replacements due 20 dec", 2),
    _note("s11", "Raj Patel", "sent raj the sedan pricing. his wife anika's birthday is 14 december", 1),
    _note("s15", "Raj Patel", "raj wants to surprise her with a convertible", 0.9),
    _note(
        "s16", "Bo Lund", "bo asked me to stop emailing him, prefers phone. wants financing options for the camper", 1
    ),
    _note("s12", "Leah Brook", "want fleet tracking for all 12 vans by end of march", 1),
    _note("s13", "Leah Brook", "promised to follow up by friday", 0.5),
    _note("s14", "Milo Grant", "call with milo today, he wants the walnut desk", 0.2),
]


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    data: Path = tmp_path_factory.mktemp("sendable")
    rt = Runtime(Settings(chet_data_dir=data, chet_offline=True, chet_sender_name="Sam Carter", _env_file=None))
    rt.memory("local").import_notes(NOTES)
    yield rt


def _drafts(runtime: Runtime, client: str, purpose: str) -> list[DraftResult]:
    memory = runtime.memory("local")
    found = memory.find_client(client)
    return [make_draft(runtime, memory, found, purpose, variant=v) for v in VARIANTS]


_THANKS_FOR_EVENT = re.compile(r"(?i)\bthank\w*\b[^.]*\b(?:call|tour|order|visit|meeting|purchase)\b")


@pytest.mark.parametrize(
    ("client", "purpose"),
    [("Greta Lindqvist", "follow up"), ("Owen Pike", "follow up on the roof racks"), ("Tomas Reyes", "follow up")],
)
def test_no_contact_event_is_thanked_for_unless_a_note_records_it_then(
    runtime: Runtime, client: str, purpose: str
) -> None:
    for d in _drafts(runtime, client, purpose):
        assert not _THANKS_FOR_EVENT.search(d.text), d.text
        assert not re.search(r"(?i)my notes from", d.text), d.text  # the note's date is no event
        assert d.verdict != "block", d


def test_a_call_noted_as_today_is_recalled_with_its_day(runtime: Runtime) -> None:
    texts = [d.text for d in _drafts(runtime, "Milo Grant", "follow up")]
    assert any(re.search(r"(?i)\bcall\b", t) for t in texts), texts


_NOT_TO_THE_CLIENT = re.compile(
    r"(?i)\bneed to send\b|\bbooked w\b|\bsent your\b|\bsent \w+ the\b|(?-i:\btomas\b)|\breys\b|[:;] want\b|"
    r"\bI'm writing about intro\b|\bson loved\b|\bfrom harbour\b|\bsend you [^.]*\bto you\b|\byour with\b|\bcomplained\b"
)


@pytest.mark.parametrize(
    ("client", "purpose"),
    [
        ("Tomas Reyes", "follow up"),
        ("Tomas Reyes", "confirm the tasting"),
        ("Ines Vogel", "follow up"),
        ("Ines Vogel", "intro and the towing"),
        ("Leah Brook", "follow up on the fleet tracking"),
        ("Raj Patel", "a convertible for his wife's birthday"),
        ("Nadia Hart", "about the 4 stools"),
    ],
)
def test_detail_lines_are_said_to_the_client_or_left_out(runtime: Runtime, client: str, purpose: str) -> None:
    for d in _drafts(runtime, client, purpose):
        assert not _NOT_TO_THE_CLIENT.search(d.text), d.text
        assert d.verdict != "block", d


def test_a_lower_case_model_is_written_as_the_notes_capitalise_it_or_not_at_all(runtime: Runtime) -> None:
    for d in _drafts(runtime, "Ines Vogel", "follow up"):
        assert not re.search(r"\boutback\b|\bxc40\b", d.text), d.text


def test_a_bare_subject_purpose_reads_as_a_sentence(runtime: Runtime) -> None:
    for d in _drafts(runtime, "Greta Lindqvist", "intro and the heat pump"):
        assert "intro" not in d.text and "heat pump" in d.text, d.text
    for d in _drafts(runtime, "Owen Pike", "trade in"):
        assert not re.search(r"\babout trade in\b|\bon trade in\b", d.text), d.text


def test_a_follow_up_never_promises_a_follow_up(runtime: Runtime) -> None:
    for d in _drafts(runtime, "Leah Brook", "follow up on the fleet tracking"):
        assert not re.search(r"(?i)I'll follow up\b", d.text), d.text


def test_the_purpose_leads_after_a_resolved_complaint_and_no_apology_is_made(runtime: Runtime) -> None:
    for purpose in ("thank and ask for a review", "confirm the installer date", "follow up"):
        for d in _drafts(runtime, "Kofi Mensah", purpose):
            assert not re.search(r"(?i)\bsorry\b|\bhassle\b|\bapolog", d.text), d.text
    for d in _drafts(runtime, "Kofi Mensah", "thanks and ask for a review"):
        assert "review" in d.text and "about thanks" not in d.text and "ask about" not in d.text, d.text


def test_an_open_complaint_is_apologised_for_by_name(runtime: Runtime) -> None:
    for d in _drafts(runtime, "Nadia Hart", "apology about the stools"):
        assert re.search(r"(?i)sorry", d.text) and "stools" in d.text, d.text
        assert d.verdict != "block", d


def test_an_open_complaint_lets_another_purpose_lead(runtime: Runtime) -> None:
    for d in _drafts(runtime, "Nadia Hart", "confirm the replacement delivery"):
        assert "confirm" in d.text, d.text
        assert d.verdict != "block", d


def test_a_relatives_birthday_is_never_wished_to_the_client(runtime: Runtime) -> None:
    for purpose in ("gift ideas for his wife's birthday", "his wife's birthday"):
        for d in _drafts(runtime, "Raj Patel", purpose):
            assert not re.search(r"(?i)happy birthday|your birthday|birthday, Raj", d.text), d.text


def test_a_relative_is_named_in_a_birthday_purpose_and_nothing_is_asked_to_be_confirmed_when_nothing_is_restated(
    runtime: Runtime,
) -> None:
    for d in _drafts(runtime, "Raj Patel", "bday present for his wife"):
        assert "your wife Anika" in d.text and "None" not in d.text, d.text
    for d in _drafts(runtime, "Kofi Mensah", "follow up"):
        assert "sound right" not in d.text, d.text


def test_a_call_plan_says_what_the_call_is_about_not_what_it_is_writing_about(runtime: Runtime) -> None:
    for d in _drafts(runtime, "Bo Lund", "financing"):
        assert d.text.startswith("Call plan") and "writing" not in d.text, d.text
        assert "the financing" in d.text, d.text
