"""Bursts: a rep's messages that arrive close together are one turn; a double send is dropped.

Reps type the way they talk: "hej" / "jag undrar en sak" / "vad behöver ni?". Each text
goes into the chat's pending burst and (re)starts a timer of `SALESCOACH_BURST_WINDOW`
seconds; when it runs out the burst's last update is handed to the application once more and
the texts are played as one turn within it, so every handler sees the turn as part of an
update, as without bursts. Any other update in the chat (a
command, a button, a voice note) first plays what is pending and waits for the turn being
played, so `/end` right after a burst still ends after that turn. Turns of one chat never
overlap (`Burst.playing`). The window, clock and sleep come from `Services.pace`, so tests
control time instead of measuring it.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import TypeHandler

from bot.telegram import flow
from bot.telegram.context import App, Burst, Context

#: Handler group of `settle`: before every other group (only one handler per group runs).
SETTLE_GROUP = -10


def _repeat(context: Context, text: str) -> bool:
    """Whether `text` repeats the chat's previous message within the repeat window; remembers
    it either way."""
    pace, burst = context.services.pace, context.chat.burst
    now, key = pace.clock(), " ".join(text.split()).casefold()
    repeated = bool(key) and key == burst.last_text and now - burst.last_at < pace.repeat_window
    burst.last_text, burst.last_at = key, now
    return repeated


async def receive(update: Update, context: Context) -> None:
    """A rep's text: dropped if it repeats the last one, else played after the burst window."""
    message, user = update.effective_message, update.effective_user
    assert message is not None and message.text is not None and user is not None
    chat_id, text, message_id = message.chat_id, message.text, message.message_id
    burst, window = context.chat.burst, context.services.pace.window
    if message_id in burst.due:  # the window ran out: this update comes back to play the burst
        burst.due.discard(message_id)
        await _play(context, chat_id, burst)
        return
    if _repeat(context, text):
        return
    if window <= 0:  # no bursts: the handler plays the turn itself
        async with burst.playing:
            await flow.play(context, chat_id, str(user.id), text, message_id)
        return
    burst.texts.append(text)
    burst.message_id, burst.user_id = message_id, str(user.id)
    if burst.timer is not None:
        burst.timer.cancel()
    # Through the application, so a pending burst is still played when the bot stops.
    burst.timer = context.application.create_task(_after_window(update, context, burst))


async def _after_window(update: Update, context: Context, burst: Burst) -> None:
    """Once the window has run out, hand the burst's last update to the application again:
    every handler then sees the turn as part of an update (the round leaderboard notices a
    finished session, a failing turn reaches the error handler)."""
    await context.services.pace.sleep(context.services.pace.window)
    burst.timer = None  # from here on a new message starts a new burst instead of cancelling
    assert update.effective_message is not None
    burst.due.add(update.effective_message.message_id)
    await context.application.process_update(update)


async def _play(context: Context, chat_id: int, burst: Burst) -> None:
    """Play the pending texts as one turn, after the turn being played (if any)."""
    text, message_id = burst.take()
    if not text:
        return
    async with burst.playing:
        await flow.play(context, chat_id, burst.user_id, text, message_id)


def _is_reply(update: Update) -> bool:
    """A plain text message in a private chat: what `receive` collects into bursts."""
    message = update.message
    return (
        message is not None
        and message.chat.type == "private"
        and message.text is not None
        and not message.text.startswith("/")
    )


async def settle(update: object, context: Context) -> None:
    """Before any other update in a chat: play the pending burst and wait for the turn."""
    if not isinstance(update, Update) or update.effective_chat is None or _is_reply(update):
        return
    burst = context.chat.burst
    burst.last_text = (
        ""  # after a command or a button the same words are a new reply, not a double send
    )
    if burst.timer is not None:
        burst.timer.cancel()
        burst.timer = None
        await _play(context, update.effective_chat.id, burst)
    async with burst.playing:
        pass


def register(app: App) -> None:
    """Add `settle` ahead of every other handler."""
    app.add_handler(TypeHandler(Update, settle), group=SETTLE_GROUP)
