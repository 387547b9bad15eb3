"""What the conversation sends back: a reply's text, its buttons, an optional file."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.chat.texts import label
from memory.records import Client

__all__ = ["MAX_CALLBACK_BYTES", "Button", "Reply", "client_rows"]

MAX_CALLBACK_BYTES = 64  # Telegram's limit on callback_data


@dataclass(frozen=True)
class Button:
    """An inline button: a label and a short token (never user text) that comes back when tapped."""

    label: str
    data: str

    def __post_init__(self) -> None:
        if len(self.data.encode("utf-8")) > MAX_CALLBACK_BYTES:
            raise ValueError(f"button data longer than {MAX_CALLBACK_BYTES} bytes: {self.data[:20]!r}...")


@dataclass
class Reply:
    """One message back to the salesperson: plain text, optional button rows, optional file."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    document: tuple[str, bytes] | None = None
    note_saved: bool = False  # a note was filed: Telegram also reacts to the salesperson's message


def client_rows(clients: list[Client], prefix: str = "c") -> list[list[Button]]:
    """Buttons for clients, two a row; tapping one sends `prefix:id`."""
    buttons = [
        Button(label(c.name + (f" ({c.company})" if c.company else ""), 32), f"{prefix}:{c.id}") for c in clients
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
