"""People using the fake Bot API: they type, press buttons, send stickers, and read replies."""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from tests.fakes.bot_api import BOT, FakeBotApi, Sent

_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(@\w+)?")
_QUERY_IDS = itertools.count(1)
#: The start of an Ogg Opus file, enough for a voice note's bytes.
OGG = b"OggS\x00\x02" + b"\x00" * 64


class FakeUser:
    """A Telegram user; in a private chat with the bot unless `chat` says otherwise."""

    def __init__(
        self,
        api: FakeBotApi,
        user_id: int,
        first_name: str = "Rep",
        language_code: str | None = "sv",
        chat: dict[str, Any] | None = None,
    ) -> None:
        self.api = api
        self.user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            self.user["language_code"] = language_code
        self.chat = api.chat(chat or {"id": user_id, "type": "private", "first_name": first_name})
        self._seen = 0

    @property
    def chat_id(self) -> int:
        """The chat this user writes in."""
        return int(self.chat["id"])

    def in_group(self, group_id: int, title: str = "Sales team") -> FakeUser:
        """The same person, writing in a group chat."""
        chat = {"id": group_id, "type": "group", "title": title}
        return FakeUser(
            self.api, self.user["id"], self.user["first_name"], self.user.get("language_code"), chat
        )

    # -- sending -------------------------------------------------------------------------

    def _message(self, **content: Any) -> dict[str, Any]:
        message_id = self.api.next_message_id(self.chat_id)
        message = {
            "message_id": message_id,
            "from": self.user,
            "chat": self.chat,
            "date": int(time.time()),
            **content,
        }
        self.api.record(
            Sent(self.chat_id, message_id, content.get("text", ""), kind="user", obj=message)
        )
        return message

    def say(self, text: str) -> dict[str, Any]:
        """Type and send a text (commands get their bot_command entity, as clients do)."""
        content: dict[str, Any] = {"text": text}
        command = _COMMAND.match(text)
        if command:
            length = len(command.group(0).encode("utf-16-le")) // 2
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self.api.push("message", self._message(**content))

    def sticker(self, emoji: str = "😀") -> dict[str, Any]:
        """Send a sticker."""
        file = self.api.add_file(b"RIFF-webp-sticker", "stickers/s.webp")
        sticker = {
            **file,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self.api.push("message", self._message(sticker=sticker))

    def photo(self) -> dict[str, Any]:
        """Send a photo."""
        file = self.api.add_file(b"\xff\xd8jpeg", "photos/p.jpg")
        return self.api.push("message", self._message(photo=[{**file, "width": 90, "height": 90}]))

    def voice(self, audio: bytes = OGG, duration: int = 3) -> dict[str, Any]:
        """Send a voice note."""
        file = self.api.add_file(audio, "voice/v.oga")
        voice = {**file, "duration": duration, "mime_type": "audio/ogg"}
        return self.api.push("message", self._message(voice=voice))

    def document(self, data: bytes, file_name: str) -> dict[str, Any]:
        """Send a file, as a document with its name."""
        file = self.api.add_file(data, f"documents/{file_name}")
        document = {**file, "file_name": file_name, "mime_type": "application/x-yaml"}
        return self.api.push("message", self._message(document=document))

    def location(self) -> dict[str, Any]:
        """Share a location."""
        return self.api.push(
            "message", self._message(location={"latitude": 59.3, "longitude": 18.1})
        )

    def edit(self, update: dict[str, Any], text: str) -> dict[str, Any]:
        """Edit a message this user sent earlier (the update that carried it)."""
        message = {**update["message"], "text": text, "edit_date": int(time.time())}
        return self.api.push("edited_message", message)

    def press(self, sent: Sent, button: str | None = None, *, data: str | None = None) -> str:
        """Press the button whose text contains `button`, or send any `data` (a forged press,
        as a modified client could). Returns the callback query id."""
        if data is None:
            data = str(sent.button(button or "").get("callback_data"))
        query_id = f"{self.user['id']}-{next(_QUERY_IDS)}"
        self.api.queries[query_id] = {"answered": False, "text": None, "data": data}
        message = {**sent.obj}
        message.pop("file", None)
        self.api.push(
            "callback_query",
            {
                "id": query_id,
                "from": self.user,
                "message": message,
                "chat_instance": str(self.chat_id),
                "data": data,
            },
        )
        return query_id

    # -- reading -------------------------------------------------------------------------

    @property
    def inbox(self) -> list[Sent]:
        """Everything the bot sent to this chat (the live list: do not modify)."""
        return self.api.outbox.setdefault(self.chat_id, [])

    def unread(self) -> list[Sent]:
        """Messages since the last read, marking them read."""
        inbox = self.inbox
        new, self._seen = inbox[self._seen :], len(inbox)
        return new

    async def receive(self, count: int = 1, timeout: float = 5.0) -> list[Sent]:
        """Wait for `count` new messages from the bot and return them (marking them read)."""
        deadline = time.monotonic() + timeout
        while len(self.inbox) - self._seen < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                texts = [m.text[:60] for m in self.inbox[self._seen :]]
                raise AssertionError(f"expected {count} new messages, got {texts}")
            await self.api.wait_change(remaining)
        new = self.inbox[self._seen : self._seen + count]
        self._seen += count
        return new

    async def edited(self, sent: Sent, edits: int = 1, timeout: float = 5.0) -> Sent:
        """Wait until the bot has edited `sent` `edits` times in all."""
        deadline = time.monotonic() + timeout
        while sent.edits < edits:
            if time.monotonic() > deadline:
                raise AssertionError(f"message {sent.message_id} was edited {sent.edits} times")
            await self.api.wait_change(deadline - time.monotonic())
        return sent

    async def settle(self, quiet: float = 0.2, timeout: float = 5.0) -> list[Sent]:
        """Wait until the bot has said something and then stayed quiet for `quiet` seconds;
        return the new messages (marking them read)."""
        await self.receive(1, timeout)
        self._seen -= 1
        while True:
            count = len(self.inbox)
            await self.api.wait_change(quiet)
            if len(self.inbox) == count:
                return self.unread()

    async def answered(self, query_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """Wait until the bot has answered a callback query; return how."""
        deadline = time.monotonic() + timeout
        while not self.api.queries[query_id]["answered"]:
            if time.monotonic() > deadline:
                raise AssertionError(f"callback query {query_id} was never answered")
            await self.api.wait_change(deadline - time.monotonic())
        return self.api.queries[query_id]

    def answer_to(self, query_id: str) -> dict[str, Any]:
        """How the bot answered a callback query."""
        return self.api.queries[query_id]


def bot_user() -> dict[str, Any]:
    """The bot as a User object."""
    return BOT
