"""Transcript review: per-turn scores, confirm or correct a score, comment; the rep is told."""

from __future__ import annotations

from typing import Any

from telegram import ForceReply, Update
from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram.constants import ParseMode
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, MessageHandler, filters

from bot.coaching import reviews
from bot.coaching.access import Actor, Role, coached_membership, open_session
from bot.core.session import Session, Turn
from bot.hygiene import clean
from bot.render.transcript import render_transcript_html
from bot.telegram import coach_callbacks as cb
from bot.telegram.coach_common import (
    actor,
    call,
    records,
    refusals,
    scenario_title,
    user_lang,
)
from bot.telegram.coach_texts import cl, ct
from bot.telegram.context import App, Context
from bot.telegram.decorators import button, for_users, resolve_lang
from bot.telegram.replies import answer, drop_keyboard, send_document
from bot.telegram.texts import Html, label, t

#: Store table: which turn each comment prompt asks about, so a reply to it finds its turn
#: after a restart too (the prompt itself shows no internal reference).
PROMPTS = "comment_prompts"
#: Handler group of `drop_comment`: its own, so it runs beside every command's handler.
COMMENT_GROUP = -2


def _criterion(context: Context, which: int) -> str | None:
    """The criterion id a button index names (None for overall); ValueError if out of range."""
    ids = context.services.practice.rubric.ids
    if which == cb.OVERALL:
        return None
    if not 0 <= which < len(ids):
        raise ValueError(which)
    return ids[which]


def transcript_text(
    context: Context, session: Session, name: str, notes: list[reviews.Review]
) -> Html:
    """The session turn by turn with the judge's scores and the coach's corrections."""
    lang, found = context.lang, reviews.latest_overrides(notes)
    overall = round(sum(t.judgement.overall for t in session.turns) / max(len(session.turns), 1))
    head = ct(
        lang,
        "transcript_head",
        rep=name,
        scenario=scenario_title(context, session.scenario_id),
        level=session.level,
        overall=overall,
    )
    turns = [turn_text(context, turn, found) for turn in session.turns]
    return Html("\n\n".join([head, *turns]))


def turn_text(context: Context, turn: Turn, found: dict[tuple[int, str], int]) -> Html:
    """One turn: the customer's line, the reply, the judge's scores and the coach's changes."""
    lang, rubric = context.lang, context.services.practice.rubric
    coach = found.get((turn.index, "overall"))
    mark = ct(lang, "coach_mark", score=coach) if coach is not None else ""
    scores = " · ".join(
        f"{rubric.criterion(c).name(lang)} {score}" + corrected(found, turn.index, c)
        for c, score in turn.judgement.criteria.items()
        if score is not None
    )
    return ct(
        lang,
        "turn_block",
        n=turn.index + 1,
        overall=turn.judgement.overall,
        coach=Html(mark),
        customer=turn.customer_line[:300],
        reply=turn.reply[:600],
        scores=scores,
    )


def corrected(found: dict[tuple[int, str], int], index: int, criterion: str) -> str:
    """`→4` when the coach changed the judge's score on this turn, else nothing."""
    return f"→{found[(index, criterion)]}" if (index, criterion) in found else ""


def turn_buttons(context: Context, session: Session) -> Markup:
    """Per turn: confirm, correct, comment."""
    rows = []
    for turn in session.turns[:30]:
        n, uid, sid = turn.index, session.user_id, session.id
        rows.append(
            [
                Button(f"✓ {n + 1}", callback_data=cb.turn("ok", uid, sid, n)),
                Button(f"✏️ {n + 1}", callback_data=cb.turn("fx", uid, sid, n)),
                Button(f"💬 {n + 1}", callback_data=cb.turn("cm", uid, sid, n)),
            ]
        )
    return Markup(rows)


async def rep_name(context: Context, me: Actor, user_id: str) -> str:
    """The name the rep joined the coach's cohort with."""
    membership = await call(coached_membership, records(context), me, user_id)
    return str(membership["name"]) if membership else user_id


async def notify_rep(context: Context, me: Actor, session: Session, review: reviews.Review) -> None:
    """Tell the rep what the coach said, with the transcript that now shows it."""
    practice, data = context.services.practice, records(context)
    lang = await user_lang(context, session.user_id)
    what = []
    if review.overall is not None:
        what.append(f"{cl(lang, 'btn_overall')}: {review.overall}/100")
    what += [
        f"{practice.rubric.criterion(c).name(lang)}: {s}/5" for c, s in review.criteria.items()
    ]
    if review.comment:
        what.append(f"“{review.comment}”")
    turn = ct(lang, "turn_ref", n=review.turn + 1) if review.turn is not None else ""
    scenario = practice.scenario(session.scenario_id).title(lang)
    text = ct(
        lang,
        "rep_notified",
        coach=me.name,
        scenario=scenario,
        turn=Html(turn),
        what="\n".join(what),
    )
    found = await call(reviews.transcript_reviews, data, session.id)
    page = render_transcript_html(session, practice.rubric, reviews=found, title=scenario)
    await send_document(
        context, int(session.user_id), page.encode(), f"transcript-{session.id}.html", text
    )


async def _save(update: Update, context: Context, user_id: str, sid: str, **review: object) -> None:
    """Store a review, tell the rep, confirm to the coach."""
    me, data = await actor(update, context), records(context)
    saved = await call(reviews.add_review, data, me, user_id, sid, **review)
    session = await call(open_session, data, me, user_id, sid)
    if saved.overall is not None or saved.criteria or saved.comment:
        await notify_rep(context, me, session, saved)
        await answer(
            update,
            context,
            ct(context.lang, "review_saved", rep=await rep_name(context, me, user_id)),
        )
    else:
        await answer(update, context, ct(context.lang, "review_confirmed", n=(saved.turn or 0) + 1))


@for_users(Role.COACH)
@button
@refusals
async def open_review(update: Update, context: Context) -> None:
    """Open a member's transcript with per-turn review buttons."""
    assert context.match is not None
    user_id, sid = context.match.group(1), context.match.group(2)
    data = records(context)
    session = await call(open_session, data, await actor(update, context), user_id, sid)
    name = await rep_name(context, await actor(update, context), user_id)
    notes = await call(reviews.reviews_of, data, session.id)
    text = transcript_text(context, session, name, notes)
    await answer(update, context, text, turn_buttons(context, session))


@for_users(Role.COACH)
@button
@refusals
async def turn_action(update: Update, context: Context) -> None:
    """Confirm a turn's scores, pick what to correct, or ask for a comment."""
    assert context.match is not None and update.effective_chat is not None
    action, user_id, sid, n = context.match.groups()
    index = int(n)
    if action == "ok":
        await _save(update, context, user_id, sid, turn=index, confirmed=True)
        return
    session = await call(open_session, records(context), await actor(update, context), user_id, sid)
    if index >= len(session.turns):
        return
    if action == "cm":
        await _ask_comment(context, update.effective_chat.id, user_id, sid, index)
        return
    rows = criterion_rows(context, session.turns[index], cb_turn=(user_id, sid, index))
    await answer(update, context, ct(context.lang, "review_pick", n=index + 1), Markup(rows))


def criterion_rows(
    context: Context, turn: Turn, cb_turn: tuple[str, str, int]
) -> list[list[Button]]:
    """One button per criterion the judge scored on this turn, then one for the overall score."""
    rubric, lang = context.services.practice.rubric, context.lang
    scored = [c for c, s in turn.judgement.criteria.items() if s is not None]
    choices = [(rubric.criterion(c).name(lang), rubric.ids.index(c)) for c in scored]
    choices.append((cl(lang, "btn_overall"), cb.OVERALL))
    return [
        [Button(label, callback_data=cb.criterion(*cb_turn, which))] for label, which in choices
    ]


@for_users(Role.COACH)
@button
@refusals
async def pick_score(update: Update, context: Context) -> None:
    """Score buttons for the chosen criterion (0-5) or overall (0-100 in steps of 10)."""
    assert context.match is not None
    user_id, sid, n, w = context.match.groups()
    index, cid = int(n), _criterion(context, int(w))
    session = await call(open_session, records(context), await actor(update, context), user_id, sid)
    if index >= len(session.turns):
        return
    judgement = session.turns[index].judgement
    judge = judgement.overall if cid is None else judgement.criteria.get(cid)
    values = range(0, 101, 10) if cid is None else range(6)
    buttons = [
        Button(str(v), callback_data=cb.score(user_id, sid, index, int(w), v)) for v in values
    ]
    what = (
        cl(context.lang, "btn_overall")
        if cid is None
        else context.services.practice.rubric.criterion(cid).name(context.lang)
    )
    text = ct(
        context.lang, "review_score", n=index + 1, what=what, judge="–" if judge is None else judge
    )
    await drop_keyboard(update)  # the criterion is chosen: those buttons are used up
    await answer(
        update, context, text, Markup([buttons[:6], buttons[6:]] if cid is None else [buttons])
    )


@for_users(Role.COACH)
@button
@refusals
async def set_score(update: Update, context: Context) -> None:
    """Store the coach's score beside the judge's."""
    assert context.match is not None
    user_id, sid, n, w, v = context.match.groups()
    cid, value = _criterion(context, int(w)), int(v)
    await drop_keyboard(update)
    if cid is None:
        await _save(update, context, user_id, sid, turn=int(n), overall=value)
    else:
        await _save(update, context, user_id, sid, turn=int(n), criteria={cid: value})


async def _ask_comment(context: Context, chat_id: int, user_id: str, sid: str, index: int) -> None:
    """Open the coach's reply box for a comment on one turn; their next text is the comment."""
    lang, n = context.lang, index + 1
    box = ForceReply(input_field_placeholder=label(lang, "flow.comment_placeholder", n=n))
    prompt = await context.bot.send_message(
        chat_id,
        t(lang, "flow.comment_prompt", n=n),
        parse_mode=ParseMode.HTML,
        reply_markup=box,
    )
    target = {"user_id": user_id, "session_id": sid, "turn": index}
    prompts = context.services.store.table(PROMPTS)
    await prompts.upsert(f"{chat_id}:{prompt.message_id}", target)
    await prompts.upsert(f"{chat_id}:next", target)  # the next text, even after a restart
    context.chat.comment_for, context.chat.comment_loaded = target, True


async def _comment_target(update: Update, context: Context) -> dict[str, Any] | None:
    """The turn a text comments on: the prompt it replies to, else the one just asked for."""
    message, prompts = update.message, context.services.store.table(PROMPTS)
    prompt = message.reply_to_message if message else None
    if (
        prompt is not None
        and prompt.from_user is not None
        and prompt.from_user.id == context.bot.id
    ):
        found = await prompts.get(f"{prompt.chat_id}:{prompt.message_id}")
        if found is not None:
            return found
    if not context.chat.comment_loaded and message is not None:  # a fresh or restarted bot
        context.chat.comment_for = await prompts.get(f"{message.chat_id}:next")
        context.chat.comment_loaded = True
    return context.chat.comment_for


@refusals
async def comment_reply(update: Update, context: Context) -> None:
    """A coach's text after a comment prompt (a reply to it, or just typed) is the comment;
    any other text passes through to the role-play."""
    target = await _comment_target(update, context)
    if target is None or update.message is None:
        return
    context.chat.comment_for = None
    await context.services.store.table(PROMPTS).remove(f"{update.message.chat_id}:next")
    await resolve_lang(update, context)
    user_id, sid, n = str(target["user_id"]), str(target["session_id"]), int(target["turn"])
    await _save(update, context, user_id, sid, turn=n, comment=clean(update.message.text or ""))
    raise ApplicationHandlerStop


async def drop_comment(update: Update, context: Context) -> None:
    """A command after a comment prompt: the coach moved on, so their next text is not a comment."""
    if context.chat.comment_for is not None and update.message is not None:
        context.chat.comment_for = None
        await context.services.store.table(PROMPTS).remove(f"{update.message.chat_id}:next")


def register(app: App) -> None:
    """Add this module's handlers; comments are caught before the role-play's replies."""
    texts = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(texts, comment_reply), group=-1)
    commands = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.COMMAND
    app.add_handler(MessageHandler(commands, drop_comment), group=COMMENT_GROUP)
    app.add_handler(CallbackQueryHandler(open_review, pattern=cb.OPEN))
    app.add_handler(CallbackQueryHandler(turn_action, pattern=cb.TURN))
    app.add_handler(CallbackQueryHandler(pick_score, pattern=cb.CRITERION))
    app.add_handler(CallbackQueryHandler(set_score, pattern=cb.SCORE))
