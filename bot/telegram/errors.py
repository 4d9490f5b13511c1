"""The one error handler: log with the traceback, tell the rep something useful."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError

from bot.errors import BudgetExhausted, EngineError, SessionFinished
from bot.telegram.context import Context
from bot.telegram.texts import t

log = logging.getLogger("bot.telegram")


def message_key(error: BaseException | None) -> str:
    """Which text tells the rep about this error."""
    if isinstance(error, BudgetExhausted):
        return "error_budget"
    if isinstance(error, SessionFinished):
        return "session_over"
    if isinstance(error, EngineError):
        return "error_engine"
    return "error_generic"


async def on_error(update: object, context: Context) -> None:
    """Log the failure with its traceback and, if a rep is waiting, say what happened."""
    error = context.error
    if isinstance(error, Forbidden):  # the rep blocked the bot: nobody to tell
        log.info("cannot reach a chat: %s", error)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed: %r", update_id, error, exc_info=error)
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:  # stop the client's spinner, even after a crash
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()
    if update.effective_chat is None:
        return
    text = t(context.lang, message_key(error))
    with contextlib.suppress(TelegramError):
        await context.bot.send_message(update.effective_chat.id, text, parse_mode=ParseMode.HTML)
