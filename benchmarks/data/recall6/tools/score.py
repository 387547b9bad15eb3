#!/usr/bin/env python3
"""Score `chet search --queries queries.jsonl -k 10 --json` output against answers.jsonl.

Usage: python3 tools/score.py OUT [--answers answers.jsonl] [--queries queries.jsonl]
                                  [--notes notes.jsonl] [--json] [--misses N]

OUT per the command-line contract is JSON Lines, one {"qid","results":[{"note_id",...},...]}
per query. Also accepted: one JSON document holding a list of such objects, a {"qid": results}
mapping, or {"results": [...]} wrapping the list; a result may be a bare note id string.
Per question, recall@k = |evidence in top k| / |evidence|; hit@k = any evidence in top k.
Reported overall, by type, by history (the evidence's client) and by whether the query gave
the client. A query missing from OUT scores 0 and is counted.
"""
import argparse, collections, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = ["single-hop", "multi-hop", "temporal", "open-domain", "adversarial"]

def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]

def result_ids(results):
    ids = []
    for r in results or []:
        if isinstance(r, str):
            ids.append(r)
        elif isinstance(r, dict):
            nid = r.get("note_id", r.get("id"))
            if nid is not None:
                ids.append(str(nid))
    return ids

def load_output(path):
    text = open(path, encoding="utf-8").read().strip()
    docs = []
    if not text:
        return {}
    try:
        whole = json.loads(text)
        docs = [whole]
    except json.JSONDecodeError:
        for i, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line:
                continue
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError:
                sys.exit(f"error: {path}:{i} is not JSON")
    out = {}
    def take(obj):
        if isinstance(obj, list):
            for o in obj:
                take(o)
        elif isinstance(obj, dict):
            if "qid" in obj:
                out[str(obj["qid"])] = result_ids(obj.get("results"))
            elif "results" in obj and isinstance(obj["results"], list):
                take(obj["results"])
            else:  # {"qid": [results]}
                for k, v in obj.items():
                    if isinstance(v, list):
                        out[str(k)] = result_ids(v)
                    elif isinstance(v, dict) and "results" in v:
                        out[str(k)] = result_ids(v["results"])
    for d in docs:
        take(d)
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--answers", default=os.path.join(ROOT, "answers.jsonl"))
    ap.add_argument("--queries", default=os.path.join(ROOT, "queries.jsonl"))
    ap.add_argument("--notes", default=os.path.join(ROOT, "notes.jsonl"))
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--misses", type=int, default=0, help="list N questions with recall@10 = 0")
    a = ap.parse_args()

    answers = {r["qid"]: r for r in read_jsonl(a.answers)}
    queries = {r["qid"]: r for r in read_jsonl(a.queries)}
    client_of = {n["id"]: n["client"] for n in read_jsonl(a.notes)}
    got = load_output(a.out)

    groups = collections.defaultdict(lambda: collections.defaultdict(list))
    missing, misses = [], []
    for qid, ans in answers.items():
        ev = set(ans["evidence"])
        ids = got.get(qid)
        if ids is None:
            missing.append(qid)
            ids = []
        row = {}
        for k in (5, 10):
            top = set(ids[:k])
            row[f"recall@{k}"] = len(ev & top) / len(ev)
            row[f"hit@{k}"] = 1.0 if ev & top else 0.0
        if row["recall@10"] == 0:
            misses.append(qid)
        hist = client_of.get(next(iter(ev)), "?")
        given = "client given" if "client" in queries.get(qid, {}) else "no client"
        for g in ("overall", f"type: {ans['type']}", f"history: {hist}", given):
            for m, v in row.items():
                groups[g][m].append(v)

    order = ["overall"] + [f"type: {t}" for t in TYPES] + ["client given", "no client"] + \
            sorted(g for g in groups if g.startswith("history: "))
    summary = {g: {"n": len(groups[g]["recall@5"]),
                   **{m: round(sum(v) / len(v), 4) for m, v in groups[g].items()}}
               for g in order if g in groups}
    if a.json:
        print(json.dumps({"summary": summary, "missing_qids": missing, "output_qids": len(got)}, indent=1))
    else:
        print(f"{'group':<32}{'n':>5}{'R@5':>8}{'R@10':>8}{'hit@5':>8}{'hit@10':>8}")
        for g, s in summary.items():
            print(f"{g:<32}{s['n']:>5}{s['recall@5']:>8.3f}{s['recall@10']:>8.3f}{s['hit@5']:>8.3f}{s['hit@10']:>8.3f}")
        if missing:
            print(f"\n{len(missing)} question(s) absent from {a.out} (scored 0): {', '.join(missing[:10])}"
                  + (" ..." if len(missing) > 10 else ""))
        if a.misses:
            print(f"\nrecall@10 = 0 ({len(misses)}):")
            for qid in misses[:a.misses]:
                print(f"  {qid} [{answers[qid]['type']}] {queries.get(qid, {}).get('query')}")

if __name__ == "__main__":
    main()
