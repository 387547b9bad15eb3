"""What the process's heap once held never reaches the data directory.

Chroma's HNSW index writes its whole allocated capacity to disk, uninitialised slots included. A CI run
found an SMTP `AUTH LOGIN` exchange from an earlier test inside `data_level0.bin`. Here a fresh process
fills freed heap (in threads, whose arenas Chroma's threads later take over) with a marker standing for a
secret, then stores notes through the CLI; no file under the data directory may hold the marker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARKER = b"STALE-HEAP-SECRET-"

# Freed blocks of ~200 KB and ~3 KB on glibc's heap, in threads that end.
SCRIPT = f"""
import sys, threading
from bot.interfaces.cli import main

bytearray(8 << 20)  # a freed mmapped block raises glibc's mmap threshold: big blocks come from the heap
kept = []
def dirty() -> None:
    # A live block after each freed one keeps the freed blocks from merging back and being returned.
    freed = []
    for _ in range(100):
        freed.append(bytearray({MARKER!r} * 11000))
        kept.append(bytearray(600))
    for _ in range(1000):
        freed.append(bytearray({MARKER!r} * 160))
        kept.append(bytearray(600))
    del freed

# Alive at once, each thread gets an arena of its own; when they end, later threads take those arenas.
barrier = threading.Barrier(16)
def dirty_together() -> None:
    barrier.wait()
    dirty()
threads = [threading.Thread(target=dirty_together) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
dirty()
base = ["--offline", "--data-dir", sys.argv[1], "--user", "u1", "note", "--json"]
for i, who in enumerate(["Dana Lee", "Ben Ortiz", "Mia Chen"]):
    assert main(base + [who, f"{{who}} wants the blue one, not the grey (call {{i}})."]) == 0
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the scrubbing asks glibc")
def test_stale_heap_bytes_never_reach_the_index_files(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CHET", "TELEGRAM_"))}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data_dir)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "data_level0.bin" for p in files), "the HNSW index was written"
    leaked = [str(p.relative_to(data_dir)) for p in files if MARKER in p.read_bytes()]
    assert not leaked
