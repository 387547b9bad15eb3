"""inappropriate: an event far from the client (any town of the gazetteer), a business ask after bad news.

The worlds are invented for these tests (not from a benchmark set).
"""

from __future__ import annotations

from pathlib import Path

from guard_cli import World

from bot.guard.geo import _near, delimited_towns, wide_place


def test_a_town_given_as_a_whole_segment_of_a_note_is_found() -> None:
    towns = [name for name, _ in delimited_towns("ros penhale, owns Penhale Pottery, truro. wants 2 kilns")]
    assert towns == ["truro"]
    assert list(delimited_towns("wedding in march. wants the deal by may")) == []


def test_a_name_borne_by_several_towns_is_read_as_the_nearest() -> None:
    whitby, scarborough = wide_place("Whitby"), wide_place("Scarborough")
    assert whitby is not None and scarborough is not None
    assert _near(whitby, scarborough)  # Whitby, Yorkshire, not Whitby, Ontario


def test_an_invitation_far_from_the_client_warns_and_a_near_one_passes(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Ros Penhale",
        [
            ("2026-02-02T10:00:00", "ros penhale, owns Penhale Pottery, truro. wants 2 electric kilns, 80L"),
            ("2026-02-09T10:00:00", "quoted ros 4,200 for both kilns fitted"),
        ],
    )
    far = "Hi Ros, we're holding a kiln open day at our Aberdeen workshop on 3 March - would you like to come up?"
    near = "Hi Ros, we're holding a kiln open day at our Plymouth workshop on 3 March - would you like to come along?"
    assert world.kinds(far, "2026-02-12T10:00") == {"inappropriate"}
    assert world.kinds(near, "2026-02-12T10:00") == set()


def test_a_business_ask_after_bad_news_warns_and_a_gentle_note_passes(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Colm Baird",
        [
            ("2026-05-04T10:00:00", "colm baird, bakery in sligo, looking at a new 10-tray deck oven, 9,800"),
            ("2026-05-20T10:00:00", "colm's wife was rushed into hospital, he's closed the bakery for now"),
        ],
    )
    pushy = "Hi Colm, so sorry to hear about your wife. The deck oven is still available - shall I reserve it for you?"
    gentle = "Hi Colm, so sorry to hear about your wife. Thinking of you both - the oven can wait, no rush at all."
    assert world.kinds(pushy, "2026-05-22T10:00") == {"inappropriate"}
    assert world.kinds(gentle, "2026-05-22T10:00") == set()


def test_clinical_and_garage_words_are_bad_news_only_when_they_happen_to_someone() -> None:
    """What a hospital or a garage buys ('ICU beds', 'accident repair bays') is no bad news; a person's surgery is."""
    from bot.guard.sensitive import _bad_news, _norm

    for text in ["wants 12 ICU beds for the new wing", "the surgery wants 2 more chairs", "accident repair bays x3"]:
        assert not _bad_news(_norm(text)), text
    for text in ["had surgery on her hip", "his wife is in ICU", "was in a car accident", "after his stroke in may"]:
        assert _bad_news(_norm(text)), text


def test_an_order_of_icu_beds_gets_no_condolence_draft(tmp_path: Path) -> None:
    """A draft to a hospital buyer is no condolence: nothing sad happened."""
    from bot.interfaces.cli import main

    data = tmp_path / "d"
    assert (
        main(["--offline", "--data-dir", str(data), "note", "Rahim Osman", "wants 12 ICU beds for the new wing"]) == 0
    )
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--offline", "--data-dir", str(data), "draft", "Rahim Osman", "invite him to our launch"]) == 0
    assert "sorry" not in out.getvalue().lower()


def test_a_mid_sized_town_outside_the_english_speaking_countries_is_placed(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Sigrid Dahl",
        [("2026-05-02T09:00:00", "sigrid dahl, harbour café owner, stavanger. wants 2 espresso machines")],
    )
    kinds = w.kinds("Hi Sigrid, join us at our barista open day in Lisbon on 12 June!", "2026-05-20T10:00:00")
    assert "inappropriate" in kinds
    near = w.kinds("Hi Sigrid, join us at our barista open day in Stavanger on 12 June!", "2026-05-20T10:00:00")
    assert "inappropriate" not in near


def test_an_open_day_or_popping_along_is_an_invitation(tmp_path: Path) -> None:
    w = World(tmp_path, "Rhys Owen", [("2026-05-02T09:00:00", "rhys owen, joinery in swansea. wants a spray booth")])
    for text in (
        "Hi Rhys, fancy popping along to our spray booth open day in Aberdeen on the 12th?",
        "Hi Rhys, our open day is in Norwich on 12 June, would be great to see you.",
    ):
        assert "inappropriate" in w.kinds(text, "2026-05-20T10:00:00"), text
