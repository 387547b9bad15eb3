"""The conversation core's plumbing: per-salesperson locks and state (in the ledger), background indexing, entry points."""

from __future__ import annotations

import atexit
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import time
from time import sleep
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat.reply import Reply
from bot.chat.routing import Route
from bot.chat.state import Choice, PendingNote, State
from bot.chat.texts import sentence
from bot.engines.voice import Transcriber
from bot.runtime import Runtime
from memory.errors import ChetError
from memory.records import Client, Note
from memory.service import Memory

log = logging.getLogger("bot.conversation")

INDEX_DEBOUNCE_S = 0.3  # background indexing waits this long so a burst of notes is written at once
SNOOZE_DAYS = 3  # a digest promise snoozed from its button comes back this many days later
TIME_OF_DAY = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


__all__ = ["ChatCore"]


class ChatCore:
    """Plumbing shared by every command family; the families are mixins over it (bot/chat/conversation.py)."""

    def __init__(self, runtime: Runtime, transcriber: Transcriber | str | None = "auto"):
        self.runtime = runtime
        self.transcriber: Transcriber | None = runtime.transcriber() if isinstance(transcriber, str) else transcriber
        self._states: dict[str, State] = {}
        self._locks: dict[str, threading.RLock] = {}
        self._guard = threading.Lock()
        # Telegram turns this on: the note is confirmed first and embedded right after, under the user's lock.
        self.background_index = False
        self._index_pending: set[str] = set()
        self._index_wakeup = threading.Condition()
        self._indexer: threading.Thread | None = None
        self._index_stop = False

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
        return self.runtime.tz(self._memory(user))

    def schedule(self, user: str) -> tuple[ZoneInfo, time]:
        """When this salesperson's digest goes out: (time zone, local time)."""
        with self._lock(user):
            sp = self._memory(user).salesperson()
        m = TIME_OF_DAY.match(sp.digest_time or self.runtime.settings.chet_digest_time)
        at = time(int(m.group(1)), int(m.group(2))) if m else time(8, 0)
        return self.runtime.tz(self._memory(user)), at

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
                stack.enter_context(self._memory(user).conversation_lock())
            except Exception:  # no ledger or no lock: this worker alone still serialises the user's messages
                log.warning("could not take the conversation lock", exc_info=True)
            yield

    def _load_state(self, user: str) -> str | None:
        """Take the state from the ledger: another worker may have handled this user's last message."""
        try:
            saved = self._memory(user).conversation_state()
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
            self._memory(user).save_conversation_state(after)
        except Exception:  # never lose the reply over this; the next message may ask again
            log.warning("could not save the conversation state", exc_info=True)

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

    # -- implemented by the command families (see bot/chat/conversation.py) ---------------------

    def _answer_which_client(self, user: str, text: str) -> list[Reply] | None:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _apply_edit(self, user: str, draft_id: str, text: str) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _ask(self, user: str, question: str, routed: bool, client: Client | None = None) -> list[Reply]:
        """Defined in bot/chat/asking.py."""
        raise NotImplementedError

    def _callback(self, user: str, data: str) -> list[Reply]:
        """Defined in bot/chat/dispatch.py."""
        raise NotImplementedError

    def _cb_approve(self, user: str, draft_id: str) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _cb_choose(self, user: str, ref: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cb_discard(self, user: str, draft_id: str) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _cb_edit(self, user: str, draft_id: str) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _cb_follow_up(self, user: str, ref: str) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _cb_forget(self, user: str, ref: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cb_inbox_drop(self, user: str, item_id: str) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _cb_inbox_file(self, user: str, item_id: str) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _cb_profile(self, user: str, ref: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cb_question_as_note(self, user: str, ref: str) -> list[Reply]:
        """Defined in bot/chat/asking.py."""
        raise NotImplementedError

    def _cb_regenerate(self, user: str, draft_id: str) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _cb_sources(self, user: str, key: str) -> list[Reply]:
        """Defined in bot/chat/asking.py."""
        raise NotImplementedError

    def _cb_view(self, user: str, draft_id: str) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _choose(self, user: str, choice: Choice, candidates: list[Client], name: str | None) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _cmd_ask(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/asking.py."""
        raise NotImplementedError

    def _cmd_cadence(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cmd_client(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cmd_clients(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cmd_digest(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/daily.py."""
        raise NotImplementedError

    def _cmd_done(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cmd_draft(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _cmd_export(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/daily.py."""
        raise NotImplementedError

    def _cmd_merge(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cb_merge(self, user: str, ref: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cmd_forget(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _cmd_inbox(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _cmd_note(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _cmd_settings(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/daily.py."""
        raise NotImplementedError

    def _cmd_undo(self, user: str, args: str) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _draft_request(self, user: str, r: Route) -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _file_pending(self, user: str, name: str, client: Client | None = None) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _keep_sources(self, user: str, ids: list[str]) -> str:
        """Defined in bot/chat/asking.py."""
        raise NotImplementedError

    def _make_draft(self, user: str, client: Client, purpose: str, variant: int = 0, feedback: str = "") -> list[Reply]:
        """Defined in bot/chat/drafts.py."""
        raise NotImplementedError

    def _mark_done(self, user: str, commitment_id: int) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _note(
        self, user: str, text: str, routed: bool, source: str = "text", audio_path: str | None = None
    ) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _profile(self, user: str, client: Client) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _resolve(self, user: str, name: str, choice: Choice) -> Client | list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _snooze(self, user: str, commitment_id: int) -> list[Reply]:
        """Defined in bot/chat/clients.py."""
        raise NotImplementedError

    def _take_back(self, user: str, rest: str, opens: bool = False) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _filed_since(self, user: str, pending: PendingNote) -> bool:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _drop_emptied(self, memory: Memory, undone: list[Note]) -> list[str]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError

    def _text(self, user: str, text: str) -> list[Reply]:
        """Defined in bot/chat/dispatch.py."""
        raise NotImplementedError

    def _voice(self, user: str, audio: bytes, duration_s: float | None, mime: str) -> list[Reply]:
        """Defined in bot/chat/notes.py."""
        raise NotImplementedError
