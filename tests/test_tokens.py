"""Token counting is tiktoken's o200k_base, built offline from the shipped file, and leaves the environment alone."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
import tiktoken_ext.openai_public as openai_public

from bot.engines import tokens


def test_the_encoding_is_tiktokens_own_o200k_base(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: dict[str, Any] = {}

    def shipped(url: str, expected_hash: str) -> dict[bytes, int]:
        asked.update(url=url, expected_hash=expected_hash)
        return tokens.shipped_ranks(sha256=expected_hash)  # the file tiktoken would download, by its hash

    monkeypatch.setattr(openai_public, "load_tiktoken_bpe", shipped)
    theirs = openai_public.o200k_base()
    assert asked["expected_hash"] == tokens.O200K_SHA256
    ours = tokens.encoding()
    assert ours._pat_str == theirs["pat_str"]
    assert ours._special_tokens == theirs["special_tokens"]
    assert ours.n_vocab == max([*theirs["mergeable_ranks"].values(), *theirs["special_tokens"].values()]) + 1
    assert tokens.count_tokens("Dana wants the blue one, not the grey; promised pricing by Friday.") == 15


def test_counting_sets_no_environment_variable_and_downloads_nothing() -> None:
    script = (
        "import os; before = dict(os.environ)\n"
        "from bot.engines.tokens import count_tokens\n"
        "assert count_tokens('hello world') == 2\n"
        "assert dict(os.environ) == before, set(os.environ) ^ set(before)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TIKTOKEN_CACHE_DIR"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
