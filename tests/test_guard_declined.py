"""Declined items read from the notes: what counts as declined, and when a later note takes it back.

The scenarios are invented for these tests (not from a benchmark set).
"""

from __future__ import annotations

from guard_scenarios import finding_kinds, notes_context

from bot.guard import check_text, declined_items


def test_a_head_count_on_a_diet_is_not_the_clients_diet() -> None:
    ctx = notes_context("Ravi Shah", ("ravi's party: 40 guests, 5 vegan, 2 vegetarian. no beef at all", 3))
    assert set(declined_items(ctx)) == {"beef"}
    assert check_text("Hi Ravi, the menu has chicken, lamb and a vegan curry - no beef anywhere.", ctx).findings == ()
    assert "contradicts_preference" in finding_kinds("Hi Ravi, we'll do a beef brisket for the 40 of you.", ctx)


def test_a_declined_compound_is_found_with_a_hyphen_and_a_channel_word_can_name_a_thing() -> None:
    ctx = notes_context("Ana Bell", ("ana bell: 6 laptops for her team, hates touch screens, hates SMS codes", 2))
    assert "contradicts_preference" in finding_kinds("Hi Ana, the six touch-screen laptops are in.", ctx)
    assert "contradicts_preference" in finding_kinds("Hi Ana, we'll set up SMS codes for sign-in.", ctx)
    assert check_text("Hi Ana, the six laptops are in; sign-in uses an authenticator app.", ctx).findings == ()


def test_a_later_change_of_mind_takes_a_dislike_back() -> None:
    ctx = notes_context(
        "Lou Hart",
        ("lou hart runs the Anchor pub. hates ciders, says too sweet", 30),
        ("lou changed his tune on ciders, customers ask, wants to try one dry cider", 5),
    )
    assert "cider" not in declined_items(ctx) and "ciders" not in declined_items(ctx)
    assert check_text("Hi Lou, I'll bring a dry cider for you to try, as you asked.", ctx).findings == ()


def test_a_greeting_to_the_client_and_someone_the_notes_name_is_fine() -> None:
    ctx = notes_context("Omar Haddad", ("omar + leila haddad, 3 bed in luton, want a heat pump", 3))
    assert check_text("Hi Leila and Omar, the heat pump quote is ready.", ctx).findings == ()
    assert "name_misuse" in finding_kinds("Hi Sara and Omar, the heat pump quote is ready.", ctx)


def test_a_shared_event_a_note_names_as_the_draft_does_passes() -> None:
    ctx = notes_context("Omar Haddad", ("omar came to the open day, liked the Vaillant aroTHERM unit", 10))
    assert check_text("Hi Omar, good to see you at the open day.", ctx).findings == ()
    assert "unsupported_claim" in finding_kinds("Hi Omar, good to see you at the Leeds trade fair.", ctx)
