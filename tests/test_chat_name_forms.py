"""A hyphenated given name typed alone ("siu-fong", "wai-lam") reaches its client in notes and questions, as the
full name does; a name set off by a colon at the note's start is its subject, before a place named later."""

from __future__ import annotations

from bot.chat.conversation import Conversation
from bot.runtime import Runtime

U = "59"


def test_a_name_before_a_colon_is_the_subject_not_a_place_after_it(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Wai-Lam Cheung: dim sum place in Sham Shui Po, wants 4 steamers")
    assert [c.name for c in runtime.memory(U).clients()] == ["Wai-Lam Cheung"]


def test_a_hyphenated_given_name_alone_files_under_its_client(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text(U, "Siu-Fong Leung: noodle bar, wants the wok burners")
    [reply] = chat.handle_text(U, "siu-fong rang, wants 2 more burners")
    assert [c.name for c in runtime.memory(U).clients()] == ["Siu-Fong Leung"]
    assert "Saved for Siu-Fong Leung" in reply.text and "(No name" not in reply.text


def test_a_question_naming_a_hyphenated_given_name_is_answered(chat: Conversation) -> None:
    chat.handle_text(U, "Siu-Fong Leung: noodle bar, wants the wok burners, delivery on the 18th")
    chat.handle_text(U, "Anne-Sophie Martin: wants 6 oak chairs for the terrace")
    said = " ".join(r.text for r in chat.handle_text(U, "when is the delivery for siu-fong?"))
    assert "18th" in said and "no note" not in said.casefold()
