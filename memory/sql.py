"""The two SQL engines behind the ledger: SQLite (default) and PostgreSQL (`DATABASE_URL`).

The ledger writes one SQL dialect, the common subset (`?` parameters, `ON CONFLICT`, `RETURNING`);
what truly differs lives here: connecting, write locks, full-text search, housekeeping.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from memory.errors import StorageError

BUSY_TIMEOUT_MS = 60_000
NAMED_LOCK_WAIT_S = 120.0  # a voice note being transcribed on another worker holds a conversation this long at most
FTS_TEXT_WEIGHT, FTS_CONTEXT_WEIGHT = 1.0, 0.35  # a note's own words count more than its neighbours'


class Cursor(Protocol):
    """What the ledger reads from a statement's result (both drivers' cursors fit)."""

    @property
    def rowcount(self) -> int:
        """Rows the statement changed."""

    @property
    def description(self) -> Any:
        """Column descriptions; item [0] of each is the name."""

    def fetchone(self) -> Any:
        """The next row, or None."""

    def fetchall(self) -> list[Any]:
        """Every remaining row."""


def fts_terms(match: str) -> list[str]:
    """The quoted terms of an FTS5 OR-expression (`"a" OR "b"`), as the ledger receives them."""
    return [t for t in re.findall(r'"([^"]*)"', match) if t.strip()]


def _tsquery(terms: list[str]) -> str:
    """PostgreSQL's form of an OR of terms (a multi-word term as a phrase), accents folded."""
    words = [re.sub(r"\W+", " ", fold(t)).strip() for t in terms]
    return " | ".join(w.replace(" ", " <-> ") for w in words if w)


def fold(text: str) -> str:
    """Text without diacritics (é -> e), so 'Zoë' finds 'Zoe' in PostgreSQL as it does in FTS5."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Database:
    """One open ledger database; subclasses speak to one engine."""

    kind = "sqlite"

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor:
        """Run one statement with `?` parameters."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        raise NotImplementedError

    def begin(self, user: str) -> None:
        """Start a write transaction that serialises with other writers of `user`."""
        raise NotImplementedError

    def commit(self) -> None:
        """Commit the current transaction."""
        self.execute("COMMIT")

    def rollback(self) -> None:
        """Roll the current transaction back."""
        self.execute("ROLLBACK")

    def fts_put(self, rowid: int, text: str, context: str, client_id: int) -> None:
        """(Re)index a note's words and its neighbours' words for lexical search."""
        raise NotImplementedError

    def fts_delete(self, rowid: int) -> None:
        """Drop a note from lexical search."""
        raise NotImplementedError

    def fts_search(self, match: str, user: str, client_id: int | None, limit: int) -> list[tuple[int, float]]:
        """Lexical hits (rowid, score: higher is better) for an OR of quoted terms."""
        raise NotImplementedError

    def fts_count(self, term: str, user: str, cap: int) -> int:
        """How many of `user`'s notes hold `term`, counted up to `cap`."""
        raise NotImplementedError

    @contextmanager
    def named_lock(self, name: str) -> Iterator[None]:
        """Hold a lock named `name` against every process using this ledger (not a transaction)."""
        raise NotImplementedError
        yield

    def change_token(self) -> object | None:
        """A value that differs after any write by anyone, if the engine offers one cheaply (else None)."""
        return None

    def checkpoint(self) -> None:
        """Make deletions final on disk (SQLite's WAL); nothing to do elsewhere."""

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode, retrying while other connections hold it (the busy handler does not wait here).

    Converting needs the file to itself and SQLite fails at once instead of waiting: processes opening a
    new ledger together raced here ("database is locked"). WAL is a property of the file, so once any of
    them has converted it the others find it done.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
        else:
            if time.monotonic() > deadline:  # the switch was refused without an error
                raise sqlite3.OperationalError("could not put the ledger in WAL mode")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


class SqliteDatabase(Database):
    """The SQLite ledger: WAL mode, a busy timeout, FTS5 with BM25."""

    kind = "sqlite"

    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _switch_to_wal(db)
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            # Forgotten clients are overwritten with zeros, not left readable in free pages of the file.
            db.execute("PRAGMA secure_delete = ON")
        except sqlite3.DatabaseError as err:
            raise StorageError(f"cannot open the ledger at {path}: {err}") from err
        self.raw = db

    @classmethod
    def in_memory(cls) -> SqliteDatabase:
        """A private, empty SQLite database in memory (a scratch ledger, e.g. to read the expected schema)."""
        scratch = cls.__new__(cls)
        scratch.path = Path(":memory:")
        scratch.raw = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        return scratch

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor:
        """Run one statement with `?` parameters."""
        return self.raw.execute(sql, tuple(args))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        self.raw.executemany(sql, rows)

    def begin(self, user: str) -> None:
        """BEGIN IMMEDIATE: one writer at a time for the whole file."""
        self.execute("BEGIN IMMEDIATE")

    def fts_put(self, rowid: int, text: str, context: str, client_id: int) -> None:
        """(Re)index a note in the FTS5 table, with its client as the scope token."""
        self.execute("DELETE FROM notes_fts WHERE rowid = ?", (rowid,))
        self.execute(
            "INSERT INTO notes_fts (rowid, text, context, scope) VALUES (?, ?, ?, ?)",
            (rowid, text, context, f"c{client_id}"),
        )

    def fts_delete(self, rowid: int) -> None:
        """Drop a note from the FTS5 table."""
        self.execute("DELETE FROM notes_fts WHERE rowid = ?", (rowid,))

    def fts_search(self, match: str, user: str, client_id: int | None, limit: int) -> list[tuple[int, float]]:
        """BM25 over text and neighbour context (FTS5 scores are negative: lower is better)."""
        if not match.strip():
            return []
        # The words are looked for in text and context only: a query word "c42" must not match a scope token.
        expression = f"{{text context}} : ({match})"
        if client_id is not None:  # FTS5 intersects with the client's scope token (see m006_fts_scope)
            expression = f'scope : "c{int(client_id)}" AND {expression}'
        sql = (
            f"SELECT f.rowid, bm25(notes_fts, {FTS_TEXT_WEIGHT}, {FTS_CONTEXT_WEIGHT}, 0.0) AS s FROM notes_fts f"
            " JOIN notes n ON n.rowid = f.rowid WHERE notes_fts MATCH ? AND n.user_id = ?"
        )
        args: list[Any] = [expression, user]
        if client_id is not None:
            sql += " AND n.client_id = ?"
            args.append(client_id)
        sql += " ORDER BY s LIMIT ?"
        args.append(limit)
        try:
            return [(r[0], -float(r[1])) for r in self.execute(sql, args).fetchall()]
        except sqlite3.OperationalError:  # a MATCH expression FTS5 cannot parse finds nothing
            return []

    def fts_count(self, term: str, user: str, cap: int) -> int:
        """How many of `user`'s notes hold `term` in text or context, counted up to `cap` (bounded work)."""
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM notes_fts f JOIN notes n ON n.rowid = f.rowid"
            " WHERE notes_fts MATCH ? AND +n.user_id = ? LIMIT ?) AS hits"
        )  # `+`: walk the word's matches and look each note up; by user_id first it took ~1.5 s at 100k
        quoted = '"' + term.replace('"', "") + '"'
        try:
            return int(self.execute(sql, (f"{{text context}} : {quoted}", user, cap)).fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    @contextmanager
    def named_lock(self, name: str) -> Iterator[None]:
        """An exclusive flock on a file beside the ledger (processes sharing a data dir share it)."""
        import fcntl  # Unix only

        folder = self.path.parent / "locks"
        folder.mkdir(exist_ok=True)
        with open(folder / (hashlib.sha256(name.encode()).hexdigest()[:24] + ".lock"), "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def change_token(self) -> object | None:
        """Other connections' commits (data_version) and this connection's changes (total_changes)."""
        return (self.execute("PRAGMA data_version").fetchone()[0], self.raw.total_changes)

    def checkpoint(self) -> None:
        """Copy the WAL into the database file and empty it (best effort while others read)."""
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()


@lru_cache(maxsize=512)
def _to_postgres(sql: str) -> str:
    """The ledger's SQL in psycopg's form: %s parameters, no SQLite-only index hints."""
    # `+user_id` keeps SQLite's planner off the user index for rowid lookups; PostgreSQL needs no hint.
    sql = re.sub(r"\+(\w+\.)?user_id", r"\1user_id", sql)
    return sql.replace("%", "%%").replace("?", "%s")


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0][:300] if text else type(err).__name__


def url_secrets(url: str) -> list[str]:
    """Every password a database URL carries: in the user part and as ?password= / ?sslpassword=."""
    parts = urlsplit(url)
    found = [parts.password or ""]
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in {"password", "sslpassword"}:
            found.append(value)
    return [f for f in dict.fromkeys(found) if f]


def redact_url(url: str) -> str:
    """The database URL for messages: scheme, user, host, port and database only (no password, no options)."""
    parts = urlsplit(url)
    user = f"{parts.username}:***@" if parts.password else (f"{parts.username}@" if parts.username else "")
    host = parts.netloc.rpartition("@")[2]
    return f"{parts.scheme}://{user}{host}{parts.path}"


def _scrubbed(text: str, url: str) -> str:
    for secret in url_secrets(url):
        for form in {secret, quote(secret, safe=""), unquote(secret)}:
            text = text.replace(form, "***")
    return text


class PostgresDatabase(Database):
    """The PostgreSQL ledger (psycopg 3): autocommit statements, explicit write transactions, tsvector search."""

    kind = "postgres"

    def __init__(self, url: str):
        try:
            import psycopg  # the optional postgres extra
        except ImportError as err:  # an optional dependency: say how to get it
            raise StorageError("DATABASE_URL needs psycopg: pip install 'chet[postgres]'") from err
        self.url, self._psycopg = url, psycopg
        self._in_transaction = False
        # One connection serves every salesperson of a process (connections = workers, not users): a
        # transaction holds this lock from BEGIN to COMMIT, so other threads' statements wait, not join it.
        self._lock = threading.RLock()
        self.raw = self._connect()

    def _connect(self) -> Any:
        psycopg = self._psycopg
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            conn.execute("SET client_min_messages = warning")  # stop-word-only queries are no news
        except psycopg.ProgrammingError as err:  # libpq could not parse the URL; its message may quote it
            raise StorageError(
                f"DATABASE_URL is malformed ({redact_url(self.url)}); expected"
                " postgresql://USER:PASSWORD@HOST:PORT/DBNAME, with special characters in the password %-encoded"
            ) from err
        except psycopg.Error as err:
            detail = _scrubbed(_first_line(err), self.url)
            raise StorageError(f"cannot connect to PostgreSQL at {redact_url(self.url)}: {detail}") from err
        return conn

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor:
        """Run one statement (translated from `?` parameters); reconnects once if the server dropped us."""
        statement = _to_postgres(sql)
        with self._lock:
            try:
                return self.raw.execute(statement, tuple(args))
            except self._psycopg.OperationalError as err:
                # A restarted server or an idle timeout: outside a transaction, nothing is lost by reconnecting.
                if not (self.raw.closed or self.raw.broken) or self._in_transaction:
                    raise StorageError(f"PostgreSQL: {_first_line(err)}") from err
                self.raw = self._connect()
                return self.raw.execute(statement, tuple(args))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        with self._lock, self.raw.cursor() as cur:
            cur.executemany(_to_postgres(sql), [tuple(r) for r in rows])

    def begin(self, user: str) -> None:
        """BEGIN plus a transaction-scoped advisory lock per salesperson: their writers queue, others don't."""
        self._lock.acquire()
        if self._in_transaction:  # this thread, another salesperson's transaction: never merge two
            self._lock.release()
            raise RuntimeError("a transaction is already open on this connection")
        try:
            self.execute("BEGIN")
            self._in_transaction = True
            self.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (f"chet-writer:{user}",))
        except BaseException:  # a statement_timeout or a cancel: never leave an aborted transaction open
            self.rollback()
            raise

    def commit(self) -> None:
        """Commit the current transaction (a lost connection is an error, never a silent retry)."""
        try:
            self.execute("COMMIT")
        finally:
            self._in_transaction = False
            self._lock.release()

    def rollback(self) -> None:
        """Roll back (a connection that died mid-transaction has nothing left to roll back)."""
        try:
            if self._in_transaction and not (self.raw.closed or self.raw.broken):
                self.execute("ROLLBACK")
        finally:
            self._in_transaction = False
            self._lock.release()

    @contextmanager
    def named_lock(self, name: str) -> Iterator[None]:
        """A session advisory lock, polled with try-lock: waiting never blocks the shared connection."""
        key = (f"chet-named:{name}",)
        deadline = time.monotonic() + NAMED_LOCK_WAIT_S
        while not self.execute("SELECT pg_try_advisory_lock(hashtextextended(?, 0))", key).fetchone()[0]:
            if time.monotonic() > deadline:
                raise StorageError(f"timed out waiting for {name}")
            time.sleep(0.05)
        try:
            yield
        finally:
            self.execute("SELECT pg_advisory_unlock(hashtextextended(?, 0))", key)

    def fts_put(self, rowid: int, text: str, context: str, client_id: int) -> None:
        """Store the note's tsvector: its own words weighted A, its neighbours' B (the row holds its client)."""
        self.execute(
            "UPDATE notes SET fts = setweight(to_tsvector('english', ?), 'A')"
            " || setweight(to_tsvector('english', ?), 'B') WHERE rowid = ?",
            (fold(text), fold(context), rowid),
        )

    def fts_delete(self, rowid: int) -> None:
        """Nothing to do: the tsvector lives in the note's row."""

    def fts_search(self, match: str, user: str, client_id: int | None, limit: int) -> list[tuple[int, float]]:
        """ts_rank over the GIN-indexed tsvector, the same weights as SQLite's BM25 columns."""
        query = _tsquery(fts_terms(match))
        if not query:
            return []
        sql = (
            f"SELECT n.rowid, ts_rank('{{0, 0, {FTS_CONTEXT_WEIGHT}, {FTS_TEXT_WEIGHT}}}', n.fts, q, 1) AS s"
            " FROM notes n, to_tsquery('english', ?) q WHERE n.fts @@ q AND n.user_id = ?"
        )
        args: list[Any] = [query, user]
        if client_id is not None:
            sql += " AND n.client_id = ?"
            args.append(client_id)
        sql += " ORDER BY s DESC, n.rowid LIMIT ?"
        args.append(limit)
        return [(r[0], float(r[1])) for r in self.execute(sql, args).fetchall()]

    def fts_count(self, term: str, user: str, cap: int) -> int:
        """How many of `user`'s notes match `term`, counted up to `cap`."""
        query = _tsquery([term])
        if not query:
            return 0
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM notes WHERE fts @@ to_tsquery('english', ?) AND user_id = ?"
            " LIMIT ?) AS hits"
        )
        return int(self.execute(sql, (query, user, cap)).fetchone()[0])

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()
