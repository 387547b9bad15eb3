"""Labelled cases for the truth guard, built from generated clients with a seeded random generator.

`make_world(rng)` invents one client and a consistent ledger slice (notes, facts, commitments,
sent messages) as a `DraftContext`, plus the truth it was built from. `build_cases(seed)` writes
truthful drafts and drafts with one planted problem of each kind, in varied wording, for many
worlds. Tests and `benchmarks.bench_guard` share them.

About a quarter of the worlds carry notes but no extracted facts, so the guard's note-reading
fallbacks are measured too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from bot.guard import KINDS
from bot.usecases.draft_context import DraftContext
from memory.records import Client, Commitment, Fact, FactKind, Note

FIRST = [
    "Alex", "Maria", "James", "Priya", "Chen", "Fatima", "Lucas", "Hannah", "Omar", "Sofia", "Noah", "Grace",
    "Mateo", "Aisha", "Ethan", "Yuki", "Liam", "Zoe", "Ravi", "Elena", "Owen", "Nora", "Isaac", "Leila",
    "Marcus", "Ingrid", "Tomas", "Camille", "Diego", "Rosa", "Felix", "Amara", "Hugo", "Mei", "Jonas", "Clara",
]  # fmt: skip
LAST = [
    "Park", "Garcia", "Okafor", "Sharma", "Nguyen", "Rossi", "Muller", "Kowalski", "Haddad", "Lindqvist",
    "Brennan", "Tanaka", "Silva", "Petrov", "Moreau", "Adeyemi", "Fischer", "Costa", "Walsh", "Becker",
    "Novak", "Ibrahim", "Larsen", "Duarte", "Whitaker", "Chowdhury", "Keller", "Jensen", "Romero", "Hale",
]  # fmt: skip
NICKS = {
    "Daniel": "Dan",
    "Katherine": "Kate",
    "Robert": "Bob",
    "Elizabeth": "Liz",
    "William": "Will",
    "Margaret": "Maggie",
    "Alexander": "Sasha",
    "Jennifer": "Jen",
    "Samuel": "Sam",
    "Victoria": "Tori",
}
MIDDLE = ["Ann", "James", "Marie", "Lee", "Rose", "John", "Grace", "Paul"]
KIDS = ["Sofia", "Leo", "Emma", "Max", "Ava", "Theo", "Lily", "Oscar", "Mila", "Finn", "Ruby", "Jack"]
SPOUSES = ["Daniel", "Anna", "Michael", "Laura", "David", "Sara", "Peter", "Julia", "Mark", "Eva"]
COMPANIES = [
    "Northwind",
    "Bluepeak",
    "Harbor Labs",
    "Kestrel",
    "Lumen Works",
    "Ironleaf",
    "Summit Foods",
    "Greyfield",
    "Oakline",
    "Brightwater",
    "Copperhill",
    "Redfern",
]
CITIES = [
    "Austin",
    "Denver",
    "Boston",
    "Seattle",
    "Chicago",
    "Atlanta",
    "Miami",
    "Portland",
    "London",
    "Paris",
    "Berlin",
    "Toronto",
    "Sydney",
    "Madrid",
    "Phoenix",
    "Nashville",
    "Dublin",
    "Amsterdam",
]
FAR = {
    "Austin": "Seattle",
    "Denver": "Miami",
    "Boston": "Phoenix",
    "Seattle": "Atlanta",
    "Chicago": "Los Angeles",
    "Atlanta": "Denver",
    "Miami": "Chicago",
    "Portland": "Boston",
    "London": "Madrid",
    "Paris": "Stockholm",
    "Berlin": "Lisbon",
    "Toronto": "Vancouver",
    "Sydney": "Perth",
    "Madrid": "Berlin",
    "Phoenix": "New York",
    "Nashville": "San Francisco",
    "Dublin": "Rome",
    "Amsterdam": "Barcelona",
}
PAIRS = [
    ("blue", "grey"),
    ("navy", "black"),
    ("oak", "walnut"),
    ("leather", "suede"),
    ("matte", "gloss"),
    ("green", "red"),
    ("linen", "wool"),
    ("white", "beige"),
    ("silver", "gold"),
    ("wireless", "wired"),
    ("charcoal", "brown"),
    ("burgundy", "orange"),
]
SIZES = ["38", "40", "42", "44", "medium", "large", "small", "10", "9.5"]
PLANS = ["Growth", "Starter", "Team", "Enterprise", "Pro", "Premier"]
TOPICS = [
    "the reporting dashboard",
    "the pricing sheet",
    "the onboarding plan",
    "the renewal terms",
    "the new catalogue",
    "the pilot rollout",
    "the spring collection",
    "the integration timeline",
]
KINDS_OF_NOTE = {
    "demo": ["Product demo of {topic} for {first}.", "Ran a demo of {topic}; {first} asked good questions."],
    "call": ["Call with {first} about {topic}.", "Phone call: {first} wanted to go over {topic}."],
    "lunch": ["Lunch with {first} downtown, talked about {topic}.", "Had lunch with {first}; {topic} came up."],
    "meeting": ["Met {first} at their office to review {topic}.", "Meeting with {first} on {topic}."],
    "coffee": ["Coffee with {first}; chatted about {topic}."],
    "order": ["{first} placed an order for the {liked} set.", "{first} ordered two {liked} units."],
}
PROMISES = [
    ("send the revised quote", "quote"),
    ("share the onboarding checklist", "checklist"),
    ("send over the fabric samples", "samples"),
    ("book the installation team", "installation"),
    ("email the case study", "case study"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class World:
    """One generated client: the context the guard sees and the truth it was made from."""

    ctx: DraftContext
    first: str
    full: str
    formal: str | None
    last: str
    city: str
    far_city: str
    liked: str
    declined: str
    rel: str
    relative: str
    birthday: date
    team: int
    budget_k: int
    size: str
    plan: str
    last_kind: str
    last_date: date
    topic: str
    promise: str
    promise_word: str
    due: date
    other_first: str
    other_full: str
    sad: bool = False
    opted_out: bool = False
    frequent: bool = False
    notes_only: bool = False
    bday_near: bool = False
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    """One labelled text: `kind` is the planted problem, or None for a truthful draft."""

    id: str
    kind: str | None
    text: str
    ctx: DraftContext
    note: str = ""


def _day(d: date) -> str:
    """'3 March'."""
    return f"{d.day} {d.strftime('%B')}"


def make_world(rng: random.Random, idx: int = 0, **flags: bool) -> World:
    """Invent a client and a consistent ledger slice; `flags` force sad/opted_out/frequent/notes_only/bday_near."""
    now = datetime(2025, rng.randint(1, 12), rng.randint(1, 28), rng.choice([8, 9, 10, 14, 16]), 0, tzinfo=UTC)
    today = now.date()
    nick = rng.random() < 0.2
    if nick:
        formal_first = rng.choice(sorted(NICKS))
        first, given = NICKS[formal_first], formal_first
    else:
        first = given = rng.choice(FIRST)
    last = rng.choice(LAST)
    full = f"{given} {last}"
    formal = f"{given} {rng.choice(MIDDLE)} {last}" if rng.random() < 0.4 else None
    client = Client(idx + 1, full, goes_by=first if nick else None, formal_name=formal, company=rng.choice(COMPANIES))
    city = rng.choice(CITIES)
    liked, declined = rng.choice(PAIRS)
    rel = rng.choice(["daughter", "son", "wife", "husband"])
    relative = rng.choice(KIDS if rel in ("daughter", "son") else SPOUSES)
    sad = flags.get("sad", False)
    bday_near = flags.get("bday_near", rng.random() < 0.3)
    offset = rng.randint(-3, 3) if bday_near else rng.choice([-1, 1]) * rng.randint(40, 150)
    bday_this = today + timedelta(days=offset)
    birthday = date(rng.randint(1960, 1995), bday_this.month, min(bday_this.day, 28))
    team, budget_k, size, plan = (
        rng.randint(4, 80),
        rng.choice([15, 25, 40, 60, 90, 120]),
        rng.choice(SIZES),
        rng.choice(PLANS),
    )
    topic = rng.choice(TOPICS)
    last_kind = rng.choice(sorted(KINDS_OF_NOTE))
    last_ago = rng.randint(2, 12)
    last_date = today - timedelta(days=last_ago)
    promise, promise_word = rng.choice(PROMISES)
    due = today + timedelta(days=rng.randint(1, 9))
    pronoun = rng.choice(["She", "He", "They"])
    poss = {"She": "Her", "He": "His", "They": "Their"}[pronoun]

    def at(days: int, hour: int = 11) -> datetime:
        return datetime.combine(today - timedelta(days=days), datetime.min.time(), UTC).replace(hour=hour)

    def mk(nid: str, text: str, days: int) -> Note:
        return Note(nid, client.id, full, text, "import", at(days), at(days))

    pid = f"c{idx}"
    notes = [
        mk(
            f"{pid}/1",
            rng.choice(
                [
                    f"{first} wants {liked}, not {declined}.",
                    f"{pronoun} prefers {liked}; doesn't like {declined}.",
                    f"Said no {declined} please - {liked} is the favourite.",
                ]
            ),
            40,
        ),
        mk(
            f"{pid}/2",
            rng.choice(
                [
                    f"{poss} {rel} {relative} just started a new job."
                    if rel in ("wife", "husband")
                    else f"{poss} {rel} {relative} just started school.",
                    f"Talked family: {rel} {relative}.",
                ]
            ),
            35,
        ),
        mk(f"{pid}/3", f"Birthday is {birthday.strftime('%B')} {birthday.day}. Based in {city}.", 33),
        mk(
            f"{pid}/4",
            rng.choice(
                [f"Team of {team} people, budget around ${budget_k}k.", f"Budget is ${budget_k}k for a team of {team}."]
            ),
            30,
        ),
        mk(f"{pid}/5", f"Wears a size {size}. On the {plan} plan since last year.", 28),
        mk(f"{pid}/6", f"Promised to {promise} by {WEEKDAYS[due.weekday()]}.", last_ago + 1),
        mk(f"{pid}/7", rng.choice(KINDS_OF_NOTE[last_kind]).format(topic=topic, first=first, liked=liked), last_ago),
    ]
    opted_out = flags.get("opted_out", False)
    if opted_out:
        notes.append(
            mk(
                f"{pid}/8",
                rng.choice(
                    [
                        "Asked us to stop emailing.",
                        "Unsubscribed from all messages.",
                        "Please do not contact again - said so on the phone.",
                    ]
                ),
                1,
            )
        )
    if sad:
        notes.append(
            mk(
                f"{pid}/9",
                rng.choice(
                    [
                        f"{poss} father passed away last week.",
                        f"{first} is in hospital after surgery.",
                        f"{first} was laid off in the restructuring.",
                    ]
                ),
                1,
            )
        )
    notes.sort(key=lambda n: n.occurred_at, reverse=True)

    def fact(kind: FactKind, key: str, value: str, text: str, src: int, **kw: object) -> Fact:
        return Fact(0, client.id, kind, key, value, text, (f"{pid}/{src}",), at(40 - src), **kw)  # type: ignore[arg-type]

    facts = [
        fact(FactKind.PREFERENCE, "color", liked, f"wants {liked}, not {declined}", 1, detail={"declined": declined}),
        fact(FactKind.DISLIKE, "color", declined, f"does not like {declined}", 1),
        fact(FactKind.FAMILY, f"family:{rel}", relative, f"{rel} {relative}", 2, detail={"relation": rel}),
        fact(FactKind.PERSONAL_DATE, "birthday", birthday.isoformat(), f"birthday {_day(birthday)}", 3, due=birthday),
        fact(FactKind.LOCATION, "location", city, f"based in {city}", 3),
        fact(FactKind.OTHER, "team_size", str(team), f"team of {team}", 4),
        fact(FactKind.OTHER, "budget", f"${budget_k}k", f"budget ${budget_k}k", 4),
        fact(FactKind.OTHER, "size", size, f"wears size {size}", 5),
        fact(FactKind.OTHER, "plan", f"{plan} plan", f"on the {plan} plan", 5),
        fact(
            FactKind.CONSENT,
            "consent:email",
            "opted_out" if opted_out else "opted_in",
            "asked not to be contacted" if opted_out else "happy to get email",
            8 if opted_out else 1,
        ),
    ]
    notes_only = flags.get("notes_only", rng.random() < 0.25)
    if notes_only:
        facts = []
    commitments = [
        Commitment(
            1, client.id, full, f"{promise[0].upper()}{promise[1:]}", due, "open", (f"{pid}/6",), at(last_ago + 1)
        )
    ]
    frequent = flags.get("frequent", False)
    if frequent:
        sent = (
            [now - timedelta(hours=rng.randint(2, 20))]
            if rng.random() < 0.5
            else [now - timedelta(days=d, hours=3) for d in (1, 3, 5)]
        )
    else:
        sent = [now - timedelta(days=rng.randint(9, 40)) for _ in range(rng.randint(0, 2))]
    others = [
        f"{f} {la}" for f, la in zip(rng.sample([x for x in FIRST if x != first], 5), rng.sample(LAST, 5), strict=True)
    ]
    ctx = DraftContext(
        client=client,
        purpose="",
        now=now,
        facts=facts,
        commitments=commitments,
        notes=notes,
        last_contact=at(last_ago),
        sent_at=sent,
        salesperson=rng.choice(["Sam", "Jordan Lee", "Priscilla", None]),
        other_clients=others,
    )
    return World(
        ctx,
        first,
        full,
        formal,
        last,
        city,
        FAR[city],
        liked,
        declined,
        rel,
        relative,
        birthday,
        team,
        budget_k,
        size,
        plan,
        last_kind,
        last_date,
        topic,
        promise,
        promise_word,
        due,
        others[0].split()[0],
        others[1],
        sad=sad,
        opted_out=opted_out,
        frequent=frequent,
        notes_only=notes_only,
        bday_near=bday_near,
    )


def _wd(d: date) -> str:
    return WEEKDAYS[d.weekday()]


def _wrap(w: World, rng: random.Random, body: str, greet: bool = True) -> str:
    """Put a body between a greeting and a sign-off, in one of several styles."""
    g = rng.choice([f"Hi {w.first},", f"Hello {w.first},", f"Dear {w.first},", f"{w.first},", f"Hi {w.first} -"])
    sign = rng.choice(["Best,", "Thanks,", "Cheers,", "Kind regards,", "All the best,"])
    name = w.ctx.salesperson or ""
    return f"{g}\n\n{body}\n\n{sign}\n{name}".rstrip() if greet else f"{body}\n\n{sign}\n{name}".rstrip()


def _event_phrase(w: World) -> str:
    noun = {"order": "your order", "lunch": "lunch", "coffee": "the coffee"}.get(w.last_kind, f"the {w.last_kind}")
    return noun


def truthful_bodies(w: World, rng: random.Random) -> list[str]:
    """Grounded sentences a careful salesperson could write for this world."""
    when = _wd(w.last_date) if (w.ctx.now.date() - w.last_date).days <= 6 else _day(w.last_date)
    ev = _event_phrase(w)
    bodies = [
        f"Thanks again for {ev} on {when}. I've pulled my notes together and will send a summary shortly.",
        f"I'm putting together a few {w.liked} options for you, no {w.declined} as you said.",
        f"Please say hello to {w.relative} for me!",
        f"I hope {w.relative} is doing well.",
        f"For a team of {w.team}, the standard setup should work well. Happy to walk you through it.",
        f"I kept your budget of ${w.budget_k}k in mind when I pulled these options together.",
        f"We just got the new jacket in a size {w.size}; shall I hold one for you?",
        "Are you free for a quick call on Thursday? Feel free to suggest another time if that's easier.",
        f"I'd love to hear how things are going with {w.topic}. No rush at all.",
        "I'm afraid there's no discount this time, but setup is included in the price.",
        f"Just checking in to see whether the {w.plan} plan is still a good fit for your team.",
        f"I won't be at the {w.far_city} expo this year, but I'd be glad to meet in {w.city} instead.",
        f"As promised, I'll {w.promise} by {_wd(w.due)}.",
        f"Quick update on the {w.promise_word}: it's on track for {_wd(w.due)}.",
        f"We're hosting a small open house at our {w.city} showroom next month, and I'd love to see you there.",
        f"Would it help if I sent a one-page summary of {w.topic}?",
        f"Everything in the new range comes in {w.liked}, which I know is your favourite.",
        f"Let me know if anything changed on your side since {when}.",
        f"Hope all is well in {w.city}!",
        "I'll be travelling next week, but you can reach me by email any time.",
        "I'd be happy to set up a free consultation call if that would help? No pressure.".replace("free ", "")
        if w.notes_only
        else "Would a short call next week help?",
        "It would be great to see you at our customer day in the spring.",
    ]
    if w.last_kind in ("call", "meeting", "demo", "lunch", "coffee"):
        bodies.append(f"It was good to catch up on {when} - thanks for the time.")
        bodies.append(
            f"Following up on our {w.last_kind if w.last_kind != 'coffee' else 'coffee'} on {when}: here are the next steps."
        )
    if w.bday_near:
        bodies.append(f"Happy birthday, {w.first}! I hope it's a great one.")
    if w.sad:
        bodies = [
            "I was so sorry to hear your news. Please take all the time you need.",
            "Thinking of you this week. There's nothing here that can't wait.",
            f"No need to reply - I just wanted to say I'm thinking of you and hope {w.relative} is holding up too.",
        ]
    return bodies


def planted_bodies(kind: str, w: World, rng: random.Random) -> list[str]:
    """Bodies with one planted problem of `kind`, in varied wording."""
    other = next(
        c for c in ["Denver", "Chicago", "Lisbon", "Oslo", "Tokyo", "Houston"] if c not in (w.city, w.far_city)
    )
    wrong_wd = _wd(w.last_date + timedelta(days=rng.choice([1, 2, 3])))
    wrong_due = _wd(w.due + timedelta(days=rng.choice([1, 2, 3])))
    wrong_kid = next(k for k in KIDS + SPOUSES if k != w.relative)
    wrong_size = next(s for s in SIZES if s != w.size)
    wrong_plan = next(p for p in PLANS if p != w.plan)
    wrong_bday = w.birthday + timedelta(days=rng.choice([9, 17, 40]))
    if kind == "unsupported_claim":
        return [
            f"Great to see you at the {w.far_city} conference last month!",
            "As we discussed over dinner, I've put a proposal together.",
            f"When we met in {other}, you mentioned expanding the team.",
            "Thanks for your order last week - it's on its way.",
            f"It was a pleasure meeting you at the trade show in {w.far_city}.",
            "I really enjoyed our coffee at Blue Bottle yesterday.",
            "Since we last spoke at the Web Summit, a lot has changed.",
            "Loved catching up at the golf day!",
            f"Good to bump into you at the airport in {other} the other day.",
            "Thank you for hosting us at your warehouse on Friday.",
            "You told me at the workshop that you're switching vendors.",
            "Following up on the webinar you attended last week, here is the recording.",
            f"I remember you saying at the {other} expo that timing was tight.",
        ]
    if kind == "wrong_fact":
        return [
            f"Please give my best to your {w.rel} {wrong_kid}.",
            f"I have your birthday down as {_day(wrong_bday)} - any plans?",
            f"For a team of {w.team + rng.randint(5, 30)}, the standard setup should work well.",
            f"I kept your budget of ${w.budget_k * 2}k in mind.",
            f"We have the jacket in a size {wrong_size} now.",
            f"How's the weather in {other} these days?",
            f"Hope all is well at your {other} office.",
            f"Thanks again for {_event_phrase(w)} on {wrong_wd}.",
            f"As promised, I'll {w.promise} by {wrong_due}.",
            f"How is your {wrong_plan} plan working out?",
            f"Since you're based in {other}, the regional team will look after you.",
        ]
    if kind == "contradicts_preference":
        return [
            f"Our new {w.declined} range just arrived and I immediately thought of you.",
            f"I've set aside the {w.declined} one for you.",
            f"How about the {w.declined} model? It's very popular this season.",
            f"I think {w.declined} would really suit you.",
            f"We could do the whole fit-out in {w.declined}.",
            f"Would you like to try it in {w.declined}?",
            f"I know you said no {w.declined}, but the {w.declined} version is on sale this week.",
            f"Good news: it now comes in {w.declined} too!",
            f"The {w.declined} finish is our best seller right now.",
            f"I'm sending a few {w.declined} samples your way.",
        ]
    if kind == "invented_commitment":
        return [
            "As promised, here's 20% off your next order.",
            "The discount I mentioned is still available until Friday.",
            "Your free upgrade is ready whenever you are.",
            "I can throw in complimentary installation.",
            "We'll waive the setup fee for you.",
            "I guarantee you'll see results within a month.",
            "Just a reminder that your 15% loyalty discount expires soon.",
            "Use the code SPRING for $50 off.",
            "As agreed, we'll match any competitor's price.",
            "You get free shipping on everything this month.",
            "I promised you an extra month at no cost, and it's been applied.",
        ]
    if kind == "name_misuse":
        return [
            "{{name}}, thanks for reading.",
            "We think [Company] would benefit from this.",
            f"I mentioned your project to {w.other_full} as well.",
            "Hi <FIRST_NAME>, quick note.",
            "Dear %NAME%, a quick update.",
            "{first_name}, I hope you're well.",
        ]
    if kind == "inappropriate":
        return [
            f"Join us at our launch party in {w.far_city} on the 12th!",
            f"We're hosting a tasting in {w.far_city} next month and would love to have you.",
            f"Save the date: our {w.far_city} open house is in May.",
            f"I'd love for you to come to our customer summit in {w.far_city}.",
            f"Hope you can make it to the {w.far_city} roadshow - tickets are on me.".replace(
                " - tickets are on me", ""
            ),
        ]
    raise ValueError(kind)


def greeting_plants(w: World) -> list[str]:
    """Whole messages whose greeting misuses a name."""
    c = w.ctx.client
    texts = [
        f"Dear {w.full},\n\nA quick update on {w.topic}.",
        f"Hi {w.other_first},\n\nHope you're well.",
        "Hello [Name],\n\nHope all is well.",
        f"Dear Mr. {LAST[(LAST.index(w.last) + 3) % len(LAST)]},\n\nA quick note.",
        "Hey Chris,\n\nJust checking in.",
    ]
    if w.formal:
        texts.append(f"Dear {w.formal},\n\nI hope you're well.")
    if c.goes_by:
        texts.append(f"Hi {c.name.split()[0]},\n\nJust checking in.")
    return texts


def sad_plants(w: World) -> list[str]:
    """Sales pitches sent while a note records bad news."""
    return [
        "I wanted to tell you about our new collection - it just landed.",
        "Ready to upgrade to the next plan? The pricing is attached.",
        "Our spring sale starts Monday, don't miss it!",
        f"The quote for the {w.promise_word} is attached; shall we go ahead?",
    ]


KINDS_ORDER = KINDS  # the guard's own list, in the design table's order


def build_cases(seed: int = 7) -> list[Case]:
    """The labelled benchmark set: truthful drafts and planted problems for every kind."""
    rng = random.Random(seed)
    cases: list[Case] = []
    n = 0

    def add(kind: str | None, text: str, w: World, note: str = "") -> None:
        nonlocal n
        n += 1
        cases.append(Case(f"g{n:03d}", kind, text, w.ctx, note))

    worlds = [make_world(rng, i) for i in range(48)]
    for i, w in enumerate(worlds):
        bodies = truthful_bodies(w, rng)
        for body in rng.sample(bodies, 3):
            add(None, _wrap(w, rng, body), w)
        for kind in ("unsupported_claim", "wrong_fact", "contradicts_preference", "invented_commitment", "name_misuse"):
            if (i + KINDS_ORDER.index(kind)) % 3 == 0:
                plants = planted_bodies(kind, w, rng)
                body = plants[(i // 3) % len(plants)]
                add(kind, _wrap(w, rng, f"{body} {rng.choice(truthful_bodies(w, rng)[:4])}"), w)
        if i % 4 == 0:
            add("name_misuse", greeting_plants(w)[(i // 4) % len(greeting_plants(w))], w)
        if i % 4 == 1:
            plants = planted_bodies("inappropriate", w, rng)
            add("inappropriate", _wrap(w, rng, plants[(i // 4) % len(plants)]), w)
    for i in range(12):
        w = make_world(rng, 100 + i, opted_out=True)
        add("no_consent", _wrap(w, rng, rng.choice(truthful_bodies(w, rng))), w)
    for i in range(12):
        w = make_world(rng, 200 + i, frequent=True)
        add("too_frequent", _wrap(w, rng, rng.choice(truthful_bodies(w, rng))), w)
    for i in range(12):
        w = make_world(rng, 300 + i, sad=True)
        add(None, _wrap(w, rng, truthful_bodies(w, rng)[i % 3]), w, "kind words after bad news")
        add("inappropriate", _wrap(w, rng, sad_plants(w)[i % 4]), w, "pitch after bad news")
    return cases


# ---------------------------------------------------------------------------------------------
# A second, hand-written adversarial set: wordings written after the first pass, to find the gaps.

HOLDOUT_PLANTED: dict[str, list[str]] = {
    "unsupported_claim": [
        "Hope you got home safely after the {other} meetup!",
        "Loved your keynote at the summit.",
        "Thanks for the lovely dinner on Friday.",
        "As you said when we spoke in June, timing matters.",
        "Per our conversation on Monday, I've attached the contract.",
        "It was fun chatting with you at the booth.",
        "Great meeting your team at the {other} office last week.",
        "Thanks for stopping by the store on Saturday!",
        "I enjoyed meeting you at the {other} trade fair.",
        "Thanks for the warm welcome at your {other} headquarters.",
    ],
    "wrong_fact": [
        "Is your team still at {big_team} people?",
        "Given your ${big_budget}k budget, the premium tier fits.",
        "How old is {wrong_kid} now, your {rel}?",
        "Happy birthday for today, {first}!",
        "Your {rel} {wrong_kid} must be excited.",
        "As a {small_team}-person team you'll want the basics.",
        "We have those boots in a size {wrong_size} for you.",
        "I hope everything is good over in {other}, where you are.",
        "Thanks again for {event} on {wrong_date}.",
        "Glad the {wrong_plan} plan is working for your team.",
    ],
    "contradicts_preference": [
        "Picture this sofa in {declined} velvet.",
        "A {declined} option might be a nice change.",
        "Fancy giving {declined} another go?",
        "I've added a {declined} cushion to the shortlist.",
        "Not only {liked} - {declined} works just as well!",
        "Everyone is choosing {declined} this year, you should too.",
        "My pick for you is the {declined} edition.",
        "Shall I order the {declined} version?",
        "We've restocked {declined}, your size included.",
        "{declined} is back, and I saved you one.",
    ],
    "invented_commitment": [
        "Your 10% partner rate is locked in.",
        "No charge for the extra seats, of course.",
        "The first three months are on us.",
        "You're eligible for our VIP pricing.",
        "Your complimentary session is booked.",
        "I'll personally make sure you get a refund.",
        "We'll knock 25 percent off the renewal.",
        "Remember, you have a $200 credit with us.",
        "Sign this week and setup is free of charge.",
        "I promised to throw in extended warranty, so it's there.",
    ],
    "name_misuse": [
        "Dear Customer,\n\nA quick update.",
        "Hi FNAME,\n\nJust checking in.",
        "Hello {first} {last}!\n\nHope you're well.",
        "Hi {{ first_name }},\n\nQuick note.",
        "Good morning {other_first}!\n\nHope the week is going well.",
        "Hi Ms. Appleby,\n\nA short note.",
        "Dear Sir or Madam {last},\n\nA short note.",
        "Hey {first},\n\nI also wrote to {other_full} about this.",
        "Hi [CLIENT NAME],\n\nA short note.",
        "Hi {first},\n\nLet me know if ACME_COMPANY needs anything.",
    ],
    "inappropriate": [
        "Come celebrate with us at our {far} store opening on May 3!",
        "Grab a ticket for our {far} workshop.",
        "We'd love to see you at the {far} launch next month.",
        "Our {far} roadshow has a seat with your name on it.",
        "Register now for the customer day in {far}.",
    ],
}
HOLDOUT_SAD = [
    "Exclusive offer for you this week only.",
    "Let's get the renewal signed before Friday.",
    "Can I send you our new price list?",
    "Just a nudge on the upgrade we talked about.",
    "Our biggest sale of the year starts Monday.",
]
HOLDOUT_TRUTHFUL = [
    "I'm not sure {declined} would work in that room - {liked} would be lovely.",
    "I saw the news about {company}'s expansion - congratulations!",
    "Do you have a free moment this week?",
    "Our offices will be closed on Friday for the holiday.",
    "The event is online, so you can join from {city} or anywhere else.",
    "Thanks for your patience while we sorted out the delivery times.",
    "The 15% increase in shipping costs won't affect you.",
    "No promises, but I'll try to get the {promise_word} to you early.",
    "Happy Friday! I hope the week was kind to you.",
    "Congrats on the new role!",
    "Our {city} team will be in touch about the install.",
    "The last time we spoke was {last_date} - thanks again.",
    "Thanks for {event} on {last_date}.",
    "Please give {relative} my best.",
    "Your {rel} {relative} sounds like a star.",
    "I'll bring a few {liked} swatches next time.",
    "I'm happy to send the {liked} version instead of the {declined} one.",
    "We don't stock {declined} any more, which I know suits you.",
    "Feel free to forward this to your team of {team}.",
    "Sending the {promise_word} over by {due}, as promised.",
    "Happy to keep things within your ${budget}k budget.",
    "Hope life in {city} is treating you well.",
    "If you ever want to see the showroom here in {city}, just say.",
    "Whenever you're free, I'd be glad to walk you through it.",
    "I know {declined} isn't your thing, so everything here is {liked}.",
]


def holdout_cases(seed: int = 11) -> list[Case]:
    """The hand-written adversarial set, each template filled in for a generated world."""
    rng = random.Random(seed)
    cases: list[Case] = []

    def fill(template: str, w: World) -> str:
        when = _wd(w.last_date) if (w.ctx.now.date() - w.last_date).days <= 6 else _day(w.last_date)
        other = next(c for c in ["Denver", "Chicago", "Lisbon", "Oslo", "Houston"] if c not in (w.city, w.far_city))
        wrong = w.last_date - timedelta(days=rng.choice([2, 3, 9]))
        return template.format(
            first=w.first,
            last=w.last,
            liked=w.liked,
            declined=w.declined,
            other=other,
            far=w.far_city,
            city=w.city,
            rel=w.rel,
            relative=w.relative,
            wrong_kid=next(k for k in KIDS + SPOUSES if k != w.relative),
            big_team=w.team * 3 + 7,
            small_team=max(1, w.team // 2),
            big_budget=w.budget_k * 3,
            wrong_size=next(s for s in SIZES if s != w.size and s[0].isdigit()),
            event=_event_phrase(w),
            wrong_date=_day(wrong),
            wrong_plan=next(p for p in PLANS if p != w.plan),
            other_first=w.other_first,
            other_full=w.other_full,
            company=w.ctx.client.company,
            promise_word=w.promise_word,
            last_date=when,
            team=w.team,
            due=_wd(w.due),
            budget=w.budget_k,
        )

    n = 0
    for kind, templates in HOLDOUT_PLANTED.items():
        for t in templates:
            n += 1
            w = make_world(rng, 500 + n, bday_near=False)
            text = fill(t, w)
            if kind != "name_misuse":
                text = _wrap(w, rng, text)
            cases.append(Case(f"h{n:03d}", kind, text, w.ctx))
    for t in HOLDOUT_SAD:
        n += 1
        w = make_world(rng, 500 + n, sad=True)
        cases.append(Case(f"h{n:03d}", "inappropriate", _wrap(w, rng, t), w.ctx))
    for t in HOLDOUT_TRUTHFUL:
        for _ in range(2):
            n += 1
            w = make_world(rng, 500 + n)
            cases.append(Case(f"h{n:03d}", None, _wrap(w, rng, fill(t, w)), w.ctx))
    return cases
