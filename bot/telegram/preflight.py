"""Before serving: one getMe call, so a wrong token or Bot API URL is one clear line.

python-telegram-bot reports these as tracebacks of 100-250 lines (the token inside); here
they become a ConfigError naming the setting to fix, with secrets masked.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot import i18n
from bot.errors import ConfigError
from bot.hygiene import quote
from bot.redact import redact
from bot.settings import Settings

#: Seconds to wait for the Bot API before calling it unreachable.
PREFLIGHT_TIMEOUT = 15.0


def _reason(exc: BaseException) -> str:
    """The first sentence of an error, masked and short ("Not Found (404)")."""
    return redact(str(exc)).split(". ")[0][:100] or type(exc).__name__


async def check_bot_api(settings: Settings, token: str) -> None:
    """Raise ConfigError unless the Bot API at the configured URL accepts the token."""
    lang = settings.default_lang
    url = redact(settings.telegram_api_base_url)
    quiet = logging.getLogger("telegram")
    level, quiet.level = quiet.level, logging.CRITICAL  # it logs each failure with a traceback
    try:
        bot = Bot(token, base_url=settings.telegram_api_base_url)
        async with asyncio.timeout(PREFLIGHT_TIMEOUT):
            await bot.get_me()
    except InvalidToken as exc:
        reason = _reason(exc)
        raise ConfigError(
            i18n.text(lang, "edges.bot_token_rejected", url=url, reason=reason)
        ) from None
    except (NetworkError, TimeoutError) as exc:
        reason = _reason(exc)
        raise ConfigError(
            i18n.text(lang, "edges.bot_api_unreachable", url=url, reason=reason)
        ) from None
    except (TelegramError, ValueError, TypeError):  # httpx rejects malformed URLs
        raise ConfigError(i18n.text(lang, "edges.bot_api_bad_url", url=quote(url))) from None
    finally:
        quiet.setLevel(level)
