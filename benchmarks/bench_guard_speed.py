"""`chet check` latency with 500 notes for the client: the guard's p50/p95, in-process.

One client gets 500 realistic notes (20-80 words each, `realistic_notes`, spread over two years),
imported through `Memory.import_notes` into a fresh data dir with offline Settings as the CLI builds
them. Then the drafts of a guard set (dev4 by default) are checked one after another with
`bot.usecases.drafting.check_message` — what `chet check` runs after parsing its arguments: the bounded
context from the ledger, then every rule — and each call is timed. The first call (loading the
embedder when a draft claims a shared past, warming caches) is reported apart; p50/p95 are over the
rest. Process start-up (Python and imports) is not included. The checks run as a bot's do: one process,
one client whose notes do not change between checks, so the evidence prepared by the first check
(`bot/guard/evidence.py`) serves the rest; the embedder's first batch of note sentences lands in
`check_ms_max`. The machine's load average is recorded beside the figures (the machine is shared), and
the process's CPU time per check (`cpu_ms_*`), which the other sessions' load does not inflate.

Run: `python -m benchmarks.bench_guard_speed [--notes 500] [--drafts 120]`.
Writes `benchmarks/results/guard_speed.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.guard_sets import DEV_SETS, load_cases
from benchmarks.realistic_notes import realistic
from memory.importer import parse_lines

RESULTS = Path(__file__).parent / "results" / "guard_speed.json"
CLIENT = "Dana Lee"


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank), rounded to 0.01 ms."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))], 2)


def main(argv: list[str] | None = None) -> int:
    """Import the notes, time the checks, write the figures."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--notes", type=int, default=500)
    p.add_argument("--drafts", type=int, default=120)
    p.add_argument("--set", default="dev4", choices=sorted(DEV_SETS))
    args = p.parse_args(argv)

    from bot.runtime import Runtime
    from bot.settings import Settings
    from bot.usecases.drafting import check_message

    notes, _ = realistic(args.notes)
    start = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    step = timedelta(days=730) / max(1, args.notes)
    lines = [
        json.dumps({"id": f"s{i}", "client": CLIENT, "text": n.text, "at": (start + step * i).isoformat()})
        for i, n in enumerate(notes[: args.notes])
    ]
    drafts = [c["text"] for c in load_cases(DEV_SETS[args.set])][: args.drafts]
    at = start + timedelta(days=731)
    with tempfile.TemporaryDirectory(prefix="chet-guard-speed-") as tmp:
        runtime = Runtime(Settings(chet_data_dir=Path(tmp), chet_offline=True, _env_file=None))
        memory = runtime.memory("bench")
        t0 = time.perf_counter()
        memory.import_notes(parse_lines("\n".join(lines).encode(), ZoneInfo("UTC")))
        import_s = time.perf_counter() - t0
        client = memory.find_client(CLIENT)
        times, cpu = [], []
        for text in drafts:
            t, c = time.perf_counter(), time.process_time()
            check_message(runtime, memory, client, text, at)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    first, rest = times[0], times[1:]
    load = os.getloadavg()
    doc = {
        "notes": args.notes,
        "drafts": len(drafts),
        "set": args.set,
        "import_s": round(import_s, 1),
        "first_check_ms": round(first, 1),
        "check_ms_p50": pct(rest, 0.5),
        "check_ms_p95": pct(rest, 0.95),
        "check_ms_max": round(max(rest), 1),
        # CPU time of this process per check: what the check costs whatever else the machine runs
        "cpu_ms_p50": pct(cpu[1:], 0.5),
        "cpu_ms_p95": pct(cpu[1:], 0.95),
        "goal_p95_ms": 50,
        "load_avg_1m_5m": [round(load[0], 1), round(load[1], 1)],
        "command": "python -m benchmarks.bench_guard_speed",
    }
    RESULTS.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(doc, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
