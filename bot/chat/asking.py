"""Questions: answers in a few short lines, the notes behind them one tap away."""

from __future__ import annotations

import re
import uuid

from bot.chat.core import ChatCore
from bot.chat.reply import Button, Reply
from bot.chat.routing import CONTINUE_WINDOW
from bot.chat.state import MAX_SOURCE_IDS, MAX_SOURCES_KEPT
from bot.chat.texts import clip, phone_lines, sentence
from bot.usecases.ask import answer, client_in_question
from memory.records import Client
from memory.timeutil import from_iso, now_utc

_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their)\b", re.I)
_ONE = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)
# a question about many ("which clients ...", "does anyone ...") or one asked for ("who has their renewal due?"):
# its "they/their" is that group or that unknown one, never the last client filed
_MANY = re.compile(r"\b(?:clients?|customers?|accounts?|people|anyone|anybody|everyone|everybody)\b", re.I)
_ASKS_WHO = re.compile(r"^\W*(?:who|whom|which|whose)\b", re.I)


def speaks_of_the_last_client(question: str) -> bool:
    """Whether the question's pronoun means one known client ("what did I promise her?"), not a group or a who."""
    if not _PRONOUN.search(question):
        return False
    if _ONE.search(question):
        return not _MANY.search(question)
    return not (_MANY.search(question) or _ASKS_WHO.search(question))


__all__ = ["AskMixin", "speaks_of_the_last_client"]


class AskMixin(ChatCore):
    """Questions: answers in a few short lines, the notes behind them one tap away."""

    def _cmd_ask(self, user: str, args: str) -> list[Reply]:
        if not args:
            return [Reply("Ask after the command: /ask what does Dana like?")]
        return self._ask(user, args, routed=False)

    def _ask(self, user: str, question: str, routed: bool, client: Client | None = None) -> list[Reply]:
        memory = self._memory(user)
        client = client or self._pronoun_client(user, question)
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

    def _pronoun_client(self, user: str, question: str) -> Client | None:
        """The client of the conversation for "what did I promise her?": the last one filed, while recent.

        Only when the question names no client and speaks of someone by a pronoun."""
        if not speaks_of_the_last_client(question):
            return None
        memory = self._memory(user)
        if client_in_question(memory, question) is not None:
            return None
        last = self._state(user).last_client
        if not last or now_utc() - from_iso(str(last[1])) > CONTINUE_WINDOW:
            return None
        return memory.client(int(last[0]))

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
        tz = self.tz(user)
        found = self._memory(user).notes_by_id(ids)
        lines = []
        for note_id in ids:
            note = found.get(note_id)
            if note is None:
                lines.append(f"• {note_id}: removed since")
                continue
            day = note.occurred_at.astimezone(tz).date()
            lines.append(f"• {day.day} {day.strftime('%b %Y')}, {note.client}: “{clip(note.text, 90)}” ({note_id})")
        return [Reply("\n".join(lines))]

    def _cb_question_as_note(self, user: str, ref: str) -> list[Reply]:
        state = self._state(user)
        text, state.last_question = state.last_question, None
        if not text:
            return [Reply("That choice has expired; use /note to file a note.")]
        return self._note(user, text, routed=False)
