"""A coach's own scenarios in Telegram: send a file (checked, with line numbers), playtest,
publish to cohorts, unpublish, download; /scenarios lists them; /scenario_new drafts one."""

from __future__ import annotations

import logging
import re
from typing import Any

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import i18n
from bot.coaching import cohorts, scenario_library
from bot.coaching.access import Role
from bot.coaching.records import Records
from bot.coaching.scenario_library import CoachScenario
from bot.core.datafile import Lang
from bot.core.scenario_check import MAX_BYTES, Checked, too_big
from bot.core.scenario_template import slug
from bot.core.scenarios import Scenario
from bot.errors import SalescoachError
from bot.telegram import flow
from bot.telegram.coach_common import actor, arg_text, call, records, refusals
from bot.telegram.context import App, Context
from bot.telegram.decorators import button, for_users
from bot.telegram.replies import Typing, answer, edit, send_document
from bot.telegram.texts import Html, esc

log = logging.getLogger(__name__)

_KEY = r"[a-z0-9][a-z0-9_-]{0,39}"
ACTION = re.compile(rf"^sc:(play|dl|off|card):({_KEY})$")
TOGGLE = re.compile(rf"^sct:([0-9a-f]{{8}}):({_KEY})$")
#: Problems shown in one message; the rest are counted in the header.
SHOWN_PROBLEMS = 30


def tx(lang: Lang, key: str, /, **params: Any) -> Html:
    """A catalogue text as Telegram HTML, its parameters escaped."""
    return Html(i18n.text(lang, f"scenarios.tg.{key}", **{k: esc(v) for k, v in params.items()}))


def title(scenario: Scenario, lang: Lang) -> str:
    """The title in the coach's language, or in the scenario's own if it has only one."""
    return scenario.title(scenario.play_lang(lang))


def problems_text(checked: Checked, lang: Lang) -> Html:
    """The problems of a sent file, one per line, in the coach's language."""
    lines = "\n".join(f"<code>{esc(line)}</code>" for line in checked.report(lang)[:SHOWN_PROBLEMS])
    head = i18n.plural(lang, "scenarios.tg.problems", len(checked.problems), file=esc(checked.name))
    return Html(f"{head}\n{lines}\n\n{tx(lang, 'send_again')}")


async def card(context: Context, update: Update, entry: CoachScenario) -> tuple[Html, Markup]:
    """The scenario's title, where it is published, and its buttons."""
    lang, scenario = context.lang, context.services.practice.scenarios[entry.key]
    mine = await call(cohorts.coach_cohorts, records(context), await actor(update, context))
    names = [c.name for c in mine if c.id in entry.cohorts]
    languages = ", ".join(
        i18n.text(lang, f"scenarios.tg.lang_{code}") for code in scenario.languages
    )
    text = tx(
        lang,
        "card",
        title=title(scenario, lang),
        file=entry.file_name,
        languages=languages,
        cohorts=", ".join(names) or i18n.text(lang, "scenarios.tg.nowhere"),
    )
    rows = [
        [
            Button(tx(lang, "btn_play"), callback_data=f"sc:play:{entry.key}"),
            Button(tx(lang, "btn_download"), callback_data=f"sc:dl:{entry.key}"),
        ]
    ]
    for c in mine:
        key = "scenarios.tg.btn_unpublish" if c.id in entry.cohorts else "scenarios.tg.btn_publish"
        rows.append(
            [Button(i18n.text(lang, key, cohort=c.name), callback_data=f"sct:{c.id}:{entry.key}")]
        )
    if names:
        rows.append([Button(tx(lang, "btn_unpublish_all"), callback_data=f"sc:off:{entry.key}")])
    if not mine:
        text = Html(f"{text}\n\n{tx(lang, 'no_cohorts')}")
    return text, Markup(rows)


def _playable(context: Context, entry: CoachScenario) -> None:
    """Make the stored scenario playable under its runtime id (or refresh it after a change)."""
    context.services.practice.scenarios[entry.key] = entry.scenario()


@for_users(Role.COACH)
@refusals
async def receive_file(update: Update, context: Context) -> None:
    """A coach sent a scenario file: check it, keep it, offer playtest and publishing."""
    message = update.effective_message
    assert message is not None and message.document is not None
    document, lang = message.document, context.lang
    name = document.file_name or "scenario.yaml"
    if (document.file_size or 0) > MAX_BYTES:
        await answer(update, context, problems_text(too_big(name), lang))
        return
    raw = bytes(await (await document.get_file()).download_as_bytearray())
    data, practice = records(context), context.services.practice
    coach_keys = {e.key for e in await call(scenario_library.everything, data)}
    taken = set(practice.scenarios) - coach_keys
    me = await actor(update, context)
    entry, checked, replaced = await call(scenario_library.save, data, me, raw, name, taken=taken)
    if entry is None:
        await answer(update, context, problems_text(checked, lang))
        return
    _playable(context, entry)
    name = title(practice.scenarios[entry.key], lang)
    await answer(update, context, tx(lang, "replaced" if replaced else "saved", title=name))
    await answer(update, context, *await card(context, update, entry))


@for_users(Role.COACH)
async def list_mine(update: Update, context: Context) -> None:
    """/scenarios: the coach's own scenarios, one button each."""
    entries = await call(scenario_library.mine, records(context), await actor(update, context))
    if not entries:
        await answer(update, context, tx(context.lang, "none"))
        return
    scenarios = context.services.practice.scenarios
    rows = [
        [Button(title(scenarios[e.key], context.lang), callback_data=f"sc:card:{e.key}")]
        for e in entries
        if e.key in scenarios
    ]
    await answer(update, context, tx(context.lang, "list"), Markup(rows))


@for_users(Role.COACH)
@button
@refusals
async def act(update: Update, context: Context) -> None:
    """Playtest, download, unpublish everywhere, or show the card of one of the coach's scenarios."""
    assert context.match is not None and update.effective_chat is not None
    action, key = context.match.groups()
    me, data, lang = await actor(update, context), records(context), context.lang
    entry = await call(scenario_library.owned, data, me, key)
    if action == "play":
        await flow.begin(context, update.effective_chat.id, me.user_id, key, 1, "practice")
    elif action == "dl":
        caption = tx(lang, "download_caption", file=entry.file_name)
        source = entry.source.encode("utf-8")
        await send_document(context, update.effective_chat.id, source, entry.file_name, caption)
    elif action == "off":
        entry = await call(scenario_library.unpublish_all, data, me, key)
        await edit(update, *await card(context, update, entry))
        name = title(context.services.practice.scenarios[key], lang)
        await answer(update, context, tx(lang, "unpublished_all", title=name))
    else:
        await answer(update, context, *await card(context, update, entry))


@for_users(Role.COACH)
@button
@refusals
async def toggle(update: Update, context: Context) -> None:
    """Publish the scenario to a cohort of the coach's, or take it back."""
    assert context.match is not None
    cohort_id, key = context.match.groups()
    me, data, lang = await actor(update, context), records(context), context.lang
    entry, published = await call(scenario_library.toggle, data, me, key, cohort_id)
    cohort = await call(cohorts.get_cohort, data, me, cohort_id)
    await edit(update, *await card(context, update, entry))
    name = title(context.services.practice.scenarios[key], lang)
    done = "published" if published else "unpublished"
    await answer(update, context, tx(lang, done, title=name, cohort=cohort.name))


@for_users(Role.COACH)
async def draft(update: Update, context: Context) -> None:
    """/scenario_new <brief>: a complete scenario file drafted from the brief, to edit and send."""
    from bot.llm.draft import draft_with_settings

    brief, lang = arg_text(context), context.lang
    chat = update.effective_chat
    assert chat is not None
    if not brief:
        await answer(update, context, tx(lang, "draft_needs_brief"))
        return
    async with Typing(context, chat.id):
        made = await draft_with_settings(context.services.settings, brief, lang)
    how_key = "scenarios.draft_by_model" if made.by_model else "scenarios.draft_by_template"
    caption = tx(lang, "draft_caption", how=i18n.text(lang, how_key))
    await send_document(context, chat.id, made.text.encode(), f"{slug(brief[:40])}.yaml", caption)


def register(app: App) -> None:
    """Add the handlers, and make every stored coach scenario playable again after a restart."""
    services = app.bot_data.services
    assert services is not None
    # Before the bot answers anyone nothing else touches the store: read it directly.
    for entry in scenario_library.everything(Records(services.store.sync)):
        try:
            services.practice.scenarios[entry.key] = entry.scenario()
        except SalescoachError as exc:  # one file broken by a rubric change must not stop the bot
            log.warning("coach scenario %s is not playable: %s", entry.key, exc)
    private = filters.ChatType.PRIVATE
    yaml_file = filters.Document.FileExtension("yaml") | filters.Document.FileExtension("yml")
    app.add_handler(MessageHandler(yaml_file & private, receive_file))
    app.add_handler(CommandHandler("scenarios", list_mine, filters=private))
    app.add_handler(CommandHandler("scenario_new", draft, filters=private))
    app.add_handler(CallbackQueryHandler(act, pattern=ACTION))
    app.add_handler(CallbackQueryHandler(toggle, pattern=TOGGLE))
