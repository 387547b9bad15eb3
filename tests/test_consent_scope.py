"""Consent and pauses have a scope: a period, hours, a topic, a cap (memory/consent_scope.py), read by the guard.

The worlds are invented for these tests (a garden designer, a bakery supplier, a locksmith, a potter,
a pet-food wholesaler), not taken from a benchmark set. Each runs the real CLI on real SQLite.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from guard_cli import World

from memory.consent_scope import contact_limit, contact_scopes, note_period, note_scopes


def _scopes(text: str, at: datetime = datetime(2027, 3, 1, 10, 0)) -> list[tuple[str, str, object, object]]:
    found, _ = note_scopes("n1", text, at)
    return [(s.kind, s.channel, s.start, s.end) for s in found]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("he's on sabbatical from 3 apr, back 28 jun", (date(2027, 4, 3), date(2027, 6, 28))),
        ("studio shut 10-14 aug for the kiln rebuild", (date(2027, 8, 10), date(2027, 8, 15))),
        ("in hospital from 4 may to 18 may", (date(2027, 5, 4), date(2027, 5, 19))),
        ("sent the invoice, all good", None),
        ("delivery on 12 april", None),  # one day, not a period
    ],
)
def test_a_note_names_a_period_with_both_ends(text: str, period: tuple[date, date] | None) -> None:
    assert note_period(text, date(2027, 3, 1)) == period


def test_an_opt_out_holds_for_the_period_it_refers_back_to() -> None:
    text = "marek is in hospital from 4 may to 18 may. wife says don't bother him then"
    assert _scopes(text) == [("closed", "any", date(2027, 5, 4), date(2027, 5, 19))]
    # no period to refer to: not a scoped closure (the consent fact, if any, decides)
    assert _scopes("don't bother him then") == []


def test_a_pause_until_the_client_comes_back_is_about_asking() -> None:
    found, _ = note_scopes(
        "n1", "her mum passed away last week. she'll reach out when she's ready", datetime(2027, 3, 1)
    )
    assert [(s.kind, s.topic, s.end) for s in found] == [("pause", "asks", date(2027, 3, 31))]  # a month at most
    found, _ = note_scopes("n1", "said to try him again after 20 march, budget frozen", datetime(2027, 3, 1))
    assert [(s.kind, s.end) for s in found] == [("pause", date(2027, 3, 21))]
    # a routine "she'll get back to me next week" is no pause: asking before then is fine
    assert note_scopes("n1", "sent the quote, she'll get back to me next week", datetime(2027, 3, 1))[0] == ()


@pytest.mark.parametrize(
    ("text", "channel", "hours"),
    [
        ("calls ok after 5pm, he's in the kitchen all day", "phone", (0, 17)),
        ("dont call me at the bakery before 11am", "phone", (0, 11)),
        ("no calls between 10 and 4, he's on the shop floor", "phone", (10, 16)),
        ("no phone calls before 11am, school run", "phone", (0, 11)),
        ("reach him after 6pm only, he drives all day", "any", (0, 18)),
    ],
)
def test_hours_close_a_channel_for_part_of_the_day(text: str, channel: str, hours: tuple[int, int]) -> None:
    found, _ = note_scopes("n1", text, datetime(2027, 3, 1))
    assert [(s.kind, s.channel, s.hours) for s in found] == [("hours", channel, hours)]


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("max two follow ups a month pls", (2, 30)),
        ("asked me not to send more than one sms a fortnight", (1, 14)),
        ("delivers three times a week", None),  # a schedule, not a cap
    ],
)
def test_a_cap_on_how_often_we_write(text: str, limit: tuple[int, int] | None) -> None:
    found = contact_limit(text)
    assert (None if found is None else (found[0], found[1].days)) == limit


def test_scopes_are_read_in_time_order_and_the_latest_limit_counts() -> None:
    scopes = contact_scopes(
        [
            ("b", "now max one email a week", datetime(2027, 3, 8)),
            ("a", "max three emails a week", datetime(2027, 3, 1)),
        ]
    )
    limit = scopes.limit()
    assert limit is not None and (limit.times, limit.source) == (1, "b")


@pytest.fixture
def garden(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Ines Duarte",
        [
            ("2027-01-10T10:00:00", "ines duarte, courtyard garden redesign in lisbon, wants olive trees and gravel"),
            (
                "2027-01-20T16:00:00",
                "ines is on sabbatical from 3 feb, back 28 apr. her partner rui handles the builders. "
                "don't contact her meanwhile",
            ),
        ],
    )


def test_a_leave_period_closes_contact_only_while_it_lasts(garden: World) -> None:
    before = "Hi Ines, before your sabbatical starts: the olive tree planting plan is with Rui. Enjoy the time off!"
    assert garden.kinds(before, "2027-01-28T10:00:00") == set()
    during = "Hi Ines, quick question on the gravel colour, can you let me know this week?"
    assert garden.kinds(during, "2027-03-02T10:00:00") == {"no_consent"}
    after = "Hi Ines, welcome back! Shall we pick up the gravel colour for the courtyard?"
    assert garden.kinds(after, "2027-05-03T10:00:00") == set()


@pytest.fixture
def bakery(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Hamid Rahimi",
        [
            ("2027-02-01T09:00:00", "hamid rahimi, bakery in leeds, 40 bags of rye flour a month"),
            ("2027-02-15T12:00:00", "hamid's father died. he'll be in touch once the family is back from kabul"),
        ],
    )


def test_a_message_that_asks_nothing_respects_a_pause_one_that_asks_breaks_it(bakery: World) -> None:
    kind = "Dear Hamid, I was so sorry to hear about your father. Nothing needed from you; the flour will keep coming as usual."
    assert bakery.kinds(kind, "2027-02-20T10:00:00") == set()
    chase = "Hi Hamid, any update on next month's rye order?"
    assert bakery.kinds(chase, "2027-02-20T10:00:00") == {"too_frequent"}


@pytest.fixture
def locksmith(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Gary Pell",
        [
            ("2027-03-01T09:00:00", "gary pell, locksmith, wants 30 euro cylinders for a block of flats"),
            ("2027-03-03T09:00:00", "gary: no calls between 10 and 4, he's up ladders. texts fine"),
        ],
    )


def test_a_call_planned_inside_the_closed_hours_is_blocked_outside_them_it_passes(locksmith: World) -> None:
    # Only this rule's kind is asserted: other rules read the clock time as a figure (reported, not ours).
    inside = locksmith.check("Hi Gary, I'll call you at 11 tomorrow about the cylinders.", "2027-03-08T09:00:00")
    assert [f["verdict"] for f in inside["findings"] if f["kind"] == "no_consent"] == ["block"]
    outside = locksmith.check("Hi Gary, I'll call you at 5 tomorrow about the cylinders.", "2027-03-08T09:00:00")
    assert not [f for f in outside["findings"] if f["kind"] == "no_consent"]
    assert locksmith.kinds("Hi Gary, the cylinders are in. Text me when it suits.", "2027-03-08T11:00:00") == set()


@pytest.fixture
def potter(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Maren Holt",
        [
            ("2027-07-01T10:00:00", "maren holt, pottery studio, 200 kg of stoneware clay a quarter"),
            ("2027-07-20T10:00:00", "maren: studio shut 10-14 aug for the kiln rebuild, no messages those days"),
            ("2027-07-22T10:00:00", "maren: no promotional texts pls, but delivery updates by text are fine"),
        ],
    )


def test_a_period_referred_to_as_those_days_and_a_topic_scoped_opt_out(potter: World) -> None:
    update = "Hi Maren, your 200 kg of stoneware clay ships on Monday."
    assert potter.kinds(update, "2027-08-12T10:00:00") == {"no_consent"}
    assert potter.kinds(update, "2027-08-16T10:00:00") == set()
    sale = "Hi Maren, our summer sale is on: 15% off all glazes this week only!"
    assert "no_consent" in potter.kinds(sale, "2027-08-16T10:00:00")


@pytest.fixture
def petfood(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Olu Bankole",
        [
            ("2027-04-01T10:00:00", "olu bankole, pet shop in croydon, 60 bags of grain-free kibble a month"),
            ("2027-04-05T10:00:00", "olu: no emails, his inbox is flooded. whatsapp or calls fine"),
        ],
    )


def test_a_draft_that_names_its_own_channel_is_judged_on_it(petfood: World) -> None:
    email = "Dear Olu,\n\nPlease find attached to this email the kibble price list.\n\nRegards,\nTess"
    assert petfood.kinds(email, "2027-04-10T10:00:00") == {"no_consent"}
    whatsapp = "Hi Olu, quick WhatsApp: the kibble price list is attached. Tess"
    assert petfood.kinds(whatsapp, "2027-04-10T10:00:00") == set()


def test_a_topic_scoped_opt_out_leaves_a_direct_message_open(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Ravi Menon",
        [("2027-05-02T10:00:00", "ravi menon, printer keeps jamming, he's fed up. no promo emails for now")],
    )
    apology = "Hi Ravi, I'm sorry the printer keeps jamming. Our engineer will come by on Thursday to fix it."
    assert world.kinds(apology, "2027-05-03T10:00:00") == set()


def test_an_opt_out_for_now_is_temporary(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Bea Lindqvist",
        [
            ("2027-06-01T10:00:00", "bea lindqvist, 12 rattan loungers for the hotel terrace"),
            (
                "2027-06-03T10:00:00",
                "bea's son is in hospital. pls don't contact her for now, she'll call us when he's home",
            ),
        ],
    )
    later = "Hi Bea, I hope your son is home and well. The 12 rattan loungers are still reserved for you. Ola"
    assert "no_consent" in world.kinds(later, "2027-06-08T10:00:00")
    assert world.kinds(later, "2027-07-20T10:00:00") == set()


def test_a_marketing_opt_out_ends_at_a_later_opt_in_on_the_same_channel(tmp_path: Path) -> None:
    # A statement supersedes the latest earlier one about the same subject, whatever its polarity.
    world = World(
        tmp_path,
        "Lena Vogt",
        [
            ("2026-08-20T10:00:00", "lena vogt, rug shop in bremen, buys wool rugs twice a year"),
            ("2026-09-01T10:00:00", "Lena asked for no marketing emails"),
        ],
    )
    sale = "Hi Lena, Our winter sale starts Monday: 20% off all rugs, by email as you asked."
    assert "no_consent" in world.kinds(sale, "2026-09-15T10:00:00")
    (tmp_path / "again").mkdir()
    again = World(
        tmp_path / "again",
        "Lena Vogt",
        [
            ("2026-08-20T10:00:00", "lena vogt, rug shop in bremen, buys wool rugs twice a year"),
            ("2026-09-01T10:00:00", "Lena asked for no marketing emails"),
            (
                "2026-10-01T10:00:00",
                "Lena changed her mind, she's happy to get our newsletter and offers by email again",
            ),
        ],
    )
    assert "no_consent" not in again.kinds(sale, "2026-10-15T10:00:00")


@pytest.mark.parametrize(
    "text",
    [
        "owen wants 40 desks, quote sent. call him after lunch tomorrow to talk delivery",
        "ring her next week about the samples",
        "priya's kitchen project is on hold until the council approves the extension",
    ],
)
def test_a_reminder_or_a_project_on_hold_is_no_pause(text: str) -> None:
    found, _ = note_scopes("n1", text, datetime(2026, 11, 2, 10, 0))
    assert [s for s in found if s.kind == "pause"] == []


def test_a_reminder_to_call_leaves_the_next_days_follow_up_open(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Owen Marsh",
        [
            ("2026-10-20T10:00:00", "owen marsh, office fit-out in york"),
            ("2026-11-02T10:00:00", "Owen wants 40 desks, quote sent. call him after lunch tomorrow to talk delivery"),
        ],
    )
    follow = "Hi Owen, thanks for looking at the quote for the 40 desks. Could we talk delivery dates this week?"
    assert "too_frequent" not in world.kinds(follow, "2026-11-03T15:00:00")


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("pause everything until jan 10, she's moving office", date(2027, 1, 10)),  # "until D": open on D
        ("give her space till after new year, her dad is ill", date(2027, 1, 1)),
    ],
)
def test_an_explicit_pause_in_contact_ends_on_the_day_it_names(text: str, end: date) -> None:
    found, _ = note_scopes("n1", text, datetime(2026, 11, 20, 10, 0))
    assert [(s.kind, s.end) for s in found if s.kind == "pause"] == [("pause", end)]


def test_a_refusal_of_contact_before_a_day_closes_every_channel_until_then() -> None:
    # A refusal word with the act is a closure (no_consent), bounded by the date it names; "give her space" is a pause.
    found, _ = note_scopes("n1", "don't contact him before 3 dec, he's on a course", datetime(2026, 11, 20, 10, 0))
    assert [(s.kind, s.channel, s.end) for s in found] == [("closed", "any", date(2026, 12, 3))]


@pytest.fixture
def baker(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Nico Ferri",
        [
            ("2026-11-01T09:00:00", "nico ferri, bakery on the high street, 20 sacks of semolina a month"),
            ("2026-11-02T09:00:00", "nico: dont call me at the bakery before 11am, ovens"),
        ],
    )


def test_a_time_window_on_a_named_line_never_closes_the_phone(baker: World) -> None:
    found, _ = note_scopes("n1", "dont call me at the bakery before 11am, ovens", datetime(2026, 11, 2))
    assert [(s.kind, s.channel, s.hours) for s in found] == [("hours", "phone", (0, 11))]
    early = baker.check("Hi Nico, I'll call you at 8am tomorrow about the semolina.", "2026-11-09T09:00:00")
    # "at the bakery" is a place no table reads: the hours hold, but a qualifier not read makes it a warning
    assert [f["verdict"] for f in early["findings"] if f["kind"] == "no_consent"] == ["warn"]
    later = baker.check("Hi Nico, I'll call you at 2pm tomorrow about the semolina.", "2026-11-09T09:00:00")
    assert not [f for f in later["findings"] if f["kind"] == "no_consent"]


def test_stop_emailing_prefers_phone_leaves_the_call_plan_open_and_blocks_a_stated_email(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Tariq Aziz",
        [
            ("2026-11-01T09:00:00", "tariq aziz, garage in leicester, wants 4 tyre changers"),
            ("2026-11-03T09:00:00", "tariq asked me to stop emailing him, prefers phone"),
        ],
    )
    plan = "Call plan: ask Tariq which tyre changer model he wants and confirm the delivery week."
    assert "no_consent" not in world.kinds(plan, "2026-11-10T10:00:00")
    email = "Hi Tariq, just emailing you the tyre changer brochure. Best, Sam"
    doc = world.check(email, "2026-11-10T10:00:00")
    assert [f["verdict"] for f in doc["findings"] if f["kind"] == "no_consent"] == ["block"]


@pytest.mark.parametrize(
    "note",
    ["pause everything until jan 10, she's moving office", "give her space till after new year, her dad is ill"],
)
def test_a_pause_flags_a_draft_inside_it_and_passes_after(tmp_path: Path, note: str) -> None:
    world = World(
        tmp_path,
        "Ada Brook",
        [
            ("2026-11-10T09:00:00", "ada brook, florist, 30 crates of tulip bulbs"),
            ("2026-11-20T09:00:00", note),
        ],
    )
    draft = "Hi Ada, are you still planning on the 30 crates of tulip bulbs?"
    assert world.kinds(draft, "2026-12-15T10:00:00") & {"too_frequent", "no_consent"}
    assert world.kinds(draft, "2027-01-12T10:00:00") == set()


def test_a_pause_until_the_client_is_back_ends_on_the_return_the_note_names() -> None:
    text = "she's off till 16 nov. brian says hold everything, dont contact her till she's back"
    found, _ = note_scopes("n1", text, datetime(2026, 11, 2, 9, 0))
    assert [(s.kind, s.end) for s in found if s.kind == "pause"] == [("pause", date(2026, 11, 17))]


def test_a_later_marketing_opt_in_ends_the_opt_out_on_its_channel_only() -> None:
    scopes = contact_scopes(
        [
            ("a", "no marketing emails or texts", datetime(2026, 9, 1)),
            ("b", "changed her mind, happy to get our offers by email again", datetime(2026, 10, 1)),
        ]
    )
    assert scopes.marketing_closed(["email"]) is None
    closed = scopes.marketing_closed(["text"])
    assert closed is not None and closed.source == "a"
    # and a still later opt-out closes email again: the latest statement decides
    again = contact_scopes(
        [
            ("a", "no marketing emails", datetime(2026, 9, 1)),
            ("b", "happy to get our newsletter by email again", datetime(2026, 10, 1)),
            ("c", "stop sending her newsletters", datetime(2026, 11, 1)),
        ]
    )
    latest = again.marketing_closed(["email"])
    assert latest is not None and latest.source == "c"
