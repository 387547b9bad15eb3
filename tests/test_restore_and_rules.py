"""Reliability, second pass: a failing fact rule never fails a note or an import; restore takes only a Chet ledger."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

import memory.extract as extract
from memory.extract import ExtractorFailure, extract_facts

CHET = [sys.executable, "-m", "bot.interfaces.cli"]
ROOT = Path(__file__).parent.parent


def _run(data_dir: Path, *args: str, user: str = "u1") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CHET", "TELEGRAM_"))}
    return subprocess.run(
        [*CHET, "--offline", "--data-dir", str(data_dir), "--user", user, *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=ROOT,
    )


def _notes(data_dir: Path, user: str = "u1") -> list[str]:
    res = _run(data_dir, "export", "--json", user=user)
    assert res.returncode == 0, res.stderr
    return sorted(n["text"] for n in json.loads(res.stdout)["notes"])


# --- a rule's bug never fails a note --------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Three times a week; it keeps us on track.", "Call her TWICE A MONTH.", "Three Times A Year."]
)
def test_cadence_number_words_in_any_case(text: str) -> None:
    failures: list[ExtractorFailure] = []
    facts = extract_facts(text, datetime(2026, 3, 2, tzinfo=UTC), failures)
    assert failures == []
    assert [f.key for f in facts if f.key == "cadence"] == ["cadence"]


def test_a_raising_rule_costs_only_its_own_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(clause: str, at: datetime) -> list[object]:
        raise ValueError("a bug in one rule")

    monkeypatch.setattr(extract, "EXTRACTORS", (broken, *extract.EXTRACTORS))
    failures: list[ExtractorFailure] = []
    facts = extract_facts("Wants the blue one, not the grey.", datetime(2026, 3, 2, tzinfo=UTC), failures)
    assert {f.value for f in facts} >= {"blue", "grey"}  # every other rule still ran
    assert failures and failures[0].extractor == "broken" and isinstance(failures[0].error, ValueError)


def test_a_note_and_an_import_survive_the_capitalised_number_word(tmp_path: Path) -> None:
    data = tmp_path / "data"
    res = _run(data, "note", "--json", "Dana Lee", "Three times a week; it keeps us on track.")
    assert res.returncode == 0, res.stderr
    lines = [
        {"id": f"c{i}", "client": "Caleb", "text": t, "at": f"2026-01-0{i + 1}T10:00:00"}
        for i, t in enumerate(["We train together.", "Three times a week; it keeps us on track.", "See you Friday."])
    ]
    src = tmp_path / "chat.jsonl"
    src.write_text("".join(json.dumps(line) + "\n" for line in lines))
    res = _run(data, "import", "--json", str(src))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == {"imported": 3, "skipped": 0}


# --- restore ----------------------------------------------------------------------------------------


def _backup(data: Path, dest: Path) -> None:
    res = _run(data, "backup", "--json", str(dest))
    assert res.returncode == 0, res.stderr


@pytest.mark.sqlite_only
def test_a_backup_whose_name_holds_a_hash_is_restored_from_that_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(data, "note", "--json", "Dana Lee", "Wants the blue one.").returncode == 0
    dest = tmp_path / "nightly#1.db"  # as a URI, "#1.db" was a fragment: a new empty file "nightly" was restored
    _backup(data, dest)
    assert _run(data, "note", "--json", "Dana Lee", "Later note.").returncode == 0
    res = _run(data, "restore", "--json", "--all-users", str(dest))
    assert res.returncode == 0, res.stderr
    assert _notes(data) == ["Wants the blue one."]
    assert not (tmp_path / "nightly").exists()


@pytest.mark.sqlite_only
def test_restore_is_a_whole_ledger_operation_that_reindexes_everyone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(data, "note", "Dana Lee", "Loves sailing in Maine.", user="u1").returncode == 0
    assert _run(data, "note", "Omar Haddad", "Collects vintage watches.", user="u2").returncode == 0
    dest = tmp_path / "b.sqlite3"
    _backup(data, dest)
    res = _run(data, "restore", "--json", str(dest))
    assert res.returncode == 2 and "--all-users" in res.stderr  # never silently acting on everyone
    res = _run(data, "restore", "--json", "--all-users", str(dest))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["indexed"] == 2
    for user, query, text in [
        ("u1", "sailing", "Loves sailing in Maine."),
        ("u2", "watches", "Collects vintage watches."),
    ]:
        hits = json.loads(_run(data, "search", "--json", query, "-k", "1", user=user).stdout)
        assert [h["text"] for h in hits] == [text]


def _tamper(path: Path, sql: str) -> None:
    db = sqlite3.connect(path)
    db.executescript(sql)
    db.close()


TAMPERED = {
    "trigger": "CREATE TRIGGER copy AFTER INSERT ON notes BEGIN INSERT INTO audit (user_id, at, event, detail)"
    " VALUES ('u9', NEW.created_at, 'x', NEW.text); END;",
    "view": "CREATE VIEW everyone AS SELECT text FROM notes;",
    "table": "CREATE TABLE stash (x TEXT);",
}


@pytest.mark.sqlite_only
@pytest.mark.parametrize("kind", sorted(TAMPERED))
def test_restore_refuses_anything_chet_does_not_make(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    assert _run(data, "note", "Dana Lee", "Wants the blue one.").returncode == 0
    dest = tmp_path / "b.sqlite3"
    _backup(data, dest)
    _tamper(dest, TAMPERED[kind])
    assert _run(data, "note", "Dana Lee", "A later note.").returncode == 0
    res = _run(data, "restore", "--json", "--all-users", str(dest))
    assert res.returncode == 2 and res.stderr.startswith("error:") and kind in res.stderr
    assert _notes(data) == ["A later note.", "Wants the blue one."]  # the live ledger is untouched


@pytest.mark.sqlite_only
def test_restore_refuses_another_sqlite_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(data, "note", "Dana Lee", "Wants the blue one.").returncode == 0
    chroma_db = data / "chroma" / "chroma.sqlite3"  # a valid SQLite file, not a ledger
    assert chroma_db.exists()
    res = _run(data, "restore", "--json", "--all-users", str(chroma_db))
    assert res.returncode == 2 and "not a Chet" in res.stderr
    assert _notes(data) == ["Wants the blue one."]


@pytest.mark.sqlite_only
def test_backup_never_follows_a_dangling_symlink(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(data, "note", "Dana Lee", "Wants the blue one.").returncode == 0
    link = tmp_path / "b.sqlite3"
    link.symlink_to(tmp_path / "elsewhere.db")
    res = _run(data, "backup", "--json", str(link))
    assert res.returncode == 2 and res.stderr.startswith("error:")
    assert not (tmp_path / "elsewhere.db").exists()


# --- client data is private -------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_client_data_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)  # whatever this process's umask is
    (data / "old-export.json").write_text("{}")
    (data / "old-export.json").chmod(0o644)  # left by an older Chet
    assert _run(data, "note", "--json", "Dana Lee", "Wants the blue one.").returncode == 0
    _backup(data, tmp_path / "b.sqlite3")
    paths = [data, *data.rglob("*"), tmp_path / "b.sqlite3"]
    assert any(p.name == "chroma.sqlite3" for p in paths) and any(p.suffix == ".bin" for p in paths)
    loose = [f"{p} {oct(p.stat().st_mode & 0o777)}" for p in paths if p.stat().st_mode & 0o077]
    assert loose == []


def test_a_failing_rule_is_logged_with_the_note_id_in_the_data_dirs_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.interfaces.cli import main

    def broken(clause: str, at: datetime) -> list[object]:
        raise ValueError("a bug in one rule")

    monkeypatch.setattr(extract, "EXTRACTORS", (broken, *extract.EXTRACTORS))
    for key in [k for k in os.environ if k.startswith(("CHET", "OPENAI_"))]:
        monkeypatch.delenv(key)
    data = tmp_path / "data"
    assert main(["--offline", "--data-dir", str(data), "note", "--json", "Dana Lee", "Wants the blue one."]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["facts"] and doc["notices"]  # the other rules ran; the salesperson is told
    log = (data / "chet.log").read_text()
    assert f"failed on note {doc['note_id']}" in log and "ValueError: a bug in one rule" in log  # the traceback


@pytest.mark.sqlite_only
def test_reindex_of_overwritten_index_files_prints_no_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(data, "note", "--json", "Dana Lee", "Wants the blue one.").returncode == 0
    for path in (data / "chroma").rglob("*.bin"):
        path.write_bytes(b"\xff" * 64)
    (data / "chroma" / "chroma.sqlite3").write_bytes(b"garbage" * 100)
    res = _run(data, "reindex", "--json")
    assert res.returncode == 0 and json.loads(res.stdout) == {"indexed": 1}
    assert "Traceback" not in res.stderr and len(res.stderr.splitlines()) <= 1
