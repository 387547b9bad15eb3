"""The day scripts' `chet check` steps as a guard case set (development data, like the dev sets).

The day scripts (`benchmarks/data/days/day-*.json`) are chats: notes said to the bot, then CLI steps.
This turns every `check` step into a case of `benchmarks/guard_sets.py`'s format: the notes are the
say-lines that name the client (first or last name) before the step, a minute apart; dates are
resolved against a fixed day (Monday 2 March 2026); the case expects `pass` when the step's
expectation says the verdict is pass, else `flag` with the kinds the expectation names (every kind
when it names none). An approximation of the chat (the bot files notes itself), good enough to see
what the guard passes or flags.

Run: `python -m benchmarks.bench_guard_days` writes `benchmarks/data/guard_days.jsonl`; then
`python -m benchmarks.bench_guard_cli --fast --set days`.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.guard import KINDS

HERE = Path(__file__).parent
DAYS = HERE / "data" / "days"
OUT = HERE / "data" / "guard_days.jsonl"
D = date(2026, 3, 2)
_PLACEHOLDER = re.compile(r"\{D(?:([+-]\d+))?(?::(\w+))?\}")


def _resolve(text: str) -> str:
    """The script's `{D+N:fmt}` placeholders as text."""

    def one(m: re.Match[str]) -> str:
        day = D + timedelta(days=int(m.group(1) or 0))
        fmt = m.group(2) or "iso"
        forms = {
            "iso": day.isoformat(),
            "md": f"{day:%B} {day.day}",
            "mdlow": f"{day:%B} {day.day}".lower(),
            "mdshort": f"{day:%b} {day.day}",
            "slash": f"{day.month}/{day.day}",
            "dow": f"{day:%A}",
            "dowlow": f"{day:%A}".lower(),
            "dowshort": f"{day:%a}",
            "month": f"{day:%B}",
            "monthlow": f"{day:%B}".lower(),
        }
        return forms.get(fmt, day.isoformat())

    return _PLACEHOLDER.sub(one, text)


def cases() -> list[dict[str, Any]]:
    """Every check step of every day script as a case."""
    out: list[dict[str, Any]] = []
    start = datetime(D.year, D.month, D.day, 8, 0)
    for path in sorted(DAYS.glob("day-*.json")):
        script = json.loads(path.read_text(encoding="utf-8"))
        said: list[str] = []
        for n, step in enumerate(script["steps"], start=1):
            if "say" in step:
                said.append(_resolve(step["say"]))
                continue
            cli = step.get("cli") or []
            if not cli or cli[0] != "check" or "stdin" not in step:
                continue
            client = cli[1]
            names = {w.lower() for w in client.split()}
            notes = [s for s in said if names & set(re.findall(r"[a-z]+", s.lower()))]
            if not notes:
                continue
            expect = step["expect"]
            passes = bool(re.search(r"verdict (?:is )?pass\b(?! or)", expect))
            kinds = [k for k in KINDS if k in expect] or list(KINDS)
            at = start + timedelta(minutes=len(said) + 1)
            out.append(
                {
                    "id": f"{path.stem}-{n:02d}",
                    "group": f"{path.stem}-{n:02d}",
                    "client": client,
                    "notes": [
                        {
                            "id": f"{path.stem}-{n:02d}-n{i}",
                            "client": client,
                            "text": text,
                            "at": (start + timedelta(minutes=i)).isoformat(),
                        }
                        for i, text in enumerate(notes)
                    ],
                    "text": _resolve(step["stdin"]).strip(),
                    "at": at.isoformat(),
                    "expect": "pass" if passes else "flag",
                    "kinds": [] if passes else kinds,
                }
            )
    return out


def main() -> int:
    """Write the day scripts' check steps as a case set."""
    found = cases()
    OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in found), encoding="utf-8")
    print(f"wrote {len(found)} cases to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
