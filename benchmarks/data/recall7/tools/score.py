#!/usr/bin/env python3
"""Score `chet search --queries queries.jsonl -k 10 --json` output against answers.jsonl.

usage: score.py OUT.jsonl [--answers answers.jsonl] [--json]
Evidence recall@k of a question = fraction of its evidence note ids among the top k hits;
averaged over all questions (a question missing from OUT counts 0), overall and by type.
"""
import argparse
import collections
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def hit_id(r):
    if isinstance(r, str):
        return r
    if isinstance(r, dict):
        for k in ("note_id", "id", "noteId", "note"):
            v = r.get(k)
            if isinstance(v, str):
                return v
            if isinstance(v, dict):
                return hit_id(v)
    return None


def read_out(path):
    text = open(path, encoding="utf-8").read()
    docs = []
    try:
        d = json.loads(text)
        docs = d if isinstance(d, list) else [d]
    except ValueError:
        for i, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line:
                continue
            try:
                docs.append(json.loads(line))
            except ValueError:
                print(f"warning: {path}:{i} is not JSON, skipped", file=sys.stderr)
    out = {}
    for d in docs:
        if not isinstance(d, dict) or "qid" not in d:
            continue
        res = d.get("results", d.get("hits", []))
        ids = [i for i in (hit_id(r) for r in (res or [])) if i is not None]
        out[str(d["qid"])] = ids
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--answers", default=os.path.join(ROOT, "answers.jsonl"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    answers = [json.loads(l) for l in open(a.answers, encoding="utf-8") if l.strip()]
    got = read_out(a.out)
    acc = collections.defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0.0])
    for ans in answers:
        ev = set(ans["evidence"])
        ids = got.get(ans["qid"], [])
        r5 = len(ev & set(ids[:5])) / len(ev)
        r10 = len(ev & set(ids[:10])) / len(ev)
        # secondary figure: divided by min(|evidence|, k), so a question with more than k evidence turns can reach 1
        c5 = len(ev & set(ids[:5])) / min(len(ev), 5)
        c10 = len(ev & set(ids[:10])) / min(len(ev), 10)
        for key in ("overall", "type:" + ans["type"], "history:" + ans["qid"].split("-")[0]):
            a_ = acc[key]
            a_[0] += 1
            a_[1] += r5
            a_[2] += r10
            a_[3] += c5
            a_[4] += c10
    res = {k: {"n": n, "recall@5": round(s5 / n, 4), "recall@10": round(s10 / n, 4),
               "capped_recall@5": round(c5 / n, 4), "capped_recall@10": round(c10 / n, 4)}
           for k, (n, s5, s10, c5, c10) in acc.items()}
    res["missing_qids"] = sum(1 for x in answers if x["qid"] not in got)
    if a.json:
        print(json.dumps(res, indent=1))
        return 0
    print(f"{'':<22}{'n':>5}{'R@5':>8}{'R@10':>8}{'cR@5':>8}{'cR@10':>8}")
    for k in ["overall"] + sorted(k for k in res if k.startswith("type:")) + sorted(k for k in res if k.startswith("history:")):
        r = res[k]
        print(f"{k:<22}{r['n']:>5}{r['recall@5']:>8.3f}{r['recall@10']:>8.3f}"
              f"{r['capped_recall@5']:>8.3f}{r['capped_recall@10']:>8.3f}")
    print(f"questions missing from output: {res['missing_qids']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
