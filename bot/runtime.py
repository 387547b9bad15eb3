"""The runtime: settings plus the engines built from them, shared by the CLI, the console and Telegram."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot.engines.llm import LLM, OpenAIEngine, build_llm
from bot.engines.voice import Transcriber, build_transcriber
from bot.settings import Settings
from memory import Embedder, OpenAIEmbedder, ensure_room, local_embedder
from memory.service import Memory, open_memory

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything a use case needs besides its arguments; built once in `main`."""

    settings: Settings
    _memories: dict[str, Memory] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _engine_lock: threading.Lock = field(default_factory=threading.Lock)
    _engine: OpenAIEngine | None = None

    @property
    def offline(self) -> bool:
        """True when no LLM will be called."""
        return not self.settings.llm_enabled

    def engine(self) -> OpenAIEngine | None:
        """The LLM engine and its OpenAI client, built once on first use and shared; None when offline."""
        if self.offline:
            return None
        with self._engine_lock:
            if self._engine is None:
                self._engine = build_llm(self.settings)
            return self._engine

    def embedder(self) -> Embedder:
        """The configured embedder (local MiniLM by default; OpenAI's through the engine's client)."""
        engine = self.engine() if self.settings.chet_embeddings == "openai" else None
        if engine is not None:
            return OpenAIEmbedder(engine.client.with_options(max_retries=1), self.settings.chet_embedding_model)
        return local_embedder()

    def transcriber(self) -> Transcriber | None:
        """The voice transcriber CHET_TRANSCRIBER asks for (OpenAI's through the engine's client)."""
        return build_transcriber(self.settings, self.engine())

    def memory(self, user: str) -> Memory:
        """One salesperson's memory (opened once per process); a full or read-only disk is refused first."""
        ensure_room(self.settings.data_dir)
        with self._lock:
            if user not in self._memories:
                memory = open_memory(
                    self.settings.data_dir,
                    user,
                    self.embedder,
                    chroma_host=self.settings.chroma_host,
                    chroma_port=self.settings.chroma_port,
                    tz=self.settings.chet_tz,
                    digest_time=self.settings.chet_digest_time,
                    database_url=url.get_secret_value() if (url := self.settings.database_url) else None,
                    zone_override=self.zone_override(user),
                )
                llm = self.llm(memory)
                if llm is not None:
                    from bot.engines.llm_extract import make_llm_extractor  # its pydantic models: with an LLM only

                    memory.extractor = make_llm_extractor(llm)
                self._memories[user] = memory
            return self._memories[user]

    def zone_override(self, user: str) -> str | None:
        """CHET_TZ when it was set (environment, `.env`) and `user` is CHET_USER: it wins over their saved zone."""
        explicit = "chet_tz" in self.settings.model_fields_set
        return self.settings.chet_tz if explicit and user == self.settings.chet_user else None

    def llm(self, memory: Memory | None = None) -> LLM | None:
        """The LLM engine, or None when offline; every exchange is logged to `memory`'s ledger."""
        engine = self.engine()
        if engine is None or memory is None:
            return engine

        def log_exchange(entry: dict[str, Any]) -> None:
            try:
                memory.log_llm(entry)
            except Exception:  # logging must never break a use case
                log.warning("could not log an LLM exchange", exc_info=True)

        return engine.logging_to(log_exchange)

    def tz(self, memory: Memory) -> ZoneInfo:
        """The salesperson's time zone (one precedence for every reader: docs/settings.md)."""
        return memory.zone()
