"""wrong_fact: a relative named wrongly, with or without a family word in the draft.

The notes' relatives are known people (`bot.guard.names.relatives`: a name after a family word in any
of the languages). A capitalised word of the draft that no note, fact or name contains is a person's
name gone wrong when it is close in spelling to a known relative ("Valeria" for Valentina), or when it
is listed with a known relative ("Owen and Lucy" when the children are Owen and Lily).
"""

from __future__ import annotations

import re

from bot.guard.geo import _place
from bot.guard.model import Finding
from bot.guard.names import address_model, similar, tables
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import _STOP, _fold
from bot.guard.values import function_words

_WORD = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]{2,})(?![\w'’-])")
_CLOSE = 0.7  # difflib ratio: "valeria"/"valentina" 0.75, "lucia"/"lucas" 0.6
_FUNCTION_WORDS = function_words()


def _close(word: str, name: str) -> bool:
    """Whether `word` is a different name spelt close to `name` (a short form or an inflection is not)."""
    if len(name) < 3 or word[0] != name[0] or name.startswith(word) or word.startswith(name):
        return False  # "Val" for Valentina, "Call" before "Callum", "Megans": a short form, a word, an inflection
    return similar(word, name) >= _CLOSE


class RelativeName:
    """A name close to, or listed with, a relative the notes know, that the notes never give."""

    kind = "wrong_fact"

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """Findings for each wrong relative's name."""
        ctx = evidence.context
        if ctx is None:
            return []
        model = evidence.derived("names.model", lambda: address_model(ctx))
        if not model.relatives:
            return []
        known_words: frozenset[str] = evidence.derived(
            "names.evidence_words",
            lambda: frozenset(
                w
                for text in (
                    *(t for _, t in evidence.texts()),
                    ctx.client.name,
                    ctx.salesperson or "",
                    ctx.client.company or "",
                    *ctx.other_clients,
                    *ctx.client.aliases,
                )
                for w in re.findall(r"\w+", _fold((text or "").lower()))
            ),
        )
        coordinators = tables()["coordinators"]
        rels = model.relatives
        out = []
        text = draft.text
        for m in _WORD.finditer(text):
            word = re.sub(r"['’]s?$", "", _fold(m.group(1).lower()))
            if (
                word in known_words
                or word in _STOP
                or word in _FUNCTION_WORDS
                or word in model.given
                or _place(m.group(1)) is not None
            ):
                continue
            close = [p for p in rels if _close(word, p)]
            listed = self._listed_with(text, m.start(), m.end(), rels, coordinators)
            if not close and not listed:
                continue
            names = ", ".join(p.title() for p in (close or sorted(rels)))
            ids = [i for p in (close or list(rels)) for i in rels[p]]
            msg = f"no {m.group(1)} in the notes; they name {names}"
            out.append(draft.finding(self.kind, m.start(), m.end(), msg, ids))
        return out

    def _listed_with(
        self, text: str, start: int, end: int, rels: dict[str, tuple[str, ...]], coordinators: frozenset[str]
    ) -> bool:
        """Whether the word at `start:end` is joined to a known relative's name ("Owen and Lucy", "Lucy, Owen")."""
        after = re.match(r"\s*,?\s*([\w&]+)\s+([\w'’-]+)", text[end:])
        pairs = []
        m = re.search(r"([\w'’-]+)\s+([\w&]+)\s+$", text[:start])
        if m and m.group(2).lower() in coordinators:
            pairs.append(m.group(1))
        if after and after.group(1).lower() in coordinators:
            pairs.append(after.group(2))
        return any(_fold(p.lower()) in rels for p in pairs)
