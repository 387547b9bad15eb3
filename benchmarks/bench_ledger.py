"""The ledger on SQLite and on PostgreSQL, side by side in one run: import rate and search latency.

    .venv/bin/python -m benchmarks.bench_ledger            # 1k and 10k notes
    .venv/bin/python -m benchmarks.bench_ledger --sizes 1000

PostgreSQL: `CHET_BENCH_DATABASE_URL`, else a private cluster on 127.0.0.1 (Debian's postgresql
package, as the tests start it). For each engine and size, in a fresh data dir and schema:

* import: ``Memory.import_notes`` of the whole file (facts, offline embeddings, Chroma): notes/s;
* lexical: the ledger's full-text step alone (FTS5 BM25 vs tsvector ts_rank) p50/p95;
* search: the whole hybrid ``Memory.search`` p50/p95 (half with a client filter).

Writes benchmarks/results/ledger.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from benchmarks.bench_speed import corpus, pct
from memory.importer import parse_lines
from memory.recall import fts_expression, query_terms
from memory.service import Memory

RESULTS = Path(__file__).parent / "results"


@contextmanager
def _memory(data: Path, database_url: str | None) -> Iterator[Memory]:
    from pydantic import SecretStr

    from bot.runtime import Runtime
    from bot.settings import Settings

    data.mkdir(parents=True)
    url = SecretStr(database_url) if database_url else None
    settings = Settings(chet_data_dir=data, chet_offline=True, database_url=url, _env_file=None)
    memory = Runtime(settings).memory("bench")
    try:
        yield memory
    finally:
        memory.ledger.db.close()


def run(memory: Memory, n: int, queries: int) -> dict[str, Any]:
    """Import n notes into `memory`, then time the lexical step and the whole search."""
    notes, questions = corpus(n)
    items = parse_lines("\n".join(json.dumps(x.as_import()) for x in notes).encode(), ZoneInfo("UTC"))
    memory.embedder.embed(["warm up"])
    t0 = time.perf_counter()
    imported, _ = memory.import_notes(items)
    import_s = time.perf_counter() - t0
    assert imported == n
    sample = random.Random(n).sample(questions, min(queries, len(questions)))
    clients = {c.name: c for c in memory.ledger.clients()}
    memory.search("warm up", k=10)
    lexical_ms, search_ms = [], []
    for i, q in enumerate(sample):
        client = clients[q.client] if q.client and i % 2 == 0 else None
        match = fts_expression(query_terms(q.query))
        t = time.perf_counter()
        memory.ledger.fts_search(match, client.id if client else None, 50)
        lexical_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        memory.search(q.query, k=10, client=client)
        search_ms.append((time.perf_counter() - t) * 1000)
    return {
        "notes": n,
        "import_notes_per_s": round(n / import_s, 1),
        "lexical_ms_p50": pct(lexical_ms, 0.5),
        "lexical_ms_p95": pct(lexical_ms, 0.95),
        "search_ms_p50": pct(search_ms, 0.5),
        "search_ms_p95": pct(search_ms, 0.95),
        "queries": len(sample),
    }


def _postgres(stack: ExitStack) -> str:
    url = os.environ.get("CHET_BENCH_DATABASE_URL")
    if url:
        return url
    from tests import pg_server

    return stack.enter_context(pg_server.running_server())


def main(argv: list[str] | None = None) -> int:
    """Run both engines at each size; print a table; write results/ledger.json."""
    parser = argparse.ArgumentParser(prog="bench_ledger", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", type=Path, default=RESULTS / "ledger.json")
    args = parser.parse_args(argv)
    rows = []
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="chet-ledger-") as tmp:
        server = _postgres(stack)
        from tests import pg_server

        for n in args.sizes:
            for engine in ("sqlite", "postgres"):
                with ExitStack() as inner:
                    url = None
                    if engine == "postgres":
                        url = inner.enter_context(pg_server.fresh_schema(server, f"bench_{uuid.uuid4().hex[:8]}"))
                    memory = inner.enter_context(_memory(Path(tmp) / f"{engine}-{n}", url))
                    row = {"engine": engine, **run(memory, n, args.queries)}
                rows.append(row)
                print(json.dumps(row), flush=True)
    print(f"\n{'engine':>9} {'notes':>7} {'import/s':>9} {'lexical p50':>12} {'p95':>7} {'search p50':>11} {'p95':>7}")
    for r in rows:
        print(
            f"{r['engine']:>9} {r['notes']:>7} {r['import_notes_per_s']:>9} {r['lexical_ms_p50']:>9} ms"
            f" {r['lexical_ms_p95']:>7} {r['search_ms_p50']:>8} ms {r['search_ms_p95']:>7}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
