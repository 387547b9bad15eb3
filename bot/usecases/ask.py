"""Answer a question from everything Chet knows (facts, promises, contact history, notes), citing notes, or abstain.

A question is read for its intents with the cue words of `bot/usecases/data/ask_intents.json` (what it
asks for: promises, who is overdue, where they met, how to reach them, dates, family, tastes,
budget, ...) and for its topic (the words left once cues, fillers and the client's name are
taken out). The structured state answers first: open commitments, the keep-in-touch list the
digest computes, last contact, facts by kind. Each answer quotes its note briefly (one short
sentence, not the whole note) and lists the note ids in `sources`, never in the text. Only when
no structured state answers are note sentences searched, and only sentences that hold both the
question's topic and the intent's evidence count; otherwise Chet abstains.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.chat.mentions import mentions
from bot.usecases.answer import ABSTAIN, Answer
from bot.usecases.ask_intents import DATA as DATA_FILE
from bot.usecases.ask_intents import (
    SLOT_VALUES,
    Intent,
    Reading,
    lexicon,
    name_stems,
    read_question,
    split_keeping_abbreviations,
    stem,
    stem_set,
    words,
)
from bot.usecases.ask_llm import answer_with_llm
from bot.usecases.ask_notes import best_clauses, changes, clauses, is_newer
from bot.usecases.ask_notes import new_amount as _new_amount
from bot.usecases.client_name import not_a_name, short_name
from bot.usecases.digest import build_digest
from memory.errors import BadInput, ChetError
from memory.lexicon import MONTHS, WEEKDAYS, first_name, first_name_detector, normalize, zipf_frequency
from memory.records import Client, Commitment, Fact, FactKind, Note, SearchHit
from memory.service import Memory, shown_facts
from memory.timeutil import now_utc

MAX_LINES = 4  # a phone screen: an answer is at most four short lines
QUOTE_CHARS = 80


# -- the answer ------------------------------------------------------------------------------------


def client_in_question(memory: Memory, question: str) -> Client | None:
    """The one client a question names ("what does Dana like?", "Dana's budget", "what does o'rourke like?"), if
    exactly one matches: found as the chat finds a note's client (bot/chat/mentions.py: any case, a first name,
    nickname, surname, title or close typo), else by the older rules below."""
    known = memory.clients()
    named = {c.id: c for m in mentions(question, known) if m.known for c in m.clients}
    if len(named) == 1:
        return next(iter(named.values()))
    if len(named) > 1:
        return None  # two clients, or a first name two clients share: not one client
    return _client_by_words(question, known)


def _client_by_words(question: str, known: list[Client]) -> Client | None:
    """The older rules: a full name, alias or nickname as words of the question, or a first name."""
    normal = normalize(re.sub(r"['’]s\b", "", question))
    qwords = set(normal.split())
    hits = []
    for c in known:
        candidates = {normalize(c.name)} | {normalize(a) for a in c.aliases}
        if c.goes_by:
            candidates.add(normalize(c.goes_by))
        first = normalize(first_name(c.name))
        full_hit = any(cand and re.search(rf"\b{re.escape(cand)}\b", normal) for cand in candidates if " " in cand)
        if full_hit or first in qwords or (c.goes_by and normalize(c.goes_by) in qwords):
            hits.append(c)
    if len(hits) == 1:
        return hits[0]
    if hits:
        return None
    # "what did I promise dr novak?" for "Director Hana Novak": one client has a name word the question types
    # (no title, no job title; a word that is also an everyday word only when typed with a capital)
    typed = set(re.findall(r"[\w'’-]+", re.sub(r"['’]s\b", "", question)))
    owners = []
    for c in known:
        named = f"{c.name} {c.company or ''}"  # "how much rye does hillcrest bakery take?": the client's company
        parts = [w for w in re.findall(r"[\w'’-]+", named) if len(w) > 2 and not not_a_name(w)]
        if any(
            p.casefold() in qwords
            and (zipf_frequency(p.casefold()) < COMMON_WORD - 0.5 or p[:1].upper() + p[1:] in typed)
            for p in parts
        ):
            owners.append(c)
    return owners[0] if len(owners) == 1 else None


def today_for(memory: Memory) -> date:
    """Today in the salesperson's time zone."""
    try:
        return now_utc().astimezone(memory.zone()).date()
    except (OSError, ValueError, KeyError):
        return now_utc().date()


def answer_offline(memory: Memory, question: str, client: Client | None, today: date | None = None) -> Answer:
    """Answer from the structured state first, then from note sentences that hold the topic; else abstain."""
    client = client or client_in_question(memory, question)
    reading = read_question(question, client)
    if client is None:  # a name that resolves to no single client is no topic word
        reading.topic -= {s for c in memory.clients() for s in name_stems(c)}
        person = unknown_person(memory, question)
        if person:  # "what's rachel into?" with no client Rachel: never another client's answer
            return _about_person(memory, question, person, reading, today or today_for(memory))
    ctx = _Asker(memory, client, reading, today or today_for(memory))
    return ctx.answer(question)


def unknown_person(memory: Memory, question: str) -> str:
    """A first name the question asks about that no client is called ("rachel" in "what's rachel into?"), or "".

    A word a name dictionary knows counts only when typed with a capital inside the question, or when it stands
    where a name goes (before 's or a person's verb, or ending the question after "who"/"about"/...) and is not
    an everyday English word ("will", "may"): "is sage in stock?" asks about a colour, not a person.
    """
    lex = lexicon()
    cue_words = {w for i in lex.intents for c in i.cues for w in (*c.phrase, *c.scattered)}
    known = {w for c in memory.clients() for w in name_stems(c)}
    people = _people_words()
    tokens = re.findall(r"[^\W\d_][\w'’-]*", question)
    plain = [re.sub(r"['’]s$", "", t).casefold() for t in tokens]
    for k, token in enumerate(tokens):
        raw = re.sub(r"['’]s$", "", token)
        w = raw.casefold()
        if len(w) < 3 or w in people["everyday"] or stem(w) in lex.filler or w in cue_words or stem(w) in known:
            continue
        if w in known or first_name_detector().get_gender(w) == "unknown":
            continue
        capital = k > 0 and raw[:1].isupper() and not raw.isupper()
        after = plain[k + 1] if k + 1 < len(plain) else ""
        before = set(plain[max(0, k - 2) : k])
        prev = plain[k - 1] if k else ""
        position = (
            raw != token or after in people["after"] or (not after and (prev in people["before"] or "who" in before))
        )
        if capital or (position and zipf_frequency(w) < COMMON_WORD):
            return w
    return ""


COMMON_WORD = 5.5  # wordfreq zipf: a lower-case word this common is a word first ("may" 6.0), "george" (5.0) a name


@lru_cache(maxsize=1)
def _people_words() -> dict[str, frozenset[str]]:
    """bot/usecases/data/ask_people.json: everyday words that are also names, and the words around a name."""
    doc = json.loads(PEOPLE.read_text(encoding="utf-8"))
    return {key: frozenset(w for e in doc[key] for w in e["words"]) for key in ("everyday", "before", "after")}


PEOPLE = Path(__file__).parent / "data" / "ask_people.json"


def _is_first_name(word: str) -> bool:
    """A known first name (gender-guesser's dictionary, any country) that is not also an everyday word."""
    return word.casefold() not in _people_words()["everyday"] and first_name_detector().get_gender(word) != "unknown"


def _about_person(memory: Memory, question: str, person: str, reading: Reading, today: date) -> Answer:
    """Answer about a person no client is called, only from the notes that name them; else say so."""

    pseudo = Client(id=-1, name=person)
    reading.topic -= {stem(person), person}  # the person is who, not what
    required = [i.evidence for i in reading.intents if not i.loose_topic or i.source != "facts"]
    found = best_clauses(memory, pseudo, question, reading.topic, tuple(required), mentioned=person)
    if not found and not reading.topic and not required:  # "who's Brenda?": the clauses that name her
        named = re.compile(rf"\b{re.escape(person)}\b", re.I)
        found = [
            (c.text, c)
            for n in memory.notes(None, limit=2_000)
            if named.search(n.text)
            for c in clauses(n)
            if named.search(c.text)
        ][:2]
    if not found:
        return Answer(f"{ABSTAIN} No client is called {person.title()}.", [], True)
    who = person.title()
    lines = [f"No client is called {who}; the notes that name {who}:"]
    lines += [f"“{excerpt(text, reading.topic, limit=100)}” ({c.note.client})" for text, c in found[: MAX_LINES - 1]]
    return Answer("\n".join(lines), list(dict.fromkeys(c.note.id for _, c in found)), False)


class _Asker:
    """One question's answer: each method reads one part of the structured state."""

    def __init__(self, memory: Memory, client: Client | None, reading: Reading, today: date):
        self.memory = memory
        self.client = client
        self.reading = reading
        self.today = today
        self._clients = {c.id: c for c in self.memory.clients()}
        self._notes: dict[str, Note] = {}

    def answer(self, question: str) -> Answer:
        """The first part of the state that answers, else matching note sentences, else abstain."""
        for intent in sorted(self.reading.intents, key=lambda i: i.source == "facts"):
            found = getattr(self, f"_{intent.source}")(intent) if intent.source != "facts" else None
            if found is not None:
                return found
        if self.reading.slot and not {i.name for i in self.reading.intents} & _OWN_SLOT_INTENTS:
            found = self._slot_value(question)  # "when does she need the flyers?": a dated fact, not a quantity
            if found is not None:
                return found
        if self.client and not self.reading.intents and not self.reading.topic:
            found = self._summary(None)  # "who's Scott?", "what's Evelyn's deal?": nothing asked but the client
            if found is not None:
                return found
        if self.client and [i.name for i in self.reading.intents] == ["contact"] and not self.reading.focus:
            found = self._contact()  # "how do I reach him?": every channel rule, not one
            if found is not None:
                return found
        fact_intents = [i for i in self.reading.intents if i.source in ("facts", "met")]
        facts = self._facts(fact_intents)
        if facts:
            if not self.client:
                return self._facts_answer(facts)
            said = " ".join(f"{f.value} {f.text} " + " ".join(self._source_texts(f)) for f in facts[:5])
            later = self._from_client_clauses(question, after=[f.valid_from for f in facts], facts_text=said)
            if later is not None:
                return later
            return (
                self._with_clauses(self._facts_answer(facts), question)
                if len(facts) <= 2
                else self._facts_answer(facts)
            )
        if self.client:
            found = self._from_client_clauses(question)
            if found is not None:
                return found
        return self._from_sentences(question)

    def _from_client_clauses(
        self, question: str, after: list[datetime] | None = None, facts_text: str = ""
    ) -> Answer | None:
        """The named client's own note clauses that answer, the latest word first (bot/usecases/ask_notes.py).

        With `facts_text`, only a clause later than `after` that changes what it says answers
        (facts hold "wants the red Okafor" while a later note says "the blue one, not the red").
        """

        assert self.client is not None
        # a strict intent's evidence must be in the clause; a loose fact intent ("where is she going") need not
        required: list[frozenset[str] | set[str]] = [
            i.evidence for i in self.reading.intents if not i.loose_topic or i.source != "facts"
        ]
        focus = self.reading.focus - self.reading.soft
        if (focus | self.reading.topic) & lexicon().categories:
            required = []  # "what colour racks?", "what finish does she want?": a colour named is the evidence
        required.append(lexicon().expand(focus))
        topic = self._topic_with_relatives() | self.reading.topic
        found = []
        if self.reading.slot:  # "when ...?" is answered by a clause stating a day, "who ...?" by one naming a person
            value = SLOT_VALUES[self.reading.slot]
            # a loose intent's evidence too: "who approves ...?" wants the clause that names a person AND approves
            loose = [i.evidence for i in self.reading.intents if i.loose_topic and i.evidence]
            found = best_clauses(self.memory, self.client, question, topic, (*required, *loose, value))
            # the value asked for is one clause; another only when a later note changed it
            found = found[:1] + [x for x in found[1:] if found and x[1].note.occurred_at > found[0][1].note.occurred_at]
        found = found or best_clauses(self.memory, self.client, question, topic, tuple(required))
        if facts_text:
            found = found[:1]
            if not found or not is_newer(found[0][1], after or []) or not changes(facts_text, found[0][0]):
                return None
        if not found:
            return None
        want = self.reading.topic | {e for i in self.reading.intents for e in i.evidence}
        lines = [f"From your notes on {self._short(self.client)}:"]
        lines += [
            f"“{excerpt(_lead(text, self.client, 200), want, limit=100)}” ({self._date(c.note.occurred_at)})"
            for text, c in found
        ]
        return self._reply(lines[:MAX_LINES], [c.note.id for _, c in found])

    # -- structured state -------------------------------------------------------------------

    def _slot_value(self, question: str) -> Answer | None:
        """A question asking for a day or a number, answered by the facts (and, for a day, the open promises) that
        hold such a value and are about the question's topic; the latest fact first, so a later "goes to 70/week"
        answers instead of "45". None when no such fact is about the topic."""
        topic = self._topic_with_relatives()
        if not topic and (self.reading.slot != "date" or not self.client):
            return None  # "how many?" about nothing named: the intents answer (team size, budget)
        rows: list[_Row] = []  # (text, note ids, since, note text)
        scope = self.client.id if self.client else None
        slot_facts = []
        for f in shown_facts(self.memory.facts(scope)):
            if f.client_id in self._clients and _holds_slot(f, self.reading.slot):
                rows.append((f.text, f.source_ids, f.valid_from, self._source_text(f.source_ids)))
                slot_facts.append(f)
        if not self.client:  # several clients may answer: each value says whose it is
            rows = [
                (f"{self._clients[f.client_id].name}: {t}", i, v, n)
                for f, (t, i, v, n) in zip(slot_facts, rows, strict=True)
            ]
        if self.reading.slot == "date":
            for c in self.memory.commitments(scope, status="open"):
                if c.due is not None and c.client_id in self._clients:
                    said = f"your promise: {self._promise_text(c)}" if self.client else f"{c.client}: {c.text}"
                    rows.append((said, c.source_ids, c.created_at, self._source_text(c.source_ids)))
        if not rows:
            return None
        if self.client and self.reading.slot == "number":
            rows += self._later_amounts(rows)
        rows = _freshest(rows, {w for c in self._clients.values() for w in name_stems(c)})
        if topic:
            scored = [(_lexical_hits(topic, stem_set(r[0])), _lexical_hits(topic, stem_set(r[3])), r) for r in rows]
            best = max((a, b) for a, b, _ in scored)
            if best == (0, 0):
                return self._slot_by_meaning(question, rows)
            rows = [r for a, b, r in scored if (a, b) == best]
        rows.sort(key=lambda r: r[2], reverse=True)  # the latest word first
        return self._slot_lines(rows[: 2 if topic else MAX_LINES - 1])

    def _later_amounts(self, rows: list[_Row]) -> list[_Row]:
        """Note clauses, later than a fact, that give another number for what it counts ("volume goes up to
        450/week" after "300 crates/week"): the extractor may not have made a fact of the change."""
        assert self.client is not None
        found: list[_Row] = []
        for note in self.memory.notes(self.client.id, limit=200):
            for clause in clauses(note):
                if not re.search(r"\d", clause.text):
                    continue
                numbers = set(re.findall(r"\d[\d,.]*\d|\d", clause.text))
                if any(numbers <= set(re.findall(r"\d[\d,.]*\d|\d", r[0])) for r in rows):
                    continue  # a fact states this number already ("90 mugs" beside "make it 90 mugs")
                if any(note.occurred_at > r[2] and _new_amount(_value_clause(r[0], r[3]), clause.text) for r in rows):
                    found.append((_lead(clause.text, self.client), (note.id,), note.occurred_at, note.text))
        return found

    def _slot_by_meaning(self, question: str, rows: list[_Row]) -> Answer | None:
        """No fact shares a word with the question ("when is he in athens?" vs "in town 14-16 Dec"): the one the
        local embedder finds closest, when it is close enough."""
        try:
            vectors = self.memory.embedder.embed([_no_names(question, self._clients.values())] + [r[0] for r in rows])
        except (ChetError, OSError, RuntimeError, ValueError):
            return None
        scores = [float(v @ vectors[0]) for v in vectors[1:]]
        best = max(range(len(rows)), key=lambda i: scores[i])
        return self._slot_lines([rows[best]]) if scores[best] >= SLOT_DENSE_MIN else None

    def _slot_lines(self, rows: list[_Row]) -> Answer:
        """One line per value found, the client named once, and a quote of the note behind the first."""
        if self.client:
            head = f"{self._short(self.client)}: " + "; ".join(r[0] for r in rows) + "."
        else:
            head = "; ".join(r[0] for r in rows) + "."
        quotes = self._quotes([(r[1], r[0]) for r in rows[:1]], "")
        return self._reply([head, *quotes], [i for r in rows for i in r[1]])

    def _source_text(self, ids: tuple[str, ...]) -> str:
        """The text of the latest note among `ids`."""
        note = self._note(ids[-1]) if ids else None
        return note.text if note else ""

    def _promises(self, intent: Intent) -> Answer | None:
        owed = self.memory.commitments(self.client.id if self.client else None, status="open")
        if not owed and self.client:
            # a kept promise: say it is done, rather than quote the note that made it as if it were still owed
            kept = self.memory.commitments(self.client.id, status="done")
            if kept:
                done = "; ".join(re.sub(r" \(\d+ days? overdue\)$", "", self._promise_text(c)) for c in kept[-3:])
                head = f"Nothing open for {self._short(self.client)}. Done: {done}."
                return self._reply([head], [s for c in kept[-3:] for s in c.source_ids])
        if not owed:
            return None
        owed.sort(key=lambda c: (c.due is None, c.due or date.max))
        if self.client:
            head = f"You promised {self._short(self.client)}: " + "; ".join(self._promise_text(c) for c in owed[:3])
            if len(owed) > 3:
                head += f"; and {len(owed) - 3} more"
            quotes = self._quotes([(c.source_ids, c.text) for c in owed[:2]], "promis")
            return self._reply([head + ".", *quotes], [s for c in owed for s in c.source_ids])
        lines = [f"• {c.client}: {self._promise_text(c)}" for c in owed[: MAX_LINES - 1]]
        if len(owed) > MAX_LINES - 1:
            lines.append(f"and {len(owed) - (MAX_LINES - 1)} more")
        return self._reply(["Open promises:", *lines], [s for c in owed[: MAX_LINES - 1] for s in c.source_ids])

    def _promise_text(self, c: Commitment) -> str:
        text = re.sub(r"^\s*(?:i\s+)?(?:promised|committed|agreed)\s+(?:to\s+)?", "", c.text, flags=re.I).strip()
        client = self._clients.get(c.client_id)
        first = first_name(client.name) if client else ""
        who = rf"{re.escape(first)}|" if first else ""
        text = re.sub(rf"^(?:{who}her|him|them)\s+(?=\S+\s)", "", text, flags=re.I)  # "greg a proposal" -> "a proposal"
        if c.due and c.due < self.today:
            late = (self.today - c.due).days
            text += f" ({late} day{'s' if late != 1 else ''} overdue)"
        return text

    def _overdue(self, intent: Intent) -> Answer | None:
        items = [i for i in build_digest(self.memory, self.today).items if i.kind == "keep_in_touch"]
        by_name = {c.name: c for c in self._clients.values()}
        if self.client:
            return self._last_contact(intent, overdue=any(i.client == self.client.name for i in items))
        rows = []
        for item in items:
            c = by_name.get(item.client)
            last = self.memory.last_contact(c.id) if c else None
            if c and last:
                rows.append((last, c, list(item.source_ids)))
        if not rows:
            quiet = [(self.memory.last_contact(c.id), c) for c in self._clients.values()]
            known = [(t, c) for t, c in quiet if t is not None]
            if not known:
                return None
            t, c = min(known, key=lambda x: x[0])
            latest = self.memory.notes(c.id, limit=1)
            text = (
                "Nobody is past their keep-in-touch time. "
                f"Longest quiet: {c.name}, last contact {self._date(t)} ({self._ago(t)})."
            )
            return self._reply([text], [n.id for n in latest])
        rows.sort(key=lambda r: r[0])
        lines = [f"• {c.name}: last contact {self._date(t)} ({self._ago(t)})" for t, c, _ in rows[: MAX_LINES - 1]]
        if len(rows) > MAX_LINES - 1:
            lines.append(f"and {len(rows) - (MAX_LINES - 1)} more")
        return self._reply(["Time to get in touch:", *lines], [s for *_, ids in rows[: MAX_LINES - 1] for s in ids])

    def _last_contact(self, intent: Intent, overdue: bool = False) -> Answer | None:
        if not self.client:
            rows = [(self.memory.last_contact(c.id), c) for c in self._clients.values()]
            known = sorted(((t, c) for t, c in rows if t), key=lambda x: x[0], reverse=True)
            if not known:
                return None
            lines = [f"• {c.name}: {self._date(t)} ({self._ago(t)})" for t, c in known[: MAX_LINES - 1]]
            ids = [n.id for _, c in known[: MAX_LINES - 1] for n in self.memory.notes(c.id, limit=1)]
            return self._reply(["Latest contact:", *lines], ids)
        last = self.memory.last_contact(self.client.id)
        if last is None:
            return None
        note = self._latest_note(last)
        head = f"Last contact with {self._short(self.client)}: {self._date(last)} ({self._ago(last)})"
        hold = self._hold()
        if overdue and not hold:
            head += ", past the keep-in-touch time"
        lines = [head + "."]
        if hold is not None:  # "is she due a check-in?": a hold on contact answers first
            lines = [f"On hold: {hold.text}.", *lines]
            return self._reply(lines, hold.source_ids)
        if note is not None:
            lines.append(f"From your notes: “{excerpt(note.text, set())}”")
        elif last in self.memory.message_times(self.client.id):
            lines.append("That was a message you approved.")
        return self._reply(lines, [note.id] if note else [])

    def _hold(self) -> Fact | None:
        """A current fact that holds all contact off for a while ("asked not to be contacted till after Jan 6",
        an opt-out with an end day), when its day is still ahead; None otherwise."""
        assert self.client is not None
        for f in shown_facts(self.memory.facts(self.client.id)):
            until = f.detail.get("until", "") or (f.value if re.fullmatch(r"\d{4}-\d\d-\d\d", f.value) else "")
            if not until or not (f.kind is FactKind.CONSENT or _HOLD.search(f.text)):
                continue
            try:
                if date.fromisoformat(until[:10]) >= self.today:
                    return f
            except ValueError:
                continue
        return None

    def _latest_note(self, last: datetime) -> Note | None:
        assert self.client is not None
        for note in self.memory.notes(self.client.id, limit=20):
            if note.occurred_at <= last:
                return note
        return None

    def _met(self, intent: Intent) -> Answer | None:
        scope = self.memory.notes(self.client.id if self.client else None, newest_first=False, limit=2_000)
        found: list[tuple[Note, str]] = []
        who = self._topic_with_relatives() if self.reading.focus else set()  # "her husband": where HE was met
        for note in scope:
            said = [s for s in sentences(note.text) if not _is_plan(s) and (not who or who & stem_set(s))]
            # "met her at ..." first; else an interaction at a place ("viewing w tomas at the canal flat",
            # "last spoke at the chamber lunch"); else a sentence that says they met without a place
            placed = [p for s in said for p in _clauses_of(s) if _interaction_place(p)]
            best = next((s for s in said if stem_set(s) & intent.evidence and _meeting_place(s)), None)
            best = best or (placed[0] if placed else None)
            best = best or next((s for s in said if stem_set(s) & intent.evidence), None)
            if best:
                found.append((note, best))
            if found and self.client:
                break
            if len(found) >= MAX_LINES - 1:
                break
        if not found:
            return None
        if self.client:
            note, sentence = found[0]
            where = _meeting_place(sentence) or _interaction_place(sentence)
            head = f"You met {self._short(self.client)} {where} ({self._date(note.occurred_at)})." if where else ""
            quote = f"From your notes: “{excerpt(sentence, intent.evidence)}”"
            return self._reply([head, quote] if head else [quote], [note.id])
        lines = []
        for note, sentence in found:
            where = _meeting_place(sentence) or _interaction_place(sentence)
            lines.append(
                f"• {note.client}: " + (f"met {where}" if where else f"“{excerpt(sentence, intent.evidence)}”")
            )
        return self._reply(lines, [n.id for n, _ in found])

    def _company(self, intent: Intent) -> Answer | None:
        if not self.client or not self.client.company:
            return None
        company = self.client.company
        noted = [
            n for n in self.memory.notes(self.client.id, newest_first=False) if company.casefold() in n.text.casefold()
        ]
        if not noted:
            return None  # nothing to cite
        quote = f"From your notes: “{excerpt(_best_sentence(noted[0].text, stem_set(company)), stem_set(company))}”"
        return self._reply([f"{self._short(self.client)} is with {company}.", quote], [noted[0].id])

    def _summary(self, intent: Intent | None) -> Answer | None:
        if not self.client:
            return None
        if intent is not None and self.reading.topic and self._from_client_clauses(" ".join(self.reading.topic)):
            return None  # "what did Otis say about the firewall?": the firewall, not a briefing
        facts = shown_facts(self.memory.facts(self.client.id))
        owed = self.memory.commitments(self.client.id, status="open")
        last = self.memory.last_contact(self.client.id)
        latest = self.memory.notes(self.client.id, limit=1)
        if not facts and not owed and not latest:
            return None
        head = self.client.name + (f" ({self.client.company})" if self.client.company else "")
        lines = [head + (": " + "; ".join(f.text for f in facts[:6]) if facts else "") + "."]
        if owed:
            lines.append("Open promise: " + "; ".join(self._promise_text(c) for c in owed[:2]) + ".")
        ids = [s for f in facts[:6] for s in f.source_ids] + [s for c in owed[:2] for s in c.source_ids]
        if latest and len(facts) < 4:  # few facts picked out: the latest note says what is going on
            note = latest[0]
            lines.append(f"Latest note ({self._date(note.occurred_at)}): “{_lead(note.text, self.client)}”")
            ids.append(note.id)
        elif last:
            lines.append(f"Last contact: {self._date(last)} ({self._ago(last)}).")
        return self._reply(lines, ids)

    # -- facts -----------------------------------------------------------------------------------

    def _facts(self, intents: list[Intent]) -> list[Fact]:
        kinds = {k for i in intents for k in i.kinds}
        if not kinds:
            return []
        keys = [k for i in intents for k in i.keys]
        facts = [f for f in self.memory.facts(self.client.id if self.client else None) if f.kind in kinds]
        facts = [f for f in facts if f.client_id in self._clients]
        if keys:
            other = {FactKind.OTHER}
            facts = [f for f in facts if f.kind not in other or any(k in f.key for k in keys)]
        facts = shown_facts(facts)
        topic = self._topic_with_relatives()
        if topic and facts and all(i.any_topic for i in intents):
            return facts  # "who approves dr faisal's MRI?": the approver, whatever is bought
        if topic:
            narrowed = [f for f in facts if topic & _fact_stems(f)]
            if narrowed or not self.reading.soft or self.reading.topic - self.reading.soft:
                return narrowed
        return facts  # "can I text her?" with nothing about texts: how she can be reached

    def _topic_with_relatives(self) -> set[str]:
        """The question's topic, plus the names of the relatives it names ("daughter" -> "maya").

        For loose intents (where they live, how to reach them, budget, ...) a word no note of the
        scope holds is chatter ("home city", "purchases") and is dropped; cue words stay required.
        """
        topic = set(self.reading.topic)
        if topic and self.reading.intents and all(i.loose_topic for i in self.reading.intents):
            held: set[str] = set()
            for note in self.memory.notes(self.client.id if self.client else None, limit=2_000):
                held |= stem_set(note.text)
            topic = {t for t in topic if t in held or t in self.reading.focus}
        topic = lexicon().expand(topic)
        if not topic or not self.client:
            return topic
        for f in self.memory.facts(self.client.id):
            if f.kind is FactKind.FAMILY:
                relation = stem(f.detail.get("relation", "") or f.key.split(":")[-1])
                if relation in topic:
                    topic |= {stem(w) for w in words(f.value) if not w[:1].isdigit()}
        return topic

    def _with_clauses(self, found: Answer, question: str) -> Answer:
        """A thin facts answer ("loves the Jura stuff") with the note clauses the facts did not pick out
        ("wants natural wines, low sulfite"), within the four lines."""
        extra = self._from_client_clauses(question)
        if extra is None:
            return found
        lines = found.answer.splitlines()
        shown = [q.strip("…").casefold() for q in re.findall(r"“([^”]+)”", found.answer)]
        for line in extra.answer.splitlines()[1:]:
            quote = line.split("”")[0].lstrip("“").strip("…").casefold()
            if len(lines) < MAX_LINES and not any(quote in q or q in quote for q in shown):  # said already
                lines.append(line)
        return self._reply(lines, [*found.sources, *extra.sources])

    def _source_texts(self, f: Fact) -> list[str]:
        """The texts of the notes a fact cites."""
        return [n.text for i in f.source_ids[-1:] if (n := self._note(i)) is not None]

    def _contact(self) -> Answer | None:
        """How to reach the client: the contact facts, the channels still open when some are closed, and the note
        clauses that state a channel rule (the latest first), so a rule the facts missed is said too."""
        assert self.client is not None
        facts = [f for f in shown_facts(self.memory.facts(self.client.id)) if f.kind in _CONTACT_KINDS]
        channels = self.memory.contact_channels(self.client)
        parts = [f.text for f in facts[:4]]
        if channels.closed and channels.allowed:
            parts.append("open: " + " or ".join(channels.allowed))
        elif not channels.allowed:
            parts.append("no channel is open")
        rules: list[tuple[str, str]] = []
        said = " ".join(parts).casefold()
        for note in self.memory.notes(self.client.id, limit=200):
            for clause in clauses(note):
                text = _lead(clause.text, self.client, 90)
                fresh = (
                    text and text.casefold() not in said and not any(text.casefold() in t.casefold() for t, _ in rules)
                )
                if fresh and _channel_words().search(text):
                    rules.append((text, note.id))
        if not parts and not rules:
            return None
        lines = [f"{self._short(self.client)}: " + "; ".join(parts) + "."] if parts else []
        if rules:
            lines.append("From your notes: " + " · ".join(f"“{excerpt(t, set())}”" for t, _ in rules[:2]))
        return self._reply(lines, [s for f in facts[:4] for s in f.source_ids] + [i for _, i in rules[:2]])

    def _facts_answer(self, facts: list[Fact]) -> Answer:
        if self.client:
            head = f"{self._short(self.client)}: " + "; ".join(f.text for f in facts[:5]) + "."
            quotes = self._quotes([(f.source_ids, f"{f.value} {f.text}") for f in facts[:3]], "")
            ids = [s for f in facts[:5] for s in f.source_ids]
            return self._reply([head, *quotes], ids)
        by_client: dict[int, list[Fact]] = {}
        for f in facts:
            by_client.setdefault(f.client_id, []).append(f)
        lines = [
            f"• {self._clients[cid].name}: " + "; ".join(f.text for f in fs[:3])
            for cid, fs in list(by_client.items())[: MAX_LINES - 1]
        ]
        if len(by_client) > MAX_LINES - 1:
            lines.append(f"and {len(by_client) - (MAX_LINES - 1)} more")
        shown = [f for fs in list(by_client.values())[: MAX_LINES - 1] for f in fs[:3]]
        return self._reply(lines, [s for f in shown for s in f.source_ids])

    # -- notes -----------------------------------------------------------------------------------

    def _from_sentences(self, question: str) -> Answer:
        """Note sentences holding the topic (and, when an intent was read, its evidence)."""
        topic = self._topic_with_relatives()
        evidence = {e for i in self.reading.intents for e in i.evidence}
        if not topic and not evidence:
            return Answer(ABSTAIN, [], True)
        hits: list[SearchHit] = self.memory.search(question, k=8, client=self.client)
        focus = lexicon().expand(self.reading.focus)
        found: list[tuple[Note, str]] = []
        for hit in hits:
            for sentence in sentences(hit.note.text):
                have = stem_set(sentence)
                if focus and not focus & have:
                    continue
                if topic and not topic & have:
                    continue
                if evidence and not evidence & have:
                    continue
                found.append((hit.note, sentence))
                break
            if len(found) >= 3:
                break
        if not found:
            return Answer(ABSTAIN, [], True)
        want = topic | evidence
        if self.client or len({n.client_id for n, _ in found}) == 1:
            who = found[0][0].client
            lines = [f"From your notes on {who}:"]
            lines += [f"“{excerpt(s, want)}” ({self._date(n.occurred_at)})" for n, s in found]
        else:
            lines = ["From your notes:"] + [f"• {n.client}: “{excerpt(s, want)}”" for n, s in found]
        return self._reply(lines, [n.id for n, _ in found])

    # -- helpers ---------------------------------------------------------------------------------

    def _quotes(self, items: Iterable[tuple[tuple[str, ...], str]], hint: str) -> list[str]:
        """One line quoting the sentences behind these items ("From your notes: “...” · “...”")."""
        quotes: list[str] = []
        for ids, text in items:
            for note_id in ids[-1:]:
                note = self._note(note_id)
                if note is None:
                    continue
                want = {stem(w) for w in words(text)} | ({stem(hint)} if hint else set())
                best = _best_sentence(note.text, want)
                q = f"“{excerpt(best, want)}”"
                if q not in quotes:
                    quotes.append(q)
        return [("From your notes: " + " · ".join(quotes[:2]))] if quotes else []

    def _note(self, note_id: str) -> Note | None:
        if note_id not in self._notes:
            for note in self.memory.notes_by_id([note_id]).values():
                self._notes[note.id] = note
        return self._notes.get(note_id)

    def _reply(self, lines: list[str], ids: Iterable[str]) -> Answer:
        text = "\n".join(line for line in lines if line)
        return Answer(text, list(dict.fromkeys(i for i in ids if i)), False)

    def _short(self, client: Client) -> str:
        """The name the client goes by: never a title or job title ("Director Hana Novak" -> "Hana")."""
        if client.goes_by:
            return client.goes_by
        return short_name(client.name)

    def _date(self, moment: datetime | date) -> str:
        d = moment.date() if isinstance(moment, datetime) else moment
        text = f"{d.strftime('%a')} {d.day} {d.strftime('%b')}"
        return text if d.year == self.today.year else f"{text} {d.year}"

    def _ago(self, moment: datetime) -> str:
        days = (self.today - moment.date()).days
        if days <= 0:
            return "today"
        if days == 1:
            return "yesterday"
        return f"{days} days ago"


_CONTACT_KINDS = (FactKind.CONTACT, FactKind.CONSENT)
# a fact that says contact is held off ("asked not to be contacted till after", "do not call until", "give her space")
_HOLD = re.compile(
    r"\b(?:not|no|don'?t|do not|never)\b(?:\s+\w+){0,3}?\s+(?:contact\w*|call\w*|email\w*|text\w*|reach\w*|disturb\w*)"
    r"|\bgive (?:her|him|them) space\b|\bon leave\b",
    re.I,
)


@lru_cache(maxsize=1)
def _channel_words() -> re.Pattern[str]:
    """Words that name a channel (ask_intents.json "channel_words")."""
    doc = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    found = sorted((w for e in doc.get("channel_words", []) for w in e["words"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")\b", re.I)


# A question whose intent reads its own dated state: the slot adds nothing ("when is her birthday?").
_OWN_SLOT_INTENTS = {"dates", "promises", "last_contact", "met", "overdue", "summary", "contact"}  # "when can I call?"
SLOT_DENSE_MIN = 0.3  # cosine (names removed) above which a dated fact is about a question it shares no word with
_NUMBER_KEYS = ("quantity", "amount", "budget", "price", "size", "headcount", "volume", "count")


def _holds_slot(f: Fact, slot: str) -> bool:
    """Whether a fact states a value of the slot: a day (a dated fact) or a number (an amount, a quantity)."""
    if f.kind in (FactKind.CONTACT, FactKind.CONSENT, FactKind.FAMILY):
        return False  # a phone number is no quantity, a channel no date
    if slot == "date":
        return f.kind is not FactKind.PERSONAL_DATE and (f.due is not None or f.key.startswith(("date:", "deadline")))
    if slot == "number":
        if f.key.startswith("date:") or f.kind is FactKind.PERSONAL_DATE:
            return False
        return bool(f.detail.get("amount")) or f.key.startswith(_NUMBER_KEYS) or bool(re.search(r"\d", f.value))
    return False


_Row = tuple[str, tuple[str, ...], datetime, str]


def _freshest(rows: list[_Row], names: set[str] | frozenset[str] = frozenset()) -> list[_Row]:
    """The rows no later row replaces: a later value about the same thing as an earlier one replaces it and takes
    over its note text, so the question's words that found the old value find the new one ("now 60 crates a week"
    after "45 crates a week"). Same thing: the same counted noun next to the number (a bare "now 70/week" after
    "45 crates/week" by the period), else most of the clause's content words, never the client's name words
    (`names`), date words or promise words, which every dated row shares."""
    things = [_thing(_value_clause(r[0], r[3]), names) for r in rows]
    order = sorted(range(len(rows)), key=lambda i: rows[i][2])
    out = {i: rows[i] for i in order}
    for k, i in enumerate(order):
        later = [j for j in order[k + 1 :] if rows[j][2] > rows[i][2] and _same_thing(things[i], things[j])]
        later = [j for j in later if j in out]
        if later:
            j = later[-1]
            text, ids, since, note = out[j]
            out[j] = (text, ids, since, f"{note} {rows[i][3]}")
            del out[i]
    return list(out.values())


_Thing = tuple[set[str], set[str], set[str]]  # counted nouns, periods, other content stems


def _thing(said: str, names: set[str] | frozenset[str]) -> _Thing:
    """What a value's clause is about: the nouns counted next to its numbers, their periods, its other words."""
    skip = _slot_skip_words()
    periods = {stem(p) for p in _phrase_list("period_words")}
    units = {stem(u) for m in _UNIT_AFTER.finditer(said.casefold()) for u in m.groups() if u}
    counted = {u for u in units if u not in periods and u not in skip}
    rest = {
        w
        for w in stem_set(said)
        if w[:1].isalpha() and len(w) > 2 and w not in lexicon().filler and w not in skip and w not in names
    }
    return counted, units & periods, rest - counted - periods


def _same_thing(a: _Thing, b: _Thing) -> bool:
    """Whether two values are about one thing: one counted noun, or a bare number by the same period as a counted
    one, or (no counts) more than half of the smaller clause's content words shared."""
    if a[0] and b[0]:
        return bool(a[0] & b[0])
    if a[0] or b[0]:
        return bool(a[1] & b[1])
    shared = a[2] & b[2]
    return bool(shared) and 2 * len(shared) > min(len(a[2]), len(b[2]))


@lru_cache(maxsize=1)
def _slot_skip_words() -> frozenset[str]:
    """Stems no two values are the same thing by: month and weekday names, promise and due words."""
    calendar = {stem(w) for w in [*MONTHS, *WEEKDAYS]}
    return frozenset(calendar | {stem(w) for w in _phrase_list("promise_words")})


@lru_cache(maxsize=4)
def _phrase_list(name: str) -> tuple[str, ...]:
    """One word list of ask_intents.json (e.g. "period_words")."""
    doc = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(w for e in doc.get(name, []) for w in e["words"])


_UNIT_AFTER = re.compile(r"\d[\d,.]*\s*(?:/\s*)?([a-z]+)(?:\s*/\s*([a-z]+))?")  # "70/week", "45 crates/week"


def _value_clause(text: str, note: str) -> str:
    """The clause of `note` that states the value of a fact's text (the clause holding its number), else the text."""
    numbers = re.findall(r"\d[\d,.]*", text)
    for part in re.split(r"(?<=[.!?;])\s+|\n+|,\s+|\s+[-–—]\s+", note):
        if numbers and any(n.rstrip(".,") in part for n in numbers):
            return part
    return text


def _lexical_hits(topic: set[str], have: set[str]) -> int:
    """Topic words `have` holds, a stem of four letters or more also as a prefix ("flyer" ~ "flyers")."""
    return sum(1 for t in topic if t in have or (len(t) >= 4 and any(h.startswith(t) for h in have)))


def _no_names(text: str, clients: Iterable[Client]) -> str:
    """The text without any client's name words (a shared name is no evidence of meaning)."""
    drop = {w.casefold() for c in clients for w in re.findall(r"[\w'’-]+", c.name) if len(w) > 1}
    return " ".join(w for w in text.split() if re.sub(r"['’]s$|[?!.,]", "", w).casefold() not in drop)


def _lead(text: str, client: Client, limit: int = 160) -> str:
    """The start of a note, its leading client name dropped ("evelyn ross, 72, ..." -> "72, ..."), cut at a word."""
    s = " ".join(text.split())
    for name in sorted({client.name, *client.aliases}, key=len, reverse=True):
        s = re.sub(rf"^\s*{re.escape(name)}\b[\s,:;–—-]*", "", s, flags=re.I)
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def _fact_stems(f: Fact) -> set[str]:
    text = " ".join([f.key.replace("_", " ").replace(":", " "), f.value, f.text, *f.detail.values()])
    return stem_set(text)


_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[-–—]\s+")


def sentences(text: str) -> list[str]:
    """A note's sentences (and clauses split by ';' or a dash)."""
    return [s.strip() for s in split_keeping_abbreviations(_SENTENCE, text) if s and s.strip()]


def _best_sentence(text: str, want: set[str]) -> str:
    parts = sentences(text) or [text]
    return max(parts, key=lambda s: (len(stem_set(s) & want), -parts.index(s)))


def excerpt(sentence: str, want: frozenset[str] | set[str], limit: int = QUOTE_CHARS) -> str:
    """A short quote: the sentence, or a window of it around the words wanted, cut at word boundaries."""
    s = " ".join(sentence.split()).rstrip(",;:–—- ")
    if len(s) <= limit:
        return s
    clauses = [c for c in re.split(r"(?<=[,;:])\s+", s) if c.strip()]
    if len(clauses) > 1:  # a long sentence: the clause that holds the words wanted
        scores = [len(want & stem_set(c)) for c in clauses]
        best = scores.index(max(scores))
        clause = clauses[best]
        if len(clause) < 30 and best + 1 < len(clauses) and len(clause) + len(clauses[best + 1]) < limit:
            clause = f"{clause} {clauses[best + 1]}"
        clause = clause.rstrip(",;: ")
        if len(clause) <= limit:
            return ("…" if best else "") + clause + ("…" if clause != s and not s.endswith(clause) else "")
    ws = s.split(" ")
    hit = next((i for i, w in enumerate(ws) if want & stem_set(w)), 0)
    start = max(0, hit - 4)
    out: list[str] = []
    for w in ws[start:]:
        if len(" ".join([*out, w])) > limit - 2:
            break
        out.append(w)
    text = " ".join(out).rstrip(",;:")
    return ("…" if start else "") + text + ("…" if start + len(out) < len(ws) else "")


_PLAN = re.compile(r"\b(?:will|going to|plan(?:ning)? to|want(?:s)? to|should|next (?:week|month)|promised)\b", re.I)
_PLACE = re.compile(
    r"\b(?:met|meet|meeting|introduced|ran into)\b(?:\s+(?!at\b|in\b|during\b|through\b|via\b)[\w'’.-]+){0,3}?"
    r"\s+(?P<prep>at|in|during|through|via|on)\s+(?P<place>[^.;,!?()]+)",
    re.I,
)


def _is_plan(sentence: str) -> bool:
    """A meeting still to happen ("will meet at the expo") is not where they met."""
    return bool(_PLAN.search(sentence)) and not re.search(r"\bmet\b", sentence, re.I)


@lru_cache(maxsize=1)
def _interactions() -> re.Pattern[str]:
    """An interaction word (ask_intents.json "interactions") and the place after it: "viewing ... at the flat"."""
    doc = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    found = sorted((w for e in doc.get("interactions", []) for w in e["words"]), key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in found)
    return re.compile(
        rf"\b(?P<what>{alts})\b(?:\s+(?!at\b|in\b)[\w'’.()-]+){{0,6}}?\s+(?P<prep>at|in)\s+(?P<place>[^.;,!?()]+)"
        rf"|\b(?P<prep2>at|in)\s+(?P<place2>the\s+[^.;,!?()]*?\b(?:{alts}))\b",
        re.I,
    )


_NOT_PLACES = re.compile(rf"^(?:the\s+)?(?:\d|{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)}|town\b|person\b|total\b)", re.I)


def _clauses_of(sentence: str) -> list[str]:
    """A sentence's comma clauses (a run-on note's parts)."""
    return [c.strip() for c in re.split(r",\s+", sentence) if c.strip()]


def _interaction_place(text: str) -> str:
    """'viewing w tomas at the canal flat' -> 'at the canal flat'; 'last spoke at the chamber lunch' -> 'at the chamber
    lunch'; "" when no interaction happens at a place (a month, a weekday or "in town" is no place)."""
    for m in _interactions().finditer(text):
        prep, place = (m.group("prep"), m.group("place")) if m.group("place") else (m.group("prep2"), m.group("place2"))
        place = " ".join(place.split()[:8]).rstrip(" .")
        if place and not _NOT_PLACES.match(place):
            return f"{prep.lower()} {place}"
    return ""


def _meeting_place(sentence: str) -> str:
    """'Met Dana at the Denver trade show, booth 14' -> 'at the Denver trade show'."""
    m = _PLACE.search(sentence)
    if not m:
        return ""
    place = " ".join(m.group("place").split()[:8]).rstrip(" .")
    return f"{m.group('prep').lower()} {place}"


def answer(memory: Memory, question: str, client: Client | None, llm: Any = None) -> Answer:
    """Answer with citations or abstain: ledger state first; note questions by the LLM when configured."""
    question = question.strip()
    if not question:
        raise BadInput("the question is empty")
    client = client or client_in_question(memory, question)
    offline = answer_offline(memory, question, client)
    if llm is None:
        return offline
    if client is None and unknown_person(memory, question):
        return offline  # a person no client is called: only the notes that name them, never a model's guess
    state = {i.source for i in read_question(question, client).intents} - {"facts"}
    if state and not offline.abstained:
        return offline  # promises, overdue, last contact: the ledger knows; the notes alone do not
    try:
        result = answer_with_llm(llm, memory, question, client)
    except ChetError as err:
        offline.notices.append(f"{err}; this answer was found offline")
        return offline
    if result.abstained and not offline.abstained:
        offline.notices.append("the model found no answer in the notes; this answer comes from your saved facts")
        return offline
    return result


__all__ = ["ABSTAIN", "Answer", "answer", "answer_offline", "client_in_question", "read_question", "stem"]
