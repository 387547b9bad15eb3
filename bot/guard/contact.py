"""What the two contact rules read: the client's closures (no_consent) and contact caps (too_frequent).

`ContactReader` holds one check's draft and context; the rules `OptOut` (bot/guard/rules/opt_out.py) and
`ContactCap` (bot/guard/rules/contact_cap.py) call it. It reads no note text for consent: the notes'
constraints come from `memory.consent_scope` (the one reader, through `contact_pace.scopes_of`), the
consent facts from the ledger. It reads the draft: which channel it goes by, whether it is marketing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import wraps
from typing import Any, TypeVar

from bot.guard.model import BLOCKING, CAP_WINDOW, MIN_GAP, WEEKLY_CAP, Finding
from bot.guard.rules.base import Draft, Evidence
from bot.guard.rules.channel_consent import draft_uses, plan_heading, stated_channel
from bot.guard.rules.contact_pace import outreach_times, scopes_of
from bot.guard.text import _aware, _norm, _sentences, _trimmed
from bot.guard.when import _ago
from bot.usecases.draft_context import DraftContext
from memory import ContactScopes
from memory.lexicon import contact_channels, fact_channels, messaging_apps, normal_channel
from memory.records import Fact, FactKind

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

    def _negated(self, pos: int) -> bool:
        """Whether a negation closely precedes `pos` in its clause ("no sale", "won't be an offer")."""
        before = re.split(r"[,.;:!?\n]", self.low[max(0, pos - 25) : pos])[-1]
        return bool(re.search(r"\b(?:no|not|never|without|can't|cannot|won't|isn't|aren't|don't|n't)\b", before))

    _MARKETING_MSG = re.compile(
        r"\b(?:newsletter|webinar|promo\w*|sale|save your (?:seat|spot)|register|rsvp|join us|invite|"
        r"new (?:inventory|arrivals?|collection)|offer|deal|launch|event|pricing is live)\b"
    )

    @per_context
    def _scoped_facts(self) -> tuple[Fact, ...]:
        """The consent facts the notes' parsed constraints do not already state: a fact whose source note states a
        constraint (a closure with its days, hours, line or period, a cap, a pause) is read from that note's scopes,
        which are narrower than the fact; a fact whose notes state none (typed by hand, by a model) counts as is."""
        scopes = scopes_of(self.evidence, self.ctx.now)
        parsed = {s.source for s in scopes.scopes if s.kind != "open"}  # a way named ("prefers email") limits nothing
        out = []
        for f in self._facts(FactKind.CONSENT):
            if f.source_ids and all(i in parsed for i in f.source_ids):
                continue
            if any(scopes.reopened_after(i, ch) for i in f.source_ids for ch in fact_channels(f)):
                continue  # "ok to email her again" in a later note
            out.append(f)
        return tuple(out)

    def no_consent(self) -> list[Finding]:
        """Block a message on a channel the client closed ("do not contact me": every channel).

        The draft's channel is the context's (`DraftContext.channel`), else what the purpose or the text
        says (a call plan is the phone channel); a written message whose channel is not stated may go by
        email or text, so it is blocked only when both are closed (otherwise it goes by the open one).
        The closures are the notes' scopes (`memory.consent_scope`, holding on the day of sending) and the
        consent facts no note's scope states; a closure with a qualifier the parser could not read warns.
        """
        scopes = scopes_of(self.evidence, self.ctx.now)
        facts = self._scoped_facts()
        view = contact_channels(facts, on=self.today)
        channels = self._draft_channels()
        stated = len(channels) == 1
        closed = [ch for ch in channels if ch in view.closed]
        sources: tuple[str, ...] = ()
        uncertain = False
        if closed:
            sources = view.sources.get(closed[0]) or ("",)
        if not sources and self._is_marketing():
            limited = [f for f in facts if f.detail.get("topic") and any(ch in view.limited for ch in channels)]
            scoped = scopes.marketing_closed(channels)
            if limited or scoped:
                ids = tuple(i for f in limited for i in f.source_ids) or ((scoped.source,) if scoped else ("",))
                s, e = self._first_line()
                return [self._finding("no_consent", s, e, "the client asked for no marketing messages", ids)]
        if not sources:
            found = {
                ch: [s for s in scopes.closures(self.today, ch) if not s.line and (stated or not s.inferred)]
                for ch in channels
            }
            closed = [ch for ch in channels if found[ch]]
            if not closed:
                return []
            first = found[closed[0]][0]
            sources = (first.source,)
            uncertain = all(s.qualified or s.inferred for ch in closed for s in found[ch])
        unstated = len(channels) > 1 and len(closed) < len(channels)
        shut = {ch for ch in ("email", "phone", "text") if ch in view.closed or self._closed_by_scope(scopes, ch)}
        ways_all = self._named_ways(view.preferred) | self._messenger_ways()
        # a letter's form goes by email while email is open, or by post when a note names post as the way
        letter = bool(_LETTER_FORM.search(self.low.lstrip())) and ("email" not in closed or "post" in ways_all)
        if unstated and (ways_all - shut or letter or draft_uses(Draft(self.text))):
            # The message does not say how it goes, one of the ways it may go is open and the client named a way
            # that is open ("stop emailing, text me instead", "no whatsapp, likes phone calls"): the salesperson
            # reaches them that way (a truthful draft passes). When the client named none, the open default is
            # uncertain and it warns below. A letter's form is no proof of email, so it never blocks by itself.
            # A channel the draft uses ("I'll email you") is judged by the channel_consent rule.
            return []
        s, e = self._first_line()
        what = (
            f"the client opted out of {closed[0]}"
            if closed and len(closed) < 3 and set(closed) != {"email", "phone", "text"}
            else "the client asked not to be contacted"
        )
        what = self._dated_words(scopes, sources, channels) or what
        finding = self._finding("no_consent", s, e, what, sources)
        if unstated:
            # One of the ways it may go is open but the client shut the others and named none: certain only that
            # it must not go by the closed one, so warn (block only what is certain).
            way = next(ch for ch in channels if ch not in closed)
            finding = replace(finding, verdict="warn", message=f"{what}: send this by {way}, not {closed[0]}")
        elif uncertain:
            finding = replace(finding, verdict="warn", message=f"{what} (as the notes qualify it: check it applies)")
        return [finding]

    def _dated_words(self, scopes: ContactScopes, sources: tuple[str, ...], channels: tuple[str, ...]) -> str:
        """How a closure with an end reads ("the client is away until 5 Jan", "asked not to be contacted until
        5 Jan"): a leave or a dated pause is not a channel opt-out. "" when the closure has no end."""
        for ch in channels:
            for scope in scopes.closures(self.today, ch):
                if scope.source not in sources or scope.end is None or scope.until_back:
                    continue
                last = scope.end - timedelta(days=1)
                until = f"until {last.day} {last:%b}"
                if scopes.period_of(scope.source) is not None:
                    return f"the client is away {until}: the notes ask for no contact then"
                if scope.channel == "any":
                    return f"the client asked not to be contacted {until}"
                return f"the client asked for no {scope.channel} {until}"
        return ""

    def _closed_by_scope(self, scopes: ContactScopes, channel: str) -> bool:
        """Whether a note's scope closes `channel` on the day of sending (a whole channel, not one line of it)."""
        return any(not s.line and not s.inferred for s in scopes.closures(self.today, channel))

    @per_context
    def _named_ways(self, preferred: str | None) -> frozenset[str]:
        """The ways to reach the client the notes name: the stated preferred channel, and the channels a note names
        as open ("email fine", "whatsapp ok", "LINE only")."""
        ways = {preferred} if preferred else set()
        return frozenset(ways | scopes_of(self.evidence, self.ctx.now).open_ways())

    @per_context
    def _messenger_ways(self) -> frozenset[str]:
        """The text channel when a note names a messaging app the client is reached by ("prefers LINE", "whatsapp
        only", "sent him the report on zalo"): an app is an open way of its own, unless text is closed."""
        if not any(messaging_apps(n.text) for n in self.ctx.notes):
            return frozenset()
        scopes = scopes_of(self.evidence, self.ctx.now)
        return frozenset() if scopes.closures(self.today, "text") else frozenset({"text"})

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
        heading = plan_heading(self.low.lstrip())
        if heading is not None:  # "Plan de llamada:", "Plano de ligação:": a call plan in any table language
            return (heading[0],)
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
            # "once a week" counts in days: a message on the 1st leaves the 8th free, whatever the hour
            within = [t for t in contacts if (now.date() - t.astimezone(now.tzinfo).date()).days < window.days]
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
        limit = scopes_of(self.evidence, self.ctx.now).limit()
        if limit is None or not any(limit.covers(ch) for ch in self._draft_channels()):
            return None  # "don't email more than once a week" says nothing of a call
        return limit.times, timedelta(days=limit.window_days), (limit.source,)
