"""The Bot API client's slots: bounded, urgent calls before background ones, cancel-safe; and
what yields to the answers under load (feedback work, the typing indicator)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.request import HTTPXRequest

from bot.telegram.replies import TYPING_MAX_CHATS
from bot.telegram.transport import BoundedHTTPXRequest, Slots, background
from tests.fakes.bot_api import FakeBotApi
from tests.scripts import STRONG
from tests.telegram_world import World, offline_practice, started
from tests.test_telegram_robustness import playing

pytest_plugins = ("tests.telegram_fixtures",)


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


async def test_quiet_waits_for_urgent_calls_under_way_but_not_for_background_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = asyncio.Event()

    async def answered_later(self: HTTPXRequest, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        await release.wait()
        return 200, b'{"ok": true, "result": true}'

    monkeypatch.setattr(HTTPXRequest, "do_request", answered_later)
    request = BoundedHTTPXRequest(2)
    with background():
        feedback = asyncio.create_task(request.do_request("sendMessage", "POST"))
    await asyncio.sleep(0)
    await asyncio.wait_for(request.quiet(), 1)  # only a background call is under way
    answer = asyncio.create_task(request.do_request("sendMessage", "POST"))
    await asyncio.sleep(0)
    quiet = asyncio.create_task(request.quiet())
    await asyncio.sleep(0)
    assert not quiet.done()
    release.set()
    await asyncio.gather(answer, feedback)
    await asyncio.wait_for(quiet, 1)


async def test_with_a_crowd_waiting_for_their_customer_no_typing_indicator_is_sent(
    api: FakeBotApi, data_dir: Path
) -> None:
    app = await started(api, data_dir, practice=offline_practice(delay=lambda request: 0.5))
    world = World(api, app)
    reps = [await playing(world) for _ in range(TYPING_MAX_CHATS + 1)]
    for rep in reps:
        rep.say(STRONG["en"][0])
    updates = [Update.de_json(data, app.bot) for data in api.take_updates()]
    processor = app.update_processor
    # As the polling loop hands them over: all at once, each chat in order.
    await asyncio.gather(*(processor.process_update(u, app.process_update(u)) for u in updates))
    assert api.called("sendChatAction") == []
    for rep in reps:
        customer, feedback = rep.unread()
        assert customer.text.startswith("🗣 ") and feedback.text.startswith("📊 ")
    await app.shutdown()
