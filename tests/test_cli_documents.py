"""The CLI's JSON documents are made from typed results in one place (bot/documents.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.documents import profile_document
from memory.service import NoteInput


def test_the_profile_document_holds_every_part(memory: Any) -> None:
    at = datetime(2026, 3, 2, 10, tzinfo=UTC)
    for i, text in enumerate(
        ["Dana wants the blue one, not the grey. Promised pricing by Friday.", "Dana will take the grey after all."]
    ):
        memory.add_note(NoteInput(client="Dana Lee", text=text, at=at.replace(day=2 + i), at_raw=f"2026-03-0{2 + i}"))
    dana = memory.find_client("Dana")
    profile = memory.client_profile(dana)
    assert profile.facts and profile.history and profile.commitments  # every part is exercised
    doc = profile_document(profile)  # the document both the CLI and the chat's profile read
    assert {f["value"] for f in doc["facts"]} and doc["history"] and doc["commitments"]
