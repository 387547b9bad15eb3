"""Consent has a scope: a channel (email, phone, text, any) and a topic; the guard and the digest honour it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.interfaces.cli import main
from bot.usecases.digest import build_digest
from memory.service import Memory
from tests.helpers import T0, note_at

CALL_PLAN = "Call plan for Tom:\n- ask how the install went\n- confirm the March delivery\n"
EMAIL = "Hi Tom,\n\nJust checking in on the install - any questions so far?\n\nBest,\nDana"


def _check_after_note(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], note: str, text: str
) -> dict[str, Any]:
    """`chet note` on 2 March for Tom Reyes, then `chet check --json` of `text` on 5 March: the report."""
    base = ["--offline", "--data-dir", str(data_dir)]
    assert main([*base, "note", "--json", "Tom Reyes", note, "--at", "2026-03-02"]) == 0
    capsys.readouterr()
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    assert main([*base, "check", "--json", "Tom Reyes", "--text-file", str(draft), "--at", "2026-03-05"]) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def test_stop_emailing_closes_email_only_and_records_phone_as_preferred(memory: Memory) -> None:
    note_at(memory, "Tom Reyes", "Asked me to stop emailing him, prefers phone.")
    view = memory.contact_channels(memory.find_client("Tom Reyes"))
    assert view.closed == ("email",)
    assert view.preferred == "phone" and view.best == "phone"
    assert view.allowed == ("phone", "text")
    assert view.allows("phone") and view.allows("whatsapp") and not view.allows("email")


def test_do_not_contact_closes_every_channel_until_one_is_reopened(memory: Memory) -> None:
    note_at(memory, "Ana Ruiz", "Prefers email. Do not contact me, she said.")
    view = memory.contact_channels(memory.find_client("Ana Ruiz"))
    assert view.allowed == () and view.best is None and view.preferred is None
    note_at(memory, "Ana Ruiz", "She said we can email her again.", days=10)
    view = memory.contact_channels(memory.find_client("Ana Ruiz"))
    assert view.allowed == ("email",) and view.closed == ("phone", "text") and view.preferred == "email"


def test_a_marketing_opt_out_leaves_direct_messages_open(memory: Memory) -> None:
    note_at(memory, "Lee Park", "No more marketing emails please.")
    view = memory.contact_channels(memory.find_client("Lee Park"))
    assert view.closed == () and view.limited == {"email": "marketing"}


@pytest.mark.parametrize(
    ("note", "text", "verdict"),
    [
        ("Asked me to stop emailing him, prefers phone.", CALL_PLAN, "pass"),
        # a message that does not say how it goes, and the client named an open way: the salesperson uses it
        ("Asked me to stop emailing him, prefers phone.", EMAIL, "pass"),
        ("Asked me to stop emailing him, prefers phone.", "Subject: install\n\n" + EMAIL, "block"),
        ("Stop calling him, email only.", CALL_PLAN, "block"),
        ("Stop calling him, email only.", EMAIL, "pass"),
        ("Do not contact me, he said.", CALL_PLAN, "block"),
    ],
)
def test_chet_check_blocks_only_a_message_on_a_closed_channel(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], note: str, text: str, verdict: str
) -> None:
    report = _check_after_note(data_dir, tmp_path, capsys, note, text)
    no_consent = [f for f in report["findings"] if f["kind"] == "no_consent"]
    assert bool(no_consent) == (verdict == "block"), report


def test_the_drafting_context_channel_decides(memory: Memory) -> None:
    from bot.guard import check_text
    from bot.usecases.context_from_memory import build_context

    note_at(memory, "Tom Reyes", "Asked me to stop emailing him, prefers phone.")
    built = build_context(memory, memory.find_client("Tom Reyes"), "check in", T0 + timedelta(days=3))
    built.ctx.channel = "email"
    assert {f.kind for f in check_text(EMAIL, built.ctx).findings} >= {"no_consent"}
    built.ctx.channel = "phone"
    assert "no_consent" not in {f.kind for f in check_text(EMAIL, built.ctx).findings}


def test_keep_in_touch_keeps_a_client_with_an_open_channel(memory: Any) -> None:
    note_at(memory, "Tom Reyes", "Asked me to stop emailing him, prefers phone.")
    note_at(memory, "Ana Ruiz", "Do not contact me, she said.")
    kinds = {(i.kind, i.client) for i in build_digest(memory, date(2026, 5, 1)).items}
    assert ("keep_in_touch", "Tom Reyes") in kinds
    assert ("keep_in_touch", "Ana Ruiz") not in kinds


@pytest.mark.parametrize(
    ("note", "closed", "preferred"),
    [
        ("He said don't email, just call.", ("email",), "phone"),
        ("No phone calls, email only.", ("phone",), "email"),
        ("Do not call.", ("phone",), None),
        ("Said no calls please.", ("phone",), None),
        ("No calls today, she was travelling.", (), None),
        ("Pls no more emails, call instead.", ("email",), None),
    ],
)
def test_everyday_opt_out_phrasings(memory: Memory, note: str, closed: tuple[str, ...], preferred: str | None) -> None:
    note_at(memory, "Tom Reyes", note)
    view = memory.contact_channels(memory.find_client("Tom Reyes"))
    assert (view.closed, view.preferred) == (closed, preferred)


@pytest.mark.parametrize(
    ("note", "text", "verdict"),
    [
        (
            "Stop emailing him, WhatsApp only.",
            "Hi Tom, quick WhatsApp rather than email as you asked: the chairs ship Monday.",
            "pass",
        ),
        ("No texts please, he hates them.", "Dear Tom, the chairs ship on Monday.\n\nKind regards,\nSam", "pass"),
        ("No texts please, he hates them.", "Hi Tom, quick text: the chairs ship Monday.", "block"),
        ("Stop emailing him.", "Hi Tom, the chairs ship Monday.", "warn"),  # unstated, no way named: may go by text
        ("No more emails or calls from us, he said.", "Hi Tom, the chairs ship Monday.", "warn"),
        ("Do not contact me, he said.", "Hi Tom, the chairs ship Monday.", "block"),
    ],
)
def test_the_message_says_how_it_goes_and_an_unstated_channel_only_warns(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], note: str, text: str, verdict: str
) -> None:
    report = _check_after_note(data_dir, tmp_path, capsys, note, text)
    consent = [f for f in report["findings"] if f["kind"] == "no_consent"]
    assert (report["verdict"] if consent else "pass") == verdict, report


def test_do_not_contact_me_on_one_channel_closes_that_channel_only(memory: Memory) -> None:
    """ "do not contact me on my mobile, use email": the phone is closed, email stays open."""
    note_at(memory, "Ilse Brand", "please do not contact me on my mobile, email is better")
    view = memory.contact_channels(memory.find_client("Ilse Brand"))
    assert view.closed == ("phone",) and view.allows("email")


def test_a_no_contact_period_with_two_ends_holds_only_between_them() -> None:
    """ "do not contact her from 20 dec to 3 jan": closed on those days, open before and after."""
    from memory.consent import contact_channels
    from memory.extract import extract_facts
    from memory.records import Fact, FactKind

    at = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    facts = extract_facts("do not contact her from 20 dec to 3 jan, she is away", at)
    [fact] = [f for f in facts if f.kind is FactKind.CONSENT]
    assert (fact.detail["from"], fact.detail["until"]) == ("2026-12-20", "2027-01-04")
    stored = Fact(1, 1, FactKind.CONSENT, fact.key, fact.value, fact.text, ("n1",), at, detail=fact.detail)
    assert contact_channels([stored], on=date(2026, 12, 10)).allowed != ()  # before it starts
    assert contact_channels([stored], on=date(2026, 12, 24)).allowed == ()
    assert contact_channels([stored], on=date(2027, 1, 4)).allowed != ()  # after the last day
