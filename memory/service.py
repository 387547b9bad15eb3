"""Client memory: notes in, facts extracted, hybrid recall out — one salesperson at a time."""

from __future__ import annotations

import itertools
import logging
import re
import shutil
import uuid
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from memory import names
from memory.consent import ContactChannels, contact_channels
from memory.embeddings import EmbedAhead, Embedder, embed_known
from memory.errors import AmbiguousClient, BadInput, ChetError, UnknownClient
from memory.index import EXACT_SCOPE, VectorIndex
from memory.ledger import Ledger, connect
from memory.places import is_place
from memory.projection import DerivedFact, NoteFacts, dump_facts, load_facts, replay
from memory.recall import (
    ClientNames,
    Weights,
    combine_parts,
    fts_expression,
    fuse,
    lexical_coverage,
    lexical_weight,
    number_sessions,
    query_parts,
    query_terms,
    rerank,
    speaker_of,
    time_order,
    transcript_speaker,
    without_names,
)
from memory.records import (
    Client,
    Commitment,
    DraftRecord,
    ExtractedFact,
    Fact,
    FactKind,
    LedgerExport,
    LlmExchange,
    Note,
    Profile,
    Salesperson,
    SearchHit,
    StoredFinding,
)
from memory.rerank import learned_order
from memory.sql import SqliteDatabase
from memory.timeutil import from_iso, iso, now_utc, zone

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from memory.extract import ExtractorFailure

log = logging.getLogger(__name__)

COVERAGE_TOP = 5  # the lexical hits read to tell how much of the query the lexical side matched
CONTEXT_NOTES = 2  # notes on each side whose text is a note's lexical context (see Memory._refresh_context)
ARCHIVE_AFTER_DAYS = 14  # an imported promise already overdue by more than this is archived, not nagged about
MAX_NOTE_CHARS = 20_000  # a note is what someone types or says after a meeting, not a document
Extractor = Callable[[str, datetime], list[ExtractedFact]]
EmbedderFactory = Callable[[], Embedder]
IndexFactory = Callable[[str], VectorIndex]


@dataclass
class NoteInput:
    """A note to store: from an import line, the CLI or the bot."""

    client: str
    text: str
    at: datetime
    at_raw: str
    note_id: str | None = None
    source: str = "text"
    audio_path: str | None = None
    fact_text: str | None = None  # read facts from this part only (a note naming several clients); None: the text


@dataclass
class Stored:
    """What storing a note did."""

    note: Note
    client: Client
    facts: list[ExtractedFact]
    notices: list[str] = field(default_factory=list)


_SURROGATE = re.compile("[\ud800-\udfff]")  # from invalid UTF-8 (argv) or "\\ud800" escapes (JSON): SQLite refuses them


def validated_note_text(text: str, what: str = "note") -> str:
    """Refuse empty, binary or oversized text; return it with NULs and stray control characters removed."""
    if "\x00" in text:
        raise BadInput(f"the {what} contains NUL bytes (binary data?)")
    if _SURROGATE.search(text):
        raise BadInput(f"the {what} is not valid UTF-8 text")
    cleaned = "".join(ch for ch in text if ch in "\n\t" or ch >= " " or ch == "\r").strip()
    if not cleaned:
        raise BadInput(f"the {what} is empty")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise BadInput(f"the {what} is too long ({len(cleaned):,} characters; at most {MAX_NOTE_CHARS:,})")
    return cleaned


def validated_client_name(name: str) -> str:
    """A usable client display name, or BadInput."""
    if "\x00" in name:
        raise BadInput("the client name contains NUL bytes")
    if _SURROGATE.search(name):
        raise BadInput("the client name is not valid UTF-8 text")
    cleaned = names.clean_display_name(name)
    if not names.normalize(cleaned):
        raise BadInput("the client name is empty")
    if len(cleaned) > names.MAX_NAME:
        raise BadInput(f"the client name is too long ({len(cleaned):,} characters; at most {names.MAX_NAME})")
    return cleaned


_GOES_BY = re.compile(
    r"\b(?i:goes by|prefers to be called|call (?:him|her|them)|calls? (?:himself|herself))\s+([A-Z][\w'-]+)"
)
_FORMAL = re.compile(r"\b(?i:full|formal|legal) name(?: is|:)\s+([A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,4})")
_COMPANY = re.compile(r"\b(?:works (?:at|for)|is with)\s+([A-Z][\w&'.-]+(?:\s+[A-Z][\w&'.-]+){0,3})")


# "Tom Reyes (Northgate Dental)", "Carla Mendes from Bluepine Logistics": a company right after a person's name.
_NAME_THEN_COMPANY = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*(?:\(\s*(?P<co>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,4}?)\s*\)"
    r"|\s+(?:from|of)\s+(?P<co2>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3}))"
)
_NOT_COMPANIES = frozenset(
    [
        "cfo",
        "ceo",
        "coo",
        "cto",
        "cio",
        "vp",
        "gm",
        "owner",
        "buyer",
        "boss",
        "manager",
        "director",
        "she",
        "he",
        "they",
    ]
)


def _company_beside(text: str, client: Client) -> str | None:
    """The company written right after the client's name ("Tom Reyes (Northgate Dental)"), if any.

    "from/of/at" needs a two-word company ("from Bluepine Logistics"): "Dana from Boston" is a place.
    """
    own = {w.casefold() for w in client.name.split()} | {a.casefold() for a in client.aliases}
    for m in _NAME_THEN_COMPANY.finditer(text):
        if not {w.casefold() for w in m["name"].split()} & own:
            continue
        company = (m["co"] or m["co2"] or "").strip(" .")
        if m["co2"] and len(company.split()) < 2:
            continue
        if company and company.casefold() not in _NOT_COMPANIES and not re.search(r"\d", company):
            if is_place(company):
                continue  # "John Whitfield from Austin TX": a place, not his company (memory.places)
            return company
    return None


def shown_facts(facts: list[Fact]) -> list[Fact]:
    """Facts for a person to read: a dislike already said by a preference ("blue, not grey") is not repeated."""
    declined = {
        (f.client_id, f.detail.get("declined", "").casefold())
        for f in facts
        if f.kind is FactKind.PREFERENCE and f.detail.get("declined")
    }
    return [f for f in facts if not (f.kind is FactKind.DISLIKE and (f.client_id, f.value.casefold()) in declined)]


def without_leading_name(text: str, client_name: str) -> str:
    """The note without the client's full name typed first and unpunctuated ("niamh byrne sample doors replaced").

    The rules read a clause from its start ("<thing> replaced", "<thing> done"); a name glued to the front hides
    it. A name with a colon or dash after it is split off by the rules already; a possessive ("dana lee's son")
    and a single name (a first name may be a word) are left alone.
    """
    name = names.normalize(names.strip_title(client_name)).split()
    if len(name) < 2:
        return text
    words = text.split()
    start = 1 if words and names.is_title(words[0].rstrip(".")) else 0
    head = [names.normalize(w) for w in words[start : start + len(name)]]
    rest = words[start + len(name) :]
    if head != name or not rest or words[start + len(name) - 1][-1:].isalpha() is False:
        return text
    return " ".join(rest)


def offline_extract(text: str, at: datetime, failures: list[ExtractorFailure] | None = None) -> list[ExtractedFact]:
    """The offline rules' facts of a note (`memory.extract.extract_facts`)."""
    # imported here: memory.extract compiles its rule tables on import (~0.15-0.3 s CPU), which a
    # one-shot `chet search` / `chet ask` never uses
    from memory.extract import extract_facts

    return extract_facts(text, at, failures)


class Memory:
    """One salesperson's client memory: ledger (truth) + vector index (derived)."""

    def __init__(
        self,
        ledger: Ledger,
        index_factory: IndexFactory,
        embedder_factory: EmbedderFactory,
        extractor: Extractor = offline_extract,
        weights: Weights | None = None,
    ) -> None:
        self.ledger = ledger
        self._index_factory, self._embedder_factory = index_factory, embedder_factory
        self._index: VectorIndex | None = None
        self._embedder: Embedder | None = None
        self.extractor = extractor
        self.weights = weights or Weights()
        self.warnings: list[str] = []
        self.index_dir: Path | None = None  # the embedded store's directory, if any
        self.audio_dir: Path | None = None  # where the bot keeps voice recordings (forget deletes them)
        self._clients_cache: tuple[tuple[int, int, int], ClientNames] | None = None
        self._previous_cache: dict[tuple[int, tuple[int, ...]], dict[int, int | None]] = {}
        self._deletions_seen: str | None = None
        self._sessions_cache: tuple[tuple[int, int, int], dict[int, int]] | None = None

    @property
    def embedder(self) -> Embedder:
        """The embedder, loaded on first use."""
        if self._embedder is None:
            self._embedder = self._embedder_factory()
        return self._embedder

    @property
    def index(self) -> VectorIndex:
        """The vector index, opened on first use; a model change empties it and queues a rebuild."""
        if self._index is None:
            self._deletions_seen = self.ledger.deletions()
            self._index = self._index_factory(self.embedder.name)
            if self._index.rebuilt or self.ledger.meta("embedder") not in (None, self.embedder.name):
                with self.ledger.transaction():
                    self.ledger.mark_all_unindexed()
                    self.ledger.set_meta("embedder", self.embedder.name)
            elif self.ledger.meta("embedder") is None:
                self.ledger.set_meta("embedder", self.embedder.name)
        return self._index

    # -- clients -------------------------------------------------------------------------

    def _candidates(self) -> list[names.Candidate]:
        return [names.Candidate(c.id, c.name, c.aliases, c.company) for c in self.ledger.clients()]

    def find_client(self, name: str) -> Client:
        """The one client `name` means; UnknownClient (with suggestions) or AmbiguousClient otherwise."""
        name = validated_client_name(name)
        candidates = self._candidates()
        hits = names.match_clients(name, candidates)
        if len(hits) == 1:
            client = self.ledger.client(hits[0].client_id)
            assert client is not None
            return client
        if hits:
            raise AmbiguousClient(name, [h.name for h in hits])
        raise UnknownClient(name, names.closest_names(name, [c.name for c in candidates]), known=len(candidates))

    def client_for_note(self, name: str) -> Client:
        """The client a new note is about: a forgiving match, else a new client."""
        try:
            return self.find_client(name)
        except UnknownClient:
            return self._create_client(validated_client_name(name))

    def _create_client(self, display: str) -> Client:
        company = None
        m = re.match(r"^(?P<n>.+?)\s+(?:from|at|@)\s+(?P<c>[^\W_].+)$", display) or re.match(
            r"^(?P<n>[^()]+?)\s*\(\s*(?P<c>[^\W_][^()]*?)\s*\)$", display
        )
        if m and not (m["c"][:1].isupper() or m["c"][:1].isdigit() or not m["c"].split()[0].islower()):
            m = None  # a company starts with a capital of any script or a digit ("Ángeles Clinic", "3M") or is
            # written in camel case ("eBay"); lower-case words are no company ("from boston")
        if m:  # "Dana Lee from Acme", "Tom Reyes (Northgate Dental)": the client is Dana Lee, the company Acme
            display, company = m.group("n").strip(), m.group("c").strip()
            company = None if is_place(company) else company  # "from Austin TX": a place (memory.places)
        return self.ledger.create_client(display, names.normalize(display), company)

    def exact_client(self, name: str) -> Client:
        """The client with exactly this (normalised) display name or alias, created if missing (imports)."""
        display = validated_client_name(name)
        norm = names.normalize(display)
        found = self.ledger.client_by_norm(norm)
        if found:
            return found
        for c in self.ledger.clients():
            if norm in {names.normalize(a) for a in c.aliases}:
                return c
        return self.ledger.create_client(display, norm)

    # -- notes ---------------------------------------------------------------------------

    def add_note(self, item: NoteInput, forgiving: bool = True, index: bool = True) -> Stored:
        """Store a note first, then extract its facts; then index it (a failure there loses nothing).

        With index=False the caller indexes later (`sync_index`), so a confirmation need not wait for it.
        """
        text = validated_note_text(item.text)
        with self.ledger.transaction():
            client = self.client_for_note(item.client) if forgiving else self.exact_client(item.client)
            note_id = item.note_id or self._new_note_id()
            if self.ledger.note_ids_present([note_id]):
                raise BadInput(f"a note with id {note_id[:80]!r} already exists")
            rowid = self.ledger.insert_note(
                note_id, client.id, text, item.source, item.at_raw, item.at, audio_path=item.audio_path
            )
            self.ledger.audit("note.added", note_id=note_id, client_id=client.id, source=item.source)
        notices: list[str] = []
        facts_from = text if item.fact_text is None else item.fact_text.strip()
        facts = self._whose_dates(
            client, self._extract(note_id, without_leading_name(facts_from, client.name), item.at, notices)
        )
        with self.ledger.transaction():
            self._apply_facts(client, note_id, text, item.at, facts)
            self._refresh_context(client.id, {rowid})
        client = self.ledger.client(client.id) or client
        if index:
            self.sync_index(notices)
        note = self.ledger.notes_by_rowid([rowid])[rowid]
        return Stored(note=note, client=client, facts=facts, notices=notices)

    def _whose_dates(self, client: Client, facts: list[ExtractedFact]) -> list[ExtractedFact]:
        """A date said of someone by name ("orla's birthday") is the client's, a known relative's, or another's.

        Another person's date is kept as a plain fact (it is in the notes), never as the client's own birthday.
        """
        if not any(f.kind is FactKind.PERSONAL_DATE and f.key.endswith(":named") for f in facts):
            return facts
        own = set(names.normalize(names.strip_title(client.name)).split())
        family: list[Fact | ExtractedFact] = [*self.ledger.facts(client.id, current=True), *facts]
        relatives = {
            names.normalize(f.value): f.detail.get("relation") or f.key.partition(":")[2]
            for f in family
            if f.kind is FactKind.FAMILY and f.value
        }
        out = []
        for f in facts:
            if not (f.kind is FactKind.PERSONAL_DATE and f.key.endswith(":named")):
                out.append(f)
                continue
            base, name = f.key.rpartition(":")[0], f.detail.get("name", "")
            who = names.normalize(name)
            relation = next((r for v, r in relatives.items() if who and who in v.split()), "")
            detail = {k: v for k, v in f.detail.items() if k != "name"}
            label = base.replace("_", " ")
            if who in own:
                out.append(replace(f, key=base, detail=detail))
            elif relation:
                text = f"{relation} {name}'s {label}{f.text[len(label) :]}" if f.text.startswith(label) else f.text
                detail = {**detail, "relation": relation, "name": name}
                out.append(replace(f, key=f"{base}:{relation}", detail=detail, text=text))
            else:
                shown = f"{name}'s {label}{f.text[len(label) :]}" if f.text.startswith(label) else f.text
                out.append(ExtractedFact(FactKind.OTHER, f"date:{who.replace(' ', '_')}_{base}", f.value, shown))
        return out

    def _new_note_id(self) -> str:
        return "n-" + uuid.uuid4().hex[:12]

    def _extract(self, note_id: str, text: str, at: datetime, notices: list[str]) -> list[ExtractedFact]:
        """Facts of a note: the configured extractor, checked against the offline rules where it matters."""
        offline = self._offline_facts(note_id, text, at, notices)
        if self.extractor is offline_extract:
            return offline
        # memory.extract compiles its rule tables on import (~0.15-0.3 s CPU); search and ask never extract
        from memory.extract import looks_like_instruction, split_sentences

        if any(looks_like_instruction(s) for s in split_sentences(text)):
            return offline  # notes are data: a note that talks to the bot never reaches the model's judgement
        try:
            facts = self.extractor(text, at)
        except ChetError as err:
            notices.append(f"{err} — facts were extracted offline instead")
            return offline
        except Exception:  # an extractor's bug never fails a note: it is stored already, the rules still apply
            log.exception("the fact extractor failed on note %s; offline rules used", note_id)
            notices.append("the model's reading of this note failed — facts were extracted offline instead")
            return offline
        # Consent is safety-critical: the model may only record an opt-out/opt-in the rules also see, and the
        # rules' facts (which carry the channel and topic scope) are the ones kept.
        seen = {f.value for f in facts if f.kind is FactKind.CONSENT}
        consent = [f for f in offline if f.kind is FactKind.CONSENT and f.value in seen]
        return [f for f in facts if f.kind is not FactKind.CONSENT] + consent

    def import_notes(
        self,
        items: list[NoteInput],
        progress: Callable[[int], None] | None = None,
        notices: list[str] | None = None,
    ) -> tuple[int, int]:
        """Store many notes in one transaction (all or nothing); returns (imported, skipped).

        A rule that fails on a note costs that note some facts, never the import: `notices` says how many.
        """
        notices = [] if notices is None else notices
        clients: dict[str, Client] = {}
        new_rows: dict[int, set[int]] = {}
        ahead: EmbedAhead | None = None
        try:
            with self.ledger.transaction():
                last_promise = self.ledger.last_commitment_id()
                # Which ids exist is read inside the write transaction: a concurrent import of the same file
                # then waits for this one and skips what it stored, instead of failing on the unique id.
                present = self.ledger.note_ids_present(i.note_id for i in items if i.note_id)
                fresh: list[NoteInput] = []
                seen: set[str] = set()
                for item in items:
                    if item.note_id in present or (item.note_id and item.note_id in seen):
                        continue
                    if item.note_id:
                        seen.add(item.note_id)
                    fresh.append(item)
                skipped = len(items) - len(fresh)
                # The embedder works on the fresh notes' texts while this thread extracts their facts.
                ahead = self._embed_ahead([i.text for i in fresh])
                for n, item in enumerate(fresh, 1):
                    key = names.normalize(item.client)
                    if key not in clients:
                        clients[key] = self.exact_client(item.client)
                    client = clients[key]
                    note_id = item.note_id or self._new_note_id()
                    rowid = self.ledger.insert_note(note_id, client.id, item.text, item.source, item.at_raw, item.at)
                    new_rows.setdefault(client.id, set()).add(rowid)
                    facts = self._offline_facts(note_id, item.text, item.at, notices)
                    self._apply_facts(client, note_id, item.text, item.at, facts, rederive=False)
                    if progress and n % 200 == 0:
                        progress(200)
                for cid, rowids in new_rows.items():
                    self._refresh_context(cid, rowids)
                    self.rederive_facts(cid)
                # Promises long overdue when imported are history: listed once to confirm or drop, never nagged daily.
                now = now_utc()
                archived = self.ledger.archive_commitments(
                    last_promise, now.date() - timedelta(days=ARCHIVE_AFTER_DAYS), now
                )
                if fresh:
                    self.ledger.audit("notes.imported", count=len(fresh), skipped=skipped, archived_promises=archived)
        except BaseException:
            if ahead is not None:
                ahead.stop()  # rolled back: nothing of it will be indexed
            raise
        if progress:
            progress(len(fresh) % 200)
        self.sync_index([], known=ahead.vectors() if ahead else None)
        return len(fresh), skipped

    def _embed_ahead(self, texts: list[str]) -> EmbedAhead | None:
        """A thread embedding `texts` now, or None if the embedder cannot load (sync_index then tells why)."""
        if not texts:
            return None
        try:
            return EmbedAhead(self.embedder, texts)
        except Exception:  # a missing model fails the same way in sync_index, which defers indexing and says so
            log.warning("could not embed an import ahead", exc_info=True)
            return None

    def _offline_facts(self, note_id: str, text: str, at: datetime, notices: list[str]) -> list[ExtractedFact]:
        """The offline rules' facts; a rule that raises is logged with the note id and told once in `notices`."""
        failures: list[ExtractorFailure] = []
        facts = offline_extract(text, at, failures)
        for failure in failures:
            log.error(
                "fact rule %s failed on note %s; the note is kept", failure.extractor, note_id, exc_info=failure.error
            )
        if failures:
            message = "some details could not be read from a note (the note is saved; chet.log names it)"
            if message not in notices:
                notices.append(message)
        return facts

    def _apply_facts(
        self, client: Client, note_id: str, text: str, at: datetime, facts: list[ExtractedFact], rederive: bool = True
    ) -> None:
        """Open or close the note's promises, store its facts with it, and re-derive the client's facts."""
        # Imported here: their rule tables compile on import, and a search never applies facts (~0.05 CPU s).
        from memory.extract_jobs import promises_kept
        from memory.extract_moves import moved_onto

        for fact in facts:
            if fact.kind is FactKind.COMMITMENT:
                if fact.detail.get("status") == "done":
                    part = fact.detail.get("part") == "yes"
                    keys = self._matching_promises(client.id, fact.key, part, fact.detail.get("verb", ""))
                    if "events" in fact.detail:  # "tech came": kept by its event, not the same noun
                        keys = promises_kept(fact.detail, self.ledger.open_commitment_keys(client.id))
                    for key in keys:
                        self.ledger.close_commitments(client.id, key, "done", at)
                else:
                    key, moved = fact.key, fact.detail.get("moved")
                    if moved:  # "push the site visit to dec 18" moves the open "site visit" promise
                        open_keys = self.ledger.open_commitment_keys(client.id)
                        key = moved_onto(key, open_keys)
                        if moved == "reported" and key not in open_keys:
                            continue  # "she moved the board meeting to friday": her meeting, no promise of mine
                    self.ledger.add_commitment(client.id, key, fact.text, fact.due, note_id, at)
                continue
            if fact.kind is FactKind.CONTACT and fact.key == "email":
                # Sending uses the current address, the one the profile shows: an older note imported
                # later is history, not a change of address.
                current = [f for f in self.ledger.facts(client.id) if f.kind is FactKind.CONTACT and f.key == "email"]
                self.ledger.update_client(client.id, email=current[0].value if current else fact.value)
            if fact.key == "cadence" and fact.value.isdigit():
                self.ledger.update_client(client.id, cadence_days=int(fact.value))
        self.ledger.set_note_facts(note_id, dump_facts(f for f in facts if f.kind is not FactKind.COMMITMENT))
        if rederive:
            self.rederive_facts(client.id, latest=note_id)
        self._learn_names(client, text)

    def rederive_facts(
        self, client_id: int, extracted: dict[str, list[ExtractedFact]] | None = None, latest: str | None = None
    ) -> None:
        """Make the client's facts the replay of its notes (memory.projection), in one transaction.

        `extracted` (note id -> facts) replaces the stored extractions first (reindex); a note stored
        before extractions were kept is extracted by the offline rules once. When `latest` (a note just
        added) is the last note in time, only it is folded onto the stored facts: the same result as a
        full replay (tests/test_projection.py checks it), without re-reading a long history's facts.
        """
        with self.ledger.transaction():
            rows = self.ledger.note_facts(client_id)
            last = rows[-1] if rows else None
            if latest and last and last[0] == latest and last[2] is not None and all(r[2] is not None for r in rows):
                kept = self.ledger.facts(client_id, current=None)
                start = [
                    DerivedFact(
                        f.kind,
                        f.key,
                        f.value,
                        f.text,
                        list(f.source_ids),
                        f.valid_from,
                        f.valid_to,
                        f.due,
                        dict(f.detail),
                    )
                    for f in kept
                ]
                folded = replay([NoteFacts(last[0], last[1], tuple(load_facts(last[2])))], start)
                self.ledger.replace_facts(client_id, folded, kept)
                return
            notes: list[NoteFacts] = []
            for note_id, at, stored, text in rows:
                if extracted is not None and note_id in extracted:
                    facts = [f for f in extracted[note_id] if f.kind is not FactKind.COMMITMENT]
                    self.ledger.set_note_facts(note_id, dump_facts(facts))
                elif stored is None:
                    facts = [f for f in offline_extract(text, at) if f.kind is not FactKind.COMMITMENT]
                    self.ledger.set_note_facts(note_id, dump_facts(facts))
                else:
                    facts = load_facts(stored)
                notes.append(NoteFacts(note_id, at, tuple(facts)))
            self.ledger.replace_facts(client_id, replay(notes))

    def archived_promises(self, client: Client | None = None) -> list[Commitment]:
        """Promises archived by an import (already long overdue then): to confirm or drop."""
        return self.ledger.commitments(client.id if client else None, status="archived")

    def confirm_promise(self, commitment_id: int, due: date) -> bool:
        """Keep an archived promise: it is open again, due on `due`."""
        with self.ledger.transaction():
            done = self.ledger.set_commitment_status(commitment_id, "open", due)
            if done:
                self.ledger.audit("commitment.confirmed", commitment_id=commitment_id, due=due.isoformat())
        return done

    def drop_promise(self, commitment_id: int) -> bool:
        """Drop a promise (an archived one the salesperson no longer owes)."""
        with self.ledger.transaction():
            done = self.ledger.set_commitment_status(commitment_id, "dropped")
            if done:
                self.ledger.audit("commitment.dropped", commitment_id=commitment_id)
        return done

    def contact_channels(self, client: Client) -> ContactChannels:
        """How the client may be reached: allowed channels (preferred first), closed ones, the preferred one."""
        return contact_channels(self.ledger.facts(client.id, current=True))

    def derived_facts(self, client_id: int) -> list[Fact]:
        """The client's facts as a fresh replay of its stored extractions gives them (for checks and tests)."""
        notes = [
            NoteFacts(note_id, at, tuple(load_facts(stored) if stored else ()))
            for note_id, at, stored, _ in self.ledger.note_facts(client_id)
        ]
        return [
            Fact(
                0,
                client_id,
                d.kind,
                d.key,
                d.value,
                d.text,
                tuple(d.source_ids),
                d.valid_from,
                d.valid_to,
                d.due,
                d.detail,
            )
            for d in replay(notes)
        ]

    def _matching_promises(self, client_id: int, done_key: str, part: bool = False, verb: str = "") -> list[str]:
        """Open promise keys that a "sent the pricing sheet to Dana" report fulfils (same object words).

        `verb`: the word that reported it done ("replaced"); a promise named by its noun ("replacements") fits it too.
        """
        done_words = set(re.split(r"[:_]", done_key)) - {"promise", "to", "for", "her", "him", "them"}
        stem = re.sub(r"(?:ed|d)$", "", verb) if len(verb) >= 6 else ""
        matches, partial = [], []
        for key in self.ledger.open_commitment_keys(client_id):
            words = set(re.split(r"[:_]", key)) - {"promise"}
            if key == done_key or (words and words <= done_words):
                matches.append(key)
            elif part and ((done_words and done_words <= words) or (stem and any(w.startswith(stem) for w in words))):
                partial.append(key)
        # "visit done" names part of "site visit": it closes the one open promise it fits, never a guess among two
        return matches or (partial if len(partial) == 1 else [])

    def _learn_names(self, client: Client, text: str) -> None:
        speaker = transcript_speaker(text, client.name)
        if speaker:
            self.ledger.add_alias(client.id, speaker, names.normalize(speaker), "speaker")
        m = _GOES_BY.search(text)
        if m and m.group(1).casefold() not in {"him", "her", "them"}:
            self.ledger.update_client(client.id, goes_by=m.group(1))
            self.ledger.add_alias(client.id, m.group(1), names.normalize(m.group(1)), "goes_by")
        m = _FORMAL.search(text)
        if m:
            self.ledger.update_client(client.id, formal_name=m.group(1))
            self.ledger.add_alias(client.id, m.group(1), names.normalize(m.group(1)), "formal")
        if client.company is None:
            m = _COMPANY.search(text)
            company = m.group(1) if m and names.normalize(m.group(1)) not in {"the", "a"} else None
            company = company or _company_beside(text, client)
            if company:
                self.ledger.update_client(client.id, company=company)
                self.ledger.add_alias(client.id, company, names.normalize(company), "company")

    def _learn_speakers(self, client: Client) -> None:
        """Remember the speakers of every transcript line of a client (a ledger written before they were kept)."""
        found = (transcript_speaker(row[3], client.name) for row in self.ledger.note_rows(client.id))
        for speaker in dict.fromkeys(s for s in found if s):
            self.ledger.add_alias(client.id, speaker, names.normalize(speaker), "speaker")

    def _refresh_context(self, client_id: int, changed: set[int] | None = None) -> None:
        """Link each changed note (and its neighbours) to the previous and next note of the client.

        The text of the CONTEXT_NOTES notes before and after a note is its lexical context: answers
        often span notes ("Did you stand on the board?" / "Twice!"), and the topic of a chat
        exchange is often named two lines up ("I took the boat out fishing!" / "Any luck?" /
        "Three bass and a boot"). Two on each side: +0.01-0.015 recall@10 on the chat sets over
        one, sales unchanged (tune seeds). Only the changed notes and the notes whose context
        holds them are rewritten, so adding one note to a long history stays cheap.
        """
        rows = self.ledger.note_rows(client_id)
        position = {row[0]: i for i, row in enumerate(rows)}
        reach = CONTEXT_NOTES
        if changed is None:
            touched = set(range(len(rows)))
        else:
            touched = set()
            for rowid in changed:
                if rowid in position:
                    i = position[rowid]
                    touched.update(j for j in range(i - reach, i + reach + 1) if 0 <= j < len(rows))
        updates = []
        for i in sorted(touched):
            prev = rows[i - 1] if i > 0 else None
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            before = "\n".join(r[3] for r in rows[max(0, i - reach) : i])
            after = "\n".join(r[3] for r in rows[i + 1 : i + 1 + reach])
            context = f"{before}\n{after}"
            updates.append((rows[i][0], prev[0] if prev else None, nxt[0] if nxt else None, context))
        self.ledger.set_neighbours(updates)

    def undo_last(self) -> Note | None:
        """Delete the salesperson's most recent note (by creation); returns it."""
        latest = self.ledger.latest_note_id()
        return None if latest is None else self.undo_note(latest)

    def undo_note(self, note_id: str) -> Note | None:
        """Delete one note by id as undo does (facts it superseded come back); returns it, None if gone."""
        rowid = self.ledger.note_rowid(note_id)
        if rowid is None:
            return None
        note = self.ledger.notes_by_rowid([rowid])[rowid]
        prev, nxt = self.ledger.neighbours([rowid]).get(rowid, (None, None))
        with self.ledger.transaction():
            self.ledger.delete_note(note.id)
            self._refresh_context(note.client_id, {r for r in (prev, nxt) if r is not None})
            self.rederive_facts(note.client_id)  # what the undone note superseded is current again
            self.ledger.audit("note.undone", note_id=note.id)
        self._safe_index_delete([rowid])
        return note

    # -- index ---------------------------------------------------------------------------

    def sync_index(
        self, notices: list[str], batch: int = 512, known: dict[str, NDArray[np.float32]] | None = None
    ) -> int:
        """Embed and index every note not yet in the vector index; returns how many were added.

        `known`: vectors already embedded, by text; each distinct text is embedded once per call.
        """
        added = 0
        known = {} if known is None else known
        try:
            index = self.index
            while True:
                rows = self.ledger.unindexed(batch)
                if not rows:
                    break
                vectors = embed_known(self.embedder, [r[1] for r in rows], known)
                index.add([r[0] for r in rows], vectors, [r[2] for r in rows])
                with self.ledger.transaction():
                    self.ledger.mark_indexed([r[0] for r in rows])
                added += len(rows)
        except ChetError as err:
            notices.append(f"{err}; the note is saved and will be indexed later")
            log.warning("indexing deferred: %s", err)
        except Exception as err:  # Chroma and onnxruntime raise their own errors; the note is safe either way
            notices.append("the search index could not be updated; the note is saved and will be indexed later")
            log.warning("indexing deferred: %s", err, exc_info=True)
        return added

    def reindex(self) -> int:
        """Rebuild this salesperson's vector index, every note's lexical context and its facts from the ledger.

        Returns the number of notes indexed. The lexical context is rebuilt too, so a ledger written
        by an older Chet (one neighbour on each side) gets today's CONTEXT_NOTES, and the speakers of
        its transcript lines are learned. Facts are re-derived with today's extractor (history kept).
        """
        try:
            self.index.drop()
        except Exception:  # a corrupted store: start it afresh (the ledger holds every note)
            log.warning("the vector index could not be opened; recreating it from the ledger", exc_info=True)
            self._index = None
            if self.index_dir is not None and self.index_dir.exists():
                shutil.rmtree(self.index_dir)
            self.index.drop()
        clients = self.ledger.clients()
        # Today's extractor over every note (outside the write transaction: a model may be slow).
        extracted = {
            client.id: {
                note_id: self._whose_dates(
                    client, self._extract(note_id, without_leading_name(text, client.name), at, [])
                )
                for note_id, at, _, text in self.ledger.note_facts(client.id)
            }
            for client in clients
        }
        with self.ledger.transaction():
            self.ledger.mark_all_unindexed()
            for client in clients:
                self._refresh_context(client.id)
                self._learn_speakers(client)
                self.rederive_facts(client.id, extracted[client.id])
        self._index = None
        notices: list[str] = []
        self.sync_index(notices)
        if notices:
            raise ChetError(notices[0])
        return self.ledger.count_indexed()

    def _safe_index_delete(self, rowids: list[int]) -> None:
        try:
            self.index.delete(rowids)
        except Exception:  # the ledger is the truth; a stale vector is filtered out at query time
            log.warning("could not delete vectors; they will be ignored", exc_info=True)

    # -- recall --------------------------------------------------------------------------

    def search(self, query: str, k: int = 10, client: Client | None = None) -> list[SearchHit]:
        """Hybrid recall, best first: exactly min(k, notes in scope) hits, no score cut-off.

        Without `client`, a query that names exactly one client ("what does Dana Lee want")
        ranks that client's notes first; the rest of the k come from everyone's notes.
        """
        if k <= 0:
            return []
        known = self.client_names()
        named = None if client else known.find(query)
        hits = self._ranked(query, k, client or named, known)
        if named is not None and len(hits) < k:
            seen = {h.note.id for h in hits}
            hits += [h for h in self._ranked(query, k, None, known) if h.note.id not in seen][: k - len(hits)]
        return hits

    def client_names(self) -> ClientNames:
        """The clients' names and speakers, re-read only when a client or an alias was added: used on every search."""
        token = self.ledger.clients_version()
        if self._clients_cache is None or self._clients_cache[0] != token:
            self._clients_cache = (token, ClientNames(self.ledger.clients(), self.ledger.speakers()))
        return self._clients_cache[1]

    def _ranked(self, query: str, k: int, client: Client | None, known: ClientNames) -> list[SearchHit]:
        """The top min(k, in scope) hits of one scope; the scope's names and speakers are no search terms."""
        client_id = client.id if client else None
        pool = max(k * 3, self.weights.pool)
        in_scope = self.ledger.count_notes_upto(client_id, pool)  # a full count costs 2 ms at 100k notes
        if in_scope == 0:
            return []
        drop = known.names_of(client) if client else ()
        sides: dict[str, Any] = {}
        fused = self._fused(query, pool, min(pool, in_scope), client_id, drop, sides)
        w = self.weights
        parts = query_parts(query, w.pairs) if w.split > 0 else []
        searched = [self._fused(p, pool, min(pool, in_scope), client_id, drop) for p in parts]
        fused = combine_parts(fused, searched, w.split, w.split_method)
        notes = self.ledger.notes_by_rowid([r for r, _ in fused])  # one read; a stale vector finds no note
        fused = rerank(query, fused, notes, self.ledger, self.weights)
        if "vector" in sides:  # the dense side worked: the index is up
            fused = learned_order(query, fused, notes, sides, self.ledger, self.index, drop, w.learned)
        fused = time_order(query, fused, notes, w, lambda: self._first_note(client_id))
        ranked = [(r, s) for r, s in fused if r in notes][:k]
        if len(ranked) < k:
            extra = self.ledger.recent_rowids(client_id, k - len(ranked), {r for r, _ in ranked})
            notes.update(self.ledger.notes_by_rowid(extra))
            ranked += [(r, 0.0) for r in extra]
        return [SearchHit(note=notes[r], score=round(s, 6)) for r, s in ranked]

    def _fused(
        self, query: str, pool: int, dense_k: int, client_id: int | None, drop: Any, sides: dict[str, Any] | None = None
    ) -> list[tuple[int, float]]:
        """Lexical and dense candidates of one scope, fused; the scope's names are no search terms.

        `sides`, when given, receives what the learned reranker reads: the lexical list, its
        coverage of the query, and the dense side's query vector.
        """
        terms = query_terms(query, drop=drop)
        lexical = self.ledger.fts_search(fts_expression(terms), client_id, pool)
        dense = self._dense(without_names(query, drop) if drop else query, dense_k, client_id, sides)
        weights = self.weights
        coverage = 1.0
        if weights.coverage > 0 and lexical:
            top = self.ledger.notes_by_rowid([r for r, _ in lexical[:COVERAGE_TOP]])
            coverage = lexical_coverage(terms, (n.text for n in top.values()))
            weights = lexical_weight(weights, coverage)
        if sides is not None:
            sides.update(lexical=lexical, coverage=coverage if lexical else 0.0)
        return fuse(lexical, dense, weights)

    def _first_note(self, client_id: int | None) -> tuple[int, Note] | None:
        """The rowid and note a client's history starts with (None without one client in scope)."""
        rows = self.ledger.note_times(client_id)[:1] if client_id is not None else []
        found = self.ledger.notes_by_rowid([rows[0][0]]) if rows else {}
        return next(iter(found.items()), None)

    def _chat_previous(self, client_id: int, scope: list[int]) -> dict[int, int | None]:
        """Chat line -> the chat line before it (often the question it answers).

        Only transcript lines ("Caroline: ...") get a dense context: the note before a sales note
        is another meeting, and mixing it in lowered recall on the sales set. Cached per scope.
        """
        key = (client_id, tuple(scope))
        cached = self._previous_cache.get(key)
        if cached is not None:
            return cached
        rows = self.ledger.note_rows(client_id)  # oldest first: each row's predecessor is the line before
        out: dict[int, int | None] = {}
        for before, row in itertools.pairwise(rows):
            if speaker_of(row[3]) and speaker_of(before[3]):
                out[row[0]] = before[0]
        if len(self._previous_cache) >= 16:
            self._previous_cache.pop(next(iter(self._previous_cache)))
        self._previous_cache[key] = out
        return out

    def _sessions(self, client_id: int, scope: list[int]) -> dict[int, int]:
        """Note rowid -> session number in one client's scope (see recall.number_sessions); the last scope's kept."""
        key = (client_id, len(scope), scope[-1])
        if self._sessions_cache is None or self._sessions_cache[0] != key:
            self._sessions_cache = (key, number_sessions(self.ledger.note_times(client_id)))
        return self._sessions_cache[1]

    def _dense(
        self, query: str, k: int, client_id: int | None, sides: dict[str, Any] | None = None
    ) -> list[tuple[int, float]]:
        notices: list[str] = []
        self.sync_index(notices)  # picks up notes whose indexing was deferred
        try:
            vector = self.embedder.embed([query])[0]
            deletions = self.ledger.deletions()
            if deletions != self._deletions_seen:  # notes were deleted (maybe elsewhere): a rowid may be reused
                self.index.forget_held()
                self._previous_cache.clear()
                self._sessions_cache = None
                self._deletions_seen = deletions
            scope = self.ledger.client_rowids(client_id) if client_id is not None else None
            # A one-shot search ranks from the vector file; a process with Chroma open asks its HNSW (faster).
            one_shot = scope is None and not self.index.connected
            if one_shot and self.ledger.count_notes_upto(None, EXACT_SCOPE + 1) <= EXACT_SCOPE:
                scope = self.ledger.client_rowids(None)
            previous = None
            if client_id is not None and scope is not None and self.weights.window > 0:
                previous = self._chat_previous(client_id, scope)
            w = self.weights
            # Sessions within one client's scope only: numbering every client's notes costs a whole-scope search ~0.1 s.
            sessions = self._sessions(client_id, scope) if w.session > 0 and client_id is not None and scope else None
            found = self.index.query(vector, k, client_id, scope, previous, w.window, sessions, w.session)
            if sides is not None:  # only a working dense side gives the learned order its vectors
                sides["vector"] = vector
            return found
        except Exception as err:  # the dense side degrades to lexical-only, with a warning
            self.warnings.append("the vector index is unavailable; results are from keyword search only")
            log.warning("dense recall failed: %s", err, exc_info=True)
            return []

    # -- the salesperson ---------------------------------------------------------------------

    def zone(self) -> ZoneInfo:
        """The salesperson's time zone: CHET_TZ when set for CHET_USER, else their own, else UTC."""
        return zone(self.ledger.salesperson().get("tz") or "UTC")

    def salespeople(self) -> list[Salesperson]:
        """Every salesperson in this ledger (id, name, tz, digest_time)."""
        return [Salesperson(**row) for row in self.ledger.salespeople()]

    def log_llm(self, entry: dict[str, Any]) -> None:
        """Keep one LLM exchange (prompt, response, tokens, latency) in the ledger: `chet log` shows them."""
        self.ledger.log_llm(entry)

    def llm_log(self, limit: int) -> list[LlmExchange]:
        """The latest `limit` LLM exchanges, newest first."""
        return [LlmExchange(**row) for row in self.ledger.llm_log(limit)]

    def sqlite(self) -> SqliteDatabase | None:
        """The SQLite ledger (backup and restore copy its pages), or None on PostgreSQL."""
        return self.ledger.db if isinstance(self.ledger.db, SqliteDatabase) else None

    # -- drafts and messages ------------------------------------------------------------------

    def client(self, client_id: int) -> Client | None:
        """This salesperson's client by id, or None (forgotten)."""
        return self.ledger.client(client_id)

    def draft(self, draft_id: str) -> DraftRecord | None:
        """One of this salesperson's drafts, or None."""
        row = self.ledger.draft(draft_id)
        return None if row is None else _draft_record(row)

    def move_draft(self, draft_id: str, expected: str, status: str, event: str, **detail: Any) -> bool:
        """Move a draft from status `expected` to `status`, audited as `event`; False (nothing written) if it was not."""
        with self.ledger.transaction():
            if not self.ledger.set_draft_status(draft_id, expected, status):
                return False
            self.ledger.audit(event, draft_id=draft_id, **detail)
        return True

    def update_draft(self, draft: DraftRecord, event: str, **detail: Any) -> None:
        """Save a draft's new text, verdict or findings, audited as `event`."""
        with self.ledger.transaction():
            self.ledger.save_draft(_draft_row(draft))
            self.ledger.audit(event, draft_id=draft.id, **detail)

    def record_sent(self, client: Client, draft_id: str, text: str, channel: str) -> None:
        """An approved message: contact with the client now (last contact, frequency), audited."""
        with self.ledger.transaction():
            self.ledger.record_message(client.id, draft_id, text, channel, now_utc())
            self.ledger.audit("message.sent", draft_id=draft_id, channel=channel)

    # -- what the bot reads and writes (bot/ goes through these, never through the ledger) -------

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction for several steps (nested calls join it): all of them are kept, or none."""
        return self.ledger.transaction()

    def clients(self) -> list[Client]:
        """This salesperson's clients."""
        return self.ledger.clients()

    def notes(self, client_id: int | None = None, limit: int | None = None, newest_first: bool = True) -> list[Note]:
        """Notes by when they happened (newest first unless told): one client's, or every client's with None."""
        return self.ledger.notes(client_id, limit=limit, newest_first=newest_first)

    def count_notes(self, client_id: int | None = None) -> int:
        """How many notes one client (or, with None, this salesperson) has."""
        return self.ledger.count_notes(client_id)

    def notes_by_id(self, note_ids: Iterable[str]) -> dict[str, Note]:
        """The notes with these ids that still exist, by id (a forgotten or undone note is left out)."""
        rowids = {i: self.ledger.note_rowid(i) for i in note_ids}
        found = self.ledger.notes_by_rowid([r for r in rowids.values() if r is not None])
        return {i: found[r] for i, r in rowids.items() if r is not None and r in found}

    def facts(self, client_id: int | None = None, current: bool | None = True) -> list[Fact]:
        """Facts of one client (None: every client): current ones, superseded ones (False) or all (None)."""
        return self.ledger.facts(client_id, current=current)

    def commitments(self, client_id: int | None = None, status: str | None = "open") -> list[Commitment]:
        """Promises of one client (None: every client) with this status (None: any status)."""
        return self.ledger.commitments(client_id, status=status)

    def promise_closed_at(self, commitment_id: int) -> datetime | None:
        """When a promise was closed (done, dropped, archived), or None while it is open."""
        return self.ledger.closed_at(commitment_id)

    def mark_promise_done(self, commitment_id: int) -> None:
        """A promise kept: done, audited."""
        with self.ledger.transaction():
            self.ledger.set_commitment_status(commitment_id, "done")
            self.ledger.audit("commitment.done", commitment_id=commitment_id)

    def snooze_promise(self, commitment_id: int, due: date) -> None:
        """A promise put off until `due`, audited."""
        with self.ledger.transaction():
            self.ledger.snooze_commitment(commitment_id, due)
            self.ledger.audit("commitment.snoozed", commitment_id=commitment_id, due=due.isoformat())

    def last_contact(self, client_id: int) -> datetime | None:
        """The latest logged contact with a client (a note, or an approved message)."""
        return self.ledger.last_contact(client_id)

    def message_times(self, client_id: int) -> list[datetime]:
        """When approved messages went to a client (the guard's frequency check reads them)."""
        return self.ledger.message_times(client_id)

    def cadence_days(self, client_id: int) -> int | None:
        """How often the salesperson keeps in touch with this client, if they said."""
        return self.ledger.cadence_days(client_id)

    def set_cadence(self, client_id: int, days: int) -> None:
        """Keep in touch with this client every `days` days, audited."""
        with self.ledger.transaction():
            self.ledger.update_client(client_id, cadence_days=days)
            self.ledger.audit("client.cadence", client_id=client_id, days=days)

    def salesperson(self) -> Salesperson:
        """This salesperson's own settings: name (the drafts' sign-off), tz, digest_time."""
        return Salesperson(**self.ledger.salesperson())

    def update_salesperson(self, **fields: str | None) -> None:
        """Change this salesperson's settings (name, tz, digest_time)."""
        self.ledger.update_salesperson(**fields)

    def drafts(self, status: str | None = None) -> list[DraftRecord]:
        """This salesperson's draft records, newest first, with this status (None: all)."""
        return [_draft_record(row) for row in self.ledger.drafts(status)]

    def save_new_draft(self, draft: DraftRecord, **detail: Any) -> None:
        """Keep a new draft record, audited as `draft.created` with `detail`."""
        with self.ledger.transaction():
            self.ledger.save_draft(_draft_row(draft))
            self.ledger.audit("draft.created", draft_id=draft.id, **detail)

    def change_token(self) -> object | None:
        """A value that moves with any write to this ledger by anyone (None where the engine has no cheap one)."""
        return self.ledger.db.change_token()

    def audit(self, event: str, **detail: Any) -> None:
        """Write one event to the audit trail (e.g. `text.checked`)."""
        with self.ledger.transaction():
            self.ledger.audit(event, **detail)

    def meta(self, key: str) -> str | None:
        """A small value this salesperson's bot keeps (e.g. the inbox, the last digest day)."""
        return self.ledger.meta(key)

    def set_meta(self, key: str, value: str) -> None:
        """Keep a small value for this salesperson's bot."""
        self.ledger.set_meta(key, value)

    def digest_sent(self, day: str, keys: Iterable[str]) -> set[str]:
        """Which of these digest items went out on `day`."""
        return self.ledger.digest_sent(day, keys)

    def digest_sent_before(self, day: str, keys: Iterable[str]) -> set[str]:
        """Which of these digest items went out on a day before `day`."""
        return self.ledger.digest_sent_before(day, keys)

    def mark_digest_sent(self, day: str, keys: Iterable[str]) -> None:
        """Record these digest items as sent on `day`."""
        self.ledger.mark_digest_sent(day, keys)

    def unmark_digest_sent(self, day: str, keys: Iterable[str]) -> None:
        """Forget that these digest items were sent on `day` (the message could not go out)."""
        with self.ledger.transaction():
            self.ledger.unmark_digest_sent(day, keys)

    def conversation_state(self) -> str | None:
        """The chat's saved state for this salesperson (JSON), if any."""
        return self.ledger.conversation_state()

    def save_conversation_state(self, state: str | None) -> None:
        """Save the chat's state (None: nothing to remember)."""
        self.ledger.save_conversation_state(state)

    def conversation_lock(self) -> AbstractContextManager[None]:
        """A lock across bot workers: one message of this salesperson handled at a time."""
        return self.ledger.conversation_lock()

    # -- profile, forget, export ---------------------------------------------------------

    def client_profile(self, client: Client) -> Profile:
        """Current facts, superseded history, promises still owed and last contact of one client."""
        return Profile(
            client=client,
            facts=self.ledger.facts(client.id, current=True),
            history=self.ledger.facts(client.id, current=False),
            # archived ones (long overdue when imported) are still owed until confirmed or dropped
            commitments=[*self.ledger.commitments(client.id), *self.ledger.commitments(client.id, status="archived")],
            last_contact=self.ledger.last_contact_raw(client.id),
            notes=self.ledger.count_notes(client.id),
        )

    def export(self) -> LedgerExport:
        """Everything the ledger holds for this salesperson (bot/documents.py makes the JSON document)."""
        tables = self.ledger.export()
        return LedgerExport(Salesperson(**tables.pop("salesperson")), **tables)

    def merge_clients(self, source: Client, target: Client) -> int:
        """Make `source` part of `target` (one person filed twice): notes, promises, drafts and messages move,
        the source's names become the target's aliases, facts are replayed from the joined notes; returns how many
        notes moved."""
        with self.ledger.transaction():
            rowids = self.ledger.merge_clients(source.id, target.id)
            self._refresh_context(target.id)
            self.rederive_facts(target.id)
            self.ledger.audit("client.merged", client_id=target.id, merged=source.name, notes=len(rowids))
        self._safe_index_delete(rowids)
        self.sync_index([])
        return len(rowids)

    def forget(self, client: Client) -> None:
        """Erase a client everywhere: the ledger (LLM log included), the index and their voice recordings."""
        with self.ledger.transaction():
            audio = self.ledger.client_audio_paths(client.id)
            rowids = self.ledger.forget_client(client.id)
            self.ledger.audit("client.forgotten", client_id=client.id, notes=len(rowids))
        self.ledger.checkpoint()  # secure_delete zeroed the pages; the WAL's old copies go too
        self._safe_index_delete(rowids)
        for path in audio:
            recording = Path(path).resolve()
            if self.audio_dir is None or not recording.is_relative_to(self.audio_dir.resolve()):
                continue  # only Chet's own recordings: a path in the ledger never names another file to delete
            try:
                recording.unlink(missing_ok=True)
            except OSError:
                log.warning("could not delete a forgotten client's recording %s", recording.name)


def open_memory(
    data_dir: Path,
    user: str,
    embedder_factory: EmbedderFactory,
    chroma_host: str | None = None,
    chroma_port: int = 8000,
    extractor: Extractor = offline_extract,
    tz: str = "UTC",
    digest_time: str = "08:00",
    database_url: str | None = None,
    zone_override: str | None = None,
) -> Memory:
    """Open one salesperson's memory: the ledger (data_dir/ledger.sqlite3, or PostgreSQL at
    `database_url`) and the vector index (data_dir/chroma, or the Chroma server).

    `tz` is a new salesperson's zone; `zone_override`, when given, is this salesperson's zone whatever
    they saved (CHET_TZ set explicitly, for CHET_USER: docs/settings.md).
    """
    db = connect(data_dir / "ledger.sqlite3", url=database_url)
    ledger = Ledger(db, user, zone_override)
    ledger.ensure_salesperson(tz, digest_time)
    ledger_id = ledger.instance_id()

    def index_factory(embedder_name: str) -> VectorIndex:
        return VectorIndex.open(
            user, embedder_name, path=data_dir / "chroma", host=chroma_host, port=chroma_port, ledger_id=ledger_id
        )

    memory = Memory(ledger, index_factory, embedder_factory, extractor)
    memory.index_dir = None if chroma_host else data_dir / "chroma"
    memory.audio_dir = data_dir / "audio"
    return memory


def _draft_record(row: dict[str, Any]) -> DraftRecord:
    """A draft row as the ledger keeps it (findings as JSON objects; early ones lack span or verdict), typed."""
    findings = tuple(
        StoredFinding(f["kind"], f.get("span") or "", f["message"], tuple(f.get("sources") or ()), f.get("verdict", ""))
        for f in row["findings"] or []
    )
    return DraftRecord(
        id=str(row["id"]),
        client_id=row["client_id"],
        purpose=row["purpose"],
        text=row["text"],
        verdict=row["verdict"],
        findings=findings,
        sources=tuple(row["sources"] or ()),
        engine=row["engine"],
        status=row["status"],
        prompt_tokens=row["prompt_tokens"] or 0,
        created_at=from_iso(str(row["created_at"])) if row["created_at"] else None,
        decided_at=from_iso(str(row["decided_at"])) if row["decided_at"] else None,
    )


def _draft_row(draft: DraftRecord) -> dict[str, Any]:
    """A draft record as the ledger's row: findings as JSON objects, times as ISO strings (a new draft: now)."""
    row = asdict(draft)
    row.update(
        created_at=iso(draft.created_at or now_utc()),
        decided_at=iso(draft.decided_at) if draft.decided_at else None,
    )
    return row
