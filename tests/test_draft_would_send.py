"""Drafts a person would send (issues 13, 14): the opener names only an interaction a note records, of the
type it records (never a word of the trade); the purpose is rephrased or shapes the draft, never pasted
into a frame; no salesperson verbs about the client; a dislike or a quantity keeps its object.

Real Memory, the real `make_draft` (offline engine) and the real guard; notes typed the way salespeople in
several trades type them (coffee roaster, kitchen fitter, florist, car dealer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.context_from_memory import build_context
from bot.usecases.draft_offline import _Writer
from bot.usecases.drafting import DraftResult, make_draft
from memory.service import NoteInput
from memory.timeutil import now_utc

NOW = now_utc()
VARIANTS = range(6)


def _note(note_id: str, client: str, text: str, days_ago: float) -> NoteInput:
    at = NOW - timedelta(days=days_ago)
    return NoteInput(client=client, text=text, at=at, at_raw=at.isoformat(), note_id=note_id, source="import")


NOTES = [
    # coffee roaster: "coffee", "cafe" are the trade, no coffee together
    _note("w1", "Mai Nguyen", "met w mai nguyen at her cafe in footscray, she wants the 3 group in white", 3),
    _note("w2", "Giulia Conti", "giulia takes 12kg of the house blend", 9),
    _note("w3", "Giulia Conti", "emailed giulia re the decaf, no answer", 2),
    _note("w3b", "Giulia Conti", "called giulia about the grinder, no answer", 1),
    _note("w3c", "Pete Hall", "spoke with pete at his bakery about the deck oven, he wants the 3 deck", 1),
    _note("w4", "Kiri Walker", "kiri runs a coffee cart at the markets, wants a better grinder", 2),
    _note("w5", "Tomasz Nowak", "noted tomasz wants 2 Eagle ones at 13900 each, install on Jan 19", 2),
    _note("w6", "Ken Sato", "ken's wife yuki loves the ethiopian. ken doesn't like light roast", 2),
    _note("w7", "Siobhan Kelly", "siobhan wants 40kg monthly of the house blend", 6),
    _note("w7b", "Siobhan Kelly", "siobhan now wants 50kg not 40", 2),
    _note("w7c", "Ana Costa", "ana likes medium roast not light", 2),
    # florist and car dealer: a trade word ("bouquet", "test drive") is no meeting either
    _note("w8", "Hana Ito", "hana runs a florist, wants weekly lunch arrangements for the bistro", 2),
    _note("w9", "Dev Rao", "dev wants the hybrid in grey, told me his budget is 40k", 2),
    _note("w10", "Ola Berg", "had coffee with ola at the Grind, she wants 20 chairs", 1),
]


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    data: Path = tmp_path_factory.mktemp("wouldsend")
    rt = Runtime(Settings(chet_data_dir=data, chet_offline=True, chet_sender_name="Sam Carter", _env_file=None))
    rt.memory("local").import_notes(NOTES)
    yield rt


def _drafts(runtime: Runtime, client: str, purpose: str) -> list[DraftResult]:
    memory = runtime.memory("local")
    found = memory.find_client(client)
    return [make_draft(runtime, memory, found, purpose, variant=v) for v in VARIANTS]


_OPENER_EVENT = re.compile(r"(?i)\b(?:thank\w*|thinking about|since|making time for)\b[^.]*")


@pytest.mark.parametrize(
    ("client", "invented"),
    [
        ("Mai Nguyen", r"coffee|cafe|call"),
        ("Giulia Conti", r"call|coffee"),
        ("Kiri Walker", r"coffee|cart|markets"),
        ("Hana Ito", r"lunch|arrangement"),
        ("Pete Hall", r"call"),
    ],
)
def test_the_opener_names_no_interaction_the_notes_do_not_record(runtime: Runtime, client: str, invented: str) -> None:
    for d in _drafts(runtime, client, "follow up"):
        for m in _OPENER_EVENT.finditer(d.text):
            assert not re.search(rf"(?i)\b(?:{invented})\b", m.group(0)), d.text
        assert d.verdict != "block", d


def test_a_coffee_together_is_still_recalled(runtime: Runtime) -> None:
    texts = [d.text for d in _drafts(runtime, "Ola Berg", "follow up")]
    assert any(re.search(r"(?i)\bcoffee\b", t) for t in texts), texts


def test_an_instruction_to_call_makes_a_call_plan_with_the_date(runtime: Runtime) -> None:
    for d in _drafts(runtime, "Tomasz Nowak", "call him to confirm the install date"):
        assert d.text.startswith("Call plan"), d.text
        assert not re.search(r"(?i)about call|call you to|\bnoted\b", d.text), d.text
        assert re.search(r"19 January|January 19|Jan 19", d.text), d.text
        assert d.verdict != "block", d


def test_a_wish_for_a_relative_is_sent_through_the_client(runtime: Runtime) -> None:
    for d in _drafts(runtime, "Ken Sato", "wish his wife happy birthday"):
        assert not re.search(r"(?i)about (?:the )?wish|\bno light\b", d.text), d.text
        assert re.search(r"(?i)\bYuki\b", d.text), d.text
        assert d.verdict != "block", d


@pytest.mark.parametrize(
    ("client", "purpose", "bad"),
    [
        ("Siobhan Kelly", "follow up", r"\b50kg(?! of)"),
        ("Siobhan Kelly", "samples", r"\b50kg(?! of)"),
        ("Ken Sato", "follow up", r"(?i)\bno light\b(?! roast)"),
        ("Dev Rao", "follow up", r"(?i)\btold me\b|\byou told\b"),
        ("Tomasz Nowak", "follow up", r"(?i)\bnoted\b"),
    ],
)
def test_details_keep_their_object_and_no_salesperson_verbs(
    runtime: Runtime, client: str, purpose: str, bad: str
) -> None:
    for d in _drafts(runtime, client, purpose):
        assert not re.search(bad, d.text), d.text
        assert d.verdict != "block", d


def test_a_ruled_out_option_keeps_its_object(runtime: Runtime) -> None:
    memory = runtime.memory("local")
    client = memory.find_client("Ana Costa")
    ctx = build_context(memory, client, "follow up", NOW, "Sam Carter").ctx
    said = [text for text, _ in _Writer(ctx, 0)._fact_details()]
    assert "no light roast" in said, said


_PASTED = re.compile(
    r"(?i)\babout (?:the )?(?:tell|let|ask|get|remind|text|email|call)\b|\babout (?:the )?to\b|: let you\b|"
    r"\bthank you for your \w+ for\b|\b(?:writing|in touch) about \w+ you\b|\bI'm writing about you\b"
)


@pytest.mark.parametrize(
    ("client", "purpose", "said"),
    [
        ("Tomasz Nowak", "tell him the Eagle price went up", r"let you know the Eagle price went up"),
        ("Tomasz Nowak", "ask him to pick a colour", r"could you pick a colour|Could you pick a colour"),
        ("Mai Nguyen", "remind her to pay the deposit", r"reminder to pay the deposit"),
        ("Hana Ito", "get her to sign the form", r"sign the form"),
        ("Dev Rao", "thank his wife for the referral", r"thanks to your wife for the referral|thank your wife"),
        ("Dev Rao", "email him the brochure", r"the brochure"),
    ],
)
def test_an_instruction_to_the_salesperson_is_said_to_the_client(
    runtime: Runtime, client: str, purpose: str, said: str
) -> None:
    for d in _drafts(runtime, client, purpose):
        assert not _PASTED.search(d.text), d.text
        assert re.search(said, d.text), d.text
        assert d.verdict != "block", d
