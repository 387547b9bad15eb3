"""Backup and restore of the SQLite ledger: a backup is accepted only if it is exactly a Chet ledger.

A backup file is untrusted input. Restoring copies all of its pages over the live ledger, so anything
the file holds besides Chet's own schema would come with it: a trigger that copies every later note into
another account, a view, a table Chet never reads. `check_backup` compares the file's whole schema with
the schema Chet's own migrations make at the file's version and refuses any difference.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from memory.errors import BadInput, StorageError
from memory.migrations import MIGRATIONS, migrate
from memory.sql import SqliteDatabase

SchemaEntry = tuple[str, str, str, str]  # (type, name, table, normalised sql)


def _read_only(path: Path) -> sqlite3.Connection:
    """Open a file by its path, read-only: never as a URI whose `#` or `?` would name another file."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _schema(db: sqlite3.Connection) -> set[SchemaEntry]:
    rows = db.execute("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master").fetchall()
    # sqlite_stat1 & co. are made by ANALYZE / PRAGMA optimize; a file cannot create other sqlite_ names.
    return {(t, n, tbl, " ".join(sql.split())) for t, n, tbl, sql in rows if not n.startswith("sqlite_")}


def expected_schema(version: int) -> set[SchemaEntry]:
    """The schema Chet's first `version` migrations make, read from a scratch ledger in memory."""
    scratch = SqliteDatabase.in_memory()
    try:
        migrate(scratch, upto=version)
        return _schema(scratch.raw)
    finally:
        scratch.close()


def check_backup(path: Path) -> int:
    """Refuse anything but a sound Chet ledger of a known version; returns its version (migrations applied)."""
    if not path.is_file():
        raise BadInput(f"backup not found: {path}")
    try:
        source = _read_only(path)
    except sqlite3.Error as err:
        raise BadInput(f"{path} is not a Chet backup: {err}") from err
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BadInput(f"{path} is damaged (SQLite's integrity check failed)")
        try:
            applied = [r[0] for r in source.execute("SELECT name FROM migrations ORDER BY name").fetchall()]
        except sqlite3.OperationalError as err:
            raise BadInput(f"{path} is not a Chet backup (no migrations table)") from err
        known = [name for name, _ in MIGRATIONS]
        if not applied or applied != known[: len(applied)]:
            raise BadInput(f"{path} is not a Chet ledger of a version this Chet knows")
        extra = _schema(source) - expected_schema(len(applied))
        if extra:
            kind, name = sorted(extra)[0][:2]
            raise BadInput(f"{path} holds a {kind} {name!r} that Chet does not make; refusing to restore it")
        missing = expected_schema(len(applied)) - _schema(source)
        if missing:
            kind, name = sorted(missing)[0][:2]
            raise BadInput(f"{path} lacks Chet's {kind} {name!r}; refusing to restore it")
        return len(applied)
    except sqlite3.DatabaseError as err:
        raise BadInput(f"{path} is not a Chet backup: {err}") from err
    finally:
        source.close()


def backup_to(ledger: SqliteDatabase, dest: Path) -> None:
    """Copy the live ledger to a new file with SQLite's online backup (safe while others write)."""
    if dest.exists() or dest.is_symlink():  # a dangling symlink "does not exist" but would be followed
        raise BadInput(f"{dest} exists already; choose a new file")
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL + O_NOFOLLOW: the file is made here, by us, and never through a link planted at `dest`.
        os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
    except FileExistsError as err:
        raise BadInput(f"{dest} exists already; choose a new file") from err
    except OSError as err:
        raise BadInput(f"cannot write the backup to {dest}: {err.strerror}") from err
    target = sqlite3.connect(dest)
    try:
        ledger.raw.backup(target)
    finally:
        target.close()


@contextlib.contextmanager
def _kept_aside(ledger: SqliteDatabase) -> Iterator[Path]:
    """A copy of the live ledger beside it while a restore runs; put back if the restore fails."""
    aside = ledger.path.with_name(ledger.path.name + ".before-restore")
    aside.unlink(missing_ok=True)
    backup_to(ledger, aside)
    try:
        yield aside
    except BaseException:
        source = _read_only(aside)
        try:
            source.backup(ledger.raw)
        finally:
            source.close()
        raise
    else:
        aside.unlink(missing_ok=True)


def restore_from(ledger: SqliteDatabase, src: Path) -> int:
    """Replace the whole ledger (every salesperson's data) with a checked backup; returns its version."""
    version = check_backup(src)
    with _kept_aside(ledger):
        source = _read_only(src)
        try:
            source.backup(ledger.raw)
        except sqlite3.DatabaseError as err:
            raise StorageError(f"the restore failed and the ledger was put back as it was: {err}") from err
        finally:
            source.close()
        migrate(ledger)  # an older backup is brought to today's schema
    return version
