"""The conversation with a salesperson, independent of the channel: Telegram and the console are thin adapters."""

from __future__ import annotations

import atexit
import difflib
import json
import logging
import re
import threading
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import sleep
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat.callbacks import Callback, parse_callback
from bot.chat.inbox import add_to_inbox, drop_from_inbox, find_in_inbox, inbox_items
from bot.chat.reply import MAX_CALLBACK_BYTES, Button, Reply, client_rows
from bot.chat.routing import (
    CONTINUE_WINDOW,
    CONTINUING_PRONOUNS,
    PURPOSE_LEAD,
    Route,
    RouteReply,
    bare_name,
    client_in_note,
    look_alikes,
    new_client_name,
    route,
    split_target,
)
from bot.chat.state import MAX_SOURCE_IDS, MAX_SOURCES_KEPT, Choice, PendingNote, State
from bot.chat.texts import (
    HELP,
    STALE,
    START,
    VERDICT_LINES,
    clip,
    fact_summary,
    label,
    long_day,
    phone_lines,
    plural,
    sentence,
    short_day,
    strip_ids,
)
from bot.chat.words import SmallTalk, small_talk
from bot.runtime import Runtime
from bot.voice import ENABLE_HINT, MAX_AUDIO_BYTES, Transcriber, build_transcriber
from memory.errors import AmbiguousClient, BadInput, ChetError, UnknownClient
from memory.records import Client
from memory.service import Memory, NoteInput, Stored, check_text
from memory.timeutil import from_iso, now_utc, zone

# The conversation core; its parts live in bot/chat/ and are re-exported here for the front ends and tests.
__all__ = [
    "MAX_CALLBACK_BYTES",
    "STALE",
    "START",
    "Button",
    "Callback",
    "Choice",
    "Conversation",
    "PendingNote",
    "Reply",
    "Route",
    "State",
    "parse_callback",
    "route",
]

log = logging.getLogger(__name__)

INDEX_DEBOUNCE_S = 0.3  # background indexing waits this long so a burst of notes is written at once
SNOOZE_DAYS = 3  # a digest promise snoozed from its button comes back this many days later
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates: JSON can carry them, UTF-8 (and SQLite) cannot
BROKEN_TEXT = "I couldn't read that message: it holds broken characters (not valid text). Please type it again."


PLAIN_WHAT = {"message", "email", "note", "draft", "mail", "something", "reply", "text", "line", "quick note"}
WHO_IS = re.compile(
    r"^(?:who(?:'s|s| is)|tell me about|what do (?:i|we) know about|remind me (?:who|about))\s+(?P<name>[^?]{1,80}?)\s*\??$",
    re.I,
)  # a question about a whole client, answered by the card
MOVE_NOTE = re.compile(
    r"^(?:(?:oops|sorry|wait|no|nope|argh)\b[\s,!.:;—–-]*)*"
    r"(?:(?:that|this|it|the last (?:one|note))(?:'s|\s+(?:was|is))\s+(?:meant\s+|supposed\s+to\s+be\s+)?(?:for|about)|"
    r"wrong client[\s,!.:;—–-]*(?:it'?s|it was|should be|meant|for)?)\s+(?P<name>\S.{0,80})$",
    re.I | re.S,
)  # a slip corrected: the last note (or the one waiting) belongs to another client
MAX_FINDINGS_SHOWN = 3  # the rest are in --json; a phone shows the first few
MAX_PROFILE_FACTS = 10  # a profile card stays one screen; /export has everything
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


def _when_sent(moment: datetime, tz: ZoneInfo) -> str:
    """ "today 09:14", or the day for older ones."""
    local = moment.astimezone(tz)
    if local.date() == now_utc().astimezone(tz).date():
        return f"today {local.strftime('%H:%M')}"
    return long_day(local.date())


class Conversation:
    """One conversation core for every channel: text, button taps and voice notes in, replies out."""

    def __init__(self, runtime: Runtime, transcriber: Transcriber | str | None = "auto"):
        self.runtime = runtime
        self.transcriber: Transcriber | None = (
            build_transcriber(runtime.settings) if isinstance(transcriber, str) else transcriber
        )
        self._states: dict[str, State] = {}
        self._locks: dict[str, threading.RLock] = {}
        self._guard = threading.Lock()
        # Telegram turns this on: the note is confirmed first and embedded right after, under the user's lock.
        self.background_index = False
        self._index_pending: set[str] = set()
        self._index_wakeup = threading.Condition()
        self._indexer: threading.Thread | None = None
        self._index_stop = False

    # -- plumbing ------------------------------------------------------------------------

    def _lock(self, user: str) -> threading.RLock:
        with self._guard:
            return self._locks.setdefault(user, threading.RLock())

    def _state(self, user: str) -> State:
        with self._guard:
            return self._states.setdefault(user, State())

    def _memory(self, user: str) -> Memory:
        return self.runtime.memory(user)

    def tz(self, user: str) -> ZoneInfo:
        """The salesperson's own time zone (from their settings)."""
        return zone(self._memory(user).ledger.salesperson().get("tz") or self.runtime.settings.chet_tz)

    def schedule(self, user: str) -> tuple[ZoneInfo, time]:
        """When this salesperson's digest goes out: (time zone, local time)."""
        with self._lock(user):
            sp = self._memory(user).ledger.salesperson()
        m = _TIME.match(str(sp.get("digest_time") or self.runtime.settings.chet_digest_time))
        at = time(int(m.group(1)), int(m.group(2))) if m else time(8, 0)
        return zone(sp.get("tz") or self.runtime.settings.chet_tz), at

    def _queue_index(self, user: str) -> None:
        """Index this user's new notes soon, on one background thread.

        A Chroma write costs ~30 ms whatever its size, so notes that arrive close together are
        embedded and written in one batch; the confirmation never waits for it.
        """
        with self._index_wakeup:
            self._index_pending.add(user)
            if self._indexer is None or not self._indexer.is_alive():
                self._indexer = threading.Thread(target=self._index_loop, daemon=True, name="chet-index")
                self._indexer.start()
                # Stop it before the interpreter goes: a thread killed inside onnxruntime aborts the process.
                atexit.register(self.close)
            self._index_wakeup.notify()

    def close(self) -> None:
        """Finish pending background indexing and stop its thread (call at shutdown)."""
        with self._index_wakeup:
            self._index_stop = True
            self._index_wakeup.notify()
            indexer = self._indexer
        if indexer is not None:
            indexer.join(timeout=30)

    def _index_loop(self) -> None:
        while True:
            with self._index_wakeup:
                while not self._index_pending and not self._index_stop:
                    self._index_wakeup.wait()
                stopping = self._index_stop
            if not stopping:
                sleep(INDEX_DEBOUNCE_S)  # let a burst of notes gather into one batch
            with self._index_wakeup:
                users, self._index_pending = self._index_pending, set()
            for user in users:
                with self._lock(user):
                    try:
                        self._memory(user).sync_index([])
                    except Exception:  # the notes are safe in the ledger; search indexes them later
                        log.warning("background indexing failed", exc_info=True)
            if stopping:
                return

    def _safely(self, user: str, work: Any, *args: Any) -> list[Reply]:
        with self._lock(user), self._across_workers(user):
            before = self._load_state(user)
            try:
                replies: list[Reply] = work(user, *args)
                return replies
            except ChetError as err:
                return [Reply(sentence(str(err)))]
            finally:
                self._save_state(user, before)

    @contextmanager
    def _across_workers(self, user: str) -> Iterator[None]:
        """One message of a salesperson at a time across bot workers: state is loaded, changed, saved whole."""
        with ExitStack() as stack:
            try:
                stack.enter_context(self._memory(user).ledger.conversation_lock())
            except Exception:  # no ledger or no lock: this worker alone still serialises the user's messages
                log.warning("could not take the conversation lock", exc_info=True)
            yield

    def _load_state(self, user: str) -> str | None:
        """Take the state from the ledger: another worker may have handled this user's last message."""
        try:
            saved = self._memory(user).ledger.conversation_state()
        except Exception:  # the ledger is unreachable: keep what this worker knows
            log.warning("could not load the conversation state", exc_info=True)
            return None
        with self._guard:
            self._states[user] = State.from_json(saved) if saved else State()
        return saved

    def _save_state(self, user: str, before: str | None) -> None:
        """Write the state back when this message changed it."""
        after = self._state(user).to_json()
        if after == before:
            return
        try:
            self._memory(user).ledger.save_conversation_state(after)
        except Exception:  # never lose the reply over this; the next message may ask again
            log.warning("could not save the conversation state", exc_info=True)

    # -- entry points --------------------------------------------------------------------

    def handle_text(self, user: str, text: str) -> list[Reply]:
        """A typed message: a command, an edit in progress, a client name we asked for, or routed text."""
        return self._safely(user, self._text, text)

    def handle_callback(self, user: str, data: str) -> list[Reply]:
        """A button tap; stale, repeated or forged data gets a short harmless answer."""
        return self._safely(user, self._callback, data)

    def handle_voice(
        self, user: str, audio: bytes, duration_s: float | None = None, mime: str = "audio/ogg"
    ) -> list[Reply]:
        """A voice note: saved first, then transcribed and filed as a note."""
        return self._safely(user, self._voice, audio, duration_s, mime)

    def handle_unsupported(self, user: str, kind: str) -> list[Reply]:
        """Media Chet cannot use (audio files, video notes, oversized files): a clear reply."""
        texts = {
            "audio_file": "That came as an audio file. Please record it as a voice message (hold the microphone "
            "button) and I'll transcribe it, or type the note.",
            "video_note": "I can't use video messages. Please send a voice message or type the note.",
            "too_large": "That file is too large for me (the limit is 20 MB). Please send a shorter voice message.",
            "document": "I can't read files. Send me a note as text or a voice message.",
        }
        return [Reply(texts.get(kind, "I can't use that kind of message. Send me text or a voice message."))]

    # -- text ----------------------------------------------------------------------------

    def _text(self, user: str, text: str) -> list[Reply]:
        text = text.strip()
        state = self._state(user)
        if _SURROGATE.search(text):
            return [Reply(BROKEN_TEXT)]
        if not text:
            return [Reply("Send me a note, a question, or /help.")]
        if text.startswith("/"):
            head, _, args = text[1:].partition(" ")
            head, _, rest = head.partition("\n")
            args = (rest + " " + args).strip() if rest else args.strip()
            command = head.split("@", 1)[0].lower()
            handler = self._commands().get(command)
            if handler is None:
                close = difflib.get_close_matches(command, list(self._commands()), n=1, cutoff=0.7)
                hint = f" Did you mean /{close[0]}?" if close else ""
                return [Reply(f"I don't know /{label(command, 30)}.{hint} /help lists what I can do.")]
            if command != "cancel":
                state.edit_draft = None
            return handler(user, args)
        talk = small_talk(text)
        if state.edit_draft:
            draft_id, state.edit_draft = state.edit_draft, None
            if talk is not None and talk.kind in {"ack", "thanks", "greeting", "command"}:
                return [Reply("OK, the draft is unchanged. Tap Edit again to rewrite it.")]  # "nope" is no draft
            return self._apply_edit(user, draft_id, text)
        if talk is not None:
            return self._small_talk(user, talk)
        moved = MOVE_NOTE.match(text)
        if moved is not None and (replies := self._move_last(user, moved.group("name").strip().rstrip(".!"))):
            return replies
        if state.choice and state.choice.kind == "note":
            answered = self._answer_which_client(user, text)
            if answered is not None:
                return answered
        elif bare_name(text) or (len(text.split()) <= 3 and text.replace(" ", "").isalpha()):
            found = self._resolve_or_none(user, text.strip())  # "ken": the client's card, never a note "ken"
            if found is not None or bare_name(text):
                return found or self._bare_name(user, text)
        r = self._route(user, text)
        if r.kind == "question" and (who := WHO_IS.match(text)) and (card := self._resolve_or_none(user, who["name"])):
            return card  # "who is Rob Chen?": the client's card says it best
        if r.kind == "question":
            state.last_question = text
            replies = self._ask(user, text, routed=True)
            return replies
        if r.kind == "draft":
            return self._draft_request(user, r)
        waiting = state.choice
        replies = self._note(user, text, routed=True)
        if waiting is not None and state.choice is waiting and replies:  # filed elsewhere; the first still waits
            last = replies[-1]
            replies[-1] = Reply(last.text + self._still_waiting(user), last.buttons, last.document)
        return replies

    def _route(self, user: str, text: str) -> Route:
        """The model classifies the message when one is configured; the offline rules otherwise or on failure."""
        offline = route(text)
        memory = self._memory(user)
        llm = self.runtime.llm(memory)
        if llm is None:
            return offline
        from prompts import quote, render_parts

        known = ", ".join(c.name for c in memory.ledger.clients()[:200]) or "(none yet)"
        prompt = render_parts("route", message=quote(text), clients=known)
        try:
            reply = llm.structured("route", prompt.user, RouteReply, system=prompt.system)
        except ChetError:
            return offline
        if reply.intent == "question":
            return Route("question", text)
        if reply.intent == "draft" and reply.client:
            purpose = reply.purpose or offline.what or "follow-up"
            return Route("draft", text, target=f"{reply.client} about {purpose}", what="follow-up")
        if reply.intent == "note":
            return Route("note", text)
        return offline

    def _commands(self) -> dict[str, Any]:
        return {
            "start": lambda u, a: [Reply(START)],
            "help": lambda u, a: [Reply(HELP)],
            "note": self._cmd_note,
            "ask": self._cmd_ask,
            "client": self._cmd_client,
            "profile": self._cmd_client,
            "clients": self._cmd_clients,
            "draft": self._cmd_draft,
            "digest": self._cmd_digest,
            "settings": self._cmd_settings,
            "export": self._cmd_export,
            "forget": self._cmd_forget,
            "undo": self._cmd_undo,
            "done": self._cmd_done,
            "cadence": self._cmd_cadence,
            "cancel": self._cmd_cancel,
            "inbox": self._cmd_inbox,
        }

    def _move_last(self, user: str, name: str) -> list[Reply]:
        """ "oops, that was meant for Carla": file the waiting note, or move the last note, under that client.

        [] when `name` is neither a known client nor a name ("this is for the Q3 launch" is a note).
        """
        try:
            self._memory(user).find_client(name)
        except AmbiguousClient:
            pass
        except BadInput:
            if new_client_name(name) is None:
                return []
        state = self._state(user)
        if state.choice and state.choice.kind == "note":
            found = self._answer_which_client(user, name)
            if found is not None:
                return found
        memory = self._memory(user)
        note = memory.undo_last()
        if note is None:
            return [Reply("There is no note to move.")]
        at = note.occurred_at.isoformat()
        replies = self._store(user, memory, name, note.text, note.source, None, False, at=at)
        if replies and replies[0].note_saved:
            replies[0] = Reply(f"Moved from {note.client}. " + replies[0].text, replies[0].buttons, note_saved=True)
        return replies

    def _bare_name(self, user: str, text: str) -> list[Reply]:
        """Only a name, and nothing waits for one: the client's card, or how to start a new client."""
        name = text.strip().rstrip(".")
        found = self._resolve_or_none(user, name)
        if found is not None:
            return found
        return [
            Reply(
                f"I don't know {label(name, 40)} yet. Start with a note: “{label(name, 40)}: met at the expo, wants a quote”."
            )
        ]

    def _resolve_or_none(self, user: str, name: str) -> list[Reply] | None:
        try:
            client = self._resolve(user, name, Choice("client"))
        except BadInput:
            return None
        return client if isinstance(client, list) else self._profile(user, client)

    def _small_talk(self, user: str, talk: SmallTalk) -> list[Reply]:
        """A greeting, a thanks or a bare command word: a short answer, never a note or a client."""
        if talk.kind == "command":
            if talk.command != "cancel":
                self._state(user).edit_draft = None
            return self._commands()[talk.command](user, "")
        text = {
            "greeting": "Hi! Send me a note, a question, or /help.",
            "thanks": "You're welcome.",
            "ack": "OK.",
        }.get(talk.kind, "Send me a note (“Dana: wants blue”), a question, or /help.")
        return [Reply(text + self._still_waiting(user))]

    def _still_waiting(self, user: str) -> str:
        """A reminder line when a note still waits for its client ("" otherwise)."""
        choice = self._state(user).choice
        if choice is None or choice.kind != "note":
            return ""
        pending: PendingNote = choice.payload
        return f"\nStill waiting: who is “{label(pending.text, 40)}” about?"

    # -- notes ---------------------------------------------------------------------------

    def _cmd_note(self, user: str, args: str) -> list[Reply]:
        if not args:
            return [Reply("Write the note after the command: /note Dana: wants blue, not grey")]
        return self._note(user, args, routed=False)

    def _note(
        self, user: str, text: str, routed: bool, source: str = "text", audio_path: str | None = None
    ) -> list[Reply]:
        memory = self._memory(user)
        check_text(text)  # empty, binary or oversized: say so now, not after asking which client
        name, body, candidates = client_in_note(memory, text)
        if name is None and not candidates and (recent := self._recent_client(user, text)) is not None:
            return self._store(user, memory, recent.name, body, source, audio_path, routed, recent, continued=True)
        if candidates:
            pending = self._to_inbox(user, PendingNote(body, source, audio_path))
            return self._choose(user, Choice("note", pending), candidates, name)
        if name is None:
            return self._ask_which_client(user, self._to_inbox(user, PendingNote(text, source, audio_path)))
        return self._store(user, memory, name, body, source, audio_path, routed)

    def _to_inbox(self, user: str, pending: PendingNote) -> PendingNote:
        """Commit a note whose client is not known yet to the inbox before asking: nothing typed is lost."""
        item = add_to_inbox(self._memory(user), pending.text, pending.source, pending.audio_path)
        pending.inbox_id, pending.at = item.id, item.at
        return pending

    def _store(
        self,
        user: str,
        memory: Memory,
        name: str,
        body: str,
        source: str,
        audio_path: str | None,
        routed: bool,
        client: Client | None = None,
        at: str | None = None,
        continued: bool = False,
    ) -> list[Reply]:
        is_new = False
        if client is None:
            try:
                client = memory.find_client(name)
            except UnknownClient:
                is_new = True
            except AmbiguousClient as err:
                found = [c for c in memory.ledger.clients() if c.name in err.candidates]
                pending = self._to_inbox(user, PendingNote(body, source, audio_path))
                return self._choose(user, Choice("note", pending), found, name)
        moment = (from_iso(at) if at else now_utc()).astimezone(self.tz(user))
        item = NoteInput(
            client=client.name if client else name,
            text=body,
            at=moment,
            at_raw=moment.isoformat(timespec="seconds"),
            source=source,
            audio_path=audio_path,
        )
        known = [c.name for c in memory.ledger.clients()] if is_new else []
        stored = memory.add_note(item, index=not self.background_index)
        if self.background_index:
            self._queue_index(user)
        similar = look_alikes(stored.client.name, known)  # a typo ("Maira") made a new client: say so
        self._state(user).last_client = [stored.client.id, now_utc().isoformat(timespec="seconds")]
        text = self._confirm(stored, is_new, similar)
        if continued:
            text += "\n(No name, so I filed it with your last note. Wrong client? /undo and add the name.)"
        return [Reply(text, note_saved=True)]

    def _recent_client(self, user: str, text: str) -> Client | None:
        """The client of the previous note when this one goes on about them ("she also said ...") soon after."""
        first = re.match(r"[\w']+", text.strip().casefold())
        if not first or first.group(0) not in CONTINUING_PRONOUNS:
            return None
        last = self._state(user).last_client
        if not last or now_utc() - from_iso(str(last[1])) > CONTINUE_WINDOW:
            return None
        return self._memory(user).ledger.client(int(last[0]))

    def _confirm(self, stored: Stored, is_new: bool, similar: list[str]) -> str:
        """At most four short lines: who it was filed under and what was understood, never the note itself."""
        client = stored.client
        head = client.name + (f" ({client.company})" if client.company else "")
        summary = fact_summary(stored.facts)
        first = f"Saved for {head}" + (", a new client" if is_new else "")
        lines = [clip(f"{first}: {summary}" if summary else f"{first}: “{clip(stored.note.text, 50)}”", 240)]
        if similar:
            lines.append(f"Did you mean {' or '.join(similar)}? Then /undo and send it again with that name.")
        lines += [clip(sentence(n)) for n in stored.notices[:2]]
        return "\n".join(lines[:4])

    def _ask_which_client(self, user: str, pending: PendingNote) -> list[Reply]:
        memory = self._memory(user)
        recent: list[Client] = []
        seen: set[int] = set()
        for note in memory.ledger.notes(limit=40):
            if note.client_id not in seen:
                seen.add(note.client_id)
                c = memory.ledger.client(note.client_id)
                if c:
                    recent.append(c)
            if len(recent) >= 6:
                break
        state = self._state(user)
        earlier = state.choice.payload if state.choice and state.choice.kind == "note" else None
        pending.options = [c.id for c in recent]
        state.choice = Choice("note", pending)
        text = "Saved in your inbox. Which client is this note about?"
        text += " Tap one or type the name." if recent else " Type the client's name."
        if isinstance(earlier, PendingNote):  # never silently replaced: the earlier note waits in the inbox
            text += f"\n(“{label(earlier.text, 40)}” still waits in /inbox.)"
        return [Reply(text, client_rows(recent))]

    def _answer_which_client(self, user: str, text: str) -> list[Reply] | None:
        """File the waiting note when `text` answers "which client?" (a name or a button's number); else None."""
        memory = self._memory(user)
        choice = self._state(user).choice
        assert choice is not None
        pending: PendingNote = choice.payload
        number = re.fullmatch(r"#?\s*(\d{1,3})[.)]?", text)
        if number:
            n = int(number.group(1))
            client = memory.ledger.client(pending.options[n - 1]) if 1 <= n <= len(pending.options) else None
            if client is None:
                return [Reply(f"There is no name number {n}. Tap a name or type it.")]
            return self._file_pending(user, client.name, client)
        if len(text.split()) > 5 or route(text).kind != "note":
            return None
        try:
            client = memory.find_client(text)
        except AmbiguousClient as err:
            found = [c for c in memory.ledger.clients() if c.name in err.candidates]
            return self._choose(user, choice, found, text)
        except BadInput:
            name = new_client_name(text)
            return self._file_pending(user, name) if name else None
        return self._file_pending(user, client.name, client)

    def _file_pending(self, user: str, name: str, client: Client | None = None) -> list[Reply]:
        """File the note waiting for its client, then take it out of the inbox."""
        state = self._state(user)
        assert state.choice is not None
        pending: PendingNote = state.choice.payload
        memory = self._memory(user)
        if pending.inbox_id and find_in_inbox(memory, pending.inbox_id) is None:
            state.choice = None  # filed or dropped meanwhile (another device, /inbox)
            return [Reply("That note was already filed or dropped.")]
        replies = self._store(
            user, memory, name, pending.text, pending.source, pending.audio_path, False, client, pending.at
        )
        if state.choice is not None and state.choice.payload is pending:
            state.choice = None
        if pending.inbox_id:
            drop_from_inbox(memory, pending.inbox_id)
        return replies

    def _choose(self, user: str, choice: Choice, candidates: list[Client], name: str | None) -> list[Reply]:
        self._state(user).choice = choice
        if isinstance(choice.payload, PendingNote):
            choice.payload.options = [c.id for c in candidates[:8]]
        who = f"“{label(name, 40)}” could be" if name else "That could be about"
        return [Reply(f"{who} several clients. Which one?", client_rows(candidates[:8]))]

    def _cmd_undo(self, user: str, args: str) -> list[Reply]:
        state = self._state(user)
        if state.choice and state.choice.kind == "note":  # the last thing sent is the note still waiting
            pending: PendingNote = state.choice.payload
            state.choice = None
            if pending.inbox_id and drop_from_inbox(self._memory(user), pending.inbox_id):
                return [Reply(f"Removed “{label(pending.text, 60)}” (it was waiting for a client).")]
        note = self._memory(user).undo_last()
        if note is None:
            return [Reply("There is no note to undo.")]
        return [Reply(f"Removed your last note ({note.client}: “{label(note.text, 60)}”).")]

    # -- questions -----------------------------------------------------------------------

    def _cmd_ask(self, user: str, args: str) -> list[Reply]:
        if not args:
            return [Reply("Ask after the command: /ask what does Dana like?")]
        return self._ask(user, args, routed=False)

    def _ask(self, user: str, question: str, routed: bool, client: Client | None = None) -> list[Reply]:
        from bot.ask import answer

        memory = self._memory(user)
        result = answer(memory, question, client, self.runtime.llm(memory))
        notices = [clip(sentence(n)) for n in result.notices[:1]]
        lines, more = phone_lines(result.answer, result.sources, max_lines=4 - len(notices))
        sources = [] if result.abstained else result.sources
        if more:
            lines.append(f"…and {more} more" + (" (tap Sources)." if sources else "."))
        row: list[Button] = []
        if sources:
            row.append(Button("Sources", f"so:{self._keep_sources(user, sources)}"))
        if routed:
            row.append(Button("Save as a note instead", "qn"))
        return [Reply("\n".join(lines + notices), [row] if row else [])]

    def _keep_sources(self, user: str, ids: list[str]) -> str:
        """Remember the note ids behind a Sources button; the button carries only this short key."""
        key = uuid.uuid4().hex[:8]
        state = self._state(user)
        state.sources[key] = list(dict.fromkeys(ids))[:MAX_SOURCE_IDS]
        while len(state.sources) > MAX_SOURCES_KEPT:
            state.sources.pop(next(iter(state.sources)))
        return key

    def _cb_sources(self, user: str, key: str) -> list[Reply]:
        """The notes behind an answer: date, client, a short quote and the note id."""
        ids = self._state(user).sources.get(key)
        if not ids:
            return [Reply("Those sources are no longer at hand; ask again.")]
        ledger = self._memory(user).ledger
        tz = self.tz(user)
        rowids = {i: ledger.note_rowid(i) for i in ids}
        found = ledger.notes_by_rowid([r for r in rowids.values() if r is not None])
        lines = []
        for note_id in ids:
            note = found.get(rowids[note_id] or -1)
            if note is None:
                lines.append(f"• {note_id}: removed since")
                continue
            day = note.occurred_at.astimezone(tz).date()
            lines.append(f"• {day.day} {day.strftime('%b %Y')}, {note.client}: “{clip(note.text, 90)}” ({note_id})")
        return [Reply("\n".join(lines))]

    # -- clients -------------------------------------------------------------------------

    def _resolve(self, user: str, name: str, choice: Choice) -> Client | list[Reply]:
        """The client `name` means, or replies (buttons for an ambiguous name)."""
        memory = self._memory(user)
        try:
            return memory.find_client(name)
        except AmbiguousClient as err:
            found = [c for c in memory.ledger.clients() if c.name in err.candidates]
            return self._choose(user, choice, found, name)

    def _cmd_client(self, user: str, args: str) -> list[Reply]:
        if not args:
            return self._cmd_clients(user, args)
        client = self._resolve(user, args, Choice("client"))
        return client if isinstance(client, list) else self._profile(user, client)

    def _profile(self, user: str, client: Client) -> list[Reply]:
        memory = self._memory(user)
        tz = self.tz(user)
        doc = memory.profile(client)
        head = client.name + (f" ({client.company})" if client.company else "")
        if client.goes_by:
            head += f", goes by {client.goes_by}"
        lines = [head, f"Last contact: {self._when(doc['last_contact'], tz)} · {plural(doc['notes'], 'note')}"]
        declined = {f["detail"].get("declined", "").casefold() for f in doc["facts"] if f["kind"] == "preference"}
        facts = [f for f in doc["facts"] if not (f["kind"] == "dislike" and f["value"].casefold() in declined)]
        source_ids = [i for f in facts for i in f["source_ids"]]
        if facts:
            lines.append("What I know:")
            lines += [f"• {clip(strip_ids(f['text'], f['source_ids']), 100)}" for f in facts[:MAX_PROFILE_FACTS]]
            if len(facts) > MAX_PROFILE_FACTS:
                lines.append(f"…and {len(facts) - MAX_PROFILE_FACTS} more (/export has everything)")
        else:
            lines.append("No details picked out yet; the notes themselves are kept (ask me about them).")
        row = [Button("Draft follow-up", f"fu:c:{client.id}")]
        if source_ids:
            row.append(Button("Sources", f"so:{self._keep_sources(user, source_ids)}"))
        buttons: list[list[Button]] = [row]
        if doc["commitments"]:
            lines.append("Open promises:")
            today = now_utc().astimezone(tz).date()
            for c in doc["commitments"][:MAX_PROFILE_FACTS]:
                text = clip(c["text"], 90)
                if c["due"] and (due := date.fromisoformat(c["due"])).isoformat() not in text:
                    shown = short_day(due, today)
                    text += "" if shown in text else f" (by {shown})"
                lines.append(f"• {text}")
                buttons.append([Button(f"Done: {label(c['text'], 30)}", f"dn:{c['id']}")])
        return [Reply("\n".join(lines), buttons)]

    @staticmethod
    def _when(raw: str | None, tz: ZoneInfo) -> str:
        if not raw:
            return "never"
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            return raw
        if moment.tzinfo is None:
            return long_day(moment.date())
        return long_day(moment.astimezone(tz).date())

    def _cmd_clients(self, user: str, args: str) -> list[Reply]:
        memory = self._memory(user)
        clients = memory.ledger.clients()
        if not clients:
            return [Reply("No clients yet. Send a note like “Dana from Acme: wants blue, not grey”.")]
        tz = self.tz(user)
        lines = [f"Your clients ({len(clients)}):"]
        for c in clients[:60]:
            last = memory.ledger.last_contact(c.id)
            company = f" ({c.company})" if c.company else ""
            when = long_day(last.astimezone(tz).date()) if last else "never"
            lines.append(f"• {c.name}{company}: {plural(memory.ledger.count_notes(c.id), 'note')}, last contact {when}")
        if len(clients) > 60:
            lines.append(f"… and {len(clients) - 60} more (/client NAME)")
        return [Reply("\n".join(lines), client_rows(clients[:8], prefix="p"))]

    def _cmd_forget(self, user: str, args: str) -> list[Reply]:
        if not args:
            return [Reply("Say whom to forget: /forget NAME")]
        client = self._resolve(user, args, Choice("forget"))
        return client if isinstance(client, list) else self._confirm_forget(user, client)

    def _confirm_forget(self, user: str, client: Client) -> list[Reply]:
        count = self._memory(user).ledger.count_notes(client.id)
        text = f"Forget {client.name} and everything about them ({plural(count, 'note')}, facts, promises, drafts)? This cannot be undone."
        return [
            Reply(text, [[Button(f"Yes, forget {label(client.name, 30)}", f"fg:{client.id}"), Button("Cancel", "fx")]])
        ]

    # -- drafts --------------------------------------------------------------------------

    def _cmd_draft(self, user: str, args: str) -> list[Reply]:
        if not args:
            return [Reply("Say for whom and what for: /draft Dana the pricing we discussed")]
        return self._draft_for(user, args, "")

    def _draft_request(self, user: str, r: Route) -> list[Reply]:
        return self._draft_for(user, r.target, r.what)

    def _draft_for(self, user: str, target: str, what: str) -> list[Reply]:
        """Split "Dana Lee about the pricing" into a known client and a purpose, then draft."""
        memory = self._memory(user)
        name, purpose = split_target(memory, target)
        purpose = PURPOSE_LEAD.sub("", purpose).strip()
        if what and what.casefold() not in PLAIN_WHAT:
            purpose = f"{what} about {purpose}" if purpose else what
        if not purpose:
            purpose = "follow up on our last conversation"
        client = self._resolve(user, name, Choice("draft", purpose))
        return client if isinstance(client, list) else self._make_draft(user, client, purpose)

    def _make_draft(self, user: str, client: Client, purpose: str, variant: int = 0, feedback: str = "") -> list[Reply]:
        from bot.drafting import make_draft

        memory = self._memory(user)
        result = make_draft(self.runtime, memory, client, purpose, feedback=feedback, variant=variant)
        if variant:
            self._state(user).variants[result["draft_id"]] = variant
        return [self._draft_reply(result["draft_id"], client.name, result)]

    def _draft_reply(self, draft_id: str, client_name: str, d: dict[str, Any]) -> Reply:
        lines = [f"Draft for {client_name}:", "", d["text"].strip(), "", VERDICT_LINES.get(d["verdict"], "")]
        for f in d["findings"][:MAX_FINDINGS_SHOWN]:
            span = f" (“{label(f['span'], 50)}”)" if f.get("span") and f["span"] not in f["message"] else ""
            lines.append(f"• {clip(sentence(strip_ids(f['message'], f.get('sources', []))), 140)}{span}")
        if len(d["findings"]) > MAX_FINDINGS_SHOWN:
            lines.append(f"…and {len(d['findings']) - MAX_FINDINGS_SHOWN} more")
        lines += [clip(sentence(n)) for n in d.get("notices", [])[:1]]
        if d["verdict"] == "block":
            rows = [[Button("Edit", f"e:{draft_id}"), Button("Regenerate", f"r:{draft_id}")]]
            rows.append([Button("Discard", f"x:{draft_id}")])
        else:
            rows = [[Button("Approve", f"a:{draft_id}"), Button("Edit", f"e:{draft_id}")]]
            rows.append([Button("Regenerate", f"r:{draft_id}"), Button("Discard", f"x:{draft_id}")])
        return Reply("\n".join(lines), rows)

    def _apply_edit(self, user: str, draft_id: str, text: str) -> list[Reply]:
        from bot.approval import edit

        memory = self._memory(user)
        decision = edit(memory, draft_id, text)
        client = memory.ledger.client(decision.draft["client_id"])
        reply = self._draft_reply(draft_id, client.name if client else "your client", decision.draft)
        return [Reply("Edited and checked again.\n" + reply.text, reply.buttons)]

    # -- digest, settings, export ----------------------------------------------------------

    def _cmd_digest(self, user: str, args: str) -> list[Reply]:
        from bot.digest import build_digest

        today = now_utc().astimezone(self.tz(user)).date()
        digest = build_digest(self._memory(user), today)
        return [self._digest_reply(self._memory(user), digest)]

    def _digest_reply(self, memory: Memory, digest: dict[str, Any]) -> Reply:
        from bot.digest import render_digest

        ids = {c.name: c.id for c in memory.ledger.clients()}
        rows: list[list[Button]] = []
        for item in digest["items"][:12]:
            kind, _, ref = item["key"].partition(":")
            who = label(item["client"], 24)
            if kind == "draft":
                rows.append([Button(f"Review draft: {who}", f"v:{ref}")])
            elif kind == "promise":
                rows.append(
                    [
                        Button(f"Draft follow-up: {who}", f"fu:p:{ref}"),
                        Button("Done", f"dn:{ref}"),
                        Button(f"Snooze {SNOOZE_DAYS} days", f"sz:{ref}"),
                    ]
                )
            elif kind == "date":
                rows.append([Button(f"Draft follow-up: {who}", f"fu:b:{ref.split(':')[0]}")])
            elif item["client"] in ids:
                rows.append([Button(f"Draft follow-up: {who}", f"fu:k:{ids[item['client']]}")])
        cited = [i for item in digest["items"] for i in item.get("source_ids", [])]
        return Reply(strip_ids(render_digest(digest), cited), rows)  # ids stay in --json

    def claim_digest(self, user: str, day: date) -> tuple[Reply, list[str]] | None:
        """Today's digest items not yet sent, claimed as sent in one transaction (None when nothing is new).

        Claiming before sending makes the digest go out once even with several bot workers: a second
        worker's claim waits for the first and then finds nothing new. `release_digest` undoes a claim
        whose message could not be sent.
        """
        from bot.digest import build_digest

        with self._lock(user):
            memory = self._memory(user)
            with memory.ledger.transaction():
                memory.ledger.set_meta("digest_day", day.isoformat())
                digest = build_digest(memory, day)
                keys = [i["key"] for i in digest["items"]]
                sent = memory.ledger.digest_sent(day.isoformat(), keys)
                fresh = [i for i in digest["items"] if i["key"] not in sent]
                if not fresh:
                    return None
                memory.ledger.mark_digest_sent(day.isoformat(), [i["key"] for i in fresh])
            return self._digest_reply(memory, {**digest, "items": fresh}), [i["key"] for i in fresh]

    def release_digest(self, user: str, day: date, keys: list[str]) -> None:
        """Forget a claim whose digest could not be sent, so the next run sends those items."""
        with self._lock(user):
            ledger = self._memory(user).ledger
            with ledger.transaction():
                ledger.unmark_digest_sent(day.isoformat(), keys)

    def last_digest_day(self, user: str) -> str | None:
        """The last day a scheduled digest ran for this salesperson (ISO date), if any."""
        with self._lock(user):
            return self._memory(user).ledger.meta("digest_day")

    def _cmd_settings(self, user: str, args: str) -> list[Reply]:
        ledger = self._memory(user).ledger
        parts = args.split()
        if len(parts) == 2 and parts[0].lower() in {"tz", "timezone", "zone"}:
            try:
                zone(parts[1])
            except OSError as err:  # e.g. a name longer than the file system allows
                raise BadInput(f"unknown time zone {parts[1][:40]!r} (use an IANA name such as Europe/Paris)") from err
            ledger.update_salesperson(tz=parts[1])
        elif len(parts) == 2 and parts[0].lower() in {"digest", "time"}:
            m = _TIME.match(parts[1])
            if not m:
                raise BadInput(f"not a time: {parts[1][:20]!r}; use HH:MM, e.g. /settings digest 07:30")
            ledger.update_salesperson(digest_time=f"{int(m.group(1)):02d}:{m.group(2)}")
        elif parts:
            return [Reply("Use /settings tz Europe/Paris or /settings digest 07:30.")]
        sp = ledger.salesperson()
        head = "Saved. " if parts else ""
        return [
            Reply(
                f"{head}Time zone: {sp['tz']}\nDaily digest: {sp['digest_time']} ({sp['tz']} time)\n"
                "Change them with /settings tz Europe/Paris or /settings digest 07:30."
            )
        ]

    def _cmd_export(self, user: str, args: str) -> list[Reply]:
        doc = self._memory(user).ledger.export()
        data = json.dumps(doc, ensure_ascii=False, default=str, indent=1).encode("utf-8")
        day = now_utc().astimezone(self.tz(user)).date().isoformat()
        n = len(doc.get("notes", []))
        return [
            Reply(
                f"All your data as JSON: {len(doc.get('clients', []))} clients, {n} notes.",
                document=(f"chet-export-{day}.json", data),
            )
        ]

    def _cmd_done(self, user: str, args: str) -> list[Reply]:
        memory = self._memory(user)
        client: Client | None = None
        if args:
            found = self._resolve(user, args, Choice("done"))
            if isinstance(found, list):
                return found
            client = found
        promises = memory.ledger.commitments(client.id if client else None, status="open")
        if not promises:
            return [Reply("No open promises" + (f" for {client.name}." if client else "."))]
        if client and len(promises) == 1:
            return self._mark_done(user, promises[0].id)
        rows = [[Button(f"{label(p.client, 16)}: {label(p.text, 30)}", f"dn:{p.id}")] for p in promises[:12]]
        return [Reply("Which promise is done?", rows)]

    def _mark_done(self, user: str, commitment_id: int) -> list[Reply]:
        memory = self._memory(user)
        found = [c for c in memory.ledger.commitments(None, status=None) if c.id == commitment_id]
        if not found:
            return [Reply(STALE)]
        if found[0].status != "open":
            return [Reply(f"That promise is already {found[0].status}.")]
        with memory.ledger.transaction():
            memory.ledger.set_commitment_status(commitment_id, "done")
            memory.ledger.audit("commitment.done", commitment_id=commitment_id)
        return [Reply(f"Marked done: {found[0].client}: {found[0].text}.")]

    def _snooze(self, user: str, commitment_id: int) -> list[Reply]:
        memory = self._memory(user)
        found = [c for c in memory.ledger.commitments(None, status="open") if c.id == commitment_id]
        if not found:
            return [Reply(STALE)]
        due = now_utc().astimezone(self.tz(user)).date() + timedelta(days=SNOOZE_DAYS)
        with memory.ledger.transaction():
            memory.ledger.snooze_commitment(commitment_id, due)
            memory.ledger.audit("commitment.snoozed", commitment_id=commitment_id, due=due.isoformat())
        return [Reply(f"Snoozed until {long_day(due)}: {found[0].client}: {found[0].text}.")]

    def _cmd_cadence(self, user: str, args: str) -> list[Reply]:
        m = re.match(r"^(?P<name>.+?)\s+(?P<days>\d{1,4})(?:\s*d(?:ays?)?)?$", args.strip())
        if not m or not 1 <= int(m.group("days")) <= 3650:
            return [Reply("Say who and how often, in days: /cadence Dana 14")]
        found = self._resolve(user, m.group("name"), Choice("cadence"))
        if isinstance(found, list):
            return found
        memory = self._memory(user)
        with memory.ledger.transaction():
            memory.ledger.update_client(found.id, cadence_days=int(m.group("days")))
            memory.ledger.audit("client.cadence", client_id=found.id, days=int(m.group("days")))
        return [Reply(f"I'll remind you when {found.name} hasn't heard from you for {m.group('days')} days.")]

    def _cmd_cancel(self, user: str, args: str) -> list[Reply]:
        state = self._state(user)
        had = state.edit_draft or state.choice
        kept = state.choice is not None and state.choice.kind == "note"
        state.edit_draft, state.choice = None, None
        if kept:
            return [Reply("OK, I stopped asking. The note stays in your /inbox.")]
        return [Reply("Cancelled." if had else "Nothing to cancel.")]

    def _cmd_inbox(self, user: str, args: str) -> list[Reply]:
        items = inbox_items(self._memory(user))
        if not items:
            return [Reply("Your inbox is empty: every note has its client.")]
        tz = self.tz(user)
        lines = [f"{len(items)} note{'s' if len(items) != 1 else ''} waiting for a client:"]
        rows: list[list[Button]] = []
        for n, item in enumerate(items[:10], 1):
            lines.append(f"{n}. “{label(item.text, 60)}” ({_when_sent(from_iso(item.at), tz)})")
            rows.append([Button(f"File {n}", f"ib:{item.id}"), Button(f"Drop {n}", f"ix:{item.id}")])
        if len(items) > 10:
            lines.append(f"… and {len(items) - 10} more")
        return [Reply("\n".join(lines), rows)]

    def _cb_inbox_file(self, user: str, item_id: str) -> list[Reply]:
        item = find_in_inbox(self._memory(user), item_id)
        if item is None:
            return [Reply("That note was already filed or dropped.")]
        pending = PendingNote(item.text, item.source, item.audio_path, item.id, at=item.at)
        state = self._state(user)
        state.choice = None  # the tapped note becomes the one asked about; the other stays in the inbox
        return self._ask_which_client(user, pending)

    def _cb_inbox_drop(self, user: str, item_id: str) -> list[Reply]:
        item = drop_from_inbox(self._memory(user), item_id)
        if item is None:
            return [Reply("That note was already filed or dropped.")]
        state = self._state(user)
        if state.choice and isinstance(state.choice.payload, PendingNote) and state.choice.payload.inbox_id == item_id:
            state.choice = None
        return [Reply(f"Dropped “{label(item.text, 60)}”.")]

    # -- buttons -------------------------------------------------------------------------

    def _callback(self, user: str, data: str) -> list[Reply]:
        parsed = parse_callback(data or "")
        if parsed is None:
            return [Reply(STALE)]
        handlers = {
            "a": self._cb_approve,
            "e": self._cb_edit,
            "r": self._cb_regenerate,
            "x": self._cb_discard,
            "v": self._cb_view,
            "c": self._cb_choose,
            "p": self._cb_profile,
            "fg": self._cb_forget,
            "fx": lambda u, r: [Reply("Kept. Nothing was forgotten.")],
            "dn": lambda u, r: self._mark_done(u, int(r)),
            "sz": lambda u, r: self._snooze(u, int(r)),
            "fu": self._cb_follow_up,
            "qn": self._cb_question_as_note,
            "so": self._cb_sources,
            "ib": self._cb_inbox_file,
            "ix": self._cb_inbox_drop,
        }
        try:
            return handlers[parsed.kind](user, parsed.ref)
        except (ValueError, OverflowError):  # belt and braces: parse_callback lets only ids through
            return [Reply(STALE)]

    def _draft_of(self, user: str, draft_id: str) -> dict[str, Any] | None:
        return self._memory(user).ledger.draft(draft_id) if draft_id else None

    def _cb_approve(self, user: str, draft_id: str) -> list[Reply]:
        from bot.approval import approve
        from bot.channels import build_channel

        memory = self._memory(user)
        decision = approve(memory, draft_id, build_channel(self.runtime.settings))
        client = memory.ledger.client(decision.draft["client_id"])
        who = client.name if client else "the client"
        if decision.delivery and decision.delivery.channel == "email":
            return [Reply(f"Approved and sent to {who} by email ({decision.delivery.detail}).")]
        return [Reply(f"Approved. Here is the message for {who}, ready to copy:"), Reply(decision.draft["text"])]

    def _cb_edit(self, user: str, draft_id: str) -> list[Reply]:
        draft = self._draft_of(user, draft_id)
        if draft is None:
            return [Reply("That draft no longer exists.")]
        if draft["status"] != "pending":
            return [Reply(f"This draft was already {draft['status']}.")]
        self._state(user).edit_draft = draft_id
        return [
            Reply(
                "Send me the new text for this draft as your next message; I'll check it again. (/cancel keeps it as it is.)"
            )
        ]

    def _cb_regenerate(self, user: str, draft_id: str) -> list[Reply]:
        from bot.approval import discard

        memory = self._memory(user)
        draft = self._draft_of(user, draft_id)
        if draft is None:
            return [Reply("That draft no longer exists.")]
        if draft["status"] != "pending":
            return [Reply(f"This draft was already {draft['status']}.")]
        client = memory.ledger.client(draft["client_id"])
        if client is None:
            return [Reply("The client of this draft was forgotten.")]
        discard(memory, draft_id)
        variant = self._state(user).variants.get(draft_id, 0) + 1
        return self._make_draft(user, client, draft["purpose"], variant, "Write a different version of this message.")

    def _cb_discard(self, user: str, draft_id: str) -> list[Reply]:
        from bot.approval import discard

        self._state(user).edit_draft = None
        discard(self._memory(user), draft_id)
        return [Reply("Discarded the draft.")]

    def _cb_view(self, user: str, draft_id: str) -> list[Reply]:
        draft = self._draft_of(user, draft_id)
        if draft is None:
            return [Reply("That draft no longer exists.")]
        if draft["status"] != "pending":
            return [Reply(f"This draft was already {draft['status']}.")]
        client = self._memory(user).ledger.client(draft["client_id"])
        return [self._draft_reply(draft_id, client.name if client else "your client", draft)]

    def _cb_choose(self, user: str, ref: str) -> list[Reply]:
        state = self._state(user)
        choice = state.choice
        if choice is None:
            return [Reply("That choice has expired; please send it again.")]
        client = self._memory(user).ledger.client(int(ref))
        if client is None:
            return [Reply("That client no longer exists.")]
        if choice.kind == "note":
            return self._file_pending(user, client.name, client)
        state.choice = None
        if choice.kind == "draft":
            return self._make_draft(user, client, str(choice.payload))
        if choice.kind == "ask":
            return self._ask(user, str(choice.payload), routed=False, client=client)
        if choice.kind == "forget":
            return self._confirm_forget(user, client)
        if choice.kind == "done":
            return self._cmd_done(user, client.name)
        return self._profile(user, client)

    def _cb_profile(self, user: str, ref: str) -> list[Reply]:
        client = self._memory(user).ledger.client(int(ref))
        return self._profile(user, client) if client else [Reply("That client no longer exists.")]

    def _cb_forget(self, user: str, ref: str) -> list[Reply]:
        memory = self._memory(user)
        client = memory.ledger.client(int(ref))
        if client is None:
            return [Reply("Already forgotten.")]
        memory.forget(client)
        return [Reply(f"Forgot {client.name}: their notes, facts, promises and drafts are erased.")]

    def _cb_follow_up(self, user: str, ref: str) -> list[Reply]:
        memory = self._memory(user)
        kind, _, raw_id = ref.partition(":")
        ident = int(raw_id)
        client: Client | None = None
        purpose = "follow up on our last conversation"
        if kind == "p":
            found = [c for c in memory.ledger.commitments(None, status=None) if c.id == ident]
            if not found:
                return [Reply(STALE)]
            client, purpose = memory.ledger.client(found[0].client_id), f"follow up on my promise: {found[0].text}"
        elif kind == "b":
            facts = [f for f in memory.ledger.facts(None, current=None) if f.id == ident]
            if not facts:
                return [Reply(STALE)]
            what = facts[0].key.replace("_", " ")
            client, purpose = memory.ledger.client(facts[0].client_id), f"a kind word for their {what}, not an offer"
        elif kind == "k":
            client, purpose = memory.ledger.client(ident), "check in; it has been a while since we spoke"
        elif kind == "c":
            client = memory.ledger.client(ident)
        else:
            return [Reply(STALE)]
        if client is None:
            return [Reply("That client no longer exists.")]
        return self._make_draft(user, client, purpose)

    def _cb_question_as_note(self, user: str, ref: str) -> list[Reply]:
        state = self._state(user)
        text, state.last_question = state.last_question, None
        if not text:
            return [Reply("That choice has expired; use /note to file a note.")]
        return self._note(user, text, routed=False)

    # -- voice ---------------------------------------------------------------------------

    def _voice(self, user: str, audio: bytes, duration_s: float | None, mime: str) -> list[Reply]:
        if len(audio) > MAX_AUDIO_BYTES:
            return self.handle_unsupported(user, "too_large")
        if not audio:
            return [Reply("That voice note was empty. Please try again.")]
        path = self._save_audio(user, audio, mime)  # raw first: nothing said is ever lost
        if self.transcriber is None:
            return [Reply(f"I kept your voice note ({path.name}), but I can't transcribe it yet. {ENABLE_HINT}")]
        try:
            transcript = self.transcriber.transcribe(audio, mime)
        except ChetError as err:
            log.info("transcription failed: %s", err)
            return [Reply(f"{sentence(str(err))} The audio is kept ({path.name}); you can type the note instead.")]
        replies = [Reply(f"I heard: “{clip(transcript, 300)}”")]
        return replies + self._note(user, transcript, routed=False, source="voice", audio_path=str(path))

    def _save_audio(self, user: str, audio: bytes, mime: str) -> Path:
        folder = self.runtime.settings.data_dir / "audio" / re.sub(r"[^\w.-]", "_", user)[:64]
        folder.mkdir(parents=True, exist_ok=True)
        ext = {"audio/mpeg": "mp3", "audio/mp4": "m4a", "audio/wav": "wav", "audio/webm": "webm"}.get(mime, "ogg")
        stamp = now_utc().strftime("%Y%m%dT%H%M%S")
        path = folder / f"{stamp}-{uuid.uuid4().hex[:8]}.{ext}"
        tmp = path.with_suffix(".part")
        tmp.write_bytes(audio)
        tmp.replace(path)
        return path
