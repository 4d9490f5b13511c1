"""Checks every handler needs, written once: who may use it, where, and in which language."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot import i18n
from bot.coaching.access import Role
from bot.core.datafile import LANGS, Lang
from bot.telegram.context import Context
from bot.telegram.texts import label, t

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def lang_from_code(code: str | None) -> Lang | None:
    """Our language for a Telegram `language_code` such as 'sv' or 'en-GB' (None if neither)."""
    base = (code or "").split("-")[0].lower()
    return base if base in LANGS else None


async def resolve_lang(update: Update, context: Context) -> Lang:
    """The user's language: chosen with /lang, else their Telegram app's, else the default."""
    chat = context.chat
    if chat.lang is None and update.effective_user is not None:
        user = update.effective_user
        stored = (await context.services.store.profile(str(user.id))).get("lang")
        chat.lang = (
            stored
            if stored in LANGS
            else lang_from_code(user.language_code) or context.services.settings.default_lang
        )
    return context.lang


def for_users(role: Role = Role.REP) -> Callable[[Handler], Handler]:
    """Run the handler only in a private chat with a user who has at least `role`.

    The user's language is resolved first (`context.lang`). Everyone is a rep; coach and
    admin roles come from `Services.role_of`, so coach commands only need `@for_users(Role.COACH)`.
    """

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def checked(update: Update, context: Context) -> None:
            chat, user = update.effective_chat, update.effective_user
            if user is None or chat is None or chat.type != ChatType.PRIVATE:
                await refuse_button(update, context.services.settings.default_lang)
                return
            lang = await resolve_lang(update, context)
            if role > Role.REP and await context.services.role_of(str(user.id)) < role:
                if not await refuse_button(update, lang):
                    await context.bot.send_message(chat.id, t(lang, "not_allowed"))
                return
            await handler(update, context)

        return checked

    return decorate


rep = for_users(Role.REP)


async def refuse_button(update: Update, lang: Lang) -> bool:
    """Answer a refused button press with "not allowed" (the client spins until answered);
    False when the update is no button press."""
    query = update.callback_query
    if query is None:
        return False
    with contextlib.suppress(TelegramError):
        await query.answer(i18n.text(lang, "edges.not_allowed"))
    return True


class StaleButton(Exception):
    """Raised by a button handler when the button's data is unknown, forged or out of date."""


def button(handler: Handler) -> Handler:
    """Answer the callback query once the handler is done (stopping the client's spinner);
    a `StaleButton` from the handler is answered with a short notice instead."""

    @functools.wraps(handler)
    async def answered(update: Update, context: Context) -> None:
        query = update.callback_query
        notice: str | None = None
        try:
            if query is not None and not query.data:
                raise StaleButton  # empty data matches every pattern in python-telegram-bot
            await handler(update, context)
        except StaleButton:
            notice = label(context.lang, "stale_button")
        finally:
            if query is not None:
                with contextlib.suppress(TelegramError):
                    await query.answer(notice)

    return answered
