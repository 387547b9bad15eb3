#!/usr/bin/env python3
"""Evidence recall@5 / @10 for the blind recall set.

usage: python3 tools/score.py OUT.jsonl [--json]

OUT.jsonl is the output of
    chet --data-dir D search --queries queries.jsonl -k 10 --json
one JSON object per line with "qid" and "results" (a list of objects with "note_id",
else "id"). For each question, recall@k = fraction of its evidence note ids found in the
top k results; averaged over questions. A question missing from OUT counts 0.
Questions whose evidence list is empty (adversarial with nothing close in the history)
are not scored for recall; they are only counted (n_no_evidence).
"""
import json, sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"error: {path}:{ln}: not JSON ({e})")
    return rows


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    as_json = "--json" in argv
    if len(args) != 1:
        sys.exit("usage: score.py OUT.jsonl [--json]")
    answers = load_jsonl(ROOT / "answers.jsonl")
    got = {}
    for r in load_jsonl(args[0]):
        ids = []
        for x in r.get("results") or []:
            nid = x.get("note_id", x.get("id")) if isinstance(x, dict) else x
            ids.append(str(nid))
        got[str(r.get("qid"))] = ids
    groups = defaultdict(lambda: {"n": 0, "r5": 0.0, "r10": 0.0})
    no_ev = 0
    missing = 0
    for a in answers:
        ev = a["evidence"]
        if not ev:
            no_ev += 1
            continue
        res = got.get(a["qid"])
        if res is None:
            missing += 1
            res = []
        r5 = len(set(ev) & set(res[:5])) / len(set(ev))
        r10 = len(set(ev) & set(res[:10])) / len(set(ev))
        hist = a["qid"].split("-")[0]
        for key in ("overall", "type:" + a["type"], "history:" + hist):
            g = groups[key]
            g["n"] += 1; g["r5"] += r5; g["r10"] += r10
    out = {k: {"n": g["n"], "recall@5": round(g["r5"] / g["n"], 4), "recall@10": round(g["r10"] / g["n"], 4)}
           for k, g in sorted(groups.items(), key=lambda kv: (kv[0] != "overall", kv[0]))}
    summary = {"scores": out, "n_no_evidence": no_ev, "n_missing_from_output": missing}
    if as_json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{'group':28} {'n':>5} {'R@5':>7} {'R@10':>7}")
        for k, v in out.items():
            print(f"{k:28} {v['n']:>5} {v['recall@5']:>7.3f} {v['recall@10']:>7.3f}")
        print(f"questions without evidence (not scored): {no_ev}; missing from output (scored 0): {missing}")


if __name__ == "__main__":
    main(sys.argv[1:])
