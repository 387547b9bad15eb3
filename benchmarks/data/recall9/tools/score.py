#!/usr/bin/env python3
"""Evidence recall@5 / @10 of a `chet search --queries ... -k 10 --json` output.

usage: python3 tools/score.py OUT.jsonl [--json]
A question missing from OUT counts 0. Table by type and by history (qid prefix hNN).
"""
import json, sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(p):
    with open(p, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    args = [a for a in sys.argv[1:] if a != "--json"]
    as_json = "--json" in sys.argv[1:]
    if len(args) != 1:
        sys.exit("usage: score.py OUT.jsonl [--json]")
    answers = load(ROOT / "answers.jsonl")
    got = {}
    for r in load(args[0]):
        got[r["qid"]] = [x.get("note_id", x.get("id")) for x in r.get("results", [])]
    groups = defaultdict(lambda: [0, 0.0, 0.0])
    for a in answers:
        ev = set(a["evidence"])
        res = got.get(a["qid"], [])
        r5 = len(ev & set(res[:5])) / len(ev)
        r10 = len(ev & set(res[:10])) / len(ev)
        for key in ("overall", "type:" + a["type"], "history:" + a["qid"].split("-")[0]):
            g = groups[key]
            g[0] += 1; g[1] += r5; g[2] += r10
    table = {k: {"n": v[0], "recall@5": round(v[1] / v[0], 4), "recall@10": round(v[2] / v[0], 4)}
             for k, v in sorted(groups.items(), key=lambda kv: (kv[0] != "overall", kv[0]))}
    table["missing"] = sum(1 for a in answers if a["qid"] not in got)
    if as_json:
        print(json.dumps(table, indent=1))
        return
    print(f"{'group':<24}{'n':>5}{'R@5':>9}{'R@10':>9}")
    for k, v in table.items():
        if k == "missing":
            continue
        print(f"{k:<24}{v['n']:>5}{v['recall@5']:>9.3f}{v['recall@10']:>9.3f}")
    print(f"missing questions: {table['missing']}")


if __name__ == "__main__":
    main()
