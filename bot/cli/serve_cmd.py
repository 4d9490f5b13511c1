"""`salescoach serve`: run the Telegram bot (long polling, or a webhook with --webhook)."""

from __future__ import annotations

import argparse
import logging
from typing import Any
from urllib.parse import urlsplit

from bot.errors import ConfigError


def register(sub: Any) -> None:
    """Add the `serve` command."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "serve",
        help="run the Telegram bot",
        description="Run the Telegram bot. Without --webhook it uses long polling, which needs "
        "no public address. Needs TELEGRAM_BOT_TOKEN (from @BotFather) in .env or the environment.",
    )
    parser.add_argument(
        "--webhook",
        metavar="URL",
        help="public HTTPS URL Telegram should post updates to (e.g. https://bot.example.com/tg)",
    )
    parser.add_argument(
        "--listen", default="0.0.0.0", metavar="ADDR", help="address to listen on (webhook only)"
    )
    parser.add_argument(
        "--port", type=int, default=8443, metavar="N", help="port to listen on (webhook only)"
    )
    parser.set_defaults(handler=run)


def check_webhook_url(url: str, api_base_url: str = "https://api.telegram.org/bot") -> str:
    """The URL if Telegram can use it: absolute, and https:// for the official Bot API
    (a self-hosted Bot API server or an emulator may post to plain http)."""
    parts = urlsplit(url)
    official = urlsplit(api_base_url).hostname == "api.telegram.org"
    if (
        parts.scheme not in ("https", "http")
        or not parts.netloc
        or (official and parts.scheme != "https")
    ):
        raise ConfigError(
            f"--webhook must be a public https:// URL (got {url!r}); Telegram only delivers "
            "webhooks over HTTPS. Use long polling (no --webhook) if you have no public address."
        )
    return url


def run(args: argparse.Namespace) -> int:
    """Start the bot and serve until interrupted."""
    import asyncio

    from bot.redact import install_log_filter
    from bot.settings import load_settings
    from bot.telegram.app import bot_token, run_polling, run_webhook
    from bot.telegram.preflight import check_bot_api

    settings = load_settings()
    token = bot_token(settings)  # a missing token is reported before anything starts
    store = settings.store("serve")
    store.claim(wait=0.0)  # a second bot on the folder is refused before it answers anyone
    url = check_webhook_url(args.webhook, settings.telegram_api_base_url) if args.webhook else None
    asyncio.run(check_bot_api(settings, token))
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO
    )
    install_log_filter()  # tokens and keys are masked in every log line
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines contain the token
    if url:
        run_webhook(settings, url, listen=args.listen, port=args.port)
    else:
        run_polling(settings)
    return 0
