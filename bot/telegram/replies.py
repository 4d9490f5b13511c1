"""Sending to a chat: long HTML split into parts, the typing indicator, documents and photos."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError

from bot.telegram.context import Context
from bot.telegram.format import MAX_CAPTION, split_html
from bot.telegram.ordering import PerChatUpdateProcessor
from bot.telegram.texts import Html
from bot.telegram.transport import background

log = logging.getLogger(__name__)

#: The indicator is only sent when the customer takes longer than this (the offline customer
#: answers at once, and every API call counts against Telegram's 30 messages a second).
TYPING_AFTER = 0.3
#: Telegram shows "typing…" for about 5 seconds per chat action.
TYPING_EVERY = 4.5
#: With more chats than this being answered at once (a workshop replying together) the
#: indicator is left out: Telegram counts it against the bot's 30 messages a second, and 200
#: of them would only delay the answers they announce.
TYPING_MAX_CHATS = 8

_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def send(
    context: Context,
    chat_id: int,
    text: Html,
    markup: InlineKeyboardMarkup | None = None,
    reply_to: int | None = None,
) -> Message:
    """Send HTML, split into several messages if needed; the keyboard goes on the last part."""
    parts = split_html(text)
    message: Message | None = None
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        message = await context.bot.send_message(
            chat_id,
            part,
            parse_mode=ParseMode.HTML,
            link_preview_options=_NO_PREVIEW,
            reply_markup=markup if last else None,
            reply_parameters=(
                ReplyParameters(reply_to, allow_sending_without_reply=True)
                if reply_to and i == 0
                else None
            ),
        )
    assert message is not None, "split_html never returns an empty list for non-empty text"
    return message


async def answer(
    update: Update, context: Context, text: Html, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Reply in the chat the update came from (nothing if it has no chat)."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await send(context, chat.id, text, markup)


async def drop_keyboard(update: Update) -> None:
    """Remove the buttons from the message whose button was pressed (once they are used up)."""
    query = update.callback_query
    if query is not None and query.message is not None:
        with contextlib.suppress(TelegramError):
            await query.edit_message_reply_markup(None)


async def edit(update: Update, text: Html, markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace the text (and buttons) of the message whose button was pressed."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_text(
            split_html(text)[0],
            parse_mode=ParseMode.HTML,
            link_preview_options=_NO_PREVIEW,
            reply_markup=markup,
        )
    except BadRequest as exc:  # pressing the same button twice changes nothing
        if "not modified" not in exc.message.lower():
            raise


async def send_document(
    context: Context, chat_id: int, data: bytes, filename: str, caption: Html
) -> Message:
    """Send bytes as a file with an HTML caption."""
    return await context.bot.send_document(
        chat_id,
        data,
        filename=filename,
        caption=split_html(caption, MAX_CAPTION)[0],
        parse_mode=ParseMode.HTML,
    )


async def send_photo(context: Context, chat_id: int, png: bytes, caption: Html) -> Message:
    """Send PNG bytes as a photo with an HTML caption."""
    return await context.bot.send_photo(
        chat_id, png, caption=split_html(caption, MAX_CAPTION)[0], parse_mode=ParseMode.HTML
    )


async def show_action(context: Context, chat_id: int, action: ChatAction) -> None:
    """Show a chat action ("sending photo…") for the next few seconds; a nicety that never fails."""
    try:
        await context.bot.send_chat_action(chat_id, action)
    except TelegramError as exc:
        log.info("%s indicator failed in chat %s: %s", action, chat_id, exc)


def crowded(context: Context) -> bool:
    """Whether more than TYPING_MAX_CHATS chats are being answered at this moment."""
    processor = context.application.update_processor
    busy = processor.waiting_chats if isinstance(processor, PerChatUpdateProcessor) else 0
    return busy > TYPING_MAX_CHATS


class Typing:
    """Shows "typing…" in a chat from `start()` until `stop()`, if that takes longer than
    TYPING_AFTER seconds and the bot is not crowded; also usable as `async with Typing(...)`.

    An indicator already on its way is let land before `stop()` returns: cut off, it would
    cost its connection, and it might still arrive after the answer it announces."""

    def __init__(self, context: Context, chat_id: int) -> None:
        self.context = context
        self.chat_id = chat_id
        self._task: asyncio.Task[None] | None = None
        self._sending: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin (after the grace period) to show the indicator."""
        if self._task is None:
            self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        """Stop showing the indicator; safe to call twice."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        sending, self._sending = self._sending, None
        if sending is not None:
            await sending

    async def __aenter__(self) -> Typing:
        self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _run(self) -> None:
        await asyncio.sleep(TYPING_AFTER)
        while True:
            if not crowded(self.context):
                self._sending = asyncio.ensure_future(self._show())
                await asyncio.shield(self._sending)  # on `stop`, it finishes there
                self._sending = None
            await asyncio.sleep(TYPING_EVERY)

    async def _show(self) -> None:
        try:
            with background():  # never ahead of someone's answer
                await self.context.bot.send_chat_action(self.chat_id, ChatAction.TYPING)
        except TelegramError as exc:  # a nicety: never fail a turn over it
            log.info("typing indicator failed in chat %s: %s", self.chat_id, exc)
