"""The coaching records in the store's named collections: the one place that calls the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.core.session import Session
from bot.errors import StoreError

ROLES = "coach_roles"
INVITES = "coach_invites"
COHORTS = "cohorts"
MEMBERS = "cohort_members"
REVIEWS = "reviews"
ASSIGNMENTS = "assignments"
ROUNDS = "rounds"
ROUND_RESULTS = "round_results"

Doc = dict[str, Any]


class Records:
    """Documents by key in small named tables, and the reps' sessions, over a `Store`."""

    def __init__(self, store: Any) -> None:
        # An AsyncStore carries its thread-safe Store as `.sync`; coaching calls run in threads.
        self.store = getattr(store, "sync", store)

    def get(self, table: str, key: str) -> Doc | None:
        """The document stored under `key`, or None."""
        doc = self.store.table(table).get(key)
        return None if doc is None else dict(doc)

    def put(self, table: str, key: str, doc: Doc) -> None:
        """Store `doc` under `key`, replacing what was there."""
        self.store.table(table).upsert(key, doc)

    def modify(self, table: str, key: str, change: Callable[[Doc | None], Doc | None]) -> None:
        """Atomically replace the document under `key` with `change(current)` (None: keep)."""
        self.store.table(table).modify(key, change)

    def find(self, table: str, **fields: Any) -> list[Doc]:
        """Documents whose fields equal all the given values."""
        return [dict(d) for d in self.store.table(table).search(**fields)]

    def delete(self, table: str, key: str) -> None:
        """Remove the document under `key` (nothing happens if there is none)."""
        self.store.table(table).remove(key)

    def sessions(self, user_id: str) -> list[Session]:
        """All of a rep's sessions, oldest first."""
        found: list[Session] = self.store.load_sessions(user_id)
        return sorted(found, key=lambda s: s.started_at)

    def session(self, user_id: str, session_id: str) -> Session | None:
        """One of a rep's sessions, or None."""
        try:
            session: Session = self.store.load_session(session_id)
        except StoreError:  # unknown or malformed id, e.g. from forged callback data
            return None
        return session if session.user_id == user_id else None

    def user(self, user_id: str) -> Doc:
        """What the store knows about a user (language, name, …)."""
        return dict(self.store.profile(user_id))
