"""Run the guard as the acceptance test does: `chet import` a client's notes, then `chet check` a text."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from bot.interfaces.cli import main


def _chet(data: Path, *argv: str) -> dict[str, Any]:
    """One in-process `chet --offline --data-dir DATA ...` call; its JSON output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--offline", "--data-dir", str(data), *argv])
    assert code == 0, err.getvalue()
    doc: dict[str, Any] = json.loads(out.getvalue())
    return doc


class World:
    """One client's notes imported into a fresh data dir; `check` runs the guard on a text at a time."""

    def __init__(self, tmp: Path, client: str, notes: list[tuple[str, str]]) -> None:
        self.data, self.client = tmp / "data", client
        lines = [
            json.dumps({"id": f"n{i}", "client": client, "text": text, "at": at}) for i, (at, text) in enumerate(notes)
        ]
        src = tmp / "notes.jsonl"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _chet(self.data, "import", "--json", str(src))
        self.tmp = tmp

    def check(self, text: str, at: str) -> dict[str, Any]:
        """The `chet check --json` document for `text` sent at `at`."""
        msg = self.tmp / "msg.txt"
        msg.write_text(text, encoding="utf-8")
        return _chet(self.data, "check", "--json", self.client, "--text-file", str(msg), "--at", at)

    def kinds(self, text: str, at: str) -> set[str]:
        """The finding kinds of `check` (empty when the text passes)."""
        doc = self.check(text, at)
        return {f["kind"] for f in doc["findings"]} if doc["verdict"] != "pass" else set()
