"""Two people joined by "and" when one has a particle in the name ("kiri te awa and giulia rossi"), and /undo of
a note that started a new client (issue 13, session 9). Names invented for these tests."""

from __future__ import annotations

import pytest

from bot.chat.conversation import Conversation
from bot.chat.mentions import mentions
from bot.runtime import Runtime

U = "779"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "kiri te awa and giulia rossi both at the expo, kiri wants oat syrups, giulia wants decaf",
            "Kiri te Awa",
            "Giulia Rossi",
        ),
        ("ana de souza and tom van dijk at the expo, ana wants oat milk", "Ana de Souza", "Tom van Dijk"),
        ("lina al amin and marco bianchi at the expo, both want decaf", "Lina al Amin", "Marco Bianchi"),
        ("tom van dijk and priya shah came by the stand, tom wants decaf", "Tom van Dijk", "Priya Shah"),
    ],
)
def test_a_name_with_a_particle_joined_by_and_is_two_people(text: str, first: str, second: str) -> None:
    found = [m.name for m in mentions(text, [])]
    assert found[:2] == [first, second], found


def test_a_first_name_alone_joined_to_a_full_name_still_shares_the_surname() -> None:
    found = [m.name for m in mentions("omar and lena vasquez came by, both want decaf", [])]
    assert found[:2] == ["Omar Vasquez", "Lena Vasquez"], found


def test_the_expo_note_files_under_the_first_person_and_starts_no_mixed_name(
    chat: Conversation, runtime: Runtime
) -> None:
    chat.handle_text(U, "kiri te awa and giulia rossi both at the expo, kiri wants oat syrups, giulia wants decaf")
    names = [c.name for c in runtime.memory(U).clients()]
    assert "Awa Rossi" not in names and "Kiri te Awa" in names, names


def test_undo_of_the_note_that_started_a_client_removes_that_client(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Dana Pike wants the walnut desk")
    chat.handle_text(U, "Hemi Walker wants 2 oak benches")
    (reply,) = chat.handle_text(U, "/undo")
    assert reply.text.startswith("Removed your last note (Hemi Walker:"), reply.text
    assert "Hemi Walker" in reply.text.split(")", 1)[1], reply.text  # the reply says the client went too
    assert [c.name for c in runtime.memory(U).clients()] == ["Dana Pike"]


def test_undo_keeps_a_client_with_other_notes(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Dana Pike wants the walnut desk")
    chat.handle_text(U, "Dana Pike wants it by june")
    chat.handle_text(U, "/undo")
    assert [c.name for c in runtime.memory(U).clients()] == ["Dana Pike"]
    assert [n.text for n in runtime.memory(U).ledger.notes()] == ["Dana Pike wants the walnut desk"]
