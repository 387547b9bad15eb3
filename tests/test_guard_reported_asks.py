"""A reported ask anchored on its object ("the 90 you asked for"), through the real `chet check` path.

Sentences written for these tests (several trades): the object of "you asked for" is the phrase before it
when it is a relative clause; a note that records that ask (the same figure or thing) backs it.
"""

from __future__ import annotations

from pathlib import Path

from guard_cli import World

AT = "2026-05-20T10:00:00"
CLAIM = "unsupported_claim"


def test_the_figure_you_asked_for_rests_on_the_note_of_that_ask(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Nadia Haddad",
        [("2026-05-02T09:00:00", "nadia haddad, gym in beirut, 12 rowers. asked for 90 days to pay, boss ok'd 60")],
    )
    assert CLAIM not in w.kinds("Hi Nadia, we can do 60 days. Not quite the 90 you asked for, but I hope it helps.", AT)
    assert CLAIM in w.kinds("Hi Nadia, we can do 60 days. Not quite the 120 you asked for, but I hope it helps.", AT)


def test_the_thing_you_asked_for_rests_on_the_note_of_that_ask(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Piet Smit",
        [("2026-05-02T09:00:00", "piet smit, dairy farm. wants a quote, asked for the stainless steel trough")],
    )
    assert CLAIM not in w.kinds("Hi Piet, here is the stainless trough you asked for, sadly a bit dearer.", AT)
    assert CLAIM in w.kinds("Hi Piet, here is the plastic feeder you asked for, sadly a bit dearer.", AT)


def test_thanks_for_a_reply_rests_on_a_note_of_the_clients_decision(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    decided = World(
        tmp_path / "a",
        "Omar Faruk",
        [("2026-05-02T09:00:00", "omar faruk emailed: going ahead with the 8 solar lamps for the courtyard")],
    )
    assert CLAIM not in decided.kinds("Hi Omar, thanks for confirming. The 8 lamps ship on Monday.", AT)
    assert CLAIM not in decided.kinds("Hola Omar, gracias por confirmar. Las 8 lámparas salen el lunes.", AT)
    silent = World(
        tmp_path / "b", "Eva Lind", [("2026-05-02T09:00:00", "eva lind, bakery. quoted 2 ovens, no reply yet")]
    )
    assert CLAIM in silent.kinds("Hi Eva, thanks for confirming. The ovens ship on Monday.", AT)
