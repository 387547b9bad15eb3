"""A draft greets the client the way the notes address them: a title + family name when the notes use one, the
given name of a family-name-first name, never a bare family name or a relative's name.

New clients of several trades and cultures, typed the way salespeople type them, through the real
`chet note` / `chet draft --json` path (offline engine, real SQLite and Chroma, real guard).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bot.interfaces.cli import main
from bot.usecases.client_name import greeting


def _draft(data_dir: Path, capsys: pytest.CaptureFixture[str], client: str, notes: list[str], purpose: str) -> Any:
    base = ["--offline", "--data-dir", str(data_dir)]
    for text in notes:
        assert main([*base, "note", "--json", client, text]) == 0
    capsys.readouterr()
    assert main([*base, "draft", client, purpose, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _greeted(text: str) -> str:
    first = text.strip().splitlines()[0]
    m = re.match(r"(?:Hi|Hello|Dear|Hey|Good morning|Morning)\s+(.+?),?$", first)
    assert m, first
    return m.group(1).rstrip(",")


@pytest.mark.parametrize(
    ("client", "notes", "purpose", "name"),
    [
        # a surname-first name greeted by its given name (Hungarian, Chinese, Vietnamese orders)
        ("Nagy Eszter", ["Nagy Eszter from the bakery on Király utca, ordering 2 deck ovens"], "follow up", "Eszter"),
        ("Zhang Wei", ["Zhang Wei (Lotus Tea House) wants 40 boxes of jasmine pearl"], "check in", "Wei"),
        ("Nguyen Thi Hoa", ["Nguyen Thi Hoa runs the nail salon, wants 6 pedicure chairs"], "follow up", "Hoa"),
        # a title the notes use before the family name, in several languages
        (
            "Chinedu Okafor",
            ["Dr Chinedu Okafor, dental clinic in Enugu, wants 3 chairs in teal"],
            "follow up",
            "Dr Okafor",
        ),
        (
            "Musa Bello",
            ["met alhaji musa bello at the agric fair, 2 grain dryers for his mill"],
            "follow up",
            "Alhaji Bello",
        ),
        ("Hélène Dubois", ["Mme Dubois ordered 12 linen sets for the guesthouse"], "check in", "Mme Dubois"),
        # a relative's title is not the client's, and a Western name keeps its first word
        ("Anna Berg", ["Anna Berg wants the oak floor. her husband mr berg handles payment"], "follow up", "Anna"),
        ("Kim Thompson", ["Kim Thompson, gym owner, wants 4 rowers"], "follow up", "Kim"),
    ],
)
def test_the_greeting_uses_the_name_form_of_the_notes(
    data_dir: Path, capsys: pytest.CaptureFixture[str], client: str, notes: list[str], purpose: str, name: str
) -> None:
    doc = _draft(data_dir, capsys, client, notes, purpose)
    assert doc["verdict"] != "block", doc
    assert _greeted(doc["text"]) == name, doc["text"]


@pytest.mark.parametrize(
    ("display", "notes", "never"),
    [
        ("Park Ji-woo", [], "Park"),
        ("Tan Wei Ming", [], "Tan"),
        ("Sato Kenji", ["sato-san wants the red kettle"], "Sato"),
        ("Lena Ortiz", ["lena's husband dr carlos ortiz called"], "Dr Ortiz"),
    ],
)
def test_never_a_bare_family_name_or_a_relatives_title(display: str, notes: list[str], never: str) -> None:
    assert greeting(display, None, notes) != never


@pytest.mark.parametrize(
    ("client", "notes", "purpose", "must"),
    [
        # counted items written without a verb are the order itself
        (
            "Rhea Okonjo",
            ["rhea okonjo (pilates barn) - 14 reformer springs and 6 foot straps, before her retreat"],
            "follow up on the springs",
            ["14 reformer springs and 6 foot straps"],
        ),
        # a changed attribute is said with its item from the same note
        (
            "Tomas Lindqvist",
            ["Tomas Lindqvist wants the 4 oak desks, finish changed to smoked"],
            "confirm the new finish",
            ["4 oak desks", "finish is now smoked"],
        ),
        # a detail the purpose names brings the note's request with it
        (
            "Farah Haddad",
            ["Farah Haddad at the clinic, ordering 3 autoclaves, install on 19 March"],
            "confirm the install",
            ["3 autoclaves"],
        ),
        # a correction changes the count of the thing it names, not the other item's
        (
            "Joaquin Pena",
            [
                "Joaquin Pena, sommelier at Casa Azul, wants 6 cases of the cabernet franc and 2 of the rosado",
                "joaquin again: 9 of the cabernet franc not 6, rosado stays 2",
            ],
            "confirm the order",
            ["9 cases of the cabernet franc and 2 of the rosado"],
        ),
    ],
)
def test_the_draft_states_the_concrete_details_of_the_request(
    data_dir: Path, capsys: pytest.CaptureFixture[str], client: str, notes: list[str], purpose: str, must: list[str]
) -> None:
    doc = _draft(data_dir, capsys, client, notes, purpose)
    assert doc["verdict"] != "block", doc
    for detail in must:
        assert detail in doc["text"], doc["text"]
    assert "9 of the rosado" not in doc["text"] and "6 cases" not in doc["text"], doc["text"]


@pytest.mark.parametrize(
    ("old", "new", "now"),
    [
        (
            "wants 5 crates of the lager and 3 of the stout",
            "7 of the lager not 5",
            "wants 7 crates of the lager and 3 of the stout",
        ),
        ("12 bags of the 25kg feed", "make it 15 bags", "15 bags of the 25kg feed"),
        (
            "needs 8 bunk beds and 2 of the cots",
            "10 of the bunk beds, cots stay 2",
            "needs 10 bunk beds and 2 of the cots",
        ),
    ],
)
def test_a_correction_changes_the_count_of_the_thing_it_names(old: str, new: str, now: str) -> None:
    from bot.usecases.draft_details import _apply_change

    assert _apply_change(old, new) == now


@pytest.mark.parametrize(("key", "text"), [("date:before", "before 7 Feb"), ("date:until", "until 9 March")])
def test_a_link_word_is_never_said_as_an_event(key: str, text: str) -> None:
    """A date fact keyed by a link word ("install before 7 feb" -> date:before) gives no "the before on ..."."""
    from datetime import timedelta

    from bot.usecases.draft_context import DraftContext
    from bot.usecases.draft_offline import compose_offline
    from memory.records import Client, Fact, FactKind, Note
    from memory.timeutil import now_utc

    now = now_utc()
    note = Note(
        "n1", 1, "Omar Saleh", f"Omar Saleh - {text}", "import", now - timedelta(days=2), now - timedelta(days=2)
    )
    due = (now + timedelta(days=60)).date().isoformat()
    fact = Fact(1, 1, FactKind.OTHER, key, due, text, ("n1",), now - timedelta(days=2))
    ctx = DraftContext(Client(1, "Omar Saleh"), "follow up", now, facts=[fact], notes=[note], salesperson="Sam")
    word = key.partition(":")[2]
    assert f"the {word} on" not in compose_offline(ctx, 0).text


@pytest.mark.parametrize(
    ("clause", "said"),
    [
        ("wants 8 rowing machines now", "you'd like 8 rowing machines"),
        ("needs sign-off from the board so please send the", ""),
        ("wants the blinds + ", ""),
        ("wants the contract reviewed by", ""),
        ("wants to drop in", "you'd like to drop in"),
    ],
)
def test_a_clause_is_whole_or_left_out(clause: str, said: str) -> None:
    from bot.usecases.draft_context import DraftContext
    from bot.usecases.draft_offline import said_to_client
    from memory.records import Client
    from memory.timeutil import now_utc

    ctx = DraftContext(Client(1, "Ade Bello"), "follow up", now_utc())
    assert said_to_client(clause, ctx) == said
