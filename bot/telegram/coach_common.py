"""What the coach handlers share: the records, the actor, domain calls off the event loop,
coach-aware roles, and one decorator that turns refusals into answers."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.coaching import cohorts, roles
from bot.coaching.access import Actor, Role, RoleRequired
from bot.coaching.records import Records
from bot.core.datafile import Lang
from bot.errors import NotAllowed, SalescoachError
from bot.hygiene import clean_name
from bot.settings import Settings
from bot.store import AsyncStore
from bot.telegram import coach_callbacks as cb
from bot.telegram.cards import level_name
from bot.telegram.coach_texts import ct
from bot.telegram.context import Context, RoleResolver
from bot.telegram.decorators import Handler, StaleButton
from bot.telegram.replies import answer, drop_keyboard
from bot.telegram.texts import Html, esc, message, t

T = TypeVar("T")


def records(context: Context) -> Records:
    """The coaching records over this bot's store (use them through `call`)."""
    return Records(context.services.store)


async def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a (blocking, file-reading) domain function in a worker thread."""
    return await asyncio.to_thread(fn, *args, **kwargs)


async def pick_cohort(update: Update, context: Context, action: str) -> None:
    """Ask which of the coach's cohorts the cohort button `action` ("cal", "rt") is for."""
    mine = await call(cohorts.coach_cohorts, records(context), await actor(update, context))
    if not mine:
        await answer(update, context, ct(context.lang, "no_cohorts"))
        return
    rows = [[InlineKeyboardButton(c.name, callback_data=cb.cohort(action, c.id))] for c in mine]
    await answer(update, context, ct(context.lang, "pick_cohort"), InlineKeyboardMarkup(rows))


async def actor(update: Update, context: Context) -> Actor:
    """The user behind the update, with their role looked up once."""
    user = update.effective_user
    assert user is not None  # the handlers are wrapped in for_users
    role = await context.services.role_of(str(user.id))
    return Actor(str(user.id), role, clean_name(user.full_name))


def coach_roles(settings: Settings, store: AsyncStore) -> RoleResolver:
    """Roles for `build_application(role_of=…)`: ADMIN_USER_IDS, granted coaches, else reps."""

    async def role_of(user_id: str) -> Role:
        return await call(roles.role_of, Records(store), settings.admin_user_ids, user_id)

    return role_of


def refusals(handler: Handler) -> Handler:
    """A refused action gets an answer instead of an error: forged or stale buttons get the
    stale-button notice, commands the reason."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: Context) -> None:
        try:
            await handler(update, context)
        except NotAllowed as exc:
            if update.callback_query is not None:
                raise StaleButton from exc
            role = isinstance(exc, RoleRequired)
            await answer(
                update, context, t(context.lang, "not_allowed") if role else refusal(context, exc)
            )
        except SalescoachError as exc:
            await answer(update, context, refusal(context, exc))

    return guarded


async def user_lang(context: Context, user_id: str) -> Lang:
    """Another user's language (a rep a coach writes to): their choice, else the default."""
    chosen = (await call(records(context).user, user_id)).get("lang")
    return (
        "en"
        if chosen == "en"
        else "sv"
        if chosen == "sv"
        else context.services.settings.default_lang
    )


def scenario_title(context: Context, scenario_id: str) -> str:
    """The scenario's title in the user's language (its id if it is no longer shipped)."""
    known = context.services.practice.scenarios.get(scenario_id)
    return known.title(context.lang) if known else scenario_id


def refusal(context: Context, exc: SalescoachError) -> Html:
    """The refusal in the user's language: the error's catalogue message, escaped."""
    return message(context.lang, exc.message) if exc.message else esc(str(exc))


def arg_text(context: Context) -> str:
    """The words after the command."""
    return " ".join(context.args or []).strip()


async def cohort_and_scenario_rows(
    update: Update, context: Context, prefix: str
) -> tuple[Any, list[list[InlineKeyboardButton]]]:
    """The coach's cohort named in the callback, and one button per scenario (`prefix:cohort:id`)."""
    from bot.telegram.scenario_access import cohort_playable  # it builds on this module

    assert context.match is not None
    cohort = await call(
        cohorts.get_cohort, records(context), await actor(update, context), context.match.group(1)
    )
    rows = [
        [InlineKeyboardButton(s.title(context.lang), callback_data=f"{prefix}:{cohort.id}:{s.id}")]
        for s in (await cohort_playable(context, cohort.id)).values()
    ]
    return cohort, rows


async def ask_level(update: Update, context: Context, prefix: str, question: str) -> None:
    """A wizard step: the scenario a button (`…:cohort:scenario`) names, then one button per
    level (`prefix:cohort:scenario:level`) under the catalogue text `question`; the pressed
    message's buttons go. StaleButton for a scenario that does not exist."""
    from bot.telegram.scenario_access import cohort_playable  # it builds on this module

    assert context.match is not None
    cid, sid = context.match.groups()
    scenario = (await cohort_playable(context, cid)).get(sid)
    if scenario is None:
        raise StaleButton
    lang = context.lang
    row = [
        InlineKeyboardButton(level_name(n, lang), callback_data=f"{prefix}:{cid}:{sid}:{n}")
        for n in (1, 2, 3)
    ]
    await drop_keyboard(update)
    text = t(lang, question, scenario=scenario.title(lang))
    await answer(update, context, text, InlineKeyboardMarkup([row]))
