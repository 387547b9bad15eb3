"""too_frequent read from the notes: counted outreach in shorthand, and a pause the salesperson noted.

The worlds are invented for these tests (a window-cleaning firm, a printing client), not taken from a
benchmark set.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from guard_cli import World

from bot.guard.rules.contact_pace import outreach_count
from memory.consent_scope import contact_limit, note_scopes


def pause_window(text: str, at: datetime) -> tuple[date, date] | None:
    """(first day, first day after) of the pause a note asks for (`memory.consent_scope`), or None."""
    found = [s for s in note_scopes("n", text, at)[0] if s.kind == "pause"]
    return (found[0].start, found[0].end) if found and found[0].start and found[0].end else None


def pause_until(text: str, at: datetime) -> date | None:
    """The first day after the pause a note asks for, or None."""
    window = pause_window(text, at)
    return window[1] if window else None


@pytest.mark.parametrize(
    ("note", "count"),
    [
        ("rang jo mon, wed and fri about the ladder quote", 3),
        ("emailed jo x4 this week re the invoice", 4),
        ("texted jo twice, emailed once", 3),
        ("emailed jo again - 3rd email since monday", 3),
        ("chased jo tue, chased again thu", 2),
        ("jo rang: wants the gutters done too", 0),  # the client called us
        ("priya emailed - going with the bigger van", 0),
        ("met jo at the depot, talked ladders", 0),
    ],
)
def test_outreach_counts_every_contact_a_line_logs(note: str, count: int) -> None:
    assert outreach_count(note) == count


def test_a_pause_lasts_until_its_date_or_its_length_or_two_weeks() -> None:
    at = datetime(2026, 3, 2, 10, 0)
    assert pause_until("no reply. give him space til after 20 march", at) == date(2026, 3, 21)
    assert pause_until("leave it a couple of weeks", at) == date(2026, 3, 16)
    assert pause_until("he's snowed under, back off", at) == date(2026, 3, 16)
    assert pause_until("sent jo the quote, all good", at) is None


@pytest.fixture
def cleaner(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Jo Okafor",
        [
            ("2026-03-02T10:00:00", "jo okafor, facilities at Brindle Mills, wants window cleaning quarterly, 3 sites"),
            ("2026-03-09T10:00:00", "quoted jo 640 a visit for all 3 sites"),
            ("2026-03-13T17:00:00", "rang jo tue, emailed wed, texted thu + today re the quote. nothing back"),
        ],
    )


def test_several_logged_contacts_this_week_warn_and_weeks_later_pass(cleaner: World) -> None:
    text = "Hi Jo, just checking you saw the quote for the three sites?"
    assert cleaner.kinds(text, "2026-03-14T09:00:00") == {"too_frequent"}
    assert cleaner.kinds(text, "2026-04-02T09:00:00") == set()


def test_a_noted_pause_warns_until_its_date(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Ines Baptiste",
        [
            ("2026-05-04T10:00:00", "ines baptiste, marketing lead at Corda Print. wants 5,000 brochures, matte"),
            ("2026-05-06T10:00:00", "ines: board decides on 20 may, she'll call us after, don't chase till then"),
        ],
    )
    text = "Hi Ines, any news on the brochures?"
    assert world.kinds(text, "2026-05-12T09:00:00") == {"too_frequent"}
    assert world.kinds(text, "2026-05-22T09:00:00") == set()


# --- issue 14, session 8: caps in the client's words and pauses with two ends (sentences invented here) ------


@pytest.mark.parametrize(
    ("note", "limit"),
    [
        ("she said max one email a week pls, swamped at the clinic", (1, 7)),
        ("one text a week max, her husband reads her phone", (1, 7)),
        ("asked us to write fortnightly at most", (1, 14)),
        ("no more than 2 calls a month", (2, 30)),
        ("delivers three times a week", None),  # a schedule, no maximum
        ("wants one sample a week for the tasting panel", None),
    ],
)
def test_a_cap_in_the_clients_words_is_read_as_a_limit(note: str, limit: tuple[int, int] | None) -> None:
    got = contact_limit(note)
    assert (got and (got[0], got[1].days)) == limit or (got is None and limit is None)


def test_a_cap_warns_inside_its_window_and_never_closes_a_channel(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Ruth Adebayo",
        [
            ("2026-03-02T10:00:00", "ruth adebayo, pharmacy in ibadan, wants 2 fridges"),
            ("2026-03-10T10:00:00", "texted ruth the fridge quote. she said one text a week max, very busy"),
        ],
    )
    text = "Hi Ruth, another quick text - did the quote suit? Bola"
    assert world.kinds(text, "2026-03-12T10:00") == {"too_frequent"}
    assert world.kinds(text, "2026-03-20T10:00") == set()  # a week later: within her limit


def test_a_pause_with_two_ends_holds_only_between_them() -> None:
    at = datetime(2026, 5, 5, 10, 0)
    assert pause_window("olu travelling 20 may - 10 june, give him space til he's back", at) == (
        date(2026, 5, 20),
        date(2026, 6, 11),
    )
    assert pause_window("back off for now", at) == (at.date(), at.date() + timedelta(days=14))


def test_a_leave_with_two_ends_closes_contact_only_during_it(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Hana Sato",
        [
            ("2026-10-01T10:00:00", "hana sato, architect in osaka, wants 6 drafting chairs"),
            ("2026-10-12T10:00:00", "hana on parental leave from 2 nov until feb 1, do not contact her until then"),
            ("2026-10-13T10:00:00", "petra at hana's firm: don't contact the office between 24 and 31 december"),
        ],
    )
    text = "Hi Hana, the chairs ship this week. Ken"
    assert world.kinds(text, "2026-10-20T10:00") == set()  # before it starts
    assert world.kinds(text, "2026-12-10T10:00") == {"no_consent"}
    assert world.kinds(text, "2027-02-03T10:00") == set()  # after it ends


@pytest.mark.parametrize(
    ("note", "count"),
    [
        ("sent theo the revised floor plan", 1),  # something sent to a person
        ("whatsapp theo re the delivery slot", 1),  # the app's name as the verb
        ("linkedin msg to theo about the webinar", 1),
        ("samples sent to the lab", 0),  # no recipient named
        ("theo prefers whatsapp", 0),
        ("whatsapp only, never email", 0),
    ],
)
def test_outreach_logged_as_sent_or_by_the_apps_name_counts(note: str, count: int) -> None:
    assert outreach_count(note) == count


def test_a_pause_until_a_month_lasts_to_its_first_or_middle_day() -> None:
    at = datetime(2026, 11, 9, 10, 0)
    assert pause_until("flat out with the xmas rush, back off till jan", at) == date(2027, 1, 1)
    assert pause_until("new baby! leave her be until mid march", at) == date(2027, 3, 15)
