"""/retrain: a coach refits the offline judge on their cohort's overrides, as
`salescoach calibrate --cohort … --retrain` does, and sees agreement before and after."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton as Button
from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.cli.retrain_cmd import report_table
from bot.coaching import cohorts, retrain
from bot.coaching.access import Role
from bot.core.semantic.heads import default_heads, retrained_path
from bot.telegram import coach_callbacks as cb
from bot.telegram.coach_common import call, pick_cohort, records
from bot.telegram.coach_texts import cl, ct
from bot.telegram.context import App, Context
from bot.telegram.decorators import for_users
from bot.telegram.replies import answer

#: One refit at a time: two would race on the weights file (and each takes the CPU for a while).
_ONE_AT_A_TIME = asyncio.Lock()


def retrain_button(context: Context, cohort: cohorts.Cohort) -> Button:
    """The button that refits the judge on this cohort's overrides."""
    return Button(cl(context.lang, "retrain_button"), callback_data=cb.cohort("rt", cohort.id))


async def retrain_judge(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """Refit the judge on the cohort's overrides; the bot judges with the new weights next."""
    await answer(update, context, ct(context.lang, "retrain_working", cohort=cohort.name))
    async with _ONE_AT_A_TIME:
        report = await call(retrain.retrain, records(context), cohort, retrained_path())
        default_heads.cache_clear()  # loaded once per process: the next reply reads the new file
    table = report_table(report, context.lang)
    done = ct(context.lang, "retrain_done", cohort=cohort.name, table=table, cohort_id=cohort.id)
    await answer(update, context, done)


@for_users(Role.COACH)
async def retrain_command(update: Update, context: Context) -> None:
    """/retrain: pick a cohort, then refit the judge on its overrides."""
    await pick_cohort(update, context, "rt")


def register(app: App) -> None:
    """Add this module's handlers (the cohort button is dispatched by `coach_views`)."""
    app.add_handler(CommandHandler("retrain", retrain_command, filters=filters.ChatType.PRIVATE))
