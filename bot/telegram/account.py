"""The rep's own data: /rubric to read how replies are scored, /delete_me to erase everything."""

from __future__ import annotations

import secrets

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.telegram import callbacks, keyboards
from bot.telegram.cards import rubric_text
from bot.telegram.context import App, Context
from bot.telegram.decorators import StaleButton, button, rep
from bot.telegram.replies import answer, drop_keyboard
from bot.telegram.texts import t


@rep
async def show_rubric(update: Update, context: Context) -> None:
    """Show the criteria, their weights and the pass line."""
    await answer(update, context, rubric_text(context.services.practice.rubric, context.lang))


@rep
async def delete_me(update: Update, context: Context) -> None:
    """Ask for confirmation before deleting everything about the rep."""
    context.chat.delete_token = secrets.token_urlsafe(12)
    markup = keyboards.delete(context.chat.delete_token, context.lang)
    await answer(update, context, t(context.lang, "delete_confirm"), markup)


@rep
@button
async def confirm_delete(update: Update, context: Context) -> None:
    """Delete the rep's data if the confirmation is the one we just issued."""
    assert update.effective_user is not None and context.match is not None
    if context.match.group(1) != context.chat.delete_token:
        raise StaleButton
    lang = context.lang
    removed = await context.services.store.forget_user(str(update.effective_user.id))
    context.chat.forget()
    await drop_keyboard(update)
    await answer(update, context, t(lang, "delete_done" if removed else "delete_nothing"))


@rep
@button
async def cancel_delete(update: Update, context: Context) -> None:
    """Keep everything."""
    context.chat.delete_token = None
    await drop_keyboard(update)
    await answer(update, context, t(context.lang, "delete_cancelled"))


def register(app: App) -> None:
    """Add this module's handlers."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("rubric", show_rubric, filters=private))
    app.add_handler(CommandHandler("delete_me", delete_me, filters=private))
    app.add_handler(CallbackQueryHandler(cancel_delete, pattern=callbacks.DELETE_CANCEL))
    app.add_handler(CallbackQueryHandler(confirm_delete, pattern=callbacks.DELETE))
