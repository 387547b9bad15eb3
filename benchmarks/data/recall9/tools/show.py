#!/usr/bin/env python3
"""Authoring aid: print a source history with its turn numbers (s.t) and per-session counts."""
import sys
from pathlib import Path
for p in sys.argv[1:]:
    si = ti = 0
    for line in Path(p).read_text().splitlines():
        if line.startswith("S "):
            si += 1; ti = 0; print(f"== s{si} {line[2:]}")
        elif line.startswith(("H ", "Q ", "#")) or not line.strip():
            continue
        else:
            ti += 1; print(f"{si}.{ti} {line[:150]}")
