"""Schema migrations as small ordered functions, each applied once and recorded: one list for both engines.

Each is written in SQLite's words; on PostgreSQL every statement goes through memory.migrations_pg,
the one module that knows how PostgreSQL differs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from memory import migrations_pg
from memory.sql import Database

Migration = Callable[[Database], None]


def _run(db: Database, script: str) -> None:
    """Run each statement of a migration script inside the caller's transaction, in the engine's dialect."""
    for statement in script.split(";\n"):
        sql = migrations_pg.translate(statement) if db.kind == "postgres" else statement
        if sql and sql.strip():
            db.execute(sql)


def m001_initial(db: Database) -> None:
    """Salespeople, clients, aliases, notes (+FTS5), facts, commitments, audit."""
    _run(
        db,
        """
        CREATE TABLE salespeople (
            id TEXT PRIMARY KEY,
            name TEXT,
            tz TEXT NOT NULL DEFAULT 'UTC',
            digest_time TEXT NOT NULL DEFAULT '08:00',
            created_at TEXT NOT NULL
        );
        CREATE TABLE clients (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            name TEXT NOT NULL,
            norm_name TEXT NOT NULL,
            goes_by TEXT,
            formal_name TEXT,
            company TEXT,
            email TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (user_id, norm_name)
        );
        CREATE TABLE client_aliases (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            norm_alias TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'nickname',
            UNIQUE (client_id, norm_alias)
        );
        CREATE INDEX client_aliases_lookup ON client_aliases (user_id, norm_alias);
        CREATE TABLE notes (
            rowid INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            note_id TEXT NOT NULL,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            source TEXT NOT NULL,
            at_raw TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            indexed INTEGER NOT NULL DEFAULT 0,
            UNIQUE (user_id, note_id)
        );
        CREATE INDEX notes_client ON notes (user_id, client_id, occurred_at);
        CREATE INDEX notes_unindexed ON notes (user_id, indexed);
        CREATE VIRTUAL TABLE notes_fts USING fts5(
            text, context, tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            text TEXT NOT NULL,
            source_ids TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            due TEXT,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX facts_client ON facts (user_id, client_id, kind, key);
        CREATE TABLE commitments (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            due TEXT,
            status TEXT NOT NULL DEFAULT 'open',
            source_ids TEXT NOT NULL,
            created_at TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX commitments_client ON commitments (user_id, client_id, status);
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            at TEXT NOT NULL,
            event TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_user ON audit (user_id, at);
        """,
    )


def m002_drafts_messages_llm(db: Database) -> None:
    """Drafts, sent messages, the LLM exchange log, index metadata."""
    _run(
        db,
        """
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            purpose TEXT NOT NULL,
            text TEXT NOT NULL,
            verdict TEXT NOT NULL,
            findings TEXT NOT NULL DEFAULT '[]',
            sources TEXT NOT NULL DEFAULT '[]',
            engine TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            decided_at TEXT
        );
        CREATE INDEX drafts_user ON drafts (user_id, status);
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            draft_id TEXT,
            text TEXT NOT NULL,
            channel TEXT NOT NULL,
            sent_at TEXT NOT NULL
        );
        CREATE INDEX messages_client ON messages (user_id, client_id, sent_at);
        CREATE TABLE llm_log (
            id INTEGER PRIMARY KEY,
            user_id TEXT,
            at TEXT NOT NULL,
            model TEXT NOT NULL,
            task TEXT NOT NULL,
            prompt TEXT NOT NULL,
            response TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            latency_ms INTEGER,
            error TEXT
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )


def m003_digest(db: Database) -> None:
    """Per-client contact cadence, digest bookkeeping, kept audio."""
    _run(
        db,
        """
        ALTER TABLE clients ADD COLUMN cadence_days INTEGER;
        CREATE TABLE digest_log (
            user_id TEXT NOT NULL,
            day TEXT NOT NULL,
            item_key TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (user_id, day, item_key)
        );
        ALTER TABLE notes ADD COLUMN audio_path TEXT;
        """,
    )


def m004_neighbours(db: Database) -> None:
    """Each note's previous and next note of the same client (recall lifts a neighbour's answer)."""
    _run(
        db,
        """
        ALTER TABLE notes ADD COLUMN prev_rowid INTEGER;
        ALTER TABLE notes ADD COLUMN next_rowid INTEGER
        """,
    )


def m005_conversation_state(db: Database) -> None:
    """What a conversation waits for (an edit, a client name), so any bot worker can take the next message."""
    _run(
        db,
        """
        CREATE TABLE conversation_state (
            user_id TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
    )


def m006_fts_scope(db: Database) -> None:
    """The FTS5 table gets a `scope` column (`c<client id>`): a search within one client matches it first.

    Joining every match of a frequent word to `notes` before filtering by client cost ~3-4 ms at
    100k notes; `scope : "c42" AND (...)` lets FTS5 intersect the doclists instead (~0.25 ms).
    """
    _run(
        db,
        """
        CREATE VIRTUAL TABLE notes_fts_scoped USING fts5(
            text, context, scope, tokenize='porter unicode61 remove_diacritics 2'
        );
        INSERT INTO notes_fts_scoped (rowid, text, context, scope)
            SELECT f.rowid, f.text, f.context, 'c' || n.client_id FROM notes_fts f JOIN notes n ON n.rowid = f.rowid;
        DROP TABLE notes_fts;
        ALTER TABLE notes_fts_scoped RENAME TO notes_fts
        """,
    )


def m007_note_facts(db: Database) -> None:
    """Each note's extracted facts (JSON): facts are replayed from them, so undo and reindex re-derive."""
    _run(db, "ALTER TABLE notes ADD COLUMN facts TEXT")


MIGRATIONS: list[tuple[str, Migration]] = [
    ("001_initial", m001_initial),
    ("002_drafts_messages_llm", m002_drafts_messages_llm),
    ("003_digest", m003_digest),
    ("004_neighbours", m004_neighbours),
    ("005_conversation_state", m005_conversation_state),
    ("006_fts_scope", m006_fts_scope),
    ("007_note_facts", m007_note_facts),
]


def migrate(db: Database, upto: int | None = None) -> list[str]:
    """Apply every migration not yet recorded (optionally only the first `upto`); return the names applied."""
    db.begin("migrations")  # two processes starting at once must not both create the table
    try:
        db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    except BaseException:
        db.rollback()
        raise
    db.commit()
    done = {row[0] for row in db.execute("SELECT name FROM migrations").fetchall()}
    postgres = db.kind == "postgres"

    def applied_before(name: str, names: set[str]) -> bool:
        return name in names or (postgres and migrations_pg.RECORDED_AS.get(name) in names)

    applied = []
    for name, fn in MIGRATIONS[:upto]:
        if applied_before(name, done):
            continue
        db.begin("migrations")
        try:
            # Re-check inside the write lock: another process may have just applied it.
            now_done = {row[0] for row in db.execute("SELECT name FROM migrations").fetchall()}
            if applied_before(name, now_done):
                db.rollback()
                continue
            fn(db)
            if postgres:
                for statement in migrations_pg.AFTER.get(name, []):
                    db.execute(statement)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat()),
            )
            db.commit()
        except BaseException:
            db.rollback()
            raise
        applied.append(name)
    return applied
