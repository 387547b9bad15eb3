"""A messaging app the client uses is an open way to reach them: invented worlds (not from a benchmark set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

from memory.consent import messaging_apps, normal_channel

# (client, the note that names the app and closes email, a draft naming no channel, a draft naming the app)
WORLDS = [
    (
        "Nguyen Thi Lan",
        "lan runs a tailoring shop in hoi an, wants 30 bolts of linen. only on zalo, never reads email",
        "Hi Lan, the 30 bolts of linen are packed and leave the warehouse on Friday.",
        "Hi Lan, a quick Zalo message: the 30 bolts of linen leave on Friday.",
    ),
    (
        "Park Ji-woo",
        "ji-woo park, cafe furniture in busan, wants 12 oak tables. prefers KakaoTalk, doesn't do email",
        "Hi Ji-woo, the 12 oak tables passed inspection and ship next week.",
        "Hi Ji-woo, sending this on KakaoTalk: the 12 oak tables ship next week.",
    ),
    (
        "Somchai Rattana",
        "somchai, boutique hotel in chiang mai, 40 rattan chairs. uses LINE only, doesn't check email",
        "Khun Somchai, the 40 rattan chairs are ready for delivery on Monday.",
        "Khun Somchai, LINE message from us: the 40 rattan chairs are ready on Monday.",
    ),
    (
        "Marco Reyes",
        "marco reyes, bakery chain in cebu, 6 deck ovens. viber only, he does not check email",
        "Hi Marco, the 6 deck ovens cleared customs this morning.",
        "Hi Marco, messaging you on Viber: the 6 deck ovens cleared customs this morning.",
    ),
]


@pytest.mark.parametrize(("client", "note", "plain", "via_app"), WORLDS, ids=[w[0] for w in WORLDS])
def test_a_truthful_draft_to_a_messenger_client_passes(
    tmp_path: Path, client: str, note: str, plain: str, via_app: str
) -> None:
    world = World(tmp_path, client, [("2026-03-02T10:00:00", note)])
    assert world.kinds(plain, "2026-03-10T10:00") == set()
    assert world.kinds(via_app, "2026-03-10T10:00") == set()


@pytest.mark.parametrize(("client", "note", "plain", "via_app"), WORLDS, ids=[w[0] for w in WORLDS])
def test_a_draft_that_says_it_is_an_email_still_blocks(
    tmp_path: Path, client: str, note: str, plain: str, via_app: str
) -> None:
    world = World(tmp_path, client, [("2026-03-02T10:00:00", note)])
    first = client.split()[-1] if client.startswith(("Nguyen", "Park")) else client.split()[0]
    email = f"Dear {first},\nI am emailing you the delivery schedule.\nKind regards, Sam"
    assert "no_consent" in world.kinds(email, "2026-03-10T10:00")


def test_an_app_the_client_refuses_is_no_open_way(tmp_path: Path) -> None:
    notes = [("2026-03-02T10:00:00", "dana, florist in leeds. no texts or whatsapp pls, and stop emailing her")]
    world = World(tmp_path, "Dana Hart", notes)
    assert "no_consent" in world.kinds("Hi Dana, the tulips arrive on Friday.", "2026-03-10T10:00")


@pytest.mark.parametrize(
    ("text", "apps"),
    [
        ("prefers LINE, doesn't use email", ["line"]),
        ("LINEにて失礼いたします", ["line"]),
        ("do not call the clinic line", []),  # a phone line, not the app
        ("no Signal at the farm, try WeChat", ["signal", "wechat"]),  # Signal in capitals is the app
        ("weak signal out there", []),
        ("whatsapp only (he doesnt check email)", ["whatsapp"]),
    ],
)
def test_messaging_apps_are_read_from_the_data_list(text: str, apps: list[str]) -> None:
    assert messaging_apps(text) == apps


def test_every_app_goes_by_the_text_channel() -> None:
    assert {normal_channel(a) for a in ("zalo", "kakaotalk", "LINE", "viber", "wechat", "whatsapp")} == {"text"}
