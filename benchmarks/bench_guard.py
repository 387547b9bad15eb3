"""Measure the truth guard on the labelled cases: catch rate and false-alarm rate, per kind.

Run: `.venv/bin/python -m benchmarks.bench_guard [--seed N] [--show]`. Prints a table and writes
`benchmarks/results/guard.json`. A planted case is caught when the guard reports a finding of the
planted kind; a truthful case is a false alarm when it gets any finding at all (block or warn).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from benchmarks.guard_cases import KINDS_ORDER, Case, build_cases, holdout_cases
from bot.guard import check_text

RESULTS = Path(__file__).parent / "results" / "guard.json"


def run(cases: list[Case], show: bool = False) -> dict:
    """Check every case; return the summary document."""
    planted, caught = Counter[str](), Counter[str]()
    truthful = 0
    false_alarms: Counter[str] = Counter()
    false_any = 0
    misses: list[dict] = []
    alarms: list[dict] = []
    started = time.perf_counter()
    for case in cases:
        report = check_text(case.text, case.ctx)
        kinds = {f.kind for f in report.findings}
        assert all(f.span in case.text for f in report.findings), case.id
        if case.kind is None:
            truthful += 1
            if report.findings:
                false_any += 1
                false_alarms.update(kinds)
                alarms.append({"id": case.id, "text": case.text, "findings": [f.__dict__ for f in report.findings]})
        else:
            planted[case.kind] += 1
            if case.kind in kinds:
                caught[case.kind] += 1
            else:
                misses.append({"id": case.id, "kind": case.kind, "text": case.text, "got": sorted(kinds)})
    elapsed = time.perf_counter() - started
    per_kind = {
        k: {
            "planted": planted[k],
            "caught": caught[k],
            "catch_rate": round(caught[k] / planted[k], 3) if planted[k] else None,
            "false_alarms": false_alarms[k],
            "false_alarm_rate": round(false_alarms[k] / truthful, 3) if truthful else None,
        }
        for k in KINDS_ORDER
    }
    total_planted = sum(planted.values())
    doc = {
        "cases": len(cases),
        "planted": total_planted,
        "truthful": truthful,
        "catch_rate": round(sum(caught.values()) / total_planted, 3),
        "false_alarm_rate": round(false_any / truthful, 3),
        "per_kind": per_kind,
        "ms_per_check": round(1000 * elapsed / len(cases), 2),
        "misses": misses,
        "false_alarms": alarms,
    }
    if show:
        for m in misses:
            print(f"MISS {m['id']} {m['kind']} got={m['got']}\n  {m['text']!r}")
        for a in alarms:
            print(f"FALSE {a['id']} {[(f['kind'], f['span']) for f in a['findings']]}\n  {a['text']!r}")
    return doc


def _brief(doc: dict) -> dict:
    """The headline figures of one run."""
    keys = ("cases", "planted", "truthful", "catch_rate", "false_alarm_rate")
    return {k: doc[k] for k in keys}


def main() -> None:
    """Run the benchmark, print the table, write the results file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args()
    generated, holdout = build_cases(args.seed), holdout_cases(args.seed + 4)
    doc = run(generated + holdout, args.show)
    doc["sets"] = {"generated": _brief(run(generated)), "adversarial": _brief(run(holdout))}
    print(f"{'kind':<24}{'planted':>8}{'caught':>8}{'catch':>8}{'false':>8}")
    for kind, row in doc["per_kind"].items():
        rate = "-" if row["catch_rate"] is None else f"{row['catch_rate']:.0%}"
        print(f"{kind:<24}{row['planted']:>8}{row['caught']:>8}{rate:>8}{row['false_alarm_rate']:>8.1%}")
    print(
        f"\n{doc['cases']} cases ({doc['planted']} planted, {doc['truthful']} truthful): "
        f"catch {doc['catch_rate']:.1%}, false alarms {doc['false_alarm_rate']:.1%}, "
        f"{doc['ms_per_check']} ms per check"
    )
    for name, brief in doc["sets"].items():
        print(
            f"  {name}: {brief['cases']} cases, catch {brief['catch_rate']:.1%}, "
            f"false alarms {brief['false_alarm_rate']:.1%}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(doc, indent=2, default=str) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
