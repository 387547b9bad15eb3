"""Note acknowledgement latency through the real Telegram Application and a fake Bot API server.

    .venv/bin/python -m benchmarks.bench_bot                  # 60 sequential notes, then 20 salespeople x 10,
                                                              # then drafts, then the synchronous-index baseline
    .venv/bin/python -m benchmarks.bench_bot --small          # a quick run
    .venv/bin/python -m benchmarks.bench_bot --no-baseline    # skip the baseline bot

Latency is measured from the moment an update is queued on the fake Bot API server (a salesperson
pressing send) to the moment the fake server receives the bot's "Saved for ..." confirmation:
long polling, download, the conversation (ledger write, offline fact extraction, embedding, Chroma),
and the sendMessage call. Each simulated salesperson sends a note, waits for its confirmation,
then sends the next; in the concurrent phase all of them do so at once. Afterwards every
salesperson's ledger is counted: a note that was confirmed but not stored, or never confirmed,
is lost.

Drafts: after the note phases, salespeople ask for follow-up drafts, alternating the plain-language
form ("draft a follow-up to Maria about the pricing") and the /draft command, closed loop; latency is
from queueing the update to receiving the "Draft for ..." message (its buttons are checked: Approve
unless the truth guard blocked the draft). One salesperson alone first (the first draft, which loads the
token encodings, is reported apart as `first_draft_ms`), then several at once.

Baseline, in the same run: a second bot (fresh data dir, its own fake server) whose conversation has
`background_index = False`, so each note is embedded and written to Chroma before its confirmation is
sent (what a naive bot does); same note phases. Only the benchmark flips that attribute; no bot code
changes. Results go to `benchmarks/results/bot.json`. Offline engine (no LLM), local embeddings.
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
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.chat.conversation import Conversation
from bot.interfaces.telegram_app import WORKERS, build_application
from bot.runtime import Runtime
from memory import embeddings
from tests.fake_bot_api import FakeBotAPI

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
PURPOSES = ["the pricing", "the install date", "the demo", "the budget"]


def note_text(user_index: int, n: int) -> str:
    """A realistic note: a client name, then a fact."""
    client = CLIENTS[(user_index + n) % len(CLIENTS)]
    return f"{client}: {FACTS[(n * 7 + user_index) % len(FACTS)]} (visit {n})"


def draft_request(user_index: int, n: int) -> tuple[str, str]:
    """(request text, client name): the plain-language form and the /draft command in turn, about a
    client this salesperson has a note about (their first note's client)."""
    client = CLIENTS[user_index % len(CLIENTS)]
    first, purpose = client.split()[0], PURPOSES[n % len(PURPOSES)]
    if n % 2:
        return f"/draft {first} {purpose}", client
    return f"draft a follow-up to {first} about {purpose}", client


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


def draft_summary(latencies_s: list[float], seconds: float, blocked: int, missing: int) -> dict[str, Any]:
    """p50/p95/max in milliseconds, drafts per second, and how many came blocked or never came."""
    ms = [x * 1000 for x in latencies_s]
    return {
        "drafts": len(ms),
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p95_ms": round(percentile(ms, 95), 1) if ms else None,
        "max_ms": round(max(ms), 1) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "wall_s": round(seconds, 2),
        "drafts_per_s": round(len(ms) / seconds, 2) if seconds else None,
        "blocked_by_guard": blocked,
        "no_draft_received": missing,
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
            reply = await fake.wait_text(user_id, "Saved for", mark, timeout=timeout)
        except AssertionError:
            lost += 1
            continue
        latencies.append(reply["at"] - queued)
    return latencies, lost


def _buttons(message: dict[str, Any]) -> set[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"] for row in rows for b in row}


async def drafter(
    fake: FakeBotAPI, user_id: int, index: int, count: int, timeout: float, start: int = 0
) -> tuple[list[float], int, int]:
    """Ask for `count` drafts one after another; (latencies, blocked by the guard, never received)."""
    latencies: list[float] = []
    blocked = missing = 0
    for n in range(start, start + count):
        text, client = draft_request(index, n)
        mark = fake.mark()
        fake.push_text(user_id, text)
        queued = time.perf_counter()
        try:
            reply = await fake.wait_text(user_id, f"Draft for {client}", mark, timeout=timeout)
        except AssertionError:
            missing += 1
            continue
        latencies.append(reply["at"] - queued)
        if "Approve" not in _buttons(reply):
            blocked += 1
    return latencies, blocked, missing


@asynccontextmanager
async def running_bot(
    fake: FakeBotAPI, data_dir: Path, ids: list[int], workers: int, sync_index: bool = False
) -> AsyncIterator[Runtime]:
    """The real Application polling `fake`; with sync_index the note is indexed before it is confirmed."""
    runtime = Runtime(fake.settings(data_dir, ids))
    conversation = Conversation(runtime, transcriber=None)
    app = build_application(runtime, conversation, workers=workers)
    if sync_index:
        conversation.background_index = False  # the naive baseline: embed + Chroma write, then confirm
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=10)
    await app.start()
    try:
        yield runtime
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


async def note_phases(
    fake: FakeBotAPI, runtime: Runtime, ids: list[int], sequential: int, per_user: int, timeout: float
) -> dict[str, Any]:
    """Warm-up, one salesperson alone, then all at once; counts what the ledger holds afterwards."""
    warm, _ = await salesperson(fake, ids[0], 0, 2, timeout)  # opens the ledger
    # The notes are embedded in the background (after a short debounce), so their confirmations do not mean
    # the model is loaded: wait until the indexer has loaded it, then until it has let go of the user's lock
    # (a question takes that lock), so the timed phases do not include the model load.
    deadline = time.monotonic() + 120
    while embeddings._LOCAL is None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    mark = fake.mark()
    fake.push_text(ids[0], "What does Maria like?")
    await fake.wait_for(ids[0], lambda m: m["method"] == "sendMessage", mark, timeout=max(timeout, 60.0))
    started = time.perf_counter()
    single, single_lost = await salesperson(fake, ids[0], 0, sequential, timeout)
    single_s = time.perf_counter() - started
    started = time.perf_counter()
    results = await asyncio.gather(*(salesperson(fake, uid, i, per_user, timeout) for i, uid in enumerate(ids)))
    concurrent_s = time.perf_counter() - started
    return {
        "warm": len(warm),
        "single": single,
        "single_s": single_s,
        "single_lost": single_lost,
        "results": results,
        "concurrent_s": concurrent_s,
    }


def note_figures(
    phases: dict[str, Any], stored: dict[int, int], ids: list[int], sequential: int, per_user: int
) -> dict[str, Any]:
    """The note results document part: latencies, throughput, lost notes."""
    expected = {uid: per_user for uid in ids}
    expected[ids[0]] += phases["warm"] + sequential
    results = phases["results"]
    concurrent = [x for lat, _ in results for x in lat]
    unconfirmed = phases["single_lost"] + sum(lost for _, lost in results)
    missing = sum(max(0, expected[uid] - stored[uid]) for uid in ids)
    return {
        "sequential": {"salespeople": 1, **summary(phases["single"], phases["single_s"])},
        "concurrent": {
            "salespeople": len(ids),
            "notes_per_salesperson": per_user,
            **summary(concurrent, phases["concurrent_s"]),
        },
        "lost_notes": missing + unconfirmed,
        "unconfirmed_notes": unconfirmed,
        "missing_from_ledger": missing,
    }


async def draft_phases(
    fake: FakeBotAPI, ids: list[int], sequential: int, drafters: int, per_drafter: int, timeout: float
) -> dict[str, Any]:
    """One cold draft, `sequential` drafts by one salesperson, then `drafters` salespeople at once."""
    cold, cold_blocked, cold_missing = await drafter(fake, ids[0], 0, 1, timeout)
    started = time.perf_counter()
    single, single_blocked, single_missing = await drafter(fake, ids[0], 0, sequential, timeout, start=1)
    single_s = time.perf_counter() - started
    started = time.perf_counter()
    results = await asyncio.gather(
        *(drafter(fake, uid, i, per_drafter, timeout) for i, uid in enumerate(ids[:drafters]))
    )
    concurrent_s = time.perf_counter() - started
    concurrent = [x for lat, _, _ in results for x in lat]
    return {
        "what": "draft latency: draft request queued on the Bot API -> 'Draft for ...' message (with buttons) received",
        "requests": "alternately 'draft a follow-up to Maria about the pricing' and '/draft Maria the pricing'",
        "first_draft_ms": round(cold[0] * 1000, 1) if cold else None,
        "first_draft_blocked": cold_blocked,
        "first_draft_missing": cold_missing,
        "sequential": {"salespeople": 1, **draft_summary(single, single_s, single_blocked, single_missing)},
        "concurrent": {
            "salespeople": min(drafters, len(ids)),
            "drafts_per_salesperson": per_drafter,
            **draft_summary(concurrent, concurrent_s, sum(b for _, b, _ in results), sum(m for _, _, m in results)),
        },
    }


async def run(
    sequential: int,
    users: int,
    per_user: int,
    timeout: float,
    workers: int,
    drafts: tuple[int, int, int] = (10, 5, 4),
    baseline: bool = True,
) -> dict[str, Any]:
    """The note phases and the draft phases against one running bot, then the baseline bot; the results document."""
    load_before = round(os.getloadavg()[0], 2)  # other work on the machine skews the concurrent figures
    ids = [FIRST_ID + i for i in range(users)]
    with FakeBotAPI(max_wait=1.0) as fake:
        async with running_bot(fake, Path(tempfile.mkdtemp(prefix="chet-bench-bot-")), ids, workers) as runtime:
            phases = await note_phases(fake, runtime, ids, sequential, per_user, timeout)
            load_notes = round(os.getloadavg()[0], 2)
            stored = {uid: runtime.memory(str(uid)).ledger.count_notes() for uid in ids}
            drafted = await draft_phases(fake, ids, *drafts, timeout=max(timeout, 30.0))
        load_drafts = round(os.getloadavg()[0], 2)
    notes = note_figures(phases, stored, ids, sequential, per_user)
    doc: dict[str, Any] = {
        "what": "note acknowledgement latency: update queued on the Bot API -> confirmation received",
        "engine": "offline",
        "bot_workers": workers,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_avg_1m_before": load_before,
            "load_avg_1m_after": load_notes,
            "load_avg_1m_after_drafts": load_drafts,
        },
        "load": "closed loop, no think time: each salesperson sends the next note as soon as the last is confirmed",
        **notes,
        "goal": {"p95_ms_below": 1000, "lost_notes": 0},
        "drafts": {**drafted, "goal": {"p95_ms_below": 2000}},
    }
    if baseline:
        with FakeBotAPI(max_wait=1.0) as fake:
            data_dir = Path(tempfile.mkdtemp(prefix="chet-bench-bot-sync-"))
            async with running_bot(fake, data_dir, ids, workers, sync_index=True) as runtime:
                phases = await note_phases(fake, runtime, ids, sequential, per_user, timeout)
                stored = {uid: runtime.memory(str(uid)).ledger.count_notes() for uid in ids}
        doc["baseline_sync_index"] = {
            "what": "the same note phases with the note embedded and written to Chroma before it is confirmed"
            " (Conversation.background_index = False), in a fresh data dir",
            **note_figures(phases, stored, ids, sequential, per_user),
        }
        doc["machine"]["load_avg_1m_after_baseline"] = round(os.getloadavg()[0], 2)
    doc["command"] = "python -m benchmarks.bench_bot" + (" --small" if sequential < 60 else "")
    return doc


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print a summary, write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="20 sequential notes, 20 salespeople x 3; fewer drafts")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--per-user", type=int, default=None)
    parser.add_argument("--drafters", type=int, default=5, help="salespeople asking for drafts at once")
    parser.add_argument("--drafts", type=int, default=None, help="drafts per salesperson in the concurrent phase")
    parser.add_argument("--no-baseline", action="store_true", help="skip the synchronous-index baseline bot")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--workers", type=int, default=WORKERS, help="threads running use cases in the bot")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    sequential = 20 if args.small else 60
    per_user = args.per_user or (3 if args.small else 10)
    drafts = (5 if args.small else 10, args.drafters, args.drafts or (2 if args.small else 4))
    doc = asyncio.run(
        run(
            sequential,
            args.users,
            per_user,
            timeout=10.0,
            workers=args.workers,
            drafts=drafts,
            baseline=not args.no_baseline,
        )
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2) + "\n")
    print(
        f"load average (1 min): {doc['machine']['load_avg_1m_before']} before, {doc['machine']['load_avg_1m_after']} after"
    )
    print(f"\n{'notes':<44} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'/s':>7} {'lost':>5}")
    rows = [("Chet, 1 salesperson", doc, "sequential"), (f"Chet, {args.users} at once", doc, "concurrent")]
    if "baseline_sync_index" in doc:
        b = doc["baseline_sync_index"]
        rows += [("baseline (index before ack), 1 salesperson", b, "sequential")]
        rows += [(f"baseline (index before ack), {args.users} at once", b, "concurrent")]
    for label, part, key in rows:
        r = part[key]
        lost = part["lost_notes"] if key == "concurrent" else ""
        print(
            f"{label:<44} {r['notes']:>4} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8} {r['notes_per_s']:>7} {lost!s:>5}"
        )
    d = doc["drafts"]
    print(
        f"\n{'drafts (goal p95 < 2000 ms)':<44} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'/s':>7} {'blocked':>8}"
    )
    print(f"{'first draft (cold)':<44} {1:>4} {d['first_draft_ms']!s:>8}")
    for label, key in (
        ("Chet, 1 salesperson", "sequential"),
        (f"Chet, {d['concurrent']['salespeople']} at once", "concurrent"),
    ):
        r = d[key]
        print(
            f"{label:<44} {r['drafts']:>4} {r['p50_ms']!s:>8} {r['p95_ms']!s:>8} {r['max_ms']!s:>8}"
            f" {r['drafts_per_s']!s:>7} {r['blocked_by_guard']:>8}"
        )
    missing = d["sequential"]["no_draft_received"] + d["concurrent"]["no_draft_received"] + d["first_draft_missing"]
    print(f"\nlost notes: {doc['lost_notes']}   drafts not received: {missing}   -> {args.out}")
    return 0 if doc["lost_notes"] == 0 and missing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
