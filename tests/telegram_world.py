"""The Telegram bot against the fake Bot API: settings, a running fake server, people.

`World.deliver()` hands queued updates to `app.process_update` one by one (deterministic
handler tests); the polling tests run the real `updater.start_polling` loop instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.core.customer import CustomerRequest
from bot.core.practice import Practice
from bot.settings import Settings
from bot.telegram.app import build_application
from bot.telegram.context import App
from tests.fakes.bot_api import TOKEN, FakeBotApi, Sent
from tests.fakes.bot_api_users import FakeUser

SCENARIO = "cards-never-arrived"


def settings_for(api: FakeBotApi, data_dir: Path, **overrides: Any) -> Settings:
    """Settings pointing at the fake server and a temp data folder, offline engine."""
    values: dict[str, Any] = {
        "telegram_bot_token": TOKEN,
        "telegram_api_base_url": api.base_url,
        "data_dir": data_dir,
        "engine": "offline",
        "default_lang": "sv",
        "burst_window": 0,  # every message a turn; the burst tests set their own clock
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class SlowCustomer:
    """Wraps a customer and takes `delay(request)` seconds before answering."""

    def __init__(self, inner: Any, delay: Any) -> None:
        self.inner, self.delay, self.name = inner, delay, "slow"

    async def respond(self, request: CustomerRequest) -> str:
        await asyncio.sleep(self.delay(request))
        return str(await self.inner.respond(request))


def offline_practice(delay: Any = None) -> Practice:
    """The offline engine, optionally with a customer that takes its time."""
    from bot.core.offline_customer import OfflineCustomer
    from bot.core.offline_judge import OfflineJudge

    judge = OfflineJudge()
    customer: Any = OfflineCustomer()
    if delay is not None:
        customer = SlowCustomer(customer, delay)
    return Practice(customer, judge, quick_judge=judge)


class World:
    """One bot (handlers driven through app.process_update) and the people using it."""

    def __init__(self, api: FakeBotApi, app: App) -> None:
        self.api, self.app = api, app
        self._ids = iter(range(1001, 10_000))

    def rep(
        self, first_name: str = "Rep", lang: str | None = "sv", user_id: int | None = None
    ) -> FakeUser:
        """A new person in a private chat with the bot."""
        return FakeUser(self.api, user_id or next(self._ids), first_name, lang)

    async def deliver(self) -> None:
        """Process every queued update, in order, to the end."""
        while updates := self.api.take_updates():
            for data in updates:
                await self.app.process_update(Update.de_json(data, self.app.bot))

    async def step(self, user: FakeUser, text: str) -> list[Sent]:
        """The user says something; return what the bot answered."""
        user.say(text)
        await self.deliver()
        return user.unread()

    async def press(
        self, user: FakeUser, sent: Sent, button: str | None = None, data: str | None = None
    ) -> list[Sent]:
        """The user presses a button; return the new messages."""
        user.press(sent, button, data=data)
        await self.deliver()
        return user.unread()


async def started(api: FakeBotApi, data_dir: Path, **kwargs: Any) -> App:
    """A built and initialised application (getMe done), without the rate limiter."""
    settings = settings_for(api, data_dir, **kwargs.pop("settings", {}))
    kwargs.setdefault("rate_limiter", None)
    app = build_application(settings, **kwargs)
    await app.initialize()
    return app


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    """A running fake Bot API server."""
    server = await FakeBotApi().start()
    yield server
    await server.stop()


@pytest.fixture
async def world(api: FakeBotApi, data_dir: Path) -> AsyncIterator[World]:
    """The bot with the offline engine, driven update by update."""
    app = await started(api, data_dir)
    yield World(api, app)
    await app.shutdown()
