"""Spoken date forms: memory.dates (hand rules) against dateparser, on phrases written for this measure.

Run: PYTHONPATH=$PWD python benchmarks/dates_vs_dateparser.py
Each phrase holds one calendar date (month, day) inside note-like text, or none (a count, a time, a size).
Prints right/wrong per reader and the phrases each gets wrong.
"""

from __future__ import annotations

import time
import warnings
from datetime import datetime

from memory.dates import find_dates

CASES: list[tuple[str, tuple[int, int] | None]] = [
    ("his son turns 7 on the 19th of december", (12, 19)),
    ("install booked 19th dec", (12, 19)),
    ("delivery december the 19th", (12, 19)),
    ("her bday is the 3rd of march", (3, 3)),
    ("tasting on feb 2nd", (2, 2)),
    ("site visit 14 dec", (12, 14)),
    ("anniversary 21st june", (6, 21)),
    ("wedding is on the 1st of may", (5, 1)),
    ("closing jan 9", (1, 9)),
    ("handover on 2027-03-15", (3, 15)),
    ("the 30th of april works for the launch", (4, 30)),
    ("sept 5th for the survey", (9, 5)),
    ("the demo is the 8th of jan at 2pm", (1, 8)),
    ("wants 12 chairs and 4 tables", None),
    ("call her at 10 re mats", None),
    ("quote for 3 may poles", None),
    ("size 8 shoes, 2 pairs", None),
    ("she may come in 2 weeks", None),
    ("budget 40k, 6 treadmills", None),
    ("march 3 is her birthday", (3, 3)),
    ("oct 31st halloween event", (10, 31)),
    ("the 2nd of august for the fitting", (8, 2)),
    ("needs it 24/7", None),
    ("went 50/50 on the deposit", None),
]


def hand(text: str) -> tuple[int, int] | None:
    """The first date memory.dates finds."""
    found = find_dates(text)
    return (found[0].month, found[0].day) if found else None


def with_dateparser(text: str) -> tuple[int, int] | None:
    """The first date dateparser's search finds (English, a fixed base day)."""
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": datetime(2026, 12, 7)})
    if not found:
        return None
    return (found[0][1].month, found[0][1].day)


def main() -> None:
    """Score both readers."""
    for name, reader in (("memory.dates", hand), ("dateparser", with_dateparser)):
        start = time.perf_counter()
        wrong = [(t, want, got) for t, want in CASES if (got := reader(t)) != want]
        took = (time.perf_counter() - start) / len(CASES) * 1000
        print(f"{name}: {len(CASES) - len(wrong)}/{len(CASES)} right, {took:.1f} ms/phrase")
        for t, want, got in wrong:
            print(f"   {t!r}: want {want}, got {got}")


if __name__ == "__main__":
    main()
