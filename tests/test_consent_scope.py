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
