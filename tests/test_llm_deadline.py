"""A whole LLM turn has a deadline (SALESCOACH_LLM_TURN_DEADLINE): a server that hangs,
trickles or asks us to wait is not waited for; the offline engine answers with a note.

No test measures wall-clock time: each checks that the answer came while the misbehaving
server was still busy (its request unfinished, or its retry not yet due).
"""

from __future__ import annotations

import pytest

from bot.core.practice import Practice
from bot.engine import build_practice
from tests.fakes.llm_world import llm_settings
from tests.fakes.openai_server import Answer, FakeOpenAI, hang, rate_limited, trickle

DEADLINE = 0.5
SCENARIO = "cards-never-arrived"


def practice_for(fake: FakeOpenAI) -> Practice:
    # Generous per-request timeout and many retries: only the turn deadline can end the wait.
    return build_practice(
        llm_settings(
            fake.url,
            SALESCOACH_LLM_TURN_DEADLINE=DEADLINE,
            SALESCOACH_LLM_TIMEOUT=60,
            SALESCOACH_LLM_MAX_RETRIES=10,
        )
    )


@pytest.mark.parametrize(
    "misbehaviour",
    [hang(120), trickle(5.0, "Okej, berätta mer om vad du menar.")],
    ids=["hanging", "one-byte-every-5s"],
)
async def test_a_turn_is_answered_offline_while_the_server_is_still_busy(
    misbehaviour: Answer,
) -> None:
    with FakeOpenAI(default=misbehaviour) as fake:
        practice = practice_for(fake)
        session = practice.start(user_id="rep", scenario_id=SCENARIO, lang="en", seed=1)
        result = await practice.reply(session, "What do you need the cards for, and by when?")
        assert fake.finished == []  # the server had not finished a single answer
        assert len(fake.chat_requests) == 2  # the customer and the judge, once each
    judgement = result.turn.judgement
    assert judgement.engine == "offline-fallback"
    assert judgement.extra["fallback_reason"].startswith(f"no answer within {DEADLINE:g} s")
    assert f"The AI customer did not answer (no answer within {DEADLINE:g} s)" in judgement.note
    assert f"The AI judge did not answer (no answer within {DEADLINE:g} s)" in judgement.note
    assert result.turn.customer_response  # the offline customer spoke


async def test_a_long_retry_after_is_not_waited_for() -> None:
    with FakeOpenAI(default=rate_limited(30)) as fake:
        practice = practice_for(fake)
        session = practice.start(user_id="rep", scenario_id=SCENARIO, lang="sv", seed=1)
        result = await practice.reply(session, "Vad ska korten användas till?")
        assert len(fake.chat_requests) == 2  # answered before any retry was due
    judgement = result.turn.judgement
    assert judgement.engine == "offline-fallback"
    assert f"(no answer within {DEADLINE:g} s)" in judgement.note


async def test_a_hint_waits_no_longer_than_a_turn() -> None:
    with FakeOpenAI(default=hang(120)) as fake:
        practice = practice_for(fake)
        session = practice.start(user_id="rep", scenario_id=SCENARIO, lang="en", seed=1)
        hint = await practice.nudge(session)
        assert fake.finished == [] and hint  # the rubric's own hint, while the server hangs


def test_the_deadline_is_a_setting_with_a_default_of_20_seconds() -> None:
    assert llm_settings("http://127.0.0.1:9/v1").llm_turn_deadline == 20.0
