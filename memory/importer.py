"""Parse a JSON Lines import file: every line checked before anything is stored (all or nothing)."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from memory.errors import BadInput
from memory.service import NoteInput, validated_client_name, validated_note_text
from memory.timeutil import parse_when

MAX_FILE_BYTES = 512 * 1024 * 1024


def parse_lines(data: bytes, tz: ZoneInfo) -> list[NoteInput]:
    """NoteInputs from JSONL bytes; BadInput naming the first bad line."""
    if b"\x00" in data[:8192] and not data.lstrip().startswith(b"{"):
        raise BadInput("the file is binary, not JSON Lines")
    items: list[NoteInput] = []
    first_seen: dict[str, tuple[int, NoteInput]] = {}
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise BadInput(f"line {number}: not valid UTF-8 (byte {err.start})") from err
        item = _parse_line(line, number, tz)
        earlier = first_seen.setdefault(item.note_id or "", (number, item))
        if earlier[0] != number and (earlier[1].client, earlier[1].text, earlier[1].at_raw) != (
            item.client,
            item.text,
            item.at_raw,
        ):
            raise BadInput(
                f"line {number}: id {str(item.note_id)[:80]!r} is already used on line {earlier[0]} for another note"
            )
        items.append(item)
    if not items:
        raise BadInput("the file holds no notes")
    return items


def _parse_line(line: str, number: int, tz: ZoneInfo) -> NoteInput:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadInput(f"line {number}: invalid JSON ({err.msg} at column {err.colno})") from err
    except RecursionError as err:
        raise BadInput(f"line {number}: invalid JSON (nested too deeply)") from err
    if not isinstance(record, dict):
        raise BadInput(f"line {number}: expected a JSON object with id, client, text, at")
    missing = [k for k in ("id", "client", "text", "at") if k not in record or record[k] is None]
    if missing:
        raise BadInput(f"line {number}: missing {', '.join(missing)}")
    note_id = record["id"]
    if isinstance(note_id, bool) or not isinstance(note_id, str | int):
        raise BadInput(f"line {number}: id must be a string")
    note_id = str(note_id)
    if not note_id.strip() or len(note_id) > 500 or "\x00" in note_id or not note_id.isprintable():
        raise BadInput(f"line {number}: id must be a non-empty string of at most 500 characters")
    for key in ("client", "text", "at"):
        if not isinstance(record[key], str):
            raise BadInput(f"line {number}: {key} must be a string")
    try:
        client = validated_client_name(record["client"])
        validated_note_text(record["text"])  # validates; the text is stored exactly as given
        text = record["text"]
        at = parse_when(record["at"], tz)
    except BadInput as err:
        raise BadInput(f"line {number}: {err}") from err
    return NoteInput(client=client, text=text, at=at, at_raw=record["at"].strip(), note_id=note_id, source="import")
