"""Engines: the ports to the outside world and their adapters (LLM, voice, sending channels, token counting)."""
