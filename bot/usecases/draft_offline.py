"""The offline drafting engine: a short, personal follow-up built only from what the ledger knows.

`compose_offline(ctx, variant)` greets the client by the name they go by, recalls the last real
interaction as the note names it ("the Denver trade show", "lunch at Nopa", with its date, citing
the note; a planned or cancelled event is never thanked for), states the purpose in a sentence,
suggests what fits a stated preference (commercial purposes only, never a declined item), restates
an open promise with its concrete details (what, how many, by when) in plain words, asks a question
and signs off with the salesperson's name. The purpose sets the tone: a birthday gets a warm wish
and no offer; bad news gets kindness and no offer. The channel follows consent: a client who
opted out of email but takes calls gets a call plan, a texter a short text. Phrasings vary, picked
deterministically from a hash of client, purpose and variant (Regenerate), so the same request
gives the same draft. Word lists are data: `bot/usecases/data/draft_words.json`.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from pathlib import Path

from bot.guard import declined_items, interaction_kind, sensitive_note_ids
from bot.usecases.ask_intents import DATA as ASK_DATA
from bot.usecases.ask_notes import clauses
from bot.usecases.client_name import greeting, not_a_name
from bot.usecases.draft_context import DraftContext
from bot.usecases.draft_details import detail_clauses, owned_subject, read_purpose, to_you
from memory.consent import contact_channels
from memory.lexicon import MONTH_NAMES, STOPWORDS, WEEKDAYS, not_names, zipf_frequency
from memory.records import Commitment, Fact, FactKind, Note

_BIRTHDAY = re.compile(r"\b(?:birthday|bday|b-day)\b", re.I)
_CONDOLENCE = re.compile(
    r"\b(?:condolence\w*|sympathy|sympathies|loss|passed|funeral|bereave\w*|get well|hospital\w*|illness|"
    r"ill|sick|surgery|sorry|bad news|hard time|tough time|laid off|layoffs?|grief|grieving)\b",
    re.I,
)
_COMMERCIAL = re.compile(
    r"\b(?:offer|proposal|quote|pricing|price|renewal|renew|upgrade|collection|arrivals|product|demo|trial|"
    r"order|buy|purchase|sale|deal|contract|recommend|suggest|options|launch|pitch|upsell|catalog(?:ue)?|"
    r"samples?|range|models?|plan)\b",
    re.I,
)


_MET = re.compile(r"\b(?:met|meeting|sat down|catch-?up|visited|came in|came by|stopped by)\b", re.I)
LONG_AGO_DAYS = 21  # past this, an opening does not thank for the last contact as if it were recent
_ORDERED = re.compile(r"\b(?:ordered|bought|purchased|placed (?:an|the|their|his|her) order|signed up|signed)\b", re.I)
# A clock time or a weekday makes the event in a sentence an appointment still to come ("interview wed 2pm").
_APPOINTMENT = re.compile(
    r"\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b|\bat \d{1,2}\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b",
    re.I,
)


@dataclass(frozen=True)
class ComposedDraft:
    """A drafted message and the note ids it relies on."""

    text: str
    sources: tuple[str, ...]


def compose_offline(
    ctx: DraftContext, variant: int = 0, details: bool = True, avoid: tuple[str, ...] = ()
) -> ComposedDraft:
    """Draft a grounded message for `ctx.purpose` without any model; deterministic per variant.

    `avoid` leaves out the details holding these words, `details=False` all of them (fallbacks when the
    guard disputes a detail, e.g. a fact it still holds that a later note changed)."""
    w = _Writer(ctx, variant)
    w.with_details, w.avoid = details, avoid
    return w.compose()


def greeting_name(ctx: DraftContext) -> str:
    """The name the client is greeted by, the way the notes address them (`client_name.greeting`): the name they
    go by, "Dr Okafor" when the notes use a title, the given name of a family-name-first name ("Nagy Eszter" ->
    "Eszter"), else the first word that is no title, job title or relation word ("Director Hana Novak" -> "Hana")."""
    c = ctx.client
    return greeting(c.name, c.goes_by, [n.text for n in ctx.notes])


def tone_of(ctx: DraftContext) -> str:
    """The tone a purpose calls for: birthday, condolence, commercial or follow_up."""
    if _CONDOLENCE.search(_without_apology(ctx.purpose)) or sensitive_note_ids(ctx):
        return "condolence"
    if _BIRTHDAY.search(ctx.purpose) and not relative_birthday(ctx.purpose):
        return "birthday"
    if _phrases("apology_purposes").search(ctx.purpose):
        return "apology"
    if open_upset_note_ids(ctx):
        # an open complaint sets the tone only when the purpose asks for nothing else ("follow up", "a note")
        subject = _without_labels(_without_form(ctx.purpose))
        return "apology" if not subject or _GENERIC_PURPOSE.match(subject) else "follow_up"
    if _COMMERCIAL.search(ctx.purpose):
        return "commercial"
    return "follow_up"


_WRITING = re.compile(r"\bI(?:'m| am) writing\b")
_GENERIC_PURPOSE = re.compile(
    r"^\s*(?:(?:follow(?:ing)?[ -]?up|check(?:ing)?[ -]?in|keep in touch|stay in touch|touch base|reconnect|catch up)"
    r"(?:\s+with\s+(?:you|him|her|them))?\s*)?$",
    re.I,
)


def _without_apology(purpose: str) -> str:
    """The purpose without the apology words ("sorry" asks for an apology, it is no bad news of the client's)."""
    return _phrases("apology_purposes").sub("", purpose)


def relative_birthday(purpose: str) -> bool:
    """Whether a birthday purpose is a relative's ("his wife's birthday", "bday gift for her son"), not the client's."""
    if re.search(r"\b(?:his|her|their|[a-z]+['’]s)\s+(?:\w+\s+)?(?:birthday|bday|b-day)\b", purpose, re.I):
        return not re.search(r"\b(?:your|my)\s+birthday\b", purpose, re.I)
    return bool(_relation_words().search(purpose))


def _ruled_out_by_client(f: Fact) -> bool:
    """Whether a dislike is a wish the client stated about the goal ("no walnuts", "not the green"), which a draft
    may say back: never a feeling ("can't stand her landlord"), never a person or a role, never a figure."""
    value = f.value.casefold()
    if re.search(r"\d", value) or _people_words().search(value) or _relation_words().search(value):
        return False
    refusal = _phrases("refusal_words").pattern
    return bool(re.search(rf"{refusal}\s+(?:the\s+|any\s+|more\s+)?{re.escape(value)}\b", f.text, re.I))


def _ruled_out_object(f: Fact, ctx: DraftContext) -> str:
    """A ruled-out option with its object ("likes medium roast, not light" -> "no light roast"), or "" when the
    note's one word names no thing of its own ("no light" is not a message)."""
    value = f.value.casefold()
    if len(value.split()) > 1:
        return f"no {value}"
    for p in ctx.facts:  # the preference noted with it carries the object: "medium roast" -> "roast"
        words = p.value.casefold().split()
        shared = p.kind is FactKind.PREFERENCE and set(p.source_ids) & set(f.source_ids)
        if shared and len(words) > 1 and words[-1] != value and zipf_frequency(words[-1]) >= EVERYDAY_WORD - 1:
            return f"no {value} {words[-1]}"
    return (
        "" if zipf_frequency(value) >= EVERYDAY_WORD else f"no {value}"
    )  # an everyday word alone ("light") names no thing


@lru_cache(maxsize=1)
def _people_words() -> re.Pattern[str]:
    """Role and job words (ask_intents.json "roles", draft_words.json "greeting_roles"): a dislike naming one is
    about a person, a private remark never restated to the client."""
    doc = json.loads(ASK_DATA.read_text(encoding="utf-8"))
    roles = [w for e in doc.get("roles", []) for w in e["words"]]
    alts = "|".join(re.escape(w) for w in sorted(roles, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})s?\b|{_phrases('greeting_roles').pattern}", re.I)


@lru_cache(maxsize=1)
def _relation_words() -> re.Pattern[str]:
    """Family words from memory/data/relations.tsv ("wife", "son", "boy")."""
    path = Path(__file__).parents[2] / "memory" / "data" / "relations.tsv"
    words = [
        line.split("\t")[0].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)


@cache
def _phrases(name: str) -> re.Pattern[str]:
    """One pattern for a word list of draft_words.json (longest first, whole words)."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    found = sorted((w for e in doc.get(name, []) for w in e["words"]), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in found) + r")(?![\w'])", re.I)


def _without_history(purpose: str) -> str:
    """The purpose without a talk or meeting it names and the words that only lead to it ("follow up on our call
    about the desks" -> "the desks"); empty when nothing else is left."""
    rest = _phrases("shared_history").sub(" ", purpose)
    lead = r"(?:follow(?:ing)?[ -]?up|check(?:ing)?[ -]?in|thanks?|thank you|recap|(?:her|him|them|you)|for|on|after|from|about|re|regarding|since|and|with)"
    rest = re.sub(rf"^(?:\s*{lead}\b)+", "", rest.strip(), flags=re.I)
    rest = re.sub(rf"(?:\b{lead}\s*)+$", "", rest.strip(" ,.;"), flags=re.I)
    return " ".join(rest.split()).strip(" ,.;")


def _without_labels(purpose: str) -> str:
    """The purpose without a label for the message ("intro and the 2 vans" -> "the 2 vans")."""
    labels = _phrases("purpose_labels").pattern
    rest = re.sub(rf"^\s*{labels}\s*(?:(?:and|&|\+|,|re|about|on)\s*)*", "", purpose, flags=re.I)
    rest = re.sub(rf"\s*(?:(?:and|&|\+|,)\s*)+{labels}\s*$", "", rest, flags=re.I).strip()
    return re.sub(rf"(?<=\w)\s+{labels}\s*$", "", rest, flags=re.I).strip()  # "net-30 terms answer"


def _day(d: date, today: date) -> str:
    """A date as people write it: a weekday within the last week, else "3 March"."""
    delta = (today - d).days
    if 1 <= delta <= 5:
        return d.strftime("%A")
    return f"{d.day} {d.strftime('%B')}"


class _Writer:
    """Builds one draft; each method contributes one part of the message."""

    def __init__(self, ctx: DraftContext, variant: int):
        self.ctx = ctx
        seed = hashlib.sha256(f"{ctx.client.name}|{ctx.purpose}|{variant}".encode()).hexdigest()
        self.rng = random.Random(int(seed[:16], 16))
        self.name = greeting_name(ctx)
        self.today = ctx.now.date()
        self.sources: list[str] = []
        self.tone = tone_of(ctx)
        self.channel = ctx.channel or draft_channel(ctx)
        self.with_details = True
        self.avoid: tuple[str, ...] = ()
        self.suggested = ""

    def pick(self, options: list[str]) -> str:
        """One of `options`, chosen by this draft's seed."""
        return options[self.rng.randrange(len(options))]

    def cite(self, ids: tuple[str, ...] | list[str]) -> None:
        """Record note ids the draft relies on."""
        for i in ids:
            if i and i not in self.sources:
                self.sources.append(i)

    def compose(self) -> ComposedDraft:
        """Assemble the parts into a message (or a call plan, when the phone is the client's channel)."""
        if self.channel is None:
            text = f"Hi {self.name},\n\nI hope you're well.\n\n{self.sign_off()}"
            return ComposedDraft(text, ())
        if self.tone == "birthday":
            body = [self.birthday(), self.pick(_BIRTHDAY_CLOSERS)]
        elif self.tone == "condolence":
            body = [self.condolence(), self.pick(_KIND_CLOSERS)]
        elif self.tone == "apology":
            body = [self.apology(), self.apology_rest(), self.pick(_APOLOGY_CLOSERS)]
        else:
            promise = self.promise()
            purpose = "" if promise and _same_subject(self.ctx.purpose, promise) else self.purpose_sentence()
            details = self.details()
            suggestion = self.suggestion()
            if details and self.suggested and self.suggested.casefold() in details.casefold():
                suggestion = ""  # the details already say it ("you'd like the blue one")
            body = [self.last_interaction(), purpose, self.sorry(), details, suggestion, promise]
            body.append(self.question(confirm=bool(details or promise)))
        parts = [part for part in body if part]
        if self.channel == "phone":
            return ComposedDraft(self.call_plan(parts), tuple(self.sources))
        paragraph = " ".join(parts)
        if self.channel == "text":
            sender = f" – {self.ctx.salesperson}" if self.ctx.salesperson else ""
            return ComposedDraft(f"Hi {self.name}, {paragraph}{sender}", tuple(self.sources))
        greeting = self.pick(["Hi {n},", "Hello {n},", "Dear {n},", "Hi {n},"]).format(n=self.name)
        if self.tone == "birthday":
            greeting = f"Dear {self.name}," if self.rng.random() < 0.5 else f"Hi {self.name},"
        text = f"{greeting}\n\n{paragraph}\n\n{self.sign_off()}"
        return ComposedDraft(text, tuple(self.sources))

    def question(self, confirm: bool = True) -> str:
        """A closing question; none that proposes a call when calls are off, disliked or this is a call, and
        no "does that sound right?" when the message restates nothing (`confirm` False)."""
        options = _QUESTIONS_COMMERCIAL if self.tone == "commercial" else _QUESTIONS
        if not confirm:
            options = [q for q in options if "sound right" not in q]
        no_calls = self.channel == "phone" or "phone" not in allowed_channels(self.ctx)[0] or _dislikes_calls(self.ctx)
        if no_calls:
            options = [q for q in options if not re.search(r"\bcall\b", q)]
        return self.pick(options)

    def call_plan(self, parts: list[str]) -> str:
        """What to say on the phone: the same grounded points, as a short plan to read before calling."""
        me = f", it's {self.ctx.salesperson}" if self.ctx.salesperson else ""
        lines = [f"Call plan for {self.name} (by phone):", f"• Open: “Hi {self.name}{me}.”"]
        lines += ["• " + _WRITING.sub("I'm calling", part) for part in parts]  # a call plan is not a letter
        return "\n".join(lines)

    def sign_off(self) -> str:
        """Closing line with the salesperson's name, when known."""
        word = self.pick(["Best,", "All the best,", "Kind regards,", "Warm regards,", "Best wishes,", "Thanks,"])
        if self.tone == "condolence":
            word = self.pick(["With warm wishes,", "Thinking of you,", "Take care,"])
        return f"{word}\n{self.ctx.salesperson}" if self.ctx.salesperson else word

    # -- parts -----------------------------------------------------------------------------------

    def _latest_event(self) -> tuple[Note, str, str, bool] | None:
        """The interaction to recall (note, kind, phrase as noted, dated): one the purpose names, else the latest."""
        notes = [n for n in self.ctx.notes if _naive(n.occurred_at) <= _naive(self.ctx.now)]
        notes.sort(key=lambda n: _naive(n.occurred_at), reverse=True)
        events = [(n, *found) for n in notes if (found := event_dated(n.text)) is not None]
        events = [e for e in events if e[1] != "order" or _ORDERED.search(e[0].text)]  # "delivery before xmas"
        purpose = self.ctx.purpose.lower()
        named = [e for e in events if re.search(rf"\b{e[1]}", purpose) or e[2].split()[-1].lower() in purpose]
        best = named or events
        return best[0] if best else None

    def last_interaction(self) -> str:
        """A sentence about the last logged interaction, named as the note names it; its date only when the note
        says it happened that day (a note's date is when it was written, not when the event was)."""
        found = self._latest_event()
        if found is None:
            if self.tone == "commercial":
                return ""
            # no note records a conversation with the client: none is claimed, and no date is given
            return self.pick(["I hope you're well.", "I hope all is well with you.", "I hope you're keeping well."])
        note, kind, event, dated = found
        self.cite((note.id,))
        day = _local(note.occurred_at, self.ctx.now)
        when = f" on {_day(day, self.today)}" if dated else ""
        if kind == "conversation":  # a talk the note does not say was a call: no "thanks for the call"
            if (self.today - day).days > LONG_AGO_DAYS:  # long ago and of no named kind: nothing to recall
                return self.pick(["I hope you're well.", "I hope all is well with you."])
            return self.pick([f"It was good to talk with you{when}.", f"It was good to speak with you{when}."])
        if (self.today - day).days > LONG_AGO_DAYS:
            # no month: "in January" reads as a date claim the guard would have to match exactly
            return self.pick([f"It's been a while since {event}.", f"I hope all is well since {event}."])
        if kind == "order":
            return self.pick([f"Thanks again for your order{when}.", f"Thank you again for your order{when}."])
        if re.match(r"\s*thank", self.ctx.purpose, re.I):
            return f"I've been thinking about {event}{when}."
        return self.pick(
            [
                f"Thanks again for {event}{when}.",
                f"Thank you for {event}{when}.",
                f"I've been thinking about {event}{when}.",
                f"Thanks for making time for {event}{when}.",
                f"Thanks again for {event}.",
                f"Thanks again for {event}; it was good to talk.",
            ]
        )

    def purpose_sentence(self) -> str:
        """The purpose rephrased as a sentence to the client (its form words, "a text", "email", and a label such
        as "intro" left out)."""
        purpose = _without_labels(_without_form(self.ctx.purpose))
        if _phrases("shared_history").search(purpose):
            # "follow up on our last conversation": the opener recalls a talk only as a note records it
            purpose = _without_history(purpose)
            if not purpose:
                return self.pick(["I wanted to check in and see how things are going.", "I wanted to say hello."])
        said = _purpose_sentence(purpose, self.ctx, self.pick)
        return _name_relatives(said, self.ctx)

    def sorry(self) -> str:
        """A short apology after the purpose, while a complaint is open and the purpose is something else."""
        ids = open_upset_note_ids(self.ctx) if self.tone != "apology" else ()
        if not ids:
            return ""
        self.cite(ids)
        trouble = _trouble(self.ctx, ids)
        return f"And I'm sorry about {trouble}." if trouble else "And I'm sorry for the trouble you've had."

    def details(self) -> str:
        """The concrete details the purpose is about (model, colour, quantity, date), as the notes have them now."""
        found = detail_clauses(self.ctx, read_purpose(self.ctx.purpose)) if self.with_details else []
        found = [(t, i) for t, i in found if not any(a.casefold() in t.casefold() for a in self.avoid)]
        kept: list[tuple[str, str]] = []
        for raw, note_id in found:
            said = said_to_client(raw, self.ctx)
            if said:
                kept.append((said, note_id))
            elif kept and kept[-1][1] == note_id and (more := follower_to_client(raw, self.ctx)):
                kept[-1] = (f"{kept[-1][0]}, {more}", note_id)  # "..., 6 of them": with the clause it completes
        found = _no_repeats(kept)
        facts = (
            [(t, i) for t, i in self._fact_details() if not any(a.casefold() in t.casefold() for a in self.avoid)]
            if self.with_details
            else []
        )
        if not found:  # no clause could be said to the client: what the facts hold
            found = facts
        else:  # a fact the purpose names ("the install date": "the install on 9 January") joins the clauses said
            subject = _content(_without_form(self.ctx.purpose)) - _GENERIC
            said = " ".join(t for t, _ in found).casefold()
            found += [(t, i) for t, i in facts if _content(t) & subject and not _content(t) <= _content(said)][
                : max(0, 3 - len(found))
            ]
        if not found:
            return ""
        self.cite([note_id for _, note_id in found])
        items = "; ".join(text for text, _ in found)
        lead = self.pick(["Here's what I have so far:", "Just to confirm what I have:", "So we're on the same page:"])
        return f"{lead} {items}."

    def _fact_details(self) -> list[tuple[str, str]]:
        """The client's own event ahead, the options they are happy with and what they rule out, from the current
        facts as noun phrases ("the wedding on Sunday 7 March at the Boathouse; no lilies"), each with its note."""
        out: list[tuple[str, str]] = []
        for f in sorted(self.ctx.facts, key=lambda f: f.valid_from, reverse=True):
            if f.valid_to is not None or not f.source_ids:
                continue
            said = ""
            event = f.key.partition(":")[2]
            if event and _MOVED.fullmatch(event):
                continue  # "date:move" from "move the site visit to dec 18": the promise's new date, said with it
            if event and (event.casefold() in STOPWORDS or event.casefold() in _NOT_ITEM):
                continue  # "date:before" from "install before 7 feb": a link word is no event ("the before on ...")
            if f.key.startswith("date:") and event.isalpha() and re.fullmatch(r"\d{4}-\d\d-\d\d", f.value):
                day = date.fromisoformat(f.value)
                place = re.search(r"\bat\s+(?:the\s+)?[\w' -]+$", f.text)
                year = f" {day.year}" if day.year != self.today.year else ""
                if day >= self.today:  # no weekday: a weekday reads as a relative time once the message is old
                    said = f"the {event} on {day.day} {day:%B}{year}" + (f" {place.group(0)}" if place else "")
            elif f.kind is FactKind.PREFERENCE and f.detail.get("options"):
                options = [o for o in f.detail["options"].split("|") if o]
                said = f"either {' or '.join(options)} is fine" if len(options) > 1 else ""
            elif f.kind is FactKind.DISLIKE and 0 < len(f.value.split()) <= 3 and _ruled_out_by_client(f):
                said = _ruled_out_object(f, self.ctx)
            elif f.key.startswith("quantity:") and _about_purpose(f.key.partition(":")[2], self.ctx.purpose):
                said = f.text  # "12 velvet chairs": the count the purpose is about, as the note has it now
            said = _as_written(said, self.ctx) if said else ""
            said = re.sub(r"^NO\b", "no", said)  # "NO lilies" typed in capitals for emphasis
            if said and not _excluded_fact(f.key):
                out.append((said, f.source_ids[-1]))
            if len(out) >= 3:
                break
        return out

    def suggestion(self) -> str:
        """A suggestion that fits a stated preference (commercial purposes only, never a declined item)."""
        if self.tone != "commercial":
            return ""
        declined = declined_items(self.ctx)
        prefs = [
            f
            for f in self.ctx.facts
            if f.kind == FactKind.PREFERENCE
            and f.valid_to is None
            and 0 < len(f.value.split()) <= 3
            and f.value.lower() not in declined
            and not re.search(r"\d|email|phone|call|text|sms|morning|afternoon|evening", f.value, re.I)
            and ":" not in f.key  # "likes:hiking" is a taste to talk about, not an option to offer
            and f.key not in _NOT_OPTIONS
        ]
        if not prefs:
            return ""
        fact = max(prefs, key=lambda f: f.valid_from)  # the latest word: after a change of mind, the new choice
        value = fact.value.strip()
        self.suggested = value
        self.cite(fact.source_ids)
        avoid = fact.detail.get("declined", "").strip()
        tail = f", and nothing in {avoid}" if avoid and len(avoid.split()) <= 3 else ""
        return self.pick(
            [
                f"With your preference for {value} in mind, I can put together a few options in {value}{tail}.",
                f"Since {value} is what you prefer, I'll keep the shortlist to {value}{tail}.",
                f"I'll make sure anything I suggest is in {value}{tail}.",
            ]
        )

    def promise(self) -> str:
        """The open promise restated as a person would: what, how many, by when; cites it."""
        if not self.ctx.commitments:
            return ""
        c = min(self.ctx.commitments, key=lambda c: (c.due is None, c.due or date.max))
        sentence = self._note_text(c)
        verb, obj = _promise_parts(c, sentence, self.ctx)
        if not obj:
            return ""
        self.cite(c.source_ids)
        due = f" by {c.due.strftime('%A')} {c.due.day} {c.due.strftime('%B')}" if c.due and c.due >= self.today else ""
        if sentence and not _WHEN_WORDS.search(sentence):
            due = ""  # the promise's own words give no date: one found elsewhere in the note is not its deadline
        if due and self._moved_later(c, obj):
            due = ""  # a later note moved it ("push the site visit to dec 18"): the first date is stale
        elif due and self._moved_within(c):
            # its date was moved and memory follows: the day without its weekday, which would be read against the
            # first date too ("Friday" beside "Monday 14 December")
            due = f" by {c.due.day} {c.due.strftime('%B')}" if c.due else ""
        if verb in _SEND_VERBS:
            return self.pick(
                [
                    f"I'll send you {obj}{due}.",
                    f"You'll have {obj} from me{due}.",
                    f"I'm putting together {obj} and will send it over{due}.",
                    f"As promised, I'll get {obj} to you{due}.",
                ]
            )
        if not verb:  # "promised her a demo of the new range": the thing, no verb
            be = "are" if _plural(obj) else "is"  # "the samples are on my list", "the quote is"
            return self.pick([f"I'm getting {obj} ready for you{due}.", f"As promised, {obj} {be} on my list{due}."])
        act = f"{verb} {obj}".strip()
        if verb in {"follow", "check", "touch", "circle"} and not re.sub(
            r"^(?:up|in|back|base)\b|\b(?:with|on|to)\s+(?:you|this|that|it)\b", "", obj
        ).strip(" ,."):
            return ""  # "promised to follow up by Friday": this message is the follow-up
        return self.pick([f"As promised, I'll {act}{due}.", f"I'll {act}{due}, as we agreed."])

    def _moved_later(self, c: Commitment, obj: str) -> bool:
        """Whether a note after the promise's last one moves its date ("push the site visit to dec 18")."""
        by_id = {n.id: n for n in self.ctx.notes}
        sources = [by_id[i] for i in c.source_ids if i in by_id]
        if not sources:
            return False
        last = max(_naive(n.occurred_at) for n in sources)
        want = _content(obj) - {"the", "you", "your"}
        for n in self.ctx.notes:
            if _naive(n.occurred_at) <= last or n.id in c.source_ids:
                continue
            if want & _content(n.text) and _MOVED.search(n.text) and _WHEN_WORDS.search(n.text):
                return True
        return False

    def _moved_within(self, c: Commitment) -> bool:
        """Whether one of the promise's own later notes moves its date ("ada asked to move the site visit")."""
        by_id = {n.id: n for n in self.ctx.notes}
        sources = sorted((by_id[i] for i in c.source_ids if i in by_id), key=lambda n: _naive(n.occurred_at))
        return any(_MOVED.search(n.text) and _WHEN_WORDS.search(n.text) for n in sources[1:])

    def _note_text(self, c: Commitment) -> str:
        """The sentence of the promise's note that states this promise (it holds details the short text drops)."""
        by_id = {n.id: n for n in self.ctx.notes}
        want = _content(c.text) - {"promised", "promise", "to"}
        best, score = "", 0
        for note_id in reversed(c.source_ids):
            note = by_id.get(note_id)
            for sentence in re.split(r"(?<=[.!?;:])\s+|\n+", note.text if note else ""):
                overlap = len(want & _content(sentence))
                if _PROMISE_VERB.search(sentence) and overlap > score:
                    best, score = sentence, overlap
        return best

    def birthday(self) -> str:
        """A warm birthday wish; if the recorded birthday is not near, it names the day instead."""
        bday = _recorded_birthday(self.ctx)
        if bday is not None:
            self.cite(bday[1])
            delta = _days_to(self.today, bday[0])
            if not -7 <= delta <= 7:
                day = f"{bday[0].day} {bday[0].strftime('%B')}"
                return f"I wanted to send my best wishes ahead of your birthday on {day}."
        return self.pick(
            [
                f"Happy birthday, {self.name}! I hope the day is full of good things.",
                "Happy birthday! I hope you get a proper break and something good to celebrate with.",
                f"Wishing you a very happy birthday, {self.name}, and a great year ahead.",
            ]
        )

    def condolence(self) -> str:
        """Kind words after bad news, naming the person lost when the notes do; no offer. Cites the note."""
        sad = sensitive_note_ids(self.ctx)
        self.cite(sad)
        who = _person_lost(self.ctx, sad)
        if who:
            return self.pick(
                [
                    f"I was so sorry to hear about {who}, and I wanted you to know I'm thinking of you.",
                    f"I was so sorry to hear about the loss of {who}. Please take all the time you need.",
                    f"I was very sad to hear about {who}. You and your family are in my thoughts.",
                ]
            )
        return self.pick(
            [
                "I was so sorry to hear your news, and I wanted you to know I'm thinking of you.",
                "I was very sorry to hear what you're going through. Please take all the time you need.",
                "I just wanted to say how sorry I am to hear your news. Nothing on our side needs your attention now.",
            ]
        )

    def apology_rest(self) -> str:
        """What the purpose asks besides the apology ("apologise and offer a new crew" -> the new crew)."""
        rest = _phrases("apology_purposes").sub("", self.ctx.purpose)
        rest = re.sub(r"^\s*(?:(?:and|&|\+|,|then|for|about|to)\s+)*", "", rest, flags=re.I).strip(" .,")
        if not rest or not re.match(rf"(?:{_PURPOSE_VERBS}|offer)\b", rest, re.I):
            return ""  # "apologise for the delay": what it is for is the trouble, said already
        return _name_relatives(_purpose_sentence(rest, self.ctx, self.pick), self.ctx)

    def apology(self) -> str:
        """After a note says the client is unhappy: sorry for the trouble, named as noted; no offer."""
        ids = open_upset_note_ids(self.ctx)
        self.cite(ids)
        trouble = _trouble(self.ctx, ids)
        went = "" if trouble else _trouble_clause(self.ctx, ids)
        if went:
            return f"I'm sorry that {went}, and I want to make sure it's properly sorted."
        if trouble:
            return self.pick(
                [
                    f"I'm sorry about {trouble}, and I want to make sure it's properly sorted.",
                    f"I wanted to say sorry for the hassle with {trouble}.",
                ]
            )
        return self.pick(
            ["I'm sorry for the trouble you've had.", "I wanted to say sorry for the hassle you've had lately."]
        )


_APOLOGY_CLOSERS = [
    "If anything is still not right, just let me know and I'll get it fixed.",
    "Thank you for your patience, and please tell me if anything else needs attention.",
]
_RELATIVE = re.compile(
    r"\b(wife|husband|partner|mother|mom|mum|father|dad|son|daughter|brother|sister|grandmother|grandfather)\s+"
    r"(?P<name>[a-z][a-z'-]+)\b",
    re.I,
)


def _name_relatives(text: str, ctx: DraftContext) -> str:
    """ "your wife's birthday" -> "your wife Anika's birthday" when a note names her: whose day it is stays plain."""
    names: dict[str, str] = {}
    for note in ctx.notes:
        for m in _RELATIVE.finditer(note.text):
            name = re.sub(r"['’]s$", "", m.group("name"))
            if name.casefold() not in _NOT_NAMES and zipf_frequency(name.casefold()) < EVERYDAY_WORD:
                names.setdefault(m.group(1).casefold(), name[:1].upper() + name[1:])

    def put(m: re.Match[str]) -> str:
        name = names.get(m.group("rel").casefold())
        return f"your {m.group('rel')} {name}{m.group('s') or ''}" if name else m.group(0)

    return re.sub(r"\byour (?P<rel>[a-z]+)(?P<s>['’]s)?\b(?! [A-Z])", put, text)


def _person_lost(ctx: DraftContext, ids: tuple[str, ...]) -> str:
    """The relative a bad-news note says died ("george's wife martha passed away" -> "Martha"), else "".

    A name counts only in the same sentence as a death word and at most `DEATH_GAP` words from it: surgery,
    a divorce or a complaint in the same note never makes a relative's name a loss.
    """
    by_id = {n.id: n for n in ctx.notes}
    family = [  # a relative's name: "husband" is a relation word, never the name of the person lost
        w
        for f in ctx.facts
        if f.kind is FactKind.FAMILY
        and f.value
        and not _relation_words().fullmatch(w := f.value.split()[0])
        and not _phrases("greeting_roles").fullmatch(w)
    ]
    death = _death_words()
    for note_id in ids:
        text = by_id[note_id].text if note_id in by_id else ""
        for sentence in re.split(r"[.;!?\n]+|\s[-–—]\s|\bbut\b", text):
            hits = [m.start() for m in death.finditer(sentence)]
            if not hits:
                continue
            found = [(m.start(), m.group(0)) for n in family if len(n) > 1 for m in _word(n).finditer(sentence)]
            found += [
                (m.start("name"), m.group("name"))
                for m in _RELATIVE.finditer(sentence)
                if m.group("name").casefold() not in _NOT_NAMES
            ]
            for start, name in sorted(found):
                if any(_words_between(sentence, start, hit) <= DEATH_GAP for hit in hits):
                    return name[:1].upper() + name[1:]
    return ""


DEATH_GAP = 3  # "martha passed away", "lost his wife martha": the name and the death word this close, in one sentence


def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b", re.I)


def _words_between(text: str, a: int, b: int) -> int:
    """How many words lie between two positions of `text`."""
    lo, hi = sorted((a, b))
    return max(0, len(text[lo:hi].split()) - 1)


@lru_cache(maxsize=1)
def _death_words() -> re.Pattern[str]:
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    found = sorted((w for e in doc.get("death", []) for w in e["words"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")\b", re.I)


_NOT_NAMES = not_names("death_note_words")


def upset_note_ids(ctx: DraftContext) -> tuple[str, ...]:
    """Recent notes that say the client is unhappy with us (annoyed, complained): sorry first, no pitch."""
    pattern = _upset_words()
    now = ctx.now
    return tuple(
        n.id
        for n in ctx.notes
        if 0 <= (_local(now, now) - _local(n.occurred_at, now)).days <= UPSET_DAYS
        and any(_client_is_upset(n.text, m, ctx) for m in pattern.finditer(n.text))
    )


def open_upset_note_ids(ctx: DraftContext) -> tuple[str, ...]:
    """The upset notes no later word settles: a note after it (or the rest of it) saying "all good now", "happy now"."""
    by_id = {n.id: n for n in ctx.notes}
    resolved = _phrases("resolved")
    upset = _upset_words()
    still: list[str] = []
    for note_id in upset_note_ids(ctx):
        note = by_id[note_id]
        last = max(m.end() for m in upset.finditer(note.text))
        later = [
            n.text
            for n in ctx.notes
            if n.id != note_id and _naive(note.occurred_at) < _naive(n.occurred_at) <= _naive(ctx.now)
        ]
        if not any(resolved.search(t) for t in [note.text[last:], *later]):
            still.append(note_id)
    return tuple(still)


def _client_is_upset(text: str, m: re.Match[str], ctx: DraftContext) -> bool:
    """Whether the client is who is upset: the sentence's subject before the word is the client, a pronoun, or none.

    "annoyed about the late van", "Rhea complained", "she was upset" are the client; "her neighbour was annoyed",
    "Marcus complained about his builder" are someone else, and set no apology.
    """
    start = max(text.rfind(p, 0, m.start()) for p in (".", ";", "!", "?", "\n", ":"))
    lead = re.sub(r"\([^()]*\)", " ", text[start + 1 : m.start()])  # "babatunde (his firm & co) unhappy": no aside
    before = [re.sub(r"['’]s$", "", w.strip(",()\"'")).casefold() for w in lead.split()]
    skip = _upset_skip()
    subject = next((w for w in reversed(before) if w and w not in skip), "")
    c = ctx.client
    own = {p.casefold() for x in (c.name, c.goes_by, c.formal_name, *c.aliases) if x for p in x.split()}
    return not subject or subject in own or subject in {"she", "he", "they", "client", "customer"}


@lru_cache(maxsize=1)
def _upset_skip() -> frozenset[str]:
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    return frozenset(w for e in doc.get("upset_skip", []) for w in e["words"])


UPSET_DAYS = 30  # an unhappy client's note this recent sets the tone


@lru_cache(maxsize=1)
def _upset_words() -> re.Pattern[str]:
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    found = sorted((w for e in doc.get("upset", []) for w in e["words"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")\b", re.I)


def _trouble_clause(ctx: DraftContext, ids: tuple[str, ...]) -> str:
    """The clause of an upset note that says what went wrong, as typed ("cleaners missed bins twice last month"):
    a past-tense statement that is neither the upset word itself nor a request; "" when none."""
    by_id = {n.id: n for n in ctx.notes}
    names = {w.casefold() for x in (ctx.client.name, ctx.client.goes_by) if x for w in re.findall(r"[\w'’-]+", x)}
    for note_id in ids:
        note = by_id.get(note_id)
        for clause in clauses(note) if note else []:
            text = " ".join(clause.text.split()).strip(" .,;:")
            first = text.split()[0].casefold() if text.split() else ""
            if first in names or _upset_words().search(text) or re.search(r"\b(?:wants?|needs?|asked)\b", text, re.I):
                continue
            if re.search(r"\b\w{3,}ed\b|\b(?:broke|came|went|forgot|left|lost|took)\b", text, re.I) and len(text) <= 80:
                return text[:1].lower() + text[1:]
    return ""


def _trouble(ctx: DraftContext, ids: tuple[str, ...]) -> str:
    """The problem an upset note names, in a few words ("the toner jamming")."""
    by_id = {n.id: n for n in ctx.notes}
    trouble = re.compile(
        r"\b(?P<what>[a-z]+)\s+(?:kept|keeps|keep)\s+(?P<how>[a-z]+ing)\b|\b(?P<thing>[a-z]+)\s+(?:broke|broken|failed|leaking|stopped working)\b",
        re.I,
    )
    faults = _phrases("faults").pattern
    went = re.compile(
        rf"\b(?:the\s+|his\s+|her\s+|their\s+)(?P<thing>(?:\d+\s+)?[a-z]+(?:\s+[a-z]+)?)\s+"
        rf"(?P<verb>arrived|came|was|were|got|is|are)\s+(?:\w+\s+)?(?P<fault>{faults})",
        re.I,
    )
    being = {"arrived": "arriving", "came": "coming", "got": "getting"}
    for note_id in ids:
        text = by_id[note_id].text if note_id in by_id else ""
        found = went.search(text)  # "the 4 stools arrived scratched" -> "the 4 stools arriving scratched"
        if found:
            verb = being.get(found.group("verb").lower(), "being")
            return f"the {found.group('thing').lower()} {verb} {found.group('fault').lower()}"
        m = trouble.search(text)
        if m and m.group("what"):
            return f"the trouble with the {m.group('what').lower()} {m.group('how').lower()}"
        if m and m.group("thing"):
            return f"the trouble with the {m.group('thing').lower()}"
    return ""


# -- channels ------------------------------------------------------------------------------------

CHANNELS = ("email", "phone", "text")
_CHANNEL_WORDS = {
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "newsletter": "email",
    "phone": "phone",
    "call": "phone",
    "calls": "phone",
    "calling": "phone",
    "ring": "phone",
    "text": "text",
    "texts": "text",
    "sms": "text",
    "whatsapp": "text",
    "telegram": "text",
    "message": "text",
}


def allowed_channels(ctx: DraftContext) -> tuple[tuple[str, ...], str | None]:
    """The channels the client may be reached on (preferred first) and the preferred one.

    The one place that reads consent for drafting. The closed channels are the guard's own view
    (`memory.consent.contact_channels` on the day of drafting): a channel-scoped opt-out closes that
    channel, an unscoped one closes all, a later opt-in reopens, and an opt-out for a period ("off
    from 21 Dec to 5 Jan, don't contact her then") closes nothing before or after it.
    """
    facts = sorted((f for f in ctx.facts if f.valid_to is None), key=lambda f: f.valid_from)
    closed = set(contact_channels(facts, on=ctx.now.date()).closed)
    prefs = [f for f in facts if f.kind is FactKind.CONTACT and f.key == "channel"]
    stated = _CHANNEL_WORDS.get(prefs[-1].value.casefold()) if prefs else None
    preferred = stated if stated and stated not in closed else None
    allowed = tuple(ch for ch in CHANNELS if ch not in closed)
    if preferred:
        allowed = (preferred, *(ch for ch in allowed if ch != preferred))
    return allowed, preferred


def _dislikes_calls(ctx: DraftContext) -> bool:
    """Whether a current dislike is about phone calls ("not a fan of phone calls before 9")."""
    return any(
        f.kind is FactKind.DISLIKE
        and f.valid_to is None
        and ("phone" in f.key or re.search(r"\b(?:calls?|phone)\b", f"{f.value} {f.text}", re.I))
        for f in ctx.facts
    )


def draft_channel(ctx: DraftContext) -> str | None:
    """The channel this draft goes by: the preferred one when allowed, else email, phone, text; None if all closed."""
    allowed, preferred = allowed_channels(ctx)
    if preferred:
        return preferred
    return allowed[0] if allowed else None


_NOT_OPTIONS = {"diet", "team", "food", "drink", "hobby", "sport", "channel", "music", "book", "film", "movie"}
_QUESTIONS = [
    "How are things on your side?",
    "Is there anything you'd like me to look into?",
    "What would be most useful for you from here?",
    "Does that sound right to you?",
]
_QUESTIONS_COMMERCIAL = [
    "Would a short call be useful to go through it?",
    "What questions can I answer for you?",
    "Which options would you like to see first?",
    "Is there anything you'd like me to change?",
]
_BIRTHDAY_CLOSERS = ["Enjoy the celebrations!", "Have a wonderful day.", "Here's to a great year ahead."]
_KIND_CLOSERS = [
    "If there's anything I can do, just say the word.",
    "There's no need to reply; I'm here whenever you need anything.",
    "Please look after yourself.",
]


def _purpose_sentence(purpose: str, ctx: DraftContext, pick: Callable[[list[str]], str]) -> str:
    """Rephrase a purpose ("follow up after the product demo") as a sentence to the client."""
    p = _second_person(purpose.strip().rstrip(".!"), ctx)
    both = re.match(rf"^(?P<a>.+?)\s+(?:and|&|\+|then)\s+(?P<b>(?:{_PURPOSE_VERBS})\b.*)$", p, re.I)
    if both:  # "thanks and ask for a review": two purposes, two sentences, in the order asked
        first = _purpose_sentence(both.group("a"), ctx, pick)
        return f"{first} {_purpose_sentence(both.group('b'), ctx, pick)}".strip()
    low = p.lower()
    wish = re.match(
        r"^(?:wish|say happy birthday to)\s+(?P<r>your\s+[a-z]+)\b(?:\s+(?:a\s+)?(?:very\s+)?happy\b.*)?$", p, re.I
    )
    if wish:  # an instruction to the salesperson about a relative: the wish goes to the relative through the client
        r = wish.group("r")
        return pick(
            [f"Please wish {r} a very happy birthday from me.", f"Please pass on my warmest birthday wishes to {r}."]
        )
    rules: list[tuple[str, list[str]]] = [
        # instructions to the salesperson ("tell him …", "ask her to …"): said to the client, never pasted
        (r"^(?:tell you|let you know)(?: that| about)?\s+(?P<r>.+)", ["I wanted to let you know {r}."]),
        (
            r"^(?:ask|get)(?: you)? to\s+(?P<r>.+)",
            ["When you have a moment, could you {r}?", "Could you {r} when you get a chance?"],
        ),
        (r"^remind(?: you)? to\s+(?P<r>.+)", ["Just a quick reminder to {r}."]),
        (
            r"^thank (?P<r>your \w+(?: [A-Z]\w+)? for .+)",
            ["Please pass on my thanks to {r}.", "Please thank {r}; it means a lot."],
        ),
        (
            r"^(?:follow(?:ing)?[ -]?up)(?: with (?:you|[a-z]+(?= (?:about|on|after|regarding|re)\b)))?(?: (?:after|on|about|regarding|re|from|with))?\s*(?P<r>.*)",
            [
                "I wanted to follow up on {r}.",
                "I'm following up on {r}.",
                "I wanted to pick up where we left off on {r}.",
            ],
        ),
        (
            r"^(?:check(?:ing)?[ -]?in)(?: with (?:you|[a-z]+(?= (?:about|on|after|regarding|re)\b)))?(?: (?:after|on|about|regarding))?\s*(?P<r>.*)",
            ["I wanted to check in about {r}.", "I'm checking in about {r}."],
        ),
        (
            r"^(?:send|share|forward|email)(?: you)?\s+(?P<r>.+)",
            ["I'm sending over {r}.", "I'd like to share {r} with you.", "I wanted to share {r} with you."],
        ),
        (r"^remind(?: you)?(?: (?:about|of))?\s+(?P<r>.+)", ["Just a quick reminder about {r}."]),
        (r"^confirm(?:ing)?\s+(?P<r>.+)", ["I'm writing to confirm {r}.", "A quick note to confirm {r}."]),
        (
            r"^welcome\b(?P<r>)",
            [
                "Welcome aboard! I'm really glad to have you with us.",
                "A warm welcome from me; I'm glad you're with us.",
            ],
        ),
        (
            r"^(?:apolog\w*|sorry)\b(?P<r>)",
            ["I'm sorry for the trouble you've had.", "I wanted to say sorry for the hassle you've had."],
        ),
        (r"^invite(?: you)?(?: to)?\s+(?P<r>.+)", ["I'd love to invite you to {r}.", "I'd be glad to see you at {r}."]),
        (r"^thank(?: you)?(?: for)?\s+(?P<r>.+)", ["Thank you for {r}.", "Thanks so much for {r}."]),
        (
            r"^(?:thanks|thank you|say thanks|say thank you|thank(?: you)?)$(?P<r>)",
            ["I wanted to say thank you.", "Thank you; it's been a pleasure working with you."],
        ),
        (
            r"^(?:ask(?: you)? for|request|get)\s+(?:a |an |your |some )?(?P<r>(?:short |quick )?"
            r"(?:review|referral|feedback|testimonial|rating|recommendation))s?$",
            [
                "If you have a minute, I'd be grateful for your {r}.",
                "If you have a moment, your {r} would mean a lot to me.",
            ],
        ),
        (r"^ask(?: you)?(?: (?:about|whether|if))?\s+(?P<r>.+)", ["I wanted to ask about {r}."]),
        (r"^(?:schedule|book|set up|arrange)\s+(?P<r>.+)", ["Could we find a time for {r}?"]),
        (r"^congratulate(?: you)?(?: on)?\s+(?P<r>.+)", ["Congratulations on {r}!"]),
        (r"^offer(?: you)?\s+(?P<r>.+)", ["I'd like to offer you {r}.", "I can offer you {r}."]),
        (
            r"^(?:introduce|present|pitch|offer|propose|recommend|suggest|tell you about)\s+(?P<r>.+)",
            ["I wanted to tell you about {r}.", "I thought you'd like to hear about {r}."],
        ),
        (
            r"^(?:keep in touch|stay in touch|touch base|reconnect|catch up)\b.*(?P<r>)",
            ["I wanted to touch base and see how you're doing.", "It's been a little while, so I wanted to say hello."],
        ),
    ]
    for pattern, templates in rules:
        m = re.match(pattern, low)
        if m:
            rest = p[len(p) - len(m.group("r")) :].strip() if m.group("r") else ""
            if not rest and "{r}" in templates[0]:
                return "I wanted to check in and see how things are going."
            if re.search(r"\b(?:about|on|up on|with|for)\s+\{r\}", templates[0]):
                rest = _noun_phrase(rest)  # "following up on trade in" -> "on the trade in"
            return pick(templates).format(r=rest)
    if re.search(r"\b(?:is|are|was|were|has|have|had|will|can)\b", p, re.I):  # "your suit is ready": a statement
        return pick([f"I wanted to let you know {p}.", f"Good news: {p}."]) if p else ""
    if re.match(r"^[a-z]+ you\b", p):
        return ""  # an instruction no rule rephrases ("bring you round"): left out, never "writing about bring you"
    p = _noun_phrase(p)
    return pick([f"I'm writing about {p}.", f"I wanted to get in touch about {p}."]) if p else ""


_PURPOSE_VERBS = "ask|confirm|send|share|remind|thank|invite|check|book|schedule|arrange|offer|request|get|say"
_DETERMINERS = {
    *(
        [
            "the",
            "a",
            "an",
            "your",
            "my",
            "our",
            "this",
            "that",
            "these",
            "those",
            "some",
            "any",
            "all",
            "each",
            "every",
            "his",
            "her",
            "their",
            "its",
            "no",
        ]
    ),
    *(["how", "what", "when", "where", "whether", "if", "why", "who", "which", "you", "it", "me", "us", "them"]),
}


def _noun_phrase(text: str) -> str:
    """A bare subject as a noun phrase ("financing" -> "the financing"); a phrase with its article is kept."""
    words = text.split()
    if not words or len(words) > 6 or words[0].casefold() in _DETERMINERS or not words[0][:1].islower():
        return text
    if re.search(r"\b(?:is|are|was|were|has|have|had|will|can|did|does|do)\b|\d", text, re.I):
        return text
    return f"the {text}"


def _without_form(purpose: str) -> str:
    """The purpose without the message form ("email confirming the order" -> "confirming the order")."""
    read = read_purpose(purpose)
    if read.generic and not re.match(r"\s*(?:follow|check|keep|stay|touch|catch|reconnect)", read.subject, re.I):
        return ""
    rest = re.sub(
        r"\s+(?:msg|message|email|e-mail|text|note|mail)$",
        "",
        read.subject if read.channel or read.subject else purpose,
        flags=re.I,
    )
    return rest if not read.generic or rest.strip() else purpose


EVERYDAY_WORD = 4.5  # wordfreq zipf: a name this common as a word ("will" 6.5, "grace" 4.6) is a name only capitalised


def _second_person(text: str, ctx: DraftContext) -> str:
    """Rewrite a note about the client ("send Alex her quote") as words to the client ("send you your quote")."""
    c = ctx.client
    names = sorted(
        {x for x in (c.name, c.goes_by, c.formal_name, *c.aliases, greeting_name(ctx)) if x}, key=len, reverse=True
    )
    for name in names:  # notes are typed in lower case too ("promised greg a proposal") ...
        # ... but a name that is an everyday word ("will", "grace") is matched only as typed: "will call after"
        flags = re.I if zipf_frequency(name.casefold()) < EVERYDAY_WORD else 0
        text = re.sub(rf"\b{re.escape(name)}'s\b", "your", text, flags=flags)
        text = re.sub(rf"\b{re.escape(name)}\b", "you", text, flags=flags)
    text = re.sub(r"\b(?:his|their)\b", "your", text)
    text = re.sub(r"\b(?:him|them)\b", "you", text)
    text = re.sub(r"\bher\b(?=\s+(?:a|an|the|about|on|for|to|with|after|before|by|$))", "you", text)
    text = re.sub(r"\bher\b(?=\s*$|\s+(?:back|up|in|out|over|again|know)\b)", "you", text)  # "call her back"
    text = re.sub(r"\bher\b", "your", text)
    text = re.sub(
        r"\b(?:she|he|they) (?:wants|needs|asked|is|has)\b",
        lambda m: {"wants": "you want", "needs": "you need", "asked": "you asked", "is": "you are", "has": "you have"}[
            m.group(0).split()[-1]
        ],
        text,
    )
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


_RELATIVE_TIME = re.compile(
    r"\b(?:next|tomorrow|tonight|yesterday|today|this (?:week|weekend|month|morning|afternoon|evening))\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b",
    re.I,
)
_BROKEN_PERSON = re.compile(
    r"\byour\s+(?:with|a|an|the|to|for|on|in|at|and|by|about|that|this)\b|\byour\s*$|\byou\s+(?:is|was|has|wants|needs)\b",
    re.I,
)
_MODEL_TOKEN = re.compile(r"\b(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z]{2})[a-z0-9-]+\b")  # "rav4", "xc40", "cx-5"
_UNIT_TOKEN = re.compile(r"\d+(?:st|nd|rd|th|am|pm|k|m|ft|kg|km|mm|cm|hrs?|mins?|yrs?)", re.I)  # "20th", "9k"
_CALENDAR = {d.casefold(): d for d in (*calendar.day_name, *calendar.month_name) if d}


def said_to_client(clause: str, ctx: DraftContext) -> str:
    """A note's clause as words to the client ("wants the navy" -> "you'd like the navy"), or "" to leave it out.

    The one conversion every detail line goes through: the clause must become a statement whose subject is
    "you" or the client's own ("your budget is", "your kids love"; present only) (the salesperson's to-do "need to send ...", "sent him the ...", a relative's or a third party's
    doing, a bare fragment "from harbour plumbing" cannot); a relative time ("next thurs", "sat 10am") is
    stale by the time the message is read; a model or name typed in lower case is written as the notes
    capitalise it, else the clause is left out.
    """
    clause = re.sub(r"^want\b", "wants", clause.strip(), flags=re.I)  # "want fleet tracking": the client's request
    said = to_you(clause)
    tail = re.search(r"\band (you'd like\b.*)", said)
    if tail and not re.match(r"you\b", said):
        said = tail.group(1)  # "from harbour bistro wants 12 kegs": the request, without the fragment before it
    if not re.match(r"you(?:['’](?:d|re|ve|ll))?\b", said) and not owned_subject(said):
        # a list of counted items ("20 cork mats and 10 bolsters") or a changed attribute ("colour changed to
        # charcoal") is a whole detail without a verb of the client's: said as the items, or "the colour is now ..."
        noun_phrase = item_list(clause) or changed_attribute(clause)
        return _as_written(noun_phrase, ctx) if noun_phrase else ""
    if _BARE_QUANTITY.fullmatch(said.strip(" .,;:")):
        return ""  # "you'd like 50kg": a quantity without what it is of says nothing the client can confirm
    # "wants 8 treadmills now": the note's "now" marks the change, said to the client it reads as a push
    said = re.sub(r"[\s,]+(?:now|by now|for now)$", "", said.rstrip(" .,;:"), flags=re.I)
    if _DANGLING.search(said):
        return ""  # "needs to approve anything above 200k so please send the": a clause cut off is left out
    return _as_written(said, ctx)


# a clause ending in a word that needs something after it (an article, a preposition, a conjunction, a
# possessive, "+"/"&") was cut off mid-sentence by the note's punctuation: never a whole clause ("in", "on",
# "up" are left out of the list: they end phrasal verbs, "wants to come in")
_DANGLING = re.compile(
    r"(?:\b(?:the|a|an|and|or|but|that|to|of|with|for|so|please|at|by|from|than|as|if|because|my|your|"
    r"our|whose|which|who)|[+&/-])\s*$",
    re.I,
)


_FRAME_WORDS = frozenset(("the", "a", "an", "of", "you", "you'd", "like", "your", "and"))


def _no_repeats(details: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The details without one whose words another already says ("50 boxes of jasmine pearl" beside "you'd like
    50 boxes of the jasmine pearl and 12 tins of oolong"): each thing is said once, in its fullest form."""

    def words(text: str) -> set[str]:
        return set(re.findall(r"[\w'’]+", text.casefold())) - _FRAME_WORDS

    out = []
    for k, (text, note_id) in enumerate(details):
        mine = words(text)
        if any(
            j != k and (mine < words(other) or (mine == words(other) and j < k)) for j, (other, _) in enumerate(details)
        ):
            continue
        out.append((text, note_id))
    return out


_LIST_JOIN = re.compile(r"\s*(?:,|&|\+|\band\b|\bplus\b)\s*", re.I)
_COUNT = re.compile(r"\d[\d,.]*(?:\s*x)?\s+[^\W\d_]", re.I)  # "20 cork", "3 x pallets": a count before a word
ITEM_WORDS = 7  # "5 cases of the malbec reserva 2021": an item longer than this is a sentence, not an item
# words that make a "count + words" part a sentence or a to-do rather than an item: a person, a verb, a time link
_NOT_ITEM = frozenset((
    "i", "you", "he", "she", "it", "we", "they", "him", "her", "them", "his", "their", "my", "our", "is", "are",
    "was", "were", "be", "been", "will", "would", "can", "could", "should", "want", "wants", "need", "needs",
    "said", "asked", "promised", "ordered", "sent", "send", "get", "got", "has", "have", "had", "not", "no",
    "to", "by", "before", "after", "until", "till", "on", "at", "from", "if", "when", "but", "maybe",
))  # fmt: skip


def item_list(clause: str) -> str:
    """A clause that is only counted items ("20 cork mats and 10 bolsters", "5 cases of the malbec, 3 of the
    rosé"), as written; "" for anything else (a sentence, a to-do, a bare number, a time)."""
    text = " ".join(clause.split()).strip(" .,;:")
    parts = [p for p in _LIST_JOIN.split(text) if p]
    if not parts:
        return ""
    for part in parts:
        words = part.split()
        if not _COUNT.match(part) or len(words) > ITEM_WORDS or len(words) < 2:
            return ""
        if any(w.casefold().strip("().") in _NOT_ITEM for w in words) or _RELATIVE_TIME.search(part):
            return ""
    return text


_CHANGED = re.compile(
    r"^(?:the\s+)?([^\W\d_]+(?:\s+[^\W\d_]+)?)\s+(?:changed|switched|changes|switches)\s+(?:over\s+)?to\s+(.+)$", re.I
)
CHANGED_VALUE_WORDS = 4  # "charcoal", "the matte black": a new value longer than this is no attribute


def changed_attribute(clause: str) -> str:
    """A changed attribute as a statement ("colour changed to charcoal" -> "the colour is now charcoal"); "" when
    the clause is not one (a person changed, a long or empty value)."""
    m = _CHANGED.match(" ".join(clause.split()).strip(" .,;:"))
    if not m or any(w.casefold() in _NOT_ITEM for w in m.group(1).split()):
        return ""
    value = m.group(2).strip()
    if _RELATIVE_TIME.search(value) or re.search(rf"\b{_MON}\b|\d", value, re.I):
        return ""  # a moved date is said by the date's own words ("on 9 January"), never "is now 9 jan"
    if not value or len(value.split()) > CHANGED_VALUE_WORDS or any(w.casefold() in _NOT_ITEM for w in value.split()):
        return ""
    return f"the {m.group(1).casefold()} is now {value}"


_BARE_QUANTITY = re.compile(
    r"you(?:['’]d like| would like| want| need| have| take| get)\s+(?:about |around |roughly |another |only |now )?"
    r"\d[\d,.]*\s*[a-z]{0,3}(?:\s+(?:a|per|each|every)\s+\w+|\s+(?:monthly|weekly|fortnightly|each|now|instead))?",
    re.I,
)
_FOLLOWER = re.compile(r"^(?:\d[\d,.]*\b|budget\b|in\s|for\s|with\s|around\b|about\b|under\b|up to\b|max\b)", re.I)
FOLLOWER_WORDS = 4  # "6 of them", "3 sites", "budget around 9k": short enough to be a detail of the clause before


def follower_to_client(clause: str, ctx: DraftContext) -> str:
    """A short fragment that completes the detail before it ("6 of them", "budget around 9k"), else ""."""
    text = clause.strip(" .,;:")
    if len(text.split()) > FOLLOWER_WORDS or not _FOLLOWER.match(text):
        return ""
    return _as_written(text, ctx)


def _as_written(said: str, ctx: DraftContext) -> str:
    """A detail as it may be written to the client: no stale relative time, broken person, complaint or
    lower-case model; names and months in the notes' capitals. "" when it cannot be."""
    if _RELATIVE_TIME.search(said):
        return ""
    if _BROKEN_PERSON.search(said) or _upset_words().search(said):
        return ""  # "surprise your with a convertible"; a complaint is apologised for, never restated
    forms = _capitalised(ctx)

    def case(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.casefold()
        if low in _CALENDAR:
            return _CALENDAR[low]
        if low in forms:
            return forms[low]
        return word

    said = re.sub(r"[A-Za-z][\w-]*", case, said)
    for m in _MODEL_TOKEN.finditer(said):
        if not _UNIT_TOKEN.fullmatch(m.group(0)) and not _word_number(m.group(0)):
            return ""  # "rav4" with no capitalised spelling in the notes: not copied in lower case
    return said


def _excluded_fact(key: str) -> bool:
    """A fact about channels, calls or contact times is consent, never a detail of the order."""
    return bool(re.search(r"channel|contact|call|phone|email|text|time", key))


def _word_number(token: str) -> bool:
    """An everyday word joined to a number ("net-30", "top-10", "covid-19"): a term, written in lower case too."""
    m = re.fullmatch(r"([a-z]+)-(\d+)", token)
    return m is not None and zipf_frequency(m.group(1)) >= EVERYDAY_WORD - 1


def _capitalised(ctx: DraftContext) -> dict[str, str]:
    """Words the client's notes (or facts) write capitalised mid-sentence, by their lower-case form."""
    forms: dict[str, str] = {}
    texts = [n.text for n in ctx.notes] + [f.value for f in ctx.facts if f.kind is FactKind.FAMILY]
    for text in texts:
        for m in re.finditer(r"\b[A-Z][\w-]*", text):
            before = text[: m.start()].rstrip()
            if before and before[-1] not in ".!?:\n" and m.group(0) != "I":
                forms.setdefault(m.group(0).casefold(), m.group(0))
    for f in ctx.facts:  # a family member's name ("son Jake") is a name whatever the note's case
        if f.kind is FactKind.FAMILY and f.value.split():
            first = f.value.split()[0]
            forms.setdefault(first.casefold(), first[:1].upper() + first[1:])
    return forms


def _recorded_birthday(ctx: DraftContext) -> tuple[date, tuple[str, ...]] | None:
    """The client's own recorded birthday and its sources."""
    for f in ctx.facts:
        if f.kind != FactKind.PERSONAL_DATE or f.valid_to is not None or "birth" not in f.key.lower():
            continue
        if f.detail.get("relation") or ":" in f.key:
            continue
        if f.due:
            return f.due, f.source_ids
        m = re.search(r"(\d{4})-(\d{2})-(\d{2})", f.value)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), f.source_ids
    return None


_DATA = Path(__file__).parent / "data" / "draft_words.json"
_WEEKDAYS_MONTHS = {*WEEKDAYS, *MONTH_NAMES, "met", "call", "had"}  # never an event's modifier


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[tuple[re.Pattern[str], str], ...], re.Pattern[str]]:
    """Event nouns (each with its article) and the plan words, from `bot/usecases/data/draft_words.json`."""
    doc = json.loads(_DATA.read_text(encoding="utf-8"))
    nouns = sorted(((n, e["article"]) for e in doc["events"] for n in e["nouns"]), key=lambda x: -len(x[0]))
    name = r"[A-Z][\w&-]*"
    events = tuple(
        (
            re.compile(
                rf"(?:\b(?:the|a|an|our|their|your|his|her)\s+)?(?P<mods>(?:{name}\s+){{0,3}})"
                rf"\b(?P<noun>(?i:{re.escape(noun)}))s?\b"
                rf"(?:\s+with\s+{name}(?:\s+{name})?)?"
                rf"(?P<post>\s+(?:at|in)\s+(?:the\s+)?{name}(?:\s+{name}){{0,2}})?"
            ),
            article,
        )
        for noun, article in nouns
    )
    plans = sorted((w for e in doc["plans"] for w in e["words"]), key=len, reverse=True)
    plan = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in plans) + r")\b", re.I)
    return events, plan


_OUTINGS = {"lunch", "dinner", "breakfast", "coffee", "drinks", "golf"}  # guard kinds that are a meal or outing


def _shared(noun: str, sentence: str) -> bool:
    """Whether a meal or outing noun was had with the client ("had coffee with ola", "lunch with Dana"), not the
    trade's word ("runs a coffee cart"); the markers are draft_words.json "shared_outing"."""
    n = re.escape(noun)
    before = _phrases("shared_outing").pattern
    return bool(
        re.search(
            rf"{before}\s+(?:(?:a|an|some|quick|the)\s+)?{n}\b|\b{n}s?\s+(?:w/?|with)\b|^\s*{n}s?\s+(?:at|in|today|this)\b",
            sentence,
            re.I,
        )
    )


_CALL_WORD = re.compile(r"\b(?:call(?:ed|s)?|phoned?|rang|ring|zoom|teams|video)\b", re.I)
_FALLBACK_EVENT = {
    "conversation": "our conversation",
    "call": "the call",
    "meeting": "our meeting",
    "visit": "your visit",
    "order": "your order",
}


def event_in(text: str) -> tuple[str, str] | None:
    """The interaction a note records, as (kind, phrase as noted): ("conference", "the Denver trade show").

    A sentence that plans, promises or cancels the event ("promised a demo next week") records none.
    """
    found = _event_clause(text)
    return (found[0], found[1]) if found else None


def event_dated(text: str) -> tuple[str, str, bool] | None:
    """(kind, phrase, whether the note says it happened the day it was written: "call with her today")."""
    found = _event_clause(text)
    return (found[0], found[1], bool(_phrases("event_now").search(found[2]))) if found else None


def _event_clause(text: str) -> tuple[str, str, str] | None:
    """(kind, phrase, clause) of the interaction a note records with the client, at the time it was written.

    None for a plan, a promise or a cancellation, an event the note places at another time ("bought the
    van last month") and one a relative had ("his son loved the vineyard tour"): no thanks for those.
    """
    events, plan = _words()
    if _phrases("unanswered").search(text):
        return None  # "called her, no answer": the attempt reached nobody
    for sentence in re.split(r"(?<=[.!?,;:])\s+|\n+", text):  # clause by clause: a plan in one clause stays there
        kind = interaction_kind(sentence)
        if kind is None or plan.search(sentence) or _APPOINTMENT.search(sentence):
            continue
        if _phrases("event_elsewhen").search(sentence) or _relation_words().search(sentence):
            continue
        for pattern, article in events:
            m = pattern.search(sentence)
            if not m:
                continue
            noun = m.group("noun").lower()
            if not article and not _shared(noun, sentence):
                continue  # "her cafe", "a coffee cart", "lunch arrangements": the trade's words, no meal together
            mods = [w for w in m.group("mods").split() if w.lower() not in _WEEKDAYS_MONTHS]
            post = " ".join((m.group("post") or "").split())
            phrase = f"the {' '.join(mods)} {noun}" if mods else f"{article} {noun}".strip()
            return kind, f"{phrase} {post}".strip(), sentence
        if kind in _OUTINGS:  # no meal or outing noun had together: a meeting when the note says they met
            if not _MET.search(sentence):
                continue
            kind = "meeting"
        if kind == "meeting" and not _MET.search(sentence):
            continue  # "saw it on the website" is no meeting to thank for
        if kind == "call" and not _CALL_WORD.search(sentence):
            kind = "conversation"  # "spoke with pete at his shop": a talk, not necessarily by phone
        fallback = _FALLBACK_EVENT.get(kind, "our last conversation" if kind == "conference" else f"the {kind}")
        return kind, fallback, sentence
    return None


_PROMISE_VERB = re.compile(
    r"\b(?:promised|committed|agreed|said I(?:'d| would)|told \w+ I(?:'d| would)|I(?:'ll| will))\s+(?:to\s+)?",
    re.I,
)
_SEND_VERBS = {"send", "get", "share", "email", "forward", "bring", "deliver", "drop", "mail", "give", "post"}
_VERBS = _SEND_VERBS | {
    "call",
    "book",
    "introduce",
    "follow",
    "check",
    "set",
    "arrange",
    "put",
    "prepare",
    "schedule",
    "ring",
    "text",
    "visit",
    "confirm",
    "look",
    "find",
    "ask",
    "review",
    "update",
    "come",
    "loop",
    "connect",
    "organise",
    "organize",
    "sort",
    "run",
    "walk",
    "show",
    "quote",
}
_DUE_TAIL = re.compile(
    r"\s+(?:by|before|until|till|no later than|within|end of|asap|eo[wdm]|first thing|next|this|tomorrow|today|"
    r"tonight|on (?=(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)))\b.*$",
    re.I,
)
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_BARE_DATE = re.compile(
    rf"(?:\s*,)?\s+(?:on\s+|for\s+)?(?:the\s+)?(?:{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w/])",
    re.I,
)
_DETERMINER = re.compile(r"(?:the|a|an|your|my|our|some|his|her|their|this|that|these|those|\d)\b", re.I)


def _promise_parts(c: Commitment, sentence: str, ctx: DraftContext) -> tuple[str, str]:
    """(verb, object) of a promise, in words to the client: ("send", "the pricing for 20 units").

    Read from the note's own sentence when it states the promise (it keeps the quantity, the
    colour, the model), else from the promise's short text; the due date is said separately.
    """
    source = sentence if sentence and _PROMISE_VERB.search(sentence) else c.text
    m = _PROMISE_VERB.search(source)
    rest = source[m.end() :] if m else re.sub(r"^\s*(?:promised|committed|agreed)\s+(?:to\s+)?", "", source, flags=re.I)
    # "promised bill the estimate": the word after the promise is who it was made to, whatever its case ("bill")
    who = ctx.client
    own = sorted({w for x in (who.name, who.goes_by, *who.aliases) if x for w in x.split() if len(w) > 1}, key=len)
    if own:
        alts = "|".join(re.escape(w) for w in reversed(own))
        rest = re.sub(rf"^\s*(?:(?:{alts})(?:['’]s)?\s+)+(?=\S)", "", rest, flags=re.I)
    rest = _DUE_TAIL.sub("", rest.strip()).strip(" .,;:!")
    # "book the site visit dec 14": a date inside the words is the note's, maybe moved since; the due is said apart
    rest = " ".join(_BARE_DATE.sub(" ", rest).split()).strip(" .,;:!")
    rest = _second_person(rest, ctx) if rest else ""
    first, _, tail = rest.partition(" ")
    verb = first.lower() if first.lower() in _VERBS else ""
    obj = tail if verb else rest
    obj = re.sub(r"^(?:you|her|him|them)\s+(?=\S)", "", obj.strip()) if verb in _SEND_VERBS or not verb else obj
    obj = obj.strip(" .,;:")
    if verb in _SEND_VERBS:  # "send the form to you": the sentence says "send you" already
        obj = re.sub(r"\s+(?:to|for)\s+you$", "", obj)
    if (verb in _SEND_VERBS or not verb) and obj and not _DETERMINER.match(obj):
        obj = "the " + obj
    return verb, obj


_WHEN_WORDS = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d|"
    r"\b(?:tomorrow|today|tonight|next|this|end of|eo[wdm]|asap|within|weekend|week|month)\b",
    re.I,
)


_MOVED = re.compile(
    r"\b(?:push(?:ed)?|mov(?:e|ed)|chang(?:e|ed)|reschedul\w*|postpon\w*|bump(?:ed)?|delay\w*|shift(?:ed)?|brought forward|"
    r"bring (?:it )?forward|now on|now the|instead)\b",
    re.I,
)


def _content(text: str) -> set[str]:
    """Lower-case words of three letters or more."""
    return {w for w in re.findall(r"[a-z]{3,}", text.lower())}


_GENERIC = {
    "cover",
    "email",
    "text",
    "note",
    "message",
    "msg",
    "follow",
    "up",
    "check",
    "in",
    "about",
    "on",
    "send",
    "the",
    "a",
    "an",
    "with",
    "after",
    "re",
    "you",
    "your",
}


def _same_subject(purpose: str, promise: str) -> bool:
    """Whether the purpose says nothing the promise sentence does not ("send the pricing" vs the pricing promise)."""
    words = {w for w in re.findall(r"[a-z]+", purpose.lower()) if w not in _GENERIC}
    have = set(re.findall(r"[a-z]+", promise.lower()))
    return bool(words) and words <= have


def _days_to(today: date, when: date) -> int:
    """Signed days from today to the nearest yearly recurrence of `when`."""
    best = 10**6
    for y in (today.year - 1, today.year, today.year + 1):
        try:
            d = date(y, when.month, when.day)
        except ValueError:
            d = date(y, when.month, 28)
        if abs((d - today).days) < abs(best):
            best = (d - today).days
    return best


def _naive(moment: datetime) -> datetime:
    """A comparable naive moment in UTC (naive moments are taken as they are)."""
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


def _local(moment: datetime, now: datetime) -> date:
    """The date of `moment` in `now`'s time zone."""
    if moment.tzinfo is None or now.tzinfo is None:
        return moment.date()
    return moment.astimezone(now.tzinfo).date()


__all__ = [
    "ComposedDraft",
    "allowed_channels",
    "compose_offline",
    "draft_channel",
    "event_in",
    "greeting_name",
    "not_a_name",
    "tone_of",
]


def _about_purpose(item: str, purpose: str) -> bool:
    """Whether a counted item ("chair") is what the purpose names ("follow up about the chairs")."""
    stem = item.casefold().rstrip("s")
    return len(stem) >= 3 and any(w.rstrip("s") == stem for w in re.findall(r"[a-z]+", purpose.casefold()))


def _plural(phrase: str) -> bool:
    """Whether a noun phrase's head is plural ("the samples", "2 quotes"; not "the glass", "the bus")."""
    head = (re.findall(r"[a-z]+", phrase.casefold()) or [""])[-1]
    return len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))
