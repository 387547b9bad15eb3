"""Drafts a person would send (issues 13, 14), read over two ledgers of invented notes typed the way
salespeople type them: `sendable` (heat pumps, cars, wine, furniture) and `trades` (coffee roaster, kitchen
fitter, florist, car dealer).

The opener names only an interaction a note records, of the type it records (never a word of the trade,
never the note's own date); detail lines are said to the client or left out, keep their object and carry
no salesperson verbs; the purpose is rephrased or shapes the draft, never pasted into a frame; no
follow-up promises a follow-up; an apology only while a complaint is open; no relative's birthday is
wished to the client.

Real Memory, the real `make_draft` (offline engine) and the real guard.
"""

from __future__ import annotations

import re

import pytest

from bot.runtime import Runtime
from bot.usecases.context_from_memory import build_context
from bot.usecases.draft_offline import _Writer
from bot.usecases.drafting import DraftResult
from memory.timeutil import now_utc
from tests.helpers import SENDER, drafts, imported_note, offline_runtime

NOW = now_utc()

SENDABLE = [
    imported_note("s1", "Greta Lindqvist", "greta interested in a heat pump for the cabin, budget around 9k", 2, NOW),
    imported_note("s2", "Owen Pike", "owen bought the outback last month, wants roof racks", 1, NOW),
    imported_note(
        "s3", "Tomas Reyes", "tomas's son loved the vineyard tour. need to send the wine club form to tomas", 1, NOW
    ),
    imported_note("s4", "Tomas Reyes", "tomas reys confirmed the cellar tasting for next thurs", 0.5, NOW),
    imported_note(
        "s5", "Ines Vogel", "test drive booked w ines sat 11am. ines wants a hybrid Outback in green", 1.2, NOW
    ),
    imported_note("s6", "Ines Vogel", "sent ines the towing brochure. decision after the holidays", 0.8, NOW),
    imported_note("s7", "Ines Vogel", "ines still keen on the outback, asked about the xc40 too", 0.6, NOW),
    imported_note(
        "s8", "Kofi Mensah", "kofi annoyed, the boiler install got delayed again. installer now tuesday", 5, NOW
    ),
    imported_note("s9", "Kofi Mensah", "kofi happy now, installer came and it's all good", 1, NOW),
    imported_note(
        "s10", "Nadia Hart", "nadia complained the 4 stools arrived scratched. replacements due 20 dec", 2, NOW
    ),
    imported_note("s11", "Raj Patel", "sent raj the sedan pricing. his wife anika's birthday is 14 december", 1, NOW),
    imported_note("s15", "Raj Patel", "raj wants to surprise her with a convertible", 0.9, NOW),
    imported_note(
        "s16",
        "Bo Lund",
        "bo asked me to stop emailing him, prefers phone. wants financing options for the camper",
        1,
        NOW,
    ),
    imported_note("s12", "Leah Brook", "want fleet tracking for all 12 vans by end of march", 1, NOW),
    imported_note("s13", "Leah Brook", "promised to follow up by friday", 0.5, NOW),
    imported_note("s14", "Milo Grant", "call with milo today, he wants the walnut desk", 0.2, NOW),
]

TRADES = [
    # coffee roaster: "coffee", "cafe" are the trade, no coffee together
    imported_note(
        "w1", "Mai Nguyen", "met w mai nguyen at her cafe in footscray, she wants the 3 group in white", 3, NOW
    ),
    imported_note("w2", "Giulia Conti", "giulia takes 12kg of the house blend", 9, NOW),
    imported_note("w3", "Giulia Conti", "emailed giulia re the decaf, no answer", 2, NOW),
    imported_note("w3b", "Giulia Conti", "called giulia about the grinder, no answer", 1, NOW),
    imported_note("w3c", "Pete Hall", "spoke with pete at his bakery about the deck oven, he wants the 3 deck", 1, NOW),
    imported_note("w4", "Kiri Walker", "kiri runs a coffee cart at the markets, wants a better grinder", 2, NOW),
    imported_note("w5", "Tomasz Nowak", "noted tomasz wants 2 Eagle ones at 13900 each, install on Jan 19", 2, NOW),
    imported_note("w6", "Ken Sato", "ken's wife yuki loves the ethiopian. ken doesn't like light roast", 2, NOW),
    imported_note("w7", "Siobhan Kelly", "siobhan wants 40kg monthly of the house blend", 6, NOW),
    imported_note("w7b", "Siobhan Kelly", "siobhan now wants 50kg not 40", 2, NOW),
    imported_note("w7c", "Ana Costa", "ana likes medium roast not light", 2, NOW),
    # florist and car dealer: a trade word ("bouquet", "test drive") is no meeting either
    imported_note("w8", "Hana Ito", "hana runs a florist, wants weekly lunch arrangements for the bistro", 2, NOW),
    imported_note("w9", "Dev Rao", "dev wants the hybrid in grey, told me his budget is 40k", 2, NOW),
    imported_note("w10", "Ola Berg", "had coffee with ola at the Grind, she wants 20 chairs", 1, NOW),
]

VARIANTS = {"sendable": range(4), "trades": range(6)}


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Runtime]:
    return {
        "sendable": offline_runtime(tmp_path_factory.mktemp("sendable"), SENDABLE),
        "trades": offline_runtime(tmp_path_factory.mktemp("trades"), TRADES),
    }


def _drafts(ledgers: dict[str, Runtime], ledger: str, client: str, purpose: str) -> list[DraftResult]:
    return drafts(ledgers[ledger], client, purpose, VARIANTS[ledger])


# A thank-you for an event no note records, or the note's own date as an event ("my notes from").
_THANKED = r"(?i)\bthank\w*\b[^.]*\b(?:call|tour|order|visit|meeting|purchase)\b|my notes from"


def _opener_names(invented: str) -> str:
    """An opener ("thanks for", "since", ...) that names, in its sentence, an interaction no note records."""
    return rf"(?i)\b(?:thank\w*|thinking about|since|making time for)\b[^.]*\b(?:{invented})\b"


@pytest.mark.parametrize(
    ("ledger", "client", "purpose", "bad"),
    [
        ("sendable", "Greta Lindqvist", "follow up", _THANKED),
        ("sendable", "Owen Pike", "follow up on the roof racks", _THANKED),
        ("sendable", "Tomas Reyes", "follow up", _THANKED),
        ("trades", "Mai Nguyen", "follow up", _opener_names("coffee|cafe|call")),
        ("trades", "Giulia Conti", "follow up", _opener_names("call|coffee")),
        ("trades", "Kiri Walker", "follow up", _opener_names("coffee|cart|markets")),
        ("trades", "Hana Ito", "follow up", _opener_names("lunch|arrangement")),
        ("trades", "Pete Hall", "follow up", _opener_names("call")),
    ],
)
def test_the_opener_names_no_interaction_the_notes_do_not_record(
    ledgers: dict[str, Runtime], ledger: str, client: str, purpose: str, bad: str
) -> None:
    for d in _drafts(ledgers, ledger, client, purpose):
        assert not re.search(bad, d.text), d.text
        assert d.verdict != "block", d


@pytest.mark.parametrize(
    ("ledger", "client", "said"),
    [("sendable", "Milo Grant", "call"), ("trades", "Ola Berg", "coffee")],  # a call noted as today; coffee together
)
def test_an_interaction_a_note_records_is_recalled(
    ledgers: dict[str, Runtime], ledger: str, client: str, said: str
) -> None:
    texts = [d.text for d in _drafts(ledgers, ledger, client, "follow up")]
    assert any(re.search(rf"(?i)\b{said}\b", t) for t in texts), texts


# A note's line pasted as it was typed: the salesperson's to-do, a typo of the name, a third person's doing.
_NOT_TO_THE_CLIENT = (
    r"(?i)\bneed to send\b|\bbooked w\b|\bsent your\b|\bsent \w+ the\b|(?-i:\btomas\b)|\breys\b|[:;] want\b|"
    r"\bI'm writing about intro\b|\bson loved\b|\bfrom harbour\b|\bsend you [^.]*\bto you\b|\byour with\b|\bcomplained\b"
)


@pytest.mark.parametrize(
    ("ledger", "client", "purpose", "bad"),
    [
        ("sendable", "Tomas Reyes", "follow up", _NOT_TO_THE_CLIENT),
        ("sendable", "Tomas Reyes", "confirm the tasting", _NOT_TO_THE_CLIENT),
        ("sendable", "Ines Vogel", "follow up", _NOT_TO_THE_CLIENT),
        ("sendable", "Ines Vogel", "intro and the towing", _NOT_TO_THE_CLIENT),
        ("sendable", "Leah Brook", "follow up on the fleet tracking", _NOT_TO_THE_CLIENT),
        ("sendable", "Raj Patel", "a convertible for his wife's birthday", _NOT_TO_THE_CLIENT),
        ("sendable", "Nadia Hart", "about the 4 stools", _NOT_TO_THE_CLIENT),
        ("trades", "Siobhan Kelly", "follow up", r"\b50kg(?! of)"),
        ("trades", "Siobhan Kelly", "samples", r"\b50kg(?! of)"),
        ("trades", "Ken Sato", "follow up", r"(?i)\bno light\b(?! roast)"),
        ("trades", "Dev Rao", "follow up", r"(?i)\btold me\b|\byou told\b"),
        ("trades", "Tomasz Nowak", "follow up", r"(?i)\bnoted\b"),
    ],
)
def test_details_are_said_to_the_client_keep_their_object_and_carry_no_salesperson_verbs(
    ledgers: dict[str, Runtime], ledger: str, client: str, purpose: str, bad: str
) -> None:
    for d in _drafts(ledgers, ledger, client, purpose):
        assert not re.search(bad, d.text), d.text
        assert d.verdict != "block", d


def test_a_lower_case_model_is_written_as_the_notes_capitalise_it_or_not_at_all(ledgers: dict[str, Runtime]) -> None:
    for d in _drafts(ledgers, "sendable", "Ines Vogel", "follow up"):
        assert not re.search(r"\boutback\b|\bxc40\b", d.text), d.text


def test_a_bare_subject_purpose_reads_as_a_sentence(ledgers: dict[str, Runtime]) -> None:
    for d in _drafts(ledgers, "sendable", "Greta Lindqvist", "intro and the heat pump"):
        assert "intro" not in d.text and "heat pump" in d.text, d.text
    for d in _drafts(ledgers, "sendable", "Owen Pike", "trade in"):
        assert not re.search(r"\babout trade in\b|\bon trade in\b", d.text), d.text


def test_a_follow_up_never_promises_a_follow_up(ledgers: dict[str, Runtime]) -> None:
    for d in _drafts(ledgers, "sendable", "Leah Brook", "follow up on the fleet tracking"):
        assert not re.search(r"(?i)I'll follow up\b", d.text), d.text


def test_the_purpose_leads_after_a_resolved_complaint_and_no_apology_is_made(ledgers: dict[str, Runtime]) -> None:
    for purpose in ("thank and ask for a review", "confirm the installer date", "follow up"):
        for d in _drafts(ledgers, "sendable", "Kofi Mensah", purpose):
            assert not re.search(r"(?i)\bsorry\b|\bhassle\b|\bapolog", d.text), d.text
    for d in _drafts(ledgers, "sendable", "Kofi Mensah", "thanks and ask for a review"):
        assert "review" in d.text and "about thanks" not in d.text and "ask about" not in d.text, d.text


def test_an_open_complaint_is_apologised_for_by_name(ledgers: dict[str, Runtime]) -> None:
    for d in _drafts(ledgers, "sendable", "Nadia Hart", "apology about the stools"):
        assert re.search(r"(?i)sorry", d.text) and "stools" in d.text, d.text
        assert d.verdict != "block", d


def test_an_open_complaint_lets_another_purpose_lead(ledgers: dict[str, Runtime]) -> None:
    for d in _drafts(ledgers, "sendable", "Nadia Hart", "confirm the replacement delivery"):
        assert "confirm" in d.text, d.text
        assert d.verdict != "block", d


def test_a_relatives_birthday_is_never_wished_to_the_client(ledgers: dict[str, Runtime]) -> None:
    for purpose in ("gift ideas for his wife's birthday", "his wife's birthday"):
        for d in _drafts(ledgers, "sendable", "Raj Patel", purpose):
            assert not re.search(r"(?i)happy birthday|your birthday|birthday, Raj", d.text), d.text


def test_a_relative_is_named_in_a_birthday_purpose_and_nothing_is_asked_to_be_confirmed_when_nothing_is_restated(
    ledgers: dict[str, Runtime],
) -> None:
    for d in _drafts(ledgers, "sendable", "Raj Patel", "bday present for his wife"):
        assert "your wife Anika" in d.text and "None" not in d.text, d.text
    for d in _drafts(ledgers, "sendable", "Kofi Mensah", "follow up"):
        assert "sound right" not in d.text, d.text


def test_a_call_plan_says_what_the_call_is_about_not_what_it_is_writing_about(ledgers: dict[str, Runtime]) -> None:
    for d in _drafts(ledgers, "sendable", "Bo Lund", "financing"):
        assert d.text.startswith("Call plan") and "writing" not in d.text, d.text
        assert "the financing" in d.text, d.text


def test_an_instruction_to_call_makes_a_call_plan_with_the_date(ledgers: dict[str, Runtime]) -> None:
    for d in _drafts(ledgers, "trades", "Tomasz Nowak", "call him to confirm the install date"):
        assert d.text.startswith("Call plan"), d.text
        assert not re.search(r"(?i)about call|call you to|\bnoted\b", d.text), d.text
        assert re.search(r"19 January|January 19|Jan 19", d.text), d.text
        assert d.verdict != "block", d


def test_a_wish_for_a_relative_is_sent_through_the_client(ledgers: dict[str, Runtime]) -> None:
    for d in _drafts(ledgers, "trades", "Ken Sato", "wish his wife happy birthday"):
        assert not re.search(r"(?i)about (?:the )?wish|\bno light\b", d.text), d.text
        assert re.search(r"(?i)\bYuki\b", d.text), d.text
        assert d.verdict != "block", d


def test_a_ruled_out_option_keeps_its_object(ledgers: dict[str, Runtime]) -> None:
    memory = ledgers["trades"].memory("local")
    client = memory.find_client("Ana Costa")
    ctx = build_context(memory, client, "follow up", NOW, SENDER).ctx
    said = [text for text, _ in _Writer(ctx, 0)._fact_details()]
    assert "no light roast" in said, said


_PASTED = re.compile(
    r"(?i)\babout (?:the )?(?:tell|let|ask|get|remind|text|email|call)\b|\babout (?:the )?to\b|: let you\b|"
    r"\bthank you for your \w+ for\b|\b(?:writing|in touch) about \w+ you\b|\bI'm writing about you\b"
)


@pytest.mark.parametrize(
    ("client", "purpose", "said"),
    [
        ("Tomasz Nowak", "tell him the Eagle price went up", r"let you know the Eagle price went up"),
        ("Tomasz Nowak", "ask him to pick a colour", r"could you pick a colour|Could you pick a colour"),
        ("Mai Nguyen", "remind her to pay the deposit", r"reminder to pay the deposit"),
        ("Hana Ito", "get her to sign the form", r"sign the form"),
        ("Dev Rao", "thank his wife for the referral", r"thanks to your wife for the referral|thank your wife"),
        ("Dev Rao", "email him the brochure", r"the brochure"),
    ],
)
def test_an_instruction_to_the_salesperson_is_said_to_the_client(
    ledgers: dict[str, Runtime], client: str, purpose: str, said: str
) -> None:
    for d in _drafts(ledgers, "trades", client, purpose):
        assert not _PASTED.search(d.text), d.text
        assert re.search(said, d.text), d.text
        assert d.verdict != "block", d
