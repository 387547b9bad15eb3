"""Interfaces: the thin front ends (the `chet` CLI, the console chat, Telegram and its scheduler)."""
