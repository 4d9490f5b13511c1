"""The command menu a coach (or admin) sees in their own chat: the rep commands, then theirs.

Telegram shows the menu per scope; reps get the default one (`app.set_commands`), and each
coach's private chat gets its own (`BotCommandScopeChat`) when the bot starts and as soon as
they become a coach.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.coaching import roles
from bot.coaching.records import Records
from bot.core.datafile import Lang
from bot.telegram.context import App, Services
from bot.telegram.texts import label

log = logging.getLogger("bot.telegram")

#: The coach commands, after the rep commands, described by the `flow.cmd_<name>` texts.
COACH_COMMANDS = (
    "cohort_new",
    "cohorts",
    "assign",
    "round_start",
    "round_end",
    "calibrate",
    "retrain",
    "scenarios",
    "scenario_new",
)


def coach_commands(lang: Lang) -> list[BotCommand]:
    """Every command a coach can use, in `lang`."""
    from bot.telegram.app import COMMANDS

    rep = [BotCommand(name, label(lang, f"cmd_{name}")) for name in COMMANDS]
    return rep + [BotCommand(name, label(lang, f"flow.cmd_{name}")) for name in COACH_COMMANDS]


async def _lang_of(services: Services, user_id: str) -> Lang:
    stored = ((await services.store.get_user(user_id)) or {}).get("lang")
    return "en" if stored == "en" else "sv" if stored == "sv" else services.settings.default_lang


async def set_coach_menu(bot: Bot, services: Services, user_id: str) -> None:
    """Give one coach's private chat the coach menu, in their language."""
    commands = coach_commands(await _lang_of(services, user_id))
    try:
        await bot.set_my_commands(commands, scope=BotCommandScopeChat(int(user_id)))
    except TelegramError as exc:  # a convenience: e.g. an admin who never opened the chat
        log.info("could not set the coach menu for %s: %s", user_id, exc)


async def set_coach_menus(app: App) -> None:
    """At start: the coach menu for every coach and admin."""
    services = app.bot_data.services
    if services is None:
        return
    coaches = await asyncio.to_thread(roles.coaches, Records(services.store))
    admins = [str(i) for i in services.settings.admin_user_ids]
    for user_id in dict.fromkeys([*admins, *coaches]):
        with contextlib.suppress(ValueError):  # a stored id that is not a chat id
            await set_coach_menu(app.bot, services, user_id)
