#!/usr/bin/env python3
"""A naive reference retriever written by the test writer (NOT Chet): BM25 over single turns,
filtered by client when the question gives one. Prints results in the `chet search --queries` JSON Lines shape."""
import json, math, os, re, collections
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STOP = set("a an the and or of to in on at for from by with is are was were be do does did what which who when where why how i you he she it they her his their my me this that".split())
def toks(t): return [w for w in re.findall(r"[a-z0-9]+", t.lower()) if w not in STOP]
notes = [json.loads(l) for l in open(os.path.join(D, "notes.jsonl"))]
docs = [toks(n["text"]) for n in notes]
df = collections.Counter(w for d in docs for w in set(d))
N = len(docs); avg = sum(map(len, docs)) / N
tfs = [collections.Counter(d) for d in docs]
def score(q, i, k1=1.2, b=0.75):
    s = 0.0; L = len(docs[i])
    for w in q:
        f = tfs[i].get(w)
        if f: s += math.log(1 + (N - df[w] + .5) / (df[w] + .5)) * f * (k1 + 1) / (f + k1 * (1 - b + b * L / avg))
    return s
for line in open(os.path.join(D, "queries.jsonl")):
    q = json.loads(line); qt = toks(q["query"])
    cand = [i for i, n in enumerate(notes) if "client" not in q or n["client"] == q["client"]]
    best = sorted(cand, key=lambda i: -score(qt, i))[:10]
    print(json.dumps({"qid": q["qid"], "results": [{"note_id": notes[i]["id"], "client": notes[i]["client"], "text": notes[i]["text"], "at": notes[i]["at"], "score": round(score(qt, i), 3)} for i in best]}))
