#!/usr/bin/env python3
"""Score a `chet search --queries queries.jsonl -k 10 --json` output.

usage: python3 tools/score.py RESULTS.jsonl [--json]
Evidence recall@k = share of a question's evidence note ids found in its top k results, averaged over questions.
Reported overall, by question type, by history (client of the evidence), and with/without the client given.
"""
import json, os, sys, collections
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def jl(p): return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
answers = {a["qid"]: a for a in jl(os.path.join(D, "answers.jsonl"))}
queries = {q["qid"]: q for q in jl(os.path.join(D, "queries.jsonl"))}
client_of = {n["id"]: n["client"] for n in jl(os.path.join(D, "notes.jsonl"))}
got = {r["qid"]: [x["note_id"] for x in r.get("results", [])] for r in jl(sys.argv[1])}
missing = [q for q in answers if q not in got]
groups = collections.defaultdict(lambda: {5: [], 10: []})
for qid, a in answers.items():
    ids = got.get(qid, [])
    ev = set(a["evidence"])
    for k in (5, 10):
        r = len(ev & set(ids[:k])) / len(ev)
        for g in ("all", "type:" + a["type"], "history:" + client_of[a["evidence"][0]],
                  "client_given:" + ("yes" if "client" in queries[qid] else "no")):
            groups[g][k].append(r)
out = {g: {"n": len(v[5]), "recall@5": round(sum(v[5]) / len(v[5]), 3), "recall@10": round(sum(v[10]) / len(v[10]), 3)}
       for g, v in sorted(groups.items(), key=lambda kv: (kv[0] != "all", kv[0]))}
if "--json" in sys.argv:
    print(json.dumps({"missing_qids": len(missing), "groups": out}, indent=1))
else:
    if missing: print(f"WARNING: {len(missing)} questions have no result line (scored as 0)")
    for g, v in out.items(): print(f"{g:32s} n={v['n']:4d}  recall@5={v['recall@5']:.3f}  recall@10={v['recall@10']:.3f}")
