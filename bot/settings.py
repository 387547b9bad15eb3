"""The one typed settings object: environment first, then `.env` in the working directory."""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from memory.errors import BadInput
from memory.timeutil import zone

# Input caps: every input is bounded before it is read or decoded (a file may be /dev/zero). A note itself is
# capped at memory.service.MAX_NOTE_CHARS (20,000 characters); a whole import file at memory.importer.MAX_FILE_BYTES.
MAX_TEXT_BYTES = 1024 * 1024  # a message to check, one import line (JSON escapes may grow a note 6x): 1 MB


def default_data_dir() -> Path:
    """The platform data directory for Chet (XDG on Linux, Application Support on macOS)."""
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return Path(xdg) / "chet"
    home = Path.home()
    if (home / "Library").is_dir():
        return home / "Library" / "Application Support" / "chet"
    return home / ".local" / "share" / "chet"


class Settings(BaseSettings):
    """Every setting Chet reads (see `.env.example`); built once in `main` and passed down."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_allowed_users: str = ""
    telegram_base_url: str | None = None
    telegram_base_file_url: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_port: int = 8443

    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    chet_model: str = "gpt-4o-mini"
    chet_embedding_model: str = "text-embedding-3-small"
    chet_transcribe_model: str = "whisper-1"
    chet_llm_timeout: float = Field(default=20.0, gt=0)
    # Notes go to OPENAI_BASE_URL only when it is safe by itself (a key, and https or this machine) or trusted:
    chet_trust_llm_server: bool = False
    chet_embeddings: str = "local"
    chet_offline: bool = False
    chet_transcriber: str = "auto"  # auto | openai | local | none

    chet_data_dir: Path | None = None
    chet_user: str = "local"

    chroma_host: str | None = None
    chroma_port: int = 8000
    database_url: SecretStr | None = None  # may carry a password

    smtp_host: str | None = None
    smtp_port: int | None = None  # default: 465 with implicit TLS, else 587
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str | None = None
    smtp_security: str = "auto"  # auto (tls on port 465, else starttls) | starttls | tls | none
    smtp_allow_plaintext_login: bool = False  # logging in with SMTP_SECURITY=none sends the password in clear
    smtp_ca_file: Path | None = None  # a private certificate authority for the SMTP server

    chet_tz: str = "UTC"
    chet_digest_time: str = "08:00"
    chet_digest_draft_days: int = Field(default=3, ge=0)  # a pending draft older than this leaves the digest
    chet_salesperson_name: str | None = None
    chet_sender_name: str | None = None  # the drafts' sign-off ("Sam Carter"); `/settings name` overrides per user
    chet_debug: bool = False  # an unexpected error is raised with its traceback instead of one line (developers)

    @field_validator("chet_tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        value = value.strip()
        try:
            zone(value)
        except BadInput as err:  # refused here, before it could be saved as a salesperson's zone
            raise ValueError(str(err)) from None
        return value

    @field_validator("chet_digest_time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        value = value.strip()
        if not re.fullmatch(r"([01]?[0-9]|2[0-3]):[0-5][0-9]", value, re.ASCII):
            raise ValueError(f"not a time of day HH:MM: {value[:20]!r}")
        return value

    @field_validator("telegram_allowed_users")
    @classmethod
    def _numeric_ids(cls, value: str) -> str:
        for item in _id_items(value):
            if item.startswith("@"):
                raise ValueError(
                    f"{item[:40]!r} is a username; give numeric Telegram user ids (usernames change and are "
                    "not accepted; @userinfobot tells you your id)"
                )
            if not re.fullmatch(r"[0-9]{1,20}", item, re.ASCII):  # ASCII: '²' and '٣' are digits to str.isdigit
                raise ValueError(
                    f"{item[:40]!r} is not a numeric Telegram user id (ids are separated by commas or spaces)"
                )
        return value

    @field_validator("smtp_security")
    @classmethod
    def _known_security(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in {"auto", "starttls", "tls", "none"}:
            raise ValueError("must be auto, starttls, tls or none")
        return value

    @model_validator(mode="after")
    def _no_plaintext_login(self) -> Settings:
        login = bool(self.smtp_host and self.smtp_user and self.smtp_password)
        if login and self.smtp_security == "none" and not self.smtp_allow_plaintext_login:
            raise ValueError(
                "SMTP_SECURITY=none with SMTP_USER would send the password in clear; "
                "use starttls or tls, or set SMTP_ALLOW_PLAINTEXT_LOGIN=1"
            )
        return self

    @property
    def smtp_security_resolved(self) -> str:
        """starttls, tls or none: `auto` is implicit TLS on port 465 and STARTTLS elsewhere."""
        if self.smtp_security != "auto":
            return self.smtp_security
        return "tls" if self.smtp_port == 465 else "starttls"

    @property
    def smtp_port_resolved(self) -> int:
        """SMTP_PORT, else 465 for implicit TLS and 587 (submission) otherwise."""
        if self.smtp_port is not None:
            return self.smtp_port
        return 465 if self.smtp_security_resolved == "tls" else 587

    @field_validator("chet_embeddings")
    @classmethod
    def _known_embedder(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in {"local", "openai"}:
            raise ValueError("CHET_EMBEDDINGS must be 'local' or 'openai'")
        return value

    @property
    def data_dir(self) -> Path:
        """Where data lives: CHET_DATA_DIR, else the platform data dir."""
        return self.chet_data_dir or default_data_dir()

    @property
    def log_file(self) -> Path:
        """Where warnings and unexpected errors are written with their tracebacks: chet.log in the data dir."""
        return self.data_dir / "chet.log"

    @property
    def llm_refusal(self) -> str | None:
        """Why a configured OPENAI_BASE_URL is not used (a `.env` alone must not send notes anywhere), or None."""
        url = (self.openai_base_url or "").strip()
        if self.chet_offline or not url or self.chet_trust_llm_server:
            return None
        where = _safe_url(url)
        if self.openai_api_key is None:
            return (
                f"OPENAI_BASE_URL ({where}) is set without OPENAI_API_KEY, so Chet stays offline; "
                "set CHET_TRUST_LLM_SERVER=1 to send your notes to that server"
            )
        parts = urlsplit(url)
        if parts.scheme.lower() != "https" and not _is_loopback(parts.hostname or ""):
            return (
                f"OPENAI_BASE_URL ({where}) is not https and not this machine, so your notes and key would travel "
                "unencrypted; Chet stays offline. Use https, or set CHET_TRUST_LLM_SERVER=1 for a trusted network"
            )
        return None

    @property
    def llm_enabled(self) -> bool:
        """True when an LLM may be called: not offline, a key or a server, and no reason to refuse the server."""
        configured = self.openai_api_key is not None or bool(self.openai_base_url)
        return not self.chet_offline and configured and self.llm_refusal is None

    @property
    def llm_destination(self) -> str:
        """One line for start-up: where notes will be sent (a model's server) or that they stay here."""
        if not self.llm_enabled:
            return "notes stay on this machine (offline engine; no language model is called)"
        where = _safe_url(self.openai_base_url or "https://api.openai.com/v1")
        return f"notes are sent to the language model at {where} (model {self.chet_model})"

    @property
    def allowed_users(self) -> set[int]:
        """Telegram user ids allowed to talk to the bot."""
        return {int(x) for x in _id_items(self.telegram_allowed_users)}


def _is_loopback(host: str) -> bool:
    """True for this machine: localhost or a loopback address (no DNS lookup)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _safe_url(url: str) -> str:
    """The URL without any user:password part, for messages."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}{parts.path}" if parts.scheme else url.split("@")[-1]


def _id_items(value: str) -> list[str]:
    """TELEGRAM_ALLOWED_USERS split on commas and white space ("123, 456" and "123 456" are two ids)."""
    return [item for item in re.split(r"[,\s]+", value.strip()) if item]
