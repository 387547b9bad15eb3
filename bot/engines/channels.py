"""Channels for an approved message: email over SMTP when configured, otherwise copy-ready text."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any, Protocol

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


SECURITY = ("starttls", "tls", "none")  # STARTTLS upgrade (587), implicit TLS (465), none (a trusted relay)
PLAINTEXT_LOGIN = (
    "logging in to the SMTP server without TLS would send the password in clear; use SMTP_SECURITY=starttls "
    "or tls, or set SMTP_ALLOW_PLAINTEXT_LOGIN=1 for a server you trust"
)


@dataclass
class SMTPChannel:
    """Email through an SMTP server, over TLS unless told otherwise (STARTTLS, or implicit TLS on 465).

    The server's certificate is verified (SMTP_CA_FILE adds a private authority); a server that offers no
    STARTTLS is an error, not a silent fall back to plain text.
    """

    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = None
    security: str = "starttls"
    allow_plaintext_login: bool = False
    ca_file: str | None = None
    timeout: float = 20.0
    name: str = "email"

    def send(self, to: str | None, subject: str, text: str) -> Delivery:
        """Send an email; EngineError (without secrets) when it cannot be sent safely or the server refuses."""
        if not to:
            return CopyChannel().send(to, subject, text)
        login = bool(self.user and self.password)
        if login and self.security == "none" and not self.allow_plaintext_login:
            raise EngineError(f"the email to {to} was not sent: {PLAINTEXT_LOGIN}")
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = self.sender, to, subject
        msg.set_content(text)
        try:
            context = ssl.create_default_context(cafile=self.ca_file) if self.security != "none" else None
            smtp = (
                smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
                if self.security == "tls"
                else smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            )
            with smtp:
                if self.security == "starttls":
                    smtp.ehlo()
                    if not smtp.has_extn("starttls"):  # never fall back to plain text on our own
                        raise EngineError(
                            f"the email to {to} was not sent: the SMTP server offers no STARTTLS "
                            "(SMTP_SECURITY=none sends without encryption to a relay you trust)"
                        )
                    smtp.starttls(context=context)
                if login:
                    smtp.login(self.user or "", self.password or "")
                smtp.send_message(msg)
        except ssl.SSLError as err:
            raise EngineError(
                f"the email to {to} was not sent: TLS with the SMTP server failed ({err.reason or type(err).__name__})"
            ) from err
        except (OSError, smtplib.SMTPException) as err:
            raise EngineError(f"the email to {to} could not be sent ({type(err).__name__})") from err
        return Delivery("email", to)


def build_channel(settings: Any) -> Channel:
    """SMTP when SMTP_HOST and SMTP_FROM are set (TLS by default), otherwise copy-ready text."""
    host = getattr(settings, "smtp_host", None)
    sender = getattr(settings, "smtp_from", None)
    if host and sender:
        password = getattr(settings, "smtp_password", None)
        ca_file = getattr(settings, "smtp_ca_file", None)
        return SMTPChannel(
            host=host,
            port=settings.smtp_port_resolved,
            sender=sender,
            user=getattr(settings, "smtp_user", None),
            password=password.get_secret_value() if password else None,
            security=settings.smtp_security_resolved,
            allow_plaintext_login=getattr(settings, "smtp_allow_plaintext_login", False),
            ca_file=str(ca_file) if ca_file else None,
        )
    return CopyChannel()
