"""The offline judge on long digit-heavy text, without the 1,500-character cap: matching must
grow linearly with the length (a quadratic price pattern took 31 s at 48,000 characters).

Run: .venv/bin/python bench/bench_hostile_text.py
"""

from __future__ import annotations

import itertools
import time

from bot.core.judgement import JudgeRequest
from bot.core.offline_judge import OfflineJudge

SHAPES = {"digits and spaces": "1 2 ", "digits and commas": "1,", "digits and dots": "1."}
SIZES = (6_000, 12_000, 24_000, 48_000)


def main() -> None:
    """Print seconds per reply for each shape and size, and the growth per doubling."""
    judge = OfflineJudge()
    judge.score(JudgeRequest(customer_line="Hej", reply="Hej", lang="sv"))  # compile lexicons
    for name, unit in SHAPES.items():
        times = []
        for size in SIZES:
            reply = (unit * size)[:size]
            start = time.perf_counter()
            judge.score(JudgeRequest(customer_line="Pris?", reply=reply, lang="sv"))
            times.append(time.perf_counter() - start)
        growth = " ".join(f"x{b / a:.1f}" for a, b in itertools.pairwise(times))
        cells = "  ".join(f"{s // 1000}k {t:.3f} s" for s, t in zip(SIZES, times, strict=True))
        print(f"{name:<18} {cells}   per doubling: {growth}")


if __name__ == "__main__":
    main()
