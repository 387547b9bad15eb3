"""What the two contact rules read: the client's opt-outs (no_consent) and contact caps (too_frequent).

`ContactReader` holds one check's draft and context; the rules `OptOut` (bot/guard/rules/opt_out.py) and
`ContactCap` (bot/guard/rules/contact_cap.py) call it. It is no mixin of the guard: a rule builds it from
the draft and the evidence (`ContactReader.of`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from bot.guard.model import BLOCKING, CAP_WINDOW, MIN_GAP, WEEKLY_CAP, Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.channel_consent import (
    draft_uses,
    named_open_channels,
    refusal_period,
    refusals,
    scoped_weekdays,
    stated_channel,
)
from bot.guard.rules.contact_pace import outreach_times, scopes_of
from bot.guard.text import _aware, _local_date, _norm, _sentences, _trimmed
from bot.guard.when import _DAY_RX, _MONTH_RX, _MONTHS, _NUMDATE_RX, _ago, _parse_md, _safe_date
from bot.usecases.draft_context import DraftContext
from memory.lexicon import channels_in, contact_channels, messaging_apps, normal_channel
from memory.records import Fact, FactKind, Note

if TYPE_CHECKING:
    from memory import ContactScope

T = TypeVar("T")


def per_context(method: Callable[..., T]) -> Callable[..., T]:
    """Run a reader method that reads only the context once per evidence (kept in the evidence's memo).

    The result is shared by every later check of the same context: callers never mutate it.
    """
    name = method.__qualname__

    @wraps(method)
    def wrapper(self: ContactReader, *args: Any) -> T:
        key = (name, *args)
        memo = self.memo
        if key not in memo:
            memo[key] = method(self, *args)
        value: T = memo[key]
        return value

    return wrapper


# A letter's form ("Dear Claire", "Kind regards"): a hint that a message goes by email, never proof of it.
_LETTER_FORM = re.compile(
    r"^\W*dear\s+\w|\b(?:kind|warm|best)\s+regards\b|\byours\s+(?:sincerely|faithfully)\b|^\W*subject\s*:"
)


class ContactReader:
    """One check's draft and context, read for consent and contact pace."""

    def __init__(self, draft: Draft, evidence: Evidence, ctx: DraftContext):
        self.text = draft.text
        self.low = _norm(draft.text)
        self.ctx = ctx
        self.evidence = evidence
        self.memo: dict[Any, Any] = evidence.memo  # shared with later checks of the same context
        self.tz = ctx.now.tzinfo
        self.today = ctx.now.date()

    @classmethod
    def of(cls, draft: Draft, evidence: Evidence) -> ContactReader | None:
        """The reader of a draft against the evidence's context (None without a context)."""
        return cls(draft, evidence, evidence.context) if evidence.context is not None else None

    def _finding(self, kind: str, start: int, end: int, message: str, sources: Iterable[str] = ()) -> Finding:
        """A finding whose span is `text[start:end]` (trimmed)."""
        start, end = _trimmed(self.text, start, end)
        verdict = "block" if kind in BLOCKING else "warn"
        ids = tuple(dict.fromkeys(s for s in sources if s))
        return Finding(kind, self.text[start:end], message, ids, verdict)

    def _first_line(self) -> tuple[int, int]:
        """The greeting line or first sentence: the span of a whole-message finding."""
        sents = _sentences(self.text)
        return sents[0] if sents else (0, len(self.text))

    def _facts(self, *kinds: FactKind) -> list[Fact]:
        """Current facts of the given kinds."""
        return [f for f in self.ctx.facts if f.kind in kinds and f.valid_to is None]

    def _month_start(self, word: str, noted: date) -> date:
        """The first day of the next `word` month on or after the note's month."""
        month = _MONTHS[word.rstrip(".")]
        year = noted.year if month >= noted.month else noted.year + 1
        return date(year, month, 1)

    def _negated(self, pos: int) -> bool:
        """Whether a negation closely precedes `pos` in its clause ("no sale", "won't be an offer")."""
        before = re.split(r"[,.;:!?\n]", self.low[max(0, pos - 25) : pos])[-1]
        return bool(re.search(r"\b(?:no|not|never|without|can't|cannot|won't|isn't|aren't|don't|n't)\b", before))

    _OPT_OUT = re.compile(
        r"\b(?:opted[- ]out|opt(?:s|ing)?[- ]out|unsubscribed?|do not contact|don't contact|"
        r"not to (?:be )?contact(?:ed)?|not to (?:email|message|call|write|reach out)|(?:don't|do not|not) reach out|"
        r"(?:don't|do not) (?:email|contact|message|write to) (?:her|him|them|me)|stop (?:contacting|emailing|"
        r"messaging|writing)|no (?:further|more) (?:contact|emails|messages)|asked us to stop|"
        r"take (?:her|him|them|me) off (?:the|our|your|all) (?:mailing |call |calling |contact |email )?lists?|"
        r"remove (?:her|him|them|me) from (?:the|our|your|all) (?:mailing |call |contact |email )?lists?|"
        r"leave (?:her|him|them|me) alone|"
        r"(?:stop|quit) (?:calling|texting|phoning)\s*(?:&|and|or|/|\+)\s*(?:emailing|contacting|messaging|writing|texting)|"
        r"quit (?:contacting|emailing|messaging|writing)|(?:don't|do not) (?:contact|email|message|call) (?:her|him|them|me)|"
        r"(?:don't|do not|never) (?:ever )?(?:call|email|e-mail|text|contact|message|write to)(?:\s*(?:,|or|and|/|&)\s*"
        r"(?:call|email|e-mail|text|contact|message|write to))+ (?:her|him|them|me|us)|"
        r"(?:don't|do not|not to) (?:contact|email|call|reach out to) (?:her|him|them)? ?(?:til|till|until|before))\b"
    )
    # An opt-out scoped to marketing ("unsubscribed from the newsletter"): direct messages stay fine.
    # Only an explicit limit counts: "unsubscribed from the newsletter" alone is a plain opt-out.
    _MARKETING_SCOPE = re.compile(
        r"\bno (?:more |further )?(?:marketing|promos?|promotions?|promotional \w+|newsletters?|webinar invites?|"
        r"event invites?|mass emails?|bulk emails?|blasts?)\b|\b(?:marketing|promo(?:tional)?|newsletter)s? only\b|"
        r"\b(?:just|only) wants? (?:direct|personal|1:1|one-to-one)\b|"
        r"\b(?:direct|personal) (?:emails?|messages?|notes?|contact) (?:are |is )?(?:still )?(?:ok|okay|fine|welcome)\b"
    )
    _ALL_SCOPE = re.compile(r"\b(?:all|any|everything|every|entirely|contact(?:ing)?|reach(?:ing)? out|alone)\b")
    _MARKETING_MSG = re.compile(
        r"\b(?:newsletter|webinar|promo\w*|sale|save your (?:seat|spot)|register|rsvp|join us|invite|"
        r"new (?:inventory|arrivals?|collection)|offer|deal|launch|event|pricing is live)\b"
    )
    _OPT_IN = re.compile(
        r"\b(?:opted (?:back )?in|opt(?:s|ed)? back in|re-?subscribed|happy to hear from (?:us|you) again|"
        r"ok to contact|okay to contact|fine to contact|can contact (?:her|him|them) again|"
        r"ready to (?:talk|chat|hear|meet)(?: again)?|happy to (?:get|receive|hear|talk)|"
        r"(?:ok|okay|fine|happy) (?:for us |for me )?to (?:email|call|text|reach out|contact)|"
        r"wants? to hear (?:from us|more)|back in touch|reached (?:back )?out again|called (?:me |us )?back)\b"
    )
    _CHANNEL_ONLY = re.compile(r"\b(?:phone|calls?|calling|texts?|texting|sms|voicemail)\b")
    _UNTIL = re.compile(
        rf"\b(?:until|till|til|before|in|after)\s+(?:early\s+|mid[- ]|late\s+)?(?P<month>{_MONTH_RX})(?![a-z])"
    )
    _UNTIL_DAY = re.compile(
        rf"\b(?:until|till|til|before|after)\s+(?:after\s+)?(?P<day>{_NUMDATE_RX}|{_MONTH_RX}\s+{_DAY_RX}\b)"
    )

    @per_context
    def _opt_out_lifted(self, note_id: str, since: datetime | None) -> bool:
        """Whether an opt-out (from note `note_id`) has ended: a later opt-in note, or "until March" passed."""
        notes = {n.id: n for n in self.ctx.notes}
        src = notes.get(note_id)
        start = _aware(src.occurred_at, self.ctx.now) if src else since
        for n in self.ctx.notes:
            if start is not None and _aware(n.occurred_at, self.ctx.now) <= start:
                continue
            if self._OPT_IN.search(_norm(n.text)):
                return True
        if src is not None:
            day = self._UNTIL_DAY.search(_norm(src.text))
            if day:
                md = _parse_md(day.group("day"))
                noted = _local_date(src.occurred_at, self.tz)
                if md is not None:
                    end = _safe_date(noted.year, *md) or noted
                    if end < noted - timedelta(days=31):
                        end = _safe_date(noted.year + 1, *md) or end
                    return self.today > end
            m = self._UNTIL.search(_norm(src.text))
            if m and not m.group(0).startswith(("in ", "before ")):
                noted = _local_date(src.occurred_at, self.tz)
                if self.today >= self._month_start(m.group("month"), noted):
                    return True
        return False

    @per_context
    def _out_of_period(self, ids: tuple[str, ...]) -> bool:
        """Whether every source note limits its opt-out to a period ("not at all in august") that excludes today."""
        notes = [n for n in self.ctx.notes if n.id in ids]
        if not notes:
            return False
        for n in notes:
            found = refusals(n.id, n.text, _local_date(n.occurred_at, self.tz))
            periods = [r for r in found if r.end is not None or r.start > _local_date(n.occurred_at, self.tz)]
            if not periods or len(periods) < len(found):
                return False
            if any(r.start <= self.today and (r.end is None or self.today < r.end) for r in periods):
                return False
        return True

    @per_context
    def _latest_opt_out(self) -> tuple[Note, re.Match[str]] | None:
        """The newest note that opts in or out, with its opt-out phrase; None when it opts in (or none does)."""
        for n in sorted(self.ctx.notes, key=lambda n: n.occurred_at.timestamp(), reverse=True):
            low = _norm(n.text)
            if self._OPT_IN.search(low):
                return None
            m = self._OPT_OUT.search(low)
            if m and not any(s.kind == "hours" and s.source == n.id for s in scopes_of(self.evidence).scopes):
                return n, m
            # An opt-out limited to some hours ("dont call me at the bakery before 11am") is no closure:
            # the hours rule judges a call inside them, and an older note may still close the channel.
        return None

    def no_consent(self) -> list[Finding]:
        """Block a message on a channel the client opted out of ("do not contact me": every channel).

        The draft's channel is the context's (`DraftContext.channel`), else what the purpose or the text
        says (a call plan is the phone channel); a written message whose channel is not stated may go by
        email or text, so it is blocked only when both are closed (otherwise it goes by the open one).
        """
        facts = [
            f
            for f in (self._in_note_period(f) for f in self._facts(FactKind.CONSENT))
            if f is not None
            and not (any(self._opt_out_lifted(i, f.valid_from) for i in f.source_ids))
            and not (not f.source_ids and self._opt_out_lifted("", f.valid_from))
            and not self._out_of_period(f.source_ids)
            and not self._other_weekday(f.source_ids)
        ]
        view = contact_channels(facts, on=self.today)
        channels = self._draft_channels()
        sources: tuple[str, ...] = ()
        closed = [ch for ch in channels if ch in view.closed]
        if closed:
            sources = view.sources.get(closed[0]) or ("",)
        elif (any(ch in view.limited for ch in channels) or self._marketing_closed(channels)) and (
            self._is_marketing()
        ):
            limited = [f for f in facts if f.detail.get("topic")]
            scoped = self._marketing_closed(channels)
            sources = tuple(i for f in limited for i in f.source_ids) or ((scoped.source,) if scoped else ("",))
            s, e = self._first_line()
            return [self._finding("no_consent", s, e, "the client asked for no marketing messages", sources)]
        if not sources and not self._facts(FactKind.CONSENT):
            latest = self._latest_opt_out()
            if latest is not None and not self._other_weekday((latest[0].id,)):
                n, m = latest
                named = {normal_channel(c) or c for c in channels_in(m.group(0))}
                period = self._note_period(n)
                outside = period is not None and not period[0] <= self.today < period[1]
                if not outside and not self._opt_out_lifted(n.id, None) and (not named or named & set(channels)):
                    sources = (n.id,)
                    closed = [ch for ch in channels if not named or ch in named]
        if not sources:
            scoped = scopes_of(self.evidence).closed_on(self.today, channels)
            if scoped is None:
                return []
            sources, closed = (scoped.source,), [ch for ch in channels if scoped.covers(ch)]
        unstated = len(channels) > 1 and len(closed) < len(channels)
        ways = (self._named_ways(view.preferred) | self._messenger_ways()) & set(channels)
        letter = bool(_LETTER_FORM.search(self.low.lstrip())) and "email" not in closed
        if unstated and (ways - set(closed) or letter or draft_uses(Draft(self.text))):
            # The message does not say how it goes, and the client named an open way to reach them ("stop
            # emailing, text me instead", "email only"), or it reads as a letter while email is open: the
            # salesperson sends it that way (a truthful draft passes). A letter's form is no proof of email,
            # so it never blocks by itself. A channel the draft uses ("I'll email you") is judged by the
            # channel_consent rule.
            return []
        if self._marketing_only(sources) and not self._is_marketing():
            return []  # they left the newsletter or the webinar list, not the conversation
        s, e = self._first_line()
        what = (
            f"the client opted out of {closed[0]}"
            if closed and len(view.closed) < 3 and closed[0] in view.closed
            else "the client asked not to be contacted"
        )
        finding = self._finding("no_consent", s, e, what, sources)
        if unstated:
            # One of the ways it may go is open but the client named none: certain only that it must not go by
            # the closed one, so warn (block only what is certain).
            way = next(ch for ch in channels if ch not in closed)
            finding = replace(finding, verdict="warn", message=f"{what}: send this by {way}, not {closed[0]}")
        return [finding]

    def _marketing_closed(self, channels: tuple[str, ...]) -> ContactScope | None:
        """The marketing opt-out a note states on one of `channels` (`memory.consent_scope`: a later opt-in to
        marketing on it ends it), unless a later note opts back in to contact altogether ("opted back in")."""
        scoped = scopes_of(self.evidence).marketing_closed(channels)
        return None if scoped is None or self._opt_out_lifted(scoped.source, None) else scoped

    @per_context
    def _named_ways(self, preferred: str | None) -> frozenset[str]:
        """The ways to reach the client the notes name: the stated preferred channel, and the channels a note
        that refuses another one offers instead ("whatsapp or ring him instead", "email only")."""
        ways = {preferred} if preferred else set()
        for n in self.ctx.notes:
            ways |= named_open_channels(n.text)
        return frozenset(ways)

    @per_context
    def _messenger_ways(self) -> frozenset[str]:
        """The text channel when a note names a messaging app the client is reached by ("prefers LINE", "whatsapp
        only", "sent him the report on zalo"): an app is an open way of its own, unless that note refuses text."""
        for n in self.ctx.notes:
            if not messaging_apps(n.text):
                continue
            noted = _local_date(n.occurred_at, self.tz)
            if not any(r.channel == "text" and not r.inferred for r in refusals(n.id, n.text, noted)):
                return frozenset({"text"})
        return frozenset()

    def _in_note_period(self, fact: Fact) -> Fact | None:
        """The consent fact as its source notes date it: None before the period they name begins; its end
        ("on leave from 2 nov until feb 1, do not contact her") is the note's, whatever the fact carries."""
        notes = [n for n in self.ctx.notes if n.id in fact.source_ids]
        periods = [self._note_period(n) for n in notes]
        if not periods or any(p is None for p in periods):
            return fact
        start = min(p[0] for p in periods if p is not None)
        end = max(p[1] for p in periods if p is not None)
        if self.today < start:
            return None
        return replace(fact, detail={**fact.detail, "until": end.isoformat()})

    def _note_period(self, note: Note) -> tuple[date, date] | None:
        """The period a note's opt-out holds for: the one its own clause names, else the one it refers back to
        ("on leave from 2 nov, back 11 jan ... don't contact her during leave": `memory.consent_scope`)."""
        own = refusal_period(note.text, _local_date(note.occurred_at, self.tz))
        return own or scopes_of(self.evidence).period_of(note.id)

    def _other_weekday(self, ids: tuple[str, ...]) -> bool:
        """Whether every source note limits its opt-out to days of the week ("not on weekends") other than today's."""
        notes = [n for n in self.ctx.notes if n.id in ids]
        scopes = [scoped_weekdays(n.text) for n in notes]
        return bool(notes) and all(days and self.today.weekday() not in days for days in scopes)

    # What the purpose asks for ("call plan for Tom", "text her about the delivery", "email the quote").
    _PURPOSE_CHANNEL = (
        (
            "phone",
            re.compile(
                r"\b(?:call|phone|voicemail)[\s-]*(?:plan|script|notes|prep|agenda|outline)\b|\btalking\s+points\b|"
                r"\bscript\s+for\s+(?:the|a|my)\s+call\b|^(?:call|ring|phone)\b|\b(?:by|over\s+the)\s+phone\b|"
                r"\bvoicemail\b"
            ),
        ),
        ("text", re.compile(r"\b(?:text\s+message|sms|whatsapp|telegram|by\s+text|a\s+text)\b|^text\b")),
        ("email", re.compile(r"\b(?:by|an|via)\s+e-?mail\b|^e-?mail\b")),
    )
    # What the text's first line says it is ("Call plan: ...", "Subject: ...").
    _TEXT_CHANNEL = (
        (
            "phone",
            re.compile(
                r"^\W*(?:(?:call|phone|voicemail)[\s-]*(?:plan|script|notes|prep|agenda|outline)|talking\s+points|voicemail)\b"
            ),
        ),
        ("email", re.compile(r"^\W*subject\s*:")),
    )
    # What the message says of itself: "a quick WhatsApp rather than email", "texting you", "a short email to
    # say", "attached is". A letter's form ("Dear Claire", "Kind regards") is not enough: people write texts so.
    _BODY_TEXT = re.compile(
        r"\b(?:(?:a\s+)?quick\s+(?:text|whatsapp|sms|message\s+on\s+whatsapp)|(?:just\s+)?texting\s+(?:you|to)|"
        r"whatsapp(?:ing)?\s+(?:you|rather|instead|as\s+you)|(?:text|whatsapp|sms)\s+rather\s+than\s+(?:an?\s+)?e-?mail|"
        r"as\s+you\s+asked\s*,?\s+(?:by\s+)?(?:text|whatsapp)|(?:whatsapp|text|message)\s+me\b(?!\s+(?:your|the|an?)\s+e-?mail))\b"
    )
    # "just emailing you the brochure" says its channel as surely as "texting you" does.
    _BODY_EMAIL = re.compile(
        r"\b(?:just\s+)?an?\s+e-?mail\s+(?:to\s+(?:say|let|confirm)|\()|\battached\s+(?:is|are|please\s+find)\b|"
        r"\b(?:just\s+|i'm\s+|i\s+am\s+)?e-?mailing\s+(?:you|to\s+(?:say|let|confirm|send))\b"
    )

    def _draft_channels(self) -> tuple[str, ...]:
        """The channel(s) this message would go by (see no_consent)."""
        if self.ctx.channel:
            return (normal_channel(self.ctx.channel) or self.ctx.channel,)
        purpose = _norm(self.ctx.purpose or "").strip()
        for channel, rx in self._PURPOSE_CHANNEL:
            if rx.search(purpose):
                return (channel,)
        for channel, rx in self._TEXT_CHANNEL:
            if rx.search(self.low.lstrip()):
                return (channel,)
        body = self.low.lstrip()
        said = stated_channel(body)
        if said:
            return (said[0],)
        if messaging_apps(self.text):
            return ("text",)  # "LINEにて失礼いたします", "on WhatsApp": the app is the way it goes
        if self._BODY_TEXT.search(body):
            return ("text",)
        if self._BODY_EMAIL.search(body):
            return ("email",)
        return ("email", "text")

    def _is_marketing(self) -> bool:
        """Whether the message reads as marketing (an event, a sale, a newsletter), not a personal note."""
        return any(not self._negated(m.start()) for m in self._MARKETING_MSG.finditer(self.low))

    @per_context
    def _full_opt_out_note(self, ids: tuple[str, ...]) -> bool:
        """Whether a source note asks for no contact at all ("stop calling & emailing her")."""
        for n in self.ctx.notes:
            low = _norm(n.text)
            if (
                n.id in ids
                and self._OPT_OUT.search(low)
                and not re.search(
                    r"\b(?:email|emails|emailing|texts?|mail)\s+(?:is |are )?(?:still )?(?:ok|okay|fine)\b", low
                )
            ):
                return True
        return False

    @per_context
    def _marketing_only(self, sources: tuple[str, ...]) -> bool:
        """Whether every opt-out note is about marketing only ("unsubscribed from the webinar emails")."""
        texts = [_norm(n.text) for n in self.ctx.notes if n.id in sources]
        return bool(texts) and all(self._MARKETING_SCOPE.search(t) and not self._ALL_SCOPE.search(t) for t in texts)

    @per_context
    def _logged_outreach(self) -> list[tuple[datetime, str]]:
        """`outreach_times` of the context's notes."""
        return outreach_times(self.ctx.notes)

    def too_frequent(self) -> list[Finding]:
        """Warn when this message would exceed the contact cap for the client (or the client's own limit)."""
        now = self.ctx.now
        past = [_aware(t, now) for t in self.ctx.sent_at]
        past = [t for t in past if t <= now]
        logged = [(t, nid) for t, nid in self._logged_outreach() if _aware(t, now) <= now]
        contacts = sorted([*past, *(_aware(t, now) for t, _ in logged)])
        recent = [t for t in contacts if now - t < CAP_WINDOW]
        last_day = [t for t in past if now - t < MIN_GAP]
        ids: list[str] = [nid for t, nid in logged if now - _aware(t, now) < CAP_WINDOW]
        limit = self._client_limit()
        if limit is not None:
            times, window, src = limit
            within = [t for t in contacts if now - t < window]
            if len(within) >= times:
                msg = f"the client asked for at most {times} message(s) every {window.days} days"
                s, e = self._first_line()
                return [self._finding("too_frequent", s, e, msg, (*src, *ids))]
        if len(recent) >= WEEKLY_CAP:
            msg = f"{len(recent)} messages to this client in the last {CAP_WINDOW.days} days (cap {WEEKLY_CAP})"
        elif last_day:
            msg = f"a message already went to this client {_ago(now - max(last_day))}"
        else:
            return []
        s, e = self._first_line()
        return [self._finding("too_frequent", s, e, msg, ids)]

    @per_context
    def _client_limit(self) -> tuple[int, timedelta, tuple[str, ...]] | None:
        """The client's own cap on messages, from the latest note that sets one ("email max once a month")."""
        limit = scopes_of(self.evidence).limit()
        if limit is None:
            return None
        return limit.times, timedelta(days=limit.window_days), (limit.source,)
