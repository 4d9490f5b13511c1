"""/progress (chart and summary) and /history (recent sessions, each opening its transcript)."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot import i18n
from bot.charts import progress_chart
from bot.coaching.records import Records
from bot.coaching.reviews import transcript_reviews
from bot.errors import StoreError
from bot.render.transcript import render_transcript_html
from bot.telegram import callbacks, flow, keyboards
from bot.telegram.cards import progress_text
from bot.telegram.coach_common import call
from bot.telegram.context import App, Context
from bot.telegram.decorators import StaleButton, button, rep
from bot.telegram.format import date
from bot.telegram.replies import answer, send_document, send_photo, show_action
from bot.telegram.texts import esc, t

HISTORY_LENGTH = 10

log = logging.getLogger(__name__)


@rep
async def show_progress(update: Update, context: Context) -> None:
    """The progress chart as a photo, then a short summary with what to train next."""
    assert update.effective_user is not None and update.effective_chat is not None
    practice, lang = context.services.practice, context.lang
    found = await flow.progress_of(context, str(update.effective_user.id))
    if not found.sessions:
        await answer(update, context, t(lang, "progress_empty"))
        return
    chat_id = update.effective_chat.id
    await show_action(context, chat_id, ChatAction.UPLOAD_PHOTO)  # drawing takes a moment
    png = await asyncio.to_thread(progress_chart, found, practice.rubric, lang)
    await send_photo(context, chat_id, png, t(lang, "progress_caption"))
    await answer(update, context, progress_text(found, practice.rubric, practice.scenarios, lang))


@rep
async def history(update: Update, context: Context) -> None:
    """The rep's recent sessions as buttons."""
    assert update.effective_user is not None
    store, lang = context.services.store, context.lang
    user_id = str(update.effective_user.id)
    # Sessions ended before any reply were never scored: they are not part of the history.
    stored = await store.sessions(user_id)
    recent = [s for s in stored if s.turns][:HISTORY_LENGTH]
    if damaged := await store.unreadable(user_id):  # the rest is listed; say what is not
        files = ", ".join(path.stem for path in damaged)
        await answer(
            update, context, esc(i18n.plural(lang, "store.unreadable", len(damaged), files=files))
        )
    if not recent:
        await answer(update, context, t(lang, "history_empty"))
        return
    markup = keyboards.history(recent, context.services.practice.scenarios, lang)
    await answer(update, context, t(lang, "history"), markup)


@rep
@button
async def transcript(update: Update, context: Context) -> None:
    """Send one of the rep's own sessions as an HTML document."""
    assert context.match is not None and update.effective_user and update.effective_chat
    try:
        session = await context.services.store.load_session(context.match.group(1))
    except StoreError:
        raise StaleButton from None
    if session.user_id != str(update.effective_user.id):
        raise StaleButton  # a forged button naming someone else's session
    practice, lang = context.services.practice, context.lang
    scenario = practice.scenario(session.scenario_id)
    title, customer = scenario.title(session.lang), scenario.persona.name
    try:
        notes = await call(transcript_reviews, Records(context.services.store), session.id)
    except StoreError as exc:  # damaged reviews: the transcript itself is not in that file
        log.warning("%s", exc)
        notes = []
    page = render_transcript_html(
        session, practice.rubric, reviews=notes, title=title, customer=customer
    )
    name = f"transcript-{session.scenario_id}-{date(session.started_at)[:10]}.html"
    caption = t(
        lang, "transcript_caption", title=scenario.title(lang), date=date(session.started_at)
    )
    await send_document(context, update.effective_chat.id, page.encode("utf-8"), name, caption)


def register(app: App) -> None:
    """Add this module's handlers."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("progress", show_progress, filters=private))
    app.add_handler(CommandHandler("history", history, filters=private))
    app.add_handler(CallbackQueryHandler(transcript, pattern=callbacks.TRANSCRIPT))
