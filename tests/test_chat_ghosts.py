"""No junk or ghost clients: a contraction after a first name ("txt'd") is no surname, and a client that a slip
started ("that was for X") leaves with the note it had, both ways (the move and its /undo)."""

from __future__ import annotations

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from tests.helpers import client_names

U = "53"


def test_a_contraction_after_a_first_name_is_no_surname(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Kwame Mensah: hardware store in Kumasi, wants 10 pallets of cement")
    chat.handle_text(U, "ugh kwame txt'd: wants 3 more pallets")
    chat.handle_text(U, "so ines email'd - the quote is fine")
    assert "Kwame Txt'D" not in client_names(runtime, U) and "Ines Email'D" not in client_names(runtime, U)
    assert "Kwame Mensah" in client_names(runtime, U)


def test_a_client_a_slip_started_leaves_with_its_note(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Lena Vogel: café in Graz, wants the lever machine")
    chat.handle_text(U, "lena fischer - wants 2 espresso grinders by friday")
    said = " ".join(r.text for r in chat.handle_text(U, "sorry that was for Lena Vogel"))
    assert "Moved" in said and client_names(runtime, U) == ["Lena Vogel"]
    chat.handle_text(U, "/undo")  # the move is undone: the note and its client come back, nothing else changes
    assert client_names(runtime, U) == ["Lena Fischer", "Lena Vogel"]
    memory = runtime.memory(U)
    assert memory.count_notes(memory.find_client("Lena Vogel").id) == 1


def test_undoing_a_move_to_a_new_client_leaves_no_ghost(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "tomas berg: wants 5 saunas")
    chat.handle_text(U, "that was for Tomas Lind")
    chat.handle_text(U, "/undo")
    assert client_names(runtime, U) == ["Tomas Berg"]
