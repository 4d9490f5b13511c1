"""The warm-up: the judge and the customers' facts load on a thread of their own when the bot
starts (and when a terminal chat opens), so the first replies do not wait for them."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.core.offline_judge import OfflineJudge
from bot.core.practice import Practice
from bot.engine import warm_up_in_background
from bot.store import AsyncStore
from bot.telegram.app import build_application
from tests.fakes.bot_api import FakeBotApi
from tests.telegram_world import settings_for

pytest_plugins = ("tests.telegram_fixtures",)


def test_the_warm_up_loads_the_judge_then_each_customer_named(
    practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    done: list[str] = []
    monkeypatch.setattr(OfflineJudge, "warm_up", staticmethod(lambda: done.append("judge")))
    monkeypatch.setattr(practice, "prepare", done.append)
    warm_up_in_background(practice, ["cards-never-arrived", "best-price-friday"]).join()
    assert done == ["judge", "cards-never-arrived", "best-price-friday"]


def test_a_failing_warm_up_is_logged_not_raised(
    practice: Practice, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(scenario_id: str) -> None:
        raise OSError("no encoder here")

    monkeypatch.setattr(OfflineJudge, "warm_up", staticmethod(lambda: None))
    monkeypatch.setattr(practice, "prepare", broken)
    with caplog.at_level(logging.WARNING, logger="bot.engine"):
        warm_up_in_background(practice, ["cards-never-arrived"]).join()
    assert "warm-up failed" in caplog.text


async def test_the_bot_warms_up_every_customer_when_it_starts(
    api: FakeBotApi, data_dir: Path, practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[list[str]] = []

    def record(practice: Practice, scenario_ids: list[str]) -> None:
        started.append(list(scenario_ids))

    monkeypatch.setattr("bot.engine.warm_up_in_background", record)
    app = build_application(
        settings_for(api, data_dir), practice, AsyncStore(data_dir), rate_limiter=None
    )
    await app.initialize()
    try:
        assert app.post_init is not None
        await app.post_init(app)  # what run_polling and run_webhook do once the bot is up
    finally:
        await app.shutdown()
    assert started == [sorted(practice.scenarios)]
    assert ("default", "") in api.commands  # the command menus are still set
