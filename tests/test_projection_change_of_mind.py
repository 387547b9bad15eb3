"""A change of mind to any value the client earlier declined supersedes the earlier choice; "N now" the amount."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from memory.records import FactKind
from memory.service import Memory, NoteInput

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[1]


def _note(memory: Memory, client: str, text: str, days: float = 0) -> None:
    at = T0 + timedelta(days=days)
    memory.add_note(NoteInput(client=client, text=text, at=at, at_raw=at.isoformat()), index=False)


def _facts(memory: Memory, client: str, current: bool) -> list[tuple[FactKind, str]]:
    c = memory.find_client(client)
    return [(f.kind, f.text) for f in memory.ledger.facts(c.id, current=current)]


def _values(memory: Memory, client: str, kind: FactKind) -> set[str]:
    c = memory.find_client(client)
    return {f.value.casefold() for f in memory.ledger.facts(c.id, current=True) if f.kind is kind}


def test_irrigation_mains_after_all_and_fourteen_now(memory: Memory) -> None:
    _note(memory, "Sipho Ndlovu", "sipho wants 12 irrigation timers, the solar ones not the mains.")
    _note(memory, "Sipho Ndlovu", "sipho changed his mind, mains after all, 14 now", days=1)
    now = _facts(memory, "Sipho Ndlovu", current=True)
    assert (FactKind.PREFERENCE, "wants mains, not solar") in now
    assert not any("solar, not mains" in t or t == "does not want mains" for _, t in now)
    assert any("14 irrigation timers" in t for _, t in now) and not any("12" in t for _, t in now)
    was = [t for _, t in _facts(memory, "Sipho Ndlovu", current=False)]
    assert "wants solar, not mains" in was  # the old choice stays in history


def test_flooring_going_with_laminate_instead(memory: Memory) -> None:
    _note(memory, "Grace Otieno", "Grace wants oak flooring, not laminate.")
    _note(memory, "Grace Otieno", "Grace called: going with laminate instead, budget is tight.", days=2)
    assert _values(memory, "Grace Otieno", FactKind.PREFERENCE) == {"laminate"}
    assert _values(memory, "Grace Otieno", FactKind.DISLIKE) == set()


def test_catering_switching_to_buffet(memory: Memory) -> None:
    _note(memory, "Ravi Menon", "Ravi wants plated service, not buffet, for 80 guests.")
    _note(memory, "Ravi Menon", "Ravi is switching to buffet.", days=1)
    assert _values(memory, "Ravi Menon", FactKind.PREFERENCE) == {"buffet"}
    assert _values(memory, "Ravi Menon", FactKind.DISLIKE) == set()
    assert (FactKind.PREFERENCE, "wants buffet, not plated service") in _facts(memory, "Ravi Menon", current=True)


def test_after_all_naming_nothing_earlier_adds_nothing(memory: Memory) -> None:
    _note(memory, "Ravi Menon", "Ravi wants plated service, not buffet.")
    _note(memory, "Ravi Menon", "Weather was nice after all.", days=1)
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
        _note(memory, client, first)
        _note(memory, client, then, days=1)
        assert value in _values(memory, client, FactKind.PREFERENCE), client
        assert value not in _values(memory, client, FactKind.DISLIKE), client
