"""Draft prompt size: tokens handed to the drafting engine for a client with 10 and 10,000 notes,
against the naive approach of putting the whole history in the prompt. Goal: <= 2,000 and flat."""

from __future__ import annotations

import json
import random
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engines.tokens import count_tokens
from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.context_from_memory import build_context
from bot.usecases.drafting import _template_tokens
from memory.service import NoteInput

TOPICS = [
    "talked about the renewal and the team's onboarding timeline",
    "she asked for the security whitepaper and a reference customer",
    "discussed the analytics add-on; budget review next quarter",
    "her daughter Sofia started college; wants the blue model, not the grey",
    "quick call about invoice terms and the pilot's success criteria",
]


def main() -> int:
    """Measure and print the table; write benchmarks/results/prompt.json."""
    rng = random.Random(7)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(chet_data_dir=Path(tmp), chet_offline=True, _env_file=None)
        memory = Runtime(settings).memory("bench")
        start = datetime(2020, 1, 1, tzinfo=UTC)
        done = 0
        for size in (10, 1_000, 10_000):
            batch = [
                NoteInput(
                    client="Dana Whitaker",
                    text=f"Call {i}: {rng.choice(TOPICS)}.",
                    at=start + timedelta(hours=i),
                    at_raw=(start + timedelta(hours=i)).isoformat(),
                    note_id=f"n{i}",
                    source="import",
                )
                for i in range(done, size)
            ]
            memory.import_notes(batch)
            done = size
            client = memory.find_client("Dana")
            built = build_context(memory, client, "follow up on the renewal", datetime.now(UTC))
            ours = built.prompt_tokens + _template_tokens()
            naive = count_tokens("\n".join(n.text for n in memory.ledger.notes(client.id))) + _template_tokens()
            rows.append({"notes": size, "chet_tokens": ours, "whole_history_tokens": naive})
    print(f"{'notes':>7} {'chet':>7} {'whole history':>14}")
    for r in rows:
        print(f"{r['notes']:>7} {r['chet_tokens']:>7} {r['whole_history_tokens']:>14}")
    # A short history fits whole; past the budget the size is flat: compare 1,000 with 10,000 notes.
    flat = rows[-1]["chet_tokens"] / rows[1]["chet_tokens"]
    print(
        f"growth 1,000 -> 10,000 notes: {flat:.2f}x; max {max(r['chet_tokens'] for r in rows)} tokens"
        " (goal: <= 2,000 and flat)"
    )
    out = Path(__file__).parent / "results" / "prompt.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"rows": rows, "growth": flat}, indent=2) + "\n")
    return 0 if rows[-1]["chet_tokens"] <= 2000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
