"""The local embedder: unit vectors, stable across batch shapes, memory returned after large batches."""

from __future__ import annotations

import numpy as np

from memory.embeddings import local_embedder


def test_vectors_are_unit_length_and_independent_of_the_batch() -> None:
    model = local_embedder()
    texts = ["Dana wants the blue one, not the grey.", "x", "Promised pricing by Friday. " * 40]
    together = model.embed(texts)
    alone = np.vstack([model.embed([t]) for t in texts])
    assert together.shape == (3, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    assert np.allclose(together, alone, atol=1e-3)  # padding to the longest in a batch changes nothing


def test_the_memory_arena_is_off() -> None:
    # With onnxruntime's arena one batch of 32 long notes kept the bot at ~900 MB for good (bench_footprint).
    assert local_embedder().session.get_session_options().enable_cpu_mem_arena is False


def test_a_repeated_text_is_embedded_once() -> None:
    model = local_embedder()
    seen: list[int] = []
    run = model.session.run

    def counting(outputs: object, feeds: dict[str, np.ndarray]) -> object:
        seen.append(len(feeds["input_ids"]))
        return run(outputs, feeds)

    model.session.run = counting
    try:
        vectors = model.embed(["Left a voicemail."] * 5 + ["Sent the quote."])
    finally:
        del model.session.run
    assert sum(seen) == 2  # two distinct texts, six rows
    assert np.allclose(vectors[0], vectors[4]) and not np.allclose(vectors[0], vectors[5])


def test_a_long_note_is_embedded_by_its_first_word_pieces() -> None:
    from memory.embeddings import MAX_TOKENS

    model = local_embedder()
    note = "Met Dana at the expo; she wants the blue one, not the grey, and asked about delivery. " * 5
    ids = model.tokenizer.encode(note).ids  # truncated already: the first MAX_TOKENS pieces
    kept = model.tokenizer.decode(ids[1:-1])  # without [CLS] and [SEP]
    assert len(ids) == MAX_TOKENS < len(note.split()) * 1.2  # the note is longer than what is embedded
    assert len(kept.split()) < len(note.split())
    assert np.allclose(model.embed([note]), model.embed([kept]), atol=1e-3)


def test_a_one_shot_query_skips_the_optimised_session_with_the_same_vector() -> None:
    """A new process's first single texts use a session that starts ~0.15 CPU s cheaper; batches the optimised one."""
    from memory.embeddings import QUICK_CALLS, LocalMiniLM

    model = LocalMiniLM()
    query = ["When did Nadia start at MemoryLane?"]
    first = model.embed(query)
    assert model._session is None and model._quick is not None  # the optimised session was never made
    batch = model.embed([*query, "Sent the quote."])
    assert model._session is not None and model._quick is None  # a batch made it, and the quick one went
    assert np.allclose(first[0], batch[0], atol=1e-5)
    fresh = LocalMiniLM()
    for _ in range(QUICK_CALLS):
        fresh.embed(query)
    assert fresh._session is None
    fresh.embed(query)  # past QUICK_CALLS single texts (a batch of searches): the optimised session
    assert fresh._session is not None


def test_idle_threads_sleep_instead_of_spinning() -> None:
    options = local_embedder().session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
