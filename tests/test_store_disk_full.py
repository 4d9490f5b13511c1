"""A full disk in the terminal: the turn is reported as not saved, never printed as scored,
and sending it again after `chat --resume` stores it once."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import Store, atomic

REPLY = "What would it cost you if the price list arrives after Friday?"


def test_chat_on_a_full_disk_says_the_turn_was_not_saved_and_a_resend_stores_it_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(path: Path) -> None:  # the session's first save went through; then the disk fills
        if "sessions" in path.parts and path.exists():
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(atomic, "write_fault", full)
    monkeypatch.setattr("sys.stdin", io.StringIO(REPLY + "\n"))
    chat = ["chat", "--scenario", "best-price-friday", "--lang", "en", "--user", "rita"]

    assert main(chat) == 1

    out, err = capsys.readouterr()
    assert "Score:" not in out
    (said,) = [line for line in err.splitlines() if line.startswith("salescoach:")]
    assert said.startswith("salescoach: Your last reply was NOT saved ("), err
    assert "No space left on device" in said
    monkeypatch.setattr(atomic, "write_fault", None)
    monkeypatch.setattr("sys.stdin", io.StringIO(REPLY + "\n"))
    assert main(["chat", "--resume", "--user", "rita"]) == 0
    assert "Score:" in capsys.readouterr().out
    (stored,) = Store(data_dir).load_sessions("rita")
    assert [t.reply for t in stored.turns] == [REPLY]
