"""How long a rep waits per turn with the LLM engine, against a stand-in server of fixed latency.

The customer and the scoring judge are two LLM calls; the offline judge moves the hidden state
first, so both run at once and the rep waits for one round trip, not two.

    .venv/bin/python bench/bench_llm_turn.py [--latency 0.3] [--turns 6]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.engine import build_practice
from tests.fakes.llm_world import llm_settings, role_play
from tests.fakes.openai_server import FakeOpenAI

REPLIES = [
    "Hej! Får jag fråga vad du letar efter i dag?",
    "Vad ska kavajen användas till?",
    "Vilket tillfälle gäller det?",
    "Hur sitter kostymen du har hemma?",
    "Vad skulle göra att du känner dig stilig den dagen?",
    "Ska vi prova hängslen och en ny skjorta på lördag kl 11?",
]


async def run(latency: float, turns: int) -> None:
    """Play `turns` replies and print time to the customer's line and to the full turn."""
    with FakeOpenAI(default=role_play(), latency=latency) as server:
        practice = build_practice(llm_settings(server.url, SALESCOACH_LLM_TIMEOUT=10))
        to_customer: list[float] = []
        totals: list[float] = []
        done = 0
        while done < turns:
            session = practice.start(user_id="bench", scenario_id="just-looking", seed=done)
            for reply in REPLIES:
                if done >= turns or session.finished:
                    break
                started = time.perf_counter()
                seen: list[float] = []

                async def on_customer(line: str, t0: float = started, box: list = seen) -> None:
                    box.append(time.perf_counter() - t0)

                await practice.reply(session, f"{reply} ({done})", on_customer)
                totals.append(time.perf_counter() - started)
                to_customer.append(seen[0])
                done += 1
        calls = len(server.chat_requests)

    def ms(values: list[float]) -> str:
        return (
            f"median {statistics.median(values) * 1000:6.0f} ms, max {max(values) * 1000:6.0f} ms"
        )

    print(f"stand-in latency {latency * 1000:.0f} ms per call, {turns} turns, {calls} LLM calls")
    print(f"  rep sees the customer's line: {ms(to_customer)}")
    print(f"  turn complete (with score):   {ms(totals)}")
    if latency > 0:
        ratio = statistics.median(totals) / latency
        print(f"  critical path = {ratio:.2f} x one round trip (sequential calls would be 2 x)")


def main() -> None:
    """Parse options and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.3, help="seconds per LLM call")
    parser.add_argument("--turns", type=int, default=6)
    args = parser.parse_args()
    asyncio.run(run(args.latency, args.turns))


if __name__ == "__main__":
    main()
