"""A client's situation as salespeople jot it: requests, amounts, dated events, life events, people, moods.

"wants battery backup", "currently paying 4,800/yr", "renewal due Dec 27", "in town Dec 17-Dec 19",
"staying at the Ritz", "got a slip at pier 39", "his wife martha passed away", "baby boy Leo born
yesterday", "cc his assistant Brenda", "she's annoyed", "aiden wants his band resized, ready thursday".
Notes are typed in fragments separated by commas, so these rules read one *segment* (a clause cut at
commas) at a time; each yields at most a few facts and never raises on odd text. Word lists are data
(`memory/data/detail_words.tsv`, a reason per entry). `memory.extract` calls `details` per clause.

Keys never contain the guard's numeric slot words (team, staff, seat, users, budget, size): a request
is context, not a number the guard compares against a draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from memory.clock import counted_next, is_clock_time
from memory.dates import MONTHS, WEEKDAYS, find_dates, format_due, number_value, resolve_due
from memory.dictionaries import first_name_detector, zipf_frequency
from memory.extract_more import PERIOD_AFTER, RAND_PREFIX, deadline_re, period, with_items
from memory.extract_more import words as everyday_words
from memory.numbers import CURRENCY_SIGNS
from memory.records import ExtractedFact, FactKind
from memory.relations import RELATION_RE as _RELATION_RE
from memory.relations import RELATIONS as _RELATIONS

__all__ = ["RULES", "details", "known_first_name", "name_after_relation", "segments", "unclaimed", "words"]

I = re.IGNORECASE  # noqa: E741 - short flag alias, as in memory.extract
_DATA = Path(__file__).parent / "data" / "detail_words.tsv"
_NEGATION = re.compile(r"\b(?:not|never|no|don't|doesn't|didn't|won't|isn't|can't|cannot|dont|doesnt)\b|n't\b", I)
_OTHERS = re.compile(
    r"\b(?:i|we|my|our|her\s+(?:husband|wife|son|daughter|mom|mother|dad|father|boss|assistant)|"
    r"his\s+(?:wife|husband|son|daughter|mom|mother|dad|father|boss|assistant))\s*$",
    I,
)
# Words of the guard's numeric slots (bot/guard/numbers.py reads them in a fact key).
_SLOT_WORDS = frozenset(
    [
        "team",
        "staff",
        "headcount",
        "employee",
        "employees",
        "seat",
        "seats",
        "licence",
        "licences",
        "license",
        "licenses",
        "users",
        "user",
        "budget",
        "size",
    ]
)
_STOP = frozenset(
    re.findall(
        r"\S+",
        "a an the his her their its our my your some any this that these those of for to in on at by with w and or "
        "is are was be been it them him me us new more lol uh um so just also really",
    )
)


@cache
def words(kind: str) -> tuple[str, ...]:
    """The phrases of one list ("want", "mood", "colleague", "death", "stay"), longest first."""
    found = set()
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, list_name, _why = line.split("\t", 2)
            if list_name == kind:
                found.add(word)
    return tuple(sorted(found, key=len, reverse=True))


def _alternation(kind: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words(kind))


def segments(clause: str) -> list[str]:
    """A clause cut at commas, " + " and brackets (not inside "4,800"): the fragments notes are typed in."""
    parts = re.split(
        r",(?!\d{3}\b)\s*|:\s+|\s+\+\s+|\s*[()]\s*|(?<!\d)\s+-\s+|(?<=\d)\s+-\s+(?![a-z]+\.?\s+\d|\d)|\.\s+"
        # a voice transcript's pauses ("uh", "um") and "and/so he ..." start a new fragment
        r"|\s+(?:uh|um|erm)\s+|\s+(?:and|so)\s+(?=(?:he|she|they|his|her|their)\b)",
        clause,
        flags=I,
    )
    return [p.strip(" .;:!?-") for p in parts if p and p.strip(" .;:!?-")]


def _slug(text: str, limit: int = 3, last: bool = False) -> str:
    kept = [
        w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and w not in _SLOT_WORDS and not w.isdigit()
    ]
    return "_".join(kept[-limit:] if last else kept[:limit])


def _negated(before: str) -> bool:
    return bool(_NEGATION.search(" ".join(before.split()[-3:])))


def _tidy(text: str) -> str:
    text = re.sub(r"\b(?:uh|um|lol|like)\b\s*", "", text, flags=I)
    text = re.sub(r"(?:\s+(?:and|so|but|or|then|already))+\s*$", "", " ".join(text.split()), flags=I)
    return text.strip(" ,.;:!?-")


# --- requests ----------------------------------------------------------------------------------

_NUMBER_START = re.compile(r"\d[\d,.]*\s+(?:more\s+)?[a-z]+s\b", I)


@cache
def _want_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|\b)(?P<verb>" + _alternation("want") + r")\s+(?P<rest>[^\s].*)$",
        I,
    )


def _requests(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    m = _want_re().search(segment)
    if not m:
        return
    before, rest = (
        segment[: m.start()],
        _tidy(re.split(r"\b(?:" + _alternation("want") + r")\b", m["rest"], flags=I)[0]),
    )
    if _negated(before) or _OTHERS.search(before) or re.search(r"\b(?:husband|wife|son|daughter|kids?)\s*$", before, I):
        return
    if re.match(r"(?:me|us|you)\s+to\b|to\s+be\b|it\b|that\b|them\b", rest, I):
        return  # "wants me to call" is a promise; "wants it in blue" is a preference
    if _NUMBER_START.match(rest):
        return  # a quantity ("wants 6 cases"): other rules say it better (its colour: memory.extract)
    if re.search(r"\bnot\b|\binstead\s+of\b|\bover\b|\brather\s+than\b", rest, I):
        return  # a choice ("wants X not Y"): other rules say it better
    shown = " ".join(rest.split()[:10])
    key = _slug(re.sub(r"^to\s+", "", shown, flags=I))
    if not key or len(shown) < 3:
        return
    verb = " ".join(m["verb"].lower().split())
    verb = {"want": "wants", "need": "needs", "'d like": "would like"}.get(verb, verb)
    verb = "interested in" if verb == "is interested in" else verb
    yield ExtractedFact(FactKind.OTHER, f"wants:{key}", shown, f"{verb} {shown}", detail={"verb": verb})


# "grab bars a must", "a walk-in shower is a must-have": a requirement, said the way people say it
_MUST_RE = re.compile(
    r"(?:^|\bso\s+|\band\s+|:\s*)(?:an?\s+|the\s+)?(?P<obj>(?:(?!(?:a|an|is|are)\b)[a-z0-9][\w-]*\s+){0,2}"
    r"(?!(?:a|an|is|are)\b)[a-z0-9][\w-]*)\s+(?:is\s+|are\s+)?(?:an?\s+)?(?:absolute\s+)?"
    # "sea view mandatory", "parking is essential", "a lift is non-negotiable": the same requirement in other words
    r"(?:must(?:-have)?|mandatory|essential|non-negotiable|non\s+negotiable|a\s+dealbreaker)"
    r"(?=\s*(?:$|[,.;!]|\s+for\b))",
    I,
)


def _musts(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    m = _MUST_RE.search(segment)
    if not m or _negated(segment[: m.start("obj")]):
        return
    obj = _tidy(m["obj"])
    words = obj.lower().split()
    if not words or words[0] in _STOP or words[-1] in _STOP or words[-1] in {"it", "this", "that"}:
        return
    yield ExtractedFact(FactKind.OTHER, f"wants:{_slug(obj)}", obj, f"needs {obj} (a must)", detail={"verb": "needs"})


# --- amounts ------------------------------------------------------------------------------------

_MONEY_RE = re.compile(
    # a currency sign, a prefixed dollar ("A$"), or the rand's capital R ("paying R2,450 pm")
    r"(?<![\w.$£€])(?P<money>(?:["
    + CURRENCY_SIGNS
    + r"]|(?-i:[A-Z]{1,2}\$|"
    + RAND_PREFIX
    + r"))\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m)?|"
    r"\d[\d,]*(?:\.\d+)?\s?k|\d{1,3}(?:,\d{3})+)"
    # "pm" / "pa" after an amount: per month / per year (South African, British and Indian shorthand)
    r"(?P<per>\s?(?:/|per\s+|a\s+)(?:yr|year|mo|month|wk|week|head|person|hr|hour|day|night|unit)|\s(?:pm|p\.m\.|pa|p\.a\.)(?=\W|$))?"
    r"(?![\w%])",
    I,
)
# Amounts another rule already reads: a budget, a sign-off threshold.
_OTHER_RULES = re.compile(
    # a ceiling word right before a number (extract's budget); "Max paid $400" names a person, not a ceiling
    r"\bbudget\b|\b(?:max(?:imum)?|tops|ceiling|can\s+(?:go|spend|stretch)\s+(?:up\s+)?to|afford(?:\s+up\s+to)?)"
    r"\s*(?:(?:now|is|of|at|:)\s*)*(?:[" + CURRENCY_SIGNS + r"]|[A-Z]{1,3}\$?\s?)?\d"
    r"|\b(?:over|above|more\s+than|beyond)\s*[$£€]?\d"
    # a target below a sum is extract's budget ("wants it under 600k", "hoping to get it below $900")
    r"|\b(?:under|below|less\s+than|no\s+more\s+than|at\s+most|down\s+to)\s+(?:[" + CURRENCY_SIGNS + r"]\s?)?\d",
    I,
)


def _amount(money: str) -> str:
    m = re.match(
        r"(?:[" + CURRENCY_SIGNS + r"]|(?-i:[A-Z]{1,2}\$|R(?=\s?\d)))?\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s?(?P<mult>k|m)?",
        money,
        I,
    )
    if not m:
        return ""
    factor = {"k": 1e3, "m": 1e6}.get((m["mult"] or "").lower(), 1)
    return str(round(float(m["n"].replace(",", "")) * factor))


# a money word anywhere near a bare rate makes it money ("bill is 2,800/month", "rent 1,900 a month")
_TOO_MUCH = re.compile(
    r"\s*(?:is|was|'s|seems|sounds)?\s*(?:way\s+|a\s+bit\s+|far\s+|much\s+)?too\s+(?:high|much|steep|expensive|pricey|dear)\b",
    I,
)


@cache
def _deal_price_re() -> re.Pattern[str]:
    """A deal-price word right before a sum ("quoted", "agreed at", "settled on")."""
    return re.compile(
        r"\b(?:" + _alternation("deal_price") + r")\s+(?:(?:her|him|them|us)\s+)?(?:on\s+|at\s+|for\s+)?$", I
    )


_PRICE_NEAR = re.compile(
    r"\b(?:pay\w*|paid|cost\w*|price\w*|bill\w*|rent|fee\w*|spend\w*|spent|salary|budget|premium|charge\w*|"
    r"invoice\w*|revenue|turnover|sales|income|earn\w*|owe\w*|quote\w*|rate|retainer|subscription|mortgage|loan|"
    r"installments?|instalments?)\b",
    I,
)


def _amounts(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    if _OTHER_RULES.search(segment) or _want_re().search(segment):
        return  # a budget, a threshold, a request ("wants 20yr term 500k") already say it
    pct = re.search(r"(?<![\w.])(?P<n>\d{1,3}(?:\.\d+)?)\s?%(?:\s+(?P<what>[a-z]+(?:\s+[a-z]+)?))?", segment, I)
    if pct:
        label = _slug(pct["what"] or "", 2) or _slug(segment[: pct.start()], 2, last=True)
        if label:
            detail = {"percent": pct["n"]}
            yield ExtractedFact(FactKind.OTHER, f"percent:{label}", f"{pct['n']}%", _tidy(segment), detail=detail)
    for m in _MONEY_RE.finditer(segment):
        if m["money"].lower().replace(" ", "") in words("not_money"):
            continue
        before = [w for w in re.findall(r"[a-z0-9]+", segment[: m.start()].lower()) if w not in _STOP]
        if _SLOT_WORDS & set(before):
            return  # "deal size is $40k", "team budget": the guard's numeric slots, read from the note itself
        bare = not re.match(r"[" + CURRENCY_SIGNS + r"]|(?-i:[A-Z]{1,2}\$|R\s?\d)|.*k$", m["money"].strip(), I)
        priced = bool(before) and before[-1] in words("price")
        if bare and not m["per"] and not priced:
            continue  # "2,000 tri-fold brochures" is a count, not money
        rate = PERIOD_AFTER.match(m["per"] or "")
        if bare and rate and not priced and not _PRICE_NEAR.search(segment):
            # "now 9,000/week": a count per period with no unit, the same subject as the latest
            # rate of that period ("7,500 bottles/week"); the fold gives it that rate's unit
            n = _amount(m["money"])
            per = period(rate["per"] or rate["pm"])
            yield ExtractedFact(FactKind.OTHER, "quantity", n, f"{n}/{per}", detail={"amount": n, "per": per})
            return
        if _TOO_MUCH.match(segment[m.end() :]):
            continue  # "R 95 000 is too high": a sum turned down, no fact of hers (the agreed one follows)
        label = "_".join(before[-2:]) or _slug(segment[m.end() :], 2)
        if _deal_price_re().search(segment[: m.start()]):
            label = "price"  # asked, then agreed: one subject, so the agreed price supersedes the asked one
        if not label:
            continue
        amount = _amount(m["money"])
        shown = _tidy(segment)
        per = " ".join((m["per"] or "").split())
        yield ExtractedFact(
            FactKind.OTHER,
            f"amount:{label}",
            " ".join(m.group(0).split()),
            shown,
            detail={"amount": amount, **({"per": per} if per else {})},
        )
        return


@cache
def _everyday_units() -> frozenset[str]:

    return everyday_words("unit")


# --- counts -----------------------------------------------------------------------------------------

_COUNT_RE = re.compile(
    r"(?<![\w$£€.,/-])(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})\s?(?:x\s+)?"
    # describing words only: "2 need compressors" names no "need compressors"
    r"(?P<adj>(?:(?!(?:of|for|the|a|an|and|or|to|in|on|at|with|per|not|need|needs|want|wants|are|is|were|was|have|has|"
    r"had|get|got|will|would|can|could|should|must|do|does|did|more|still)\b)[a-z]+[\s-]+){0,2})"
    r"(?P<unit>[a-z]{2,}s|people|cs|ppl|lbs?|sqft|sq\s?ft|ft)\b(?!['’])",
    I,
)


_NOT_ONE = frozenset({"half", "quarter", "third", "bit", "few", "lot", "couple", "dozen", "while", "week", "day"})
_AND_ONE = re.compile(
    r"^\s+(?:and|&|plus)\s+(?:a|an|one)\s+(?P<thing>[a-z][a-z-]{2,})(?=\s*$|\s+(?:for|to|at|in|on|from)\b)", I
)
_AFTER_MONTH = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s*$", I)


def _counts(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    """ "6 tacomas", "300 programs", "180 guests", "10 cs of cilantro": how many of what (any counted noun)."""
    for m in _COUNT_RE.finditer(segment):
        unit = m["unit"].lower()
        if re.match(r"[a-z]", segment[m.end("n") :], I) and not re.match(r"x\s", segment[m.end("n") :], I):
            continue  # "45mm stapler reloads", "2br units": the number measures, it counts nothing
        first = (re.findall(r"[a-z]+", segment[m.end("n") :].lower()) or [""])[0]
        if unit in _everyday_units() or first in _everyday_units() or unit.endswith("ss"):
            continue  # memory.extract_more's quantity rule keys these ("6 cases", "20 units")
        if unit in words("not_count") or re.match(r"\s*(?:%|percent|am|pm)", segment[m.end("n") :], I):
            continue
        if _negated(segment[: m.start()]):
            continue
        if _AFTER_MONTH.search(segment[: m.start()]):
            continue  # "on hold till jan 12 pls": the number is the day of a date
        if re.search(r"\bthe\s*$", segment[: m.start()], I) and len(m["n"]) >= 3 and "," not in m["n"]:
            continue  # "2,000 pcs of the 6204 sealed bearings": a number after "the" names a model, it counts nothing
        if is_clock_time(segment[: m.start()], m["n"], segment[m.end("n") :], counted_next(m["adj"])):
            continue  # "call her at 10 re mats": a time of day, no count of mats
        n = m["n"].replace(",", "")
        head = {"cs": "case", "ppl": "people", "lbs": "lb", "sq ft": "sqft"}.get(unit, unit)
        head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        if head in _SLOT_WORDS or head in {"user", "seat", "employee", "licence", "license", "people", "person"}:
            continue  # the guard's numeric slots: memory.extract_more's quantity rule keys them
        shown = " ".join(m.group(0).split())
        detail = {"amount": n, "unit": unit}
        rate = PERIOD_AFTER.match(segment[m.end() :])
        if rate:  # "2,000 deliveries/week": a rate; a later "2,600/week" changes it
            detail["per"] = period(rate["per"] or rate["pm"])
            shown += f"/{detail['per']}"
        yield from with_items(
            ExtractedFact(FactKind.OTHER, f"quantity:{head}", n, shown, detail=detail), segment[m.end() :]
        )
        one = _AND_ONE.match(segment[m.end() :])
        if one and one["thing"].lower() not in _STOP | _NOT_ONE and one["thing"].lower() not in words("not_count"):
            # "3 forklifts and a pallet jack": the list's last thing is counted too (one of it)
            thing = one["thing"].lower()
            yield ExtractedFact(
                FactKind.OTHER, f"quantity:{thing}", "1", f"1 {thing}", detail={"amount": "1", "unit": thing}
            )


# "seats up to 95", "guest list went up to 210", "headcount now 48": a count said again, its noun before the number
_RESTATED_RE = re.compile(
    # after who said it ("tomas says guest list went up to 150")
    r"^(?:[\w'-]+\s+(?:says|said|mentioned|confirmed|called|texted|msg'd|txt'd|wrote)\s+(?:that\s+)?)?"
    r"(?:(?:the|her|his|their|our)\s+)?(?P<noun>[a-z]{3,}?)(?:\s+(?:list|count|number|numbers|total))?\s+"
    r"(?:(?:went|go|goes|has\s+gone|have\s+gone|is|are|now|just|also)\s+)*(?:(?:up|down)\s+to|now)\s+"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})(?![\d,.]*\s*(?:%|[a-z$£€¥₩₹]))",
    I,
)
_NOT_COUNTED = frozenset({"day", "week", "month", "year", "hour", "minute", "time", "age", "price", "rate", "cost"})


def _restated_counts(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    """A count said again with its noun first ("seats up to 95"): the same slot as "85 seats", so it supersedes it."""
    m = _RESTATED_RE.match(segment)
    if not m or PERIOD_AFTER.match(segment[m.end() :]) or re.match(r"\s*/", segment[m.end() :]):
        return  # "volume goes up to 450/week": a rate, memory.extract_more's
    noun = m["noun"].lower()
    head = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    if head in _NOT_COUNTED or noun in _STOP or _PRICE_NEAR.search(noun) or noun in words("price"):
        return
    n = m["n"].replace(",", "")
    shown = "people" if noun == "headcount" else noun if noun.endswith("s") else noun + "s"
    detail = {"amount": n, "unit": shown}
    yield ExtractedFact(FactKind.OTHER, f"quantity:{head}", n, f"{n} {detail['unit']}", detail=detail)


# --- dated events --------------------------------------------------------------------------------

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_CLOCK = r"\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}:\d{2}|noon"
_APPOINTMENT_RE = re.compile(
    r"\b(?P<wd>" + _WEEKDAY + r")\b(?:\s+(?:at\s+)?(?P<clock>" + _CLOCK + r"))|\b(?:booked|scheduled|set)\s+for\s+"
    r"(?P<wd2>" + _WEEKDAY + r"|tomorrow|tmrw)\b(?:\s+(?:at\s+)?(?P<clock2>" + _CLOCK + r"))?",
    I,
)
_MONTH_ONLY_RE = re.compile(
    r"\b(?:in|by|until|till|til|from|starting|before|after|through|mid|mid-|early|late|end\s+of|to)\s*(?P<mon>"
    + "|".join(
        sorted(
            (m for m in MONTHS if len(m) > 3 or m in {"jan", "feb", "aug", "sep", "oct", "nov", "dec"}),
            key=len,
            reverse=True,
        )
    )
    + r")\b\.?(?!\s+\d)",
    I,
)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|to|through|thru|until|till)\s*$", I)
# Segments other rules own: a personal date, a promise, a deadline word with "by".
_OWNED = re.compile(
    r"(?:'s|’s)\s+\d{1,3}(?:st|nd|rd|th)\b|"  # "mam's 60th": a relative's milestone birthday (memory.extract)
    r"\b(?:birthday|b-?day|bday|anniversary|turns|turning|born|pregnant|expecting\s+(?:a\s+|their\s+|her\s+)?(?:baby|twins)|promised|i'll|i\s+will|we'll|told\s+(?:her|him|them)|"
    r"send|call\s+(?:her|him|them)|follow\s+up|check\s+back)\b",
    I,
)
_DATE_WORDS = re.compile(r"\b(?:is|on|due|for|at|the|in|by|from|of)\s*$", I)


def _label(before: str) -> str:
    """The words before a date, without the trailing linking words ("wedding is" -> "wedding")."""
    text = _tidy(before.rsplit(":", 1)[-1])
    while True:
        cut = _DATE_WORDS.sub("", text).rstrip(" ,")
        if cut == text:
            return text
        text = cut


def _month_date(mon: str, today: date) -> date:
    month = MONTHS[mon.lower().rstrip(".")]
    year = today.year if month >= today.month else today.year + 1
    return date(year, month, 1)


def _dated(segment: str, at: datetime) -> Iterable[ExtractedFact]:

    if _OWNED.search(segment) or deadline_re().search(segment):
        return  # a personal date, a promise or a deadline: their own rules read it
    today = at.date()
    found = find_dates(segment)
    if found:
        first = found[0]
        start = _resolve(first.year, first.month, first.day, today)
        end_date = None
        end_at = first.end
        if len(found) > 1 and _RANGE_SEP.match(segment[first.end : found[1].start]):
            end_date = _resolve(found[1].year, found[1].month, found[1].day, today)
            end_at = found[1].end
        elif days := re.match(
            r"\s*(?:-|–|to|through|thru)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b", segment[first.end :], I
        ):
            end_date = _resolve(first.year, first.month, int(days["d"]), today)
            end_at = first.end + days.end()
        label = _label(segment[: first.start])
        after = _tidy(segment[end_at:])
        if not label or start is None:
            return
        when = format_due(start) + (f" to {format_due(end_date)}" if end_date else "")
        text = " ".join(p for p in (label, when, after) if p)
        value = start.isoformat() + (f"..{end_date.isoformat()}" if end_date else "")
        yield ExtractedFact(FactKind.OTHER, f"date:{_event_key(label) or 'event'}", value, text, due=start)
        return
    m = _APPOINTMENT_RE.search(segment)
    if m:
        day = resolve_due(segment[m.start() :], at)
        clock = m["clock"] or m["clock2"] or ""
        label = _label(segment[: m.start()]) or _tidy(segment[: m.start()])
        if day is None or day < today:
            return
        after = _tidy(segment[m.end() :])
        lead = "booked for " if (m["wd2"] and re.match(r"booked", m.group(0), I)) else ""
        text = " ".join(p for p in (label, f"{lead}{format_due(day)}", clock, after) if p)
        yield ExtractedFact(
            FactKind.OTHER, f"date:{_event_key(label) or 'appointment'}", day.isoformat(), text, due=day
        )
        return
    m = _MONTH_ONLY_RE.search(segment)
    moved = m and m.group(0).lower().startswith("to")
    if moved and m and not re.search(r"\b(?:" + "|".join(everyday_words("moved")) + r")\s*$", segment[: m.start()], I):
        return  # "to march" names a month only after a moved verb ("opening pushed to march"); "went to may's" not
    if m:
        label = _tidy(segment[: m.start()])
        if not label and re.match(r"mid|early|late", m.group(0), I):
            label = "around"  # "amalfi coast, mid may": the trip's time
        refused = re.search(r"\s*\bnot$", label, I)
        if refused and re.match(r"before|until|till|til", m.group(0), I):
            # "wants to sell, not before February": the earliest date, the most important fact of the note
            label = label[: refused.start()].rstrip(" ,")
            month = _month_date(m["mon"], today)
            yield ExtractedFact(
                FactKind.OTHER,
                f"date:{_event_key(label) or 'month'}",
                month.strftime("%Y-%m"),
                f"{label}, not before {month:%B %Y}".strip(" ,"),
                detail={"how": "not before"},
            )
            return
        if not label or _negated(label):
            return
        month = _month_date(m["mon"], today)
        text = f"{label} {m.group(0).split()[0].lower()} {month:%B %Y}"
        after = _tidy(segment[m.end() :])
        yield ExtractedFact(
            FactKind.OTHER,
            f"date:{(_event_key(label) if moved else _slug(label, 2, last=True)) or 'month'}",
            month.strftime("%Y-%m"),
            f"{text} {after}".strip(),
        )


def _event_key(label: str) -> str:
    """The date's slot: the dated event the label names ("ben's install moved to" -> install), else its last words."""
    for word in re.findall(r"[a-z][a-z-]*", label.lower()):
        if word in everyday_words("dated_event"):
            return word
    return _slug(label, 2, last=True)


def _resolve(year: int | None, month: int, day: int, today: date) -> date | None:
    try:
        found = date(year or today.year, month, day)
    except ValueError:
        return None
    if year is None and found < today - timedelta(days=7):
        found = found.replace(year=found.year + 1)
    return found


# --- places the client is, things the client has -----------------------------------------------


@cache
def _stay_re() -> re.Pattern[str]:
    return re.compile(r"\b(?P<verb>" + _alternation("stay") + r")\s+(?:the\s+)?(?P<place>[\w'&. -]{2,40})$", I)


_HAS_AT_RE = re.compile(
    r"\b(?:has|'s\s+got|has\s+got|got|owns|keeps)\s+(?:a|an|his|her|their)\s+(?P<thing>[a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?P<prep>at|in|on)\s+(?P<place>[\w' -]{2,30}?)(?:\s+already)?$",
    I,
)


def _places(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    m = _stay_re().search(segment)
    if m and not _OTHERS.search(segment[: m.start()]):
        place = _tidy(m["place"])
        yield ExtractedFact(FactKind.LOCATION, "staying_at", place, f"{m['verb'].lower()} {_the(m, place)}")
    m = _HAS_AT_RE.search(segment)
    if m and not _OTHERS.search(segment[: m.start()]) and not _negated(segment[: m.start()]):
        thing, place = _tidy(m["thing"]), _tidy(m["place"])
        yield ExtractedFact(
            FactKind.OTHER,
            f"has:{_slug(thing, 2)}",
            f"{thing} {m['prep'].lower()} {place}",
            f"has a {thing} {m['prep'].lower()} {place}",
        )


def _the(m: re.Match[str], place: str) -> str:
    return f"the {place}" if re.search(r"\bthe\s+" + re.escape(m["place"][:3]), m.group(0), I) else place


# --- people and life events ----------------------------------------------------------------------


@cache
def _colleague_re() -> re.Pattern[str]:
    return re.compile(
        r"\b(?P<role>" + _alternation("colleague") + r")\s+(?-i:(?P<name>[A-Z][a-z]+))\b"
        r"|(?-i:\b(?P<name2>[A-Z][a-z]+)),?\s+(?:is\s+)?(?:her|his|their)\s+(?P<role2>"
        + _alternation("colleague")
        + r")\b",
        I,
    )


def _colleagues(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    for m in _colleague_re().finditer(segment):
        role = " ".join((m["role"] or m["role2"]).lower().split())
        name = m["name"] or m["name2"]
        cc = " (cc on everything)" if re.search(r"\bcc\b", segment[: m.start()], I) else ""
        yield ExtractedFact(
            FactKind.OTHER, f"people:{_slug(role, 2)}", name, f"{role} {name}{cc}", detail={"role": role}
        )


@cache
def _death_re() -> re.Pattern[str]:

    return re.compile(
        r"\b(?P<rel>" + _RELATION_RE + r")(?:\s+(?P<name>[A-Za-z][a-z]+))?\s+(?:has\s+|had\s+|just\s+|sadly\s+)?"
        r"(?P<how>" + _alternation("death") + r")\b",
        I,
    )


@cache
def _death_hedge_re() -> re.Pattern[str]:
    return re.compile(r"(?:\b(?:" + _alternation("death_hedge") + r")|n't)\b", I)


_PREGNANT_RE = re.compile(
    r"\b(?P<rel>wife|partner|girlfriend|fianc[ée]e?|daughter)?\s*(?-i:(?P<name>[A-Z][a-z]+))?\s*(?:(?:is|'s)\s+pregnant|"
    # "his wife Lan expecting baby in March": expecting with a baby word after it (not "expecting the delivery")
    r"(?:(?:is|'s|are|'re)\s+)?expecting\s+(?:a\s+|their\s+|her\s+|the\s+)?(?:baby|babies|twins|child|first|second|third|"
    r"little\s+one|boy|girl)\b)"
    r"|^\s*(?:she's|she\s+is)\s+pregnant\b",
    I,
)
# a due month needs a cue before it or a day number beside it: "pregnant may need a car" has a modal, no month
_DUE_MONTH_RE = re.compile(
    r"\b(?:(?:due|expected|expecting|in|around)\s+(?:in\s+|around\s+|early\s+|late\s+|mid\s+)?(?P<mon>[a-z]+)"
    r"|(?P<mon2>[a-z]+)(?=\s+\d{1,2}(?:st|nd|rd|th)?\b)|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon3>[a-z]+))",
    I,
)
# "baby boy Leo born yesterday", "boy named Minh Khoa born yesterday", "a girl, Sofia Ana, was born today"
_NEWBORN_NAME = r"(?-i:(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}))"
_BORN_RE = re.compile(
    r"\b(?:(?:new\s+)?baby\s+(?P<sex>boy|girl|son|daughter)?|(?:a\s+|baby\s+|new\s+)?(?P<sex2>boy|girl|son|daughter)\b)"
    r",?\s*(?:(?:named|called)\s+)?" + _NEWBORN_NAME + r"?,?\s*(?:was\s+)?born\s+(?P<when>yesterday|today|"
    # a birth with its own date ("born on 3 may 2015") is that child's birthday, never a baby born today
    r"last\s+night|this\s+morning|last\s+week|this\s+week)(?!\s*,?\s*(?:on\s+)?\d)",
    I,
)
_SEX = {"boy": "boy", "son": "boy", "girl": "girl", "daughter": "girl"}


# A known first name commoner than this (zipf) as an English word is a word first ("will", "just", "soon").
_NAME_WORD_ZIPF = 5.0


def _could_be_name(word: str) -> bool:
    """A lower-case word between a relation and a death word that is a name ("jasper"; not "has", "then", "soon").

    English cannot be listed word by word, so the word must be a known first name that is not a common word.
    """
    lowered = word.lower()
    if len(lowered) < 3 or lowered in _STOP or lowered in words("not_name") or lowered in words("death_hedge"):
        return False
    return known_first_name(lowered)


# A word rarer than this (zipf) is no everyday noun: after a relation it is taken for a name the dictionary lacks.
_RARE_WORD_ZIPF = 3.0


def name_after_relation(word: str) -> bool:
    """Whether a lower-case word after a bare relation ("son oskar", not "sister company") is a name.

    A known first name, or a word too rare to be a trade noun ("wife aoife"); never a common noun.
    """
    try:
        rare = zipf_frequency(word.lower()) < _RARE_WORD_ZIPF
    except ImportError:
        rare = False
    return rare or known_first_name(word)


def known_first_name(word: str) -> bool:
    """Whether a lower-case word is a known first name and not a common English word ("jasper"; not "company")."""
    lowered = word.lower()
    try:
        if zipf_frequency(lowered) >= _NAME_WORD_ZIPF:
            return False
        return bool(first_name_detector().get_gender(lowered) != "unknown")
    except (ImportError, OSError):  # no dictionary: not known, the caller keeps its cautious reading
        return False


def _life_events(segment: str, at: datetime) -> Iterable[ExtractedFact]:

    m = _death_re().search(segment)
    hedged = m and _death_hedge_re().search(segment[m.start() : m.start("how")])
    if m and not hedged and not re.search(r"\b(?:my|our)\s*$", segment[: m.start()], I):
        relation = _RELATIONS.get(m["rel"].casefold(), m["rel"].lower())
        word = m["name"] or ""
        # only a capitalised word is a name: "wife recently passed away" names nobody; a lower-case word is
        # kept as heard, and the replay takes it as the name when it is the relative already on file
        name = word if word[:1].isupper() and word.lower() not in _STOP else ""
        if word.islower() and _could_be_name(word):
            name = word.capitalize()  # "hamid's husband jasper passed away": typed in lower case, still his name
        heard = {"heard": word.lower()} if word and not name and word.lower() not in _STOP else {}
        who = f"{relation} {name}".strip()
        yield ExtractedFact(
            FactKind.FAMILY,
            f"family:{relation}",
            name or relation,
            f"{who} passed away",
            detail={"relation": relation, "status": "passed away", **heard},
        )
    m = _PREGNANT_RE.search(segment)
    if m:
        who = " ".join(p for p in ((m["rel"] or "").lower(), m["name"] or "") if p) or "she"
        after = segment[m.end() :]
        found = (g for d in _DUE_MONTH_RE.finditer(after) for g in d.groups() if g and g.lower() in MONTHS)
        mon = next(found, "")
        text = f"{who} is pregnant" + (f", due in {mon.capitalize()}" if mon.lower() in MONTHS else "")
        yield ExtractedFact(FactKind.FAMILY, "family:baby", "expecting", text, detail={"relation": "baby"})
    m = _BORN_RE.search(segment)
    if m:
        when = m["when"].lower()
        day = at.date() - timedelta(days=1) if when in {"yesterday", "last night"} else at.date()
        sex = _SEX.get((m["sex"] or m["sex2"] or "").lower(), "")
        name = m["name"] or ""
        if name.split()[0].lower() in _STOP if name else False:
            name = ""
        shown = " ".join(p for p in ("new baby", sex, name) if p)
        detail = {
            "relation": "baby",
            "born": day.isoformat(),
            **({"name": name} if name else {}),
            **({"sex": sex} if sex else {}),
        }
        yield ExtractedFact(
            FactKind.FAMILY, "family:baby", name or "new baby", f"{shown}, born {format_due(day)}", detail=detail
        )


@cache
def _mood_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|\b(?:she|he|they|who)(?:'s|'re|\s+is|\s+are|\s+was|\s+seems|\s+seemed|\s+sounded|\s+sounds|\s+got|\s+feels)\s+"
        r"(?:really\s+|very\s+|a\s+bit\s+|pretty\s+|super\s+|quite\s+|kind\s+of\s+|so\s+)?)(?P<mood>"
        + _alternation("mood")
        + r")\b"
        r"(?:\s+(?:" + _alternation("mood_object") + r"|about\s+[\w\s]{1,30}))?\s*$",
        I,
    )


def _moods(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    m = _mood_re().search(segment)
    if m and not _negated(segment[: m.start("mood")]):
        yield ExtractedFact(FactKind.OTHER, "mood", m["mood"].lower(), _tidy(segment[m.start() :]) or m["mood"].lower())


# --- a job promised ready by a date ----------------------------------------------------------------

_READY_RE = re.compile(
    r"^(?:(?:it'?s|it\s+will\s+be|will\s+be|should\s+be)\s+)?ready\s+(?:by\s+|on\s+|for\s+)?(?P<when>.+)$", I
)


def _ready(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """ "wants to resize his band 10 to 10.5, ready thursday": the job promised ready by then."""
    parts = segments(clause)
    for i, part in enumerate(parts):
        m = _READY_RE.match(part)
        if not m or i == 0:
            continue
        due = resolve_due(m["when"], at)
        if due is None:
            continue
        job = re.sub(r"^.*?\b(?:wants|needs|would\s+like)\s+(?:to\s+)?", "", parts[i - 1], flags=I)
        job = _tidy(job)
        if not job:
            continue
        yield ExtractedFact(
            FactKind.COMMITMENT,
            f"promise:ready_{_slug(job, 3)}",
            f"{job} ready",
            f"promised: {job}, ready by {format_due(due)}",
            due=due,
            detail={"status": "open"},
        )
        return


# --- health, where they live (typed in lower case), how they pay, when to call -------------------


@cache
def _health_re() -> re.Pattern[str]:
    part = _alternation("body")
    return re.compile(
        r"\b(?P<h>(?:bad|sore|injured|broken|new|replaced|dodgy|weak|stiff)\s+(?:" + part + r")s?|(?:" + part + r")\s+"
        r"(?:rehab|surgery|pain|issues?|problems?|injury|replacement|trouble)|(?:"
        + _alternation("condition")
        + r"))\b",
        I,
    )


def _health(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    m = _health_re().search(segment)
    if m and not _OTHERS.search(segment[: m.start()]) and not _negated(segment[: m.start()]):
        relative = re.search(r"\b(?P<rel>" + _RELATION_RE + r")\b", segment[: m.start()], I)
        if relative:  # a relative's health is theirs: "her mom uses a walker" is the mother's, kept as hers
            relation = _RELATIONS.get(relative["rel"].lower(), relative["rel"].lower())
            health = " ".join(m["h"].lower().split())
            yield ExtractedFact(
                FactKind.OTHER,
                f"health:{relation}:{_slug(health, 2)}",
                health,
                f"{relation}: {health}",
                detail={"relation": relation},
            )
            return
        if re.search(r"\b(?:" + _alternation("body") + r")", m["h"], I) and _a_things_part(segment[m.end() :]):
            return
        health = " ".join(m["h"].lower().split())
        yield ExtractedFact(FactKind.OTHER, f"health:{_slug(health, 2)}", health, health)


def _a_things_part(after: str) -> bool:
    """Whether the words after "new back" / "back issues" make it a thing's ("back door", "issues with the invoice")."""
    nxt = re.match(r"\s*([a-z']+)", after, I)
    if not nxt:
        return False
    word = nxt[1].lower()
    return word == "with" or (word not in _STOP and word not in words("after_body"))


_LOWER_PLACE_RE = re.compile(
    r"\b(?P<verb>lives|living|based|located|moved|relocated|relocating|moving)\s+(?:in|to|out\s+of|near)\s+"
    r"(?P<place>[a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*){0,2})\s*$"
)


def _lowercase_place(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    """ "lives in round rock": a place typed in lower case (capitalised ones are memory.extract's)."""
    m = _LOWER_PLACE_RE.search(segment)
    if not m or _OTHERS.search(segment[: m.start()]) or _negated(segment[: m.start()]):
        return
    place_words = m["place"].split()
    if place_words[0] in _STOP or place_words[0] in {"town", "the", "a", "an", "with", "together"}:
        return
    if any(w in MONTHS or w in WEEKDAYS or w in words("not_place") for w in place_words):
        return  # "meeting moved to thursday", "moving to quarterly billing": a schedule or a way of working
    place = " ".join(w.capitalize() for w in place_words)
    moved = m["verb"].startswith(("moved", "relocat", "moving"))
    yield ExtractedFact(FactKind.LOCATION, "location", place, f"{'moved to' if moved else 'lives in'} {place}")


_PAYMENT_RE = re.compile(
    r"\b(?:pays?|payment|paying)\s+(?:by\s+|via\s+|with\s+|in\s+)?(?P<how>po(?:\s+only)?|p\.o\.|cod|c\.o\.d\.?|net\s*\d{1,3}|"
    r"credit\s+card|card|check|cheque|cash|wire|ach|invoice)\b|^\s*(?P<net>net\s*\d{1,3})\s*$",
    I,
)


def _payment(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    m = _PAYMENT_RE.search(segment)
    if m and not _negated(segment[: m.start()]):
        how = " ".join((m["how"] or m["net"]).split())
        how = re.sub(r"\b(?:po|p\.o\.|cod|c\.o\.d\.?|ach)\b", lambda w: w.group(0).upper(), how.lower())
        yield ExtractedFact(
            FactKind.OTHER, "payment", how, f"pays by {how}" if not how.startswith("net") else f"pays {how}"
        )


_BEST_DAYS_RE = re.compile(
    r"^(?P<when>(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekdays|weekends|mornings|afternoons|evenings)\s+"
    r"(?:are|is|work)\s+(?:best|better|good|ideal)\b",
    I,
)


def _best_days(segment: str, at: datetime) -> Iterable[ExtractedFact]:
    """ "thursdays are best": when to reach or visit the client."""
    m = _BEST_DAYS_RE.search(segment)
    if m:
        when = m["when"].lower()
        yield ExtractedFact(FactKind.CONTACT, "contact_time", when, f"{when} are best", detail={"when": when})


def _per_segment(rule: _SegmentRule) -> _ClauseRule:
    """A segment rule run over every segment of a clause (named after the rule, for the failure log)."""

    def run(clause: str, at: datetime) -> Iterable[ExtractedFact]:
        for segment in segments(clause):
            yield from rule(segment, at)

    run.__name__ = rule.__name__
    return run


_SegmentRule = Callable[[str, datetime], Iterable[ExtractedFact]]
_ClauseRule = Callable[[str, datetime], Iterable[ExtractedFact]]
# Each rule is its own extractor in memory.extract's pipeline, so one rule's bug loses only its facts.
_COUNT_WORD = r"\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|half"
_SPLIT_RE = re.compile(
    # "trinocular (after all) for 5 of them, rest binocular", "oak for 3 of the tables and the rest in walnut"
    r"\b(?P<x>[a-z]\w{0,30}(?:-\w{1,30})?)(?:\s+after\s+all)?\s+for\s+(?P<n>"
    + _COUNT_WORD
    + r")\s+of\s+(?:them|those|these|the\s+"
    r"(?P<what>[a-z]\w{0,30}(?:-\w{1,30})?))(?:\s+(?:after|before|since|because|from|at|for|in)\b[^,;]{0,30})?\s*[,;]?\s*"
    r"(?:and\s+|but\s+)?(?:the\s+)?(?:rest|others|remainder|other\s+\w+)\s+"
    r"(?:(?:are|is|stay|stays|in|as|to\s+be|get|gets|will\s+be|still)\s+)*(?:the\s+)?(?P<rest>[a-z]\w{0,30}(?:-\w{1,30})?)\b",
    I,
)


def _split_choice(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """ "trinocular for 5 of them, rest binocular": a partial change of mind, N of the order one way, the rest the other.

    Kept as one fact of the rest (`split:<rest>`); the replay restates the earlier amount that named the rest's choice
    ("wants 20 binocular microscopes" -> 15 binocular, 5 trinocular)."""
    m = _SPLIT_RE.search(clause)
    if not m or m["x"].lower() in _STOP or m["rest"].lower() in _STOP or _negated(clause[: m.start()]):
        return
    n = m["n"].lower()
    amount = str(number_value(n)) if not n.isdigit() and number_value(n) else n
    x, rest = m["x"].lower(), m["rest"].lower()
    of = f" of the {m['what'].lower()}" if m["what"] else " of them"
    yield ExtractedFact(
        FactKind.OTHER,
        f"split:{_slug(rest)}",
        rest,
        f"{x} for {amount}{of}, the rest {rest}",
        detail={"count": amount, "other": x, "rest": rest},
    )


RULES: tuple[_ClauseRule, ...] = (
    _ready,
    _split_choice,
    *(
        _per_segment(r)
        for r in (
            *(_requests, _amounts, _counts, _restated_counts, _dated, _places, _colleagues, _life_events),
            *(_moods, _health, _lowercase_place, _payment, _best_days, _musts),
        )
    ),
)


def details(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """Every detail fact of one clause, segment by segment (see the module docstring)."""
    for rule in RULES:
        yield from rule(clause, at)


# --- what no rule claimed ------------------------------------------------------------------------

_TOO_MUCH_ANYWHERE = re.compile(r"\d[\d,.]*\s*[kmb]?\b" + _TOO_MUCH.pattern, I)
# "no direct calls to him", "never before 10": a refusal is worth keeping in everyday words too
_REFUSAL_START = re.compile(r"(?:no|never)\s+[a-z]", I)
_SOURCE_ONLY = re.compile(r"(?:from|at|of|with)\s+(?-i:[A-Z][\w&'’.-]*)(?:\s+(?-i:[A-Z][\w&'’.-]*))*$", I)
_FORMER = re.compile(r"\b(?:not|instead\s+of|rather\s+than|was|from|no\s+longer)\s+[^\s,;]+", I)
_TOKEN = re.compile(r"[^\W_][\w'’./-]*")
_DETAIL_WORDS = 10  # a profile line read on a phone: at most this many words of the fragment
_LEAD_IN = re.compile(r"^(?:(?:and|but|so|also|plus|then|oh|ok|okay|ugh|eish|btw|fyi)\b[\s,]*)+", I)
# the salesperson's own doings ("I offered", "we quoted", "my bad") and promises are other rules' business
_OURS = re.compile(r"^(?:i|i'm|i'll|i've|im|we|we're|we'll|my|our|promised|will\s+send|gonna|need\s+to)\b", I)
_RELATION_WORDS = frozenset(_RELATIONS)


def _split(token: str) -> list[str]:
    """ "650kg" -> ["650", "kg"], "5,000" -> ["5000"]: a number and its unit meet however they were typed."""
    token = token.lower().strip(".'’/-").replace("²", "2").replace("³", "3")
    return [w.replace(",", "") for w in re.split(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)", token) if w]


def _content(text: str) -> list[str]:
    """The words of a fragment that can carry a fact: no stop words, no chatter."""
    chatter = set(words("chatter"))
    return [w for t in _TOKEN.findall(text) for w in _split(t) if w not in _STOP and w not in chatter]


def _said_words(fact: ExtractedFact) -> set[str]:
    """Every word a typed fact holds (value, line and detail), numbers without separators."""
    said = " ".join([fact.value, fact.text, *fact.detail.values()])
    found = {w for t in _TOKEN.findall(said) for w in _split(t)}
    return found | {w[:-1] for w in found if w.endswith("s")} | {w + "s" for w in found}


def _names_someone(segment: str) -> bool:
    """Whether a fragment names a person: a capitalised known first name ("Fatima"), or a lower-case one that is
    rare as an English word ("hablé con martín": not "hall", "rose" or "bill")."""
    tokens = _TOKEN.findall(segment)
    for i, t in enumerate(tokens):
        if not (t.isalpha() and len(t) > 2) or t.isupper() or not known_first_name(t):  # "ISO", "COA": acronyms
            continue
        if t[:1].isupper() or _rare(t):
            return True
        if i + 1 < len(tokens) and tokens[i + 1].isalpha() and _rare_as_word(tokens[i + 1]):
            return True  # "spoke w/ magnus berg": a first name and a surname, typed in lower case
    return False


def _name_alone(fragment: str) -> bool:
    """ "ingrid solberg", "cristina reyes": a first name and surname-like words only (not "velvet finish")."""
    typed = fragment.split()
    if not 2 <= len(typed) <= 3 or not known_first_name(typed[0]):
        return False
    try:
        return all(zipf_frequency(w.lower()) < _SURNAME_ZIPF for w in typed[1:])
    except ImportError:
        return False


_SURNAME_ZIPF = 4.0  # a surname is rarely a common English word ("solberg", "reyes"; not "finish")


def _rare(word: str) -> bool:
    try:
        return zipf_frequency(word.lower()) < _ENGLISH_ZIPF
    except ImportError:
        return False


# the small words inside surnames ("Marloes van den Berg", "Khalid bin Saeed", "Maria da Silva")
_NAME_PARTICLES = frozenset(
    [
        "van",
        "den",
        "der",
        "de",
        "da",
        "di",
        "do",
        "dos",
        "das",
        "du",
        "von",
        "bin",
        "binti",
        "al",
        "el",
        "la",
        "le",
        "ter",
        "ten",
    ]
)
_TITLE = re.compile(r"^(?:mr|mrs|ms|dr|herr|frau|ibu|bapak|pak|sr|sra)\.?\s+", I)


def _without_leading_name(segment: str) -> str:
    """ "Femi Adeyemi ordered 2,000 cups" -> "ordered 2,000 cups": the client's name typed first is no detail."""
    rest = _TITLE.sub("", segment)
    typed = rest.split()
    if len(typed) < 3 or typed[0].isupper() or not known_first_name(typed[0]):  # "ISO 9001": an acronym
        return segment
    if typed[0][:1].isupper():  # "Femi Adeyemi ordered": the capitalised run
        n = 1 + next(
            (i for i, w in enumerate(typed[1:5]) if not w[:1].isupper() and w.lower() not in _NAME_PARTICLES),
            len(typed[1:5]),
        )
    else:  # "mariana gutierrez wants": a surname-like word after the first name
        n = 2 if _rare_as_word(typed[1]) else 1
    if n < len(typed) and typed[n].casefold() in _INTRODUCED:
        return segment  # "Max from procurement joined": a person introduced, not the client's name before a verb
    return " ".join(typed[n:]) if n < len(typed) else segment


# a word after a leading name that introduces someone other than the client ("Max from procurement", "Ana at finance")
_INTRODUCED = frozenset({"from", "at", "of", "in", "with", "@"})


def _rare_as_word(word: str) -> bool:
    try:
        return zipf_frequency(word.lower()) < _SURNAME_ZIPF
    except ImportError:
        return False


# A word rarer than this (zipf) tells something ("valve", "lease", "furnace"); commoner ones ("take", "fine", "mind")
# only carry a sentence whose facts the typed rules read
_TELLING_ZIPF = 4.45


def _telling(word: str) -> bool:
    """A number, or a word rare enough to name a thing."""
    if any(c.isdigit() for c in word):
        return True
    try:
        return zipf_frequency(word) < _TELLING_ZIPF
    except ImportError:
        return True


# An English word at least this common (zipf) makes a fragment readable; "budi minta ganti" has none
_ENGLISH_ZIPF = 3.0


def _has_english(content: list[str]) -> bool:
    try:
        return any(w.isalpha() and zipf_frequency(w) >= _ENGLISH_ZIPF for w in content)
    except ImportError:
        return True


def unclaimed(clause: str, found: Iterable[ExtractedFact]) -> Iterable[ExtractedFact]:
    """Each fragment of a clause that states something no typed rule claimed, kept as a short `detail:` fact.

    "trade-in his Golf 7", "COA needed", "15yr old Carrier", "lease 36 mnd": nothing stated is dropped. A fragment
    is claimed when all but one of its content words are in the clause's typed facts. Questions, chatter ("ingird
    called back"), the salesperson's own doings and a bare "who I spoke to" (a name and little else) are no detail.
    """
    if "?" in clause:
        return
    said: set[str] = set()
    values: set[str] = set()
    for fact in found:
        said |= _said_words(fact)
        values |= {w for t in _TOKEN.findall(fact.value) for w in _split(t) if w not in _STOP}
    stems = {w[:5] for w in said if len(w) >= 5}
    for segment in segments(clause):
        shown = _tidy(_LEAD_IN.sub("", _without_leading_name(segment.lstrip("+&*#>•· "))))
        if not shown or _OURS.match(shown) or _negated_whole(shown):
            continue
        content = _content(shown)
        left = [w for w in content if w not in said and not (len(w) >= 5 and w[:5] in stems)]  # allergy/allergic
        # "12 crates, not 10": a declined or former number is no detail of its own
        numbers = [w for w in _content(_FORMER.sub(" ", shown)) if w[:1].isdigit()]
        if numbers and all(n in said for n in numbers):
            continue  # the fragment's numbers are a typed fact's ("max now $810k", "7,500 pouches now")
        if len(left) < 2 or not _has_english(left) or _TOO_MUCH_ANYWHERE.search(shown):
            continue  # "R 95 000 is too high": a sum turned down is no current fact (the agreed price is)
        if values & set(content) and sum(_telling(w) for w in left) < 2:
            continue  # a typed rule read this fragment ("she is now strictly a vegan"): one more word is no detail
        if _SOURCE_ONLY.match(shown):
            continue  # "from Brightline", "at Acme Ltd": where the client is from, the client's card says it
        refusal = _REFUSAL_START.match(shown) and len([w for w in left if w not in {"no", "never"}]) >= 2
        if not any(_telling(w) for w in left) and not refusal:
            continue  # "she changed her mind", "both are fine": everyday words only, the typed facts say the rest
        if _name_alone(shown) and not _about_the_client(content):
            continue  # "ingrid solberg", "tomas ruiz": the client's name typed alone
        if all(w[:1].isupper() or w[:1].isdigit() for w in shown.split()):
            continue  # "Glow Lab", "PT Kopi Nusantara": a name (a company, a place), read by the client's card
        if _names_someone(shown) and not _about_the_client(content):
            continue  # "hablé con Martín Ruiz", "Herr Klaus Bauer war da": who the note is about, said already
        if _small_talk(shown, [w for w in left if _telling(w)]):
            continue  # "Weather's been awful", "she was gracious about it", "site visit postponed": the meeting's day
        cut = shown.split()
        line = " ".join(cut[:_DETAIL_WORDS])
        key = _slug(line, 4)
        if key:
            yield ExtractedFact(FactKind.OTHER, f"detail:{key}", line, line)


def _small_talk(shown: str, telling: list[str]) -> bool:
    """Whether a fragment tells only of the meeting's day: its surroundings (weather, traffic, parking), how it or the
    person came across ("she was gracious about it"), or our meeting moved ("site visit postponed")."""
    typed = {w.casefold() for w in re.findall(r"[\w'-]+", shown)} | {
        w.casefold().split("'")[0] for w in re.findall(r"[\w'-]+", shown)
    }
    if typed & set(words("circumstance")):
        return True
    if typed & set(words("meeting")) and typed & set(words("moved")):
        return True
    if _BEHAVED.match(shown):
        return True
    return bool(telling) and all(w in words("manner") for w in telling)


# "she was gracious about it", "he seemed in good spirits": how someone behaved at the meeting (past tense; "she is
# vegan" or "he is allergic to nuts" say what the client is, and typed rules read those)
_BEHAVED = re.compile(
    r"(?:she|he|they|everyone|both(?:\s+of\s+them)?)\s+(?:was|were|seemed|looked|sounded)\s+"
    r"(?:(?:very|really|so|quite|super|pretty|rather)\s+)?(?:in\s+(?:\w+\s+){1,2}(?:spirits|mood|form)|[a-z]+"
    r"(?:\s+about\s+(?:it|that|this|the\s+\w+))?)\W*",
    I,
)


def _negated_whole(segment: str) -> bool:
    """A fragment that is only a refusal word ("no", "not yet") states nothing."""
    return bool(re.fullmatch(r"(?:no|nope|not\s+yet|none|nothing|n/a)\W*", segment, I))


def _about_the_client(content: list[str]) -> bool:
    """A fragment naming a person still says something of the client when a role or relation word is in it."""
    roles = set(words("role")) | set(words("colleague"))
    return any(w in roles or w in _RELATION_WORDS for w in content)
