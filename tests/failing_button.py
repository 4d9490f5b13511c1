"""A handler module for tests: a button whose handler crashes before answering."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.telegram.context import App, Context


async def crash(update: Update, context: Context) -> None:
    """Fail the way a bug or a broken disk would, before the query is answered."""
    raise RuntimeError("boom")


def register(app: App) -> None:
    """Add the crashing button handler (data "boom")."""
    app.add_handler(CallbackQueryHandler(crash, pattern="^boom$"))
