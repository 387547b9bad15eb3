"""Place or company? "John Whitfield from Austin TX" names a place; "Linnea (Skogsbyrån AB)" a company.

A name is a place when it is a country (ISO 3166 names, from the time-zone database), a business city of
memory/data/cities.tsv ("Mumbai", "Boston", "Munich"), a city of the time-zone database that is no first name
("Chicago", "Istanbul"; "Phoenix", "Stanley" and "Victoria" may be a company or a person alone), or a known city
followed by a region code ("Austin TX", "Phoenix AZ"; memory/data/region_codes.tsv; "Acme CA" is a company). A
company suffix ("AB", "GmbH", "PT"; memory/data/company_suffixes.tsv) makes it a company whatever else holds. The time-zone tables ship with Python's `tzdata` package or the system's
/usr/share/zoneinfo; without either, only region codes and suffixes are known.
"""

from __future__ import annotations

import logging
import re
import zoneinfo
from functools import cache
from importlib.resources import files
from pathlib import Path

from memory.dictionaries import first_name_detector

__all__ = ["is_company_name", "is_place"]

_log = logging.getLogger(__name__)

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
def _zone_cities() -> frozenset[str]:
    """The cities the time-zone database names, case-folded (one a zone: uneven, so never the only list)."""
    try:
        zones = zoneinfo.available_timezones()
    except (OSError, ValueError) as err:  # no zone database at all: countries, cities.tsv and codes still work
        _log.warning("no time-zone database, places come from memory/data only: %s", err)
        zones = set()
    regions = {"Africa", "America", "Asia", "Atlantic", "Australia", "Europe"}
    return frozenset(
        z.rsplit("/", 1)[-1].replace("_", " ").casefold() for z in zones if "/" in z and z.split("/")[0] in regions
    )


@cache
def _places() -> frozenset[str]:
    """Names that are a place on their own: countries, business cities, zone cities that are no first name."""
    found = set()
    for line in _iso3166().splitlines():
        if line and not line.startswith("#") and "\t" in line:
            found.add(line.split("\t")[1].strip().casefold())
    # "from Phoenix", "Stanley", "Victoria": a first name or a company as often as the zone's city
    found |= {c for c in _zone_cities() if not _first_name(c)}
    found |= {c.casefold() for c in _table("cities.tsv")}
    found |= {"usa", "us", "uk", "uae", "america", "england", "scotland", "wales"}  # the usual short names
    return frozenset(found)


def _first_name(word: str) -> bool:
    try:
        return bool(first_name_detector().get_gender(word) != "unknown")
    except (ImportError, OSError) as err:  # no name dictionary: every zone city stays a place
        _log.warning("no first-name dictionary, zone cities are all places: %s", err)
        return False


@cache
def _cities() -> frozenset[str]:
    """Every city known by name, the ambiguous zone cities too ("Phoenix AZ" is a place)."""
    return _zone_cities() | {c.casefold() for c in _table("cities.tsv")}


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
    if len(parts) != 2:
        return False
    # "Izmir, Turkey": a country after any name; "San Antonio, TX": a region code only after a known city
    # "Kissa Sato, Kyoto": a company and its city, so a city after the comma needs a city before it
    first, second = parts[0].casefold(), parts[1].casefold()
    return second in _countries() or (
        (second in _places() or parts[1] in _codes()) and (first in _cities() or first in _places())
    )


@cache
def _countries() -> frozenset[str]:
    """Country names (ISO 3166) and the usual short ones, case-folded."""
    found = {
        line.split("\t")[1].strip().casefold() for line in _iso3166().splitlines() if "\t" in line and line[:1] != "#"
    }
    return frozenset(found | {"usa", "us", "uk", "uae", "america", "england", "scotland", "wales"})


def _city_then_code(name: str) -> bool:
    """ "Austin TX", "San Antonio, TX": one to three capitalised words, then a region code in capitals."""
    m = re.fullmatch(r"(?P<city>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}),?\s+(?P<code>[A-Z]{2,3})", name)
    # "Acme CA", "Glow AB": a region code makes a place only of a known city
    return m is not None and m["code"] in _codes() and m["city"].casefold() in _cities()
