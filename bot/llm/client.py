"""The one boundary to openai: builds AsyncOpenAI from settings, retries, maps errors to ours."""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import openai

from bot.errors import ConfigError, EngineError
from bot.llm.budget import current_meter
from bot.redact import redact
from bot.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

#: A Retry-After longer than this is not waited for: the turn falls back offline instead.
MAX_RETRY_AFTER = 30.0
BACKOFF_BASE = 0.5
BACKOFF_CAP = 8.0
#: Local servers (Ollama, llama.cpp, vLLM) ignore the key, but the client needs one.
PLACEHOLDER_KEY = "not-needed"


class RequestRejected(EngineError):
    """The server refused the request as invalid or unsupported (HTTP 400 or 422)."""


class RetryableError(EngineError):
    """A fault worth another attempt (timeout, connection, 429, 5xx)."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait


@dataclass(frozen=True)
class Completion:
    """A chat answer and what it cost."""

    text: str
    finish_reason: str
    tokens_in: int
    tokens_out: int
    model: str


def retry_after(headers: Any) -> float | None:
    """Seconds the server asks us to wait (`retry-after-ms`, `retry-after` seconds or date)."""
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value) / scale)
        except ValueError:
            parsed = email.utils.parsedate_tz(value)
            if parsed is not None:
                return max(0.0, email.utils.mktime_tz(parsed) - time.time())
    return None


#: What a cut-off or garbled body raises while the client decodes it: the server's fault.
UNREADABLE = (json.JSONDecodeError, UnicodeDecodeError, openai.APIResponseValidationError)


def map_error(exc: Exception, *, model: str, base_url: str) -> EngineError | None:
    """Turn an openai fault into ours, with a message that says what to fix; None for our bugs."""
    if isinstance(exc, UNREADABLE):
        return RetryableError(f"unreadable answer from the model server ({type(exc).__name__})")
    if isinstance(exc, openai.APIStatusError):
        return map_status_error(exc, model=model, base_url=base_url)
    if isinstance(exc, openai.APITimeoutError):
        return RetryableError("the model server timed out")
    if isinstance(exc, openai.APIConnectionError):
        return RetryableError(f"could not connect to {base_url}")
    if isinstance(exc, openai.APIError):
        return RetryableError(f"the model server failed: {exc.message[:200]}")
    if isinstance(exc, openai.OpenAIError):
        return EngineError(f"the openai client refused the call: {str(exc)[:200]}")
    return None  # a TypeError, KeyError …: a bug to log with its traceback, never to retry


def map_status_error(exc: openai.APIStatusError, *, model: str, base_url: str) -> EngineError:
    """An HTTP error answer: 429 and 5xx are worth retrying, the rest says what to fix."""
    if isinstance(exc, openai.RateLimitError):
        return RetryableError(
            "rate limited by the provider (429)", retry_after(exc.response.headers)
        )
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return EngineError(
            f"the provider refused the API key ({exc.status_code}); check OPENAI_API_KEY"
        )
    if isinstance(exc, openai.NotFoundError):
        return EngineError(
            f"model {model!r} not found at {base_url}; check SALESCOACH_CUSTOMER_MODEL / "
            "SALESCOACH_JUDGE_MODEL and OPENAI_BASE_URL"
        )
    rejected = isinstance(exc, openai.BadRequestError | openai.UnprocessableEntityError)
    if rejected or "response_format" in exc.message:
        # llama-cpp-python answers an unknown response_format with a 500
        return RequestRejected(f"the server rejected the request: {exc.message[:200]}")
    if exc.status_code >= 500 or exc.status_code in (408, 409):
        return RetryableError(f"server error {exc.status_code}", retry_after(exc.response.headers))
    return EngineError(f"server error {exc.status_code}: {exc.message[:200]}")


class LLMClient:
    """Chat completions and transcriptions with bounded retries; the only user of `openai`."""

    def __init__(self, settings: Settings, *, sleep: Sleep = asyncio.sleep) -> None:
        if not settings.openai_base_url and not settings.openai_api_key:
            raise ConfigError(
                "The LLM engine needs OPENAI_API_KEY (for OpenAI) or OPENAI_BASE_URL "
                "(for a self-hosted or other OpenAI-compatible server)."
            )
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        # Only for messages: credentials in the URL (http://user:pass@…) never reach one.
        self.base_url = redact(settings.openai_base_url or "https://api.openai.com/v1")
        self.max_retries = settings.llm_max_retries
        self.timeout = settings.llm_timeout
        self._sleep = sleep
        # openai's own retries are off: ours cap Retry-After and count attempts in one place.
        self._openai = openai.AsyncOpenAI(
            api_key=key or PLACEHOLDER_KEY,
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout,
            max_retries=0,
        )

    async def complete(
        self,
        *,
        model: str,
        messages: list[dict[str, str]],
        temperature: float,
        max_tokens: int,
        response_format: dict[str, Any] | None = None,
        seed: int | None = None,
    ) -> Completion:
        """One chat completion; refusals, content filters and empty answers are errors."""
        meter = current_meter()
        if meter is not None:
            await meter.before_call()
        extra: dict[str, Any] = {}
        if response_format is not None:
            extra["response_format"] = response_format
        if seed is not None:
            extra["seed"] = seed

        async def call() -> Any:
            return await self._openai.chat.completions.create(
                model=model,
                messages=messages,  # type: ignore[arg-type]
                temperature=temperature,
                max_tokens=max_tokens,
                **extra,
            )

        response = await self._with_retries(call, model)
        usage = getattr(response, "usage", None)
        tokens_in = int(getattr(usage, "prompt_tokens", 0) or 0)
        tokens_out = int(getattr(usage, "completion_tokens", 0) or 0)
        if meter is not None:
            await meter.record(model, tokens_in, tokens_out)
        if not getattr(response, "choices", None):
            raise EngineError("the model server sent an answer without choices")
        choice = response.choices[0]
        finish = str(choice.finish_reason or "")
        if finish == "content_filter":
            raise EngineError("the provider's content filter stopped the answer")
        message = choice.message
        if getattr(message, "refusal", None):
            raise EngineError("the model refused to answer")
        text = (message.content or "").strip()
        if not text:
            raise EngineError("the model sent an empty answer")
        return Completion(text, finish, tokens_in, tokens_out, model)

    async def transcribe(self, audio: bytes, filename: str, model: str) -> str:
        """Speech to text through the audio transcription endpoint."""

        async def call() -> Any:
            return await self._openai.audio.transcriptions.create(
                model=model, file=(filename, audio)
            )

        result = await self._with_retries(call, model)
        text = result if isinstance(result, str) else getattr(result, "text", "")
        return str(text or "").strip()

    async def close(self) -> None:
        """Close the HTTP connections."""
        await self._openai.close()

    async def _with_retries(self, call: Callable[[], Awaitable[T]], model: str) -> T:
        attempt = 0
        while True:
            try:
                return await call()
            except Exception as exc:  # the boundary: openai's faults become ours
                error = map_error(exc, model=model, base_url=self.base_url)
                if error is None:
                    raise  # a bug: the fallback logs it with its traceback
                if not isinstance(error, RetryableError) or attempt >= self.max_retries:
                    raise error from exc
                wait = error.wait
                if wait is not None and wait > MAX_RETRY_AFTER:
                    msg = f"{error} - the provider asks to wait {wait:.0f} s"
                    raise EngineError(msg) from exc
            if wait is None:
                wait = min(BACKOFF_CAP, BACKOFF_BASE * 2**attempt) * (1 + 0.25 * random.random())
            attempt += 1
            log.info(
                "LLM call failed (%s); retry %d/%d in %.2f s",
                error,
                attempt,
                self.max_retries,
                wait,
            )
            await self._sleep(wait)
