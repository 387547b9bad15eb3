"""Filing steps of the day scripts, graded mechanically from their expectations (sets 3 and 4 phrasing).

Each script's chat lines run through `chet chat` as run_days.py feeds them (consecutive say-steps share one
process), then `chet export --json`; a step whose expectation says "filed under (a new client) NAME" passes when
the note holding that line is filed under NAME (titles ignored; an existing client may be named in part), a
small-talk step when no note holds the line and no client is named by it, an inbox step when no client holds it.
Only filing is judged: facts, answers and CLI checks are not.

    PYTHONPATH=$PWD python3 benchmarks/filing_halves.py --days benchmarks/data/days4 --from 1 --to 18 --out x.json
"""

import argparse
import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.days_filing import day_runner

_RUNNER = day_runner()
SCRUB_ENV, resolve = _RUNNER.SCRUB_ENV, _RUNNER.resolve

TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "dra",
    "haji",
    "hajjah",
    "alhaji",
    "chief",
    "engr",
    "ing",
    "capt",
    "encik",
    "puan",
    "pak",
    "bu",
    "ibu",
    "sr",
    "sra",
    "don",
    "dona",
    "doña",
    "sheikh",
    "meneer",
    "mevrouw",
    "herr",
    "frau",
    "prof",
    "father",
    "fr",
    "ma'am",
    "madam",
    "auntie",
    "uncle",
    "señor",
    "señora",
    "mama",
    "baba",
    "mzee",
    "dato",
    "datuk",
    "tan",
    "sri",
} - {"tan"}
PART = {
    "bin",
    "binti",
    "bte",
    "van",
    "der",
    "den",
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "du",
    "la",
    "le",
    "e",
    "y",
    "al",
    "el",
    "ibn",
    "von",
    "te",
    "ní",
    "ó",
    "mac",
    "ter",
    "ten",
    "bint",
    "abu",
    "ap",
    "ua",
    "mc",
    "st",
    "arap",
    "los",
    "las",
    "dela",
    "delos",
}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w' -]", " ", s)


def toks(s):
    return [t for t in re.split(r"[\s]+", norm(s).replace("-", " ")) if t]


NAME_RE = re.compile(
    r"(?:filed under|new client|not a new client\)?:?|files? (?:it )?under)\s+(?:a |the |an )?(?:new |existing |known |same )?(?:client )?(.+)"
)


def expected_name(expect):
    if (
        re.search(r"not (?:be )?filed under|is not filed", expect)
        and "filed under a new" not in expect
        and not re.search(r"(?<!not )filed under", expect)
    ):
        return None
    m = None
    for m2 in re.finditer(
        r"(?<!not )(?:[Ff]iled under|[Aa] new client|[Nn]ew client|[Ss]ame client)\s+(?:a |the |an )?(?:new |existing |known |same )?(?:client )?(.+)",
        expect,
    ):
        m = m2
        break
    if not m:
        return None
    rest = m.group(1)
    words = []
    for w in re.split(r"\s+", rest):
        if w.startswith("(") or w.startswith("—"):
            break
        w0 = w.strip(",;:.()'\"")
        if not w0:
            break
        if (
            w0[0].isupper()
            or (w0.lower() in PART and words)
            or (words and re.match(r"^[A-Z]", w0))
            or w0.startswith("Ó")
        ):
            words.append(w0)
            if re.search(r"[,;:()]$", w) or w.endswith("'s"):
                break
        else:
            break
    while words and words[-1].lower() in PART:
        words.pop()
    return " ".join(words) or None


def classify(step_expect):
    e = step_expect
    if re.search(
        r"^(?:small talk|greeting answered)|^'[^']+' (?:does not|is not)|nothing saved as a note|no client called|no client '",
        e,
        re.I,
    ) and not re.search(r"(?<!not )filed under|new client [A-Z]", e, re.I):
        return ("small", None)
    n = expected_name(e)
    if n:
        return ("filed", n)
    if re.search(r"inbox|which client", e, re.I) and re.search(r"not filed|no known client|asks which", e):
        return ("inbox", None)
    return (None, None)


def name_ok(expected, got, new=True):
    et = [t for t in toks(expected) if t not in TITLES]
    gt = [t for t in toks(got) if t not in TITLES]
    return et == gt or (not new and set(et) <= set(gt))


def run(days, stems, chet, out):
    res = []
    for stem in stems:
        d = json.loads((Path(days) / f"{stem}.json").read_text(encoding="utf-8"))
        today = dt.datetime.now(ZoneInfo(d["tz"])).date()
        says = [
            (i, resolve(s["say"], today), resolve(s["expect"], today))
            for i, s in enumerate(d["steps"], 1)
            if "say" in s
        ]
        data = tempfile.mkdtemp(prefix="nh-")
        cwd = tempfile.mkdtemp(prefix="nhc-")
        env = {k: v for k, v in os.environ.items() if k not in SCRUB_ENV}
        env.update(CHET_TZ=d["tz"], CHET_OFFLINE="1", PYTHONIOENCODING="utf-8")
        base = [*chet, "--offline", "--data-dir", data, "--user", "u1"]
        # chat segments as in run_days: consecutive say-steps share one process
        segs = []
        cur = []
        prev = None
        for i, s in enumerate(d["steps"], 1):
            if "say" in s:
                if prev is not None and i != prev + 1 and cur:
                    segs.append(cur)
                    cur = []
                cur.append(resolve(s["say"], today))
                prev = i
        if cur:
            segs.append(cur)
        transcript = ""
        for seg in segs:
            p = subprocess.run(
                [*base, "chat"],
                input="\n".join(seg) + "\n",
                capture_output=True,
                text=True,
                env=env,
                cwd=cwd,
                timeout=600,
            )
            transcript += p.stdout
        p = subprocess.run([*base, "export", "--json"], capture_output=True, text=True, env=env, cwd=cwd)
        ex = json.loads(p.stdout)
        clients = [c["name"] for c in ex["clients"]]
        notes = ex["notes"]
        for i, say, expect in says:
            kind, name = classify(expect)
            if not kind:
                continue
            new = bool(re.search(r"new client", expect, re.I))
            ns = norm(say).strip()
            hits = [
                n
                for n in notes
                if ns
                and (ns in norm(n["text"]) or (norm(n["text"]).strip() in ns and len(norm(n["text"]).strip()) > 8))
            ]
            filed = sorted({n["client"] for n in hits} | {c for n in hits for c in (n.get("also_clients") or [])})
            if kind == "small":
                junk = [c for c in clients if norm(c).strip() and norm(c).strip() in ns]
                ok = not hits and not junk
                got = f"notes={len(hits)} junk={junk}"
            elif kind == "filed":
                ok = any(name_ok(name, c, new) for c in filed)
                got = f"want={name!r} got={filed}"
            else:
                ok = not hits
                got = f"filed={filed}"
            res.append({"script": stem, "n": i, "kind": kind, "pass": ok, "got": got, "say": say})
        res_clients = {"script": stem, "clients": clients}
        res.append(res_clients)
        print(
            stem,
            sum(r.get("pass", False) for r in res if r.get("script") == stem and "kind" in r),
            "/",
            sum(1 for r in res if r.get("script") == stem and "kind" in r),
            file=sys.stderr,
            flush=True,
        )
    Path(out).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    steps = [r for r in res if "kind" in r]
    print(
        json.dumps(
            {
                "pass": sum(r["pass"] for r in steps),
                "total": len(steps),
                "by_kind": {
                    k: [sum(r["pass"] for r in steps if r["kind"] == k), sum(1 for r in steps if r["kind"] == k)]
                    for k in ("small", "filed", "inbox")
                },
            }
        )
    )


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--days")
    ap.add_argument("--from", dest="a", type=int)
    ap.add_argument("--to", dest="b", type=int)
    ap.add_argument("--chet", default="/work/main/.venv/bin/python -m bot.interfaces.cli")
    ap.add_argument("--out")
    ap.add_argument("--list", action="store_true")
    ns = ap.parse_args()
    stems = [f"day-{i:02d}" for i in range(ns.a, ns.b + 1)]
    if ns.list:
        for stem in stems:
            d = json.loads((Path(ns.days) / f"{stem}.json").read_text(encoding="utf-8"))
            for i, s in enumerate(d["steps"], 1):
                if "say" in s:
                    print(stem, i, classify(s["expect"]), "|", s["say"][:60])
        sys.exit()
    run(ns.days, stems, shlex.split(ns.chet), ns.out)
