"""When the LLM fails, the offline engine plays that turn, with a short note the rep can see."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import replace
from typing import TypeVar

from bot import i18n
from bot.core.customer import Customer, CustomerRequest
from bot.core.datafile import Lang
from bot.core.judgement import Judge, Judgement, JudgeRequest
from bot.core.practice import QuickJudge
from bot.errors import BudgetExhausted, EngineError
from bot.llm.budget import current_meter
from bot.redact import redact

log = logging.getLogger(__name__)

T = TypeVar("T")


async def within(deadline: float | None, work: Awaitable[T]) -> T:
    """`work`, or an EngineError once `deadline` seconds have passed (None: no limit).

    This bounds a whole turn part, retries and Retry-After waits included, where the
    client's timeout only bounds the silence between two bytes of one request.
    """
    try:
        async with asyncio.timeout(deadline):
            return await work
    except TimeoutError as exc:
        seconds = f"{deadline:g}"
        raise EngineError(f"no answer within {seconds} s (SALESCOACH_LLM_TURN_DEADLINE)") from exc


def fallback_note(part: str, exc: EngineError, lang: Lang) -> str:
    """A short visible note (secrets masked); a spent budget is explained in full."""
    if isinstance(exc, BudgetExhausted):
        return str(exc)
    reason = redact(str(exc)).split(" (")[0][:90]
    return i18n.text(lang, f"engine.fallback_{part}", reason=reason)


def as_engine_error(exc: Exception, part: str) -> EngineError:
    """Log the failure; anything that is not an EngineError is a bug and logged with its trace."""
    if isinstance(exc, EngineError):
        log.warning("%s fell back to offline: %s", part, exc)
        return exc
    log.error("%s fell back to offline after an unexpected error", part, exc_info=exc)
    return EngineError(f"internal error ({type(exc).__name__})")


class FallbackCustomer:
    """An LLM customer backed by the offline customer for turns where the LLM fails."""

    def __init__(self, primary: Customer, offline: Customer, deadline: float | None = None) -> None:
        self.primary = primary
        self.offline = offline
        self.deadline = deadline
        self.name = primary.name

    async def respond(self, request: CustomerRequest) -> str:
        """The LLM's line, or the offline customer's with a note for the front end."""
        try:
            return await within(self.deadline, self.primary.respond(request))
        except Exception as raised:  # the rep's turn must go on, whatever broke
            exc = as_engine_error(raised, "customer")
            meter = current_meter()
            if meter is not None:
                meter.fallback(fallback_note("customer", exc, request.lang))
            return await self.offline.respond(request)


class FallbackJudge:
    """An LLM judge backed by the offline judge; fallbacks say so in `engine` and `note`."""

    def __init__(self, primary: Judge, offline: QuickJudge, deadline: float | None = None) -> None:
        self.primary = primary
        self.offline = offline
        self.deadline = deadline
        self.name = primary.name

    async def judge(self, request: JudgeRequest) -> Judgement:
        """The LLM's judgement, or the offline one marked `offline-fallback`."""
        try:
            return await within(self.deadline, self.primary.judge(request))
        except Exception as raised:  # the rep's turn must go on, whatever broke
            exc = as_engine_error(raised, "judge")
            meter = current_meter()
            if meter is not None:
                meter.fallback()  # the note travels in the judgement itself
            judgement = self.offline.score(request)
            return replace(
                judgement,
                engine="offline-fallback",
                note=fallback_note("judge", exc, request.lang),
                extra={**judgement.extra, "fallback_reason": redact(str(exc))[:300]},
            )
