"""The console chat: the same Conversation as Telegram, in the terminal (buttons become numbered choices)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from bot.conversation import START, Button, Conversation, Reply
from bot.llm_deadline import llm_deadline
from bot.runtime import Runtime
from bot.settings import MAX_TEXT_BYTES
from bot.voice import MAX_AUDIO_BYTES

__all__ = ["run_console"]

log = logging.getLogger(__name__)

CONSOLE_HELP = "(Console: type a number to tap a button, /voice FILE to send a voice note, Ctrl+D to quit.)"


def _print_replies(replies: list[Reply], out: TextIO, export_dir: Path) -> list[Button]:
    """Print replies; return the buttons, numbered in the order printed."""
    buttons: list[Button] = []
    for reply in replies:
        out.write(reply.text.rstrip() + "\n")
        if reply.document is not None:
            name, data = reply.document
            export_dir.mkdir(parents=True, exist_ok=True)
            path = export_dir / name
            path.write_bytes(data)
            out.write(f"(saved {path})\n")
        for row in reply.buttons:
            labels = []
            for button in row:
                buttons.append(button)
                labels.append(f"[{len(buttons)}] {button.label}")
            out.write("   " + "   ".join(labels) + "\n")
    out.write("\n")
    out.flush()
    return buttons


TOO_LONG = "That message is too long for me (over 1 MB). Please send it in shorter parts."


def run_console(
    runtime: Runtime,
    conversation: Conversation | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Chat in the terminal as CHET_USER until end of input; works with piped stdin."""
    source, out = stdin or sys.stdin, stdout or sys.stdout
    conversation = conversation or Conversation(runtime)
    user = runtime.settings.chet_user
    interactive = source.isatty()
    export_dir = runtime.settings.data_dir / "exports"
    out.write(START + "\n" + CONSOLE_HELP + "\n\n")
    buttons: list[Button] = []
    deadline = runtime.settings.chet_llm_timeout
    while True:
        if interactive:
            out.write("you> ")
            out.flush()
        try:
            line = source.readline(MAX_TEXT_BYTES)  # bounded: the input may be an endless pipe
            too_long = len(line) >= MAX_TEXT_BYTES and not line.endswith("\n")
            while too_long and (rest := source.readline(MAX_TEXT_BYTES)) and not rest.endswith("\n"):
                pass  # skip the rest of an over-long line without keeping it
        except KeyboardInterrupt:
            break
        if not line:
            break
        if too_long:
            buttons = _print_replies([Reply(TOO_LONG)], out, export_dir)
            continue
        text = line.strip()
        if not text:
            continue
        try:
            if text.isdigit() and 1 <= int(text) <= len(buttons):
                with llm_deadline(deadline):
                    replies = conversation.handle_callback(user, buttons[int(text) - 1].data)
            elif text.lower().startswith("/voice "):
                replies = _voice(conversation, user, text[7:].strip())
            elif text.lower() in {"/quit", "/exit"}:
                break
            else:
                with llm_deadline(deadline):  # one deadline for all the model calls of one reply
                    replies = conversation.handle_text(user, text)
        except KeyboardInterrupt:
            break
        except Exception:  # never a raw traceback in the chat; the log has it
            log.exception("the console chat failed on one message")
            replies = [Reply("Sorry, something went wrong on my side. Your notes are safe; please try again.")]
        buttons = _print_replies(replies, out, export_dir)
    if interactive:
        out.write("\nbye\n")
    return 0


def _voice(conversation: Conversation, user: str, name: str) -> list[Reply]:
    path = Path(name).expanduser()
    if not path.is_file():
        return [Reply(f"No such audio file: {name}")]
    mime = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".wav": "audio/wav"}.get(path.suffix.lower(), "audio/ogg")
    if path.stat().st_size > MAX_AUDIO_BYTES:  # before reading it: a local file can be any size
        return conversation.handle_unsupported(user, "too_large")
    return conversation.handle_voice(user, path.read_bytes(), None, mime)
