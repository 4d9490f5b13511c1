"""The coaching records in the store's named collections: the one place that calls the store.

Coaching code is plain blocking Python, called directly by the CLI over a `Store`. In the bot it
runs in worker threads (`coach_common.call`) over the bot's `AsyncStore`, and every access is
handed to the event loop, so it takes its turn in the same per-rep and per-collection order as
the bot's own store calls.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from bot.core.session import Session
from bot.errors import StoreError
from bot.store import AsyncStore, Store

ROLES = "coach_roles"
INVITES = "coach_invites"
COHORTS = "cohorts"
MEMBERS = "cohort_members"
REVIEWS = "reviews"
ASSIGNMENTS = "assignments"
ROUNDS = "rounds"
ROUND_RESULTS = "round_results"

#: Seconds a worker thread waits for the event loop to run its store call (a stopped loop).
LOOP_WAIT = 120.0

Doc = dict[str, Any]
T = TypeVar("T")


class Records:
    """Documents by key in small named tables, and the reps' sessions, over a store."""

    def __init__(self, store: Store | AsyncStore) -> None:
        self.store = store
        # Built on the bot's event loop, used from worker threads that hand calls back to it.
        self._loop = asyncio.get_running_loop() if isinstance(store, AsyncStore) else None

    def _run(
        self,
        direct: Callable[[Store], T],
        ordered: Callable[[AsyncStore], Coroutine[Any, Any, T]],
    ) -> T:
        """`direct` on a Store; on an AsyncStore, `ordered` in the event loop's order."""
        if isinstance(self.store, Store):
            return direct(self.store)
        assert self._loop is not None
        try:
            on_loop = asyncio.get_running_loop() is self._loop
        except RuntimeError:
            on_loop = False
        if on_loop:  # waiting here would stop the loop that has to do the work
            raise RuntimeError("coaching records block: run them through coach_common.call")
        future = asyncio.run_coroutine_threadsafe(ordered(self.store), self._loop)
        return future.result(timeout=LOOP_WAIT)

    def get(self, table: str, key: str) -> Doc | None:
        """The document stored under `key`, or None."""
        doc = self._run(lambda s: s.table(table).get(key), lambda a: a.table(table).get(key))
        return None if doc is None else dict(doc)

    def put(self, table: str, key: str, doc: Doc) -> None:
        """Store `doc` under `key`, replacing what was there."""
        self._run(
            lambda s: s.table(table).upsert(key, doc), lambda a: a.table(table).upsert(key, doc)
        )

    def modify(self, table: str, key: str, change: Callable[[Doc | None], Doc | None]) -> None:
        """Atomically replace the document under `key` with `change(current)` (None: keep)."""
        self._run(
            lambda s: s.table(table).modify(key, change),
            lambda a: a.table(table).modify(key, change),
        )

    def find(self, table: str, **fields: Any) -> list[Doc]:
        """Documents whose fields equal all the given values."""
        found = self._run(
            lambda s: s.table(table).search(**fields), lambda a: a.table(table).search(**fields)
        )
        return [dict(d) for d in found]

    def delete(self, table: str, key: str) -> None:
        """Remove the document under `key` (nothing happens if there is none)."""
        self._run(lambda s: s.table(table).remove(key), lambda a: a.table(table).remove(key))

    def sessions(self, user_id: str) -> list[Session]:
        """All of a rep's sessions, oldest first."""
        found = self._run(lambda s: s.load_sessions(user_id), lambda a: a.load_sessions(user_id))
        return sorted(found, key=lambda s: s.started_at)

    def session(self, user_id: str, session_id: str) -> Session | None:
        """One of a rep's sessions, or None."""
        try:
            session = self._run(
                lambda s: s.load_session(session_id), lambda a: a.load_session(session_id)
            )
        except StoreError:  # unknown or malformed id, e.g. from forged callback data
            return None
        return session if session.user_id == user_id else None

    def user(self, user_id: str) -> Doc:
        """What the store knows about a user (language, name, …)."""
        return dict(self._run(lambda s: s.profile(user_id), lambda a: a.profile(user_id)))
