"""TinyDB on top of atomic files: every store file is a small TinyDB database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from bot.store.atomic import atomic_write, damaged, dump_json, read_json
from bot.store.migrations import SCHEMA_VERSION, upgrade

#: The table that holds the documents of each kind of file.
TABLES = {
    "profile": "profile",
    "session": "session",
    "user_index": "finished",
    "session_pointers": "sessions",
    "collection": "docs",
}

_RECORD_ID = "1"  # single-document files keep their document under TinyDB doc id 1


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces its file atomically and upgrades old schemas on read.

    TinyDB's own JSONStorage writes in place, so a crash mid-write leaves a file that no longer
    loads; this one writes a temp file, fsyncs it and renames it over the old one.
    """

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The file's tables in the current schema, or None if the file does not exist."""
        raw = read_json(self.path)
        if raw is None:
            return None
        meta = raw.get("_meta")
        if isinstance(meta, dict) and meta.get("kind", self.kind) != self.kind:
            raise damaged(self.path, f"holds a {meta.get('kind')!r}, expected a {self.kind!r}")
        tables = upgrade(self.path, self.kind, raw)
        for name, docs in tables.items():
            if not all(isinstance(doc, dict) for doc in docs.values()):
                raise damaged(self.path, f"table {name!r} holds something that is not a document")
        return tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace the file with `data`, stamped with the current schema version."""
        meta = {"schema": SCHEMA_VERSION, "kind": self.kind}
        atomic_write(self.path, dump_json({"_meta": meta, **data}))

    def close(self) -> None:
        """Nothing stays open between operations."""


def open_db(path: Path, kind: str) -> TinyDB:
    """A TinyDB database over `path` with atomic writes."""
    return TinyDB(path, kind=kind, storage=AtomicJSONStorage)


def read_record(path: Path, kind: str) -> dict[str, Any] | None:
    """The one document of a single-document file (None if the file does not exist)."""
    tables = AtomicJSONStorage(path, kind).read()
    if tables is None:
        return None
    doc = tables.get(TABLES[kind], {}).get(_RECORD_ID)
    if doc is None:
        raise damaged(path, f"no {kind} document in table {TABLES[kind]!r}")
    return dict(doc)


def write_record(path: Path, kind: str, doc: dict[str, Any]) -> None:
    """Replace a single-document file; no read first, so the cost is the document's size only."""
    AtomicJSONStorage(path, kind).write({TABLES[kind]: {_RECORD_ID: doc}})
