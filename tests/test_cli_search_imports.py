"""The CLI's entry loads no chat core, guard or extractor: a one-shot `chet search` paid ~1 CPU s for them (issue 17)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import imported_by

ROOT = Path(__file__).resolve().parents[1]

# What the search command never uses; `chet chat`, `ask`, `draft`, `check` and `digest` import them when they run.
NOT_FOR_SEARCH = (
    "bot.chat.mentions",
    "bot.chat.core",
    "bot.guard",
    "bot.usecases.ask",
    "bot.usecases.drafting",
    "bot.usecases.digest",
    "bot.engines.llm_extract",
    "memory.extract",
    "wordfreq",
)

CLI_ENTRY = ("bot.interfaces.cli", "bot.interfaces.commands", "bot.interfaces.cli_io", "bot.runtime")


def test_the_cli_entry_does_not_import_the_chat_core_the_guard_or_the_extractor() -> None:
    found = imported_by(CLI_ENTRY, NOT_FOR_SEARCH)
    assert not found, f"imported by the CLI entry: {found}"


def test_a_whole_search_process_leaves_them_unloaded(tmp_path: Path) -> None:
    probe = (
        "import runpy, sys\n"
        "watch = sys.argv[2:]\n"
        "sys.argv = ['chet', '--offline', '--data-dir', sys.argv[1], 'search', 'blue sofa', '--json']\n"
        "try:\n"
        "    runpy.run_module('bot.interfaces.cli', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(','.join(m for m in watch if m in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path), *NOT_FOR_SEARCH], cwd=ROOT, capture_output=True, text=True
    )
    assert out.stdout.strip() == "[]", out.stderr
    assert out.stderr.strip().splitlines()[-1:] in ([], [""]), f"loaded by a search: {out.stderr.strip()}"
