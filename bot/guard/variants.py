"""wrong_fact rules about variants: a product's grade or code, and mutually exclusive options.

A recorded thing often carries a variant: "Vicryl 3-0", "prosecco DOCG", "design B". A message that
names the same thing with another variant ("Vicryl 4-0") is wrong. Some attributes come in families
of exclusive options (left- or right-facing, white or yellow gold, propane or natural gas, saltwater
or chlorine, round or square, boucle or velvet): a message that picks an option no note has, when
the notes name another of the family, is wrong -- and so is one that keeps an option a later note
replaced with another of its family.
"""

from __future__ import annotations

import re

from bot.guard.evidence import per_context
from bot.guard.figures import units
from bot.guard.model import Finding
from bot.guard.text import _STOP, _content_words, _fold, _norm, _sentences
from bot.guard.truth import GuardBase
from memory.lexicon import not_names
from memory.records import Note

# A variant after a name: a grade in capitals, a size code ("4-0", "60x60"), a model code ("T9").
_CODE = r"(?:[A-Z]{1,5}|\d+[-/x]\d+|[A-Za-z]+\d+[A-Za-z\d]*|\d+[A-Za-z]+\d*)"
_NAMED_CODE = re.compile(rf"\b(?P<name>[A-Za-z][a-z]{{2,}})\s+(?P<code>{_CODE})(?![\w-])")
_NEG = re.compile(r"\b(?:no|not|never|without|hates?|dislikes?|avoid|nothing)\b[^.;,]*$")
_NOT_NAME = not_names("code_lead_words")

# Families of exclusive options: (family, needs a shared noun, [(option, pattern), ...]).
_FAMILIES: tuple[tuple[str, bool, tuple[tuple[str, str], ...]], ...] = (
    ("hand", False, (("left-facing", r"left[- ]?(?:facing|hand(?:ed)?|arm)|\b(?:lf|laf|lhf)\b"),
                     ("right-facing", r"right[- ]?(?:facing|hand(?:ed)?|arm)|\b(?:rf|raf|rhf)\b"))),
    ("baby", False, (("boy", r"baby boy|(?:it's|a) (?:healthy )?(?:baby )?boy"),
                     ("girl", r"baby girl|(?:it's|a) (?:healthy )?(?:baby )?girl"))),
    ("gold", False, (("yellow gold", r"yellow gold"), ("white gold", r"white gold"), ("rose gold", r"rose gold"))),
    ("fuel", False, (("propane", r"propane|\blpg\b|\blp gas\b"), ("natural gas", r"natural gas|\bng\b|mains gas"))),
    ("sanitiser", False, (("saltwater", r"salt ?water|salt (?:system|chlorinator|cell)"),
                          ("chlorine", r"chlorine|chlorinated"))),
    ("shape", True, (("round", r"round"), ("square", r"square(?! (?:met|feet|foot|ft|m\b|meter|inch|mile|km|yard))"),
                     ("oval", r"oval"), ("rectangular", r"rectangular|rectangle"), ("hexagonal", r"hexagon(?:al)?"))),
    ("fabric", False, (("boucle", r"boucl[eé]"), ("velvet", r"velvet"), ("leather", r"leather"),
                       ("linen", r"linen"), ("chenille", r"chenille"), ("suede", r"suede"))),
    ("finish", False, (("matte", r"matte?"), ("gloss", r"(?:high[- ])?gloss(?:y)?"), ("satin", r"satin"),
                       ("polished", r"polished"))),
)  # fmt: skip


_BARE_CODE = re.compile(r"(?<![\w-])(?:[A-Z]{2,5}|[A-Z]+\d+[A-Z\d]*)(?![\w-])")
# A switch cue in a note sentence (`data/value_changes.json` holds the figure cues; these are the choice ones)
_SWITCH = re.compile(
    r"\b(?:switch(?:ed|ing)? to|chang(?:ed|ing|e) to|go(?:ing)? with|went with|instead|rather than|en vez de|"
    r"en lugar de|em vez de|au lieu de|plutôt que|statt|anstatt|invece di)\b"
)


# "instead of the GX", "not the SEL": the code after it is the one given up
_GIVEN_UP = re.compile(
    r"(?i)\b(?:instead of|rather than|not|over|from|en vez de|en lugar de|em vez de|au lieu de|statt|anstatt|invece di)"
    r"\s+(?:the\s+|el\s+|la\s+|le\s+|o\s+|a\s+|der\s+|die\s+|das\s+)?$"
)


def _shape(code: str) -> tuple[int, bool]:
    """A code's shape: its length and whether it is letters only ("xle" and "xse" share one)."""
    return len(code), code.isalpha()


def _not_code(code: str) -> bool:
    """Whether a token after a name is a currency code or a unit ("flyers SGD 540", "cable 50M"), not a variant."""
    spell, _, codes = units()
    low = code.lower()
    return (
        low in codes
        or low in spell
        or bool(re.fullmatch(r"\d+(?:[.,]\d+)?[a-z]+", low) and re.sub(r"^[\d.,]+", "", low) in spell)
    )


_YEAR = re.compile(r"(?<![\d$€£,.])(?:19[5-9]\d|20[0-4]\d)(?!\d|,\d)")


def _clause_span(low: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`: between commas, semicolons, dashes or sentence ends."""
    start = max((m.end() for m in re.finditer(r"[,;:.!?()\n]|\s[-–—]\s", low[:pos])), default=0)
    m = re.compile(r"[,;:.!?()\n]|\s[-–—]\s").search(low, pos)
    return start, m.start() if m else len(low)


class VariantRules(GuardBase):
    """Variants and exclusive options compared with the notes; mixed into the guard."""

    @per_context
    def _recorded_variants(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """Name -> {grade or code: the first note id} of the named variants the notes record."""
        recorded: dict[str, dict[str, tuple[str, ...]]] = {}
        for n in sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp()):
            for m in _NAMED_CODE.finditer(n.text):
                code = m.group("code")
                if (code.isalpha() and not code.isupper()) or _not_code(code):
                    continue
                recorded.setdefault(_fold(m.group("name")), {}).setdefault(code.lower(), (n.id,))
            for s, e in _sentences(n.text):
                sentence = n.text[s:e]
                if not _SWITCH.search(sentence.lower()):
                    continue
                # "switching to the XSE trim instead": a code of the same shape replaces the recorded one (W5)
                fresh = [
                    c.group(0)
                    for c in _BARE_CODE.finditer(sentence)
                    if not _not_code(c.group(0)) and not _GIVEN_UP.search(sentence[max(0, c.start() - 25) : c.start()])
                ]
                for new in fresh:
                    for codes in recorded.values():
                        if new.lower() in codes:
                            continue
                        same = [c for c in codes if _shape(c) == _shape(new.lower())]
                        if same:
                            for c in same:
                                del codes[c]
                            codes[new.lower()] = (n.id,)
        return recorded

    def variant_swaps(self) -> list[Finding]:
        """ "Vicryl 4-0" when the notes have "Vicryl 3-0"; "design A" when they have "design B"."""
        recorded = self._recorded_variants()
        out = []
        for m in _NAMED_CODE.finditer(self.text):
            name, code = _fold(m.group("name")), m.group("code")
            if name in _NOT_NAME or name in _STOP or code in ("I", "OK") or code.isdigit():
                continue
            if (code.isalpha() and not code.isupper()) or _not_code(code):
                continue
            known = recorded.get(name, {})
            if not known or code.lower() in known:
                continue
            real = ", ".join(f"{m.group('name')} {c.upper() if c.isalpha() else c}" for c in known)
            ids = [i for v in known.values() for i in v]
            out.append(self._finding("wrong_fact", m.start(), m.end(), f"the notes have {real}", ids))
        return out

    @per_context
    def _options_seen(self) -> tuple[list[Note], list[dict[str, list[int]]]]:
        """The notes oldest first, and for each exclusive family: option -> indexes of the notes naming it."""
        notes = sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp())
        families = []
        for _family, _framed, options in _FAMILIES:
            seen: dict[str, list[int]] = {}  # option -> indexes of notes naming it
            for i, n in enumerate(notes):
                low = _norm(n.text)
                for name, rx in options:
                    if any(
                        not _NEG.search(low[max(0, x.start() - 20) : x.start()])
                        for x in re.finditer(rf"\b(?:{rx})\b", low)
                    ):
                        seen.setdefault(name, []).append(i)
            families.append(seen)
        return notes, families

    def option_swaps(self) -> list[Finding]:
        """An option of an exclusive family that the notes do not have (or that a later note replaced)."""
        notes, seen_by_family = self._options_seen()
        out = []
        for (_family, framed, options), seen in zip(_FAMILIES, seen_by_family, strict=True):
            if not seen:
                continue
            said = {name for name, rx in options if re.search(rf"\b(?:{rx})\b", self.low)}
            for name, rx in options:
                for m in re.finditer(rf"\b(?:{rx})\b", self.low):
                    if self._negated(m.start()):
                        continue
                    rivals = [o for o in seen if o != name and o not in said]
                    if not rivals:
                        continue
                    if name in seen:
                        latest = max(seen[name])
                        rivals = [o for o in rivals if min(seen[o]) > latest]
                        if not rivals:
                            continue  # a later note replaced it with another option only then
                    if framed and not self._shares_noun(m.end(), [notes[i].text for o in rivals for i in seen[o]]):
                        continue
                    ids = [notes[i].id for o in rivals for i in seen[o]]
                    msg = f"the notes have {' or '.join(rivals)}, not {name}"
                    out.append(self._finding("wrong_fact", m.start(), m.end(), msg, ids))
        return out

    @per_context
    def _noted_years(self) -> list[tuple[str, set[str], str]]:
        """(year, words of its clause, note id) for every year the notes name."""
        noted: list[tuple[str, set[str], str]] = []
        for n in self.ctx.notes:
            low = _norm(n.text)
            for m in _YEAR.finditer(low):
                s, e = _clause_span(low, m.start())
                noted.append((m.group(0), _content_words(low[s:e]) - self._own_words(), n.id))
        return noted

    def year_swaps(self) -> list[Finding]:
        """ "your contract runs until 2027" when the note about the contract says 2026."""
        noted = self._noted_years()
        if not noted:
            return []
        out = []
        for m in _YEAR.finditer(self.low):
            year = m.group(0)
            if any(y == year for y, *_ in noted):
                continue
            s, e = _clause_span(self.low, m.start())
            words = _content_words(self.low[s:e]) - self._own_words()
            rivals = [(y, nid) for y, ws, nid in noted if ws & words]
            if rivals:
                real = ", ".join(sorted({y for y, _ in rivals}))
                out.append(
                    self._finding("wrong_fact", m.start(), m.end(), f"the notes have {real}", [i for _, i in rivals])
                )
        return out

    def _shares_noun(self, end: int, texts: list[str]) -> bool:
        """Whether the words right after an option ("square coasters") are in a note sentence naming a rival."""
        nxt = _content_words(" ".join(self.low[end : end + 30].split()[:2]))
        if not nxt:
            return False
        for text in texts:
            for s, e in _sentences(text):
                if nxt & _content_words(_norm(text[s:e])):
                    return True
        return False
