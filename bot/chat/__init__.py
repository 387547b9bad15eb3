"""The conversation core's parts: the inbox of notes waiting for a client, and the words that are never a client."""

from bot.chat.inbox import InboxItem, inbox_count, inbox_items
from bot.chat.words import NOT_A_CLIENT, small_talk

__all__ = ["NOT_A_CLIENT", "InboxItem", "inbox_count", "inbox_items", "small_talk"]
