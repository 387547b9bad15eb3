"""Place or company? "John Whitfield from Austin TX" names a place; "Linnea (Skogsbyrån AB)" a company.

A name is a place when it is a country (ISO 3166 names, from the time-zone database), a city of the time-zone
database ("Chicago", "Istanbul", "Dubai"), or a capitalised word followed by a region code ("Austin TX", "Calgary
AB"; memory/data/region_codes.tsv). A company suffix ("AB", "GmbH", "PT"; memory/data/company_suffixes.tsv) makes
it a company whatever else holds. The time-zone tables ship with Python's `tzdata` package or the system's
/usr/share/zoneinfo; without either, only region codes and suffixes are known.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import cache
from importlib.resources import files
from pathlib import Path

__all__ = ["is_company_name", "is_place"]

_DATA = Path(__file__).parent / "data"
_SYSTEM_ZONES = Path("/usr/share/zoneinfo")


def _table(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("\t")[:2]
            out[key] = value
    return out


def _iso3166() -> str:
    try:
        return (files("tzdata") / "zoneinfo" / "iso3166.tab").read_text(encoding="utf-8")
    except (ImportError, OSError, ModuleNotFoundError):
        path = _SYSTEM_ZONES / "iso3166.tab"
        return path.read_text(encoding="utf-8") if path.exists() else ""


@cache
def _places() -> frozenset[str]:
    """Country and city names, case-folded."""
    found = set()
    for line in _iso3166().splitlines():
        if line and not line.startswith("#") and "\t" in line:
            found.add(line.split("\t")[1].strip().casefold())
    try:
        zones = zoneinfo.available_timezones()
    except Exception:  # no zone database at all: countries and codes still work
        zones = set()
    for zone in zones:
        if "/" in zone and zone.split("/")[0] in {"Africa", "America", "Asia", "Atlantic", "Australia", "Europe"}:
            found.add(zone.rsplit("/", 1)[-1].replace("_", " ").casefold())
    found |= {"usa", "us", "uk", "uae", "america", "england", "scotland", "wales"}  # the usual short names
    return frozenset(found)


@cache
def _codes() -> frozenset[str]:
    return frozenset(_table("region_codes.tsv"))


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(s.casefold() for s in _table("company_suffixes.tsv"))


def is_company_name(name: str) -> bool:
    """Whether a name carries a company suffix ("Tegelwerk BV", "PT Kopi Nusantara")."""
    words = name.split()
    return len(words) >= 2 and (words[-1].casefold() in _suffixes() or words[0] in {"PT", "CV"})


def is_place(name: str) -> bool:
    """Whether a name is a place (a country, a city, "City ST"), and carries no company suffix."""
    name = " ".join(name.strip(" .,").split())
    if not name or (is_company_name(name) and not _city_then_code(name)):
        return False
    if name.casefold() in _places():
        return True
    if _city_then_code(name):
        return True
    parts = [p.strip() for p in name.split(",")]  # "Izmir, Turkey"
    return len(parts) == 2 and parts[1].casefold() in _places() | {c.casefold() for c in _codes()}


def _city_then_code(name: str) -> bool:
    """ "Austin TX", "San Antonio, TX": one to three capitalised words, then a region code in capitals."""
    m = re.fullmatch(r"(?P<city>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}),?\s+(?P<code>[A-Z]{2,3})", name)
    if not m or m["code"] not in _codes():
        return False
    # "Glow AB", "Nordic SA": a code that is also a company suffix needs a known city before it
    return m["code"].casefold() not in _suffixes() or m["city"].casefold() in _places()
