"""One function per CLI command: read arguments, call a use case, print the result."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from bot.documents import (
    answer_document,
    backup_document,
    batch_document,
    check_document,
    digest_document,
    draft_document,
    forget_document,
    hit_documents,
    import_document,
    llm_log_document,
    note_document,
    profile_document,
    reindex_document,
    restore_document,
)
from bot.interfaces.cli_io import emit, emit_export, emit_line, read_input
from bot.runtime import Runtime
from bot.settings import MAX_TEXT_BYTES, Settings
from memory import MAX_FILE_BYTES, SqliteDatabase, as_storage_error, backup_to, parse_lines, restore_from
from memory.errors import BadInput, ChetError, InternalError
from memory.service import Memory, NoteInput
from memory.timeutil import now_utc, parse_day, parse_when

log = logging.getLogger("chet")


def run_command(args: argparse.Namespace, settings: Settings) -> int:
    """Dispatch a parsed command line; returns the exit code."""
    private_data(settings.data_dir)
    runtime = Runtime(settings)
    file_handler = log_to_file(settings.log_file, args.verbose)  # the bot and the console chat log there too
    try:
        if args.command == "chat":
            from bot.interfaces.console import run_console  # the chat core: only `chet chat` needs it at once

            return run_console(runtime)
        if args.command == "run":
            # python-telegram-bot takes ~0.7 s to import: only `chet run` loads it
            from bot.interfaces.telegram_app import run_telegram

            return run_telegram(runtime)
        memory = runtime.memory(settings.chet_user)
        return HANDLERS[args.command](args, runtime, memory)
    except ChetError:
        raise
    except Exception as err:
        storage = as_storage_error(err, settings.data_dir)
        if storage is not None:
            raise storage from err
        if settings.chet_debug:
            raise
        log.error("unexpected error in chet %s", args.command, exc_info=err)
        where = f"; the details are in {file_handler.baseFilename}" if file_handler else "; run with -v for details"
        raise InternalError(f"internal error ({type(err).__name__}){where}") from err
    finally:
        if (
            file_handler is not None
        ):  # the command is over: never log into a data dir after it (tests reuse the process)
            logging.getLogger().removeHandler(file_handler)
            file_handler.close()


class _OneLine(logging.Formatter):
    """The terminal gets one line per record; tracebacks go to the log file (or to the terminal with -v)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


class _QuietFileHandler(logging.FileHandler):
    """A log file that a full or read-only disk silences instead of failing the command that logs."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            super().emit(record)
        except OSError:
            self.close()


def log_to_file(path: Path, verbose: bool) -> _QuietFileHandler | None:
    """Warnings and errors, with tracebacks, to `path` (Settings.log_file, 0600); the terminal keeps one line each."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _QuietFileHandler):  # a previous command's log file in this process
            root.removeHandler(handler)
            handler.close()
        elif isinstance(handler, logging.StreamHandler) and not verbose:
            handler.setFormatter(_OneLine("%(levelname)s %(name)s: %(message)s"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = _QuietFileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        return None
    file_handler.setLevel(logging.WARNING)
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
    return file_handler


def private_data(data_dir: Path) -> None:
    """Client data is the salesperson's alone: every file Chet (or Chroma) makes is 0600, every folder 0700.

    The umask covers what this process creates from here on, whoever creates it; a data dir made by an
    older Chet with 0755 / 0644 is tightened once.
    """
    os.umask(0o077)
    marker = data_dir / ".private"  # the walk below is done once per data dir, not on every command
    try:
        if not data_dir.exists():
            data_dir.mkdir(parents=True)
            marker.touch()
            return
        if marker.exists() and not data_dir.stat().st_mode & 0o077:
            return
        for path in [data_dir, *data_dir.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o700 if path.is_dir() else 0o600)
        marker.touch()
    except OSError:  # a read-only or full disk: nothing to tighten now; the storage check names the problem
        return


def _read_file(path: str, what: str, max_bytes: int = MAX_FILE_BYTES, max_line: int | None = MAX_TEXT_BYTES) -> bytes:
    return read_input(path, what, max_bytes, max_line)


def _when(value: str | None, runtime: Runtime, memory: Memory) -> tuple[datetime, str]:
    tz = runtime.tz(memory)
    if value is None:
        moment = now_utc().astimezone(tz)
        return moment, moment.isoformat(timespec="seconds")
    return parse_when(value, tz), value.strip()


def _progress(total: int) -> Any:
    """A tiny progress bar on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return None
    done = [0]

    def step(n: int) -> None:
        done[0] += n
        width = 30
        filled = int(width * done[0] / max(total, 1))
        sys.stderr.write(f"\rimporting [{'#' * filled}{'.' * (width - filled)}] {done[0]}/{total}")
        if done[0] >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return step


def cmd_import(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet import FILE."""
    items = parse_lines(_read_file(args.file, "file"), runtime.tz(memory))
    progress = None if args.json else _progress(len(items))
    notices: list[str] = []
    imported, skipped = memory.import_notes(items, progress, notices)
    for notice in notices:  # stdout holds only the result document
        sys.stderr.write(f"note: {notice}\n")
    emit(
        import_document(imported, skipped),
        args.json,
        lambda d, out: out.write(f"imported {d['imported']} notes, skipped {d['skipped']} already there\n"),
    )
    return 0


def cmd_note(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet note CLIENT TEXT [--at T]."""
    at, raw = _when(args.at, runtime, memory)
    stored = memory.add_note(NoteInput(client=args.client, text=args.text, at=at, at_raw=raw))
    doc = note_document(stored)

    def human(d: dict[str, Any], out: TextIO) -> None:
        facts = "; ".join(f["text"] for f in d["facts"]) or "no new facts"
        out.write(f"noted for {d['client']} ({d['note_id']}): {facts}\n")
        for n in d["notices"]:
            out.write(f"note: {n}\n")

    emit(doc, args.json, human)
    return 0


def _print_hits(data: list[dict[str, Any]], out: TextIO) -> None:
    if not data:
        out.write("no notes\n")
    for r in data:
        out.write(f"[{r['note_id']}] {r['at']} {r['client']}: {r['text']}\n")


def cmd_search(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet search QUERY | --queries FILE."""
    if args.k < 0:
        raise BadInput("-k must be 0 or more")
    if args.queries:
        return _search_batch(args, memory)
    if not args.query or not args.query.strip():
        raise BadInput("give a QUERY or --queries FILE")
    client = memory.find_client(args.client) if args.client else None
    hits = memory.search(args.query, args.k, client)
    emit(hit_documents(hits), args.json, _print_hits)
    for warning in dict.fromkeys(memory.warnings):
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _search_batch(args: argparse.Namespace, memory: Memory) -> int:
    rows = []
    for number, raw in enumerate(_read_file(args.queries, "queries file").decode("utf-8", "replace").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            q = json.loads(raw)
        except json.JSONDecodeError as err:
            raise BadInput(f"line {number}: invalid JSON ({err.msg})") from err
        if not isinstance(q, dict) or not isinstance(q.get("query"), str) or "qid" not in q:
            raise BadInput(f"line {number}: expected {{qid, query, client?}}")
        client = memory.find_client(q["client"]) if q.get("client") else None
        rows.append((q["qid"], q["query"], client))
    for qid, query, client in rows:
        hits = memory.search(query, args.k, client)
        emit_line(batch_document(qid, hits))
    return 0


def cmd_ask(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet ask QUESTION [--client C]."""
    from bot.usecases.ask import answer  # commands import what they use: a one-shot search stays light

    client = memory.find_client(args.client) if args.client else None
    result = answer(memory, args.question, client, runtime.llm(memory))
    emit(answer_document(result), args.json, lambda d, out: out.write(d["answer"] + "\n"))
    return 0


def cmd_profile(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet profile CLIENT."""
    doc = profile_document(memory.client_profile(memory.find_client(args.client)))

    def human(d: dict[str, Any], out: TextIO) -> None:
        out.write(f"{d['client']}  (last contact: {d['last_contact'] or 'never'})\n")
        for f in d["facts"]:
            out.write(f"  {f['kind']}: {f['text']}  [{', '.join(f['source_ids'])}]\n")
        for c in d["commitments"]:
            out.write(f"  promise: {c['text']} (due {c['due'] or 'no date'})\n")
        for f in d["history"]:
            out.write(f"  was: {f['text']} (until {f['valid_to'][:10]})\n")

    emit(doc, args.json, human)
    return 0


def cmd_draft(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet draft CLIENT PURPOSE."""
    from bot.usecases.drafting import make_draft  # each command imports what it uses: a one-shot search stays light

    client = memory.find_client(args.client)
    result = make_draft(runtime, memory, client, args.purpose)

    def human(_doc: dict[str, Any], out: TextIO) -> None:
        out.write(result.text + "\n\n")
        out.write(f"verdict: {result.verdict} (draft {result.draft_id}, {result.engine})\n")
        for f in result.findings:
            out.write(f"  {f.kind}: {f.message} — “{f.span}”\n")
        for n in result.notices:
            out.write(f"note: {n}\n")

    emit(draft_document(result), args.json, human)
    return 0


def cmd_check(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet check CLIENT --text-file F [--at T]."""
    from bot.usecases.drafting import check_message  # each command imports what it uses: a one-shot search stays light

    client = memory.find_client(args.client)
    raw = _read_file(args.text_file, "text file", MAX_TEXT_BYTES, None)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadInput("the text file is not valid UTF-8") from err
    if "\x00" in text:
        raise BadInput("the text file is binary")
    if not text.strip():
        raise BadInput("the text file is empty")
    at, _ = _when(args.at, runtime, memory)
    result = check_message(runtime, memory, client, text, at)

    def human(_doc: dict[str, Any], out: TextIO) -> None:
        out.write(f"verdict: {result.verdict}\n")
        for f in result.findings:
            out.write(f"  {f.kind}: {f.message} — “{f.span}”\n")

    emit(check_document(result), args.json, human)
    return 0


def cmd_digest(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet digest [--date D]."""
    # each command imports what it uses: a one-shot search stays light
    from bot.usecases.digest import build_digest, render_digest

    tz = runtime.tz(memory)
    day = parse_day(args.date) if args.date else now_utc().astimezone(tz).date()
    digest = build_digest(memory, day, draft_days=runtime.settings.chet_digest_draft_days)
    emit(digest_document(digest), args.json, lambda _doc, out: out.write(render_digest(digest, limit=None) + "\n"))
    return 0


def cmd_export(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet export: always JSON (it is an export)."""
    emit_export(memory.export(), args.json)
    return 0


def cmd_forget(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet forget CLIENT."""
    client = memory.find_client(args.client)
    memory.forget(client)
    emit(forget_document(client.name), args.json, lambda d, out: out.write(f"forgot {d['forgotten']} everywhere\n"))
    return 0


def cmd_reindex(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet reindex."""
    count = memory.reindex()
    emit(reindex_document(count), args.json, lambda d, out: out.write(f"indexed {d['indexed']} notes\n"))
    return 0


def cmd_log(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet log: the latest LLM exchanges."""
    entries = memory.llm_log(args.n)

    def human(_doc: list[dict[str, Any]], out: TextIO) -> None:
        if not entries:
            out.write("no LLM exchanges logged (offline mode makes none)\n")
        for e in entries:
            out.write(
                f"--- {e.at} {e.model} {e.task} {e.latency_ms} ms"
                f" tokens {e.prompt_tokens}/{e.completion_tokens} {e.error or ''}\n"
            )
            out.write(f"{e.prompt}\n>>> {e.response}\n")

    emit(llm_log_document(entries), args.json, human)
    return 0


def _sqlite_ledger(memory: Memory, command: str, tool: str) -> SqliteDatabase:
    """The SQLite ledger (backup and restore copy the file's pages); PostgreSQL has its own tools."""
    db = memory.sqlite()
    if db is None:
        raise BadInput(f"chet {command} copies the SQLite ledger; with DATABASE_URL use PostgreSQL's {tool}")
    return db


def cmd_backup(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet backup DEST: SQLite online backup of the whole ledger."""
    backup_to(_sqlite_ledger(memory, "backup", "pg_dump"), args.dest)
    emit(backup_document(args.dest), args.json, lambda d, out: out.write(f"backed up to {d['backup']}\n"))
    return 0


def cmd_restore(args: argparse.Namespace, runtime: Runtime, memory: Memory) -> int:
    """chet restore SRC --all-users: replace the whole ledger with a checked backup, then reindex everyone."""
    ledger_db = _sqlite_ledger(memory, "restore", "pg_restore")
    if not args.all_users:
        raise BadInput(
            "restore replaces the whole ledger, every salesperson's notes, with the backup; add --all-users to do that"
        )
    before = [p.id for p in memory.salespeople()]
    restore_from(ledger_db, args.src)
    # Every salesperson's vectors describe the ledger that is gone: drop them all, then rebuild from the restored one.
    for user in before:
        runtime.memory(user).index.drop()
    fresh = Runtime(runtime.settings)
    users = [p.id for p in memory.salespeople()]  # read from the restored file
    indexed = sum(fresh.memory(user).reindex() for user in users)
    emit(
        restore_document(args.src, len(users), indexed),
        args.json,
        lambda d, out: out.write(
            f"restored the whole ledger from {d['restored']}; "
            f"indexed {d['indexed']} notes of {d['salespeople']} salespeople\n"
        ),
    )
    return 0


HANDLERS = {
    "import": cmd_import,
    "note": cmd_note,
    "search": cmd_search,
    "ask": cmd_ask,
    "profile": cmd_profile,
    "draft": cmd_draft,
    "check": cmd_check,
    "digest": cmd_digest,
    "export": cmd_export,
    "forget": cmd_forget,
    "reindex": cmd_reindex,
    "log": cmd_log,
    "backup": cmd_backup,
    "restore": cmd_restore,
}
