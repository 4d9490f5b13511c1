"""`kill -9` at random moments of a forget: the next command finishes it, no byte of the rep
is left, and running `forget` again never answers "Nothing was stored" while traces remain."""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from forget_world import GONE, KEPT, kept_intact, populate, traces

from bot.cli import main
from bot.store import Store, forget

KILLS = 20
SESSIONS = 50  # enough files that the kills land inside the forget, few enough to stay fast

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


def _child(folder: Path, ready: Connection) -> None:
    """The forgetting process: says when it has the folder, then forgets the rep."""
    store = Store(folder, command="forget")
    store.claim()
    ready.send("ready")
    store.forget_user(GONE)
    ready.send("done")


def _forget_in_child(folder: Path, delay: float | None) -> float:
    """Run a forget in a child process and `kill -9` it `delay` s after it is ready (None: let
    it finish); how long it ran after being ready. The child is forked, so it starts at once."""
    parent, child_end = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_child, args=(folder, child_end))
    child.start()
    assert parent.recv() == "ready"
    began = time.monotonic()
    if delay is None:
        assert parent.recv() == "done"
    else:
        time.sleep(delay)
        os.kill(child.pid or 0, signal.SIGKILL)
    child.join(timeout=60)
    parent.close()
    return time.monotonic() - began


def test_forget_killed_at_random_moments_is_finished_by_the_next_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESCOACH_LANG", "en")  # the command line's words are read below
    template = tmp_path / "template"
    with monkeypatch.context() as seeding:  # the template only has to exist, not survive a crash
        seeding.setattr(os, "fsync", lambda fd: None)
        populate(template, sessions=SESSIONS)
    calibration = tmp_path / "calibration"
    shutil.copytree(template, calibration)
    span = _forget_in_child(calibration, None)  # how long a whole forget takes here
    assert traces(calibration) == []
    rng = random.Random(20261130)
    cut_short = 0
    for run in range(KILLS):
        folder = tmp_path / f"run{run}"
        shutil.copytree(template, folder)
        _forget_in_child(folder, rng.uniform(0.0, span))
        pending = list((folder / "users").glob(f"{forget.JOB_PREFIX}*/{forget.JOB_FILE}"))
        cut_short += bool(pending)
        left = traces(folder)
        monkeypatch.setenv("SALESCOACH_DATA_DIR", str(folder))
        capsys.readouterr()
        if run % 2:  # any command that touches the store finishes the job
            assert main(["history", "--user", KEPT]) == 0
            if not pending and left:  # killed before the job was written: forget again
                assert main(["forget", "--user", GONE, "--yes", "--lang", "en"]) == 0
        else:
            assert main(["forget", "--user", GONE, "--yes", "--lang", "en"]) == 0
            said = capsys.readouterr().out
            assert ("Deleted" in said) == bool(left), (run, left, said)
        assert traces(folder) == [], run
        kept_intact(folder)
    assert cut_short >= KILLS // 4  # most kills landed inside the forget, not before or after
