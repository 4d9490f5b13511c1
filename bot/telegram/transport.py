"""The HTTP client for the Bot API, bounded so that a burst of replies stays cheap.

When a whole workshop gets its answers at once, hundreds of requests start together. httpx's
connection pool makes extra requests wait in a queue that it scans for every connection it
frees, so the cost grows with the square of the queue. Here at most `connection_pool_size`
requests enter the pool at once; the rest wait on a semaphore, in order, at constant cost.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.request import HTTPXRequest


class BoundedHTTPXRequest(HTTPXRequest):
    """`HTTPXRequest` that never queues inside the connection pool."""

    def __init__(self, connection_pool_size: int = 32, **kwargs: Any) -> None:
        super().__init__(connection_pool_size=connection_pool_size, **kwargs)
        self._slots = asyncio.Semaphore(connection_pool_size)

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """One Bot API call, once a connection is free."""
        async with self._slots:
            return await super().do_request(*args, **kwargs)
