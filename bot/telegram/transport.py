"""The HTTP client for the Bot API: bounded, and with the customer's answer first.

When a whole workshop gets its answers at once, hundreds of requests start together. httpx's
connection pool makes extra requests wait in a queue it rescans for every connection it frees,
so the cost grows with the square of the queue. Here at most `connection_pool_size` requests
enter the pool; the rest wait for a slot, in order, at constant cost. Requests made inside
`background()` (coach feedback, typing indicators) wait behind every other waiting request,
so under load a rep gets the customer's answer before anyone gets feedback. `after_answers()`
goes one step further for the work around a background call (writing the turn, rendering the
feedback): it waits until no urgent call is waiting or under way, so that CPU, too, goes to
the answers first.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections import deque
from collections.abc import Iterator
from typing import Any

from telegram import Bot
from telegram.request import HTTPXRequest

_background: contextvars.ContextVar[bool] = contextvars.ContextVar("background", default=False)
#: The longest `after_answers` waits: a safety valve for a bot that never stops answering.
ANSWERS_FIRST_LIMIT = 10.0


@contextlib.contextmanager
def background() -> Iterator[None]:
    """Bot API calls made in this block yield to other waiting calls."""
    token = _background.set(True)
    try:
        yield
    finally:
        _background.reset(token)


class Slots:
    """`size` slots; waiting urgent callers go before waiting background ones, each in order."""

    def __init__(self, size: int) -> None:
        self._free = size
        self._waiting: tuple[deque[asyncio.Future[None]], ...] = (deque(), deque())

    async def acquire(self, later: bool = False) -> None:
        """Take a slot, waiting if none is free."""
        if self._free > 0 and not any(self._waiting):
            self._free -= 1
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        queue = self._waiting[1 if later else 0]
        queue.append(turn)
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self.release()  # a slot was handed over just as the caller gave up
            elif turn in queue:
                queue.remove(turn)
            raise

    def release(self) -> None:
        """Hand the slot to the next waiter, urgent ones first."""
        for queue in self._waiting:
            while queue:
                turn = queue.popleft()
                if not turn.done():
                    turn.set_result(None)
                    return
        self._free += 1


class BoundedHTTPXRequest(HTTPXRequest):
    """`HTTPXRequest` that never queues inside the connection pool."""

    def __init__(self, connection_pool_size: int = 8, **kwargs: Any) -> None:
        super().__init__(connection_pool_size=connection_pool_size, **kwargs)
        self._slots = Slots(connection_pool_size)
        self._urgent = 0  # urgent calls waiting for a slot or under way
        self._quiet: list[asyncio.Future[None]] = []

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """One Bot API call, once a connection is free."""
        later = _background.get()
        self._urgent += not later
        try:
            await self._slots.acquire(later)
            try:
                return await super().do_request(*args, **kwargs)
            finally:
                self._slots.release()
        finally:
            self._urgent -= not later
            if not self._urgent:
                waiters, self._quiet = self._quiet, []
                for waiter in waiters:
                    if not waiter.done():
                        waiter.set_result(None)

    async def quiet(self) -> None:
        """Return once no urgent call is waiting or under way."""
        while self._urgent:
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._quiet.append(waiter)
            await waiter


async def after_answers(bot: Bot, limit: float = ANSWERS_FIRST_LIMIT) -> None:
    """Wait (at most `limit` seconds) until no urgent Bot API call is waiting or under way;
    at once with a transport that does not count them."""
    request = bot.request
    if isinstance(request, BoundedHTTPXRequest):
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(request.quiet(), limit)
