"""A clock that moves only when the test moves it, for the timers the bot takes as settings."""

from __future__ import annotations

import asyncio

from bot.telegram.context import Pace


class FakeClock:
    """`clock()` reads the time, `sleep(s)` waits until `advance()` has moved it `s` on."""

    def __init__(self) -> None:
        self.now = 0.0
        self.started = 0  # sleeps begun, cancelled ones included
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []
        self._changed = asyncio.Event()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Wait for the fake time to pass."""
        wake: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._sleepers.append((self.now + seconds, wake))
        self.started += 1
        self._changed.set()
        await wake

    async def sleeps(self, count: int, timeout: float = 5.0) -> None:
        """Wait until `count` sleeps have begun (the bot armed its timer that often)."""
        async with asyncio.timeout(timeout):
            while self.started < count:
                self._changed.clear()
                await self._changed.wait()

    def advance(self, seconds: float) -> None:
        """Move time on, waking every sleep that is due."""
        self.now += seconds
        due = [wake for at, wake in self._sleepers if at <= self.now]
        self._sleepers = [(at, wake) for at, wake in self._sleepers if at > self.now]
        for wake in due:
            if not wake.done():
                wake.set_result(None)

    def pace(self, window: float, repeat_window: float = 5.0) -> Pace:
        """Burst timing on this clock."""
        return Pace(window, repeat_window, sleep=self.sleep, clock=self)
