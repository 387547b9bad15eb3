"""Whole `chet` processes timed as a user runs them: import, one-shot search and ask; two code trees alternated.

Issue 17's speed goals are about whole processes (import >= 150 notes/s on 2 cores; a one-shot search or ask at
10k notes <= 0.8 s), so this times processes, not functions. Each process's user+sys CPU seconds is the figure:
on a shared machine wall time mostly measures the other sessions (the load is printed beside every run).

Bytecode is cached per tree (PYTHONPYCACHEPREFIX), as in an installed Chet: with PYTHONDONTWRITEBYTECODE=1 (this
workplace's shells) every run compiles the worktree's ~50 modules from source, ~0.1 CPU s of a one-shot search
that no user pays. One untimed warm-up run per tree writes the cache.

    python -m benchmarks.bench_oneshot --tree base=/tmp/base --tree new=$PWD \\
        --notes benchmarks/data/recall10/notes.jsonl --queries benchmarks/data/recall10/queries.jsonl \\
        --data /tmp/d10k --rounds 3 --out /tmp/oneshot.json

With --queries, each tree's import is searched with `chet search --queries FILE -k 10` and the trees' top-10
ids are compared (identical search results is the bar for a speed change).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

QUESTION = "how many seats did the new branch in Leeds need"


def run(tree: Path, args: list[str], cache: Path) -> tuple[float, float, str]:
    """One `chet --offline` process from `tree`: (user+sys CPU s, wall s, stdout)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(tree), PYTHONPYCACHEPREFIX=str(cache), CHET_TZ="UTC")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "bot.interfaces.cli", "--offline", *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, out.stdout


def load() -> float:
    """The 1-minute load average (how busy the shared machine was)."""
    return os.getloadavg()[0]


def top_ids(output: str) -> dict[str, list[str]]:
    """qid -> the ids of its results, from `chet search --queries` JSON Lines."""
    rows = (json.loads(line) for line in output.splitlines() if line.strip())
    return {r["qid"]: [hit["note_id"] for hit in r["results"]] for r in rows}


def main() -> None:
    """Time each tree's processes, alternated round by round; print and write the runs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="LABEL=PATH of a code tree (repeat)")
    parser.add_argument("--notes", type=Path, help="a JSONL file to `chet import` into a fresh data dir")
    parser.add_argument("--queries", type=Path, help="queries to compare the trees' imports by (top-10 ids)")
    parser.add_argument("--data", type=Path, help="a data dir to run one-shot search and ask on (not written)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path)
    a = parser.parse_args()
    trees = {label: Path(path).resolve() for label, path in (t.split("=", 1) for t in a.tree)}
    a.notes, a.queries, a.data = (p.resolve() if p else None for p in (a.notes, a.queries, a.data))
    work = Path(tempfile.mkdtemp(prefix="chet-oneshot-"))
    runs: list[dict[str, Any]] = []
    notes = sum(1 for line in a.notes.read_text().splitlines() if line.strip()) if a.notes else 0
    try:
        data: dict[str, Path] = {}
        for label, tree in trees.items():  # untimed: writes the bytecode cache, and a private copy of --data
            cache = work / f"pyc-{label}"
            if a.data:
                data[label] = work / f"data-{label}"
                shutil.copytree(a.data, data[label])
                run(tree, ["--data-dir", str(data[label]), "search", QUESTION, "--json"], cache)
            else:
                run(tree, ["--data-dir", str(work / "empty"), "search", QUESTION, "--json"], cache)
        ids: dict[str, dict[str, list[str]]] = {}
        for n in range(1, a.rounds + 1):
            for label, tree in trees.items():
                cache = work / f"pyc-{label}"
                if a.notes:
                    target = work / f"import-{label}-{n}"
                    cpu, wall, _ = run(tree, ["--data-dir", str(target), "import", str(a.notes)], cache)
                    runs.append(dict(tree=label, round=n, what="import", cpu=cpu, wall=wall, load=load(), notes=notes))
                    if a.queries and label not in ids:
                        out = run(
                            tree, ["--data-dir", str(target), "search", "--queries", str(a.queries), "-k", "10"], cache
                        )[2]
                        ids[label] = top_ids(out)
                    shutil.rmtree(target)
                if a.data:
                    for what in ("search", "ask"):
                        args = ["--data-dir", str(data[label]), what, QUESTION, "--json"]
                        cpu, wall, _ = run(tree, args, cache)
                        runs.append(dict(tree=label, round=n, what=what, cpu=cpu, wall=wall, load=load()))
                for r in runs[-3:]:
                    if r["tree"] == label and r["round"] == n:
                        rate = f" {r['notes'] / r['cpu']:.1f} notes/CPU s" if r["what"] == "import" else ""
                        print(
                            f"{label} r{n} {r['what']}: {r['cpu']:.2f} CPU s{rate}, wall {r['wall']:.2f} s, "
                            f"load {r['load']:.1f}",
                            flush=True,
                        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary: dict[str, Any] = {}
    for label in trees:
        for what in ("import", "search", "ask"):
            mine = [r for r in runs if r["tree"] == label and r["what"] == what]
            if mine:
                cpu = sorted(r["cpu"] for r in mine)
                summary[f"{label} {what}"] = dict(cpu_mean=sum(cpu) / len(cpu), cpu_min=cpu[0], runs=len(cpu))
                print(f"{label} {what}: CPU s mean {sum(cpu) / len(cpu):.3f}, min {cpu[0]:.3f} ({len(cpu)} runs)")
    if len(ids) > 1:
        first, *rest = ids.values()
        same = all(other == first for other in rest)
        differ = sum(1 for q in first if any(other.get(q) != first[q] for other in rest))
        summary["same_top10"] = same
        print(f"top-10 ids on {len(first)} queries: {'identical' if same else f'{differ} queries differ'}")
    if a.out:
        a.out.write_text(json.dumps(dict(runs=runs, summary=summary), indent=1))


if __name__ == "__main__":
    main()
