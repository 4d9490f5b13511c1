"""Voice transcription, the engine choice, prompt templates and the persisted token ledger."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from bot import prompts
from bot.errors import EngineError
from bot.llm.budget import TableLedger
from bot.llm.transcribe import transcribe
from tests.fakes.llm_world import judge_request, llm_settings, role_play
from tests.fakes.openai_server import FakeOpenAI, chat, serve


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    yield from serve(default=role_play(), transcript="  Vad kostar kavajen?  ")


async def test_a_voice_note_is_transcribed_through_the_audio_endpoint(fake: FakeOpenAI):
    text = await transcribe(b"OggS fake audio", "voice.ogg", llm_settings(fake.url))

    assert text == "Vad kostar kavajen?"
    upload = fake.requests[-1]
    assert upload.path == "/v1/audio/transcriptions"
    assert b'filename="voice.ogg"' in upload.body and b"whisper-1" in upload.body


async def test_silence_or_empty_audio_is_an_engine_error(fake: FakeOpenAI):
    with pytest.raises(EngineError, match="empty"):
        await transcribe(b"", "voice.ogg", llm_settings(fake.url))
    fake.transcript = ""
    with pytest.raises(EngineError, match="no speech"):
        await transcribe(b"OggS", "voice.ogg", llm_settings(fake.url))


def test_a_missing_template_variable_raises_instead_of_rendering_blank(tmp_path: Path):
    (tmp_path / "t.j2").write_text("{% block user %}Hello {{ name }}{% endblock %}")
    assert prompts.render_messages("t.j2", tmp_path, name="Ada") == [
        {"role": "user", "content": "Hello Ada"}
    ]
    with pytest.raises(jinja2.UndefinedError):
        prompts.render_messages("t.j2", tmp_path)


@pytest.mark.parametrize("name", ["report.j2", "hint.j2"])
def test_coaching_templates_render_with_their_variables(name: str):
    from bot.llm.coach import hint_context, report_context
    from tests.fakes.llm_world import scenario, session_with_turns

    session = session_with_turns()
    build = report_context if name == "report.j2" else hint_context
    messages = prompts.render_messages(name, **build(session, scenario=scenario()))
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "Göran" in messages[1]["content"]
    assert "<line>Är det till något tillfälle?</line>" in messages[1]["content"]


async def test_the_coach_writes_a_summary_through_the_model(fake: FakeOpenAI):
    from bot.llm.client import LLMClient
    from bot.llm.coach import LLMCoach
    from tests.fakes.llm_world import scenario, session_with_turns

    coach = LLMCoach(LLMClient(llm_settings(fake.url)), "gpt-4o-mini")
    fake.enqueue(chat("Bra frågor! Nästa gång: föreslå ett nästa steg."))
    summary = await coach.summary(session_with_turns(), scenario=scenario())
    assert summary == "Bra frågor! Nästa gång: föreslå ett nästa steg."
    assert "Overall score 64/100" in fake.chat_requests[0]["messages"][1]["content"]


def test_judge_prompt_is_stable_text_first_and_the_reply_last():
    from bot.llm.judge import LLMJudge
    from tests.fakes.llm_world import FixedJudge

    judge = LLMJudge(None, "m", offline=FixedJudge())  # type: ignore[arg-type]
    first = judge.messages(judge_request("Hej!"), ["discover_need"])
    second = judge.messages(judge_request("Vad är tillfället?", lang="sv"), ["challenge"])
    assert first[0] == second[0]
    assert re.search(
        r"<reply>\nHej!\n</reply>\n\nScore these criteria: discover_need\.", first[1]["content"]
    )


async def test_token_use_persists_in_a_store_table(tmp_path: Path):
    from bot.store.async_store import AsyncStore

    ledger = TableLedger(AsyncStore(tmp_path).table("llm_usage"))
    await asyncio.gather(
        ledger.add("rep-1", "2026-01-02", 100), ledger.add("rep-1", "2026-01-02", 50)
    )
    reopened = TableLedger(AsyncStore(tmp_path).table("llm_usage"))
    assert await reopened.spent("rep-1", "2026-01-02") == 150
    assert await reopened.spent("rep-1", "2026-01-03") == 0


class TestEngineChoice:
    """`SALESCOACH_ENGINE` and `build_practice` / `build_judge`."""

    @pytest.fixture(autouse=True)
    def _offline_judge(self) -> None:
        try:
            from bot.core.offline_judge import OfflineJudge  # noqa: F401
        except ImportError:
            pytest.skip("the offline judge has not landed yet")

    @pytest.mark.parametrize(
        ("engine", "key", "url", "llm"),
        [
            ("auto", None, None, False),
            ("auto", "sk-x", None, True),
            ("auto", None, "http://localhost:11434/v1", True),
            ("offline", "sk-x", None, False),
            ("llm", None, "http://localhost:8080/v1", True),
        ],
    )
    def test_engine_setting_picks_the_engine(
        self, engine: str, key: str | None, url: str | None, llm: bool
    ):
        from bot.engine import build_practice

        settings = llm_settings(
            url or "", SALESCOACH_ENGINE=engine, OPENAI_API_KEY=key, OPENAI_BASE_URL=url
        )
        practice = build_practice(settings)
        assert (practice.customer.name == "llm") is llm
        assert (practice.judge.name == "llm") is llm

    async def test_score_engine_llm_reports_llm_judgements(self, fake: FakeOpenAI):
        from bot.engine import build_judge

        judge = build_judge(llm_settings(fake.url))
        judgement = await judge.judge(judge_request())
        assert (judge.name, judgement.engine) == ("llm", "llm")

    async def test_llm_practice_plays_a_turn_end_to_end(self, fake: FakeOpenAI):
        from bot.engine import build_practice

        practice = build_practice(llm_settings(fake.url))
        session = practice.start(user_id="rep-1", scenario_id="just-looking", seed=1)
        result = await practice.reply(session, "Vad ska kavajen användas till?")
        assert result.turn.customer_response == "Jaså. Till ett bröllop kanske."
        assert session.usage["llm_calls"] == 2
