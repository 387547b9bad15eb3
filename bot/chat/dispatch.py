"""Where a message goes: a command, small talk, an answer to "which client?", a question, a draft request or a note; and where a tap goes."""

from __future__ import annotations

import difflib
import re
from datetime import timedelta
from typing import Any

from bot.chat.callbacks import parse_callback
from bot.chat.chit_chat import chat_signal, no_note_content
from bot.chat.mentions import mentions, zipf
from bot.chat.notes import NotesMixin
from bot.chat.reply import Reply
from bot.chat.routing import (
    Route,
    RouteReply,
    bare_name,
    is_question,
    new_client_name,
    route,
)
from bot.chat.state import Choice, PendingNote
from bot.chat.texts import (
    HELP,
    STALE,
    START,
    label,
)
from bot.chat.words import SmallTalk, correction, opens_with_correction, phrase_key, small_talk
from memory.errors import AmbiguousClient, BadInput, ChetError
from memory.records import Client
from memory.timeutil import from_iso, now_utc
from prompts import quote, render_parts

MOVE_NOTE = re.compile(
    r"^(?:(?:oops|sorry|wait|no|nope|argh)\b[\s,!.:;—–-]*)*"
    r"(?:(?:(?:that|this|it|the|my)(?:\s+(?:last|previous))?(?:\s+(?:one|note|message|line))?)"
    r"(?:(?:'s|\s+(?:was|is))\s+(?:meant\s+|supposed\s+to\s+be\s+)?(?:for|about|under)|\s+(?:goes|belongs)\s+(?:to|under))|"
    r"wrong client[\s,!.:;—–-]*(?:it'?s|it was|should be|meant|for)?)\s+(?P<name>\S.{0,80})$",
    re.I | re.S,
)  # a slip corrected: the last note (or the one waiting) belongs to another client
MOVE_BY_POSSESSIVE = re.compile(
    r"^(?:(?:oops|sorry|wait|no|nope|argh|actually)\b[\s,!.:;—–-]*)*"
    r"(?:that|this|it|the|my)(?:\s+(?:last|previous))?(?:\s+(?:one|note|message|line))?"
    r"(?:['’]s|\s+(?:was|is|should\s+(?:be|have\s+been)|should['’]ve\s+been))\s+"
    r"(?P<name>[^\W\d_].{0,60}?)['’]s?(?P<other>\s*[,;—–-]?\s*(?:not|instead\s+of|rather\s+than)\s+\S.{0,60})?"
    r"[\s.!]*$",
    re.I | re.S,
)  # "no that last one is fatuma's not abdi's", "that one was kwame's": the same slip, said with a possessive
NOT_THE_OTHER = re.compile(r"[\s,;—–-]+(?:not|instead of|rather than)\s+\S.*$", re.I | re.S)


def moved_to(name: str) -> str:
    """The client a slip names ("deepa not harpreet", "Nadia, not Yusuf"): the one it was for, not the other."""
    return NOT_THE_OTHER.sub("", name.strip()).strip().rstrip(".!")


WHO_IS = re.compile(
    r"^(?:who(?:'s|s| is)|tell me about|what do (?:i|we) know about|remind me (?:who|about))\s+(?P<name>[^?]{1,80}?)\s*\??$",
    re.I,
)  # a question about a whole client, answered by the card
SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates: JSON can carry them, UTF-8 (and SQLite) cannot
BROKEN_TEXT = "I couldn't read that message: it holds broken characters (not valid text). Please type it again."

LONE_NUMBER = re.compile(r"#?\s*\d{1,3}[.)]?")  # "2", "#2", "2." alone: meant for a button

__all__ = ["DispatchMixin"]

DRAFT_BUTTONS: dict[str, Any] = {
    "approve": lambda chat, user, ref: chat._cb_approve(user, ref),
    "discard": lambda chat, user, ref: chat._cb_discard(user, ref),
    "regenerate": lambda chat, user, ref: chat._cb_regenerate(user, ref),
    "edit": lambda chat, user, ref: chat._cb_edit(user, ref),
}  # a draft's buttons typed as words
CORRECTION_WINDOW = timedelta(minutes=10)  # "scratch that" takes back a note just sent, never one from days ago
DRAFT_WORD_WINDOW = timedelta(hours=2)  # "approve" typed means the draft just shown, never one from days ago


FOREIGN_SHORT = (
    "👋 Hi! I'm not sure what that one is. For a note, tell me who and what "
    "(“Ngozi Okafor: met at the expo, wants a quote”); or ask me about a client."
)  # a short message Chet can't place: a friendly pointer, never a telling-off
CHIT_CHAT = "👋 Hi! Nothing to file there. Send me a note, a question, or /help."
ENGLISH_WORD = 3.5  # zipf: a word this common in English carries a note's meaning ("lost", "deal", "quote")


def no_english_words(text: str) -> bool:
    """A short message none of whose words is English: a greeting or thanks in another language, or a bare name.

    Either way there is nothing to file: it is answered, never put in the inbox to ask whose it is.
    """
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not 1 <= len(words) <= 3 or re.search(r"\d", text) or is_question(text):
        return False  # "when's migo's bday": asked, so answered from the notes
    return all(zipf(w.casefold()) < ENGLISH_WORD for w in words)


SMALL_TALK_REPLIES = {
    "greeting": "👋 Hi! Send me a note, a question, or /help.",
    "thanks": "You're welcome!",
    "farewell": "Talk soon! 👋",
    "ack": "OK.",
}


def small_talk_reply(talk: SmallTalk) -> str:
    """A short friendly answer to small talk: "thanks, later" is thanked and seen off."""
    if talk.kind == "thanks" and "farewell" in talk.kinds:
        return "You're welcome. Talk soon! 👋"
    return SMALL_TALK_REPLIES.get(talk.kind, "Send me a note (“Dana: wants blue”), a question, or /help.")


class DispatchMixin(NotesMixin):  # moves a note with NotesMixin._store (one signature, not a stub)
    """Where a message goes: a command, small talk, an answer to "which client?", a question, a draft request or a note; and where a tap goes."""

    def _text(self, user: str, text: str) -> list[Reply]:
        text = text.strip()
        state = self._state(user)
        if SURROGATE.search(text):
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
        if talk is not None and talk.kind != "command" and (card := self._whole_name(user, text)) is not None:
            return card  # "Selam", "Chao": a known client's name typed alone opens the card, never a hello
        if talk is not None:
            return self._small_talk(user, talk)
        moved = MOVE_NOTE.match(text) or MOVE_BY_POSSESSIVE.match(text)
        possessive = moved is not None and moved.re is MOVE_BY_POSSESSIVE
        if moved is not None and (replies := self._move_last(user, moved_to(moved.group("name")), possessive)):
            return replies
        taken_back = correction(text)
        if taken_back is not None and self._just_filed(user):  # "I mean satin. ignore that last one"
            return self._take_back(user, taken_back, opens=opens_with_correction(text))
        if taken_back == "":  # "scratch that" long after the last note: never delete an old note unasked
            return [Reply("Nothing was filed in the last few minutes to take back. /undo removes your last note.")]
        if state.choice and state.choice.kind == "note":
            if (
                len(text.split()) == 1
                and no_english_words(text)
                and not self._names_client(user, text.strip(" !.?"))  # never a side step: the note still waits
            ):
                return [Reply(FOREIGN_SHORT + self._still_waiting(user))]  # "dzięki!" is no client's name
            if self._chit_chat(user, text) and (chat_signal(text) or not mentions(text, [])):  # never "Ngozi Okafor"
                return [Reply(CHIT_CHAT + self._still_waiting(user))]
            answered = self._answer_which_client(user, text)
            if answered is not None:
                return answered
        elif LONE_NUMBER.fullmatch(text):  # a button's number when no buttons wait: no note "2"
            return [Reply("Nothing is waiting for a number just now. Send a note, a question, or /help.")]
        elif no_english_words(text) and self._resolve_or_none(user, text.strip(" !.?")) is None:
            return [Reply(FOREIGN_SHORT)]  # "makasih", "góðan daginn!", "asante sana": nothing to file
        elif self._chit_chat(user, text) and (chat_signal(text) or not mentions(text, [])):
            return [
                Reply(CHIT_CHAT)
            ]  # "oi chet, tudo bem?", "morning! grand day for it"; never "Mai Nguyen has the cafe"
        elif bare_name(text) or (len(text.split()) <= 3 and text.replace(" ", "").isalpha()):
            found = self._resolve_or_none(user, text.strip())  # "ken": the client's card, never a note "ken"
            if found is not None or bare_name(text):
                return found or self._bare_name(user, text)
        r = self._route(user, text)
        if r.kind == "question" and (who := WHO_IS.match(text)) and (card := self._resolve_or_none(user, who["name"])):
            return card  # "who is Rob Chen?": the client's card says it best
        if r.kind == "question":
            state.last_question = text
            replies = self._ask(user, text, routed=True, client=self._question_client(user, text))
            return replies
        if r.kind == "draft":
            return self._draft_request(user, r)
        waiting = state.choice
        replies = self._note(user, text, routed=True)
        if waiting is not None and state.choice is waiting and replies:  # filed elsewhere; the first still waits
            last = replies[-1]
            replies[-1] = Reply(last.text + self._still_waiting(user), last.buttons, last.document)
        return replies

    def _just_filed(self, user: str) -> bool:
        """Whether this chat filed a note within CORRECTION_WINDOW: only then can words take it back."""
        last = self._state(user).last_client
        return last is not None and now_utc() - from_iso(str(last[1])) <= CORRECTION_WINDOW

    def _question_client(self, user: str, text: str) -> Client | None:
        """The one known client a question names, found as notes find them (title and surname, "the" + family name); else None."""
        found = {c.id: c for m in mentions(text, self._memory(user).clients()) for c in m.clients}
        return next(iter(found.values())) if len(found) == 1 else None

    def _route(self, user: str, text: str) -> Route:
        """The model classifies the message when one is configured; the offline rules otherwise or on failure."""
        offline = route(text)
        memory = self._memory(user)
        llm = self.runtime.llm(memory)
        if llm is None:
            return offline
        known = ", ".join(c.name for c in memory.clients()[:200]) or "(none yet)"
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
            "merge": self._cmd_merge,
            "undo": self._cmd_undo,
            "done": self._cmd_done,
            "cadence": self._cmd_cadence,
            "cancel": self._cmd_cancel,
            "inbox": self._cmd_inbox,
        }

    def _move_last(self, user: str, name: str, possessive: bool = False) -> list[Reply]:
        """ "oops, that was meant for Carla": file the waiting note, or move the last note, under that client.

        [] when `name` is neither a known client nor a name ("this is for the Q3 launch" is a note). A possessive
        ("that one was Tomasz's") to a first name nobody on file has asks for the full name instead of starting one.
        """
        try:
            self._memory(user).find_client(name)
        except AmbiguousClient:
            pass
        except BadInput:
            if (fresh := new_client_name(name)) is None:
                return []
            if possessive and len(fresh.split()) < 2:
                # "that one was Tomasz's": a slip or a typo of a name as often as a new client; never move unasked
                return [
                    Reply(
                        f"I have no client called {fresh}, so I left that note where it is. To move it to a new "
                        f"client, send the full name: “that one was {fresh} <surname>'s”."
                    )
                ]
            name = fresh  # "siobhan" starts the client "Siobhan", as an answer to "which client?" does
        state = self._state(user)
        waiting = state.choice.payload if state.choice and state.choice.kind == "note" else None
        # "that" is the note sent last: the waiting one, unless a note was filed after it went to the inbox
        if isinstance(waiting, PendingNote) and not self._filed_since(user, waiting):
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
            state = self._state(user)
            state.moved = [state.last_notes[0], note.client_id, note.client] if state.last_notes else None
            self._drop_emptied(memory, [note])  # the slip had started that client: no empty ghost stays behind
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

    def _whole_name(self, user: str, text: str) -> list[Reply] | None:
        """The card of the known client whose name is exactly `text` (a name can be a greeting word), else None."""
        name = text.strip(" !.?,")
        folded = phrase_key(name)
        if not folded or not any(
            folded in {phrase_key(c.name), *(phrase_key(part) for part in c.name.split())}
            for c in self._memory(user).clients()
        ):
            return None
        return self._resolve_or_none(user, name)

    def _names_client(self, user: str, name: str) -> bool:
        """Whether `name` names one or several known clients (no question asked, no state changed)."""
        try:
            self._memory(user).find_client(name)
        except AmbiguousClient:
            return True
        except ChetError:
            return False
        return True

    def _resolve_or_none(self, user: str, name: str) -> list[Reply] | None:
        try:
            client = self._resolve(user, name, Choice("client"))
        except BadInput:
            return None
        return client if isinstance(client, list) else self._profile(user, client)

    def _chit_chat(self, user: str, text: str) -> bool:
        """Whether a short line carries no note content (bot/chat/chit_chat.py) and names no known client."""
        memory = self._memory(user)
        if any(m.clients for m in mentions(text, memory.clients())):
            return False

        def is_client(name: str) -> bool:
            try:
                memory.find_client(name)
            except AmbiguousClient:
                return True
            except ChetError:
                return False
            return True

        return no_note_content(text, is_client)

    def _small_talk(self, user: str, talk: SmallTalk) -> list[Reply]:
        """A greeting, a thanks or a bare command word: a short answer, never a note or a client."""
        if talk.kind == "command" and talk.command in DRAFT_BUTTONS:
            return self._draft_button(user, talk.command)
        if talk.kind == "command":
            if talk.command != "cancel":
                self._state(user).edit_draft = None
            return self._commands()[talk.command](user, "")
        return [Reply(small_talk_reply(talk) + self._still_waiting(user))]

    def _draft_button(self, user: str, word: str) -> list[Reply]:
        """ "approve", "edit", "discard" or "regenerate" typed (a terminal has no buttons): the newest waiting draft."""
        waiting = self._memory(user).drafts("pending")
        shown = waiting[0].created_at if waiting else None
        if shown is not None and now_utc() - shown > DRAFT_WORD_WINDOW:
            return [Reply(f"No draft was shown lately. Open the waiting one from /digest to {word} it.")]
        if not waiting:
            return [Reply("No draft is waiting for approval. Ask me for one: “draft a follow-up to Dana”.")]
        return DRAFT_BUTTONS[word](self, user, waiting[0].id)

    def _still_waiting(self, user: str) -> str:
        """A reminder line when a note still waits for its client ("" otherwise)."""
        choice = self._state(user).choice
        if choice is None or choice.kind != "note":
            return ""
        pending: PendingNote = choice.payload
        return f"\nStill waiting: who is “{label(pending.text, 40)}” about?"

    def _cmd_cancel(self, user: str, args: str) -> list[Reply]:
        state = self._state(user)
        had = state.edit_draft or state.choice
        kept = state.choice is not None and state.choice.kind == "note"
        state.edit_draft, state.choice = None, None
        if kept:
            return [Reply("OK, I stopped asking. The note stays in your /inbox.")]
        return [Reply("Cancelled." if had else "Nothing to cancel.")]

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
            "mg": self._cb_merge,
            "mx": lambda u, r: [Reply("Kept apart. Nothing was merged.")],
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
