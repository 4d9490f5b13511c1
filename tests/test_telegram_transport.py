"""The Bot API client's slots: bounded, urgent calls before background ones, cancel-safe."""

from __future__ import annotations

import asyncio

from bot.telegram.transport import Slots


async def test_waiting_urgent_calls_go_before_waiting_background_ones() -> None:
    slots, order = Slots(1), []

    async def call(name: str, later: bool) -> None:
        await slots.acquire(later)
        order.append(name)
        await asyncio.sleep(0.01)
        slots.release()

    await asyncio.gather(
        call("first", False), call("typing", True), call("feedback", True), call("answer", False)
    )
    assert order == ["first", "answer", "typing", "feedback"]


async def test_no_more_than_size_callers_hold_a_slot() -> None:
    slots, active, peak = Slots(3), 0, 0

    async def call() -> None:
        nonlocal active, peak
        await slots.acquire()
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.005)
        active -= 1
        slots.release()

    await asyncio.gather(*(call() for _ in range(20)))
    assert peak == 3


async def test_a_caller_cancelled_while_waiting_does_not_leak_its_slot() -> None:
    slots = Slots(1)
    await slots.acquire()
    waiting = asyncio.create_task(slots.acquire())
    await asyncio.sleep(0)
    waiting.cancel()
    await asyncio.gather(waiting, return_exceptions=True)
    slots.release()
    await asyncio.wait_for(slots.acquire(), 0.1)  # the slot is free again
