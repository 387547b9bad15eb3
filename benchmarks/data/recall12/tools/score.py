#!/usr/bin/env python3
"""Evidence recall@5 and @10 for the blind recall set 12.

usage: tools/score.py OUT.jsonl [--json] [--answers answers.jsonl]

OUT.jsonl is the output of `chet search --queries queries.jsonl -k 10 --json`: one JSON object per
line with "qid" and "results" (a list of objects; the note id is read from "note_id", else "id").
A question's recall@k is the fraction of its evidence ids found in the first k results; a question
missing from OUT counts 0. Questions with no evidence ids (none in this set) would be skipped.
Reported overall, by question type and by history (the hNN prefix of the qid).
"""
import argparse, json, sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"error: {path}:{n}: not JSON ({e})")
    return rows


def ranked_ids(results):
    out = []
    for r in results or []:
        if isinstance(r, dict):
            nid = r.get("note_id", r.get("id"))
        else:
            nid = r
        if nid is not None:
            out.append(str(nid))
    return out


def score(out_rows, answers):
    got = {}
    for row in out_rows:
        if "qid" in row:
            got[str(row["qid"])] = ranked_ids(row.get("results"))
    per = []
    for a in answers:
        ev = set(a["evidence"])
        if not ev:
            continue
        ids = got.get(a["qid"], [])
        r5 = len(ev & set(ids[:5])) / len(ev)
        r10 = len(ev & set(ids[:10])) / len(ev)
        per.append({"qid": a["qid"], "type": a["type"], "history": a["qid"].split("-")[0],
                    "r5": r5, "r10": r10, "answered": a["qid"] in got})
    return per


def agg(rows):
    n = len(rows)
    if not n:
        return {"n": 0, "recall@5": None, "recall@10": None}
    return {"n": n, "recall@5": round(sum(r["r5"] for r in rows) / n, 4),
            "recall@10": round(sum(r["r10"] for r in rows) / n, 4)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--answers", default=str(HERE / "answers.jsonl"))
    args = ap.parse_args()
    answers = load_jsonl(args.answers)
    per = score(load_jsonl(args.out), answers)
    by_type, by_hist = defaultdict(list), defaultdict(list)
    for r in per:
        by_type[r["type"]].append(r)
        by_hist[r["history"]].append(r)
    report = {"overall": agg(per),
              "missing": sum(1 for r in per if not r["answered"]),
              "by_type": {k: agg(v) for k, v in sorted(by_type.items())},
              "by_history": {k: agg(v) for k, v in sorted(by_hist.items())}}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    o = report["overall"]
    print(f"questions {o['n']}  missing {report['missing']}")
    print(f"{'':14} {'n':>4} {'R@5':>7} {'R@10':>7}")
    print(f"{'overall':14} {o['n']:>4} {o['recall@5']:>7.3f} {o['recall@10']:>7.3f}")
    for title, group in (("type", report["by_type"]), ("history", report["by_history"])):
        print(f"-- by {title}")
        for k, v in group.items():
            print(f"{k:14} {v['n']:>4} {v['recall@5']:>7.3f} {v['recall@10']:>7.3f}")


if __name__ == "__main__":
    main()
