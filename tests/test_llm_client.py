"""The openai boundary: bounded retries, Retry-After, timeouts and every fault mapped to ours."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator

import httpx2
import openai
import pytest

from bot.errors import ConfigError, EngineError
from bot.llm.client import LLMClient, RequestRejected, RetryableError, map_error
from tests.fakes.llm_world import llm_settings
from tests.fakes.openai_server import (
    Answer,
    FakeOpenAI,
    chat,
    content_filter,
    drop,
    error,
    hang,
    malformed,
    rate_limited,
    refusal,
    serve,
)

MESSAGES = [{"role": "user", "content": "Hej"}]


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    yield from serve()


class RecordingSleep:
    """Records the waits instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def client_for(
    fake: FakeOpenAI, sleep: RecordingSleep | None = None, **settings: object
) -> LLMClient:
    values: dict[str, object] = {"SALESCOACH_LLM_TIMEOUT": 0.5, **settings}
    return LLMClient(llm_settings(fake.url, **values), sleep=sleep or RecordingSleep())


async def ask(client: LLMClient) -> str:
    completion = await client.complete(
        model="gpt-4o-mini", messages=MESSAGES, temperature=0, max_tokens=20
    )
    return completion.text


async def test_answer_text_and_token_usage_come_back(fake: FakeOpenAI):
    fake.enqueue(chat("  Hej själv!  ", usage=(12, 3)))
    completion = await client_for(fake).complete(
        model="gpt-4o-mini", messages=MESSAGES, temperature=0.5, max_tokens=20, seed=4
    )
    assert (completion.text, completion.tokens_in, completion.tokens_out) == ("Hej själv!", 12, 3)
    assert fake.chat_requests[0]["seed"] == 4
    assert fake.requests[0].headers["authorization"] == "Bearer sk-test-secret-123"


async def test_429_waits_as_long_as_retry_after_says_then_succeeds(fake: FakeOpenAI):
    sleep = RecordingSleep()
    fake.enqueue(rate_limited(1.5), rate_limited(0.25), chat("ok"))
    assert await ask(client_for(fake, sleep)) == "ok"
    assert sleep.waits == [1.5, 0.25]


async def test_429_retry_after_is_really_waited_for(fake: FakeOpenAI):
    loop = asyncio.get_running_loop()
    events: list[str] = []

    def answer(body: dict[str, object]) -> Answer:
        loop.call_soon_threadsafe(events.append, "request")
        if len(fake.chat_requests) > 1:
            return chat("ok")
        # A timer shorter than Retry-After, started before the 429 leaves: the same loop
        # must fire it before the retry goes out if the client really sleeps.
        loop.call_soon_threadsafe(loop.call_later, 0.2, events.append, "shorter timer")
        return rate_limited(0.4)

    fake.default = answer
    client = LLMClient(llm_settings(fake.url))  # the real asyncio.sleep
    assert await ask(client) == "ok"
    await asyncio.sleep(0)  # let the second request's note land
    assert events == ["request", "shorter timer", "request"]


async def test_retry_after_longer_than_a_rep_should_wait_is_not_waited_for(fake: FakeOpenAI):
    sleep = RecordingSleep()
    fake.enqueue(rate_limited(120), chat("never reached"))
    with pytest.raises(EngineError, match="asks to wait 120 s"):
        await ask(client_for(fake, sleep))
    assert (sleep.waits, len(fake.chat_requests)) == ([], 1)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (error(500), "server error 500"),
        (error(503, "overloaded"), "server error 503"),
        (drop(), "could not connect"),
        (hang(5), "timed out"),
        (malformed(), "unreadable answer"),
    ],
    ids=["500", "503", "drop", "hang", "malformed"],
)
async def test_transient_faults_are_retried_with_backoff_then_given_up(
    fake: FakeOpenAI, fault: Answer, message: str
):
    sleep = RecordingSleep()
    fake.enqueue(fault, fault, fault, chat("too late"))
    with pytest.raises(EngineError, match=message):
        await ask(client_for(fake, sleep, SALESCOACH_LLM_TIMEOUT=0.3))
    assert len(fake.chat_requests) == 3  # 1 try + SALESCOACH_LLM_MAX_RETRIES=2
    assert len(sleep.waits) == 2 and 0.5 <= sleep.waits[0] < sleep.waits[1] <= 2.5


async def test_a_transient_fault_then_an_answer_succeeds(fake: FakeOpenAI):
    fake.enqueue(error(502), chat("ok"))
    assert await ask(client_for(fake)) == "ok"


@pytest.mark.parametrize(
    ("fault", "error_type", "message"),
    [
        (refusal(), EngineError, "refused"),
        (content_filter(), EngineError, "content filter"),
        (chat("   "), EngineError, "empty answer"),
        (error(400, "bad request"), RequestRejected, "rejected the request"),
        (error(422, "unprocessable"), RequestRejected, "rejected the request"),
        (error(401, "invalid key"), EngineError, "check OPENAI_API_KEY"),
        (error(404, "no such model"), EngineError, "model 'gpt-4o-mini' not found"),
    ],
    ids=["refusal", "content-filter", "empty", "400", "422", "401", "404"],
)
async def test_permanent_faults_are_not_retried(
    fake: FakeOpenAI, fault: Answer, error_type: type[EngineError], message: str
):
    fake.enqueue(fault, chat("not reached"))
    with pytest.raises(error_type, match=message):
        await ask(client_for(fake))
    assert len(fake.chat_requests) == 1


async def test_the_api_key_never_appears_in_errors_or_logs(
    fake: FakeOpenAI, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    fake.enqueue(error(500), error(401, "invalid key"))
    with pytest.raises(EngineError) as raised:
        await ask(client_for(fake))
    assert "sk-test-secret-123" not in str(raised.value)
    assert "sk-test-secret-123" not in caplog.text


def test_llm_engine_without_key_or_url_says_how_to_fix_it():
    settings = llm_settings("http://unused", OPENAI_BASE_URL=None, OPENAI_API_KEY=None)
    with pytest.raises(ConfigError, match=r"OPENAI_API_KEY .* OPENAI_BASE_URL"):
        LLMClient(settings)


async def test_a_local_server_needs_no_key(fake: FakeOpenAI):
    fake.enqueue(chat("ok"))
    client = LLMClient(llm_settings(fake.url, OPENAI_API_KEY=None))
    assert await ask(client) == "ok"


REQUEST = httpx2.Request("POST", "http://fake/v1/chat/completions")


@pytest.mark.parametrize(
    ("exc", "retryable"),
    [
        (openai.APIConnectionError(request=REQUEST), True),
        (openai.APITimeoutError(request=REQUEST), True),
        (openai.APIError("stream broke", REQUEST, body=None), True),
        (
            openai.APIResponseValidationError(
                httpx2.Response(200, request=REQUEST), body=None, message="bad shape"
            ),
            True,
        ),
        (json.JSONDecodeError("Unterminated string", '{"id": "', 8), True),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), True),
        (openai.OpenAIError("no api_key"), False),
    ],
    ids=["connection", "timeout", "api-error", "validation", "json", "unicode", "client-misuse"],
)
def test_only_the_clients_api_faults_and_unreadable_answers_are_retryable(
    exc: Exception, retryable: bool
):
    error = map_error(exc, model="m", base_url="http://fake/v1")
    assert isinstance(error, EngineError)
    assert isinstance(error, RetryableError) is retryable


@pytest.mark.parametrize(
    "exc",
    [TypeError("unsupported operand"), KeyError("choices"), AttributeError("x"), ValueError()],
)
def test_anything_else_is_a_bug_and_not_ours_to_map(exc: Exception):
    assert map_error(exc, model="m", base_url="http://fake/v1") is None


async def test_a_bug_in_the_call_surfaces_as_itself_and_is_never_retried(
    fake: FakeOpenAI, caplog: pytest.LogCaptureFixture
):
    sleep = RecordingSleep()
    fake.enqueue(chat("not reached"))
    unserialisable = [{"role": "user", "content": object()}]  # a caller's bug, as a TypeError
    with pytest.raises(TypeError, match="not JSON serializable"):
        await client_for(fake, sleep).complete(
            model="gpt-4o-mini", messages=unserialisable, temperature=0, max_tokens=20
        )
    assert (fake.chat_requests, sleep.waits) == ([], [])
    assert "retry" not in caplog.text
