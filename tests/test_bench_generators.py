"""The long-chat recall generators lay out their sessions with one set of helpers (benchmarks/recall_data.py) and
make the same data from the same seed, so old and new figures stay comparable."""

from __future__ import annotations

import ast
import hashlib
import json
from pathlib import Path

from benchmarks.locomo_data import locomo_dataset
from benchmarks.recall_data import Dataset, conversation_dataset

ROOT = Path(__file__).resolve().parent.parent
LAYOUT_HELPERS = {"group_by_session", "next_session_time", "session_opening", "add_session_notes", "add_questions"}


def _digest(ds: Dataset) -> str:
    """A digest of every note and question of a generated set, field by field."""
    rows = [[n.id, n.client, n.text, n.at] for n in ds.notes]
    rows += [[q.qid, q.query, list(q.evidence), q.client, q.kind] for q in ds.questions]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def test_the_generators_make_the_same_data_from_the_same_seed() -> None:
    chats, locomo = conversation_dataset(1, 3, 8), locomo_dataset(3, 4, 12)
    assert (len(chats.notes), len(chats.questions), len(locomo.notes), len(locomo.questions)) == (879, 198, 1368, 216)
    assert _digest(chats) == "de0cb25b5befeaa457c2ad6c1da68c7e9bc34540daa2a63c9569785f187ad2c5"
    assert _digest(locomo) == "d71fc3e469bd64d31e60712ee4217c6877e93b15f504458eb5b6c05fdb2475f3"


def _calls(path: Path) -> set[str]:
    """The names of the functions `path` calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}


def test_both_generators_lay_out_sessions_with_the_shared_helpers() -> None:
    for name in ("recall_data.py", "locomo_data.py"):
        assert _calls(ROOT / "benchmarks" / name) >= LAYOUT_HELPERS, name
