#!/usr/bin/env python3
"""Evidence recall@5 / @10 for the blind recall set 11.

usage: python3 tools/score.py OUT.jsonl [--json]
OUT.jsonl is the output of `chet search --queries queries.jsonl -k 10 --json`: one JSON object per
line with "qid" and "results" (a list of objects; the note id is read from "note_id", else "id").
For each question with evidence: recall@k = |evidence ids in top k| / |evidence ids|.
A question missing from OUT.jsonl counts 0. Questions with empty evidence (adversarial questions
about something the history never mentions) have no recall to measure: they are counted
separately under "no_evidence" and excluded from the averages.
Reported: overall, by type, by history (hNN).
"""
import json, sys, pathlib
from collections import defaultdict

HERE = pathlib.Path(__file__).resolve().parent.parent


def load(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            line = line.strip()
            if line:
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"error: {path}:{i}: bad json: {e}")
    return rows


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    as_json = "--json" in argv
    if len(args) != 1:
        sys.exit("usage: score.py OUT.jsonl [--json]")
    answers = load(HERE / "answers.jsonl")
    got = {}
    for row in load(args[0]):
        ids = []
        for r in row.get("results") or []:
            nid = r.get("note_id", r.get("id")) if isinstance(r, dict) else r
            ids.append(str(nid))
        got[row.get("qid")] = ids
    groups = defaultdict(lambda: [0.0, 0.0, 0])  # sum r5, sum r10, n
    no_ev = 0
    missing = 0
    for a in answers:
        ev = set(a["evidence"])
        if not ev:
            no_ev += 1
            continue
        res = got.get(a["qid"])
        if res is None:
            missing += 1
            res = []
        r5 = len(ev & set(res[:5])) / len(ev)
        r10 = len(ev & set(res[:10])) / len(ev)
        for key in ("overall", "type:" + a["type"], "history:" + a["qid"][:3]):
            g = groups[key]
            g[0] += r5; g[1] += r10; g[2] += 1
    out = {k: {"recall@5": round(v[0] / v[2], 4), "recall@10": round(v[1] / v[2], 4), "n": v[2]}
           for k, v in sorted(groups.items(), key=lambda kv: (kv[0] != "overall", kv[0]))}
    report = {"scores": out, "no_evidence": no_ev, "missing_in_output": missing}
    if as_json:
        print(json.dumps(report, indent=1))
        return
    print(f"{'group':28s} {'n':>4s} {'R@5':>7s} {'R@10':>7s}")
    for k, v in out.items():
        print(f"{k:28s} {v['n']:4d} {v['recall@5']:7.3f} {v['recall@10']:7.3f}")
    print(f"questions with no evidence (not scored): {no_ev}; scored questions missing from output: {missing}")


if __name__ == "__main__":
    main(sys.argv[1:])
