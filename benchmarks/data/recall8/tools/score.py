#!/usr/bin/env python3
"""Score `chet search --queries queries.jsonl -k 10 --json` output against answers.jsonl.

Usage: python3 tools/score.py OUT.jsonl [--answers answers.jsonl] [--json]

OUT.jsonl: one JSON line per query, {"qid", "results": [{"note_id", ...}, ...]} best first
(DESIGN.md search contract); a hit's id is read from "note_id", else "id".
Evidence recall@k for a question = |evidence ids in the top k| / |evidence ids|; a question
missing from OUT (or with a line that does not parse) scores 0. Reported overall, by type and
by history (hNN from the qid), as means over questions.
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KS = (5, 10)


def hit_ids(row):
    out = []
    for r in row.get("results") or []:
        if isinstance(r, dict):
            nid = r.get("note_id", r.get("id"))
            if nid is not None:
                out.append(str(nid))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--answers", default=str(ROOT / "answers.jsonl"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    answers = [json.loads(l) for l in open(a.answers, encoding="utf-8") if l.strip()]
    got, bad = {}, 0
    with open(a.out, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if isinstance(row, dict) and "qid" in row and row["qid"] not in got:
                got[row["qid"]] = hit_ids(row)
    groups = defaultdict(lambda: {k: [] for k in KS})
    missing = 0
    for ans in answers:
        ev = set(ans["evidence"])
        hits = got.get(ans["qid"])
        if hits is None:
            missing += 1
            hits = []
        for k in KS:
            r = len(ev & set(hits[:k])) / len(ev) if ev else 0.0
            for g in ("overall", "type:" + ans["type"], "history:" + ans["qid"][:3]):
                groups[g][k].append(r)

    def summary(g):
        v = groups[g]
        n = len(v[KS[0]])
        return {"n": n, **{f"recall@{k}": round(sum(v[k]) / n, 4) if n else 0.0 for k in KS}}

    res = {"questions": len(answers), "answered": len(answers) - missing, "missing": missing,
           "unparsable_lines": bad, "overall": summary("overall"),
           "by_type": {g[5:]: summary(g) for g in sorted(groups) if g.startswith("type:")},
           "by_history": {g[8:]: summary(g) for g in sorted(groups) if g.startswith("history:")}}
    if a.json:
        print(json.dumps(res, indent=2))
        return 0
    print(f"questions {res['questions']}  answered {res['answered']}  missing {missing}  unparsable {bad}")
    print(f"{'group':<16}{'n':>5}{'R@5':>8}{'R@10':>8}")
    rows = [("overall", res["overall"])] + list(res["by_type"].items()) + list(res["by_history"].items())
    for name, s in rows:
        print(f"{name:<16}{s['n']:>5}{s['recall@5']:>8.3f}{s['recall@10']:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
