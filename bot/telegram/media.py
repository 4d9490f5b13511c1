"""Everything that is not a typed reply: stickers, photos, voice notes, edits, group chats,
unknown commands. Registered last, so it only sees what no other handler took."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.errors import EngineError
from bot.telegram import flow, keyboards
from bot.telegram.context import App, Context
from bot.telegram.decorators import StaleButton, button, lang_from_code, rep
from bot.telegram.replies import Typing, answer, send
from bot.telegram.texts import t


@rep
async def sticker(update: Update, context: Context) -> None:
    """A friendly word: the customer only understands text."""
    await answer(update, context, t(context.lang, "sticker"))


@rep
async def photo(update: Update, context: Context) -> None:
    """Images can't be read; ask for words."""
    await answer(update, context, t(context.lang, "photo"))


@rep
async def voice(update: Update, context: Context) -> None:
    """With the LLM engine, transcribe the voice note and play it as a reply."""
    message, user = update.effective_message, update.effective_user
    assert message is not None and message.voice is not None and user is not None
    services, chat_id = context.services, message.chat_id
    if services.transcribe is None:
        await answer(update, context, t(context.lang, "voice_needs_llm"))
        return
    if await flow.active(context, str(user.id)) is None:
        await answer(update, context, t(context.lang, "no_session"))
        return
    try:
        async with Typing(context, chat_id):
            audio = await (await message.voice.get_file()).download_as_bytearray()
            text = await services.transcribe(bytes(audio), "voice.ogg", services.settings)
    except EngineError:
        await answer(update, context, t(context.lang, "voice_failed"))
        return
    await send(context, chat_id, t(context.lang, "voice_heard", text=text), reply_to=message.id)
    await flow.play(context, chat_id, str(user.id), text, message.id)


@rep
async def other_media(update: Update, context: Context) -> None:
    """Documents, locations, videos …: only text works here."""
    await answer(update, context, t(context.lang, "other_media"))


@rep
async def edited(update: Update, context: Context) -> None:
    """The customer already heard the original; ask for a new message instead."""
    await answer(update, context, t(context.lang, "edited"))


@rep
async def unknown_command(update: Update, context: Context) -> None:
    """Point to /help."""
    await answer(update, context, t(context.lang, "unknown_command"))


@rep
@button
async def unknown_button(update: Update, context: Context) -> None:
    """Callback data no handler claimed: an old keyboard, or a forged press."""
    raise StaleButton


async def group_command(update: Update, context: Context) -> None:
    """Commands in groups get a link to a private chat; other group messages are ignored."""
    command = (update.effective_message.text or "").split()[0] if update.effective_message else ""
    if "@" in command and command.split("@", 1)[1].lower() != context.bot.username.lower():
        return  # meant for another bot in the group
    user = update.effective_user
    lang = lang_from_code(user.language_code if user else None)
    lang = lang or context.services.settings.default_lang
    markup = keyboards.private_chat(context.bot.username, lang)
    await answer(update, context, t(lang, "group"), markup)


def register(app: App) -> None:
    """Add this module's handlers (after every other module's)."""
    private = filters.ChatType.PRIVATE
    message = filters.UpdateType.MESSAGE & private
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, edited))
    app.add_handler(MessageHandler(message & filters.Sticker.ALL, sticker))
    app.add_handler(MessageHandler(message & filters.PHOTO, photo))
    app.add_handler(MessageHandler(message & filters.VOICE, voice))
    app.add_handler(MessageHandler(message & filters.COMMAND, unknown_command))
    app.add_handler(MessageHandler(message, other_media))
    app.add_handler(CallbackQueryHandler(unknown_button))
    groups = filters.ChatType.GROUPS & filters.UpdateType.MESSAGE & filters.COMMAND
    app.add_handler(MessageHandler(groups, group_command))
