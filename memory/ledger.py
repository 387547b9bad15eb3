"""The ledger: every SQL statement Chet runs, scoped by salesperson. The source of truth."""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from memory.errors import StorageError
from memory.migrations import migrate
from memory.records import Client, Commitment, ExtractedFact, Fact, FactKind, Note
from memory.sql import Database, PostgresDatabase, SqliteDatabase, fts_terms, redact_url
from memory.timeutil import from_iso, iso, now_utc

_SHARED: dict[str, Database] = {}
_SHARED_LOCK = threading.Lock()


def connect(path: Path | None = None, url: str | None = None, shared: bool = True) -> Database:
    """Open (and migrate) the ledger: PostgreSQL at `url` when given, else the SQLite file at `path`.

    A PostgreSQL ledger is opened once per process and URL (`shared`): every salesperson's Ledger
    uses that one connection, so a worker holds one connection however many salespeople it serves.
    """
    if url and shared:
        with _SHARED_LOCK:
            if url not in _SHARED:
                _SHARED[url] = connect(url=url, shared=False)
            return _SHARED[url]
    if url:
        scheme = urlsplit(url).scheme
        if scheme not in {"postgres", "postgresql"}:
            raise StorageError(f"DATABASE_URL must be a postgresql:// URL, not {scheme or 'a bare path'}")
        db: Database = PostgresDatabase(url)
        where = redact_url(url)
    else:
        assert path is not None
        db, where = SqliteDatabase(path), str(path)
    try:
        migrate(db)
    except (sqlite3.DatabaseError, OSError) as err:
        db.close()
        raise StorageError(f"cannot open the ledger at {where}: {err}") from err
    except Exception as err:  # psycopg's errors, without importing the optional driver here
        db.close()
        if type(err).__module__.startswith("psycopg"):
            raise StorageError(f"cannot open the ledger at {where}: {str(err).strip()[:200]}") from err
        raise
    return db


def _ids(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


FREQUENT_TERM_NOTES = 2_000  # see Ledger.fts_search
TERM_COUNTS_KEPT = 10_000  # words whose note counts a Ledger remembers


class Ledger:
    """One salesperson's view of the ledger: every read and write is filtered by `user`.

    Lookups by rowid write the filter as `+user_id`: the unary plus keeps SQLite from scanning the
    user_id index instead of using the primary key (12 ms instead of 0.1 ms at 100k notes).
    """

    def __init__(self, db: Database, user: str, zone_override: str | None = None):
        self.db, self.user = db, user
        self.zone_override = zone_override  # CHET_TZ set explicitly, for CHET_USER: wins over the stored zone
        self._depth = 0
        # term -> notes holding it (up to FREQUENT_TERM_NOTES + 1); emptied when this ledger writes notes.
        # Another process's writes leave it stale, which only shifts which words count as frequent.
        self._term_notes: dict[str, int] = {}
        self._clients_version: tuple[object, tuple[int, int, int]] | None = None

    def as_user(self, user: str) -> Ledger:
        """The same database seen as another salesperson."""
        return Ledger(self.db, user)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction (BEGIN IMMEDIATE); nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.begin(self.user)
        self._depth = 1
        try:
            yield
        except BaseException:
            self.db.rollback()
            self._term_notes.clear()  # counts taken inside the transaction may include undone notes
            raise
        else:
            self.db.commit()
        finally:
            self._depth = 0

    def _one(self, sql: str, args: Iterable[Any] = ()) -> Any:
        return self.db.execute(sql, tuple(args)).fetchone()

    def _all(self, sql: str, args: Iterable[Any] = ()) -> list[Any]:
        return self.db.execute(sql, tuple(args)).fetchall()

    # -- salespeople ---------------------------------------------------------------------

    def ensure_salesperson(self, tz: str, digest_time: str, name: str | None = None) -> None:
        """Create this salesperson's row if missing (defaults from settings)."""
        self.db.execute(
            "INSERT INTO salespeople (id, name, tz, digest_time, created_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (self.user, name, tz, digest_time, iso(now_utc())),
        )

    def salesperson(self) -> dict[str, Any]:
        """This salesperson's settings row; `tz` is the zone in effect (`zone_override` first, see docs/settings.md)."""
        row = self._one("SELECT id, name, tz, digest_time FROM salespeople WHERE id = ?", (self.user,))
        if row is None:
            found = {"id": self.user, "name": None, "tz": "UTC", "digest_time": "08:00"}
        else:
            found = dict(zip(("id", "name", "tz", "digest_time"), row, strict=True))
        if self.zone_override:
            found["tz"] = self.zone_override
        return found

    def latest_note_id(self) -> str | None:
        """The id of this salesperson's most recently created note, or None."""
        row = self._one(
            "SELECT note_id FROM notes WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1", (self.user,)
        )
        return None if row is None else str(row[0])

    def update_salesperson(self, **fields: str | None) -> None:
        """Change name, tz or digest_time."""
        for key, value in fields.items():
            if key not in {"name", "tz", "digest_time"}:
                raise ValueError(key)
            self.db.execute(f"UPDATE salespeople SET {key} = ? WHERE id = ?", (value, self.user))

    def salespeople(self) -> list[dict[str, Any]]:
        """Every salesperson (for the digest scheduler)."""
        rows = self._all("SELECT id, name, tz, digest_time FROM salespeople")
        return [dict(zip(("id", "name", "tz", "digest_time"), r, strict=True)) for r in rows]

    # -- clients -------------------------------------------------------------------------

    _CLIENT_COLS = "id, name, goes_by, formal_name, company, email"

    def _client(self, row: Any, aliases: dict[int, list[str]]) -> Client:
        return Client(
            id=row[0],
            name=row[1],
            goes_by=row[2],
            formal_name=row[3],
            company=row[4],
            email=row[5],
            aliases=tuple(aliases.get(row[0], ())),
        )

    def _aliases(self, client_id: int | None = None, speakers: bool = False) -> dict[int, list[str]]:
        # A transcript's speakers are no names of the client: they only guide search (speakers()).
        sql = "SELECT client_id, alias FROM client_aliases WHERE user_id = ? AND " + (
            "kind = 'speaker'" if speakers else "kind <> 'speaker'"
        )
        args: list[Any] = [self.user]
        if client_id is not None:
            sql += " AND client_id = ?"
            args.append(client_id)
        out: dict[int, list[str]] = {}
        for cid, alias in self._all(sql + " ORDER BY id", args):
            out.setdefault(cid, []).append(alias)
        return out

    def speakers(self) -> dict[int, list[str]]:
        """The speakers seen in each client's transcript lines ("Caleb: ..."), by client id."""
        return self._aliases(speakers=True)

    def clients(self) -> list[Client]:
        """All of this salesperson's clients, by name."""
        aliases = self._aliases()
        rows = self._all(f"SELECT {self._CLIENT_COLS} FROM clients WHERE user_id = ? ORDER BY name", (self.user,))
        return [self._client(r, aliases) for r in rows]

    def clients_version(self) -> tuple[int, int, int]:
        """Changes whenever a client or an alias is added or removed (cheap cache key)."""
        # Counting 2,000 clients costs ~0.3 ms a search; no write anywhere since the last count means no change.
        token = self.db.change_token() if not self._depth else None  # a transaction may yet roll back
        if token is not None and self._clients_version is not None and self._clients_version[0] == token:
            return self._clients_version[1]
        row = self._one(
            "SELECT count(*), coalesce(max(id), 0), (SELECT count(*) FROM client_aliases WHERE user_id = ?)"
            " FROM clients WHERE user_id = ?",
            (self.user, self.user),
        )
        version = int(row[0]), int(row[1]), int(row[2])
        self._clients_version = (token, version) if token is not None else None
        return version

    def client(self, client_id: int) -> Client | None:
        """One client by id (None if not this salesperson's)."""
        row = self._one(f"SELECT {self._CLIENT_COLS} FROM clients WHERE user_id = ? AND id = ?", (self.user, client_id))
        return self._client(row, self._aliases(client_id)) if row else None

    def client_by_norm(self, norm_name: str) -> Client | None:
        """A client whose normalised display name is exactly `norm_name`."""
        row = self._one(
            f"SELECT {self._CLIENT_COLS} FROM clients WHERE user_id = ? AND norm_name = ?",
            (self.user, norm_name),
        )
        return self._client(row, self._aliases(row[0])) if row else None

    def create_client(self, name: str, norm_name: str, company: str | None = None) -> Client:
        """Insert a client (or return the existing one with that normalised name)."""
        self.db.execute(
            "INSERT INTO clients (user_id, name, norm_name, company, created_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (self.user, name, norm_name, company, iso(now_utc())),
        )
        found = self.client_by_norm(norm_name)
        assert found is not None
        return found

    def update_client(self, client_id: int, **fields: str | int | None) -> None:
        """Set goes_by, formal_name, company, email or cadence_days."""
        for key, value in fields.items():
            if key not in {"goes_by", "formal_name", "company", "email", "cadence_days"}:
                raise ValueError(key)
            self.db.execute(f"UPDATE clients SET {key} = ? WHERE user_id = ? AND id = ?", (value, self.user, client_id))

    def add_alias(self, client_id: int, alias: str, norm_alias: str, kind: str = "nickname") -> None:
        """Remember another name for a client."""
        self.db.execute(
            "INSERT INTO client_aliases (user_id, client_id, alias, norm_alias, kind) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (self.user, client_id, alias, norm_alias, kind),
        )

    def cadence_days(self, client_id: int) -> int | None:
        """The client's keep-in-touch cadence, if set."""
        row = self._one("SELECT cadence_days FROM clients WHERE user_id = ? AND id = ?", (self.user, client_id))
        return row[0] if row else None

    # -- notes ---------------------------------------------------------------------------

    _NOTE_COLS = "n.rowid, n.note_id, n.client_id, c.name, n.text, n.source, n.at_raw, n.occurred_at, n.created_at"

    def _note(self, row: Any) -> Note:
        return Note(
            id=row[1],
            client_id=row[2],
            client=row[3],
            text=row[4],
            source=row[5],
            occurred_at=from_iso(row[7]),
            created_at=from_iso(row[8]),
            at_raw=row[6],
        )

    def note_ids_present(self, note_ids: Iterable[str]) -> set[str]:
        """Which of these note ids this salesperson already has."""
        present: set[str] = set()
        ids = list(note_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._all(
                f"SELECT note_id FROM notes WHERE user_id = ? AND note_id IN ({marks})", [self.user, *chunk]
            )
            present.update(r[0] for r in rows)
        return present

    def insert_note(
        self,
        note_id: str,
        client_id: int,
        text: str,
        source: str,
        at_raw: str,
        occurred_at: datetime,
        context: str = "",
        audio_path: str | None = None,
    ) -> int:
        """Store a raw note (and its lexical index row); returns its rowid."""
        row = self.db.execute(
            "INSERT INTO notes (user_id, note_id, client_id, text, source, at_raw, occurred_at, created_at, audio_path)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid",
            (
                self.user,
                note_id,
                client_id,
                text,
                source,
                at_raw,
                iso(occurred_at),
                iso(now_utc()),
                audio_path,
            ),
        ).fetchone()
        rowid = int(row[0])
        self.db.fts_put(rowid, text, context, client_id)
        self._term_notes.clear()
        return rowid

    def set_neighbours(self, rows: Iterable[tuple[int, int | None, int | None, str]]) -> None:
        """Record (rowid, prev, next, context): neighbouring notes and their text as lexical context."""
        for rowid, prev, nxt, context in rows:
            text_row = self._one(
                "SELECT text, client_id FROM notes WHERE rowid = ? AND +user_id = ?", (rowid, self.user)
            )
            if text_row is None:
                continue
            self.db.execute("UPDATE notes SET prev_rowid = ?, next_rowid = ? WHERE rowid = ?", (prev, nxt, rowid))
            self.db.fts_put(rowid, text_row[0], context, text_row[1])

    def neighbours(self, rowids: Iterable[int]) -> dict[int, tuple[int | None, int | None]]:
        """(previous, next) note rowid of each note, within its client."""
        ids = list(rowids)
        out: dict[int, tuple[int | None, int | None]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._all(
                f"SELECT rowid, prev_rowid, next_rowid FROM notes WHERE +user_id = ? AND rowid IN ({marks})",
                [self.user, *chunk],
            )
            out.update((r[0], (r[1], r[2])) for r in rows)
        return out

    def notes_by_rowid(self, rowids: Iterable[int]) -> dict[int, Note]:
        """Notes by rowid (only this salesperson's)."""
        ids = list(rowids)
        out: dict[int, Note] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._all(
                f"SELECT {self._NOTE_COLS} FROM notes n JOIN clients c ON c.id = n.client_id"
                f" WHERE +n.user_id = ? AND n.rowid IN ({marks})",
                [self.user, *chunk],
            )
            out.update((r[0], self._note(r)) for r in rows)
        return out

    def notes(self, client_id: int | None = None, limit: int | None = None, newest_first: bool = True) -> list[Note]:
        """Notes of one client (or all), by occurred_at."""
        sql = f"SELECT {self._NOTE_COLS} FROM notes n JOIN clients c ON c.id = n.client_id WHERE n.user_id = ?"
        args: list[Any] = [self.user]
        if client_id is not None:
            sql += " AND n.client_id = ?"
            args.append(client_id)
        sql += (
            f" ORDER BY n.occurred_at {'DESC' if newest_first else 'ASC'}, n.rowid {'DESC' if newest_first else 'ASC'}"
        )
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [self._note(r) for r in self._all(sql, args)]

    def note_rows(self, client_id: int | None = None) -> list[tuple[int, str, int, str]]:
        """(rowid, note_id, client_id, text) for every note in scope, oldest first."""
        sql = "SELECT rowid, note_id, client_id, text FROM notes WHERE user_id = ?"
        args: list[Any] = [self.user]
        if client_id is not None:
            sql += " AND client_id = ?"
            args.append(client_id)
        return self._all(sql + " ORDER BY client_id, occurred_at, rowid", args)

    def note_times(self, client_id: int | None = None) -> list[tuple[int, int, str]]:
        """(rowid, client_id, occurred_at ISO) for every note in scope, by client then time (recall's sessions)."""
        sql = "SELECT rowid, client_id, occurred_at FROM notes WHERE user_id = ?"
        args: list[Any] = [self.user]
        if client_id is not None:
            sql += " AND client_id = ?"
            args.append(client_id)
        return self._all(sql + " ORDER BY client_id, occurred_at, rowid", args)

    def client_rowids(self, client_id: int | None) -> list[int]:
        """Every note rowid of one client (None: of every client)."""
        if client_id is None:
            return [r[0] for r in self._all("SELECT rowid FROM notes WHERE user_id = ?", (self.user,))]
        rows = self._all("SELECT rowid FROM notes WHERE user_id = ? AND client_id = ?", (self.user, client_id))
        return [r[0] for r in rows]

    def recent_rowids(self, client_id: int | None, limit: int, exclude: set[int]) -> list[int]:
        """Most recent note rowids in scope, skipping `exclude` (fills a short result list)."""
        sql = "SELECT rowid FROM notes WHERE user_id = ?"
        args: list[Any] = [self.user]
        if client_id is not None:
            sql += " AND client_id = ?"
            args.append(client_id)
        sql += " ORDER BY occurred_at DESC, rowid DESC LIMIT ?"
        args.append(limit + len(exclude))
        return [r[0] for r in self._all(sql, args) if r[0] not in exclude][:limit]

    def count_notes(self, client_id: int | None = None) -> int:
        """How many notes are in scope."""
        if client_id is None:
            return int(self._one("SELECT count(*) FROM notes WHERE user_id = ?", (self.user,))[0])
        return int(
            self._one("SELECT count(*) FROM notes WHERE user_id = ? AND client_id = ?", (self.user, client_id))[0]
        )

    def count_notes_upto(self, client_id: int | None, limit: int) -> int:
        """How many notes are in scope, counting no further than `limit` (cheap however many there are)."""
        sql = "SELECT count(*) FROM (SELECT 1 FROM notes WHERE user_id = ?"
        args: list[Any] = [self.user]
        if client_id is not None:
            sql += " AND client_id = ?"
            args.append(client_id)
        return int(self._one(sql + " LIMIT ?) AS scope", [*args, limit])[0])

    def note_rowid(self, note_id: str) -> int | None:
        """The rowid of a note id."""
        row = self._one("SELECT rowid FROM notes WHERE user_id = ? AND note_id = ?", (self.user, note_id))
        return row[0] if row else None

    def delete_note(self, note_id: str) -> int | None:
        """Delete one note (and facts citing only it); returns its rowid."""
        rowid = self.note_rowid(note_id)
        if rowid is None:
            return None
        self.db.fts_delete(rowid)
        self._term_notes.clear()
        self.db.execute("DELETE FROM notes WHERE rowid = ?", (rowid,))
        self._count_deletion()
        for table in ("facts", "commitments"):
            for fid, ids in self._all(f"SELECT id, source_ids FROM {table} WHERE user_id = ?", (self.user,)):
                sources = [s for s in json.loads(ids) if s != note_id]
                if len(sources) != len(json.loads(ids)):
                    if sources:
                        self.db.execute(f"UPDATE {table} SET source_ids = ? WHERE id = ?", (json.dumps(sources), fid))
                    else:
                        self.db.execute(f"DELETE FROM {table} WHERE id = ?", (fid,))
        # A fact that the deleted note superseded becomes current again.
        return rowid

    def fts_search(self, match: str, client_id: int | None, limit: int) -> list[tuple[int, float]]:
        """Lexical hits (rowid, score: higher is better) for an OR of quoted terms (`"a" OR "b"`).

        Across all clients, a word held by more than FREQUENT_TERM_NOTES of this salesperson's notes
        is left out while a rarer word remains: ranking every note holding "want" cost ~5 ms at 100k
        notes, and such a word's BM25 weight is small beside a rare one's (recall@10 at 100k notes
        unchanged, 0.115 -> 0.12; benchmarks/bench_speed.py for the time).
        """
        if client_id is None:
            match = self._without_frequent_terms(match)
        return self.db.fts_search(match, self.user, client_id, limit)

    def _without_frequent_terms(self, match: str) -> str:
        terms = fts_terms(match)
        if len(terms) < 2:
            return match
        counts: dict[str, int] = {}
        for term in terms:
            if term not in self._term_notes:
                if len(self._term_notes) > TERM_COUNTS_KEPT:
                    self._term_notes.clear()
                self._term_notes[term] = self.db.fts_count(term, self.user, FREQUENT_TERM_NOTES + 1)
            counts[term] = self._term_notes[term]
        kept = [t for t in terms if counts[t] <= FREQUENT_TERM_NOTES]
        if not kept:  # counts stop at the cap, so no word is known to be rarer: keep them all
            return match
        return " OR ".join('"' + t + '"' for t in kept)

    def unindexed(self, limit: int = 10_000) -> list[tuple[int, str, int]]:
        """(rowid, text, client_id) of notes not yet in the vector index."""
        return self._all(
            "SELECT rowid, text, client_id FROM notes WHERE user_id = ? AND indexed = 0 ORDER BY rowid LIMIT ?",
            (self.user, limit),
        )

    def mark_indexed(self, rowids: Iterable[int], value: int = 1) -> None:
        """Record that these notes are (value=1) or are not (0) in the vector index."""
        ids = list(rowids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            self.db.execute(
                f"UPDATE notes SET indexed = ? WHERE +user_id = ? AND rowid IN ({marks})",
                [value, self.user, *chunk],
            )

    def mark_all_unindexed(self) -> None:
        """Forget which notes are indexed (before a rebuild)."""
        self.db.execute("UPDATE notes SET indexed = 0 WHERE user_id = ?", (self.user,))

    def count_indexed(self) -> int:
        """Notes recorded as in the vector index."""
        return int(self._one("SELECT count(*) FROM notes WHERE user_id = ? AND indexed = 1", (self.user,))[0])

    def last_contact(self, client_id: int) -> datetime | None:
        """The latest logged interaction: a note's time or an approved message."""
        row = self._one(
            "SELECT max(t) FROM (SELECT max(occurred_at) AS t FROM notes WHERE user_id = ? AND client_id = ?"
            " UNION ALL SELECT max(sent_at) FROM messages WHERE user_id = ? AND client_id = ?) AS contacts",
            (self.user, client_id, self.user, client_id),
        )
        return from_iso(row[0]) if row and row[0] else None

    def last_contact_raw(self, client_id: int) -> str | None:
        """last_contact as the note's `at` was given when a note is the latest contact."""
        latest = self.last_contact(client_id)
        if latest is None:
            return None
        row = self._one(
            "SELECT at_raw FROM notes WHERE user_id = ? AND client_id = ? AND occurred_at = ? LIMIT 1",
            (self.user, client_id, iso(latest)),
        )
        return row[0] if row else latest.isoformat()

    # -- facts ---------------------------------------------------------------------------

    _FACT_COLS = "id, client_id, kind, key, value, text, source_ids, valid_from, valid_to, due, detail"

    def _fact(self, r: Any) -> Fact:
        return Fact(
            id=r[0],
            client_id=r[1],
            kind=FactKind(r[2]),
            key=r[3],
            value=r[4],
            text=r[5],
            source_ids=_ids(r[6]),
            valid_from=from_iso(r[7]),
            valid_to=from_iso(r[8]) if r[8] else None,
            due=date.fromisoformat(r[9]) if r[9] else None,
            detail=json.loads(r[10]),
        )

    def facts(self, client_id: int | None = None, current: bool | None = True) -> list[Fact]:
        """Facts of one client (or all): current only (True), superseded only (False), or all (None)."""
        sql = f"SELECT {self._FACT_COLS} FROM facts WHERE user_id = ?"
        args: list[Any] = [self.user]
        if client_id is not None:
            sql += " AND client_id = ?"
            args.append(client_id)
        if current is True:
            sql += " AND valid_to IS NULL"
        elif current is False:
            sql += " AND valid_to IS NOT NULL"
        return [self._fact(r) for r in self._all(sql + " ORDER BY valid_from, id", args)]

    def record_fact(self, client_id: int, fact: ExtractedFact, note_id: str, at: datetime) -> Fact | None:
        """Store a fact: a repeat cites one more note, a contradiction supersedes the old fact.

        Facts from older notes never supersede newer ones (imports arrive out of order): an
        older differing value goes straight into history.
        """
        rows = self._all(
            f"SELECT {self._FACT_COLS} FROM facts WHERE user_id = ? AND client_id = ? AND kind = ? AND key = ?"
            " AND valid_to IS NULL",
            (self.user, client_id, fact.kind.value, fact.key),
        )
        current = [self._fact(r) for r in rows]
        for old in current:
            if old.value.casefold() == fact.value.casefold():
                if note_id not in old.source_ids:
                    self.db.execute(
                        "UPDATE facts SET source_ids = ? WHERE id = ?",
                        (json.dumps([*old.source_ids, note_id]), old.id),
                    )
                return None
        due = fact.due.isoformat() if fact.due else None
        detail = json.dumps(fact.detail)
        if current and all(old.valid_from > at for old in current):
            newest = min(old.valid_from for old in current)
            self.db.execute(
                "INSERT INTO facts (user_id, client_id, kind, key, value, text, source_ids, valid_from, valid_to, due,"
                " detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.user,
                    client_id,
                    fact.kind.value,
                    fact.key,
                    fact.value,
                    fact.text,
                    json.dumps([note_id]),
                    iso(at),
                    iso(newest),
                    due,
                    detail,
                ),
            )
            return None
        for old in current:
            self.db.execute("UPDATE facts SET valid_to = ? WHERE id = ?", (iso(at), old.id))
        new = self.db.execute(
            "INSERT INTO facts (user_id, client_id, kind, key, value, text, source_ids, valid_from, due, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                self.user,
                client_id,
                fact.kind.value,
                fact.key,
                fact.value,
                fact.text,
                json.dumps([note_id]),
                iso(at),
                due,
                detail,
            ),
        ).fetchone()
        row = self._one(f"SELECT {self._FACT_COLS} FROM facts WHERE id = ?", (new[0],))
        return self._fact(row)

    def set_note_facts(self, note_id: str, facts_json: str) -> None:
        """Store a note's extracted facts (JSON, see memory.projection), the input of the facts replay."""
        self.db.execute(
            "UPDATE notes SET facts = ? WHERE user_id = ? AND note_id = ?", (facts_json, self.user, note_id)
        )

    def note_facts(self, client_id: int) -> list[tuple[str, datetime, str | None, str]]:
        """(note_id, occurred_at, extracted facts JSON or None, text) of a client's notes, in replay order."""
        rows = self._all(
            "SELECT note_id, occurred_at, facts, text FROM notes WHERE user_id = ? AND client_id = ?"
            " ORDER BY occurred_at, rowid",
            (self.user, client_id),
        )
        return [(r[0], from_iso(r[1]), r[2], r[3]) for r in rows]

    def replace_facts(self, client_id: int, derived: Iterable[Any], stored: list[Fact] | None = None) -> None:
        """Make a client's facts exactly `derived` (memory.projection.DerivedFact), keeping unchanged rows' ids.

        `stored` is the client's facts as just read in the same transaction (saves reading them again).
        """
        existing: dict[tuple[str, str, str, str], list[Fact]] = {}
        for f in self.facts(client_id, current=None) if stored is None else stored:
            existing.setdefault((f.kind.value, f.key, f.value.casefold(), iso(f.valid_from)), []).append(f)
        keep: set[int] = set()
        for d in derived:
            ident = (d.kind.value, d.key, d.value.casefold(), iso(d.valid_from))
            values = (
                d.value,
                d.text,
                json.dumps(list(d.source_ids)),
                iso(d.valid_to) if d.valid_to else None,
                d.due.isoformat() if d.due else None,
                json.dumps(d.detail),
            )
            olds = existing.get(ident)
            if olds:
                old = olds.pop(0)
                keep.add(old.id)
                was = (
                    old.value,
                    old.text,
                    json.dumps(list(old.source_ids)),
                    iso(old.valid_to) if old.valid_to else None,
                    old.due.isoformat() if old.due else None,
                    json.dumps(old.detail),
                )
                if was == values:
                    continue  # unchanged: no write (a long history is replayed on every note)
                self.db.execute(
                    "UPDATE facts SET value = ?, text = ?, source_ids = ?, valid_to = ?, due = ?, detail = ?"
                    " WHERE id = ? AND user_id = ?",
                    (*values, old.id, self.user),
                )
                continue
            self.db.execute(
                "INSERT INTO facts (user_id, client_id, kind, key, value, text, source_ids, valid_to, due, detail,"
                " valid_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self.user, client_id, d.kind.value, d.key, *values, iso(d.valid_from)),
            )
        for olds in existing.values():
            for old in olds:
                if old.id not in keep:
                    self.db.execute("DELETE FROM facts WHERE id = ? AND user_id = ?", (old.id, self.user))

    # -- commitments ---------------------------------------------------------------------

    _COMMIT_COLS = "m.id, m.client_id, c.name, m.text, m.due, m.status, m.source_ids, m.created_at"

    def _commitment(self, r: Any) -> Commitment:
        return Commitment(
            id=r[0],
            client_id=r[1],
            client=r[2],
            text=r[3],
            due=date.fromisoformat(r[4]) if r[4] else None,
            status=r[5],
            source_ids=_ids(r[6]),
            created_at=from_iso(r[7]),
        )

    def add_commitment(self, client_id: int, key: str, text: str, due: date | None, note_id: str, at: datetime) -> None:
        """Open a promise; restating an open one with the same key only adds a citation (and may move its date).

        "Follow up next week" written in thirteen notes weeks apart is thirteen promises: a restatement
        with its own due date, written after the open one fell due, is a new promise. Without a due date
        ("still need to send the pricing") it is the same promise, still owed.
        """
        row = self._one(
            "SELECT id, source_ids FROM commitments WHERE user_id = ? AND client_id = ? AND key = ? AND status = 'open'"
            " AND (due IS NULL OR due >= ? OR ? = '') ORDER BY id DESC LIMIT 1",
            (self.user, client_id, key, at.date().isoformat(), due.isoformat() if due else ""),
        )
        if row:
            ids = json.loads(row[1])
            if note_id not in ids:
                ids.append(note_id)
            self.db.execute(
                "UPDATE commitments SET source_ids = ?, text = ?, due = coalesce(?, due) WHERE id = ?",
                (json.dumps(ids), text, due.isoformat() if due else None, row[0]),
            )
            return
        self.db.execute(
            "INSERT INTO commitments (user_id, client_id, key, text, due, source_ids, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                self.user,
                client_id,
                key,
                text,
                due.isoformat() if due else None,
                json.dumps([note_id]),
                iso(at),
            ),
        )

    def last_commitment_id(self) -> int:
        """The highest promise id of this salesperson (0 when none): what an import adds comes after it."""
        return int(self._one("SELECT coalesce(max(id), 0) FROM commitments WHERE user_id = ?", (self.user,))[0])

    def archive_commitments(self, after_id: int, due_before: date, at: datetime) -> int:
        """Archive open promises with id > after_id already due before `due_before` (old history); returns how many."""
        return self.db.execute(
            "UPDATE commitments SET status = 'archived', closed_at = ? WHERE user_id = ? AND id > ? AND status = 'open'"
            " AND due IS NOT NULL AND due < ?",
            (iso(at), self.user, after_id, due_before.isoformat()),
        ).rowcount

    def closed_at(self, commitment_id: int) -> datetime | None:
        """When a promise was closed or archived."""
        row = self._one("SELECT closed_at FROM commitments WHERE user_id = ? AND id = ?", (self.user, commitment_id))
        return from_iso(row[0]) if row and row[0] else None

    def open_commitment_keys(self, client_id: int) -> list[str]:
        """The keys of a client's open promises."""
        rows = self._all(
            "SELECT DISTINCT key FROM commitments WHERE user_id = ? AND client_id = ? AND status = 'open'",
            (self.user, client_id),
        )
        return [r[0] for r in rows]

    def close_commitments(self, client_id: int, key: str | None, status: str, at: datetime) -> int:
        """Mark open promises made by `at` done/superseded (all of the client's with key None); returns how many."""
        sql = (
            "UPDATE commitments SET status = ?, closed_at = ? WHERE user_id = ? AND client_id = ? AND status = 'open'"
            " AND created_at <= ?"
        )
        args: list[Any] = [status, iso(at), self.user, client_id, iso(at)]
        if key is not None:
            sql += " AND key = ?"
            args.append(key)
        return self.db.execute(sql, args).rowcount

    def set_commitment_status(self, commitment_id: int, status: str, due: date | None = None) -> bool:
        """Mark one promise done / snoozed (with a new due date)."""
        cur = self.db.execute(
            "UPDATE commitments SET status = ?, due = coalesce(?, due), closed_at = ? WHERE user_id = ? AND id = ?",
            (status, due.isoformat() if due else None, iso(now_utc()), self.user, commitment_id),
        )
        return cur.rowcount > 0

    def snooze_commitment(self, commitment_id: int, due: date) -> bool:
        """Move an open promise's due date (it stays open)."""
        cur = self.db.execute(
            "UPDATE commitments SET due = ? WHERE user_id = ? AND id = ? AND status = 'open'",
            (due.isoformat(), self.user, commitment_id),
        )
        return cur.rowcount > 0

    def commitments(self, client_id: int | None = None, status: str | None = "open") -> list[Commitment]:
        """Promises of one client (or all), open ones by default."""
        sql = f"SELECT {self._COMMIT_COLS} FROM commitments m JOIN clients c ON c.id = m.client_id WHERE m.user_id = ?"
        args: list[Any] = [self.user]
        if client_id is not None:
            sql += " AND m.client_id = ?"
            args.append(client_id)
        if status is not None:
            sql += " AND m.status = ?"
            args.append(status)
        return [self._commitment(r) for r in self._all(sql + " ORDER BY m.due IS NULL, m.due, m.id", args)]

    # -- drafts and messages -------------------------------------------------------------

    def save_draft(self, draft: dict[str, Any]) -> None:
        """Insert or replace a draft row."""
        self.db.execute(
            "INSERT INTO drafts (id, user_id, client_id, purpose, text, verdict, findings, sources, engine,"
            " status, prompt_tokens, created_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET client_id = excluded.client_id, purpose = excluded.purpose,"
            " text = excluded.text, verdict = excluded.verdict, findings = excluded.findings,"
            " sources = excluded.sources, engine = excluded.engine, status = excluded.status,"
            " prompt_tokens = excluded.prompt_tokens, created_at = excluded.created_at,"
            " decided_at = excluded.decided_at WHERE drafts.user_id = excluded.user_id",
            (
                draft["id"],
                self.user,
                draft["client_id"],
                draft["purpose"],
                draft["text"],
                draft["verdict"],
                json.dumps(draft["findings"]),
                json.dumps(draft["sources"]),
                draft["engine"],
                draft.get("status", "pending"),
                draft.get("prompt_tokens", 0),
                draft.get("created_at") or iso(now_utc()),
                draft.get("decided_at"),
            ),
        )

    _DRAFT_COLS = (
        "id",
        "client_id",
        "purpose",
        "text",
        "verdict",
        "findings",
        "sources",
        "engine",
        "status",
        "prompt_tokens",
        "created_at",
        "decided_at",
    )

    def _draft(self, row: Any) -> dict[str, Any]:
        d = dict(zip(self._DRAFT_COLS, row, strict=True))
        d["findings"], d["sources"] = json.loads(d["findings"]), json.loads(d["sources"])
        return d

    def draft(self, draft_id: str) -> dict[str, Any] | None:
        """One draft of this salesperson."""
        row = self._one(
            f"SELECT {', '.join(self._DRAFT_COLS)} FROM drafts WHERE user_id = ? AND id = ?",
            (self.user, draft_id),
        )
        return self._draft(row) if row else None

    def drafts(self, status: str | None = None) -> list[dict[str, Any]]:
        """This salesperson's drafts, newest first."""
        sql = f"SELECT {', '.join(self._DRAFT_COLS)} FROM drafts WHERE user_id = ?"
        args: list[Any] = [self.user]
        if status:
            sql += " AND status = ?"
            args.append(status)
        return [self._draft(r) for r in self._all(sql + " ORDER BY created_at DESC", args)]

    def set_draft_status(self, draft_id: str, expected: str, status: str) -> bool:
        """Move a draft from `expected` to `status` atomically (double taps do nothing)."""
        cur = self.db.execute(
            "UPDATE drafts SET status = ?, decided_at = ? WHERE user_id = ? AND id = ? AND status = ?",
            (status, iso(now_utc()), self.user, draft_id, expected),
        )
        return cur.rowcount == 1

    def record_message(self, client_id: int, draft_id: str | None, text: str, channel: str, at: datetime) -> None:
        """An approved message: it counts as contact."""
        self.db.execute(
            "INSERT INTO messages (user_id, client_id, draft_id, text, channel, sent_at) VALUES (?, ?, ?, ?, ?, ?)",
            (self.user, client_id, draft_id, text, channel, iso(at)),
        )

    def message_times(self, client_id: int) -> list[datetime]:
        """When approved messages went to this client."""
        rows = self._all(
            "SELECT sent_at FROM messages WHERE user_id = ? AND client_id = ? ORDER BY sent_at",
            (self.user, client_id),
        )
        return [from_iso(r[0]) for r in rows]

    # -- audit, LLM log, meta ------------------------------------------------------------

    def audit(self, event: str, **detail: Any) -> None:
        """Append an audit event (never secrets)."""
        self.db.execute(
            "INSERT INTO audit (user_id, at, event, detail) VALUES (?, ?, ?, ?)",
            (self.user, iso(now_utc()), event, json.dumps(detail, default=str)),
        )

    def log_llm(self, entry: dict[str, Any]) -> None:
        """Record one LLM exchange."""
        self.db.execute(
            "INSERT INTO llm_log (user_id, at, model, task, prompt, response, prompt_tokens, completion_tokens,"
            " latency_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.user,
                iso(now_utc()),
                entry["model"],
                entry["task"],
                entry["prompt"],
                entry.get("response"),
                entry.get("prompt_tokens"),
                entry.get("completion_tokens"),
                entry.get("latency_ms"),
                entry.get("error"),
            ),
        )

    def llm_log(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest LLM exchanges of this salesperson."""
        cols = (
            "at",
            "model",
            "task",
            "prompt",
            "response",
            "prompt_tokens",
            "completion_tokens",
            "latency_ms",
            "error",
        )
        rows = self._all(
            f"SELECT {', '.join(cols)} FROM llm_log WHERE user_id = ? ORDER BY id DESC LIMIT ?",
            (self.user, limit),
        )
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def meta(self, key: str) -> str | None:
        """A metadata value (e.g. which embedding model built the index)."""
        row = self._one("SELECT value FROM meta WHERE key = ?", (f"{self.user}:{key}",))
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Set a metadata value for this salesperson."""
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (f"{self.user}:{key}", value),
        )

    def deletions(self) -> str | None:
        """A counter of note deletions (None before the first): a changed value means rowids may be reused.

        SQLite gives a new note max(rowid) + 1, so after "undo" the next note takes the undone one's
        rowid; a worker holding vectors by rowid must drop them when another worker deleted notes.
        """
        return self.meta("notes_deleted")

    def _count_deletion(self) -> None:
        self.set_meta("notes_deleted", str(int(self.meta("notes_deleted") or 0) + 1))

    def instance_id(self) -> str:
        """A random id of this ledger, made once: vector collections of different ledgers never mix."""
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES ('instance_id', ?) ON CONFLICT DO NOTHING", (uuid.uuid4().hex,)
        )
        return str(self._one("SELECT value FROM meta WHERE key = 'instance_id'")[0])

    def conversation_state(self) -> str | None:
        """The saved conversation state (JSON) of this salesperson, if any."""
        row = self._one("SELECT state FROM conversation_state WHERE user_id = ?", (self.user,))
        return row[0] if row else None

    def conversation_lock(self) -> AbstractContextManager[None]:
        """This salesperson's conversation, held by one bot worker (process) at a time."""
        return self.db.named_lock(f"conversation:{self.user}")

    def save_conversation_state(self, state: str | None) -> None:
        """Save (or, with None, clear) this salesperson's conversation state."""
        if state is None:
            self.db.execute("DELETE FROM conversation_state WHERE user_id = ?", (self.user,))
            return
        self.db.execute(
            "INSERT INTO conversation_state (user_id, state, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            (self.user, state, iso(now_utc())),
        )

    def digest_sent(self, day: str, keys: Iterable[str]) -> set[str]:
        """Which of these digest item keys already went out on `day`."""
        rows = self._all("SELECT item_key FROM digest_log WHERE user_id = ? AND day = ?", (self.user, day))
        return {r[0] for r in rows} & set(keys)

    def digest_sent_before(self, day: str, keys: Iterable[str]) -> set[str]:
        """Which of these digest item keys went out on a day before `day`."""
        wanted = list(keys)
        if not wanted:
            return set()
        marks = ",".join("?" * len(wanted))
        rows = self._all(
            f"SELECT item_key FROM digest_log WHERE user_id = ? AND day < ? AND item_key IN ({marks})",
            [self.user, day, *wanted],
        )
        return {r[0] for r in rows}

    def mark_digest_sent(self, day: str, keys: Iterable[str]) -> None:
        """Record that these digest items went out on `day`."""
        now = iso(now_utc())
        self.db.executemany(
            "INSERT INTO digest_log (user_id, day, item_key, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(self.user, day, k, now) for k in keys],
        )

    def unmark_digest_sent(self, day: str, keys: Iterable[str]) -> None:
        """Forget that these digest items went out on `day` (their message failed)."""
        self.db.executemany(
            "DELETE FROM digest_log WHERE user_id = ? AND day = ? AND item_key = ?", [(self.user, day, k) for k in keys]
        )

    # -- merge ---------------------------------------------------------------------------

    def merge_clients(self, source_id: int, target_id: int) -> list[int]:
        """Move everything of client `source_id` to `target_id` and remove the source; returns the moved notes'
        rowids. The source's name and aliases become the target's aliases, and a field the target lacks (company,
        email, goes-by name, cadence) is taken from the source. Facts are the caller's to re-derive."""
        source, target = self.client(source_id), self.client(target_id)
        if source is None or target is None or source_id == target_id:
            return []
        rowids = [
            r[0]
            for r in self._all("SELECT rowid FROM notes WHERE user_id = ? AND client_id = ?", (self.user, source_id))
        ]
        for table in ("notes", "commitments", "drafts", "messages"):
            self.db.execute(
                f"UPDATE {table} SET client_id = ? WHERE user_id = ? AND client_id = ?",
                (target_id, self.user, source_id),
            )
        for column in ("goes_by", "formal_name", "company", "email", "cadence_days"):
            self.db.execute(
                f"UPDATE clients SET {column} = (SELECT {column} FROM clients WHERE user_id = ? AND id = ?)"
                f" WHERE user_id = ? AND id = ? AND {column} IS NULL",
                (self.user, source_id, self.user, target_id),
            )
        aliases = self._all(
            "SELECT alias, norm_alias, kind FROM client_aliases WHERE user_id = ? AND client_id = ?",
            (self.user, source_id),
        )
        norm_name = self._one("SELECT norm_name FROM clients WHERE user_id = ? AND id = ?", (self.user, source_id))[0]
        self.db.execute("DELETE FROM facts WHERE user_id = ? AND client_id = ?", (self.user, source_id))
        self.db.execute("DELETE FROM client_aliases WHERE user_id = ? AND client_id = ?", (self.user, source_id))
        self.db.execute("DELETE FROM clients WHERE user_id = ? AND id = ?", (self.user, source_id))
        for alias, norm_alias, kind in [(source.name, norm_name, "merged"), *aliases]:
            self.add_alias(target_id, alias, norm_alias, kind)
        self.mark_indexed(rowids, 0)  # the vector index holds each note's client: the moved ones are indexed again
        self._term_notes.clear()
        return rowids

    # -- forget and export ---------------------------------------------------------------

    def forget_client(self, client_id: int) -> list[int]:
        """Erase a client and everything about them, the LLM exchanges that quote them included;
        returns the note rowids removed. Their audio files are the caller's (`client_audio_paths` first)."""
        rows = self._all("SELECT rowid, text FROM notes WHERE user_id = ? AND client_id = ?", (self.user, client_id))
        rowids = [r[0] for r in rows]
        self._forget_llm_exchanges(client_id, [r[1] for r in rows])
        for rowid in rowids:
            self.db.fts_delete(rowid)
        self._term_notes.clear()
        if rowids:
            self._count_deletion()
        for table in ("notes", "facts", "commitments", "drafts", "messages", "client_aliases"):
            self.db.execute(f"DELETE FROM {table} WHERE user_id = ? AND client_id = ?", (self.user, client_id))
        self.db.execute("DELETE FROM clients WHERE user_id = ? AND id = ?", (self.user, client_id))
        return rowids

    def client_audio_paths(self, client_id: int) -> list[str]:
        """The voice recordings kept for a client's notes."""
        sql = "SELECT audio_path FROM notes WHERE user_id = ? AND client_id = ? AND audio_path IS NOT NULL"
        return [r[0] for r in self._all(sql, (self.user, client_id))]

    def _forget_llm_exchanges(self, client_id: int, note_texts: list[str]) -> None:
        """Delete this salesperson's logged LLM exchanges that quote the client: a name, an alias or a note."""
        client = self.client(client_id)
        needles = [t.strip()[:120] for t in note_texts if len(t.strip()) >= 12]
        if client is not None:
            needles += [n for n in (client.name, *client.aliases) if len(n) >= 3]
        if not needles:
            return
        for row_id, prompt, response in self._all(
            "SELECT id, prompt, coalesce(response, '') FROM llm_log WHERE user_id = ?", (self.user,)
        ):
            if any(n in prompt or n in response for n in needles):
                self.db.execute("DELETE FROM llm_log WHERE user_id = ? AND id = ?", (self.user, row_id))

    def checkpoint(self) -> None:
        """Copy the WAL into the database file and empty it (best effort while others read)."""
        self.db.checkpoint()

    def export(self) -> dict[str, Any]:
        """Every record this salesperson's ledger holds, as plain JSON-able data."""

        def rows(sql: str) -> list[dict[str, Any]]:
            cur = self.db.execute(sql, (self.user,))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

        clients = rows(
            "SELECT c.id, c.name, c.goes_by, c.formal_name, c.company, c.email, c.cadence_days, c.created_at"
            " FROM clients c WHERE c.user_id = ? ORDER BY c.name"
        )
        aliases = self._aliases()
        for c in clients:
            c["aliases"] = aliases.get(c["id"], [])
        notes = rows(
            "SELECT n.note_id, c.name AS client, n.text, n.at_raw AS at, n.occurred_at, n.created_at, n.source,"
            " n.audio_path FROM notes n JOIN clients c ON c.id = n.client_id WHERE n.user_id = ?"
            " ORDER BY n.occurred_at, n.rowid"
        )
        facts = rows(
            "SELECT f.id, c.name AS client, f.kind, f.key, f.value, f.text, f.source_ids, f.valid_from, f.valid_to,"
            " f.due, f.detail FROM facts f JOIN clients c ON c.id = f.client_id WHERE f.user_id = ? ORDER BY f.id"
        )
        commitments = rows(
            "SELECT m.id, c.name AS client, m.key, m.text, m.due, m.status, m.source_ids, m.created_at, m.closed_at"
            " FROM commitments m JOIN clients c ON c.id = m.client_id WHERE m.user_id = ? ORDER BY m.id"
        )
        drafts = rows(
            "SELECT d.id, c.name AS client, d.purpose, d.text, d.verdict, d.findings, d.sources, d.engine, d.status,"
            " d.prompt_tokens, d.created_at, d.decided_at FROM drafts d JOIN clients c ON c.id = d.client_id"
            " WHERE d.user_id = ? ORDER BY d.created_at"
        )
        messages = rows(
            "SELECT c.name AS client, m.draft_id, m.text, m.channel, m.sent_at FROM messages m"
            " JOIN clients c ON c.id = m.client_id WHERE m.user_id = ? ORDER BY m.sent_at"
        )
        audit = rows("SELECT at, event, detail FROM audit WHERE user_id = ? ORDER BY id")
        for item in facts + commitments:
            item["source_ids"] = json.loads(item["source_ids"])
        for f in facts:
            f["detail"] = json.loads(f["detail"])
        for d in drafts:
            d["findings"], d["sources"] = json.loads(d["findings"]), json.loads(d["sources"])
        for a in audit:
            a["detail"] = json.loads(a["detail"])
        return {
            "salesperson": self.salesperson(),
            "clients": clients,
            "notes": notes,
            "facts": facts,
            "commitments": commitments,
            "drafts": drafts,
            "messages": messages,
            "audit": audit,
        }
