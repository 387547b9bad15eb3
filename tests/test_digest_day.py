"""A digest for today: one line per client and kind, stale drafts gone, the most urgent first, "and N more";
imported history: no promise from a report, one promise per note, long-overdue promises archived and listed once."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.interfaces.cli import main
from bot.usecases.digest import Digest, DigestItem, build_digest, render_digest
from memory.extract import extract_facts
from memory.records import FactKind
from memory.service import Memory, NoteInput
from memory.timeutil import now_utc


def _note(memory: Memory, client: str, text: str, at: datetime, note_id: str | None = None) -> None:
    memory.add_note(NoteInput(client=client, text=text, at=at, at_raw=at.isoformat(), note_id=note_id), index=False)


def _imported(client: str, text: str, at: datetime, note_id: str) -> NoteInput:
    return NoteInput(client=client, text=text, at=at, at_raw=at.date().isoformat(), note_id=note_id, source="import")


@pytest.mark.parametrize(
    "text",
    ["Call went long, she had time today", "Demo went well today.", "Email bounced today", "Order arrived today."],
)
def test_a_report_is_no_promise(text: str) -> None:
    at = datetime(2024, 3, 5, tzinfo=UTC)
    assert [f for f in extract_facts(text, at) if f.kind is FactKind.COMMITMENT] == []


def test_the_same_words_in_many_notes_are_as_many_promises_and_old_ones_are_archived(memory: Memory) -> None:
    start = now_utc() - timedelta(days=700)
    items = [
        _imported("Ana Ruiz", "Good chat. Follow up next week.", start + timedelta(weeks=3 * i), f"a{i}")
        for i in range(13)
    ]
    assert memory.import_notes(items) == (13, 0)
    archived = memory.archived_promises()
    assert len(archived) == 13  # thirteen promises, each from its own note, with its own due date
    assert sorted(c.source_ids for c in archived) == sorted((f"a{i}",) for i in range(13))
    assert len({c.due for c in archived}) == 13
    today = now_utc().date()
    digest = build_digest(memory, today)
    promises = [i for i in digest.items if i.kind.startswith("promise")]
    assert [i.kind for i in promises] == ["promise_archived"]  # nothing nags as "overdue by 600 days"
    assert "13 old promises" in promises[0].text and len(promises[0].source_ids) == 13
    later = build_digest(memory, today + timedelta(days=2)).items
    assert [i.kind for i in later] == ["keep_in_touch"]  # listed once, not every morning


def test_an_archived_promise_sent_in_a_digest_is_not_listed_the_next_day(memory: Memory) -> None:
    old = now_utc() - timedelta(days=90)
    memory.import_notes([_imported("Ana Ruiz", "Promised the catalogue by Friday.", old, "c1")])
    today = now_utc().date()
    (item,) = [i for i in build_digest(memory, today).items if i.kind == "promise_archived"]
    assert [i.kind for i in build_digest(memory, today + timedelta(days=1)).items].count("promise_archived") == 1
    memory.ledger.mark_digest_sent(today.isoformat(), [item.key])  # the morning digest listed it
    assert "promise_archived" not in [i.kind for i in build_digest(memory, today + timedelta(days=1)).items]


def test_a_recent_imported_promise_stays_open_and_archived_ones_can_be_confirmed_or_dropped(memory: Memory) -> None:
    recent, old = now_utc() - timedelta(days=3), now_utc() - timedelta(days=60)
    memory.import_notes(
        [
            _imported("Ana Ruiz", "Promised pricing by tomorrow.", recent, "r1"),
            _imported("Bo Chan", "Promised the catalogue by Friday.", old, "o1"),
        ]
    )
    today = now_utc().date()
    kinds = [(i.kind, i.client) for i in build_digest(memory, today).items if i.kind.startswith("promise")]
    assert kinds == [("promise_due", "Ana Ruiz"), ("promise_archived", "Bo Chan")]
    (archived,) = memory.archived_promises()
    assert memory.confirm_promise(archived.id, today)
    assert ("promise_due", "Bo Chan") in [(i.kind, i.client) for i in build_digest(memory, today).items]
    assert memory.drop_promise(archived.id)
    assert memory.ledger.commitments(None, status="dropped")[0].id == archived.id


def test_one_line_per_client_and_kind_most_urgent_first(memory: Memory) -> None:
    at = datetime(2025, 3, 3, 9, tzinfo=UTC)
    _note(memory, "Dana Lee", "Promised the pricing sheet by Wednesday.", at, "p1")
    _note(memory, "Dana Lee", "I'll call her back on Friday.", at, "p2")
    _note(memory, "Omar Haddad", "Promised Omar the spec by Tuesday.", at, "p3")
    _note(memory, "Ivy Chen", "Met Ivy at the expo.", at - timedelta(days=60), "k1")
    items = build_digest(memory, date(2025, 3, 10)).items
    promises = [i for i in items if i.kind == "promise_due"]
    assert [i.client for i in promises] == ["Omar Haddad", "Dana Lee"]  # the most overdue first
    dana = promises[1]
    assert dana.text.startswith("2 promises: ") and sorted(dana.source_ids) == ["p1", "p2"]
    assert [i.kind for i in items].index("promise_due") < [i.kind for i in items].index("keep_in_touch")


def test_stale_drafts_leave_the_digest_and_a_clients_drafts_are_one_line(memory: Memory) -> None:
    _note(memory, "Dana Lee", "Wants the blue one.", now_utc() - timedelta(days=1), "d0")
    dana = memory.find_client("Dana Lee")
    for n, age in enumerate((0, 1, 5, 9)):
        created = (now_utc() - timedelta(days=age)).isoformat()
        memory.ledger.save_draft(
            {"id": f"d{n}", "client_id": dana.id, "purpose": f"follow up {n}", "text": "Hi", "verdict": "pass",
             "findings": [], "sources": [], "engine": "offline", "created_at": created}
        )  # fmt: skip
    today = now_utc().date()
    drafts = [i for i in build_digest(memory, today).items if i.kind == "awaiting_approval"]
    assert len(drafts) == 1 and drafts[0].text == "2 drafts await your approval"
    assert build_digest(memory, today, draft_days=10).items[0].text == "4 drafts await your approval"


def test_a_long_digest_is_short_with_and_n_more_while_json_lists_everything(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": f"k{i}", "client": f"Client {i:02d}", "text": "Met for coffee.", "at": "2025-01-02"})
        for i in range(12)
    ]
    (tmp_path / "n.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    base = ["--offline", "--data-dir", str(data_dir)]
    assert main([*base, "import", "--json", str(tmp_path / "n.jsonl")]) == 0
    capsys.readouterr()
    assert main([*base, "digest", "--json", "--date", "2025-03-01"]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert len(doc["items"]) == 12 and {i["kind"] for i in doc["items"]} == {"keep_in_touch"}
    assert set(doc["items"][0]) >= {"kind", "client", "text", "due", "source_ids"}
    assert main([*base, "digest", "--date", "2025-03-01"]) == 0
    assert capsys.readouterr().out.count("•") == 12  # the command line shows every line
    items = [
        DigestItem(i["kind"], i["client"], i["text"], None, tuple(i["source_ids"]), i["key"]) for i in doc["items"]
    ]
    short = render_digest(Digest(date(2025, 3, 1), tuple(items)))
    assert short.count("•") == 8 and short.endswith("…and 4 more.")


def test_a_restated_promise_without_a_new_date_is_the_same_promise(memory: Memory) -> None:
    _note(memory, "Dana Lee", "Promised the pricing sheet by Friday.", datetime(2025, 3, 3, 9, tzinfo=UTC), "s1")
    _note(memory, "Dana Lee", "Still need to send the pricing sheet.", datetime(2025, 3, 10, 9, tzinfo=UTC), "s2")
    (promise,) = memory.ledger.commitments(memory.find_client("Dana Lee").id)
    assert promise.source_ids == ("s1", "s2") and promise.due == date(2025, 3, 7)
