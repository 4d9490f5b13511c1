"""The application factory and the two ways to run it (long polling, webhook).

Nothing happens at import time: `build_application(settings)` wires a fresh bot, so tests
build their own with their own settings, store and fake Bot API server.
"""

from __future__ import annotations

import importlib
import logging
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, cast
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, BaseRateLimiter, ContextTypes
from telegram.request import BaseRequest

from bot.core.datafile import LANGS
from bot.core.practice import Practice
from bot.errors import ConfigError
from bot.settings import Settings
from bot.telegram.context import (
    App,
    BotData,
    ChatData,
    Context,
    Pace,
    RoleResolver,
    Services,
    Transcriber,
)
from bot.telegram.errors import on_error
from bot.telegram.menus import set_coach_menus
from bot.telegram.ordering import PerChatUpdateProcessor
from bot.telegram.texts import label
from bot.telegram.transport import BoundedHTTPXRequest

if TYPE_CHECKING:
    from bot.store import AsyncStore

log = logging.getLogger("bot.telegram")

#: Modules under bot.telegram (or full module paths) with a `register(app)` function, in
#: order. Within a group the first matching handler wins, so `media`, which answers whatever
#: is left (unknown commands, stickers …), stays last; new modules go before it.
HANDLER_MODULES: tuple[str, ...] = (
    "burst",
    "start",
    "account",
    "practice",
    "session_commands",
    "progress",
    "coach_cohorts",
    "coach_views",
    "coach_retrain",
    "coach_review",
    "coach_assign",
    "coach_rounds",
    "coach_scenarios",
    "media",
)

#: The command menu, in this order, described by the `cmd_<name>` texts.
COMMANDS = (
    "start",
    "practice",
    "hint",
    "restart",
    "end",
    "progress",
    "history",
    "rubric",
    "join",
    "lang",
    "help",
    "delete_me",
)

#: Connections to the Bot API server. Eight carry ~160 requests a second at Telegram's
#: ~50 ms round trip, five times the flood limit; more make every request slower (the HTTP
#: client's pool checks its connections against each other on every request).
DEFAULT_POOL_SIZE = 8

#: The update types the bot handles; Telegram does not send the others.
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]

NO_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather in Telegram (send /newbot and "
    "follow the steps), then put TELEGRAM_BOT_TOKEN=<token> in the .env file in the folder you "
    "run salescoach from, or set it in the environment."
)


def bot_token(settings: Settings) -> str:
    """The bot token, or a ConfigError saying how to get one."""
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token.strip():
        raise ConfigError(NO_TOKEN)
    return token.strip()


def file_url(base_url: str) -> str:
    """The file download URL that goes with a Bot API base URL (…/bot -> …/file/bot)."""
    base = base_url.rstrip("/")
    root = base[: -len("/bot")] if base.endswith("/bot") else base
    return f"{root}/file/bot"


def default_transcriber(settings: Settings) -> Transcriber | None:
    """Speech-to-text when the LLM engine is on and installed, else None."""
    if not settings.use_llm:
        return None
    try:
        from bot.llm.transcribe import transcribe
    except ImportError:
        return None
    return transcribe


async def set_commands(app: App) -> None:
    """The command menu in Swedish and English (and the default language for the rest); coaches
    get theirs in their own chat."""
    settings = app.bot_data.services.settings if app.bot_data.services else None
    default = settings.default_lang if settings else "sv"
    for lang, code in [*((lang, lang) for lang in LANGS), (default, None)]:
        commands = [BotCommand(name, label(lang, f"cmd_{name}")) for name in COMMANDS]
        try:
            await app.bot.set_my_commands(commands, language_code=code)
        except TelegramError as exc:  # the menu is a convenience; the bot works without it
            log.warning("could not set the %s command menu: %s", code or "default", exc)
    await set_coach_menus(app)


async def on_start(app: App) -> None:
    """Once the bot is up: its command menus, and the judge and the customers' facts loaded in
    the background, so that the first replies of a workshop do not all wait for them."""
    from bot.engine import warm_up_in_background

    await set_commands(app)
    services = app.bot_data.services
    if services is not None:
        warm_up_in_background(services.practice, sorted(services.practice.scenarios))


def build_application(
    settings: Settings,
    practice: Practice | None = None,
    store: AsyncStore | None = None,
    request: BaseRequest | None = None,
    *,
    get_updates_request: BaseRequest | None = None,
    rate_limiter: BaseRateLimiter[Any] | Literal["default"] | None = "default",
    role_of: RoleResolver | None = None,
    transcribe: Transcriber | Literal["default"] | None = "default",
    modules: Sequence[str] = HANDLER_MODULES,
    max_workers: int = 256,
    pace: Pace | None = None,
) -> App:
    """A ready-to-start bot: handlers from `modules`, per-chat ordering, the rate limiter."""
    from bot.engine import build_practice
    from bot.llm.budget import TableLedger
    from bot.store import AsyncStore
    from bot.telegram.coach_common import coach_roles

    builder = (
        Application.builder()
        .token(bot_token(settings))
        .base_url(settings.telegram_api_base_url)
        .base_file_url(file_url(settings.telegram_api_base_url))
        .context_types(ContextTypes(context=Context, chat_data=ChatData, bot_data=BotData))
        .concurrent_updates(PerChatUpdateProcessor(max_workers))
        .post_init(on_start)
    )
    if request is not None:
        builder = builder.request(request)
    else:  # a whole workshop answers at once: requests wait for a free connection
        builder = builder.request(BoundedHTTPXRequest(DEFAULT_POOL_SIZE, pool_timeout=30.0))
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    limiter = AIORateLimiter(max_retries=3) if rate_limiter == "default" else rate_limiter
    if limiter is not None:
        builder = builder.rate_limiter(cast("BaseRateLimiter[None]", limiter))
    app: App = builder.build()
    store = store or AsyncStore(settings.store("serve"))
    if practice is None:  # LLM token use is kept per rep and day in the store
        practice = build_practice(settings, ledger=TableLedger(store.table("llm_usage")))
    app.bot_data.services = Services(
        settings=settings,
        practice=practice,
        store=store,
        role_of=role_of or coach_roles(settings, store),
        transcribe=default_transcriber(settings) if transcribe == "default" else transcribe,
        pace=pace or Pace(settings.burst_window),
    )
    for name in module_paths(modules):
        importlib.import_module(name).register(app)
    app.add_error_handler(on_error)
    return app


def module_paths(modules: Sequence[str]) -> list[str]:
    """Full module paths of the handler modules; one listed twice would answer twice."""
    paths = [name if "." in name else f"bot.telegram.{name}" for name in modules]
    repeated = sorted({p for p in paths if paths.count(p) > 1})
    if repeated:
        raise ValueError(f"handler modules listed more than once: {', '.join(repeated)}")
    return paths


def run_polling(settings: Settings) -> None:
    """Serve with long polling until interrupted (Ctrl-C)."""
    app = build_application(settings)
    app.run_polling(allowed_updates=ALLOWED_UPDATES)


def webhook_options(settings: Settings, url: str, listen: str, port: int) -> dict[str, Any]:
    """Arguments for `start_webhook` / `run_webhook`: where to listen, the public URL, and the
    secret Telegram must send with every update (a fresh random one unless configured)."""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    return {
        "listen": listen,
        "port": port,
        "url_path": urlsplit(url).path.lstrip("/"),
        "webhook_url": url,
        "secret_token": secret or secrets.token_urlsafe(32),
        "allowed_updates": ALLOWED_UPDATES,
    }


def run_webhook(settings: Settings, url: str, listen: str = "0.0.0.0", port: int = 8443) -> None:
    """Serve a webhook at `url` until interrupted (Telegram must reach it over HTTPS)."""
    app = build_application(settings)
    app.run_webhook(**webhook_options(settings, url, listen, port))
