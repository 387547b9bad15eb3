"""A message written "on behalf of" a known client (by an assistant, a colleague) is that client's note: the writer
does not become a client of their own."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime

U = "61"


@pytest.mark.parametrize(
    "note",
    [
        "Good morning, I'm writing on behalf of Mr. Sato: he needs the invoice re-issued to the new address. "
        "Regards, Keiko Mori (assistant)",
        "Hola, escribo en nombre de la Sra. Sato, necesita la factura otra vez. Saludos, Lucía Blanco",
        "Tobias Frei here, on behalf of Hiroshi Sato - the delivery must move to the 20th",
    ],
)
def test_a_message_on_behalf_of_a_client_is_theirs(chat: Conversation, runtime: Runtime, note: str) -> None:
    chat.handle_text(U, "Hiroshi Sato: runs the Kobe print shop, wants 2 laminators")
    [*_, reply] = chat.handle_text(U, note)
    assert [c.name for c in runtime.memory(U).clients()] == ["Hiroshi Sato"], reply.text
    assert "Saved for Hiroshi Sato" in reply.text
