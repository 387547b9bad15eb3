"""The top-level check: run every rule over one text and return the verdict."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from bot.guard.bindings import BindingRules
from bot.guard.changes import ChangeRules
from bot.guard.claims import ClaimRules
from bot.guard.contact import ContactRules
from bot.guard.entities import EntityRules
from bot.guard.events import EventRules
from bot.guard.family import FamilyRules
from bot.guard.hearsay import HearsayRules
from bot.guard.model import Finding, GuardReport
from bot.guard.names import NameRules
from bot.guard.normalise import normalise
from bot.guard.numbers import NumberRules
from bot.guard.offers import OfferRules
from bot.guard.places import PlaceRules
from bot.guard.preferences import PreferenceRules
from bot.guard.presumed import PresumedRules
from bot.guard.rules import RULES, Draft, Evidence
from bot.guard.sensitive import SensitiveRules
from bot.guard.text import _aware, _dedupe
from bot.guard.variants import VariantRules
from bot.usecases.draft_context import DraftContext


def check_text(text: str, ctx: DraftContext) -> GuardReport:
    """Check `text` as a message to `ctx.client` sent at `ctx.now`; pure and deterministic.

    The rules read the text normalised (NFKC, look-alike letters folded, invisible characters
    dropped); every span is mapped back to an exact substring of `text`.
    """
    norm = normalise(text)
    g = _Guard(norm.text, _normalised_notes(_as_of(ctx)))
    findings: list[Finding] = []
    for rule in (
        g.no_consent,
        g.name_misuse,
        g.invented_commitment,
        g.unsupported_claims,
        g.family,
        g.people,
        g.birthdays,
        g.numbers,
        g.quantities,
        g.codes,
        g.event_dates,
        g.event_weekdays,
        g.places,
        g.commitment_dates,
        g.preferences,
        g.timing,
        g.too_frequent,
        g.sensitive,
        g.entity_swaps,
        g.attributions,
        g.paired_names,
        g.weekday_swaps,
        g.changed_values,
        g.variant_swaps,
        g.option_swaps,
        g.year_swaps,
        g.presumed_entities,
        g.hearsay,
        g.swapped_bindings,
    ):
        findings.extend(rule())
    draft, evidence = Draft(norm.text), Evidence.of(g.ctx)
    for part in RULES:
        findings.extend(part.check(draft, evidence))
    unique = _dedupe(findings)
    unique = [f for f in unique if not any(g is not f and g.kind == f.kind and f.span in g.span for g in unique)]
    if norm.text != text:
        unique = [dataclasses.replace(f, span=norm.original_span(f.span)) for f in unique]
    verdict = "pass"
    if unique:
        verdict = "block" if any(f.verdict == "block" for f in unique) else "warn"
    return GuardReport(verdict=verdict, findings=tuple(unique))


def _as_of(ctx: DraftContext) -> DraftContext:
    """The context as the ledger stood at `ctx.now`: later notes, facts and promises do not exist yet.

    A message checked "as if sent at T" may rely only on what was written by T; a fact superseded
    after T is still the one in force at T.
    """
    now = ctx.now

    def by_now(moment: datetime) -> bool:
        return _aware(moment, now) <= now

    notes = [n for n in ctx.notes if by_now(n.occurred_at)]
    facts = [
        f if f.valid_to is None or not by_now(f.valid_to) else dataclasses.replace(f, valid_to=None)
        for f in (*ctx.facts, *ctx.history)
        if by_now(f.valid_from) and (f.valid_to is None or not by_now(f.valid_to))
    ]
    commitments = [c for c in ctx.commitments if by_now(c.created_at)]
    if len(notes) == len(ctx.notes) and len(facts) == len(ctx.facts) and len(commitments) == len(ctx.commitments):
        return ctx
    return dataclasses.replace(ctx, notes=notes, facts=facts, commitments=commitments)


def _normalised_notes(ctx: DraftContext) -> DraftContext:
    """The context with every note read as the draft is ("forty seats" in a note is 40 seats too)."""
    texts = [normalise(n.text).text for n in ctx.notes]
    if all(t is n.text for t, n in zip(texts, ctx.notes, strict=True)):
        return ctx
    notes = [n if t is n.text else dataclasses.replace(n, text=t) for t, n in zip(texts, ctx.notes, strict=True)]
    return dataclasses.replace(ctx, notes=notes)


def declined_items(ctx: DraftContext) -> dict[str, tuple[str, ...]]:
    """What the client declined or dislikes (lower-case) -> the note ids that say so."""
    return _Guard("", ctx)._declined()


class _Guard(
    HearsayRules,
    PresumedRules,
    ChangeRules,
    ContactRules,
    NameRules,
    OfferRules,
    ClaimRules,
    FamilyRules,
    NumberRules,
    PlaceRules,
    PreferenceRules,
    SensitiveRules,
    EntityRules,
    VariantRules,
    BindingRules,
    EventRules,
):
    """Holds one check's text and context; each public-ish method is one rule."""
