#!/usr/bin/env python3
"""Turn the hand-written histories in src/*.txt into notes.jsonl, queries.jsonl, answers.jsonl.

Source format (one history per file):
  client: NAME            the client the notes are filed under
  kind: sales|personal
  ## YYYY-MM-DD HH:MM     a session; every following non-empty line is one turn (one note)
  [label] text            a turn may carry a label that questions cite as evidence
  Q type c|- :: query :: label, label    a question; 'c' = the query gives the client
Turn n of session s of history hNN gets id hNN-sSS-tTT and at = session time + 2n minutes.
"""
import json, re, sys, glob, os
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"single-hop", "multi-hop", "temporal", "open-domain", "adversarial"}

def parse(path):
    hid = os.path.basename(path).split("_")[0]
    client = kind = None
    sessions, questions, labels = [], [], {}
    for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.strip()
        if not line or line.startswith("#!"):
            continue
        if line.startswith("client:"):
            client = line.split(":", 1)[1].strip(); continue
        if line.startswith("kind:"):
            kind = line.split(":", 1)[1].strip(); continue
        if line.startswith("## "):
            sessions.append((datetime.strptime(line[3:].strip()[:16], "%Y-%m-%d %H:%M"), []))
            continue
        if line.startswith("Q "):
            head, query, ev = [p.strip() for p in line[2:].split("::")]
            qtype, cflag = head.split()
            assert qtype in TYPES, (path, ln, qtype)
            questions.append((qtype, cflag == "c", query, [e.strip() for e in ev.split(",") if e.strip()], ln))
            continue
        m = re.match(r"^\[(\w+)\]\s*(.*)$", line)
        label, text = (m.group(1), m.group(2)) if m else (None, line)
        assert sessions, (path, ln, "turn before first session")
        start, turns = sessions[-1]
        s, t = len(sessions), len(turns) + 1
        nid = f"{hid}-s{s:02d}-t{t:02d}"
        turns.append({"id": nid, "client": client, "text": text,
                      "at": (start + timedelta(minutes=2 * (t - 1))).isoformat(timespec="seconds")})
        if label:
            assert label not in labels, (path, ln, "duplicate label", label)
            labels[label] = nid
    return hid, client, kind, sessions, questions, labels

def main():
    notes, queries, answers = [], [], []
    for path in sorted(glob.glob(os.path.join(HERE, "src", "h*_*.txt"))):
        hid, client, kind, sessions, questions, labels = parse(path)
        for _, turns in sessions:
            notes.extend(turns)
        for i, (qtype, give, query, ev, ln) in enumerate(questions, 1):
            qid = f"{hid}-q{i:02d}"
            for e in ev:
                assert e in labels, (path, ln, "unknown label", e)
            q = {"qid": qid, "query": query}
            if give:
                q["client"] = client
            queries.append(q)
            answers.append({"qid": qid, "type": qtype, "evidence": [labels[e] for e in ev]})
    for name, rows in (("notes", notes), ("queries", queries), ("answers", answers)):
        with open(os.path.join(HERE, f"{name}.jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"notes {len(notes)}  queries {len(queries)}")

if __name__ == "__main__":
    main()
