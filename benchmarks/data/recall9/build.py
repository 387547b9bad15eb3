#!/usr/bin/env python3
"""Assemble src/hNN.txt (hand-written histories and questions) into notes.jsonl,
queries.jsonl and answers.jsonl. Deterministic: same sources, same bytes.

Source format (one history per file):
  H hNN | client name | sales|chat
  P name, name, ...           people of the history (a question without client names one)
  S YYYY-MM-DD HH:MM          a session starts; each following line is one turn
  <turn text>                 turn t gets time = session start + 4 min * (t-1)
  Q <type> [c] | <s.t s.t ...> | <question>
                              c = the question carries the history's client
"""
import json, re, sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TYPES = {"single-hop", "multi-hop", "temporal", "open-domain", "adversarial"}


def parse(path):
    hid = client = kind = None
    sessions, questions = [], []
    for ln, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("H "):
            hid, client, kind = [x.strip() for x in line[2:].split("|")]
        elif line.startswith("P "):
            pass  # people of the history: read by tools/validate.py
        elif line.startswith("S "):
            start = datetime.strptime(line[2:].strip(), "%Y-%m-%d %H:%M")
            sessions.append([start, []])
        elif line.startswith("Q "):
            head, ev, q = line[2:].split("|", 2)
            parts = head.split()
            qtype = parts[0]
            if qtype not in TYPES:
                sys.exit(f"{path}:{ln}: bad type {qtype}")
            questions.append((qtype, "c" in parts[1:], ev.split(), q.strip(), ln))
        else:
            if not sessions:
                sys.exit(f"{path}:{ln}: turn before any session")
            sessions[-1][1].append(line.strip())
    return hid, client, kind, sessions, questions


def main():
    notes, queries, answers = [], [], []
    for path in sorted((ROOT / "src").glob("h*.txt")):
        hid, client, kind, sessions, questions = parse(path)
        for si, (start, turns) in enumerate(sessions, 1):
            for ti, text in enumerate(turns, 1):
                at = start + timedelta(minutes=4 * (ti - 1))
                notes.append({"id": f"{hid}-s{si:02d}-t{ti:02d}", "client": client,
                              "text": text, "at": at.strftime("%Y-%m-%dT%H:%M:%S")})
        for qi, (qtype, has_client, ev, q, ln) in enumerate(questions, 1):
            qid = f"{hid}-q{qi:02d}"
            rec = {"qid": qid, "query": q}
            if has_client:
                rec["client"] = client
            queries.append(rec)
            ids = []
            for e in ev:
                s, t = e.split(".")
                ids.append(f"{hid}-s{int(s):02d}-t{int(t):02d}")
            answers.append({"qid": qid, "type": qtype, "evidence": ids})
    for name, rows in (("notes.jsonl", notes), ("queries.jsonl", queries), ("answers.jsonl", answers)):
        with open(ROOT / name, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"notes {len(notes)}  queries {len(queries)}  answers {len(answers)}")


if __name__ == "__main__":
    main()
