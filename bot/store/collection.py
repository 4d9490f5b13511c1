"""Small named collections for later features (cohorts, reviews, assignments, rounds …)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from tinydb import Query
from tinydb.table import Document, Table

from bot.errors import StoreError
from bot.store.tinyfile import TABLES, open_db

KEY = "key"  # the field that holds each document's unique key


class Collection:
    """Documents with a unique string key, kept in one atomic TinyDB file.

    Documents are returned as plain dicts that include their key under `"key"`.
    Reads see the last complete write; writes are serialised by the file's lock.
    """

    def __init__(
        self,
        name: str,
        path: Path,
        lock: threading.RLock,
        before_write: Callable[[], None] = lambda: None,
    ) -> None:
        self.name = name
        self.path = path
        self._file_lock = lock
        self._before_write = before_write  # the store takes the data folder's lock here

    @property
    def _lock(self) -> threading.RLock:
        self._before_write()
        return self._file_lock

    def _table(self) -> Table:
        return open_db(self.path, "collection").table(TABLES["collection"])

    def insert(self, key: str, doc: Mapping[str, Any]) -> dict[str, Any]:
        """Add a document under a new key (StoreError if the key is taken)."""
        with self._lock:
            table = self._table()
            if table.contains(Query()[KEY] == key):
                raise StoreError(f"{self.path}: key {key!r} already exists in {self.name!r}")
            stored = {**doc, KEY: key}
            table.insert(stored)
            return stored

    def upsert(self, key: str, doc: Mapping[str, Any]) -> dict[str, Any]:
        """Add or replace the document under `key`."""
        with self._lock:
            stored = {**doc, KEY: key}
            table = self._table()
            found = table.get(Query()[KEY] == key)
            if isinstance(found, Document):

                def replace(old: MutableMapping[str, Any]) -> None:
                    old.clear()
                    old.update(stored)

                table.update(replace, doc_ids=[found.doc_id])
            else:
                table.insert(stored)
            return stored

    def modify(
        self, key: str, change: Callable[[dict[str, Any] | None], Mapping[str, Any] | None]
    ) -> dict[str, Any] | None:
        """Read-modify-write under the file's lock: `change(current)` returns the new document.

        Use this instead of get + upsert whenever concurrent writers may touch the same key;
        returning None leaves the document as it was.
        """
        with self._lock:
            new = change(self.get(key))
            return None if new is None else self.upsert(key, new)

    def get(self, key: str) -> dict[str, Any] | None:
        """The document under `key`, or None."""
        found = self._table().get(Query()[KEY] == key)
        return dict(found) if isinstance(found, Document) else None

    def update(self, key: str, **fields: Any) -> dict[str, Any]:
        """Merge `fields` into the document under `key` and return it (StoreError if missing)."""
        fields.pop(KEY, None)
        with self._lock:
            table = self._table()
            found = table.get(Query()[KEY] == key)
            if not isinstance(found, Document):
                raise StoreError(f"{self.path}: no document {key!r} in {self.name!r}")
            table.update(fields, doc_ids=[found.doc_id])
            return {**found, **fields}

    def search(
        self, where: Callable[[dict[str, Any]], bool] | None = None, **equals: Any
    ) -> list[dict[str, Any]]:
        """Documents whose fields equal `equals` and for which `where(doc)` is true."""
        docs = [dict(doc) for doc in self._table().all()]
        return [
            doc
            for doc in docs
            if all(doc.get(k) == v for k, v in equals.items()) and (where is None or where(doc))
        ]

    def all(self) -> list[dict[str, Any]]:
        """Every document, oldest first."""
        return self.search()

    def remove(self, key: str) -> bool:
        """Delete the document under `key`; False if there was none."""
        with self._lock:
            table = self._table()
            found = table.get(Query()[KEY] == key)
            if not isinstance(found, Document):
                return False  # TinyDB would rewrite the file even when nothing matches
            table.remove(doc_ids=[found.doc_id])
            return True

    def remove_where(self, **equals: Any) -> int:
        """Delete every document whose fields equal `equals`; how many went."""
        with self._lock:
            table = self._table()
            if not table.contains(Query().fragment(equals)):
                return 0
            return len(table.remove(Query().fragment(equals)))

    def __len__(self) -> int:
        return len(self._table())
