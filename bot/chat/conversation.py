"""The conversation with a salesperson, independent of the channel: Telegram and the console are thin adapters.

One class, composed of one mixin per command family (bot/chat/): dispatch, notes, asking, clients, drafts,
the daily digest; ChatCore holds the plumbing. Routing rules, state, button data and wording are in bot/chat/ too.
"""

from __future__ import annotations

from bot.chat.asking import AskMixin
from bot.chat.callbacks import Callback, parse_callback
from bot.chat.clients import ClientsMixin
from bot.chat.core import ChatCore
from bot.chat.daily import DailyMixin
from bot.chat.dispatch import DispatchMixin
from bot.chat.drafts import DraftsMixin
from bot.chat.notes import NotesMixin
from bot.chat.reply import MAX_CALLBACK_BYTES, Button, Reply
from bot.chat.routing import Route, route
from bot.chat.state import Choice, PendingNote, State
from bot.chat.texts import STALE, START

# The conversation core; its parts live in bot/chat/ and are re-exported here for the front ends and tests.
__all__ = [
    "MAX_CALLBACK_BYTES",
    "STALE",
    "START",
    "Button",
    "Callback",
    "Choice",
    "Conversation",
    "PendingNote",
    "Reply",
    "Route",
    "State",
    "parse_callback",
    "route",
]


class Conversation(DispatchMixin, NotesMixin, AskMixin, ClientsMixin, DraftsMixin, DailyMixin, ChatCore):
    """One conversation core for every channel: text, button taps and voice notes in, replies out."""
