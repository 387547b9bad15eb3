"""Lower-case a word the way a case-insensitive pattern compares it, so a matched word is found in a table."""

from __future__ import annotations


def fold(word: str) -> str:
    """`word` in lower case, with the letters re.IGNORECASE takes for ASCII ones mapped to them.

    A pattern compiled with re.IGNORECASE matches "ſ" (long s) for s, "ı" and "İ" for i and the Kelvin
    sign for k; str.lower() keeps "ſ" and "ı" and turns "İ" into two characters, so a word the pattern
    matched can miss its lower-case table entry ("auguſt"). Fold it with this before the lookup.
    """
    return word.casefold().replace("i\u0307", "i").replace("ı", "i")
