"""Per-chat ordering: one chat's updates in order, different chats at the same time."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from telegram import Chat, Message, Update, User

from bot.telegram.ordering import PerChatUpdateProcessor, chat_key


def update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, "private")
    user = User(chat_id, "Rep", False)
    return Update(update_id, message=Message(update_id, None, chat, from_user=user, text="hi"))  # type: ignore[arg-type]


async def run_all(processor: PerChatUpdateProcessor, work: list[tuple[Update, Any]]) -> None:
    """Hand updates over the way Application does: one task each, created in order."""
    await processor.initialize()
    tasks = [asyncio.create_task(processor.process_update(u, coro)) for u, coro in work]
    await asyncio.gather(*tasks)


async def test_one_chats_updates_run_in_order_even_when_earlier_ones_are_slower() -> None:
    done: list[int] = []

    async def handle(n: int) -> None:
        await asyncio.sleep(0.05 if n % 2 == 0 else 0.0)  # even ones are slow
        done.append(n)

    processor = PerChatUpdateProcessor()
    await run_all(processor, [(update(n, 7), handle(n)) for n in range(10)])
    assert done == list(range(10))
    assert processor.waiting_chats == 0


async def test_different_chats_are_served_at_the_same_time() -> None:
    async def handle() -> None:
        await asyncio.sleep(0.2)

    processor = PerChatUpdateProcessor()
    start = time.perf_counter()
    await run_all(processor, [(update(n, 100 + n), handle()) for n in range(50)])
    assert time.perf_counter() - start < 1.0  # sequentially: 10 s


async def test_a_flooding_chat_does_not_hold_the_slots_others_need() -> None:
    finished: dict[int, float] = {}
    start = time.perf_counter()

    async def handle(chat_id: int) -> None:
        await asyncio.sleep(0.05)
        finished[chat_id] = time.perf_counter() - start

    processor = PerChatUpdateProcessor(max_workers=2)
    flood = [(update(n, 1), handle(1)) for n in range(20)]  # 1 s of work, in order
    await run_all(processor, [*flood, (update(99, 2), handle(2))])
    assert finished[2] < 0.3  # did not queue behind the flood's 20 updates


async def test_a_failing_update_does_not_block_the_next_one_in_its_chat() -> None:
    done: list[str] = []

    async def fail() -> None:
        raise RuntimeError("boom")

    async def ok() -> None:
        done.append("ok")

    processor = PerChatUpdateProcessor()
    await processor.initialize()
    first = asyncio.create_task(processor.process_update(update(1, 5), fail()))
    second = asyncio.create_task(processor.process_update(update(2, 5), ok()))
    results = await asyncio.gather(first, second, return_exceptions=True)
    assert isinstance(results[0], RuntimeError) and done == ["ok"]


def test_updates_are_keyed_by_chat() -> None:
    assert chat_key(update(1, 42)) == 42
    assert chat_key(object()) is None
