"""An unknown client's message says "no clients yet" only when there are none."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from memory.errors import UnknownClient
from memory.service import NoteInput
from memory.timeutil import now_utc


def test_no_clients_yet_only_when_true(runtime: Runtime) -> None:
    memory = runtime.memory("u-unknown")
    with pytest.raises(UnknownClient, match="no clients yet"):
        memory.find_client("Zelda Marsh")
    at = now_utc()
    memory.add_note(NoteInput("Orla Quigley", "wants the walnut desk", at, at.isoformat()))
    with pytest.raises(UnknownClient) as caught:
        memory.find_client("Zelda Marsh")
    assert "no clients yet" not in str(caught.value)
