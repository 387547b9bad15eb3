"""A one-shot `chet search` / `chet ask` process loads only what searching needs (issue 17: <= 0.8 s)."""

from __future__ import annotations

from tests.helpers import imported_by

# Loaded by the search path's modules on import, each costing a one-shot search ~0.1-1.5 s for nothing.
NOT_FOR_SEARCH = (
    "memory.extract",
    "memory.extract_moves",  # the rule tables of promises moved and kept: only applying facts needs them
    "memory.extract_more",
    "memory.extract_jobs",
    "chromadb",
    "onnxruntime",
    "openai",
    "telegram",
    "spacy",
    "gender_guesser",
)

SEARCH_PATH = (
    "memory.embeddings",
    "memory.index",
    "memory.projection",
    "memory.recall",
    "memory.service",
    "memory.vector_cache",
)


def test_the_search_path_modules_do_not_import_the_extractor_or_the_heavy_packages() -> None:
    found = imported_by(SEARCH_PATH, NOT_FOR_SEARCH)
    assert not found, f"imported on the search path: {found}"
