"""One exception tree: every error Chet raises on purpose carries a message fit for the user."""

from __future__ import annotations


class ChetError(Exception):
    """Base of every deliberate Chet error; `str(err)` is safe to show to the user."""

    exit_code = 1


class BadInput(ChetError):
    """The user's input cannot be used as given (exit 2 on the CLI)."""

    exit_code = 2


class UnknownClient(BadInput):
    """No client matches the name; carries the closest known names."""

    def __init__(self, name: str, suggestions: list[str], known: int = 0):
        self.name, self.suggestions = name, suggestions
        # "no clients yet" only when it is true: with clients on file and none close, say nothing more
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else "" if known else "; no clients yet"
        super().__init__(f"unknown client {name[:80]!r}{hint}")


class AmbiguousClient(BadInput):
    """Several clients match the name; the caller must choose."""

    def __init__(self, name: str, candidates: list[str]):
        self.name, self.candidates = name, candidates
        super().__init__(f"{name[:80]!r} could mean {', '.join(candidates)}; say which one")


class EngineError(ChetError):
    """An engine (LLM, transcriber, embedder, channel) failed; callers fall back and say so."""


class StorageError(ChetError):
    """The ledger or the index could not be read or written."""


class InternalError(ChetError):
    """An unexpected failure, logged with its traceback; the message says where the details are."""
