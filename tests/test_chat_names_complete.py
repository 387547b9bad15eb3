"""A note about a person is filed under the person's whole name; greetings and businesses never become clients.

Issue 13 (names, session 8): names were cut short ("Tiago Moreira" for "Tiago Moreira da Costa"), a first note about a
new person with a hyphenated surname, an accent or a title went to the inbox, "elif hanım" became a new client, and
"evening! slow start today" was saved as a note. The sentences below are new, written for these tests in other trades
and names than the day scripts.
"""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.chat.mentions import NEW_NAME_THRESHOLD, mentions
from bot.chat.words import small_talk
from bot.runtime import Runtime
from memory import names
from memory.records import Client

U = "8"


def first_person(note: str, known: list[Client] | None = None) -> str | None:
    """The person a note is filed under, as the chat decides: a known client's name or the sure new name."""
    known = known or []
    found = [m for m in mentions(note, known) if m.known or m.score >= NEW_NAME_THRESHOLD]
    if len(found) > 1:
        found = [m for m in found if not m.weak] or [m for m in found if m.lead]
    if not found:
        return None
    return found[0].clients[0].name if found[0].known else found[0].name


@pytest.mark.parametrize(
    ("note", "want"),
    [
        ("coffee w lucía fernández-ortiz, wants 3 ovens for the bakery", "Lucía Fernández-Ortiz"),
        ("tomás ibáñez-vidal rang about the crane hire, needs it monday", "Tomás Ibáñez-Vidal"),
        ("call with anne-marie dubois-leclerc re the wine fridge order", "Anne-Marie Dubois-Leclerc"),
        ("renée o'brien-walsh wants the larger marquee", "Renée O'Brien-Walsh"),
        ("quick one - priya raman-iyer (Sunrise Labs) needs 20 licences", "Priya Raman-Iyer"),
        ("dinner w paula martin-hughes cfo at bluewater freight, they need 6 vans", "Paula Martin-Hughes"),
        ("breakfast w grace lee-harper, wants the corner suite", "Grace Lee-Harper"),
        ("contact is dmitri volkov-ivanov, 15 seats", "Dmitri Volkov-Ivanov"),
        ("seán ó briain-kelly from the choir wants 20 robes", "Seán ó Briain-Kelly"),
    ],
)
def test_hyphens_and_accents_do_not_hide_a_new_person(note: str, want: str) -> None:
    """The name lists spell names without accents, and a double-barrelled surname is as sure as its parts."""
    assert first_person(note) == want


@pytest.mark.parametrize(
    ("note", "want"),
    [
        ("met josé luis garcía márquez about the vineyard pumps", "José Luis García Márquez"),
        ("lunch with martín ezequiel rodríguez paz, wants the irrigation kit", "Martín Ezequiel Rodríguez Paz"),
        ("khalid bin hamad al thani wants 2 yachts", "Khalid bin Hamad al Thani"),
        ("anneke van den berg-smit wants 4 cargo bikes", "Anneke van den Berg-Smit"),
        ("viewing w rafaela costa dos reis at the riverside flat, loved the light", "Rafaela Costa dos Reis"),
        ("dinner w ngô thanh hải, needs 12 scooters", "Ngô Thanh Hải"),
        ("pierre le goff wants oysters for the new year", "Pierre le Goff"),
        ("met juan dela cruz at the expo, 3 generators", "Juan dela Cruz"),
        ("karin af klercker wants the lake house", "Karin af Klercker"),
    ],
)
def test_a_name_runs_on_through_particles_and_second_surnames(note: str, want: str) -> None:
    """Particles stay lower case inside the name; a second census surname goes on with it, up to five parts."""
    assert first_person(note) == want


@pytest.mark.parametrize(
    ("note", "want"),
    [
        ("wendell price northgate ops mgr wants a call", "Wendell Price"),  # a rare word after a name: the company
        ("dr nadia ruiz ruiz veterinary - 30 cases of chews", "Nadia Ruiz"),  # the surname again: the business
        ("sam ortega groom, suits for 6 groomsmen", "Sam Ortega"),  # a role after the name
    ],
)
def test_a_name_stops_at_the_company_or_the_role(note: str, want: str) -> None:
    """Only a sure census surname extends a name; the same surname again starts the family business."""
    assert first_person(note) == want


@pytest.mark.parametrize(
    ("note", "want"),
    [
        ("seeing dra lucía mendoza at clínica norte, wants 50 glove boxes", "Lucía Mendoza"),
        ("doña carmen ortega wants the blue tiles", "Carmen Ortega"),
        ("ray holt jr wants the f-150 in white", "Ray Holt"),
        ("met sheikh faisal al-qasimi at the expo, wants a fleet quote", "Faisal Al-Qasimi"),
        ("the buyer at coastline foods is sigrid haugen, wants samples", "Sigrid Haugen"),
        ("visited ridgeview farm today. owner nils bergqvist wants a quote on fencing", "Nils Bergqvist"),
        ("stopped at hillcrest dairy farm, talked to bram de jong about the milking robot", "Bram de Jong"),
    ],
)
def test_titles_roles_and_suffixes_frame_a_name_without_joining_it(note: str, want: str) -> None:
    """A title before (dra, doña, sheikh) or a suffix after (jr) is stripped; a role or 'is' before a name and a
    verb after it show a person; a farm or a shop named first is no client."""
    assert first_person(note) == want


KNOWN = [Client(1, "Elif Demir"), Client(2, "Mehmet Kaya"), Client(3, "Kim Ha-eun"), Client(4, "Ray Holt")]


@pytest.mark.parametrize(
    ("note", "want"),
    [
        ("elif hanım wants the rug in red after all", "Elif Demir"),
        ("Elif Hanim confirmed the order", "Elif Demir"),
        ("mehmet bey called, needs 3 more pallets", "Mehmet Kaya"),
        ("dr. kim confirmed the 3 chairs", "Kim Ha-eun"),
        ("ray holt jr called back about the tow package", "Ray Holt"),
    ],
)
def test_an_honorific_or_title_finds_the_known_client(note: str, want: str) -> None:
    """ "elif hanım" was a new client 'Elif Hanım'; "dr kim confirmed" a new client 'Kim Confirmed'."""
    assert first_person(note, KNOWN) == want


def test_matching_strips_an_honorific_after_the_name() -> None:
    """The forgiving matcher (replies to "which client?", `chet note --client`) strips it too."""
    cands = [names.Candidate(c.id, c.name) for c in KNOWN]
    assert [c.name for c in names.match_clients("Mehmet Bey", cands)] == ["Mehmet Kaya"]
    assert [c.name for c in names.match_clients("elif hanım", cands)] == ["Elif Demir"]
    assert names.strip_title("Dra. Lucía Mendoza") == "Lucía Mendoza"


@pytest.mark.parametrize(
    "text", ["good morning chet, coffee first", "hey chet, crazy week!", "evening! almost done for the day", "kia ora"]
)
def test_a_greeting_with_a_few_everyday_words_is_small_talk(text: str) -> None:
    assert small_talk(text) is not None


@pytest.mark.parametrize(
    "text", ["morning! dana wants the blue one", "hi, called the tanaka office", "hello! 3 boxes for rosa", "sweet"]
)
def test_a_greeting_before_a_note_leaves_the_note(text: str) -> None:
    """A name, a number or an action word after the greeting makes a note ("sweet" alone is an acknowledgement)."""
    found = small_talk(text)
    assert found is None or text == "sweet"


def test_the_chat_files_a_long_name_with_its_company_and_ignores_greetings(runtime: Runtime) -> None:
    """Through the real conversation and store: the whole name, the company apart, no client for a greeting."""
    chat = Conversation(runtime, transcriber=None)
    for text in ("grand", "morning! long week ahead"):
        chat.handle_text(U, text)
    said = "\n".join(
        r.text for r in chat.handle_text(U, "visita a la dra inés maría ortega vidal (Ópticas Ébano) - 40 frames")
    )
    assert "Inés María Ortega Vidal" in said
    clients = runtime.memory(U).ledger.clients()
    assert [(c.name, c.company) for c in clients] == [("Inés María Ortega Vidal", "Ópticas Ébano")]
    assert runtime.memory(U).ledger.count_notes() == 1


@pytest.mark.parametrize(
    ("reply", "want"),
    [
        ("inés maría ortega vidal", "Inés María Ortega Vidal"),
        ("dra inés ortega", "Inés Ortega"),
        ("khalid bin hamad al thani", "Khalid bin Hamad al Thani"),
    ],
)
def test_a_reply_to_which_client_may_be_a_long_name_or_carry_a_title(reply: str, want: str) -> None:
    """The answer to "which client?" was cut off at three words, and a title was kept in the name."""
    from bot.chat.routing import new_client_name

    assert new_client_name(reply) == want


def test_a_suffix_between_the_name_and_its_company_is_skipped(runtime: Runtime) -> None:
    """ "sione taufa jr (taufa roofing)": the company in brackets after the suffix is still the client's."""
    from bot.chat.routing import note_clients

    filing = note_clients(runtime.memory(U), "sione taufa jr (taufa roofing) wants 300 sheets")
    assert filing.name == "Sione Taufa from Taufa Roofing"


def test_a_first_surname_finds_a_client_with_two_surnames() -> None:
    """ "dra ortega" is Inés María Ortega Vidal: Spanish and Portuguese names go by the first surname too."""
    known = [Client(1, "Inés María Ortega Vidal"), Client(2, "Rafaela Costa dos Reis")]
    assert first_person("promised dra ortega the frame catalogue by friday", known) == "Inés María Ortega Vidal"
    assert first_person("sent Costa the floor plan", known) == "Rafaela Costa dos Reis"


def test_a_korean_given_name_keeps_one_capital() -> None:
    assert first_person("director kim ha-eun (kim ha-eun dental) wants 3 chairs") == "Kim Ha-eun"


def test_a_company_in_any_script_or_camel_case_leaves_the_display_name(runtime: Runtime) -> None:
    """ "<name> from Ópticas Sol" and "<name> from eBay" kept "from ..." in the client's name; a place stays text."""
    memory = runtime.memory(U)
    for display, name, company in [
        ("Inés Vidal from Ópticas Sol", "Inés Vidal", "Ópticas Sol"),
        ("Tomás Reyes from eBay", "Tomás Reyes", "eBay"),
        ("Kasia Nowak (3M Polska)", "Kasia Nowak", "3M Polska"),
    ]:
        client = memory.client_for_note(display)
        assert (client.name, client.company) == (name, company)


def test_the_detector_and_the_small_talk_table_read_the_same_words() -> None:
    """bot/chat/never_names.py and bot/chat/words.py read memory/data/not_clients.txt through memory.lexicon: same entries."""
    from bot.chat.never_names import never_names
    from bot.chat.words import NOT_A_CLIENT

    assert never_names() < NOT_A_CLIENT and "kia ora" in NOT_A_CLIENT and "undo" in never_names()
    assert "shalom" in NOT_A_CLIENT and "shalom" not in never_names()  # a greeting only as a whole message
