"""Family words and the relation each names (memory/data/relations.tsv), shared by the fact rules."""

from __future__ import annotations

from pathlib import Path


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
