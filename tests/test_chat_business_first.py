"""A business named first, an ordinary word after a first name, a relative with a relation word (days set 7)."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from tests.helpers import sayer

U = "778"

say = sayer(U)


def clients(runtime: Runtime) -> list[str]:
    return sorted(c.name for c in runtime.memory(U).ledger.clients())


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
