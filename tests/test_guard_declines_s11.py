"""A decline keeps its modifier, comes only from a refusal of a thing, and a declined item talked about is no offer."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"


def _world(tmp_path: Path, client: str, first: str, decline: str) -> World:
    return World(tmp_path, client, [("2026-03-01T10:00:00", first), ("2026-03-02T10:00:00", decline)])


@pytest.mark.parametrize(
    ("first", "decline", "other", "same"),
    [
        (
            "lena vogt buys frames for 3 optician stores",
            "no metal frames, her customers want acetate",
            "Hi Lena, the new acetate frames are in; happy to bring samples.",
            "Hi Lena, our titanium metal frames just arrived.",
        ),
        (
            "lena vogt, t-shirt brand, wants 2000 blanks",
            "no conventional cotton, organic only",
            "Hi Lena, the organic cotton blanks are in stock.",
            "Hi Lena, we have conventional cotton blanks at a lower price.",
        ),
        (
            "lena vogt, restaurante en sevilla, quiere mesas para la terraza",
            "nada de madera de pino, prefiere roble",
            "Hola Lena, tenemos mesas de madera de roble.",
            "Hola Lena, mesas de madera de pino en oferta esta semana.",
        ),
        (
            "lena vogt, opticienne à lyon, veut une nouvelle gamme",
            "pas de cadres en métal pour elle",
            "Bonjour Lena, les cadres en acétate sont arrivés.",
            "Bonjour Lena, nos cadres en métal sont arrivés.",
        ),
    ],
)
def test_a_decline_keeps_its_modifier(tmp_path: Path, first: str, decline: str, other: str, same: str) -> None:
    world = _world(tmp_path, "Lena Vogt", first, decline)
    assert "contradicts_preference" not in world.kinds(other, AT)
    assert "contradicts_preference" in world.kinds(same, AT)


@pytest.mark.parametrize(
    ("decline", "draft"),
    [
        ("dont bother with brochures, she never reads them", "Hi Sara, the autoclave is ready whenever you are."),
        ("she doesn't answer it after 6, the landline", "Hi Sara, ready for the autoclave install on Monday?"),
    ],
)
def test_a_verb_with_its_object_is_no_decline(tmp_path: Path, decline: str, draft: str) -> None:
    world = _world(tmp_path, "Sara Lind", "sara lind, dental clinic, wants a new autoclave", decline)
    assert "contradicts_preference" not in world.kinds(draft, AT)


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("Hi Paul, thanks for flagging the lamb complaints; we've changed supplier.", False),
        ("Hi Paul, I read your complaints about the lamb and we have changed supplier.", False),
        ("Hi Paul, fresh lamb this week at a good price.", True),
    ],
)
def test_a_declined_item_talked_about_is_no_offer(tmp_path: Path, draft: str, flagged: bool) -> None:
    world = _world(
        tmp_path,
        "Paul Roux",
        "paul roux, bistro in leeds, buys meat from us weekly",
        "no more lamb for now, his customers complained about the last batch",
    )
    assert ("contradicts_preference" in world.kinds(draft, AT)) is flagged


@pytest.mark.parametrize(
    ("client", "intro", "decline", "draft"),
    [
        (
            "Ivo Brandt",
            "ivo brandt, newsagent in leeds, stocks our magazines",
            "no more gardening magazine for now, it doesn't sell",
            "Hi Ivo, the gardening magazine issue for June is out, shall I send 20 copies?",
        ),
        (
            "Ines Faro",
            "ines faro, architect office in porto, furnishing a new floor",
            "not interested in the corner desk, too big",
            "Hi Ines, the corner desk return unit fits your new floor, shall I add it?",
        ),
        (
            "Hugo Lenz",
            "hugo lenz, laundry in graz, two sites",
            "keine Heißmangel mehr, zu laut",
            "Hallo Hugo, die Heißmangel Mangel ist wieder da, soll ich eine reservieren?",
        ),
    ],
)
def test_a_product_word_after_a_declined_item_is_still_an_offer(
    tmp_path: Path, client: str, intro: str, decline: str, draft: str
) -> None:
    world = _world(tmp_path, client, intro, decline)
    assert "contradicts_preference" in world.kinds(draft, AT)
