#!/usr/bin/env python3
"""Assemble the hand-written histories in src/hNN.txt into notes.jsonl, queries.jsonl, answers.jsonl.

Deterministic: same sources -> byte-identical outputs. No sentence is generated here; every note
line and every question is typed in src/. This script only numbers turns, stamps times and
resolves evidence tags.

Source format (src/hNN.txt):
    client: <name filed under>        people: A, B, C        kind: sales|chat        step: <minutes between turns>
    == YYYY-MM-DDTHH:MM              (starts a session; each following non-empty line is one turn)
    some turn text {#tag}            (optional tag, stripped from the text, used as evidence handle)
    ## questions
    <type> | C or - | tag tag ... | question text => short answer (answer kept in src only)
"""
import json
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TYPES = {"single": "single-hop", "multi": "multi-hop", "temporal": "temporal",
         "open": "open-domain", "adv": "adversarial", "adversarial": "adversarial"}
TAG = re.compile(r"\s*\{#([A-Za-z0-9_]+)\}\s*$")


def parse(path):
    hid = path.stem  # h01
    meta, sessions, questions = {}, [], []
    mode = "head"
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("## questions"):
            mode = "q"
            continue
        if mode == "q":
            if line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|", 3)]
            if len(parts) != 4:
                sys.exit(f"{path}:{lineno}: bad question line")
            qtype, carry, tags, rest = parts
            query, _, answer = rest.partition("=>")
            questions.append({"type": TYPES[qtype], "carry": carry == "C", "tags": tags.split(),
                              "query": query.strip(), "answer": answer.strip(), "line": lineno})
            continue
        if line.startswith("== "):
            mode = "s"
            sessions.append({"start": datetime.fromisoformat(line[3:].strip()), "turns": []})
            continue
        if mode == "head":
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
            continue
        m = TAG.search(line)
        tag = m.group(1) if m else None
        text = TAG.sub("", line).strip() if m else line.strip()
        sessions[-1]["turns"].append({"text": text, "tag": tag, "line": lineno})
    return hid, meta, sessions, questions


def build():
    notes, queries, answers = [], [], []
    for path in sorted((ROOT / "src").glob("h[0-9][0-9].txt")):
        hid, meta, sessions, questions = parse(path)
        client = meta["client"]
        step = int(meta.get("step", "3"))
        tags = {}
        for si, s in enumerate(sessions, 1):
            for ti, t in enumerate(s["turns"], 1):
                nid = f"{hid}-s{si:02d}-t{ti:02d}"
                at = s["start"] + timedelta(minutes=step * (ti - 1))
                if t["tag"]:
                    if t["tag"] in tags:
                        sys.exit(f"{path}:{t['line']}: duplicate tag {t['tag']}")
                    tags[t["tag"]] = nid
                notes.append({"id": nid, "client": client, "text": t["text"],
                              "at": at.strftime("%Y-%m-%dT%H:%M:%S")})
        for qi, q in enumerate(questions, 1):
            qid = f"{hid}-q{qi:02d}"
            ev = []
            for tg in q["tags"]:
                if tg not in tags:
                    sys.exit(f"{path}:{q['line']}: unknown tag {tg}")
                ev.append(tags[tg])
            row = {"qid": qid, "query": q["query"]}
            if q["carry"]:
                row["client"] = client
            queries.append(row)
            answers.append({"qid": qid, "type": q["type"], "evidence": ev})
    for name, rows in (("notes.jsonl", notes), ("queries.jsonl", queries), ("answers.jsonl", answers)):
        with open(ROOT / name, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"notes {len(notes)}  queries {len(queries)}  answers {len(answers)}")


if __name__ == "__main__":
    build()
