"""The daily digest on Telegram: one JobQueue job per salesperson, re-created from the ledger at start-up."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from bot.interfaces.telegram_send import send_replies
from memory.timeutil import now_utc

if TYPE_CHECKING:
    from telegram.ext import Application, ContextTypes

    from bot.chat.conversation import Conversation

__all__ = ["catch_up_due", "digest_job", "schedule_digests", "schedule_user"]

log = logging.getLogger(__name__)

QUIET_FROM = time(21, 0)  # a missed digest is not sent late in the evening; tomorrow's will come
RETRY_S = 300  # a digest that could not be sent is tried again after this many seconds
JOB_SLACK = timedelta(minutes=30)  # a daily job firing this long after the digest time is still on time


def job_name(user: str) -> str:
    """The name of a salesperson's daily digest job."""
    return f"digest:{user}"


def schedule_digests(
    app: Application[Any, Any, Any, Any, Any, Any], conversation: Conversation, users: Iterable[str]
) -> None:
    """Create the daily job of every salesperson; send a digest missed while the bot was down, once."""
    for user in users:
        try:
            schedule_user(app, conversation, user)
        except Exception:  # one salesperson's bad settings must not stop the bot
            log.exception("could not schedule the digest of one salesperson")


def schedule_user(
    app: Application[Any, Any, Any, Any, Any, Any], conversation: Conversation, user: str, now: datetime | None = None
) -> None:
    """(Re)create one salesperson's daily job at their digest time in their time zone."""
    queue = app.job_queue
    if queue is None:
        raise RuntimeError("the job queue is missing: install python-telegram-bot[job-queue]")
    for job in queue.get_jobs_by_name(job_name(user)):
        job.schedule_removal()
    tz, at = conversation.schedule(user)
    chat_id = int(user) if user.isdigit() else None
    queue.run_daily(digest_job, time=at.replace(tzinfo=tz), data=user, name=job_name(user), chat_id=chat_id)
    if catch_up_due(conversation, user, now or now_utc()):
        queue.run_once(digest_job, when=0, data=user, name=f"digest-catch-up:{user}", chat_id=chat_id)


def catch_up_due(conversation: Conversation, user: str, now: datetime) -> bool:
    """True when today's digest time has passed, no digest ran today, and it is not yet quiet hours."""
    tz, at = conversation.schedule(user)
    local = now.astimezone(tz)
    if not at <= local.time().replace(tzinfo=None) < QUIET_FROM:
        return False
    return conversation.last_digest_day(user) != local.date().isoformat()


async def digest_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send one consolidated digest of the items not yet sent today (nothing new: no message)."""
    job = context.job
    assert job is not None
    user = str(job.data)
    conversation: Conversation = context.bot_data["conversation"]
    locks: dict[str, asyncio.Lock] = context.bot_data["locks"]
    async with locks.setdefault(user, asyncio.Lock()):  # a catch-up and the daily job never interleave
        tz, at = await asyncio.to_thread(conversation.schedule, user)
        local = now_utc().astimezone(tz)
        if job.name == job_name(user) and not _near(local.time().replace(tzinfo=None), at):
            # The digest time was changed on another bot worker: move this worker's job, send nothing now.
            await asyncio.to_thread(schedule_user, context.application, conversation, user)
            return
        day = local.date()
        found = await asyncio.to_thread(conversation.claim_digest, user, day)
        if found is None:
            return
        reply, keys = found
        sent = False
        try:
            sent = await send_replies(context.bot, int(user), [reply])
        finally:
            if not sent:  # the claim is given back and tried again shortly; nothing is lost for the day
                await asyncio.to_thread(conversation.release_digest, user, day, keys)
                if context.job_queue is not None:
                    context.job_queue.run_once(
                        digest_job, when=RETRY_S, data=user, name=f"digest-retry:{user}", chat_id=job.chat_id
                    )


def _near(now: time, at: time) -> bool:
    """True when `now` is within JOB_SLACK after the digest time `at` (a daily job that fires on time)."""
    today = datetime(2000, 1, 1)
    delta = datetime.combine(today, now) - datetime.combine(today, at)
    return timedelta(0) <= delta % timedelta(days=1) < JOB_SLACK
