"""The CLI contract, in process: JSON shapes, exit codes, all-or-nothing import, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.interfaces.cli import main

NOTES = [
    {
        "id": "crm:dana/1",
        "client": "Dana Whitaker",
        "text": "Demo of the reporting dashboard. Dana wants the blue one, not the grey.",
        "at": "2025-03-03",
    },
    {
        "id": "crm:dana/2",
        "client": "Dana Whitaker",
        "text": "Her daughter Sofia starts college in the fall. Promised pricing by Friday.",
        "at": "2025-03-05T14:30:00",
    },
    {"id": "crm:lee/1", "client": "Lee Park", "text": "Lee prefers email. Budget is $50k.", "at": "2025-03-04"},
]


class Chet:
    """Runs `chet --offline --data-dir D --user U ...` in process and captures the output."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]):
        self.data_dir, self.capsys = data_dir, capsys

    def __call__(self, *args: str, user: str = "u1") -> tuple[int, Any, str]:
        code = main(["--offline", "--data-dir", str(self.data_dir), "--user", user, *args])
        out, err = self.capsys.readouterr()
        try:
            data = json.loads(out) if out.strip() else None
        except json.JSONDecodeError:
            data = out
        return code, data, err


@pytest.fixture
def chet(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Chet:
    return Chet(data_dir, capsys)


def _jsonl(path: Path, rows: list[Any]) -> str:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_import_search_profile_roundtrip(chet: Chet, tmp_path: Path) -> None:
    code, data, _ = chet("import", "--json", _jsonl(tmp_path / "n.jsonl", NOTES))
    assert (code, data) == (0, {"imported": 3, "skipped": 0})
    code, data, _ = chet("import", "--json", _jsonl(tmp_path / "n.jsonl", NOTES))
    assert (code, data) == (0, {"imported": 0, "skipped": 3})
    code, hits, _ = chet("search", "--json", "what colour does she want", "--client", "dana", "-k", "5")
    assert code == 0 and [h["note_id"] for h in hits][:1] == ["crm:dana/1"] and len(hits) == 2
    assert hits[0]["at"] == "2025-03-03" and hits[0]["client"] == "Dana Whitaker"
    code, prof, _ = chet("profile", "--json", "Dana Whitaker")
    assert code == 0 and prof["last_contact"].startswith("2025-03-05")
    kinds = {f["kind"] for f in prof["facts"]}
    assert {"preference", "family"} <= kinds
    assert prof["commitments"] and prof["commitments"][0]["source_ids"] == ["crm:dana/2"]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ('{"id": "x", "client": "Dana", "text": "Call rec', "invalid JSON"),
        ('{"id": "x", "client": "Dana", "at": "2025-03-05"}', "missing text"),
        ('{"id": "x", "client": "Dana", "text": "   ", "at": "2025-03-05"}', "empty"),
        ('{"id": "x", "client": "", "text": "hi", "at": "2025-03-05"}', "empty"),
        ('{"id": "x", "client": "Dana", "text": "hi", "at": "yesterday-ish"}', "ISO"),
        ('["a list"]', "object"),
        ('{"id": "x", "client": "' + "D" * 10_000 + '", "text": "hi", "at": "2025-03-05"}', "too long"),
        ('{"id": "x", "client": "Dana", "text": "nul \\u0000 byte", "at": "2025-03-05"}', "NUL"),
    ],
)
def test_a_bad_line_refuses_the_whole_file(chet: Chet, tmp_path: Path, line: str, why: str) -> None:
    rows: list[Any] = [NOTES[0], NOTES[1], line]
    code, _, err = chet("import", "--json", _jsonl(tmp_path / "bad.jsonl", rows))
    assert code == 2
    assert err.startswith("error: line 3") and why.lower() in err.lower()
    assert "Traceback" not in err
    _, export, _ = chet("export", "--json")
    assert export["notes"] == [] and export["clients"] == []


def test_invalid_utf8_and_binary_files_are_refused(chet: Chet, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(json.dumps(NOTES[0]).encode() + b"\n" + b'{"id": "\xff\xfe"}\n')
    code, _, err = chet("import", "--json", str(bad))
    assert code == 2 and "line 2" in err and "UTF-8" in err
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    code, _, err = chet("import", "--json", str(binary))
    assert code == 2 and err.startswith("error:")


@pytest.mark.parametrize(
    "args",
    [
        ("note", "--json", "Dana", ""),
        ("note", "--json", "Dana", "   \n "),
        ("note", "--json", "", "a note"),
        ("note", "--json", "Dana", "x" * 1_000_000),
        ("note", "--json", "Dana", "hi", "--at", "not-a-time"),
        ("digest", "--json", "--date", "2025-02-30"),
        ("search", "--json", "x", "-k", "-1"),
        ("profile", "--json", "Nobody Known"),
        ("frobnicate",),
    ],
)
def test_bad_input_exits_2_with_one_error_line(chet: Chet, args: tuple[str, ...]) -> None:
    code, out, err = chet(*args)
    assert code == 2, err
    assert out is None
    assert err.count("\n") == 1 and "error: " in err and "Traceback" not in err


def test_unknown_client_names_the_closest(chet: Chet, tmp_path: Path) -> None:
    chet("import", "--json", _jsonl(tmp_path / "n.jsonl", NOTES))
    for command in (
        ("profile", "--json", "Dana Whitacker"),
        ("draft", "--json", "Dana Whitacker", "hello"),
        ("forget", "--json", "Dana Whitacker"),
        ("search", "--json", "blue", "--client", "Dana Whitacker"),
    ):
        code, _, err = chet(*command)
        assert code == 2 and "Dana Whitaker" in err, command


@pytest.mark.parametrize(
    "name",
    ["Robert'); DROP TABLE notes;--", "$(rm -rf /) `whoami`", "Zoë 🎉 Ng", "دانة الحربي", "O'Brien & Sons"],
)
def test_odd_names_work(chet: Chet, name: str) -> None:
    code, data, err = chet("note", "--json", name, "Met for coffee; she prefers email.")
    assert code == 0, err
    assert data["client"] == name
    code, prof, _ = chet("profile", "--json", name)
    assert code == 0 and prof["client"] == name


def test_isolation_across_every_read_path(chet: Chet, tmp_path: Path) -> None:
    chet("import", "--json", _jsonl(tmp_path / "a.jsonl", NOTES), user="alice")
    other = [{"id": "crm:dana/1", "client": "Sam Ortiz", "text": "Sam's secret: loves opera.", "at": "2025-03-03"}]
    assert chet("import", "--json", _jsonl(tmp_path / "b.jsonl", other), user="bob")[1] == {"imported": 1, "skipped": 0}
    _, hits, _ = chet("search", "--json", "opera secret", "-k", "10", user="alice")
    assert "opera" not in json.dumps(hits)
    _, ans, _ = chet("ask", "--json", "who loves opera?", user="alice")
    assert "opera" not in ans["answer"] or ans["abstained"]
    code, _, _ = chet("profile", "--json", "Sam Ortiz", user="alice")
    assert code == 2
    code, _, _ = chet("forget", "--json", "Sam Ortiz", user="alice")
    assert code == 2
    _, export, _ = chet("export", "--json", user="alice")
    assert "opera" not in json.dumps(export)
    _, export_b, _ = chet("export", "--json", user="bob")
    assert [n["note_id"] for n in export_b["notes"]] == ["crm:dana/1"] and "Dana" not in json.dumps(export_b)


def test_forget_removes_a_client_everywhere(chet: Chet, tmp_path: Path) -> None:
    chet("import", "--json", _jsonl(tmp_path / "n.jsonl", NOTES))
    assert chet("forget", "--json", "Dana Whitaker")[1] == {"forgotten": "Dana Whitaker"}
    _, hits, _ = chet("search", "--json", "daughter Sofia blue grey", "-k", "10")
    assert [h["note_id"] for h in hits] == ["crm:lee/1"]
    _, export, _ = chet("export", "--json")
    assert "Dana" not in json.dumps(export) and "Sofia" not in json.dumps(export)
    assert chet("reindex", "--json")[1] == {"indexed": 1}


def test_forget_leaves_no_readable_trace_in_the_data_dir(chet: Chet, tmp_path: Path, data_dir: Path) -> None:
    chet("import", "--json", _jsonl(tmp_path / "n.jsonl", NOTES))
    chet("forget", "--json", "Dana Whitaker")
    for path in data_dir.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            assert b"daughter Sofia" not in raw and b"Dana Whitaker" not in raw, path


def test_ask_cites_or_abstains(chet: Chet, tmp_path: Path) -> None:
    chet("import", "--json", _jsonl(tmp_path / "n.jsonl", NOTES))
    _, ans, _ = chet("ask", "--json", "What does Dana like?")
    assert not ans["abstained"] and ans["sources"] == ["crm:dana/1"] and "blue" in ans["answer"]
    _, ans, _ = chet("ask", "--json", "What is Dana's favourite football team?", "--client", "Dana Whitaker")
    assert ans["abstained"] and ans["sources"] == []
    _, ans, _ = chet("ask", "--json", "Who has a daughter?")  # no client named: every client's facts
    assert "Dana Whitaker" in ans["answer"] and "Sofia" in ans["answer"] and ans["sources"] == ["crm:dana/2"]


def test_deleted_index_is_rebuilt_with_no_note_lost(chet: Chet, tmp_path: Path, data_dir: Path) -> None:
    import shutil

    chet("import", "--json", _jsonl(tmp_path / "n.jsonl", NOTES))
    shutil.rmtree(data_dir / "chroma")
    assert chet("reindex", "--json")[1] == {"indexed": 3}
    _, hits, _ = chet("search", "--json", "blue", "-k", "3")
    assert len(hits) == 3


def test_an_unreachable_database_url_is_a_clear_error_without_the_password(
    chet: Chet, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    port = _closed_port()
    monkeypatch.setenv("DATABASE_URL", f"postgresql://chet:s3cret-pw@127.0.0.1:{port}/chet")
    code, out, err = chet("note", "--json", "Dana Lee", "Prefers email.")
    assert code == 1 and out is None
    assert err.startswith("error: cannot connect to PostgreSQL at postgresql://chet:***@127.0.0.1") and err[-1] == "\n"
    assert "s3cret-pw" not in err and "Traceback" not in err
    assert not (data_dir / "ledger.sqlite3").exists()  # never silently falls back to SQLite


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://chet@127.0.0.1:{port}/chet?password=s3cret-pw",
        "postgresql://chet:s3cret-pw%zz@127.0.0.1:{port}/chet",
        "postgresql://chet:s3cret-pw@127.0.0.1:{port}/chet?sslpassword=s3cret-pw&connect_timeout=2",
    ],
)
def test_no_form_of_database_password_reaches_an_error(chet: Chet, monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("DATABASE_URL", url.format(port=_closed_port()))
    code, out, err = chet("note", "--json", "Dana Lee", "Prefers email.")
    assert code == 1 and out is None and err.startswith("error: ")
    assert "s3cret" not in err and "Traceback" not in err


def test_a_database_url_that_is_not_postgresql_is_refused(chet: Chet, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://chet@127.0.0.1/chet")
    code, out, err = chet("note", "--json", "Dana Lee", "Prefers email.")
    assert code == 1 and out is None and "must be a postgresql:// URL" in err


def test_the_cli_works_on_postgresql(
    chet: Chet, monkeypatch: pytest.MonkeyPatch, postgres_url: str, data_dir: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    assert (
        chet("note", "--json", "Dana Lee", "Dana wants the blue one, not the grey. Promised pricing by Friday.")[0] == 0
    )
    _, hits, _ = chet("search", "--json", "what colour does Dana like")
    assert hits[0]["client"] == "Dana Lee"
    _, profile, _ = chet("profile", "--json", "Dana")
    assert profile["commitments"][0]["status"] == "open"
    code, _, err = chet("backup", "--json", str(data_dir / "b.sqlite3"))
    assert code == 2 and "pg_dump" in err
    assert not (data_dir / "ledger.sqlite3").exists()
    assert chet("forget", "--json", "Dana Lee")[0] == 0
    assert chet("search", "--json", "blue")[1] == []


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends: nothing listens there
