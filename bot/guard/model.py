"""The guard's vocabulary: finding kinds, verdicts, contact caps and the report types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

KINDS: tuple[str, ...] = (
    "unsupported_claim",
    "contradicts_preference",
    "wrong_fact",
    "invented_commitment",
    "name_misuse",
    "no_consent",
    "risky_request",
    "too_frequent",
    "inappropriate",
)
# What is certain blocks; too_frequent and inappropriate are judgement calls and only warn.
BLOCKING = frozenset(KINDS) - {"too_frequent", "inappropriate"}
# Contact caps (too_frequent): at most WEEKLY_CAP - 1 messages in the window, none in the last MIN_GAP.
WEEKLY_CAP = 3
CAP_WINDOW = timedelta(days=7)
MIN_GAP = timedelta(hours=24)
# Bad news in a note this recent makes a sales pitch inappropriate.
SENSITIVE_WINDOW = timedelta(days=60)
# An event further than this from the client is "far away".
FAR_KM = 250.0
# "Happy birthday" is fine from this many days before the birthday to this many after.
BIRTHDAY_EARLY, BIRTHDAY_LATE = 7, 30


@dataclass(frozen=True)
class Finding:
    """One problem in a draft: what kind, where (an exact substring), why, and the notes involved."""

    kind: str
    span: str
    message: str
    sources: tuple[str, ...]
    verdict: str  # "block" | "warn"


@dataclass(frozen=True)
class GuardReport:
    """The guard's answer for one text: the overall verdict and every finding."""

    verdict: str  # "pass" | "warn" | "block"
    findings: tuple[Finding, ...]
