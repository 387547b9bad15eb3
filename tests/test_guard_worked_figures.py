"""Figures a draft works out truthfully pass; the wrong ones still fail (issue 14, set 9 causes W1-W5, W7).

Every scenario is invented for these tests (trades, names, languages and figures are not from a benchmark set):
a figure per another period (x12, x52, x4), a total over the counts one note lists, the client's things plus
the one being sold, a demo or loan count beside the order, "N more X" adding to X only, and month, weekday and
period words of any language never read as names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World
from guard_scenarios import notes_context

from bot.guard import check_text
from bot.guard.figures import read


def _verdict(text: str, *notes: tuple[str, float], name: str = "Ines Varga") -> tuple[str, set[str]]:
    """(verdict, finding kinds) of `text` for a client with these notes (each: text, days ago)."""
    report = check_text(text, notes_context(name, *notes))
    return report.verdict, {f.kind for f in report.findings}


# --- W1: a figure per another period is worked out, not a typing slip -------------------------------------


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("Landscaping for the office park: lawn care €240 per month", "The lawn care plan is €2,880 a year."),
        ("CRM for 22 seats, list price $95 per seat per month", "At $95 a month for 22 seats, that's $25,080 a year."),
        ("Wartung Heizung: 2.900 € pro Monat für alle drei Gebäude", "Das sind 34.800 € im Jahr für alle Gebäude."),
        ("Security patrol quote: £1,500 per quarter", "The patrol comes to £6,000 a year."),
        ("Window cleaning R$ 650 por semana", "O contrato fica em R$ 33.800 por ano."),
    ],
)
def test_a_figure_per_another_period_is_worked_out(note: str, draft: str) -> None:
    verdict, kinds = _verdict(f"Hi Ines, {draft}", (note, 20))
    assert "wrong_fact" not in kinds, verdict


@pytest.mark.parametrize(
    "draft",
    [
        "The lawn care plan is €2,880 a month.",  # the yearly figure given as the monthly one
        "The lawn care plan comes to €2,980 a year.",  # no period of 240 gives this
    ],
)
def test_a_figure_no_period_works_out_is_still_wrong(draft: str) -> None:
    verdict, kinds = _verdict(f"Hi Ines, {draft}", ("Lawn care €240 per month", 20))
    assert "wrong_fact" in kinds and verdict == "block"


# --- W2/W3: totals over a note's list, or with the item being sold ------------------------------------------


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("Ski rental fleet: 140 all-mountain, 35 freeride", "We can tune all 175 pairs before the season."),
        ("Music school: 10 cellos plus 4 in half size", "The 14 cellos get new strings on Monday."),
        ("Hotel wants 40 double rooms plus 12 suites refurbished", "In total that is 52 rooms to refurbish."),
        ("Owns 3 excavators already, looking at one more", "With this one you will have 4 excavators on site."),
        ("Tiene 5 furgonetas de reparto", "Con esta tendrá 6 furgonetas en total."),
    ],
)
def test_a_total_of_listed_counts_passes(note: str, draft: str) -> None:
    verdict, kinds = _verdict(f"Hi Ines, {draft}", (note, 20))
    assert "wrong_fact" not in kinds, verdict


def test_a_sum_of_other_things_is_no_count_of_one_of_them() -> None:
    _, kinds = _verdict("Hi Ines, the 16 chairs ship Monday.", ("Café fit-out: 12 chairs and 4 tables", 9))
    assert "wrong_fact" in kinds


# --- W4/W5: a demo or loan count, and "N more X" ------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "aside", "draft"),
    [
        (
            "Commande: 25 vélos cargo",
            "2 vélos cargo en essai maintenant",
            "Bonjour Ines, les 25 vélos cargo sont confirmés.",
        ),
        (
            "Order: 18 forklifts",
            "update: 2 forklifts now on loan for a week",
            "Hi Ines, the 18 forklifts are confirmed.",
        ),
        (
            "Pedido: 36 sillas de terraza",
            "ahora 3 sillas de muestra en el local",
            "Hola Ines, las 36 sillas salen el lunes.",
        ),
    ],
)
def test_a_demo_or_loan_count_is_not_the_order(order: str, aside: str, draft: str) -> None:
    verdict, kinds = _verdict(draft, (order, 20), (aside, 5))
    assert "wrong_fact" not in kinds, verdict


def test_a_changed_order_count_still_blocks_beside_the_demo_rule() -> None:
    verdict, kinds = _verdict(
        "Hi Ines, the 30 office chairs are booked.",
        ("Order: 30 office chairs", 20),
        ("Order change: 28 office chairs now", 5),
    )
    assert "wrong_fact" in kinds and verdict == "block"


def test_n_more_of_one_thing_adds_to_that_thing_only() -> None:
    notes = (("Gym fit-out: 6 treadmills and 4 bikes", 20), ("No bikes in the end, she wants 2 more rowers instead", 5))
    assert "wrong_fact" not in _verdict("Hi Ines, the 6 treadmills ship on Monday.", *notes)[1]
    stools = (("Kitchen fit-out: 10 stools and 4 tables", 20), ("She wants 3 more stools", 5))
    assert "wrong_fact" in _verdict("Hi Ines, the 10 stools ship on Monday.", *stools)[1]


# --- W7: month, weekday and period words are never names ---------------------------------------------------


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("Lieferung der Küche am 3 mär, Tochter Lena hilft", "Hallo Carmen, die Küche kommt am Montag, Lena hilft."),
        (
            "Livraison des fenêtres le 4 fév, sa fille Chloé sera là",
            "Bonjour Carmen, les fenêtres arrivent le 4 Février, Chloé sera là Mardi.",
        ),
        ("Wartung Heizung: 2.900 € pro Monat", "Hallo Carmen, das sind 34.800 € im Jahr."),
    ],
)
def test_time_words_of_any_language_are_no_entities(note: str, draft: str) -> None:
    verdict, kinds = _verdict(draft, (note, 20), name="Carmen Ruiz")
    assert "wrong_fact" not in kinds, verdict


def test_period_arithmetic_passes_through_chet_check(tmp_path: Path) -> None:
    world = World(tmp_path, "Hugo Brandt", [("2026-10-01T10:00:00", "Hugo Brandt: coffee machine rental €180 a month")])
    assert (
        world.kinds("Hi Hugo, the rental costs you €2,160 a year, so buying pays back fast.", "2026-11-02T10:00:00")
        == set()
    )
    assert "wrong_fact" in world.kinds("Hi Hugo, the rental costs you €2,360 a year.", "2026-11-02T10:00:00")


# --- W6: a detail belongs to a person through a link, not by sitting beside their name ----------------------


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            "Kitchen fitting on the 3rd, her son Rui will be home to meet the fitters",
            "Hi Ana, the fitters are booked for the 3rd and you'll be home to meet them.",
        ),
        (
            "Entrega dia 3, o filho Rui vai estar em casa para receber o instalador",
            "Olá Ana, o instalador chega dia 3 e o Rui recebe-o em casa.",
        ),
    ],
)
def test_a_word_beside_a_relative_is_not_theirs(note: str, draft: str) -> None:
    verdict, kinds = _verdict(draft, (note, 5), name="Ana Lopes")
    assert "wrong_fact" not in kinds, verdict


def test_a_linked_detail_given_to_another_person_still_blocks() -> None:
    verdict, kinds = _verdict(
        "Hi Ana, hope Kemi's nut allergy is under control.",
        ("son Tobi has a nut allergy, daughter Kemi plays violin", 5),
        name="Ana Lopes",
    )
    assert "wrong_fact" in kinds and verdict == "block"


# --- U1: the difference of a recorded change is a figure the notes give -------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "draft"),
    [
        (
            "School canteen: 420 meals a day",
            "canteen now 460 meals a day after the new wing",
            "With the new wing you added 40 meals a day.",
        ),
        (
            "farm: 1,800 acres of wheat",
            "farm now 2,400 acres after buying the neighbour's land",
            "Congratulations on the extra 600 acres.",
        ),
    ],
)
def test_the_difference_of_a_change_is_supported(old: str, new: str, draft: str) -> None:
    assert _verdict(f"Hi Ines, {draft}", (old, 30), (new, 5)) == ("pass", set())


def test_a_difference_no_change_gives_still_warns() -> None:
    _, kinds = _verdict(
        "Hi Ines, congratulations on the extra 700 acres.", ("farm: 1,800 acres", 30), ("farm now 2,400 acres", 5)
    )
    assert "unsupported_claim" in kinds


# --- U2: a talk at their place is a visit; a thanks that names nothing is a courtesy ------------------------


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            "wants 8 cargo bikes. talked at their depot on the wharf",
            "Daan, good to catch up again after the visit to your depot on the wharf.",
        ),
        ("12 hornos. hablamos en su taller de Valencia", "Hola Daan, fue un placer visitar su taller en Valencia."),
        (
            "install booked 14 dec, he will let the crew in",
            "Hi Daan, the crew is booked for 14 December. Thanks for sorting that.",
        ),
    ],
)
def test_a_visit_and_a_courtesy_pass(note: str, draft: str) -> None:
    verdict, kinds = _verdict(draft, (note, 40), name="Daan Visser")
    assert "unsupported_claim" not in kinds, verdict


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("wants 8 cargo bikes. spoke on the phone", "Daan, great to meet you at your depot last month."),
        ("install booked 14 dec", "Hi Daan, thanks for the referral to your neighbour Tom."),
    ],
)
def test_an_invented_visit_or_thanks_still_flags(note: str, draft: str) -> None:
    assert "unsupported_claim" in _verdict(draft, (note, 40), name="Daan Visser")[1]


# --- W9: a term in another spelling of its period is the same term ------------------------------------------


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            "Clinic wants the ultrasound with service included, 3 yr",
            "Hi Ines, your 3-year service package covers parts and labour.",
        ),
        (
            "Café wants the espresso machine with a descaling service, 2 yrs",
            "Hi Ines, your 2-year service plan starts in March.",
        ),
        ("Fleet lease for the vans, 24 months", "Hi Ines, your 24-month lease package is ready to sign."),
    ],
)
def test_a_term_spelled_another_way_is_recorded(note: str, draft: str) -> None:
    assert "wrong_fact" not in _verdict(draft, (note, 20))[1]


@pytest.mark.parametrize(
    "draft",
    ["Hi Ines, your 5-year service package covers parts.", "Hi Ines, your 3-month service package covers parts."],
)
def test_another_term_is_still_unrecorded(draft: str) -> None:
    assert "wrong_fact" in _verdict(draft, ("Wants the laser cutter with service, 3 yr", 20))[1]


# --- rounding, a share of a stated product, a number hyphened to a noun ------------------------------------


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            "Gym: 9 studios, cleaning budget $1,000/month",
            "With 9 studios on $1,000 a month that's about $111 a studio.",
        ),
        ("Vineyard tour: 23 guests, €1,400 for the group", "For 23 guests at €1,400 it is around €61 each."),
    ],
)
def test_a_rounded_share_is_worked_out(note: str, draft: str) -> None:
    assert "wrong_fact" not in _verdict(f"Hi Ines, {draft}", (note, 20))[1]


def test_rounding_does_not_reach_a_far_figure() -> None:
    note = ("Hotel bar: 14 tables, flowers budget £380/wk", 20)
    assert "wrong_fact" not in _verdict("Hi Ines, 14 tables on £380 a week is roughly £27 a table.", note)[1]
    assert "wrong_fact" in _verdict("Hi Ines, 14 tables on £380 a week is roughly £29 a table.", note)[1]


def test_a_percentage_of_a_stated_product_is_worked_out() -> None:
    notes = (("Conference dinner for 48 people at $80 per head", 20), ("deposit 25% due on signing", 5))
    assert (
        "wrong_fact" not in _verdict("Hi Ines, the 25% deposit for 48 guests at $80 per head comes to $960.", *notes)[1]
    )
    assert "wrong_fact" in _verdict("Hi Ines, the 25% deposit for 48 guests at $80 per head comes to $690.", *notes)[1]


def test_a_number_hyphened_to_a_noun_is_a_label() -> None:
    notes = (("wants a 19-seat coach and a smaller 9-seater", 20), ("quote EUR 41,000 for the 9-seater", 5))
    assert "wrong_fact" not in _verdict("Hi Ines, the 9-seater at EUR 41,000 is ready to view.", *notes)[1]
    assert (
        "wrong_fact"
        in _verdict("Hi Ines, the 3-bedroom by the park is free.", ("wants a 2-bedroom by the park", 20))[1]
    )


# --- a thanks that is a courtesy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft",
    [
        "Hi Ines, many thanks for your patience. The boiler parts arrive on Friday.",
        "Hi Ines, thank you for picking us for the refit. The tiles arrive on Friday.",
        "Hi Ines, thanks so much for your custom this year. The tiles arrive on Friday.",
    ],
)
def test_a_courtesy_thanks_passes(draft: str) -> None:
    assert "unsupported_claim" not in _verdict(draft, ("bathroom refit signed, tiles due friday", 20))[1]


def test_a_thanks_for_an_event_still_needs_a_note() -> None:
    assert (
        "unsupported_claim" in _verdict("Hi Ines, thanks for the tour of your yard last week.", ("refit signed", 20))[1]
    )


# --- a scale before a rate's slash; a plan word joined by a hyphen ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("quoted ZAR 1.8m/yr for the fleet cover", 1_800_000),
        ("retainer €4k/month from January", 4000),
        ("will pay up to 7.2 lakh/tonne for the saffron", 720_000),
        ("belt speed 1.2 m/s", 1.2),
    ],
)
def test_a_scale_before_a_rate_slash_is_read(text: str, value: float) -> None:
    assert any(abs(f.value - value) < 0.01 for f in read(text))


def test_a_yearly_sum_with_a_slash_in_the_notes_backs_the_draft() -> None:
    note = ("sent quote: ZAR 1.8m/yr for 60 drivers, excess 5k", 10)
    assert "wrong_fact" not in _verdict("Hi Ines, our quote of ZAR 1.8m per year for 60 drivers stands.", note)[1]


def test_a_hyphened_plan_word_matches_the_notes_spaced() -> None:
    note = ("wants the half day package for the team offsite", 10)
    assert "wrong_fact" not in _verdict("Hi Ines, your half-day package is booked for the 3rd.", note)[1]
    assert "wrong_fact" in _verdict("Hi Ines, your two-day package is booked for the 3rd.", note)[1]


def test_a_decimal_comma_before_a_scale_in_a_recorded_budget() -> None:
    note = ("viewing done, budget up to 3,8m if the flat has a lift", 10)
    assert (
        "wrong_fact" not in _verdict("Hi Ines, the flat is within your budget of up to 3.8m and has a lift.", note)[1]
    )
    assert "wrong_fact" in _verdict("Hi Ines, the flat is within your budget of up to 4.8m and has a lift.", note)[1]


# --- CHECKMISS: a value a certain change replaced, stated as current ----------------------------------------


@pytest.mark.parametrize(
    ("first", "change", "draft"),
    [
        (
            "Solar install for the dairy, quoted R 142 000",
            "too high for them, settled on R 131 500",
            "Hi Ines, confirming the install at R142,000.",
        ),
        (
            "Cocina completa, presupuesto 18 400 €",
            "le pareció caro, cerramos en 16 900 €",
            "Hola Ines, confirmo la cocina por 18 400 €.",
        ),
        (
            "wants 40 cases of the riesling and 12 of the pinot",
            "ines again: 48 of the riesling not 40, pinot stays 12",
            "Hi Ines, confirming 40 cases of the riesling and 12 of the pinot.",
        ),
        (
            "needs 300 m of copper pipe for the site",
            "make it 360 m",
            "Hi Ines, confirming 300 m of copper pipe for the site.",
        ),
    ],
)
def test_a_value_a_certain_change_replaced_blocks(first: str, change: str, draft: str) -> None:
    report = check_text(draft, notes_context("Ines Varga", (first, 10), (change, 5)))
    assert [f.verdict for f in report.findings if f.kind == "wrong_fact"] == ["block"]


def test_the_agreed_value_passes_and_a_stated_change_passes() -> None:
    notes = (("Solar install, quoted R 142 000", 10), ("too high for them, settled on R 131 500", 5))
    assert _verdict("Hi Ines, confirming the install at R131,500.", *notes) == ("pass", set())
    assert "wrong_fact" not in _verdict("Hi Ines, down from R142,000, the install is now R131,500.", *notes)[1]


# --- review: a subset of a list, a period the wrong way, one more without a total word -------------------


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("Bistro fit-out: wants 12 chairs, 4 tables and 6 stools", "confirming the 16 stools for Friday."),
        ("Clinic order: 8 beds, 5 monitors and 3 trolleys", "the 13 trolleys are packed."),
        ("Pedido: 20 mesas, 6 bancos y 9 sombrillas", "las 26 sombrillas salen el lunes."),
        ("Office move: 14 desks, 9 cabinets and 5 printers", "the 23 printers are wrapped."),
        ("Umbau: 11 Regale, 6 Theken und 4 Kühlschränke", "die 17 Kühlschränke kommen am Montag."),
    ],
)
def test_a_subset_of_a_listed_total_is_no_count(note: str, draft: str) -> None:
    _, kinds = _verdict(f"Hi Ines, {draft}", (note, 9))
    assert "wrong_fact" in kinds


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("Lawn care €240 a month", "The lawn care plan is €20 a month."),
        ("Cloud backup: $1,200 per year", "Backup stays at $100 per year."),
        ("Reinigung 2.600 € pro Jahr", "Die Reinigung kostet 50 € pro Jahr."),
    ],
)
def test_a_figure_is_never_converted_into_its_own_period(note: str, draft: str) -> None:
    verdict, kinds = _verdict(f"Hi Ines, {draft}", (note, 20))
    assert "wrong_fact" in kinds, verdict


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("Owns 3 excavators", "Hi Ines, you will have 4 excavators on site."),
        ("Runs 5 food trucks", "Hi Ines, the 6 food trucks get new wraps."),
        ("Tiene 7 barcos de pesca", "Hola Ines, los 8 barcos de pesca pasan la revisión."),
    ],
)
def test_one_more_than_the_clients_count_blocks_without_a_total_word(note: str, draft: str) -> None:
    report = check_text(draft, notes_context("Ines Varga", (note, 9)))
    assert [f.verdict for f in report.findings if f.kind == "wrong_fact"] == ["block"]


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            "Bestellung: 12 Regale für das Lager",
            "Hallo Ines, das Lager ist abgeschlossen, die 14 Regale kommen Montag.",
        ),
        ("Order: 40 lockers for the gym", "Hi Ines, the gym is chiuso (closed) so the 46 lockers go in Monday."),
        ("Auftrag: 30 Stühle für den Saal", "Hallo Ines, der Umbau ist abgeschlossen und 36 Stühle stehen bereit."),
    ],
)
def test_shut_or_finished_is_no_deal_closed_at_a_figure(note: str, draft: str) -> None:
    verdict, kinds = _verdict(draft, (note, 9))
    assert "wrong_fact" in kinds, verdict


@pytest.mark.parametrize(
    "draft",
    [
        "Hi Ines, thanks for setting up the tasting last Friday.",
        "Hi Ines, thanks for coming out.",
        "Hi Ines, thanks for showing up.",
    ],
)
def test_a_thanks_for_an_act_with_a_particle_still_needs_a_note(draft: str) -> None:
    _, kinds = _verdict(draft, ("Wants 20 cases of the red for the bistro", 9))
    assert "unsupported_claim" in kinds


@pytest.mark.parametrize("draft", ["Hi Ines, thanks for setting it up.", "Hi Ines, thanks for sorting that out."])
def test_a_particle_after_a_pronoun_is_a_courtesy(draft: str) -> None:
    _, kinds = _verdict(draft, ("Wants 20 cases of the red for the bistro", 9))
    assert "unsupported_claim" not in kinds
