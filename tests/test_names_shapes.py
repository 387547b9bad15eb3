"""Who a typed note is about, by the shape of the name: family names written first in lower case, a Korean given
name of two joined syllables, a company or venue in brackets or after "at", a single name with its company, titles
of other languages and faiths. Notes invented for these tests (issue 13, session 9), in other trades and names than
any benchmark set.
"""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation, Reply
from bot.chat.routing import note_clients
from bot.runtime import Runtime
from memory.service import Memory

U = "6161"


pytestmark = pytest.mark.scripted_voice  # conftest's `chat` gets a ScriptedTranscriber


def filed(memory: Memory, note: str) -> str | None:
    return note_clients(memory, note).name


@pytest.mark.parametrize(
    ("note", "client"),
    [
        ("tan kok leong wants 12 rolls of the batik", "Tan Kok Leong"),
        ("lim siew mei called, needs 4 fridges", "Lim Siew Mei"),
        ("promised goh boon hwa the price list", "Goh Boon Hwa"),
    ],
)
def test_a_lower_case_family_name_before_two_given_syllables_stays(memory: Memory, note: str, client: str) -> None:
    assert filed(memory, note) == client


@pytest.mark.parametrize(
    ("note", "client"),
    [
        ("choi seo-yeon asked for the matte finish", "Choi Seo-yeon"),
        ("jung hye-jin wants the 50ml bottles", "Jung Hye-jin"),
    ],
)
def test_a_hyphenated_korean_given_name_makes_a_lower_case_family_name_a_person(
    memory: Memory, note: str, client: str
) -> None:
    assert filed(memory, note) == client


@pytest.mark.parametrize(
    "note",
    ["tan leather for the sofa, 3 metres", "min order qty is 50 units", "needs the hi-vis vests and a follow-up call"],
)
def test_ordinary_words_stay_words(memory: Memory, note: str) -> None:
    assert filed(memory, note) is None


@pytest.mark.parametrize(
    ("note", "client"),
    [
        ("rosa delgado (Delgado Hermanos Bodega) wants 40 cases", "Rosa Delgado"),
        ("meneer jan visser (Visser Bouwgroep) wants the oak floor", "Jan Visser"),
        ("amara okafor, buyer at Blue Lantern Stores, wants 40 lamps", "Amara Okafor"),
        ("ivan petrov (Petrov Stroy, Kazan) needs 8 pallets of tiles", "Ivan Petrov"),
        ("marcello di stefano (di stefano vini, bari) wants 6 cases", "Marcello di Stefano"),
    ],
)
def test_the_company_beside_a_person_is_never_the_client(memory: Memory, note: str, client: str) -> None:
    name = filed(memory, note) or ""
    assert name.split(" from ")[0] == client


@pytest.mark.parametrize(
    ("note", "client"),
    [
        ("Sari (CV Maju Jaya) wants 12 ceiling fans", "Sari"),
        ("Tendai (Mukuru Hardware) needs 30 bags of cement", "Tendai"),
        ("Sato-san (Kissa Sato, Kyoto) wants 3 coffee grinders", "Sato"),  # the honorific is no part of the name
    ],
)
def test_a_single_name_with_its_company_in_brackets_is_the_client(
    chat: Conversation, runtime: Runtime, note: str, client: str
) -> None:
    (reply,) = chat.handle_text(U, note)
    assert isinstance(reply, Reply) and reply.text.startswith(f"Saved for {client}")
    (stored,) = runtime.memory(U).clients()
    assert stored.name == client and stored.company
    (again,) = chat.handle_text(U, f"{client.lower()} called again, make it 20")
    assert again.text.startswith(f"Saved for {client}")


@pytest.mark.parametrize(
    "note", ["Update (urgent): the crates are late", "Delivery (Acme) is late again", "Follow-up (Acme) due today"]
)
def test_a_word_before_brackets_is_no_single_name(memory: Memory, note: str) -> None:
    assert filed(memory, note) is None


def test_an_article_before_a_foreign_word_is_no_given_name(memory: Memory) -> None:
    assert filed(memory, "ship 2 of the torrontés and 3 of the rosé") is None


@pytest.mark.parametrize(
    ("note", "client"),
    [
        ("alhaji sani bello needs a 60kva generator", "Sani Bello"),
        ("revd grace mensah wants 50 hymn books", "Grace Mensah"),
        ("fr. tomasz kowal wants 60 folding chairs", "Tomasz Kowal"),
    ],
)
def test_titles_of_other_languages_and_faiths_introduce_the_name(memory: Memory, note: str, client: str) -> None:
    assert filed(memory, note) == client
