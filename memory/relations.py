"""Family words and the relation each names (memory/data/relations.tsv), shared by the fact rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple


def load_relations() -> dict[str, str]:
    """Family words -> relation, from memory/data/relations.tsv (a reason per entry)."""
    table: dict[str, str] = {}
    for line in (Path(__file__).parent / "data" / "relations.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, relation, _why = line.split("\t", 2)
            table[word] = relation
    return table


def load_relation_pronouns() -> dict[str, str]:
    """Relation -> the pronoun ("he"/"she") it is referred to by, from memory/data/relation_pronouns.tsv."""
    table: dict[str, str] = {}
    for line in (Path(__file__).parent / "data" / "relation_pronouns.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            relation, pronoun, _why = line.split("\t", 2)
            table[relation] = pronoun
    return table


RELATIONS: dict[str, str] = load_relations()
RELATION_PRONOUNS: dict[str, str] = load_relation_pronouns()
RELATION_RE = "|".join(sorted(RELATIONS, key=len, reverse=True))  # longest first: "grandmother" before "mother"


# --- a pronoun that refers to a relative -------------------------------------------------------------------

_MENTION = re.compile(r"(?:\b(?P<poss>my|our|his|her|their)\s+)?\b(?P<rel>" + RELATION_RE + r")\b", re.I)
_PRONOUN_CLAUSE = re.compile(
    r"(?:^|[,;.!?(]|\s[-–]\s|\band\b|\bbut\b)\s*(?P<pron>he|she)\b(?P<rest>[^,;.!?()\n]*)", re.I
)
_CLIENT_PRONOUN = {"his": "he", "her": "she"}  # "his wife": the client is a he
# only a name (and a comma) between the relative and the pronoun: "her sister anna, she ..."
_APPOSED = re.compile(r"^(?:\s+[\w'’-]+){1,2}\s*,\s*$")


class RelativeClause(NamedTuple):
    """A clause whose "he"/"she" is a relative, not the client: where it is and which relative."""

    start: int
    end: int
    relation: str
    text: str


def relative_pronoun_clauses(text: str) -> list[RelativeClause]:
    """The clauses of a note whose pronoun is the relative just named ("his wife Natasha ..., she's a keen cyclist").

    The pronoun fits the latest relative named in its sentence or the one before. When the client could be
    meant too (the same pronoun as the client's, "her daughter ... she"), only a clause right after the
    relative and its name is hers ("her sister anna, she ..."); "bought it for her daughter, she wants blue" is
    the client's.
    """
    out: list[RelativeClause] = []
    for m in _PRONOUN_CLAUSE.finditer(text):
        pron = m["pron"].lower()
        head = text[: m.start("pron")]
        cut = max((head.rfind(p) for p in ".!?\n"), default=-1)
        earlier_cut = max((head.rfind(p, 0, cut) for p in ".!?\n"), default=-1) if cut >= 0 else -1
        mentions = [
            x for x in _MENTION.finditer(head, earlier_cut + 1) if (x["poss"] or "").lower() not in {"my", "our"}
        ]
        if not mentions:
            continue
        last = mentions[-1]
        relation = RELATIONS[last["rel"].lower()]
        if RELATION_PRONOUNS.get(relation) != pron:
            continue
        client_may_be_meant = _CLIENT_PRONOUN.get((last["poss"] or "").lower()) == pron or not last["poss"]
        if client_may_be_meant and not _APPOSED.match(head[last.end() :].rstrip(" ,") + ","):
            continue  # only a relative right before, with just a name between, takes the client's own pronoun
        out.append(
            RelativeClause(m.start("pron"), m.end("rest"), relation, text[m.start("pron") : m.end("rest")].strip())
        )
    return out
