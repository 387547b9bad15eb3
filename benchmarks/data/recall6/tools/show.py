#!/usr/bin/env python3
"""Print questions with their evidence turns, for review: python3 tools/show.py [qid-prefix]"""
import json, os, sys
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rd = lambda n: [json.loads(l) for l in open(os.path.join(ROOT, n), encoding="utf-8") if l.strip()]
notes = {n["id"]: n for n in rd("notes.jsonl")}
qs = {q["qid"]: q for q in rd("queries.jsonl")}
prefix = sys.argv[1] if len(sys.argv) > 1 else ""
for a in rd("answers.jsonl"):
    if a["qid"].startswith(prefix):
        q = qs[a["qid"]]
        print(f"## {a['qid']} [{a['type']}] client={q.get('client', '-')}: {q['query']}")
        for e in a["evidence"]:
            print(f"   {e}  {notes[e]['at']}  {notes[e]['text']}")
