"""memory/'s public API beyond `Memory` (memory.service): what bot/'s wiring and the CLI need from its inside.

bot/ imports these names from here (or from the public modules: service, records, errors, lexicon, dates,
numbers, timeutil), never from the modules that hold them, so memory/ can rearrange its inside freely.
"""

from memory.backup import backup_to, restore_from
from memory.consent_scope import ContactScope, ContactScopes, contact_scopes
from memory.embeddings import Embedder, OpenAIEmbedder, local_embedder
from memory.heap import scrub_freed_memory
from memory.importer import MAX_FILE_BYTES, parse_lines
from memory.sql import SqliteDatabase, url_secrets
from memory.storage import as_storage_error, ensure_room

__all__ = [
    "MAX_FILE_BYTES",
    "ContactScope",
    "ContactScopes",
    "Embedder",
    "OpenAIEmbedder",
    "SqliteDatabase",
    "as_storage_error",
    "backup_to",
    "contact_scopes",
    "ensure_room",
    "local_embedder",
    "parse_lines",
    "restore_from",
    "scrub_freed_memory",
    "url_secrets",
]
