"""Secrets never reach a log: the bot token, API key and SMTP password are scrubbed where records are made."""

from __future__ import annotations

import logging
from typing import Any

from memory import url_secrets

_SECRETS: set[str] = set()
_redacting = False


def redact_secrets(*secrets: str | None) -> None:
    """Scrub these strings from every log record made from now on, message and traceback, process-wide.

    A handler filter would miss records of handlers added later (and PTB logs the Bot API URL, which holds
    the token, at DEBUG when the Bot is built), so the scrubbing happens where records are made.
    """
    global _redacting
    _SECRETS.update(s for s in secrets if s and len(s) >= 8)
    if _redacting:
        return
    _redacting = True
    make = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return _scrub(make(*args, **kwargs))

    logging.setLogRecordFactory(factory)


def _scrub(record: logging.LogRecord) -> logging.LogRecord:
    secrets = sorted(_SECRETS, key=len, reverse=True)  # the whole token before its secret half
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: logging reports it itself
        return record
    for s in secrets:
        message = message.replace(s, "<redacted>")
    # Frozen now: PTB logs dicts it later fills with file URLs that hold the token.
    record.msg, record.args = message, None
    if record.exc_info and record.exc_info[1] is not None:
        text = logging.Formatter().formatException(record.exc_info)
        if any(s in text for s in secrets):
            for s in secrets:
                text = text.replace(s, "<redacted>")
            record.exc_text = text
    return record


def redact_settings(settings: Any) -> None:
    """Scrub every secret the settings hold (token and its secret half, API key, SMTP and database passwords)."""

    def secret(value: Any) -> str | None:
        return value.get_secret_value() if value is not None else None

    token = secret(settings.telegram_bot_token)
    redact_secrets(
        token,
        token.partition(":")[2] if token else None,
        secret(settings.openai_api_key),
        secret(settings.smtp_password),
        *url_secrets(secret(settings.database_url) or ""),
    )
