"""Rule contradicts_preference: a draft that mentions, without negating it, something the client declined.

Source: the guard table ("offering grey when she said not grey" blocks) and benchmarks/NOTES-guard8.md
family 5. No offer-verb list: any mention of a current declined item in the message counts as putting it
forward, unless the draft itself leaves it out ("no stripes", "sin gluten", "instead of the oak"). The
declined items and their concepts come from `bot/guard/preferences.py`. A mention is found three ways:
- the item as the notes name it, or its plural (block; as the client's own order it is a wrong fact too);
- its concept: the head noun inflected or ending a compound ("stripes": "striped", "pinstripe"), with a
  modifier of the declined phrase beside it ("plain white plaster": "a white plaster finish") - block; the
  bare head ("the plaster", "call plan" for "cold calls") or a head with other modifiers ("pebble plaster")
  may be another thing and is not flagged; a member of a declined category ("no shellfish": "prawns") - block;
- the local MiniLM (`SHARED_EMBED`): a draft noun phrase at least `embed_threshold` alike a declined item
  warns. The model is English-only (all-MiniLM-L6-v2: "gas oven"/"four a gaz" 0.12), so this adds no
  cross-lingual matching; the threshold is high because it scores siblings above members (red/blue 0.73,
  shellfish/calamari 0.23) - see `data/declines.json`.
"""

from __future__ import annotations

import re

import numpy as np

from bot.guard.lexicon import _CONCEPTS, _PHONE_CALL_RE, _PHONE_CALLS
from bot.guard.model import Finding
from bot.guard.preferences import Concept, data, declined, head_pattern, iter_concepts
from bot.guard.rules.base import Draft, Evidence, stated_as_current
from bot.guard.rules.shared_history import SHARED_EMBED, Embed, cosines
from bot.guard.text import _STOP, _clause_before, _sentence_of, _stem

KIND = "contradicts_preference"
_MAX_PHRASES = 24  # draft noun phrases embedded per check (a normal message holds fewer)
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "grey": ("grey", "gray"),
    "gray": ("grey", "gray"),
    "colour": ("colour", "color"),
}
# A subject or an auxiliary right before a word makes it a verb ("I checked", "we've tested", "has worked").
_AS_VERB = re.compile(r"\b(?:i|we|they|i've|we've|they've|i'd|we'd|have|has|had|just|also)\s+$")
_NEG_BEFORE = re.compile(
    r"\b(?:not(?! only| just)|no|never|without|instead of|in place of|rather than|other than|avoid\w*|unlike|except|skip\w*|"
    r"nothing|neither|nor|minus|dislike[sd]?|hate[sd]?|away from|anything but|steer clear of|"
    r"free of|\w+n't|not a fan of|out of|replace[sd]?|swap(?:ped)? out|ditch\w*|drop\w*|over|"
    r"hold(?:ing)? off (?:on)?|no more|pause on|understood on|noted on|heard you on|got it on|"
    r"(?:moved|moving|switched|switching|move|switch|changed|changing|went|going) (?:over |away )?from|"
    r"\w+er than|(?:more|less) \w+ than)\b"
)
_NEG_AFTER = re.compile(
    r"^(?:-free|(?:\s+[\w-]+){0,2}\s+out of (?:the|this|your|our)\b|\s+(?:is|are|was|were) (?:out|off the table|not)|\s+(?:isn't|aren't|wasn't|"
    r"is not|are not|was not|won't be|is off)|(?:\s+[\w-]+){0,2}\s+(?:is|are|'s|was|were) (?:a |an )?"
    r"(?:hard |firm |definite |big |total |clear )?(?:no|no-go|no go|out|off the table)\b|"
    r"\s+allerg|"
    r"(?:\s+[\w-]+){0,2}\s+(?:isn't|aren't|is not|are not|wasn't|weren't) (?:your|her|his|their|really your) "
    r"(?:thing|style|taste|cup of tea)|(?:\s+[\w-]+){0,2}\s+(?:is|are) (?:out of the question|not for you))"
)
_EXCLUDING = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(re.escape(w) for w in sorted(data()["excluding_before"]["words"], key=len, reverse=True))
    + r")(?![\w])"
)


_PROBLEMS = "|".join(re.escape(w) for w in sorted(data()["problem_nouns"]["words"], key=len, reverse=True))
_PROBLEM_AFTER = re.compile(rf"[\s-]+(?:{_PROBLEMS})\b")
_PROBLEM_BEFORE = re.compile(
    rf"\b(?:{_PROBLEMS})\s+(?:about|with|on|over|regarding|re|sobre|con|com|de|del|do|da|sur|avec|du|des|über|mit|"
    r"zu|zum|zur|su|con|per|over|met|van)\s+(?:(?:the|your|our|that|this|el|la|los|las|o|a|os|as|le|les|der|die|das|"
    r"den|dem|il|lo|de|het)\s+)?$"
)


def excluded(low: str, start: int, end: int) -> bool:
    """Whether the mention at start..end says the item is left out ("not grey", "rather than grey", "sin gluten")."""
    # Read near the mention (the clause's last 200 characters, the sentence within 300 of it), not the
    # whole clause and sentence again for each mention: a long draft would cost quadratic time.
    if re.search(r"\b(?:non|no|zero|low|sin|sans|sem|ohne)[\s-]$", low[max(0, start - 5) : start]):
        return True  # "non-alcoholic fizz", "no-wine option": the item's absence
    clause = low[max(_clause_before(low, start), start - 200) : start]
    before = " ".join(clause.split()[-5:])
    if _NEG_BEFORE.search(before) or _EXCLUDING.search(" ".join(clause.split()[-4:])):
        return True
    if _NEG_AFTER.match(low[end : end + 30]):
        return True
    if re.search(r"\b(?:keep|keeping|kept|leave|leaving|left|hold|holding)\b", clause) and re.match(
        r"(?:\s+[\w-]+){0,3}?\s+(?:well |far |right |completely )?(?:away|out|off)\b", low[end : end + 40]
    ):
        return True  # "keep the oaky ones well away", "leaving the battery out"
    if _PROBLEM_AFTER.match(low, end) or _PROBLEM_BEFORE.search(low[max(0, start - 40) : start]):
        return True  # "the lamb complaints", "complaints about the lamb": the item talked about, not offered
    sent_s, sent_e = _sentence_of(low, start)
    sent = low[max(sent_s, start - 300) : min(sent_e, end + 300)]
    return bool(
        re.search(
            r"\b(?:you|you've|you'd) (?:said|mentioned|told me|don't|didn't|aren't|weren't|"
            r"dislike|hate|prefer(?:red)? to avoid|are not|were not)\b.{0,40}\bnot\b",
            sent,
        )
    )


def _spaced(phrase: str) -> str:
    """A phrase as a pattern in which a space also matches a hyphen ("button down" finds "button-down")."""
    return r"[\s-]".join(re.escape(w) for w in phrase.split(" "))


def _literal_patterns(items: dict[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """(item as named, the pattern that finds it as written, note ids) for each declined item."""
    out = []
    offers = {name: offer for name, _t, offer in _CONCEPTS}
    for item, ids in items.items():
        forms = _SYNONYMS.get(item, (item,))
        if item.startswith("concept:"):
            pattern = offers[item.removeprefix("concept:")].pattern
            item = item.removeprefix("concept:")
        elif item == _PHONE_CALLS:
            pattern = _PHONE_CALL_RE
        elif re.fullmatch(r"[a-z]{4,}ed", item):
            # "curved" also rules out "Curve" treadmills; "galvanized" is "galvanised"
            stem = re.escape(_stem(item))
            stem = re.sub(r"i[sz]$", "i[sz]", stem)
            pattern = rf"\b{stem}\w*\b"
        else:
            forms = tuple(f[:-1] if re.search(r"[^s]s$", f) else f for f in forms)  # "pontoons": a pontoon
            pattern = "|".join(rf"\b{_spaced(f)}(?:s|es)?\b" for f in forms)
        out.append((item, re.compile(pattern), ids))
    return out


def _window(low: str, start: int, end: int) -> set[str]:
    """Stems of the words beside a mention in its clause: up to three before and two after."""
    clause_s = _clause_before(low, start)
    # content words only: "a touchscreen to each console" has the console two content words on
    before = [w for w in re.findall(r"[^\W\d_][\w'-]*", low[max(clause_s, start - 60) : start]) if w not in _STOP][-3:]
    after = [
        w for w in re.findall(r"[^\W\d_][\w'-]*", re.split(r"[,.;:!?\n]", low[end : end + 40])[0]) if w not in _STOP
    ]
    return {_stem(w) for w in (*before, *after[:2])}


def _noun_phrases(low: str) -> list[tuple[int, int]]:
    """Runs of content words (one to three) in lower-cased text: the draft's noun-phrase candidates."""
    out: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for m in re.finditer(r"[^\W\d_][\w'-]*|[^\w\s]", low):
        word = m.group(0)
        if word[0].isalpha() and word not in _STOP and word not in data()["determiners"]["words"] and len(word) > 2:
            run.append(m)
            if len(run) == 3:
                out.append((run[0].start(), run[-1].end()))
                run = []
            continue
        if run:
            out.append((run[0].start(), run[-1].end()))
        run = []
    if run:
        out.append((run[0].start(), run[-1].end()))
    return out[:_MAX_PHRASES]


class DeclinedOffer:
    """Flags a mention of something the client declined, unless the draft leaves it out."""

    kind = KIND

    def __init__(self, embed: Embed | None = None) -> None:
        self.embed: Embed = embed or SHARED_EMBED
        self.threshold = float(data()["embed_threshold"]["value"])

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """The declined items a draft puts forward."""
        ctx = evidence.context
        if ctx is None:
            return []
        items = evidence.derived("declined items", lambda: declined(ctx))
        if not items:
            return []
        low = draft.low
        out: list[Finding] = []
        taken: list[tuple[int, int]] = []
        concepts_named = {name for name, _t, _o in _CONCEPTS}
        patterns = evidence.derived("declined patterns", lambda: _literal_patterns(items))
        for item, pattern, ids in patterns:
            for m in pattern.finditer(low):
                taken.append((m.start(), m.end()))  # judged here, flagged or not: the concept reading skips it
                if excluded(low, m.start(), m.end()):
                    continue
                plain = item not in concepts_named and item != _PHONE_CALLS
                if plain and " " not in item and _AS_VERB.search(low[max(0, m.start() - 12) : m.start()]):
                    continue  # "I checked with the workshop": the word as a verb, not the declined thing
                out.append(draft.finding(KIND, m.start(), m.end(), f"the client declined {item}", ids))
                if plain and stated_as_current(low, m.start(), m.end()):
                    msg = f"the client declined {item}: it is not theirs"
                    out.append(draft.finding("wrong_fact", m.start(), m.end(), msg, ids))
        concepts = evidence.derived("declined concepts", lambda: list(iter_concepts(items, ctx)))
        for c in concepts:
            out += self._concept_mentions(draft, c, taken)
        heads = [head_pattern(c.head, c.word) for c in concepts]
        out += self._alike(draft, items, taken, heads, evidence)
        return out

    def _concept_mentions(self, draft: Draft, c: Concept, taken: list[tuple[int, int]]) -> list[Finding]:
        """Mentions of a concept's head noun that the literal patterns missed."""
        low = draft.low
        out = []
        # the characters already taken, as a set: one scan of `taken` per mention cost quadratic time on long drafts
        covered = {i for s, e in taken for i in range(s, e)}
        for m in head_pattern(c.head, c.word).finditer(low):
            if any(i in covered for i in range(m.start(), m.end())) or excluded(low, m.start(), m.end()):
                continue
            if _AS_VERB.search(low[max(0, m.start() - 12) : m.start()]):
                continue
            if c.modifiers and not c.modifiers & _window(low, m.start(), m.end()):
                continue  # the bare head, or another kind of it: maybe not the declined thing
            out.append(draft.finding(KIND, m.start(), m.end(), f"the client declined {c.item}", c.ids))
            taken.append((m.start(), m.end()))
            covered.update(range(m.start(), m.end()))
        return out

    def _alike(
        self,
        draft: Draft,
        items: dict[str, tuple[str, ...]],
        taken: list[tuple[int, int]],
        heads: list[re.Pattern[str]],
        evidence: Evidence,
    ) -> list[Finding]:
        """Draft noun phrases the embedder finds nearly the same as a declined item: a warning each.

        A phrase holding a declined head noun was judged by its structure already (left out, a verb, another
        kind of it): the embedder does not judge it again.
        """
        plain = [i for i in items if not i.startswith("concept:") and i != _PHONE_CALLS]
        low = draft.low  # a phrase holding an item as written ("lead-free") was judged by the literal patterns
        prefixes = {w[:4] for i in plain for w in i.split()}
        phrases = [
            (s, e)
            for s, e in _noun_phrases(low)
            if not any(ts < e and s < te for ts, te in taken)
            and not excluded(low, s, e)
            and not any(h.search(low, s, e) for h in heads)
            and not any(item in low[s:e] for item in plain)
            and not _AS_VERB.search(low[max(0, s - 12) : s])
            and {w[:4] for w in low[s:e].split()} & prefixes  # 0.80 alike means nearly the same word: a cheap filter
        ]
        if not plain or not phrases:
            return []
        matrix = evidence.derived(f"declined vectors {id(self)}", lambda: self.embed(plain))
        vectors = self.embed([low[s:e] for s, e in phrases])
        out = []
        for (s, e), vector in zip(phrases, vectors, strict=True):
            sims = cosines(matrix, vector)
            best = int(np.argmax(sims))
            if sims[best] >= self.threshold:
                item = plain[best]
                found = draft.finding(KIND, s, e, f"the client declined {item}: this looks like it", items[item])
                out.append(Finding(found.kind, found.span, found.message, found.sources, "warn"))
        return out
