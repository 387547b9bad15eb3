"""`make bench`: every benchmark in turn; each prints its table and writes benchmarks/results/<name>.json."""

from __future__ import annotations

import subprocess
import sys
import time

BENCHES = [
    "bench_guard",
    "bench_guard_cli --fast",
    "bench_guard_cli --fast --set dev2",
    "bench_guard_cli --fast --set dev3",
    "bench_recall",
    "bench_recall_opaque",
    "bench_speed",
    "bench_ledger",
    "bench_prompt",
    "bench_everyday",
    "bench_bot",
    "bench_footprint",
]


def main(argv: list[str]) -> int:
    """Run the named benchmarks (default: all); returns non-zero if any failed."""
    names = argv or BENCHES
    failed = []
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        start = time.monotonic()
        module, *args = name.split()
        rc = subprocess.call([sys.executable, "-m", f"benchmarks.{module}", *args])
        print(f"=== {name}: exit {rc} in {time.monotonic() - start:.0f} s", flush=True)
        if rc:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
