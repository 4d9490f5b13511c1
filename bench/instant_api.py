"""A Bot API that answers at once, in memory: to time the bot's own work per turn with no
network at all. Only the answers the bot reads are filled in."""

from __future__ import annotations

import itertools
import json
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

from tests.fakes.bot_api import BOT


class InstantBotApi(BaseRequest):
    """`BaseRequest` whose every call succeeds immediately."""

    read_timeout = 5.0

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **_: Any
    ) -> tuple[int, bytes]:
        """Answer like the Bot API: the bot, a sent message, or True."""
        name = url.rsplit("/", 1)[1]
        params = request_data.parameters if request_data else {}
        result: Any = True
        if name == "getMe":
            result = BOT
        elif name in ("sendMessage", "editMessageText", "sendPhoto", "sendDocument"):
            chat = {"id": int(str(params["chat_id"])), "type": "private"}
            result = {"message_id": next(self._ids), "date": 0, "chat": chat, "text": "…"}
        return 200, json.dumps({"ok": True, "result": result}).encode()


def message(bot: Any, user_id: int, text: str) -> Update:
    """A private message from `user_id` (commands with their entity)."""
    sender = {"id": user_id, "is_bot": False, "first_name": "Rep", "language_code": "en"}
    data: dict[str, Any] = {
        "message_id": next(_ids),
        "date": 0,
        "text": text,
        "from": sender,
        "chat": {"id": user_id, "type": "private"},
    }
    if text.startswith("/"):
        data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return Update.de_json({"update_id": next(_ids), "message": data}, bot)


def press(bot: Any, user_id: int, callback_data: str) -> Update:
    """A button press from `user_id` on a message of the bot."""
    sender = {"id": user_id, "is_bot": False, "first_name": "Rep", "language_code": "en"}
    on = {
        "message_id": next(_ids),
        "date": 0,
        "text": "…",
        "from": BOT,
        "chat": {"id": user_id, "type": "private"},
    }
    query = {
        "id": str(next(_ids)),
        "from": sender,
        "chat_instance": "1",
        "data": callback_data,
        "message": on,
    }
    return Update.de_json({"update_id": next(_ids), "callback_query": query}, bot)


_ids = itertools.count(1)
