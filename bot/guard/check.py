"""The top-level check: run every rule over one text and return the verdict."""

from __future__ import annotations

import dataclasses

from bot.guard.bindings import BindingRules
from bot.guard.entities import EntityRules
from bot.guard.evidence import Prepared, prepare
from bot.guard.model import Finding, GuardReport
from bot.guard.normalise import normalise
from bot.guard.places import PlaceRules
from bot.guard.preferences import declined
from bot.guard.presumed import PresumedRules
from bot.guard.rules import RULES, Draft, Rule
from bot.guard.rules.claim_support import ClaimSupport
from bot.guard.rules.claimed_history import ClaimedHistory
from bot.guard.rules.commitment_date import CommitmentDate
from bot.guard.rules.event_date import EventDate
from bot.guard.rules.event_weekday import EventWeekday
from bot.guard.rules.family import Family
from bot.guard.rules.hearsay import Hearsay
from bot.guard.text import _dedupe
from bot.guard.variants import VariantRules
from bot.usecases.draft_context import DraftContext


def check_text(text: str, ctx: DraftContext | Prepared) -> GuardReport:
    """Check `text` as a message to `ctx.client` sent at `ctx.now`; pure and deterministic.

    The rules read the text normalised (NFKC, look-alike letters folded, invisible characters
    dropped); every span is mapped back to an exact substring of `text`. The evidence is prepared
    once per context (`bot.guard.evidence.prepare`) and reused by later checks of the same context.
    """
    prepared = ctx if isinstance(ctx, Prepared) else prepare(ctx)
    norm = normalise(text)
    g = _Guard(norm.text, prepared.ctx, prepared)
    findings: list[Finding] = []
    for rule in (
        g.places,
        g.entity_swaps,
        g.attributions,
        g.paired_names,
        g.weekday_swaps,
        g.variant_swaps,
        g.option_swaps,
        g.year_swaps,
        g.presumed_entities,
        g.swapped_bindings,
    ):
        findings.extend(rule())
    draft, evidence = Draft(norm.text), prepared.evidence
    for part in (*READER_RULES, *RULES, _FAMILY):
        findings.extend(part.check(draft, evidence))
    findings = _SUPPORT.keep(norm.text, findings, evidence)  # a claim a note backs in other words passes
    unique = _dedupe(findings)
    unique = [f for f in unique if not any(g is not f and g.kind == f.kind and f.span in g.span for g in unique)]
    if norm.text != text:
        unique = [dataclasses.replace(f, span=norm.original_span(f.span)) for f in unique]
    verdict = "pass"
    if unique:
        verdict = "block" if any(f.verdict == "block" for f in unique) else "warn"
    return GuardReport(verdict=verdict, findings=tuple(unique))


_SUPPORT = ClaimSupport()
_FAMILY = Family()  # beside the registry: see bot/guard/rules/family.py
# Rules whose readers import the evidence module, which imports the `rules` package: registered here.
READER_RULES: tuple[Rule, ...] = (ClaimedHistory(), EventDate(), EventWeekday(), CommitmentDate(), Hearsay())


def declined_items(ctx: DraftContext) -> dict[str, tuple[str, ...]]:
    """What the client declined or dislikes (lower-case) -> the note ids that say so."""
    return declined(ctx)


class _Guard(
    PresumedRules,
    PlaceRules,
    EntityRules,
    VariantRules,
    BindingRules,
):
    """Holds one check's text and context; each public-ish method is one rule."""
