"""A job reported done keeps the promise of it though the words differ (usertest 9, finding 10).

"tech came, grinder fixed" keeps "get a tech out"; "installed and working" keeps "book the install": the report and
the promise meet on the event (a visit, an install, a repair, a delivery) or the thing. Sentences are our own, in
several trades (issue 13, session 9).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from bot.usecases.digest import build_digest

U = "9"


def _open(runtime: Runtime) -> list[str]:
    return [c.text for c in runtime.memory(U).ledger.commitments(None)]


@pytest.mark.parametrize(
    ("promise", "report"),
    [
        (
            "Rahul Mehta: grinder is noisy, I'll get a tech out by wednesday",
            "rahul mehta says tech came, grinder fixed, all good now",
        ),
        (
            "Rahul Mehta: grinder is noisy, I'll get a tech out by wednesday",
            "Rahul Mehta: visit done, grinder working fine",
        ),
        ("Rahul Mehta: I'll book the install for friday", "Rahul Mehta: installed and working, he's stoked"),
        (
            "Rahul Mehta: promised to arrange the repair of the walk-in fridge by monday",
            "Rahul Mehta: fridge fixed on tuesday",
        ),
        ("Rahul Mehta: promised to deliver the 40 chairs by the 12th", "Rahul Mehta: chairs delivered this morning"),
    ],
)
def test_a_job_done_keeps_the_promise_of_it(runtime: Runtime, promise: str, report: str) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, promise)
    chat.handle_text(U, "Rahul Mehta: promised to send the price list by friday")
    assert len(_open(runtime)) == 2
    chat.handle_text(U, report)
    assert [t for t in _open(runtime)] == [t for t in _open(runtime) if "price list" in t] != []
    assert len(_open(runtime)) == 1


def test_ask_no_longer_lists_the_kept_promise(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Rahul Mehta: grinder is noisy, I'll get a tech out by wednesday")
    chat.handle_text(U, "Rahul Mehta: tech came, grinder fixed, all good now")
    answer = " ".join(r.text for r in chat.handle_text(U, "what did I promise rahul"))
    assert "tech" in answer.lower() and "nothing open" in answer.lower(), answer


@pytest.mark.parametrize(
    "report",
    [
        "Rahul Mehta: done",  # a bare "done" names neither the event nor the thing
        "Rahul Mehta: all good now",
        "Rahul Mehta: the tech will come on friday",  # a plan, not a report
        "Rahul Mehta: tech hasn't come yet",
        "Rahul Mehta: install not done",
    ],
)
def test_no_link_closes_nothing(runtime: Runtime, report: str) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Rahul Mehta: grinder is noisy, I'll get a tech out by wednesday")
    chat.handle_text(U, "Rahul Mehta: I'll book the install for friday")
    chat.handle_text(U, report)
    assert len(_open(runtime)) == 2


def test_two_open_visits_are_not_guessed_between(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Rahul Mehta: I'll get a tech out to the roastery by wednesday")
    chat.handle_text(U, "Rahul Mehta: promised an engineer visit at the cafe by friday")
    chat.handle_text(U, "Rahul Mehta: tech came today")
    assert len(_open(runtime)) == 2


def test_the_digest_stops_listing_the_kept_promise(runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=None)
    chat.handle_text(U, "Rahul Mehta: grinder is noisy, I'll get a tech out by wednesday")
    memory = runtime.memory(U)
    [promise] = memory.ledger.commitments(None)
    assert promise.due is not None
    late = promise.due + timedelta(days=21)
    assert any("tech" in i.text for i in build_digest(memory, late).items)
    chat.handle_text(U, "Rahul Mehta: tech came, grinder fixed, all good now")
    assert not any("tech" in i.text for i in build_digest(memory, late).items)
