"""A required feature that a rejected option lacked is wanted, not declined; a weekday kept free is no declined item."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

AT = "2026-03-20T10:00"


@pytest.mark.parametrize(
    ("client", "need", "passed", "draft"),
    [
        (
            "Ines Costa",
            "ines costa wants a small warehouse unit, needs a loading dock, non-negotiable",
            "saw the unit in zone b, ground floor but no loading dock. passed",
            "Hi Ines, the two new units in zone c both come with a loading dock.",
        ),
        (
            "Ravi Mehta",
            "ravi mehta after a used estate car. tow bar a must (caravan)",
            "test drove the passat, nice but no tow bar, not for him",
            "Hi Ravi, the Octavia estate I found has a tow bar fitted already.",
        ),
        (
            "Carmen Ruiz",
            "carmen ruiz busca piso en madrid, necesita ascensor por su rodilla",
            "vimos el de la calle mayor, 3º sin ascensor, descartado",
            "Hola Carmen, el piso de Chamberí tiene ascensor y dos dormitorios.",
        ),
    ],
)
def test_a_requirement_is_never_declined(tmp_path: Path, client: str, need: str, passed: str, draft: str) -> None:
    world = World(tmp_path, client, [("2026-03-01T10:00:00", need), ("2026-03-05T10:00:00", passed)])
    assert "contradicts_preference" not in world.kinds(draft, AT)


def test_a_plain_decline_still_blocks(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Ravi Mehta",
        [("2026-03-01T10:00:00", "ravi mehta after a used estate car. doesn't want a tow bar, hates the look")],
    )
    assert "contradicts_preference" in world.kinds("Hi Ravi, this Octavia comes with a tow bar fitted.", AT)


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("fit-out any weekday, no sundays (family day)", "Hi Olu, we will stay off Sundays for the fit-out."),
        ("deliveries fine, but no mornings, the bakery is flat out", "Hi Olu, afternoon deliveries then, no mornings."),
        ("obra de lunes a viernes, nada de sábados", "Hola Olu, trabajaremos de lunes a viernes, sin sábados."),
    ],
)
def test_a_time_kept_free_is_no_declined_item(tmp_path: Path, note: str, draft: str) -> None:
    world = World(
        tmp_path, "Olu Bello", [("2026-03-01T10:00:00", "olu bello, bakery refit"), ("2026-03-02T10:00:00", note)]
    )
    assert "contradicts_preference" not in world.kinds(draft, AT)


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("amara stocks our vegan skincare range in her two shops", "Hi Amara, the new shea body cream is in stock."),
        ("wants the vegan leather seats on the e-bike", "Hi Amara, the saddle bag comes in cream or black."),
        ("kosher certification needed for the whole range", "Hi Amara, the cheese boards ship on Monday."),
    ],
)
def test_a_diet_word_on_a_product_declines_no_food(tmp_path: Path, note: str, draft: str) -> None:
    world = World(tmp_path, "Amara Eze", [("2026-03-01T10:00:00", "amara eze, retail"), ("2026-03-02T10:00:00", note)])
    assert "contradicts_preference" not in world.kinds(draft, AT)


def test_the_clients_own_diet_still_blocks(tmp_path: Path) -> None:
    world = World(tmp_path, "Amara Eze", [("2026-03-01T10:00:00", "amara eze, caterer client. she's vegan since 2019")])
    assert "contradicts_preference" in world.kinds("Hi Amara, a cheese platter for your birthday lunch?", AT)
