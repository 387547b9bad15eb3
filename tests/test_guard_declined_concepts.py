"""Declined items as concepts, through the real `chet import` + `chet check` path.

The notes and drafts are written for these tests (several trades and languages), not taken from a
benchmark set: a declined thing is matched by its head noun with a modifier beside it, by its inflected
or compound forms, by the members of a category it names, and by contrast and switch structure in five
languages; a later note choosing it again takes the decline back.
"""

from __future__ import annotations

from pathlib import Path

from guard_cli import World

from bot.guard.preferences import noun_phrase, romance

AT = "2026-05-20T10:00:00"
KIND = "contradicts_preference"


def _world(tmp: Path, client: str, *notes: str) -> World:
    tmp.mkdir(parents=True, exist_ok=True)
    return World(tmp, client, [(f"2026-05-{i + 1:02d}T09:00:00", text) for i, text in enumerate(notes)])


def test_a_head_noun_with_a_modifier_of_the_declined_phrase_is_the_declined_thing(tmp_path: Path) -> None:
    w = _world(tmp_path, "Ines Varga", "ines varga, new kitchen. walnut doors. no dark oak flooring, too gloomy")
    assert KIND in w.kinds("Hi Ines, we could lay oak flooring through to the hall. Rob", AT)
    assert w.kinds("Hi Ines, the walnut doors are on order. Rob", AT) == set()


def test_a_head_noun_with_other_modifiers_is_another_thing(tmp_path: Path) -> None:
    w = _world(
        tmp_path,
        "Tom Reyes",
        "tom reyes, bathroom refit. no glossy black tiles. wants matte green tiles, walk-in shower",
    )
    assert w.kinds("Hi Tom, the matte green tiles arrive on Monday. Rob", AT) == set()
    assert w.kinds("Hi Tom, your tiles arrive on Monday. Rob", AT) == set()  # the notes name chosen tiles too


def test_inflected_and_compound_forms_of_a_declined_word(tmp_path: Path) -> None:
    w = _world(tmp_path, "Gwen Hale", "gwen hale, curtains for 4 bedrooms. hates frills, likes linen")
    assert KIND in w.kinds("Hi Gwen, a frilled linen pelmet would finish the bay window. Rob", AT)
    assert w.kinds("Hi Gwen, plain linen curtains for all four bedrooms, no frills. Rob", AT) == set()


def test_a_member_of_a_declined_category(tmp_path: Path) -> None:
    w = _world(tmp_path, "Samir Haddad", "samir haddad, staff party for 60 at the depot. halal only, no pork")
    assert KIND in w.kinds("Hi Samir, the grill menu could open with chorizo skewers. Rob", AT)
    assert w.kinds("Hi Samir, the grill menu opens with chicken skewers and halloumi. Rob", AT) == set()


def test_a_contrast_marks_the_other_side_declined_in_five_languages(tmp_path: Path) -> None:
    cases = [
        ("Lucia Ortega", "lucia ortega, armarios a medida. prefiere roble en vez de pino", "Hola Lucía, ¿te mando muestras de pino?", "Hola Lucía, el roble llega el lunes."),
        ("Joao Costa", "joão costa, cozinha nova. bancada em quartzo em vez de granito", "Olá João, temos granito em promoção esta semana.", "Olá João, o quartzo chega na segunda."),
        ("Claire Dubois", "claire dubois, salon. du parquet au lieu de la moquette", "Bonjour Claire, la moquette beige serait parfaite pour le salon.", "Bonjour Claire, le parquet arrive lundi."),
        ("Jonas Weber", "jonas weber, büro. parkett statt laminat", "Hallo Jonas, das Laminat in Eiche ist wieder da.", "Hallo Jonas, das Parkett kommt am Montag."),
        ("Mia Ford", "mia ford, worktops. went with quartz over granite in the end", "Hi Mia, the granite offcut would make a nice board.", "Hi Mia, the quartz worktops are cut."),
    ]  # fmt: skip
    for i, (client, note, offer, truthful) in enumerate(cases):
        w = _world(tmp_path / str(i), client, note)
        assert KIND in w.kinds(offer, AT), offer
        assert KIND not in w.kinds(truthful, AT), truthful


def test_a_later_choice_takes_the_contrast_back(tmp_path: Path) -> None:
    w = _world(
        tmp_path,
        "Rosa Marin",
        "rosa marín, mesas para la terraza. quiere madera en vez de metal",
        "rosa cambió de opinión: al final metal en vez de madera, aguanta mejor la lluvia",
    )
    assert w.kinds("Hola Rosa, las mesas de metal llegan el jueves.", AT) == set()
    assert KIND in w.kinds("Hola Rosa, ¿prefieres las mesas de madera de teca?", AT)


def test_a_declined_thing_the_draft_leaves_out_passes(tmp_path: Path) -> None:
    w = _world(tmp_path, "Lucia Ortega", "lucia ortega, armarios a medida. prefiere roble en vez de pino")
    assert w.kinds("Hola Lucía, todo en roble, sin pino, como pediste.", AT) == set()


def test_the_noun_phrase_after_a_marker_skips_articles_and_stops_at_a_conjunction() -> None:
    assert noun_phrase("no le gustan los camiones rojos y prefiere azul", len("no le gustan")) == "camiones rojos"
    assert noun_phrase("au lieu de la moquette, merci", len("au lieu de")) == "moquette"
    assert romance("prefiere color gris perla en vez de menta")
    assert not romance("wants matte green tiles instead of gloss")


def test_a_declined_phrase_the_draft_leaves_out_is_not_read_again_by_its_head(tmp_path: Path) -> None:
    w = _world(tmp_path, "Dev Patel", "dev patel, 3 vans. turned down the roadside recovery add-on twice")
    assert w.kinds("Hi Dev, as you asked, neither van quote has the roadside recovery add-on. Rob", AT) == set()
