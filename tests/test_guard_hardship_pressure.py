"""inappropriate: pressure is read by structure in several languages, and a hardship lasts as the notes say."""

from __future__ import annotations

import pytest

from bot.guard.sensitive import active_hardships, sensitive_note_ids
from bot.usecases.draft_context import DraftContext
from tests.guard_scenarios import finding_kinds, notes_context

BEREAVED = notes_context(
    "Lucia Ferreira",
    ("lucia ferreira, dental clinic in braga, two chairs quoted EUR 31,000", 30),
    ("lucia: o pai dela faleceu no domingo, funeral na terça", 5),
)
ON_LEAVE = notes_context(
    "Jonas Weber",
    ("jonas weber, print shop in leipzig, wants a wide-format printer, quote EUR 14,200", 40),
    ("jonas ist in elternzeit bis 30 juni, his colleague petra handles orders meanwhile", 10),
)
BACK = notes_context(
    "Marisol Reyes",
    ("marisol reyes, florist in sevilla, cold room quote EUR 9,800", 50),
    ("marisol on maternity leave, no contact for now", 30),
    ("marisol is back at work, wants to go ahead with the cold room", 3),
)
DEFERRED = notes_context(
    "Owen Price",
    ("owen price, brewery in cardiff, 3 fermenters quoted GBP 42,000", 20),
    ("owen: board meets in july, no decision before 15 july", 8),
)


@pytest.mark.parametrize(
    "text",
    [
        "Olá Lucia, preciso que você assine o contrato hoje para garantirmos o preço.",
        "Hi Lucia, could you confirm the two chairs today? The price won't hold past Friday.",
        "Hola Lucia, ¿puede firmar el pedido esta semana? Los precios suben pronto.",
    ],
)
def test_a_push_after_a_bereavement_is_inappropriate_in_any_language(text: str) -> None:
    assert "inappropriate" in finding_kinds(text, BEREAVED)


def test_a_gentle_note_after_a_bereavement_passes() -> None:
    text = "Olá Lucia, sinto muito pela perda do seu pai. Nada precisa de resposta agora; fico à disposição."
    assert "inappropriate" not in finding_kinds(text, BEREAVED)


def test_a_leave_lasts_until_the_date_the_note_gives() -> None:
    push = "Hallo Jonas, können Sie den Auftrag für den Drucker bitte heute noch unterschreiben?"
    assert [h.leave for h in active_hardships(ON_LEAVE)] == [True]
    assert "inappropriate" in finding_kinds(push, ON_LEAVE)
    assert not sensitive_note_ids(ON_LEAVE)  # a leave is no bad news: drafts are not condolences


def test_a_hardship_ends_when_a_later_note_has_the_client_back() -> None:
    text = (
        "Hi Marisol, great to have you back! Could you sign the cold room order this week so we can book the fitters?"
    )
    assert not active_hardships(BACK)
    assert "inappropriate" not in finding_kinds(text, BACK)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Owen, I really need you to sign for the fermenters this week, the price only holds until Friday.",
        "Hi Owen, can you confirm the order today? Steel prices are going up.",
    ],
)
def test_a_push_before_a_noted_decision_date_is_inappropriate(text: str) -> None:
    assert "inappropriate" in finding_kinds(text, DEFERRED)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Owen, no rush at all: the fermenter quote stands and I'll check in after the board meets on 15 July.",
        "Hi Owen, I'll send the revised fermenter drawings today.",
    ],
)
def test_no_push_before_a_decision_date_passes(text: str) -> None:
    assert "inappropriate" not in finding_kinds(text, DEFERRED)


def test_a_leave_that_has_not_started_yet_is_no_hardship() -> None:
    later = notes_context(
        "Priya Nair",
        ("priya nair, yoga studio in pune, 25 mats quoted INR 62,000", 20),
        ("priya on leave 20-30 june, her partner ravi handles orders then", 4),
    )
    push = "Hi Priya, could you confirm the 25 mats this week so we can ship before your leave?"
    assert not active_hardships(later)
    assert "inappropriate" not in finding_kinds(push, later)


# The decision put off by its shape: a decide word with a bound (a month, a date, a dated meeting, "then").
# NOW is in early June (tests/guard_scenarios.py); every bound below lies ahead of it.
DECIDES_LATER = [
    notes_context("Rui Lopes", ("rui lopes, bakery in porto, oven quoted EUR 18,000. owners decide in september", 6)),
    notes_context(
        "Hanna Berg", ("hanna berg, 40 office chairs. decision after their budget meeting 30 june, she said", 3)
    ),
    notes_context(
        "Kofi Mensah",
        ("kofi mensah, 3 tractors. the co-op votes on 28 june", 9),
        ("kofi says nothing will be decided before then", 2),
    ),
    notes_context("Lea Roux", ("lea roux, salon chairs. elle décidera en septembre avec son associée", 5)),
]


@pytest.mark.parametrize("ctx", DECIDES_LATER)
def test_a_push_before_a_decision_the_notes_put_later_is_inappropriate(ctx: DraftContext) -> None:
    push = "Hi, could you sign the order this week? The price only holds till Friday."
    assert "inappropriate" in finding_kinds(push, ctx)
    calm = "Hi, no rush at all: the quote stands, and I'll check in once you've had your meeting."
    assert "inappropriate" not in finding_kinds(calm, ctx)


def test_a_decision_due_before_a_date_is_a_deadline_not_a_deferral() -> None:
    ctx = notes_context("Ivo Petrov", ("ivo petrov, van fleet. he'll decide before 20 june, wants options", 3))
    push = "Hi Ivo, could you confirm the vans this week? The price only holds till Friday."
    assert "inappropriate" not in finding_kinds(push, ctx)


def test_a_decision_already_made_is_no_deferral() -> None:
    ctx = notes_context("Ada Kern", ("ada kern, 6 e-bikes. the team decided in march to go electric, wants quotes", 3))
    push = "Hi Ada, could you confirm the e-bikes this week? The price only holds till Friday."
    assert "inappropriate" not in finding_kinds(push, ctx)


@pytest.mark.parametrize(
    "text",
    [
        "Lucia, so sorry. Could you sign the chair order before the weekend so we keep the price?",
        "Lucia, just so you know another clinic has asked about the demo chair, and the deposit secures it.",
        "Lucia, ¿podría firmar el pedido? Otra clínica también lo quiere.",
        "Lucia, only 2 chairs left at this price, so the order should go in soon.",
    ],
)
def test_an_ask_or_scarcity_during_a_hardship_is_a_push_without_urgency_words(text: str) -> None:
    assert "inappropriate" in finding_kinds(text, BEREAVED)


@pytest.mark.parametrize(
    "text",
    [
        "Lucia, so sorry for your loss. There's no need to sign or pay anything now; the quote will keep.",
        "Lucia, thank you for your payment last month; nothing is needed from you now.",
    ],
)
def test_no_ask_during_a_hardship_passes(text: str) -> None:
    assert "inappropriate" not in finding_kinds(text, BEREAVED)


def test_a_leave_begins_on_the_date_the_note_gives() -> None:
    ahead = notes_context("Mia Tan", ("mia tan, 3 laptops for her studio. on parental leave from 30 june", 5))
    push = "Hi Mia, could you confirm the 3 laptops this week so we can ship them?"
    assert not active_hardships(ahead)
    assert "inappropriate" not in finding_kinds(push, ahead)
    begun = notes_context("Joel Ruiz", ("joel ruiz, 2 vans. de baja por paternidad a partir del 5 de junio", 20))
    assert [h.leave for h in active_hardships(begun)] == [True]
    assert "inappropriate" in finding_kinds("Hola Joel, ¿puede firmar el pedido de las furgonetas hoy?", begun)


@pytest.mark.parametrize("ctx", DECIDES_LATER[:2])
def test_a_decision_stated_as_made_before_its_noted_time_is_unsupported(ctx: DraftContext) -> None:
    assert "unsupported_claim" in finding_kinds("Great news that they've approved it, I'll book the install.", ctx)
    pending = "Once they have approved it, I'll book the install."
    assert "unsupported_claim" not in finding_kinds(pending, ctx)


def test_a_later_note_of_the_decision_backs_it() -> None:
    ctx = notes_context(
        "Rui Lopes",
        ("rui lopes, bakery in porto, oven quoted EUR 18,000. owners decide in september", 6),
        ("rui: the owners have approved the oven early!", 1),
    )
    assert "unsupported_claim" not in finding_kinds("Great news that the owners approved the oven, Rui.", ctx)


WINERY = notes_context(
    "Ines Duarte",
    ("ines duarte, winery in douro, the family council votes on the bottling line purchase on 20 july", 10),
    ("ines said yes to the cork samples for the tasting day", 3),
)


@pytest.mark.parametrize(
    "text",
    [
        "Olá Ines, since you've agreed to the cork samples, I'll bring them to the tasting day.",
        "Hi Ines, Tomás has agreed to collect the brochures from our stand on Friday.",
        "Dear Ines, your sommelier has decided on the blue labels, so I'll print those.",
    ],
)
def test_a_decision_about_another_thing_is_no_early_decision(text: str) -> None:
    assert "unsupported_claim" not in finding_kinds(text, WINERY)


def test_an_early_decision_on_the_deferred_topic_warns_not_blocks() -> None:
    from bot.guard.check import check_text

    report = check_text("Hi Ines, lovely news that they have approved it; I will send the invoice.", WINERY)
    early = [f for f in report.findings if f.kind == "unsupported_claim"]
    assert early and all(f.verdict == "warn" for f in early)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Owen, I'm glad to hold the rate for you until you've decided on the fermenters.",
        "Hi Owen, the last date we have for installs in August is the 20th; take your time and order whenever it suits.",
        "Hi Owen, there is only 1 tank left in this batch. Order it in your own time, after the board has met.",
    ],
)
def test_a_scarcity_fact_beside_deference_to_the_clients_timing_is_no_push(text: str) -> None:
    assert "inappropriate" not in finding_kinds(text, DEFERRED)


def test_scarcity_with_no_deference_still_pushes_before_the_deferral() -> None:
    push = "Hi Owen, only 2 slots left in August, so could you confirm the fermenters this week?"
    assert "inappropriate" in finding_kinds(push, DEFERRED)


@pytest.mark.parametrize(
    "text",
    [
        "Lucia, I'm so sorry. Could you tell me if you'd like us to postpone the chair order for a few weeks?",
        "Olá Lucia, sinto muito. Pode me dizer se prefere adiar o pedido das cadeiras?",
        "Lucia, please let me know if we should put the chair order on hold for now.",
    ],
)
def test_a_question_offering_to_pause_during_hardship_is_care(text: str) -> None:
    assert "inappropriate" not in finding_kinds(text, BEREAVED)
