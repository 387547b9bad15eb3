"""Notes: filing a note under its client, "which client?" and the inbox, undo, voice notes."""

from __future__ import annotations

import logging
import re
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.chat.core import ChatCore
from bot.chat.inbox import add_to_inbox, drop_from_inbox, find_in_inbox, inbox_items
from bot.chat.mentions import COMMON_KNOWN_FIRST, is_cue, is_name_part, verb_form, zipf
from bot.chat.reply import Button, Reply, client_rows
from bot.chat.routing import (
    CONTINUE_WINDOW,
    CONTINUING_PRONOUNS,
    Filing,
    first_name_gender,
    look_alikes,
    new_client_name,
    note_clients,
    route,
)
from bot.chat.state import Choice, PendingNote
from bot.chat.texts import (
    clip,
    fact_summary,
    label,
    long_day,
    sentence,
)
from bot.engines.voice import ENABLE_HINT, MAX_AUDIO_BYTES
from memory.errors import AmbiguousClient, BadInput, ChetError, UnknownClient
from memory.lexicon import MONTHS, STOPWORDS, WEEKDAYS
from memory.records import Client, FactKind, Note
from memory.service import Memory, NoteInput, Stored, validated_note_text
from memory.timeutil import from_iso, now_utc

log = logging.getLogger("bot.conversation")


def when_sent(moment: datetime, tz: ZoneInfo) -> str:
    """ "today 09:14", or the day for older ones."""
    local = moment.astimezone(tz)
    if local.date() == now_utc().astimezone(tz).date():
        return f"today {local.strftime('%H:%M')}"
    return long_day(local.date())


__all__ = ["NotesMixin", "after_name"]

QUOTE_CHARS = 60  # a confirmation with no fact picked out quotes this much of the note, after the client's name


def after_name(text: str, name: str) -> str:
    """The note after its client's name, when the name opens it ("<name> <company> IT dir, ..." ->
    "<company> IT dir, ..."): the quote then says what the note holds, not whom it is about."""
    words = [re.escape(w) for w in re.findall(r"[^\W\d_]+", name)]
    if not words:
        return text
    pattern = r"['’]?\W*".join(words)
    m = re.search(rf"\b{pattern}(?:['’]s)?\b", text[: len(name) + 40], re.I)
    if m is None:
        given = re.escape(name.split()[0])  # "mei-ling wants ...": a hyphenated given name goes whole
        m = re.search(rf"\b{given}(?:['’]?s)?\b", text[:40], re.I)  # "anitas bday is ...", "marco: ..."
    if m is None:
        return text
    end = m.end()
    suffix = re.match(r"-([^\W\d_]+)\b", text[end:])
    if suffix and is_name_part(suffix.group(1), "suffix"):
        end += suffix.end()  # "tanaka-san said ...": the honorific goes with the name
    rest = re.sub(r"^\s*\([^()]{0,60}\)", "", text[end:]).lstrip(
        " ,:;-–—"
    )  # "<name> (<company>): ...": the bracket too
    return rest if len(rest.split()) >= 3 else text


TOPIC_ZIPF = 4.8  # a word rarer than this in English (zipf) names a topic ("quote", "forceps"); "today", "sent" do not


FUNCTION_ZIPF = 6.0  # a word this common ("the", "this", "for") joins no two-word topic
PAIR_ZIPF = 5.2  # ... and a pair needs one word rarer than this


def _fold_name(name: str) -> str:
    """A client name compared loosely: case and spacing aside."""
    return " ".join(name.casefold().split())


def _topic_words(text: str) -> set[str]:
    """What a note is about: words rarer than everyday English (past forms and days aside), and pairs of content
    words in a row ("floor plan")."""
    words = re.findall(r"[a-z][a-z'-]+", text.casefold())
    rare = {
        w
        for w in words
        if len(w) >= 4 and zipf(w) < TOPIC_ZIPF and not w.endswith("ed") and w not in MONTHS and w not in WEEKDAYS
    }
    content = [len(w) >= 3 and zipf(w) < FUNCTION_ZIPF and not w.endswith("ed") for w in words]
    pairs = {
        f"{words[i]} {words[i + 1]}"
        for i in range(len(words) - 1)
        if content[i] and content[i + 1] and min(zipf(words[i]), zipf(words[i + 1])) < PAIR_ZIPF  # never "sent today"
    }
    return rare | pairs


# a person's pronoun and the gender it refers to: "she" after a note about Marek goes back to the last woman noted
PRONOUN_GENDER = {
    **dict.fromkeys(["she", "her", "hers", "shes", "she's"], "f"),
    **dict.fromkeys(["he", "him", "his", "hes", "he's"], "m"),
}
NOTE_PRONOUN_MARGIN = 2  # a client's notes must use one gender's pronouns this many times more than the other's


def _gender(memory: Memory, client: Client) -> str | None:
    """A client's gender as the notes or the first-name dictionary show it ("f", "m"), or None when unsure.

    The notes' own pronouns come first ("wants 14 desks, she needs them before ..."); a first name the dictionary
    knows as mostly one gender decides otherwise (gender-guesser: "Agnieszka" female, "Marek" male).
    """
    counts = {"f": 0, "m": 0}
    for note in memory.notes(client.id, limit=5):
        for w in re.findall(r"[\w']+", note.text.casefold()):
            if w in PRONOUN_GENDER:
                counts[PRONOUN_GENDER[w]] += 1
    if abs(counts["f"] - counts["m"]) >= NOTE_PRONOUN_MARGIN:
        return "f" if counts["f"] > counts["m"] else "m"
    first = (client.goes_by or client.name).split()[0]
    guess = first_name_gender(first)
    return guess


REPLACED = re.compile(
    r"(?:(?<!\S)(?P<new>[^\s,;.!?]+)[\s,;]+)?"
    r"\b(?:not|instead\s+of|rather\s+than|no\s+longer|wasn['’]?t)\s+(?:the\s+|a\s+|an\s+)?(?P<old>[^\s,;.!?]+)",
    re.I,
)  # "18k not 14k", "champagne instead of ivory": the old value a correction names (never a bare "was 12": no cue)


def _restated(text: str, earlier: str) -> str | None:
    """The earlier note with the value this line takes back put right ("oops 18k not 14k" after "budget 14k for the
    terrace" gives "budget 18k for the terrace"): facts come from that, so the slot changes and "X not Y" makes no
    likes/dislikes. None when the line names no replacement for a value of the earlier note."""
    for m in REPLACED.finditer(text):
        old, new = m.group("old"), m.group("new")
        if not new or new.casefold() == old.casefold() or is_cue(new, "amend") or is_cue(new, "filler"):
            continue
        if bool(re.search(r"\d", old)) != bool(re.search(r"\d", new)):
            continue  # "18k not 14k", "oak not pine": a value for a value of the same kind
        pattern = re.compile(rf"(?<![\w.]){re.escape(old)}(?![\w])", re.I)
        if (at := pattern.search(earlier)) is not None:
            return earlier[: at.start()] + new + earlier[at.end() :]
    return None


def _replaced_value_in(text: str, earlier: list[str]) -> bool:
    """Whether a line takes back a value ("... not 14k") that one of the `earlier` notes states: a number, or a word
    rarer than everyday English (a colour, a model), so "not today" or "not sure" never ties it to a note."""
    for m in REPLACED.finditer(text):
        old = m.group("old").casefold()
        if not re.search(r"\d", old) and not _topic_words(old):
            continue
        pattern = re.compile(rf"(?<![\w.]){re.escape(old)}(?![\w])", re.I)
        if any(pattern.search(e) for e in earlier):
            return True
    return False


AUX_ZIPF = (
    6.2  # a verb cue this common is an auxiliary or adverb ("is", "will", "also"): no act by itself ("said" is 6.0)
)


def _names_in(text: str) -> set[str]:
    """The words among a note's first words that it uses as a person's name (case-folded): a word rarer than
    everyday English anywhere; an everyday word ("rose", "max") only capitalised mid-sentence, or in subject place
    before a speech or act verb ("max said", "Rose also wants"), since "rose gold" and "max budget" name no one."""
    toks = list(re.finditer(r"[\w'’-]+", text))[:PRONOUN_REACH]
    found: set[str] = set()
    for i, m in enumerate(toks):
        word = re.sub(r"['’]s$", "", m.group()).casefold()
        if word in STOPWORDS or not word[:1].isalpha():
            continue
        if zipf(word) < COMMON_KNOWN_FIRST:
            found.add(word)
            continue
        starts = i == 0 or bool(re.search(r"[.!?:;\n]\s*$", text[toks[i - 1].end() : m.start()]))
        if m.group()[:1].isupper() and not starts:
            found.add(word)
            continue
        for nxt in toks[i + 1 : i + 4]:  # "max said", "max also said", "max is also asking"
            w = nxt.group().casefold()
            if verb_form(w) and zipf(w) < AUX_ZIPF:
                found.add(word)
                break
            if not (is_cue(w, "verb") and zipf(w) >= AUX_ZIPF):
                break
    return found


PRONOUN_REACH = 8  # a person's pronoun among a note's first words refers back to the last client
REFERRING = CONTINUING_PRONOUNS | {"him", "them", "hers"}  # object forms too: "sent him the quote"
FOLLOW_ON_WINDOW = timedelta(minutes=5)  # an amending line (name_cues.txt 'amend') this soon after a note goes with it
FOLLOW_ON_WORDS = 15  # ... when it is this short: a longer unnamed note may be about anyone


class NotesMixin(ChatCore):
    """Notes: filing a note under its client, "which client?" and the inbox, undo, voice notes."""

    def _cmd_note(self, user: str, args: str) -> list[Reply]:
        if not args:
            return [Reply("Write the note after the command: /note Dana: wants blue, not grey")]
        return self._note(user, args, routed=False)

    def _note(
        self, user: str, text: str, routed: bool, source: str = "text", audio_path: str | None = None
    ) -> list[Reply]:
        memory = self._memory(user)
        validated_note_text(text)  # empty, binary or oversized: say so now, not after asking which client
        filing = note_clients(memory, text)
        name, body, candidates = filing.name, filing.body, filing.candidates
        # a note that goes on from the last one is that client's first: an everyday word shared with someone's
        # relative ("rose gold handles" after a desk order; Lerato's wife is Rose) never outranks continuity
        if name is None and not candidates and (recent := self._recent_client(user, text)) is not None:
            last = memory.notes(recent.id, limit=1)
            fixed = _restated(text, last[0].text) if last else None
            return self._store(
                user, memory, recent.name, body, source, audio_path, routed, recent, continued=True, fact_text=fixed
            )
        if name is None and not candidates and (linked := self._relation_client(memory, text)) is not None:
            # "Reem also said no pork": Reem is on file as Omar's EA, so the note is Omar's
            return self._store(user, memory, linked.name, body, source, audio_path, routed, linked)
        if candidates:
            pending = self._to_inbox(user, PendingNote(body, source, audio_path))
            return self._choose(user, Choice("note", pending), candidates, name)
        if name is None:
            return self._ask_which_client(user, self._to_inbox(user, PendingNote(text, source, audio_path)))
        replies = self._store(
            user,
            memory,
            name,
            body,
            source,
            audio_path,
            routed,
            filing.client,
            typo=filing.typo,
            fact_text=filing.facts_from.get(None),
        )
        if filing.others and replies and replies[0].note_saved:
            replies[0] = self._also_file(user, memory, filing, replies[0], source)
        if filing.new_people and replies and replies[0].note_saved:
            replies[0] = self._file_new_people(user, memory, filing, replies[0], source)
        return replies

    def _file_new_people(self, user: str, memory: Memory, filing: Filing, saved: Reply, source: str) -> Reply:
        """Each new person with a clause of their own in the note becomes a client with that clause's facts."""
        ids = list(self._state(user).last_notes)
        lines: list[str] = []
        for name in filing.new_people:
            moment = now_utc().astimezone(self.tz(user))
            at_raw = moment.isoformat(timespec="seconds")
            item = NoteInput(name, filing.body, moment, at_raw, source=source, fact_text=filing.facts_from.get(name))
            stored = memory.add_note(item, index=not self.background_index)
            ids.append(stored.note.id)
            summary = fact_summary(stored.facts)
            lines.append(f"{stored.client.name}, a new client" + (f": {clip(summary, 160)}" if summary else ""))
        if self.background_index:
            self._queue_index(user)
        self._state(user).last_notes = ids
        text = saved.text + "\nAlso saved for " + "; ".join(lines)
        return Reply(text, saved.buttons, saved.document, note_saved=True)

    def _also_file(self, user: str, memory: Memory, filing: Filing, saved: Reply, source: str) -> Reply:
        """A note naming other known clients is theirs too: a copy is filed under each, and the reply says so."""
        ids = [n for n in self._state(user).last_notes]
        own: dict[int, str] = {}  # what was understood for a client whose own clause it is
        for other in filing.others:
            moment = now_utc().astimezone(self.tz(user))
            at_raw = moment.isoformat(timespec="seconds")
            item = NoteInput(
                other.name, filing.body, moment, at_raw, source=source, fact_text=filing.facts_from.get(other.id)
            )
            stored = memory.add_note(item, index=not self.background_index)
            ids.append(stored.note.id)
            if other.id in filing.facts_from and (summary := fact_summary(stored.facts)):
                own[other.id] = clip(summary, 160)
        if self.background_index:
            self._queue_index(user)
        self._state(user).last_notes = ids
        if own:  # "Also filed for Tomasz Nowak: wants black"
            also = "; ".join(f"{c.name}: {own[c.id]}" if c.id in own else c.name for c in filing.others)
            text = saved.text + f"\nAlso filed for {also}"
        else:
            text = saved.text + f"\nAlso filed for {' and '.join(c.name for c in filing.others)}."
        return Reply(text, saved.buttons, saved.document, note_saved=True)

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
        typo: str = "",
        fact_text: str | None = None,
    ) -> list[Reply]:
        is_new = False
        if client is None:
            try:
                client = memory.find_client(name)
            except UnknownClient:
                is_new = True
            except AmbiguousClient as err:
                found = [c for c in memory.clients() if c.name in err.candidates]
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
            fact_text=fact_text,
        )
        known = [c.name for c in memory.clients()] if is_new else []
        stored = memory.add_note(item, index=not self.background_index)
        if self.background_index:
            self._queue_index(user)
        similar = look_alikes(stored.client.name, known)  # a typo ("Maira") made a new client: say so
        self._state(user).last_client = [
            stored.client.id,
            now_utc().isoformat(),
        ]  # to the microsecond: /undo orders by it
        self._state(user).last_notes = [stored.note.id]
        text = self._confirm(stored, is_new, similar)
        if typo:  # a close typo of a known name: filed under the known client, never a near-duplicate; say so
            text += (
                f"\n(I read “{label(typo, 40)}” as {stored.client.name}. Someone else? /undo and type the full name.)"
            )
        if continued:
            text += "\n(No name, so I filed it with your last note. Wrong client? /undo and add the name.)"
        return [Reply(text, note_saved=True)]

    def _relation_client(self, memory: Memory, text: str) -> Client | None:
        """The one client whose notes name a person of this note's first words as a relative or colleague ("his EA
        Reem", "her mom Lorna"): a note about that person is the client's. None when no client, or several, do.

        A name that is also an everyday word ("Rose", "Max", "Grace") counts only where the note uses it as a name:
        capitalised mid-sentence, or as a subject before a verb ("max said ..."), never "rose gold" or "max budget"."""
        names = _names_in(text)
        owners: dict[int, int] = {}
        for fact in memory.facts():
            if fact.kind is not FactKind.FAMILY and not fact.key.startswith("people:"):
                continue
            named = {w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", fact.value) if w[:1].isupper()}
            if named & names:
                owners[fact.client_id] = fact.client_id
        if len(owners) != 1:
            return None
        return memory.client(next(iter(owners)))

    def _recent_client(self, user: str, text: str) -> Client | None:
        """The client of the previous note when this one goes on about them ("she also said ...") soon after."""
        every = re.findall(r"[\w']+", text.casefold())
        words = every[:PRONOUN_REACH]
        while words and is_cue(words[0], "filler"):  # "also he asked me ...", "ok so she said ..."
            words = words[1:]
        last = self._state(user).last_client
        if not words or not last:
            return None
        age = now_utc() - from_iso(str(last[1]))
        # the pronoun may follow a verb or two ("I'll send him the specs", "asked me not to call her"); the note
        # names nobody (the caller checked), so "him" can only be the person just noted
        goes_on = any(w in REFERRING for w in words) and age <= CONTINUE_WINDOW
        # a short line that amends the note just sent, naming nobody ("actually make it 15 cases"), goes with it
        follow_on = is_cue(words[0], "amend") and len(every) <= FOLLOW_ON_WORDS and age <= FOLLOW_ON_WINDOW
        memory = self._memory(user)
        # a short line on the same thing as the last note or one of that client's open promises ("revised quote
        # sent today" after "promised her a revised quote"): a shared word rarer than everyday English
        same_topic = (
            not (goes_on or follow_on)
            and len(every) <= FOLLOW_ON_WORDS
            and age <= CONTINUE_WINDOW
            and bool(_topic_words(text) & self._last_topic(memory, int(last[0])))
        )
        # "oops budget is 18k not 14k", "champagne instead of ivory": the value taken back is in the note just sent
        takes_back = (
            not (goes_on or follow_on or same_topic)
            and len(every) <= FOLLOW_ON_WORDS
            and age <= CONTINUE_WINDOW
            and _replaced_value_in(text, [n.text for n in memory.notes(int(last[0]), limit=1)])
        )
        if not (goes_on or follow_on or same_topic or takes_back):
            return None
        client = memory.client(int(last[0]))
        said = {PRONOUN_GENDER[w] for w in words if w in PRONOUN_GENDER}
        if goes_on and client is not None and len(said) == 1 and _gender(memory, client) not in (None, *said):
            # "she wants 16 now" right after a note about Marek: the client just noted before him who is a she
            return self._recent_of_gender(memory, client, said.pop()) or client
        return client

    def _recent_of_gender(self, memory: Memory, last: Client, gender: str) -> Client | None:
        """The most recent other client noted within the window whose gender is `gender`, if any."""
        seen = {last.id}
        for note in memory.notes(limit=20):
            if now_utc() - note.created_at > CONTINUE_WINDOW:
                break
            if note.client_id in seen:
                continue
            seen.add(note.client_id)
            other = memory.client(note.client_id)
            if other is not None and _gender(memory, other) == gender:
                return other
        return None

    def _last_topic(self, memory: Memory, client_id: int) -> set[str]:
        """The rarer words of a client's latest note and open promises."""
        texts = [n.text for n in memory.notes(client_id, limit=1)] + [c.text for c in memory.commitments(client_id)]
        return set().union(*(_topic_words(t) for t in texts)) if texts else set()

    def _confirm(self, stored: Stored, is_new: bool, similar: list[str]) -> str:
        """At most four short lines: who it was filed under and what was understood, never the note itself."""
        client = stored.client
        head = client.name + (f" ({client.company})" if client.company else "")
        summary = fact_summary(stored.facts)
        first = f"Saved for {head}" + (", a new client" if is_new else "")
        quote = clip(after_name(stored.note.text, client.name), QUOTE_CHARS)
        lines = [clip(f"{first}: {summary}" if summary else f"{first}: “{quote}”", 240)]
        if similar:
            lines.append(f"Did you mean {' or '.join(similar)}? Then /undo and send it again with that name.")
        lines += [clip(sentence(n)) for n in stored.notices[:2]]
        return "\n".join(lines[:4])

    def _ask_which_client(self, user: str, pending: PendingNote) -> list[Reply]:
        memory = self._memory(user)
        recent: list[Client] = []
        seen: set[int] = set()
        for note in memory.notes(limit=40):
            if note.client_id not in seen:
                seen.add(note.client_id)
                c = memory.client(note.client_id)
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
            client = memory.client(pending.options[n - 1]) if 1 <= n <= len(pending.options) else None
            if client is None:
                return [Reply(f"There is no name number {n}. Tap a name or type it.")]
            return self._file_pending(user, client.name, client)
        if len(text.split()) > 5 or route(text).kind != "note":
            return None
        try:
            client = memory.find_client(text)
        except AmbiguousClient as err:
            found = [c for c in memory.clients() if c.name in err.candidates]
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
        if state.choice and state.choice.kind == "note" and not self._filed_since(user, state.choice.payload):
            pending: PendingNote = state.choice.payload  # the last thing sent is the note still waiting
            state.choice = None
            if pending.inbox_id and drop_from_inbox(self._memory(user), pending.inbox_id):
                return [Reply(f"Removed “{label(pending.text, 60)}” (it was waiting for a client).")]
        moved_back = self._undo_move(user)
        if moved_back is not None:
            return moved_back
        reply, _ = self._undo_filed(user)
        return [reply]

    def _undo_move(self, user: str) -> list[Reply] | None:
        """/undo right after "oops, that was meant for X": the note goes back where it was, never away."""
        state = self._state(user)
        moved, state.moved = state.moved, None
        memory = self._memory(user)
        latest = memory.notes(limit=1)
        if not moved or not latest or latest[0].id != moved[0]:
            return None
        origin = memory.client(int(moved[1]))
        name = origin.name if origin is not None else (str(moved[2]) if len(moved) > 2 else "")
        if not name:  # the first client was forgotten meanwhile, and its name is unknown: a plain undo
            return None
        note = memory.undo_last()
        assert note is not None
        at = note.occurred_at.isoformat()
        replies = self._store(user, memory, name, note.text, note.source, None, False, origin, at)
        self._drop_emptied(memory, [note])  # the client the slip named had only this note: it goes with it
        if replies and replies[0].note_saved:
            replies[0] = Reply(f"Moved back to {name}. " + replies[0].text, replies[0].buttons, note_saved=True)
        return replies

    def _undo_filed(self, user: str, keep_clients: bool = False) -> tuple[Reply, Note | None]:
        """Undo the last filed note (and its copies under other clients); the reply and the main note undone.

        A client left with nothing is forgotten too, unless `keep_clients` (a correction files its rest there).
        """
        state = self._state(user)
        memory = self._memory(user)
        note = memory.undo_last()
        if note is None:
            return Reply("There is no note to undo."), None
        undone = [note]
        group = state.last_notes if note.id in state.last_notes else []
        for copy_id in group:  # one message filed under several clients is undone whole, by id (never "the newest")
            if copy_id != note.id and (more := memory.undo_note(copy_id)) is not None:
                undone.append(more)
        main = next((n for n in undone if group and n.id == group[0]), note)  # the first filed is the main note
        also = list(dict.fromkeys(n.client for n in undone if n is not main))
        state.last_notes = []
        state.last_client = None  # nothing left to take back or continue in words
        extra = f" It is also gone from {' and '.join(also)}." if also else ""
        emptied = [] if keep_clients else self._drop_emptied(memory, undone)
        if emptied:
            who = "they are" if len(emptied) > 1 else "that client is"
            extra += f" {' and '.join(emptied)} had nothing else, so {who} gone too."
        return Reply(f"Removed your last note ({main.client}: “{label(main.text, 60)}”).{extra}"), main

    def _drop_emptied(self, memory: Memory, undone: list[Note]) -> list[str]:
        """Forget each client an undone note leaves with no note and no promise: the note had started them."""
        gone = []
        for client_id in dict.fromkeys(n.client_id for n in undone):
            client = memory.client(client_id)
            if client is None or memory.count_notes(client_id) or memory.commitments(client_id):
                continue
            memory.forget(client)
            gone.append(client.name)
        return gone

    def _take_back(self, user: str, rest: str, opens: bool = False) -> list[Reply]:
        """ "I meant oak. scratch that": undo the last note, file the rest under the same client.

        When the rest names another client ("rahul mehta - promised him a quote. ignore that last one") it is filed
        under that client, and the earlier note stays: whether the phrase meant it is unclear, so the reply asks.
        A take-back that opens the message ("scratch that, it was marek who said the count") can only mean the note
        before it: that note goes, and the rest is filed under the client it names.
        """
        memory = self._memory(user)
        latest = memory.notes(limit=1)
        another = bool(latest) and len(rest.split()) >= 2 and self._names_another_client(memory, rest, latest[0])
        if another and opens:
            undone, _ = self._undo_filed(user, keep_clients=True)
            saved = self._note(user, rest, routed=True)
            if not saved:
                return [undone]
            return [Reply(undone.text + "\n" + saved[0].text, saved[0].buttons, note_saved=saved[0].note_saved)]
        if another:
            replies = self._note(user, rest, routed=True)
            earlier = latest[0]
            ask = (
                f"\nI kept your earlier note for {earlier.client} (“{label(earlier.text, 60)}”): this message names "
                "someone else, so I was not sure “ignore that last one” meant it. To remove it, open that client "
                f"with /client {earlier.client}."
            )
            if replies:
                last = replies[-1]
                replies[-1] = Reply(last.text + ask, last.buttons, last.document, note_saved=last.note_saved)
            return replies
        undone, note = self._undo_filed(user, keep_clients=len(rest.split()) >= 2)
        if note is None or len(rest.split()) < 2:
            return [undone]
        memory = self._memory(user)
        client = memory.client(note.client_id)
        if client is None:
            return [undone]
        saved = self._store(user, memory, client.name, rest, "text", None, True, client)
        return [Reply(undone.text + "\n" + saved[0].text, saved[0].buttons, note_saved=True)]

    def _names_another_client(self, memory: Memory, text: str, earlier: Note) -> bool:
        """Whether a note names a client (known or new) other than the one `earlier` was filed under."""
        filing = note_clients(memory, text)
        if filing.candidates:
            return all(c.id != earlier.client_id for c in filing.candidates)
        if filing.client is not None:
            return filing.client.id != earlier.client_id
        return filing.name is not None and _fold_name(filing.name) != _fold_name(earlier.client)

    def _filed_since(self, user: str, pending: PendingNote) -> bool:
        """Whether a note was filed after this one went to the inbox: then /undo means that note."""
        last = self._state(user).last_client
        if not last or not pending.at:
            return False
        return from_iso(str(last[1])) > from_iso(pending.at)

    def _cmd_inbox(self, user: str, args: str) -> list[Reply]:
        items = inbox_items(self._memory(user))
        if not items:
            return [Reply("Your inbox is empty: every note has its client.")]
        tz = self.tz(user)
        lines = [f"{len(items)} note{'s' if len(items) != 1 else ''} waiting for a client:"]
        rows: list[list[Button]] = []
        for n, item in enumerate(items[:10], 1):
            lines.append(f"{n}. “{label(item.text, 60)}” ({when_sent(from_iso(item.at), tz)})")
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
