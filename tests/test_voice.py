"""The Transcriber port: a real offline transcription, corrupt audio, the OpenAI adapter at the transport."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bot.chat.conversation import Conversation
from bot.engines.llm import OpenAIEngine
from bot.engines.voice import (
    LocalWhisper,
    OpenAITranscriber,
    ScriptedTranscriber,
    TranscriptionError,
    build_transcriber,
    local_available,
)
from bot.runtime import Runtime
from bot.settings import Settings

SPOKEN = "Met Dana from Acme. She wants blue, not grey. I promised the pricing by Friday."

needs_local = pytest.mark.skipif(not local_available(), reason="the voice extra (faster-whisper + model) is missing")


@pytest.fixture(scope="module")
def ogg_clip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A spoken OGG/Opus clip like Telegram's voice notes (espeak-ng, then ffmpeg)."""
    missing = [tool for tool in ("espeak-ng", "ffmpeg") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed (apt-get install espeak-ng ffmpeg)")
    folder = tmp_path_factory.mktemp("voice")
    wav, ogg = folder / "x.wav", folder / "x.ogg"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "-w", str(wav), SPOKEN], check=True, capture_output=True)
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error", "-i", str(wav), "-c:a", "libopus", "-b:a", "32k", "-ar", "48000",
         "-ac", "1", str(ogg)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return ogg.read_bytes()


@pytest.fixture(scope="module")
def whisper() -> LocalWhisper:
    """One local model for the module (loading it takes a second)."""
    return LocalWhisper()


@needs_local
def test_real_offline_transcription_of_an_ogg_opus_clip(ogg_clip: bytes, whisper: LocalWhisper) -> None:
    assert ogg_clip[:4] == b"OggS"
    text = whisper.transcribe(ogg_clip, "audio/ogg")
    words = text.lower().split()
    assert len(words) >= 8  # structure, not exact words: synthetic speech transcribes imperfectly
    assert {"blue", "pricing", "friday", "acme", "dana"} & {w.strip(".,!?") for w in words}


@needs_local
def test_a_voice_note_becomes_a_note_end_to_end(ogg_clip: bytes, whisper: LocalWhisper, runtime: Runtime) -> None:
    chat = Conversation(runtime, transcriber=whisper)
    replies = chat.handle_voice("77", ogg_clip, 6.0, "audio/ogg")
    assert replies[0].text.startswith("I heard: “")
    notes = runtime.memory("77").ledger.export()["notes"]
    if notes:  # the transcript named a client: filed at once
        assert notes[0]["source"] == "voice" and Path(notes[0]["audio_path"]).read_bytes() == ogg_clip
    else:  # it did not: Chet asks which client, keeping the note
        assert "Which client" in replies[-1].text
    assert len(list((runtime.settings.data_dir / "audio" / "77").iterdir())) == 1


@needs_local
@pytest.mark.parametrize("junk", [b"not audio at all", b"OggS" + bytes(200), bytes(range(256)) * 40])
def test_corrupt_audio_raises_a_clear_error(whisper: LocalWhisper, junk: bytes) -> None:
    with pytest.raises(TranscriptionError) as caught:
        whisper.transcribe(junk, "audio/ogg")
    message = str(caught.value)
    assert message and "Traceback" not in message
    assert "corrupt" in message or "no sound" in message or "no words" in message


def test_empty_audio_is_refused() -> None:
    with pytest.raises(TranscriptionError):
        OpenAITranscriber(engine=None).transcribe(b"", "audio/ogg")


def test_openai_transcriber_through_the_real_sdk_at_the_transport() -> None:
    httpx2 = pytest.importorskip("httpx2")

    seen: list[Any] = []

    def handler(request: Any) -> Any:
        seen.append(request)
        return httpx2.Response(200, json={"text": "Dana wants blue, not grey."})

    engine = OpenAIEngine(
        api_key="sk-test-key-123",
        base_url="http://127.0.0.1:9/v1",
        model="m",
        http_client=httpx2.Client(transport=httpx2.MockTransport(handler)),
    )
    assert OpenAITranscriber(engine).transcribe(b"OggS-audio", "audio/ogg") == "Dana wants blue, not grey."
    assert seen[0].url.path.endswith("/audio/transcriptions")
    assert b"voice.ogg" in seen[0].content and b"OggS-audio" in seen[0].content


def test_openai_transcriber_failure_is_a_transcription_error() -> None:
    httpx2 = pytest.importorskip("httpx2")

    def handler(request: Any) -> Any:
        return httpx2.Response(400, content=json.dumps({"error": {"message": "Invalid file format."}}).encode())

    engine = OpenAIEngine(
        api_key="sk-test-key-123",
        base_url="http://127.0.0.1:9/v1",
        model="m",
        http_client=httpx2.Client(transport=httpx2.MockTransport(handler)),
    )
    with pytest.raises(TranscriptionError, match="transcription service failed"):
        OpenAITranscriber(engine).transcribe(b"junk", "audio/ogg")


def test_build_transcriber_follows_the_setting(data_dir: Path) -> None:
    def settings(**kw: Any) -> Settings:
        return Settings(chet_data_dir=data_dir, _env_file=None, **kw)

    assert build_transcriber(settings(chet_transcriber="none", openai_api_key="sk-x")) is None
    assert isinstance(build_transcriber(settings(openai_api_key="sk-test")), OpenAITranscriber)
    assert build_transcriber(settings(chet_transcriber="openai", chet_offline=True)) is None
    offline = build_transcriber(settings(chet_offline=True))
    assert isinstance(offline, LocalWhisper) if local_available() else offline is None
    if local_available():
        assert isinstance(build_transcriber(settings(chet_transcriber="local", openai_api_key="sk-x")), LocalWhisper)


def test_scripted_transcriber_records_what_it_got() -> None:
    fake = ScriptedTranscriber("one", TranscriptionError("two"))
    assert fake.transcribe(b"a", "audio/ogg") == "one"
    with pytest.raises(TranscriptionError):
        fake.transcribe(b"b")
    with pytest.raises(TranscriptionError):
        fake.transcribe(b"c")
    assert [a for a, _ in fake.received] == [b"a", b"b", b"c"]
