"""The offline drafting engine: a short, personal follow-up built only from what the ledger knows.

`compose_offline(ctx, variant)` greets the client by the name they go by, recalls the last real
interaction (with its date, citing the note), states the purpose in a sentence, suggests what fits
a stated preference (commercial purposes only, never a declined item), restates an open promise
with its due date, asks a question and signs off. The purpose sets the tone: a birthday gets a warm
wish and no offer; bad news gets kindness and no offer. Phrasings vary, picked deterministically
from a hash of client, purpose and variant, so the same request gives the same draft.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from bot.context import DraftContext
from bot.guard import declined_items, interaction_kind, sensitive_note_ids
from memory.records import FactKind, Note

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "mr.", "mrs.", "ms.", "dr.", "prof."}
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


@dataclass(frozen=True)
class ComposedDraft:
    """A drafted message and the note ids it relies on."""

    text: str
    sources: tuple[str, ...]


def compose_offline(ctx: DraftContext, variant: int = 0) -> ComposedDraft:
    """Draft a grounded message for `ctx.purpose` without any model; deterministic per variant."""
    w = _Writer(ctx, variant)
    return w.compose()


def greeting_name(ctx: DraftContext) -> str:
    """The name the client goes by: `goes_by`, else the first word of the display name."""
    c = ctx.client
    if c.goes_by:
        return c.goes_by
    words = [x for x in c.name.split() if x.lower() not in _TITLES]
    return words[0] if words else c.name


def tone_of(ctx: DraftContext) -> str:
    """The tone a purpose calls for: birthday, condolence, commercial or follow_up."""
    if _CONDOLENCE.search(ctx.purpose) or sensitive_note_ids(ctx):
        return "condolence"
    if _BIRTHDAY.search(ctx.purpose):
        return "birthday"
    if _COMMERCIAL.search(ctx.purpose):
        return "commercial"
    return "follow_up"


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

    def pick(self, options: list[str]) -> str:
        """One of `options`, chosen by this draft's seed."""
        return options[self.rng.randrange(len(options))]

    def cite(self, ids: tuple[str, ...] | list[str]) -> None:
        """Record note ids the draft relies on."""
        for i in ids:
            if i and i not in self.sources:
                self.sources.append(i)

    def compose(self) -> ComposedDraft:
        """Assemble the parts into a message."""
        if _opted_out(self.ctx):
            text = f"Hi {self.name},\n\nI hope you're well.\n\n{self.sign_off()}"
            return ComposedDraft(text, ())
        if self.tone == "birthday":
            body = [self.birthday(), self.pick(_BIRTHDAY_CLOSERS)]
        elif self.tone == "condolence":
            body = [self.condolence(), self.pick(_KIND_CLOSERS)]
        else:
            body = [self.last_interaction(), self.purpose_sentence(), self.suggestion(), self.promise()]
            body.append(self.pick(_QUESTIONS_COMMERCIAL if self.tone == "commercial" else _QUESTIONS))
        paragraph = " ".join(part for part in body if part)
        greeting = self.pick(["Hi {n},", "Hello {n},", "Dear {n},", "Hi {n},"]).format(n=self.name)
        if self.tone == "birthday":
            greeting = f"Dear {self.name}," if self.rng.random() < 0.5 else f"Hi {self.name},"
        text = f"{greeting}\n\n{paragraph}\n\n{self.sign_off()}"
        return ComposedDraft(text, tuple(self.sources))

    def sign_off(self) -> str:
        """Closing line with the salesperson's name, when known."""
        word = self.pick(["Best,", "All the best,", "Kind regards,", "Warm regards,", "Best wishes,"])
        if self.tone == "condolence":
            word = self.pick(["With warm wishes,", "Thinking of you,", "Take care,"])
        return f"{word}\n{self.ctx.salesperson}" if self.ctx.salesperson else word

    # -- parts -----------------------------------------------------------------------------------

    def _latest_note(self) -> Note | None:
        """The interaction to recall: one the purpose names, else the latest interaction, else the latest note."""
        notes = [n for n in self.ctx.notes if _naive(n.occurred_at) <= _naive(self.ctx.now)]
        notes.sort(key=lambda n: _naive(n.occurred_at), reverse=True)
        kinds = [(n, interaction_kind(n.text)) for n in notes]
        purpose = self.ctx.purpose.lower()
        named = [n for n, k in kinds if k and re.search(rf"\b{k}", purpose)]
        any_kind = [n for n, k in kinds if k]
        best = named or any_kind or notes
        return best[0] if best else None

    def last_interaction(self) -> str:
        """A sentence about the last logged interaction, with its date; cites the note."""
        note = self._latest_note()
        if note is None:
            return ""
        when = _day(_local(note.occurred_at, self.ctx.now), self.today)
        kind = interaction_kind(note.text)
        self.cite((note.id,))
        if kind is None:
            return self.pick(
                [
                    f"I've been going over my notes from {when}.",
                    f"I was looking back at my notes from {when}.",
                    f"I've had my notes from {when} on my desk this week.",
                ]
            )
        noun = {"order": "your order", "conference": "the conference", "tour": "the tour"}.get(kind, f"the {kind}")
        if re.match(r"\s*thank", self.ctx.purpose, re.I):
            return f"I've been thinking about {noun} on {when}."
        if kind == "order":
            return self.pick([f"Thanks again for your order on {when}.", f"Thank you again for your order on {when}."])
        return self.pick(
            [
                f"Thanks again for {noun} on {when}.",
                f"Thank you for {noun} on {when}.",
                f"I've been thinking about {noun} on {when}.",
                f"Thanks for making time for {noun} on {when}.",
            ]
        )

    def purpose_sentence(self) -> str:
        """The purpose rephrased as a sentence to the client."""
        return _purpose_sentence(self.ctx.purpose, self.ctx, self.pick)

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
        ]
        if not prefs:
            return ""
        fact = prefs[0]
        value = fact.value.strip()
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
        """An open promise restated in plain words with its due date; cites it."""
        if not self.ctx.commitments:
            return ""
        c = min(self.ctx.commitments, key=lambda c: (c.due is None, c.due or date.max))
        self.cite(c.source_ids)
        obj = _promised_object(_second_person(c.text, self.ctx))
        due = f" by {c.due.strftime('%A')} {c.due.day} {c.due.strftime('%B')}" if c.due and c.due >= self.today else ""
        if not obj:
            return ""
        if _VERB_FIRST.match(obj):
            return self.pick([f"As promised, I'll {obj}{due}.", f"I haven't forgotten that I promised to {obj}{due}."])
        the = "" if re.match(r"(?:the|a|an|your|my|our|some)\b", obj, re.I) else "the "
        return self.pick(
            [
                f"As promised, I'll get {the}{obj} to you{due}.",
                f"I haven't forgotten {the}{obj} I promised you; you'll have it{due or ' soon'}.",
                f"I'm also keeping my promise on {the}{obj}{due}.",
            ]
        )

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
        """Kind words after bad news; no offer. Cites the note with the news."""
        self.cite(sensitive_note_ids(self.ctx))
        return self.pick(
            [
                "I was so sorry to hear your news, and I wanted you to know I'm thinking of you.",
                "I was very sorry to hear what you're going through. Please take all the time you need.",
                "I just wanted to say how sorry I am to hear your news. Nothing on our side needs your attention now.",
            ]
        )


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
    low = p.lower()
    rules: list[tuple[str, list[str]]] = [
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
            ["I'm sending over {r}.", "Here is {r}, as a starting point."],
        ),
        (r"^remind(?: you)?(?: (?:about|of))?\s+(?P<r>.+)", ["Just a quick reminder about {r}."]),
        (r"^invite(?: you)?(?: to)?\s+(?P<r>.+)", ["I'd love to invite you to {r}.", "I'd be glad to see you at {r}."]),
        (r"^thank(?: you)?(?: for)?\s+(?P<r>.+)", ["Thank you for {r}.", "Thanks so much for {r}."]),
        (r"^ask(?: you)?(?: (?:about|whether|if))?\s+(?P<r>.+)", ["I wanted to ask about {r}."]),
        (r"^(?:schedule|book|set up|arrange)\s+(?P<r>.+)", ["Could we find a time for {r}?"]),
        (r"^congratulate(?: you)?(?: on)?\s+(?P<r>.+)", ["Congratulations on {r}!"]),
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
            return pick(templates).format(r=rest)
    return pick([f"I'm writing about {p}.", f"I wanted to get in touch about {p}."]) if p else ""


def _second_person(text: str, ctx: DraftContext) -> str:
    """Rewrite a note about the client ("send Alex her quote") as words to the client ("send you your quote")."""
    c = ctx.client
    names = sorted(
        {x for x in (c.name, c.goes_by, c.formal_name, *c.aliases, greeting_name(ctx)) if x}, key=len, reverse=True
    )
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}'s\b", "your", text)
        text = re.sub(rf"\b{re.escape(name)}\b", "you", text)
    text = re.sub(r"\b(?:his|their)\b", "your", text)
    text = re.sub(r"\b(?:him|them)\b", "you", text)
    text = re.sub(r"\bher\b(?=\s+(?:a|an|the|about|on|for|to|with|after|before|by|$))", "you", text)
    text = re.sub(r"\bher\b(?=\s*$)", "you", text)
    text = re.sub(r"\bher\b", "your", text)
    text = re.sub(
        r"\b(?:she|he|they) (?:wants|needs|asked|is|has)\b",
        lambda m: {"wants": "you want", "needs": "you need", "asked": "you asked", "is": "you are", "has": "you have"}[
            m.group(0).split()[-1]
        ],
        text,
    )
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _opted_out(ctx: DraftContext) -> bool:
    """Whether a current consent fact says the client opted out."""
    return any(
        f.kind == FactKind.CONSENT
        and f.valid_to is None
        and f.value.lower().replace("-", "_") in ("opted_out", "opt_out")
        for f in ctx.facts
    )


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


_VERB_FIRST = re.compile(
    r"(?:send|call|email|book|share|get|introduce|follow|check|set|arrange|put|prepare|deliver|schedule|ring|"
    r"text|visit|confirm|look|find|ask|review|update|bring|come|drop|loop|connect|organi[sz]e|sort)\b",
    re.I,
)


def _promised_object(text: str) -> str:
    """'promised pricing by Thu 26 Nov' -> 'pricing'; 'promised to call her back Monday' -> 'call her back'."""
    obj = re.sub(
        r"^(?:i\s+|we\s+)?(?:promised|committed|agreed|said I(?:'d| would))\s+(?:to\s+)?", "", text.strip(), flags=re.I
    )
    obj = re.sub(
        r"\s+(?:by|on|before|until|next|this|tomorrow|today|tonight|in|within|end of|asap|eo[wdm])\b.*$",
        "",
        obj,
        flags=re.I,
    )
    return obj.strip(" .,;")


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


__all__ = ["ComposedDraft", "compose_offline", "greeting_name", "tone_of"]
