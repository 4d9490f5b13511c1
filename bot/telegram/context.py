"""Typed data the handlers share: the services (per bot) and what is remembered per chat."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.coaching.access import Role
from bot.core.datafile import Lang
from bot.core.practice import Practice
from bot.core.session import Session
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.store import AsyncStore

#: `await role_of(user_id)` -> the user's role; coaches and cohorts plug in here.
RoleResolver = Callable[[str], Awaitable[Role]]
#: `await transcribe(audio, filename, settings)` -> text (the LLM engine's speech-to-text).
Transcriber = Callable[[bytes, str, Settings], Awaitable[str]]


#: How long a quick identical repeat (a double send) is ignored, in seconds.
REPEAT_WINDOW = 5.0


@dataclass(frozen=True)
class Pace:
    """The timing of bursts: the window that joins messages into one turn, how long an
    identical repeat is ignored, and the clock and sleep they use (tests inject their own)."""

    window: float
    repeat_window: float = REPEAT_WINDOW
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.monotonic


@dataclass
class Burst:
    """A chat's messages waiting to be played as one turn, and the turn being played."""

    texts: list[str] = field(default_factory=list)
    message_id: int | None = None  # the latest message, which the feedback replies to
    user_id: str = ""
    timer: asyncio.Task[None] | None = None
    due: set[int] = field(default_factory=set)  # messages handed back to play their burst
    playing: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_text: str = ""
    last_at: float = float("-inf")

    def take(self) -> tuple[str, int | None]:
        """The pending messages as one text (and the latest message id); empties the burst."""
        text, message_id = "\n".join(self.texts), self.message_id
        self.texts, self.message_id = [], None
        return text, message_id


@dataclass
class Services:
    """What the handlers call: the same domain objects the CLI uses."""

    settings: Settings
    practice: Practice
    store: AsyncStore
    role_of: RoleResolver
    transcribe: Transcriber | None = None
    pace: Pace = field(default_factory=lambda: Pace(0.0))


@dataclass
class ChatData:
    """Remembered per chat between updates. Memory only: the store is the source of truth,
    so a restarted bot rebuilds this from the store on the chat's next update."""

    lang: Lang | None = None
    session: Session | None = None  # the active session, cached once loaded
    session_loaded: bool = False
    delete_token: str | None = None  # the /delete_me confirmation that is still valid
    burst: Burst = field(default_factory=Burst)
    comment_for: dict[str, Any] | None = None  # the turn a coach was just asked to comment on
    comment_loaded: bool = False  # comment_for read from the store since the bot started

    def forget(self) -> None:
        """Drop everything remembered (after /delete_me)."""
        self.lang, self.session, self.session_loaded, self.delete_token = None, None, False, None
        self.comment_for, self.comment_loaded = None, False


class BotData:
    """Per-bot data: the services, set once by `build_application`."""

    def __init__(self) -> None:
        self.services: Services | None = None


class Context(CallbackContext[ExtBot[None], dict[Any, Any], ChatData, BotData]):
    """The callback context with typed accessors for our data."""

    @property
    def services(self) -> Services:
        """The services this bot was built with."""
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("build_application() sets the services before any update")
        return services

    @property
    def chat(self) -> ChatData:
        """This chat's data (a fresh one when the update has no chat)."""
        return self.chat_data if self.chat_data is not None else ChatData()

    @property
    def lang(self) -> Lang:
        """The rep's language, as resolved by the handler decorator."""
        return self.chat.lang or self.services.settings.default_lang


App = Application[ExtBot[None], Context, dict[Any, Any], ChatData, BotData, Any]
