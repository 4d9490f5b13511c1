"""Per-chat ordering while serving chats concurrently.

python-telegram-bot handles one update at a time unless told otherwise, which would make a
whole workshop wait for each rep's customer in turn. With this processor the application
runs updates concurrently, but updates from the same chat (or user) run one after another,
in the order Telegram delivered them: a rep's second message never overtakes the first,
and the turn state in `ChatData` is only ever touched by one update at a time.

Each chat has a chain: an update waits for the one before it from the same chat, and only
then takes one of `max_workers` slots, so one rep flooding the bot cannot hold slots that
other reps need. The chains remove themselves when a chat goes quiet.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

#: How many updates may be in the library's hands at once (queued behind their chat or working).
MAX_IN_FLIGHT = 100_000


def chat_key(update: object) -> int | None:
    """What orders an update: its chat, else its user; None for updates that need no order."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
    return None


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, strictly in order within a chat."""

    def __init__(self, max_workers: int = 256) -> None:
        super().__init__(MAX_IN_FLIGHT)
        self.max_workers = max_workers
        self._workers: asyncio.Semaphore | None = None
        self._tails: dict[int, asyncio.Future[None]] = {}

    async def initialize(self) -> None:
        """Create the worker slots on the running loop."""
        self._workers = asyncio.Semaphore(self.max_workers)

    async def shutdown(self) -> None:
        """Nothing to free: every chain ends with its last update."""

    @property
    def waiting_chats(self) -> int:
        """Chats with an update in progress or waiting (for tests and metrics)."""
        return len(self._tails)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for this chat's previous update, then run this one in a worker slot."""
        key = chat_key(update)
        if self._workers is None:
            self._workers = asyncio.Semaphore(self.max_workers)
        if key is None:
            async with self._workers:
                await coroutine
            return
        # Registering in the chain happens before the first await, so chains follow the
        # order in which the application hands updates over (the order Telegram sent them).
        previous = self._tails.get(key)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._tails[key] = done
        started = False
        try:
            if previous is not None:
                await asyncio.shield(previous)
            async with self._workers:
                started = True
                await coroutine
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()  # cancelled while waiting (shutdown): never ran
            done.set_result(None)
            if self._tails.get(key) is done:
                del self._tails[key]
