"""The store: users, sessions and small collections, each in its own atomic TinyDB file."""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.core.session import Session
from bot.errors import StoreError
from bot.store import export, forget, index, lock, pointers
from bot.store.atomic import DamagedFile, damaged
from bot.store.collection import Collection
from bot.store.layout import Layout
from bot.store.summary import SessionSummary
from bot.store.tinyfile import read_record, write_record

log = logging.getLogger(__name__)


def _call(method: weakref.WeakMethod[Callable[[], None]]) -> None:
    found = method()
    if found is not None:
        found()


class Store:
    """Synchronous and thread-safe: one lock per user folder and per shared file.

    A call that writes returns only once the data is on disk (fsynced), so a turn counts as
    acknowledged when `save_session` returns. One process writes to a data folder at a time:
    the first write (or `claim`) takes the folder's lock, waiting up to `lock_wait` seconds for
    another process to let go. Reading needs no lock and works on a read-only folder.
    """

    def __init__(
        self, data_dir: Path, *, lock_wait: float = lock.DEFAULT_WAIT, command: str = "salescoach"
    ) -> None:
        self.layout = Layout(Path(data_dir))
        self.lock_wait, self.command = lock_wait, command
        self._locks: dict[str, threading.RLock] = {}
        self._guard = threading.Lock()
        # A weak link back, so that a dropped store is collected at once and its hold goes.
        claimed = weakref.WeakMethod(self._claimed)
        self.hold = lock.FolderHold(self.layout.root, command, lock_wait, lambda: _call(claimed))
        self._forgotten: set[str] = set()  # session ids forgotten by this process
        self._resumed: set[str] = set()  # users whose interrupted forget this process finished
        if forget.pending(self):  # a crash cut a forget short: finish it if nobody writes here
            self._may_cache()

    def _lock(self, key: str) -> threading.RLock:
        with self._guard:
            return self._locks.setdefault(key, threading.RLock())

    def _user_lock(self, user_id: str) -> threading.RLock:
        return self._lock(f"user:{user_id}")

    def file_lock(self, path: Path) -> threading.RLock:
        """The lock this process holds while it rewrites a shared file."""
        return self._lock(f"file:{path}")

    # -- the folder's lock ------------------------------------------------------------------

    def claim(self, command: str | None = None, wait: float | None = None) -> None:
        """Become the folder's one writer, then finish any forget a crash interrupted.

        Waits up to `wait` seconds (default `lock_wait`); FolderBusy names the process that
        holds the folder, or says the folder cannot be written.
        """
        self.hold.claim(command, wait)

    def close(self) -> None:
        """Let go of the folder's lock (it also goes when the store is collected)."""
        self.hold.close()

    def _claimed(self) -> None:
        try:
            self.resume_forgets()
        except (OSError, StoreError) as exc:  # the next writer tries again
            log.error("could not finish an interrupted forget: %s", exc)

    def _writing(self) -> None:
        self.hold.ensure()

    def _may_cache(self) -> bool:
        """Whether a cache (an index) may be written: only by the folder's writer, never waiting."""
        return self.hold.try_claim()

    # -- users --------------------------------------------------------------------------

    def get_user(self, user_id: str) -> dict[str, Any] | None:
        """The user's profile, or None if they have none."""
        return read_record(self.layout.profile(user_id), "profile")

    def profile(self, user_id: str) -> dict[str, Any]:
        """The user's profile; empty if they have none or it is damaged (that is logged), so a
        damaged profile costs the rep their saved language, not the use of the bot."""
        try:
            return self.get_user(user_id) or {}
        except DamagedFile as exc:
            log.warning("%s", exc)
            return {}

    def update_user(self, user_id: str, **fields: Any) -> dict[str, Any]:
        """Merge `fields` (lang, name, ...) into the profile, creating it if needed; return it."""
        fields.pop("user_id", None)
        self._writing()
        with self._user_lock(user_id):
            now = time.time()
            profile = self.profile(user_id) or {"user_id": user_id, "created_at": now}
            profile.update(fields, updated_at=now)
            write_record(self.layout.profile(user_id), "profile", profile)
            return profile

    def user_ids(self) -> list[str]:
        """Every user with data in the store, sorted."""
        return self.layout.user_ids()

    # -- sessions -----------------------------------------------------------------------

    def save_session(self, session: Session) -> None:
        """Write the session with all its turns; durable when this returns."""
        self.save_session_data(session.to_dict())

    def save_session_data(self, data: dict[str, Any]) -> None:
        """`save_session` for a session already turned into a dict (see AsyncStore)."""
        user_id, session_id = str(data["user_id"]), str(data["id"])
        path = self.layout.session(user_id, session_id)
        self._writing()
        with self._user_lock(user_id):
            if session_id in self._forgotten:  # a turn that was under way when the rep left
                log.info("not saving session %s: its rep asked to be forgotten", session_id)
                return
            if not path.exists():  # a new session: register it before its file exists
                self._add_pointer(session_id, user_id)
            write_record(path, "session", data)

    def _add_pointer(self, session_id: str, user_id: str) -> None:
        shard = self.layout.pointer_shard(session_id)
        with self.file_lock(shard):
            pointers.register(self.layout, session_id, user_id)

    def _owner(self, session_id: str) -> str | None:
        shard = self.layout.pointer_shard(session_id)
        return pointers.owner(self.layout, session_id, self.file_lock(shard), self._may_cache)

    def load_session(self, session_id: str) -> Session:
        """The session with this id (StoreError if unknown)."""
        user_id = self._owner(session_id) or self._search_owner(session_id)
        path = None if user_id is None else self.layout.session(user_id, session_id)
        if path is None or not path.exists():
            raise StoreError(f"no session {session_id!r} in the store at {self.layout.root}")
        return self._read_session(path)

    def _search_owner(self, session_id: str) -> str | None:
        """Find a session missing from the global index (lost in a power cut) and re-index it."""
        for user_id in self.user_ids():
            if self.layout.session(user_id, session_id).exists():
                if self._may_cache():
                    self._add_pointer(session_id, user_id)
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
        return index.scan(
            self.layout, user_id, self._read_session, self._user_lock(user_id), self._may_cache
        )

    def sessions(self, user_id: str, limit: int | None = None) -> list[SessionSummary]:
        """Summaries of the user's readable sessions, finished and unfinished, newest first."""
        found = self._scan(user_id).summaries
        found.sort(key=lambda s: (s.started_at, s.id), reverse=True)
        return found if limit is None else found[:limit]

    def unreadable(self, user_id: str) -> list[Path]:
        """The user's session files that are damaged (every listing skips them)."""
        return self._scan(user_id).unreadable

    def active_session(self, user_id: str) -> Session | None:
        """The user's newest unfinished session, or None."""
        open_ = [s for s in self._scan(user_id).loaded.values() if not s.finished]
        return max(open_, key=lambda s: (s.started_at, s.id), default=None)

    def load_sessions(self, user_id: str) -> list[Session]:
        """All of the user's readable sessions, oldest first (damaged files are skipped)."""
        found = []
        for sid in index.session_files(self.layout.sessions_dir(user_id)):
            try:
                found.append(self._read_session(self.layout.session(user_id, sid)))
            except DamagedFile as exc:
                log.warning("%s", exc)
        return sorted(found, key=lambda s: (s.started_at, s.id))

    # -- a rep's data as a whole ----------------------------------------------------------

    def export_user(self, user_id: str) -> dict[str, Any]:
        """Everything stored about the user, as one JSON-ready dict (see `export.export_user`)."""
        return export.export_user(self, user_id)

    def forget_user(self, user_id: str) -> bool:
        """Delete everything stored about the user, from every file; False if there was nothing.

        Crash-safe: a forget cut short is finished by the next process that writes here.
        """
        self._writing()
        with self._user_lock(user_id):
            earlier = user_id in {*self.resume_forgets(), *self._resumed}
            return forget.forget(self, user_id, self._forgotten) or earlier

    def resume_forgets(self) -> list[str]:
        """Finish every forget a crash cut short; the user ids they were for."""
        done = forget.resume(self)
        self._resumed.update(done)
        return done

    # -- collections ----------------------------------------------------------------------

    def table(self, name: str) -> Collection:
        """The named collection (created on first write)."""
        path = self.layout.collection(name)
        return Collection(name, path, self.file_lock(path), self._writing)

    def collection_names(self) -> list[str]:
        """Names of the collections that exist."""
        directory = self.layout.root / "tables"
        if not directory.is_dir():
            return []
        return sorted(p.stem for p in directory.glob("*.json") if not p.name.startswith("."))
