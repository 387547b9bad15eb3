"""Heap hygiene: freed memory is overwritten, so bytes the process once held cannot reach a file later.

Chroma's HNSW index writes its whole allocated capacity to `data_level0.bin`, slots never filled
included. glibc hands out that capacity uninitialised, so whatever the heap held there before (an error
body from a server that echoed the API key, an SMTP exchange) was written to disk beside the notes.
glibc's M_PERTURB fills every block it allocates and frees with a fixed byte, which closes that path.
Blocks under ~1 KB that glibc recycles through its per-thread cache are neither filled nor cleared: a
known gap, small beside the index's capacity (the test in tests/test_heap_hygiene.py shows both files
that leaked without this: data_level0.bin and length.bin).
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

M_PERTURB = -6  # glibc's mallopt parameter (malloc.h)
PERTURB_BYTE = 0x5A
_scrubbing = False


def scrub_freed_memory() -> bool:
    """Make glibc overwrite memory it allocates and frees; False where the C library cannot (not glibc)."""
    global _scrubbing
    if _scrubbing:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # musl and others have no mallopt
        log.debug("no mallopt: freed memory is not overwritten")
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    _scrubbing = mallopt(M_PERTURB, PERTURB_BYTE) == 1
    return _scrubbing
