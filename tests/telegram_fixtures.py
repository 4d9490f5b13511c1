"""Fixtures for the Telegram tests, loaded with `pytest_plugins = ("tests.telegram_fixtures",)`
(a plugin module that test modules do not import themselves, so pytest can rewrite it)."""

from tests.telegram_world import api, world

__all__ = ["api", "world"]
