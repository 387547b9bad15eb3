"""Recall through the real stack (SQLite + FTS5, Chroma, local MiniLM) on small data, plus fusion units."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from memory.importer import parse_lines
from memory.recall import Weights, fts_expression, fuse, named_client, query_terms
from memory.records import Client

DANA = [
    ("d1", "Dana Lee", "Met at the Denver trade expo, stopped by our booth.", "2024-01-10"),
    ("d2", "Dana Lee", "Likes the charcoal suit, will confirm next visit.", "2024-01-20"),
    ("d3", "Dana Lee", "Quick check-in call, nothing new.", "2024-02-02"),
    ("d4", "Dana Lee", "Changed her mind: wants the navy one, not charcoal.", "2024-02-15"),
    ("d5", "Dana Lee", "Her daughter Lily starts college in the fall.", "2024-03-01"),
    ("d6", "Dana Lee", "Left a voicemail.", "2024-03-09"),
]
OMAR = [
    ("o1", "Omar Haddad", "Allergic to shellfish - remember for the dinner.", "2024-01-11"),
    ("o2", "Omar Haddad", "Test-drove the Kestrel SUV; liked it a lot.", "2024-01-25"),
    ("o3", "Omar Haddad", "Sent the monthly newsletter.", "2024-02-05"),
    ("o4", "Omar Haddad", "Training for the Chicago marathon, runs most mornings.", "2024-02-20"),
]


def jsonl(rows: list[tuple[str, str, str, str]]) -> bytes:
    """An import file for these (id, client, text, at) rows."""
    return "\n".join(json.dumps({"id": i, "client": c, "text": t, "at": a}) for i, c, t, a in rows).encode()


def load(memory: Any, rows: list[tuple[str, str, str, str]]) -> None:
    """Import rows the way `chet import` does."""
    memory.import_notes(parse_lines(jsonl(rows), ZoneInfo("UTC")))


@pytest.fixture
def filled(memory: Any) -> Any:
    """The 'local' salesperson with Dana's and Omar's notes."""
    load(memory, DANA + OMAR)
    return memory


def ids(hits: list[Any]) -> list[str]:
    """Note ids of search hits, in order."""
    return [h.note.id for h in hits]


# -- through the Memory API --------------------------------------------------------------


def test_paraphrase_found_by_hybrid(filled: Any) -> None:
    """'what colour does she want' shares no word with 'wants the navy one, not charcoal'."""
    dana = filled.find_client("Dana Lee")
    assert ids(filled.search("what colour does she want", k=3, client=dana))[:3].count("d4") == 1
    assert "o1" in ids(filled.search("any food restrictions for the client dinner", k=3))


def test_exact_words_found_lexically(filled: Any) -> None:
    """A rare exact word puts its note first."""
    assert ids(filled.search("Kestrel", k=5))[0] == "o2"


@pytest.mark.parametrize("k", [1, 3, 7, 10, 50])
def test_k_returns_exactly_min_of_k_and_scope(filled: Any, k: int) -> None:
    """-k N gives N results whenever N notes are in scope, even for a query that matches nothing."""
    total = len(DANA) + len(OMAR)
    for query in ("what colour does she want", "zzqx vvwy", "the"):
        hits = filled.search(query, k=k)
        assert len(hits) == min(k, total)
        assert len(set(ids(hits))) == len(hits)
    omar = filled.find_client("Omar Haddad")
    assert len(filled.search("marathon", k=k, client=omar)) == min(k, len(OMAR))


def test_k_zero_and_empty_memory(memory: Any) -> None:
    """Nothing in scope, or k=0: an empty list."""
    assert memory.search("anything", k=10) == []
    load(memory, OMAR)
    assert memory.search("marathon", k=0) == []


def test_client_filter(filled: Any) -> None:
    """With a client, every hit is that client's, best match first."""
    omar = filled.find_client("Omar Haddad")
    hits = filled.search("what colour does he want", k=10, client=omar)
    assert {h.note.client for h in hits} == {"Omar Haddad"}
    dana = filled.find_client("Dana Lee")
    hits = filled.search("which university is her kid going to", k=10, client=dana)
    assert {h.note.client for h in hits} == {"Dana Lee"}
    assert ids(hits)[0] == "d5"


def test_salesperson_isolation(runtime: Any) -> None:
    """Two salespeople on one data dir, same note ids: neither ever sees the other's notes."""
    alice, bob = runtime.memory("alice"), runtime.memory("bob")
    load(alice, [("n1", "Dana Lee", "Wants the navy one, not charcoal.", "2024-01-01")])
    load(bob, [("n1", "Dana Lee", "Allergic to shellfish, no prawns.", "2024-01-01"), *OMAR])
    a_hits = alice.search("shellfish allergy marathon", k=10)
    assert [(h.note.id, h.note.text) for h in a_hits] == [("n1", "Wants the navy one, not charcoal.")]
    b_hits = bob.search("navy charcoal", k=10)
    assert len(b_hits) == 1 + len(OMAR)
    assert "Wants the navy one, not charcoal." not in {h.note.text for h in b_hits}
    # The same through each signal Memory.search fuses.
    assert alice.ledger.fts_search(fts_expression(query_terms("shellfish prawns")), None, 10) == []
    vector = alice.embedder.embed(["shellfish allergy"])[0]
    alice_rowids = {r[0] for r in alice.ledger.note_rows()}
    assert {r for r, _ in alice.index.query(vector, 10)} <= alice_rowids
    # Forgetting Bob's Dana leaves Alice's Dana alone.
    bob.forget(bob.find_client("Dana Lee"))
    assert ids(alice.search("navy", k=5)) == ["n1"]


def test_forget_removes_from_search(filled: Any) -> None:
    """A forgotten client's notes are gone from both signals and from search."""
    dana = filled.find_client("Dana Lee")
    filled.forget(dana)
    hits = filled.search("what colour does Dana want navy charcoal", k=10)
    assert len(hits) == len(OMAR)
    assert {h.note.client for h in hits} == {"Omar Haddad"}
    assert filled.index.count() == len(OMAR)
    assert filled.ledger.fts_search(fts_expression(["navy", "charcoal"]), None, 10) == []


def test_reindex_rebuilds_a_deleted_chroma_dir(settings: Any, data_dir: Path) -> None:
    """Delete chroma/ between runs: Memory.reindex rebuilds it from the ledger, no note lost."""
    from chromadb.api.client import SharedSystemClient

    from bot.runtime import Runtime

    first = Runtime(settings).memory("local")
    load(first, DANA + OMAR)
    before = ids(first.search("what colour does she want", k=3, client=first.find_client("Dana Lee")))
    del first
    SharedSystemClient.clear_system_cache()  # a new process would start with no cached client
    shutil.rmtree(data_dir / "chroma")

    memory = Runtime(settings).memory("local")
    assert memory.reindex() == len(DANA) + len(OMAR)
    assert memory.index.count() == len(DANA) + len(OMAR)
    assert ids(memory.search("what colour does she want", k=3, client=memory.find_client("Dana Lee"))) == before
    vector = memory.embedder.embed(["marathon training"])[0]
    assert len(memory.index.query(vector, 50)) == len(DANA) + len(OMAR)


# -- units ---------------------------------------------------------------------------------


def test_fuse_rrf_rewards_agreement_and_respects_weights() -> None:
    """A note both signals rank well wins; a zero weight silences a signal; ties break by rowid."""
    lexical = [(1, 9.0), (2, 5.0), (3, 1.0)]
    dense = [(2, 0.9), (4, 0.8), (1, 0.1)]
    fused = [r for r, _ in fuse(lexical, dense, Weights(lexical=1.0, dense=1.0, k=5, method="rrf"))]
    assert fused[0] in (1, 2) and set(fused) == {1, 2, 3, 4}
    assert fused.index(2) < fused.index(4)
    only_lex = [r for r, _ in fuse(lexical, dense, Weights(lexical=1.0, dense=0.0, k=5, method="rrf"))]
    assert only_lex[:3] == [1, 2, 3]
    tie = fuse([(7, 1.0)], [(3, 1.0)], Weights(lexical=1.0, dense=1.0, k=5, method="rrf"))
    assert [r for r, _ in tie] == [3, 7]


def test_fuse_rrf_scores() -> None:
    """Weighted reciprocal rank: w / (k + rank)."""
    fused = dict(fuse([(1, 3.0), (2, 2.0)], [(2, 0.5)], Weights(lexical=1.0, dense=0.5, k=10, method="rrf")))
    assert fused[1] == pytest.approx(1 / 11)
    assert fused[2] == pytest.approx(1 / 12 + 0.5 / 11)


@pytest.mark.parametrize("method", ["minmax", "zscore"])
def test_fuse_linear_uses_scores(method: str) -> None:
    """Linear fusion: a much higher score counts for more than one rank; one-sided candidates stay in."""
    lexical = [(1, 10.0), (2, 9.9), (3, 0.1)]
    dense = [(3, 0.95), (2, 0.30), (9, 0.29)]
    fused = [r for r, _ in fuse(lexical, dense, Weights(lexical=1.0, dense=1.0, method=method))]
    assert fused[0] == 2
    assert set(fused) == {1, 2, 3, 9}


def test_fuse_handles_empty_lists() -> None:
    """Either or both lists may be empty."""
    assert fuse([], []) == []
    assert [r for r, _ in fuse([], [(5, 0.3), (6, 0.2)])] == [5, 6]
    assert [r for r, _ in fuse([(5, 1.0)], [], Weights(method="minmax"))] == [5]


def test_query_terms_and_fts_expression() -> None:
    """Stopwords out, possessives trimmed, the scope's name dropped; the expression quotes every term."""
    assert query_terms("What colour does Dana's daughter want?") == ["colour", "dana", "daughter", "want"]
    assert query_terms("When did Caroline go to the support group?", drop="Caroline and Melanie") == [
        "go",
        "support",
        "group",
    ]
    assert fts_expression(['say "hi"', "OR", "near"]) == '"say" OR "hi" OR "OR" OR "near"'
    assert fts_expression([]) == ""


def test_named_client() -> None:
    """One clearly named client, or None when none or several match."""
    clients = [
        Client(1, "Dana Lee"),
        Client(2, "Dana Whitfield"),
        Client(3, "Caroline and Melanie"),
        Client(4, "Rose Park", aliases=("Acme Supply",)),
    ]
    assert named_client("what colour does Dana Lee want", clients) == clients[0]
    assert named_client("what does Dana want", clients) is None  # two Danas
    assert named_client("When did Caroline go to the support group?", clients) == clients[2]
    assert named_client("a rose gold watch for Omar", clients) is None
    assert named_client("who at acme supply signs off", clients) == clients[3]
    assert named_client("what colour does she want", clients) is None
