"""A one-shot `chet ask` / `chet search` loads only what it needs: the name dictionaries wait for a word to check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.chat import mentions
from bot.chat.never_names import never_names, small_talk_words

ROOT = Path(__file__).resolve().parents[1]


def _loaded_after(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_importing_ask_loads_no_name_dictionary() -> None:
    """The gender list (~48k lines parsed) and wordfreq are read on the first name checked, not at import."""
    loaded = _loaded_after("bot.usecases.ask")
    assert "gender_guesser.detector" not in loaded
    assert "wordfreq" not in loaded


def test_never_answers_as_the_whole_set_did() -> None:
    """Word by word, NEVER holds exactly the stopwords, the listed non-names and the small talk that is no name."""
    whole = mentions.STOPWORDS | never_names() | mentions._small_talk_not_names()
    assert set(mentions.NEVER) == set(whole)
    for word in small_talk_words() | {"hello", "shalom", "okay", "dana", "the", "blue"}:
        assert (word in mentions.NEVER) == (word in whole), word
    assert small_talk_words() - mentions.NEVER == small_talk_words() - whole
