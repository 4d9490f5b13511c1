"""Typed data the handlers share: the services (per bot) and what is remembered per chat."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
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


@dataclass
class Services:
    """What the handlers call: the same domain objects the CLI uses."""

    settings: Settings
    practice: Practice
    store: AsyncStore
    role_of: RoleResolver
    transcribe: Transcriber | None = None


@dataclass
class ChatData:
    """Remembered per chat between updates. Memory only: the store is the source of truth,
    so a restarted bot rebuilds this from the store on the chat's next update."""

    lang: Lang | None = None
    session: Session | None = None  # the active session, cached once loaded
    session_loaded: bool = False
    delete_token: str | None = None  # the /delete_me confirmation that is still valid

    def forget(self) -> None:
        """Drop everything remembered (after /delete_me)."""
        self.lang, self.session, self.session_loaded, self.delete_token = None, None, False, None


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
