"""Workshop rounds in Telegram: /round_start sends every member the scenario and posts the
leaderboard (coach_board), /round_end sends everyone the summary."""

from __future__ import annotations

import contextlib

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler, TypeHandler, filters

from bot import i18n
from bot.coaching import cohorts, rounds
from bot.coaching.access import Role
from bot.coaching.records import ROUNDS, Records
from bot.core.datafile import Lang
from bot.core.rubric import Rubric
from bot.telegram import coach_callbacks as cb
from bot.telegram import flow
from bot.telegram.coach_board import BOARDS, RoundWatch, board_text, show_board
from bot.telegram.coach_common import (
    actor,
    ask_level,
    call,
    cohort_and_scenario_rows,
    pick_cohort,
    records,
    refusals,
    user_lang,
)
from bot.telegram.coach_texts import cl, ct
from bot.telegram.context import App, Context
from bot.telegram.decorators import Handler, StaleButton, button, for_users, rep
from bot.telegram.replies import answer, drop_keyboard, send
from bot.telegram.scenario_access import cohort_playable
from bot.telegram.switch import ask_first
from bot.telegram.texts import Html


@for_users(Role.COACH)
async def round_start(update: Update, context: Context) -> None:
    """/round_start: pick the cohort."""
    await pick_cohort(update, context, "rd")


@for_users(Role.COACH)
@button
@refusals
async def choose_scenario(update: Update, context: Context) -> None:
    """Pick the scenario for the round."""
    cohort, rows = await cohort_and_scenario_rows(update, context, "rdc")
    await drop_keyboard(update)
    text = ct(context.lang, "round_pick_scenario", cohort=cohort.name)
    await answer(update, context, text, Markup(rows))


@for_users(Role.COACH)
@button
async def choose_level(update: Update, context: Context) -> None:
    """Pick the difficulty everyone in the round plays."""
    await ask_level(update, context, "rdl", "flow.round_pick_level")


@for_users(Role.COACH)
@button
async def choose_names(update: Update, context: Context) -> None:
    """Show or hide names on the leaderboard."""
    assert context.match is not None
    cid, sid, level = context.match.groups()
    show, hide = (cl(context.lang, f"btn_{key}_names") for key in ("show", "hide"))
    row = [
        Button(show, callback_data=f"rdn:{cid}:{sid}:{level}:0"),
        Button(hide, callback_data=f"rdn:{cid}:{sid}:{level}:1"),
    ]
    await drop_keyboard(update)
    await answer(update, context, ct(context.lang, "round_pick_names"), Markup([row]))


def starter(watch: RoundWatch) -> Handler:
    """The handler that starts a round (it resets the watch's participants)."""

    @for_users(Role.COACH)
    @button
    @refusals
    async def start(update: Update, context: Context) -> None:
        """Open the round, post the leaderboard here and invite every member."""
        assert context.match is not None and update.effective_chat is not None
        cid, sid, level, hide = context.match.groups()
        if sid not in await cohort_playable(context, cid):
            raise StaleButton
        me, data = await actor(update, context), records(context)
        await drop_keyboard(update)
        options = {"level": int(level), "hide_names": hide == "1"}
        rnd = await call(rounds.start_round, data, me, cid, sid, **options)
        watch.forget()
        await answer(
            update,
            context,
            ct(context.lang, "round_started", members=reps(context.lang, len(rnd.participants))),
        )
        title = context.services.practice.scenario(sid).title(context.lang)
        board = await send(
            context, update.effective_chat.id, board_text(context.lang, title, rnd, [])
        )
        where = {"chat_id": board.chat_id, "message_id": board.message_id, "lang": context.lang}
        await call(data.put, BOARDS, rnd.id, where)
        for user_id in rnd.participants:
            await invite(context, data, rnd, me.name, user_id)

    return start


async def invite(
    context: Context, data: Records, rnd: rounds.Round, coach: str, user_id: str
) -> None:
    """Send one participant the round's scenario with a button to start it."""
    lang = await user_lang(context, user_id)
    scenario = context.services.practice.scenario(rnd.scenario_id).title(lang)
    text = ct(lang, "round_invite", coach=coach, scenario=scenario, level=rnd.level)
    start = Markup([[Button(cl(lang, "btn_start"), callback_data=f"rj:{rnd.id}")]])
    with contextlib.suppress(TelegramError):  # a rep who blocked the bot misses out
        await send(context, int(user_id), text, start)


@rep
@button
async def join_round(update: Update, context: Context) -> None:
    """Begin the round's role-play, if the round is open and the rep takes part."""
    assert context.match is not None and update.effective_user and update.effective_chat
    user_id = str(update.effective_user.id)
    doc = await call(records(context).get, ROUNDS, context.match.group(1))
    if doc is None or doc.get("ended_at") is not None or user_id not in doc["participants"]:
        raise StaleButton
    chat_id, scenario_id, level = (
        update.effective_chat.id,
        str(doc["scenario_id"]),
        int(doc["level"]),
    )
    if not await ask_first(update, context, scenario_id, level, "practice"):
        await flow.begin(context, chat_id, user_id, scenario_id, level, "practice")


def ender(watch: RoundWatch) -> Handler:
    """/round_end: end the coach's running round and send everyone the summary."""

    @for_users(Role.COACH)
    @refusals
    async def end(update: Update, context: Context) -> None:
        """End the running round of one of the coach's cohorts."""
        me, data = await actor(update, context), records(context)
        mine = {c.id for c in await call(cohorts.coach_cohorts, data, me)}
        running = [
            d for d in await call(data.find, ROUNDS, ended_at=None) if d["cohort_id"] in mine
        ]
        if not running:
            await answer(update, context, ct(context.lang, "no_round"))
            return
        focus = context.services.practice.scenario(running[0]["scenario_id"]).focus
        ended, summary = await call(rounds.end_round, data, me, running[0]["id"], focus=focus)
        watch.forget()
        await show_board(context, data, ended.id)
        await answer(update, context, summary_text(context, context.lang, ended, summary, None))
        for user_id in ended.participants:
            lang = await user_lang(context, user_id)
            with contextlib.suppress(TelegramError):
                await send(
                    context, int(user_id), summary_text(context, lang, ended, summary, user_id)
                )

    return end


def summary_text(
    context: Context, lang: Lang, rnd: rounds.Round, s: rounds.Summary, viewer: str | None
) -> Html:
    """The round's summary; a participant also gets their own place."""
    title = context.services.practice.scenario(rnd.scenario_id).title(lang)
    board = board_text(lang, title, rnd, s.board)
    figures = summary_figures(context.services.practice.rubric, lang, s)
    text = ct(lang, "round_summary", scenario=title, board=board, **figures)
    mine = next((e for e in s.board if e.user_id == viewer), None)
    if mine is None:
        return text
    place = ct(lang, "your_rank", rank=mine.rank, finished=s.finished, score=mine.overall)
    return Html(f"{text}\n\n{place}")


def summary_figures(rubric: Rubric, lang: Lang, s: rounds.Summary) -> dict[str, object]:
    """The summary's figures, with a dash where there is nothing to show."""
    return {
        "finished": s.finished,
        "total": s.participants,
        "mean": "–" if s.mean is None else i18n.number(lang, s.mean),
        "median": "–" if s.median is None else i18n.number(lang, s.median),
        "passed": "–" if s.pass_rate is None else percent(lang, s.pass_rate),
        "weakest": rubric.criterion(s.weakest).name(lang) if s.weakest else "–",
    }


def reps(lang: Lang, n: int) -> str:
    """ "3 säljare", "1 rep"."""
    return i18n.plural(lang, "coach.reps_count", n)


def percent(lang: Lang, share: float) -> str:
    """A share as a whole percentage the language's way: "40 %" in Swedish, "40%" in English."""
    return cl(lang, "coaching.percent", value=i18n.number(lang, 100 * share, 0))


def register(app: App) -> None:
    """Add this module's handlers, and the watch that runs after every update."""
    watch = RoundWatch()
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("round_start", round_start, filters=private))
    app.add_handler(CommandHandler("round_end", ender(watch), filters=private))
    app.add_handler(CallbackQueryHandler(choose_scenario, pattern=cb.ROUND))
    app.add_handler(CallbackQueryHandler(choose_level, pattern=cb.ROUND_SCENARIO))
    app.add_handler(CallbackQueryHandler(choose_names, pattern=cb.ROUND_LEVEL))
    app.add_handler(CallbackQueryHandler(starter(watch), pattern=cb.ROUND_START))
    app.add_handler(CallbackQueryHandler(join_round, pattern=cb.ROUND_JOIN))
    app.add_handler(TypeHandler(Update, watch.after_update), group=1)
