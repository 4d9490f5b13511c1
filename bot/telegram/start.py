"""/start and /help: the welcome, the idea behind the coaching, and the language choice."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.coaching.access import Role
from bot.core.datafile import Lang
from bot.hygiene import clean_name
from bot.telegram import callbacks, keyboards
from bot.telegram.coach_texts import ct
from bot.telegram.context import App, Context
from bot.telegram.decorators import button, rep
from bot.telegram.replies import answer, drop_keyboard
from bot.telegram.texts import Html, t


async def welcome(update: Update, context: Context) -> None:
    """Remember the rep's name; explain the idea and how to begin."""
    user = update.effective_user
    assert user is not None  # checked by @rep
    name = clean_name(user.first_name)
    await context.services.store.update_user(str(user.id), name=name)
    await answer(update, context, t(context.lang, "welcome", name=name))


@rep
async def start(update: Update, context: Context) -> None:
    """Welcome the rep, explain the idea and offer the language choice."""
    await welcome(update, context)
    await answer(update, context, t(context.lang, "choose_lang"), keyboards.langs())


@rep
async def help_command(update: Update, context: Context) -> None:
    """List the commands; coaches (and admins) get theirs too."""
    assert update.effective_user is not None
    text = t(context.lang, "help")
    if await context.services.role_of(str(update.effective_user.id)) >= Role.COACH:
        text = Html(f"{text}\n\n{ct(context.lang, 'coach_help')}")
    await answer(update, context, text)


@rep
async def choose_lang(update: Update, context: Context) -> None:
    """Offer Svenska / English."""
    await answer(update, context, t(context.lang, "choose_lang"), keyboards.langs())


@rep
@button
async def set_lang(update: Update, context: Context) -> None:
    """Remember the chosen language and confirm in it."""
    assert update.effective_user is not None and context.match is not None
    lang: Lang = "en" if context.match.group(1) == "en" else "sv"
    await context.services.store.update_user(str(update.effective_user.id), lang=lang)
    context.chat.lang = lang
    await drop_keyboard(update)
    await answer(update, context, t(lang, "lang_set"))


def register(app: App) -> None:
    """Add this module's handlers."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("start", start, filters=private))
    app.add_handler(CommandHandler("help", help_command, filters=private))
    app.add_handler(CommandHandler("lang", choose_lang, filters=private))
    app.add_handler(CallbackQueryHandler(set_lang, pattern=callbacks.LANG))
