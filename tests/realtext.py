"""English we did not write, for the robustness suite: stdlib docstrings, OS package docs, man pages.

Each source yields whitespace-normalised sentences from a seeded sample of its files, so a run is
reproducible and its size is a parameter. A source that does not exist on this machine (a slim
container without /usr/share/doc or man pages) yields nothing; it never fails the run.
"""

from __future__ import annotations

import ast
import gzip
import importlib
import inspect
import random
import re
import sys
import sysconfig
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

MAX_SENTENCE = 1_000  # characters; a longer "sentence" (a table, a code block) is cut at a word boundary
MAX_FILE_BYTES = 256_000  # read at most this much of one file: a huge changelog would only repeat itself
DOC_ROOT = Path("/usr/share/doc")
MAN_ROOT = Path("/usr/share/man")

_PARAGRAPHS = re.compile(r"\n\s*\n")
# A sentence ends at . ! or ? followed by space and something that can start one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9*`-])")


def split(text: str) -> Iterator[str]:
    """Sentences of free text: paragraphs joined across line breaks, then split after . ! ?."""
    for paragraph in _PARAGRAPHS.split(text):
        flat = " ".join(paragraph.split())
        for sentence in _SENTENCE_END.split(flat):
            sentence = sentence.strip()
            if len(sentence) < 3 or not re.search(r"[A-Za-z]", sentence):
                continue
            if len(sentence) > MAX_SENTENCE:
                sentence = sentence[:MAX_SENTENCE].rsplit(" ", 1)[0]
            yield sentence


def _sample(paths: list[Path], files: int, seed: int) -> list[Path]:
    paths = sorted(paths)
    return random.Random(seed).sample(paths, min(files, len(paths)))


def _take(sentences: Iterable[str], n: int, seed: int) -> list[str]:
    """`n` distinct sentences, a seeded sample of all that were read, in a stable order."""
    unique = list(dict.fromkeys(sentences))
    return random.Random(seed).sample(unique, min(n, len(unique)))


def _read(path: Path) -> str:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as f:
                raw = f.read(MAX_FILE_BYTES)
        else:
            with path.open("rb") as f:
                raw = f.read(MAX_FILE_BYTES)
    except (OSError, EOFError):
        return ""
    if b"\x00" in raw[:4096]:
        return ""  # binary
    return raw.decode("utf-8", errors="replace")


# --- the Python standard library's docstrings -------------------------------------------------


def _docstrings(path: Path) -> Iterator[str]:
    try:
        tree = ast.parse(_read(path))
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node)
            if doc:
                yield doc


def _builtin_docstrings() -> Iterator[str]:
    """Docstrings of the modules compiled into the interpreter (no source file to parse)."""
    for name in sorted(sys.builtin_module_names):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for _, obj in inspect.getmembers(module):
            doc = inspect.getdoc(obj) if callable(obj) else None
            if doc:
                yield doc


def stdlib_texts(files: int, seed: int) -> Iterator[str]:
    """Docstrings of a seeded sample of the standard library's modules (read from source, never imported)."""
    root = Path(sysconfig.get_paths()["stdlib"])
    paths = [
        p
        for p in root.rglob("*.py")
        if not {"site-packages", "test", "tests", "idle_test", "__pycache__"} & set(p.relative_to(root).parts)
    ]
    yield from _builtin_docstrings()
    for path in _sample(paths, files, seed):
        yield from _docstrings(path)


# --- the documentation that ships with the operating system's packages ------------------------

_DOC_NAMES = re.compile(r"(?i)^(?:changelog|news|readme|copyright|authors|todo|faq|thanks|history|usage)")


def os_doc_texts(files: int, seed: int) -> Iterator[str]:
    """Text files under /usr/share/doc (changelogs, READMEs, NEWS, copyright), gzipped or not."""
    if not DOC_ROOT.is_dir():
        return
    paths = [
        p
        for p in DOC_ROOT.rglob("*")
        if p.is_file()
        and (_DOC_NAMES.match(p.name) or {".txt", ".md", ".rst"} & set(p.suffixes))
        and not {".html", ".htm", ".png", ".pdf", ".gif", ".svg"} & set(p.suffixes)
    ]
    for path in _sample(paths, files, seed):
        yield _read(path)


# --- manual pages ----------------------------------------------------------------------------

_TEXT_MACROS = {"B", "I", "BR", "BI", "IB", "IR", "RB", "RI", "SM", "SB", "SH", "SS", "TP", "IP", "Nm", "Nd"}
_ESCAPES = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)|\\\(..|\\\*(?:\(..|\[[^\]]*\]|.)|\\s[+-]?\d+|\\[&|^%]")


def roff_to_text(source: str) -> str:
    """Readable text from man-page roff: request lines dropped, font and character escapes removed."""
    out: list[str] = []
    for line in source.splitlines():
        if line.startswith((".", "'")):
            macro, _, args = line[1:].strip().partition(" ")
            if macro in {"PP", "P", "LP", "SH", "SS", "TP", "IP", "sp", "br"}:
                out.append("")  # a paragraph break
            if macro not in _TEXT_MACROS:
                continue
            line = args.replace('"', "")
        line = _ESCAPES.sub("", line).replace("\\-", "-").replace("\\e", "\\").replace("\\ ", " ")
        out.append(line)
    return "\n".join(out)


def man_texts(files: int, seed: int) -> Iterator[str]:
    """English manual pages (/usr/share/man/man*/), their roff turned into plain text."""
    if not MAN_ROOT.is_dir():
        return
    paths = [p for section in MAN_ROOT.glob("man*") if section.is_dir() for p in section.iterdir() if p.is_file()]
    for path in _sample(paths, files, seed):
        yield roff_to_text(_read(path))


SOURCES: dict[str, Callable[[int, int], Iterator[str]]] = {
    "stdlib": stdlib_texts,
    "os_docs": os_doc_texts,
    "man": man_texts,
}


def sentences(source: str, n: int, seed: int = 15) -> list[str]:
    """Up to `n` sentences from `source`, read from enough files to choose from (reproducible by seed)."""
    files = max(8, n // 12)
    return _take((s for text in SOURCES[source](files, seed) for s in split(text)), n, seed)


def vocabulary(texts: Iterable[str], limit: int = 5_000) -> list[str]:
    """The most frequent words (letters, apostrophes, hyphens) of some texts, most frequent first."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]", text):
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))[:limit]
