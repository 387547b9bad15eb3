"""A change of mind to any value the client earlier declined supersedes the earlier choice; "N now" the amount."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from memory.records import FactKind
from memory.service import Memory
from tests.helpers import note_at

ROOT = Path(__file__).resolve().parents[1]


def _facts(memory: Memory, client: str, current: bool) -> list[tuple[FactKind, str]]:
    c = memory.find_client(client)
    return [(f.kind, f.text) for f in memory.ledger.facts(c.id, current=current)]


def _values(memory: Memory, client: str, kind: FactKind) -> set[str]:
    c = memory.find_client(client)
    return {f.value.casefold() for f in memory.ledger.facts(c.id, current=True) if f.kind is kind}


def test_irrigation_mains_after_all_and_fourteen_now(memory: Memory) -> None:
    note_at(memory, "Sipho Ndlovu", "sipho wants 12 irrigation timers, the solar ones not the mains.")
    note_at(memory, "Sipho Ndlovu", "sipho changed his mind, mains after all, 14 now", days=1)
    now = _facts(memory, "Sipho Ndlovu", current=True)
    assert (FactKind.PREFERENCE, "wants mains, not solar") in now
    assert not any("solar, not mains" in t or t == "does not want mains" for _, t in now)
    assert any("14 irrigation timers" in t for _, t in now) and not any("12" in t for _, t in now)
    was = [t for _, t in _facts(memory, "Sipho Ndlovu", current=False)]
    assert "wants solar, not mains" in was  # the old choice stays in history


def test_flooring_going_with_laminate_instead(memory: Memory) -> None:
    note_at(memory, "Grace Otieno", "Grace wants oak flooring, not laminate.")
    note_at(memory, "Grace Otieno", "Grace called: going with laminate instead, budget is tight.", days=2)
    assert _values(memory, "Grace Otieno", FactKind.PREFERENCE) == {"laminate"}
    assert _values(memory, "Grace Otieno", FactKind.DISLIKE) == set()


def test_catering_switching_to_buffet(memory: Memory) -> None:
    note_at(memory, "Ravi Menon", "Ravi wants plated service, not buffet, for 80 guests.")
    note_at(memory, "Ravi Menon", "Ravi is switching to buffet.", days=1)
    assert _values(memory, "Ravi Menon", FactKind.PREFERENCE) == {"buffet"}
    assert _values(memory, "Ravi Menon", FactKind.DISLIKE) == set()
    assert (FactKind.PREFERENCE, "wants buffet, not plated service") in _facts(memory, "Ravi Menon", current=True)


def test_after_all_naming_nothing_earlier_adds_nothing(memory: Memory) -> None:
    note_at(memory, "Ravi Menon", "Ravi wants plated service, not buffet.")
    note_at(memory, "Ravi Menon", "Weather was nice after all.", days=1)
    assert not any("weather" in t for _, t in _facts(memory, "Ravi Menon", current=True))


def test_cli_ask_answers_the_changed_mind(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def chet(*args: str) -> str:
        cmd = [sys.executable, "-m", "bot.interfaces.cli", "--offline", "--data-dir", str(tmp_path), *args]
        return subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, cwd=ROOT).stdout

    chet(
        "note",
        "sipho",
        "sipho ndlovu from Ndlovu Farms wants 12 irrigation timers, the solar ones not the mains. promised a quote by fri",
    )
    chet("note", "sipho", "sipho changed his mind, mains after all, 14 now")
    answer = chet("ask", "what does sipho want?")
    assert "wants mains" in answer and "wants solar, not mains" not in answer.split("From your notes")[0]


def test_an_option_accepted_after_all_with_a_reason_after_it(memory: Memory) -> None:
    """ "the sedan will do after all since parking is tight": the reason after the acceptance is no part of the
    option; the acceptance supersedes the earlier choice that declined it."""
    cases = [
        ("Ola Berg", "wants the hatchback not the sedan", "the sedan will do after all since parking is tight", "sedan"),
        ("Ruth Amadi", "prefers matte, not gloss", "changed her mind, gloss is fine after all because it cleans easier", "gloss"),
        ("Kofi Mensah", "wants the 3-seater not the corner sofa", "ok the corner sofa will do after all to fit the family", "corner sofa"),
    ]  # fmt: skip
    for client, first, then, value in cases:
        note_at(memory, client, first)
        note_at(memory, client, then, days=1)
        assert value in _values(memory, client, FactKind.PREFERENCE), client
        assert value not in _values(memory, client, FactKind.DISLIKE), client


def _amounts(memory: Memory, client: str) -> dict[str, str]:
    c = memory.find_client(client)
    return {f.key: f.value for f in memory.ledger.facts(c.id, current=True) if f.key.startswith("quantity")}


def test_an_amount_of_one_item_changed_leaves_the_other_items(memory: Memory) -> None:
    """ "12 of the verdejo not 10": the verdejo's count changes, the albariño's stays (cx: a case, in Portuguese)."""
    note_at(memory, "Beto Araujo", "beto araujo quer 10 cx of the verdejo and 3 of the albarino, pays on delivery")
    note_at(memory, "Beto Araujo", "actually 12 of the verdejo not 10", days=1)
    assert _amounts(memory, "Beto Araujo") == {"quantity:case:verdejo": "12", "quantity:case:albarino": "3"}


def test_an_amount_said_to_have_gone_up_or_down_to_a_number(memory: Memory) -> None:
    """ "the group dropped to 27", "quantity up to 650": the amount the word names is changed."""
    note_at(memory, "Lena Moser", "lena moser - group of 30 for the lake tour in may")
    note_at(memory, "Lena Moser", "lena says the group dropped to 27", days=1)
    assert _amounts(memory, "Lena Moser") == {"quantity:headcount": "27"}
    note_at(memory, "Kwabena Osei", "order 500 pcs of m8 bolts, zinc not black")
    note_at(memory, "Kwabena Osei", "kwabena rang, quantity up to 650", days=1)
    assert set(_amounts(memory, "Kwabena Osei").values()) == {"650"}


def test_make_it_n_changes_the_amount_of_the_thing_the_clause_names(memory: Memory) -> None:
    """ "3 of the taxis are sold so make it 9": the taxis' count, not the latest amount (a promise's brochures)."""
    note_at(memory, "Amara Nwosu", "amara nwosu wants fleet cover for 12 taxis")
    note_at(memory, "Amara Nwosu", "promised amara 2 brochures from different insurers by friday", days=1)
    note_at(memory, "Amara Nwosu", "amara said 3 of the taxis are sold so make it 9", days=2)
    amounts = _amounts(memory, "Amara Nwosu")
    assert amounts.get("quantity:taxi") == "9"
    assert amounts.get("quantity:brochure") == "2"


def test_a_number_after_the_names_a_model_and_counts_nothing(memory: Memory) -> None:
    note_at(memory, "Ito Kenji", "ito kenji: 600 pcs of the 3205 double-row bearings for the conveyor")
    assert set(_amounts(memory, "Ito Kenji").values()) == {"600"}
