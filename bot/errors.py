"""The project's own exceptions; third-party errors are mapped to these at one boundary."""

from __future__ import annotations


class SalescoachError(Exception):
    """Base class: its message is written for the person who has to fix it."""


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
