"""/practice: the scenario picker (inline buttons) and the role-play messages themselves."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.core.scenarios import Scenario
from bot.core.session import Mode
from bot.telegram import burst, callbacks, flow, keyboards
from bot.telegram.cards import brief_text, level_name, mode_name, picker_text
from bot.telegram.context import App, Context
from bot.telegram.decorators import StaleButton, button, rep
from bot.telegram.replies import answer, edit
from bot.telegram.scenario_access import playable
from bot.telegram.switch import ask_first
from bot.telegram.texts import Html, t


async def _scenario(update: Update, context: Context, scenario_id: str) -> Scenario:
    """The scenario a button names; an id the rep may not play means a stale or forged button."""
    assert update.effective_user is not None
    scenario = (await playable(context, str(update.effective_user.id))).get(scenario_id)
    if scenario is None:
        raise StaleButton
    return scenario


async def _picker(update: Update, context: Context) -> tuple[Html, InlineKeyboardMarkup]:
    """The picker's text (noting an ongoing role-play) and its buttons."""
    assert update.effective_user is not None
    practice = context.services.practice
    ongoing = await flow.active(context, str(update.effective_user.id))
    active = practice.scenarios.get(ongoing.scenario_id) if ongoing else None
    mine = await playable(context, str(update.effective_user.id))
    scenarios = [s for s in mine.values() if context.lang in s.languages]
    text = picker_text(scenarios, practice.rubric, context.lang, active)
    return text, keyboards.picker(scenarios, context.lang)


@rep
async def practice(update: Update, context: Context) -> None:
    """Show the customers to practise on."""
    text, markup = await _picker(update, context)
    await answer(update, context, text, markup)


@rep
@button
async def show_picker(update: Update, context: Context) -> None:
    """Back from a brief to the list of customers."""
    text, markup = await _picker(update, context)
    await edit(update, text, markup)


@rep
@button
async def show_brief(update: Update, context: Context) -> None:
    """One customer's situation, what it trains, and the difficulty buttons."""
    assert context.match is not None
    scenario = await _scenario(update, context, context.match.group(1))
    mode = callbacks.as_mode(context.match.group(2))
    text = brief_text(scenario, context.services.practice.rubric, context.lang, mode)
    await edit(update, text, keyboards.brief(scenario, context.lang, mode))


async def _chosen(update: Update, context: Context) -> tuple[Scenario, int, Mode]:
    """Scenario, level and mode from a start button, checked against what exists."""
    assert context.match is not None
    scenario = await _scenario(update, context, context.match.group(1))
    level, mode = int(context.match.group(2)), callbacks.as_mode(context.match.group(3))
    if level not in scenario.levels:
        raise StaleButton
    return scenario, level, mode


@rep
@button
async def go(update: Update, context: Context) -> None:
    """Start the chosen customer at the chosen difficulty and mode."""
    scenario, level, mode = await _chosen(update, context)
    if not await ask_first(update, context, scenario.id, level, mode):
        await _begin_picked(update, context, scenario, level, mode)


async def _begin_picked(
    update: Update, context: Context, scenario: Scenario, level: int, mode: Mode
) -> None:
    """Turn the pressed message into a note of the choice, and start."""
    assert update.effective_user is not None and update.effective_chat is not None
    lang = context.lang
    title, level_text, mode_text = (
        scenario.title(lang),
        level_name(level, lang),
        mode_name(mode, lang),
    )
    await edit(update, t(lang, "picked", title=title, level=level_text, mode=mode_text))
    user_id, chat_id = str(update.effective_user.id), update.effective_chat.id
    await flow.begin(context, chat_id, user_id, scenario.id, level, mode)


@rep
@button
async def switch(update: Update, context: Context) -> None:
    """Yes to "end the ongoing role-play?": start the new one."""
    scenario, level, mode = await _chosen(update, context)
    await _begin_picked(update, context, scenario, level, mode)


@rep
@button
async def keep(update: Update, context: Context) -> None:
    """No to "end the ongoing role-play?": it goes on."""
    await edit(update, t(context.lang, "flow.switch_kept"))


@rep
@button
async def again(update: Update, context: Context) -> None:
    """From a report card: the same customer, difficulty and mode once more."""
    assert update.effective_user is not None and update.effective_chat is not None
    scenario, level, mode = await _chosen(update, context)
    if await ask_first(update, context, scenario.id, level, mode):
        return
    user_id, chat_id = str(update.effective_user.id), update.effective_chat.id
    await flow.begin(context, chat_id, user_id, scenario.id, level, mode)


@rep
@button
async def next_recommended(update: Update, context: Context) -> None:
    """From a report card: the customer the rep's progress says to train next."""
    assert update.effective_user and update.effective_chat
    user_id, chat_id = str(update.effective_user.id), update.effective_chat.id
    scenario_id, level = await flow.recommended(context, user_id)
    if not await ask_first(update, context, scenario_id, level, "practice"):
        await flow.begin(context, chat_id, user_id, scenario_id, level, "practice")


@rep
async def reply(update: Update, context: Context) -> None:
    """A rep's line in the role-play (messages in a quick burst are one line)."""
    await burst.receive(update, context)


def register(app: App) -> None:
    """Add this module's handlers."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("practice", practice, filters=private))
    app.add_handler(CallbackQueryHandler(show_picker, pattern=callbacks.PICKER))
    app.add_handler(CallbackQueryHandler(show_brief, pattern=callbacks.BRIEF))
    app.add_handler(CallbackQueryHandler(go, pattern=callbacks.GO))
    app.add_handler(CallbackQueryHandler(again, pattern=callbacks.AGAIN))
    app.add_handler(CallbackQueryHandler(next_recommended, pattern=callbacks.NEXT))
    app.add_handler(CallbackQueryHandler(switch, pattern=callbacks.SWITCH))
    app.add_handler(CallbackQueryHandler(keep, pattern=callbacks.KEEP))
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND & private
    app.add_handler(MessageHandler(text, reply))
