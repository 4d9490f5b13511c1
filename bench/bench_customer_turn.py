"""A turn's own work in the domain: offline judge + listening customer, encoder included.

1. One at a time: `Practice.reply` on warm sessions, every reply a different text (so the
   encoder's cache never helps), p50 / p99 / max wall and CPU ms. Target p99 < 30 ms.
2. A workshop at once: N reps (default 200) reply at the same moment, each a different text;
   the replies' embeddings are batched across reps (`bot.core.embed_batch`). Reported: the
   time until every rep has the customer's line.

Run: .venv/bin/python bench/bench_customer_turn.py [--turns 300] [--reps 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.offline_customer import OfflineCustomer  # noqa: E402
from bot.core.offline_judge import OfflineJudge  # noqa: E402
from bot.core.practice import Practice  # noqa: E402
from bot.core.semantic.data import SHARED_DIR  # noqa: E402

SCENARIO = "cards-never-arrived"


def replies(count: int, first: int = 0) -> list[str]:
    """Distinct English replies: the shared dev set if present, numbered to stay distinct."""
    texts: list[str] = []
    for path in sorted(SHARED_DIR.glob("dev_replies*.jsonl")):
        rows = [json.loads(line) for line in path.read_text().splitlines()]
        texts += [row["reply"] for row in rows if row["lang"] == "en"]
    texts = texts or ["What would it cost you if the cards are late?"]
    return [f"{texts[i % len(texts)]} ({i})" for i in range(first, first + count)]


def _ms(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.1f}"


async def one_at_a_time(practice: Practice, turns: int) -> None:
    wall: list[float] = []
    cpu: list[float] = []
    later: list[float] = []
    session = practice.start(user_id="b", scenario_id=SCENARIO, lang="en", seed=1)
    for text in replies(turns):
        if session.finished or len(session.turns) >= 6:
            session = practice.start(user_id="b", scenario_id=SCENARIO, lang="en", seed=1)
        start, start_cpu = time.perf_counter(), time.process_time()
        await practice.reply(session, text)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        start_cpu = time.process_time()
        await practice.embeddings.settled()  # the customer's line, embedded while the rep reads it
        later.append(time.process_time() - start_cpu)
    print(f"One at a time, {turns} turns, distinct replies (p50 / p99 / max ms)")
    print(f"  wall  {_ms(wall, 0.5)} / {_ms(wall, 0.99)} / {_ms(wall, 1)}")
    print(f"  CPU   {_ms(cpu, 0.5)} / {_ms(cpu, 0.99)} / {_ms(cpu, 1)}  (all threads)")
    print(f"  then, while the rep reads, CPU {_ms(later, 0.5)} / {_ms(later, 0.99)}")


async def at_once(practice: Practice, reps: int, first: int) -> None:
    sessions = [
        practice.start(user_id=f"r{i}", scenario_id=SCENARIO, lang="en", seed=i)
        for i in range(reps)
    ]
    arrived: list[float] = []
    start = time.perf_counter()

    async def one(session: object, text: str) -> None:
        async def seen(line: str) -> None:
            arrived.append(time.perf_counter() - start)

        await practice.reply(session, text, on_customer=seen)  # type: ignore[arg-type]

    await asyncio.gather(*(one(s, t) for s, t in zip(sessions, replies(reps, first), strict=True)))
    arrived.sort()
    print(f"\nAt once, {reps} reps, distinct replies")
    print(
        f"  every customer line in {arrived[-1]:.2f} s (median {arrived[len(arrived) // 2]:.2f} s)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--reps", type=int, default=200)
    args = parser.parse_args()
    judge = OfflineJudge()
    practice = Practice(OfflineCustomer(), judge, quick_judge=judge)
    warm = practice.start(user_id="w", scenario_id=SCENARIO, lang="en", seed=0)
    await practice.reply(warm, "What happens tomorrow?")  # encoder, facts, judge lexicons
    await one_at_a_time(practice, args.turns)
    await at_once(practice, args.reps, first=args.turns)  # texts the cache has not seen


if __name__ == "__main__":
    asyncio.run(main())
