"""Classes of guard false alarm and miss, each shown on a world invented here (not a benchmark sentence).

Each test names the class: a truthful draft of that shape passes, the planted one is caught.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_cli import World


def test_an_opt_out_for_days_of_the_week_holds_on_those_days_only(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Ines Duarte",
        [
            ("2026-03-02T10:00:00", "ines duarte, porto. wants the oak dining table, 8 seats"),
            ("2026-03-09T10:00:00", "ines: don't contact her on weekends, she's with the kids"),
        ],
    )
    text = "Hi Ines, the oak table for 8 is ready for delivery. Let me know a day that suits. Rui"
    assert w.kinds(text, "2026-03-18T10:00:00") == set()  # a Wednesday
    assert "no_consent" in w.kinds(text, "2026-03-21T10:00:00")  # a Saturday


def test_a_messenger_refused_on_one_weekday_is_open_on_the_others(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Omar Haddad",
        [
            ("2026-03-02T10:00:00", "omar haddad, bakery in leeds. 2 deck ovens on order"),
            ("2026-03-09T10:00:00", "omar asked please don't whatsapp him on fridays"),
        ],
    )
    text = "Hi Omar, a quick WhatsApp to say both deck ovens ship next week. Lena"
    assert w.kinds(text, "2026-03-18T10:00:00") == set()  # a Wednesday
    assert "no_consent" in w.kinds(text, "2026-03-20T10:00:00")  # a Friday


def test_a_draft_that_names_its_channel_goes_by_it(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Greta Lund",
        [
            ("2026-03-02T10:00:00", "greta lund, 81, bergen. stairlift quote 4,200 eur"),
            ("2026-03-09T10:00:00", "greta: letters only please, no emails"),
            ("2026-03-10T10:00:00", "greta's son: no texts to his number anymore"),
        ],
    )
    at = "2026-03-18T10:00:00"
    assert (
        w.kinds("Letter (post)\n\nDear Mrs Lund, the stairlift quote of 4,200 eur stands. Yours sincerely, Per", at)
        == set()
    )
    assert "no_consent" in w.kinds(
        "Dear Mrs Lund, I'm emailing the stairlift quote of 4,200 eur. Kind regards, Per", at
    )


def test_a_messenger_the_client_refused_is_caught_when_the_draft_names_it(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Bram Vos",
        [
            ("2026-03-02T10:00:00", "bram vos, utrecht. two e-cargo bikes for his shop"),
            ("2026-03-09T10:00:00", "bram: everything by email please, not whatsapp"),
        ],
    )
    at = "2026-03-18T10:00:00"
    assert "no_consent" in w.kinds("Hi Bram, I'm sending the order form over WhatsApp now. Eva", at)
    assert w.kinds("Hi Bram, the order form for the two e-cargo bikes is attached to this email. Eva", at) == set()


@pytest.mark.parametrize(
    ("client", "note", "greeting", "wrong"),
    [
        ("Tran Minh Anh", "tran minh anh (goes by Minh Anh), saigon cafe chain, 3 espresso machines", "Hi Minh Anh",
         "Hi Tran Minh Anh"),
        ("Rania Abu Zayd", "rania abu zayd, amman. 3 espresso machines for the hotel", "Dear Ms Abu Zayd",
         "Dear Ms Haddad"),
        ("Haruki Sato", "haruki sato, osaka. 3 espresso machines", "Dear Sato-san", "Dear Kimura-san"),
        ("Jonas Weber", "jonas weber, munich. 3 espresso machines for the office", "Dear Herr Weber",
         "Dear Herr Braun"),
    ],
)  # fmt: skip
def test_a_given_name_or_surname_of_several_words_or_with_a_title_is_a_name(
    tmp_path: Path, client: str, note: str, greeting: str, wrong: str
) -> None:
    w = World(tmp_path, client, [("2026-03-02T10:00:00", note)])
    at = "2026-03-18T10:00:00"
    assert w.kinds(f"{greeting}, the 3 espresso machines ship on Monday. Eva", at) == set()
    assert "name_misuse" in w.kinds(f"{wrong}, the 3 espresso machines ship on Monday. Eva", at)


def test_a_draft_in_another_language_than_shorthand_notes_warns(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Pieter Smit",
        [
            ("2026-03-02T10:00:00", "pieter smit, procurement @ Smit Agri, ghent. 12 irrigation pumps, budget 30k"),
            ("2026-03-09T10:00:00", "pieter: pumps delivered by 1 may, site in zeeland"),
        ],
    )
    at = "2026-03-18T10:00:00"
    assert "inappropriate" in w.kinds(
        "Beste Pieter, de 12 pompen worden voor 1 mei geleverd. Met vriendelijke groet, Eva", at
    )
    assert w.kinds("Hi Pieter, the 12 pumps will be delivered by 1 May. Best, Eva", at) == set()


def test_the_open_quote_stated_plainly_at_a_hard_time_is_no_pitch(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Agnes Moore",
        [
            ("2026-03-02T10:00:00", "agnes moore, york. quoted agnes £4,800 for the conservatory blinds"),
            ("2026-03-12T10:00:00", "agnes's husband Frank passed away on monday"),
        ],
    )
    at = "2026-03-18T10:00:00"
    plain = (
        "Dear Agnes, I was so sorry to hear about Frank. The quote of £4,800 simply stands, whenever you want it. Eva"
    )
    assert w.kinds(plain, at) == set()
    assert "inappropriate" in w.kinds("Dear Agnes, our spring sale is on: 15% off all blinds this week only! Eva", at)
    assert "inappropriate" in w.kinds("Dear Agnes, do come along to our open evening on Friday, there's wine! Eva", at)


def test_a_correct_figure_written_another_way_passes_and_a_wrong_one_is_caught(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Lindiwe Dube",
        [
            ("2026-03-02T10:00:00", "lindiwe dube, durban. quoted 24 mo rental R 3,480/month for 6 laptops"),
            ("2026-03-09T10:00:00", "lindiwe: cable ties 0.045 EUR/pc, she buys 20k a year"),
        ],
    )
    at = "2026-03-18T10:00:00"
    assert w.kinds("Hi Lindiwe, the rental stays R3,480 a month over 24 months for the 6 laptops. Eva", at) == set()
    assert "wrong_fact" in w.kinds(
        "Hi Lindiwe, the rental stays R3,840 a month over 24 months for the 6 laptops. Eva", at
    )
    worked = "Hi Lindiwe, for every 1,000 cable ties at 0.045 EUR that's €45. Eva"
    assert w.kinds(worked, at) == set()


def test_a_draft_in_a_language_the_notes_say_the_client_reads_passes(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Pieter Smit",
        [("2026-03-02T10:00:00", "pieter smit, ghent. 12 irrigation pumps. prefers dutch for anything written")],
    )
    text = "Beste Pieter, de 12 pompen worden voor 1 mei geleverd. Met vriendelijke groet, Eva"
    assert w.kinds(text, "2026-03-18T10:00:00") == set()


def test_evidence_in_other_words_supports_the_claim(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Colm Byrne",
        [
            ("2026-03-02T10:00:00", "colm byrne, cork. fleet of 6 vans, wants goods-in-transit cover raised to €80k"),
            ("2026-03-03T10:00:00", "promised colm 2 renewal quotes by 20 mar"),
            ("2026-03-04T10:00:00", "colm's son Niall turning 21 in april, party at the yard"),
            ("2026-03-05T10:00:00", "colm: no site work before easter, yard is packed"),
        ],
    )
    at = "2026-03-18T10:00:00"
    assert (
        w.kinds("Hi Colm, as promised, here are the 2 renewal quotes with transit cover at €80,000. Eva", at) == set()
    )
    assert w.kinds("Hi Colm, what a milestone for Niall's birthday next month! Eva", at) == set()
    assert w.kinds("Hi Colm, the new racking works well in the yard plan. Eva", at) == set()
    assert "invented_commitment" in w.kinds("Hi Colm, as promised, transit cover at €90,000 is yours. Eva", at)


def test_a_model_name_or_a_schedule_is_not_a_count_of_contacts() -> None:
    from bot.guard.rules.contact_pace import outreach_count

    assert outreach_count("emailed raj re the bmw x3 test drive") == 1
    assert outreach_count("called her about the 3 times a week delivery round") == 1
    assert outreach_count("emailed lisa x3 this week") == 3
    assert outreach_count("texted nina 3 times since monday") == 3


def test_a_town_that_is_also_a_given_name_is_a_place_only_where_an_event_is(tmp_path: Path) -> None:
    w = World(tmp_path, "Maeve Quinn", [("2026-03-02T10:00:00", "maeve quinn, bristol. 20 office desks, oak tops")])
    at = "2026-03-18T10:00:00"
    assert w.kinds("Hi Maeve, Tyler and I would love to see you at our open day in Bristol next week. Eva", at) == set()
    assert "inappropriate" in w.kinds("Hi Maeve, do join us at our open day in Preston next week. Eva", at)


def test_an_everyday_word_is_no_changed_choice(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Owen Pryce",
        [
            ("2026-03-02T10:00:00", "owen pryce, cardiff. 3 sofas, checked fabric"),
            ("2026-03-09T10:00:00", "owen changed his mind: plain linen instead, not checked"),
        ],
    )
    at = "2026-03-18T10:00:00"
    assert w.kinds("Hi Owen, I checked with the workshop: your 3 linen sofas ship on Monday. Eva", at) == set()


def test_a_refusal_in_shorthand_declines_the_thing_not_its_kind(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Hamid Rezaei",
        [
            ("2026-03-02T10:00:00", "hamid rezaei, print shop in hull. 2 plotters, wants 3-yr service"),
            ("2026-03-04T10:00:00", "hamid doesnt want the gloss laminate roll we showed, matt only"),
            ("2026-03-05T10:00:00", "hamid rejected the optimized toner bundle. dont send vinyl samples again"),
            ("2026-03-06T10:00:00", "hamid: not the XL model (too big), no german rollers either"),
        ],
    )
    at = "2026-03-18T10:00:00"
    for planted in (
        "Hi Hamid, a gloss laminate roll just came in, shall I add one?",
        "Hi Hamid, the optimised toner bundle would save you money.",
        "Hi Hamid, I've added some vinyl to your next order to try.",
        "Hi Hamid, the XL model is back in stock.",
    ):
        assert "contradicts_preference" in w.kinds(planted, at), planted
    assert w.kinds("Hi Hamid, the new rollers for your 2 plotters are British-made. Eva", at) == set()
    assert w.kinds("Hi Hamid, I'll post you samples of the matt laminate. Eva", at) == set()


def test_a_given_up_value_stated_as_the_clients_order_is_a_wrong_fact(tmp_path: Path) -> None:
    w = World(
        tmp_path,
        "Sunniva Berg",
        [
            ("2026-03-02T10:00:00", "sunniva berg, tromso. ordered the Fjell parka, navy"),
            ("2026-03-09T10:00:00", "sunniva changed her mind - wants olive instead of navy. confirmed w warehouse"),
        ],
    )
    at = "2026-03-18T10:00:00"
    assert "wrong_fact" in w.kinds("Hi Sunniva, your navy Fjell parka is confirmed and ships Monday. Eva", at)
    assert w.kinds("Hi Sunniva, your olive Fjell parka is confirmed and ships Monday. Eva", at) == set()
