"""`forget` means everywhere: the client's voice recordings and the LLM exchanges that quote them go too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.documents import profile_document
from memory.service import NoteInput
from memory.timeutil import now_utc


def _note(memory: Any, client: str, text: str, audio: Path | None = None) -> None:
    now = now_utc()
    memory.add_note(NoteInput(client, text, now, now.isoformat(), audio_path=str(audio) if audio else None))


def _exchange(memory: Any, prompt: str) -> None:
    memory.ledger.log_llm({"model": "m", "task": "extract", "prompt": prompt, "response": "{}"})


def test_forget_deletes_recordings_and_the_llm_exchanges_that_quote_the_client(memory: Any, data_dir: Path) -> None:
    audio = data_dir / "audio" / "local"
    audio.mkdir(parents=True)
    dana_clip, omar_clip = audio / "dana.ogg", audio / "omar.ogg"
    dana_clip.write_bytes(b"OggS dana")
    omar_clip.write_bytes(b"OggS omar")
    outside = data_dir.parent / "keep.ogg"  # a path in the ledger never names a file outside Chet's audio folder
    outside.write_bytes(b"OggS precious")
    _note(memory, "Dana Whitaker", "Her daughter Sofia starts college in the fall.", dana_clip)
    _note(memory, "Dana Whitaker", "Wants the blue one, not the grey.", outside)
    _note(memory, "Omar Haddad", "Collects vintage watches.", omar_clip)
    _exchange(memory, "Extract facts from: Her daughter Sofia starts college in the fall.")
    _exchange(memory, "Draft a follow-up to Dana Whitaker about pricing")
    _exchange(memory, "Extract facts from: Collects vintage watches.")
    memory.forget(memory.find_client("Dana Whitaker"))
    assert not dana_clip.exists() and omar_clip.exists() and outside.exists()
    prompts = [e["prompt"] for e in memory.ledger.llm_log(10)]
    assert prompts == ["Extract facts from: Collects vintage watches."]


def test_an_older_note_imported_later_never_changes_the_sending_address(memory: Any) -> None:
    from datetime import timedelta

    now = now_utc()
    memory.add_note(NoteInput("Dana Lee", "Her email is dana@new.example.", now, now.isoformat()))
    old = now - timedelta(days=300)
    memory.import_notes([NoteInput("Dana Lee", "Email: dana@old.example", old, old.isoformat(), note_id="o1")])
    client = memory.find_client("Dana Lee")
    shown = [f["text"] for f in profile_document(memory.client_profile(client))["facts"] if "@" in f["text"]]
    assert client.email == "dana@new.example" and any("dana@new.example" in t for t in shown)


def test_a_look_alike_of_a_client_name_is_the_same_client(memory: Any) -> None:
    _note(memory, "Dana Lee", "Wants the blue one.")
    _note(memory, "D\u0430na L\u0435e", "Now the green one.")  # Cyrillic а and е
    _note(memory, "\u0421\u0430\u0448\u0430", "A client whose name is written in Cyrillic.")  # Саша stays itself
    assert sorted(c.name for c in memory.ledger.clients()) == ["Dana Lee", "\u0421\u0430\u0448\u0430"]
