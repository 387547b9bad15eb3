"""Everyday phrasing the core rules missed: deadlines, sign-off thresholds, quantities, contact times, where we met.

"delivery before Jan 15", "the CFO signs off anything over $40k", "needs 20 units", "calls after 3pm",
"met at the Hilton lunch in Chicago". One small function per kind, over one clause, like the rules in
`memory.extract` (which calls `everyday`). Word lists are data: `memory/data/everyday_words.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from pathlib import Path

from memory.clock import counted_next, is_clock_time
from memory.dates import format_due, number_value, resolve_due
from memory.dictionaries import zipf_frequency
from memory.extract_signoff import plain_sign_off
from memory.numbers import currency_after, currency_before
from memory.records import ExtractedFact, FactKind
from memory.relations import RELATION_RE

__all__ = ["deadline_re", "everyday", "words"]

I = re.IGNORECASE  # noqa: E741 - short flag alias, as in memory.extract
_DATA = Path(__file__).parent / "data" / "everyday_words.tsv"
_NEGATION = re.compile(r"\b(?:not|never|no|don't|dont|doesnt|doesn't|didn't|won't|isn't|can't|cannot)\b|n't\b", I)


@cache
def words(kind: str) -> frozenset[str]:
    """The words of one list ("unit", "event", "role", "deadline") from the data file."""
    found = set()
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, list_name, _why = line.split("\t", 2)
            if list_name == kind:
                found.add(word)
    return frozenset(found)


def _alternation(kind: str) -> str:
    return "|".join(re.escape(w) for w in sorted(words(kind), key=len, reverse=True))


def _negated(before: str) -> bool:
    tail = " ".join(re.split(r"[,;:]", before)[-1].split()[-4:])
    return bool(_NEGATION.search(tail))


# --- deadlines -----------------------------------------------------------------------------------

# "delivery thursday", "install 14 jan": the day itself, right after the word (only a day-like word follows)
_DAY_NEXT = (
    r"(?=\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tomorrow|today|"
    # a bare number is a day only when no other word follows it ("delivery on 3 pallets" counts pallets)
    r"[0-3]?\d(?:st|nd|rd|th)?\b(?!\s*(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[a-z])))"
)
_HOW = (
    r"(?P<how>before|by|no\s+later\s+than|ahead\s+of|in\s+time\s+for|until|"
    # "delivery has to be after the 18th": the earliest day, the same slot a later "before" or "on" changes
    r"after|not\s+before|no\s+earlier\s+than|is|:|due|" + _DAY_NEXT + ")"  # "install on Jan 19": a dated event
)


@cache
def deadline_re() -> re.Pattern[str]:
    """The deadline pattern ("delivery before Jan 15"), shared with memory.extract_details."""
    return re.compile(
        r"\b(?P<what>" + _alternation("deadline") + r")\b(?:\s+(?:needs|has|must|should|is|are|to)(?:\s+(?:to|be))*)?"
        r"(?:\s+(?:done|complete|completed|finished|in\s+place|live|it))?\s*" + _HOW + r"\s+(?P<when>[^,;.!?]{2,30})",
        I,
    )


def _day_of_month(when: str, today: date) -> date | None:
    """ "the 18th": the next 18th on or after today (this month's, else next month's)."""
    m = re.match(r"\s*(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b", when, I)
    if not m:
        return None
    year, month = today.year, today.month
    for _ in range(3):
        try:
            day = date(year, month, int(m["d"]))
        except ValueError:
            day = None
        if day is not None and day >= today:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _deadlines(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    for m in deadline_re().finditer(clause):
        if _negated(clause[: m.start()]):
            continue
        when = m["when"]
        due = resolve_due(when, at) or _day_of_month(when, at.date())
        if due is None or due < at.date():
            continue
        what = m["what"].lower()
        what = {"delivered": "delivery", "installed": "install", "installation": "install", "shipping": "shipment"}.get(
            what, what
        )
        how = m["how"].lower()
        how = "by" if how in {"is", ":", "due", "until"} else "on" if not how else " ".join(how.split())
        label = "deadline" if what == "deadline" else what
        yield ExtractedFact(
            FactKind.OTHER,
            f"deadline:{label}",
            due.isoformat(),
            f"{label} {how} {format_due(due)}",
            due=due,
            detail={"what": label, "how": how},
        )


# --- who signs off ----------------------------------------------------------------------------------

# a threshold: any currency before or after, or a multiplier ("RM 250k", "SAR 3m", "₱1M", "50k EUR", "4 lakh")
_MONEY = (
    r"(?P<money>(?:" + currency_before() + r"\s?)?\d+(?:,\d+)*(?:\.\d+)?"
    r"(?:\s?(?:k|m|mm|million|thousand|grand|lakh|lakhs|crore|juta)\b)?(?:\s?" + currency_after() + r")?)"
)
# sign-off proper: the verb itself approves a purchase ("signs off", "approves", "has the final say" standing alone)
_SIGN_PROPER = (
    r"(?:signs?\s+off(?:\s+on)?|signs?(?=\s+(?:anything|everything|all|any|for|orders?|deals?|contracts?|purchases?|"
    r"invoices?|pos?)\b)|approves?|"
    # a modal before the verb: "must sign off", "has to approve", "will need to sign", "should approve"
    r"(?:has\s+to|have\s+to|must|needs?\s+to|will\s+(?:need\s+to|have\s+to)|should|gets\s+to)\s+"
    r"(?:approve|sign\s+off(?:\s+on)?|sign(?=\s+(?:anything|everything|all|any|for|orders?|deals?|contracts?|purchases?)\b))|"
    r"holds\s+the\s+purse\s+strings|"
    r"(?:has\s+(?:the\s+)?(?:final\s+say|last\s+word)|makes\s+the\s+final\s+(?:call|decision))"
    r"(?!\s+(?:on|about|over|for)\b))"
)
# a decision, which is sign-off only about buying or over a sum: "decides on purchases", "has the final say on
# anything over 5k"; "decides on the colour" or "on 20 may" is a taste or a date, never the purchase approver
_DECIDE = (
    r"(?:decides|makes\s+the\s+(?:final\s+)?(?:call|decision)|has\s+(?:the\s+)?(?:final\s+say|last\s+word))"
    r"(?:\s+(?:on|about|over|for))?"
)
_THRESHOLD_AHEAD = (
    r"(?:\s+(?:anything|everything|all|any\s+\w+|purchases|deals|spend|orders|pos|contracts))?\s*"
    r"(?:over|above|more\s+than|beyond|>|north\s+of)\s*(?:" + currency_before() + r"\s?)?\d"
)


@cache
def _sign() -> str:
    """A sign-off verb: one proper, or a decision followed by what is bought or by a money threshold."""
    bought = r"\s+(?:(?:the|all|any|every|new|his|her|their|our)\s+)*(?:" + _alternation("signoff_object") + r")\b"
    return r"(?:" + _SIGN_PROPER + r"|" + _DECIDE + r"(?=" + bought + r"|" + _THRESHOLD_AHEAD + r"))"


# a person named after the role or alone, titles included ("his CFO Encik Razak", "Herr Vogel", "Mr. Wilson Tan Sy"):
# capitalised words as typed, the last one not a verb's capital
_PERSON = r"(?-i:(?P<name>[A-Z][\w'’-]*\.?(?:\s+(?:[A-Z][\w'’-]*|de|da|van|von|bin|binti|al|el)){0,3}))"
_SIGN_WHAT = (
    r"(?:\s+(?:anything|everything|all|any\s+\w+|purchases|deals|spend|orders|pos|contracts)?\s*"
    r"(?:over|above|more\s+than|beyond|>|north\s+of)\s*" + _MONEY + r")?"
)


@cache
def _sign_off_re() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    role = r"(?P<role>(?:her|his|their|the)?\s*(?:" + _alternation("role") + r")(?:\s+of\s+[a-z]+)?)"
    # a relative decides too ("her dad has the final say", "his uncle Chief Ade approves"), named by a possessive
    kin = r"(?P<role>(?:her|his|their)\s+(?:" + RELATION_RE + r"))"
    either = r"(?P<role>" + role.replace("(?P<role>", "(?:") + "|" + kin.replace("(?P<role>", "(?:") + r")"
    forward = re.compile(
        r"\b" + either + r"(?:,?\s+" + _PERSON + r",?)?\s+(?:still\s+|also\s+|always\s+)?" + _sign() + _SIGN_WHAT, I
    )
    # a person alone starts the clause or follows a joint ("..., Karen Whitfield approves anything over AUD 200k")
    named = re.compile(
        r"(?:^|[,;:(]\s*|\s[-–—]\s*|\band\s+|\bbut\s+)"
        + _PERSON
        + r"\s+(?:still\s+|also\s+|always\s+)?"
        + _sign()
        + _SIGN_WHAT,
        I,
    )
    reverse = re.compile(
        r"\b(?:anything|everything|purchases|deals|spend|orders|contracts)\s+(?:over|above|more\s+than|beyond|>)\s*"
        + _MONEY
        + r"\s+(?:needs|requires|goes\s+to|has\s+to\s+go\s+to|must\s+go\s+to)\s+(?:the\s+)?"
        + role.replace("(?:her|his|their|the)?", "(?:her|his|their)?")
        + r"(?:'s)?(?:\s+(?:sign-?off|approval|ok|okay))?",
        I,
    )
    return forward, named, reverse


def _amount(money: str) -> str:
    m = re.search(
        r"(?P<n>\d+(?:,\d+)*(?:\.\d+)?)\s?(?P<mult>k|mm|m|million|thousand|grand|lakhs?|crore|juta)?\b", money, I
    )
    if not m:
        return ""
    factor = {
        "k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "lakh": 1e5, "lakhs": 1e5,
        "crore": 1e7, "juta": 1e6,
    }.get((m["mult"] or "").lower(), 1)  # fmt: skip
    return str(round(float(m["n"].replace(",", "")) * factor))


# words a capitalised subject may be that name no person ("Anything over 5k", "Delivery approves ...")
_NOT_SIGNERS = frozenset(
    {"anything", "everything", "all", "nobody", "no", "it", "that", "this", "he", "she", "they", "who"}
)


def _sign_offs(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    clause = plain_sign_off(clause)  # "marisol is the one who decides ...": the person decides (memory.extract_signoff)
    for regex in _sign_off_re():
        for m in regex.finditer(clause):
            if _negated(clause[: m.start()]):
                continue
            groups = m.groupdict()
            name = " ".join((groups.get("name") or "").split()).rstrip(",")
            if name and (name.split()[0].lower().rstrip(".") in _NOT_SIGNERS or name.lower() in words("role")):
                if not groups.get("role"):
                    continue
                name = ""
            role = re.sub(r"^(?:her|his|their|the)\s+", "", " ".join((groups.get("role") or "").split()), flags=I)
            if role:
                role = role.upper() if role.lower() in {"cfo", "ceo", "coo", "cto", "cio", "vp", "gm"} else role.lower()
            who = " ".join(p for p in (role, name) if p)
            if not who:
                continue
            money = " ".join((m["money"] or "").split())
            text = (
                ("the " if role else "") + f"{who} signs off" + (f" anything over {money}" if money else " purchases")
            )
            detail = {**({"role": role} if role else {}), **({"name": name} if name else {})}
            if money:
                detail["threshold"] = _amount(money)
            yield ExtractedFact(FactKind.OTHER, "decision_maker", role or name, text, detail=detail)
            return


# --- quantities ---------------------------------------------------------------------------------------

_NUMBER_WORD = (
    r"\d[\d,]*|a\s+dozen|dozen|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|a\s+hundred"
)


_TENS = {"a dozen": 12, "dozen": 12, "forty": 40, "fifty": 50, "a hundred": 100, "hundred": 100}


@cache
def _quantity_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w$£€.,-])(?P<n>" + _NUMBER_WORD + r")(?:\s+(?:more|new|extra|additional|replacement|of\s+the))?\s+"
        r"(?:[a-z]+\s+)?(?P<unit>" + _alternation("unit") + r")\b",
        I,
    )


def _quantities(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    for m in _quantity_re().finditer(clause):
        if _negated(clause[: m.start()]):
            continue
        if is_clock_time(
            clause[: m.start()], m["n"], clause[m.end("n") :], counted_next(clause[m.end("n") : m.start("unit")])
        ):
            continue  # "ring her at 10 re chairs": a time of day (memory.clock)
        raw = " ".join(m["n"].lower().split())
        n = _TENS.get(raw)
        if n is None:
            n = int(raw.replace(",", "")) if raw.replace(",", "").isdigit() else number_value(raw)
        if not n:
            continue
        unit = m["unit"].lower()
        head = {"cs": "case", "cx": "case", "cxs": "case", "pcs": "piece"}.get(unit) or (
            unit[:-1] if unit.endswith("s") else unit
        )
        shown = " ".join(m.group(0).split())
        detail = {"amount": str(n), "unit": unit}
        rate = PERIOD_AFTER.match(clause[m.end() :])
        if rate:  # "7,500 bottles/week": a rate; a later "9,000/week" changes it
            detail["per"] = period(rate["per"] or rate["pm"])
            shown += f"/{detail['per']}"
        yield from with_items(
            ExtractedFact(FactKind.OTHER, f"quantity:{head}", str(n), shown, detail=detail), clause[m.end() :]
        )


def with_items(fact: ExtractedFact, after: str) -> list[ExtractedFact]:
    """A counted amount keyed by the item it counts, with the next item of the same unit.

    "5 crates of the pinot 2021 and 3 of the riesling": one amount per item (`quantity:crate:pinot`,
    `quantity:crate:riesling`), so "7 crates of the pinot not 5" changes the pinot's and leaves the other.
    """
    item = _OF_ITEM.match(after)
    if not item or item["item"].lower() in _NOT_ITEMS:
        return [fact]
    unit = fact.detail.get("unit", "")
    head = _MODIFIED_HEAD.match(after[item.end() :]) if _MODIFIER.fullmatch(item["item"]) else None
    if head and head["head"].lower() not in _NOT_ITEMS | _HEAD_STOPS:
        # "units of the CO2 incubator": a code or an acronym modifies the noun after it, which is the item
        item = _OF_ITEM.match(after[: item.end() + head.end()]) or item
        named = f"{item['item']} {head['head']}".lower()
        item_end = item.end() + head.end()
    else:
        named = item["item"].lower()
        item_end = item.end()
    word = next((w for w in named.split() if not w[:1].isdigit()), named.split()[0])  # "the 6204 sealed": "sealed"
    rest = after[item_end:]
    variant = _attribute_re().match(rest)  # "gloves size M and 12 of size L": two variants of one item
    more = _AND_N_OF.match(rest[variant.end() :] if variant else rest)
    if variant and more:
        second = _attribute_re().match(" " + rest[variant.end() + more.start("item") :])
        if second and second["attr"].casefold() == variant["attr"].casefold():
            return _variants(fact, named, word, variant, second, more)
    n = _count(more["n"]) if more and more["item"].lower() not in _NOT_ITEMS else None
    # a product names its own count ("crates of the pinot"); an everyday word does not ("boxes of the usual",
    # "rooms of the house"): that count keeps the plain key, the word only in the detail
    keyed = bool(more and n) or _product_word(word)
    found = [
        replace(
            fact,
            key=f"{fact.key}:{word}" if keyed else fact.key,  # "pinot 2021" and "pinot" are one item
            text=fact.text + after[:item_end].rstrip(),
            detail={**fact.detail, "item": named},
        )
    ]
    if more and n:
        other = more["item"].lower()
        text = f"{n} {unit} of {more['of'] or ''}{other}"
        detail = {"amount": str(n), "unit": unit, "item": other}
        found.append(ExtractedFact(FactKind.OTHER, f"{fact.key}:{other}", str(n), text, detail=detail))
    return found


# a code or an acronym ("CO2", "ELISA", "4K", "X200") is a modifier: the noun after it is the item's head
# and so is a hyphenated adjective ("grain-free salmon", "long-sleeve shirts")
_MODIFIER = re.compile(r"(?-i:[A-Z][A-Z0-9-]+|[A-Za-z]+\d[\w-]*|\d+[A-Za-z][\w-]*|[a-z]+-[a-z]+)")
_MODIFIED_HEAD = re.compile(r"\s+(?P<head>(?-i:[a-z][a-z-]{2,}))\b")
_HEAD_STOPS = frozenset(
    {"and", "or", "for", "to", "at", "by", "in", "on", "with", "from", "as", "is", "was", "not", "but"}
)


@cache
def _attribute_re() -> re.Pattern[str]:
    """ " size M", " grade A": an item's variant right after its name (`item_attribute` words)."""
    return re.compile(r"\s+(?P<attr>" + _alternation("item_attribute") + r")\s+(?P<value>[\w.-]{1,12})\b", I)


def _variants(
    fact: ExtractedFact, named: str, word: str, first: re.Match[str], second: re.Match[str], more: re.Match[str]
) -> list[ExtractedFact]:
    """ "40 boxes of gloves size M and 12 of size L": one amount per variant, each keyed by item and variant."""
    n = _count(more["n"])
    unit = fact.detail.get("unit", "")
    found = []
    for amount, variant in ((fact.value, first), (str(n) if n else "", second)):
        if not amount:
            continue
        attr = f"{variant['attr'].lower()} {variant['value']}"
        key = f"{fact.key}:{word}:{_slug_words(attr)}"
        text = f"{amount} {unit} of {named} {attr}"
        detail = {**fact.detail, "amount": amount, "item": f"{named} {attr}"}
        found.append(ExtractedFact(FactKind.OTHER, key, amount, text, detail=detail))
    return found


def _slug_words(text: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", text.casefold()))


_OF_ITEM = re.compile(
    # "of the malbec reserva 2021": a vintage or model year may follow one more word of the name
    r"\s+of\s+(?:the\s+)?(?P<item>(?:\d[\w-]*\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*(?=\s+(?:19|20)\d\d\b))?"
    r"(?:\s+(?:19|20)\d\d)?"
    # a plural noun right after it finishes the item ("pairs of dielectric boots", "sets of king sheets")
    r"(?:\s+(?!(?:and|or|for|to|at|by|in|on|with|from|as|is|was|this|his|hers|its|plus|less|yes|pls|thanks)\b)[a-z][a-z-]+s\b)?)",
    I,
)
_AND_N_OF = re.compile(
    r"\s*(?:,|and|&|plus)\s+(?:,\s*)?(?P<n>\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen)"
    r"\s+of\s+(?P<of>the\s+)?(?P<item>[a-z][\w-]*)",
    I,
)
_NOT_ITEMS = frozenset(
    {"them", "these", "those", "it", "each", "which", "us", "our", "their", "his", "her", "my", "the", "a", "an"}
)


# An item word commoner than this (zipf) is an everyday word, not a product's name ("usual", "house", "lot").
_PRODUCT_WORD_ZIPF = 4.0


def _product_word(word: str) -> bool:
    """Whether the word after "<n> <unit> of" is rare enough to name a product ("pinot", "riesling")."""
    try:
        return zipf_frequency(word) < _PRODUCT_WORD_ZIPF
    except ImportError:
        return True


def _count(raw: str) -> int | None:
    """A count word or digits as a number ("a dozen" -> 12)."""
    raw = " ".join(raw.lower().split())
    if raw == "a dozen":
        return 12
    return int(raw) if raw.isdigit() else number_value(raw)


# The rand's capital R before a number is money only when the number looks like money: thousands, cents, a
# multiplier or a money/period word ("R2,450 pm", "R15k", "R 145 000" once grouped); "Canon R5", "R2 tier" are model
# names.
RAND_PREFIX = (
    r"(?-i:R)(?=\s?(?:\d{1,3}(?:,\d{3})+|\d+\.\d\d\b|\d+(?:\.\d+)?\s?[kKmM]\b|"
    r"\d+\s*(?:pm|pa|per|/|a\s+(?:month|year|week)|each|total|deposit|excl|incl|vat)\b))"
)


# "/month", "a month", "per week", "pm": the period a count or an amount is per
PERIOD_AFTER = re.compile(
    r"\s*(?:/\s*|per\s+|an?\s+|every\s+|each\s+)(?P<per>months?|mo|mth|weeks?|wk|years?|yr|days?|quarters?|qtr)\b"
    r"(?!\s+(?:ago|back|earlier|later|before|after|since)\b)"  # "40 cases a year ago": when, not how often
    r"|\s(?P<pm>pm|p\.m\.|pa|p\.a\.)(?=\W|$)",
    I,
)
_PERIODS = {"mo": "month", "mth": "month", "wk": "week", "yr": "year", "qtr": "quarter", "pm": "month", "pa": "year"}


def period(word: str) -> str:
    """ "/mo", "a month", "pm" -> "month": one name per period, so two rates of the same period meet."""
    word = word.lower().replace(".", "").strip()
    return _PERIODS.get(word, word.removesuffix("s"))


# --- contact times ------------------------------------------------------------------------------------

_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midday|lunch(?:time)?|\d{1,2}\s*o'?clock)"
_CONTACT_TIME_RE = re.compile(
    r"\b(?P<lead>(?:prefers\s+|only\s+(?:takes\s+)?|takes\s+)?calls?(?:\s+(?:her|him|them))?|ring\s+(?:her|him|them)|"
    # "no texts after 8pm", "dont text him before 9": a channel's hours (only when refused: see _contact_times)
    r"(?<=no\s)(?:texts|e-?mails|messages)|(?:(?<=n't\s)|(?<=nt\s)|(?<=ot\s))(?:text|e-?mail|message)(?:\s+(?:her|him|them))?|"
    r"reach(?:able)?(?:\s+(?:her|him|them))?|available|free|best\s+(?:time\s+)?(?:to\s+(?:call|reach)(?:\s+(?:her|him|them))?)?"
    r"(?:\s+is)?|picks\s+up)\s+(?:only\s+)?(?P<when>(?:after|before|from|until|between)\s+"
    + _TIME
    + r"(?:\s*(?:-|to|and)\s*"
    + _TIME
    + r")?|in\s+the\s+(?:morning|afternoon|evening)s?|(?:on\s+)?(?:mornings|afternoons|evenings))\b",
    I,
)


def _contact_times(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    for m in _CONTACT_TIME_RE.finditer(clause):
        before = clause[: m.start()]
        when = " ".join(m["when"].lower().split()).removeprefix("on ")
        if re.search(r"\b(?:i|we)(?:'m|’m|'re|’re|\s+am|\s+are|'ll\s+be|\s+will\s+be)?\s*$", before, I):
            continue  # "I'm free after 3pm" is the salesperson
        negated = _negated(before + " " + m["lead"])
        if negated and when.startswith("before "):
            when = "after " + when.removeprefix("before ")  # "don't call before 10am"
        elif negated and re.fullmatch(r"after\s+" + _TIME, when, I):
            when = "before " + when.removeprefix("after ")  # "no texts after 8pm"
        elif negated:
            continue
        refused = re.match(r"(?:texts?|e-?mails?|messages?)\b", m["lead"], I)
        if refused and not negated:
            continue  # "texts after 5pm" alone may be a report; the hours of a channel are said refusing
        channel = {"t": "text", "e": "email", "m": "text"}.get(m["lead"][:1].lower()) if refused else None
        detail = {"when": when, **({"channel": channel} if channel else {})}
        shown = f"best reached {when}" + (f" ({channel})" if channel else "")
        yield ExtractedFact(FactKind.CONTACT, "contact_time", when, shown, detail=detail)
        return


# --- where we met ----------------------------------------------------------------------------------------

_MET_RE = re.compile(
    # where we met or last spoke: "met at", "last spoke at the rotary breakfast", "saw him at", "caught up at"
    r"\b(?:met|meeting|first\s+met|we\s+met|connected|ran\s+into|bumped\s+into|spoke|talked|chatted|saw|caught\s+up)\s+(?:(?:her|him|them|(?-i:[A-Z][\w'’-]*))\s+){0,4}?"
    r"(?:\w+\s+){0,3}?at\s+(?P<at>(?:the\s+)?[\w&'’.-]+(?:\s+[\w&'’.-]+){0,5}?)"
    r"(?:\s+in\s+(?-i:(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})))?(?=\s*(?:$|[,;.!?(]|\s+(?:last|this|on|yesterday|"
    r"today|and|but|where|when|who|-)\b))",
    I,
)


def _met_at(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    for m in _MET_RE.finditer(clause):
        if _negated(clause[: m.start()]) or re.search(
            r"\b(?:will|to|'ll|going\s+to|should)\s*$", clause[: m.start()], I
        ):
            continue  # a meeting to come is no shared past
        event = re.sub(r"^the\s+", "", " ".join(m["at"].split()), flags=I).rstrip(".")
        if re.match(r"\d", event):
            continue  # "met at 3pm"
        if not (event[0].isupper() or m["place"] or words("event") & set(event.lower().split())):
            continue  # "met at the office", "met at noon": no event to remember
        place = (m["place"] or "").rstrip(".")
        shown = f"the {event}" if words("event") & set(event.lower().split()) else event
        value = f"{shown} in {place}" if place else shown
        detail = {"event": event, **({"place": place} if place else {})}
        yield ExtractedFact(FactKind.OTHER, "met_at", value, f"met at {value}", detail=detail)
        return


# --- a changed amount ------------------------------------------------------------------------------------

# "wants 6 now not 4", "15 vegetarian not 12", "24 units instead of 20": the new amount and the one it replaces.
_CHANGE_RE = re.compile(
    r"(?<![\w$£€.,/-])(?P<n>\d[\d,]*)(?:\s+of\s+(?:the\s+)?(?P<item>[a-z][\w-]*)|"
    r"\s+(?!now\b|not\b|instead\b|rather\b|of\b)(?P<unit>[a-z][a-z-]+))?(?:\s+now)?"
    r"\s*,?\s+(?:not|instead\s+of|rather\s+than|up\s+from|down\s+from)\s+(?:the\s+)?(?P<old>\d[\d,]*)\b(?!\s*[%:/.]\d)",
    I,
)
# "make it 8", "bump it to 15", "change that to 300": a new amount with no unit (the latest amount's unit)
_MAKE_IT_RE = re.compile(
    r"\b(?:make|made|bump(?:ed)?|change[ds]?|up(?:ped)?|increase[ds]?|raise[ds]?|drop(?:ped)?|cut|lower(?:ed)?)"
    r"\s+(?:it|that|this|the\s+(?:order|number|count|qty|quantity))\s+(?:up\s+|down\s+)?(?:to\s+)?"
    r"(?P<n>\d[\d,]*)\b(?!\s*(?:[%$£€:/.]|[a-z]))",
    I,
)
# "quantity up to 2,500", "the group dropped to 22", "order's gone down to 300": the amount a word names, changed
_WENT_TO_RE = re.compile(
    r"\b(?:quantity|qty|order|count|number|numbers|headcount|group|party|volume|total)(?:'s|\s+is|\s+has)?\s+"
    r"(?:now\s+|gone\s+|went\s+|going\s+|been\s+)*"
    r"(?:(?:up|down|dropped|fell|fallen|rose|risen|increased|decreased|reduced|grew|grown|shrunk|shrank|changed|moved|"
    r"bumped|cut|raised|lowered)\s+)?(?:up\s+|down\s+)?to\s+(?P<n>\d[\d,]*)\b(?!\s*(?:[%$£€:/.]|[a-z]))",
    I,
)
# "14 now": a bare number said to be the new one; the replay gives it the latest amount's unit
_NOW_RE = re.compile(r"(?:^|[,;:]\s*|\band\s+)(?P<n>\d[\d,]*)\s+now\s*(?:[,.;!]|$)", I)
# "12 vegetarian, 3 halal": meals counted by diet (an adjective standing for a noun)
_DIET_COUNT_RE = re.compile(
    r"(?<![\w$£€.,/-])(?P<n>\d{1,4})\s+(?P<diet>" + _alternation("counted_diet") + r")(?:s|\s+(?:meals?|lunch(?:es)?|"
    r"boxes|options|plates|portions|guests|people))?\b",
    I,
)


def _head(unit: str) -> str:
    unit = unit.lower()
    return {"cs": "case", "cx": "case", "cxs": "case", "pcs": "piece"}.get(unit) or (
        unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit
    )


def _changes(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """A changed amount; with no unit it is keyed `quantity` and the replay gives it the latest amount's unit."""
    for m in _DIET_COUNT_RE.finditer(clause):
        diet = m["diet"].lower()
        yield ExtractedFact(
            FactKind.OTHER, f"quantity:{diet}", m["n"], f"{m['n']} {diet}", detail={"amount": m["n"], "unit": diet}
        )
    change = _CHANGE_RE.search(clause)
    if change and not _negated(clause[: change.start()]):
        m = change
        n, old = m["n"].replace(",", ""), m["old"].replace(",", "")
        unit = (m["unit"] or "").lower()
        if unit in words("not_change_unit"):
            return
        if m["item"]:  # "8 of the tannat not 6": the amount of that item; the replay finds it by the old amount
            detail = {"amount": n, "replaces": old, "about": m["item"].lower()}
            yield ExtractedFact(FactKind.OTHER, "quantity", n, f"{n} {m['item']} (not {old})", detail=detail)
            return
        if unit:
            yield ExtractedFact(
                FactKind.OTHER,
                f"quantity:{_head(unit)}",
                n,
                f"{n} {unit}",
                detail={"amount": n, "unit": unit, "replaces": old},
            )
        else:
            yield ExtractedFact(
                FactKind.OTHER, "quantity", n, f"{n} (not {old})", detail={"amount": n, "replaces": old}
            )
        return
    make = _MAKE_IT_RE.search(clause) or _WENT_TO_RE.search(clause) or _NOW_RE.search(clause)
    if make:
        n = make["n"].replace(",", "")
        # the clause's words: the replay changes the amount of a thing the clause names ("2 of the matatus are
        # being sold so make it 16"), not merely the latest amount
        about = " ".join(re.findall(r"[a-z][a-z-]{2,}", clause.lower()))
        yield ExtractedFact(FactKind.OTHER, "quantity", n, f"{n}", detail={"amount": n, "about": about})


_RULES = (_deadlines, _sign_offs, _quantities, _contact_times, _met_at, _changes)


def everyday(clause: str, at: datetime) -> Iterable[ExtractedFact]:
    """Every everyday-phrasing fact of one clause."""
    for rule in _RULES:
        yield from rule(clause, at)
