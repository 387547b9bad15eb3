"""An ambiguous reply to "which client?" ("Ngozi" when two clients are called Ngozi) asks again and keeps the waiting
note: the button number typed next files it."""

from __future__ import annotations

from bot.chat.conversation import Conversation
from bot.chat.inbox import inbox_items
from bot.runtime import Runtime

U = "67"


def test_an_ambiguous_reply_keeps_the_note_waiting(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Ngozi Adeyemi: bakery in Lagos, wants the proofing cabinet")
    chat.handle_text(U, "Ngozi Okafor: café in Abuja, wants 2 grinders")
    assert len(runtime.memory(U).clients()) == 2  # "Ngozi Okafor: ..." is someone new, not the other Ngozi
    chat.handle_text(U, "ngozi - send her the brochure friday")
    [again] = chat.handle_text(U, "Ngozi")
    assert "Which one" in again.text
    [filed] = chat.handle_text(U, "2")
    memory = runtime.memory(U)
    assert "Saved for" in filed.text and inbox_items(memory) == []
    assert any("brochure" in n.text for n in memory.notes(limit=10))
