"""The figure reader (`bot.guard.figures`) and the current-value model (`bot.guard.current`).

Every scenario is invented for these tests (trades, names and figures are not from a benchmark set).
"""

from __future__ import annotations

import pytest
from guard_scenarios import notes_context

from bot.guard import check_text
from bot.guard.current import derived
from bot.guard.figures import read


def _wrong(text: str, *notes: tuple[str, float], name: str = "Ines Varga") -> list[tuple[str, str]]:
    """(span, verdict) of the wrong_fact findings on `text` for a client with these notes."""
    report = check_text(text, notes_context(name, *notes))
    return [(f.span, f.verdict) for f in report.findings if f.kind == "wrong_fact"]


# --- the figure reader ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit"),
    [
        ("escalator speed 0.65 m/s", 0.65, "measure", "m/s"),  # a speed, not 0.65 million
        ("the pump runs at 2.2 km/h", 2.2, "measure", "km/h"),
        ("valor total: BRL 3,2 milhões", 3_200_000, "money", "brl"),  # decimal comma before a scale word
        ("Gesamtpreis 1,8 Mio. Euro", 1_800_000, "money", "eur"),
        ("la reforma cuesta 18 millones", 18_000_000, "money", ""),
        ("flat in pune for 85 lakh", 8_500_000, "money", ""),
        ("plot priced at 1.2 crore", 12_000_000, "money", ""),
        ("deposit 4,150 received", 4150, "money", ""),  # notes leave the currency out
        ("ordered nineteen hundred euros of tiles", 1900, "money", "eur"),
        ("tenemos doce mesas", 12, "count", ""),
        ("wir brauchen sieben Regale", 7, "count", ""),
        ("会議室用の椅子30脚と机12台", 12, "count", ""),
    ],
)
def test_figures_are_read_with_scale_unit_and_words(text: str, value: float, kind: str, unit: str) -> None:
    found = [f for f in read(text) if f.quantity and abs(f.value - value) < 0.01]
    assert found and found[0].kind == kind and found[0].unit == unit


@pytest.mark.parametrize(
    ("text", "value", "flag"),
    [
        ("week 3 of the pilot went well", 3, "designation"),
        ("the yacht is a Sunreef 60 with twin engines", 60, "designation"),
        ("delivery to bay 14 at the depot", 14, "designation"),
        ("her 3rd order this year", 3, "ordinal"),
        ("entrega na sala 5 do prédio", 5, "designation"),
    ],
)
def test_labels_and_ordinals_are_not_quantities(text: str, value: float, flag: str) -> None:
    found = [f for f in read(text) if f.value == value]
    assert found and found[0].flag == flag and not found[0].quantity


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("carpet: 12 sq m more for the landing", 1),
        ("roof extra +EUR 4,300 for the scaffolding", 1),
        ("add another 6 stools to the order", 1),
        ("he wants 2 fewer benches", -1),
        ("mais 3 cadeiras para a varanda", 1),
    ],
)
def test_increments_are_marked(text: str, sign: int) -> None:
    assert any(f.sign == sign for f in read(text))


def test_dates_in_other_languages_are_not_figures() -> None:
    assert not [f for f in read("montaje los días 9 y 10 de marzo, entrega 3 dez, Termin am 15. Februar")]


# --- derivation -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "operands", "percents"),
    [
        (5_400, [1_800, 3], []),  # a product
        (1_275, [1_500], [15]),  # 15% off
        (69_000, [2, 31_000, 3_500], []),  # two steps: 2 x (31,000 + 3,500)
        (212.5, [850, 4], []),  # a quotient
    ],
)
def test_worked_out_figures_are_derived(value: float, operands: list[float], percents: list[float]) -> None:
    assert derived(value, operands, percents)


def test_zero_is_never_derived() -> None:
    assert not derived(0.0, [40, 40], [])


# --- current values through the guard ------------------------------------------------------------------

TILES = (
    ("ines varga, bathroom refit in graz. wants 42 sq m of porcelain tiles, anthracite", 30),
    ("ines: add 6 sq m more for the hallway", 20),
)


def test_an_increment_composes_into_the_current_value() -> None:
    assert not _wrong("Hi Ines, the order is 48 sq m of anthracite porcelain.", *TILES)
    assert _wrong("Hi Ines, the order is 42 sq m of anthracite porcelain.", *TILES)


BOATS = (
    ("tomas berg, sailing school in split. wants 5 dinghies for the junior course", 40),
    ("tomas: 7 dinghies now, more kids signed up", 10),
)


def test_a_later_value_supersedes_without_a_cue_word_and_a_truthful_draft_passes() -> None:
    assert _wrong("Hi Tomas, the quote covers 5 dinghies with sails.", *BOATS, name="Tomas Berg")
    assert not _wrong("Hi Tomas, the quote covers 7 dinghies with sails.", *BOATS, name="Tomas Berg")


def test_a_superseded_value_in_another_language_warns_by_value_alone() -> None:
    found = _wrong("Hola Tomas, la oferta incluye 5 botes para el curso.", *BOATS, name="Tomas Berg")
    assert found and all(v == "warn" for _, v in found)


AGREED = (
    ("lena ott, bakery chain. asks for 90-day payment terms on the ovens, EUR 48k", 25),
    ("lena: our finance director ok'd EUR 45k, terms stay", 5),
)


def test_an_agreed_value_supersedes_the_asked_one() -> None:
    assert _wrong("Hi Lena, as agreed the ovens come to EUR 48k.", *AGREED, name="Lena Ott")
    assert not _wrong("Hi Lena, as agreed the ovens come to EUR 45k.", *AGREED, name="Lena Ott")


PRINT = (
    ("oscar dahl, print shop in malmo. 3 presses, quote SEK 84,000 per press", 20),
    ("oscar: deal, 8% discount on the lot", 5),
)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Oscar, three presses at SEK 84,000 each make SEK 252,000 before the discount.",  # a product
        "Hi Oscar, with the 8% discount each press is SEK 77,280.",  # percent off
        "Hi Oscar, the three presses come to SEK 231,840 after your 8% discount.",  # two steps
    ],
)
def test_figures_worked_out_from_current_values_pass(text: str) -> None:
    assert not _wrong(text, *PRINT, name="Oscar Dahl")


def test_a_slipped_sum_is_a_wrong_fact_even_when_a_sum_would_reach_it() -> None:
    assert _wrong("Hi Oscar, each press is SEK 48,000 before the discount.", *PRINT, name="Oscar Dahl")


def test_a_speed_is_not_compared_with_a_price() -> None:
    notes = (("yusuf demir, hotel lifts in izmir. 2 lifts at 1.6 m/s, quote TRY 2.4m for both", 10),)
    text = "Hi Yusuf, both lifts run at 1.6 m/s and the quote stands at TRY 2.4m."
    assert not _wrong(text, *notes, name="Yusuf Demir")


def test_a_label_is_compared_with_the_label_the_notes_give() -> None:
    notes = (("maren holt, clinic fit-out. install in room 12 on the 2nd floor", 10),)
    assert _wrong("Hi Maren, we install in room 21 as planned.", *notes, name="Maren Holt")
    assert not _wrong("Hi Maren, we install in room 12 as planned.", *notes, name="Maren Holt")


def test_a_rate_is_another_slot_than_a_total() -> None:
    notes = (("pia lund, 4 gyms. 12 bikes per gym, 48 bikes in all, spin studio refit", 10),)
    text = "Hi Pia, that is 12 bikes in each gym, 48 in total."
    assert not _wrong(text, *notes, name="Pia Lund")
