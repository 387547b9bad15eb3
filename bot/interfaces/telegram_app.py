"""The Telegram adapter: a python-telegram-bot v22 Application whose thin handlers call the Conversation."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import re
import sys
import warnings
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

from telegram import BotCommand, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.warnings import PTBDeprecationWarning

from bot.chat.conversation import Conversation, Reply
from bot.engines.llm_deadline import llm_deadline
from bot.engines.voice import MAX_AUDIO_BYTES, MAX_VOICE_SECONDS
from bot.interfaces.console import run_console
from bot.interfaces.redact import redact_settings
from bot.interfaces.scheduler import schedule_digests, schedule_user
from bot.interfaces.telegram_send import send_replies
from bot.runtime import Runtime
from memory.errors import BadInput, ChetError

__all__ = ["build_application", "run_telegram", "send_replies"]

log = logging.getLogger(__name__)

TYPING_AFTER_S = 0.4  # "typing…" is shown when a reply takes longer than this (drafts, answers, voice)
NOTE_REACTION = "👍"  # set on a salesperson's message once its note is filed (one of Telegram's reaction emoji)
REFUSAL = (
    "Sorry, this is a private assistant and you are not on its list. "
    "If you should be, ask its owner to add your Telegram id ({id}) to TELEGRAM_ALLOWED_USERS."
)
TOO_LONG = (
    "That voice note is {minutes:.0f} minutes long; I take voice notes of up to {cap} minutes. "
    "Please send it in shorter parts, or type the note."
)
PRIVATE_ONLY = (
    "Chet works in private chats only, so nothing about anyone's clients is shown here. "
    "Open a private chat with @{bot} to use it."
)
NOT_OURS = "That command is addressed to @{bot}, not to me."
EDITED = (
    "I don't re-read edited messages: I kept what you first sent. "
    "Send the corrected note as a new message (and /undo removes your last note)."
)
_ADDRESSED = re.compile(r"/(?P<cmd>\w+)@(?P<bot>\w+)")
OOPS = "Sorry, something went wrong on my side (it is logged). Your notes are safe; please try again."
NO_TOKEN = (
    "No Telegram bot token is set, so Chet starts in the terminal instead.\n"
    "To use Telegram: create a bot with @BotFather, then put TELEGRAM_BOT_TOKEN=<token> and\n"
    "TELEGRAM_ALLOWED_USERS=<your numeric Telegram id> in .env (see .env.example) and run again.\n"
)
COMMANDS = [
    ("note", "file a note: /note Dana: wants blue"),
    ("ask", "ask about your clients"),
    ("client", "what I know about a client"),
    ("clients", "all your clients"),
    ("draft", "draft a follow-up: /draft Dana the pricing"),
    ("digest", "today's follow-ups"),
    ("done", "mark a promise done"),
    ("settings", "time zone and digest time"),
    ("export", "all your data as JSON"),
    ("forget", "erase a client"),
    ("inbox", "notes waiting for their client"),
    ("undo", "remove your last note"),
    ("help", "what I can do"),
]
WORKERS = 2  # threads running use cases: SQLite has one writer, and more threads only contend for it
FINAL_TAPS = {"x", "r", "fg", "fx", "mg", "mx", "c", "qn"}  # taps after which the tapped message's buttons are spent


async def _in_order(
    context: ContextTypes.DEFAULT_TYPE, user: str, fn: Callable[..., list[Reply]], *args: Any, deadline: bool = True
) -> list[Reply]:
    """Run a sync use case in a thread, one at a time per salesperson (updates run concurrently).

    With `deadline`, all the use case's model calls share one CHET_LLM_TIMEOUT (a voice note's
    transcription is longer work, so its calls get their own deadline each)."""
    locks: dict[str, asyncio.Lock] = context.bot_data["locks"]
    lock = locks.setdefault(user, asyncio.Lock())
    async with lock:
        pool: ThreadPoolExecutor = context.bot_data["pool"]
        seconds: float = context.bot_data["llm_timeout"]
        call = (
            functools.partial(_within_deadline, seconds, fn, user, *args)
            if deadline
            else functools.partial(fn, user, *args)
        )
        return await asyncio.get_running_loop().run_in_executor(pool, call)


def _within_deadline(seconds: float, fn: Callable[..., list[Reply]], *args: Any) -> list[Reply]:
    """Run one use case with one LLM deadline for all its model calls (routing, extraction, drafting)."""
    with llm_deadline(seconds):
        return fn(*args)


def _conversation(context: ContextTypes.DEFAULT_TYPE) -> Conversation:
    conversation: Conversation = context.bot_data["conversation"]
    return conversation


def _user(update: Update) -> str:
    assert update.effective_user is not None
    return str(update.effective_user.id)


# -- handlers ------------------------------------------------------------------------------


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Private chats with TELEGRAM_ALLOWED_USERS only: a group is told once, a stranger refused once; no data."""
    chat = update.effective_chat
    if chat is not None and chat.type != ChatType.PRIVATE:
        # Anything said in a group is seen by everyone there: no notes, answers, drafts or refusals.
        if update.callback_query is not None:
            await _quietly(update.callback_query.answer())
        told: set[int] = context.bot_data["groups_told"]
        if chat.id not in told:
            told.add(chat.id)
            log.info("an update came from a %s chat; told it once that Chet works in private chats only", chat.type)
            await _quietly(context.bot.send_message(chat.id, PRIVATE_ONLY.format(bot=context.bot.username)))
        raise ApplicationHandlerStop
    user = update.effective_user
    if user is not None and user.id in context.bot_data["allowed"]:
        return
    if update.callback_query is not None:
        await _quietly(update.callback_query.answer())
    refused: set[int] = context.bot_data["refused"]
    if user is not None and user.id not in refused and update.effective_chat is not None:
        refused.add(user.id)
        log.info("refused a user who is not in TELEGRAM_ALLOWED_USERS")
        await context.bot.send_message(update.effective_chat.id, REFUSAL.format(id=user.id))
    raise ApplicationHandlerStop


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A typed message or command: the conversation decides what it is."""
    message = update.effective_message
    assert message is not None and message.text is not None
    user = _user(update)
    text, addressee = _own_command(message.text, context.bot.username)
    if addressee is not None:
        await send_replies(context.bot, message.chat_id, [Reply(NOT_OURS.format(bot=addressee))])
        return
    work = _in_order(context, user, _conversation(context).handle_text, text)
    replies = await _typing_while(context.bot, message.chat_id, work)
    await send_replies(context.bot, message.chat_id, replies)
    if any(r.note_saved for r in replies):  # a reaction on the salesperson's own message: the note is in
        await _quietly(context.bot.set_message_reaction(message.chat_id, message.message_id, NOTE_REACTION))
    if message.text.lstrip().lower().startswith("/settings"):
        await asyncio.to_thread(schedule_user, context.application, _conversation(context), user)


def _own_command(text: str, username: str | None) -> tuple[str, str | None]:
    """`/cmd@OurBot args` -> (`/cmd args`, None); `/cmd@OtherBot ...` -> (text, "OtherBot"): not ours."""
    match = _ADDRESSED.match(text)
    if match is None:
        return text, None
    if username and match["bot"].lower() == username.lower():
        return f"/{match['cmd']}{text[match.end() :]}", None
    return text, match["bot"]


async def on_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message: say that edits are not re-read (the note as first sent is what was kept)."""
    message = update.effective_message
    assert message is not None
    await send_replies(context.bot, message.chat_id, [Reply(EDITED)])


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button tap: acknowledge it, let the conversation act on its data, reply."""
    query = update.callback_query
    assert query is not None
    await _quietly(query.answer())
    user = _user(update)
    replies = await _in_order(context, user, _conversation(context).handle_callback, query.data or "")
    chat_id = update.effective_chat.id if update.effective_chat else int(user)
    if (query.data or "").split(":", 1)[0] in FINAL_TAPS and query.message is not None:
        text = getattr(query.message, "text", None)
        if text:
            await _quietly(query.edit_message_text(text, reply_markup=None))
    await send_replies(context.bot, chat_id, replies)


async def on_voice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A voice note: download, then the conversation saves, transcribes and files it."""
    message = update.effective_message
    assert message is not None and message.voice is not None
    user, voice, conversation = _user(update), message.voice, _conversation(context)
    seconds = _seconds(voice)
    if seconds is not None and seconds > MAX_VOICE_SECONDS:  # before downloading: Telegram states the length
        replies = [Reply(TOO_LONG.format(minutes=seconds / 60, cap=MAX_VOICE_SECONDS // 60))]
    elif (voice.file_size or 0) > MAX_AUDIO_BYTES:
        replies = conversation.handle_unsupported(user, "too_large")
    else:
        try:
            audio = bytes(await (await voice.get_file()).download_as_bytearray())
        except BadRequest as err:
            if "too big" not in str(err).lower():
                raise
            audio = b""
        if not audio:
            replies = conversation.handle_unsupported(user, "too_large")
        else:
            mime = voice.mime_type or "audio/ogg"
            work = _in_order(context, user, conversation.handle_voice, audio, seconds, mime, deadline=False)
            replies = await _typing_while(context.bot, message.chat_id, work)
    await send_replies(context.bot, message.chat_id, replies)
    if any(r.note_saved for r in replies):
        await _quietly(context.bot.set_message_reaction(message.chat_id, message.message_id, NOTE_REACTION))


async def on_unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Audio sent as a file, video notes, other files: a clear reply."""
    message = update.effective_message
    assert message is not None
    kind = "video_note" if message.video_note else "audio_file" if (message.audio or _is_audio_doc(message)) else ""
    replies = _conversation(context).handle_unsupported(_user(update), kind or "document")
    await send_replies(context.bot, message.chat_id, replies)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log any failure with its traceback; tell the salesperson something useful."""
    err = context.error
    if isinstance(err, TelegramError) and not isinstance(update, Update):
        log.warning("Telegram API problem: %s", err)
        return
    log.error("handling an update failed", exc_info=err)
    if isinstance(update, Update) and update.effective_chat is not None:
        text = str(err) if isinstance(err, ChetError) else OOPS
        await _quietly(context.bot.send_message(update.effective_chat.id, text))


def _is_audio_doc(message: Any) -> bool:
    doc = message.document
    return bool(doc and (doc.mime_type or "").startswith("audio/"))


def _seconds(voice: Any) -> float | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = voice.duration
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value) if value is not None else None


async def _typing_while(bot: Any, chat_id: int, work: Awaitable[list[Reply]]) -> list[Reply]:
    """Run the use case; show "typing…" only when it takes long enough to notice (a quick note needs no call)."""

    async def later() -> None:
        await asyncio.sleep(TYPING_AFTER_S)
        await _quietly(bot.send_chat_action(chat_id, ChatAction.TYPING))

    typing = asyncio.create_task(later())
    try:
        return await work
    finally:
        typing.cancel()


async def _quietly(awaitable: Any) -> None:
    """Await a cosmetic call (acknowledging a tap, removing spent buttons); never fail the update for it."""
    try:
        await awaitable
    except TelegramError as err:
        log.debug("cosmetic Telegram call failed: %s", err)


async def _post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Set the command menu (best effort) and say the bot is up."""
    try:
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS])
    except TelegramError as err:
        log.warning("could not set the bot's command menu: %s", err)
    print(f"Chet is running on Telegram as @{app.bot.username}. Press Ctrl+C to stop.", file=sys.stderr)


async def _post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Let running use cases finish, then stop their threads."""
    pool: ThreadPoolExecutor = app.bot_data["pool"]
    pool.shutdown(wait=True, cancel_futures=True)
    await asyncio.to_thread(app.bot_data["conversation"].close)  # finish indexing the last notes


# -- building and running ------------------------------------------------------------------


def build_application(
    runtime: Runtime, conversation: Conversation | None = None, workers: int = WORKERS
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The Application: settings honoured, handlers wired, digest jobs re-created from the ledger."""
    settings = runtime.settings
    if settings.telegram_bot_token is None:
        raise ChetError("TELEGRAM_BOT_TOKEN is not set")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # httpx logs URLs, and the URL holds the token
    token = settings.telegram_bot_token.get_secret_value()
    redact_settings(settings)  # the token, its secret half, the API key, the SMTP password
    builder = ApplicationBuilder().token(token).concurrent_updates(32)
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
    if settings.telegram_base_file_url:
        builder = builder.base_file_url(settings.telegram_base_file_url)
    app = builder.post_init(_post_init).post_shutdown(_post_shutdown).build()
    conversation = conversation or Conversation(runtime)
    conversation.background_index = True
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="chet")
    app.bot_data.update(
        conversation=conversation,
        allowed=settings.allowed_users,
        refused=set(),
        groups_told=set(),
        locks={},
        pool=pool,
        llm_timeout=settings.chet_llm_timeout,
    )
    app.add_handler(TypeHandler(Update, gate), group=-1)
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, on_text))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, on_edited))
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.VOICE, on_voice))
    media = filters.VIDEO_NOTE | filters.AUDIO | filters.Document.ALL | filters.VIDEO | filters.PHOTO
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & media, on_unsupported))
    app.add_error_handler(on_error)
    schedule_digests(app, conversation, [str(u) for u in sorted(settings.allowed_users)])
    return app


def run_telegram(runtime: Runtime) -> int:
    """Run the bot (long polling, or a webhook with TELEGRAM_WEBHOOK_URL); no token: the console chat."""
    settings = runtime.settings
    if settings.telegram_bot_token is None:
        print(NO_TOKEN)
        return run_console(runtime)
    token = settings.telegram_bot_token.get_secret_value()
    if not settings.allowed_users:
        print("warning: TELEGRAM_ALLOWED_USERS is empty, so nobody will get answers; add your numeric Telegram id.")
    app = build_application(runtime)
    quiet = _QuietRejectedToken()
    for handler in logging.getLogger().handlers:
        handler.addFilter(quiet)
    try:
        _serve(app, settings, token)
    except InvalidToken:  # PTB's message holds the raw token: none of it is shown
        raise BadInput(
            "Telegram rejected TELEGRAM_BOT_TOKEN (unauthorized); copy the token again from @BotFather"
        ) from None
    finally:
        for handler in logging.getLogger().handlers:
            handler.removeFilter(quiet)
    return 0


class _QuietRejectedToken(logging.Filter):
    """Without -v, PTB's traceback for a rejected token is dropped: the one error line says it all."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for PTB's report of a rejected token unless INFO logging (-v) is on."""
        rejected = record.exc_info is not None and isinstance(record.exc_info[1], InvalidToken)
        return not rejected or logging.getLogger().isEnabledFor(logging.INFO)


def _serve(app: Application[Any, Any, Any, Any, Any, Any], settings: Any, token: str) -> None:
    """Long polling, or a webhook with TELEGRAM_WEBHOOK_URL; returns when the bot stops."""
    if settings.telegram_webhook_url:
        path = urlparse(settings.telegram_webhook_url).path.lstrip("/")
        app.run_webhook(
            listen="0.0.0.0",
            port=settings.telegram_webhook_port,
            url_path=path,
            webhook_url=settings.telegram_webhook_url,
            secret_token=hashlib.sha256(token.encode()).hexdigest()[:32],
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
