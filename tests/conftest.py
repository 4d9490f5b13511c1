"""Shared fixtures: every test gets its own empty data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.offline_customer import OfflineCustomer
from bot.core.offline_judge import OfflineJudge
from bot.core.practice import Practice
from bot.redact import forget_remembered

#: Settings a developer's environment may hold that must not reach the tests.
_OUTSIDE_SETTINGS = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "SALESCOACH_ENGINE",
    "SALESCOACH_LANG",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "ADMIN_USER_IDS",
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SALESCOACH_DATA_DIR at a fresh temp folder for this test."""
    folder = tmp_path / "salescoach-data"
    monkeypatch.setenv("SALESCOACH_DATA_DIR", str(folder))
    monkeypatch.setenv("SALESCOACH_ENV_FILE", "")  # never read a developer's .env
    for name in _OUTSIDE_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    forget_remembered()  # secrets another test configured are not this test's secrets
    return folder


@pytest.fixture(scope="module")
def judge() -> OfflineJudge:
    """The offline judge (one per test module)."""
    return OfflineJudge()


@pytest.fixture(scope="module")
def practice() -> Practice:
    """The offline role-play, judged and answered by the offline engine (one per test module)."""
    judge = OfflineJudge()
    return Practice(OfflineCustomer(), judge, quick_judge=judge)
