"""What a coach sees of a cohort: overview, heat map, recent sessions, one rep, QR code,
a fresh join code, exports as documents, the judge's calibration and its refit (`coach_retrain`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot import i18n
from bot.cli.coach_cmd import render_calibration
from bot.coaching import calibration, cohorts, exports, overview
from bot.coaching.access import Role, visible_sessions
from bot.coaching.heatmap import heatmap_png
from bot.coaching.qr import qr_png
from bot.core.report import criterion_means, session_overall
from bot.core.session import Session
from bot.telegram import coach_callbacks as cb
from bot.telegram.coach_common import (
    actor,
    call,
    pick_cohort,
    records,
    refusals,
    scenario_title,
)
from bot.telegram.coach_retrain import retrain_button, retrain_judge
from bot.telegram.coach_texts import ct
from bot.telegram.context import App, Context
from bot.telegram.decorators import button, for_users
from bot.telegram.format import date
from bot.telegram.replies import answer, drop_keyboard, edit, send_document, send_photo
from bot.telegram.texts import Html, label, t

View = Callable[[Update, Context, cohorts.Cohort], Awaitable[None]]


def _chat(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def _name(context: Context, cid: str | None) -> str:
    """A criterion's name in the coach's language."""
    rubric = context.services.practice.rubric
    return rubric.criterion(cid).name(context.lang) if cid else "–"


async def show_overview(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """Who practised, recent score, trend and weakest skill; a button per rep."""
    lines = await call(
        overview.cohort_overview, records(context), await actor(update, context), cohort.id
    )
    if not lines:
        await answer(update, context, ct(context.lang, "nobody_yet"))
        return
    text = [ct(context.lang, "overview_title", name=cohort.name, recent=overview.RECENT)]
    text += [overview_line(context, r) for r in lines]
    rows = [[Button(r.name[:40], callback_data=cb.rep(cohort.id, r.rep_id))] for r in lines]
    await answer(update, context, Html("\n".join(text)), Markup(rows[:50]))


async def show_heatmap(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """The rep x criterion heat map as a photo."""
    lines = await call(
        overview.cohort_overview, records(context), await actor(update, context), cohort.id
    )
    rubric = context.services.practice.rubric
    rows = [(r.name, r.criteria) for r in lines if r.sessions]
    labels = {c.id: c.name(context.lang) for c in rubric.criteria}
    png = await call(heatmap_png, rows, rubric.ids, labels, title=cohort.name, lang=context.lang)
    await send_photo(
        context, _chat(update), png, ct(context.lang, "heatmap_caption", name=cohort.name)
    )


async def show_recent(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """The latest finished sessions, each opening its transcript for review."""
    pairs = await call(
        overview.recent_sessions, records(context), await actor(update, context), cohort.id
    )
    if not pairs:
        await answer(update, context, ct(context.lang, "no_sessions"))
        return
    rows = []
    for member, s in pairs:
        title = scenario_title(context, s.scenario_id)
        text = f"{member.name} · {title} · {session_overall(s.turns)} · {date(s.started_at)}"
        rows.append([Button(text[:60], callback_data=cb.open_session(member.user_id, s.id))])
    await answer(update, context, ct(context.lang, "recent_title", name=cohort.name), Markup(rows))


async def show_qr(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """The QR code of the join link, for the projector."""
    if cohort.code:
        png = await call(qr_png, cohorts.deep_link(context.bot.username, cohort.code))
        await send_photo(
            context, _chat(update), png, ct(context.lang, "qr_caption", name=cohort.name)
        )


async def ask_new_code(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """Ask before revoking: the old code, link and QR code stop working."""
    lang = context.lang
    yes = Button(label(lang, "flow.btn_revoke_yes"), callback_data=cb.cohort("rvy", cohort.id))
    no = Button(label(lang, "flow.btn_revoke_no"), callback_data=cb.cohort("rvn", cohort.id))
    question = t(lang, "flow.revoke_ask", cohort=cohort.name, code=cohort.code or "–")
    await answer(update, context, question, Markup([[yes, no]]))


async def keep_code(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """No to the new code: the question goes, the code stays."""
    await edit(update, t(context.lang, "flow.revoke_kept", code=cohort.code or "–"))


async def new_code(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """Revoke the join code and issue a new one."""
    await drop_keyboard(update)
    fresh = await call(
        cohorts.revoke_code, records(context), await actor(update, context), cohort.id
    )
    assert fresh.code is not None
    link = cohorts.deep_link(context.bot.username, fresh.code)
    await answer(update, context, ct(context.lang, "code_revoked", code=fresh.code, link=link))


def overview_line(context: Context, r: overview.RepSummary) -> Html:
    """One rep in the overview: sessions, recent score, trend and weakest skill."""
    if r.recent is None:
        return ct(context.lang, "overview_idle", name=r.name)
    trend = "–" if r.trend is None else f"{r.trend:+d}"
    weakest = _name(context, r.weakest)
    return ct(
        context.lang,
        "overview_line",
        name=r.name,
        sessions=i18n.plural(context.lang, "coach.sessions_count", r.sessions),
        score=r.recent,
        trend=trend,
        weakest=weakest,
    )


async def send_csv(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """The cohort CSV as a document."""
    rubric, lang = context.services.practice.rubric, context.lang
    text = await call(exports.cohort_csv, records(context), cohort, rubric, lang=lang)
    caption = ct(context.lang, "export_caption", name=cohort.name)
    await send_document(context, _chat(update), text.encode(), f"cohort-{cohort.id}.csv", caption)


async def send_html(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """The HTML cohort report as a document."""
    rubric = context.services.practice.rubric
    page = await call(exports.cohort_html, records(context), cohort, rubric, lang=context.lang)
    caption = ct(context.lang, "export_caption", name=cohort.name)
    await send_document(context, _chat(update), page.encode(), f"cohort-{cohort.id}.html", caption)


async def show_calibration(update: Update, context: Context, cohort: cohorts.Cohort) -> None:
    """Judge-vs-coach agreement per criterion."""
    rubric = context.services.practice.rubric
    results = await call(calibration.cohort_calibration, records(context), cohort, rubric)
    names = {c.id: c.name(context.lang) for c in rubric.criteria}
    table = render_calibration(results, context.lang, names)
    await answer(
        update,
        context,
        ct(context.lang, "calibration_title", cohort=cohort.name, table=table),
        Markup([[retrain_button(context, cohort)]]),
    )


#: What each button under a cohort card shows, by its callback code.
VIEWS: dict[str, View] = {
    "ov": show_overview,
    "hm": show_heatmap,
    "rs": show_recent,
    "qr": show_qr,
    "rv": ask_new_code,
    "rvy": new_code,
    "rvn": keep_code,
    "csv": send_csv,
    "html": send_html,
    "cal": show_calibration,
    "rt": retrain_judge,
}


@for_users(Role.COACH)
@button
@refusals
async def cohort_action(update: Update, context: Context) -> None:
    """A button under a cohort card; the cohort must be the presser's own."""
    assert context.match is not None
    action, cohort_id = context.match.group(1), context.match.group(2)
    cohort = await call(
        cohorts.get_cohort, records(context), await actor(update, context), cohort_id
    )
    await VIEWS[action](update, context, cohort)


@for_users(Role.COACH)
@button
@refusals
async def rep_progress(update: Update, context: Context) -> None:
    """One member's skills and sessions since joining, with their transcripts."""
    assert context.match is not None
    me, data = await actor(update, context), records(context)
    cohort = await call(cohorts.get_cohort, data, me, context.match.group(1))
    user_id = context.match.group(2)
    member = next(
        (m for m in await call(cohorts.members, data, cohort.id) if m.user_id == user_id), None
    )
    if member is None:
        return
    done = overview.finished(await call(visible_sessions, data, me, user_id))
    rubric = context.services.practice.rubric
    means = criterion_means([t for s in done for t in s.turns], rubric)
    sessions = i18n.plural(context.lang, "coach.sessions_count", len(done))
    lines: list[str] = [ct(context.lang, "rep_progress", name=member.name, sessions=sessions)]
    lines += [f"{_name(context, c)}: {_mean(context, v)}" for c, v in means.items()]
    rows = [[session_button(context, user_id, s)] for s in reversed(done[-8:])]
    await answer(update, context, Html("\n".join(lines)), Markup(rows))


def _mean(context: Context, value: float | None) -> str:
    """A 0–5 mean with the language's decimal sign, or a dash."""
    return "–" if value is None else i18n.number(context.lang, value)


def session_button(context: Context, user_id: str, session: Session) -> Button:
    """A button that opens one of the rep's sessions: date, scenario, score."""
    title = scenario_title(context, session.scenario_id)
    label = f"{date(session.started_at)} · {title} · {session_overall(session.turns)}"
    return Button(label[:60], callback_data=cb.open_session(user_id, session.id))


@for_users(Role.COACH)
async def calibrate(update: Update, context: Context) -> None:
    """/calibrate: pick a cohort, then see the calibration."""
    await pick_cohort(update, context, "cal")


def register(app: App) -> None:
    """Add this module's handlers."""
    app.add_handler(CommandHandler("calibrate", calibrate, filters=filters.ChatType.PRIVATE))
    app.add_handler(CallbackQueryHandler(cohort_action, pattern=cb.COHORT))
    app.add_handler(CallbackQueryHandler(rep_progress, pattern=cb.REP))
