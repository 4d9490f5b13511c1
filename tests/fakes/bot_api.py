"""A local Telegram Bot API server for tests and benchmarks (tornado, on 127.0.0.1).

It speaks the documented HTTP interface (https://core.telegram.org/bots/api): JSON, form or
multipart parameters, `{"ok": …}` answers with Telegram's error descriptions, long polling
with offsets, and the methods the bot uses. It checks what a real server checks (HTML
entities, 4,096-character messages, 64-byte callback data, answered callback queries, edits
that change nothing) and records everything, while `FakeUser` (bot_api_users.py) lets a test
act as people: type, press buttons, send stickers.

Point the bot at `api.base_url`, e.g. `TELEGRAM_API_BASE_URL=http://127.0.0.1:<port>/bot`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import socket
import time
from dataclasses import dataclass, field
from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web

TOKEN = "123456:TEST-fake-bot-api-token"
BOT = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Salescoach",
    "username": "salescoach_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
CHAT_ACTIONS = frozenset(
    [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ]
)


class ApiError(Exception):
    """An error answer: HTTP status = error_code, with Telegram's description."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


@dataclass
class Sent:
    """A message in a chat as the client shows it (text is plain; html is what was sent)."""

    chat_id: int
    message_id: int
    text: str
    html: str | None = None
    markup: dict[str, Any] | None = None
    kind: str = "text"  # text | photo | document | user
    file_name: str | None = None
    data: bytes | None = None
    reply_to: int | None = None
    at: float = field(default_factory=time.perf_counter)
    edits: int = 0
    obj: dict[str, Any] = field(default_factory=dict)  # the Message object as the API returns it
    force_reply: dict[str, Any] | None = None  # a ForceReply sent with it (opens the reply box)

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """Every inline button, row by row."""
        rows = (self.markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def button(self, contains: str) -> dict[str, Any]:
        """The first button whose text contains `contains`."""
        for button in self.buttons:
            if contains in button["text"]:
                return button
        raise AssertionError(f"no button {contains!r} in {[b['text'] for b in self.buttons]}")


class FakeBotApi:
    """State and methods of the fake server; `await start()` serves it over HTTP."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.messages: dict[tuple[int, int], Sent] = {}
        self.outbox: dict[int, list[Sent]] = {}  # the bot's messages per chat, in order
        self.chats: dict[int, dict[str, Any]] = {}
        self.queries: dict[str, dict[str, Any]] = {}
        self.files: dict[str, tuple[bytes, str]] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook_url = ""
        self.webhook_secret = ""
        self.allowed_updates: list[str] = []
        self.faults: list[tuple[str, ApiError]] = []
        self._update_ids = itertools.count(1000)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._file_ids = itertools.count(1)
        self._poll: object | None = None
        self._changed = asyncio.Event()
        self._server: tornado.httpserver.HTTPServer | None = None
        self.port = 0

    # -- serving -----------------------------------------------------------------------

    async def start(self) -> FakeBotApi:
        """Listen on a free port of 127.0.0.1."""
        from tests.fakes.bot_api_http import routes

        self._changed = asyncio.Event()
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1", family=socket.AF_INET)
        self.port = sockets[0].getsockname()[1]
        self._server = tornado.httpserver.HTTPServer(tornado.web.Application(routes(self)))
        self._server.add_sockets(sockets)
        return self

    async def stop(self) -> None:
        """Stop listening and drop open connections."""
        if self._server is not None:
            self._server.stop()
            with contextlib.suppress(Exception):
                await self._server.close_all_connections()
            self._server = None

    @property
    def base_url(self) -> str:
        """For TELEGRAM_API_BASE_URL."""
        return f"http://127.0.0.1:{self.port}/bot"

    def changed(self) -> None:
        """Wake everyone waiting for news (long polls, tests waiting for messages)."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_change(self, timeout: float) -> None:
        """Sleep until something changes or `timeout` passes."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)

    def fail_next(
        self, method: str, code: int, description: str, retry_after: int | None = None
    ) -> None:
        """Make the next call of `method` fail (e.g. 429 Too Many Requests)."""
        self.faults.append((method.lower(), ApiError(code, description, retry_after)))

    # -- what users do (see bot_api_users.FakeUser) --------------------------------------

    def push(self, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
        """Queue an update of `kind` (message, edited_message, callback_query)."""
        update = {"update_id": next(self._update_ids), kind: obj}
        self.updates.append(update)
        self.changed()
        return update

    async def deliver_webhook(self) -> list[int]:
        """POST every queued update to the webhook, as Telegram does (with the secret token
        header); an update stays queued unless the bot answers 200. Returns the statuses."""
        import httpx

        statuses = []
        headers = (
            {"X-Telegram-Bot-Api-Secret-Token": self.webhook_secret} if self.webhook_secret else {}
        )
        async with httpx.AsyncClient() as client:
            for update in list(self.updates):
                response = await client.post(self.webhook_url, json=update, headers=headers)
                statuses.append(response.status_code)
                if response.status_code == 200:
                    self.updates.remove(update)
        return statuses

    def take_updates(self) -> list[dict[str, Any]]:
        """Hand over every queued update (for tests that call app.process_update)."""
        taken, self.updates = self.updates, []
        return taken

    def chat(self, chat: dict[str, Any]) -> dict[str, Any]:
        """Register a chat (a user who wrote to the bot, or a group)."""
        self.chats.setdefault(chat["id"], chat)
        self._message_ids.setdefault(chat["id"], itertools.count(1))
        return self.chats[chat["id"]]

    def next_message_id(self, chat_id: int) -> int:
        """Message ids count up per chat, shared by the user's and the bot's messages."""
        return next(self._message_ids[chat_id])

    def add_file(self, data: bytes, path: str) -> dict[str, Any]:
        """Store a file users sent, as getFile will describe it."""
        file_id = f"file-{next(self._file_ids)}"
        self.files[file_id] = (data, path)
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(data)}

    def sent_to(self, chat_id: int) -> list[Sent]:
        """The bot's messages in a chat, oldest first."""
        return list(self.outbox.get(chat_id, ()))

    def record(self, sent: Sent) -> None:
        """Keep a message sent in a chat (by the bot, or by a user when kind is "user")."""
        self.messages[(sent.chat_id, sent.message_id)] = sent
        if sent.kind != "user":
            self.outbox.setdefault(sent.chat_id, []).append(sent)

    def called(self, method: str) -> list[dict[str, Any]]:
        """The parameters of every call of `method` so far."""
        return [params for name, params in self.calls if name == method.lower()]

    # -- dispatch ------------------------------------------------------------------------

    async def call(
        self, method: str, params: dict[str, Any], files: dict[str, tuple[bytes, str]]
    ) -> Any:
        """Run one Bot API method; ApiError for anything Telegram would refuse."""
        name = method.lower()
        self.calls.append((name, params))
        for i, (target, error) in enumerate(self.faults):
            if target == name:
                del self.faults[i]
                raise error
        from tests.fakes import bot_api_methods

        handler = bot_api_methods.METHODS.get(name)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        result = handler(self, params, files)
        if asyncio.iscoroutine(result):
            result = await result
        self.changed()
        return result
