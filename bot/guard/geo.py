"""A small gazetteer: cities, US states and distances, for where the client is and where events are."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.guard.model import FAR_KM
from bot.guard.when import _MONTHS, _WD_ABBR

_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
    "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
    "new york state": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH",
    "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI",
    "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT",
    "vermont": "VT", "virginia": "VA", "washington state": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY",
}  # fmt: skip
_CITY_TABLE = """
new york 40.71 -74.01 NY|nyc 40.71 -74.01 NY|brooklyn 40.68 -73.94 NY|manhattan 40.78 -73.97 NY
|queens 40.73 -73.79 NY|jersey city 40.73 -74.08 NJ|newark 40.74 -74.17 NJ|hoboken 40.74 -74.03 NJ
|boston 42.36 -71.06 MA|cambridge 42.37 -71.11 MA|providence 41.82 -71.41 RI|hartford 41.76 -72.68 CT
|stamford 41.05 -73.54 CT|philadelphia 39.95 -75.17 PA|pittsburgh 40.44 -79.99 PA|baltimore 39.29 -76.61 MD
|washington 38.91 -77.04 DC|washington dc 38.91 -77.04 DC|arlington 38.88 -77.10 VA|richmond 37.54 -77.44 VA
|raleigh 35.78 -78.64 NC|durham 35.99 -78.90 NC|charlotte 35.23 -80.84 NC|atlanta 33.75 -84.39 GA
|savannah 32.08 -81.09 GA|miami 25.76 -80.19 FL|orlando 28.54 -81.38 FL|tampa 27.95 -82.46 FL
|jacksonville 30.33 -81.66 FL|fort lauderdale 26.12 -80.14 FL|nashville 36.16 -86.78 TN|memphis 35.15 -90.05 TN
|louisville 38.25 -85.76 KY|new orleans 29.95 -90.07 LA|houston 29.76 -95.37 TX|dallas 32.78 -96.80 TX
|fort worth 32.76 -97.33 TX|plano 33.02 -96.70 TX|austin 30.27 -97.74 TX|san antonio 29.42 -98.49 TX
|el paso 31.76 -106.49 TX|oklahoma city 35.47 -97.52 OK|tulsa 36.15 -95.99 OK|kansas city 39.10 -94.58 MO
|st. louis 38.63 -90.20 MO|st louis 38.63 -90.20 MO|chicago 41.88 -87.63 IL|evanston 42.05 -87.69 IL
|detroit 42.33 -83.05 MI|ann arbor 42.28 -83.74 MI|cleveland 41.50 -81.69 OH|columbus 39.96 -83.00 OH
|cincinnati 39.10 -84.51 OH|indianapolis 39.77 -86.16 IN|milwaukee 43.04 -87.91 WI|madison 43.07 -89.40 WI
|minneapolis 44.98 -93.27 MN|st. paul 44.95 -93.09 MN|omaha 41.26 -95.93 NE|des moines 41.59 -93.62 IA
|denver 39.74 -104.99 CO|boulder 40.01 -105.27 CO|colorado springs 38.83 -104.82 CO|aurora 39.73 -104.83 CO
|salt lake city 40.76 -111.89 UT|phoenix 33.45 -112.07 AZ|scottsdale 33.49 -111.93 AZ|tempe 33.43 -111.94 AZ
|tucson 32.22 -110.97 AZ|albuquerque 35.08 -106.65 NM|santa fe 35.69 -105.94 NM|las vegas 36.17 -115.14 NV
|reno 39.53 -119.81 NV|los angeles 34.05 -118.24 CA|la 34.05 -118.24 CA|santa monica 34.02 -118.49 CA
|pasadena 34.15 -118.14 CA|long beach 33.77 -118.19 CA|irvine 33.68 -117.83 CA|san diego 32.72 -117.16 CA
|san francisco 37.77 -122.42 CA|sf 37.77 -122.42 CA|oakland 37.80 -122.27 CA|berkeley 37.87 -122.27 CA
|san jose 37.34 -121.89 CA|palo alto 37.44 -122.14 CA|mountain view 37.39 -122.08 CA
|sacramento 38.58 -121.49 CA|fresno 36.74 -119.79 CA|portland 45.52 -122.68 OR|seattle 47.61 -122.33 WA
|bellevue 47.61 -122.20 WA|tacoma 47.25 -122.44 WA|spokane 47.66 -117.43 WA|boise 43.62 -116.20 ID
|anchorage 61.22 -149.90 AK|honolulu 21.31 -157.86 HI|charleston 32.78 -79.93 SC|buffalo 42.89 -78.88 NY
|albany 42.65 -73.75 NY|rochester 43.16 -77.61 NY|burlington 44.48 -73.21 VT
|toledo 41.65 -83.54 OH|akron 41.08 -81.52 OH|dayton 39.76 -84.19 OH|grand rapids 42.96 -85.67 MI
|st. petersburg 27.77 -82.64 FL|st petersburg 27.77 -82.64 FL|clearwater 27.97 -82.80 FL|key west 24.56 -81.78 FL
|tallahassee 30.44 -84.28 FL|decatur 33.77 -84.30 GA|sonoma 38.29 -122.46 CA|napa 38.30 -122.29 CA
|san mateo 37.56 -122.32 CA|santa barbara 34.42 -119.70 CA|bakersfield 35.37 -119.02 CA|eugene 44.05 -123.09 OR
|salem 44.94 -123.03 OR|worcester 42.26 -71.80 MA|new haven 41.31 -72.92 CT|trenton 40.22 -74.76 NJ
|wilmington 39.74 -75.55 DE|norfolk 36.85 -76.29 VA|charlottesville 38.03 -78.48 VA|greenville 34.85 -82.40 SC
|columbia 34.00 -81.03 SC|birmingham al 33.52 -86.80 AL|knoxville 35.96 -83.92 TN|chattanooga 35.05 -85.31 TN
|lexington 38.04 -84.50 KY|little rock 34.75 -92.29 AR|baton rouge 30.45 -91.19 LA|lubbock 33.58 -101.86 TX
|corpus christi 27.80 -97.40 TX|wichita 37.69 -97.34 KS|lincoln 40.81 -96.70 NE|sioux falls 43.55 -96.73 SD
|fargo 46.88 -96.79 ND|billings 45.78 -108.50 MT|cheyenne 41.14 -104.82 WY|fort collins 40.59 -105.08 CO
|provo 40.23 -111.66 UT|flagstaff 35.20 -111.65 AZ|mesa 33.42 -111.83 AZ|green bay 44.51 -88.01 WI
|st. paul mn 44.95 -93.09 MN|duluth 46.79 -92.10 MN|syracuse 43.05 -76.15 NY|portland me 43.66 -70.26 ME
|london 51.51 -0.13 UK|manchester 53.48 -2.24 UK|birmingham 52.49 -1.89 UK|edinburgh 55.95 -3.19 UK
|glasgow 55.86 -4.25 UK|bristol 51.45 -2.59 UK|leeds 53.80 -1.55 UK|dublin 53.35 -6.26 IE|paris 48.86 2.35 FR
|lyon 45.76 4.84 FR|marseille 43.30 5.37 FR|nice 43.70 7.27 FR|berlin 52.52 13.40 DE|munich 48.14 11.58 DE
|hamburg 53.55 9.99 DE|frankfurt 50.11 8.68 DE|cologne 50.94 6.96 DE|amsterdam 52.37 4.90 NL
|rotterdam 51.92 4.48 NL|utrecht 52.09 5.12 NL|brussels 50.85 4.35 BE|antwerp 51.22 4.40 BE
|madrid 40.42 -3.70 ES|barcelona 41.39 2.17 ES|valencia 39.47 -0.38 ES|lisbon 38.72 -9.14 PT
|porto 41.15 -8.61 PT|rome 41.90 12.50 IT|milan 45.46 9.19 IT|florence 43.77 11.26 IT|vienna 48.21 16.37 AT
|zurich 47.38 8.54 CH|geneva 46.20 6.14 CH|stockholm 59.33 18.07 SE|oslo 59.91 10.75 NO
|copenhagen 55.68 12.57 DK|helsinki 60.17 24.94 FI|warsaw 52.23 21.01 PL|krakow 50.06 19.94 PL
|prague 50.08 14.44 CZ|budapest 47.50 19.04 HU|athens 37.98 23.73 GR|istanbul 41.01 28.98 TR
|dubai 25.20 55.27 AE|tel aviv 32.09 34.78 IL|mumbai 19.08 72.88 IN|bangalore 12.97 77.59 IN
|delhi 28.61 77.21 IN|singapore 1.35 103.82 SG|hong kong 22.32 114.17 HK|tokyo 35.68 139.69 JP
|osaka 34.69 135.50 JP|seoul 37.57 126.98 KR|shanghai 31.23 121.47 CN|beijing 39.90 116.40 CN
|sydney -33.87 151.21 AU|melbourne -37.81 144.96 AU|brisbane -27.47 153.03 AU|perth -31.95 115.86 AU
|auckland -36.85 174.76 NZ|toronto 43.65 -79.38 CA-ON|montreal 45.50 -73.57 CA-QC|vancouver 49.28 -123.12 CA-BC
|calgary 51.05 -114.07 CA-AB|ottawa 45.42 -75.70 CA-ON|mexico city 19.43 -99.13 MX|sao paulo -23.55 -46.63 BR
|buenos aires -34.60 -58.38 AR|cape town -33.92 18.42 ZA|johannesburg -26.20 28.05 ZA|nairobi -1.29 36.82 KE
|lagos 6.52 3.38 NG|cairo 30.04 31.24 EG
"""


def _load_cities() -> dict[str, tuple[float, float, str]]:
    """Parse the gazetteer table: name -> (lat, lon, region code)."""
    out: dict[str, tuple[float, float, str]] = {}
    for row in _CITY_TABLE.replace("\n", "").split("|"):
        parts = row.strip().split()
        if len(parts) >= 4:
            out[" ".join(parts[:-3])] = (float(parts[-3]), float(parts[-2]), parts[-1])
    return out


_CITIES = _load_cities()
_STATE_CODES = {v: k for k, v in _STATES.items()}
# Cities found in lower-case notes ("lives in evanston", "(finch payments, dublin)"); names that are
# also common words or first names are left to capitalised text.
_AMBIGUOUS_CITIES = frozenset(
    ["nice", "la", "sf", "aurora", "lincoln", "eugene", "madison", "mesa", "salem", "reading", "columbia", "durham",
     "richmond", "arlington", "decatur", "norfolk", "lexington", "wilmington", "cambridge", "washington", "tempe",
     "provo", "reno", "perth", "bristol", "manchester", "birmingham", "rochester", "burlington", "greenville",
     "charleston", "lyon", "porto", "nice", "mobile", "boulder", "dayton", "akron", "queens", "valencia", "columbus dc"]
)  # fmt: skip
_LOWER_CITY_RE = re.compile(
    r"\b(?P<city>"
    + "|".join(sorted((re.escape(c) for c in _CITIES if c not in _AMBIGUOUS_CITIES), key=len, reverse=True))
    + r")\b(?:,?\s+(?P<st>[a-z]{2})\b)?"
)
_TRAVEL_BEFORE = re.compile(
    r"\b(?:to|flying|flew|fly|trip|travel\w*|visit\w*|presenting|conference|show|expo|summit|vacation|holiday|"
    r"honeymoon|wedding|event|convention|congress|meeting|back from|returning from|lanes?|loads?)\b[^.;]{0,25}$"
)
_PLACE_RE = re.compile(r"\b[A-Z][a-zA-Z.]+(?:\s+[A-Z][a-zA-Z.]+){0,2}\b")


@dataclass(frozen=True)
class _Place:
    """A place we can reason about: a known city (with coordinates) or a US state."""

    name: str
    lat: float | None
    lon: float | None
    region: str
    elsewhere: tuple[tuple[float, float], ...] = ()  # other towns of the same name: distances take the nearest


def _place(name: str) -> _Place | None:
    """Look `name` up as a city ("Austin", "Austin, TX") or a US state ("Texas", "TX")."""
    key = name.strip().lower().rstrip(".")
    key = re.sub(r"\s+", " ", key)
    city = key.split(",")[0].strip()
    if city in _CITIES:
        lat, lon, region = _CITIES[city]
        return _Place(city, lat, lon, region)
    state = key.removesuffix(" state")
    for candidate in (state, f"{state} state"):
        if candidate in _STATES:
            return _Place(state, None, None, _STATES[candidate])
    if name.strip() in _STATE_CODES and len(name.strip()) == 2:
        return _Place(name.strip(), None, None, name.strip())
    return None


def _km(a: _Place, b: _Place) -> float | None:
    """Great-circle distance between two cities, or None when either is only a region."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    return min(_great_circle(p, q) for p in ((a.lat, a.lon), *a.elsewhere) for q in ((b.lat, b.lon), *b.elsewhere))


def _great_circle(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres between two (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _near(a: _Place, b: _Place) -> bool:
    """Whether two places are close enough for the client to attend an event there."""
    if a.name == b.name:
        return True
    km = _km(a, b)
    if km is not None:
        return km <= FAR_KM
    return a.region == b.region


def _places_in(text: str, start: int, end: int, wide: bool = False) -> Iterator[tuple[int, int, _Place]]:
    """Known places named (capitalised) between `start` and `end` of `text` (`wide`: the whole gazetteer)."""
    for m in _PLACE_RE.finditer(text, start, end):
        words = m.group(0).split()
        found = _first_place(words, wide)
        if found is not None:
            i, n, place = found
            s = m.start() + len(" ".join(words[:i])) + (1 if i else 0)
            yield s, s + len(" ".join(words[i : i + n])), place


def _first_place(words: list[str], wide: bool = False) -> tuple[int, int, _Place] | None:
    """(index, length, place) of the first known place in a run of capitalised words, longest first."""
    for i in range(len(words)):
        for n in range(len(words) - i, 0, -1):
            cand = " ".join(words[i : i + n])
            place = wide_place(cand) if wide else _place(cand)
            if place is not None and not (n == 1 and len(cand) <= 2 and cand not in ("LA", "SF")):
                return i, n, place
    return None


def _same_place(a: _Place, b: _Place) -> bool:
    """Same place, or a city and its area (Brooklyn is New York)."""
    if a.name == b.name:
        return True
    km = _km(a, b)
    if km is not None:
        return km <= 40
    return a.region == b.region


_PLACES_FILE = Path(__file__).parent / "data" / "places.tsv"
_NOT_TOWNS_FILE = Path(__file__).parent / "data" / "not_towns.json"


@lru_cache(maxsize=1)
def _not_towns() -> frozenset[str]:
    """Words never taken for a town (data/not_towns.json), months and weekdays."""
    doc = json.loads(_NOT_TOWNS_FILE.read_text(encoding="utf-8"))
    return frozenset([*_MONTHS, *_WD_ABBR, *(w for row in doc["entries"] for w in row["words"])])


@lru_cache(maxsize=1)
def _wide_rows() -> dict[str, list[str]]:
    """The GeoNames town rows of `data/places.tsv` by name, unparsed (parsing 16k rows per process cost 80 ms)."""
    rows: dict[str, list[str]] = {}
    for line in _PLACES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.setdefault(line[: line.find("\t")], []).append(line)
    return rows


@lru_cache(maxsize=4096)
def _wide_town(name: str) -> _Place | None:
    """The GeoNames town `name`: the most populous (listed first), with the others of that name."""
    found = []
    for line in _wide_rows().get(name, ()):
        _, lat, lon, cc = line.split("\t")
        found.append((float(lat), float(lon), cc))
    if not found:
        return None
    return _Place(name, found[0][0], found[0][1], found[0][2], tuple((la, lo) for la, lo, _ in found[1:]))


def wide_place(name: str) -> _Place | None:
    """`name` as a place: the hand-checked table first, then the GeoNames towns (never a common word)."""
    place = _place(name)
    if place is not None:
        return place
    key = re.sub(r"\s+", " ", name.strip().lower().rstrip(".")).split(",")[0].strip()
    if key in _not_towns() or len(key) < 3:
        return None
    return _wide_town(key)


_DELIMITED_TOWN = re.compile(
    r"(?:^|[,(;:]\s*|\s-\s|\b(?:in|from|near|based in|lives in|outside)\s)"
    r"(?P<town>[a-z][a-z'-]+(?: [a-z][a-z'-]+){0,2})(?=\s*(?:[,.;:)(]|\s-\s|$))"
)


_TOWN_AFTER = re.compile(r"\b(?:in|from|near|outside)\s+(?P<town>[a-z][a-z'-]+(?: [a-z][a-z'-]+)?)$")


def delimited_towns(low: str) -> Iterator[tuple[str, _Place]]:
    """Towns a lower-case note names as a whole segment ("..., whitby.", "flat in hove (", "(edinburgh)")."""
    for m in _DELIMITED_TOWN.finditer(low):
        town = m.group("town")
        place = wide_place(town)
        if place is None:  # "joinery in swansea.": the segment began earlier, the town follows its preposition
            inner = _TOWN_AFTER.search(town)
            town = inner.group("town") if inner else town
            place = wide_place(town) if inner else None
        if place is not None:
            yield town, place
