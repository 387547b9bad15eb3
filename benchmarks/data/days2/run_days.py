#!/usr/bin/env python3
"""Drive the blind "day" scripts through Chet and record every transcript (no judging).

Usage:
    python3 run_days.py --chet /work/main/.venv/bin/chet --out /tmp/days-run.json
    python3 run_days.py --chet "/path/python -m bot.cli" --out out.json --only day-01,day-07
    python3 run_days.py --check            # validate the scripts and print counts, run nothing

Each script (day-NN.json) is {"persona", "tz", "steps": [...]}; a step is either
    {"say": "<one chat line>", "expect": "..."}
or  {"cli": [args after the global options], "expect": "...",
     "stdin": "<optional text fed to the command>",
     "files": {"name": "<text>" | [lines or JSON objects]}   (optional; "{FILE:name}" in args is its path)}

For every script: a fresh data dir, a fresh user id and a fresh working directory (so no .env
of anyone else's is read). Consecutive say-steps are fed, one line each, to ONE process
`<chet> --offline --data-dir D --user U chat` through stdin; its whole stdout/stderr is the
transcript of those steps. Each cli step runs `<chet> --offline --data-dir D --user U <args>`.

Date placeholders (resolved in say, cli args, stdin, files and expect, from the run day in the
script's tz): {D} / {D+N} / {D-N} with an optional format after a colon:
    iso (default) 2026-12-09 | md December 9 | mdlow december 9 | mdshort Dec 9 | slash 12/9
    dow Wednesday | dowlow wednesday | dowshort wed | month December | monthlow december
The recorded output keeps both the raw and the resolved text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
DATE_RE = re.compile(r"\{D(?:([+-])(\d+))?(?::([a-z]+))?\}")
FILE_RE = re.compile(r"\{FILE:([^{}]+)\}")
FORMATS = {
    "iso": lambda d: d.isoformat(),
    "md": lambda d: f"{d:%B} {d.day}",
    "mdlow": lambda d: f"{d:%B} {d.day}".lower(),
    "mdshort": lambda d: f"{d:%b} {d.day}",
    "slash": lambda d: f"{d.month}/{d.day}",
    "dow": lambda d: f"{d:%A}",
    "dowlow": lambda d: f"{d:%A}".lower(),
    "dowshort": lambda d: f"{d:%a}".lower(),
    "month": lambda d: f"{d:%B}",
    "monthlow": lambda d: f"{d:%B}".lower(),
}
# Settings that must not leak from the caller's environment into a blind run.
SCRUB_ENV = (
    "CHET_DATA_DIR",
    "CHET_USER",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_ALLOWED_USERS",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "SMTP_HOST",
    "SMTP_PORT",
    "SMTP_USER",
    "SMTP_PASSWORD",
    "SMTP_FROM",
    "DATABASE_URL",
    "CHROMA_HOST",
    "CHROMA_PORT",
)


def resolve(text: str, today: dt.date, files: dict[str, str] | None = None) -> str:
    """Replace date placeholders (and file placeholders when files are given)."""

    def date_sub(m: re.Match[str]) -> str:
        sign, num, fmt = m.group(1), m.group(2), m.group(3) or "iso"
        if fmt not in FORMATS:
            raise ValueError(f"unknown date format {fmt!r} in {text!r}")
        days = int(num) if num else 0
        if sign == "-":
            days = -days
        return FORMATS[fmt](today + dt.timedelta(days=days))

    out = DATE_RE.sub(date_sub, text)
    if files is not None:

        def file_sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in files:
                raise ValueError(f"{{FILE:{name}}} used but no such file in the step")
            return files[name]

        out = FILE_RE.sub(file_sub, out)
    return out


def file_text(content: Any) -> str:
    """A step's file content: a string, or a list of lines / JSON objects (JSON Lines)."""
    if isinstance(content, str):
        return content
    lines = [c if isinstance(c, str) else json.dumps(c, ensure_ascii=False) for c in content]
    return "\n".join(lines) + "\n"


def validate(path: Path) -> tuple[dict[str, Any], list[str]]:
    """Load one script and list what is wrong with it."""
    problems: list[str] = []
    try:
        day = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return {}, [f"cannot load: {exc}"]
    for key in ("persona", "tz", "steps"):
        if key not in day:
            problems.append(f"missing {key!r}")
    try:
        ZoneInfo(day.get("tz", "UTC"))
    except Exception:  # noqa: BLE001 - any bad zone name is a script problem
        problems.append(f"bad tz {day.get('tz')!r}")
    for i, step in enumerate(day.get("steps", []), 1):
        kinds = [k for k in ("say", "cli") if k in step]
        if len(kinds) != 1:
            problems.append(f"step {i}: needs exactly one of say/cli")
        if not str(step.get("expect", "")).strip():
            problems.append(f"step {i}: empty expect")
        if "say" in step and ("\n" in step["say"] or not step["say"].strip()):
            problems.append(f"step {i}: a say-step must be one non-empty line")
        if "cli" in step and (not isinstance(step["cli"], list) or not step["cli"]):
            problems.append(f"step {i}: cli must be a non-empty list")
        try:
            today = dt.date(2026, 1, 1)
            names = {n: "/x" for n in step.get("files", {})}
            for text in [step.get("say", ""), step.get("expect", ""), step.get("stdin", "")]:
                resolve(text, today, names)
            for arg in step.get("cli", []):
                resolve(str(arg), today, names)
        except ValueError as exc:
            problems.append(f"step {i}: {exc}")
    return day, problems


def run_proc(cmd: list[str], stdin: str | None, env: dict[str, str], cwd: str, timeout: float) -> dict[str, Any]:
    """Run one process and record everything it did."""
    t0 = time.monotonic()
    rec: dict[str, Any] = {"argv": cmd, "stdin": stdin}
    try:
        # Own process group, so a timeout ends this process and its children (and nothing else).
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=cwd,
            errors="replace",
            start_new_session=True,
        )
    except OSError as exc:
        rec.update(exit_code=None, stdout="", stderr=f"runner: cannot start: {exc}", timed_out=False)
        rec["seconds"] = round(time.monotonic() - t0, 3)
        return rec
    try:
        out, err = proc.communicate(input=stdin if stdin is not None else "", timeout=timeout)
        rec.update(exit_code=proc.returncode, stdout=out, stderr=err, timed_out=False)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        rec.update(exit_code=None, stdout=out or "", stderr=err or "", timed_out=True)
    rec["seconds"] = round(time.monotonic() - t0, 3)
    return rec


def run_day(path: Path, chet: list[str], timeout: float, keep: bool) -> dict[str, Any]:
    """Run one day script; returns its record (steps + segments with transcripts)."""
    day, problems = validate(path)
    if problems:
        return {"script": path.name, "error": "invalid script", "problems": problems}
    tz = day.get("tz", "UTC")
    today = dt.datetime.now(ZoneInfo(tz)).date()
    data_dir = tempfile.mkdtemp(prefix=f"chet-{path.stem}-data-")
    work_dir = tempfile.mkdtemp(prefix=f"chet-{path.stem}-cwd-")
    user = f"blind-{path.stem}-{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if k not in SCRUB_ENV}
    env.update(CHET_TZ=tz, CHET_OFFLINE="1", PYTHONIOENCODING="utf-8")
    base = [*chet, "--offline", "--data-dir", data_dir, "--user", user]

    record: dict[str, Any] = {
        "script": path.name,
        "persona": day["persona"],
        "tz": tz,
        "run_date": today.isoformat(),
        "run_weekday": f"{today:%A}",
        "user": user,
        "data_dir": data_dir,
        "started_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "steps": [],
        "segments": [],
    }
    steps = day["steps"]
    i = 0
    while i < len(steps):
        step = steps[i]
        seg_no = len(record["segments"])
        if "say" in step:
            j = i
            lines: list[str] = []
            while j < len(steps) and "say" in steps[j]:
                lines.append(resolve(steps[j]["say"], today))
                record["steps"].append(
                    {
                        "n": j + 1,
                        "type": "say",
                        "say_raw": steps[j]["say"],
                        "say": lines[-1],
                        "expect_raw": steps[j]["expect"],
                        "expect": resolve(steps[j]["expect"], today),
                        "segment": seg_no,
                        "line_in_segment": len(lines),
                    }
                )
                j += 1
            proc = run_proc([*base, "chat"], "\n".join(lines) + "\n", env, work_dir, timeout)
            record["segments"].append(
                {"segment": seg_no, "kind": "chat", "steps": list(range(i + 1, j + 1)), "messages": lines, **proc}
            )
            i = j
            continue
        files: dict[str, str] = {}
        for name, content in step.get("files", {}).items():
            fpath = Path(work_dir) / f"step{i + 1}-{name}"
            fpath.write_text(resolve(file_text(content), today), encoding="utf-8")
            files[name] = str(fpath)
        args = [resolve(str(a), today, files) for a in step["cli"]]
        stdin = resolve(step["stdin"], today) if "stdin" in step else None
        proc = run_proc([*base, *args], stdin, env, work_dir, timeout)
        parsed: Any = None
        if "--json" in args and proc.get("stdout"):
            try:
                parsed = json.loads(proc["stdout"])
            except json.JSONDecodeError:
                parsed = None  # JSON Lines or not JSON: the raw stdout is kept anyway
        record["steps"].append(
            {
                "n": i + 1,
                "type": "cli",
                "cli_raw": step["cli"],
                "cli": args,
                "stdin": stdin,
                "files": {n: Path(p).read_text(encoding="utf-8") for n, p in files.items()},
                "expect_raw": step["expect"],
                "expect": resolve(step["expect"], today),
                "segment": seg_no,
            }
        )
        record["segments"].append({"segment": seg_no, "kind": "cli", "steps": [i + 1], "stdout_json": parsed, **proc})
        i += 1
    record["finished_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    if not keep:
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(work_dir, ignore_errors=True)
        record["data_dir_removed"] = True
    return record


def main() -> int:
    """Parse the command line, run the chosen scripts, write the transcripts."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chet", help="the chet command (a path, or a quoted command line)")
    ap.add_argument("--out", help="where to write the transcripts (JSON)")
    ap.add_argument("--days", default=str(HERE), help="directory of day-*.json (default: this one)")
    ap.add_argument("--only", default="", help="comma-separated script stems, e.g. day-01,day-07")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per process (default 600)")
    ap.add_argument("--keep", action="store_true", help="keep each day's data and working dirs")
    ap.add_argument("--check", action="store_true", help="validate the scripts, print counts, run nothing")
    ns = ap.parse_args()

    paths = sorted(Path(ns.days).glob("day-*.json"))
    if ns.only:
        wanted = {s.strip().removesuffix(".json") for s in ns.only.split(",") if s.strip()}
        paths = [p for p in paths if p.stem in wanted]
    if not paths:
        print("error: no day scripts found", file=sys.stderr)
        return 2

    if ns.check:
        bad = 0
        totals = {"scripts": 0, "steps": 0, "say": 0, "cli": 0}
        for p in paths:
            day, problems = validate(p)
            if problems:
                bad += 1
                print(f"{p.name}: " + "; ".join(problems))
                continue
            s = day["steps"]
            n_say = sum("say" in x for x in s)
            totals["scripts"] += 1
            totals["steps"] += len(s)
            totals["say"] += n_say
            totals["cli"] += len(s) - n_say
            print(f"{p.name}: {len(s)} steps ({n_say} say, {len(s) - n_say} cli) - {day['persona'][:70]}")
        print(json.dumps(totals))
        return 1 if bad else 0

    if not ns.chet or not ns.out:
        print("error: --chet and --out are required (or use --check)", file=sys.stderr)
        return 2
    chet = shlex.split(ns.chet)
    out: dict[str, Any] = {
        "runner": "run_days.py",
        "chet": chet,
        "started_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "note": "transcripts only; nothing here is judged",
        "days": [],
    }
    out_path = Path(ns.out)
    for p in paths:
        print(f"running {p.name} ...", file=sys.stderr, flush=True)
        out["days"].append(run_day(p, chet, ns.timeout, ns.keep))
        out["counts"] = {
            "scripts": len(out["days"]),
            "steps": sum(len(d.get("steps", [])) for d in out["days"]),
        }
        # Written after every day so an interrupted run keeps what it recorded.
        out_path.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    out["finished_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    out_path.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out_path} ({out['counts']['scripts']} scripts, {out['counts']['steps']} steps)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
