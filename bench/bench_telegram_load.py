"""Load benchmark: a whole workshop answering at the same moment, through the real polling loop.

Two processes, as in production: the "Telegram side" (the fake Bot API server and the
simulated reps, tests/fakes/bot_api.py) and the bot (`build_application`, long polling).

1. Burst: N reps (default 200) are each in a role-play; all send the same reply at the same
   moment. The customer is a stand-in that takes 1.0 s (`await asyncio.sleep(1.0)`); the judge
   is the offline one. Reported: the time until every rep has the customer's answer (target
   < 2 s; a bot handling one update at a time needs N seconds), and until every rep has the
   feedback. `--own-texts` repeats it with every rep sending a reply of their own, so that
   each reply costs the encoder its full price (≈ 1 ms of CPU per token).
2. Overhead: the offline engine, turns one at a time, every reply a text not seen before.
   Per turn, measured inside the bot: the event loop's CPU time, and its wall time minus the
   time spent waiting for Bot API responses; the latter includes the encoder and the durable
   store write (fsync).
3. In process, with a Bot API that answers at once: a turn's own work (target p99 < 30 ms),
   as the CPU time of the whole bot process (encoder thread included) and wall time. The
   customer's line is embedded in the background for the next turn, while the rep reads;
   that CPU is reported on its own line.

`--flood-limit` repeats the burst with the library's AIORateLimiter at Telegram's defaults
(30 messages a second overall), as `salescoach serve` runs against the real Bot API.

Run: .venv/bin/python bench/bench_telegram_load.py [--reps 200] [--turns 300] [--flood-limit]
     [--own-texts]
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram.ext import AIORateLimiter  # noqa: E402

from bench import instant_api as instant  # noqa: E402
from bench.instant_api import InstantBotApi  # noqa: E402
from bench.telegram_side import REPLIES, distinct, telegram_side  # noqa: E402
from bot.core.customer import CustomerRequest  # noqa: E402
from bot.core.offline_customer import OfflineCustomer  # noqa: E402
from bot.core.offline_judge import OfflineJudge  # noqa: E402
from bot.core.practice import Practice  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.telegram.app import ALLOWED_UPDATES, DEFAULT_POOL_SIZE, build_application  # noqa: E402
from bot.telegram.context import App  # noqa: E402
from bot.telegram.transport import BoundedHTTPXRequest  # noqa: E402
from tests.fakes.bot_api import TOKEN  # noqa: E402

#: Connections to the Bot API, as `build_application` sets them up by default.
POOL_SIZE = DEFAULT_POOL_SIZE
_http: contextvars.ContextVar[list[float] | None] = contextvars.ContextVar("http", default=None)


class StandInCustomer:
    """A customer that takes 1.0 s to answer, like a slow LLM round trip."""

    name = "stand-in"

    async def respond(self, request: CustomerRequest) -> str:
        await asyncio.sleep(1.0)
        return "Hmm. Go on – why should I care?"


class TimedRequest(BoundedHTTPXRequest):
    """The bot's own request class, adding the time spent in each Bot API call to the
    current update's account."""

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        start = time.perf_counter()
        try:
            return await super().do_request(*args, **kwargs)
        finally:
            spent = _http.get()
            if spent is not None:
                spent.append(time.perf_counter() - start)


class TelegramSide:
    """The other process: `await ask("burst", n, …)` runs a scenario there and returns results."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=telegram_side, args=(child,), daemon=True)
        self.process.start()
        self.port: int = self.conn.recv()

    async def ask(self, *command: Any) -> Any:
        self.conn.send(command)
        return await asyncio.get_running_loop().run_in_executor(None, self.conn.recv)

    def close(self) -> None:
        self.conn.send(("stop",))
        self.process.join(5)


async def serving(side: TelegramSide, data_dir: Path, practice: Practice, limiter: Any) -> App:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        telegram_bot_token=TOKEN,
        telegram_api_base_url=f"http://127.0.0.1:{side.port}/bot",
        data_dir=data_dir,
        engine="offline",
        burst_window=0,  # measure the bot's work, not the wait for a rep's next fragment
    )
    request = TimedRequest(POOL_SIZE, pool_timeout=30.0)
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


def _ms(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.1f}"


async def warm_up(practice: Practice) -> None:
    """One turn outside the measurement, as a running bot has had (the judge loads lazily)."""
    session = practice.start(user_id="warm-up", scenario_id="cards-never-arrived", lang="en")
    await Practice(OfflineCustomer(), practice.judge, quick_judge=practice.quick_judge).reply(
        session, REPLIES[0]
    )


async def burst(
    side: TelegramSide, reps: int, limiter: Any, label: str, first_id: int, own: bool = False
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        judge = OfflineJudge()
        practice = Practice(StandInCustomer(), judge, quick_judge=judge)
        await warm_up(practice)
        app = await serving(side, Path(tmp), practice, limiter)
        await side.ask("setup", reps, first_id)
        cpu = time.process_time()
        lines, feedback, server_cpu = await side.ask("burst", reps, first_id, own)
        cpu = time.process_time() - cpu
        await stop(app)
    texts = "each their own reply" if own else "the same reply"
    print(f"\nBurst, {label}: {reps} reps send {texts} at once, customer takes 1.0 s")
    print(f"  answered {len(lines)}/{reps}")
    print(
        f"  every customer answer in {max(lines):.2f} s  (median {statistics.median(lines):.2f} s)"
    )
    print(f"  every feedback in        {max(feedback):.2f} s")
    print(f"  CPU used meanwhile: bot {cpu:.2f} s, fake Bot API server {server_cpu:.2f} s")


async def overhead(side: TelegramSide, turns: int) -> None:
    reps, per_rep = max(1, turns // 3), 3
    own: list[float] = []
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        judge = OfflineJudge()
        app = await serving(
            side, Path(tmp), Practice(OfflineCustomer(), judge, quick_judge=judge), None
        )
        await side.ask("setup", reps, 50_000)
        original = app.process_update

        async def timed(update: object) -> None:
            spent: list[float] = []
            token = _http.set(spent)
            start, start_cpu = time.perf_counter(), time.thread_time()
            try:
                await original(update)
            finally:
                _http.reset(token)
                text = getattr(getattr(update, "message", None), "text", "") or ""
                if text and not text.startswith("/"):
                    own.append(time.perf_counter() - start - sum(spent))
                    cpu.append(time.thread_time() - start_cpu)

        app.process_update = timed  # type: ignore[method-assign]
        trips = await side.ask("sequential", reps, 50_000, per_rep)
        await stop(app)
    print(
        f"\nOverhead per turn, offline engine, {len(own)} turns one at a time (p50 / p99 / max ms)"
    )
    print(
        f"  event loop CPU time                 {_ms(cpu, 0.5)} / {_ms(cpu, 0.99)} / {_ms(cpu, 1)}"
    )
    print(
        f"  bot wall time minus Bot API waits   {_ms(own, 0.5)} / {_ms(own, 0.99)} / {_ms(own, 1)}"
    )
    print(
        f"  rep's round trip (polling, server)  {_ms(trips, 0.5)} / {_ms(trips, 0.99)} / {_ms(trips, 1)}"
    )


async def in_process(turns: int) -> None:
    """Turns through `app.process_update` with a Bot API that answers instantly."""
    reps, per_rep = max(1, turns // 3), 3
    wall: list[float] = []
    cpu: list[float] = []
    later: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            telegram_bot_token=TOKEN,
            data_dir=Path(tmp),
            engine="offline",
            burst_window=0,  # every message a turn at once, as the figures assume
        )
        judge = OfflineJudge()
        practice = Practice(OfflineCustomer(), judge, quick_judge=judge)
        app = build_application(settings, practice, request=InstantBotApi(), rate_limiter=None)
        await warm_up(practice)
        await app.initialize()
        users = range(60_000, 60_000 + reps)
        for user in users:
            await app.process_update(instant.message(app.bot, user, "/practice"))
            await app.process_update(
                instant.press(app.bot, user, "go:cards-never-arrived:1:practice")
            )
        for turn in range(per_rep):
            for user in users:
                update = instant.message(app.bot, user, distinct(REPLIES[turn], user))
                start, start_cpu = time.perf_counter(), time.process_time()
                await app.process_update(update)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
                start_cpu = time.process_time()
                await practice.embeddings.settled()  # what the rep's reading time covers
                later.append(time.process_time() - start_cpu)
        await app.shutdown()
    print(f"\nIn process, Bot API answering instantly, {len(wall)} turns (p50 / p99 / max ms)")
    print(
        f"  turn's own work, CPU (all threads)  {_ms(cpu, 0.5)} / {_ms(cpu, 0.99)} / {_ms(cpu, 1)}"
    )
    print(
        f"  turn's own work, wall               {_ms(wall, 0.5)} / {_ms(wall, 0.99)} / {_ms(wall, 1)}"
    )
    print(
        f"  then, while the rep reads, CPU      {_ms(later, 0.5)} / {_ms(later, 0.99)} / {_ms(later, 1)}"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--pool", type=int, default=DEFAULT_POOL_SIZE, help="Bot API connections")
    parser.add_argument("--flood-limit", action="store_true", help="also burst with AIORateLimiter")
    parser.add_argument("--own-texts", action="store_true", help="also burst, each rep a new text")
    args = parser.parse_args()
    global POOL_SIZE
    POOL_SIZE = args.pool
    side = TelegramSide()
    try:
        await burst(side, args.reps, None, "no flood limit", 10_000)
        if args.flood_limit:
            await burst(side, args.reps, AIORateLimiter(), "AIORateLimiter, 30 msg/s", 20_000)
        if args.own_texts:
            await burst(side, args.reps, None, "no flood limit", 30_000, own=True)
        await overhead(side, args.turns)
        await in_process(args.turns)
    finally:
        side.close()


if __name__ == "__main__":
    asyncio.run(main())
