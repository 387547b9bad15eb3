"""Note acknowledgement latency through the real Telegram Application and a fake Bot API server.

    .venv/bin/python -m benchmarks.bench_bot                  # 60 sequential notes, then 20 salespeople x 10
    .venv/bin/python -m benchmarks.bench_bot --small          # a quick run

Latency is measured from the moment an update is queued on the fake Bot API server (a salesperson
pressing send) to the moment the fake server receives the bot's "Saved as a note" confirmation:
long polling, download, the conversation (ledger write, offline fact extraction, embedding, Chroma),
and the sendMessage call. Each simulated salesperson sends a note, waits for its confirmation,
then sends the next; in the concurrent phase all of them do so at once. Afterwards every
salesperson's ledger is counted: a note that was confirmed but not stored, or never confirmed,
is lost. Results go to `benchmarks/results/bot.json`. Offline engine (no LLM), local embeddings.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fake_bot_api import FakeBotAPI

from bot.conversation import Conversation
from bot.runtime import Runtime
from bot.telegram_app import WORKERS, build_application

RESULTS = Path(__file__).parent / "results" / "bot.json"
FIRST_ID = 500_001
CLIENTS = ["Maria Lopez", "Dana Lee", "Jon Park", "Priya Shah", "Tom Berg"]
FACTS = [
    "wants blue, not grey",
    "promised pricing by Friday",
    "her birthday is March 14",
    "has two kids, Sofia and Leo",
    "prefers email over phone calls",
    "moving the office to Lyon next month",
    "check in monthly",
    "loved the demo, worried about the install date",
    "budget approved for Q3",
    "allergic to nuts, skip the chocolates",
]


def note_text(user_index: int, n: int) -> str:
    """A realistic note: a client name, then a fact."""
    client = CLIENTS[(user_index + n) % len(CLIENTS)]
    return f"{client}: {FACTS[(n * 7 + user_index) % len(FACTS)]} (visit {n})"


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of values."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summary(latencies_s: list[float], seconds: float) -> dict[str, Any]:
    """p50/p95/max in milliseconds and throughput."""
    ms = [x * 1000 for x in latencies_s]
    return {
        "notes": len(ms),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "max_ms": round(max(ms), 1),
        "mean_ms": round(statistics.fmean(ms), 1),
        "wall_s": round(seconds, 2),
        "notes_per_s": round(len(ms) / seconds, 1),
    }


async def salesperson(
    fake: FakeBotAPI, user_id: int, index: int, count: int, timeout: float
) -> tuple[list[float], int]:
    """Send `count` notes one after another, each after the previous confirmation; (latencies, unconfirmed)."""
    latencies: list[float] = []
    lost = 0
    for n in range(count):
        mark = fake.mark()
        fake.push_text(user_id, note_text(index, n))
        queued = time.perf_counter()
        try:
            reply = await fake.wait_text(user_id, "Saved as a note", mark, timeout=timeout)
        except AssertionError:
            lost += 1
            continue
        latencies.append(reply["at"] - queued)
    return latencies, lost


async def run(sequential: int, users: int, per_user: int, timeout: float, workers: int) -> dict[str, Any]:
    """Both phases against one running bot; returns the results document."""
    load_before = round(os.getloadavg()[0], 2)  # other work on the machine skews the concurrent figures
    data_dir = Path(tempfile.mkdtemp(prefix="chet-bench-bot-"))
    ids = [FIRST_ID + i for i in range(users)]
    with FakeBotAPI(max_wait=1.0) as fake:
        settings = fake.settings(data_dir, ids)
        runtime = Runtime(settings)
        app = build_application(runtime, Conversation(runtime, transcriber=None), workers=workers)
        await app.initialize()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=10)
        await app.start()
        try:
            warm, _ = await salesperson(fake, ids[0], 0, 2, timeout)  # loads the embedder, opens the index
            started = time.perf_counter()
            single, single_lost = await salesperson(fake, ids[0], 0, sequential, timeout)
            single_s = time.perf_counter() - started
            started = time.perf_counter()
            results = await asyncio.gather(*(salesperson(fake, uid, i, per_user, timeout) for i, uid in enumerate(ids)))
            concurrent_s = time.perf_counter() - started
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
        stored = {uid: runtime.memory(str(uid)).ledger.count_notes() for uid in ids}
    expected = {uid: per_user for uid in ids}
    expected[ids[0]] += len(warm) + sequential
    concurrent = [x for lat, _ in results for x in lat]
    unconfirmed = single_lost + sum(lost for _, lost in results)
    missing = sum(max(0, expected[uid] - stored[uid]) for uid in ids)
    return {
        "what": "note acknowledgement latency: update queued on the Bot API -> confirmation received",
        "engine": "offline",
        "bot_workers": workers,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_avg_1m_before": load_before,
            "load_avg_1m_after": round(os.getloadavg()[0], 2),
        },
        "load": "closed loop, no think time: each salesperson sends the next note as soon as the last is confirmed",
        "sequential": {"salespeople": 1, **summary(single, single_s)},
        "concurrent": {"salespeople": users, "notes_per_salesperson": per_user, **summary(concurrent, concurrent_s)},
        "lost_notes": missing + unconfirmed,
        "unconfirmed_notes": unconfirmed,
        "missing_from_ledger": missing,
        "goal": {"p95_ms_below": 1000, "lost_notes": 0},
        "command": "python -m benchmarks.bench_bot" + (" --small" if sequential < 60 else ""),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print a summary, write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="20 sequential notes, 20 salespeople x 3")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--per-user", type=int, default=None)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--workers", type=int, default=WORKERS, help="threads running use cases in the bot")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    sequential = 20 if args.small else 60
    per_user = args.per_user or (3 if args.small else 10)
    doc = asyncio.run(run(sequential, args.users, per_user, timeout=10.0, workers=args.workers))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2) + "\n")
    s, c = doc["sequential"], doc["concurrent"]
    print(f"sequential: {s['notes']} notes  p50 {s['p50_ms']} ms  p95 {s['p95_ms']} ms  max {s['max_ms']} ms")
    print(
        f"concurrent: {c['salespeople']} salespeople x {c['notes_per_salesperson']}  p50 {c['p50_ms']} ms"
        f"  p95 {c['p95_ms']} ms  max {c['max_ms']} ms  ({c['notes_per_s']} notes/s)"
    )
    print(f"lost notes: {doc['lost_notes']}   -> {args.out}")
    return 0 if doc["lost_notes"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
