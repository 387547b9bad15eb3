"""Which client each chat note of the day scripts is filed under, judged mechanically (development data).

Drives every day script's chat lines through the real conversation core in-process (offline, a fresh data
dir per script; `note`/`import` CLI steps run through the real CLI, the other CLI steps are skipped) and
judges the steps whose expectation names the client ("Files under Alan Brooks") or says nothing may be
filed ("not made a client", "nothing filed"). At the end it lists clients no expectation named (junk).

    PYTHONPATH=$PWD python -m benchmarks.days_filing [--only day-02,day-05] [-v] [--set 2]

The day scripts are development data (benchmarks/data/days/README.md): a figure from them is a tuned one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from memory.timeutil import now_utc

DAYS = Path(__file__).parent / "data" / "days"
SETS = {"1": DAYS, "2": Path(__file__).parent / "data" / "days2"}  # set 2: written independently (dev data now)
_CAP = "[A-ZÀ-ÞĀ-Ž][\\w'’-]+"
_NAME = rf"{_CAP}(?: (?:(?:van|der|den|de|da|dos|das|do|von|al|bin|du|di|la|le) )*{_CAP})*"  # "Pieter van der Merwe"
FILES_UNDER = re.compile(
    r"(?:[Ff]iles|[Ff]iled|[Ss]aved|[Oo]ne note) (?:it |the [\w-]+ note )?under (?:a |the )?(?:new |existing )?(?:client )?\(?"
    rf"(?P<name>{_NAME})(?: / (?P<alt>{_NAME})| or (?:the )?(?P<alt2>{_CAP}))?"  # "Yuki Tanaka / Tanaka Yuki"
)


@cache
def day_runner() -> ModuleType:
    """The day scripts' own runner (`benchmarks/data/days/run_days.py`, written with the sets), loaded from its file
    (one loader for every benchmark that resolves the scripts' dates; no sys.path change)."""
    spec = importlib.util.spec_from_file_location("run_days", DAYS / "run_days.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_days"] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def day_script(path: Path) -> dict[str, Any]:
    """One day script (a JSON document: the set's own format, `steps` of `say` lines and CLI checks)."""
    script: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return script


def wanted(m: re.Match[str]) -> list[str]:
    """The names an expectation accepts (the first is the one it names first)."""
    return [n.removeprefix("Dr ") for n in (m["name"], m["alt"], m["alt2"]) if n]


NOTHING = re.compile(r"nothing (?:is )?filed|not (?:be )?(?:filed|made a client|stored as a note)|no client", re.I)
ASKS = re.compile(r"asks which client", re.I)
SAVED = re.compile(r"Saved for (?P<name>[^,:(\n]+?)(?: \(|,|:)")


def run_day(path: Path, verbose: bool) -> dict[str, Any]:
    """One script: (judged, passed, failures, junk clients)."""
    from bot.chat.conversation import Conversation
    from bot.interfaces.cli import main as cli_main
    from bot.runtime import Runtime
    from bot.settings import Settings

    file_text, resolve = day_runner().file_text, day_runner().resolve  # one runner for both sets

    day = day_script(path)
    today = now_utc().date()
    tmp = Path(tempfile.mkdtemp(prefix="chet-filing-"))
    settings = Settings(chet_data_dir=tmp / "data", chet_offline=True, _env_file=None)
    runtime = Runtime(settings)
    chat = Conversation(runtime, transcriber=None)
    user = "days"
    judged = passed = 0
    failures: list[str] = []
    expected_names: set[str] = set()
    try:
        for n, step in enumerate(day["steps"], 1):
            expect = resolve(step["expect"], today)
            if "cli" in step:
                if step["cli"][0] in {"note", "import"}:
                    files = {}
                    for name, content in step.get("files", {}).items():
                        fpath = tmp / f"step{n}-{name}"
                        fpath.write_text(resolve(file_text(content), today), encoding="utf-8")
                        files[name] = str(fpath)
                    args = [resolve(str(a), today, files) for a in step["cli"]]
                    cli_main(["--offline", "--data-dir", str(tmp / "data"), "--user", user, *args])
                    runtime = Runtime(settings)
                    chat = Conversation(runtime, transcriber=None)
                    for line in step.get("files", {}).values():
                        for doc in line if isinstance(line, list) else []:
                            if isinstance(doc, dict) and doc.get("client"):
                                expected_names.add(doc["client"])
                    if step["cli"][0] == "note":
                        expected_names.add(args[1])
                continue
            say = resolve(step["say"], today)
            replies = chat.handle_text(user, say)
            text = "\n".join(r.text for r in replies)
            m = FILES_UNDER.search(expect)
            if m:
                wants = wanted(m)
                expected_names.update(wants)
                got = [g.strip().casefold() for g in SAVED.findall(text)]
                ok = any(w.casefold() in got for w in wants)
            elif NOTHING.search(expect) and not re.search(r"^Files|waiting", expect):
                ok = "Saved for" not in text and "Saved in your inbox" not in text
                if ASKS.search(expect):  # set 2: "No client named: the note is kept (inbox) and Chet asks which client"
                    ok = "Saved for" not in text and "Which client" in text
            else:
                if verbose:
                    print(f"  {path.stem} {n}: {say[:70]!r}\n     -> {text[:160]!r}")
                continue
            judged += 1
            passed += ok
            if not ok:
                failures.append(f"{path.stem} {n}: {say[:80]!r}\n     expect: {expect[:110]}\n     got: {text[:200]!r}")
        known = {c.name for c in runtime.memory(user).ledger.clients()}
        exp = {e.casefold() for e in expected_names}
        junk = sorted(k for k in known if k.casefold() not in exp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"judged": judged, "passed": passed, "failures": failures, "junk": junk}


def main() -> int:
    """Run the chosen scripts and print the figure and each failure."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="")
    ap.add_argument("-v", action="store_true", help="also show the steps that are not judged")
    ap.add_argument("--set", choices=sorted(SETS), default="1", help="day scripts set 1 or 2")
    ns = ap.parse_args()
    paths = sorted(SETS[ns.set].glob("day-*.json"))
    if ns.only:
        wanted = {s.strip() for s in ns.only.split(",")}
        paths = [p for p in paths if p.stem in wanted]
    judged = passed = junk = 0
    for p in paths:
        r = run_day(p, ns.v)
        judged += r["judged"]
        passed += r["passed"]
        junk += len(r["junk"])
        for f in r["failures"]:
            print(f)
        if r["junk"]:
            print(f"{p.stem}: clients no expectation names: {r['junk']}")
    print(json.dumps({"judged": judged, "passed": passed, "junk_clients": junk}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
