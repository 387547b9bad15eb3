"""A sign-off rule with words between the person and the verb, made plain for the sign-off rule.

"his partner marisol is the one who decides on purchases over 10k", "her husband Arjun is the
accountant and signs off anything over £2k", "Dev, who runs finance, approves anything above 5k":
the person decides; what stands between (a cleft "is the one who", a role joined by "and", an
appositive "who ...") says nothing about who signs. `plain_sign_off` drops it so "marisol decides
on purchases over 10k" is read by memory.extract_more's sign-off rule like any other.
"""

from __future__ import annotations

import re

from memory.lexicon import not_names
from memory.relations import RELATION_RE

__all__ = ["plain_sign_off"]

I = re.IGNORECASE  # noqa: E741 - short flag alias, as in memory.extract

_BETWEEN = re.compile(
    # a cleft: "is the one who decides", "'s the person that approves"
    r"\s+(?:is|'s|’s)\s+(?:the\s+)?(?:one|person|guy|lady|woman|man)\s+(?:who|that)\s+(?:(?:always|also|still|actually|really)\s+)?"
    # a role joined by "and"/"who": "is the accountant and signs off", "is their cfo who approves"
    r"|\s+(?:is|'s|’s)\s+(?:the|their|our|his|her|a|an)\s+(?:[a-z-]+\s+){1,3}?(?:and|who|that)\s+(?:also\s+)?"
    # an appositive between commas: "Dev, who runs finance, approves"
    r"|\s*,\s*(?:who|that)\s+[^,;]{1,40},\s*",
    I,
)


# a relative's name typed in lower case ("his partner marisol"): capitalised as the sign-off rule reads names
_KIN_NAME = re.compile(r"\b(?:her|his|their)\s+(?:" + RELATION_RE + r")\s+(?P<name>[a-z][a-z'-]+)\b", I)


# words that follow a relation without naming anyone ("her husband also approves", "his wife is the one")
_NOT_NAMES = not_names("after_a_relation")


def plain_sign_off(clause: str) -> str:
    """The clause with a cleft, a joined role or an appositive between a person and the next verb removed."""
    clause = _BETWEEN.sub(" ", clause)
    return _KIN_NAME.sub(
        lambda m: (
            m.group(0)[: m.start("name") - m.start()] + m["name"].capitalize()
            if m["name"].casefold() not in _NOT_NAMES
            else m.group(0)
        ),
        clause,
    )
