"""The facts helper's held-out notes (issue 13): facts replayed from notes of other trades than the day scripts.

Each case of `benchmarks/data/own_notes.json` is one client's notes in time order, each a day apart;
the notes' facts are replayed (`memory.projection.replay`) and the current facts plus my open promises
must hold every expected item and none of the forbidden ones. Written before the extractor was changed,
so the 'before' figure is a fair baseline; reruns show what a change did to wording nobody tuned for.

    python -m benchmarks.bench_own_notes
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from memory.extract import extract_facts
from memory.projection import NoteFacts, replay
from memory.records import FactKind

DATA = Path(__file__).parent / "data" / "own_notes.json"
AT = datetime(2026, 12, 7, 10, tzinfo=UTC)


def said(notes: list[str]) -> str:
    """The current facts and open promises of one client's notes, as one lower-case text."""
    replayed = []
    promises = []
    for i, text in enumerate(notes):
        facts = extract_facts(text, AT + timedelta(days=i))
        replayed.append(NoteFacts(f"n{i}", AT + timedelta(days=i), tuple(facts)))
        promises += [f for f in facts if f.kind is FactKind.COMMITMENT and f.detail.get("status") != "done"]
    current = [f for f in replay(replayed) if f.valid_to is None]
    parts = [f"{f.text} {f.value} {f.due or ''}" for f in current]
    parts += [f"promise: {f.text} {f.value} {f.due or ''}" for f in promises]
    return ("| " + " | ".join(parts)).casefold()  # each fact starts with "| ": a forbid may anchor on it


def measure() -> dict[str, Any]:
    """Cases right (every expected item, no forbidden one), with what each case got wrong."""
    cases = json.loads(DATA.read_text(encoding="utf-8"))["cases"]
    right = 0
    wrong: list[str] = []
    for case in cases:
        text = said(case["notes"])
        missing = [item[0] for item in case["expect"] if not any(alt.casefold() in text for alt in item)]
        forbidden = [word for word in case["forbid"] if word.casefold() in text]
        if missing or forbidden:
            wrong.append(f"{case['id']}: missing {missing} forbidden {forbidden} :: {text}")
        else:
            right += 1
    return {"cases": len(cases), "right": right, "wrong": wrong}


def main() -> None:
    """Print the figure and the cases got wrong."""
    result = measure()
    print(f"own notes: {result['right']}/{result['cases']} cases right")
    for line in result["wrong"]:
        print("  " + line)


if __name__ == "__main__":
    main()
