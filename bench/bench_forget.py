"""Time to forget a rep with many sessions, and to finish a forget a crash cut short.

Cases: a rep with N sessions (default 20,001, as in the probe that found the old forget
stranded) among 200 other reps; the same forget cut just after the rename and finished by the
next command. fsync is on for the measured part.

Run: .venv/bin/python bench/bench_forget.py [--sessions N] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_store import make_turn, new_session, no_fsync

from bot.store import Store, forget

REP = "rep-forget"
OTHERS = 200


class Cut(BaseException):
    """Stands for `kill -9` right after the rep's folder was moved into the job."""


def seed(folder: Path, sessions: int) -> None:
    """The rep with `sessions` sessions of 2 turns, and 200 other reps with one each."""
    store = Store(folder)
    with no_fsync():
        for n in range(sessions):
            session = new_session(REP, 1.7e9 + n)
            session.turns = [make_turn(0), make_turn(1)]
            store.save_session(session)
        for n in range(OTHERS):
            store.save_session(new_session(f"other{n:03d}", 1.7e9 + n))
        store.table("cohort_members").upsert(f"c1:{REP}", {"user_id": REP, "name": "Rita Rep"})
    store.close()
    os.sync()


def timed_forget(folder: Path, cut: bool) -> float:
    """Seconds to forget the rep (cut after the rename, then finished by a new store)."""
    store = Store(folder)
    began = time.perf_counter()
    if cut:

        def hook(step: str) -> None:
            if step == "pointers":
                raise Cut

        forget.step_hook = hook
        try:
            store.forget_user(REP)
        except Cut:
            pass
        finally:
            forget.step_hook = None
        store.close()
        del store
        Store(folder).user_ids()  # the next command finishes the job
    else:
        assert store.forget_user(REP)
    elapsed = time.perf_counter() - began
    left = [p for p in folder.rglob("*") if p.is_file() and REP.encode() in p.read_bytes()]
    assert not left and not forget.pending(Store(folder)), left
    return elapsed


def main() -> int:
    """Seed once, copy per case, print the timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20_001)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(dir=args.dir))
    try:
        template = base / "template"
        began = time.perf_counter()
        seed(template, args.sessions)
        print(f"seeded {args.sessions} sessions in {time.perf_counter() - began:.1f} s")
        for name, cut in (("forget", False), ("forget cut, then finished", True)):
            folder = base / name.replace(" ", "-").replace(",", "")
            shutil.copytree(template, folder)
            os.sync()
            print(f"{name:<28} {timed_forget(folder, cut):6.2f} s, no trace left")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
