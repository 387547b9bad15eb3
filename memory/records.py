"""Domain records shared by the ledger, recall and the use cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class FactKind(StrEnum):
    """The kinds of fact Chet keeps about a client."""

    PREFERENCE = "preference"
    DISLIKE = "dislike"
    PERSONAL_DATE = "personal_date"
    FAMILY = "family"
    CONTACT = "contact"  # contact preference or contact detail (email, phone, channel)
    COMMITMENT = "commitment"
    CONSENT = "consent"
    LOCATION = "location"
    OTHER = "other"


CHANGED_MIND_KEY = "changed_mind"  # "X after all": the replay resolves it against the earlier choice naming X


@dataclass(frozen=True)
class ExtractedFact:
    """A fact found in one note, before it is stored.

    `key` names the slot the fact fills (e.g. "color", "birthday", "family:daughter",
    "consent:email", "location"); a newer fact with the same kind and key supersedes the
    older one when the values differ. `value` is the normalised value ("blue", "1985-03-14",
    "Sofia"); `text` is a short human sentence ("wants blue, not grey").
    """

    kind: FactKind
    key: str
    value: str
    text: str
    # Commitment due date (resolved against the note's time), or a personal date's date.
    due: date | None = None
    # Extra structured detail: e.g. {"declined": "grey"}, {"relation": "daughter"}, {"channel": "email"}
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Client:
    """A client of one salesperson."""

    id: int
    name: str  # the display name the salesperson uses
    goes_by: str | None = None  # the name they go by ("Dana"), if different from the first word
    formal_name: str | None = None  # full formal name ("Danielle Ann Whitaker"), never used as a greeting
    company: str | None = None
    email: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """A raw note as the salesperson wrote or said it."""

    id: str  # opaque note id (the imported id, or a generated one)
    client_id: int
    client: str  # display name
    text: str
    source: str  # text | voice | import
    occurred_at: datetime
    created_at: datetime
    at_raw: str = ""  # the time exactly as it was given (import `at`, `--at`), reported back as is


@dataclass(frozen=True)
class Fact:
    """A stored fact; current while `valid_to` is None."""

    id: int
    client_id: int
    kind: FactKind
    key: str
    value: str
    text: str
    source_ids: tuple[str, ...]
    valid_from: datetime
    valid_to: datetime | None = None
    due: date | None = None
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Commitment:
    """A promise the salesperson made to a client."""

    id: int
    client_id: int
    client: str
    text: str
    due: date | None
    status: str  # open | done | snoozed | superseded
    source_ids: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class Profile:
    """What Chet holds about one client: current facts, superseded ones, promises still owed, last contact."""

    client: Client
    facts: list[Fact]  # current (valid_to is None)
    history: list[Fact]  # superseded, with their dates
    commitments: list[Commitment]  # open, then archived (long overdue when imported: to confirm or drop)
    last_contact: str | None  # as the ledger holds it (a note's `at`, or an approved message's time)
    notes: int


@dataclass(frozen=True)
class SearchHit:
    """One recall result."""

    note: Note
    score: float


@dataclass(frozen=True)
class Salesperson:
    """One salesperson's settings: `name` signs the drafts; `tz` is the zone in effect (docs/settings.md)."""

    id: str
    name: str | None
    tz: str
    digest_time: str


@dataclass(frozen=True)
class StoredFinding:
    """A guard finding as the ledger keeps it with its draft: kind, the exact span, why, the notes, its verdict."""

    kind: str
    span: str
    message: str
    sources: tuple[str, ...] = ()
    verdict: str = ""


@dataclass(frozen=True)
class DraftRecord:
    """A draft kept for approval: its text, the guard's verdict and findings, the notes it rests on, its status."""

    id: str
    client_id: int
    purpose: str
    text: str
    verdict: str  # "pass" | "warn" | "block"
    findings: tuple[StoredFinding, ...]
    sources: tuple[str, ...]  # note ids the draft rests on
    engine: str  # "offline", "openai", "edited", ...
    status: str = "pending"  # pending | approved | discarded
    prompt_tokens: int = 0
    created_at: datetime | None = None  # None: now, when it is first kept
    decided_at: datetime | None = None


@dataclass(frozen=True)
class LlmExchange:
    """One logged LLM exchange (`chet log`): what the model was told, what it said, its cost."""

    at: str
    model: str
    task: str
    prompt: str
    response: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    latency_ms: int | None
    error: str | None


Row = dict[str, object]  # one ledger row with every column it holds, as `chet export` reports it


@dataclass(frozen=True)
class LedgerExport:
    """Everything the ledger holds for one salesperson: each table's rows with every column."""

    salesperson: Salesperson
    clients: list[Row]
    notes: list[Row]
    facts: list[Row]
    commitments: list[Row]
    drafts: list[Row]
    messages: list[Row]
    audit: list[Row]
