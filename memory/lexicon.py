"""Word and character lists shared by memory and the guard, read from memory/data (a reason for each entry)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def lookalikes() -> tuple[dict[str, str], frozenset[str]]:
    """Cyrillic/Greek letters drawn like Latin ones -> that Latin letter, and the invisible characters."""
    doc = json.loads((_DATA / "lookalikes.json").read_text(encoding="utf-8"))
    folds = {row["char"]: row["latin"] for row in doc["confusables"]}
    invisible = frozenset(chr(int(row["code"][2:], 16)) for row in doc["invisible"])
    return folds, invisible
