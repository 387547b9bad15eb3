"""Drafts a person would send: the event as noted, the concrete details, varied wording, a real sign-off.

Real Memory and the real `make_draft` (offline engine) and guard; notes typed as salespeople type them.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import partial
from typing import Any

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from bot.usecases.drafting import make_draft
from memory.timeutil import now_utc
from tests.helpers import imported_note, offline_runtime

NOW = now_utc()


_note = partial(imported_note, now=NOW)


DUE = NOW + timedelta(days=9)
NOTES = [
    _note("t1", "Dana Whitfield", "Met Dana at the Denver trade show, booth 14. Wants the blue one, not the grey.", 40),
    _note("t2", "Dana Whitfield", f"Promised to send pricing for 20 units by {DUE:%B} {DUE.day}.", 3),
    _note("t3", "Priya Shah", "Priya likes the green model.", 30),
    _note("t4", "Priya Shah", "Priya wants the grey model after all.", 10),
    _note("t5", "Priya Shah", "Promised Priya a demo of the new range next week.", 2),
    _note("t6", "Lena Ortiz", "Lunch with Lena at Nopa. Husband Carlos.", 20),
]


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Runtime:
    return offline_runtime(tmp_path_factory.mktemp("person"), NOTES)


def _draft(runtime: Runtime, client: str, purpose: str, variant: int = 0, user: str = "local") -> dict[str, Any]:
    memory = runtime.memory(user)
    return make_draft(runtime, memory, memory.find_client(client), purpose, variant=variant)


def test_the_event_is_named_as_it_was_noted(runtime: Runtime) -> None:
    texts = [_draft(runtime, "Dana Whitfield", "follow up after the trade show", v).text for v in range(4)]
    assert any("the Denver trade show" in t for t in texts), texts
    assert not any("conference" in t for t in texts)
    lunch = _draft(runtime, "Lena Ortiz", "keep in touch")
    assert "lunch at Nopa" in lunch.text and lunch.verdict == "pass"


def test_the_promise_keeps_its_quantity_and_deadline_in_plain_words(runtime: Runtime) -> None:
    for v in range(6):
        d = _draft(runtime, "Dana Whitfield", "check in about the pricing", v)
        assert d.verdict == "pass", d
        assert "pricing for 20 units" in d.text
        assert f"{DUE.strftime('%A')} {DUE.day} {DUE.strftime('%B')}" in d.text
        assert not re.search(r"haven't forgotten|I promised|promised you", d.text), d.text
        assert "t2" in d.sources


def test_a_change_of_mind_offers_the_new_colour_and_a_planned_demo_is_not_thanked_for(runtime: Runtime) -> None:
    d = _draft(runtime, "Priya Shah", "share the new range options")
    assert "grey" in d.text and "green" not in d.text, d.text
    assert not re.search(r"(?i)thank[^.]*demo", d.text), d.text  # the demo is promised, not held
    assert "demo of the new range" in d.text and d.verdict == "pass"


def test_wording_varies_by_regenerate_and_is_the_same_for_the_same_request(runtime: Runtime) -> None:
    texts = [_draft(runtime, "Dana Whitfield", "follow up on the pricing", v).text for v in range(6)]
    assert len(set(texts)) >= 4
    assert _draft(runtime, "Dana Whitfield", "follow up on the pricing", 2).text == texts[2]


def test_drafts_are_signed_with_the_sender_name_and_settings_name_overrides_it(runtime: Runtime) -> None:
    d = _draft(runtime, "Dana Whitfield", "follow up on the pricing")
    assert d.text.rstrip().endswith("\nSam Carter")
    chat = Conversation(runtime)
    reply = chat.handle_text("7001", "/settings name Alex Kim")
    assert "Alex Kim" in reply[0].text
    runtime.memory("7001").import_notes([_note("x1", "Dana Whitfield", "Coffee with Dana.", 4)])
    assert _draft(runtime, "Dana Whitfield", "keep in touch", user="7001").text.rstrip().endswith("\nAlex Kim")


def test_a_date_from_elsewhere_in_the_note_is_not_said_as_the_promises_deadline() -> None:
    from datetime import date

    from bot.guard import check_text
    from bot.usecases.draft_context import DraftContext
    from bot.usecases.draft_offline import compose_offline
    from memory.records import Client, Commitment, Note

    note = Note(
        "r1",
        1,
        "Ray Cole",
        "Call with Ray: his daughter turns 9 on December 18. Promised to send him the samples.",
        "import",
        NOW - timedelta(days=2),
        NOW - timedelta(days=2),
    )
    wrong_due = date(NOW.year + 1, 12, 18)  # an extractor that took the daughter's birthday for the deadline
    promise = Commitment(1, 1, "Ray Cole", "promised to send the samples", wrong_due, "open", ("r1",), NOW)
    ctx = DraftContext(Client(1, "Ray Cole"), "follow up", NOW, notes=[note], commitments=[promise], salesperson="Sam")
    for variant in range(4):
        text = compose_offline(ctx, variant).text
        assert "the samples" in text and "18 December" not in text, text
        assert "the call" in text or "Thursday" in text or "notes" in text
        assert check_text(text, ctx).verdict == "pass"
