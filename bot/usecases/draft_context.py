"""What a draft or a guard check knows about one client: a bounded slice of the ledger."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from memory.records import Client, Commitment, Fact, Note


@dataclass
class DraftContext:
    """Everything the drafting engines and the truth guard may rely on for one client.

    Built from the ledger by `bot.usecases.context_from_memory.build_context` (bounded by a token budget);
    tests build it by hand.
    """

    client: Client
    purpose: str
    now: datetime  # the time the message would be sent (timezone-aware)
    facts: list[Fact] = field(default_factory=list)  # current facts (valid_to is None)
    history: list[Fact] = field(default_factory=list)  # superseded facts
    commitments: list[Commitment] = field(default_factory=list)  # open promises
    notes: list[Note] = field(default_factory=list)  # relevant + most recent notes, newest first
    last_contact: datetime | None = None
    sent_at: list[datetime] = field(default_factory=list)  # approved messages to this client
    salesperson: str | None = None  # the salesperson's sign-off name
    other_clients: list[str] = field(default_factory=list)  # other display names (wrong-name checks)
    channel: str | None = None  # email | phone | text when the draft's channel is known (a call plan: phone)
