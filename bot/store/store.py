"""The store: users, sessions and small collections, each in its own atomic TinyDB file."""

from __future__ import annotations

import os
import secrets
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from bot.core.session import Session
from bot.errors import StoreError
from bot.store import index, pointers
from bot.store.atomic import damaged, fsync_dir
from bot.store.collection import Collection
from bot.store.layout import Layout, decode_user
from bot.store.migrations import SCHEMA_VERSION
from bot.store.summary import SessionSummary
from bot.store.tinyfile import read_record, write_record


class Store:
    """Synchronous and thread-safe: one lock per user folder and per shared file.

    A call that writes returns only once the data is on disk (fsynced), so a turn counts as
    acknowledged when `save_session` returns. One process per data folder.
    """

    def __init__(self, data_dir: Path) -> None:
        self.layout = Layout(Path(data_dir))
        self._locks: dict[str, threading.RLock] = {}
        self._guard = threading.Lock()

    def _lock(self, key: str) -> threading.RLock:
        with self._guard:
            return self._locks.setdefault(key, threading.RLock())

    def _user_lock(self, user_id: str) -> threading.RLock:
        return self._lock(f"user:{user_id}")

    # -- users --------------------------------------------------------------------------

    def get_user(self, user_id: str) -> dict[str, Any] | None:
        """The user's profile, or None if they have none."""
        return read_record(self.layout.profile(user_id), "profile")

    def update_user(self, user_id: str, **fields: Any) -> dict[str, Any]:
        """Merge `fields` (lang, name, ...) into the profile, creating it if needed; return it."""
        fields.pop("user_id", None)
        with self._user_lock(user_id):
            now = time.time()
            profile = self.get_user(user_id) or {"user_id": user_id, "created_at": now}
            profile.update(fields, updated_at=now)
            write_record(self.layout.profile(user_id), "profile", profile)
            return profile

    def user_ids(self) -> list[str]:
        """Every user with data in the store, sorted."""
        try:
            names = [e.name for e in os.scandir(self.layout.users_dir) if e.is_dir()]
        except FileNotFoundError:
            return []
        return sorted(decode_user(n) for n in names if not n.startswith("."))

    # -- sessions -----------------------------------------------------------------------

    def save_session(self, session: Session) -> None:
        """Write the session with all its turns; durable when this returns."""
        self.save_session_data(session.to_dict())

    def save_session_data(self, data: dict[str, Any]) -> None:
        """`save_session` for a session already turned into a dict (see AsyncStore)."""
        user_id, session_id = str(data["user_id"]), str(data["id"])
        path = self.layout.session(user_id, session_id)
        with self._user_lock(user_id):
            if not path.exists():  # a new session: register it before its file exists
                shard = self.layout.pointer_shard(session_id)
                with self._lock(f"file:{shard}"):
                    pointers.add_pointer(self.layout, session_id, user_id)
            write_record(path, "session", data)

    def load_session(self, session_id: str) -> Session:
        """The session with this id (StoreError if unknown)."""
        user_id = pointers.find_owner(self.layout, session_id) or self._search_owner(session_id)
        path = None if user_id is None else self.layout.session(user_id, session_id)
        if path is None or not path.exists():
            raise StoreError(f"no session {session_id!r} in the store at {self.layout.root}")
        return self._read_session(path)

    def _search_owner(self, session_id: str) -> str | None:
        """Find a session missing from the global index (lost in a power cut) and re-index it."""
        for user_id in self.user_ids():
            if self.layout.session(user_id, session_id).exists():
                shard = self.layout.pointer_shard(session_id)
                with self._lock(f"file:{shard}"):
                    pointers.add_pointer(self.layout, session_id, user_id)
                return user_id
        return None

    def _read_session(self, path: Path) -> Session:
        data = read_record(path, "session")
        if data is None:
            raise StoreError(f"{path}: session file disappeared")
        try:
            return Session.from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise damaged(path, f"not a valid session: {type(exc).__name__}: {exc}") from None

    def _scan(self, user_id: str) -> index.Scan:
        return index.scan(self.layout, user_id, self._read_session, self._user_lock(user_id))

    def sessions(self, user_id: str, limit: int | None = None) -> list[SessionSummary]:
        """Summaries of the user's sessions, finished and unfinished, newest first."""
        found = self._scan(user_id).summaries
        found.sort(key=lambda s: (s.started_at, s.id), reverse=True)
        return found if limit is None else found[:limit]

    def active_session(self, user_id: str) -> Session | None:
        """The user's newest unfinished session, or None."""
        open_ = [s for s in self._scan(user_id).loaded.values() if not s.finished]
        return max(open_, key=lambda s: (s.started_at, s.id), default=None)

    def load_sessions(self, user_id: str) -> list[Session]:
        """All of the user's sessions, oldest first."""
        ids = index.session_files(self.layout.sessions_dir(user_id))
        found = [self._read_session(self.layout.session(user_id, sid)) for sid in ids]
        return sorted(found, key=lambda s: (s.started_at, s.id))

    # -- a rep's data as a whole ----------------------------------------------------------

    def export_user(self, user_id: str) -> dict[str, Any]:
        """Everything stored about the user, as one JSON-ready dict."""
        return {
            "user_id": user_id,
            "exported_at": time.time(),
            "schema": SCHEMA_VERSION,
            "profile": self.get_user(user_id),
            "sessions": [s.to_dict() for s in self.load_sessions(user_id)],
            "collections": {
                name: docs
                for name in self.collection_names()
                if (docs := self.table(name).search(user_id=user_id))
            },
        }

    def forget_user(self, user_id: str) -> bool:
        """Delete everything stored about the user; False if there was nothing."""
        with self._user_lock(user_id):
            user_dir = self.layout.user_dir(user_id)
            session_ids = list(index.session_files(self.layout.sessions_dir(user_id)))
            existed = user_dir.is_dir()
            if existed:
                # One rename takes the user out of sight at once; deleting can then be slow.
                trash = user_dir.with_name(f".forget-{secrets.token_hex(6)}")
                try:
                    os.replace(user_dir, trash)
                except OSError as exc:
                    raise StoreError(
                        f"{user_dir}: could not delete ({exc.strerror or exc})"
                    ) from exc
                fsync_dir(user_dir.parent)
            for shard, ids in pointers.by_shard(self.layout, session_ids).items():
                with self._lock(f"file:{shard}"):
                    pointers.drop_from_shard(shard, ids)
            removed = sum(
                self.table(n).remove_where(user_id=user_id) for n in self.collection_names()
            )
            if existed:
                shutil.rmtree(trash, ignore_errors=True)
            return existed or removed > 0

    # -- collections ----------------------------------------------------------------------

    def table(self, name: str) -> Collection:
        """The named collection (created on first write)."""
        path = self.layout.collection(name)
        return Collection(name, path, self._lock(f"file:{path}"))

    def collection_names(self) -> list[str]:
        """Names of the collections that exist."""
        directory = self.layout.root / "tables"
        if not directory.is_dir():
            return []
        return sorted(p.stem for p in directory.glob("*.json") if not p.name.startswith("."))
