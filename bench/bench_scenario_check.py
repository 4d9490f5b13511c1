"""How long checking a coach's scenario file takes, and what /practice pays to filter the
coaches' scenarios (target: check < 50 ms for a 64 KB file; filtering < 20 ms at 500 stored).

Run: .venv/bin/python bench/bench_scenario_check.py [runs]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.coaching import cohorts, roles, scenario_library
from bot.coaching.access import Actor, Role
from bot.coaching.records import Records
from bot.core.scenario_check import MAX_BYTES, check_bytes
from bot.core.scenario_template import template_text
from bot.store import Store


def timed(fn: object, runs: int) -> tuple[float, float]:
    """Median and worst milliseconds of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def big_file() -> bytes:
    """The template with extra objections, just under the 64 KB limit."""
    raw = template_text("en").encode()
    line = "  - Objection number {n}, one more reason to say no.\n"
    room = MAX_BYTES - len(raw) - 100
    extra = "".join(line.format(n=n) for n in range(room // len(line.format(n=1000))))
    return raw.replace(b"objections:\n", b"objections:\n" + extra.encode(), 1)


def main(runs: int) -> None:
    """Print the figures."""
    small, big = template_text("en").encode(), big_file()
    assert check_bytes(small, "t").scenario is not None
    check_bytes(big, "b")  # warm up
    for name, raw in (("template", small), ("near 64 KB", big)):
        med, worst = timed(lambda raw=raw: check_bytes(raw, "f"), runs)
        print(f"check {name} ({len(raw) // 1024} KB): median {med:.1f} ms, worst {worst:.1f} ms")
    with tempfile.TemporaryDirectory() as folder:
        records = Records(Store(Path(folder)))
        admin = Actor("1", Role.ADMIN)
        for c in range(50):
            roles.grant_coach(records, admin, str(100 + c))
            coach = Actor(str(100 + c), Role.COACH)
            team = cohorts.create_cohort(records, coach, f"Team {c}")
            cohorts.join(records, str(5000 + c), team.code or "")
            for s in range(10):
                raw = template_text("en", f"s{s}").encode()
                entry, _, _ = scenario_library.save(records, coach, raw, "f.yaml")
                assert entry is not None
                scenario_library.toggle(records, coach, entry.key, team.id)
        med, worst = timed(lambda: scenario_library.hidden_from(records, "5007"), runs)
        print(f"hidden_from with 500 stored scenarios: median {med:.1f} ms, worst {worst:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
