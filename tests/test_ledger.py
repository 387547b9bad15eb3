"""The ledger: migrations, facts superseding, commitments, isolation, WAL and concurrency."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from memory.ledger import Ledger, connect
from memory.migrations import MIGRATIONS, migrate
from memory.records import ExtractedFact, FactKind

T0 = datetime(2025, 3, 1, 12, tzinfo=UTC)


def _ledger(tmp_path: Path, user: str = "u1") -> Ledger:
    return Ledger(connect(tmp_path / "ledger.sqlite3"), user)


def test_migrations_from_empty_and_from_previous_version(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "a.sqlite3", isolation_level=None)
    assert migrate(db, upto=1) == [MIGRATIONS[0][0]]
    db.execute("INSERT INTO clients (user_id, name, norm_name, created_at) VALUES ('u', 'Dana', 'dana', '2025-01-01')")
    applied = migrate(db)
    assert applied == [name for name, _ in MIGRATIONS[1:]]
    assert migrate(db) == []
    assert db.execute("SELECT name FROM clients").fetchone() == ("Dana",)  # data survives the upgrade
    cols = {r[1] for r in db.execute("PRAGMA table_info(clients)")}
    assert "cadence_days" in cols


def test_wal_mode_and_busy_timeout(tmp_path: Path) -> None:
    led = _ledger(tmp_path)
    assert led.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert led.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000


def _fact(value: str, declined: str | None = None) -> ExtractedFact:
    detail = {"declined": declined} if declined else {}
    return ExtractedFact(FactKind.PREFERENCE, "color", value, f"wants {value}", detail=detail)


def test_newer_fact_supersedes_and_repeat_does_not_duplicate(tmp_path: Path) -> None:
    led = _ledger(tmp_path)
    c = led.create_client("Dana Lee", "dana lee")
    led.record_fact(c.id, _fact("grey"), "n1", T0)
    led.record_fact(c.id, _fact("grey"), "n2", T0 + timedelta(days=1))  # a repeat: one more citation
    current = led.facts(c.id)
    assert [(f.value, f.source_ids) for f in current] == [("grey", ("n1", "n2"))]
    led.record_fact(c.id, _fact("blue", "grey"), "n3", T0 + timedelta(days=5))
    current, history = led.facts(c.id), led.facts(c.id, current=False)
    assert [f.value for f in current] == ["blue"]
    assert [(f.value, f.valid_to) for f in history] == [("grey", T0 + timedelta(days=5))]


def test_an_older_note_never_supersedes_a_newer_fact(tmp_path: Path) -> None:
    led = _ledger(tmp_path)
    c = led.create_client("Dana Lee", "dana lee")
    led.record_fact(c.id, _fact("blue"), "new", T0 + timedelta(days=10))
    led.record_fact(c.id, _fact("grey"), "old", T0)  # imported out of order
    assert [f.value for f in led.facts(c.id)] == ["blue"]
    assert [f.value for f in led.facts(c.id, current=False)] == ["grey"]


def test_commitments_open_repeat_and_close(tmp_path: Path) -> None:
    led = _ledger(tmp_path)
    c = led.create_client("Dana Lee", "dana lee")
    led.add_commitment(c.id, "promise:pricing", "send pricing", T0.date(), "n1", T0)
    led.add_commitment(c.id, "promise:pricing", "send pricing", None, "n2", T0)
    [open_one] = led.commitments(c.id)
    assert open_one.source_ids == ("n1", "n2") and open_one.due == T0.date()
    assert led.close_commitments(c.id, "promise:pricing", "done", T0) == 1
    assert led.commitments(c.id) == []


def test_every_read_is_scoped_by_salesperson(tmp_path: Path) -> None:
    a = _ledger(tmp_path, "alice")
    b = a.as_user("bob")
    ca = a.create_client("Dana Lee", "dana lee")
    a.insert_note("same-id", ca.id, "Dana likes blue", "text", "2025-03-01", T0)
    cb = b.create_client("Dana Lee", "dana lee")
    b.insert_note("same-id", cb.id, "Bob's Dana likes red", "text", "2025-03-01", T0)
    assert [n.text for n in a.notes()] == ["Dana likes blue"]
    assert [n.text for n in b.notes()] == ["Bob's Dana likes red"]
    assert a.note_ids_present(["same-id"]) == {"same-id"}
    assert [hit for hit, _ in a.fts_search('"red"', None, 10)] == []
    assert a.client(cb.id) is None  # bob's client id is invisible to alice
    a.forget_client(cb.id)  # a foreign id deletes nothing
    assert [n.text for n in b.notes()] == ["Bob's Dana likes red"]
    assert b.export()["notes"][0]["text"] == "Bob's Dana likes red"
    assert len(a.export()["notes"]) == 1


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    led = _ledger(tmp_path)
    c = led.create_client("Dana Lee", "dana lee")
    try:
        with led.transaction():
            led.insert_note("x1", c.id, "first", "text", "2025-03-01", T0)
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert led.notes() == []
