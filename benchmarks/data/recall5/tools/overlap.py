#!/usr/bin/env python3
"""Content-word overlap between each question and its evidence (crude suffix stemming)."""
import json, re, os, sys, collections
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STOP = set("""a an the and or but if of to in on at for from by with about as is are was were be been being do does did done
have has had having i me my we our you your he him his she her it its they them their what which who whom whose when where why how
this that these those there here than then so not no yes can could would should will shall may might must up down out over under
again once all any both each few more most other some such only own same too very just also into after before during while
now ever still s t d ll m re ve y one two first last new old get got go went did make made""".split())
def stem(w):
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > 4 and w.endswith(suf): return w[: -len(suf)]
    return w
def words(t): return {stem(w) for w in re.findall(r"[a-z0-9']+", t.lower().replace("'s", "")) if w not in STOP and len(w) > 1}
notes = {n["id"]: n for n in map(json.loads, open(os.path.join(D, "notes.jsonl")))}
ans = {a["qid"]: a for a in map(json.loads, open(os.path.join(D, "answers.jsonl")))}
by = collections.defaultdict(list)
for q in map(json.loads, open(os.path.join(D, "queries.jsonl"))):
    a = ans[q["qid"]]
    ev = set().union(*(words(notes[e]["text"]) for e in a["evidence"]))
    ov = words(q["query"]) & ev
    by[a["type"]].append(len(ov))
    if a["type"] == "adversarial" and ov and "-v" in sys.argv: print(q["qid"], q["query"], "->", sorted(ov))
for t, v in by.items(): print(f"{t}: mean overlap {sum(v)/len(v):.2f} content words, zero-overlap {sum(x==0 for x in v)}/{len(v)}")
