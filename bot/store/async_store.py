"""The store for asyncio code: the same methods as coroutines, file work off the event loop."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from bot.core.session import Session
from bot.store.collection import Collection
from bot.store.store import Store
from bot.store.summary import SessionSummary

T = TypeVar("T")


@functools.cache
def _store_threads() -> ThreadPoolExecutor:
    # The store's own threads, not the loop's default pool: code that blocks in a worker thread
    # on store work (the coaching records) could otherwise take every thread that work needs.
    return ThreadPoolExecutor(thread_name_prefix="store")


async def in_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run blocking store work in one of the store's threads."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_store_threads(), functools.partial(fn, *args, **kwargs))


class _Queues:
    """One FIFO lock per key (a user, a collection): calls on a key run one at a time, in order."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}

    async def run(self, key: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn` in a worker thread once earlier calls on `key` have finished."""
        lock = self._locks.setdefault(key, asyncio.Lock())
        await lock.acquire()
        try:
            work = asyncio.ensure_future(in_thread(fn, *args, **kwargs))
        except BaseException:
            lock.release()
            raise
        work.add_done_callback(lambda done: _release(lock, done))
        # If the caller is cancelled the write still finishes, and the next call on this key
        # waits for it: a cancelled handler can never let an older snapshot land last.
        return await asyncio.shield(work)


def _release(lock: asyncio.Lock, done: asyncio.Future[Any]) -> None:
    lock.release()
    if not done.cancelled():
        done.exception()  # retrieved, so an abandoned failure is not reported twice


class AsyncStore:
    """`Store` as coroutines. Blocking work runs in the store's own threads.

    Calls for the same user run one at a time in the order they were made, so a rep's turns
    reach disk in order; different users proceed in parallel. Use one instance per event loop.
    """

    def __init__(self, store: Store | Path) -> None:
        self.sync = store if isinstance(store, Store) else Store(store)
        self._queues = _Queues()
        self._owners: dict[str, str] = {}  # session id -> user id, to order loads after saves

    def _user(self, user_id: str) -> str:
        return f"user:{user_id}"

    async def get_user(self, user_id: str) -> dict[str, Any] | None:
        """See `Store.get_user`."""
        return await self._queues.run(self._user(user_id), self.sync.get_user, user_id)

    async def profile(self, user_id: str) -> dict[str, Any]:
        """See `Store.profile`."""
        return await self._queues.run(self._user(user_id), self.sync.profile, user_id)

    async def update_user(self, user_id: str, **fields: Any) -> dict[str, Any]:
        """See `Store.update_user`."""
        return await self._queues.run(self._user(user_id), self.sync.update_user, user_id, **fields)

    async def save_session(self, session: Session) -> None:
        """See `Store.save_session`; the session is copied now, so it may change meanwhile."""
        data = session.to_dict()
        self._owners[session.id] = session.user_id
        await self._queues.run(self._user(session.user_id), self.sync.save_session_data, data)

    async def load_session(self, session_id: str) -> Session:
        """See `Store.load_session`; waits for this process's pending saves of the session."""
        owner = self._owners.get(session_id)
        if owner is None:
            return await in_thread(self.sync.load_session, session_id)
        return await self._queues.run(self._user(owner), self.sync.load_session, session_id)

    async def unreadable(self, user_id: str) -> list[Path]:
        """See `Store.unreadable`."""
        return await self._queues.run(self._user(user_id), self.sync.unreadable, user_id)

    async def active_session(self, user_id: str) -> Session | None:
        """See `Store.active_session`."""
        return await self._queues.run(self._user(user_id), self.sync.active_session, user_id)

    async def sessions(self, user_id: str, limit: int | None = None) -> list[SessionSummary]:
        """See `Store.sessions`."""
        return await self._queues.run(self._user(user_id), self.sync.sessions, user_id, limit)

    async def load_sessions(self, user_id: str) -> list[Session]:
        """See `Store.load_sessions`."""
        return await self._queues.run(self._user(user_id), self.sync.load_sessions, user_id)

    async def user_ids(self) -> list[str]:
        """See `Store.user_ids`."""
        return await in_thread(self.sync.user_ids)

    async def export_user(self, user_id: str) -> dict[str, Any]:
        """See `Store.export_user`."""
        return await self._queues.run(self._user(user_id), self.sync.export_user, user_id)

    async def forget_user(self, user_id: str) -> bool:
        """See `Store.forget_user`."""
        gone = await self._queues.run(self._user(user_id), self.sync.forget_user, user_id)
        self._owners = {sid: uid for sid, uid in self._owners.items() if uid != user_id}
        return gone

    def table(self, name: str) -> AsyncCollection:
        """See `Store.table`."""
        return AsyncCollection(self.sync.table(name), self._queues)


class AsyncCollection:
    """`Collection` as coroutines, one operation at a time per collection."""

    def __init__(self, collection: Collection, queues: _Queues) -> None:
        self.sync = collection
        self._queues = queues
        self._key = f"table:{collection.name}"

    async def insert(self, key: str, doc: dict[str, Any]) -> dict[str, Any]:
        """See `Collection.insert`."""
        return await self._queues.run(self._key, self.sync.insert, key, dict(doc))

    async def upsert(self, key: str, doc: dict[str, Any]) -> dict[str, Any]:
        """See `Collection.upsert`."""
        return await self._queues.run(self._key, self.sync.upsert, key, dict(doc))

    async def get(self, key: str) -> dict[str, Any] | None:
        """See `Collection.get`."""
        return await self._queues.run(self._key, self.sync.get, key)

    async def update(self, key: str, **fields: Any) -> dict[str, Any]:
        """See `Collection.update`."""
        return await self._queues.run(self._key, self.sync.update, key, **fields)

    async def modify(
        self, key: str, change: Callable[[dict[str, Any] | None], Mapping[str, Any] | None]
    ) -> dict[str, Any] | None:
        """See `Collection.modify`."""
        return await self._queues.run(self._key, self.sync.modify, key, change)

    async def search(
        self, where: Callable[[dict[str, Any]], bool] | None = None, **equals: Any
    ) -> list[dict[str, Any]]:
        """See `Collection.search`."""
        return await self._queues.run(self._key, self.sync.search, where, **equals)

    async def all(self) -> list[dict[str, Any]]:
        """See `Collection.all`."""
        return await self._queues.run(self._key, self.sync.all)

    async def remove(self, key: str) -> bool:
        """See `Collection.remove`."""
        return await self._queues.run(self._key, self.sync.remove, key)
