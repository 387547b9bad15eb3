"""The dictionaries Chet reads but does not write: English word frequencies, first names, census names.

One lazy loader each, for memory/ and bot/ alike (bot/ reaches them through memory.lexicon): `wordfreq`'s
tables (~0.5 s) and gender-guesser's first-name dictionary (~0.3-1 s of files) load on the first word that
needs them, never at start-up. A missing package raises ImportError at that call, so each caller keeps its
own fallback (a broken install still files notes).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


def zipf_frequency(word: str, lang: str = "en") -> float:
    """How common `word` is in `lang` on wordfreq's Zipf scale (7 = "the", 3 = rare, 0 = unknown)."""
    # imported at each call (a dict lookup once loaded): a test that hides the package sees ImportError at once
    from wordfreq import zipf_frequency as zipf  # its tables (~0.5 s) load on the first word that needs them

    return float(zipf(word, lang))


def frequency_table(lang: str) -> dict[str, float]:
    """wordfreq's whole word -> frequency table of `lang` (a lookup there is cheaper than a call per word)."""
    from wordfreq import get_frequency_dict  # its tables (~0.5 s) load on the first word that needs them

    return get_frequency_dict(lang)


def word_frequencies_installed() -> bool:
    """Whether wordfreq can be imported (its tables are read later, on first use)."""
    try:
        import wordfreq  # noqa: F401  (only asks whether it is installed)
    except ImportError:
        return False
    return True


@cache
def first_name_detector() -> Any:
    """gender-guesser's Detector over ~40,000 first names of every country, case-insensitive, built once."""
    import gender_guesser.detector as detector  # a first-name dictionary read from disk on first use

    return detector.Detector(case_sensitive=False)


def census_names_installed() -> bool:
    """Whether the `names` package (the census name files) can be imported (its files are read later)."""
    try:
        import names  # noqa: F401  (only asks whether it is installed)
    except ImportError:
        return False
    return True


def _census_folder() -> Path:
    """Where the `names` package (MIT; its data are the US Census Bureau's, public domain) keeps its files."""
    import names as census  # lazy: the census files are read from disk on the first name that needs them

    return Path(census.__file__).parent


@cache
def census_first_names() -> frozenset[str]:
    """US census 1990 first names, female and male, case-folded."""
    folder = _census_folder()
    return frozenset(
        ln.split()[0].casefold()
        for fname in ("dist.female.first", "dist.male.first")
        for ln in (folder / fname).read_text(encoding="ascii").splitlines()
        if ln.strip()
    )


@cache
def census_surname_shares() -> dict[str, float]:
    """US census 1990 surnames, case-folded, with the share of people who bear each (0.01 = 1 %)."""
    shares: dict[str, float] = {}
    for line in (_census_folder() / "dist.all.last").read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].casefold()] = float(parts[1]) / 100
    return shares
