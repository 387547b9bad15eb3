"""The disk under the data dir: a full or read-only disk is one clear error, found before any work starts.

SQLite says "disk I/O error" or "database or disk is full", and Chroma may retry a write for a long time
(a `chet search` on a full disk never returned). Checking the file system first, and naming what went
wrong when a write still fails, turns both into a message the salesperson can act on.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from memory.errors import StorageError

MIN_FREE_BYTES = (
    8 * 1024 * 1024
)  # a note, its WAL frames and its Chroma log entry need far less; Chroma's files grow in MBs
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS}


def _existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def ensure_room(data_dir: Path) -> None:
    """Raise StorageError when the data dir's disk is read-only or (nearly) full."""
    where = _existing(data_dir)
    try:
        fs = os.statvfs(where)
    except OSError:
        return  # nothing to learn here; the real operation reports its own error
    if fs.f_flag & os.ST_RDONLY:
        raise StorageError(f"the data folder {data_dir} is on a read-only disk; Chet cannot save anything there")
    free = fs.f_bavail * fs.f_frsize
    if free < MIN_FREE_BYTES:
        raise StorageError(
            f"the disk holding {data_dir} is full ({free // 1024} KB free); free some space and try again"
        )


def as_storage_error(err: BaseException, data_dir: Path) -> StorageError | None:
    """The user's view of a low-level write failure (disk full, read-only), or None if it is something else."""
    if isinstance(err, OSError) and err.errno in _FULL | _READ_ONLY:
        what = "full" if err.errno in _FULL else "read-only"
        return StorageError(f"the disk holding {data_dir} is {what}; nothing was half-written — free space and retry")
    if isinstance(err, sqlite3.OperationalError):
        text = str(err).lower()
        if "disk is full" in text or "disk i/o error" in text:
            return StorageError(f"the disk holding {data_dir} is full or failing ({err}); free space and retry")
        if "readonly" in text or "read-only" in text:
            return StorageError(f"the ledger in {data_dir} cannot be written (read-only)")
    return None
