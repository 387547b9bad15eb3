"""no_consent by channel, line and period: the worlds are invented for these tests (not from a benchmark set)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from guard_cli import World

from bot.guard.rules.channel_consent import stated_channel
from bot.guard.text import _norm
from memory.consent_scope import ContactScope, contact_scopes, note_scopes


def refusals(note_id: str, note: str, day: date) -> list[ContactScope]:
    """The closures one note states (`memory.consent_scope`, the one reader), marketing-only ones aside."""
    found, _ = note_scopes(note_id, note, datetime(day.year, day.month, day.day, 10))
    return [s for s in found if s.kind == "closed" and not s.topic]


def named_open_channels(note: str) -> frozenset[str]:
    """The ways to reach the client a note names."""
    return contact_scopes([("n", note, datetime(2026, 4, 1, 10))]).open_ways()


@pytest.mark.parametrize(
    ("note", "channel", "line"),
    [
        ("marta said please don't ring the shop, it's chaos on saturdays", "phone", "work"),
        ("never phone the home number, her dad answers", "phone", "home"),
        ("pls no texts, she's on a data plan", "text", None),
        ("asked me to stop ringing him, email is better", "phone", None),
        ("do not call his mobile, work line only", "phone", "mobile"),
    ],
)
def test_a_refusal_names_its_channel_and_line(note: str, channel: str, line: str | None) -> None:
    (r,) = refusals("n", note, date(2026, 4, 1))
    assert (r.channel, r.line or None) == (channel, line)


@pytest.mark.parametrize(
    "note",
    [
        "no calls before 10am, she does the school run",  # a time of day, not the channel
        "asked not to send attachments by email",  # attachments, not email
        "texts about deliveries are fine",
        "she never calls back, try email",
    ],
)
def test_what_is_not_a_refusal(note: str) -> None:
    assert refusals("n", note, date(2026, 4, 1)) == []


@pytest.fixture
def bakery(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Marta Keane",
        [
            ("2026-04-01T10:00:00", "marta keane owns Crumb & Co, two bakeries in york. wants 2 proving cabinets"),
            ("2026-04-02T10:00:00", "marta: please don't ring the shop line, staff are flat out. her mobile is fine"),
            ("2026-04-03T10:00:00", "marta - no texts at all pls, email for paperwork"),
            ("2026-04-06T10:00:00", "marta: don't contact me at all in may, we're refitting the second shop"),
        ],
    )


def test_a_planned_call_on_the_closed_line_blocks_and_another_line_passes(bakery: World) -> None:
    assert bakery.kinds("Hi Marta, I'll ring the shop tomorrow to go over the cabinets.", "2026-04-10T09:00") == {
        "no_consent"
    }
    assert bakery.kinds("Hi Marta, I'll give you a ring on your mobile tomorrow.", "2026-04-10T09:00") == set()


def test_a_message_that_says_it_is_a_text_blocks_when_texts_are_closed(bakery: World) -> None:
    assert bakery.kinds("Hi Marta, just texting to say the cabinets shipped.", "2026-04-10T09:00") == {"no_consent"}
    assert bakery.kinds("Dear Marta, the cabinets shipped today.\n\nKind regards,\nSam", "2026-04-10T09:00") == set()


def test_an_opt_out_for_one_month_holds_only_that_month(bakery: World) -> None:
    text = "Dear Marta, the proving cabinets are ready to ship whenever suits you.\n\nKind regards,\nSam"
    assert bakery.kinds(text, "2026-04-20T09:00") == set()
    assert bakery.check(text, "2026-05-12T09:00")["verdict"] == "block"
    assert bakery.kinds(text, "2026-06-02T09:00") == set()


@pytest.mark.parametrize(
    ("opening", "channel"),
    [
        ("Ingrid, email from Tomas at the yard: the hull survey is booked.", "email"),
        ("Call script for Ravi: ask how the new oven is working.", "phone"),
        ("Ring Ravi to confirm the oven install.", "phone"),
        ("Email Ravi about the oven manual.", "email"),
        ("Hi Ravi, writing to you by email as you asked: the install is on.", "email"),
        ("Hello Ravi (texting as you prefer) - the oven ships Monday.", "text"),
        ("Hi Ravi, a short text: the oven ships Monday.", "text"),
        ("Hi Ravi, replying in your LinkedIn DMs as agreed: the deck is attached.", "social"),
    ],
)
def test_a_draft_that_names_its_medium_in_its_opening_goes_by_it(opening: str, channel: str) -> None:
    said = stated_channel(_norm(opening))
    assert said is not None and said[0] == channel, said


@pytest.mark.parametrize(
    "opening",
    [
        "Hi Ravi, thanks for the call yesterday. The oven ships Monday.",  # a past call is no medium
        "Hi Ravi, not a quick email this time: the oven ships Monday.",  # negated
        "Hi Ravi, great to see you. I'll email the manual and text the tracking number.",  # two: unknown
    ],
)
def test_a_channel_word_that_is_no_medium_mark_says_nothing(opening: str) -> None:
    assert stated_channel(_norm(opening)) is None


# --- issue 14, session 8: the scope of consent, each sentence invented for these tests ----------------


@pytest.mark.parametrize(
    ("note", "channel"),
    [
        ("calls fine, texts not. his apprentice reads the phone", "text"),  # the refusal after the channel
        ("email yes, phone no", "phone"),
        ("he can't take calls on the site, email him", "phone"),  # what the client cannot do
        ("doesn't use email at all, ring the yard", "email"),
        ("asked for no whatsapp, only email please", "text"),  # 'only email' allows email, not whatsapp
    ],
)
def test_a_refusal_in_other_word_orders_names_its_channel(note: str, channel: str) -> None:
    found = [r for r in refusals("n", note, date(2026, 4, 1)) if not r.inferred]
    assert [r.channel for r in found] == [channel]


@pytest.mark.parametrize(
    ("note", "closed"),
    [
        ("wants everything by email only", {"phone", "text"}),
        ("text only pls, never picks up", {"email", "phone"}),
        ("post only for contracts", set()),  # one kind of message, not every contact
        ("her mobile or email only", set()),  # two ways open: which one is not certain
        ("emails no longer bounce", set()),
        ("calls no problem after lunch", set()),
    ],
)
def test_one_channel_named_as_the_only_one_closes_the_others_inferred(note: str, closed: set[str]) -> None:
    found = refusals("n", note, date(2026, 4, 1))
    assert {r.channel for r in found} == closed
    assert all(r.inferred for r in found)


@pytest.fixture
def workshop(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Ines Vidal",
        [
            ("2026-03-02T10:00:00", "ines vidal, dentist in porto, wants a new compressor"),
            ("2026-03-09T10:00:00", "ines asked for no whatsapp, only email please. surgery all day"),
        ],
    )


def test_every_channel_a_draft_uses_is_checked(workshop: World) -> None:
    at = "2026-03-12T10:00"
    assert workshop.check("Hi Ines, a quick WhatsApp: the compressor ships Monday. Rui", at)["verdict"] == "block"
    # a call plan or a call to her mobile for an email-only client: unwelcome, warned (inferred, not said)
    for text in (
        "Call plan: ring Ines at the surgery about the compressor delivery.",
        "Hi Ines, I'll try your mobile this afternoon about the delivery. Rui",
    ):
        doc = workshop.check(text, at)
        assert (doc["verdict"], {f["kind"] for f in doc["findings"]}) == ("warn", {"no_consent"}), text
    assert workshop.kinds("Hi Ines, sending this by email as you asked: it ships Monday. Rui", at) == set()


def test_a_draft_whose_channel_is_not_stated_passes_by_the_way_the_client_named(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Nora Quist",
        [
            ("2026-03-02T10:00:00", "nora quist, florist in leeds. wants 3 cold-room shelves"),
            ("2026-03-09T10:00:00", "nora: don't email her, shared inbox. text her only"),
        ],
    )
    at = "2026-03-12T10:00"
    assert world.kinds("Hi Nora, the shelves ship Friday. Sam", at) == set()  # it goes by text
    assert world.kinds("Dear Nora, the shelves ship Friday.\n\nKind regards,\nSam", at) == set()  # a letter's form
    assert world.kinds("Hi Nora, I've emailed you the invoice as well. Sam", at) == {"no_consent"}
    assert world.kinds("Subject: Shelves\n\nHi Nora, the shelves ship Friday. Sam", at) == {"no_consent"}


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Hi Kwame, the quote is ready. Ama (sent by email)", "email"),
        ("Kia ora Mere, by email: the order is confirmed. Jo", "email"),
        ("Hey Kwame! Popping into your Instagram DMs as requested. The quote is ready.", "social"),
    ],
)
def test_a_label_of_the_medium_anywhere_in_the_message_says_how_it_goes(text: str, channel: str) -> None:
    said = stated_channel(_norm(text))
    assert said is not None and said[0] == channel, said


@pytest.mark.parametrize(
    ("note", "end"),
    [
        ("hip op on 2 apr, ok to ring his daughter. don't ring walt till mid may", date(2026, 5, 15)),
        ("no calls until 3 june pls, she's on jury duty", date(2026, 6, 3)),
        ("do not text her before the end of march", date(2026, 3, 28)),
    ],
)
def test_a_refusal_until_a_day_opens_on_that_day(note: str, end: date) -> None:
    (r,) = refusals("n", note, date(2026, 3, 24))
    assert r.end == end


def test_a_call_plan_after_the_refusals_end_passes(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Walt Berg",
        [
            ("2026-03-02T10:00:00", "walt berg, dairy farm near eau claire, wants a 3000 gal bulk tank"),
            ("2026-03-24T10:00:00", "hip op on 2 apr, ok to ring his daughter. don't ring walt till mid may"),
        ],
    )
    plan = "Call plan for Walt: ring him to ask how the hip is and where the tank order stands."
    assert world.kinds(plan, "2026-04-20T10:00") == {"no_consent"}
    assert world.kinds(plan, "2026-05-19T10:00") == set()


def test_a_draft_whose_channel_is_not_stated_warns_when_the_client_named_no_open_way(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Colm Duffy",
        [
            ("2026-03-02T10:00:00", "colm duffy, sheep farm in kerry, wants a quad bike"),
            ("2026-03-09T10:00:00", "colm doesn't want any more emails or calls from us, bought elsewhere"),
        ],
    )
    doc = world.check("Hi Colm, how is the new quad running?", "2026-03-20T10:00")
    assert (doc["verdict"], {f["kind"] for f in doc["findings"]}) == ("warn", {"no_consent"})


@pytest.mark.parametrize(
    ("note", "ways"),
    [
        ("stop emailing him, whatsapp or ring him instead", {"text", "phone"}),
        ("please stop texting, she prefers email or an instagram dm", {"email"}),  # a DM is no channel we judge
        ("no more emails please, I'll call you when I need more stock", set()),  # the client will reach us
        ("no more emails or calls, bought elsewhere", set()),  # nothing left open by name
    ],
)
def test_the_ways_a_refusing_client_names_are_read(note: str, ways: set[str]) -> None:
    assert named_open_channels(note) == ways
