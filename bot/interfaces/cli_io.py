"""What the CLI reads and prints: input bounded before it is read; a document (made in bot/documents.py) as
JSON, or the human form."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from bot.documents import export_json, to_json
from memory.errors import BadInput
from memory.records import LedgerExport


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1000} KB"


def read_input(path: str, what: str, max_bytes: int, max_line: int | None = None) -> bytes:
    """The bytes of a file ('-' = stdin), never reading past the caps: BadInput once they are passed.

    `max_bytes` bounds the whole input, `max_line` each line; /dev/zero or an endless pipe stops at the cap.
    """
    if path == "-":
        return _read_capped(sys.stdin.buffer, what, max_bytes, max_line)
    p = Path(path)
    if not p.exists():
        raise BadInput(f"{what} not found: {path}")
    if p.is_dir():
        raise BadInput(f"{what} is a directory: {path}")
    try:
        with p.open("rb") as stream:
            return _read_capped(stream, what, max_bytes, max_line)
    except OSError as err:
        raise BadInput(f"cannot read {what} {path}: {err.strerror}") from err


def _read_capped(stream: Any, what: str, max_bytes: int, max_line: int | None) -> bytes:
    chunks: list[bytes] = []
    total, line, line_len = 0, 1, 0
    while True:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise BadInput(f"the {what} is larger than {_size(max_bytes)}, the most Chet reads")
        if max_line is not None:
            for i, piece in enumerate(chunk.split(b"\n")):
                if i:
                    line, line_len = line + 1, 0
                line_len += len(piece)
                if line_len > max_line:
                    raise BadInput(
                        f"line {line} of the {what} is longer than {_size(max_line)}, the most one line may be"
                    )
        chunks.append(chunk)


def emit(data: Any, as_json: bool, human: Callable[[Any, TextIO], object], out: TextIO | None = None) -> None:
    """Print one JSON document, or the human-readable form."""
    out = out or sys.stdout
    if as_json:
        out.write(to_json(data) + "\n")
    else:
        human(data, out)


def emit_line(data: Any, out: TextIO | None = None) -> None:
    """Print one line of a JSON Lines answer (`search --queries`)."""
    (out or sys.stdout).write(to_json(data) + "\n")


def emit_export(export: LedgerExport, as_json: bool, out: TextIO | None = None) -> None:
    """Print an export: always JSON (it is an export), one line with --json, indented for reading without."""
    (out or sys.stdout).write(export_json(export, one_line=as_json) + "\n")
