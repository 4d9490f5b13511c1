"""Killing the writer with SIGKILL at random moments never loses an acknowledged turn."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.store import Store

WRITER = Path(__file__).with_name("store_writer.py")
KILLS = 25

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def _run_and_kill(data_dir: Path, seed: int, delay: float) -> list[tuple[str, int]]:
    """Start the writer, kill it `delay` seconds after it is ready; the turns it acknowledged."""
    env = {**os.environ, "PYTHONPATH": str(WRITER.parent.parent)}
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    acks = []
    for line in child.stdout.read().splitlines(keepends=True):
        if line.startswith("ack ") and line.endswith("\n"):
            _, session_id, index = line.split()
            acks.append((session_id, int(index)))
    return acks


def test_sigkill_at_random_moments_loses_no_acknowledged_turn(data_dir: Path) -> None:
    rng = random.Random(20260101)
    acknowledged: list[tuple[str, int]] = []
    for seed in range(KILLS):
        acknowledged += _run_and_kill(data_dir, seed, rng.uniform(0.0, 0.15))

    assert len(acknowledged) > KILLS  # the kills really landed between writes
    for path in data_dir.rglob("*.json"):
        if not path.name.startswith("."):  # temp files of a killed write are ignored by design
            json.loads(path.read_text(encoding="utf-8"))
    store = Store(data_dir)
    by_id = {s.id: s for s in store.load_sessions("rep-1")}
    for session_id, index in acknowledged:
        saved = by_id[session_id].turns
        assert saved[index].reply == f"{session_id}/{index}"
    for session in by_id.values():
        assert [t.index for t in session.turns] == list(range(len(session.turns)))
        assert store.load_session(session.id).to_dict() == session.to_dict()
    assert {s.id for s in store.sessions("rep-1")} == set(by_id)
