"""/assign: a coach gives a cohort a scenario (level, deadline) and sees who has done it;
reps see their open assignments first when they open /practice."""

from __future__ import annotations

import time

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot import i18n
from bot.coaching import assignments, cohorts
from bot.coaching.access import Role
from bot.coaching.assignments import Status
from bot.coaching.records import ASSIGNMENTS
from bot.core.datafile import Lang
from bot.telegram import coach_callbacks as cb
from bot.telegram import flow
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
from bot.telegram.decorators import StaleButton, button, for_users, rep
from bot.telegram.format import date
from bot.telegram.replies import answer, drop_keyboard, send
from bot.telegram.scenario_access import cohort_playable
from bot.telegram.switch import ask_first
from bot.telegram.texts import Html

DEADLINE_DAYS = (0, 1, 3, 7)  # 0: no deadline
MARKS = {Status.DONE: "✅", Status.LATE: "☑️", Status.PENDING: "⏳", Status.OVERDUE: "❌"}


@for_users(Role.COACH)
async def assign(update: Update, context: Context) -> None:
    """/assign: pick the cohort."""
    await pick_cohort(update, context, "as")


@for_users(Role.COACH)
@button
@refusals
async def choose_scenario(update: Update, context: Context) -> None:
    """Pick the scenario (and see the cohort's current assignments)."""
    cohort, rows = await cohort_and_scenario_rows(update, context, "asc")
    rows.append([Button(cl(context.lang, "btn_completion"), callback_data=f"ass:{cohort.id}")])
    await drop_keyboard(update)  # each wizard step's buttons go once used
    text = ct(context.lang, "assign_pick_scenario", cohort=cohort.name)
    await answer(update, context, text, Markup(rows))


@for_users(Role.COACH)
@button
async def choose_level(update: Update, context: Context) -> None:
    """Pick the level."""
    await ask_level(update, context, "asl", "coach.assign_pick_level")


@for_users(Role.COACH)
@button
async def choose_deadline(update: Update, context: Context) -> None:
    """Pick the deadline."""
    assert context.match is not None
    cid, sid, level = context.match.groups()
    row = [
        Button(deadline_label(context.lang, d), callback_data=f"asd:{cid}:{sid}:{level}:{d}")
        for d in DEADLINE_DAYS
    ]
    await drop_keyboard(update)
    await answer(update, context, ct(context.lang, "assign_pick_deadline"), Markup([row]))


def deadline_label(lang: Lang, days: int) -> str:
    """A deadline button: in so many days, or none."""
    return (
        cl(lang, "btn_days", days=i18n.plural(lang, "common.days", days))
        if days
        else cl(lang, "btn_none")
    )


@for_users(Role.COACH)
@button
@refusals
async def create(update: Update, context: Context) -> None:
    """Store the assignment and tell every member."""
    assert context.match is not None
    cid, sid, level, days = context.match.groups()
    me, data = await actor(update, context), records(context)
    terms = {
        "level": int(level),
        "deadline": time.time() + int(days) * 86_400 if int(days) else None,
        "known_scenarios": await cohort_playable(context, cid),
    }
    await drop_keyboard(update)
    made = await call(assignments.assign, data, me, cid, sid, **terms)
    people = await call(cohorts.members, data, cid)
    for member in people:
        text = await _assignment_text(context, made, member.user_id)
        start = _start(await user_lang(context, member.user_id), made)
        await send(context, int(member.user_id), text, start)
    cohort = await call(cohorts.get_cohort, data, me, cid)
    reps = i18n.plural(context.lang, "coach.reps_count", len(people))
    await answer(update, context, ct(context.lang, "assigned", members=reps, cohort=cohort.name))


async def _assignment_text(
    context: Context, a: assignments.Assignment, user_id: str | None = None
) -> Html:
    """The assignment in the rep's language."""
    lang = context.lang
    if user_id is not None:
        lang = await user_lang(context, user_id)
    title = context.services.practice.scenario(a.scenario_id).title(lang)
    deadline = ct(lang, "deadline_ref", date=date(a.deadline)) if a.deadline else ""
    return ct(lang, "assignment_for_rep", scenario=title, level=a.level, deadline=Html(deadline))


def _start(lang: Lang, a: assignments.Assignment) -> Markup:
    """The button that starts the assigned role-play."""
    return Markup([[Button(cl(lang, "btn_start"), callback_data=f"asg:{a.id}")]])


@for_users(Role.COACH)
@button
@refusals
async def status(update: Update, context: Context) -> None:
    """Completion of each of the cohort's assignments."""
    assert context.match is not None
    me, data = await actor(update, context), records(context)
    cohort = await call(cohorts.get_cohort, data, me, context.match.group(1))
    for a in await call(assignments.cohort_assignments, data, cohort.id):
        rows = await call(assignments.completion, data, me, a.id)
        await answer(update, context, completion_text(context, a, rows))


def completion_text(
    context: Context, a: assignments.Assignment, rows: list[tuple[str, str, Status]]
) -> Html:
    """Who has done one assignment: a mark per member and the count done."""
    done = sum(s in (Status.DONE, Status.LATE) for _, _, s in rows)
    lines = "\n".join(f"{MARKS[s]} {name}" for _, name, s in rows)
    title = context.services.practice.scenario(a.scenario_id).title(context.lang)
    figures = {"level": a.level, "done": done, "total": len(rows)}
    return ct(context.lang, "completion", scenario=title, lines=lines, **figures)


@rep
async def show_open(update: Update, context: Context) -> None:
    """Before the /practice picker: the rep's open assignments, each with a start button."""
    assert update.effective_user is not None
    todo = await call(assignments.open_for_rep, records(context), str(update.effective_user.id))
    for a in todo[:3]:
        await answer(update, context, await _assignment_text(context, a), _start(context.lang, a))


@rep
@button
async def start_assignment(update: Update, context: Context) -> None:
    """Start the assigned role-play, if the assignment is for one of the rep's cohorts."""
    assert context.match is not None and update.effective_user and update.effective_chat
    user_id, data = str(update.effective_user.id), records(context)
    doc = await call(data.get, ASSIGNMENTS, context.match.group(1))
    mine = {c.id for c in await call(cohorts.rep_cohorts, data, user_id)}
    if doc is None or doc["cohort_id"] not in mine:
        raise StaleButton
    a = assignments.Assignment.from_dict(doc)
    if not await ask_first(update, context, a.scenario_id, a.level, "practice"):
        await flow.begin(
            context, update.effective_chat.id, user_id, a.scenario_id, a.level, "practice"
        )


def register(app: App) -> None:
    """Add this module's handlers; open assignments show before the /practice picker."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("practice", show_open, filters=private), group=-1)
    app.add_handler(CommandHandler("assign", assign, filters=private))
    app.add_handler(CallbackQueryHandler(choose_scenario, pattern=cb.ASSIGN))
    app.add_handler(CallbackQueryHandler(choose_level, pattern=cb.ASSIGN_SCENARIO))
    app.add_handler(CallbackQueryHandler(choose_deadline, pattern=cb.ASSIGN_LEVEL))
    app.add_handler(CallbackQueryHandler(create, pattern=cb.ASSIGN_DEADLINE))
    app.add_handler(CallbackQueryHandler(status, pattern=cb.ASSIGN_STATUS))
    app.add_handler(CallbackQueryHandler(start_assignment, pattern=cb.ASSIGNMENT_START))
