#!/usr/bin/env python3
"""Validate notes/queries/answers in this directory. Exit 1 on any error."""
import json, os, sys, collections, datetime
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errs = []
def jl(name): return [json.loads(l) for l in open(os.path.join(D, name), encoding="utf-8")]
notes, queries, answers = jl("notes.jsonl"), jl("queries.jsonl"), jl("answers.jsonl")
ids = [n["id"] for n in notes]
if len(ids) != len(set(ids)): errs.append("duplicate note ids")
for i, n in enumerate(notes, 1):
    if set(n) != {"id", "client", "text", "at"}: errs.append(f"note line {i}: keys {sorted(n)}")
    if not n["text"].strip(): errs.append(f"note {n['id']}: empty text")
    datetime.datetime.fromisoformat(n["at"])
byid = {n["id"]: n for n in notes}
clients = {n["client"] for n in notes}
qids = [q["qid"] for q in queries]
if len(qids) != len(set(qids)): errs.append("duplicate qids")
amap = {a["qid"]: a for a in answers}
if set(amap) != set(qids): errs.append("answers/queries qid mismatch")
TYPES = {"single-hop", "multi-hop", "temporal", "open-domain", "adversarial"}
sess = lambda nid: nid.rsplit("-t", 1)[0]
for q in queries:
    if "client" in q and q["client"] not in clients: errs.append(f"{q['qid']}: unknown client {q['client']}")
    a = amap[q["qid"]]
    if a["type"] not in TYPES: errs.append(f"{q['qid']}: bad type")
    if not a["evidence"]: errs.append(f"{q['qid']}: no evidence")
    for e in a["evidence"]:
        if e not in byid: errs.append(f"{q['qid']}: evidence {e} missing")
        elif "client" in q and byid[e]["client"] != q["client"]: errs.append(f"{q['qid']}: evidence {e} from another client")
    if a["type"] == "multi-hop" and len({sess(e) for e in a["evidence"]}) < 2:
        errs.append(f"{q['qid']}: multi-hop evidence in one session")
# per history: sessions and turns per session
per = collections.defaultdict(lambda: collections.Counter())
for n in notes: per[n["client"]][sess(n["id"])] += 1
for c, sc in per.items():
    if len(sc) < 20: errs.append(f"{c}: only {len(sc)} sessions")
    bad = {s: k for s, k in sc.items() if not 8 <= k <= 25}
    if bad: errs.append(f"{c}: sessions outside 8-25 turns: {bad}")
print(f"notes {len(notes)}, clients {len(clients)}, queries {len(queries)}, with client {sum('client' in q for q in queries)}")
print("types", dict(collections.Counter(a["type"] for a in answers)))
print("evidence ids per question: mean %.2f, max %d" % (sum(len(a['evidence']) for a in answers) / len(answers), max(len(a['evidence']) for a in answers)))
for e in errs: print("ERROR", e)
sys.exit(1 if errs else 0)
