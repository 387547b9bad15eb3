"""Measure the shared-history threshold on the dev sets: how like a note must a "we met" sentence be?

For every draft of the dev sets, each sentence the `shared_history` rule treats as a claim of a shared
past is compared (local MiniLM, cosine) with every sentence of that client's notes written by the
draft's time. Truthful drafts give the scores that must pass; drafts planted with an
`unsupported_claim` give the scores that should fail. Prints, per threshold, the share of truthful
claim sentences that would be flagged and of planted ones that would be caught, and writes
`benchmarks/results/guard_history.json`. The rule's `THRESHOLD` is the 10th percentile of the
truthful scores over all dev sets, rounded down to 0.05 (printed as "measured threshold"): a
paraphrase that scores like nine truthful sentences in ten passes. The table counts the rule's
decision (a sentence naming something no note word matches, scoring under the threshold).

Run: `python -m benchmarks.guard_history [--cases PATH ...]`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from benchmarks.guard_sets import DEV_SETS, load_cases
from bot.guard.normalise import normalise
from bot.guard.rules.base import Evidence
from bot.guard.rules.shared_history import (
    _CachedEmbed,
    best_support,
    claim_text,
    evidence_sentences,
    history_claims,
    lexically_supported,
    particulars,
)

RESULTS = Path(__file__).parent / "results" / "guard_history.json"
GRID = [round(0.25 + 0.025 * i, 3) for i in range(17)]


def scores(cases: list[dict[str, Any]], embed: _CachedEmbed) -> list[dict[str, Any]]:
    """One row per shared-history sentence of a draft: its label, best note sentence and score."""
    rows = []
    for case in cases:
        text = normalise(case["text"]).text
        claims = history_claims(text)
        if not claims:
            continue
        notes = [n for n in case["notes"] if n["client"] == case["client"] and n["at"][:10] <= case["at"][:10]]
        ev = Evidence(
            notes=tuple((n["id"], normalise(n["text"]).text) for n in notes),
            facts=(),
            commitments=(),
            purpose="",
            names=case["client"],
        )
        support = evidence_sentences(ev)
        for start, end in claims:
            claim = claim_text(text[start:end])
            score, best = best_support(claim, [s for _, s in support], embed)
            label = "truthful" if case["expect"] == "pass" else case["kinds"][0]
            words = particulars(claim, ev.names)
            judged = bool(words) and not lexically_supported(words, claim, ev)
            rows.append(
                {"id": case["id"], "label": label, "claim": claim, "score": round(score, 3), "judged": judged,
                 "best": support[best][1] if best >= 0 else ""}
            )  # fmt: skip
    return rows


def table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per threshold: truthful sentences flagged, unsupported_claim sentences caught."""
    truthful = [r["score"] for r in rows if r["label"] == "truthful" and r["judged"]]
    planted = [r["score"] for r in rows if r["label"] == "unsupported_claim" and r["judged"]]
    return [
        {
            "threshold": t,
            "truthful_flagged": sum(s < t for s in truthful),
            "truthful": len(truthful),
            "planted_caught": sum(s < t for s in planted),
            "planted": len(planted),
        }
        for t in GRID
    ]


def measured_threshold(rows: list[dict[str, Any]]) -> float:
    """The 10th percentile of the truthful sentences' scores, rounded down to 0.05."""
    truthful = sorted(r["score"] for r in rows if r["label"] == "truthful")
    if not truthful:
        return 0.0
    tenth = truthful[int(0.1 * (len(truthful) - 1))]
    return int(tenth * 20) / 20


def main(argv: list[str] | None = None) -> int:
    """Score every dev set (or the given files) and print the threshold table."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--cases", type=Path, action="append", help="cases file(s) instead of the dev sets")
    p.add_argument("--show", action="store_true", help="print every scored sentence")
    args = p.parse_args(argv)
    paths = {path.stem: path for path in args.cases} if args.cases else DEV_SETS
    embed = _CachedEmbed()
    doc: dict[str, Any] = {}
    every: list[dict[str, Any]] = []
    for name, path in paths.items():
        rows = scores(load_cases(path), embed)
        every += rows
        doc[name] = {"table": table(rows), "rows": rows}
        print(f"{name}: {len(rows)} shared-history sentences")
        for row in doc[name]["table"]:
            print(
                f"  < {row['threshold']:.3f}: truthful flagged {row['truthful_flagged']}/{row['truthful']}, "
                f"unsupported caught {row['planted_caught']}/{row['planted']}"
            )
        if args.show:
            for r in sorted(rows, key=lambda r: r["score"]):
                judged = "judged" if r["judged"] else "left  "
                print(f"    {r['score']:.3f} {judged} {r['label']:<22} {r['claim'][:80]!r} <- {r['best'][:60]!r}")
    doc["measured_threshold"] = measured_threshold(every)
    print(f"measured threshold (10th percentile of {sum(r['label'] == 'truthful' for r in every)} truthful scores): "
          f"{doc['measured_threshold']:.2f}")  # fmt: skip
    if not args.cases:
        RESULTS.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
