"""The offline drafting engine: grounded, varied drafts that pass the truth guard."""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta

import pytest

from benchmarks.guard_cases import make_world
from bot.guard import check_text
from bot.usecases.draft_offline import compose_offline, greeting_name, tone_of
from memory.records import Fact, FactKind

PURPOSES = [
    "follow up after the {kind}",
    "check in",
    "send the pricing options",
    "birthday wishes",
    "keep in touch",
    "share the new collection",
    "remind about the renewal",
    "thank them for their time",
    "propose a pilot",
    "condolences",
    "check in with {first} about the rollout",
]


def test_drafts_pass_the_guard_on_many_generated_clients() -> None:
    rng = random.Random(2025)
    failures = []
    for i in range(240):
        w = make_world(rng, i, sad=(i % 12 == 0))
        purpose = PURPOSES[i % len(PURPOSES)].format(kind=w.last_kind, first=w.first)
        ctx = dataclasses.replace(w.ctx, purpose=purpose)
        draft = compose_offline(ctx, variant=i % 4)
        report = check_text(draft.text, ctx)
        if report.verdict != "pass":
            failures.append((purpose, draft.text, report.findings))
        assert set(draft.sources) <= {n.id for n in ctx.notes}
    assert not failures, failures[:3]


@pytest.fixture
def world():
    return make_world(random.Random(4), 0, notes_only=False)


def test_greets_by_the_name_they_go_by(world) -> None:
    ctx = dataclasses.replace(world.ctx, purpose="check in")
    text = compose_offline(ctx).text
    assert text.splitlines()[0].endswith(f"{greeting_name(ctx)},")
    if ctx.client.formal_name:
        assert ctx.client.formal_name not in text


def test_cites_the_last_interaction_with_its_date(world) -> None:
    ctx = dataclasses.replace(world.ctx, purpose="follow up after the product demo")
    draft = compose_offline(ctx)
    latest = max(ctx.notes, key=lambda n: n.occurred_at)
    assert latest.id in draft.sources
    assert "I wanted to follow up on the product demo." in draft.text or "product demo" in draft.text


def test_commercial_draft_suggests_the_preference_not_the_dislike(world) -> None:
    ctx = dataclasses.replace(world.ctx, purpose="share the new collection")
    text = compose_offline(ctx).text
    assert world.liked in text
    assert check_text(text, ctx).verdict == "pass"


def test_birthday_is_warm_and_has_no_offer(world) -> None:
    ctx = dataclasses.replace(world.ctx, purpose="birthday wishes")
    assert tone_of(ctx) == "birthday"
    text = compose_offline(ctx).text.lower()
    assert "birthday" in text and "option" not in text and "promise" not in text


def test_bad_news_means_kindness(world) -> None:
    sad = make_world(random.Random(9), 1, sad=True)
    ctx = dataclasses.replace(sad.ctx, purpose="share the new collection")
    assert tone_of(ctx) == "condolence"
    draft = compose_offline(ctx)
    assert "sorry" in draft.text.lower() and "option" not in draft.text
    assert check_text(draft.text, ctx).verdict == "pass"


def test_open_promise_is_restated_with_its_due_date(world) -> None:
    ctx = dataclasses.replace(world.ctx, purpose="check in")
    draft = compose_offline(ctx)
    c = ctx.commitments[0]
    assert c.due is not None and f"{c.due.day} {c.due.strftime('%B')}" in draft.text
    assert c.source_ids[0] in draft.sources


def test_variants_differ_and_are_deterministic(world) -> None:
    ctx = dataclasses.replace(world.ctx, purpose="follow up after the demo")
    texts = {compose_offline(ctx, v).text for v in range(6)}
    assert len(texts) >= 3
    assert compose_offline(ctx, 2) == compose_offline(ctx, 2)


def _consent(world, key: str) -> Fact:
    return Fact(
        9,
        world.ctx.client.id,
        FactKind.CONSENT,
        key,
        "opted_out",
        "opted out",
        ("x",),
        world.ctx.now - timedelta(days=1),
    )


def test_opted_out_client_still_gets_a_short_text_that_the_guard_blocks(world) -> None:
    ctx = dataclasses.replace(world.ctx, purpose="check in", facts=[*world.ctx.facts, _consent(world, "consent")])
    draft = compose_offline(ctx)
    assert draft.text and check_text(draft.text, ctx).verdict == "block"


def test_an_email_opt_out_gets_a_call_plan_not_an_email(world) -> None:
    ctx = dataclasses.replace(world.ctx, purpose="check in", facts=[*world.ctx.facts, _consent(world, "consent:email")])
    draft = compose_offline(ctx)
    assert draft.text.startswith(f"Call plan for {greeting_name(ctx)} (by phone):")
    assert "\n• " in draft.text and "short call" not in draft.text


def test_empty_context_still_drafts() -> None:
    w = make_world(random.Random(3), 0)
    ctx = dataclasses.replace(w.ctx, purpose="check in", notes=[], facts=[], commitments=[])
    draft = compose_offline(ctx)
    assert draft.text.startswith("H") or draft.text.startswith("D")
    assert check_text(draft.text, ctx).verdict == "pass"
