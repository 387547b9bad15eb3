"""Footprint: the bot's memory, the data dir's size per 1k notes and `chet --help` start-up, each beside a baseline.

    .venv/bin/python -m benchmarks.bench_footprint          # bot RSS, data size at 1k notes, --help start-up
    .venv/bin/python -m benchmarks.bench_footprint --big    # data size at 10k notes too

* **RSS of the idle bot.** The real `chet run` (a subprocess, offline, the default transcriber) long-polls a
  fake Bot API server on 127.0.0.1 (tests/fake_bot_api.py). VmRSS (and the peak, VmHWM) is read from
  /proc/PID/status once the process is idle (no CPU time used for 2 s): after start-up, before any model
  is loaded (the baseline: the same process without the model); after a note and a question (the note is
  embedded by the bot's background indexer a moment after its confirmation: the idle wait covers it, and
  onnxruntime being mapped into the process is checked); after a draft (token encodings loaded too);
  after 32 long notes sent at once (one full embedding batch of 256 word pieces
  each in the background indexer). Goal: <= 400 MB. No float32 embedding model is available offline to
  compare with, so the second baseline is a bare interpreter with chromadb, telegram.ext and onnxruntime
  imported and no model loaded; components (the int8 MiniLM alone, the o200k token encoding alone) are
  measured in fresh interpreters to explain the bot's figures.
* **Data size per 1k notes.** Generated sales notes (benchmarks.bench_speed.corpus) are written as JSON Lines
  and imported with `chet import` (Memory.import_notes, as bench_speed uses it, behind the CLI) into a
  fresh data dir; after the process exits, the bytes of ledger.sqlite3 (+ -wal, -shm) and of chroma/ are
  reported per 1k notes, against the JSON Lines file of the same notes (the baseline: the raw notes).
* **`chet --help` start-up.** Median wall time of `.venv/bin/chet --help` over --runs runs, against
  `python -c "import chromadb, telegram.ext, onnxruntime, openai"` (an eager CLI) timed the same way,
  runs interleaved so machine load hits both alike. Goal: <= 0.3 s.

The machine's 1-minute load average is recorded around each part. Writes benchmarks/results/footprint.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_speed import corpus
from tests.fake_bot_api import FakeBotAPI

RESULTS = Path(__file__).parent / "results" / "footprint.json"
BIN = Path(sys.executable).parent
CHET = BIN / "chet"
PYTHON = BIN / "python"
USER = 500_001
NOTE = "Maria Lopez from Brightline: wants blue, not grey; promised pricing by Thursday"
BURST = 32  # the embedder's batch size: one full batch of long notes
FACT_LINES = [
    "she wants the blue model, not the grey one, and asked twice about the install date",
    "the budget for the third quarter is approved but procurement wants three quotes",
    "her daughter Sofia starts college in the fall and she will be away the last week of August",
    "I promised revised pricing with the volume discount by Friday",
    "their office moves to Lyon next month, so deliveries go to the new address after the 15th",
    "she prefers email to phone calls and reads messages in the morning",
]
RSS_GOAL_MB = 400
HELP_GOAL_S = 0.3
BASELINE_IMPORTS = "import chromadb, telegram.ext, onnxruntime"
EAGER_IMPORTS = "import chromadb, telegram.ext, onnxruntime, openai"
LEDGER_FILES = ("ledger.sqlite3", "ledger.sqlite3-wal", "ledger.sqlite3-shm")
LOAD_EMBEDDER = "from memory.embeddings import local_embedder; local_embedder().embed(['warm up'])"
STATUS_KEYS = ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem", "Threads")


def load_avg() -> float:
    """The 1-minute load average (other jobs on the machine distort every figure here)."""
    return round(os.getloadavg()[0], 2)


def clean_env(**extra: str) -> dict[str, str]:
    """A minimal environment (no .env, no stray CHET_* or OPENAI_* settings) plus `extra`."""
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}
    env.setdefault("HOME", tempfile.gettempdir())
    return {**env, **extra}


# -- /proc ---------------------------------------------------------------------------------


def proc_status(pid: int | str) -> dict[str, int]:
    """VmRSS, VmHWM, RssAnon, RssFile, RssShmem in kB and Threads, from /proc/PID/status."""
    out: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in STATUS_KEYS:
            out[key] = int(value.split()[0])
    return out


def cpu_ticks(pid: int) -> int:
    """User + system CPU time of the process so far, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


async def wait_idle(pid: int, quiet_s: float = 2.0, timeout: float = 60.0) -> float:
    """Wait until the process has used no CPU for `quiet_s` (long polling is nearly free); seconds waited."""
    started = last_change = time.monotonic()
    ticks = cpu_ticks(pid)
    while time.monotonic() - last_change < quiet_s and time.monotonic() - started < timeout:
        await asyncio.sleep(0.25)
        now = cpu_ticks(pid)
        if now > ticks + 1:  # a tick or so is the poll loop itself
            ticks, last_change = now, time.monotonic()
    return round(time.monotonic() - started, 1)


def child_pids(pid: int) -> list[str]:
    """The process's children (chet run should have none), or [] when the kernel does not say."""
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def mb(kb: int) -> float:
    return round(kb / 1024, 1)


def snapshot(pid: int, waited: float) -> dict[str, Any]:
    """The memory figures of one moment, in MB, and whether onnxruntime is mapped in the process."""
    status = proc_status(pid)
    maps = Path(f"/proc/{pid}/maps").read_text()
    return {
        "rss_mb": mb(status["VmRSS"]),
        "peak_rss_mb": mb(status["VmHWM"]),
        "anon_mb": mb(status.get("RssAnon", 0)),
        "file_mb": mb(status.get("RssFile", 0)),
        "threads": status.get("Threads"),
        "onnxruntime_mapped": "onnxruntime" in maps,
        "idle_after_s": waited,
        "load_avg_1m": load_avg(),
    }


# -- the bot -------------------------------------------------------------------------------


async def bot_rss(timeout: float) -> dict[str, Any]:
    """`chet run` against the fake Bot API: RSS after start-up, after a note + question, after a draft."""
    with FakeBotAPI(max_wait=1.0) as fake, tempfile.TemporaryDirectory(prefix="chet-footprint-bot-") as tmp:
        env = clean_env(
            TELEGRAM_BOT_TOKEN=fake.token,
            TELEGRAM_BASE_URL=fake.base_url,
            TELEGRAM_BASE_FILE_URL=fake.base_file_url,
            TELEGRAM_ALLOWED_USERS=str(USER),
            CHET_DATA_DIR=str(Path(tmp) / "data"),
            CHET_OFFLINE="1",
            CHET_DIGEST_TIME="23:59",
        )
        log = (Path(tmp) / "bot.log").open("wb")
        started = time.perf_counter()
        proc = subprocess.Popen([str(CHET), "run"], env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT)
        try:
            fake.push_text(USER, "/start")
            await fake.wait_text(USER, "Chet", timeout=timeout)
            first_reply_s = round(time.perf_counter() - started, 2)
            before = snapshot(proc.pid, await wait_idle(proc.pid))

            mark = fake.mark()
            fake.push_text(USER, NOTE)
            await fake.wait_text(USER, "Maria Lopez (Brightline)", mark, timeout=timeout)
            mark = fake.mark()
            fake.push_text(USER, "What does Maria like?")
            answer = await fake.wait_text(USER, "blue", mark, timeout=timeout)  # the answer cites the note
            loaded = snapshot(proc.pid, await wait_idle(proc.pid))
            if not loaded["onnxruntime_mapped"]:
                raise AssertionError("the embedder is not loaded after a note, a question and an idle wait")

            mark = fake.mark()
            fake.push_text(USER, "draft a follow-up to Maria about the pricing")
            draft = await fake.wait_text(USER, "Draft for Maria Lopez", mark, timeout=timeout)
            drafted = snapshot(proc.pid, await wait_idle(proc.pid))
            burst = await long_note_burst(fake, timeout)
            after_burst = snapshot(proc.pid, await wait_idle(proc.pid))
            children = child_pids(proc.pid)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
        if proc.returncode != 0:
            tail = (Path(tmp) / "bot.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"chet run exited with {proc.returncode}:\n{tail}")
    rows = [r.get("text") or "" for r in (answer, draft)]
    return {
        "command": "chet run (offline, default transcriber, long polling a fake Bot API on 127.0.0.1)",
        "first_reply_after_start_s": first_reply_s,
        "started_no_model": before,
        "embedder_loaded": loaded,
        "after_a_draft": drafted,
        "after_a_burst_of_long_notes": {**after_burst, **burst},
        "embedder_cost_mb": round(loaded["rss_mb"] - before["rss_mb"], 1),
        "child_processes": len(children),
        "answer_cites_the_note": "blue" in rows[0],
        "draft_has_approve_button": "Approve" in json.dumps(draft.get("reply_markup") or {}),
    }


def long_note(i: int) -> str:
    """A pasted call summary of about 1,200 characters (MiniLM reads the first 256 word pieces)."""
    body = " ".join(f"Point {k}: {FACT_LINES[(i + k) % len(FACT_LINES)]}." for k in range(24))
    return f"Maria Lopez: call summary {i}. {body}"[:1200]


async def long_note_burst(fake: FakeBotAPI, timeout: float) -> dict[str, Any]:
    """BURST long notes sent at once (one embedding batch in the background indexer); waits for every confirmation."""
    mark = fake.mark()
    for i in range(BURST):
        fake.push_text(USER, long_note(i))
    deadline = time.monotonic() + timeout
    while len([m for m in fake.to(USER, mark) if "Maria Lopez" in (m.get("text") or "")]) < BURST:
        if time.monotonic() > deadline:
            raise AssertionError(f"not every one of {BURST} long notes was confirmed in {timeout} s")
        await asyncio.sleep(0.05)
    return {"burst_notes": BURST, "burst_note_chars": len(long_note(0))}


def python_rss(code: str) -> dict[str, Any]:
    """RSS of a fresh interpreter after running `code` (measured by itself at the end)."""
    probe = (
        f"{code}\nimport gc; gc.collect()\n"
        "s = {l.split(':')[0]: int(l.split()[1]) for l in open('/proc/self/status') if l.startswith(('VmRSS', 'VmHWM'))}\n"
        "print(s['VmRSS'], s['VmHWM'])"
    )
    with tempfile.TemporaryDirectory(prefix="chet-footprint-py-") as tmp:
        out = subprocess.run([str(PYTHON), "-c", probe], env=clean_env(), cwd=tmp, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    rss, hwm = (int(x) for x in out.stdout.split()[-2:])
    return {"code": code or "(nothing)", "rss_mb": mb(rss), "peak_rss_mb": mb(hwm)}


# -- data size -----------------------------------------------------------------------------


def tree_bytes(path: Path) -> tuple[int, int]:
    """(apparent bytes, bytes allocated on disk) of every file under path."""
    size = disk = 0
    for p in path.rglob("*"):
        if p.is_file():
            st = p.stat()
            size += st.st_size
            disk += st.st_blocks * 512
    return size, disk


def data_size(root: Path, n: int) -> dict[str, Any]:
    """Import n generated notes with `chet import` into a fresh data dir; bytes per 1k notes."""
    notes, _ = corpus(n)
    jsonl = root / f"notes-{n}.jsonl"
    jsonl.write_text("".join(json.dumps(x.as_import()) + "\n" for x in notes))
    data = root / f"data-{n}"
    cmd = [str(CHET), "--offline", "--data-dir", str(data), "--user", "bench", "import", str(jsonl)]
    started = time.perf_counter()
    out = subprocess.run(cmd, env=clean_env(), cwd=root, capture_output=True, text=True)
    import_s = time.perf_counter() - started
    if out.returncode:
        raise RuntimeError(f"chet import failed ({out.returncode}): {out.stderr[-2000:]}")
    files = {name: (data / name).stat().st_size if (data / name).exists() else 0 for name in LEDGER_FILES}
    chroma, chroma_disk = tree_bytes(data / "chroma")
    total, total_disk = tree_bytes(data)
    raw = jsonl.stat().st_size
    ledger = files["ledger.sqlite3"] + files["ledger.sqlite3-wal"]
    per_k = 1000 / n
    return {
        "notes": n,
        "import_s_with_cli_start": round(import_s, 1),
        "raw_jsonl_bytes": raw,
        "ledger_bytes": files,
        "chroma_bytes": chroma,
        "chroma_files": {
            str(p.relative_to(data / "chroma")): p.stat().st_size
            for p in sorted((data / "chroma").rglob("*"))
            if p.is_file()
        },
        "chroma_bytes_on_disk": chroma_disk,
        "data_dir_bytes": total,
        "data_dir_bytes_on_disk": total_disk,
        "per_1k_notes": {
            "raw_jsonl_mb": round(raw * per_k / 2**20, 2),
            "ledger_mb": round(ledger * per_k / 2**20, 2),
            "chroma_mb": round(chroma * per_k / 2**20, 2),
            "chroma_on_disk_mb": round(chroma_disk * per_k / 2**20, 2),
            "data_dir_mb": round(total * per_k / 2**20, 2),
            "data_dir_on_disk_mb": round(total_disk * per_k / 2**20, 2),
        },
        "times_raw": {
            "ledger": round(ledger / raw, 1),
            "chroma": round(chroma / raw, 1),
            "data_dir": round(total / raw, 1),
        },
        "load_avg_1m": load_avg(),
    }


# -- start-up ------------------------------------------------------------------------------


def startup(runs: int) -> dict[str, Any]:
    """Median wall time of `chet --help`, of an eager import of the heavy libraries, and of a bare interpreter."""
    commands = {
        "chet_help": [str(CHET), "--help"],
        "eager_imports_baseline": [str(PYTHON), "-c", EAGER_IMPORTS],
        "bare_python": [str(PYTHON), "-c", "pass"],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    with tempfile.TemporaryDirectory(prefix="chet-footprint-help-") as tmp:
        env = clean_env()
        for i in range(runs + 1):  # the first round warms the page cache and is not counted
            for name, cmd in commands.items():
                t = time.perf_counter()
                subprocess.run(cmd, env=env, cwd=tmp, stdout=subprocess.DEVNULL, check=True)
                if i:
                    times[name].append(time.perf_counter() - t)
    out: dict[str, Any] = {
        name: {
            "command": " ".join(Path(c).name if j == 0 else c for j, c in enumerate(commands[name])),
            "median_s": round(statistics.median(v), 3),
            "min_s": round(min(v), 3),
            "max_s": round(max(v), 3),
        }
        for name, v in times.items()
    }
    out["runs"] = runs
    out["load_avg_1m"] = load_avg()
    return out


# -- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run the three parts, print a table, write the JSON results."""
    parser = argparse.ArgumentParser(prog="bench_footprint", description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="data size at 10k notes too")
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each start-up command")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    machine: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg_1m_before": load_avg(),
    }

    bot = asyncio.run(bot_rss(timeout=120.0))
    baselines = {"bare_python": python_rss(""), "imports_no_model": python_rss(BASELINE_IMPORTS)}
    components = {  # what the bot's figures are made of, each in a fresh interpreter
        "int8_minilm_loaded": python_rss(f"{BASELINE_IMPORTS}\n{LOAD_EMBEDDER}"),
        "o200k_token_encoding_loaded": python_rss(
            "from bot.engines.tokens import count_tokens; count_tokens('warm up')"
        ),
    }
    sizes = [1_000] + ([10_000] if args.big else [])
    with tempfile.TemporaryDirectory(prefix="chet-footprint-data-") as tmp:
        data = [data_size(Path(tmp), n) for n in sizes]
    help_ = startup(args.runs)
    machine["load_avg_1m_after"] = load_avg()

    worst = max(bot["embedder_loaded"]["rss_mb"], bot["after_a_draft"]["rss_mb"])
    doc = {
        "what": "the idle bot's memory, the data dir per 1k notes, `chet --help` start-up; each beside a baseline",
        "machine": machine,
        "rss": {
            **bot,
            "baselines": {
                **baselines,
                "note": "no float32 embedding model is available offline, so the baseline is the same bot process"
                " before its model loads and an interpreter with chromadb, telegram.ext and onnxruntime imported"
                " and no model",
            },
            "components": components,
            "goal_mb_at_most": RSS_GOAL_MB,
            "meets_goal": worst <= RSS_GOAL_MB,  # idle after a note, a question and a draft
            "meets_goal_after_a_burst": bot["after_a_burst_of_long_notes"]["rss_mb"] <= RSS_GOAL_MB,
        },
        "data_size": data,
        "help_startup": {
            **help_,
            "goal_s_at_most": HELP_GOAL_S,
            "meets_goal": help_["chet_help"]["median_s"] <= HELP_GOAL_S,
        },
        "command": "python -m benchmarks.bench_footprint" + (" --big" if args.big else ""),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2) + "\n")

    print(f"load average (1 min): {machine['load_avg_1m_before']} before, {machine['load_avg_1m_after']} after")
    print(f"\n{'RSS (goal <= ' + str(RSS_GOAL_MB) + ' MB)':<58} {'RSS MB':>8} {'peak MB':>8}")
    for label, row in (
        ("chet run, idle, embedder loaded (note + question)", bot["embedder_loaded"]),
        ("chet run, idle, after a draft too", bot["after_a_draft"]),
        (f"chet run, idle, after {BURST} long notes at once", bot["after_a_burst_of_long_notes"]),
        ("baseline: chet run, idle, before the model loads", bot["started_no_model"]),
        ("baseline: python + chromadb, telegram.ext, onnxruntime", baselines["imports_no_model"]),
        ("(bare python)", baselines["bare_python"]),
        ("(python + those imports + the int8 MiniLM, one embedding)", components["int8_minilm_loaded"]),
        ("(python + tiktoken o200k_base loaded, as a draft does)", components["o200k_token_encoding_loaded"]),
    ):
        print(f"{label:<58} {row['rss_mb']:>8} {row['peak_rss_mb']:>8}")
    print(
        f"\n{'data size per 1k notes':<22} {'raw JSONL MB':>13} {'ledger MB':>10} {'chroma MB':>10} {'on disk':>8} {'all MB':>7} {'x raw':>6}"
    )
    for d in data:
        k = d["per_1k_notes"]
        print(
            f"{'at ' + format(d['notes'], ',') + ' notes':<22} {k['raw_jsonl_mb']:>13} {k['ledger_mb']:>10}"
            f" {k['chroma_mb']:>10} {k['chroma_on_disk_mb']:>8} {k['data_dir_mb']:>7} {d['times_raw']['data_dir']:>6}"
        )
    print(
        f"\n{'start-up (goal <= ' + str(HELP_GOAL_S) + ' s), ' + str(args.runs) + ' runs':<58} {'median s':>9} {'min':>6} {'max':>6}"
    )
    for key in ("chet_help", "eager_imports_baseline", "bare_python"):
        r = help_[key]
        print(f"{r['command']:<58} {r['median_s']:>9} {r['min_s']:>6} {r['max_s']:>6}")
    print(f"\n-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
