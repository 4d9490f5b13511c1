"""Coach roles and cohorts in Telegram: /coach, /cohort_new, /cohorts, /join, /leave, and the
`join_<code>` / `coach_<code>` start links."""

from __future__ import annotations

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Update
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, CommandHandler, filters

from bot import i18n
from bot.coaching import cohorts, roles
from bot.coaching.access import Role
from bot.coaching.qr import qr_png
from bot.telegram import coach_callbacks as cb
from bot.telegram import start
from bot.telegram.coach_common import actor, arg_text, call, records, refusals
from bot.telegram.coach_texts import ct
from bot.telegram.context import App, Context
from bot.telegram.decorators import button, for_users, rep
from bot.telegram.menus import set_coach_menu
from bot.telegram.replies import answer, drop_keyboard, send_photo
from bot.telegram.texts import Html, esc


def invite_link(context: Context, kind: str, code: str) -> str:
    """A t.me start link to this bot carrying `<kind>_<code>`."""
    return f"https://t.me/{context.bot.username}?start={kind}_{code}"


def cohort_menu(context: Context, cohort: cohorts.Cohort) -> Markup:
    """The buttons under a cohort card."""
    lang, cid = context.lang, cohort.id

    def b(key: str, action: str) -> Button:
        return Button(ct(lang, key), callback_data=cb.cohort(action, cid))

    return Markup(
        [
            [b("btn_overview", "ov"), b("btn_heatmap", "hm"), b("btn_recent", "rs")],
            [b("btn_qr", "qr"), b("btn_revoke", "rv"), b("btn_calibrate", "cal")],
            [b("btn_csv", "csv"), b("btn_html", "html")],
        ]
    )


def cohort_card(context: Context, cohort: cohorts.Cohort, members: int) -> Html:
    """Name, size, code and link of a cohort."""
    code = cohort.code or ct(context.lang, "cohort_closed")
    link = cohorts.deep_link(context.bot.username, cohort.code) if cohort.code else ""
    size = i18n.plural(context.lang, "coach.members_count", members)
    return ct(context.lang, "cohort_card", name=cohort.name, members=size, code=code, link=link)


@rep
@refusals
async def coach(update: Update, context: Context) -> None:
    """/coach: admins get an invite link (or grant a user id); anyone may redeem an invite."""
    me, arg = await actor(update, context), arg_text(context)
    data = records(context)
    if arg and not arg.isdigit():
        await call(roles.redeem_invite, data, me.user_id, arg)
        await set_coach_menu(context.bot, context.services, me.user_id)
        await answer(update, context, ct(context.lang, "coach_welcome"))
    elif arg:
        await call(roles.grant_coach, data, me, arg)
        await set_coach_menu(context.bot, context.services, arg)
        await answer(update, context, ct(context.lang, "coach_granted", user=arg))
    elif me.role == Role.COACH:
        await answer(update, context, ct(context.lang, "coach_help"))
    else:
        code = await call(roles.create_invite, data, me)
        link = invite_link(context, "coach", code)
        await answer(update, context, ct(context.lang, "coach_invite", link=link, code=code))


@for_users(Role.COACH)
@refusals
async def cohort_new(update: Update, context: Context) -> None:
    """/cohort_new NAME: create a cohort and show its code, link and QR code."""
    name = arg_text(context)
    if not name:
        await answer(update, context, ct(context.lang, "cohort_name_missing"))
        return
    cohort = await call(cohorts.create_cohort, records(context), await actor(update, context), name)
    assert cohort.code is not None and update.effective_chat is not None
    link = cohorts.deep_link(context.bot.username, cohort.code)
    text = ct(context.lang, "cohort_created", name=cohort.name, code=cohort.code, link=link)
    await answer(update, context, text, cohort_menu(context, cohort))
    png = await call(qr_png, link)
    await send_photo(
        context, update.effective_chat.id, png, ct(context.lang, "qr_caption", name=cohort.name)
    )


@for_users(Role.COACH)
async def list_cohorts(update: Update, context: Context) -> None:
    """/cohorts: one card with buttons per cohort the coach runs."""
    data, me = records(context), await actor(update, context)
    mine = await call(cohorts.coach_cohorts, data, me)
    if not mine:
        await answer(update, context, ct(context.lang, "no_cohorts"))
    for cohort in mine:
        size = len(await call(cohorts.members, data, cohort.id))
        await answer(
            update, context, cohort_card(context, cohort, size), cohort_menu(context, cohort)
        )


async def _join(update: Update, context: Context, code: str) -> None:
    """Join with a code and say plainly what the coach will see."""
    user = update.effective_user
    assert user is not None
    cohort, new = await call(cohorts.join, records(context), str(user.id), code, user.full_name)
    store = context.services.store
    if not (await store.profile(str(user.id))).get("lang"):
        # Messages from the coach (reviews, rounds) reach the rep in the language they use now.
        await store.update_user(str(user.id), lang=context.lang)
    key = "joined" if new else "already_member"
    told = esc(cohorts.can_see(context.lang, cohort.coach_name))
    await answer(update, context, Html(ct(context.lang, key, cohort=cohort.name) + "\n\n" + told))


@rep
@refusals
async def join(update: Update, context: Context) -> None:
    """/join CODE."""
    code = arg_text(context)
    if not code:
        await answer(update, context, ct(context.lang, "join_usage"))
        return
    await _join(update, context, code)


@refusals
async def _start_link(update: Update, context: Context) -> None:
    """Act on a start payload: join a cohort or redeem a coach invite."""
    payload = arg_text(context)
    code = cohorts.code_from_start(payload)
    if code is not None:
        await _join(update, context, code)
    elif payload.startswith("coach_"):
        assert update.effective_user is not None
        user_id = str(update.effective_user.id)
        await call(roles.redeem_invite, records(context), user_id, payload[len("coach_") :])
        await set_coach_menu(context.bot, context.services, user_id)
        await answer(update, context, ct(context.lang, "coach_welcome"))


@rep
async def start_link(update: Update, context: Context) -> None:
    """/start join_<code> or coach_<code> from a link or QR code. Someone new through a join
    link is welcomed and onboarded as /start would (welcome, the join, the language choice)."""
    assert update.effective_user is not None
    joining = cohorts.code_from_start(arg_text(context)) is not None
    store = context.services.store
    new = joining and await store.get_user(str(update.effective_user.id)) is None
    if new:
        await start.welcome(update, context)
    await _start_link(update, context)  # a code that doesn't work is answered, not raised
    if new:
        await start.choose_lang(update, context)
    raise ApplicationHandlerStop


@rep
@refusals
async def leave(update: Update, context: Context) -> None:
    """/leave: leave your cohort (buttons when you are in several)."""
    assert update.effective_user is not None
    user_id, data = str(update.effective_user.id), records(context)
    mine = await call(cohorts.rep_cohorts, data, user_id)
    if not mine:
        await answer(update, context, ct(context.lang, "not_in_cohort"))
    elif len(mine) == 1:
        await call(cohorts.leave, data, user_id, mine[0].id)
        await answer(update, context, ct(context.lang, "left", cohort=mine[0].name))
    else:
        rows = [[Button(c.name, callback_data=f"lv:{c.id}")] for c in mine]
        await answer(update, context, ct(context.lang, "pick_cohort"), Markup(rows))


@rep
@button
async def leave_button(update: Update, context: Context) -> None:
    """Leave the cohort pressed."""
    assert update.effective_user is not None and context.match is not None
    user_id, data = str(update.effective_user.id), records(context)
    mine = {c.id: c for c in await call(cohorts.rep_cohorts, data, user_id)}
    cohort = mine.get(context.match.group(1))
    if cohort is not None:
        await drop_keyboard(update)
        await call(cohorts.leave, data, user_id, cohort.id)
        await answer(update, context, ct(context.lang, "left", cohort=cohort.name))


def register(app: App) -> None:
    """Add this module's handlers; start links run before the plain /start welcome."""
    private = filters.ChatType.PRIVATE
    links = private & filters.Regex(r"^/start(@\w+)? +(join|coach)_")
    app.add_handler(CommandHandler("start", start_link, filters=links), group=-1)
    app.add_handler(CommandHandler("coach", coach, filters=private))
    app.add_handler(CommandHandler("cohort_new", cohort_new, filters=private))
    app.add_handler(CommandHandler("cohorts", list_cohorts, filters=private))
    app.add_handler(CommandHandler("join", join, filters=private))
    app.add_handler(CommandHandler("leave", leave, filters=private))
    app.add_handler(CallbackQueryHandler(leave_button, pattern=cb.LEAVE))
