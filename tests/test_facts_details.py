"""Issue 13, FACTS: nothing a note states about the client is dropped. A fragment no typed rule claims is kept as a
short `detail:` fact; chatter, questions, names alone and the salesperson's own doings are not (our own sentences)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from memory.extract import extract_facts

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _details(text: str) -> list[str]:
    return [f.text for f in extract_facts(text, T0) if f.key.startswith(("detail:", "budget"))]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a trade-in, a lease term, a certificate, an item's age, a language, a place of delivery
        (
            "Rahul Mehta - wants the Creta diesel, part-exchange his old i20, finance over 60 months",
            "part-exchange his old i20",
        ),
        (
            "Agnes Mwangi (Savanna Foods) - 200 crates of mango pulp, halal certificate required, FOB Mombasa",
            "halal certificate required",
        ),
        ("Pete Walsh - boiler is 20 years old, Worcester combi, wants a quote for a new one", "boiler is 20 years old"),
        ("Ines Carvalho, speaks only portuguese, wants the sea-view unit", "speaks only portuguese"),
        ("Kwame Asante - 40 solar lanterns, deliver to the warehouse in Tema", "deliver to the warehouse in Tema"),
        ("Yuki Tanaka wants the 2-seater sofa, velvet finish, lease 24 months", "lease 24 months"),
        ("Ruth Okafor, villa for 8, no direct calls to her mobile", "no direct calls to her mobile"),
        ("Lena Fischer (Fischer Bau GmbH) - 2 cranes, max €1,200 per crane per day", "budget €1,200 per crane per day"),
    ],
)
def test_a_stated_detail_no_rule_types_is_kept(text: str, kept: str) -> None:
    assert kept in _details(text), extract_facts(text, T0)


@pytest.mark.parametrize(
    "text",
    [
        "ugh long day, spoke w/ Oliver Grant again",
        "hablé con Lucía Fernández hoy",
        "is the roof quote still valid for Tom, can you check?",
        "I sent the brochure, I'm exhausted",
        "Fresh Valley Farms",
        "no worries, talk soon",
        "also spoke w/ kofi mensah, builder",
    ],
)
def test_chatter_questions_names_and_our_own_doings_are_no_detail(text: str) -> None:
    assert _details(text) == [], extract_facts(text, T0)


def test_a_detail_line_is_short_for_a_phone() -> None:
    long = (
        "Marta Kowalski - the showroom floor is polished concrete and the lighting is warm white with spot rails "
        "along every wall of the main hall"
    )
    assert all(len(line.split()) <= 10 for line in _details(long)), _details(long)


def test_a_fragment_a_typed_rule_already_says_is_not_repeated() -> None:
    text = "Olga Petrov wants 12 pallets of oat flour, budget €9k"
    assert [d for d in _details(text) if not d.startswith("budget")] == [], extract_facts(text, T0)


def test_a_detail_is_in_the_profile_through_the_cli(tmp_path: Path) -> None:
    def chet(*args: str) -> str:
        cmd = [sys.executable, "-m", "bot.interfaces.cli", "--offline", "--data-dir", str(tmp_path), *args]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, env=_env()).stdout

    chet("note", "Sandeep Rao", "Sandeep Rao - 3 forklifts, trade-in his old Toyota 8FG, ISO 9001 certificate needed")
    facts = [f["text"] for f in json.loads(chet("profile", "Sandeep Rao", "--json"))["facts"]]
    assert any("trade-in his old Toyota 8FG" in t for t in facts), facts
    assert any("ISO 9001 certificate needed" in t for t in facts), facts


def test_a_detail_naming_a_superseded_amount_is_restated(tmp_path: Path) -> None:
    def chet(*args: str) -> str:
        cmd = [sys.executable, "-m", "bot.interfaces.cli", "--offline", "--data-dir", str(tmp_path), *args]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, env=_env()).stdout

    chet(
        "note",
        "Femi Adeyemi",
        "Femi Adeyemi ordered 2,000 paper cups 12oz with lids, printed logo",
        "--at",
        "2026-05-04",
    )
    chet("note", "Femi Adeyemi", "femi: 3,000 cups now", "--at", "2026-05-05")
    facts = [f["text"] for f in json.loads(chet("profile", "Femi Adeyemi", "--json"))["facts"]]
    assert any("3,000" in t for t in facts), facts
    assert not any("2,000" in t for t in facts), facts


def _env() -> dict[str, str]:
    import os

    root = str(Path(__file__).resolve().parents[1])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHET_", "OPENAI_", "TELEGRAM_"))}
    return {**env, "PYTHONPATH": root, "CHET_TZ": "UTC"}


@pytest.mark.parametrize(
    "text",
    [
        "demo call w Pedro Alves, 40 seats, their current CRM renews March 3",
        "call with Hannah Berg, her lease on the unit renews June 1",
        "call w Omar, account paused until Feb 2",
    ],
)
def test_a_renewal_or_a_pause_in_another_fragment_is_no_promise(text: str) -> None:
    promises = [f for f in extract_facts(text, T0) if f.kind.value == "commitment" and f.detail.get("status") == "open"]
    assert promises == [], promises


def test_a_to_do_with_its_own_day_is_still_a_promise() -> None:
    promises = [f.key for f in extract_facts("renewal is in March, send her the new deck by Friday", T0)]
    assert "promise:deck" in promises, promises


@pytest.mark.parametrize(
    "text",
    [
        "Dmitri wants 12 desks. Snowing hard all morning, the demo was rescheduled",
        "Dmitri wants 12 desks. Blizzard outside, site visit rescheduled",
        "Dmitri wants 12 desks. Traffic was dreadful, he was courteous about it",
        "Dmitri wants 12 desks, parking is hopeless near their warehouse",
        "Dmitri wants 12 desks. he was in jovial spirits",
        "Dmitri wants 12 desks. Weather's been grim",
        "Dmitri wants 12 desks, the showroom visit postponed",
    ],
)
def test_the_meetings_day_is_no_detail_of_the_client(text: str) -> None:
    details = [f.text for f in extract_facts(text, T0) if f.key.startswith("detail:")]
    assert details == [], details


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dmitri wants 12 desks. Ines from facilities will sign the order", "Ines"),
        ("Dmitri wants 12 desks, Tomas at legal reviews the lease for the annex", "Tomas"),
    ],
)
def test_a_person_introduced_first_is_never_cut_from_a_detail(text: str, name: str) -> None:
    details = [f.text for f in extract_facts(text, T0) if f.key.startswith("detail:")]
    assert all(d.split()[0] in {name} or not d.startswith(("from", "at")) for d in details), details


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Dmitri wants 12 desks, shipment postponed until the port reopens", "postponed"),
        ("net 45 day terms on every invoice", "45 day"),
    ],
)
def test_a_deal_fact_with_a_meeting_word_is_still_kept(text: str, kept: str) -> None:
    assert any(kept in f.text for f in extract_facts(text, T0)), [f.text for f in extract_facts(text, T0)]
