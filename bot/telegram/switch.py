"""Starting a role-play while another one is going: a button (often an old one) asks first."""

from __future__ import annotations

from telegram import Update

from bot.core.session import Mode
from bot.telegram import flow, keyboards
from bot.telegram.context import Context
from bot.telegram.replies import send
from bot.telegram.texts import tn


async def ask_first(
    update: Update, context: Context, scenario_id: str, level: int, mode: Mode
) -> bool:
    """Ask before a role-play with replies is ended for a new one; True if the rep was asked."""
    assert update.effective_user is not None and update.effective_chat is not None
    ongoing = await flow.active(context, str(update.effective_user.id))
    if ongoing is None or not ongoing.turns:  # nothing of the rep's would be lost
        return False
    lang = context.lang
    title = context.services.practice.scenario(ongoing.scenario_id).title(lang)
    question = tn(lang, "flow.switch_ask", len(ongoing.turns), title=title)
    markup = keyboards.switch(scenario_id, level, mode, lang)
    await send(context, update.effective_chat.id, question, markup)
    return True
