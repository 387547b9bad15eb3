"""Rule contradicts_preference for timing: a day or an hour the notes say does not suit the client.

Source: the guard table (contradicts_preference) and notes such as "no weekends", "prefers Tuesdays",
"nothing before 2pm". Moved out of the guard's `PreferenceRules` mixin; behaviour unchanged.
"""

from __future__ import annotations

import re

from bot.guard.model import Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.text import _norm, _sentence_of, _sentences
from bot.guard.when import _WEEKDAYS
from bot.usecases.draft_context import DraftContext
from memory.records import Note


class ContactTiming:
    """Flags a proposed day or hour that the notes say does not suit the client."""

    kind = "contradicts_preference"

    _NO_WEEKENDS = re.compile(
        r"\b(?:no|not|never|don't|do not|avoid|hates?)\b[^.;]{0,30}\bweekends?\b|\bweekdays? only\b|"
        r"\bweekday (?:evenings?|mornings?|afternoons?)\b|\bweekends? (?:are|is) (?:family|off|out)"
    )
    _PREFERRED_DAYS = re.compile(
        r"\b(?:prefers?|only|best|likes?)\b[^.;]{0,30}?\b(?:on )?(?P<days>(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
        r"s?(?:,\s*|\s+or\s+|\s+and\s+)?){1,4})"
    )
    _NOT_BEFORE = re.compile(
        r"\b(?:can't|cannot|can not|not|no|nothing|never|don't|hates?|dislikes?|doesn't like|does not like)\b"
        r"[^.;]{0,30}\bbefore (?P<h>\d{1,2})(?::\d\d)?\s?(?P<ap>am|pm)"
    )
    _PROPOSE = re.compile(
        r"\b(?:i'll|i will|we'll|we will|could we|can we|shall we|how about|would|let's|swing by|"
        r"drop by|come by|stop by|call you|meet|sessions?|slots?|book|schedule|see you)\b"
    )

    def _timing_notes(
        self, ctx: DraftContext
    ) -> list[tuple[Note, str, bool, re.Match[str] | None, re.Match[str] | None]]:
        """(note, its text lower-cased, no weekends, preferred days, nothing before) for each note saying one."""
        out = []
        for n in ctx.notes:
            low = _norm(n.text)
            said = (bool(self._NO_WEEKENDS.search(low)), self._PREFERRED_DAYS.search(low), self._NOT_BEFORE.search(low))
            if any(said):
                out.append((n, low, *said))
        return out

    def check(self, draft: Draft, evidence: Evidence) -> list[Finding]:
        """A day or hour the notes say does not suit the client (weekends, "nothing before 2pm")."""
        ctx = evidence.context
        if ctx is None:
            return []
        dlow, text = draft.low, draft.text
        out: list[Finding] = []
        for n, low, no_weekends, pd, nb in evidence.derived("timing notes", lambda: self._timing_notes(ctx)):
            ids = (n.id,)
            if no_weekends:
                on_weekend = ctx.now.weekday() >= 5
                if on_weekend and re.search(r"\b(?:texts?|messages?|emails?|contact\w*|calls?|reach)\b", low):
                    sents = _sentences(text)
                    s, e = sents[0] if sents else (0, len(text))
                    out.append(
                        draft.finding("contradicts_preference", s, e, "the client asked for no weekend contact", ids)
                    )
                for m in re.finditer(r"\b(?:saturday|sunday|weekend)s?\b", dlow):
                    if self._proposed(dlow, m.start()):
                        out.append(
                            draft.finding(
                                "contradicts_preference", m.start(), m.end(), "the client keeps weekends free", ids
                            )
                        )
            if pd:
                ok = {w for w in _WEEKDAYS if w[:3] in pd.group("days")}
                for m in re.finditer(rf"\b({'|'.join(_WEEKDAYS)})\b", dlow):
                    if (
                        m.group(1) not in ok
                        and self._proposed(dlow, m.start())
                        and not re.search(r"\b(?:saturday|sunday)", pd.group(0))
                    ):
                        msg = f"the client prefers {' or '.join(sorted(ok, key=_WEEKDAYS.index)).title()}"
                        out.append(draft.finding("contradicts_preference", m.start(), m.end(), msg, ids))
            if nb:
                limit = int(nb.group("h")) % 12 + (12 if nb.group("ap") == "pm" else 0)
                for m in re.finditer(r"\b(?P<h>\d{1,2})(?::\d\d)?\s?(?P<ap>am|pm)\b", dlow):
                    hour = int(m.group("h")) % 12 + (12 if m.group("ap") == "pm" else 0)
                    if hour < limit and self._proposed(dlow, m.start()):
                        msg = f"the client can't do anything before {nb.group('h')}{nb.group('ap')}"
                        out.append(draft.finding("contradicts_preference", m.start(), m.end(), msg, ids))
        return out

    def _proposed(self, dlow: str, pos: int) -> bool:
        """Whether the day or time at `pos` is put forward for contact (not past, not negated)."""
        s, e = _sentence_of(dlow, pos)
        sent = dlow[s:e]
        before = dlow[max(s, pos - 25) : pos]
        if re.search(r"\b(?:no|not|never|except|other than|avoid|without)\b", before):
            return False
        if re.search(r"\b(?:last|was|were|had|did|thanks|thank you)\b", sent) and not re.search(
            r"\b(?:will|'ll|next|this)\b", sent
        ):
            return False
        return bool(self._PROPOSE.search(sent) or "?" in sent)
