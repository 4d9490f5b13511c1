"""Load benchmark: a whole workshop answering at the same moment, through the real polling loop.

1. Burst: N reps (default 200) are each in a role-play; all send a reply at once. The customer
   is a stand-in that takes 1.0 s (`await asyncio.sleep(1.0)`), the judge is the offline one.
   Reported: time until every rep has the customer's answer (target < 2 s; a bot handling one
   update at a time needs N seconds), and until every rep also has the feedback.
2. Overhead: the offline engine, turns one at a time; per turn, the bot's own time = wall
   time of `process_update` minus the time spent waiting for Bot API responses
   (target p99 < 20 ms). Includes rendering, the offline judge and the durable store write.

The fake Bot API server runs in its own thread and event loop, like a separate server.
`--flood-limit` repeats the burst with the library's AIORateLimiter at Telegram's defaults
(30 messages a second overall), which is what `salescoach serve` uses against the real API.

Run: .venv/bin/python bench/bench_telegram_load.py [--reps 200] [--turns 300] [--flood-limit]
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram.ext import AIORateLimiter  # noqa: E402
from telegram.request import HTTPXRequest  # noqa: E402

from bot.core.customer import CustomerRequest  # noqa: E402
from bot.core.offline_customer import OfflineCustomer  # noqa: E402
from bot.core.offline_judge import OfflineJudge  # noqa: E402
from bot.core.practice import Practice  # noqa: E402
from bot.telegram.app import ALLOWED_UPDATES, build_application  # noqa: E402
from bot.telegram.context import App  # noqa: E402
from tests.fakes.bot_api import FakeBotApi  # noqa: E402
from tests.fakes.bot_api_users import FakeUser  # noqa: E402
from tests.telegram_world import STRONG, settings_for  # noqa: E402

T = TypeVar("T")
_http_time: contextvars.ContextVar[list[float] | None] = contextvars.ContextVar("http", default=None)


class StandInCustomer:
    """A customer that takes 1.0 s to answer, like a slow LLM round trip."""

    name = "stand-in"

    async def respond(self, request: CustomerRequest) -> str:
        await asyncio.sleep(1.0)
        return "Hmm. Go on – why should I care?"


class TimedRequest(HTTPXRequest):
    """Adds the time spent in each Bot API call to the current update's account."""

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        start = time.perf_counter()
        try:
            return await super().do_request(*args, **kwargs)
        finally:
            spent = _http_time.get()
            if spent is not None:
                spent.append(time.perf_counter() - start)


class ServerThread:
    """The fake Bot API on its own thread and loop."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.api: FakeBotApi = self.call(self._start())

    async def _start(self) -> FakeBotApi:
        return await FakeBotApi().start()

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))


async def arrivals(api: FakeBotApi, chats: list[int], prefix: str, after: float, timeout: float) -> list[float]:
    """Per chat, when the first bot message starting with `prefix` arrived after `after`."""
    deadline = time.perf_counter() + timeout
    while True:
        found: dict[int, float] = {}
        for (chat_id, _), sent in api.messages.items():
            if sent.kind != "user" and sent.at > after and sent.text.startswith(prefix):
                found.setdefault(chat_id, sent.at)
        if len(found) == len(chats) or time.perf_counter() > deadline:
            return [found[c] - after for c in chats if c in found]
        await api.wait_change(0.05)


async def serving(server: ServerThread, data_dir: Path, practice: Practice, limiter: Any) -> App:
    settings = settings_for(server.api, data_dir)
    request = TimedRequest(connection_pool_size=512, pool_timeout=30.0)
    app = build_application(settings, practice, request=request, rate_limiter=limiter)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=5, allowed_updates=ALLOWED_UPDATES)
    return app


async def stop(app: App) -> None:
    assert app.updater is not None
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


async def in_role_plays(server: ServerThread, count: int, first_id: int) -> list[FakeUser]:
    """`count` reps, each through /practice and a start button, waiting at the opening line."""

    async def setup() -> list[FakeUser]:
        reps = [FakeUser(server.api, first_id + i, f"Rep{i}", "en") for i in range(count)]
        for rep in reps:
            rep.say("/practice")
        for rep in reps:
            (picker,) = await rep.receive(1, timeout=60)
            rep.press(picker, data="go:cards-never-arrived:1:practice")
        for rep in reps:
            await rep.receive(2, timeout=60)
        return reps

    return await server.run(setup())


async def burst(server: ServerThread, reps: int, limiter: Any, label: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        judge = OfflineJudge()
        practice = Practice(StandInCustomer(), judge, quick_judge=judge)
        app = await serving(server, Path(tmp), practice, limiter)
        people = await in_role_plays(server, reps, 10_000 if limiter is None else 20_000)

        async def everyone_replies() -> float:
            start = time.perf_counter()
            for rep in people:
                rep.say(STRONG["en"][0])
            return start

        start = await server.run(everyone_replies())
        chats = [p.chat_id for p in people]
        lines = await server.run(arrivals(server.api, chats, "🗣", start, 120))
        feedback = await server.run(arrivals(server.api, chats, "📊", start, 120))
        await stop(app)
    print(f"\nBurst, {label}: {reps} reps reply at once, customer takes 1.0 s")
    print(f"  answered: {len(lines)}/{reps}")
    print(f"  all customer answers in  {max(lines):.2f} s  (median {statistics.median(lines):.2f} s)")
    print(f"  all feedback in          {max(feedback):.2f} s")


async def overhead(server: ServerThread, turns: int) -> None:
    per_rep = 3
    with tempfile.TemporaryDirectory() as tmp:
        judge = OfflineJudge()
        practice = Practice(OfflineCustomer(), judge, quick_judge=judge)
        app = await serving(server, Path(tmp), practice, None)
        people = await in_role_plays(server, max(1, turns // per_rep), 30_000)
        own: list[float] = []
        wall: list[float] = []
        original = app.process_update

        async def timed(update: object) -> None:
            spent: list[float] = []
            token = _http_time.set(spent)
            start = time.perf_counter()
            try:
                await original(update)
            finally:
                _http_time.reset(token)
                text = getattr(getattr(update, "message", None), "text", None)
                if text and not text.startswith("/"):
                    elapsed = time.perf_counter() - start
                    wall.append(elapsed)
                    own.append(elapsed - sum(spent))

        app.process_update = timed  # type: ignore[method-assign]
        round_trips: list[float] = []
        for turn in range(per_rep):
            for rep in people:

                async def one(rep: FakeUser = rep) -> float:
                    rep.unread()
                    start = time.perf_counter()
                    rep.say(STRONG["en"][turn])
                    await rep.receive(2, timeout=30)
                    return time.perf_counter() - start

                round_trips.append(await server.run(one()))
        await stop(app)
    q = statistics.quantiles
    print(f"\nOverhead, offline engine: {len(own)} turns one at a time")
    print(f"  bot's own time per turn  p50 {1000 * statistics.median(own):.1f} ms  "
          f"p99 {1000 * q(own, n=100)[98]:.1f} ms  max {1000 * max(own):.1f} ms")
    print(f"  handler wall time        p50 {1000 * statistics.median(wall):.1f} ms  "
          f"p99 {1000 * q(wall, n=100)[98]:.1f} ms  (includes Bot API calls)")
    print(f"  user-visible round trip  p50 {1000 * statistics.median(round_trips):.1f} ms  "
          f"p99 {1000 * q(round_trips, n=100)[98]:.1f} ms  (polling + server)")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--flood-limit", action="store_true", help="also burst with AIORateLimiter")
    args = parser.parse_args()
    server = ServerThread()
    await burst(server, args.reps, None, "no flood limit")
    if args.flood_limit:
        await burst(server, args.reps, AIORateLimiter(), "AIORateLimiter at 30 msg/s")
    await overhead(server, args.turns)
    server.call(server.api.stop())


if __name__ == "__main__":
    asyncio.run(main())
