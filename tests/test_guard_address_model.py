"""The address model is learnt from the notes: their honorifics and nicknames, name order, names outside greetings."""

from __future__ import annotations

import dataclasses

import pytest

from bot.guard.names import address_model, relatives
from bot.usecases.draft_context import DraftContext
from tests.guard_scenarios import finding_kinds, notes_context

THAI = notes_context("Nattapong Srisuk", ("khun nattapong srisuk runs a day spa in phuket, wants 40 massage beds", 9))
PINOY = notes_context("Rosario Dizon", ("ma'am rosario dizon, 3 bakeries in cebu, deck oven quote PHP 480,000", 9))
NICK = notes_context(
    "Katherine Moss",
    ("kat moss runs a climbing gym in leeds, wants 12 new crash mats", 12),
    ("her husband dan moss does the accounts, invoices to him", 5),
)
VIET = notes_context("Le Thi Hoa", ("co hoa (le thi hoa) owns a cafe in da nang, wants a 2-group espresso machine", 7))
SING = notes_context("Goh Mei Ling", ("goh mei ling, buyer for a dental group in singapore, 6 chairs", 7))
HARRIET = notes_context("Harriet Lowe", ("harriet lowe, vet practice in york, needs an x-ray table", 7))
JAPAN = notes_context("Sato Yuki", ("佐藤様 (yuki sato) prefers LINE, ryokan in hakone, 20 futons", 7))
ROOFER = dataclasses.replace(
    notes_context("Jürgen Vogel", ("jürgen vogel, dachdecker in kassel, wants a new scaffold set", 7)),
)
ROOFER = dataclasses.replace(ROOFER, client=dataclasses.replace(ROOFER.client, company="Vogel Dachbau"))


@pytest.mark.parametrize(
    ("ctx", "text"),
    [
        (THAI, "Hello Khun Nattapong, the 40 massage beds ship on Monday."),
        (PINOY, "Good morning Ma'am Rosario, the deck oven quote is PHP 480,000."),
        (NICK, "Hi Kat, the 12 crash mats are ready for the gym."),
        (VIET, "Hi Co Hoa, the 2-group espresso machine arrives next week."),
        (VIET, "Hi Hoa, the espresso machine arrives next week."),
        (SING, "Hi Mei Ling, the 6 chairs are confirmed."),
        (HARRIET, "Call plan: ring Mrs Lowe on Tuesday about the x-ray table."),
        (JAPAN, "佐藤様、20枚の布団の件でご連絡いたします。"),
    ],
)
def test_the_notes_own_forms_of_address_pass(ctx: DraftContext, text: str) -> None:
    assert "name_misuse" not in finding_kinds(text, ctx)


@pytest.mark.parametrize(
    ("ctx", "text"),
    [
        (NICK, "Hi Dan, the 12 crash mats are ready for the gym."),
        (SING, "Hi Goh, the 6 chairs are confirmed."),
        (VIET, "Hi Le, the 2-group espresso machine arrives next week."),
        (HARRIET, "Call plan: ring Mrs Henrietta Lowe on Tuesday about the x-ray table."),
        (JAPAN, "田中様、20枚の布団の件でご連絡いたします。"),
        (ROOFER, "Hallo Jürgen Dachbau, das Gerüst ist bestellt."),
        (THAI, "Hello Khun Nattawut, the 40 massage beds ship on Monday."),
    ],
)
def test_a_wrong_name_is_caught_in_or_out_of_the_greeting(ctx: DraftContext, text: str) -> None:
    assert "name_misuse" in finding_kinds(text, ctx)


def test_the_model_is_positional_a_relative_is_no_nickname() -> None:
    model = address_model(NICK)
    assert "kat" in model.given and "dan" not in model.given
    assert address_model(SING).family_first and "goh" in address_model(SING).family


def test_relatives_are_read_after_family_words_in_several_languages() -> None:
    notes = [
        ("a", "2 kids (owen 9, lily 6), wife megan"),
        ("b", "su hija valentina se casa en marzo"),
        ("c", "sa fille léa entre au lycée"),
        ("d", "seine tochter mia spielt tennis"),
    ]
    assert {"owen", "lily", "megan", "valentina", "lea", "mia"} <= set(relatives(notes))


FAMILY = notes_context(
    "Kyle Brennan",
    ("kyle brennan, scottsdale. pool build. wife megan, 2 kids (owen 9, lily 6)", 20),
)
CAFE = notes_context(
    "Andrés Galindo",
    ("andres galindo, finca in huila. su hija valentina se casa el 19 de diciembre", 12),
)
BAKER = notes_context("Claire Dubois", ("claire dubois, boulangerie à lyon. sa fille léa a eu son bac", 12))


@pytest.mark.parametrize(
    ("ctx", "text"),
    [
        (FAMILY, "Hi Kyle, the shallow ledge will be perfect for Owen and Lucy this summer."),
        (FAMILY, "Hi Kyle, Meghan mentioned the spa, I've added it to the drawing."),
        (CAFE, "Hola Andrés, ¡muchas felicidades por la boda de Valeria!"),
        (BAKER, "Bonjour Claire, félicitations à Léna pour son bac !"),
    ],
)
def test_a_relatives_wrong_name_is_caught_without_a_family_word(ctx: DraftContext, text: str) -> None:
    assert "wrong_fact" in finding_kinds(text, ctx)


@pytest.mark.parametrize(
    ("ctx", "text"),
    [
        (FAMILY, "Hi Kyle, the shallow ledge will be perfect for Owen and Lily this summer."),
        (
            FAMILY,
            "Hi Kyle, Megan mentioned the spa; the heater is on the drawing and Scottsdale permits take 4 weeks.",
        ),
        (CAFE, "Hola Andrés, ¡muchas felicidades por la boda de Valentina! Saludos desde Bogotá."),
        (BAKER, "Bonjour Claire, félicitations à Léa pour son bac ! Le four Bongard arrive lundi."),
    ],
)
def test_the_relatives_own_names_and_other_capitalised_words_pass(ctx: DraftContext, text: str) -> None:
    assert "wrong_fact" not in finding_kinds(text, ctx)


RYOKAN = notes_context("Suzuki Haruto", ("suzuki-san runs a ryokan in kyoto, 30 tatami mats quoted", 9))
GULF = notes_context("Layla Al Hashimi", ("layla al hashimi, facilities head at a hotel in doha, 40 minibars", 9))


@pytest.mark.parametrize(
    ("ctx", "text"),
    [
        (RYOKAN, "Dear Suzuki-san, the 30 tatami mats are ready to ship."),
        (GULF, "Dear Ms Al Hashimi, the 40 minibars arrive on Sunday."),
        (GULF, "Call plan: ring Ms Layla Al Hashimi about the minibars."),
    ],
)
def test_a_family_name_with_its_honorific_or_particle_passes(ctx: DraftContext, text: str) -> None:
    assert "name_misuse" not in finding_kinds(text, ctx)
