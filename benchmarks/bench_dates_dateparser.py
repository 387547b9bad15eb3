"""memory.dates against dateparser on the number grammar of notes (issue 13: measure before adopting).

Sentences in our own words: fractions, sizes, amounts and the verbs "may"/"march" that are no dates, and
dates typed the phone way. Run: `PYTHONPATH=$PWD python -m benchmarks.bench_dates_dateparser`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from memory.dates import find_dates

NO_DATE = [
    "her boy needs a 1/2 size violin",
    "wants the 3/4 sleeve linen shirt",
    "ordering 40 lengths of 3/4 inch copper pipe",
    "a 3/4 cello for the youth orchestra",
    "size 1/2 please",
    "runs a 1/2 day workshop for new staff",
    "she may join the call",
    "we march on",
    "the 5 may be late",
    "paying 2,800 a month",
    "budget €35-40k",
    "4 bakkies and a tractor",
    "no answer for weeks",
    "room for 12 may be tight",
]
DATED = [
    "delivery on 3/4 please",
    "install by 1/2",
    "her bday is may 14",
    "turns 8 on 19 December",
    "in town Dec 14-16",
    "renewal due Dec 27",
    "decision by january 9",
    "14 march viewing",
]


def _dateparser() -> Callable[[str], bool]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(2026, 12, 7), "PREFER_DATES_FROM": "future"}
    return lambda text: bool(search_dates(text, languages=["en"], settings=settings))


def main() -> None:
    """Print false dates, dates found and time per sentence for each parser."""
    for name, found in (("dateparser", _dateparser()), ("memory.dates", lambda text: bool(find_dates(text)))):
        start = time.perf_counter()
        false = sum(found(t) for t in NO_DATE)
        true = sum(found(t) for t in DATED)
        ms = 1000 * (time.perf_counter() - start) / (len(NO_DATE) + len(DATED))
        print(f"{name}: false dates {false}/{len(NO_DATE)}, dates found {true}/{len(DATED)}, {ms:.1f} ms/sentence")


if __name__ == "__main__":
    main()
