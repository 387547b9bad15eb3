"""Prompt templates as data: `prompts/<name>.md` with `{{variable}}` placeholders, checked on render.

A template holds a system part and a user part, split by a line that is exactly `<!-- user -->`.
`render` returns the whole prompt as one string; `render_parts` returns the two parts so that an
engine can send the instructions as the system message and the data as the user message.
Substitution is one pass: a value that itself contains `{{name}}` is inserted verbatim.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

__all__ = ["PROMPTS", "USER_MARKER", "Prompt", "quote", "render", "render_parts", "variables_of"]

USER_MARKER = "<!-- user -->"
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_CLOSING_TAG = re.compile(r"<(\s*/)", re.IGNORECASE)


class Prompt(NamedTuple):
    """A rendered prompt: instructions for the system message, data for the user message."""

    system: str
    user: str


def _names() -> tuple[str, ...]:
    files = resources.files(__package__ or "prompts").iterdir()
    return tuple(sorted(f.name[: -len(".md")] for f in files if f.is_file() and f.name.endswith(".md")))


PROMPTS: tuple[str, ...] = _names()


@cache
def _template(name: str) -> str:
    if name not in PROMPTS:
        raise ValueError(f"unknown prompt {name!r}; known: {', '.join(PROMPTS)}")
    return (resources.files(__package__ or "prompts") / f"{name}.md").read_text(encoding="utf-8")


def variables_of(name: str) -> set[str]:
    """The placeholder names a template uses."""
    return set(_PLACEHOLDER.findall(_template(name)))


def _check(name: str, variables: dict[str, str]) -> None:
    expected = variables_of(name)
    missing, unused = expected - variables.keys(), variables.keys() - expected
    if missing or unused:
        parts = [f"missing {sorted(missing)}" if missing else "", f"unused {sorted(unused)}" if unused else ""]
        raise ValueError(f"prompt {name!r}: " + "; ".join(p for p in parts if p))
    for key, value in variables.items():
        if not isinstance(value, str):
            raise ValueError(f"prompt {name!r}: variable {key!r} must be a string, not {type(value).__name__}")


def _fill(template: str, variables: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: variables[m.group(1)], template).strip()


def render_parts(name: str, **variables: str) -> Prompt:
    """Render a template into its system and user parts (the system part is empty without a marker)."""
    _check(name, variables)
    system, marker, user = _template(name).partition(f"\n{USER_MARKER}\n")
    if not marker:
        return Prompt("", _fill(system, variables))
    return Prompt(_fill(system, variables), _fill(user, variables))


def render(name: str, **variables: str) -> str:
    """Render a template into one prompt string; raises ValueError on a missing or unused variable."""
    system, user = render_parts(name, **variables)
    return f"{system}\n\n{user}" if system else user


def quote(text: str) -> str:
    """Neutralise closing tags in untrusted text so it cannot end the data block it is placed in."""
    return _CLOSING_TAG.sub(r"<\\\1", text)
