"""Sending replies on Telegram, with bounded retries: shared by the handlers and the daily digest job."""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.chat.reply import Reply
from bot.chat.texts import split_message

__all__ = ["MAX_TEXT", "RETRY_AFTER_CAP_S", "SEND_ATTEMPTS", "SEND_BACKOFF_S", "send_replies"]

log = logging.getLogger(__name__)

MAX_TEXT = 4000  # Telegram allows 4096 characters per message
# Sending a reply: PTB itself does not retry a failed request (its AIORateLimiter only retries RetryAfter, needs
# the extra aiolimiter, and retries none by default), so each reply gets a few bounded attempts of its own.
SEND_ATTEMPTS = 3  # first try plus two retries
SEND_BACKOFF_S = (0.25, 1.0)  # wait before the 2nd and 3rd attempt after a 5xx or a network error
RETRY_AFTER_CAP_S = 30.0  # a flood wait longer than this is not waited for: the failure is logged instead


def _markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in reply.buttons]
    )


def _chunks(text: str, size: int = MAX_TEXT) -> list[str]:
    return split_message(text, size)


async def send_replies(bot: Any, chat_id: int, replies: list[Reply]) -> bool:
    """Send replies as plain text (no parse mode, so user text never breaks formatting).

    Each Bot API call is retried (bounded) on a 5xx, a network error or a RetryAfter; when a reply still
    cannot be sent the failure is logged and the rest of this update's replies are dropped (what the
    salesperson said is already in the ledger). Returns True when every reply went out.
    """
    for reply in replies:
        if reply.document is not None:
            name, data = reply.document
            caption = reply.text[:1000]

            def call_doc(name: str = name, data: bytes = data, caption: str = caption) -> Awaitable[Any]:
                return bot.send_document(chat_id, document=data, filename=name, caption=caption)

            if not await _deliver(call_doc, chat_id, "sendDocument"):
                return False
            continue
        chunks = _chunks(reply.text)
        for i, chunk in enumerate(chunks):
            markup = _markup(reply) if i == len(chunks) - 1 else None

            def call_msg(chunk: str = chunk, markup: InlineKeyboardMarkup | None = markup) -> Awaitable[Any]:
                return bot.send_message(chat_id, chunk, reply_markup=markup)

            if not await _deliver(call_msg, chat_id, "sendMessage"):
                return False
    return True


async def _deliver(call: Callable[[], Awaitable[Any]], chat_id: int, method: str) -> bool:
    """One Bot API call with bounded retries; False (logged) when it could not be made."""
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            await call()
            return True
        except RetryAfter as err:
            wait = _as_seconds(err) + 0.1
            if attempt == SEND_ATTEMPTS or wait > RETRY_AFTER_CAP_S:
                problem = f"flood control (retry after {wait:.0f} s)"
                break
            log.info("%s to chat %s: flood control, retrying in %.1f s", method, chat_id, wait)
            await asyncio.sleep(wait)
        except BadRequest:
            raise  # our request is wrong: retrying cannot help (on_error logs it)
        except NetworkError as err:  # 5xx answers, dropped connections, timeouts
            if attempt == SEND_ATTEMPTS:
                problem = f"{type(err).__name__}: {err}"
                break
            wait = SEND_BACKOFF_S[min(attempt, len(SEND_BACKOFF_S)) - 1]
            log.info(
                "%s to chat %s failed (%s: %s); retrying in %.1f s", method, chat_id, type(err).__name__, err, wait
            )
            await asyncio.sleep(wait)
    log.warning(
        "could not deliver a reply (%s) to chat %s after %d attempts: %s; the salesperson's input is kept",
        method,
        chat_id,
        attempt,
        problem,
    )
    return False


def _as_seconds(err: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = err.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
