"""The truth guard on a JSON Lines case set, through the real command line.

Each scenario group of a set (format: `benchmarks/guard_sets.py`) gets a fresh data dir:
`chet --offline --data-dir D import --json notes.jsonl`, then for every message
`chet --offline --data-dir D check --json CLIENT --text-file msg.txt --at T`, exactly as the
acceptance test runs it. A planted case is caught when the verdict is not `pass` and a finding of
(one of) the expected kind(s) is present; a truthful case is a false alarm when the verdict is not
`pass` (a warning on a truthful message is a defect too).

Run: `.venv/bin/python -m benchmarks.bench_guard_cli [--set dev2 | --cases PATH] [--fast] [--jobs 2] [--only GROUP] [--show]`.
`--fast` calls `bot.interfaces.cli.main` in-process (quick iteration); the default runs subprocesses.
`--set` picks a development set (`dev1`, default; `dev2`; `dev3`: the three sets the guard was
tuned on, `benchmarks/data/guard_dev*.jsonl`); `--cases PATH` runs any set of the same format, e.g.
a fresh blind set on its first run.
Writes `benchmarks/results/guard_<set or file stem>.json` (or `--out`).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.guard_sets import DEV_SETS, CaseFormatError, group_cases, load_cases
from bot.guard import KINDS

HERE = Path(__file__).parent
KIND_ORDER = KINDS  # the guard's own list, in the design table's order


@dataclass
class Outcome:
    case: dict[str, Any]
    verdict: str
    findings: list[dict[str, Any]]
    error: str | None = None

    @property
    def flagged(self) -> bool:
        return self.error is None and self.verdict != "pass"

    @property
    def caught(self) -> bool:
        kinds = {f.get("kind") for f in self.findings}
        return self.flagged and bool(kinds & set(self.case["kinds"]))


# --- two ways to call `chet` --------------------------------------------------------------------------


def _chet_command() -> list[str]:
    script = Path(sys.executable).with_name("chet")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.interfaces.cli"]


def _run_subprocess(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CHET_"))}
    env["CHET_OFFLINE"] = "1"
    proc = subprocess.run(
        [*_chet_command(), *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    return proc.returncode, proc.stdout, proc.stderr


def _run_inprocess(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    from bot.interfaces.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def run_group(cases: list[dict[str, Any]], fast: bool) -> list[Outcome]:
    """Import one scenario's notes into a fresh data dir, then check each of its messages."""
    run = _run_inprocess if fast else _run_subprocess
    work = Path(tempfile.mkdtemp(prefix="chet-guardset-"))
    try:
        data = work / "data"
        notes = work / "notes.jsonl"
        notes.write_text("".join(json.dumps(n, ensure_ascii=False) + "\n" for n in cases[0]["notes"]), encoding="utf-8")
        base = ["--offline", "--data-dir", str(data)]
        code, _, err = run([*base, "import", "--json", str(notes)], work)
        if code != 0:
            return [Outcome(c, "error", [], f"import exit {code}: {err.strip()}") for c in cases]
        outcomes = []
        for i, case in enumerate(cases):
            msg = work / f"msg{i}.txt"
            msg.write_text(case["text"], encoding="utf-8")
            argv = [*base, "check", "--json", case["client"], "--text-file", str(msg), "--at", case["at"]]
            code, out, err = run(argv, work)
            if code != 0:
                outcomes.append(Outcome(case, "error", [], f"check exit {code}: {err.strip()}"))
                continue
            doc = json.loads(out)
            outcomes.append(Outcome(case, doc["verdict"], doc.get("findings", [])))
        return outcomes
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- scoring ------------------------------------------------------------------------------------------


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    """Catch rate (planted) and false-alarm rate (truthful), overall and per kind."""
    planted = [o for o in outcomes if o.case["expect"] == "flag"]
    truthful = [o for o in outcomes if o.case["expect"] == "pass"]
    per_kind: dict[str, dict[str, Any]] = {}
    for kind in KIND_ORDER:
        mine = [o for o in planted if o.case["kinds"][0] == kind]
        if mine:
            n_caught = sum(o.caught for o in mine)
            per_kind[kind] = {"planted": len(mine), "caught": n_caught, "catch_rate": round(n_caught / len(mine), 3)}
    alarm_kinds: Counter[str] = Counter()
    for o in truthful:
        if o.flagged:
            alarm_kinds.update({f.get("kind", "?") for f in o.findings})
    caught = sum(o.caught for o in planted)
    alarms = sum(o.flagged or o.error is not None for o in truthful)
    return {
        "cases": len(outcomes),
        "planted": len(planted),
        "truthful": len(truthful),
        "caught": caught,
        "flagged_other_kind": sum(o.flagged and not o.caught for o in planted),
        "catch_rate": round(caught / len(planted), 3) if planted else None,
        "false_alarms": alarms,
        "false_alarm_rate": round(alarms / len(truthful), 3) if truthful else None,
        "errors": sum(o.error is not None for o in outcomes),
        "per_kind": per_kind,
        "false_alarm_kinds": dict(alarm_kinds.most_common()),
    }


def _brief(o: Outcome) -> dict[str, Any]:
    return {
        "id": o.case["id"],
        "expected": o.case["kinds"] or "pass",
        "verdict": o.verdict,
        "text": o.case["text"],
        "at": o.case["at"],
        "findings": [{k: f.get(k) for k in ("kind", "span", "message")} for f in o.findings],
        **({"error": o.error} if o.error else {}),
    }


def run(cases: list[dict[str, Any]], fast: bool = False, jobs: int = 2) -> tuple[dict[str, Any], list[Outcome]]:
    groups = list(group_cases(cases).values())
    started = time.perf_counter()
    if fast:
        results = [run_group(g, fast=True) for g in groups]
    else:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            results = list(pool.map(lambda g: run_group(g, fast=False), groups))
    outcomes = [o for r in results for o in r]
    summary = summarise(outcomes)
    summary["mode"] = "in-process" if fast else "cli"
    summary["seconds"] = round(time.perf_counter() - started, 1)
    return summary, outcomes


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.1%}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument(
        "--fast", action="store_true", help="call bot.interfaces.cli.main in-process instead of subprocesses"
    )
    p.add_argument("--jobs", type=int, default=2, help="parallel scenario groups (CLI mode)")
    p.add_argument("--only", action="append", help="only this scenario group (repeatable)")
    p.add_argument("--show", action="store_true", help="print every miss and false alarm")
    p.add_argument("--set", choices=sorted(DEV_SETS), default="dev1", help="a development set (default: dev1)")
    p.add_argument("--cases", type=Path, default=None, help="any JSON Lines cases file (overrides --set)")
    p.add_argument("--out", type=Path, default=None, help="results file (default: results/guard_<name>.json)")
    args = p.parse_args(argv)
    path = args.cases or DEV_SETS[args.set]
    name = args.set if args.cases is None else path.stem.removeprefix("guard_")
    if not path.is_file():
        p.error(f"no such cases file: {path}")
    try:
        cases = load_cases(path)
    except CaseFormatError as exc:
        p.error(str(exc))
    if args.out is None:
        args.out = HERE / "results" / f"guard_{name}.json"
    if args.only:
        cases = [c for c in cases if c["group"] in set(args.only)]
    summary, outcomes = run(cases, fast=args.fast, jobs=args.jobs)
    misses = [_brief(o) for o in outcomes if o.case["expect"] == "flag" and not o.caught]
    alarms = [_brief(o) for o in outcomes if o.case["expect"] == "pass" and (o.flagged or o.error)]
    doc = {"summary": summary, "misses": misses, "false_alarms": alarms}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    s = summary
    print(f"{name} guard set via {s['mode']}: {s['cases']} cases in {s['seconds']} s")
    print(f"  catch rate       {_pct(s['catch_rate'])}  ({s['caught']}/{s['planted']} planted)")
    print(f"  false-alarm rate {_pct(s['false_alarm_rate'])}  ({s['false_alarms']}/{s['truthful']} truthful)")
    if s["errors"]:
        print(f"  errors           {s['errors']}")
    for kind, row in s["per_kind"].items():
        print(f"  {kind:<24} {row['catch_rate']:.0%}  ({row['caught']}/{row['planted']})")
    if s["false_alarm_kinds"]:
        print("  false alarms by finding kind: " + ", ".join(f"{k} {n}" for k, n in s["false_alarm_kinds"].items()))
    if args.show:
        for m in misses:
            print(f"MISS  {m['id']} want {m['expected']} got {m['verdict']} {m['findings']}\n      {m['text']!r}")
        for a in alarms:
            print(f"ALARM {a['id']} {a['verdict']} {a['findings']}\n      {a['text']!r}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
