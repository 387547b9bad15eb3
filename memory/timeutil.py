"""Time helpers: parse user-given times in the salesperson's zone, store UTC ISO strings."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from memory.errors import BadInput


def zone(name: str) -> ZoneInfo:
    """A time zone by IANA name, or BadInput naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as err:  # OSError: a name too long for a path
        raise BadInput(f"unknown time zone {name[:60]!r} (use an IANA name such as Europe/Paris)") from err


def parse_when(value: str, tz: ZoneInfo) -> datetime:
    """An ISO date or datetime; naive values are in `tz`. Raises BadInput on anything else."""
    text = value.strip()
    if not text:
        raise BadInput("empty time")
    try:
        if len(text) == 10:
            parsed = datetime.combine(date.fromisoformat(text), time(0, 0), tzinfo=tz)
        else:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError as err:
        raise BadInput(f"not an ISO date or datetime: {text[:40]!r}") from err
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    try:
        parsed.astimezone(UTC)  # stored in UTC: a moment at either end of the calendar may not exist there
    except OverflowError as err:
        raise BadInput(f"time out of range: {text[:40]!r}") from err
    return parsed


def parse_day(value: str) -> date:
    """An ISO date (YYYY-MM-DD), or BadInput."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError as err:
        raise BadInput(f"not an ISO date (YYYY-MM-DD): {value[:40]!r}") from err


def iso(moment: datetime) -> str:
    """The UTC ISO string stored in the ledger (sortable as text)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(text: str) -> datetime:
    """A stored ISO string back to an aware datetime."""
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def now_utc() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)
