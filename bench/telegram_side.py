"""The "Telegram side" of the load benchmark, run in its own process: the fake Bot API server
and the simulated reps. Commands arrive over a pipe; see bench_telegram_load.py."""

from __future__ import annotations

import asyncio
import time
from multiprocessing.connection import Connection
from typing import Any

from tests.fakes.bot_api import FakeBotApi
from tests.fakes.bot_api_users import FakeUser

REPLIES = [
    "I understand this matters. May I ask what's behind it – what are you actually trying to "
    "achieve, and what happens if it isn't solved?",
    "Thanks, that helps. Let me challenge one thing: if we only look at price we miss what "
    "costs you the most. What would it mean for you if we took ownership of the whole thing?",
    "Then I suggest I own the next step: I'll put together a concrete proposal and we meet "
    "on Tuesday at 10 for 30 minutes. Does that work?",
]


def reps(api: FakeBotApi, count: int, first_id: int) -> list[FakeUser]:
    """The same simulated people on every call (their chats are registered once)."""
    return [FakeUser(api, first_id + i, f"Rep{i}", "en") for i in range(count)]


async def setup(api: FakeBotApi, count: int, first_id: int) -> None:
    """Every rep opens /practice and starts the same customer; wait for the opening lines."""
    people = reps(api, count, first_id)
    for rep in people:
        rep.say("/practice")
    for rep in people:
        (picker,) = await rep.receive(1, timeout=120)
        rep.press(picker, data="go:cards-never-arrived:1:practice")
    for rep in people:
        await rep.receive(2, timeout=120)


async def arrivals(api: FakeBotApi, chats: list[int], prefix: str, after: float) -> list[float]:
    """Per chat, seconds from `after` until the first bot message starting with `prefix`."""
    found: dict[int, float] = {}
    deadline = time.perf_counter() + 120
    while len(found) < len(chats) and time.perf_counter() < deadline:
        for chat_id in chats:
            if chat_id not in found:
                for sent in api.outbox.get(chat_id, ()):
                    if sent.at > after and sent.text.startswith(prefix):
                        found[chat_id] = sent.at - after
                        break
        await asyncio.sleep(0.02)
    return list(found.values())


def distinct(text: str, n: int) -> str:
    """`text` made the n-th rep's own, so the encoder's cache cannot help."""
    return f"{text} (rep {n})"


async def burst(
    api: FakeBotApi, count: int, first_id: int, own_texts: bool = False
) -> tuple[list[float], list[float], float]:
    """All reps reply at once (the same text, or each their own); seconds until each has the
    customer's line, and the feedback; and the CPU seconds this (server) process used meanwhile."""
    people = reps(api, count, first_id)
    cpu = time.process_time()
    start = time.perf_counter()
    for n, rep in enumerate(people):
        rep.say(distinct(REPLIES[0], first_id + n) if own_texts else REPLIES[0])
    chats = [rep.chat_id for rep in people]
    lines, feedback = (
        await arrivals(api, chats, "🗣", start),
        await arrivals(api, chats, "📊", start),
    )
    return lines, feedback, time.process_time() - cpu


async def sequential(api: FakeBotApi, count: int, first_id: int, turns: int) -> list[float]:
    """One reply at a time (each rep its own texts), turns not overlapping; seconds from
    sending until the customer's line and the feedback have arrived."""
    trips = []
    people = reps(api, count, first_id)
    for turn in range(turns):
        for n, rep in enumerate(people):
            rep.unread()
            start = time.perf_counter()
            rep.say(distinct(REPLIES[turn % len(REPLIES)], first_id + n))
            await rep.receive(2, timeout=30)
            trips.append(time.perf_counter() - start)
            await asyncio.sleep(0.03)  # let the bot finish the turn (its store write) first
    return trips


COMMANDS: dict[str, Any] = {"setup": setup, "burst": burst, "sequential": sequential}


async def _serve(conn: Connection) -> None:
    api = await FakeBotApi().start()
    conn.send(api.port)
    loop = asyncio.get_running_loop()
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command[0] == "stop":
            break
        conn.send(await COMMANDS[command[0]](api, *command[1:]))
    await api.stop()


def telegram_side(conn: Connection) -> None:
    """Process entry point."""
    import logging

    logging.getLogger("tornado.access").setLevel(logging.ERROR)
    asyncio.run(_serve(conn))
