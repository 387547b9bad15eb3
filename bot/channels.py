"""Channels for an approved message: email over SMTP when configured, otherwise copy-ready text."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

from memory.errors import EngineError


@dataclass(frozen=True)
class Delivery:
    """What happened to an approved message."""

    channel: str  # "email" | "copy"
    detail: str  # where it went, or the text to copy


class Channel(Protocol):
    """Sends one approved message."""

    name: str

    def send(self, to: str | None, subject: str, text: str) -> Delivery:
        """Deliver the text (or hand it back for copying)."""
        ...


class CopyChannel:
    """No sending configured: the salesperson copies the text into their own mail or messenger."""

    name = "copy"

    def send(self, to: str | None, subject: str, text: str) -> Delivery:
        """Return the text to copy."""
        return Delivery("copy", text)


@dataclass
class SMTPChannel:
    """Email through an SMTP server (STARTTLS and login when configured)."""

    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout: float = 20.0
    name: str = "email"

    def send(self, to: str | None, subject: str, text: str) -> Delivery:
        """Send an email; EngineError (without secrets) when the server refuses."""
        if not to:
            return CopyChannel().send(to, subject, text)
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = self.sender, to, subject
        msg.set_content(text)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.user and self.password:
                    smtp.login(self.user, self.password)
                smtp.send_message(msg)
        except (OSError, smtplib.SMTPException) as err:
            raise EngineError(f"the email to {to} could not be sent ({type(err).__name__})") from err
        return Delivery("email", to)


def build_channel(settings: object) -> Channel:
    """SMTP when SMTP_HOST and SMTP_FROM are set, otherwise copy-ready text."""
    host = getattr(settings, "smtp_host", None)
    sender = getattr(settings, "smtp_from", None)
    if host and sender:
        password = getattr(settings, "smtp_password", None)
        return SMTPChannel(
            host=host,
            port=getattr(settings, "smtp_port", 25),
            sender=sender,
            user=getattr(settings, "smtp_user", None),
            password=password.get_secret_value() if password else None,
            starttls=getattr(settings, "smtp_starttls", False),
        )
    return CopyChannel()
