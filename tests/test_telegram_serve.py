"""`salescoach serve` and the application factory's configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.serve_cmd import check_webhook_url
from bot.errors import ConfigError
from bot.settings import Settings
from bot.telegram.app import HANDLER_MODULES, build_application, file_url, module_paths


def test_serve_without_a_token_says_how_to_get_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["serve"]) == 1
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN is not set" in err
    assert "@BotFather" in err and "/newbot" in err and ".env" in err


def test_the_factory_refuses_to_build_without_a_token(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="BotFather"):
        build_application(Settings(_env_file=None, data_dir=tmp_path))  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("url", "api", "ok"),
    [
        ("https://bot.example.com/tg", "https://api.telegram.org/bot", True),
        ("http://bot.example.com/tg", "https://api.telegram.org/bot", False),
        ("http://127.0.0.1:9000/tg", "http://127.0.0.1:8081/bot", True),
        ("bot.example.com/tg", "http://127.0.0.1:8081/bot", False),
    ],
)
def test_webhook_urls_must_be_usable_by_the_bot_api_server(url: str, api: str, ok: bool) -> None:
    if ok:
        assert check_webhook_url(url, api) == url
    else:
        with pytest.raises(ConfigError, match="https://"):
            check_webhook_url(url, api)


@pytest.mark.parametrize(
    ("base", "files"),
    [
        ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot"),
        ("http://127.0.0.1:8081/bot/", "http://127.0.0.1:8081/file/bot"),
    ],
)
def test_file_downloads_follow_the_api_server(base: str, files: str) -> None:
    assert file_url(base) == files


def test_the_factory_wires_every_handler_module_and_sends_nothing(tmp_path: Path) -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, telegram_bot_token="1:x", data_dir=tmp_path, engine="offline"
    )
    app = build_application(settings)
    assert app.handlers[0] and app.error_handlers
    assert app.bot.base_url == "https://api.telegram.org/bot1:x"
    assert HANDLER_MODULES[-1] == "media"  # the catch-all stays last
    assert app.bot_data.services is not None and app.bot_data.services.transcribe is None


def test_a_handler_module_listed_twice_is_refused_before_it_answers_twice() -> None:
    assert len(set(module_paths(HANDLER_MODULES))) == len(HANDLER_MODULES)
    with pytest.raises(ValueError, match=r"more than once: bot\.telegram\.coach_views"):
        module_paths([*HANDLER_MODULES, "bot.telegram.coach_views"])
