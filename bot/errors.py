"""The project's own exceptions; third-party errors are mapped to these at one boundary."""

from __future__ import annotations

from typing import Any, Self

from bot.i18n import Lang, Message


class SalescoachError(Exception):
    """Base class: its message is written for the person who has to fix it.

    Errors meant for a rep or coach carry `message`, a catalogue key and parameters, made with
    `said(...)`; the edge puts it into the user's language with `words(lang)`. `str(exc)` is
    then the English text, for logs and the operator.
    """

    message: Message | None = None

    @classmethod
    def said(cls, key: str, /, **params: Any) -> Self:
        """This error as the catalogue text `key` with `params`, for the user to read."""
        message = Message(key, params)
        error = cls(message.render("en"))
        error.message = message
        return error

    def words(self, lang: Lang) -> str:
        """What to tell the user, in `lang` (the plain message for operator-facing errors)."""
        return self.message.render(lang) if self.message else str(self)


class DataFileError(SalescoachError):
    """A scenario, rubric or seed file is missing or invalid; the message names file and field."""


class ConfigError(SalescoachError):
    """Settings are missing or wrong; the message says how to fix them."""


class StoreError(SalescoachError):
    """The store could not read or write a file; the message names the file."""


class EngineError(SalescoachError):
    """The customer or judge engine failed (LLM unreachable, bad answer, budget spent)."""


class BudgetExhausted(EngineError):
    """The rep's daily token budget for the LLM engine is spent."""


class SessionFinished(SalescoachError):
    """A reply was sent to a session that has already ended."""


class NotAllowed(SalescoachError):
    """The user lacks the role or membership the action needs."""
