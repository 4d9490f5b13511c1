"""Per-chat ordering: one chat's updates in order, different chats at the same time."""

from __future__ import annotations

import asyncio
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
    chats = 50
    arrived: list[int] = []
    everyone = asyncio.Event()

    async def handle(chat_id: int) -> None:
        arrived.append(chat_id)
        if len(arrived) == chats:
            everyone.set()
        # One chat at a time, the first handler would wait here for the others in vain.
        await asyncio.wait_for(everyone.wait(), timeout=10)

    processor = PerChatUpdateProcessor()
    await run_all(processor, [(update(n, 100 + n), handle(100 + n)) for n in range(chats)])
    assert sorted(arrived) == list(range(100, 100 + chats))


async def test_a_flooding_chat_does_not_hold_the_slots_others_need() -> None:
    finished: list[int] = []

    async def handle(chat_id: int) -> None:
        await asyncio.sleep(0.01)
        finished.append(chat_id)

    processor = PerChatUpdateProcessor(max_workers=2)
    flood = [(update(n, 1), handle(1)) for n in range(20)]  # in order, one at a time
    await run_all(processor, [*flood, (update(99, 2), handle(2))])
    # Chat 2 takes the free slot at once instead of queuing behind the flood's 20 updates.
    assert finished.index(2) <= 1


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
