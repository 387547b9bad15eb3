"""The guard judges against the same current values the profile shows (issue 14, usability test 11 H4-H6).

The worlds and sentences are invented for these tests (other trades than the test's own): a change of mind taken
back, a contact window replaced, a dated leave, an agreement the seller never made.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World


@pytest.mark.parametrize(
    ("notes", "given_up", "current"),
    [
        (  # a florist: a colour chosen, changed, and the change taken back
            [
                "lena wants the ivory peonies for the wedding arch",
                "lena changed her mind, blush peonies after all",
                "forget the blush, lena wants ivory again, the venue is white",
            ],
            "Hi Lena, the blush peonies for the arch are confirmed.",
            "Hi Lena, the ivory peonies for the arch are confirmed.",
        ),
        (  # a kitchen fitter: a material chosen, changed, and changed back
            [
                "lena wants oak worktops for the island",
                "lena changed her mind, walnut after all",
                "scrap the walnut, lena is back to oak, walnut is out of budget",
            ],
            "Hi Lena, your walnut worktops are booked for fitting.",
            "Hi Lena, your oak worktops are booked for fitting.",
        ),
    ],
)
def test_a_change_of_mind_taken_back_gives_up_the_middle_value(
    tmp_path: Path, notes: list[str], given_up: str, current: str
) -> None:
    world = World(tmp_path, "Lena Brandt", [(f"2026-03-0{i + 2}T10:00:00", t) for i, t in enumerate(notes)])
    assert "contradicts_preference" in world.kinds(given_up, "2026-03-09T10:00")
    assert world.kinds(current, "2026-03-09T10:00") == set()


@pytest.mark.parametrize(
    ("first", "later", "inside_old", "outside_new"),
    [
        (  # a roofer: the window moved from evenings to mornings
            "ring mr dlamini after 5pm only, he is on roofs all day",
            "mr dlamini says forget the evenings now, best to call him before 11am",
            "Call plan: ring Mr Dlamini on Friday at 9am about the quote.",
            "Call plan: ring Mr Dlamini on Friday at 6pm about the quote.",
        ),
        (  # a caterer: a closed range replaced by a new one
            "no calls to ines between 9 and 2, she is in the kitchen",
            "ines is on the late shift now: no calls between 4pm and 10pm",
            "Call plan: call Ines on Tuesday at 10am about the menu.",
            "Call plan: call Ines on Tuesday at 6pm about the menu.",
        ),
    ],
)
def test_a_later_contact_window_replaces_the_earlier_one(
    tmp_path: Path, first: str, later: str, inside_old: str, outside_new: str
) -> None:
    world = World(tmp_path, "Ines Dlamini", [("2026-04-01T10:00:00", first), ("2026-04-03T10:00:00", later)])
    assert "no_consent" not in world.kinds(inside_old, "2026-04-06T08:00")
    assert "no_consent" in world.kinds(outside_new, "2026-04-06T08:00")


@pytest.mark.parametrize(
    ("first", "later", "early", "inside_both"),
    [
        (  # a locksmith: a morning limit, then an evening limit; both hold
            "phone mr okafor only after 8am, he drives the kids first",
            "mr okafor: phone him only before 5pm, he is at the gym later",
            "Call plan: ring Mr Okafor on Thursday at 7am about the padlocks.",
            "Call plan: ring Mr Okafor on Thursday at 11am about the padlocks.",
        ),
        (  # a printer: no early calls, later no late calls either
            "no calls to sofia before 10am, she opens the shop",
            "no calls to sofia after 7pm, family time",
            "Call plan: call Sofia on Wednesday at 9am about the banners.",
            "Call plan: call Sofia on Wednesday at 2pm about the banners.",
        ),
    ],
)
def test_two_hours_limits_that_can_both_hold_add_up(
    tmp_path: Path, first: str, later: str, early: str, inside_both: str
) -> None:
    world = World(tmp_path, "Sofia Okafor", [("2026-04-01T10:00:00", first), ("2026-04-03T10:00:00", later)])
    assert "no_consent" in world.kinds(early, "2026-04-06T08:00")
    assert "no_consent" not in world.kinds(inside_both, "2026-04-06T08:00")


def test_a_later_window_that_cannot_hold_with_the_earlier_replaces_it(tmp_path: Path) -> None:
    notes = [
        ("2026-04-01T10:00:00", "ring tomas only after 4pm, he is on site in the mornings"),
        ("2026-04-03T10:00:00", "ring tomas only before 11am, the site closes early this month"),
    ]
    world = World(tmp_path, "Tomas Reyes", notes)
    assert "no_consent" not in world.kinds(
        "Call plan: ring Tomas on Thursday at 9am about the tiles.", "2026-04-06T08:00"
    )
    assert "no_consent" in world.kinds("Call plan: ring Tomas on Thursday at 5pm about the tiles.", "2026-04-06T08:00")


_LEAVE = [
    ("2026-05-04T10:00:00", "priya wants the renewal quote for the 3 dental chairs"),
    ("2026-05-05T10:00:00", "priya is off from june 1 to june 14, do not contact her then"),
]


@pytest.mark.parametrize(
    ("day", "blocked"), [("2026-05-20T09:00", False), ("2026-06-08T09:00", True), ("2026-06-16T09:00", False)]
)
def test_a_dated_leave_closes_contact_only_during_it_and_says_so(tmp_path: Path, day: str, blocked: bool) -> None:
    world = World(tmp_path, "Priya Nair", _LEAVE)
    doc = world.check("Hi Priya, here is the renewal quote for the 3 dental chairs.", day)
    messages = [f["message"] for f in doc["findings"] if f["kind"] == "no_consent"]
    assert bool(messages) is blocked
    if blocked:
        assert "until 14 Jun" in messages[0] and "email" not in messages[0]


@pytest.mark.parametrize(("day", "closed"), [("2026-05-20T09:00:00+00:00", False), ("2026-06-08T09:00:00+00:00", True)])
def test_drafting_reads_the_leave_as_the_guard_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: str, closed: bool
) -> None:
    from datetime import datetime

    from guard_cli import _chet

    from bot.usecases import drafting

    world = World(tmp_path, "Priya Nair", _LEAVE)
    monkeypatch.setattr(drafting, "now_utc", lambda: datetime.fromisoformat(day))
    doc = _chet(world.data, "draft", "--json", "Priya Nair", "send the renewal quote")
    said_closed = any("not to be contacted" in n for n in doc["notices"])
    assert said_closed is closed
    # one source of truth: a draft the notice calls unsendable is never passed by the guard, and the other way round
    assert (doc["verdict"] != "pass") is closed
    if not closed:
        assert "quote" in doc["text"]


@pytest.mark.parametrize(
    ("note", "draft", "flagged"),
    [
        # the client asked and the seller would check: no approval yet
        (
            "marta asked for 8% off the fleet of 12 vans, I said I'd run it past my manager",
            "Hi Marta, my manager approved 8% off the 12 vans.",
            True,
        ),
        (
            "herr vogel möchte 10% rabatt auf die 40 stühle, muss ich mit meinem chef klären",
            "Guten Tag Herr Vogel, mein Chef hat genehmigt: 10% Rabatt auf die 40 Stühle.",
            True,
        ),
        (
            "ana wants free installation for the 3 heat pumps",
            "Hi Ana, free installation has been approved for you.",
            True,
        ),
        # the seller's side granted it: a truthful draft passes
        (
            "marta asked for 8% off the 12 vans, my manager approved 8% today",
            "Hi Marta, good news: my manager approved 8% off the 12 vans.",
            False,
        ),
        (
            "ana wants free installation for the 3 heat pumps - head office signed off on it",
            "Hi Ana, head office has signed off on free installation for the 3 heat pumps.",
            False,
        ),
    ],
)
def test_an_approval_needs_a_note_of_the_sellers_side_granting_it(
    tmp_path: Path, note: str, draft: str, flagged: bool
) -> None:
    world = World(tmp_path, "Marta Vogel", [("2026-02-02T10:00:00", note)])
    assert ("invented_commitment" in world.kinds(draft, "2026-02-04T10:00")) is flagged


@pytest.mark.parametrize(
    ("note", "draft", "flagged"),
    [
        # the client's (or a third party's) approval is the client's news, not our concession
        (
            "the council said yes to diego's extension plans last week",
            "Hi Diego, great news that your planning permission was approved; I'll send the window schedule.",
            False,
        ),
        (
            "noor's mortgage came through, she can go ahead with the flooring",
            "Hi Noor, congratulations, I hear your mortgage got approved.",
            False,
        ),
        (
            "hotel board meets in may about the new linen contract",
            "Hola Pilar, me alegra que el presupuesto de la reforma fue aprobado por su junta.",
            False,
        ),
        # a concession of ours stated in the passive, or approved by our side, is our commitment
        (
            "noor asked for a better price on 60 m2 of oak flooring",
            "Hi Noor, your 7% discount on the oak flooring has been approved.",
            True,
        ),
        (
            "diego asked whether we could deliver the windows free",
            "Hi Diego, free delivery of the windows was approved by head office.",
            True,
        ),
    ],
)
def test_a_passive_approval_is_ours_only_when_it_is_a_concession_or_our_side_gave_it(
    tmp_path: Path, note: str, draft: str, flagged: bool
) -> None:
    world = World(tmp_path, "Noor Diego", [("2026-02-02T10:00:00", note)])
    assert ("invented_commitment" in world.kinds(draft, "2026-02-04T10:00")) is flagged


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        # arithmetic the sentence shows: not an offer
        ("Hi Tom, the revised roof quote is €9,400 instead of €9,900, so €500 off the first figure.", False),
        ("Hi Tom, the 20% grant takes €1,880 off the €9,400 roof.", False),
        # an amount off the sentence does not work out: an offer no note records
        ("Hi Tom, I can take €700 off the €9,400 roof if you sign this week.", True),
        ("Hi Tom, as promised €500 off: €9,400 instead of €9,900.", True),
    ],
)
def test_an_amount_off_worked_out_in_its_sentence_is_not_an_offer(tmp_path: Path, draft: str, flagged: bool) -> None:
    notes = [
        ("2026-02-02T10:00:00", "tom wants the slate roof, quoted €9,900"),
        (
            "2026-02-05T10:00:00",
            "revised tom's quote to €9,400 after dropping the skylight. he may get the 20% home grant",
        ),
    ]
    world = World(tmp_path, "Tom Byrne", notes)
    assert ("invented_commitment" in world.kinds(draft, "2026-02-06T10:00")) is flagged


@pytest.mark.parametrize(
    ("later", "changed"),
    [
        # a reminder or a reply names a value without giving anything up
        ("don't forget the oak samples on friday, and the walnut ones too", False),
        ("do not forget to bring walnut offcuts as well as the oak", False),
        ("get back to him about the walnut price before friday", False),
        # a take-back still gives the old value up
        ("forget the oak, he wants walnut for the counter", True),
    ],
)
def test_a_reminder_or_a_reply_is_no_change_of_choice(later: str, changed: bool) -> None:
    from bot.guard.rules.changed_choice import changes

    found = changes([("n1", "wants the oak finish for the shop counter"), ("n2", later)])
    assert bool(found) is changed
