"""Every offline draft passes Chet's own guard: a property test over many generated clients.

Each example is a client written as a salesperson would note it — a preference and what they
declined, a dislike, a relative with a birthday, a promise with a due date (some quantities),
an event or a place where they met, where they live, and a channel preference or a scoped opt-out —
imported through the real Memory (extraction, SQLite, Chroma), then drafted for several purposes
by the real `make_draft` and checked by the real guard. Each example is a new salesperson, so
clients never mix.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.guard import check_text
from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.context_from_memory import build_context
from bot.usecases.drafting import make_draft
from memory.service import Memory, NoteInput
from memory.timeutil import now_utc

FIRST = ["Dana", "Tom", "Priya", "Lena", "Marcus", "Aiko", "Sofia", "Raj", "Helen", "Omar", "Grace", "Luis"]
LAST = ["Whitfield", "Reyes", "Shah", "Ortiz", "Bell", "Tanaka", "Moreau", "Iyer", "Novak", "Haddad"]
COLOURS = ["blue", "grey", "green", "navy", "red", "black", "white", "burgundy"]
DISLIKES = ["hates cold calls", "doesn't like long meetings", "not a fan of phone calls before 9", "hates spam"]
RELATIONS = [("daughter", "her"), ("son", "his"), ("wife", "his"), ("husband", "her")]
KIDS = ["Maya", "Leo", "Ana", "Sam", "Zoe", "Ben"]
ITEMS = ["pricing", "the spec sheet", "samples", "the contract draft", "a quote"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
EVENTS = [
    "Met {n} at the {c} trade show, booth {b}.",
    "Lunch with {n} at the Hilton in {c}.",
    "Demo of the new range for {n} at their {c} office went well.",
    "Coffee with {n} in {c}.",
]
# Name forms as notes write them: family name first (greeted by the given name) and a title the notes use
FAMILY_FIRST = [("Nagy", "Eszter"), ("Zhang", "Wei"), ("Nguyen Thi", "Lan"), ("Park", "Ji-woo"), ("Tan", "Mei Ling")]
TITLES = ["Dr", "Mme", "Herr", "Alhaji", "Sra."]
CITIES = ["Denver", "Chicago", "Austin", "Boston", "Seattle", "Atlanta"]
CHANNELS = ["", "Prefers email.", "Prefers phone calls.", "Prefers text messages."]
# Opt-outs scoped to one channel or topic: the draft goes by another allowed channel.
SCOPED = ["Asked me to stop emailing {o}, prefers phone.", "Unsubscribed from the newsletter.", "Stop texting {o}."]
PURPOSES = [
    "follow up on our last conversation",
    "thanks for the chat",
    "check in about {item}",
    "keep in touch",
    "send {item}",
]
_users = itertools.count()


@st.composite
def clients(draw: st.DrawFn, channels: list[str] = CHANNELS) -> dict[str, Any]:
    """One generated client: the notes a salesperson would type about them."""
    first, last = draw(st.sampled_from(FIRST)), draw(st.sampled_from(LAST))
    form = draw(st.sampled_from(["given_first", "family_first", "titled"]))
    name, who = f"{first} {last}", first
    if form == "family_first":
        family, first = draw(st.sampled_from(FAMILY_FIRST))
        name, who = f"{family} {first}", first
    elif form == "titled":
        who = f"{draw(st.sampled_from(TITLES))} {first} {last}"
    relation, pron = draw(st.sampled_from(RELATIONS))
    obj = {"her": "her", "his": "him"}[pron]
    liked, declined = draw(st.lists(st.sampled_from(COLOURS), min_size=2, max_size=2, unique=True))
    item = draw(st.sampled_from(ITEMS))
    units = draw(st.one_of(st.none(), st.integers(min_value=2, max_value=60)))
    due_in = draw(st.integers(min_value=2, max_value=40))
    bday = (draw(st.sampled_from(MONTHS)), draw(st.integers(min_value=1, max_value=28)))
    city = draw(st.sampled_from(CITIES))
    what = f"{item} for {units} units" if units else item
    due = now_utc() + timedelta(days=due_in)
    family = f"{pron} {relation} {draw(st.sampled_from(KIDS))} turns {draw(st.integers(3, 17))} on {bday[0]} {bday[1]}."
    promise = f"Promised to send {what} by {due.strftime('%B')} {due.day}."
    notes = [
        (60, f"{who} wants the {liked} one, not the {declined}. {draw(st.sampled_from(DISLIKES)).capitalize()}."),
    ]
    if draw(st.booleans()):  # some clients have no recorded interaction: the draft claims none
        notes.insert(0, (90, draw(st.sampled_from(EVENTS)).format(n=first, c=city, b=draw(st.integers(1, 40)))))
    if draw(st.booleans()):  # one call note holding a relative's birthday and the promise, as people type it
        notes.append((5, f"Call with {first}: {family} {promise}"))
    else:
        notes += [(30, family[0].upper() + family[1:]), (5, promise)]
    if draw(st.booleans()):
        notes.append((20, f"{first} lives in {draw(st.sampled_from(CITIES))}."))
    channel = draw(st.sampled_from(channels)).format(o=obj)
    if channel:
        notes.append((3, channel))
    return {"name": name, "notes": notes, "item": item, "channel": channel, "form": form}


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    data: Path = tmp_path_factory.mktemp("prop")
    yield Runtime(Settings(chet_data_dir=data, chet_offline=True, chet_salesperson_name="Sam Carter", _env_file=None))


def _import(runtime: Runtime, client: dict[str, Any]) -> tuple[Any, Any]:
    client["user"] = f"prop-{next(_users)}"
    memory = runtime.memory(client["user"])
    now = now_utc()
    memory.import_notes(
        [
            NoteInput(
                client=client["name"],
                text=text,
                at=now - timedelta(days=days),
                at_raw=(now - timedelta(days=days)).isoformat(),
                note_id=f"p{i}",
                source="import",
            )
            for i, (days, text) in enumerate(client["notes"])
        ]
    )
    return memory, memory.find_client(client["name"])


def _drafts(runtime: Runtime, client: dict[str, Any]) -> Iterator[tuple[str, int, Any]]:
    memory, c = _import(runtime, client)
    for purpose in PURPOSES:
        purpose = purpose.format(item=client["item"])
        for variant in (0, 1):  # the first draft and a Regenerate
            yield purpose, variant, make_draft(runtime, memory, c, purpose, variant=variant)


def _shared_history_claims(runtime: Runtime, client: dict[str, Any], text: str) -> list[str]:
    """What the guard finds of talks or meetings claimed, run as `chet check` runs it: no purpose to lean on."""
    memory = runtime.memory(client["user"])
    ctx = build_context(memory, memory.find_client(client["name"]), "", now_utc()).ctx
    return [f.span for f in check_text(text, ctx).findings if f.verdict == "block" and "shared event" in f.message]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(client=clients())
def test_every_offline_draft_passes_chets_own_guard(runtime: Runtime, client: dict[str, Any]) -> None:
    notes = "\n".join(t for _, t in client["notes"])
    for purpose, variant, d in _drafts(runtime, client):
        assert d.verdict == "pass", (purpose, variant, d.text, d.findings, notes)
        assert "Sam Carter" in d.text
        if client["form"] == "family_first":  # never greeted by the bare family name
            family = client["name"].split()[0]
            assert not re.match(rf"(?:Hi|Hello|Dear|Hey) {family}\b", d.text), d.text
        if client["form"] == "titled" and not d.text.startswith("Call plan"):  # greeted as the notes address them
            assert re.match(r"(?:Hi|Hello|Dear|Hey) \S+ " + re.escape(client["name"].split()[-1]) + ",", d.text), d.text
        assert "haven't forgotten" not in d.text and "the conference" not in d.text
        assert not _shared_history_claims(runtime, client, d.text), (purpose, variant, d.text, notes)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(client=clients(SCOPED))
def test_a_scoped_opt_out_moves_the_draft_to_an_allowed_channel(runtime: Runtime, client: dict[str, Any]) -> None:
    for purpose, _, d in _drafts(runtime, client):
        if "stop emailing" in client["channel"]:
            assert d.text.startswith("Call plan for "), (purpose, d.text)
        if "Stop texting" in client["channel"]:
            assert d.text.startswith(("Hi ", "Hello ", "Dear ")) and "\n\n" in d.text, d.text


@pytest.mark.skipif(
    not hasattr(Memory, "contact_channels"), reason="the guard scopes consent by channel on the day-memory branch"
)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(client=clients(SCOPED))
def test_a_draft_on_an_allowed_channel_passes_the_guard(runtime: Runtime, client: dict[str, Any]) -> None:
    for purpose, variant, d in _drafts(runtime, client):
        assert d.verdict == "pass", (purpose, variant, d.text, d.findings, client["notes"])
