"""A promise's date moved by a later note (issue 13, 3e): the open promise falls due on the new day."""

from __future__ import annotations

from datetime import timedelta

from bot.chat.conversation import Conversation
from bot.runtime import Runtime

U = "7"


def test_moving_a_promised_visit_moves_its_due_day(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Oona Petrak: promised to do the boiler survey by thursday")
    memory = runtime.memory(U)
    [promise] = memory.ledger.commitments(None)
    assert promise.due is not None
    later = promise.due + timedelta(days=1)
    chat.handle_text(U, f"Oona Petrak: pushed the boiler survey to {later:%B} {later.day}")
    [moved] = memory.ledger.commitments(None)
    assert (moved.id, moved.due) == (promise.id, later)


def test_moving_something_not_mine_makes_no_promise(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Oona Petrak: she moved the board meeting to friday")
    assert runtime.memory(U).ledger.commitments(None) == []


def test_a_thing_reported_done_closes_the_one_open_promise_it_names(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Oona Petrak: promised to do the boiler survey by thursday")
    chat.handle_text(U, "Oona Petrak: promised to send the brochure by friday")
    chat.handle_text(U, "Oona Petrak: survey done, all working")
    [left] = runtime.memory(U).ledger.commitments(None)
    assert left.text.startswith("promised to send the brochure")


def test_a_thing_done_that_fits_two_promises_closes_neither(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Oona Petrak: promised to do the boiler survey by thursday")
    chat.handle_text(U, "Oona Petrak: promised to do the roof survey by friday")
    chat.handle_text(U, "Oona Petrak: survey done")
    assert len(runtime.memory(U).ledger.commitments(None)) == 2


def test_a_thing_handed_over_today_closes_its_promise(runtime: Runtime) -> None:
    """ "<thing> sent today" reports the promise kept; "today" is when, not a deadline."""
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Oona Petrak: promised her an updated floor plan by friday")
    chat.handle_text(U, "Oona Petrak: updated floor plan sent today, she'll check with her partner")
    assert runtime.memory(U).ledger.commitments(None) == []


def test_a_replacement_made_closes_the_promised_replacements(runtime: Runtime) -> None:
    """The verb that reports it ("replaced") names the promise's noun ("replacements")."""
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Tomasz Wrona: two tiles cracked, promised replacements by monday")
    chat.handle_text(U, "tomasz wrona cracked tiles replaced, he's happy")  # the name glued to the front, no colon
    assert runtime.memory(U).ledger.commitments(None) == []


def test_a_deadline_after_done_is_no_report(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Oona Petrak: promised to do the boiler survey by thursday")
    chat.handle_text(U, "Oona Petrak: survey done by next friday at the latest, she says")
    assert len(runtime.memory(U).ledger.commitments(None)) == 1


def test_a_short_unnamed_line_on_the_same_thing_goes_with_the_last_note(runtime: Runtime) -> None:
    """ "floor plan sent today" right after the promise of it: the same client (the reply says so), the promise kept."""
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Oona Petrak: promised her an updated floor plan by friday")
    [reply] = chat.handle_text(U, "updated floor plan sent this morning")
    assert reply.text.startswith("Saved for Oona Petrak") and "No name" in reply.text
    assert runtime.memory(U).ledger.commitments(None) == []
    [reply] = chat.handle_text(U, "wants the walnut one")  # shares nothing with her notes: which client?
    assert "Which client" in reply.text
