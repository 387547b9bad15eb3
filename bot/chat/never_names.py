"""The words and phrases that are never a client's name (bot/chat/data/not_clients.txt), as a plain set.

The person-mention detector (bot/chat/mentions.py) needs only the set; bot/chat/words.py reads the same file with
each entry's kind, and uses the detector to tell a greeting with everyday words from a note.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["never_names"]

DATA = Path(__file__).with_name("data") / "not_clients.txt"


@cache
def never_names() -> frozenset[str]:
    """Every listed word or phrase, case-folded (the keys of bot/chat/words.py's table)."""
    out: set[str] = set()
    for raw in DATA.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.add(line.split("|")[0].strip().casefold())
    return frozenset(out)
