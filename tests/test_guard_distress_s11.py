"""inappropriate: a pitch while a note records the client's own distress warns, in several languages; care passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World

CASES = [
    (
        "tom: oven broke during the wedding order, he's gutted, lost the contract",
        "Hi Tom, our spring deal: 15% off mixers this week only!",
        "Hi Tom, sorry to hear about the oven. Let me know if a loaner would help, no rush on the mixer.",
    ),
    (
        "tom está muy agobiado con la inspección, dice que hablemos en abril",
        "Hola Tom, tenemos una promo: 20% de descuento en autoclaves, ¡firme hoy!",
        "Hola Tom, mucho ánimo con la inspección. Hablamos en abril.",
    ),
    (
        "tom est bouleversé, sa boutique a été inondée",
        "Bonjour Tom, nouvelle collection de vases, 10% de réduction ! Venez à notre soirée.",
        "Bonjour Tom, je suis désolé pour la boutique. Dites-moi si on peut aider.",
    ),
    (
        "tom ist völlig überfordert, zwei Mitarbeiter sind krank",
        "Hallo Tom, unsere Aktion: 15% Rabatt auf Hebebühnen bis Freitag.",
        "Hallo Tom, alles Gute. Melden Sie sich, wenn es ruhiger ist.",
    ),
]


@pytest.mark.parametrize(("note", "pitch", "care"), CASES)
def test_a_pitch_while_the_client_is_distressed_warns(tmp_path: Path, note: str, pitch: str, care: str) -> None:
    world = World(tmp_path, "Tom Reid", [("2026-03-01T10:00:00", "tom reid, client since 2024"),
                                         ("2026-03-05T10:00:00", note)])  # fmt: skip
    doc = world.check(pitch, "2026-03-10T10:00")
    found = [f for f in doc["findings"] if f["kind"] == "inappropriate"]
    assert found and found[0]["verdict"] == "warn"
    assert "inappropriate" not in world.kinds(care, "2026-03-10T10:00")
    assert "inappropriate" not in world.kinds(pitch, "2026-04-10T10:00")  # the distress window has passed


def test_distress_the_note_denies_is_none(tmp_path: Path) -> None:
    world = World(tmp_path, "Jo Park", [("2026-03-01T10:00:00", "jo park, gym owner, wants rowers"),
                                        ("2026-03-05T10:00:00", "jo was not upset about the delay, happy to wait")])  # fmt: skip
    assert "inappropriate" not in world.kinds("Hi Jo, the new rowers are in; 10% off this month.", "2026-03-10T10:00")


NOT_DISTRESS = [
    # a dish, a product adjective, a complaint about our delivery, one note with a busy week
    (
        "bruno's trattoria: orders the penne arrabbiata sauce base by the case",
        "Ciao Bruno, 10% off the sauce bases this month!",
    ),
    (
        "mia wants the shaken cocktail glasses, 4 dozen, for the bar relaunch",
        "Hi Mia, our spring deal: 15% off glassware this week!",
    ),
    (
        "Kai is upset about our late delivery of the shelving, wants it sorted",
        "Hi Kai, sorry about the delay; here is 10% off your next order.",
    ),
    (
        "ana estaba disgustada con la entrega tardía del pedido",
        "Hola Ana, perdón por el retraso: le ofrecemos un 10% de descuento.",
    ),
    (
        "lou was furious, the courier dropped the boxes in the rain",
        "Hi Lou, apologies for the courier: 15% off your next order.",
    ),
]


@pytest.mark.parametrize(("note", "pitch"), NOT_DISTRESS)
def test_a_product_word_or_a_complaint_about_us_opens_no_distress_window(tmp_path: Path, note: str, pitch: str) -> None:
    world = World(tmp_path, "Kai Moreno", [("2026-03-01T10:00:00", "kai moreno, client since 2023"),
                                           ("2026-03-05T10:00:00", note)])  # fmt: skip
    assert "inappropriate" not in world.kinds(pitch, "2026-03-10T10:00")


@pytest.mark.parametrize(
    ("note", "practical"),
    [
        ("lena est débordée, sa mère est malade", "Bonjour Lena, venez chercher vos rideaux vendredi, ils sont prêts."),
        ("lena está agobiada, su madre está enferma", "Hola Lena, ven a recoger las cortinas cuando quieras."),
        ("lena è sopraffatta, sua madre è malata", "Ciao Lena, vieni a ritirare le tende quando vuoi."),
        (
            "lena is overstuur, haar moeder is ziek",
            "Hoi Lena, kom naar de winkel als het jou past, de gordijnen zijn klaar.",
        ),
    ],
)
def test_a_pickup_arranged_while_the_client_is_distressed_is_no_pitch(
    tmp_path: Path, note: str, practical: str
) -> None:
    world = World(tmp_path, "Lena Roux", [("2026-03-01T10:00:00", "lena roux, rideaux, cortinas, tende, gordijnen"),
                                          ("2026-03-05T10:00:00", note)])  # fmt: skip
    assert "inappropriate" not in world.kinds(practical, "2026-03-10T10:00")
