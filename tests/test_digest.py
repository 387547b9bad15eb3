"""The daily digest: promises due, birthdays (no year, 29 February), keep-in-touch reset by contact."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from bot.engines.channels import CopyChannel
from bot.usecases.approval import approve
from bot.usecases.digest import build_digest, render_digest
from bot.usecases.drafting import make_draft
from memory.service import NoteInput


def _note(memory: Any, client: str, text: str, at: datetime, note_id: str) -> None:
    memory.add_note(NoteInput(client=client, text=text, at=at, at_raw=at.isoformat(), note_id=note_id, source="text"))


def _kinds(digest: dict[str, Any]) -> list[tuple[str, str]]:
    return [(i.kind, i.client) for i in digest.items]


def test_promise_due_from_a_relative_phrase_across_a_month_boundary(memory: Any) -> None:
    # Friday 31 January 2025: "by Monday" is 3 February.
    _note(memory, "Dana Lee", "Promised Dana the pricing sheet by Monday.", datetime(2025, 1, 31, 16, tzinfo=UTC), "p1")
    assert _kinds(build_digest(memory, date(2025, 2, 2))) == []
    due = build_digest(memory, date(2025, 2, 3))
    assert [(i.kind, i.due, i.source_ids) for i in due.items] == [("promise_due", date(2025, 2, 3), ("p1",))]
    late = build_digest(memory, date(2025, 2, 5)).items[0]
    assert "2 days overdue" in late.text
    _note(memory, "Dana Lee", "Sent the pricing sheet to Dana.", datetime(2025, 2, 5, 9, tzinfo=UTC), "p2")
    assert [k for k, _ in _kinds(build_digest(memory, date(2025, 2, 6)))] == []  # superseded by "sent"


def test_birthday_without_a_year_and_on_29_february(memory: Any) -> None:
    _note(memory, "Ana Ruiz", "Ana's birthday is March 14.", datetime(2025, 1, 10, tzinfo=UTC), "b1")
    _note(memory, "Leap Li", "Leap was born on 29 February 1992.", datetime(2025, 1, 10, tzinfo=UTC), "b2")
    items = build_digest(memory, date(2025, 3, 10)).items
    ana = [i for i in items if i.client == "Ana Ruiz" and i.kind == "birthday"]
    assert ana and ana[0].due == date(2025, 3, 14) and ana[0].source_ids == ("b1",)
    assert "not an offer" in ana[0].text
    leap = [i for i in build_digest(memory, date(2025, 2, 25)).items if i.kind == "birthday"]
    assert [(i.client, i.due) for i in leap] == [("Leap Li", date(2025, 2, 28))]  # not a leap year
    leap_2028 = [i for i in build_digest(memory, date(2028, 2, 25)).items if i.kind == "birthday"]
    assert [(i.client, i.due) for i in leap_2028] == [("Leap Li", date(2028, 2, 29))]


def test_keep_in_touch_uses_cadence_and_any_contact_resets_it(runtime: Any) -> None:
    memory = runtime.memory("local")
    _note(memory, "Omar Haddad", "Coffee with Omar; check in monthly.", datetime(2025, 1, 1, tzinfo=UTC), "k1")
    _note(memory, "Ivy Chen", "Met Ivy at the expo.", datetime(2025, 1, 1, tzinfo=UTC), "k2")
    assert memory.ledger.cadence_days(memory.find_client("Omar").id) == 30
    assert _kinds(build_digest(memory, date(2025, 1, 20))) == []
    assert ("keep_in_touch", "Omar Haddad") in _kinds(build_digest(memory, date(2025, 2, 5)))
    _note(memory, "Omar Haddad", "Quick call with Omar about the renewal.", datetime(2025, 2, 4, tzinfo=UTC), "k3")
    assert ("keep_in_touch", "Omar Haddad") not in _kinds(build_digest(memory, date(2025, 2, 5)))
    # An approved message counts as contact too.
    ivy = memory.find_client("Ivy")
    assert ("keep_in_touch", "Ivy Chen") in _kinds(build_digest(memory, date.today()))
    draft = make_draft(runtime, memory, ivy, "check in after the expo")
    assert ("awaiting_approval", "Ivy Chen") in _kinds(build_digest(memory, date.today()))
    approve(memory, draft.draft_id, CopyChannel())
    assert ("keep_in_touch", "Ivy Chen") not in _kinds(build_digest(memory, date.today()))
    assert ("awaiting_approval", "Ivy Chen") not in _kinds(build_digest(memory, date.today()))


def test_opted_out_clients_are_not_nagged(memory: Any) -> None:
    _note(memory, "Zed Quinn", "Zed said do not contact him.", datetime(2024, 6, 1, tzinfo=UTC), "z1")
    assert _kinds(build_digest(memory, date(2025, 1, 1))) == []


def test_a_client_closed_on_one_channel_is_kept_with_the_open_one(memory: Any) -> None:
    _note(memory, "Zed Quinn", "Zed asked me to stop emailing him.", datetime(2024, 6, 1, tzinfo=UTC), "z1")
    items = build_digest(memory, date(2025, 1, 1)).items
    assert [(i.kind, i.client) for i in items] == [("keep_in_touch", "Zed Quinn")]
    assert "not by email" in items[0].text


def test_render_is_one_message_with_sources(memory: Any) -> None:
    assert render_digest(build_digest(memory, date(2025, 1, 1))) == "Nothing due on 2025-01-01."
    _note(memory, "Dana Lee", "Promised Dana a call back tomorrow.", datetime(2025, 1, 1, tzinfo=UTC), "r1")
    text = render_digest(build_digest(memory, date(2025, 1, 2)))
    assert "Promises due" in text and "Dana Lee" in text
    assert "r1" not in text  # note ids stay in --json (and behind a Sources button), never in the message
