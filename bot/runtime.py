"""The runtime: settings plus the engines built from them, shared by the CLI, the console and Telegram."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot.engines.llm_extract import make_llm_extractor
from bot.settings import Settings
from memory.embeddings import Embedder, OpenAIEmbedder, local_embedder
from memory.service import Memory, open_memory
from memory.storage import ensure_room
from memory.timeutil import zone

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything a use case needs besides its arguments; built once in `main`."""

    settings: Settings
    _memories: dict[str, Memory] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _llm: Any = None
    _llm_built: bool = False

    @property
    def offline(self) -> bool:
        """True when no LLM will be called."""
        return not self.settings.llm_enabled

    def embedder(self) -> Embedder:
        """The configured embedder (local MiniLM by default)."""
        if self.settings.chet_embeddings == "openai" and self.settings.llm_enabled:
            return OpenAIEmbedder(self.openai_client(), self.settings.chet_embedding_model)
        return local_embedder()

    def openai_client(self) -> Any:
        """An OpenAI SDK client for embeddings (the LLM engine has its own)."""
        import openai

        key = self.settings.openai_api_key
        return openai.OpenAI(
            api_key=key.get_secret_value() if key else "not-needed",
            base_url=self.settings.openai_base_url,
            timeout=self.settings.chet_llm_timeout,
            max_retries=1,
        )

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
                )
                llm = self.llm(memory)
                if llm is not None:
                    memory.extractor = make_llm_extractor(llm)
                self._memories[user] = memory
            return self._memories[user]

    def llm(self, memory: Memory | None = None) -> Any:
        """The LLM engine, or None when offline; every exchange is logged to the ledger."""
        if self.offline:
            return None
        from bot.engines.llm import build_llm

        def log_exchange(entry: dict[str, Any]) -> None:
            if memory is not None:
                try:
                    memory.ledger.log_llm(entry)
                except Exception:  # logging must never break a use case
                    log.warning("could not log an LLM exchange", exc_info=True)

        return build_llm(self.settings, log=log_exchange)

    def tz(self, memory: Memory) -> ZoneInfo:
        """The salesperson's time zone (CHET_TZ, when set explicitly, wins for the CLI's user)."""
        if "chet_tz" in self.settings.model_fields_set and memory.ledger.user == self.settings.chet_user:
            return zone(self.settings.chet_tz)
        return zone(memory.ledger.salesperson().get("tz") or self.settings.chet_tz)
