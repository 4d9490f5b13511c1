"""How long `salescoach chat` takes to show the customer's first line (target < 0.5 s).

Run: .venv/bin/python bench/bench_chat_start.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time


def first_line_seconds(data_dir: str) -> float:
    """Start `python -m bot chat` and time until the opening line is printed."""
    env = {**os.environ, "SALESCOACH_DATA_DIR": data_dir, "SALESCOACH_ENGINE": "offline"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--lang", "en"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for number, line in enumerate(proc.stdout, 1):
        if ": " in line and number > 2:  # "<Customer name>: <opening line>"
            break
    elapsed = time.perf_counter() - start
    proc.kill()
    proc.wait()
    return elapsed


def main() -> None:
    """Print median and max over several runs."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as data_dir:
        first_line_seconds(data_dir)  # warm the OS file cache
        times = [first_line_seconds(data_dir) for _ in range(runs)]
    print(
        f"chat first customer line: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms over {runs} runs"
    )


if __name__ == "__main__":
    main()
