"""/hint, /restart and /end during a role-play."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.telegram import flow
from bot.telegram.context import App, Context
from bot.telegram.decorators import rep


def _ids(update: Update) -> tuple[int, str]:
    """(chat id, user id) of a private-chat update (guaranteed by @rep)."""
    assert update.effective_chat is not None and update.effective_user is not None
    return update.effective_chat.id, str(update.effective_user.id)


@rep
async def hint(update: Update, context: Context) -> None:
    """A nudge without the answer."""
    await flow.hint(context, *_ids(update))


@rep
async def restart(update: Update, context: Context) -> None:
    """Start the same role-play over."""
    await flow.restart(context, *_ids(update))


@rep
async def end(update: Update, context: Context) -> None:
    """Finish now and get the report card."""
    await flow.end(context, *_ids(update))


def register(app: App) -> None:
    """Add this module's handlers."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("hint", hint, filters=private))
    app.add_handler(CommandHandler("restart", restart, filters=private))
    app.add_handler(CommandHandler("end", end, filters=private))
