"""The one place that turns Chet's typed results into the user's JSON: the command-line contract's documents
(docs/contract.md), and the export file both `chet export` and the chat's /export hand out.

The CLI (bot/interfaces) prints them; the chat reads the profile document and sends the export file. Nothing
else in bot/ makes a JSON document for the user.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from memory.records import Fact, LedgerExport, LlmExchange, Profile, SearchHit

if TYPE_CHECKING:  # types only: a one-shot `chet search` must not load the guard and the chat (~1-2 s)
    from bot.guard import Finding
    from bot.usecases.answer import Answer
    from bot.usecases.digest import Digest
    from bot.usecases.drafting import CheckResult, DraftResult
    from memory.service import Stored


def to_json(data: Any, indent: int | None = None) -> str:
    """A document as JSON text: Unicode kept as is, dates and other values as their strings."""
    return json.dumps(data, ensure_ascii=False, default=str, indent=indent)


def export_json(export: LedgerExport, one_line: bool = False) -> str:
    """An export as JSON text (`chet export`, the chat's /export file): indented for reading unless one line."""
    return to_json(export_document(export), indent=None if one_line else 1)


def note_document(stored: Stored) -> dict[str, Any]:
    """`chet note`: the note's id, its client and the facts read from it."""
    return {
        "note_id": stored.note.id,
        "client": stored.client.name,
        "facts": [
            {
                "kind": f.kind.value,
                "key": f.key,
                "value": f.value,
                "text": f.text,
                "due": f.due.isoformat() if f.due else None,
            }
            for f in stored.facts
        ],
        "notices": stored.notices,
    }


def export_document(export: LedgerExport) -> dict[str, Any]:
    """`chet export`: the salesperson, then every table's rows with every column the ledger holds."""
    return asdict(export)


def llm_log_document(entries: list[LlmExchange]) -> list[dict[str, Any]]:
    """`chet log --json`: the latest LLM exchanges, newest first."""
    return [asdict(e) for e in entries]


def import_document(imported: int, skipped: int) -> dict[str, Any]:
    """`chet import`: how many notes were stored and how many were already there."""
    return {"imported": imported, "skipped": skipped}


def batch_document(qid: Any, hits: list[SearchHit]) -> dict[str, Any]:
    """`chet search --queries`: one line per query, its id as given and its hits."""
    return {"qid": qid, "results": hit_documents(hits)}


def forget_document(client: str) -> dict[str, Any]:
    """`chet forget`: the client erased everywhere."""
    return {"forgotten": client}


def reindex_document(indexed: int) -> dict[str, Any]:
    """`chet reindex`: how many notes are in the rebuilt index."""
    return {"indexed": indexed}


def backup_document(dest: Path) -> dict[str, Any]:
    """`chet backup`: where the copy is."""
    return {"backup": str(dest)}


def restore_document(src: Path, salespeople: int, indexed: int) -> dict[str, Any]:
    """`chet restore`: the backup restored, and the salespeople and notes reindexed from it."""
    return {"restored": str(src), "salespeople": salespeople, "indexed": indexed}


def hit_documents(hits: list[SearchHit]) -> list[dict[str, Any]]:
    """`chet search`: one document per hit, best first."""
    return [
        {
            "note_id": h.note.id,
            "client": h.note.client,
            "text": h.note.text,
            "at": h.note.at_raw or h.note.occurred_at.isoformat(),
            "score": h.score,
        }
        for h in hits
    ]


def answer_document(answer: Answer) -> dict[str, Any]:
    """`chet ask`: the answer and its sources, or an abstention (plus engine and notices)."""
    return {
        "answer": answer.answer,
        "sources": answer.sources,
        "abstained": answer.abstained,
        "engine": answer.engine,
        "notices": answer.notices,
    }


def _fact_document(f: Fact) -> dict[str, Any]:
    return {
        "kind": f.kind.value,
        "key": f.key,
        "value": f.value,
        "detail": f.detail,
        "text": f.text,
        "source_ids": list(f.source_ids),
        "valid_from": f.valid_from.isoformat(),
        "valid_to": f.valid_to.isoformat() if f.valid_to else None,
        **({"date": f.due.isoformat()} if f.due else {}),
    }


def profile_document(profile: Profile) -> dict[str, Any]:
    """`chet profile`: current facts, superseded history, promises still owed, last contact."""
    client = profile.client
    return {
        "client": client.name,
        "goes_by": client.goes_by,
        "company": client.company,
        "facts": [_fact_document(f) for f in profile.facts],
        "history": [_fact_document(f) for f in profile.history],
        "commitments": [
            {
                "text": c.text,
                "due": c.due.isoformat() if c.due else None,
                "status": c.status,
                "source_ids": list(c.source_ids),
                "id": c.id,
            }
            for c in profile.commitments
        ],
        "last_contact": profile.last_contact,
        "notes": profile.notes,
    }


def finding_document(f: Finding) -> dict[str, Any]:
    """A guard finding in `draft` and `check`: kind, the exact span, why, the notes involved, its verdict."""
    return {"kind": f.kind, "span": f.span, "message": f.message, "sources": list(f.sources), "verdict": f.verdict}


def draft_document(result: DraftResult) -> dict[str, Any]:
    """`chet draft`: the draft, its verdict and findings, the notes cited, the context's size, engine, notices."""
    return {
        "draft_id": result.draft_id,
        "client": result.client,
        "text": result.text,
        "verdict": result.verdict,
        "findings": [finding_document(f) for f in result.findings],
        "sources": list(result.sources),
        "prompt_tokens": result.prompt_tokens,
        "engine": result.engine,
        "notices": list(result.notices),
    }


def check_document(result: CheckResult) -> dict[str, Any]:
    """`chet check`: the verdict, the findings and any notice (e.g. only the offline checks ran)."""
    return {
        "verdict": result.verdict,
        "findings": [finding_document(f) for f in result.findings],
        "notices": list(result.notices),
    }


def digest_document(digest: Digest) -> dict[str, Any]:
    """`chet digest`: the day and its items, most urgent first (with the key the chat's buttons use)."""
    return {
        "date": digest.date.isoformat(),
        "items": [
            {
                "kind": i.kind,
                "client": i.client,
                "text": i.text,
                "due": i.due.isoformat() if i.due else None,
                "source_ids": list(i.source_ids),
                "key": i.key,
            }
            for i in digest.items
        ],
    }
