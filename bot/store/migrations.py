"""Schema versions of the store's files and the ordered steps that upgrade older ones.

Every file carries `{"_meta": {"schema": N, "kind": K}}` next to its TinyDB tables. Files are
upgraded lazily when read and written back in the current shape on their next write, so an
upgrade never has to touch the whole store at once and a crash half-way strands nothing.

History:
  1. Plain TinyDB files (no `_meta`), every document in TinyDB's `_default` table.
  2. `_meta` block; each kind of file keeps its documents in a table named after what it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bot.errors import StoreError
from bot.store.atomic import damaged

Tables = dict[str, Any]
Migration = Callable[[str, Tables], Tables]

# Frozen copy of the v2 table names: a migration must not change meaning when the code moves on.
_V2_TABLES = {
    "profile": "profile",
    "session": "session",
    "user_index": "finished",
    "session_pointers": "sessions",
    "collection": "docs",
}


def _v1_to_v2(kind: str, tables: Tables) -> Tables:
    """Move the documents out of `_default` into the table named for the file's kind."""
    if "_default" not in tables:
        return tables
    target = _V2_TABLES.get(kind, "_default")
    upgraded = {name: docs for name, docs in tables.items() if name != "_default"}
    upgraded[target] = {**tables["_default"], **upgraded.get(target, {})}
    return upgraded


#: MIGRATIONS[i] upgrades a file from schema i + 1 to i + 2; append, never reorder.
MIGRATIONS: tuple[Migration, ...] = (_v1_to_v2,)

SCHEMA_VERSION = len(MIGRATIONS) + 1


def stored_version(path: Path, raw: dict[str, Any]) -> int:
    """The schema version a file was written with (1 when it has no `_meta`)."""
    meta = raw.get("_meta")
    if meta is None:
        return 1
    version = meta.get("schema") if isinstance(meta, dict) else None
    if not isinstance(version, int) or version < 1:
        raise damaged(path, f"'_meta.schema' should be a positive integer, found {version!r}")
    return version


def upgrade(
    path: Path,
    kind: str,
    raw: dict[str, Any],
    migrations: Sequence[Migration] = MIGRATIONS,
) -> Tables:
    """The file's tables in the current schema, after applying the missing steps in order."""
    version = stored_version(path, raw)
    current = len(migrations) + 1
    if version > current:
        raise StoreError(
            f"{path}: written with store schema {version}, but this salescoach understands up "
            f"to {current}. Upgrade salescoach to read it."
        )
    tables = {name: docs for name, docs in raw.items() if name != "_meta"}
    for step in migrations[version - 1 :]:
        tables = step(kind, tables)
    for name, docs in tables.items():
        if not isinstance(docs, dict):
            raise damaged(path, f"table {name!r} should be an object, found {type(docs).__name__}")
    return tables
