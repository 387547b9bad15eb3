"""name_misuse on forms of address that are not a wrong name: a role, a given name that comes last.

Worlds invented for these tests (issue 14, session 8), not taken from a benchmark set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World


@pytest.fixture
def vet(tmp_path: Path) -> World:
    return World(
        tmp_path, "Dr. Amara Obi", [("2026-03-02T10:00:00", "dr amara obi, vet in enugu, wants an x-ray unit")]
    )


@pytest.mark.parametrize("greeting", ["Hi Doc", "Morning Doctor", "Hello Professor", "Hi Coach"])
def test_a_greeting_by_role_alone_names_no_one(vet: World, greeting: str) -> None:
    assert vet.kinds(f"{greeting}, the x-ray unit ships Friday. Sam", "2026-03-12T10:00") == set()


def test_a_wrong_first_name_still_blocks(vet: World) -> None:
    assert vet.kinds("Hi Amaka, the x-ray unit ships Friday. Sam", "2026-03-12T10:00") == {"name_misuse"}


@pytest.mark.parametrize(
    ("client", "note", "greeting"),
    [
        ("Pham Minh Chau", "pham minh chau, owns a bakery in hue, wants a deck oven", "Hi Chau"),
        ("Park Ji-woo", "park ji-woo, cafe owner in busan, wants an espresso machine", "Hi Ji-woo"),
        ("Lee Seo-yeon", "lee seo-yeon runs a nail salon in incheon. wants 4 chairs", "Hello Seo-yeon"),
        ("Vo Thanh", "thanh (Vo Thanh), logistics at a port in vung tau. wants 2 forklifts", "Hi Thanh"),
    ],
)
def test_a_given_name_that_comes_last_is_the_clients_name(
    tmp_path: Path, client: str, note: str, greeting: str
) -> None:
    world = World(tmp_path, client, [("2026-03-02T10:00:00", note)])
    assert world.kinds(f"{greeting}, your order ships Friday. Sam", "2026-03-12T10:00") == set()


def test_a_short_name_before_the_full_name_in_brackets_is_how_they_go_by(tmp_path: Path) -> None:
    world = World(tmp_path, "Olabisi Adeyemi", [("2026-03-02T10:00:00", "bisi (olabisi adeyemi), chemist in ibadan")])
    assert world.kinds("Hi Bisi, your fridges ship Friday. Sam", "2026-03-12T10:00") == set()
    assert world.kinds("Hi Tunde, your fridges ship Friday. Sam", "2026-03-12T10:00") == {"name_misuse"}
