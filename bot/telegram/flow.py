"""A role-play's life in a chat: start, each turn, hint, end with the report card.

Handlers call these; these call the domain (`Practice`) and the store, and render with
`cards`. The active session is cached in the chat's data and, when the cache is empty (a
fresh or restarted bot), resumed from the store, which is written after every change.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from bot import i18n
from bot.core.practice import MAX_REPLY_CHARS, clean_reply
from bot.core.progress import MEDAL_RANK, Progress, progress
from bot.core.session import Mode, Session
from bot.errors import StoreError
from bot.telegram import keyboards
from bot.telegram.cards import (
    customer_text,
    feedback_text,
    paragraphs,
    report_text,
    start_text,
)
from bot.telegram.context import Context
from bot.telegram.replies import Typing, send
from bot.telegram.texts import esc, t
from bot.telegram.transport import after_answers, background

log = logging.getLogger(__name__)


async def active(context: Context, user_id: str) -> Session | None:
    """The rep's ongoing session: cached in the chat, else resumed from the store."""
    chat = context.chat
    if not chat.session_loaded:
        chat.session = await context.services.store.active_session(user_id)
        chat.session_loaded = True
    if chat.session is not None and chat.session.finished:
        chat.session = None
    return chat.session


async def begin(
    context: Context, chat_id: int, user_id: str, scenario_id: str, level: int, mode: Mode
) -> Session:
    """Start a role-play (ending any ongoing one) and show the situation and opening line."""
    practice, store = context.services.practice, context.services.store
    previous = await active(context, user_id)
    if previous is not None:
        practice.stop(previous)
        await store.save_session(previous)
    session = practice.start(
        user_id=user_id, scenario_id=scenario_id, lang=context.lang, level=level, mode=mode
    )
    await store.save_session(session)
    context.chat.session, context.chat.session_loaded = session, True
    scenario = practice.scenario(scenario_id)
    note = t(session.lang, "previous_stopped") if previous is not None else ""
    await send(context, chat_id, paragraphs([note, start_text(scenario, session)]))
    await send(context, chat_id, customer_text(scenario, session.opening, session.lang))
    return session


async def play(
    context: Context, chat_id: int, user_id: str, text: str, message_id: int | None = None
) -> None:
    """One turn: the rep's reply goes to the customer, whose answer is sent as soon as it is
    ready; then (practice mode) the feedback, and the report card if the session ended."""
    session = await active(context, user_id)
    if session is None:
        await send(context, chat_id, t(context.lang, "no_session"))
        return
    lang, practice = session.lang, context.services.practice
    if not text.strip():
        await send(context, chat_id, t(lang, "empty_reply"))
        return
    if clean_reply(text)[1]:
        note = t(lang, "truncated", length=len(text.strip()), limit=MAX_REPLY_CHARS)
        await send(context, chat_id, note, reply_to=message_id)
    scenario = practice.scenario(session.scenario_id)
    typing = Typing(context, chat_id)

    async def on_customer(line: str) -> None:
        await typing.stop()
        await send(context, chat_id, customer_text(scenario, line, lang))

    typing.start()
    try:
        result = await practice.reply(session, text, on_customer=on_customer)
    finally:
        await typing.stop()
    # Under load, every customer's line being sent goes out before this turn is written and
    # its feedback rendered: the answers are what a workshop waits for.
    await after_answers(context.bot)
    # The score is the turn's acknowledgement, so it waits for the turn to be on disk.
    if not await saved(context, chat_id, session):
        return
    if session.mode == "practice":
        with background():  # yields to other reps' customer answers under load
            await send(context, chat_id, feedback_text(result.turn, lang), reply_to=message_id)
    if result.finished:
        await finish(context, chat_id, session)


async def saved(context: Context, chat_id: int, session: Session) -> bool:
    """Write the session; if the disk refuses, say plainly that the turn was not saved and
    forget it here too, so that sending it again stores it once (the disk is the truth)."""
    try:
        await context.services.store.save_session(session)
    except StoreError as exc:
        log.error("turn not saved: %s", exc)
        context.chat.session, context.chat.session_loaded = None, False
        context.chat.burst.last_text = ""  # the resend we ask for is not a double send
        await send(context, chat_id, esc(i18n.text(session.lang, "store.turn_not_saved")))
        return False
    return True


async def finish(context: Context, chat_id: int, session: Session) -> None:
    """End the session (if still going), save it and send the report card."""
    practice = context.services.practice
    card = practice.stop(session)
    await context.services.store.save_session(session)
    if context.chat.session is session:
        context.chat.session = None
    if not session.turns:  # nothing to score: no card, and it counts nowhere
        await send(context, chat_id, t(session.lang, "flow.ended_unanswered"))
        return
    scenario = practice.scenario(session.scenario_id)
    text = report_text(card, session, scenario, practice.rubric)
    written = await practice.summary(session, card)
    if written:  # the LLM engine's few sentences about the session
        text = paragraphs([text, t(session.lang, "summary", summary=written)])
    await send(context, chat_id, text, keyboards.report(session))


async def hint(context: Context, chat_id: int, user_id: str) -> None:
    """A nudge towards the weakest focus skill; none in exam mode."""
    session = await active(context, user_id)
    if session is None:
        await send(context, chat_id, t(context.lang, "no_session"))
    elif session.mode == "exam":
        await send(context, chat_id, t(session.lang, "hint_exam"))
    else:
        text = await context.services.practice.nudge(session)
        await context.services.store.save_session(session)
        await send(context, chat_id, t(session.lang, "hint", hint=text))


async def restart(context: Context, chat_id: int, user_id: str) -> None:
    """Start the ongoing (or else the latest) role-play over with a fresh customer."""
    session = await active(context, user_id)
    if session is None:
        latest = await context.services.store.sessions(user_id, limit=1)
        if not latest:
            await send(context, chat_id, t(context.lang, "no_session"))
            return
        scenario_id, level, mode = latest[0].scenario_id, latest[0].level, latest[0].mode
    else:
        scenario_id, level, mode = session.scenario_id, session.level, session.mode
    await send(context, chat_id, t(context.lang, "restarting"))
    await begin(
        context, chat_id, user_id, scenario_id, level, "exam" if mode == "exam" else "practice"
    )


async def end(context: Context, chat_id: int, user_id: str) -> None:
    """Finish the ongoing role-play at the rep's request."""
    session = await active(context, user_id)
    if session is None:
        await send(context, chat_id, t(context.lang, "no_session"))
    else:
        await finish(context, chat_id, session)


async def progress_of(context: Context, user_id: str) -> Progress:
    """The rep's progress over all their sessions."""
    practice = context.services.practice
    sessions = await context.services.store.load_sessions(user_id)
    focus = {sid: scenario.focus for sid, scenario in practice.scenarios.items()}
    zone = ZoneInfo(context.services.settings.timezone)  # the streak counts the rep's days
    return progress(sessions, practice.rubric, focus, tz=zone)


async def recommended(context: Context, user_id: str) -> tuple[str, int]:
    """(scenario id, level) to train next: the progress recommendation, else a new customer;
    one level up for each medal already won against that customer."""
    from bot.telegram.scenario_access import playable  # it builds on the coach modules

    scenarios = await playable(context, user_id)
    found = await progress_of(context, user_id)
    rec = found.recommendation
    scenario_id = rec.scenario_id if rec and rec.scenario_id in scenarios else None
    if scenario_id is None:
        played = {s.scenario_id for s in found.scenarios if s.sessions}
        scenario_id = next((sid for sid in scenarios if sid not in played), next(iter(scenarios)))
    medal = next((s.medal for s in found.scenarios if s.scenario_id == scenario_id), None)
    return scenario_id, min(3, 1 + MEDAL_RANK[medal])
