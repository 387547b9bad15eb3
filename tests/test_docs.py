"""The project documents itself: docs/settings.md names every setting, docs/contract.md every command and option."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from bot.interfaces.cli import build_parser
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_every_setting_is_in_docs_settings() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    missing = [name.upper() for name in Settings.model_fields if f"`{name.upper()}`" not in text]
    assert not missing, f"settings not documented in docs/settings.md: {missing}"


def test_every_documented_setting_exists() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:CHET|TELEGRAM|OPENAI|SMTP|CHROMA|DATABASE)_[A-Z_]+|DATABASE_URL)`", text))
    unknown = sorted(n for n in named if n.lower() not in Settings.model_fields)
    assert not unknown, f"docs/settings.md names settings Chet does not read: {unknown}"


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_and_option_is_in_docs_contract() -> None:
    text = (DOCS / "contract.md").read_text(encoding="utf-8")
    missing = [f"chet {name}" for name in _commands() if f"`chet {name}" not in text]
    options = [o for a in build_parser()._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    missing += [o for o in options if f"`{o}" not in text]
    for name, sub in _commands().items():
        missing += [
            f"chet {name} {o}"
            for a in sub._actions
            for o in a.option_strings
            if o not in text and o not in {"-h", "--help"}
        ]
    assert not missing, f"not documented in docs/contract.md: {missing}"


def test_the_readme_points_to_both_documents() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/settings.md" in readme and "docs/contract.md" in readme


def test_every_module_the_readme_names_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(
        re.findall(
            r"`((?:bot|memory|prompts|benchmarks|tests|docs|tools)/[\w/]+\.(?:py|md|json|jsonl|txt|tsv))", readme
        )
    )
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert not missing, f"the README names files that do not exist: {missing}"
