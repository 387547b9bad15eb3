"""A business named first, an ordinary word after a first name, a relative with a relation word (days set 7)."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from tests.helpers import client_names, sayer

U = "778"

say = sayer(U)


def clients(runtime: Runtime) -> list[str]:
    return client_names(runtime, U)


@pytest.mark.parametrize(
    ("note", "client"),
    [
        ("bloemenwinkel Roos - owner Sanne Bakker, wants 40 vases, no plastic", "Sanne Bakker"),
        ("Blumenladen Erika - met Jonas Weber the owner, wants tulips weekly", "Jonas Weber"),
        ("kasap Yıldız - met Emre Kaya the owner, wants 30kg lamb every friday", "Emre Kaya"),
        ("Tienda La Paloma - met Martín Acosta the owner, wants 12 boxes of the oolong", "Martín Acosta"),
    ],
)
def test_a_shop_named_first_in_any_language_is_not_the_client(
    chat: Conversation, runtime: Runtime, note: str, client: str
) -> None:
    """JUNKCLIENT: '<shop word> <Name> - <person>': the person is the client, whatever language the shop word."""
    reply = say(chat, note)
    assert reply.text.startswith(f"Saved for {client}"), reply.text
    assert clients(runtime) == [client]


@pytest.mark.parametrize(
    "aside",
    [
        "her mum Tita Lorna is paying, budget 120k php",
        "his assistant Lena Koch handles the invoices",
        "her sister Marisol Vega wants the same dress in blue",
        "their secretary, Jan de Wit, books the fittings",
    ],
)
def test_a_relative_or_helper_named_with_the_relation_stays_on_the_client(
    chat: Conversation, runtime: Runtime, aside: str
) -> None:
    """WRONGCLIENT: '<her/his> <relation or role> <Full Name>' is no new client; the note is the client's."""
    say(chat, "bride Ana Reyes, wedding in june, wants ivory, size 8")
    reply = say(chat, aside)
    assert reply.text.startswith("Saved for Ana Reyes"), reply.text
    assert clients(runtime) == ["Ana Reyes"]


@pytest.mark.parametrize(
    ("client", "note"),
    [
        ("Craig Dunn", "craig keen on the quote, wants it by friday"),
        ("Luana Ferreira", "luana mudou de ideia, quer o azul"),
        ("Kim Soo-jin", "promised soojin a sample of the new sejak by friday"),
        ("Mateo Ruiz", "mateo cambió de idea, quiere el azul"),
        ("Daan Visser", "daan zegt 15kg, niet 12kg"),
    ],
)
def test_a_common_word_after_a_known_first_name_is_no_surname(
    chat: Conversation, runtime: Runtime, client: str, note: str
) -> None:
    """FIRSTNAME: '<known first name> <lowercase common word>' is that client, not a new 'Craig Keen'."""
    say(chat, f"{client} - met today, wants the catalogue")
    reply = say(chat, note)
    assert reply.text.startswith(f"Saved for {client}"), reply.text
    assert clients(runtime) == [client]


def test_a_real_surname_after_a_known_first_name_is_still_someone_new(chat: Conversation, runtime: Runtime) -> None:
    """A census surname after the shared first name ("craig hansen") is a new client."""
    say(chat, "Craig Dunn - met today, wants the catalogue")
    assert "a new client" in say(chat, "craig hansen wants a quote for 20 units").text
    assert clients(runtime) == ["Craig Dunn", "Craig Hansen"]
