"""Time to save one turn (p50, p99, fsync included) against stores of growing size.

Cases: 0, 1k, 10k and 100k turns already stored (sessions of 10 turns spread over many reps),
and one rep with 1,000 past sessions. Targets: p99 < 20 ms; 100k stored <= 1.5x the empty store.

Run: .venv/bin/python bench/bench_store.py [--saves N (default 500)] [--dir DIR] [--skip-100k]

Seeding writes through the real Store API with fsync switched off (it only has to produce the
files, fast); the measured saves run with fsync on, after `os.sync()` has flushed the seed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.judgement import Evidence, Judgement
from bot.core.session import Session, Turn
from bot.core.state import CustomerState, Outcome
from bot.store import Store
from bot.store.atomic import atomic_write

TURNS_PER_SESSION = 10
CRITERIA = ("challenge", "discover_need", "insight", "ownership", "next_step", "respect")


def make_turn(index: int) -> Turn:
    """A turn of realistic size (~1 KB of JSON)."""
    return Turn(
        index=index,
        customer_line="We just want your best price by Friday, nothing else. " * 2,
        reply="Before I send a price: what happens on your side if a delivery is late? " * 2,
        judgement=Judgement(
            overall=60 + index,
            criteria={c: (index + n) % 6 if n % 2 else None for n, c in enumerate(CRITERIA)},
            evidence=(
                Evidence("challenge", "Before I send a price", "+"),
                Evidence("discover_need", "what happens on your side", "+"),
            ),
            feedback="You questioned the request and asked about the need behind it. " * 2,
            try_instead="Add a concrete example of what a late delivery cost another customer.",
        ),
        customer_response="Hm. Late deliveries did cost us a customer last spring. " * 2,
        trust=50 + index,
        patience=60 - index,
    )


def new_session(user_id: str, started_at: float) -> Session:
    """An empty session as `chat` saves it when it starts."""
    return Session(
        user_id=user_id,
        scenario_id="best-price-friday",
        lang="en",
        level=2,
        opening="We just want your best price by Friday.",
        state=CustomerState(trust=40, patience=60),
        started_at=started_at,
    )


@contextlib.contextmanager
def no_fsync() -> Iterator[None]:
    """Seed quickly: skip fsync while the fixture files are written, then flush them once."""
    real = os.fsync
    os.fsync = lambda fd: None  # type: ignore[assignment]
    try:
        yield
    finally:
        os.fsync = real
        os.sync()


def seed(store: Store, turns: int, reps: int, finished_per_rep: int | None = None) -> None:
    """Store `turns` turns in finished 10-turn sessions spread over `reps` reps."""
    sessions = turns // TURNS_PER_SESSION if finished_per_rep is None else finished_per_rep * reps
    t0 = time.time() - 400 * 86_400
    with no_fsync():
        for n in range(sessions):
            s = new_session(f"seed{n % reps:04d}", t0 + n * 60)
            s.turns = [make_turn(i) for i in range(TURNS_PER_SESSION)]
            s.outcome = Outcome.WON
            store.save_session(s)
        for r in range(min(reps, sessions)):
            store.sessions(f"seed{r:04d}")  # build each rep's index, as history listings do


def play(store: Store, user_id: str) -> tuple[float, list[float]]:
    """One 10-turn session for `user_id`: the start save and each turn save, in ms."""
    session = new_session(user_id, time.time())
    began = time.perf_counter()
    store.save_session(session)
    start = (time.perf_counter() - began) * 1000
    turns = []
    for i in range(TURNS_PER_SESSION):
        session.turns.append(make_turn(i))
        if i == TURNS_PER_SESSION - 1:
            session.outcome, session.ended_at = Outcome.WON, time.time()
        began = time.perf_counter()
        store.save_session(session)
        turns.append((time.perf_counter() - began) * 1000)
    return start, turns


def bare_writes(folder: Path, count: int) -> list[float]:
    """The disk's floor: bare atomic writes of 10 KB (fsync of file and directory), in ms."""
    times = []
    for _ in range(count):
        began = time.perf_counter()
        atomic_write(folder / "floor.json", b"x" * 10_000)
        times.append((time.perf_counter() - began) * 1000)
    return times


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


CASES: list[tuple[str, int, int, int | None]] = [
    # name, turns stored, reps they are spread over, past sessions of the measured rep
    ("empty store", 0, 1, None),
    ("1k turns stored", 1_000, 10, None),
    ("10k turns stored", 10_000, 100, None),
    ("100k turns stored", 100_000, 1_000, None),
    ("rep with 1,000 past sessions", 0, 1, 1_000),
]


def main() -> int:
    """Seed every case, then time saves round-robin so disk hiccups hit all cases alike."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=500, help="turn saves timed per case")
    parser.add_argument("--dir", type=Path, default=None, help="where to build the stores")
    parser.add_argument("--skip-100k", action="store_true", help="leave out the slow case")
    args = parser.parse_args()
    cases = [c for c in CASES if not (args.skip_100k and c[1] == 100_000)]
    base = Path(tempfile.mkdtemp(prefix="bench-store-", dir=args.dir))
    stores: dict[str, tuple[Store, str]] = {}
    timings: dict[str, tuple[list[float], list[float], list[float]]] = {}
    try:
        for name, turns, reps, past in cases:
            store = Store(base / name.replace(" ", "_").replace(",", ""))
            began = time.perf_counter()
            seed(store, turns, reps, past)
            print(f"seeded {name} in {time.perf_counter() - began:.1f} s", flush=True)
            stores[name] = (store, "seed0000" if past else "bench-rep")
            timings[name] = ([], [], [])
        floor: list[float] = []
        for _ in range(-(-args.saves // TURNS_PER_SESSION)):
            floor += bare_writes(base, TURNS_PER_SESSION)
            for name, (store, user) in stores.items():
                start, turns = play(store, user)
                timings[name][0].append(start)
                timings[name][1].extend(turns)
        with no_fsync():  # the store's own work, without the disk: must not grow with history
            for name, (store, user) in stores.items():
                for _ in range(10):
                    timings[name][2].extend(play(store, user)[1])
    finally:
        shutil.rmtree(base, ignore_errors=True)

    print(f"\n{args.saves} turn saves per case, fsync on; milliseconds\n")
    print(f"{'case':<30} {'start p50':>9} {'turn p50':>9} {'turn p99':>9} {'no-fsync p50':>13}")
    print(f"{'bare atomic 10 KB write':<30} {'':>9} {pct(floor, 50):>9.2f} {pct(floor, 99):>9.2f}")
    for name, (starts, turns, cpu) in timings.items():
        print(
            f"{name:<30} {pct(starts, 50):>9.2f} {pct(turns, 50):>9.2f} {pct(turns, 99):>9.2f} "
            f"{pct(cpu, 50):>13.2f}"
        )
    if "100k turns stored" in timings:
        big, empty = timings["100k turns stored"][1], timings["empty store"][1]
        print(
            f"\n100k / empty: p50 {pct(big, 50) / pct(empty, 50):.2f}, "
            f"p99 {pct(big, 99) / pct(empty, 99):.2f} (target <= 1.5)"
        )
    worst = max(pct(turns, 99) for _, turns, _ in timings.values())
    print(f"worst turn p99 = {worst:.2f} ms (target < 20)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
