#!/usr/bin/env python3
"""Build notes.jsonl, queries.jsonl, answers.jsonl from the hand-written src/hNN_*.txt.

Source format (one file per history):
  @client: NAME          display name the notes are filed under
  @kind: sales|chat      salesperson notes or a personal chat (`Name: text` lines)
  @title: TEXT           one-line description (README table)
  @step: SECONDS         spacing of turns inside a session (default 120)
  == YYYY-MM-DD HH:MM    starts a session; every following non-blank line is a turn
  a turn ... ^tag ^tag2  trailing ^tags mark the turn as evidence (stripped from the text)
  Q TYPE C|- | query | tag tag2   a question; C = send the thread's client with it;
                                 evidence = every turn carrying any of the tags
Lines starting with %% are comments.
"""
import datetime as dt
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"single": "single-hop", "multi": "multi-hop", "temporal": "temporal",
         "open": "open-domain", "adv": "adversarial"}
TAG_RE = re.compile(r"((?:\s+\^[\w-]+)+)\s*$")


def parse(path):
    m = re.match(r"h(\d\d)_", os.path.basename(path))
    if not m:
        raise SystemExit(f"{path}: file name must be hNN_*.txt")
    h = {"num": m.group(1), "file": os.path.relpath(path, HERE), "meta": {}, "sessions": [], "questions": []}
    for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n").strip()
        if not line or line.startswith("%%"):
            continue
        if line.startswith("@"):
            k, _, v = line[1:].partition(":")
            h["meta"][k.strip()] = v.strip()
        elif line.startswith("== "):
            start = dt.datetime.strptime(line[3:].strip(), "%Y-%m-%d %H:%M")
            h["sessions"].append({"start": start, "turns": []})
        elif line.startswith("Q "):
            parts = [p.strip() for p in line[2:].split("|")]
            if len(parts) != 3:
                raise SystemExit(f"{path}:{ln}: bad question line")
            head = parts[0].split()
            if len(head) != 2 or head[0] not in TYPES or head[1] not in ("C", "-"):
                raise SystemExit(f"{path}:{ln}: bad question head {parts[0]!r}")
            h["questions"].append({"type": TYPES[head[0]], "with_client": head[1] == "C",
                                   "query": parts[1], "tags": parts[2].split(), "line": ln})
        else:
            if not h["sessions"]:
                raise SystemExit(f"{path}:{ln}: turn before the first session")
            tags = []
            tm = TAG_RE.search(line)
            if tm:
                tags = [t.lstrip("^") for t in tm.group(1).split()]
                line = line[: tm.start()].rstrip()
            h["sessions"][-1]["turns"].append({"text": line, "tags": tags, "line": ln})
    for key in ("client", "kind", "title"):
        if key not in h["meta"]:
            raise SystemExit(f"{path}: missing @{key}")
    return h


def build(out_dir=HERE):
    files = sorted(glob.glob(os.path.join(HERE, "src", "h[0-9][0-9]_*.txt")))
    notes, queries, answers, summary = [], [], [], []
    for path in files:
        h = parse(path)
        client, step = h["meta"]["client"], int(h["meta"].get("step", "120"))
        tagmap = {}
        for si, s in enumerate(h["sessions"], 1):
            for ti, t in enumerate(s["turns"], 1):
                nid = f"h{h['num']}-s{si:02d}-t{ti:02d}"
                at = s["start"] + dt.timedelta(seconds=step * (ti - 1))
                notes.append({"id": nid, "client": client, "text": t["text"], "at": at.isoformat(timespec="seconds")})
                for tag in t["tags"]:
                    tagmap.setdefault(tag, []).append(nid)
        for qi, q in enumerate(h["questions"], 1):
            qid = f"h{h['num']}-q{qi:02d}"
            ev = []
            for tag in q["tags"]:
                if tag not in tagmap:
                    raise SystemExit(f"{h['file']}:{q['line']}: unknown tag {tag!r}")
                ev += [n for n in tagmap[tag] if n not in ev]
            rec = {"qid": qid, "query": q["query"]}
            if q["with_client"]:
                rec["client"] = client
            queries.append(rec)
            answers.append({"qid": qid, "type": q["type"], "evidence": sorted(ev)})
        summary.append({"history": f"h{h['num']}", "file": h["file"], "client": client, "kind": h["meta"]["kind"],
                        "title": h["meta"]["title"], "sessions": len(h["sessions"]),
                        "turns": sum(len(s["turns"]) for s in h["sessions"]),
                        "first": h["sessions"][0]["start"].date().isoformat(),
                        "last": h["sessions"][-1]["start"].date().isoformat(),
                        "questions": len(h["questions"])})
    for name, rows in (("notes.jsonl", notes), ("queries.jsonl", queries), ("answers.jsonl", answers)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "histories.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
    return notes, queries, answers, summary


if __name__ == "__main__":
    n, q, a, s = build()
    for r in s:
        print(f"{r['history']} {r['client']:<18} {r['kind']:<5} sessions={r['sessions']} turns={r['turns']} "
              f"{r['first']}..{r['last']} questions={r['questions']}")
    print(f"notes={len(n)} queries={len(q)} answers={len(a)}")
