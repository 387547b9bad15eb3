"""The one reader of the benchmarks' JSON Lines data: one object a line, blank lines skipped, errors name the line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class JsonLinesError(ValueError):
    """A line of a JSON Lines file that is not JSON."""


def numbered_lines(path: Path, error: type[ValueError] = JsonLinesError) -> list[tuple[int, Any]]:
    """Each line's number (from 1) and parsed value; `error` (naming path:line) for a line that is not JSON."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise error(f"{path}:{number}: not JSON ({exc.msg})") from exc
    return rows


def read_jsonl(path: Path) -> list[Any]:
    """Every value of a JSON Lines file, in order."""
    return [value for _, value in numbered_lines(path)]
