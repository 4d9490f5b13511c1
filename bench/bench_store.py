"""Time to save one turn (p50, p99, fsync included) against stores of growing size.

Cases: 0, 1k, 10k and 100k turns already stored (sessions of 10 turns spread over many reps),
and one rep with 1,000 past sessions. Targets: p99 < 20 ms; 100k stored <= 1.5x the empty store.

Run: .venv/bin/python bench/bench_store.py [--saves N] [--dir DIR] [--skip-100k]

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


def measure(store: Store, user_id: str, saves: int) -> tuple[list[float], list[float]]:
    """Play sessions for `user_id`: time each session start and each turn save (ms)."""
    starts: list[float] = []
    turns: list[float] = []
    while len(turns) < saves:
        session = new_session(user_id, time.time())
        began = time.perf_counter()
        store.save_session(session)
        starts.append((time.perf_counter() - began) * 1000)
        for i in range(TURNS_PER_SESSION):
            session.turns.append(make_turn(i))
            if i == TURNS_PER_SESSION - 1:
                session.outcome, session.ended_at = Outcome.WON, time.time()
            began = time.perf_counter()
            store.save_session(session)
            turns.append((time.perf_counter() - began) * 1000)
    return starts, turns


def floor(folder: Path, saves: int) -> list[float]:
    """The disk's floor: one bare atomic write of 10 KB (fsync file + directory), in ms."""
    times = []
    for _ in range(saves):
        began = time.perf_counter()
        atomic_write(folder / "floor.json", b"x" * 10_000)
        times.append((time.perf_counter() - began) * 1000)
    return times


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def main() -> int:
    """Run every case and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300, help="turn saves timed per case")
    parser.add_argument("--dir", type=Path, default=None, help="where to build the stores")
    parser.add_argument("--skip-100k", action="store_true", help="leave out the slow case")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-store-", dir=args.dir))
    cases: list[tuple[str, int, int, int | None]] = [
        ("empty store", 0, 1, None),
        ("1k turns stored", 1_000, 10, None),
        ("10k turns stored", 10_000, 100, None),
        ("100k turns stored", 100_000, 1_000, None),
        ("rep with 1,000 past sessions", 0, 1, 1_000),
    ]
    if args.skip_100k:
        cases = [c for c in cases if c[1] != 100_000]
    print(f"store under {base}; {args.saves} turn saves per case; fsync on; ms\n")
    print(f"{'case':<30} {'seed s':>7} {'start p50':>10} {'turn p50':>9} {'turn p99':>9}")
    results: dict[str, tuple[float, float]] = {}
    try:
        bare = floor(base, args.saves)
        print(
            f"{'(bare atomic 10 KB write)':<30} {'':>7} {'':>10} {pct(bare, 50):>9.2f} {pct(bare, 99):>9.2f}"
        )
        for name, turns, reps, past in cases:
            folder = base / name.replace(" ", "_").replace(",", "")
            store = Store(folder)
            began = time.perf_counter()
            seed(store, turns, reps, past)
            seeded = time.perf_counter() - began
            user = "seed0000" if past else "bench-rep"
            starts, saves = measure(store, user, args.saves)
            results[name] = (pct(saves, 50), pct(saves, 99))
            print(
                f"{name:<30} {seeded:>7.1f} {pct(starts, 50):>10.2f} "
                f"{pct(saves, 50):>9.2f} {pct(saves, 99):>9.2f}",
                flush=True,
            )
    finally:
        shutil.rmtree(base, ignore_errors=True)
    if "100k turns stored" in results:
        big, empty = results["100k turns stored"], results["empty store"]
        print(
            f"\n100k / empty: p50 {big[0] / empty[0]:.2f}, p99 {big[1] / empty[1]:.2f} (target <= 1.5)"
        )
    worst = max(p99 for _, p99 in results.values())
    print(f"worst turn p99 = {worst:.2f} ms (target < 20)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
