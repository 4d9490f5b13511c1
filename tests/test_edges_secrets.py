"""Secrets never printed: each failure path runs with canary secrets, and every byte of
output (stdout, stderr with its log lines) and every file in the data folder is searched."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.redact import MASK, RedactingFilter, redact, remember
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.openai_server import FakeOpenAI, error

TOKEN_SECRET = "AAcanaryTOKENcanaryTOKENcanaryTOKEN12"
TOKEN = f"987654321:{TOKEN_SECRET}"
KEY = "sk-canaryKEYcanaryKEYcanaryKEY0042"
PASSWORD = "canaryPASSWORD77"
CANARIES = (TOKEN_SECRET, KEY, PASSWORD)


def run(*args: str, data_dir: Path, stdin: str = "", **env: str) -> tuple[int, str]:
    """Run `salescoach` with the canaries in its environment; (exit status, all output)."""
    import subprocess

    full = {
        **os.environ,
        "SALESCOACH_DATA_DIR": str(data_dir),
        "SALESCOACH_ENV_FILE": "",
        "SALESCOACH_LANG": "en",
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "OPENAI_API_KEY": KEY,
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


async def run_async(*args: str, data_dir: Path, **env: str) -> tuple[int, str, str]:
    """As `run`, without blocking the event loop that serves a fake Bot API."""
    full = {
        **os.environ,
        "SALESCOACH_DATA_DIR": str(data_dir),
        "SALESCOACH_ENV_FILE": "",
        "SALESCOACH_LANG": "en",
        "SALESCOACH_ENGINE": "offline",
        "TELEGRAM_BOT_TOKEN": TOKEN,
        **env,
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=full,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode or 0, out.decode(), err.decode()


def assert_no_canary(output: str, data_dir: Path) -> None:
    """No canary in the output, nor in any file under the data folder."""
    for canary in CANARIES:
        assert canary not in output, f"{canary} printed:\n{output[-2000:]}"
    for path in data_dir.rglob("*") if data_dir.exists() else []:
        if path.is_file():
            data = path.read_bytes()
            for canary in CANARIES:
                assert canary.encode() not in data, f"{canary} stored in {path}"


@pytest.fixture
def failing_llm() -> Iterator[FakeOpenAI]:
    """A model server that rejects every request, quoting the key back (as providers do)."""
    with FakeOpenAI(default=error(400, f"Invalid request for key {KEY} via {PASSWORD}")) as fake:
        yield fake


def with_password(url: str) -> str:
    return url.replace("http://", f"http://salescoach:{PASSWORD}@")


@pytest.mark.parametrize(
    "suffix", ["", "/wrong/"], ids=["401-token-rejected", "404-wrong-base-url"]
)
async def test_serve_refused_by_the_bot_api_says_so_in_one_line_without_the_token(
    data_dir: Path, suffix: str
) -> None:
    api = await FakeBotApi().start()  # its token is not the canary: every call gets 401
    try:
        base = with_password(api.base_url) + suffix
        code, out, err = await run_async("serve", data_dir=data_dir, TELEGRAM_API_BASE_URL=base)
    finally:
        await api.stop()
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "TELEGRAM_BOT_TOKEN" in err and "did not accept the bot token" in err
    assert_no_canary(out + err, data_dir)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/bot", "not a url", "ftp://example.org/bot"])
async def test_serve_with_an_unreachable_or_bad_api_url_is_one_line(
    data_dir: Path, url: str
) -> None:
    code, out, err = await run_async(
        "serve", data_dir=data_dir, TELEGRAM_API_BASE_URL=with_password(url)
    )
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "TELEGRAM_API_BASE_URL" in err and "Traceback" not in err
    assert_no_canary(out + err, data_dir)


def test_chat_with_a_failing_llm_keeps_every_secret_out_of_notes_logs_and_files(
    data_dir: Path, failing_llm: FakeOpenAI
) -> None:
    code, output = run(
        "chat",
        "--scenario",
        "cards-never-arrived",
        "--lang",
        "en",
        data_dir=data_dir,
        stdin="What do you need the cards for?\n",
        SALESCOACH_ENGINE="llm",
        OPENAI_BASE_URL=with_password(failing_llm.url),
        SALESCOACH_LLM_MAX_RETRIES="0",
    )
    assert code == 0, output
    assert "The AI judge did not answer" in output  # the note is shown …
    assert MASK in output  # … with the secrets it quoted masked
    assert failing_llm.chat_requests, "the LLM was never asked"
    assert_no_canary(output, data_dir)


def test_chat_that_cannot_reach_the_llm_keeps_the_url_password_out(data_dir: Path) -> None:
    code, output = run(
        "chat",
        "--scenario",
        "cards-never-arrived",
        "--lang",
        "en",
        "--json",
        data_dir=data_dir,
        stdin="What do you need the cards for?\n",
        SALESCOACH_ENGINE="llm",
        OPENAI_BASE_URL=with_password("http://127.0.0.1:9/v1"),
        SALESCOACH_LLM_MAX_RETRIES="0",
    )
    assert code == 0, output
    assert "could not connect to http://***@127.0.0.1:9/v1" in output
    assert_no_canary(output, data_dir)


def test_score_with_a_failing_llm_prints_no_secret(data_dir: Path, failing_llm: FakeOpenAI) -> None:
    code, output = run(
        "score",
        data_dir=data_dir,
        stdin='{"customer": "Hej", "reply": "Vad behöver du?"}\n',
        SALESCOACH_ENGINE="llm",
        OPENAI_BASE_URL=with_password(failing_llm.url),
        SALESCOACH_LLM_MAX_RETRIES="0",
    )
    assert code == 0 and '"engine": "offline-fallback"' in output, output
    assert_no_canary(output, data_dir)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            f"POST https://api.telegram.org/bot{TOKEN}/getMe",
            "https://api.telegram.org/bot***/getMe",
        ),
        (f"file https://api.telegram.org/file/bot{TOKEN}/voice.ogg", "/file/bot***/voice.ogg"),
        (f"token {TOKEN} rejected", "token *** rejected"),
        (f"Authorization: Bearer {KEY}", "Bearer ***"),
        (f"key={KEY}", "key=***"),
        (f"http://user:{PASSWORD}@host:8080/v1", "http://***@host:8080/v1"),
    ],
)
def test_redact_masks_tokens_keys_and_url_credentials(text: str, kept: str) -> None:
    masked = redact(text)
    assert kept in masked and not any(c in masked for c in CANARIES)


def test_a_remembered_secret_of_any_shape_is_masked_in_log_lines_and_tracebacks() -> None:
    import logging

    remember(["hunter2-odd-shape"])
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "login %s", ("hunter2-odd-shape",), None
    )
    try:
        raise RuntimeError("failed with hunter2-odd-shape")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    RedactingFilter().filter(record)
    line = logging.Formatter().format(record)
    assert "hunter2" not in line and "login ***" in line and "failed with ***" in line


async def test_the_bot_with_a_failing_llm_keeps_secrets_out_of_chats_logs_and_files(
    data_dir: Path, failing_llm: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.engine import build_practice
    from bot.redact import install_log_filter
    from tests.fakes.llm_world import llm_settings
    from tests.telegram_world import World, started

    install_log_filter()
    caplog.handler.addFilter(RedactingFilter())
    api = await FakeBotApi().start()
    llm = llm_settings(
        with_password(failing_llm.url), OPENAI_API_KEY=KEY, SALESCOACH_LLM_MAX_RETRIES=0
    )
    app = await started(api, data_dir, practice=build_practice(llm), settings={"engine": "llm"})
    try:
        world = World(api, app)
        rep = world.rep(lang="en")
        picker = (await world.step(rep, "/practice"))[0]
        await world.press(rep, picker, data="brief:cards-never-arrived:practice")
        await world.press(rep, picker, data="go:cards-never-arrived:1:practice")
        answers = await world.step(rep, "What do you need the cards for?")
    finally:
        await app.shutdown()
        await api.stop()
    shown = "\n".join(message.text for message in answers)
    assert "did not answer" in shown and MASK in shown  # the note, with the secret masked
    assert failing_llm.chat_requests
    assert_no_canary(shown + caplog.text, data_dir)
