"""One writing process per data folder: a second `serve`, `chat` or `forget` is refused with a
message naming the holder; readers need no lock and leave a read-only folder untouched."""

from __future__ import annotations

import asyncio
import errno
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import scored_session

from bot.cli import main
from bot.engine import build_practice
from bot.settings import load_settings
from bot.store import Store, atomic, lock
from tests.fakes.bot_api import TOKEN, FakeBotApi

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and signals")

ROOT = Path(__file__).parent.parent


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "SALESCOACH_DATA_DIR": str(data_dir), "SALESCOACH_ENGINE": "offline"}
    env.update(PYTHONPATH=str(ROOT), SALESCOACH_LANG="en", **extra)
    return env


async def _until_held_by(data_dir: Path, pid: int, child: asyncio.subprocess.Process) -> None:
    """Wait (without a clock bound) until the child has taken the folder's lock."""
    while (found := lock.holder(data_dir)) is None or found.pid != pid:
        assert child.returncode is None, "the first process ended early"
        await asyncio.sleep(0.05)


async def test_a_second_serve_and_a_forget_are_refused_while_the_bot_runs(data_dir: Path) -> None:
    Store(data_dir).save_session(scored_session([70], user_id="4321", id="kept1"))
    api = await FakeBotApi().start()
    env = _env(data_dir, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api.base_url)
    serve = [sys.executable, "-m", "bot", "serve"]
    first = await asyncio.create_subprocess_exec(*serve, env=env, stderr=subprocess.DEVNULL)
    try:
        await _until_held_by(data_dir, first.pid, first)

        second = await asyncio.create_subprocess_exec(
            *serve, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE
        )
        _, err = await second.communicate()
        forget = await asyncio.create_subprocess_exec(
            *[sys.executable, "-m", "bot", "forget", "--user", "4321", "--yes"],
            env={**env, "SALESCOACH_LOCK_WAIT": "0.2"},
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        forget_out, forget_err = await forget.communicate()
    finally:
        first.terminate()
        await first.wait()
        await api.stop()

    assert second.returncode == 1
    said = err.decode()
    assert f"The bot (salescoach serve, pid {first.pid}) is running on {data_dir.resolve()}" in said
    assert said.count("\n") == 1  # one clear line, no traceback
    assert forget.returncode == 1
    assert b"Deleted" not in forget_out
    assert f"pid {first.pid}" in forget_err.decode() and "/delete_me" in forget_err.decode()
    assert Store(data_dir).load_session("kept1").user_id == "4321"


def _scores(text: str) -> int:
    return text.count("Score: ")


def test_two_chat_resume_for_one_rep_lose_no_acknowledged_turn(data_dir: Path) -> None:
    practice = build_practice(load_settings(SALESCOACH_ENGINE="offline"))
    session = practice.start(user_id="rita", scenario_id="best-price-friday", lang="en", seed=2)
    Store(data_dir).save_session(session)  # an unfinished role-play, as Ctrl-C leaves it
    chat = [sys.executable, "-m", "bot", "chat", "--resume", "--user", "rita"]
    first = subprocess.Popen(
        chat, env=_env(data_dir), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert first.stdin is not None and first.stdout is not None
    replies = ["What is behind the Friday deadline?", "What would a delay cost your team?"]
    first.stdin.write(replies[0] + "\n")
    first.stdin.flush()
    seen = ""
    while _scores(seen) < 1:  # the first reply is scored, so saved: the lock is surely held
        line = first.stdout.readline()
        assert line, "the first chat ended early"
        seen += line

    second = subprocess.run(
        chat,
        env=_env(data_dir, SALESCOACH_LOCK_WAIT="0.2"),
        input="A reply that must not be scored.\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    out, _ = first.communicate(replies[1] + "\n", timeout=120)
    seen += out

    assert second.returncode == 1
    assert f"(chat, pid {first.pid}) is writing to {data_dir.resolve()}" in second.stderr
    assert _scores(second.stdout) == 0
    assert first.returncode == 0
    stored = Store(data_dir).load_session(session.id)
    acknowledged = _scores(seen)
    assert acknowledged >= 1
    assert [t.reply for t in stored.turns] == replies[:acknowledged]


def test_a_writer_in_the_same_folder_is_told_who_holds_it(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(data_dir)],
        env=_env(data_dir),
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(lock.FolderBusy) as refused:
            Store(data_dir, lock_wait=0.1).update_user("anna", lang="sv")
        assert Store(data_dir).sessions("anna") == []  # reading needs no lock
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    assert refused.value.message.key == "store.busy"
    assert refused.value.message.params["pid"] == holder.pid
    assert refused.value.message.params["command"] == "coach"
    Store(data_dir, lock_wait=0.1).update_user("anna", lang="sv")  # free again once it exits


def test_a_writer_waits_for_the_holder_to_let_go(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(data_dir)],
        env=_env(data_dir),
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "held\n"
    written = threading.Event()

    def write() -> None:
        Store(data_dir, lock_wait=120).update_user("anna", lang="sv")
        written.set()

    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(0.3)  # a chance to write, which it must not take while the other holds
    assert not written.is_set()
    holder.stdin.close()
    holder.wait(timeout=60)
    writer.join(timeout=120)

    assert written.is_set()
    assert Store(data_dir).get_user("anna") is not None


_HOLD = """
import sys
import threading
import time
from pathlib import Path
from bot.store import Store
store = Store(Path(sys.argv[1]), command="coach")
store.claim()
print("held", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def read_only(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The data folder as a read-only mount: every write or create fails with EROFS."""
    store = Store(data_dir)
    store.update_user("anna", lang="en")
    store.save_session(scored_session([70], user_id="anna", id="anna1"))
    store.close()

    def refuse(path: Path) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(atomic, "write_fault", refuse)
    yield data_dir


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_reading_commands_work_on_a_read_only_folder_and_write_nothing(
    read_only: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(read_only)

    assert main(["history", "--user", "anna"]) == 0
    assert main(["export", "--user", "anna"]) == 0
    assert main(["progress", "--user", "anna"]) == 0
    assert main(["transcript", "anna1"]) == 0

    assert " anna1 " in capsys.readouterr().out
    assert _snapshot(read_only) == before
    assert not Store(read_only).layout.user_index("anna").exists()


def test_a_writing_command_on_a_read_only_folder_says_so_in_one_line(
    read_only: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESCOACH_LANG", "en")
    assert main(["forget", "--user", "anna", "--yes", "--lang", "en"]) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"salescoach: Cannot write to {read_only.resolve()} (Read-only")
    assert err.count("\n") == 1
    assert Store(read_only).user_ids() == ["anna"]
