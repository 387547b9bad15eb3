"""The truth guard: each kind is caught when planted and silent on truthful text; spans are exact."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.guard_cases import build_cases, holdout_cases, make_world
from bot.guard import KINDS, check_text
from bot.usecases.draft_context import DraftContext
from memory.records import Client, Commitment, Fact, FactKind, Note

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)  # a Monday


def _note(nid: str, text: str, days: float) -> Note:
    at = NOW - timedelta(days=days)
    return Note(nid, 1, "Alex Park", text, "import", at, at)


def _fact(kind: FactKind, key: str, value: str, text: str, src: str, **kw: object) -> Fact:
    return Fact(1, 1, kind, key, value, text, (src,), NOW - timedelta(days=30), **kw)  # type: ignore[arg-type]


@pytest.fixture
def ctx() -> DraftContext:
    """Alex Park: a demo on Monday 3 March, a call on Wednesday 5 March, blue not grey, daughter Sofia."""
    return DraftContext(
        client=Client(1, "Alex Park", formal_name="Alexandra Jane Park", company="Acme"),
        purpose="",
        now=NOW,
        notes=[
            _note("n/3", "Alex prefers email for updates.", 3),
            _note("n/2", "Follow-up call with Alex about the pricing sheet.", 5),
            _note("n/1", "Product demo of the reporting dashboard. Wants blue, not grey.", 7),
            _note("n/0", "Daughter Sofia starts school in April. Team of 12. Based in Austin.", 20),
        ],
        facts=[
            _fact(FactKind.PREFERENCE, "color", "blue", "wants blue, not grey", "n/1", detail={"declined": "grey"}),
            _fact(
                FactKind.FAMILY, "family:daughter", "Sofia", "daughter Sofia", "n/0", detail={"relation": "daughter"}
            ),
            _fact(FactKind.PERSONAL_DATE, "birthday", "1988-03-12", "birthday 12 March", "n/0"),
            _fact(FactKind.OTHER, "team_size", "12", "team of 12", "n/0"),
            _fact(FactKind.LOCATION, "location", "Austin, TX", "based in Austin", "n/0"),
        ],
        commitments=[
            Commitment(
                1,
                1,
                "Alex Park",
                "Send the pricing sheet",
                (NOW + timedelta(days=4)).date(),
                "open",
                ("n/2",),
                NOW - timedelta(days=5),
            )
        ],
        other_clients=["Jordan Reyes", "Sam Lee"],
        salesperson="Dana",
    )


TRUTHFUL = (
    "Hi Alex,\n\nThanks again for the call on Wednesday about the pricing sheet. As promised, I'll send it "
    "by Friday. I've picked a few options in blue rather than grey. How is Sofia enjoying the run-up to "
    "school? Happy early birthday too!\n\nBest,\nDana"
)

PLANTED = {
    "unsupported_claim": "Hi Alex,\n\nGreat to see you at the Denver conference!",
    "contradicts_preference": "Hi Alex,\n\nOur grey model would suit your office perfectly.",
    "wrong_fact": "Hi Alex,\n\nHow is your daughter Maria getting on?",
    "invented_commitment": "Hi Alex,\n\nAs promised, here is 20% off your next order.",
    "name_misuse": "Dear Alex Park,\n\nA quick update on the pricing sheet.",
    "inappropriate": "Hi Alex,\n\nJoin us at our launch party in Seattle next month!",
}


def test_kinds_are_the_design_table() -> None:
    assert set(KINDS) >= {
        "unsupported_claim",
        "contradicts_preference",
        "wrong_fact",
        "invented_commitment",
        "name_misuse",
        "no_consent",
        "risky_request",
        "too_frequent",
        "inappropriate",
    }


def test_truthful_draft_passes_cleanly(ctx: DraftContext) -> None:
    report = check_text(TRUTHFUL, ctx)
    assert report.verdict == "pass", report.findings


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_planted_problem_is_caught(ctx: DraftContext, kind: str) -> None:
    text = PLANTED[kind]
    report = check_text(text, ctx)
    assert kind in {f.kind for f in report.findings}, report.findings
    assert report.verdict == ("warn" if kind == "inappropriate" else "block")
    assert all(f.span and f.span in text for f in report.findings)


def test_preference_finding_cites_the_note(ctx: DraftContext) -> None:
    report = check_text(PLANTED["contradicts_preference"], ctx)
    finding = next(f for f in report.findings if f.kind == "contradicts_preference")
    assert finding.span == "grey" and finding.sources == ("n/1",)


@pytest.mark.parametrize(
    "text", ["in blue, not grey", "in blue rather than grey", "no grey this time", "I know grey isn't for you"]
)
def test_declined_item_mentioned_as_excluded_is_fine(ctx: DraftContext, text: str) -> None:
    assert check_text(f"Hi Alex,\n\nEverything is {text}.", ctx).verdict == "pass"


@pytest.mark.parametrize(
    "claim",
    [
        "As we discussed on Wednesday, the sheet is ready.",
        "Thanks for the demo last week.",
        "Following up on our call on 5 March.",
    ],
)
def test_claims_backed_by_notes_pass(ctx: DraftContext, claim: str) -> None:
    assert check_text(f"Hi Alex,\n\n{claim}", ctx).verdict == "pass"


def test_real_event_on_the_wrong_day_is_wrong_fact(ctx: DraftContext) -> None:
    report = check_text("Hi Alex,\n\nThanks again for the call on Thursday.", ctx)
    assert [f.kind for f in report.findings] == ["wrong_fact"]
    assert report.findings[0].sources == ("n/2",)


@pytest.mark.parametrize(
    "text",
    [
        "Hi {first_name},",
        "Hello [Company] team,",
        "Dear <NAME>,",
        "Hi %NAME%,",
        "Hi {{name}},",
        "Hi Jordan,",
        "Dear Alexandra,",
        "Dear Alexandra Jane Park,",
    ],
)
def test_name_misuse(ctx: DraftContext, text: str) -> None:
    report = check_text(f"{text}\n\nA quick note.", ctx)
    assert "name_misuse" in {f.kind for f in report.findings}, text


@pytest.mark.parametrize(
    "text", ["Hi Alex,", "Dear Ms. Park,", "Hello there,", "Hi Alex and team,", "Good morning Alex!"]
)
def test_good_greetings_pass(ctx: DraftContext, text: str) -> None:
    assert check_text(f"{text}\n\nA quick note.", ctx).verdict == "pass", text


@pytest.mark.parametrize(
    "text",
    ["Happy to help - feel free to call.", "Are you free on Thursday?", "I'm afraid there's no discount this time."],
)
def test_free_and_discount_words_that_offer_nothing_pass(ctx: DraftContext, text: str) -> None:
    assert check_text(f"Hi Alex,\n\n{text}", ctx).verdict == "pass"


@pytest.mark.parametrize(
    "text",
    [
        "Your free upgrade is ready.",
        "The discount I promised still stands.",
        "I can guarantee results in a month.",
        "We'll waive the setup fee.",
    ],
)
def test_invented_offers(ctx: DraftContext, text: str) -> None:
    assert "invented_commitment" in {f.kind for f in check_text(f"Hi Alex,\n\n{text}", ctx).findings}


@pytest.mark.parametrize(
    "text",
    [
        "For a team of 30, the plan fits.",
        "Happy birthday, Alex!",
        "Hope all is well in Chicago!",
        "I'll send the pricing sheet by Tuesday.",
    ],
)
def test_wrong_facts(ctx: DraftContext, text: str) -> None:
    if "birthday" in text:
        ctx = dataclasses.replace(ctx, now=NOW + timedelta(days=60))
    assert "wrong_fact" in {f.kind for f in check_text(f"Hi Alex,\n\n{text}", ctx).findings}, text


def test_no_consent_blocks_any_message(ctx: DraftContext) -> None:
    ctx.facts.append(_fact(FactKind.CONSENT, "consent:any", "opted_out", "asked not to be contacted", "n/3"))
    report = check_text(TRUTHFUL, ctx)
    assert report.verdict == "block"
    finding = next(f for f in report.findings if f.kind == "no_consent")
    assert finding.span == "Hi Alex" and finding.sources == ("n/3",)


def test_an_email_opt_out_warns_on_a_message_that_may_go_by_text(ctx: DraftContext) -> None:
    ctx.facts.append(_fact(FactKind.CONSENT, "consent:email", "opted_out", "asked me to stop emailing", "n/3"))
    report = check_text(TRUTHFUL, ctx)  # it does not say how it goes: certain only that it must not be emailed
    assert report.verdict == "warn" and [f.kind for f in report.findings] == ["no_consent"]
    assert "not email" in report.findings[0].message


def test_too_frequent_warns(ctx: DraftContext) -> None:
    ctx.sent_at = [NOW - timedelta(days=d) for d in (1.5, 3, 5)]
    report = check_text(TRUTHFUL, ctx)
    assert report.verdict == "warn" and [f.kind for f in report.findings] == ["too_frequent"]
    ctx.sent_at = [NOW - timedelta(hours=3)]
    assert check_text(TRUTHFUL, ctx).verdict == "warn"
    ctx.sent_at = [NOW - timedelta(days=d) for d in (2, 9, 12)]
    assert check_text(TRUTHFUL, ctx).verdict == "pass"


def test_sales_pitch_after_bad_news_warns(ctx: DraftContext) -> None:
    ctx.notes.insert(0, _note("n/9", "Alex's father passed away on Friday.", 2))
    pitch = check_text("Hi Alex,\n\nOur spring sale starts Monday!", ctx)
    assert [f.kind for f in pitch.findings] == ["inappropriate"] and pitch.findings[0].sources == ("n/9",)
    assert check_text("Hi Alex,\n\nI was so sorry to hear your news. Thinking of you.", ctx).verdict == "pass"


def test_event_near_the_client_is_fine(ctx: DraftContext) -> None:
    assert check_text("Hi Alex,\n\nJoin us at our open house in Austin next month!", ctx).verdict == "pass"


@pytest.mark.parametrize("case", build_cases(7) + holdout_cases(11), ids=lambda c: c.id)
def test_benchmark_spans_are_exact_substrings(case) -> None:
    for f in check_text(case.text, case.ctx).findings:
        assert f.span in case.text and f.verdict in ("block", "warn") and f.kind in KINDS


def test_benchmark_meets_targets() -> None:
    cases = build_cases(7) + holdout_cases(11)
    planted = [c for c in cases if c.kind]
    truthful = [c for c in cases if not c.kind]
    caught = sum(c.kind in {f.kind for f in check_text(c.text, c.ctx).findings} for c in planted)
    alarms = sum(bool(check_text(c.text, c.ctx).findings) for c in truthful)
    assert caught / len(planted) >= 0.95
    assert alarms / len(truthful) <= 0.05


def test_guard_is_deterministic() -> None:
    w = make_world(random.Random(1))
    text = "Hi there,\n\nAs we discussed, here is 20% off."
    assert check_text(text, w.ctx) == check_text(text, w.ctx)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_exact_spans(text: str) -> None:
    w = make_world(random.Random(5), 0)
    for f in check_text(text, w.ctx).findings:
        assert f.span in text


def test_empty_and_odd_texts(ctx: DraftContext) -> None:
    for text in ("", "   ", "İstanbul ﬁne ’quotes’", "Hi Alex,\n\n" + "Thanks again. " * 2000):
        report = check_text(text, ctx)
        assert all(f.span in text for f in report.findings)
