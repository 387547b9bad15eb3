"""The one typed settings object: environment first, then `.env` in the working directory."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    chet_embeddings: str = "local"
    chet_offline: bool = False
    chet_transcriber: str = "auto"  # auto | openai | local | none

    chet_data_dir: Path | None = None
    chet_user: str = "local"

    chroma_host: str | None = None
    chroma_port: int = 8000
    database_url: SecretStr | None = None  # may carry a password

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str | None = None
    smtp_starttls: bool = False

    chet_tz: str = "UTC"
    chet_digest_time: str = "08:00"
    chet_salesperson_name: str | None = None
    chet_sender_name: str | None = None  # the drafts' sign-off ("Sam Carter"); `/settings name` overrides per user

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
    def llm_enabled(self) -> bool:
        """True when an LLM may be called (a key or a compatible server, and not offline)."""
        return not self.chet_offline and (self.openai_api_key is not None or bool(self.openai_base_url))

    @property
    def allowed_users(self) -> set[int]:
        """Telegram user ids allowed to talk to the bot."""
        return {int(x) for x in self.telegram_allowed_users.replace(" ", "").split(",") if x.isdigit()}
