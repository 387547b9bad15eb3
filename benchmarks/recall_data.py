"""Seeded, labelled retrieval sets for measuring recall (not timed tests, not fixtures).

Two kinds of data, each a list of notes (the `chet import` shape) and questions whose answer
is known note ids ("evidence"):

* ``sales_dataset``: a salesperson's notes on many clients (10-60 notes each, dated over months):
  preferences, family, promises, events, products, complaints, with later notes superseding
  earlier preferences, and plenty of routine filler. Questions use other words than the notes
  (paraphrases), ask about superseded preferences ("what did she want before?"), and come with
  or without a client filter (without one, the query names the client).
* ``conversation_dataset``: long multi-session chats between two people, LoCoMo-like: ~20
  sessions of 20-30 short turns, each turn a note ``"Speaker: text"`` with the session's
  date-time and the conversation's name as client. Questions ask when something happened,
  what someone likes or did, details given in reply to the other speaker's question (the
  answer turn itself often lacks the topic word), and multi-hop ones whose evidence is two
  turns in different sessions. Most turns are chit-chat.

Everything derives from ``random.Random(seed)``: the same seed gives the same set.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True)
class Note:
    """One note, as a line of a `chet import` file."""

    id: str
    client: str
    text: str
    at: str

    def as_import(self) -> dict[str, str]:
        """The JSON Lines record for `chet import`."""
        return {"id": self.id, "client": self.client, "text": self.text, "at": self.at}


@dataclass(frozen=True)
class Question:
    """A question whose answer is in the `evidence` notes; `client` is the optional search filter."""

    qid: str
    query: str
    evidence: tuple[str, ...]
    client: str | None
    kind: str


@dataclass
class Dataset:
    """Notes plus labelled questions."""

    name: str
    seed: int
    notes: list[Note]
    questions: list[Question]

    def summary(self) -> dict[str, Any]:
        """Counts, for reports."""
        kinds: dict[str, int] = {}
        for q in self.questions:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
        return {
            "name": self.name,
            "seed": self.seed,
            "notes": len(self.notes),
            "clients": len({n.client for n in self.notes}),
            "questions": len(self.questions),
            "kinds": dict(sorted(kinds.items())),
        }


# ---------------------------------------------------------------------------------------------
# Shared vocabulary
# ---------------------------------------------------------------------------------------------

FEMALE = [
    "Dana",
    "Maya",
    "Priya",
    "Elena",
    "Sofia",
    "Hannah",
    "Grace",
    "Chloe",
    "Nadia",
    "Leila",
    "Ingrid",
    "Rosa",
    "Tamsin",
    "Yuki",
    "Amara",
    "Beatriz",
    "Clara",
    "Daphne",
    "Esme",
    "Farah",
    "Gwen",
    "Hazel",
    "Imani",
    "Jade",
    "Keiko",
    "Lena",
    "Marisol",
    "Noor",
    "Olive",
    "Petra",
    "Quinn",
    "Rhea",
    "Saanvi",
    "Talia",
    "Uma",
    "Vera",
    "Willa",
    "Ximena",
    "Yara",
    "Zoe",
]
MALE = [
    "Aaron",
    "Bruno",
    "Carlos",
    "Dev",
    "Ethan",
    "Felix",
    "Gideon",
    "Hugo",
    "Isaac",
    "Jonah",
    "Kofi",
    "Liam",
    "Mateo",
    "Nikhil",
    "Omar",
    "Pavel",
    "Rafael",
    "Soren",
    "Theo",
    "Umar",
    "Victor",
    "Wes",
    "Xavier",
    "Yusuf",
    "Zane",
    "Arjun",
    "Ben",
    "Caleb",
    "Dmitri",
    "Emeka",
    "Frank",
    "Gus",
    "Hiro",
    "Ivan",
    "Jamal",
    "Kenji",
    "Luca",
    "Marcus",
    "Nils",
    "Oscar",
]
LAST = [
    "Whitfield",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Castillo",
    "Brennan",
    "Haddad",
    "Novak",
    "Osei",
    "Pereira",
    "Quist",
    "Rasmussen",
    "Sato",
    "Thornton",
    "Ueda",
    "Varga",
    "Weller",
    "Yilmaz",
    "Zamora",
    "Abbott",
    "Becker",
    "Carver",
    "Dubois",
    "Eriksen",
    "Fitzgerald",
    "Gallo",
    "Hartley",
    "Iyer",
    "Jansen",
    "Kowalski",
    "Lombardi",
    "Mbeki",
    "Nakamura",
    "Ortega",
    "Park",
    "Rinaldi",
    "Schultz",
    "Tran",
    "Vance",
    "Walsh",
    "Ambrose",
    "Bellamy",
    "Crane",
    "Delacroix",
    "Ellery",
    "Forsythe",
    "Greaves",
    "Holloway",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
COLOURS = [
    "navy",
    "charcoal",
    "grey",
    "olive",
    "burgundy",
    "cream",
    "forest green",
    "camel",
    "black",
    "ivory",
    "teal",
    "rust",
    "mustard",
    "sky blue",
]
CITIES = [
    "Austin",
    "Denver",
    "Portland",
    "Boston",
    "Phoenix",
    "Seattle",
    "Nashville",
    "Tampa",
    "Raleigh",
    "Minneapolis",
    "Santa Fe",
    "Savannah",
    "Boise",
    "Pittsburgh",
]


def _pick(rng: random.Random, items: list[Any] | tuple[Any, ...]) -> Any:
    return items[rng.randrange(len(items))]


def _fill(template: str, slots: dict[str, str]) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:] if text else text


# ---------------------------------------------------------------------------------------------
# (a) A salesperson's notes
# ---------------------------------------------------------------------------------------------

# Each store domain: the item clients buy, and product models that a client may switch between.
DOMAINS = [
    ("suit", ["the Savile two-piece", "the Hudson three-piece", "the Milano slim fit", "the Ascot double-breasted"]),
    ("sofa", ["the Aria sectional", "the Bergen loveseat", "the Coda chaise", "the Dune modular"]),
    ("car", ["the Tern hybrid", "the Kestrel SUV", "the Vireo hatchback", "the Osprey wagon"]),
    ("coat", ["the Kensington trench", "the Halden parka", "the Soho peacoat", "the Alpine shell"]),
    ("watch", ["the Meridian automatic", "the Pilot chronograph", "the Tide diver", "the Slate dress watch"]),
    ("bike", ["the Strada road bike", "the Gravel Pro", "the City e-bike", "the Trail 29er"]),
    ("dining table", ["the Oakridge extendable", "the Nordic round", "the Walnut trestle", "the Marble bistro"]),
]

# A fact: notes that state it, questions that ask for it (mostly in other words), and, for a
# superseding fact, the update's notes and questions about the state before.
# Slots: {P} she/he, {Pp} her/his, {Po} her/him, {F} first name, {who} pronoun or name,
# {whose} "her"/"Dana's", {whom} her/Dana; fact-specific slots are filled per client.
FACTS: dict[str, dict[str, list[str]]] = {
    "colour": {
        "note": [
            "Likes the {old} {item}.",
            "Leaning towards {old} for the {item}.",
            "{F} tried the {item} in {old} - looked great on {Po}.",
            "Wants the {item} in {old}, will confirm next visit.",
            "Showed {Po} swatches; {P} went for {old}.",
        ],
        "update": [
            "Changed {Pp} mind: wants the {new} one, not {old}.",
            "Update on the {item}: {new}, not {old}.",
            "Called back - prefers {new} after all, {old} felt too dull.",
            "Switch the {item} order to {new}. No more {old}.",
            "{F} saw the {new} sample and is sold on it; drop the {old}.",
        ],
        "q": [
            "what colour does {who} want",
            "which shade did {who} settle on for the {item}",
            "what color should I order for {whom}",
            "{whose} final colour pick",
            "which hue is {who} going with now",
        ],
        "q_before": [
            "what colour did {who} want before changing {Pp} mind",
            "which shade was {who} first leaning towards",
            "what was {whose} original colour choice for the {item}",
            "what color did {who} like before the switch",
        ],
    },
    "product": {
        "note": [
            "Interested in {p1}.",
            "Test-drove {p1}; liked it a lot.",
            "Keen on {p1} - asked for the spec sheet.",
            "{F} has {Pp} eye on {p1}.",
        ],
        "update": [
            "Switched from {p1} to {p2} - better fit for {Pp} needs.",
            "Now wants {p2} instead of {p1}.",
            "Dropped {p1}; going with {p2}.",
            "After thinking it over, {P} prefers {p2} over {p1}.",
        ],
        "q": [
            "which model is {who} considering now",
            "what is {who} planning to buy",
            "which {item} did {who} end up choosing",
            "what does {who} want to purchase",
        ],
        "q_before": [
            "which model did {who} originally want",
            "what was {who} looking at before {P} switched",
            "what product was {who} first interested in",
        ],
    },
    "location": {
        "note": ["Lives in {c1}.", "Based in {c1}, works from home.", "{F} is in {c1} - ship there."],
        "update": [
            "Moving to {c2} in the spring; new address to follow.",
            "Relocated from {c1} to {c2} last month.",
            "Now living in {c2}, left {c1} for {Pp} new job.",
        ],
        "q": ["where does {who} live now", "which city did {who} relocate to", "where should deliveries for {whom} go"],
        "q_before": ["where did {who} live before the move", "which town was {who} in originally"],
    },
    "budget": {
        "note": [
            "Budget around ${b}k, firm.",
            "Can spend up to ${b},000 this quarter.",
            "Said money is tight - no more than ${b}k.",
            "Has ${b}k set aside for the {item}.",
        ],
        "update": [
            "Budget went up to ${b2}k after the bonus.",
            "Good news: can now go to ${b2}k.",
            "Raised the ceiling to ${b2}k, was {b}k before.",
        ],
        "q": [
            "how much is {who} willing to spend",
            "what's {whose} price ceiling",
            "how much money does {who} have for this",
            "{whose} spending limit",
        ],
        "q_before": ["what was {whose} budget originally", "how much could {who} spend at first"],
    },
    "size": {
        "note": [
            "Takes a {size}.",
            "{F} is a size {size}; sleeves run a touch long.",
            "Measured {Po}: {size}.",
            "Fits a {size}, likes a relaxed cut.",
        ],
        "q": ["what size does {who} wear", "how big is {whose} fit", "{whose} measurements", "what fits {whom}"],
    },
    "spouse": {
        "note": [
            "{SpRole} {sp} is a {job}.",
            "{SpRole} {sp} works as a {job}.",
            "Met {Pp} {sprole} {sp} - a {job}, very friendly.",
            "{sp} ({Pp} {sprole}) just started as a {job}.",
        ],
        "q": [
            "what does {whose} partner do for a living",
            "who is {who} married to",
            "what's the job of {whose} spouse",
            "name of {whose} other half",
        ],
    },
    "kid": {
        "note": [
            "{KidRole} {kid} starts college in the fall - {uni}.",
            "{KidRole} {kid} just got into {uni}!",
            "{F}'s {kidrole} {kid} is off to {uni} in September.",
        ],
        "q": [
            "which of {whose} kids is heading to university",
            "where is {whose} child going to study",
            "what school did {whose} {kidrole} get accepted to",
        ],
    },
    "birthday": {
        "note": [
            "Birthday is {month} {day}.",
            "Mentioned {Pp} birthday is coming up on {month} {day}.",
            "Turns {age} on {month} {day}!",
        ],
        "q": ["when is {whose} birthday", "when should I send {whom} a card", "what date was {who} born"],
    },
    "pet": {
        "note": [
            "Has a {breed} named {pet}.",
            "Just adopted a {breed} puppy, {pet}.",
            "{pet} the {breed} was barking the whole call lol.",
        ],
        "q": ["what kind of dog does {who} have", "name of {whose} pet", "what animal does {who} own"],
    },
    "hobby": {
        "note": [
            "Big into {hobby} - goes every weekend.",
            "Spends Saturdays {hobby}.",
            "{F} took up {hobby} this year, loves it.",
        ],
        "q": ["what does {who} do for fun", "{whose} weekend pastime", "what are {whose} hobbies"],
    },
    "race": {
        "note": [
            "Training for the {race}.",
            "Signed up for the {race}, running most mornings.",
            "Doing the {race} in the autumn.",
        ],
        "q": ["what race is {who} preparing for", "which event is {who} training for", "is {who} doing any races"],
    },
    "diet": {
        "note": [
            "Allergic to {food} - remember for the dinner.",
            "No {food} for {Po}, serious allergy.",
            "Can't have {food}; keep it off the lunch order.",
        ],
        "q": [
            "what can't {who} eat",
            "any food restrictions for {whom}",
            "dietary needs of {who} for the client dinner",
        ],
    },
    "promise": {
        "note": [
            "Promised to send {thing} by {weekday}.",
            "I said I'd get {Po} {thing} before {weekday}.",
            "Owe {Po} {thing} - told {Po} {weekday} at the latest.",
        ],
        "q": [
            "what did I promise {whom}",
            "what do I owe {whom}",
            "what did I commit to for {who}",
            "what am I supposed to send {whom}",
        ],
    },
    "met_at": {
        "note": [
            "Met {Po} at the {event} in {city}.",
            "First contact: {event}, {city} - stopped by our booth.",
            "{F} came over to our stand at the {event} ({city}).",
        ],
        "q": ["where did we first meet {whom}", "which conference did I meet {who} at", "how did I get to know {who}"],
    },
    "competitor": {
        "note": [
            "Currently buys from {comp}; contract ends in {month}.",
            "Still with {comp} until {month}.",
            "Uses {comp} today, not thrilled with them, renewal in {month}.",
        ],
        "q": [
            "who is {whose} current supplier",
            "when does {whose} contract run out",
            "which vendor does {who} use now",
        ],
    },
    "contact": {
        "note": [
            "Prefers texts over calls, never before {time}.",
            "Email only - hates phone calls. After {time} is best.",
            "Best reached on WhatsApp after {time}.",
        ],
        "q": ["how does {who} like to be contacted", "best way to reach {whom}", "when should I call {whom}"],
    },
    "vacation": {
        "note": [
            "Off to {place} for two weeks in {month}.",
            "Taking the family to {place} in {month}.",
            "Away in {place} during {month}, don't chase.",
        ],
        "q": ["where is {who} going on holiday", "{whose} travel plans", "when is {who} away and where"],
    },
    "complaint": {
        "note": ["Unhappy: {issue}.", "Complained that {issue}.", "{F} was annoyed - {issue}."],
        "q": [
            "what went wrong with {whose} last order",
            "why was {who} upset",
            "any problems or complaints from {whom}",
        ],
    },
}

SIZES = ["38 regular", "40 long", "42 short", "44 regular", "medium", "small", "XL", "size 8", "size 10", "size 12"]
JOBS = [
    "pilot",
    "nurse",
    "architect",
    "teacher",
    "chef",
    "dentist",
    "firefighter",
    "accountant",
    "vet",
    "lawyer",
    "paramedic",
    "pharmacist",
]
UNIS = ["Michigan", "UCLA", "Tufts", "Georgia Tech", "Rice", "Oberlin", "Purdue", "NYU", "Vanderbilt", "Reed"]
BREEDS = ["golden retriever", "beagle", "labrador", "corgi", "dachshund", "border collie", "poodle", "whippet", "boxer"]
PETS = ["Biscuit", "Pepper", "Mochi", "Ziggy", "Luna", "Waffles", "Scout", "Juniper", "Rocket", "Olive"]
HOBBIES = [
    "sailing",
    "rock climbing",
    "birdwatching",
    "golf",
    "pottery",
    "salsa dancing",
    "fly fishing",
    "woodworking",
    "chess",
    "kayaking",
]
RACES = [
    "Chicago marathon",
    "Boston marathon",
    "a half-ironman",
    "the Tough Mudder",
    "a 100-mile gravel ride",
    "the Bay to Breakers",
]
FOODS = ["nuts", "shellfish", "gluten", "dairy", "sesame", "eggs", "soy"]
THINGS = [
    "fabric swatches",
    "a quote for the fleet",
    "the warranty details",
    "the new catalogue",
    "samples of the oak finish",
    "a loaner for the weekend",
    "the trade-in valuation",
]
EVENTS = ["trade expo", "design week", "home show", "spring boat show", "retail summit", "charity gala", "auto show"]
COMPETITORS = ["Acme Supply", "Northwind", "Globex", "Brightline", "Hollis & Co", "Summit Traders", "Keller Bros"]
PLACES = [
    "Lisbon",
    "Kyoto",
    "the Amalfi coast",
    "Iceland",
    "Patagonia",
    "Bali",
    "the Scottish Highlands",
    "Cape Town",
    "Vancouver Island",
]
ISSUES = [
    "the sofa arrived with a scratched leg",
    "delivery was three days late",
    "the invoice double-charged shipping",
    "the zipper broke after a week",
    "nobody called back about the repair",
    "the paint had a chip on the driver door",
    "the strap was the wrong length",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

FILLER = [
    "Quick check-in call, nothing new.",
    "Left a voicemail.",
    "Sent the monthly newsletter.",
    "Followed up on the invoice; paid in full.",
    "Chatted about the game last night, {P} is a big fan.",
    "Rescheduled our meeting to next week.",
    "Asked about store hours over the holidays.",
    "Dropped by, browsed for twenty minutes, didn't buy.",
    "Congratulated {Po} on the promotion.",
    "Short call - {P} is swamped with end of quarter.",
    "Showed {Po} the new arrivals in {c1} and {c2}.",
    "Talked about {Pp} trip to {city} years ago.",
    "Kids are fine, busy with school.",
    "Sent a thank-you card after the visit.",
    "No answer on email, will try again next month.",
    "{F} asked whether we price-match. Told {Po} I'd check.",
    "Confirmed the appointment for Thursday.",
    "Discussed delivery windows in general terms.",
    "Forwarded the care instructions.",
    "Weather talk mostly; {P} hates the heat.",
    "Mentioned a friend who might want a {item} too.",
    "Liked our Instagram post about the {c1} collection.",
    "Asked about financing options, just curious.",
    "Stopped in with a colleague, looked at {item}s.",
    "Brief hello at the store event.",
    "{P} said {P}'d think about it over the weekend.",
    "Invoice sent, net 30.",
    "Out sick this week, follow up later.",
    "Reminded {Po} about the loyalty points.",
    "{F} says hi to the team.",
    "Talked through the care plan and what it covers.",
    "{P} wasn't sure about timing, maybe next quarter.",
    "Nothing decided yet.",
    "Asked for photos of the {c1} version.",
    "Had coffee near {Pp} office, friendly catch-up.",
]


@dataclass
class _Client:
    name: str
    first: str
    female: bool
    item: str
    products: list[str]


def _client_slots(c: _Client, scoped: bool) -> dict[str, str]:
    """Pronoun slots; in a scoped question the client is 'she', otherwise named."""
    p, pp, po = ("she", "her", "her") if c.female else ("he", "his", "him")
    slots = {"P": p, "Pp": pp, "Po": po, "F": c.first, "item": c.item}
    if scoped:
        slots |= {"who": p, "whose": pp, "whom": po}
    else:
        name = c.first if random.Random(c.name).random() < 0.5 else c.name
        slots |= {"who": name, "whose": name + "'s", "whom": name}
    return slots


def _fact_slots(rng: random.Random, kind: str, c: _Client) -> dict[str, str]:
    old, new = rng.sample(COLOURS, 2)
    spouse_f = rng.random() < 0.5
    kid_f = rng.random() < 0.5
    b = rng.choice([2, 3, 4, 5, 8, 12, 15, 20, 40])
    p1, p2 = rng.sample(c.products, 2)
    c1, c2 = rng.sample(CITIES, 2)
    return {
        "old": old,
        "new": new,
        "p1": p1,
        "p2": p2,
        "c1": c1,
        "c2": c2,
        "b": str(b),
        "b2": str(b + rng.choice([1, 2, 3, 5])),
        "size": _pick(rng, SIZES),
        "sp": _pick(rng, FEMALE if spouse_f else MALE),
        "SpRole": "Wife" if spouse_f else "Husband",
        "sprole": "wife" if spouse_f else "husband",
        "job": _pick(rng, JOBS),
        "kid": _pick(rng, FEMALE if kid_f else MALE),
        "KidRole": "Daughter" if kid_f else "Son",
        "kidrole": "daughter" if kid_f else "son",
        "uni": _pick(rng, UNIS),
        "month": _pick(rng, MONTHS),
        "day": str(rng.randint(1, 28)),
        "age": str(rng.randint(30, 70)),
        "breed": _pick(rng, BREEDS),
        "pet": _pick(rng, PETS),
        "hobby": _pick(rng, HOBBIES),
        "race": _pick(rng, RACES),
        "food": _pick(rng, FOODS),
        "thing": _pick(rng, THINGS),
        "weekday": _pick(rng, WEEKDAYS),
        "event": _pick(rng, EVENTS),
        "city": _pick(rng, CITIES),
        "comp": _pick(rng, COMPETITORS),
        "time": rng.choice(["10am", "9:30", "noon", "6pm", "8 in the morning"]),
        "place": _pick(rng, PLACES),
        "issue": _pick(rng, ISSUES),
    }


def _unique_names(rng: random.Random, n: int) -> list[tuple[str, str, bool]]:
    out: dict[str, tuple[str, str, bool]] = {}
    while len(out) < n:
        female = rng.random() < 0.5
        first = _pick(rng, FEMALE if female else MALE)
        name = f"{first} {_pick(rng, LAST)}"
        if name not in out and first not in {v[1] for v in out.values()}:
            out[name] = (name, first, female)
        elif len(out) >= len(FEMALE) + len(MALE) - 5:  # first names exhausted: allow repeats
            out.setdefault(name, (name, first, female))
    return list(out.values())


def sales_dataset(seed: int, clients: int = 48, min_notes: int = 10, max_notes: int = 60) -> Dataset:
    """A salesperson's notes on `clients` clients, with labelled questions."""
    rng = random.Random(f"sales-{seed}")
    notes: list[Note] = []
    questions: list[Question] = []
    start = datetime(2024, 1, 8, 9, 0)
    for ci, (name, first, female) in enumerate(_unique_names(rng, clients)):
        item, products = _pick(rng, DOMAINS)
        client = _Client(name, first, female, item, products)
        count = rng.randint(min_notes, max_notes)
        kinds = rng.sample(sorted(FACTS), k=min(len(FACTS), max(3, min(12, count // 4))))
        # Lay out the timeline: each fact takes a slot; an update takes a later one.
        slots_free = list(range(count))
        rng.shuffle(slots_free)
        placed: dict[int, tuple[str, str, dict[str, str]]] = {}
        plan: list[tuple[str, int, int | None, dict[str, str]]] = []
        for kind in kinds:
            spec = FACTS[kind]
            slots = _fact_slots(rng, kind, client)
            if "update" in spec:
                a, b = sorted(slots_free.pop() for _ in range(2)) if len(slots_free) >= 2 else (None, None)
                if a is None or b is None:
                    continue
                placed[a] = (kind, "note", slots)
                placed[b] = (kind, "update", slots)
                plan.append((kind, a, b, slots))
            elif slots_free:
                a = slots_free.pop()
                placed[a] = (kind, "note", slots)
                plan.append((kind, a, None, slots))
        when = start + timedelta(days=rng.randint(0, 120))
        ids: list[str] = []
        for j in range(count):
            when += timedelta(days=rng.randint(1, 12), hours=rng.randint(-3, 3))
            nid = f"s{seed}-c{ci:02d}-n{j:03d}"
            base = _client_slots(client, scoped=True) | _fact_slots(rng, "filler", client)
            if j in placed:
                kind, part, slots = placed[j]
                text = _fill(_pick(rng, FACTS[kind][part]), base | slots)
            else:
                text = _fill(_pick(rng, FILLER), base)
            at = when.strftime("%Y-%m-%d") if rng.random() < 0.5 else when.strftime("%Y-%m-%dT%H:%M")
            notes.append(Note(nid, name, text, at))
            ids.append(nid)
        for kind, a, b, slots in plan:
            spec = FACTS[kind]
            asks = [("q", b if b is not None else a, "fact" if b is None else "current")]
            if b is not None:
                asks.append(("q_before", a, "superseded"))
            for key, evid, qkind in asks:
                scoped = rng.random() < 0.5
                query = _fill(_pick(rng, spec[key]), _client_slots(client, scoped) | slots)
                if rng.random() < 0.5:
                    query += "?"
                questions.append(
                    Question(
                        qid=f"sq{seed}-{len(questions):04d}",
                        query=query,
                        evidence=(ids[evid],),
                        client=name if scoped else None,
                        kind=f"{qkind}-{'scoped' if scoped else 'named'}",
                    )
                )
    return Dataset(f"sales-seed{seed}", seed, notes, questions)


# ---------------------------------------------------------------------------------------------
# (b) Long two-person conversations (LoCoMo-like)
# ---------------------------------------------------------------------------------------------

# An activity happens on a day (relative to the session): a statement turn, the partner's
# reaction and follow-up question, the speaker's detailed answer. Questions: when it happened
# (evidence: the statement) and the detail (evidence: the answer turn).
# Fields: topic (what the partner calls it), said (past-tense clause), when_q (base clauses for
# "When did {S} ...?"), follow (partner's question), detail (answer), detail_q (questions).
ACTIVITIES: list[dict[str, Any]] = [
    {
        "topic": "the support group",
        "said": ["went to an LGBTQ support group", "finally went to that support group meeting"],
        "when_q": [
            "go to the LGBTQ support group",
            "attend a support group meeting",
            "join other queer folks to share stories",
        ],
        "follow": ["How did it feel being there?", "What was it like?"],
        "detail": [
            "Really powerful. Hearing everyone's stories made me feel so much less alone.",
            "Honestly emotional - people shared such raw things and I felt accepted.",
        ],
        "detail_q": ["How did {S} feel after the support group?", "What was {S}'s experience at the group meeting?"],
    },
    {
        "topic": "pottery",
        "said": ["signed up for a pottery class", "took my first pottery workshop"],
        "when_q": ["sign up for a pottery class", "start learning to throw clay"],
        "follow": ["Ooh, what did you make?", "What did you end up making?"],
        "detail": [
            "A little bowl with a blue glaze - it's wonky but I love it.",
            "A lopsided mug with a speckled glaze, my proudest creation haha.",
        ],
        "detail_q": ["What did {S} make in the pottery class?", "What piece did {S} create at the workshop?"],
    },
    {
        "topic": "camping",
        "said": ["took the kids camping at the beach", "went camping by the lake with the family"],
        "when_q": ["go camping with the kids", "take the family on a camping trip"],
        "follow": ["How did the kids like it?", "Did the little ones enjoy sleeping outside?"],
        "detail": [
            "They loved it! We roasted marshmallows and watched the stars all night.",
            "So much! We told ghost stories and looked for shooting stars.",
        ],
        "detail_q": [
            "What did {S}'s family do at night on the camping trip?",
            "What did {S} and the kids do by the campfire?",
        ],
    },
    {
        "topic": "the museum",
        "said": ["took the kids to the natural history museum", "spent the day at the science museum with my kids"],
        "when_q": ["take the kids to the museum", "visit the museum with the children"],
        "follow": ["What was their favorite part?", "What did they like best?"],
        "detail": [
            "The dinosaur exhibit, hands down. My son wants to be a paleontologist now.",
            "The planetarium show - my daughter hasn't stopped talking about Saturn's rings.",
        ],
        "detail_q": ["Which exhibit did {S}'s kids enjoy most?", "What part of the outing did {S}'s children love?"],
    },
    {
        "topic": "the concert",
        "said": ["went to a Matt Patterson concert", "saw my favorite band live downtown"],
        "when_q": ["go to a concert", "see live music"],
        "follow": ["Who did you go with?", "Did you go alone?"],
        "detail": [
            "My husband and our oldest - she knew every single song!",
            "With my sister, we screamed the whole time lol.",
        ],
        "detail_q": ["Who went to the show with {S}?", "Who accompanied {S} to the gig?"],
    },
    {
        "topic": "the charity run",
        "said": ["ran a charity 5K for mental health", "did a fun run to raise money for the shelter"],
        "when_q": ["run the charity race", "take part in the fundraising run"],
        "follow": ["What was your time?", "How fast did you go?"],
        "detail": ["28 minutes! Not bad for my first one.", "Just under 31 minutes, I walked a bit at the hill haha."],
        "detail_q": ["What was {S}'s finishing time?", "How long did it take {S} to finish the race?"],
    },
    {
        "topic": "the interview",
        "said": ["had an interview at a counseling center", "interviewed for a job at the youth center"],
        "when_q": ["have a job interview", "interview for the counseling job"],
        "follow": ["How did it go?", "What did they ask you?"],
        "detail": [
            "I think well! They asked a lot about my own story and why I want to help people.",
            "Good I think - mostly about how I'd handle kids in crisis.",
        ],
        "detail_q": ["What did the interviewers ask {S} about?", "What were {S}'s interview questions about?"],
    },
    {
        "topic": "the adoption agency",
        "said": ["met with an adoption agency", "had my first meeting with the adoption agency"],
        "when_q": ["meet with the adoption agency", "take a first step toward adopting a child"],
        "follow": ["That's huge! What did they say?", "Wow, what's the process like?"],
        "detail": [
            "It takes about a year, but they think I'd be a great fit to be a mom.",
            "Lots of paperwork and home visits, probably twelve months or so.",
        ],
        "detail_q": ["How long will adoption take for {S}?", "What did the agency tell {S} about the timeline?"],
    },
    {
        "topic": "the pride parade",
        "said": ["marched in the pride parade", "went to pride with friends"],
        "when_q": ["go to the pride parade", "march at pride"],
        "follow": ["What was the best moment?", "How was the vibe?"],
        "detail": [
            "Seeing a grandma holding a sign that said free mom hugs. I cried.",
            "Dancing on a float with my friends, pure joy.",
        ],
        "detail_q": ["What was {S}'s favorite moment at pride?", "What moved {S} at the parade?"],
    },
    {
        "topic": "the art show",
        "said": ["had two paintings in a local art show", "showed my work at a small gallery"],
        "when_q": ["show paintings at an art show", "exhibit artwork at a gallery"],
        "follow": ["Which ones did you pick?", "What pieces did you show?"],
        "detail": ["The lake at sunrise and a portrait of my grandma.", "A stormy seascape and a field of sunflowers."],
        "detail_q": ["Which paintings did {S} exhibit?", "What artworks did {S} choose for the show?"],
    },
    {
        "topic": "the road trip",
        "said": ["drove up the coast to Big Sur", "did a road trip through the desert"],
        "when_q": ["go on a road trip", "drive up the coast"],
        "follow": ["Any highlights?", "What was the best part?"],
        "detail": [
            "The views at the falls were unreal, and we saw whales from the cliff!",
            "We saw a coyote at sunrise and camped under a billion stars.",
        ],
        "detail_q": ["What animals did {S} see on the trip?", "What wildlife did {S} spot while driving?"],
    },
    {
        "topic": "the promotion",
        "said": ["got promoted to team lead", "found out I'm getting promoted"],
        "when_q": ["get promoted", "become a team lead"],
        "follow": ["Congrats!! What changes?", "What does the new role mean?"],
        "detail": [
            "I manage four people now and I finally get my own office.",
            "More meetings, a raise, and three people reporting to me.",
        ],
        "detail_q": ["How many people does {S} manage?", "How big is {S}'s team now?"],
    },
    {
        "topic": "the shelter",
        "said": ["volunteered at the animal shelter", "spent the morning helping at the dog shelter"],
        "when_q": ["volunteer at the animal shelter", "help out at the shelter"],
        "follow": ["What did you do there?", "What kind of work was it?"],
        "detail": [
            "Mostly walked dogs and cleaned kennels - one pit bull mix nearly came home with me.",
            "Fed the cats and socialized the shy ones.",
        ],
        "detail_q": ["What tasks did {S} do at the shelter?", "How did {S} help the animals?"],
    },
    {
        "topic": "the book club",
        "said": ["started a book club with neighbors", "hosted the first book club meeting"],
        "when_q": ["start a book club", "host a reading group"],
        "follow": ["What are you reading first?", "Which book did you choose?"],
        "detail": [
            "Becoming by Michelle Obama - everyone voted for it.",
            "The Midnight Library, it sparked a huge debate.",
        ],
        "detail_q": ["What was the first book for {S}'s club?", "Which title did {S}'s reading group pick?"],
    },
    {
        "topic": "the hike",
        "said": ["hiked to the top of Eagle Peak", "did a sunrise hike with my brother"],
        "when_q": ["go hiking", "hike up the mountain"],
        "follow": ["How long did it take?", "Was it tough?"],
        "detail": [
            "Six hours round trip, my legs are still jelly.",
            "Brutal! Four hours up but the view was worth it.",
        ],
        "detail_q": ["How long was {S}'s hike?", "How many hours did {S} spend on the trail?"],
    },
    {
        "topic": "the cooking class",
        "said": ["took a Thai cooking class", "went to a pasta-making class"],
        "when_q": ["take a cooking class", "learn to cook at a class"],
        "follow": ["What did you cook?", "Did you make anything good?"],
        "detail": ["Green curry from scratch, even the paste!", "Fresh tagliatelle with a brown butter sauce."],
        "detail_q": ["What dish did {S} prepare in class?", "What did {S} learn to make?"],
    },
    {
        "topic": "the move",
        "said": ["moved into a new apartment", "finally finished moving house"],
        "when_q": ["move into the new place", "move to a new apartment"],
        "follow": ["How's the new place?", "Do you like it?"],
        "detail": [
            "It has a balcony with a view of the river, I'm obsessed.",
            "Tiny but sunny, and there's a bakery downstairs.",
        ],
        "detail_q": ["What does {S} love about the new home?", "What is special about {S}'s new apartment?"],
    },
    {
        "topic": "the dance studio",
        "said": ["opened my own dance studio", "signed the lease for a dance studio"],
        "when_q": ["open a dance studio", "start a dance business"],
        "follow": ["What classes will you teach?", "What kind of dance?"],
        "detail": [
            "Contemporary and hip hop for teens, plus a salsa night for adults.",
            "Mostly jazz and ballet for kids to start.",
        ],
        "detail_q": ["What classes does {S}'s studio offer?", "What styles does {S} teach?"],
    },
    {
        "topic": "the anniversary",
        "said": ["celebrated our tenth anniversary", "had our anniversary dinner"],
        "when_q": ["celebrate the wedding anniversary", "go out for the anniversary"],
        "follow": ["Where did you go?", "Did you do anything special?"],
        "detail": ["A tiny Italian place where we had our first date.", "We went back to the beach where he proposed."],
        "detail_q": ["Where did {S} celebrate with the spouse?", "Where was {S}'s anniversary dinner?"],
    },
    {
        "topic": "surfing",
        "said": ["had my first surfing lesson", "tried surfing for the first time"],
        "when_q": ["have a surfing lesson", "try surfing"],
        "follow": ["Did you stand up?", "Did you catch a wave?"],
        "detail": ["Twice! For like three seconds each haha.", "Once, then I wiped out spectacularly."],
        "detail_q": ["Did {S} manage to stand on the board?", "How did {S} do on the waves?"],
    },
    {
        "topic": "the garden",
        "said": ["planted a vegetable garden", "started a little herb garden on the porch"],
        "when_q": ["plant a garden", "start growing vegetables"],
        "follow": ["What are you growing?", "What did you plant?"],
        "detail": ["Tomatoes, zucchini and way too much basil.", "Mint, rosemary and some strawberries for the kids."],
        "detail_q": ["What is {S} growing?", "Which plants did {S} put in?"],
    },
    {
        "topic": "the school talk",
        "said": ["gave a talk at my kid's school", "spoke at a school assembly"],
        "when_q": ["give a talk at the school", "speak to students"],
        "follow": ["What did you talk about?", "What was the talk about?"],
        "detail": ["Being yourself and asking for help when things get hard.", "My journey and why inclusion matters."],
        "detail_q": ["What was {S}'s talk about?", "What message did {S} share with the students?"],
    },
    {
        "topic": "the violin recital",
        "said": ["played at a violin recital", "performed at the community recital"],
        "when_q": ["play at a recital", "perform music on stage"],
        "follow": ["What did you play?", "Which piece?"],
        "detail": ["A Bach partita, my hands were shaking.", "Meditation from Thais - my teacher's favorite."],
        "detail_q": ["What piece did {S} perform?", "What music did {S} play at the recital?"],
    },
    {
        "topic": "the conference",
        "said": ["went to a mental health conference", "attended a conference on counseling"],
        "when_q": ["attend the conference", "go to a professional conference"],
        "follow": ["Learn anything useful?", "Any good sessions?"],
        "detail": [
            "A workshop on trauma-informed care blew my mind.",
            "One speaker talked about art therapy, so inspiring.",
        ],
        "detail_q": ["Which session did {S} find most useful?", "What did {S} learn at the event?"],
    },
    {
        "topic": "the birthday party",
        "said": ["threw a birthday party for my daughter", "hosted my son's birthday"],
        "when_q": ["throw the birthday party", "host a party for the kid's birthday"],
        "follow": ["What was the theme?", "How old are they now?"],
        "detail": ["Unicorns everywhere, she just turned seven.", "Space theme! He's eight now."],
        "detail_q": ["What was the party's theme?", "How old did {S}'s child turn?"],
    },
    {
        "topic": "the fishing trip",
        "said": ["went fishing with my dad", "took the boat out fishing"],
        "when_q": ["go fishing", "take a fishing trip"],
        "follow": ["Catch anything?", "Any luck?"],
        "detail": ["A huge trout! Dad was so jealous.", "Three bass and a boot lol."],
        "detail_q": ["What did {S} catch?", "Was {S}'s fishing trip successful?"],
    },
]

# A persona fact said once (no date): a statement and questions about it.
PERSONA: list[dict[str, Any]] = [
    {
        "say": ["I've been painting a lot lately, mostly {x}.", "Painting {x} is my favorite way to unwind."],
        "x": ["sunsets over the lake", "horses", "wildflowers", "old barns"],
        "q": ["What does {S} like to paint?", "What subjects show up in {S}'s artwork?"],
    },
    {
        "say": [
            "My favorite book is still {x}, I reread it every summer.",
            "Nothing beats {x} for me, read it five times.",
        ],
        "x": ["Charlotte's Web", "The Alchemist", "Little Women", "Dune"],
        "q": ["What is {S}'s favorite book?", "Which novel does {S} keep rereading?"],
    },
    {
        "say": ["I'm thinking about going back to school for {x}.", "I really want a career in {x}."],
        "x": ["counseling", "nursing", "graphic design", "social work"],
        "q": ["What career is {S} considering?", "What field does {S} want to work in?"],
    },
    {
        "say": ["I grew up in {x}, moved here when I was ten.", "Back home in {x} we did this every summer."],
        "x": ["Sweden", "Kenya", "Ohio", "the Philippines"],
        "q": ["Where is {S} originally from?", "Which place did {S} grow up in?"],
    },
    {
        "say": ["Running really helps me {x}.", "Yoga is how I {x}."],
        "x": ["clear my head", "deal with stress", "stay sane with the kids"],
        "q": ["How does {S} cope with stress?", "Why does {S} exercise?"],
    },
    {
        "say": ["I've been obsessed with baking {x} lately.", "My signature dish is {x}, everyone asks for it."],
        "x": ["sourdough", "banana bread", "lemon bars", "empanadas"],
        "q": ["What has {S} been baking?", "What food is {S} known for making?"],
    },
    {
        "say": ["My kids are {x}, and they keep me busy.", "{x} - my two little tornadoes."],
        "x": ["Ava and Leo", "Mia and Sam", "Noah and Ella"],
        "q": ["What are the names of {S}'s children?", "What are {S}'s kids called?"],
    },
    {
        "say": ["Being a {x} has taught me so much about resilience.", "As a {x}, I see the world differently."],
        "x": ["transgender woman", "single mom", "first-generation immigrant"],
        "q": ["What is {S}'s identity?", "How does {S} describe {Pp}self?"],
    },
    {
        "say": ["My go-to comfort show is {x}.", "I've watched {x} like four times now."],
        "x": ["Gilmore Girls", "The Office", "Parks and Rec", "Bluey"],
        "q": ["What TV show does {S} rewatch?", "What series comforts {S}?"],
    },
    {
        "say": ["Honestly, {x} is my happy place.", "Whenever I can, I escape to {x}."],
        "x": ["the beach", "the mountains", "my grandma's farm"],
        "q": ["Where does {S} go to relax?", "What is {S}'s favorite place to unwind?"],
    },
]

# Multi-hop: two items of one kind told in different sessions; the question needs both turns.
MULTI: list[dict[str, Any]] = [
    {
        "say": [
            "We just adopted a {x}!",
            "Meet our newest family member - a {x}.",
            "Our {x} knocked over my coffee again lol.",
        ],
        "x": ["puppy named Oscar", "cat called Bailey", "rabbit named Clover", "guinea pig, Peanut"],
        "q": ["What pets does {S} have?", "Which animals live with {S}?"],
    },
    {
        "say": ["I've been practicing the {x} every evening.", "Picked up the {x} again after years."],
        "x": ["clarinet", "violin", "piano", "ukulele"],
        "q": ["What instruments does {S} play?", "Which musical instruments has {S} learned?"],
    },
    {
        "say": ["We spent a long weekend in {x}.", "Just got back from {x}, what a trip."],
        "x": ["Yellowstone", "Paris", "Montreal", "the Grand Canyon", "Lisbon"],
        "q": ["Where has {S} traveled?", "What places did {S} visit?"],
    },
    {
        "say": ["Just finished reading {x}.", "Currently reading {x} and I can't put it down."],
        "x": ["Educated", "Where the Crawdads Sing", "Atomic Habits", "Circe"],
        "q": ["What books has {S} read?", "Which books did {S} mention reading?"],
    },
]

RELATIVE = ["yesterday", "last weekend", "last Friday", "two days ago", "this morning", "last week", "on Saturday"]
STATEMENT = [
    "{Rel} I {said}!",
    "Guess what? I {said} {rel}.",
    "So I {said} {rel} - {feel}",
    "Just wanted to tell you I {said} {rel}. {feel}",
    "Hey! {Rel} I {said}, still buzzing.",
    "Big news: I {said} {rel}.",
]
DETAIL_LEAD = [
    "Oh, {topic} was great! ",
    "{topic} was so much fun. ",
    "So, {topic}: ",
    "Thinking back on {topic}, honestly? ",
]
FEEL = [
    "it was amazing.",
    "still processing it honestly.",
    "such a good day.",
    "it meant so much to me.",
    "best decision ever.",
    "I was so nervous!",
]
REACT = [
    "Wow, {topic}! That's amazing, {name}.",
    "No way! I'm so happy for you.",
    "That sounds incredible!",
    "Oh I love that for you.",
    "{topic}? That's so cool.",
    "You're so brave, seriously.",
    "That's wonderful, {name}!",
]
CHAT = [
    "Hey {name}! Long time no talk, how have you been?",
    "Hi! Good to hear from you, it's been a crazy couple of weeks.",
    "Work has been so hectic lately, I barely have time to breathe.",
    "Haha yes, totally!",
    "That means a lot, thank you.",
    "I'm so proud of you, really.",
    "Self-care is so important, glad you're making time for it.",
    "The weather's been amazing, we spent the whole day outside.",
    "lol same here",
    "I've been thinking about what you said last time.",
    "You always know how to cheer me up.",
    "Kids are a handful this week, but we're surviving.",
    "Honestly that's so inspiring, you always find a way.",
    "Any plans for the weekend?",
    "Not much, just relaxing and catching up on sleep.",
    "I know right? Life moves so fast.",
    "That's so true.",
    "Family really is everything.",
    "I'm rooting for you!",
    "Let's catch up again soon, okay?",
    "Sending hugs!",
    "Aww, thank you so much!",
    "Totally get that, it can be a lot.",
    "How's everything on your end?",
    "Pretty good! Busy but good.",
    "It's been a rollercoaster, but I'm grateful.",
    "You deserve every bit of it.",
    "Ha, I can picture it perfectly.",
    "Same, I needed that reminder.",
    "Support from friends makes all the difference.",
    "I feel like we haven't talked in forever!",
    "Oh for sure, we should do something together sometime.",
    "Did you see that new show everyone's talking about?",
    "Not yet, is it good?",
    "Honestly I need a vacation.",
    "Remember to take time for yourself too.",
]
RECUR = [
    "Still loving {topic}, by the way.",
    "I keep thinking about {topic}, it really stuck with me.",
    "Remember {topic}? I might do it again soon.",
]
# Chatter that touches a topic without answering anything about it (near-miss distractors).
TOPIC_CHAT = [
    "My cousin is really into {topic}, she won't stop talking about it.",
    "I've always wanted to try {topic} someday.",
    "Did I ever tell you about {topic} when I was a kid? Disaster haha.",
    "A friend sent me an article about {topic}, made me think of you.",
    "We should plan something like {topic} together!",
]
GOODBYE = [
    ("Take care, talk soon!", "Thanks, you too! Bye!"),
    ("Gotta run, bye!", "Bye! Chat soon."),
    ("Talk later!", "Later!"),
]
MULTI_PROMPT = ["Oh nice! Tell me more.", "How fun!", "Aww, love that.", "Wait, really? Since when?"]


def _chatter(rng: random.Random, speakers: tuple[str, str], first: str) -> tuple[str, str, None]:
    """A chit-chat turn: mostly small talk, sometimes touching a topic without saying anything about it."""
    if rng.random() < 0.2:
        text = _fill(_pick(rng, TOPIC_CHAT), {"topic": _pick(rng, ACTIVITIES)["topic"]})
    else:
        text = _fill(_pick(rng, CHAT[2:]), {"name": first})
    return (_pick(rng, speakers), text, None)


def _pair_names(rng: random.Random, used: set[str]) -> tuple[str, str]:
    pool = [n for n in FEMALE + MALE if n not in used]
    a, b = rng.sample(pool, 2)
    used.update((a, b))
    return a, b


def conversation_dataset(seed: int, conversations: int = 5, sessions: int = 20) -> Dataset:
    """`conversations` long two-person chats, each turn a note; LoCoMo-like questions."""
    rng = random.Random(f"conv-{seed}")
    notes: list[Note] = []
    questions: list[Question] = []
    used: set[str] = set()
    for ci in range(conversations):
        a, b = _pair_names(rng, used)
        female = {a: a in FEMALE, b: b in FEMALE}
        conv = f"{a} and {b}"
        # Each block is a list of (speaker, text, evidence_key or None) turns; questions refer to keys.
        blocks: list[tuple[int, list[tuple[str, str, str | None]]]] = []
        pending: list[tuple[str, tuple[str, ...], str]] = []  # (query, evidence keys, kind)
        acts = rng.sample(ACTIVITIES, k=min(len(ACTIVITIES), 24))
        personas = [rng.sample(PERSONA, k=6) for _ in (a, b)]
        multis = [rng.sample(MULTI, k=3) for _ in (a, b)]
        for si, (spk, other) in enumerate(((a, b), (b, a))):
            slots = {"S": spk, "Pp": "her" if female[spk] else "his"}
            for ai, act in enumerate(acts[si * 12 : (si + 1) * 12]):
                key = f"{ci}-{si}-act{ai}"
                rel = _pick(rng, RELATIVE)
                said = _pick(rng, act["said"])
                stmt = _fill(
                    _pick(rng, STATEMENT), {"said": said, "rel": rel, "Rel": rel.capitalize(), "feel": _pick(rng, FEEL)}
                )
                turns: list[tuple[str, str, str | None]] = [(spk, stmt, key + "-s")]
                react = _fill(_pick(rng, REACT), {"topic": act["topic"], "name": spk})
                follow = _pick(rng, act["follow"])
                if rng.random() < 0.5:
                    turns.append((other, f"{react} {follow}", None))
                else:
                    turns += [(other, react, None), (other, follow, None)]
                detail = _pick(rng, act["detail"])
                if rng.random() < 0.6:  # as in LoCoMo, the answer turn often names its topic again
                    detail = _fill(_pick(rng, DETAIL_LEAD), {"topic": act["topic"]}) + detail
                turns.append((spk, detail, key + "-d"))
                if rng.random() < 0.5:
                    turns.append((other, _pick(rng, CHAT), None))
                session = rng.randrange(sessions)
                blocks.append((session, turns))
                if rng.random() < 0.3 and session < sessions - 1:
                    recur = _fill(_pick(rng, RECUR), {"topic": act["topic"]})
                    blocks.append((rng.randrange(session + 1, sessions), [(spk, recur, None)]))
                pending.append(
                    (_fill("When did {S} " + _pick(rng, act["when_q"]) + "?", slots), (key + "-s",), "temporal")
                )
                pending.append((_fill(_pick(rng, act["detail_q"]), slots), (key + "-d",), "detail"))
            for pi, per in enumerate(personas[si]):
                key = f"{ci}-{si}-per{pi}"
                text = _fill(_pick(rng, per["say"]), {"x": _pick(rng, per["x"])})
                turns = [(spk, text, key)]
                if rng.random() < 0.6:
                    turns.append((other, _pick(rng, CHAT), None))
                blocks.append((rng.randrange(sessions), turns))
                pending.append((_fill(_pick(rng, per["q"]), slots), (key,), "single-hop"))
            for mi, mul in enumerate(multis[si]):
                items = rng.sample(mul["x"], 2)
                s1 = rng.randrange(sessions // 2)
                s2 = rng.randrange(sessions // 2, sessions)
                keys = []
                for j, (sess, item) in enumerate(((s1, items[0]), (s2, items[1]))):
                    key = f"{ci}-{si}-mul{mi}-{j}"
                    keys.append(key)
                    text = _fill(_pick(rng, mul["say"]), {"x": item})
                    blocks.append((sess, [(spk, text, key), (other, _pick(rng, MULTI_PROMPT), None)]))
                pending.append((_fill(_pick(rng, mul["q"]), slots), tuple(keys), "multi-hop"))
        # Lay out the sessions: opening chit-chat, the session's blocks with chatter between, a goodbye.
        by_session = group_by_session(blocks)
        when = datetime(2023, 1, 10, 9, 0) + timedelta(days=rng.randint(0, 200))
        key_to_id: dict[str, str] = {}
        for s in range(sessions):
            when = next_session_time(rng, when)
            first, second, turns = session_opening(rng, a, b)
            session_blocks = by_session.get(s, [])
            rng.shuffle(session_blocks)
            target = rng.randint(20, 30)
            for blk in session_blocks:
                turns += [_chatter(rng, (a, b), first) for _ in range(rng.randint(1, 3))]
                turns += blk
            while len(turns) < target - 2:
                turns.insert(rng.randint(2, len(turns)), _chatter(rng, (a, b), first))
            bye = _pick(rng, GOODBYE)
            turns += [(first, bye[0], None), (second, bye[1], None)]
            add_session_notes(notes, key_to_id, turns, f"c{seed}-{ci}-D{s + 1}", conv, when)
        add_questions(questions, pending, key_to_id, f"cq{seed}", conv)
    return Dataset(f"conversations-seed{seed}", seed, notes, questions)


Turn = tuple[str, str, str | None]  # (speaker, text, evidence key or None): one line of a generated chat


def group_by_session(blocks: list[tuple[int, list[Turn]]]) -> dict[int, list[list[Turn]]]:
    """The blocks of turns of each session number, in the order they were made."""
    by_session: dict[int, list[list[Turn]]] = {}
    for sess, turns in blocks:
        by_session.setdefault(sess, []).append(turns)
    return by_session


def next_session_time(rng: random.Random, when: datetime) -> datetime:
    """The next session's start: 4 to 21 days on, at another hour."""
    return when + timedelta(days=rng.randint(4, 21), hours=rng.randint(-5, 5), minutes=rng.randint(0, 59))


def session_opening(rng: random.Random, a: str, b: str) -> tuple[str, str, list[Turn]]:
    """Who speaks first in a session, who second, and their two opening lines of chit-chat."""
    first, second = (a, b) if rng.random() < 0.5 else (b, a)
    turns: list[Turn] = [
        (first, _fill(_pick(rng, CHAT[:2]), {"name": second}), None),
        (second, _fill(_pick(rng, CHAT[:3]), {"name": first}), None),
    ]
    return first, second, turns


def add_session_notes(
    notes: list[Note], key_to_id: dict[str, str], turns: list[Turn], prefix: str, conv: str, when: datetime
) -> None:
    """One note a turn of a session (ids `prefix:1`, `prefix:2`, ...), each evidence key mapped to its note id."""
    at = when.strftime("%Y-%m-%dT%H:%M")
    for t, (spk, text, key) in enumerate(turns, 1):
        nid = f"{prefix}:{t}"
        notes.append(Note(nid, conv, f"{spk}: {text}", at))
        if key:
            key_to_id[key] = nid


def add_questions(
    questions: list[Question],
    pending: list[tuple[str, tuple[str, ...], str]],
    key_to_id: dict[str, str],
    prefix: str,
    conv: str,
) -> None:
    """The pending (query, evidence keys, kind) whose evidence all made it into the notes, numbered on from
    `questions` (ids `prefix-0000`, ...)."""
    for query, keys, kind in pending:
        if all(k in key_to_id for k in keys):
            questions.append(
                Question(
                    qid=f"{prefix}-{len(questions):04d}",
                    query=query,
                    evidence=tuple(key_to_id[k] for k in keys),
                    client=conv,
                    kind=kind,
                )
            )


def datasets(seed: int, small: bool = False) -> list[Dataset]:
    """Both sets for one seed (`small`: fewer notes, for a quick run)."""
    if small:
        return [sales_dataset(seed, clients=40, min_notes=10, max_notes=20), conversation_dataset(seed, 2, 12)]
    return [sales_dataset(seed), conversation_dataset(seed)]


if __name__ == "__main__":  # a peek at the data
    import json
    import sys

    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for ds in datasets(seed):
        print(json.dumps(ds.summary()))
        for q in ds.questions[:8]:
            texts = {n.id: n.text for n in ds.notes}
            print(f"  {q.kind:18} {q.query!r} client={q.client!r} -> {[texts[e] for e in q.evidence]}")
