"""Clock times in a note: "at 10", "@ 3pm", "around 10ish", "at 9:30" are a time of day, never a count.

"call her tmrw at 10 re mats" holds a call at ten and no quantity of mats. A number is a clock time when
a time word follows it (am, pm, ish, o'clock, :30), or when it follows "at"/"@"/"around" and what comes
next is not the thing it counts ("at 10 re mats"; "pitched at 10 stores" still counts stores).
"""

from __future__ import annotations

import re

__all__ = ["clock_time", "counted_next", "is_clock_time"]

I = re.IGNORECASE  # noqa: E741 - short flag alias, as in memory.extract

_LEAD = re.compile(r"(?:\b(?:at|around|about|from|till|until|after|before|by)|@)\s*(?:(?:about|around)\s+)?$", I)
_TIME_AFTER = re.compile(r"(?::[0-5]\d|\s?(?:am|pm|a\.m\.|p\.m\.|ish|o'?clock|hrs|h)\b)", I)
_CLOCK = re.compile(
    r"(?P<lead>\b(?:at|around)\s+|@\s*)?(?P<h>\b\d{1,2})(?P<m>:[0-5]\d)?\s?(?P<tail>am|pm|a\.m\.|p\.m\.|ish|o'?clock)?"
    r"(?![\w:/.,-]|\s*(?:%|x\b))",
    I,
)


# words between a number and a noun that show the number does not count the noun: "at 10 re mats"
_TOPIC_GAP = re.compile(r"\b(?:re|about|regarding|on|for|with|to|and|or|then|tomorrow|tmrw|today|sharp)\b", I)


def counted_next(gap: str) -> bool:
    """Whether the words between a number and a noun ("", "new", "re") leave the number counting the noun."""
    return not _TOPIC_GAP.search(gap)


def is_clock_time(before: str, number: str, after: str, counted_next: bool) -> bool:
    """Whether `number`, between `before` and `after`, is a time of day ("at 10 re mats"), not a count.

    `counted_next`: the thing counted follows the number at once ("at 10 stores"): then "at" is a place.
    """
    if not number.isdigit() or int(number) > 24:
        return False
    if _TIME_AFTER.match(after):
        return True
    return bool(_LEAD.search(before)) and not counted_next


def clock_time(text: str) -> str | None:
    """The first clock time in `text` as a phrase ("at 10", "at 3pm", "around 10" for "10ish"), or None."""
    for m in _CLOCK.finditer(text):
        hour = int(m["h"])
        if not (m["lead"] or m["tail"] or m["m"]) or hour > 24 or (m["tail"] and m["tail"][0] in "apAP" and hour > 12):
            continue
        if (m["tail"] or "").lower() == "ish":
            return f"around {m['h']}{m['m'] or ''}"
        shown = f"{m['h']}{m['m'] or ''}{m['tail'] or ''}".replace(" ", "")
        return f"at {shown}"
    return None
