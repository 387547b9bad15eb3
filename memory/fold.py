"""Lower-case a word the way a case-insensitive pattern compares it, and the look-alike letters Chet folds."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path


def fold(word: str) -> str:
    """`word` in lower case, with the letters re.IGNORECASE takes for ASCII ones mapped to them.

    A pattern compiled with re.IGNORECASE matches "ſ" (long s) for s, "ı" and "İ" for i and the Kelvin
    sign for k; str.lower() keeps "ſ" and "ı" and turns "İ" into two characters, so a word the pattern
    matched can miss its lower-case table entry ("auguſt"). Fold it with this before the lookup.
    """
    return word.casefold().replace("i\u0307", "i").replace("ı", "i")


@lru_cache(maxsize=1)
def lookalikes() -> tuple[dict[str, str], frozenset[str]]:
    """Cyrillic/Greek letters drawn like Latin ones -> that Latin letter, and the invisible characters."""
    doc = json.loads((Path(__file__).parent / "data" / "lookalikes.json").read_text(encoding="utf-8"))
    folds = {row["char"]: row["latin"] for row in doc["confusables"]}
    invisible = frozenset(chr(int(row["code"][2:], 16)) for row in doc["invisible"])
    return folds, invisible
