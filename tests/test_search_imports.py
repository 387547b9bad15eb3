"""A one-shot `chet search` / `chet ask` process loads only what searching needs (issue 17: <= 0.8 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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

PROBE = """
import sys
import memory.embeddings, memory.index, memory.projection, memory.recall, memory.service, memory.vector_cache
print(",".join(m for m in sys.argv[1:] if m in sys.modules))
"""


def test_the_search_path_modules_do_not_import_the_extractor_or_the_heavy_packages() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *NOT_FOR_SEARCH], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"imported on the search path: {out.stdout.strip()}"
