"""The console chat: the same Conversation as Telegram, in the terminal (buttons become numbered choices).

In a terminal, a pasted block (an email, several lines of notes) is one message: the terminal is asked
for bracketed paste (ESC[?2004h), which wraps a paste in ESC[200~ ... ESC[201~. When stdin is not a
terminal, one line is one message (scripts rely on it), unless the input itself carries those markers.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from bot.chat.conversation import START, Button, Conversation, Reply
from bot.engines.llm_deadline import llm_deadline
from bot.engines.voice import MAX_AUDIO_BYTES
from bot.runtime import Runtime
from bot.settings import MAX_TEXT_BYTES

__all__ = ["run_console"]

log = logging.getLogger(__name__)

CONSOLE_HELP = "(Console: type a number to tap a button, /voice FILE to send a voice note, Ctrl+D to quit.)"
PASTE_ON, PASTE_OFF = "\x1b[?2004h", "\x1b[?2004l"  # ask the terminal to mark pastes / stop marking them
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"  # the marks around a pasted block


TOO_LONG = "That message is too long for me (over 1 MB). Please send it in shorter parts."


class MessageTooLong(Exception):
    """A line or a paste longer than MAX_TEXT_BYTES: skipped, never kept whole in memory."""


def _bounded_line(source: TextIO) -> str:
    """One line of at most MAX_TEXT_BYTES; the rest of a longer one is read past and MessageTooLong raised."""
    line = source.readline(MAX_TEXT_BYTES)  # bounded: the input may be an endless pipe
    if len(line) >= MAX_TEXT_BYTES and not line.endswith("\n"):
        while (rest := source.readline(MAX_TEXT_BYTES)) and not rest.endswith("\n"):
            pass  # skip the rest of an over-long line without keeping it
        raise MessageTooLong
    return line


def read_message(source: TextIO) -> str | None:
    """The next message: one line, or a whole bracketed paste (and what was typed after it); None at the end.

    Raises MessageTooLong for a line or a paste over MAX_TEXT_BYTES (what remains of it is skipped).
    """
    line = _bounded_line(source)
    if not line:
        return None
    if PASTE_START not in line:
        return line.strip()
    before, _, rest = line.partition(PASTE_START)
    parts = [before, rest]
    size = len(line)
    while PASTE_END not in parts[-1]:
        more = _bounded_line(source)
        if not more:  # input ended inside a paste: keep what came
            break
        size += len(more)
        if size > MAX_TEXT_BYTES:
            while more and PASTE_END not in more:
                more = _bounded_line(source)
            raise MessageTooLong
        parts.append(more)
    pasted, _, after = "".join(parts).partition(PASTE_END)
    text = (pasted + after).replace(PASTE_START, "").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


@contextlib.contextmanager
def bracketed_paste(source: TextIO, out: TextIO) -> Iterator[None]:
    """Turn bracketed paste on for a terminal (and hide the echoed marks); off again on the way out."""
    if not source.isatty():
        yield
        return
    saved = _quiet_control_echo(source)
    out.write(PASTE_ON)
    out.flush()
    try:
        yield
    finally:
        out.write(PASTE_OFF)
        out.flush()
        if saved is not None:
            import termios  # Unix terminals only

            with contextlib.suppress(OSError, termios.error):
                termios.tcsetattr(source.fileno(), termios.TCSANOW, saved)


def _quiet_control_echo(source: TextIO) -> list[Any] | None:
    """Stop the terminal echoing the paste marks as ^[[200~ (ECHOCTL off); the old settings, to restore."""
    try:
        import termios  # Unix terminals only

        fd = source.fileno()
        saved: list[Any] = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~getattr(termios, "ECHOCTL", 0)
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
        return saved
    except (ImportError, OSError, ValueError, AttributeError) as err:  # not a real terminal, or no termios
        log.debug("could not hide control characters: %s", err)
        return None


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
    log_file = runtime.settings.log_file
    out.write(START + "\n" + CONSOLE_HELP + "\n\n")
    with bracketed_paste(source, out):
        _loop(conversation, user, source, out, interactive, export_dir, runtime.settings.chet_llm_timeout, log_file)
    if interactive:
        out.write("\nbye\n")
    return 0


def _loop(
    conversation: Conversation,
    user: str,
    source: TextIO,
    out: TextIO,
    interactive: bool,
    export_dir: Path,
    deadline: float,
    log_file: Path,
) -> None:
    """Read messages until the end of input or /quit; print the replies."""
    buttons: list[Button] = []
    while True:
        if interactive:
            out.write("you> ")
            out.flush()
        try:
            text = read_message(source)
        except KeyboardInterrupt:
            break
        except MessageTooLong:
            buttons = _print_replies([Reply(TOO_LONG)], out, export_dir)
            continue
        if text is None:
            break
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
            replies = [
                Reply(
                    f"Sorry, something went wrong on my side (the details are in {log_file}). "
                    "Your notes are safe; please try again."
                )
            ]
        buttons = _print_replies(replies, out, export_dir)


def _voice(conversation: Conversation, user: str, name: str) -> list[Reply]:
    path = Path(name).expanduser()
    if not path.is_file():
        return [Reply(f"No such audio file: {name}")]
    mime = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".wav": "audio/wav"}.get(path.suffix.lower(), "audio/ogg")
    if path.stat().st_size > MAX_AUDIO_BYTES:  # before reading it: a local file can be any size
        return conversation.handle_unsupported(user, "too_large")
    return conversation.handle_voice(user, path.read_bytes(), None, mime)
