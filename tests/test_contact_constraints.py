"""Contact constraints read slot by slot (memory/consent_scope.py), judged through the real `chet check` path.

Issue 14, session 10: a constraint clause is found by its polarity, and each slot (act and channel, line,
clock window, weekdays, date bounds, rate, end condition) is filled from closed multilingual tables. The
worlds and sentences are invented for these tests (a pool builder, a dental lab, a vineyard, a print shop,
a boat yard, a bike courier, a kitchen fitter), in several languages; none comes from a benchmark set.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from guard_cli import World

from bot.guard.rules.contact_pace import outreach_count
from memory.consent_scope import note_scopes


def _kinds(text: str, at: datetime = datetime(2027, 2, 1, 10, 0)) -> list[tuple[object, ...]]:
    found, _ = note_scopes("n", text, at)
    return [(s.kind, s.channel, s.hours, tuple(sorted(s.weekdays)), s.start, s.end) for s in found]


ALL = (0, 1, 2, 3, 4, 5, 6)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # weekdays: names, abbreviations, ranges, groups, in several languages
        ("não ligar às sextas, dia de inventário", ("closed", "phone", None, (4,), None, None)),
        ("nur Mo-Fr anrufen, am Wochenende ist er im Stall", ("closed", "phone", None, (5, 6), None, None)),
        ("telefono solo L-V, el finde está con la familia", ("closed", "phone", None, (5, 6), None, None)),
        ("pas de messages le week-end", ("closed", "written", None, (5, 6), None, None)),
        ("calls mon/wed only, she's on the road otherwise", ("closed", "phone", None, (1, 3, 4, 5, 6), None, None)),
        # clock windows
        ("pas d'appels avant 14h, il est au labo", ("hours", "phone", (0, 14), ALL, None, None)),
        ("no llamar entre 13 y 16, hora de comida", ("hours", "phone", (13, 16), ALL, None, None)),
        ("texts after 6pm only, he's on the water all day", ("hours", "text", (0, 18), ALL, None, None)),
        ("niet bellen in de ochtend", ("hours", "phone", (8, 12), ALL, None, None)),
        # date bounds
        (
            "nichts schicken vor dem 20. märz, sie ist auf Messe",
            ("closed", "written", None, ALL, None, date(2027, 3, 20)),
        ),
        ("don't ring till after 14 feb, lambing", ("closed", "phone", None, ALL, None, date(2027, 2, 15))),
    ],
)
def test_each_slot_is_read_from_its_table(note: str, expected: tuple[object, ...]) -> None:
    assert _kinds(note) == [expected]


@pytest.mark.parametrize(
    ("note", "limit"),
    [
        ("höchstens einmal pro Woche schreiben, er hat wenig Zeit", (1, 7)),
        ("no más de dos llamadas al mes", (2, 30)),
        ("pas plus d'un mail par quinzaine", (1, 14)),
        ("max one whatsapp a fortnight pls", (1, 14)),
    ],
)
def test_a_rate_is_a_limit_never_a_closed_channel(note: str, limit: tuple[int, int]) -> None:
    found, _ = note_scopes("n", note, datetime(2027, 2, 1, 10, 0))
    assert [(s.kind, s.times, s.window_days) for s in found] == [("limit", *limit)]


@pytest.mark.parametrize(
    "note",
    [
        "no decision before 15 march, budget year",  # a refusal of something else
        "didn't call her today, ran out of time",  # a log of the salesperson's
        "not to send attachments by email, the filter eats them",  # the attachments are refused
        "she never calls back, try the office",  # the client's habit
        "no stripes, and nothing in beige",
    ],
)
def test_a_clause_that_limits_no_contact_gives_no_scope(note: str) -> None:
    assert _kinds(note) == []


@pytest.fixture
def pools(tmp_path: Path) -> World:
    return World(
        tmp_path,
        "Joana Reis",
        [
            ("2027-01-04T10:00:00", "joana reis, piscinas em cascais, quer 2 bombas de calor"),
            ("2027-01-05T10:00:00", "joana: não ligar às sextas, dia de inventário. whatsapp ok"),
        ],
    )


def test_a_call_planned_on_a_closed_weekday_blocks_and_another_day_passes(pools: World) -> None:
    friday = "Plano de ligação: ligar para a Joana na sexta às 10h para confirmar as bombas."
    assert pools.check(friday, "2027-01-12T09:00:00")["verdict"] == "block"  # planned for Friday 15 Jan
    tuesday = "Plano de ligação: ligar para a Joana na terça às 10h para confirmar as bombas."
    assert "no_consent" not in pools.kinds(tuesday, "2027-01-11T09:00:00")


def test_a_call_time_is_read_anywhere_in_the_plan(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Marc Roux",
        [
            ("2027-01-04T10:00:00", "marc roux, laboratoire dentaire à lyon, 3 fours à céramique"),
            ("2027-01-05T10:00:00", "marc: pas d'appels avant 14h, il est au labo le matin"),
        ],
    )
    early = "Plan d'appel : appeler M. Roux mardi, idéalement à 10h, pour la livraison des fours."
    assert world.check(early, "2027-01-11T09:00:00")["verdict"] == "block"
    late = "Plan d'appel : appeler M. Roux mardi, idéalement à 15h, pour la livraison des fours."
    assert "no_consent" not in world.kinds(late, "2027-01-11T09:00:00")


def test_a_place_the_tables_do_not_read_makes_it_a_warning(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Dale Okoro",
        [
            ("2027-01-04T10:00:00", "dale okoro, bike courier firm, wants 6 cargo bikes"),
            ("2027-01-05T10:00:00", "dale: do not call him at the velodrome, he trains there"),
        ],
    )
    doc = world.check("Call plan: ring Dale on Thursday about the cargo bikes.", "2027-01-11T09:00:00")
    assert [(f["kind"], f["verdict"]) for f in doc["findings"]] == [("no_consent", "warn")]


def test_a_leave_from_a_day_closes_contact_only_from_that_day(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Priya Nair",
        [
            ("2027-01-04T10:00:00", "priya nair, print shop in leicester, wants a new laminator"),
            (
                "2027-01-20T10:00:00",
                "priya on maternity leave from 1 march. asked us not to contact her while on leave",
            ),
        ],
    )
    text = "Hi Priya, the laminator quote is attached. Sam"
    assert world.kinds(text, "2027-02-20T10:00:00") == set()
    assert world.kinds(text, "2027-03-08T10:00:00") == {"no_consent"}


def test_a_pause_ends_when_a_later_note_records_the_client_coming_back(tmp_path: Path) -> None:
    notes = [
        ("2027-01-04T10:00:00", "tomás vidal, bodega en la rioja, quiere 40 barricas"),
        ("2027-01-10T10:00:00", "tomás: su padre está en el hospital, pidió que le demos espacio hasta que vuelva"),
    ]
    text = "Hola Tomás, ¿podemos cerrar ya el pedido de las barricas?"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert "too_frequent" in World(tmp_path / "a", "Tomás Vidal", notes).kinds(text, "2027-01-15T10:00:00")
    back = [*notes, ("2027-01-14T10:00:00", "tomás llamó, está de vuelta en la bodega, quiere seguir adelante")]
    assert "too_frequent" not in World(tmp_path / "b", "Tomás Vidal", back).kinds(text, "2027-01-15T10:00:00")


def test_a_contact_logged_with_an_apps_name_counts_against_the_clients_rate(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Anh Tran",
        [
            ("2027-01-04T10:00:00", "anh tran, boat yard in da nang, wants 2 outboard motors. max one message a week"),
            ("2027-01-11T10:00:00", "zalo'd anh the motor spec sheet"),
        ],
    )
    text = "Hi Anh, any thoughts on the spec sheet for the outboards?"
    assert "too_frequent" in world.kinds(text, "2027-01-13T10:00:00")
    assert "too_frequent" not in world.kinds(text, "2027-01-19T10:00:00")  # a week on, in days


def test_a_rate_on_email_says_nothing_of_a_call(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Gus Lind",
        [
            ("2027-01-04T10:00:00", "gus lind, kitchen fitter, wants 12 extractor hoods"),
            ("2027-01-08T10:00:00", "gus: don't email more than once a week. emailed him the hood specs today"),
        ],
    )
    assert world.kinds("Hi Gus, another quick email: did the specs suit?", "2027-01-10T10:00:00") == {"too_frequent"}
    assert "no_consent" not in world.kinds("Call plan: ring Gus about the hood specs.", "2027-01-10T10:00:00")


@pytest.mark.parametrize(
    ("note", "count"),
    [
        ("le escribí a marta el presupuesto de las sillas", 1),
        ("liguei para o joão hoje sobre as bombas", 1),
        ("j'ai appelé m. roux ce matin pour les fours", 1),
        ("marta llamó, quiere otra cita", 0),  # the client called us
        ("o joão ligou ontem, quer o orçamento", 0),
    ],
)
def test_a_contact_logged_in_another_language_counts(note: str, count: int) -> None:
    assert outreach_count(note) == count


def test_a_contact_logged_in_spanish_counts_against_a_spanish_rate(tmp_path: Path) -> None:
    world = World(
        tmp_path,
        "Marta Gil",
        [
            ("2027-01-04T10:00:00", "marta gil, peluquería en valencia, 4 sillones. no más de un mensaje por semana"),
            ("2027-01-11T10:00:00", "le escribí a marta el presupuesto de los sillones"),
        ],
    )
    text = "Hola Marta, ¿has podido mirar el presupuesto de los sillones?"
    assert "too_frequent" in world.kinds(text, "2027-01-13T10:00:00")
    assert "too_frequent" not in world.kinds(text, "2027-01-19T10:00:00")


def _ways(text: str) -> list[tuple[str, str]]:
    found, _ = note_scopes("n", text, datetime(2027, 2, 1, 10, 0))
    return [(s.kind, s.channel) for s in found]


@pytest.mark.parametrize(
    ("note", "times", "days"),
    [
        ("pool builder: at most one email every 3 weeks, she hates clutter", 1, 21),
        ("max two calls every two months pls, the lab is busy", 2, 60),
        ("vineyard owner, no more than 1 text per 2 weeks", 1, 14),
    ],
)
def test_a_cap_counted_in_several_periods_is_a_rate_not_a_closure(note: str, times: int, days: int) -> None:
    found, _ = note_scopes("n", note, datetime(2027, 2, 1, 10, 0))
    assert [(s.kind, s.times, s.window_days) for s in found] == [("limit", times, days)]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("print shop owner asked not to be contacted over text, too many promos", [("closed", "text")]),
        ("please do not contact him via email, his inbox is a mess", [("closed", "email")]),
        ("boat yard: no contactar por teléfono, está en el agua", [("closed", "phone")]),
    ],
)
def test_a_refusal_by_one_channel_closes_only_that_channel(note: str, expected: list[tuple[str, str]]) -> None:
    assert _ways(note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("kitchen fitter: no emails please, call or text", [("closed", "email"), ("open", "phone"), ("open", "text")]),
        (
            "bike courier says no texts thanks; email or phone",
            [("closed", "text"), ("open", "email"), ("open", "phone")],
        ),
        ("dental lab: no calls but email or text", [("closed", "phone"), ("open", "email"), ("open", "text")]),
        # the list right after the refused act goes on with the refusal
        ("no calls, texts or emails at all", [("closed", "phone"), ("closed", "text"), ("closed", "email")]),
    ],
)
def test_a_refusal_ends_at_its_clause_and_a_bare_list_after_it_is_an_allowance(
    note: str, expected: list[tuple[str, str]]
) -> None:
    assert _ways(note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("vineyard: please don't send him emails, whatsapp is fine", [("closed", "email"), ("open", "text")]),
        ("pool builder asked us to stop sending texts", [("closed", "text")]),
        ("print shop: no mandar correos, mejor por teléfono", [("closed", "email"), ("open", "phone")]),
    ],
)
def test_a_verb_of_sending_closes_only_the_channel_it_sends(note: str, expected: list[tuple[str, str]]) -> None:
    assert _ways(note) == expected
