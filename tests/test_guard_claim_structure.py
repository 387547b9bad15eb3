"""Claims found by their structure and supported at the level of the event, through the real `chet check` path.

The notes and drafts are written for these tests (several trades and languages), not taken from a
benchmark set: a shared past act needs a note of the same kind of event with the same people, not a note
that shares a topic word; an "as agreed" benefit or concession needs a note recording that agreement.
"""

from __future__ import annotations

from pathlib import Path

from guard_cli import World

from bot.guard.claim_structure import claims

AT = "2026-05-20T10:00:00"
CLAIM, PROMISE = "unsupported_claim", "invented_commitment"


def _world(tmp: Path, client: str, *notes: str) -> World:
    tmp.mkdir(parents=True, exist_ok=True)
    return World(tmp, client, [(f"2026-05-{i + 1:02d}T09:00:00", text) for i, text in enumerate(notes)])


def test_a_shared_act_needs_a_note_of_that_event_not_of_its_topic(tmp_path: Path) -> None:
    topic_only = _world(
        tmp_path / "a", "Marta Lind", "marta lind, brewery. wants a quote to automate the bottling line"
    )
    assert CLAIM in topic_only.kinds("Hi Marta, great touring the bottling line with you. Rob", AT)
    visited = _world(
        tmp_path / "b", "Marta Lind", "site visit at marta's brewery, she showed me round the bottling line"
    )
    assert CLAIM not in visited.kinds("Hi Marta, great touring the bottling line with you. Rob", AT)


def test_a_shared_act_with_someone_the_note_does_not_name(tmp_path: Path) -> None:
    alone = _world(tmp_path / "a", "Kim Osei", "kim osei came into the showroom, sat on the corner sofas")
    assert CLAIM in alone.kinds("Hi Kim, lovely to meet your business partner in the showroom. Rob", AT)
    together = _world(tmp_path / "b", "Kim Osei", "kim osei and her business partner jo came into the showroom")
    assert CLAIM not in together.kinds("Hi Kim, lovely to meet your business partner in the showroom. Rob", AT)


def test_a_named_event_needs_that_event_in_the_notes_in_other_languages(tmp_path: Path) -> None:
    calls = _world(tmp_path / "a", "Pablo Ruiz", "pablo ruiz, bodega en rioja. llamada: quiere 2 depósitos de acero")
    assert CLAIM in calls.kinds("Hola Pablo, fue un placer conocerte en la feria de Logroño.", AT)
    fair = _world(tmp_path / "b", "Jan Braun", "met jan braun at the messe in cologne, stand b12, wants 3 forklifts")
    assert CLAIM not in fair.kinds("Hallo Herr Braun, schön, Sie auf der Messe getroffen zu haben.", AT)
    assert CLAIM in fair.kinds("Hallo Herr Braun, danke für das Mittagessen in Köln.", AT)


def test_words_heard_at_an_event_need_the_speaker_there(tmp_path: Path) -> None:
    w = _world(tmp_path, "Ana Silva", "site visit at ana's plot with the builder. slab poured, roof trusses next week")
    assert CLAIM in w.kinds("Hi Ana, your architect told me at the site visit that the roof is steel. Rob", AT)
    assert CLAIM not in w.kinds("Hi Ana, your builder told me at the site visit that the slab is poured. Rob", AT)


def test_an_agreed_benefit_or_concession_needs_a_recorded_agreement(tmp_path: Path) -> None:
    w = _world(
        tmp_path, "Lena Vogel", "lena vogel, 4 e-bikes for her café staff. quoted EUR 2,900 each, delivery EUR 120"
    )
    assert PROMISE in w.kinds("Hallo Frau Vogel, wie besprochen übernehmen wir die Lieferkosten.", AT)
    assert PROMISE in w.kinds("Bonjour Lena, comme convenu, la livraison est offerte.", AT)
    assert PROMISE in w.kinds("Olá Lena, conforme combinado, pagamos 50% do seguro.", AT)
    agreed = _world(tmp_path / "b", "Lena Vogel", "lena vogel: we agreed to pay 50% of the first-year insurance")
    assert PROMISE not in agreed.kinds("Olá Lena, conforme combinado, pagamos 50% do seguro.", AT)


def test_a_future_meeting_is_no_claim() -> None:
    assert claims("Hi Jo, it would be great to walk the site with you next week.") == []
    assert claims("Hola Jo, será un placer conocerte en la feria.") == []
    assert [c.kind for c in claims("Hi Jo, great walking the site with you yesterday.")] == ["shared_act"]


def test_a_named_show_the_note_puts_the_client_at_backs_the_claim(tmp_path: Path) -> None:
    w = _world(tmp_path, "Cora Bell", "met cora at poole boat show, liked the 24ft cuddy cabin")
    assert CLAIM not in w.kinds("Hi Cora, great seeing you at the Poole boat show. Rob", AT)
    assert CLAIM in w.kinds("Hi Cora, great seeing you at the Southampton marina open day. Rob", AT)


def test_an_english_free_of_something_is_no_benefit_in_any_sentence() -> None:
    assert claims("Menu for the soirée: canapés, 8 vegan, 4 gluten free, and a nut-free dessert.") == []
    assert [c.kind for c in claims("Bonjour Zoé, la livraison est offerte ce mois-ci.")] == ["commitment"]


def test_having_spoken_rests_on_a_meeting_too(tmp_path: Path) -> None:
    w = _world(tmp_path, "Ola Berg", "ola berg came to the yard, looked at the 6m aluminium trailers")
    assert CLAIM not in w.kinds("Hi Ola, it has been a few weeks since we spoke about the trailers. Rob", AT)
    assert CLAIM in w.kinds("Hi Ola, lovely lunch with you and your wife at the yard. Rob", AT)


def test_a_shared_act_told_about_him_or_a_place_is_a_claim() -> None:
    for text in (
        "Hi Priya, great to walk the vineyard with him last week.",
        "Tell Omar thanks again for showing me round the bakery on Monday.",
        "Carlos, your daughter loved the brochures we dropped off, didn't she?",
        "Hi Ines, loved staying at your guesthouse in Sintra in October!",
        "Ana, the kitchen looked great when we measured up on Tuesday.",
        "Dev, the buyers liked the garden when we viewed the Elm Road house.",
        "Hi Rosa, good to see you both when you came in on Saturday.",
    ):
        assert [c.kind for c in claims(text)] == ["shared_act"], text


def test_a_future_or_unshared_act_is_no_claim() -> None:
    for text in (
        "Great to see the quarterly numbers are up, Tom.",
        "Hi Tom, when we get the specs I'll send the quote.",
        "Hi Ken, I walked through the figures again and the quote stands.",
        "Hi Ana, we'll drop off the samples when you're back.",
        "Hi Joe, would be lovely to tour the plant with him next month.",
        "Hi Ruth, glad we stayed in touch after all these years.",
    ):
        assert [c.kind for c in claims(text)] == [], text


def test_a_viewing_or_a_drop_off_the_note_records_backs_the_claim(tmp_path: Path) -> None:
    viewed = _world(tmp_path / "a", "Dev Shah", "viewed 3 houses w dev shah on sat, liked elm road most")
    assert CLAIM not in viewed.kinds("Hi Dev, good seeing the houses with you at the weekend.", AT)
    assert CLAIM not in viewed.kinds("Hi Dev, glad you liked Elm Road when we viewed it.", AT)
    assert CLAIM in viewed.kinds("Hi Dev, glad you liked Mill Lane when we viewed it.", AT)
    samples = _world(
        tmp_path / "b", "Ola Berg", "dropped off fabric samples at ola berg's studio, her son liked the wool"
    )
    assert CLAIM not in samples.kinds("Hi Ola, your son liked the samples we dropped off!", AT)


def test_an_invented_stay_visit_or_tour_is_flagged(tmp_path: Path) -> None:
    w = _world(tmp_path, "Ines Costa", "ines costa runs a guesthouse in sintra, wants 12 linen sets. quoted by email")
    assert CLAIM in w.kinds("Hi Ines, loved staying at your guesthouse in Sintra!", AT)
    assert CLAIM in w.kinds("Hi Ines, thanks again for showing me round the guesthouse.", AT)
    farm = _world(
        tmp_path / "c", "Tom Hale", "tom hale, dairy farm. phoned: wants 2 feed mixers, his son runs the farm"
    )
    assert CLAIM in farm.kinds("Hi Tom, great to walk the farm with him on Friday.", AT)


def test_seeing_someone_at_an_event_only_booked_is_flagged(tmp_path: Path) -> None:
    w = _world(tmp_path, "Noor Ali", "noor ali's father passed away. funeral in leeds next week. no sales talk")
    assert CLAIM in w.kinds("Noor, it was good to see you at the funeral in Leeds.", "2026-05-28T10:00:00")
    went = _world(tmp_path / "b", "Sam Roy", "went to the memorial for sam roy's mother, spoke to sam after")
    assert CLAIM not in went.kinds("Sam, it was good to see you at the memorial.", AT)


def test_a_demo_the_note_records_backs_being_hosted_for_it(tmp_path: Path) -> None:
    w = _world(
        tmp_path, "Lin Park", "lin park, 2 physio clinics. demo at the harbour clinic with her manager, went well"
    )
    assert CLAIM not in w.kinds("Hi Lin, thank you for having us at the Harbour clinic for the demo.", AT)
    assert CLAIM in w.kinds("Hi Lin, thank you for having us at the Quay clinic for the demo.", AT)


def test_the_seller_as_subject_of_a_visit_in_other_languages_is_a_claim() -> None:
    for text in (
        "Hola Ana, cuando visitamos la bodega me encantó el roble.",
        "Olá Rita, quando visitámos o armazém gostei muito da luz.",
        "Bonjour Luc, quand nous avons visité l'atelier, la lumière était superbe.",
        "Hallo Jan, als wir die Halle besichtigt haben, war es sehr kalt.",
        "Ciao Marco, quando abbiamo visitato il vigneto faceva caldo.",
    ):
        assert [c.kind for c in claims(text)] == ["shared_act"], text


def test_a_visit_in_spanish_rests_on_the_note_of_it(tmp_path: Path) -> None:
    w = _world(tmp_path, "Ana Ruiz", "visita a la bodega de ana ruiz, recorrimos la nave de barricas")
    assert CLAIM not in w.kinds("Hola Ana, cuando visitamos la bodega me encantó el roble.", AT)
    calls = _world(tmp_path / "b", "Eva Gil", "llamada con eva gil: quiere 20 barricas de roble francés")
    assert CLAIM in calls.kinds("Hola Eva, cuando visitamos la bodega me encantó el roble.", AT)
