"""Offline judge throughput: replies scored per second on one core.

Scores the labelled replies (tests/data/labelled_replies.jsonl), repeated until at least
--calls judgements, in one process pinned to one CPU. Target: >= 1,000 replies/s.

Run: .venv/bin/python bench/bench_judge.py [--calls N (default 10000)]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.offline_judge import OfflineJudge
from tests.judge_report import load_labelled, request_for

TARGET = 1000


def main() -> int:
    """Run the benchmark and print replies/s; exit 1 when below the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, whatever the machine

    judge = OfflineJudge()
    requests = [request_for(row) for row in load_labelled()]
    for request in requests:  # warm-up: rubric, phrasings and regex caches
        judge.score(request)

    rounds = -(-args.calls // len(requests))
    timings: list[float] = []
    started = time.perf_counter()
    for _ in range(rounds):
        for request in requests:
            t0 = time.perf_counter()
            judge.score(request)
            timings.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started

    rate = len(timings) / elapsed
    timings.sort()
    p99 = timings[int(len(timings) * 0.99)]
    print(
        f"offline judge: {len(timings)} replies in {elapsed:.2f} s on one core = {rate:,.0f} replies/s "
        f"(p50 {statistics.median(timings) * 1e3:.2f} ms, p99 {p99 * 1e3:.2f} ms; target {TARGET:,}/s)"
    )
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
